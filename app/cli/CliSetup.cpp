// Commands that set a workspace up or list its roster: init, demo, account list, employee list.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Domain.h"
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include <unistd.h>

#include <cstdio>

namespace sb::cli {

namespace {
// Counts that tell an empty workspace from one in use.
struct WorkspaceCounts {
    qint64 employees = 0;
    qint64 accounts = 0;
    qint64 items = 0;
    qint64 conversations = 0;
    bool isEmpty() const { return employees + accounts + items + conversations == 0; }
};

Result<WorkspaceCounts> countRows(SqliteDb &db)
{
    auto st = db.prepare(QStringLiteral("SELECT (SELECT count(*) FROM employees), (SELECT count(*) FROM accounts), "
                                        "(SELECT count(*) FROM items), (SELECT count(*) FROM conversations)"));
    SB_TRY(st);
    if (!st.value().next()) {
        return st.value().error();
    }
    return WorkspaceCounts {st.value().int64(0), st.value().int64(1), st.value().int64(2), st.value().int64(3)};
}
} // namespace

int runInit(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    const QString workspaceName = args.value(QStringLiteral("name"), QStringLiteral("Switchboard")).trimmed();
    const QString adminName = args.value(QStringLiteral("admin"), QStringLiteral("Admin")).trimmed();
    QString zone = args.value(QStringLiteral("time-zone"));
    if (workspaceName.isEmpty()) {
        return ctx.usageError(CliText::tr("--name needs a workspace name"));
    }
    if (adminName.isEmpty()) {
        return ctx.usageError(CliText::tr("--admin needs the first admin's name"));
    }
    if (zone.isEmpty()) {
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
        if (zone.isEmpty() || !QTimeZone(zone.toUtf8()).isValid()) {
            zone = QStringLiteral("UTC");
        }
    } else if (!QTimeZone::isTimeZoneIdAvailable(zone.toUtf8())) {
        return ctx.usageError(CliText::tr("unknown time zone %1 (use an IANA name such as Europe/Berlin)").arg(zone));
    }

    if (Status s = ctx.openWorkspace(true); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto counts = countRows(ctx.db());
    if (!counts.ok()) {
        return ctx.fail(counts.error());
    }
    if (counts.value().employees > 0) {
        return ctx.fail(CliText::tr("The workspace %1 is already initialized (it has %n employee(s)).", nullptr,
                                    int(counts.value().employees))
                            .arg(ctx.workspace().dir()));
    }
    // The admin and the settings land together or not at all.
    Transaction tx(ctx.db());
    if (!tx.began().ok()) {
        return ctx.fail(tx.began().error());
    }
    Engine &engine = ctx.engine();
    auto admin = engine.createFirstAdmin(adminName);
    if (!admin.ok()) {
        return ctx.fail(admin.error());
    }
    const Actor actor = Actor::employee(admin.value());
    for (const auto &[key, value] :
         {std::pair {QStringLiteral("workspace_name"), workspaceName}, std::pair {QStringLiteral("time_zone"), zone}}) {
        if (Status s = engine.setSetting(actor, key, value); !s.ok()) {
            return ctx.fail(s.error());
        }
    }
    if (Status s = tx.commit(); !s.ok()) {
        return ctx.fail(s.error());
    }
    ctx.out() << CliText::tr("Initialized workspace \"%1\" in %2 (admin: %3, time zone: %4).")
                     .arg(workspaceName, ctx.workspace().dir(), adminName, zone)
              << '\n';
    return ExitOk;
}

int runDemo(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    DemoOptions options;
    const QString size = args.value(QStringLiteral("size"), QStringLiteral("small"));
    if (size == QLatin1String("small")) {
        options.items = DemoOptions::kSmall;
    } else if (size == QLatin1String("large")) {
        options.items = DemoOptions::kLarge;
    } else if (const auto n = parsePositive(size); n && *n <= 100 * DemoOptions::kLarge) {
        options.items = *n;
    } else {
        return ctx.usageError(CliText::tr("--size takes small, large or a number of items, not \"%1\"").arg(size));
    }
    if (args.has(QStringLiteral("seed"))) {
        bool ok = false;
        const QString seedText = args.value(QStringLiteral("seed"));
        options.seed = seedText.toULongLong(&ok);
        if (!ok || seedText.startsWith(QLatin1Char('+')) || seedText.startsWith(QLatin1Char('-'))) {
            return ctx.usageError(CliText::tr("--seed takes a non-negative number, not \"%1\"").arg(seedText));
        }
    }

    if (args.has(QStringLiteral("anchor"))) {
        // A fixed last day makes the workspace reproducible; without it the history ends now.
        options.anchor = QDate::fromString(args.value(QStringLiteral("anchor")), Qt::ISODate);
        if (!options.anchor.isValid()) {
            return ctx.usageError(CliText::tr("--anchor takes a date such as 2025-06-30, not \"%1\"")
                                      .arg(args.value(QStringLiteral("anchor"))));
        }
    }

    if (Status s = ctx.openWorkspace(true); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto counts = countRows(ctx.db());
    if (!counts.ok()) {
        return ctx.fail(counts.error());
    }
    if (!counts.value().isEmpty()) {
        const WorkspaceCounts &c = counts.value();
        return ctx.fail(CliText::tr("The workspace %1 already has data (%2 employees, %3 accounts, %4 conversations); "
                                    "demo only fills an empty workspace. Choose a new folder with --workspace.")
                            .arg(ctx.workspace().dir())
                            .arg(c.employees)
                            .arg(c.accounts)
                            .arg(c.conversations));
    }

    // Progress only for a person watching a terminal; scripts and logs get the summary alone.
    const bool showProgress = !ctx.json() && isatty(STDERR_FILENO) == 1;
    std::function<void(qint64, qint64)> progress;
    if (showProgress) {
        progress = [&ctx](qint64 done, qint64 total) {
            ctx.err() << '\r' << CliText::tr("Generating demo data: %1 of %2 items").arg(done).arg(total);
            ctx.err().flush();
        };
    }
    auto stats = generateDemo(ctx.workspace(), options, progress);
    if (showProgress) {
        ctx.err() << '\n';
    }
    if (!stats.ok()) {
        return ctx.fail(CliText::tr("Cannot generate the demo workspace: %1").arg(stats.error().message));
    }
    const DemoStats &s = stats.value();
    if (ctx.json()) {
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("workspace"), ctx.workspace().dir()},
                               {QStringLiteral("seed"), QString::number(options.seed)},
                               {QStringLiteral("items"), double(s.items)},
                               {QStringLiteral("conversations"), double(s.conversations)},
                               {QStringLiteral("events"), double(s.events)},
                               {QStringLiteral("posts"), double(s.posts)},
                               {QStringLiteral("seconds"), s.seconds}});
    } else {
        ctx.out() << CliText::tr("Demo workspace ready in %1: %2 items, %3 conversations, %4 events, %5 posts "
                                 "(%6 s).")
                         .arg(ctx.workspace().dir())
                         .arg(s.items)
                         .arg(s.conversations)
                         .arg(s.events)
                         .arg(s.posts)
                         .arg(s.seconds, 0, 'f', 1)
                  << '\n';
    }
    return ExitOk;
}

int runAccountList(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto st = ctx.db().prepare(
        QStringLiteral("SELECT id, network, handle, coalesce(display_name, ''), service_url, health, health_detail, "
                       "coalesce(rate_limited_until, 0), coalesce(last_sync_at, 0), sync_paused FROM accounts "
                       "ORDER BY created_at, rowid"));
    if (!st.ok()) {
        return ctx.fail(st.error());
    }
    Statement &q = st.value();
    QJsonArray array;
    Table table({CliText::tr("ID"), CliText::tr("NETWORK"), CliText::tr("HANDLE"), CliText::tr("NAME"),
                 CliText::tr("HEALTH"), CliText::tr("LAST SYNC"), CliText::tr("SYNC")});
    const QTimeZone zone = ctx.timeZone();
    while (q.next()) {
        const bool paused = q.integer(9) != 0;
        array.append(QJsonObject {
            {QStringLiteral("id"), q.text(0)},
            {QStringLiteral("network"), q.text(1)},
            {QStringLiteral("handle"), q.text(2)},
            {QStringLiteral("display_name"), q.text(3)},
            {QStringLiteral("service_url"), q.text(4)},
            {QStringLiteral("health"), q.text(5)},
            {QStringLiteral("health_detail"), q.isNull(6) ? QJsonValue() : QJsonValue(q.text(6))},
            {QStringLiteral("rate_limited_until"), isoOrNull(q.int64(7))},
            {QStringLiteral("last_sync_at"), isoOrNull(q.int64(8))},
            {QStringLiteral("sync_paused"), paused},
        });
        QString health = q.text(5);
        if (!q.isNull(6) && !q.text(6).isEmpty()) {
            health += QStringLiteral(" (") + oneLine(q.text(6), 40) + QLatin1Char(')');
        }
        table.addRow({shortId(q.text(0)), q.text(1), q.text(2), oneLine(q.text(3), 30), health,
                      localTime(q.int64(8), zone), paused ? CliText::tr("paused") : CliText::tr("on")});
    }
    if (q.failed()) {
        return ctx.fail(q.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(), array);
    } else if (table.isEmpty()) {
        ctx.out() << CliText::tr("No accounts yet.") << '\n';
    } else {
        table.print(ctx.out());
    }
    return ExitOk;
}

int runEmployeeAdd(Context &ctx)
{
    const QString name = ctx.args().positionals().value(0).trimmed();
    const auto role = roleFromName(ctx.args().value(QStringLiteral("role"), QStringLiteral("contributor")));
    if (!role) {
        return ctx.usageError(CliText::tr("--role must be admin, manager, community_manager or contributor"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    NewEmployee employee;
    employee.name = name;
    employee.email = ctx.args().value(QStringLiteral("email"));
    employee.role = *role;
    auto id = ctx.engine().addEmployee(actor.value(), employee);
    if (!id.ok()) {
        return ctx.fail(id.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("id"), id.value()},
                               {QStringLiteral("name"), name},
                               {QStringLiteral("role"), roleName(*role)}});
    } else {
        ctx.out() << CliText::tr("Added %1 (%2): %3").arg(name, roleName(*role), id.value()) << '\n';
    }
    return 0;
}

int runEmployeeList(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto st = ctx.db().prepare(
        QStringLiteral("SELECT e.id, e.name, e.email, e.role, t.name, e.active, e.created_at FROM employees e "
                       "LEFT JOIN teams t ON t.id = e.team_id ORDER BY e.created_at, e.rowid"));
    if (!st.ok()) {
        return ctx.fail(st.error());
    }
    Statement &q = st.value();
    QJsonArray array;
    Table table(
        {CliText::tr("ID"), CliText::tr("NAME"), CliText::tr("ROLE"), CliText::tr("TEAM"), CliText::tr("ACTIVE")});
    while (q.next()) {
        const bool active = q.integer(5) != 0;
        array.append(QJsonObject {
            {QStringLiteral("id"), q.text(0)},
            {QStringLiteral("name"), q.text(1)},
            {QStringLiteral("email"), q.isNull(2) ? QJsonValue() : QJsonValue(q.text(2))},
            {QStringLiteral("role"), q.text(3)},
            {QStringLiteral("team"), q.isNull(4) ? QJsonValue() : QJsonValue(q.text(4))},
            {QStringLiteral("active"), active},
            {QStringLiteral("created_at"), isoOrNull(q.int64(6))},
        });
        table.addRow({shortId(q.text(0)), oneLine(q.text(1), 30), q.text(3),
                      q.isNull(4) ? QStringLiteral("-") : q.text(4), active ? CliText::tr("yes") : CliText::tr("no")});
    }
    if (q.failed()) {
        return ctx.fail(q.error());
    }
    if (ctx.json()) {
        printJson(ctx.out(), array);
    } else if (table.isEmpty()) {
        ctx.out() << CliText::tr("No employees yet; run init.") << '\n';
    } else {
        table.print(ctx.out());
    }
    return ExitOk;
}

} // namespace sb::cli
