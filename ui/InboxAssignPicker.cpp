#include "ui/InboxAssignPicker.h"

#include "models/EmployeesModel.h"
#include "models/ModelRoles.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "ui/Icons.h"

#include <QConcatenateTablesProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace sb::ui {

namespace {
const QString kTeamPrefix = QStringLiteral("team:");
}

InboxAssignPicker::InboxAssignPicker(models::WorkspaceContext &ctx, QWidget *parent)
    : QFrame(parent), m_ctx(ctx), m_employees(new models::EmployeesModel(ctx, this)),
      m_teams(new QStandardItemModel(this)), m_choices(new QConcatenateTablesProxyModel(this)),
      m_filter(new QSortFilterProxyModel(this)), m_search(new QLineEdit(this)), m_list(new QListView(this))
{
    setObjectName(QStringLiteral("assignPicker"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Assign to"));
    m_employees->setNoneLabel(tr("Nobody (unassign)"));
    m_teams->setColumnCount(1);
    m_choices->addSourceModel(m_employees);
    m_choices->addSourceModel(m_teams);
    m_filter->setSourceModel(m_choices);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *label = new QLabel(tr("&Assign to:"), this);
    label->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("assignPickerSearch"));
    m_search->setPlaceholderText(tr("Type a name, Enter to assign, Esc to cancel"));
    m_search->setAccessibleName(tr("Filter the team"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("assignPickerList"));
    m_list->setAccessibleName(tr("Team members"));
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus); // the search field keeps the keyboard; arrows are forwarded
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) > 0 ? m_list->sizeHintForRow(0) * 7 : 160);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(m_search, 1);
    layout->addLayout(row);
    layout->addWidget(m_list);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        selectFirstMatch();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &) { accept(); });
    hide();
}

void InboxAssignPicker::open(const QString &preselectId)
{
    m_employees->reload();
    m_teams->clear();
    m_teams->setColumnCount(1); // the concatenation shows as many columns as its narrowest source
    auto teams = m_ctx.reader().prepare(QStringLiteral("SELECT id, name FROM teams ORDER BY name"));
    if (teams.ok()) {
        while (teams.value().next()) {
            auto *item = new QStandardItem(tr("Team %1").arg(teams.value().text(1)));
            item->setData(QString(kTeamPrefix + teams.value().text(0)), models::IdRole);
            item->setIcon(icons::forKey(QStringLiteral("view-team")));
            m_teams->appendRow(item);
        }
    }
    m_search->clear();
    const QString wanted = preselectId.isEmpty() ? m_ctx.currentEmployeeId() : preselectId;
    const int sourceRow = m_employees->rowOf(wanted);
    const QModelIndex current = sourceRow >= 0
        ? m_filter->mapFromSource(m_choices->mapFromSource(m_employees->index(sourceRow)))
        : m_filter->index(0, 0);
    m_list->setCurrentIndex(current);
    show();
    raise();
    m_search->setFocus(Qt::ShortcutFocusReason);
}

void InboxAssignPicker::cancel()
{
    if (isVisible()) {
        hide();
        emit cancelled();
    }
}

void InboxAssignPicker::selectFirstMatch()
{
    if (m_filter->rowCount() > 0) {
        m_list->setCurrentIndex(m_filter->index(0, 0));
    }
}

void InboxAssignPicker::accept()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const QString id = current.data(models::IdRole).toString();
    hide();
    if (id.startsWith(kTeamPrefix)) {
        emit pickedTeam(id.mid(kTeamPrefix.size()));
    } else {
        emit picked(id);
    }
}

bool InboxAssignPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown: {
            const int rows = m_filter->rowCount();
            if (rows == 0) {
                return true;
            }
            int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : 0;
            const int step = key->key() == Qt::Key_Up || key->key() == Qt::Key_PageUp ? -1 : 1;
            const int amount = key->key() == Qt::Key_PageUp || key->key() == Qt::Key_PageDown ? 5 : 1;
            row = qBound(0, row + step * amount, rows - 1);
            m_list->setCurrentIndex(m_filter->index(row, 0));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter: accept(); return true;
        case Qt::Key_Escape: cancel(); return true;
        default: break;
        }
    }
    if (watched == m_search && event->type() == QEvent::FocusOut && isVisible()) {
        // Clicking elsewhere ends the pick without assigning, as an inline control should.
        auto *focus = static_cast<QFocusEvent *>(event);
        if (focus->reason() == Qt::MouseFocusReason || focus->reason() == Qt::TabFocusReason) {
            cancel();
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace sb::ui
