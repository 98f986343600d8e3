// switchboard-cli commands of team mode: team init, team join, team add-member, team status.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Domain.h"
#include "engine/Engine.h"
#include "secrets/SecretStore.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"
#include "team/Pg.h"
#include "team/TeamLink.h"
#include "team/TeamReplicator.h"
#include "team/TeamSchema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace sb::cli {

namespace {

using team::PgConnection;

struct Credentials {
    QString conninfo; // without password
    QString password;
    QString credentialRef; // how later runs find the password: "keychain", "env:NAME" or empty (none needed)
};

// --pg URL with --password-env VAR, --password-stdin or a password in the URL (kept in the keychain).
Result<Credentials> readCredentials(Context &ctx)
{
    const QString url = ctx.args().value(QStringLiteral("pg"));
    Credentials c;
    c.conninfo = PgConnection::withoutPassword(url);
    if (url.trimmed().isEmpty() || c.conninfo.isEmpty()) {
        return makeError(ErrorKind::Invalid,
                         CliText::tr("--pg needs a PostgreSQL URL (postgresql://USER@HOST:PORT/DB) "
                                     "or connection string"));
    }
    if (PgConnection::userOf(url).isEmpty()) {
        return makeError(ErrorKind::Invalid,
                         CliText::tr("--pg must name the login (postgresql://USER@HOST/DB): each "
                                     "employee connects as their own PostgreSQL role"));
    }
    const bool fromEnv = ctx.args().has(QStringLiteral("password-env"));
    const bool fromStdin = ctx.args().has(QStringLiteral("password-stdin"));
    if (fromEnv && fromStdin) {
        return makeError(ErrorKind::Invalid,
                         CliText::tr("give at most one of --password-env VAR and --password-stdin"));
    }
    if (fromEnv) {
        const QString variable = ctx.args().value(QStringLiteral("password-env"));
        c.password = qEnvironmentVariable(variable.toUtf8().constData());
        if (c.password.isEmpty()) {
            return makeError(ErrorKind::Invalid,
                             CliText::tr("the environment variable %1 is empty or not set").arg(variable));
        }
        c.credentialRef = QStringLiteral("env:") + variable;
    } else if (fromStdin) {
        c.password = readSecretFromStdin();
        if (c.password.isEmpty()) {
            return makeError(ErrorKind::Invalid, CliText::tr("no password on standard input"));
        }
        c.credentialRef = QStringLiteral("keychain");
    } else if (const QString inUrl = PgConnection::passwordOf(url); !inUrl.isEmpty()) {
        c.password = inUrl;
        c.credentialRef = QStringLiteral("keychain");
    }
    return c;
}

// Keeps the team configuration: connection without password, where the password is, this workstation's id and
// employee; the password itself goes to the keychain when it came from stdin or the URL.
Status saveConfig(Context &ctx, const Credentials &c, const QString &employeeId)
{
    if (c.credentialRef == QLatin1String("keychain")) {
        SecretStore secrets(ctx.workspace().id());
        SB_TRY(secrets.write(QString::fromLatin1(team::kTeamSecretAccount),
                             QString::fromLatin1(team::kTeamSecretPurpose), c.password));
    }
    SB_TRY(team::setLocalSetting(ctx.db(), QStringLiteral("team_pg"), c.conninfo));
    SB_TRY(team::setLocalSetting(ctx.db(), QStringLiteral("team_credential"), c.credentialRef));
    SB_TRY(team::setLocalSetting(ctx.db(), QStringLiteral("team_workstation"),
                                 QUuid::createUuid().toString(QUuid::WithoutBraces)));
    return team::setLocalSetting(ctx.db(), QStringLiteral("team_employee"), employeeId);
}

Result<std::unique_ptr<PgConnection>> connectAs(const Credentials &c)
{
    auto pg = std::make_unique<PgConnection>();
    SB_TRY(pg->open(c.conninfo, c.password, QStringLiteral("switchboard-cli")));
    return pg;
}

// This workstation's own connection to its team (the password from the keychain or its variable).
Status connectToTeam(Context &ctx, const team::TeamConfig &config, PgConnection &pg)
{
    const SecretStore secrets(ctx.workspace().id());
    auto password = team::teamPassword(secrets, config);
    SB_TRY(password);
    return pg.open(config.conninfo, password.value(), QStringLiteral("switchboard-cli %1").arg(config.workstationId));
}

int checkTeamArgs(Context &ctx, Result<Credentials> &creds)
{
    if (!creds.ok()) {
        return ctx.usageError(creds.error().message);
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    if (team::TeamConfig::read(ctx.db()).enabled()) {
        return ctx.fail(
            CliText::tr("This workspace is already in a team (%1).").arg(team::TeamConfig::read(ctx.db()).conninfo));
    }
    return 0;
}

} // namespace

int runTeamInit(Context &ctx)
{
    auto creds = readCredentials(ctx);
    if (int rc = checkTeamArgs(ctx, creds)) {
        return rc;
    }
    auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    const auto role = roleFromName(
        ctx.db().scalarText(QStringLiteral("SELECT role FROM employees WHERE id = '%1'").arg(actor.value().id)));
    if (!role || !canManageRoster(*role)) {
        return ctx.fail(CliText::tr("Only an admin or a manager can set up a team."));
    }
    auto tables = team::sharedColumns(ctx.db());
    if (!tables.ok()) {
        return ctx.fail(tables.error());
    }
    auto pg = connectAs(creds.value());
    if (!pg.ok()) {
        return ctx.fail(pg.error());
    }
    auto exists = pg.value()->exec(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = 'sb'"));
    if (!exists.ok()) {
        return ctx.fail(exists.error());
    }
    if (!exists.value().rows.empty()) {
        return ctx.fail(CliText::tr("That database already holds a team: use team join."));
    }
    // One transaction: the schema, this workspace's rows, and this login as the acting employee.
    const QString ddl = QStringLiteral("BEGIN;\n") + team::pgSchemaSql(tables.value(), schema::latestVersion());
    if (Status s = pg.value()->execScript(ddl); !s.ok()) {
        (void)pg.value()->execScript(QStringLiteral("ROLLBACK"));
        return ctx.fail(s.error());
    }
    auto login
        = pg.value()->exec(QStringLiteral("INSERT INTO sb.logins VALUES (session_user, $1)"), {actor.value().id});
    if (!login.ok() || !pg.value()->execScript(QStringLiteral("COMMIT")).ok()) {
        (void)pg.value()->execScript(QStringLiteral("ROLLBACK"));
        return ctx.fail(login.ok() ? CliText::tr("the team schema could not be committed") : login.error().message);
    }
    if (Status s = saveConfig(ctx, creds.value(), actor.value().id); !s.ok()) {
        return ctx.fail(s.error());
    }
    const QString workstation = team::TeamConfig::read(ctx.db()).workstationId;
    team::TeamReplicator replicator(ctx.db(), *pg.value(), workstation, tables.value());
    auto uploaded = replicator.uploadAll();
    if (!uploaded.ok()) {
        return ctx.fail(uploaded.error());
    }
    if (Status s = team::installLocalTriggers(ctx.db(), tables.value()); !s.ok()) {
        return ctx.fail(s.error());
    }
    // Everything the team has is this workspace's own: read on from the current change.
    if (auto pulled = replicator.pull(); !pulled.ok()) {
        return ctx.fail(pulled.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("team"), creds.value().conninfo},
                               {QStringLiteral("rows"), uploaded.value()},
                               {QStringLiteral("workstation"), workstation}});
    } else {
        ctx.out() << CliText::tr("Team database ready: %1 rows shared from this workspace. Add colleagues with "
                                 "`team add-member`, then `team join` on their workstations.")
                         .arg(uploaded.value())
                  << '\n';
    }
    return 0;
}

int runTeamMemberAdd(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const team::TeamConfig config = team::TeamConfig::read(ctx.db());
    if (!config.enabled()) {
        return ctx.fail(CliText::tr("This workspace is not in a team: run team init or team join first."));
    }
    const QString login = ctx.args().value(QStringLiteral("login")).trimmed();
    if (login.isEmpty() || login.size() > 63) {
        return ctx.usageError(CliText::tr("--login needs a PostgreSQL role name (1 to 63 characters)"));
    }
    const bool fromEnv = ctx.args().has(QStringLiteral("password-env"));
    if (fromEnv == ctx.args().has(QStringLiteral("password-stdin"))) {
        return ctx.usageError(CliText::tr("give exactly one of --password-env VAR and --password-stdin"));
    }
    const QString password = fromEnv
        ? qEnvironmentVariable(ctx.args().value(QStringLiteral("password-env")).toUtf8().constData())
        : readSecretFromStdin();
    if (password.isEmpty()) {
        return ctx.usageError(CliText::tr("the new login's password is empty"));
    }
    auto employee = ctx.resolveEmployee(ctx.args().positionals().value(0));
    if (!employee.ok()) {
        return ctx.fail(employee.error());
    }
    PgConnection pg;
    if (Status s = connectToTeam(ctx, config, pg); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto statement
        = pg.exec(QStringLiteral("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE sb_member', $1::text, "
                                 "$2::text)"),
                  {login, password});
    if (!statement.ok()) {
        return ctx.fail(statement.error());
    }
    const QString create = statement.value().rows[0][0].value_or(QString());
    if (Status s = pg.execScript(QStringLiteral("BEGIN;\n") + create + QStringLiteral(";")); !s.ok()) {
        (void)pg.execScript(QStringLiteral("ROLLBACK"));
        return ctx.fail(s.error().kind == ErrorKind::Forbidden
                            ? CliText::tr("This login may not create roles: run it as the team database's owner.")
                            : s.error().message);
    }
    auto mapped = pg.exec(QStringLiteral("INSERT INTO sb.logins VALUES ($1, $2)"), {login, employee.value().id});
    if (!mapped.ok() || !pg.execScript(QStringLiteral("COMMIT")).ok()) {
        (void)pg.execScript(QStringLiteral("ROLLBACK"));
        return ctx.fail(mapped.ok() ? CliText::tr("the login could not be committed") : mapped.error().message);
    }
    if (ctx.json()) {
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("login"), login}, {QStringLiteral("employee"), employee.value().id}});
    } else {
        ctx.out() << CliText::tr("Login %1 is %2 in the team; their role is enforced by the database.")
                         .arg(login, employee.value().name)
                  << '\n';
    }
    return 0;
}

int runTeamJoin(Context &ctx)
{
    auto creds = readCredentials(ctx);
    if (int rc = checkTeamArgs(ctx, creds)) {
        return rc;
    }
    // The team's rows replace this cache's: a workspace with work of its own would lose it.
    const qint64 own = ctx.db().scalarInt(QStringLiteral("SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) "
                                                         "FROM conversations) + (SELECT count(*) FROM posts)"));
    if (own > 0) {
        return ctx.fail(CliText::tr("This workspace has accounts, conversations or posts of its own; join from a new "
                                    "workspace (--workspace NEW_FOLDER team join ...)."));
    }
    auto tables = team::sharedColumns(ctx.db());
    if (!tables.ok()) {
        return ctx.fail(tables.error());
    }
    auto pg = connectAs(creds.value());
    if (!pg.ok()) {
        return ctx.fail(pg.error());
    }
    auto meta = pg.value()->exec(QStringLiteral("SELECT (SELECT value FROM sb.meta WHERE key = 'schema_version'), "
                                                "sb.my_employee()"));
    if (!meta.ok()) {
        return ctx.fail(CliText::tr("That database holds no team (run team init first): %1").arg(meta.error().message));
    }
    if (meta.value().rows[0][0].value_or(QString()).toInt() != schema::latestVersion()) {
        return ctx.fail(CliText::tr("The team database is at schema version %1, this Switchboard at %2.")
                            .arg(meta.value().rows[0][0].value_or(QStringLiteral("?")))
                            .arg(schema::latestVersion()));
    }
    const QString employeeId = meta.value().rows[0][1].value_or(QString());
    if (employeeId.isEmpty()) {
        return ctx.fail(CliText::tr("The login %1 is not a member of this team: an admin adds it with "
                                    "`team add-member EMPLOYEE --login %1`.")
                            .arg(PgConnection::userOf(ctx.args().value(QStringLiteral("pg")))));
    }
    {
        Transaction tx(ctx.db());
        if (!tx.began().ok()) {
            return ctx.fail(tx.began().error());
        }
        // Reverse order: children before parents. Local-only settings stay.
        const auto &list = tables.value();
        for (auto it = list.rbegin(); it != list.rend(); ++it) {
            const QString name = it->table->name;
            if (name == QLatin1String("events")) {
                // The log is append-only by trigger; a new workspace's few entries make way for the team's.
                (void)ctx.db().exec("DROP TRIGGER IF EXISTS events_no_delete");
                (void)ctx.db().exec("DELETE FROM events");
                (void)ctx.db().exec("CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN "
                                    "SELECT RAISE(ABORT, 'events are append-only'); END;");
                continue;
            }
            QString sql = QStringLiteral("DELETE FROM %1").arg(name);
            if (const QString local = team::localRowsCondition(*it->table, ""); !local.isEmpty()) {
                sql += QStringLiteral(" WHERE NOT (%1)").arg(local);
            }
            if (Status s = ctx.db().exec(sql); !s.ok()) {
                return ctx.fail(s.error());
            }
        }
        if (Status s = tx.commit(); !s.ok()) {
            return ctx.fail(s.error());
        }
    }
    if (Status s = saveConfig(ctx, creds.value(), employeeId); !s.ok()) {
        return ctx.fail(s.error());
    }
    if (Status s = team::installLocalTriggers(ctx.db(), tables.value()); !s.ok()) {
        return ctx.fail(s.error());
    }
    team::TeamReplicator replicator(ctx.db(), *pg.value(), team::TeamConfig::read(ctx.db()).workstationId,
                                    tables.value());
    auto pulled = replicator.pull();
    if (!pulled.ok()) {
        return ctx.fail(pulled.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("team"), creds.value().conninfo},
                               {QStringLiteral("employee"), employeeId},
                               {QStringLiteral("rows"), pulled.value()}});
    } else {
        ctx.out() << CliText::tr("Joined the team: %1 rows in this workstation's cache.").arg(pulled.value()) << '\n';
    }
    return 0;
}

void shareWithTeam(Context &ctx)
{
    if (!ctx.hasWorkspace()) {
        return;
    }
    const team::TeamConfig config = team::TeamConfig::read(ctx.db());
    if (!config.enabled() || !ctx.db().scalarInt(QStringLiteral("SELECT EXISTS(SELECT 1 FROM team_pending)"))) {
        return;
    }
    PgConnection pg;
    Status s = connectToTeam(ctx, config, pg);
    auto tables = team::sharedColumns(ctx.db());
    if (s.ok() && tables.ok()) {
        team::TeamReplicator replicator(ctx.db(), pg, config.workstationId, std::move(tables.value()));
        auto pushed = replicator.push();
        if (pushed.ok()) {
            if (pushed.value().refused > 0 || pushed.value().conflicts > 0) {
                ctx.err() << "switchboard-cli: "
                          << CliText::tr("the team database refused %1 change(s) and kept another's value for %2 "
                                         "(see the audit log)")
                                 .arg(pushed.value().refused)
                                 .arg(pushed.value().conflicts)
                          << '\n';
            }
            return;
        }
        s = pushed.error();
    }
    ctx.err() << "switchboard-cli: "
              << CliText::tr("not shared with the team yet (%1); it goes up when a workstation of this workspace "
                             "is online")
                     .arg(s.ok() ? tables.error().message : s.error().message)
              << '\n';
}

int runTeamStatus(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const team::TeamConfig config = team::TeamConfig::read(ctx.db());
    QJsonObject out {{QStringLiteral("team"), config.enabled()}};
    if (!config.enabled()) {
        if (ctx.json()) {
            printJson(ctx.out(), out);
        } else {
            ctx.out() << CliText::tr("Not in a team: this workspace is on its own (embedded SQLite).") << '\n';
        }
        return 0;
    }
    out.insert(QStringLiteral("database"), config.conninfo);
    out.insert(QStringLiteral("workstation"), config.workstationId);
    out.insert(QStringLiteral("employee"), config.employeeId);
    out.insert(QStringLiteral("pending"), team::pendingChanges(ctx.db()));
    out.insert(QStringLiteral("cursor"),
               WorkspaceSettings::value(ctx.db(), QStringLiteral("team_cursor")).toLongLong());
    PgConnection pg;
    const Status connected = connectToTeam(ctx, config, pg);
    out.insert(QStringLiteral("online"), connected.ok());
    if (!connected.ok()) {
        out.insert(QStringLiteral("error"), connected.error().message);
    } else {
        auto head = pg.exec(QStringLiteral("SELECT seq, sb.my_role(), sb.may_publish() FROM sb.clock"));
        if (head.ok() && !head.value().rows.empty()) {
            out.insert(QStringLiteral("head"), head.value().rows[0][0].value_or(QString()).toLongLong());
            out.insert(QStringLiteral("role"), head.value().rows[0][1].value_or(QString()));
            out.insert(QStringLiteral("may_publish"), head.value().rows[0][2] == QStringLiteral("t"));
        }
        // Who syncs which account: the holder of its advisory lock, by its connection's application name.
        auto leaders = pg.exec(QStringLiteral(
            "SELECT a.id, a.handle, s.application_name FROM sb.accounts a LEFT JOIN pg_locks l ON l.locktype = "
            "'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = "
            "hashtextextended('switchboard-account:' || a.id, 0) LEFT JOIN pg_stat_activity s ON s.pid = l.pid "
            "WHERE a.archived = 0 ORDER BY a.handle"));
        QJsonArray accounts;
        if (leaders.ok()) {
            for (const auto &row : leaders.value().rows) {
                QString app = row[2].value_or(QString());
                app.remove(QStringLiteral("switchboard ")).remove(QStringLiteral(" leader"));
                accounts.append(
                    QJsonObject {{QStringLiteral("id"), row[0].value_or(QString())},
                                 {QStringLiteral("handle"), row[1].value_or(QString())},
                                 {QStringLiteral("leader"), app.isEmpty() ? QJsonValue() : QJsonValue(app)}});
            }
        }
        out.insert(QStringLiteral("accounts"), accounts);
        auto desks = pg.exec(QStringLiteral("SELECT count(DISTINCT application_name) FROM pg_stat_activity WHERE "
                                            "application_name LIKE 'switchboard %' AND application_name NOT LIKE "
                                            "'% leader'"));
        if (desks.ok() && !desks.value().rows.empty()) {
            out.insert(QStringLiteral("workstations_online"), desks.value().rows[0][0].value_or(QString()).toInt());
        }
    }
    if (ctx.json()) {
        printJson(ctx.out(), out);
        return 0;
    }
    ctx.out() << CliText::tr("Team database: %1").arg(config.conninfo) << '\n'
              << CliText::tr("Connection: %1")
                     .arg(connected.ok()
                              ? CliText::tr("online")
                              : CliText::tr("offline (%1)").arg(out.value(QStringLiteral("error")).toString()))
              << '\n'
              << CliText::tr("Changes waiting to be shared: %1").arg(out.value(QStringLiteral("pending")).toInteger())
              << '\n';
    for (const QJsonValue &a : out.value(QStringLiteral("accounts")).toArray()) {
        const QJsonObject o = a.toObject();
        ctx.out() << CliText::tr("  %1: synced by %2")
                         .arg(o.value(QStringLiteral("handle")).toString(),
                              o.value(QStringLiteral("leader")).isNull()
                                  ? CliText::tr("no workstation")
                                  : (o.value(QStringLiteral("leader")).toString() == config.workstationId
                                         ? CliText::tr("this workstation")
                                         : o.value(QStringLiteral("leader")).toString()))
                  << '\n';
    }
    return 0;
}

} // namespace sb::cli
