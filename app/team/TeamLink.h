#pragma once

#include "core/Result.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace sb {
class SecretStore;
class SqliteDb;
} // namespace sb

namespace sb::team {

class PgConnection;
class TeamReplicator;

// What a workspace in a team keeps in its (local, never shared) settings; the password is in the keychain or an
// environment variable, never here.
struct TeamConfig {
    QString conninfo; // without password
    QString credentialRef; // "keychain" or "env:NAME"
    QString workstationId;
    QString employeeId; // the employee the login is (sb.logins)

    bool enabled() const { return !conninfo.isEmpty(); }
    static TeamConfig read(SqliteDb &db);
};

Result<QString> teamPassword(const SecretStore &secrets, const TeamConfig &config);
inline constexpr char kTeamSecretAccount[] = "team";
inline constexpr char kTeamSecretPurpose[] = "pg_password";

// Keeps a workspace in step with its team while sync runs (GUI or `serve`), on the sync thread's writer connection:
// pushes local changes within a quarter second, pulls when PostgreSQL announces a change (LISTEN) and every few
// seconds anyway, leads the sync of accounts whose advisory lock it holds, and claims outbox jobs before sending.
// Offline it keeps trying; local changes wait in team_pending and go up on reconnect.
class TeamLink final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamLink)
public:
    enum class State { Offline, Online };

    TeamLink(SqliteDb &db, const SecretStore &secrets, QObject *parent = nullptr);
    ~TeamLink() override;

    // Connects (blocking, a few seconds at most) and starts the timers. A failure only means offline.
    void start();
    void stop();

    State state() const { return m_state; }
    bool leads(const QString &accountId) const { return m_leading.contains(accountId); }
    // Whether this login may publish (PostgreSQL's sb.may_publish()); false while offline.
    bool mayPublish() const { return m_state == State::Online && m_mayPublish; }
    // True when this workstation may send the job now (it holds the team's claim on it).
    bool claimJob(const QString &jobId);

    // Which accounts this workstation can sync at all (it has their channel and secret).
    void setCanLead(std::function<bool(const QString &accountId)> canLead) { m_canLead = std::move(canLead); }

    // One exchange now: push, pull, leadership. For `sync --once` and tests.
    Status syncNow();

signals:
    void leadershipChanged(const QString &accountId, bool leading);
    void stateChanged();
    void pulled(int rows);

private:
    Status connectToTeam();
    void goOffline(const QString &why);
    void exchange();
    void pushSoon();
    void exchangeFailed(const char *what, const Error &error);
    void claimLeadership();
    void publishState();

    SqliteDb &m_db;
    const SecretStore &m_secrets;
    TeamConfig m_config;
    QString m_password;
    bool m_havePassword = false;
    std::unique_ptr<PgConnection> m_pg; // pushes, pulls, claims, LISTEN
    std::unique_ptr<PgConnection> m_leader; // holds the advisory locks of the accounts this workstation syncs
    std::unique_ptr<TeamReplicator> m_replicator;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_pushTimer; // local changes waiting
    QTimer m_pullTimer; // announced changes, coalesced
    QTimer m_heartbeat; // pull anyway, leadership, reconnect
    State m_state = State::Offline;
    bool m_mayPublish = false;
    bool m_running = false;
    QString m_lastError;
    QSet<QString> m_leading;
    std::function<bool(const QString &)> m_canLead;
};

} // namespace sb::team
