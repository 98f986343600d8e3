#include "metrics/EngagementMetrics.h"

#include "core/BusinessHours.h"
#include "metrics/EngagementTally.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace sb::metrics {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Metrics", text);
}

} // namespace

TimeRange dayRange(QDate firstDay, QDate lastDay, const QTimeZone &zone)
{
    TimeRange r;
    r.firstDay = firstDay;
    r.lastDay = lastDay;
    r.fromMs = firstDay.startOfDay(zone).toMSecsSinceEpoch();
    r.toMs = lastDay.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    return r;
}

TimeRange presetRange(RangePreset preset, qint64 nowMs, const QTimeZone &zone)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    switch (preset) {
    case RangePreset::ThisWeek: return dayRange(today.addDays(1 - today.dayOfWeek()), today, zone);
    case RangePreset::Last30Days: return dayRange(today.addDays(-29), today, zone);
    case RangePreset::Last90Days: return dayRange(today.addDays(-89), today, zone);
    case RangePreset::Last12Months: return dayRange(today.addMonths(-12).addDays(1), today, zone);
    }
    return dayRange(today, today, zone);
}

const Figures *EngagementReport::find(const QString &employeeId) const
{
    const auto it = std::find_if(employees.begin(), employees.end(),
                                 [&](const Figures &f) { return f.employeeId == employeeId; });
    return it == employees.end() ? nullptr : &*it;
}

Result<EngagementReport> EngagementMetrics::compute(SqliteDb &db, qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    const QTimeZone zone(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    TimeRange range;
    range.fromMs = fromMs;
    range.toMs = toMs;
    range.firstDay = QDateTime::fromMSecsSinceEpoch(fromMs, valid).date();
    range.lastDay = QDateTime::fromMSecsSinceEpoch(std::max(fromMs, toMs - 1), valid).date();
    return compute(db, range, nowMs);
}

Result<EngagementReport> EngagementMetrics::compute(SqliteDb &db, const TimeRange &range, qint64 nowMs)
{
    QHash<QString, Tally> tallies;
    SB_TRY(collectFacts(db, range.fromMs, range.toMs, WorkspaceSettings::businessHours(db),
                        [&](const QString &employeeId, qint64) -> Tally & { return tallies[employeeId]; }));
    return assemble(db, range, std::move(tallies), nowMs);
}

Result<EngagementReport> EngagementMetrics::assemble(SqliteDb &db, const TimeRange &range,
                                                     QHash<QString, Tally> tallies, qint64 nowMs)
{
    QHash<QString, int> workload;
    int totalWorkload = 0;
    SB_TRY(collectWorkload(db, [&](const QString &employeeId, int count) {
        workload[employeeId] = count;
        totalWorkload += count;
    }));

    EngagementReport report;
    report.range = range;
    Tally team;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
        team.merge(*it);
    }
    auto employees = db.prepare(QStringLiteral("SELECT id, name, role, coalesce(team_id, ''), active FROM employees "
                                               "ORDER BY name COLLATE NOCASE, id"));
    if (!employees.ok()) {
        return employees.error();
    }
    Statement &st = employees.value();
    while (st.next()) {
        Figures f;
        f.employeeId = st.text(0);
        f.name = st.text(1);
        f.role = roleFromName(st.text(2)).value_or(Role::Contributor);
        f.teamId = st.text(3);
        f.active = st.integer(4) != 0;
        const int assigned = workload.value(f.employeeId);
        auto it = tallies.find(f.employeeId);
        const bool activity = it != tallies.end() && !it->isEmpty();
        if (!f.active && !activity && assigned == 0) {
            continue;
        }
        fillFigures(f, it != tallies.end() ? std::move(*it) : Tally(), assigned, nowMs);
        report.employees.push_back(std::move(f));
    }
    if (st.failed()) {
        return st.error();
    }
    report.team.name = tr("Team");
    fillFigures(report.team, std::move(team), totalWorkload, nowMs);
    return report;
}

// Selection instead of sorting: the team's year holds a few hundred thousand durations.
std::optional<qint64> median(std::vector<qint64> values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    const size_t n = values.size();
    const auto upper = values.begin() + std::ptrdiff_t(n / 2);
    std::nth_element(values.begin(), upper, values.end());
    if (n % 2 == 1) {
        return *upper;
    }
    // The lower middle is the largest of the half below. Round half up, so 1 s and 2 s give 2 s, not 1 s.
    const qint64 lower = *std::max_element(values.begin(), upper);
    return (lower + *upper + 1) / 2;
}

std::optional<qint64> percentile(std::vector<qint64> values, double p)
{
    if (values.empty() || p <= 0 || p > 100) {
        return std::nullopt;
    }
    const auto rank = size_t(std::ceil(p / 100.0 * double(values.size())));
    const auto at = values.begin() + std::ptrdiff_t(std::clamp<size_t>(rank, 1, values.size()) - 1);
    std::nth_element(values.begin(), at, values.end());
    return *at;
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60) {
        return tr("under 1 min");
    }
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90) {
        return tr("%1 min").arg(minutes);
    }
    return tr("%1 h").arg(QLocale().toString(double(seconds) / 3600.0, 'f', 1));
}

QString definitionsText()
{
    return tr("<p><b>Replies</b>: replies sent to customers in the range, counted for the person who wrote them "
              "(a contributor's reply approved by a manager is the contributor's).</p>"
              "<p><b>First response</b>: from the conversation's first inbound message to the first reply, counted "
              "in business hours only, for conversations that started in the range. It counts for whoever wrote "
              "the first reply, or the assignee when nobody in the team did. p90: nine in ten were answered "
              "within this time.</p>"
              "<p><b>SLA attainment</b>: share of conversations answered before their due time; a conversation "
              "still unanswered after its due time counts as missed, one not yet due is left out.</p>"
              "<p><b>Resolved</b>: conversations the person marked resolved in the range; a reopened conversation "
              "resolved again counts once per person.</p>"
              "<p><b>Handled</b>: conversations the person replied to or resolved in the range, each once. "
              "<b>Resolution</b>: from the first inbound message to the resolution, in business hours.</p>"
              "<p><b>Open workload</b>: open and pending conversations assigned now, whatever the range.</p>"
              "<p><b>Notes</b>: written in the range. <b>Drafted</b>, <b>approved</b> and <b>published</b>: "
              "the person's own posts created, approved (by whoever reviewed them) and published in the range.</p>"
              "<p><b>Engagement</b>: likes, reposts and replies the person's replies and published posts of the "
              "range have earned so far, as the networks last reported them. <b>Own posts</b> (advocacy): posts from "
              "an account linked as the person's own, and the interactions they earned.</p>"
              "<p>Spam and automated messages (a rule's or the system's actions) are excluded everywhere; days are "
              "the workspace's time zone. Double-click a figure to see the conversations and events behind it.</p>"
              "<p><b>Team</b>: the team's row and the chart's team median count every conversation, whoever "
              "answered it, so they are not an average of the rows above.</p>");
}

QString goalMetricLabel(const QString &metric)
{
    if (metric == QLatin1String("replies_per_week")) {
        return tr("Replies per week");
    }
    if (metric == QLatin1String("resolved_per_week")) {
        return tr("Resolved per week");
    }
    if (metric == QLatin1String("posts_per_week")) {
        return tr("Posts per week");
    }
    if (metric == QLatin1String("median_first_response_minutes")) {
        return tr("Median first response");
    }
    if (metric == QLatin1String("sla_attainment_percent")) {
        return tr("SLA attainment");
    }
    return metric;
}

GoalProgress goalProgressFor(const QString &metric, double target, const Figures &figures, const TimeRange &range)
{
    const double weeks = std::max(1.0, range.days() / 7.0);
    const QLocale locale;
    auto number = [&](double v) { return locale.toString(v, 'f', v == std::floor(v) ? 0 : 1); };
    GoalProgress g;
    g.metric = metric;
    g.target = target;
    g.label = goalMetricLabel(g.metric);
    if (g.metric.endsWith(QLatin1String("_per_week"))) {
        const int count = g.metric.startsWith(QLatin1String("replies")) ? figures.repliesSent
            : g.metric.startsWith(QLatin1String("resolved"))            ? figures.conversationsResolved
                                                                        : figures.postsPublished;
        g.actual = std::round(10.0 * count / weeks) / 10.0;
        g.summary = tr("%1 of %2 a week").arg(number(*g.actual), number(g.target));
    } else if (g.metric == QLatin1String("median_first_response_minutes")) {
        g.lowerIsBetter = true;
        if (figures.medianFirstResponseSecs) {
            g.actual = double(*figures.medianFirstResponseSecs) / 60.0;
            g.summary
                = tr("%1, goal under %2 min").arg(formatDuration(*figures.medianFirstResponseSecs), number(g.target));
        } else {
            g.summary = tr("No first responses yet, goal under %1 min").arg(number(g.target));
        }
    } else if (g.metric == QLatin1String("sla_attainment_percent")) {
        g.actual = figures.slaAttainmentPercent();
        g.summary = g.actual ? tr("%1 %, goal %2 %").arg(number(std::round(*g.actual)), number(g.target))
                             : tr("Nothing due yet, goal %1 %").arg(number(g.target));
    }
    if (g.actual) {
        if (g.lowerIsBetter) {
            g.met = *g.actual <= g.target;
            g.fraction = g.met ? 1.0 : (*g.actual > 0 ? g.target / *g.actual : 0.0);
        } else {
            g.met = *g.actual >= g.target;
            g.fraction = g.target > 0 ? std::min(1.0, *g.actual / g.target) : 1.0;
        }
    }
    return g;
}

Result<std::vector<GoalProgress>> goalProgress(SqliteDb &db, const Figures &figures, const TimeRange &range)
{
    auto prepared = db.prepare(QStringLiteral("SELECT metric, target FROM goals WHERE employee_id = ? ORDER BY "
                                              "CASE metric WHEN 'replies_per_week' THEN 0 "
                                              "WHEN 'median_first_response_minutes' THEN 1 "
                                              "WHEN 'sla_attainment_percent' THEN 2 WHEN 'resolved_per_week' THEN 3 "
                                              "ELSE 4 END"));
    if (!prepared.ok()) {
        return prepared.error();
    }
    Statement &st = prepared.value();
    st.bind(1, figures.employeeId);
    std::vector<GoalProgress> goals;
    while (st.next()) {
        goals.push_back(goalProgressFor(st.text(0), st.real(1), figures, range));
    }
    if (st.failed()) {
        return st.error();
    }
    return goals;
}

} // namespace sb::metrics
