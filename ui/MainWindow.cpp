#include "ui/MainWindow.h"

#include "core/Clock.h"
#include "core/Domain.h"
#include "models/EmployeesModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncThread.h"
#include "ui/AccountsView.h"
#include "ui/AuditView.h"
#include "ui/CalendarView.h"
#include "ui/EngagementView.h"
#include "ui/Icons.h"
#include "ui/InboxView.h"
#include "ui/SettingsView.h"
#include "ui/ShortcutsOverlay.h"
#include "ui/StatusBarHealth.h"
#include "ui/TeamStatusLabel.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace sb::ui {

namespace {
constexpr int kErrorMessageMs = 10000;
constexpr int kInfoMessageMs = 4000;
constexpr int kSyncRefreshMs = 500;
constexpr int kExternalChangesMs = 1000;
// What sync's own refreshes are called, so they do not wake the outbox (the GUI's changes do).
const QString kSyncChange = QStringLiteral("sync");

struct SectionInfo {
    const char *name;
    const char *iconKey;
};

// Display names are translated where used; the keys name the icons and the settings value.
const SectionInfo kSections[MainWindow::kSectionCount] = {
    {QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Inbox"), "section-inbox"},
    {QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Calendar"), "section-calendar"},
    {QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Engagement"), "section-engagement"},
    {QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Accounts"), "section-accounts"},
    {QT_TRANSLATE_NOOP("sb::ui::MainWindow", "Settings"), "section-settings"},
};

// Gives the keyboard to a section: its focus proxy, else its first widget that takes Tab focus.
void focusSection(QWidget *section)
{
    if (section->focusProxy()) {
        section->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    for (QWidget *w : section->findChildren<QWidget *>()) {
        if (w->isVisibleTo(section) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}
} // namespace

MainWindow::MainWindow(models::WorkspaceContext &ctx, QWidget *parent) : QMainWindow(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")));
    createSync();
    createSections();
    createToolBar();
    createMenus();

    m_health = new StatusBarHealth(ctx, this);
    m_syncStatus = new QLabel(this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setTextFormat(Qt::PlainText);
    m_syncStatus->hide();
    statusBar()->addPermanentWidget(m_syncStatus);
    m_teamStatus = new TeamStatusLabel(this);
    statusBar()->addPermanentWidget(m_teamStatus);
    statusBar()->addPermanentWidget(m_health);
    // Team mode's connection state, as the sync thread (or `serve`) records it; cheap to read every few seconds.
    auto *teamTimer = new QTimer(this);
    connect(teamTimer, &QTimer::timeout, this, [this] { m_teamStatus->refresh(m_ctx.reader()); });
    teamTimer->start(2000);
    m_teamStatus->refresh(m_ctx.reader());
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    connect(&m_ctx, &models::WorkspaceContext::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, kErrorMessageMs); });
    connect(m_inbox, &InboxView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kInfoMessageMs); });
    connect(m_accounts, &AccountsView::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, kInfoMessageMs); });
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &MainWindow::updateTitle);

    m_notifier = new TrayNotifier(ctx, this);
    connect(m_notifier, &TrayNotifier::notified, this, [this](const QString &title) {
        if (!m_notifier->trayIcon()) {
            statusBar()->showMessage(title, kInfoMessageMs * 2);
        }
    });
    connect(m_notifier, &TrayNotifier::openConversation, this, [this](const QString &conversationId) {
        setCurrentSection(InboxSection);
        showNormal();
        raise();
        activateWindow();
        m_inbox->openConversation(conversationId);
    });

    m_shortcuts = new ShortcutsOverlay(centralWidget());
    QList<ShortcutsOverlay::Group> groups {{tr("Conversations (Inbox)"), m_inbox->triageActions()},
                                           {tr("Writing a reply or note"), m_inbox->composerActions()},
                                           {tr("Sections"), m_sectionActions},
                                           {tr("Window"), m_windowActions}};
    m_shortcuts->setGroups(groups);

    updateTitle();
    readSettings();
}

MainWindow::~MainWindow()
{
    m_ctx.setSyncThread(nullptr);
    m_sync->shutdown(); // stops sync, ends the worker thread and waits for it
}

void MainWindow::createSync()
{
    m_sync = new SyncThread(m_ctx.workspace().dir(), this);
    m_ctx.setSyncThread(m_sync);
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(kSyncRefreshMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (std::exchange(m_refreshPending, false)) {
            m_ctx.notifyChanged(kSyncChange);
            m_refresh->start();
        }
    });
    connect(m_sync, &SyncThread::accountStateChanged, this, &MainWindow::syncChanged);
    connect(m_sync, &SyncThread::itemsIngested, this, &MainWindow::syncChanged);
    connect(m_sync, &SyncThread::outboxJobChanged, this, &MainWindow::syncChanged);
    connect(m_sync, &SyncThread::runnerChanged, this, &MainWindow::updateSyncStatus);
    // While another process syncs, no signal says it stored something: the database's change counter does.
    m_externalChanges = new QTimer(this);
    m_externalChanges->setInterval(kExternalChangesMs);
    connect(m_externalChanges, &QTimer::timeout, this, [this] {
        const qint64 version = m_ctx.reader().scalarInt(QStringLiteral("PRAGMA data_version"));
        if (std::exchange(m_dataVersion, version) != version) {
            syncChanged();
        }
    });
    // Always: another process may sync, triage, write a note that mentions us or open the conversation we are
    // on (presence); one PRAGMA a second notices all of it.
    m_externalChanges->start();
    // A reply or approval queued through the engine goes out at once rather than at the next pass.
    connect(&m_ctx, &models::WorkspaceContext::changed, this, [this](const QString &what) {
        if (what != kSyncChange) {
            m_sync->wakeOutbox();
        }
    });
}

void MainWindow::startSync()
{
    if (m_sync->isStarted()) {
        return;
    }
    // The engine runs on real time only: a context with another clock belongs to a test or a replay that drives
    // time itself (and such a clock is not meant for another thread). A --demo session shows sample accounts
    // that have no sign-in, so it does not sync either.
    const bool realTime = &m_ctx.clock() == &SystemClock::instance();
    const bool demo = QCoreApplication::arguments().contains(QStringLiteral("--demo"));
    m_syncOffReason = realTime && demo ? tr("Demo workspace: sync is off") : QString();
    m_sync->start(realTime && !demo);
}

void MainWindow::syncChanged()
{
    // Many small changes (pages of a backfill, health flips) become at most one refresh per interval.
    if (m_refresh->isActive()) {
        m_refreshPending = true;
        return;
    }
    m_ctx.notifyChanged(kSyncChange);
    m_refresh->start();
}

void MainWindow::updateSyncStatus()
{
    QString text;
    switch (m_sync->runner()) {
    case SyncThread::Runner::OtherProcess: {
        const QString app = m_sync->runnerApplication();
        const QString where = app == QLatin1String("switchboard") ? QStringLiteral("switchboard-cli")
            : app == QCoreApplication::applicationName()          ? tr("another Switchboard window")
            : app.isEmpty()                                       ? tr("another process")
                                                                  : app;
        text = tr("Sync runs in %1 (process %2)").arg(where).arg(m_sync->runnerProcessId());
        break;
    }
    case SyncThread::Runner::Failed: text = tr("Sync could not start: %1").arg(m_sync->failure()); break;
    case SyncThread::Runner::Off: text = m_syncOffReason; break;
    case SyncThread::Runner::NotStarted:
    case SyncThread::Runner::Starting:
    case SyncThread::Runner::ThisProcess: break;
    }
    m_syncStatus->setText(text);
    m_syncStatus->setAccessibleName(text);
    m_syncStatus->setToolTip(m_sync->runner() == SyncThread::Runner::OtherProcess
                                 ? tr("This window shows what that process fetches and sends; it takes over when "
                                      "that process ends.")
                                 : QString());
    m_syncStatus->setVisible(!text.isEmpty());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_sync->isStarted()) {
        QTimer::singleShot(0, this, &MainWindow::startSync); // once the window is on screen
    }
}

void MainWindow::createSections()
{
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Sections"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setSpacing(1);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setBackgroundRole(QPalette::Window);
    m_navigation->viewport()->setBackgroundRole(QPalette::Window);

    m_sections = new QStackedWidget(central);
    m_sections->setObjectName(QStringLiteral("sections"));
    m_inbox = new InboxView(m_ctx, m_sections);
    m_sections->addWidget(m_inbox);
    m_sections->addWidget(new CalendarView(m_ctx, m_sections));
    auto *engagement = new EngagementView(m_ctx, m_sections);
    m_sections->addWidget(engagement);
    // A drill-down's conversation opens in the inbox.
    connect(engagement, &EngagementView::openConversation, this, [this](const QString &conversationId) {
        setCurrentSection(InboxSection);
        m_inbox->openConversation(conversationId);
    });
    m_accounts = new AccountsView(m_ctx, m_sections);
    m_sections->addWidget(m_accounts);
    m_sections->addWidget(new SettingsView(m_ctx, m_sections));

    int widest = 0;
    for (int i = 0; i < kSectionCount; ++i) {
        const QString name = tr(kSections[i].name);
        auto *item = new QListWidgetItem(icons::forKey(QLatin1String(kSections[i].iconKey)), name, m_navigation);
        item->setData(Qt::AccessibleTextRole, name);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(name).arg(i + 1));
        item->setSizeHint(QSize(0, qMax(fontMetrics().height(), 20) + 14));
        widest = qMax(widest, fontMetrics().horizontalAdvance(name));
    }
    m_navigation->setFixedWidth(widest + 20 + 48);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < kSectionCount) {
            m_sections->setCurrentIndex(row);
        }
    });
    m_navigation->setCurrentRow(InboxSection);

    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    layout->addWidget(m_sections, 1);
    setCentralWidget(central);

    connect(m_inbox, &InboxView::addAccountRequested, this, [this] {
        setCurrentSection(AccountsSection);
        m_accounts->addAccount();
    });
    connect(m_inbox, &InboxView::demoRequested, this, &MainWindow::demoRequested);
}

void MainWindow::createToolBar()
{
    auto *bar = addToolBar(tr("Signed in"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    auto *label = new QLabel(tr("Signed &in as:"), bar);
    m_employees = new models::EmployeesModel(m_ctx, this);
    m_employeeSelector = new QComboBox(bar);
    m_employeeSelector->setObjectName(QStringLiteral("employeeSelector"));
    m_employeeSelector->setAccessibleName(tr("Signed in as"));
    m_employeeSelector->setToolTip(tr("Who you act as: every change is recorded under this name"));
    m_employeeSelector->setModel(m_employees);
    m_employeeSelector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_employeeSelector);
    if (!WorkspaceSettings::value(m_ctx.reader(), QStringLiteral("team_employee")).isEmpty()) {
        // A team workstation acts as its login's employee only.
        m_employeeSelector->setEnabled(false);
        m_employeeSelector->setToolTip(tr("In a team you act as the employee your team login belongs to"));
    }
    m_employeeRole = new QLabel(bar);
    m_employeeRole->setObjectName(QStringLiteral("employeeRole"));
    m_employeeRole->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(label);
    bar->addWidget(m_employeeSelector);
    bar->addWidget(m_employeeRole);

    connect(m_employeeSelector, &QComboBox::activated, this,
            [this](int row) { m_ctx.setCurrentEmployee(m_employees->employeeId(row)); });
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, &MainWindow::syncEmployeeSelector);
    connect(m_employees, &QAbstractItemModel::modelReset, this, &MainWindow::syncEmployeeSelector);
    connect(m_employees, &QAbstractItemModel::dataChanged, this, &MainWindow::syncEmployeeSelector);
    syncEmployeeSelector();
}

void MainWindow::syncEmployeeSelector()
{
    const int row = m_employees->rowOf(m_ctx.currentEmployeeId());
    m_employeeSelector->setCurrentIndex(row);
    m_employeeRole->setText(row >= 0 ? m_employees->index(row).data(models::DetailRole).toString() : QString());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *demo = file->addAction(tr("Open &Demo Workspace"));
    demo->setObjectName(QStringLiteral("actionOpenDemo"));
    connect(demo, &QAction::triggered, this, &MainWindow::demoRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < kSectionCount; ++i) {
        QAction *action = view->addAction(icons::forKey(QLatin1String(kSections[i].iconKey)), tr(kSections[i].name));
        action->setObjectName(QStringLiteral("actionSection%1").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] {
            setCurrentSection(i);
            focusSection(m_sections->widget(i));
        });
        m_sectionActions.append(action);
    }
    view->addSeparator();
    m_auditAction = view->addAction(tr("&Audit Log…"));
    m_auditAction->setObjectName(QStringLiteral("actionAuditLog"));
    m_auditAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_auditAction, &QAction::triggered, this, &MainWindow::openAuditLog);
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, &MainWindow::updateAuditAction);
    connect(&m_ctx, &models::WorkspaceContext::changed, this, &MainWindow::updateAuditAction);
    updateAuditAction();

    QMenu *conversation = menuBar()->addMenu(tr("&Conversation"));
    conversation->addActions(m_inbox->triageActions());
    addActions(m_inbox->triageActions()); // shortcuts work wherever the focus is in the window

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcut(QKeySequence(Qt::Key_Question));
    connect(shortcuts, &QAction::triggered, this, [this] { m_shortcuts->toggle(); });
    addAction(shortcuts);
    QAction *about = help->addAction(tr("&About Switchboard"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    m_windowActions = {m_auditAction, shortcuts, quit};
}

void MainWindow::updateAuditAction()
{
    const auto role = models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    const bool allowed = role && canReviewAuditLog(*role);
    m_auditAction->setEnabled(allowed);
    m_auditAction->setStatusTip(allowed ? tr("Who did what in this workspace, with filters and CSV export")
                                        : tr("Only managers and admins can review the audit log"));
}

AuditView *MainWindow::openAuditLog()
{
    updateAuditAction();
    if (!m_auditAction->isEnabled()) {
        return nullptr;
    }
    if (!m_audit) {
        m_audit = new AuditView(m_ctx, this);
        m_audit->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_audit, &QObject::destroyed, this, [this] { m_audit = nullptr; });
    }
    m_audit->show();
    m_audit->raise();
    m_audit->activateWindow();
    return m_audit;
}

int MainWindow::currentSection() const
{
    return m_sections->currentIndex();
}

void MainWindow::setCurrentSection(int section)
{
    if (section >= 0 && section < kSectionCount) {
        m_navigation->setCurrentRow(section);
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1 — Switchboard").arg(WorkspaceSettings::workspaceName(m_ctx.reader())));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Switchboard"),
                       tr("<p><b>Switchboard %1</b></p><p>One inbox, a publishing calendar and an engagement panel "
                          "for social media teams.</p>")
                           .arg(QStringLiteral(SWITCHBOARD_VERSION)));
}

void MainWindow::readSettings()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("mainWindow/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1600, 1000);
        resize(qMin(1600, available.width() * 9 / 10), qMin(960, available.height() * 9 / 10));
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_inbox->restoreState(settings);
    setCurrentSection(settings.value(QStringLiteral("mainWindow/section"), int(InboxSection)).toInt());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/section"), currentSection());
    m_inbox->saveState(settings);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateIcons(); // monochrome icons follow the palette (dark mode)
    }
}

void MainWindow::updateIcons()
{
    for (int i = 0; i < kSectionCount && i < m_navigation->count(); ++i) {
        const QIcon icon = icons::forKey(QLatin1String(kSections[i].iconKey));
        m_navigation->item(i)->setIcon(icon);
        if (i < m_sectionActions.size()) {
            m_sectionActions[i]->setIcon(icon);
        }
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

} // namespace sb::ui
