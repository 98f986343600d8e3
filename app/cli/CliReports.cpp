// switchboard-cli report engagement: the engagement panel's figures for a range of days, as CSV or JSON.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Clock.h"
#include "engine/CalendarIcs.h"
#include "metrics/EngagementExport.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

namespace sb::cli {

namespace {

using metrics::csvColumns;
using metrics::csvRow;
using metrics::Figures;
using metrics::figuresJson;

} // namespace

int runReportEngagement(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    const QString format = args.value(QStringLiteral("format"), ctx.json() ? QStringLiteral("json") : QString());
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        return ctx.usageError(CliText::tr("--format must be csv or json"));
    }
    const QDate from = QDate::fromString(args.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(args.value(QStringLiteral("to")), Qt::ISODate);
    if (!from.isValid() || !to.isValid()) {
        return ctx.usageError(CliText::tr("--from and --to take dates like 2026-11-01"));
    }
    if (to < from) {
        return ctx.usageError(CliText::tr("--to is before --from"));
    }
    if (from.daysTo(to) > 3 * 366) {
        return ctx.usageError(CliText::tr("a report covers at most three years"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    Statement &roleOf = ctx.db().cached("SELECT role FROM employees WHERE id = ?");
    roleOf.bind(1, actor.value().id);
    const auto role = roleOf.next() ? roleFromName(roleOf.text(0)) : std::nullopt;
    roleOf.reset();
    // As in the panel: a contributor sees their own figures beside the team's, and their peers' only where the
    // workspace allows it.
    const bool peersVisible
        = WorkspaceSettings::value(ctx.db(), QStringLiteral("engagement_peer_visibility")) == QLatin1String("team");
    const bool ownOnly = !role || (*role == Role::Contributor && !peersVisible);
    QString only;
    if (args.has(QStringLiteral("employee"))) {
        const auto employee = ctx.resolveEmployee(args.value(QStringLiteral("employee")));
        if (!employee.ok()) {
            return ctx.fail(employee.error());
        }
        only = employee.value().id;
    }
    if (ownOnly) {
        if (!only.isEmpty() && only != actor.value().id) {
            return ctx.fail(CliText::tr("A contributor sees only their own figures beside the team's."));
        }
        only = actor.value().id;
    }

    const QTimeZone zone = ctx.timeZone();
    const metrics::TimeRange range = metrics::dayRange(from, to, zone);
    const auto report = metrics::EngagementRollups::report(ctx.db(), range, SystemClock::instance().nowMs());
    if (!report.ok()) {
        return ctx.fail(report.error());
    }
    QJsonArray employees;
    for (const Figures &f : report.value().employees) {
        if (only.isEmpty() || f.employeeId == only) {
            employees.append(figuresJson(f));
        }
    }
    QJsonObject team = figuresJson(report.value().team);
    team.insert(QStringLiteral("name"), CliText::tr("Team"));

    if (format == QLatin1String("json")) {
        printJson(ctx.out(),
                  QJsonObject {
                      {QStringLiteral("from"), from.toString(Qt::ISODate)},
                      {QStringLiteral("to"), to.toString(Qt::ISODate)},
                      {QStringLiteral("time_zone"), QString::fromUtf8(zone.id())},
                      {QStringLiteral("employees"), employees},
                      {QStringLiteral("team"), team},
                  });
        return ExitOk;
    }
    QTextStream &out = ctx.out();
    out << csvColumns().join(QLatin1Char(',')) << "\r\n";
    for (const QJsonValue &row : employees) {
        out << csvRow(row.toObject()) << "\r\n";
    }
    out << csvRow(team) << "\r\n";
    return ExitOk;
}

int runExportCalendar(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    if (args.value(QStringLiteral("format"), QStringLiteral("ics")) != QLatin1String("ics")) {
        return ctx.usageError(CliText::tr("--format must be ics"));
    }
    IcsOptions options;
    for (const auto &[name, date] :
         {std::pair {QStringLiteral("from"), &options.from}, std::pair {QStringLiteral("to"), &options.to}}) {
        if (args.has(name)) {
            *date = QDate::fromString(args.value(name), Qt::ISODate);
            if (!date->isValid()) {
                return ctx.usageError(CliText::tr("--from and --to take dates like 2026-11-01"));
            }
        }
    }
    if (options.from.isValid() && options.to.isValid() && options.to < options.from) {
        return ctx.usageError(CliText::tr("--to is before --from"));
    }
    options.includeDrafts = args.has(QStringLiteral("drafts"));
    options.nowMs = SystemClock::instance().nowMs();
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    options.zone = ctx.timeZone();
    const auto ics = calendarIcs(ctx.db(), options);
    if (!ics.ok()) {
        return ctx.fail(ics.error());
    }
    if (!args.has(QStringLiteral("output"))) {
        ctx.out() << QString::fromUtf8(ics.value());
        return ExitOk;
    }
    // Written whole or not at all: a calendar app subscribed to the file never reads half of it.
    QSaveFile file(args.value(QStringLiteral("output")));
    if (!file.open(QIODevice::WriteOnly) || file.write(ics.value()) != ics.value().size() || !file.commit()) {
        return ctx.fail(CliText::tr("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    }
    return ExitOk;
}

} // namespace sb::cli
