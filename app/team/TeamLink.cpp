#include "team/TeamLink.h"

#include "secrets/SecretStore.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"
#include "team/Pg.h"
#include "team/TeamReplicator.h"
#include "team/TeamSchema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSocketNotifier>

Q_DECLARE_LOGGING_CATEGORY(lcTeam)

namespace sb::team {

namespace {
constexpr int kPushCheckMs = 250;
constexpr int kHeartbeatMs = 3'000;
constexpr qint64 kClaimLeaseMs = 120'000;

} // namespace

TeamConfig TeamConfig::read(SqliteDb &db)
{
    TeamConfig c;
    c.conninfo = WorkspaceSettings::value(db, QStringLiteral("team_pg"));
    c.credentialRef = WorkspaceSettings::value(db, QStringLiteral("team_credential"));
    c.workstationId = WorkspaceSettings::value(db, QStringLiteral("team_workstation"));
    c.employeeId = WorkspaceSettings::value(db, QStringLiteral("team_employee"));
    return c;
}

Result<QString> teamPassword(const SecretStore &secrets, const TeamConfig &config)
{
    if (config.credentialRef.isEmpty()) {
        return QString(); // trust, .pgpass or PGPASSWORD
    }
    return resolveCredential(secrets, QString::fromLatin1(kTeamSecretAccount), config.credentialRef,
                             QString::fromLatin1(kTeamSecretPurpose));
}

TeamLink::TeamLink(SqliteDb &db, const SecretStore &secrets, QObject *parent)
    : QObject(parent), m_db(db), m_secrets(secrets)
{
    m_pushTimer.setInterval(kPushCheckMs);
    connect(&m_pushTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Online && m_db.scalarInt(QStringLiteral("SELECT EXISTS(SELECT 1 FROM team_pending)"))) {
            pushSoon();
        }
    });
    m_pullTimer.setSingleShot(true);
    m_pullTimer.setInterval(20);
    connect(&m_pullTimer, &QTimer::timeout, this, &TeamLink::exchange);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (m_state == State::Offline) {
            if (const Status s = connectToTeam(); !s.ok()) {
                goOffline(s.error().message);
                return;
            }
        }
        exchange();
        claimLeadership();
    });
}

TeamLink::~TeamLink()
{
    stop();
}

void TeamLink::start()
{
    m_running = true;
    if (const Status s = connectToTeam(); !s.ok()) {
        goOffline(s.error().message);
    } else {
        exchange();
        claimLeadership();
    }
    m_pushTimer.start();
    m_heartbeat.start();
}

void TeamLink::stop()
{
    m_running = false;
    m_pushTimer.stop();
    m_pullTimer.stop();
    m_heartbeat.stop();
    if (m_state == State::Online) {
        exchange(); // what is waiting goes up before the process ends
    }
    m_notifier.reset();
    m_replicator.reset();
    m_pg.reset();
    m_leader.reset();
}

Status TeamLink::connectToTeam()
{
    m_config = TeamConfig::read(m_db);
    if (!m_config.enabled()) {
        return makeError(ErrorKind::Invalid, QCoreApplication::translate("Team", "This workspace is not in a team."));
    }
    if (!m_havePassword) {
        auto password = teamPassword(m_secrets, m_config);
        SB_TRY(password);
        m_password = password.value();
        m_havePassword = true;
    }
    const QString app = QStringLiteral("switchboard %1").arg(m_config.workstationId);
    auto pg = std::make_unique<PgConnection>();
    SB_TRY(pg->open(m_config.conninfo, m_password, app));
    auto version = pg->exec(QStringLiteral("SELECT value FROM sb.meta WHERE key = 'schema_version'"));
    SB_TRY(version);
    const int teamVersion = version.value().rows.empty() ? 0 : version.value().rows[0][0].value_or(QString()).toInt();
    if (teamVersion != schema::latestVersion()) {
        return makeError(ErrorKind::TooNew,
                         QCoreApplication::translate("Team",
                                                     "The team database is at schema "
                                                     "version %1, this Switchboard at %2: "
                                                     "update every workstation alike.")
                             .arg(teamVersion)
                             .arg(schema::latestVersion()));
    }
    auto me = pg->exec(QStringLiteral("SELECT sb.my_employee(), sb.may_publish()"));
    SB_TRY(me);
    m_mayPublish = me.value().rows[0][1] == QStringLiteral("t");
    SB_TRY(pg->execScript(QStringLiteral("LISTEN %1").arg(QLatin1String(kNotifyChannel))));
    auto leader = std::make_unique<PgConnection>();
    SB_TRY(leader->open(m_config.conninfo, m_password, app + QStringLiteral(" leader")));
    auto tables = sharedColumns(m_db);
    SB_TRY(tables);

    m_leading.clear();
    m_pg = std::move(pg);
    m_leader = std::move(leader);
    m_replicator = std::make_unique<TeamReplicator>(m_db, *m_pg, m_config.workstationId, std::move(tables.value()));
    m_notifier = std::make_unique<QSocketNotifier>(m_pg->socket(), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        if (m_pg && !m_pg->takeNotifications().isEmpty()) {
            m_pullTimer.start(); // coalesces a burst of commits into one pull
        }
        if (m_pg && !m_pg->isHealthy()) {
            goOffline(QCoreApplication::translate("Team", "The team database closed the connection."));
        }
    });
    m_state = State::Online;
    m_lastError.clear();
    qCInfo(lcTeam) << "connected to the team database as" << m_pg->userName();
    emit stateChanged();
    publishState();
    return success();
}

void TeamLink::goOffline(const QString &why)
{
    const bool was = m_state == State::Online;
    m_state = State::Offline;
    m_lastError = why;
    m_notifier.reset();
    m_replicator.reset();
    m_pg.reset();
    m_leader.reset(); // closing the connection releases its advisory locks
    const QSet<QString> lost = std::exchange(m_leading, {});
    for (const QString &account : lost) {
        emit leadershipChanged(account, false);
    }
    if (was) {
        qCWarning(lcTeam) << "team database offline:" << why;
        emit stateChanged();
    }
    publishState();
}

void TeamLink::pushSoon()
{
    if (!m_replicator) {
        return;
    }
    auto pushed = m_replicator->push();
    if (!pushed.ok()) {
        exchangeFailed("push:", pushed.error());
        return;
    }
    if (pushed.value().conflicts + pushed.value().refused > 0) {
        qCInfo(lcTeam) << "pushed" << pushed.value().rows << "row(s):" << pushed.value().conflicts << "conflict(s),"
                       << pushed.value().refused << "refused";
    }
    publishState();
}

void TeamLink::exchangeFailed(const char *what, const Error &error)
{
    // A lost connection means offline (reconnect at the next heartbeat); anything else is this exchange's problem.
    if (error.kind == ErrorKind::Transient || !m_pg->isHealthy()) {
        goOffline(error.message);
    } else {
        qCWarning(lcTeam) << what << error.message;
    }
}

void TeamLink::exchange()
{
    if (!m_replicator) {
        return;
    }
    pushSoon();
    if (!m_replicator) {
        return;
    }
    auto rows = m_replicator->pull();
    if (!rows.ok()) {
        exchangeFailed("pull:", rows.error());
        return;
    }
    if (rows.value() > 0) {
        emit pulled(rows.value());
    }
}

void TeamLink::claimLeadership()
{
    if (!m_leader || !m_running) {
        return;
    }
    if (!m_leader->exec(QStringLiteral("SELECT 1")).ok()) {
        goOffline(QCoreApplication::translate("Team", "The team database closed the connection."));
        return;
    }
    QStringList accounts;
    Statement &st = m_db.cached("SELECT id FROM accounts WHERE archived = 0 AND sync_paused = 0 ORDER BY id");
    while (st.next()) {
        accounts << st.text(0);
    }
    for (const QString &account : std::as_const(accounts)) {
        if (m_leading.contains(account)) {
            continue;
        }
        if (m_canLead && !m_canLead(account)) {
            qCDebug(lcTeam) << "cannot sync account" << account << "here (no channel or secret)";
            continue;
        }
        auto got = m_leader->exec(QStringLiteral("SELECT pg_try_advisory_lock(hashtextextended($1, 0))"),
                                  {QStringLiteral("switchboard-account:") + account});
        if (got.ok() && !got.value().rows.empty() && got.value().rows[0][0] == QStringLiteral("t")) {
            m_leading.insert(account);
            qCInfo(lcTeam) << "this workstation now syncs account" << account;
            emit leadershipChanged(account, true);
        }
    }
    publishState();
}

bool TeamLink::claimJob(const QString &jobId)
{
    if (!m_replicator || !m_mayPublish) {
        return false;
    }
    pushSoon(); // a job made here a moment ago must be the team's before it can be claimed
    if (!m_replicator) {
        return false;
    }
    auto claim = m_replicator->claimJob(jobId, kClaimLeaseMs);
    if (!claim.ok()) {
        if (claim.error().kind == ErrorKind::Transient) {
            goOffline(claim.error().message);
        } else {
            qCWarning(lcTeam) << "claim:" << claim.error().message;
        }
        return false;
    }
    return claim.value() == TeamReplicator::Claim::Claimed;
}

Status TeamLink::syncNow()
{
    if (m_state == State::Offline) {
        SB_TRY(connectToTeam());
    }
    auto pushed = m_replicator->push();
    SB_TRY(pushed);
    auto pulled = m_replicator->pull();
    SB_TRY(pulled);
    const bool wasRunning = m_running;
    m_running = true;
    claimLeadership();
    m_running = wasRunning;
    publishState();
    return success();
}

void TeamLink::publishState()
{
    const qint64 pending = pendingChanges(m_db);
    QJsonArray leading;
    for (const QString &a : std::as_const(m_leading)) {
        leading.append(a);
    }
    QJsonObject o {
        {QStringLiteral("state"), m_state == State::Online ? QStringLiteral("online") : QStringLiteral("offline")},
        {QStringLiteral("pending"), pending},
        {QStringLiteral("error"), m_lastError},
        {QStringLiteral("leading"), leading},
        {QStringLiteral("may_publish"), m_mayPublish},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
    const QString text = QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (text == WorkspaceSettings::value(m_db, QStringLiteral("team_state"))) {
        return;
    }
    (void)setLocalSetting(m_db, QStringLiteral("team_state"), text);
}

} // namespace sb::team
