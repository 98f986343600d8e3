// switchboard-cli report engagement: the engagement panel's figures for a range of days, as CSV or JSON.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Clock.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "store/Sqlite.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace sb::cli {

namespace {

using metrics::Figures;

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue();
}

QJsonObject figuresJson(const Figures &f)
{
    const auto sla = f.slaAttainmentPercent();
    return {
        {QStringLiteral("employee_id"), f.employeeId.isEmpty() ? QJsonValue() : QJsonValue(f.employeeId)},
        {QStringLiteral("name"), f.name},
        {QStringLiteral("role"), f.employeeId.isEmpty() ? QJsonValue() : QJsonValue(roleName(f.role))},
        {QStringLiteral("active"), f.active},
        {QStringLiteral("replies_sent"), f.repliesSent},
        {QStringLiteral("conversations_handled"), f.conversationsHandled},
        {QStringLiteral("conversations_resolved"), f.conversationsResolved},
        {QStringLiteral("first_responses"), f.firstResponses},
        {QStringLiteral("median_first_response_business_secs"), orNull(f.medianFirstResponseSecs)},
        {QStringLiteral("p90_first_response_business_secs"), orNull(f.p90FirstResponseSecs)},
        {QStringLiteral("median_resolution_business_secs"), orNull(f.medianResolutionSecs)},
        {QStringLiteral("sla_met"), f.slaMet},
        {QStringLiteral("sla_missed"), f.slaMissed},
        {QStringLiteral("sla_attainment_percent"), sla ? QJsonValue(std::round(*sla * 10) / 10) : QJsonValue()},
        {QStringLiteral("open_workload"), f.openWorkload},
        {QStringLiteral("notes_written"), f.notesWritten},
        {QStringLiteral("posts_published"), f.postsPublished},
    };
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading =, +, - or @ is
// prefixed with a quote so that a spreadsheet never runs a name as a formula.
QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front())) {
        text.prepend(QLatin1Char('\''));
    }
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

const QStringList &csvColumns()
{
    static const QStringList columns {QStringLiteral("employee_id"),
                                      QStringLiteral("name"),
                                      QStringLiteral("role"),
                                      QStringLiteral("active"),
                                      QStringLiteral("replies_sent"),
                                      QStringLiteral("conversations_handled"),
                                      QStringLiteral("conversations_resolved"),
                                      QStringLiteral("first_responses"),
                                      QStringLiteral("median_first_response_business_secs"),
                                      QStringLiteral("p90_first_response_business_secs"),
                                      QStringLiteral("median_resolution_business_secs"),
                                      QStringLiteral("sla_met"),
                                      QStringLiteral("sla_missed"),
                                      QStringLiteral("sla_attainment_percent"),
                                      QStringLiteral("open_workload"),
                                      QStringLiteral("notes_written"),
                                      QStringLiteral("posts_published")};
    return columns;
}

QString csvRow(const QJsonObject &row)
{
    QStringList fields;
    for (const QString &column : csvColumns()) {
        const QJsonValue v = row.value(column);
        if (v.isNull() || v.isUndefined()) {
            fields << QString();
        } else if (v.isBool()) {
            fields << (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (v.isDouble()) {
            fields << QString::number(v.toDouble(), 'g', 15);
        } else {
            fields << csvField(v.toString());
        }
    }
    return fields.join(QLatin1Char(','));
}

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
    // As in the panel: a contributor sees their own figures beside the team's, not their peers'.
    const bool ownOnly = !role || *role == Role::Contributor;
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

} // namespace sb::cli
