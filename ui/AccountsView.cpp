#include "ui/AccountsView.h"

#include "engine/Engine.h"
#include "models/AccountsModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "sync/SyncThread.h"
#include "ui/AccountsSignInDialog.h"
#include "ui/Icons.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

namespace sb::ui {

using sb::models::AccountsModel;

namespace {
// Network and health columns show their icon (a distinct shape per health state) beside the words; the model's
// colour decoration stays for views that only know colours.
class AccountsDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        QString key;
        if (index.column() == AccountsModel::HealthColumn) {
            key = index.data(AccountsModel::HealthIconRole).toString();
        } else if (index.column() == AccountsModel::NetworkColumn) {
            key = QStringLiteral("network-") + index.data(AccountsModel::NetworkNameRole).toString();
        }
        if (!key.isEmpty()) {
            option->icon = icons::forKey(key);
            option->features |= QStyleOptionViewItem::HasDecoration;
            const int size = std::max(16, option->fontMetrics.height());
            option->decorationSize = QSize(size, size);
        }
    }
};

QPushButton *makeButton(const QString &text, const QString &name, const QString &accessible, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setAccessibleName(accessible);
    return button;
}
} // namespace

AccountsView::AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("accountsView"));
    m_model = new AccountsModel(ctx.reader(), this);
    m_model->setObjectName(QStringLiteral("accountsModel"));

    auto *title = new QLabel(tr("Channel accounts"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_add = makeButton(tr("&Add account…"), QStringLiteral("accountsAddButton"), tr("Add account"), this);
    m_add->setToolTip(tr("Connect a Mastodon account by signing in to its server"));
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_add);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("accountsList"));
    m_list->setAccessibleName(tr("Channel accounts"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new AccountsDelegate(m_list));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(AccountsModel::ProgressColumn, QHeaderView::Fixed);
    m_list->header()->resizeSection(AccountsModel::ProgressColumn, fontMetrics().averageCharWidth() * 18);
    m_list->header()->setSectionResizeMode(AccountsModel::LastErrorColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(true);
    title->setBuddy(m_list);

    // The selected account: its state in full, and what can be done with it.
    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("accountsDetails"));
    m_detailTitle = new QLabel(m_details);
    m_detailTitle->setObjectName(QStringLiteral("accountsDetailTitle"));
    m_detailTitle->setFont(bold);
    m_detailTitle->setTextFormat(Qt::PlainText);
    m_detailIcon = new QLabel(m_details);
    m_detailHealth = new QLabel(m_details);
    m_detailHealth->setObjectName(QStringLiteral("accountsDetailHealth"));
    m_detailHealth->setTextFormat(Qt::PlainText);
    m_detailError = new QLabel(m_details);
    m_detailError->setObjectName(QStringLiteral("accountsDetailError"));
    m_detailError->setTextFormat(Qt::PlainText);
    m_detailError->setWordWrap(true);
    m_detailError->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_detailTitle);
    stateRow->addSpacing(12);
    stateRow->addWidget(m_detailIcon);
    stateRow->addWidget(m_detailHealth, 1);

    m_signIn = makeButton(tr("S&ign in again…"), QStringLiteral("accountsSignInButton"), tr("Sign in again"), this);
    m_signIn->setToolTip(tr("Sign in to the account's server again, e.g. after its sign-in expired"));
    m_pause = new QPushButton(tr("&Pause sync"), this);
    m_pause->setObjectName(QStringLiteral("accountsPauseButton"));
    m_pause->setToolTip(tr("Stop or restart fetching new messages for the selected account"));
    m_syncNow = makeButton(tr("Sync &now"), QStringLiteral("accountsSyncNowButton"), tr("Sync now"), this);
    m_syncNow->setToolTip(tr("Fetch new messages for the selected account now (F5)"));
    m_remove = makeButton(tr("Re&move…"), QStringLiteral("accountsRemoveButton"), tr("Remove account"), this);
    m_remove->setToolTip(tr("Remove the selected account, keeping its conversations or not (Delete)"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_signIn);
    actions->addWidget(m_pause);
    actions->addWidget(m_syncNow);
    actions->addStretch(1);
    actions->addWidget(m_remove);
    // The promise to customers: the first response within this many business minutes (the SLA).
    m_sla = new QSpinBox(m_details);
    m_sla->setObjectName(QStringLiteral("accountsSlaMinutes"));
    m_sla->setAccessibleName(tr("First response promised within, in business minutes"));
    m_sla->setRange(Engine::kMinSlaMinutes, Engine::kMaxSlaMinutes);
    m_sla->setSingleStep(15);
    m_sla->setSuffix(tr(" business minutes"));
    m_sla->setKeyboardTracking(false);
    m_sla->setToolTip(tr("Due times count business hours only (Settings). New conversations get the new promise; "
                         "open ones keep the due time they were given."));
    auto *slaLabel = new QLabel(tr("First response &promised within:"), m_details);
    slaLabel->setBuddy(m_sla);
    auto *slaRow = new QHBoxLayout;
    slaRow->addWidget(slaLabel);
    slaRow->addWidget(m_sla);
    slaRow->addStretch(1);
    connect(m_sla, &QSpinBox::valueChanged, this, &AccountsView::saveSla);
    // Advocacy: an employee's own account; its posts count in that employee's engagement figures.
    m_owner = new QComboBox(m_details);
    m_owner->setObjectName(QStringLiteral("accountsOwner"));
    m_owner->setAccessibleName(tr("Whose account"));
    m_owner->setToolTip(tr("An employee's own account: its posts count in their engagement figures as own posts "
                           "(advocacy). A brand account is the team's."));
    auto *ownerLabel = new QLabel(tr("&Whose account:"), m_details);
    ownerLabel->setBuddy(m_owner);
    auto *ownerRow = new QHBoxLayout;
    ownerRow->addWidget(ownerLabel);
    ownerRow->addWidget(m_owner);
    ownerRow->addStretch(1);
    connect(m_owner, &QComboBox::activated, this, &AccountsView::saveOwner);
    auto *detailLayout = new QVBoxLayout(m_details);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    detailLayout->addLayout(stateRow);
    detailLayout->addWidget(m_detailError);
    detailLayout->addLayout(slaRow);
    detailLayout->addLayout(ownerRow);
    detailLayout->addLayout(actions);

    // Removing asks inline which of the two the person means; neither is the default.
    m_confirm = new QFrame(this);
    m_confirm->setObjectName(QStringLiteral("accountsRemoveConfirm"));
    m_confirm->setFrameShape(QFrame::StyledPanel);
    m_confirmText = new QLabel(m_confirm);
    m_confirmText->setWordWrap(true);
    m_confirmText->setTextFormat(Qt::PlainText);
    m_removeKeep = makeButton(tr("&Keep its conversations (archive)"), QStringLiteral("accountsRemoveKeepButton"),
                              tr("Remove the account and keep its conversations (archive)"), m_confirm);
    m_removeAll = makeButton(tr("Remove the account and its &conversations"), QStringLiteral("accountsRemoveAllButton"),
                             tr("Remove the account and its conversations"), m_confirm);
    auto *cancelRemove = makeButton(tr("Cancel"), QStringLiteral("accountsRemoveCancelButton"),
                                    tr("Cancel removing the account"), m_confirm);
    auto *confirmButtons = new QHBoxLayout;
    confirmButtons->addWidget(m_removeKeep);
    confirmButtons->addWidget(m_removeAll);
    confirmButtons->addStretch(1);
    confirmButtons->addWidget(cancelRemove);
    auto *confirmLayout = new QVBoxLayout(m_confirm);
    confirmLayout->addWidget(m_confirmText);
    confirmLayout->addLayout(confirmButtons);
    m_confirm->hide();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_empty = new QLabel(tr("No channel accounts yet. Add one and its mentions, replies and direct messages arrive "
                            "in the inbox."),
                         this);
    m_empty->setObjectName(QStringLiteral("accountsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_permission = new QLabel(this);
    m_permission->setObjectName(QStringLiteral("accountsPermission"));
    m_permission->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_confirm);
    layout->addWidget(m_message);
    layout->addWidget(m_permission);
    setFocusProxy(m_list);

    auto *syncAction = new QAction(tr("Sync now"), this);
    syncAction->setShortcut(QKeySequence::Refresh);
    syncAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(syncAction, &QAction::triggered, this, &AccountsView::syncNow);
    addAction(syncAction);
    m_list->installEventFilter(this); // Delete on the list: Remove…

    connect(m_add, &QPushButton::clicked, this, &AccountsView::addAccount);
    connect(m_signIn, &QPushButton::clicked, this, &AccountsView::signInAgain);
    connect(m_pause, &QPushButton::clicked, this, &AccountsView::togglePaused);
    connect(m_syncNow, &QPushButton::clicked, this, &AccountsView::syncNow);
    connect(m_remove, &QPushButton::clicked, this, &AccountsView::askToRemove);
    connect(m_removeKeep, &QPushButton::clicked, this, [this] { remove(true); });
    connect(m_removeAll, &QPushButton::clicked, this, [this] { remove(false); });
    connect(cancelRemove, &QPushButton::clicked, this, [this] {
        m_confirm->hide();
        m_list->setFocus();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_confirm->hide();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateProgressBars();
        updateActions();
    });
    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &AccountsView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, &AccountsView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::syncThreadChanged, this, &AccountsView::watchSync);
    watchSync();
    refresh();
}

AccountsView::~AccountsView() = default;

bool AccountsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Delete)) {
        askToRemove();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

AccountsSignInDialog *AccountsView::signInDialog() const
{
    return m_dialog;
}

void AccountsView::setUrlOpener(UrlOpener opener)
{
    m_openUrl = std::move(opener);
}

void AccountsView::watchSync()
{
    SyncThread *sync = m_ctx.syncThread();
    if (sync == m_watched) {
        return;
    }
    if (m_watched) {
        disconnect(m_watched, nullptr, this, nullptr);
    }
    m_watched = sync;
    if (sync) {
        connect(sync, &SyncThread::runnerChanged, this, &AccountsView::updateActions);
        connect(sync, &SyncThread::accountRemoved, this, [this](const QString &accountId, const QString &error) {
            if (accountId != m_removing) {
                return;
            }
            m_removing.clear();
            m_confirm->hide();
            showMessage(error.isEmpty() ? std::exchange(m_removedText, {}) : error, !error.isEmpty());
            m_ctx.notifyChanged(QStringLiteral("accounts"));
            m_list->setFocus();
        });
    }
    updateActions();
}

QString AccountsView::selectedAccount() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(sb::models::IdRole).toString();
}

QString AccountsView::selectedHandle() const
{
    const int row = m_model->rowOf(selectedAccount());
    return row < 0 ? QString() : m_model->index(row, AccountsModel::HandleColumn).data().toString();
}

void AccountsView::select(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row >= 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void AccountsView::refresh()
{
    const QString keep = selectedAccount();
    m_model->reload();
    const bool empty = m_model->rowCount() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    const auto role = sb::models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    m_canPause = role && canTriage(*role);
    m_canManage = role && canManageRoster(*role);
    if (!m_canPause) {
        m_permission->setText(tr("Only community managers, managers and admins can pause or resume sync; only "
                                 "managers and admins can add, sign in or remove accounts."));
    } else {
        m_permission->setText(tr("Only managers and admins can add, sign in or remove accounts."));
    }
    m_permission->setVisible(!m_canManage && (!empty || !m_canPause));
    if (!keep.isEmpty() && m_model->rowOf(keep) >= 0) {
        select(keep);
    } else if (!empty && selectedAccount().isEmpty()) {
        select(m_model->index(0, 0).data(sb::models::IdRole).toString());
    }
    updateProgressBars();
    updateActions();
}

void AccountsView::updateProgressBars()
{
    bool any = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, AccountsModel::ProgressColumn);
        const double progress = index.data(AccountsModel::ProgressRole).toDouble();
        auto *bar = qobject_cast<QProgressBar *>(m_list->indexWidget(index));
        if (progress < 0) {
            if (bar) {
                m_list->setIndexWidget(index, nullptr);
            }
            continue;
        }
        any = true;
        if (!bar) {
            bar = new QProgressBar;
            bar->setObjectName(QStringLiteral("accountsProgress"));
            bar->setRange(0, 100);
            bar->setTextVisible(true);
            bar->setMaximumHeight(m_list->fontMetrics().height() + 2);
            m_list->setIndexWidget(index, bar);
        }
        const QString handle = m_model->index(row, AccountsModel::HandleColumn).data().toString();
        bar->setValue(qRound(std::clamp(progress, 0.0, 1.0) * 100));
        bar->setAccessibleName(tr("History of %1 fetched").arg(handle));
        bar->setToolTip(tr("Fetching the history of %1: %2%").arg(handle).arg(bar->value()));
    }
    m_list->setColumnHidden(AccountsModel::ProgressColumn, !any);
    // Texts change length as health changes ("Healthy", "Fetching history…"): fit the columns again.
    m_list->header()->resizeSections(QHeaderView::ResizeToContents);
    m_list->header()->resizeSection(AccountsModel::ProgressColumn, fontMetrics().averageCharWidth() * 18);
}

void AccountsView::updateDetails()
{
    const int row = m_model->rowOf(selectedAccount());
    m_details->setVisible(row >= 0);
    if (row < 0) {
        return;
    }
    const QModelIndex health = m_model->index(row, AccountsModel::HealthColumn);
    const QString handle = m_model->index(row, AccountsModel::HandleColumn).data().toString();
    const QString name = m_model->index(row, AccountsModel::NameColumn).data().toString();
    m_detailTitle->setText(name.isEmpty() ? handle : tr("%1 (%2)").arg(handle, name));
    const int size = fontMetrics().height();
    m_detailIcon->setPixmap(icons::forKey(health.data(AccountsModel::HealthIconRole).toString()).pixmap(size, size));
    m_detailHealth->setText(health.data().toString());
    const QString error = health.data(AccountsModel::LastErrorRole).toString();
    m_detailError->setText(error.isEmpty() ? QString() : tr("Last error: %1").arg(error));
    m_detailError->setVisible(!error.isEmpty());
    m_details->setAccessibleName(tr("%1: %2").arg(handle, health.data().toString()));
    Statement &sla = m_ctx.reader().cached("SELECT sla_minutes FROM accounts WHERE id = ?");
    sla.bind(1, selectedAccount());
    if (sla.next() && !m_sla->hasFocus()) {
        const QSignalBlocker quiet(m_sla);
        m_sla->setValue(sla.integer(0));
    }
    sla.reset();
    m_sla->setEnabled(m_canManage);
    fillOwners();
}

void AccountsView::fillOwners()
{
    // The brand, and each active employee; someone who manages nobody may claim an unclaimed account for
    // themselves or give their own back, a manager may link it to anyone.
    Statement &cur = m_ctx.reader().cached("SELECT coalesce(employee_id, '') FROM accounts WHERE id = ?");
    cur.bind(1, selectedAccount());
    const QString owner = cur.next() ? cur.text(0) : QString();
    cur.reset();
    const QString me = m_ctx.currentEmployeeId();
    const QSignalBlocker quiet(m_owner);
    m_owner->clear();
    m_owner->addItem(tr("The brand's (a team account)"), QString());
    Statement &people = m_ctx.reader().cached("SELECT id, name FROM employees WHERE active = 1 OR id = ? "
                                              "ORDER BY name COLLATE NOCASE");
    people.bind(1, owner);
    while (people.next()) {
        const QString id = people.text(0);
        if (m_canManage || id == me || id == owner) {
            m_owner->addItem(
                id == me ? tr("My own (%1)").arg(people.text(1)) : tr("Own account of %1").arg(people.text(1)), id);
        }
    }
    people.reset();
    m_owner->setCurrentIndex(std::max(0, m_owner->findData(owner)));
    m_owner->setEnabled(m_canManage || owner.isEmpty() || owner == me);
}

void AccountsView::saveOwner()
{
    const QString account = selectedAccount();
    const QString owner = m_owner->currentData().toString();
    if (account.isEmpty()) {
        return;
    }
    const Status s = m_ctx.engine().setAccountOwner(Actor::employee(m_ctx.currentEmployeeId()), account, owner);
    if (!m_ctx.report(s)) {
        showMessage(s.error().message, true);
        fillOwners();
        return;
    }
    m_ctx.notifyChanged(QStringLiteral("accounts"));
    showMessage(owner.isEmpty() ? tr("%1 is a brand account.").arg(selectedHandle())
                                : tr("%1 is now %2: its posts count as their own posts in Engagement.")
                                      .arg(selectedHandle(), m_owner->currentText()),
                false);
}

void AccountsView::saveSla(int minutes)
{
    const QString account = selectedAccount();
    if (account.isEmpty() || !m_canManage) {
        return;
    }
    const Status s = m_ctx.engine().setAccountSla(Actor::employee(m_ctx.currentEmployeeId()), account, minutes);
    if (!m_ctx.report(s)) {
        showMessage(s.error().message, true);
        return;
    }
    m_ctx.notifyChanged(QStringLiteral("accounts"));
    showMessage(tr("New conversations on this account are due within %n business minutes.", nullptr, minutes), false);
}

void AccountsView::updateActions()
{
    updateDetails();
    const int row = m_model->rowOf(selectedAccount());
    const bool selected = row >= 0;
    const QModelIndex index = selected ? m_model->index(row, 0) : QModelIndex();
    const bool paused = selected && index.data(AccountsModel::PausedRole).toBool();
    const bool archived = selected && index.data(AccountsModel::ArchivedRole).toBool();
    const bool needsSignIn = selected && index.data(AccountsModel::NeedsSignInRole).toBool();
    const bool setupAvailable = m_watched && m_watched->isStarted();
    const bool runsSync = m_watched && m_watched->runner() == SyncThread::Runner::ThisProcess;
    const bool busy = !m_removing.isEmpty();

    m_add->setEnabled(m_canManage && setupAvailable);
    m_pause->setText(paused ? tr("&Resume sync") : tr("&Pause sync"));
    m_pause->setAccessibleName(paused ? tr("Resume sync") : tr("Pause sync"));
    m_pause->setEnabled(selected && m_canPause && !archived);
    m_pause->setVisible(m_model->rowCount() > 0);
    m_signIn->setEnabled(selected && m_canManage && setupAvailable);
    // The one thing that helps an expired or archived account is a new sign-in: make it the obvious button.
    m_signIn->setDefault(needsSignIn);
    m_signIn->setText(archived ? tr("Restore with a new s&ign-in…") : tr("S&ign in again…"));
    // While rate limited, asking again early only spends the next window's budget: sync resumes by itself.
    const bool rateLimited
        = selected && index.data(AccountsModel::HealthRole).toString() == QLatin1String("rate_limited");
    m_syncNow->setEnabled(selected && m_canPause && runsSync && !paused && !needsSignIn && !rateLimited);
    m_syncNow->setToolTip(!runsSync         ? tr("Sync does not run in this window")
                              : rateLimited ? tr("The server asked to wait; sync resumes by itself when it allows")
                                            : tr("Fetch new messages for the selected account now (F5)"));
    m_remove->setEnabled(selected && m_canManage && setupAvailable && !busy);
    m_removeKeep->setEnabled(!busy && !archived);
    m_removeAll->setEnabled(!busy);
}

void AccountsView::showMessage(const QString &text, bool error)
{
    // Progress and success go to the status bar and fade; an error stays in the section until the next action,
    // in words and in the error colour.
    QPalette palette = QWidget::palette();
    palette.setColor(QPalette::WindowText, icons::healthColor(QStringLiteral("error")));
    m_message->setPalette(palette);
    m_message->setText(error ? text : QString());
    m_message->setVisible(error && !text.isEmpty());
    if (text.isEmpty()) {
        return;
    }
    if (error) {
        m_ctx.report(makeError(ErrorKind::Permanent, text));
    } else {
        emit statusMessage(text);
    }
}

void AccountsView::togglePaused()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const QString id = rows.constFirst().data(sb::models::IdRole).toString();
    const bool paused = rows.constFirst().data(AccountsModel::PausedRole).toBool();
    const Status s = m_ctx.engine().setAccountPaused(Actor::employee(m_ctx.currentEmployeeId()), id, !paused);
    showMessage(s.ok() ? QString() : s.error().message, !s.ok());
    if (s.ok()) {
        if (SyncThread *sync = m_ctx.syncThread()) {
            sync->reloadAccounts(); // the engine stops or restarts the account's sync
        }
        m_ctx.notifyChanged(QStringLiteral("accounts"));
    }
}

void AccountsView::syncNow()
{
    const QString id = selectedAccount();
    SyncThread *sync = m_ctx.syncThread();
    if (id.isEmpty() || !sync || !m_syncNow->isEnabled()) {
        return;
    }
    sync->syncNow(id);
    showMessage(tr("Fetching new messages for %1…").arg(selectedHandle()), false);
}

void AccountsView::addAccount()
{
    if (m_add->isEnabled()) {
        openSignIn({});
    }
}

void AccountsView::signInAgain()
{
    if (m_signIn->isEnabled() && !selectedAccount().isEmpty()) {
        openSignIn(selectedAccount());
    }
}

void AccountsView::openSignIn(const QString &accountId)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    AccountsSignInDialog::Existing existing;
    if (!accountId.isEmpty()) {
        const int row = m_model->rowOf(accountId);
        existing.accountId = accountId;
        existing.handle = m_model->index(row, AccountsModel::HandleColumn).data().toString();
        existing.network = m_model->index(row, 0).data(AccountsModel::NetworkNameRole).toString();
        existing.serviceUrl = m_model->index(row, AccountsModel::ServerColumn).data(Qt::ToolTipRole).toString();
    }
    m_dialog = new AccountsSignInDialog(m_ctx, m_openUrl, existing, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &AccountsSignInDialog::connected, this, [this, accountId](const QString &connectedId) {
        m_ctx.notifyChanged(QStringLiteral("accounts"));
        select(connectedId);
        showMessage(accountId.isEmpty() ? tr("%1 is connected; its history is being fetched.").arg(selectedHandle())
                                        : tr("%1 is signed in again.").arg(selectedHandle()),
                    false);
        m_list->setFocus();
    });
    m_dialog->open();
}

void AccountsView::askToRemove()
{
    if (!m_remove->isEnabled()) {
        return;
    }
    const int row = m_model->rowOf(selectedAccount());
    const bool archived = m_model->index(row, 0).data(AccountsModel::ArchivedRole).toBool();
    m_confirmText->setText(archived ? tr("Remove %1 and its archived conversations for good?").arg(selectedHandle())
                                    : tr("Remove %1? Its conversations can stay in the inbox, archived and readable, "
                                         "or go with it. Its sign-in is deleted from the keychain either way.")
                                          .arg(selectedHandle()));
    m_removeKeep->setVisible(!archived);
    updateActions();
    m_confirm->show();
    (archived ? m_removeAll : m_removeKeep)->setFocus();
}

void AccountsView::remove(bool keepData)
{
    const QString id = selectedAccount();
    SyncThread *sync = m_ctx.syncThread();
    if (id.isEmpty() || !sync || !m_removing.isEmpty()) {
        return;
    }
    m_removing = id;
    m_removedText = keepData ? tr("%1 is archived: it no longer syncs, its conversations stay.").arg(selectedHandle())
                             : tr("%1 and its conversations are removed.").arg(selectedHandle());
    updateActions();
    showMessage(keepData ? tr("Archiving %1…").arg(selectedHandle()) : tr("Removing %1…").arg(selectedHandle()), false);
    sync->removeAccount(m_ctx.currentEmployeeId(), id, keepData);
}

} // namespace sb::ui
