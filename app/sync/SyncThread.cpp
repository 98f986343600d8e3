#include "sync/SyncThread.h"

#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "secrets/SecretStore.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "sync/AccountSetup.h"
#include "sync/DefaultChannels.h"
#include "sync/SyncService.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace sb {

namespace {
// While another process syncs, this one tries now and then to take over (that process may quit).
constexpr int kRetryRunnerMs = 30'000;
} // namespace

// Everything on the worker thread: the sync service, and a connection, network manager and keychain access of
// its own for account setup (which works whether or not this process runs sync).
class SyncWorker final : public QObject {
    Q_OBJECT
public:
    explicit SyncWorker(QString dir) : m_dir(std::move(dir)) { }

    void init(bool runSync)
    {
        m_retry = new QTimer(this); // made here, so it belongs to the worker thread
        m_retry->setSingleShot(true);
        m_retry->setInterval(kRetryRunnerMs);
        connect(m_retry, &QTimer::timeout, this, &SyncWorker::tryToRun);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_nam->setAutoDeleteReplies(true);
        m_db = std::make_unique<SqliteDb>();
        Status opened = m_db->open(QDir(m_dir).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadWrite);
        if (opened.ok()) {
            opened = configureConnection(*m_db);
        }
        if (!opened.ok()) {
            m_db.reset();
            emit runnerChanged(int(SyncThread::Runner::Failed), {}, 0, opened.error().message);
            return;
        }
        m_engine = std::make_unique<Engine>(*m_db, SystemClock::instance(), RandomIdSource::instance());
        m_secrets = std::make_unique<SecretStore>(
            m_db->scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'workspace_id'")));
        if (!runSync) {
            emit runnerChanged(int(SyncThread::Runner::Off), {}, 0, {});
            return;
        }
        tryToRun();
    }

    // Runs on the worker thread once its event loop has ended: everything made there is destroyed there.
    void teardown()
    {
        if (m_retry) {
            m_retry->stop();
        }
        m_signIn.reset();
        if (m_service) {
            m_service->stop();
            m_service.reset();
        }
        m_engine.reset();
        m_secrets.reset();
        m_db.reset();
        m_nam.reset();
    }

    void tryToRun()
    {
        auto service = std::make_unique<SyncService>(m_dir, SystemClock::instance(), RandomIdSource::instance());
        registerDefaultChannels(*service);
        connect(service.get(), &SyncService::accountStateChanged, this, &SyncWorker::accountStateChanged);
        connect(service.get(), &SyncService::itemsIngested, this, &SyncWorker::itemsIngested);
        connect(service.get(), &SyncService::outboxJobChanged, this, &SyncWorker::outboxJobChanged);
        const Status opened = service->open();
        if (opened.ok()) {
            m_service = std::move(service);
            m_service->start();
            qCInfo(lcSync) << "this process runs sync for" << m_dir;
            emit runnerChanged(int(SyncThread::Runner::ThisProcess), {}, 0, {});
            return;
        }
        if (opened.error().kind == ErrorKind::Conflict) {
            QLockFile lock(QDir(m_dir).filePath(QStringLiteral("runner.lock")));
            qint64 pid = 0;
            QString host;
            QString application;
            lock.getLockInfo(&pid, &host, &application);
            emit runnerChanged(int(SyncThread::Runner::OtherProcess), application, pid, {});
            m_retry->start();
            return;
        }
        emit runnerChanged(int(SyncThread::Runner::Failed), {}, 0, opened.error().message);
    }

    void reloadAccounts()
    {
        if (m_service) {
            m_service->reloadAccounts();
        }
    }
    void syncNow(const QString &accountId)
    {
        if (m_service) {
            m_service->syncNow(accountId);
        }
    }
    void wakeOutbox()
    {
        if (m_service) {
            m_service->wakeOutbox();
        }
    }

    void signIn(const SignInRequest &request)
    {
        if (!m_engine) {
            emit signInFinished({}, tr("The workspace cannot be written to, so no account can be added."));
            return;
        }
        if (!m_signIn) {
            m_signIn = std::make_unique<AccountSignIn>(*m_engine, *m_secrets, m_nam.get());
            connect(m_signIn.get(), &AccountSignIn::browserNeeded, this, &SyncWorker::signInBrowserNeeded);
            connect(m_signIn.get(), &AccountSignIn::progress, this, &SyncWorker::signInProgress);
            connect(m_signIn.get(), &AccountSignIn::finished, this,
                    [this](const QString &accountId, const QString &error) {
                        if (!accountId.isEmpty()) {
                            reloadAccounts(); // a new account starts syncing; a signed-in one resumes
                        }
                        emit signInFinished(accountId, error);
                    });
        }
        m_signIn->start(request);
    }
    void submitSignInCode(const QString &code)
    {
        if (m_signIn) {
            m_signIn->submitCode(code);
        }
    }
    void cancelSignIn()
    {
        if (m_signIn) {
            m_signIn->cancel();
        }
    }

    void removeAccount(const QString &employeeId, const QString &accountId, bool keepData)
    {
        if (!m_engine) {
            emit accountRemoved(accountId, tr("The workspace cannot be written to."));
            return;
        }
        const Status s
            = AccountSetup::removeWithSecret(*m_engine, *m_secrets, Actor::employee(employeeId), accountId, keepData);
        reloadAccounts(); // its sync stops
        emit accountRemoved(accountId, s.ok() ? QString() : s.error().message);
    }

signals:
    void runnerChanged(int runner, const QString &application, qint64 pid, const QString &failure);
    void accountStateChanged(const QString &accountId);
    void itemsIngested(const QString &accountId, int count);
    void outboxJobChanged(const QString &jobId, const QString &state);
    void signInBrowserNeeded(const QUrl &url, bool showsCode);
    void signInProgress(const QString &text);
    void signInFinished(const QString &accountId, const QString &error);
    void accountRemoved(const QString &accountId, const QString &error);

private:
    QString m_dir;
    QTimer *m_retry = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SyncService> m_service;
    std::unique_ptr<AccountSignIn> m_signIn;
};

SyncThread::SyncThread(QString workspaceDir, QObject *parent) : QObject(parent), m_dir(std::move(workspaceDir))
{
}

SyncThread::~SyncThread()
{
    shutdown();
}

template <typename F> void SyncThread::post(F &&work)
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, std::forward<F>(work), Qt::QueuedConnection);
    }
}

void SyncThread::start(bool runSync)
{
    if (m_worker) {
        return;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("switchboard-sync"));
    m_worker = new SyncWorker(m_dir);
    m_worker->moveToThread(m_thread);
    SyncWorker *worker = m_worker;
    // After the worker's event loop ends, on its thread: no nested keychain wait can be on the stack any more.
    connect(
        m_thread, &QThread::finished, m_thread,
        [worker] {
            worker->teardown();
            delete worker;
        },
        Qt::DirectConnection);
    connect(worker, &SyncWorker::runnerChanged, this,
            [this](int runner, const QString &application, qint64 pid, const QString &failure) {
                setRunner(runner, application, pid, failure);
            });
    connect(worker, &SyncWorker::accountStateChanged, this, &SyncThread::accountStateChanged);
    connect(worker, &SyncWorker::itemsIngested, this, &SyncThread::itemsIngested);
    connect(worker, &SyncWorker::outboxJobChanged, this, &SyncThread::outboxJobChanged);
    connect(worker, &SyncWorker::signInBrowserNeeded, this, &SyncThread::signInBrowserNeeded);
    connect(worker, &SyncWorker::signInProgress, this, &SyncThread::signInProgress);
    connect(worker, &SyncWorker::signInFinished, this, &SyncThread::signInFinished);
    connect(worker, &SyncWorker::accountRemoved, this, &SyncThread::accountRemoved);
    m_thread->start();
    setRunner(int(Runner::Starting), {}, 0, {});
    post([worker, runSync] { worker->init(runSync); });
}

void SyncThread::shutdown()
{
    if (!m_thread) {
        return;
    }
    m_worker = nullptr; // deleted on its thread as the thread finishes
    m_thread->quit(); // also ends a keychain wait in progress (it then reports a timeout)
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    setRunner(int(Runner::NotStarted), {}, 0, {});
}

void SyncThread::setRunner(int runner, const QString &application, qint64 pid, const QString &failure)
{
    m_runner = Runner(runner);
    m_runnerApp = application;
    m_runnerPid = pid;
    m_failure = failure;
    emit runnerChanged();
}

void SyncThread::reloadAccounts()
{
    post([w = m_worker] { w->reloadAccounts(); });
}

void SyncThread::syncNow(const QString &accountId)
{
    post([w = m_worker, accountId] { w->syncNow(accountId); });
}

void SyncThread::wakeOutbox()
{
    post([w = m_worker] { w->wakeOutbox(); });
}

void SyncThread::signIn(const SignInRequest &request)
{
    if (!m_worker) {
        emit signInFinished({}, tr("Account setup is not available in this window."));
        return;
    }
    post([w = m_worker, request] { w->signIn(request); });
}

void SyncThread::submitSignInCode(const QString &code)
{
    post([w = m_worker, code] { w->submitSignInCode(code); });
}

void SyncThread::cancelSignIn()
{
    post([w = m_worker] { w->cancelSignIn(); });
}

void SyncThread::removeAccount(const QString &employeeId, const QString &accountId, bool keepData)
{
    if (!m_worker) {
        emit accountRemoved(accountId, tr("Accounts cannot be removed in this window."));
        return;
    }
    post([w = m_worker, employeeId, accountId, keepData] { w->removeAccount(employeeId, accountId, keepData); });
}

} // namespace sb

#include "SyncThread.moc"
