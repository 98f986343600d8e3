#pragma once

#include <QObject>
#include <QString>

class QThread;
class QUrl;

namespace sb {

class SyncWorker;
struct SignInRequest;

// The GUI's handle on the workspace's sync engine and on account setup, which run on a worker thread of their own
// (network, the writer connection, keychain calls that may wait). Everything here is called on the thread that
// made the object; work is handed to the worker as queued calls and comes back as signals.
class SyncThread final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncThread)
public:
    enum class Runner {
        NotStarted,
        Starting,
        ThisProcess, // this window syncs and sends
        OtherProcess, // another process holds the workspace's runner lock (retried now and then)
        Off, // started without sync (account setup only)
        Failed, // see failure()
    };

    explicit SyncThread(QString workspaceDir, QObject *parent = nullptr);
    ~SyncThread() override;

    // Starts the worker thread and, with runSync, the sync engine on it.
    void start(bool runSync);
    // Stops sync, ends the worker thread and waits for it. Called by the destructor too.
    void shutdown();
    bool isStarted() const { return m_worker != nullptr; }

    Runner runner() const { return m_runner; }
    // The process that runs sync when it is not this one: its application name and process id.
    QString runnerApplication() const { return m_runnerApp; }
    qint64 runnerProcessId() const { return m_runnerPid; }
    QString failure() const { return m_failure; }

    // After the accounts table changed (paused, resumed): the engine re-reads it.
    void reloadAccounts();
    void syncNow(const QString &accountId);
    // A reply or post was queued: send it now instead of at the next pass.
    void wakeOutbox();

    // Account setup: one sign-in at a time. The token stays on the worker and goes only into the keychain.
    void signIn(const SignInRequest &request);
    void submitSignInCode(const QString &code);
    void cancelSignIn();
    // Removes (keepData: archives) an account and deletes its keychain secret.
    void removeAccount(const QString &employeeId, const QString &accountId, bool keepData);

signals:
    void runnerChanged();
    void accountStateChanged(const QString &accountId);
    void itemsIngested(const QString &accountId, int count);
    void outboxJobChanged(const QString &jobId, const QString &state);
    void signInBrowserNeeded(const QUrl &url, bool showsCode);
    void signInProgress(const QString &text);
    void signInFinished(const QString &accountId, const QString &error);
    void accountRemoved(const QString &accountId, const QString &error);

private:
    template <typename F> void post(F &&work);
    void setRunner(int runner, const QString &application, qint64 pid, const QString &failure);

    QString m_dir;
    QThread *m_thread = nullptr;
    SyncWorker *m_worker = nullptr; // lives on m_thread
    Runner m_runner = Runner::NotStarted;
    QString m_runnerApp;
    qint64 m_runnerPid = 0;
    QString m_failure;
};

} // namespace sb
