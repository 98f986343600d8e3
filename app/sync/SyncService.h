#pragma once

#include "core/Result.h"
#include "sync/AccountSync.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

class QLockFile;
class QNetworkAccessManager;

namespace sb {

class Clock;
class Engine;
class IdSource;
class Ingestor;
class StoreWriter;
class OutboxRunner;
class SecretStore;
class SqliteDb;
class AvatarCache;
namespace team {
class TeamLink;
}

// Everything a channel needs to reach its account: the record, the thread's network manager, and how to get
// the account's secret at run time (keychain or environment variable, never stored).
struct ChannelContext {
    AccountRecord account;
    QNetworkAccessManager *network = nullptr;
    std::function<Result<QString>(const QString &purpose)> secret;
    // Where a network's session tokens live between runs (Bluesky): the keychain for keychain accounts. Unset for
    // accounts whose secret is an environment variable: their session lives in memory only.
    std::function<QString()> loadSession;
    std::function<void(const QString &)> saveSession;
};

using ChannelFactory = std::function<std::unique_ptr<Channel>(const ChannelContext &)>;

// The sync engine of one workspace: one AccountSync per account, the outbox runner and the avatar cache, on one
// writer connection (the store thread: everything here runs on the thread the service lives on). Only one process
// per workspace runs it (a lock file next to the database); another process sees isRunner() == false.
class SyncService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncService)
public:
    SyncService(QString workspaceDir, const Clock &clock, IdSource &ids, SyncOptions options = {},
                QObject *parent = nullptr);
    ~SyncService() override;

    void setChannelFactory(const QString &network, ChannelFactory factory);

    // Opens the writer connection and takes the runner lock. Fails with Conflict when another process runs.
    Status open();
    bool isRunner() const { return m_isRunner; }
    QString lockHolderDescription() const;

    // Continuous operation (GUI, `serve`): every active account syncs and streams; the outbox sends.
    void start();
    void stop();
    // One pass (`sync --once`): each active account syncs once, then due outbox jobs are sent. done(first error).
    void runOnce(const QString &onlyAccountId, std::function<void(Status)> done);
    // Re-reads the accounts table (after one was added, removed, paused or re-authenticated).
    void reloadAccounts();
    void syncNow(const QString &accountId);
    void wakeOutbox();
    // Sends the jobs due now (without syncing), then done().
    void sendDue(std::function<void()> done);

    SqliteDb &db() { return *m_db; }
    Engine &engine() { return *m_engine; }
    AccountSync *accountSync(const QString &accountId) const;

    // Team mode (app/team): the link to the team's PostgreSQL, or nullptr for a workspace of its own.
    team::TeamLink *team() const { return m_team.get(); }

    // Runs Engine::runTimers now (also done every minute while started).
    void runTimers();

signals:
    void accountStateChanged(const QString &accountId);
    void itemsIngested(const QString &accountId, int count);
    void outboxJobChanged(const QString &jobId, const QString &state);

private:
    std::unique_ptr<AccountSync> makeSync(const AccountRecord &account);
    Channel *channelFor(const QString &accountId);
    QString accountsSignature();
    // Whether this process syncs the account: always on its own; in a team only while it leads the account.
    bool leads(const QString &accountId) const;

    QString m_dir;
    const Clock &m_clock;
    IdSource &m_ids;
    SyncOptions m_options;
    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<Ingestor> m_ingestor; // counters and published items, on this thread's connection
    std::unique_ptr<StoreWriter> m_writer; // synced pages, on the writer's own thread and connection
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<OutboxRunner> m_outbox;
    QTimer m_accountsWatch; // notices accounts added, paused or removed by another process (GUI, CLI)
    QTimer m_timers; // snoozes that end, SLA breaches (Engine::runTimers), every minute
    QString m_accountsSignature;
    std::unique_ptr<AvatarCache> m_avatars;
    std::unique_ptr<team::TeamLink> m_team;
    std::map<QString, std::unique_ptr<AccountSync>> m_syncs;
    QHash<QString, ChannelFactory> m_factories;
    bool m_isRunner = false;
    bool m_running = false;
};

} // namespace sb
