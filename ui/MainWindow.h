#pragma once

#include <QList>
#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace sb {
class SyncThread;
}

namespace sb::models {
class EmployeesModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class AccountsView;
class AuditView;
class InboxView;
class ShortcutsOverlay;
class StatusBarHealth;
class TeamStatusLabel;
class TrayNotifier;

// The window: section navigation on the left (Inbox, Calendar, Engagement, Accounts, Settings; Ctrl+1..5 and
// arrow keys), the sections in a stack, a "signed in as" selector, menus whose entries show every shortcut,
// and a status bar with each account's sync health and transient errors. Window state is remembered.
// The window hosts the workspace's sync engine on a worker thread (started once the window shows, stopped when it
// goes) unless another process runs it, which the status bar then says.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum Section { InboxSection, CalendarSection, EngagementSection, AccountsSection, SettingsSection };
    static constexpr int kSectionCount = SettingsSection + 1;

    explicit MainWindow(models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~MainWindow() override;

    int currentSection() const;
    void setCurrentSection(int section);
    InboxView *inboxView() const { return m_inbox; }
    AccountsView *accountsView() const { return m_accounts; }
    SyncThread *syncThread() const { return m_sync; }
    // View > Audit Log: opens the log (or raises it) for a manager or admin; null for anyone else.
    AuditView *openAuditLog();

signals:
    // The user asked for a demo workspace (empty state, File menu); main() decides how to open one.
    void demoRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createSections();
    void updateIcons();
    void createMenus();
    void createToolBar();
    void updateTitle();
    void syncEmployeeSelector();
    void showAbout();
    void readSettings();
    void writeSettings() const;
    void createSync();
    void startSync();
    void syncChanged();
    void updateSyncStatus();
    void updateAuditAction();

    models::WorkspaceContext &m_ctx;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_sections = nullptr;
    InboxView *m_inbox = nullptr;
    AccountsView *m_accounts = nullptr;
    QComboBox *m_employeeSelector = nullptr;
    QLabel *m_employeeRole = nullptr;
    models::EmployeesModel *m_employees = nullptr;
    StatusBarHealth *m_health = nullptr;
    TrayNotifier *m_notifier = nullptr;
    QLabel *m_syncStatus = nullptr;
    TeamStatusLabel *m_teamStatus = nullptr;
    SyncThread *m_sync = nullptr;
    QTimer *m_refresh = nullptr; // at most one refresh per interval while sync reports changes
    QTimer *m_externalChanges = nullptr; // watches the database while another process syncs
    qint64 m_dataVersion = -1;
    QString m_syncOffReason;
    bool m_refreshPending = false;
    ShortcutsOverlay *m_shortcuts = nullptr;
    QAction *m_auditAction = nullptr;
    AuditView *m_audit = nullptr; // while open
    QList<QAction *> m_sectionActions;
    QList<QAction *> m_windowActions;
};

} // namespace sb::ui
