#include "ui/InboxView.h"

#include "core/Domain.h"
#include "engine/Engine.h"
#include "models/InboxModel.h"
#include "models/ModelRoles.h"
#include "models/ViewsModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "ui/ConversationPane.h"
#include "ui/Icons.h"
#include "ui/InboxDelegate.h"
#include "ui/InboxEmptyState.h"
#include "ui/InboxTriage.h"

#include <QAction>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
constexpr int kSearchDelayMs = 200;
constexpr int kSlaTickMs = 60 * 1000;

// Escape in the search field clears it and returns to the list; Enter/Down go to the list.
class SearchKeys final : public QObject {
public:
    SearchKeys(QLineEdit *edit, std::function<void()> toList) : QObject(edit), m_edit(edit), m_toList(toList) { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_edit && event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Escape) {
                m_edit->clear();
                m_toList();
                return true;
            }
            if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Down) {
                m_toList();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QLineEdit *m_edit;
    std::function<void()> m_toList;
};
} // namespace

InboxView::InboxView(models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_triage(new InboxTriage(ctx, this)), m_views(new models::ViewsModel(ctx, this)),
      m_model(new models::InboxModel(ctx, this)), m_stack(new QStackedWidget(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_viewsTree(new QTreeView(this)), m_search(new QLineEdit(this)),
      m_searchDelay(new QTimer(this)), m_slaTick(new QTimer(this)), m_list(new QTreeView(this)),
      m_pane(new ConversationPane(ctx, *m_triage, this))
{
    setObjectName(QStringLiteral("inboxView"));
    setAccessibleName(tr("Inbox"));
    auto *delegate = new InboxDelegate(this);

    // Left: views with counts.
    m_viewsTree->setObjectName(QStringLiteral("inboxViews"));
    m_viewsTree->setAccessibleName(tr("Inbox views"));
    m_viewsTree->setModel(m_views);
    m_viewsTree->setItemDelegate(delegate);
    m_viewsTree->setHeaderHidden(true);
    m_viewsTree->setRootIsDecorated(false);
    m_viewsTree->setItemsExpandable(false);
    m_viewsTree->setIndentation(10);
    m_viewsTree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_viewsTree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_viewsTree->indexAt(pos);
        const QString saved = m_views->savedViewId(at);
        if (saved.isEmpty()) {
            return;
        }
        QMenu menu(this);
        QAction *remove = menu.addAction(tr("Remove saved search \"%1\"").arg(at.data().toString()));
        if (menu.exec(m_viewsTree->viewport()->mapToGlobal(pos)) == remove) {
            if (m_ctx.report(m_ctx.engine().removeView(Actor::employee(m_ctx.currentEmployeeId()), saved))) {
                m_ctx.notifyChanged();
            }
        }
    });
    m_viewsTree->setUniformRowHeights(true);
    m_viewsTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_viewsTree->setTextElideMode(Qt::ElideMiddle); // account handles differ at their end
    m_viewsTree->header()->setStretchLastSection(false);
    m_viewsTree->header()->setSectionResizeMode(models::ViewsModel::NameColumn, QHeaderView::Stretch);
    m_viewsTree->header()->setSectionResizeMode(models::ViewsModel::CountColumn, QHeaderView::ResizeToContents);
    m_viewsTree->expandAll();
    connect(m_views, &QAbstractItemModel::modelReset, m_viewsTree, &QTreeView::expandAll);

    // Middle: search over the list.
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->setSpacing(4);
    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setAccessibleName(tr("Search messages"));
    m_search->setPlaceholderText(tr("Search messages (/)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::forKey(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->installEventFilter(new SearchKeys(m_search, [this] { focusList(); }));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    // One click keeps the search as a view (listed under Saved searches).
    m_saveSearch = m_search->addAction(icons::forKey(QStringLiteral("view-save")), QLineEdit::TrailingPosition);
    m_saveSearch->setObjectName(QStringLiteral("inboxSaveSearch"));
    m_saveSearch->setToolTip(tr("Save this search as a view"));
    m_saveSearch->setVisible(false);
    connect(m_search, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_saveSearch->setVisible(!text.trimmed().isEmpty()); });
    connect(m_saveSearch, &QAction::triggered, this, [this] { saveSearchAsView(); });

    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(m_model);
    auto *listDelegate = new InboxDelegate(this);
    listDelegate->setTwoLineColumn(models::InboxModel::AuthorColumn); // author over snippet
    m_list->setItemDelegate(listDelegate);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection); // bulk triage: Shift/Ctrl+click, x, Shift+j/k
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(24);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(models::InboxModel::NetworkColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(models::InboxModel::AuthorColumn, QHeaderView::Stretch);
    header->hideSection(models::InboxModel::SnippetColumn); // shown under the author; the header menu brings it back
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu(this);
        for (int column = 1; column < models::InboxModel::kColumnCount; ++column) {
            QAction *toggle = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
            toggle->setCheckable(true);
            toggle->setChecked(!header->isSectionHidden(column));
            connect(toggle, &QAction::toggled, header,
                    [header, column](bool shown) { header->setSectionHidden(column, !shown); });
        }
        menu.exec(header->mapToGlobal(pos));
    });
    header->resizeSection(models::InboxModel::NetworkColumn, 28);
    // Widths from what the columns hold, in the bold face of unread rows, plus room for an icon.
    QFont bold = m_list->font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int iconRoom = 16 + 3 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 12;
    const auto widest = [&metrics](const QStringList &texts) {
        int w = 0;
        for (const QString &t : texts) {
            w = qMax(w, metrics.horizontalAdvance(t));
        }
        return w;
    };
    header->resizeSection(models::InboxModel::SnippetColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 14);
    header->resizeSection(models::InboxModel::StatusColumn,
                          widest({statusLabel(ConversationStatus::Open), statusLabel(ConversationStatus::Pending),
                                  statusLabel(ConversationStatus::Snoozed), statusLabel(ConversationStatus::Resolved)})
                              + iconRoom);
    header->resizeSection(models::InboxModel::AssigneeColumn, metrics.horizontalAdvance(QStringLiteral("M")) * 10);
    header->resizeSection(
        models::InboxModel::SlaColumn,
        widest({tr("Overdue %1").arg(tr("%n h", nullptr, 48)), tr("Due in %1").arg(tr("%n min", nullptr, 59))})
            + iconRoom);
    header->resizeSection(
        models::InboxModel::TimeColumn,
        widest({QStringLiteral("Wed 23:55"), QStringLiteral("28 Sep 2026"), models::InboxModel::tr("Last activity")})
            + 16);
    m_selectionBar = new QLabel(this);
    m_selectionBar->setObjectName(QStringLiteral("selectionBar"));
    m_selectionBar->setWordWrap(true);
    m_selectionBar->setTextFormat(Qt::PlainText);
    m_selectionBar->setContentsMargins(6, 3, 6, 3);
    m_selectionBar->setAutoFillBackground(true);
    m_selectionBar->setBackgroundRole(QPalette::AlternateBase);
    m_selectionBar->hide();
    middleLayout->addWidget(m_search);
    middleLayout->addWidget(m_selectionBar);
    middleLayout->addWidget(m_list, 1);

    m_splitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_splitter->addWidget(m_viewsTree);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_pane);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({200, 740, 460});

    auto *empty = new InboxEmptyState(this);
    connect(empty, &InboxEmptyState::addAccountRequested, this, &InboxView::addAccountRequested);
    connect(empty, &InboxEmptyState::demoRequested, this, &InboxView::demoRequested);
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InboxView::updateActions);
    connect(m_viewsTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onViewChanged(current); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keepId = currentConversationId();
        m_keepRow = m_list->currentIndex().row();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &InboxView::restoreSelectionAfterReset);
    connect(m_model, &models::InboxModel::queryFailed, this, &InboxView::statusMessage);
    connect(m_triage, &InboxTriage::message, this, &InboxView::statusMessage);
    connect(m_pane, &ConversationPane::assignPickerClosed, this, &InboxView::focusList);
    connect(m_pane, &ConversationPane::composerDone, this, &InboxView::focusList);
    // The author's other conversation: selected when the list shows it, else opened in the pane by itself.
    connect(m_pane, &ConversationPane::conversationRequested, this, &InboxView::openConversation);
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &InboxView::refresh);
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, &InboxView::updateActions);
    m_slaTick->setInterval(kSlaTickMs); // SLA states move with the clock, not only with changes
    connect(m_slaTick, &QTimer::timeout, this, &InboxView::refresh);
    m_slaTick->start();

    setFocusProxy(m_list); // entering the section puts the keyboard on the list
    createActions();
    m_viewsTree->setCurrentIndex(m_views->indexOf({}));
    updateEmptyState();
    updateActions();
}

InboxView::~InboxView() = default;

void InboxView::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &key, const QString &name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    auto current = [this] { return currentConversationId(); };
    // Several selected: the action applies to all of them, in one transaction.
    auto many = [this] { return selectedConversationIds().size() > 1; };
    auto toAll
        = [this](auto change, const QString &what) { m_triage->applyToMany(selectedConversationIds(), change, what); };
    m_next = make(tr("&Next conversation"), QKeySequence(Qt::Key_J), QStringLiteral("actionNextConversation"),
                  [this] { moveSelection(1); });
    m_previous = make(tr("&Previous conversation"), QKeySequence(Qt::Key_K),
                      QStringLiteral("actionPreviousConversation"), [this] { moveSelection(-1); });
    m_assign = make(tr("&Assign…"), QKeySequence(Qt::Key_A), QStringLiteral("actionAssign"),
                    [this] { m_pane->openAssignPicker(selectedConversationIds()); });
    auto statusAction = [this, current, many, toAll](ConversationStatus status, const QString &what) {
        return [this, current, many, toAll, status, what] {
            if (!many()) {
                m_triage->setStatus(current(), status);
                return;
            }
            toAll([status](Engine &engine, const Actor &actor,
                           const QString &id) { return engine.setStatus(actor, id, status); },
                  what);
        };
    };
    m_resolve = make(tr("R&esolve"), QKeySequence(Qt::Key_E), QStringLiteral("actionResolve"),
                     statusAction(ConversationStatus::Resolved, tr("Resolved")));
    m_reopen = make(tr("Re&open"), QKeySequence(Qt::Key_O), QStringLiteral("actionReopen"),
                    statusAction(ConversationStatus::Open, tr("Reopened")));
    m_pending = make(tr("Mark p&ending"), QKeySequence(Qt::Key_P), QStringLiteral("actionPending"),
                     statusAction(ConversationStatus::Pending, tr("Marked pending")));
    auto snoozeTo = [this, current, many, toAll](qint64 until) {
        if (!many()) {
            m_triage->snoozeUntil(current(), until);
            return;
        }
        toAll([until](Engine &engine, const Actor &actor,
                      const QString &id) { return engine.setStatus(actor, id, ConversationStatus::Snoozed, until); },
              tr("Snoozed"));
    };
    m_snooze = make(tr("&Snooze until tomorrow 09:00"), QKeySequence(Qt::Key_S), QStringLiteral("actionSnooze"),
                    [this, snoozeTo] { snoozeTo(m_triage->snoozeTarget()); });
    m_spam = make(tr("Mark as spa&m"), QKeySequence(Qt::Key_Exclam), QStringLiteral("actionSpam"),
                  [this, current, many, toAll] {
                      const bool spam = m_model->filter().kind != models::InboxFilter::Kind::Spam;
                      if (!many()) {
                          m_triage->setSpam(current(), spam);
                          return;
                      }
                      toAll([spam](Engine &engine, const Actor &actor,
                                   const QString &id) { return engine.markSpam(actor, id, spam); },
                            spam ? tr("Marked as spam") : tr("Not spam"));
                  });
    // "!" arrives with or without Shift depending on the keyboard layout and platform.
    m_spam->setShortcuts({QKeySequence(Qt::Key_Exclam), QKeySequence(Qt::SHIFT | Qt::Key_Exclam)});
    m_snoozeUntil = make(tr("Snooze &until…"), QKeySequence(Qt::SHIFT | Qt::Key_S), QStringLiteral("actionSnoozeUntil"),
                         [this, snoozeTo] {
                             if (const auto until = m_triage->askSnoozeTime(this)) {
                                 snoozeTo(*until);
                             }
                         });
    m_toggleSelect = make(tr("Select or unselect (for several at once)"), QKeySequence(Qt::Key_X),
                          QStringLiteral("actionToggleSelect"), [this] { toggleCurrentSelected(); });
    m_extendDown = make(tr("Extend the selection down"), QKeySequence(Qt::SHIFT | Qt::Key_J),
                        QStringLiteral("actionExtendDown"), [this] { extendSelection(1); });
    m_extendUp = make(tr("Extend the selection up"), QKeySequence(Qt::SHIFT | Qt::Key_K),
                      QStringLiteral("actionExtendUp"), [this] { extendSelection(-1); });
    m_reply
        = make(tr("&Reply"), QKeySequence(Qt::Key_R), QStringLiteral("actionReply"), [this] { m_pane->focusReply(); });
    m_note = make(tr("Add internal &note"), QKeySequence(Qt::Key_N), QStringLiteral("actionNote"),
                  [this] { m_pane->focusNote(); });
    m_find
        = make(tr("Searc&h"), QKeySequence(Qt::Key_Slash), QStringLiteral("actionSearch"), [this] { focusSearch(); });
    m_find->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence(Qt::CTRL | Qt::Key_F)});
    m_resolve->setIcon(icons::forKey(QStringLiteral("status-resolved")));
    m_snooze->setIcon(icons::forKey(QStringLiteral("status-snoozed")));
    m_reopen->setIcon(icons::forKey(QStringLiteral("status-open")));
    m_pending->setIcon(icons::forKey(QStringLiteral("status-pending")));
    m_assign->setIcon(icons::forKey(QStringLiteral("view-mine")));
    m_find->setIcon(icons::forKey(QStringLiteral("search")));
}

void InboxView::updateActions()
{
    const bool selected = !currentConversationId().isEmpty();
    const bool triage = m_triage->mayTriage();
    m_next->setEnabled(m_active);
    m_previous->setEnabled(m_active);
    m_find->setEnabled(m_active);
    m_spam->setText(m_model->filter().kind == models::InboxFilter::Kind::Spam ? tr("Not spa&m") : tr("Mark as spa&m"));
    for (QAction *action : {m_assign, m_resolve, m_reopen, m_pending, m_snooze, m_snoozeUntil, m_spam}) {
        action->setEnabled(m_active && selected && triage);
    }
    m_reply->setEnabled(m_active && selected);
    m_note->setEnabled(m_active && selected);
    m_toggleSelect->setEnabled(m_active && selected);
    m_extendDown->setEnabled(m_active && selected);
    m_extendUp->setEnabled(m_active && selected);
    const int count = int(selectedConversationIds().size());
    m_selectionBar->setText(tr("%n conversations selected: e resolves, a assigns, s snoozes, ! marks spam, for "
                               "all of them; j or k goes back to one",
                               nullptr, count));
    m_selectionBar->setVisible(count > 1);
}

QList<QAction *> InboxView::composerActions() const
{
    return m_pane->composerActions();
}

QStringList InboxView::selectedConversationIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedRows(models::InboxModel::AuthorColumn);
    for (const QModelIndex &row : rows) {
        ids << row.data(models::IdRole).toString();
    }
    if (ids.isEmpty() && !currentConversationId().isEmpty()) {
        ids << currentConversationId();
    }
    return ids;
}

void InboxView::toggleCurrentSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        return;
    }
    m_list->selectionModel()->select(current, QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
    updateActions();
}

void InboxView::extendSelection(int delta)
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        return;
    }
    int row = current.row() + delta;
    if (row >= m_model->rowCount() && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    row = qBound(0, row, m_model->rowCount() - 1);
    const QModelIndex next = m_model->index(row, models::InboxModel::AuthorColumn);
    m_list->selectionModel()->setCurrentIndex(next, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_list->scrollTo(next);
    updateActions();
}

void InboxView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_active = true;
    updateActions();
}

void InboxView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_active = false;
    updateActions();
}

QString InboxView::currentConversationId() const
{
    return m_pane->conversationId();
}

void InboxView::openConversation(const QString &conversationId)
{
    // Selected when the list shows it, else opened in the pane by itself.
    if (const int row = m_model->rowOf(conversationId); row >= 0) {
        selectRow(row);
        return;
    }
    m_list->selectionModel()->clearSelection();
    m_pane->setConversation(conversationId);
}

bool InboxView::selectConversation(const QString &conversationId)
{
    int row = m_model->rowOf(conversationId);
    while (row < 0 && m_model->canFetchMore({})) {
        m_model->fetchMore({});
        row = m_model->rowOf(conversationId);
    }
    if (row < 0) {
        return false;
    }
    selectRow(row);
    return true;
}

void InboxView::selectRow(int row)
{
    const QModelIndex index = m_model->index(row, models::InboxModel::AuthorColumn);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

void InboxView::moveSelection(int delta)
{
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() ? current.row() + delta : (delta > 0 ? 0 : m_model->rowCount() - 1);
    if (row >= m_model->rowCount() && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    row = qBound(0, row, m_model->rowCount() - 1);
    if (m_model->rowCount() > 0) {
        selectRow(row);
    }
    if (!m_list->hasFocus() && !m_pane->isAncestorOf(focusWidget())) {
        m_list->setFocus(Qt::ShortcutFocusReason);
    }
}

void InboxView::onCurrentChanged(const QModelIndex &current)
{
    const QString id = current.isValid() ? current.data(models::IdRole).toString() : QString();
    if (current.isValid() && !m_list->selectionModel()->hasSelection()) {
        // The view made a row current without selecting it (focus arriving): the shown row is the selected one.
        m_list->selectionModel()->select(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_pane->setConversation(id);
    updateActions();
    if (!id.isEmpty() && current.data(models::UnreadRole).toBool()) {
        // Marked read once the selection settles, outside the model signal that may have brought us here.
        QTimer::singleShot(0, this, [this, id] {
            if (currentConversationId() == id) {
                m_triage->markRead(id);
            }
        });
    }
}

void InboxView::saveSearchAsView(const QString &name)
{
    const QString query = m_search->text().simplified();
    if (query.isEmpty()) {
        return;
    }
    QString chosen = name;
    if (chosen.isEmpty()) {
        bool ok = false;
        chosen = QInputDialog::getText(this, tr("Save search"), tr("Name of the view:"), QLineEdit::Normal, query, &ok);
        if (!ok || chosen.trimmed().isEmpty()) {
            return;
        }
    }
    auto saved = m_ctx.engine().saveView(Actor::employee(m_ctx.currentEmployeeId()), chosen, query);
    if (!saved.ok()) {
        emit statusMessage(saved.error().message);
        return;
    }
    m_ctx.notifyChanged();
    emit statusMessage(tr("Saved the search as \"%1\".").arg(chosen.simplified()));
}

void InboxView::onViewChanged(const QModelIndex &current)
{
    if (!m_views->isView(current)) {
        return;
    }
    models::InboxFilter filter = m_views->filterAt(current);
    if (filter.search.isEmpty()) {
        filter.search = m_search->text().simplified();
    } else {
        m_search->setText(filter.search); // a saved search: show what it searches
        m_searchDelay->stop();
    }
    m_model->setFilter(filter);
    updateActions(); // "Mark as spam" reads "Not spam" in the Spam view
}

void InboxView::restoreSelectionAfterReset()
{
    int row = m_keepId.isEmpty() ? -1 : m_model->rowOf(m_keepId);
    if (row < 0 && m_refreshing && m_keepRow >= 0 && m_model->rowCount() > 0) {
        row = qMin(m_keepRow, m_model->rowCount() - 1); // it left this view: its neighbour takes its place
    }
    if (row >= 0) {
        selectRow(row);
    } else {
        m_pane->setConversation({});
        updateActions();
    }
    m_keepId.clear();
    m_keepRow = -1;
}

void InboxView::refresh()
{
    m_refreshing = true;
    // Keep what the user reached (the selection, one screen below it); the rest is fetched again on demand.
    const int rowHeight = qMax(1, m_list->sizeHintForRow(0));
    const int screen = m_list->viewport()->height() / rowHeight + 1;
    m_model->refresh(qMax(m_list->currentIndex().row(), m_list->indexAt(QPoint(0, 0)).row()) + 1 + screen);
    m_refreshing = false;
    updateEmptyState();
    updateActions();
}

void InboxView::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0
        && m_ctx.reader().scalarInt(QStringLiteral("SELECT EXISTS (SELECT 1 FROM accounts) "
                                                   "OR EXISTS (SELECT 1 FROM conversations)"))
            == 0;
    m_stack->setCurrentIndex(empty ? 1 : 0);
}

void InboxView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InboxView::focusList()
{
    m_list->setFocus(Qt::OtherFocusReason);
    if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0) {
        selectRow(0);
    }
}

void InboxView::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("inbox/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("inbox/columns"), m_list->header()->saveState());
}

void InboxView::restoreState(const QSettings &settings)
{
    m_splitter->restoreState(settings.value(QStringLiteral("inbox/splitter")).toByteArray());
    m_list->header()->restoreState(settings.value(QStringLiteral("inbox/columns")).toByteArray());
}

} // namespace sb::ui
