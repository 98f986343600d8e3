#include "sync/SyncService.h"

#include "core/Clock.h"
#include "engine/Engine.h"
#include "secrets/SecretStore.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/StoreWriter.h"
#include "store/Workspace.h"
#include "sync/AccountSetup.h"
#include "sync/AvatarCache.h"
#include "sync/OutboxRunner.h"
#include "team/TeamLink.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace sb {

SyncService::SyncService(QString workspaceDir, const Clock &clock, IdSource &ids, SyncOptions options, QObject *parent)
    : QObject(parent), m_dir(std::move(workspaceDir)), m_clock(clock), m_ids(ids), m_options(options)
{
    connect(&m_timers, &QTimer::timeout, this, &SyncService::runTimers);
    connect(&m_accountsWatch, &QTimer::timeout, this, [this] {
        const QString signature = accountsSignature();
        if (signature != m_accountsSignature) {
            m_accountsSignature = signature;
            reloadAccounts();
        }
    });
}

SyncService::~SyncService()
{
    stop();
    m_team.reset();
    m_syncs.clear();
    m_writer.reset(); // stores what is still queued before anything else goes
}

void SyncService::setChannelFactory(const QString &network, ChannelFactory factory)
{
    m_factories.insert(network, std::move(factory));
}

Status SyncService::open()
{
    m_lock = std::make_unique<QLockFile>(QDir(m_dir).filePath(QStringLiteral("runner.lock")));
    m_lock->setStaleLockTime(0); // a lock is stale only when its process is gone, never by age
    m_isRunner = m_lock->tryLock(0);
    if (!m_isRunner) {
        return makeError(ErrorKind::Conflict,
                         QCoreApplication::translate("SyncService", "Sync and publishing already run in %1.")
                             .arg(lockHolderDescription()));
    }
    m_db = std::make_unique<SqliteDb>();
    SB_TRY(m_db->open(QDir(m_dir).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadWrite));
    SB_TRY(configureConnection(*m_db));
    m_ingestor = std::make_unique<Ingestor>(*m_db, m_clock, m_ids);
    m_writer = std::make_unique<StoreWriter>(QDir(m_dir).filePath(Workspace::databaseFileName()), m_clock);
    SB_TRY(m_writer->start());
    m_engine = std::make_unique<Engine>(*m_db, m_clock, m_ids);
    m_secrets = std::make_unique<SecretStore>(
        m_db->scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'workspace_id'")));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setAutoDeleteReplies(true);
    m_avatars = std::make_unique<AvatarCache>(*m_db, *m_network, QDir(m_dir).filePath(QStringLiteral("avatars")));
    m_outbox = std::make_unique<OutboxRunner>(*m_db, *m_engine, *m_ingestor, m_clock,
                                              [this](const QString &id) { return channelFor(id); });
    connect(m_outbox.get(), &OutboxRunner::jobChanged, this, &SyncService::outboxJobChanged);
    if (team::TeamConfig::read(*m_db).enabled()) {
        // In a team, another workstation may be sending a job this cache shows as `sending`: the team's claim on
        // each job decides who reconciles it (TeamReplicator::claimJob), not this process's restart.
        m_team = std::make_unique<team::TeamLink>(*m_db, *m_secrets);
        m_team->setCanLead([this](const QString &accountId) { return m_syncs.count(accountId) > 0; });
        connect(m_team.get(), &team::TeamLink::leadershipChanged, this, [this](const QString &accountId, bool lead) {
            AccountSync *sync = accountSync(accountId);
            if (!sync) {
                return;
            }
            if (lead && m_running) {
                sync->start();
            } else if (!lead) {
                sync->stop();
            }
        });
        team::TeamLink *link = m_team.get();
        m_outbox->setTeamGate([link] { return link->mayPublish(); },
                              [link](const QString &jobId) { return link->claimJob(jobId); });
    } else {
        SB_TRY(m_outbox->recoverInterrupted());
    }
    reloadAccounts();
    return success();
}

QString SyncService::lockHolderDescription() const
{
    qint64 pid = 0;
    QString host;
    QString app;
    if (m_lock && m_lock->getLockInfo(&pid, &host, &app)) {
        return QCoreApplication::translate("SyncService", "%1 (process %2)").arg(app).arg(pid);
    }
    return QCoreApplication::translate("SyncService", "another Switchboard process");
}

std::unique_ptr<AccountSync> SyncService::makeSync(const AccountRecord &account)
{
    const auto factory = m_factories.constFind(account.network);
    if (factory == m_factories.cend()) {
        return nullptr;
    }
    ChannelContext context;
    context.account = account;
    context.network = m_network.get();
    const QString accountId = account.id;
    const QString credentialRef = account.credentialRef;
    SecretStore *secrets = m_secrets.get();
    context.secret = [secrets, accountId, credentialRef](const QString &purpose) {
        return resolveCredential(*secrets, accountId, credentialRef, purpose);
    };
    if (credentialRef == QLatin1String("keychain")) {
        context.loadSession = [secrets, accountId] {
            const auto kept = secrets->read(accountId, AccountSetup::kSession);
            return kept.ok() ? kept.value() : QString();
        };
        context.saveSession = [secrets, accountId](const QString &session) {
            secrets->writeLater(accountId, AccountSetup::kSession, session);
        };
    }
    // A missing secret (variable unset, keychain entry gone) is shown as such instead of as a server refusal.
    if (const auto secret = context.secret(QStringLiteral("access_token"));
        !secret.ok() && secret.error().kind == ErrorKind::AuthExpired) {
        if (m_team) {
            // In a team the account is shared but its secret is each workstation's own: without it here, this
            // workstation neither syncs nor publishes for the account, and the others do (its health is theirs).
            qCInfo(lcSync) << "account" << account.handle << "has no secret on this workstation";
            return nullptr;
        }
        (void)AccountStore::setHealth(*m_db, account.id, Health::AuthExpired, secret.error().message, 0);
        emit accountStateChanged(account.id);
        return nullptr;
    }
    std::unique_ptr<Channel> channel = (*factory)(context);
    if (!channel) {
        return nullptr;
    }
    auto sync = std::make_unique<AccountSync>(account, std::move(channel), *m_db, *m_ingestor, *m_writer, this, m_clock,
                                              m_options);
    connect(sync.get(), &AccountSync::stateChanged, this, &SyncService::accountStateChanged);
    connect(sync.get(), &AccountSync::ingested, this, &SyncService::itemsIngested);
    connect(sync.get(), &AccountSync::cycleFinished, this, [this](const QString &, bool ok) {
        if (ok) {
            m_avatars->fetchMissing();
            m_outbox->processDue(); // offline jobs go out once an account is reachable again
        }
    });
    return sync;
}

void SyncService::reloadAccounts()
{
    if (!m_db) {
        return;
    }
    std::map<QString, std::unique_ptr<AccountSync>> next;
    for (const AccountRecord &account : AccountStore::all(*m_db)) {
        auto existing = m_syncs.find(account.id);
        const bool changed = existing == m_syncs.end() || existing->second->account().paused != account.paused
            || existing->second->account().credentialRef != account.credentialRef
            // signed in again elsewhere: the stopped account starts over with its new credentials
            || (existing->second->account().health == Health::AuthExpired && account.health != Health::AuthExpired);
        if (!changed) {
            next.emplace(account.id, std::move(existing->second));
            continue;
        }
        auto sync = makeSync(account);
        if (!sync) {
            continue;
        }
        if (m_running && leads(account.id)) {
            sync->start();
        }
        next.emplace(account.id, std::move(sync));
    }
    m_syncs = std::move(next);
}

bool SyncService::leads(const QString &accountId) const
{
    return !m_team || m_team->leads(accountId);
}

Channel *SyncService::channelFor(const QString &accountId)
{
    auto it = m_syncs.find(accountId);
    if (it == m_syncs.end() || it->second->account().paused || it->second->account().health == Health::AuthExpired) {
        return nullptr;
    }
    return &it->second->channel();
}

AccountSync *SyncService::accountSync(const QString &accountId) const
{
    auto it = m_syncs.find(accountId);
    return it == m_syncs.end() ? nullptr : it->second.get();
}

void SyncService::start()
{
    if (!m_isRunner || m_running) {
        return;
    }
    m_running = true;
    if (m_team) {
        m_team->start(); // connects and takes the lead of the accounts no other workstation syncs
    }
    for (auto &[id, sync] : m_syncs) {
        if (leads(id)) {
            sync->start();
        }
    }
    m_outbox->start();
    m_accountsSignature = accountsSignature();
    m_accountsWatch.start(3'000);
    m_timers.start(60'000);
    runTimers();
}

void SyncService::runTimers()
{
    auto outcome = m_engine->runTimers();
    if (!outcome.ok()) {
        qCWarning(lcSync) << "timers:" << outcome.error().message;
        return;
    }
    if (outcome.value().woken + outcome.value().breached > 0) {
        qCInfo(lcSync) << "timers:" << outcome.value().woken << "snoozes ended," << outcome.value().breached
                       << "SLA breaches"; // windows notice through the database's change counter
    }
}

QString SyncService::accountsSignature()
{
    // Changes that matter to sync bump updated_at (pause, sign-in, archive) or the row count (add, remove).
    return m_db->scalarText(QStringLiteral("SELECT count(*) || '/' || coalesce(max(updated_at), 0) || '/' || "
                                           "coalesce(sum(sync_paused), 0) FROM accounts WHERE archived = 0"));
}

void SyncService::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_accountsWatch.stop();
    m_timers.stop();
    for (auto &[id, sync] : m_syncs) {
        sync->stop();
    }
    if (m_outbox) {
        m_outbox->stop();
    }
    if (m_team) {
        m_team->stop();
    }
}

void SyncService::syncNow(const QString &accountId)
{
    if (AccountSync *sync = accountSync(accountId)) {
        sync->syncNow();
    }
}

void SyncService::wakeOutbox()
{
    if (m_outbox) {
        m_outbox->processDue();
    }
}

void SyncService::sendDue(std::function<void()> done)
{
    if (!m_outbox) {
        done();
        return;
    }
    m_outbox->processDue([done = std::move(done)](int) { done(); });
}

void SyncService::runOnce(const QString &onlyAccountId, std::function<void(Status)> done)
{
    struct Pass {
        int pending = 0;
        Status first = success();
        std::function<void(Status)> done;
    };
    auto pass = std::make_shared<Pass>();
    pass->done = std::move(done);
    if (m_team) {
        // One exchange with the team before and after: the accounts this workstation leads sync, the others not.
        if (const Status s = m_team->syncNow(); !s.ok()) {
            qCWarning(lcSync) << "team:" << s.error().message;
        }
        pass->done = [self = QPointer<SyncService>(this), done = std::move(pass->done)](Status s) {
            if (self && self->m_team) {
                if (const Status t = self->m_team->syncNow(); !t.ok()) {
                    qCWarning(lcSync) << "team:" << t.error().message;
                }
            }
            done(s);
        };
    }
    QPointer<SyncService> self(this);
    auto finishAccounts = [self, pass] {
        if (!self) {
            return;
        }
        self->m_avatars->fetchMissing([self, pass] {
            if (!self) {
                return;
            }
            self->m_outbox->processDue([pass](int) { pass->done(pass->first); });
        });
    };
    std::vector<AccountSync *> targets;
    for (auto &[id, sync] : m_syncs) {
        if ((onlyAccountId.isEmpty() || id == onlyAccountId) && !sync->account().paused && leads(id)) {
            targets.push_back(sync.get());
        }
    }
    if (targets.empty()) {
        finishAccounts();
        return;
    }
    pass->pending = int(targets.size());
    for (AccountSync *sync : targets) {
        sync->runOnce([pass, finishAccounts](Status s) {
            if (!s.ok() && pass->first.ok()) {
                pass->first = s;
            }
            if (--pass->pending == 0) {
                finishAccounts();
            }
        });
    }
}

} // namespace sb
