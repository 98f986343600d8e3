#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QFrame;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeView;
class QUrl;

namespace sb {
class SyncThread;
}

namespace sb::models {
class AccountsModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class AccountsSignInDialog;

// The workspace's channel accounts: network, handle, server, health in words with its icon and colour, backfill
// progress, last sync and last error; and what can be done with them: add one (sign in through the browser, a
// pasted code or a pasted token), sign in again, pause or resume sync, sync now, remove (keeping the
// conversations or not). The engine decides who may do what; the buttons follow the signed-in employee's role.
class AccountsView final : public QWidget {
    Q_OBJECT
public:
    // Opens the server's sign-in page; QDesktopServices::openUrl unless a test stands in for the browser.
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~AccountsView() override;

    sb::models::AccountsModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    QString selectedAccount() const;
    // The open "Add account" or "Sign in again" dialog, if any.
    AccountsSignInDialog *signInDialog() const;
    void setUrlOpener(UrlOpener opener);

public slots:
    void refresh();
    void togglePaused();
    void addAccount();
    void signInAgain();
    void syncNow();
    void askToRemove();

signals:
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateActions();
    void updateDetails();
    void updateProgressBars();
    void select(const QString &accountId);
    void openSignIn(const QString &accountId);
    void remove(bool keepData);
    void showMessage(const QString &text, bool error);
    void saveSla(int minutes);
    void saveOwner();
    void fillOwners();
    void watchSync();
    QString selectedHandle() const;

    sb::models::WorkspaceContext &m_ctx;
    sb::models::AccountsModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_remove = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailIcon = nullptr;
    QLabel *m_detailHealth = nullptr;
    QLabel *m_detailError = nullptr;
    QSpinBox *m_sla = nullptr;
    QComboBox *m_owner = nullptr;
    QFrame *m_confirm = nullptr;
    QLabel *m_confirmText = nullptr;
    QPushButton *m_removeKeep = nullptr;
    QPushButton *m_removeAll = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_permission = nullptr;
    QPointer<AccountsSignInDialog> m_dialog;
    QPointer<SyncThread> m_watched;
    UrlOpener m_openUrl;
    QString m_removing; // the account a removal runs for
    QString m_removedText;
    bool m_canPause = false;
    bool m_canManage = false;
};

} // namespace sb::ui
