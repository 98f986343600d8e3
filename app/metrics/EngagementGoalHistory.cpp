#include "metrics/EngagementGoalHistory.h"

#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "metrics/WeeklyReport.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QTimeZone>

#include <algorithm>

namespace sb::metrics {

Result<std::vector<GoalHistory>> goalHistory(SqliteDb &db, const QString &employeeId, qint64 nowMs, int weeks)
{
    const QTimeZone configured(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone zone = configured.isValid() ? configured : QTimeZone::utc();
    const QDate lastMonday = lastCompleteWeek(nowMs, zone);
    const TimeRange range = dayRange(lastMonday.addDays(-7 * (std::max(1, weeks) - 1)), lastMonday.addDays(6), zone);
    auto points = EngagementRollups::series(db, range, Granularity::Week, nowMs);
    if (!points.ok()) {
        return points.error();
    }
    // The goals there are now, and each one's target as it stood at the end of every week (a week before the goal
    // existed has no marker).
    Figures nobody;
    nobody.employeeId = employeeId;
    auto goalsNow = goalProgress(db, nobody, range);
    if (!goalsNow.ok()) {
        return goalsNow.error();
    }
    auto changes = goalChanges(db, employeeId, 1000);
    if (!changes.ok()) {
        return changes.error();
    }
    std::vector<GoalHistory> out;
    for (const GoalProgress &g : goalsNow.value()) {
        GoalHistory h;
        h.metric = g.metric;
        for (const DaySeriesPoint &p : points.value()) {
            const qint64 weekEnd = p.last.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
            std::optional<double> target;
            bool seen = false;
            for (const GoalChange &c : changes.value()) { // newest first
                if (c.metric == g.metric && c.atMs < weekEnd) {
                    target = c.target;
                    seen = true;
                    break;
                }
            }
            if (!seen || !target) {
                continue;
            }
            const auto mine = std::find_if(p.employees.begin(), p.employees.end(),
                                           [&](const Figures &f) { return f.employeeId == employeeId; });
            const Figures figures = mine != p.employees.end() ? *mine : nobody;
            const GoalProgress week = goalProgressFor(g.metric, *target, figures, dayRange(p.first, p.last, zone));
            h.weeks.push_back({p.first, week.met, week.actual.has_value(), week.summary});
        }
        out.push_back(std::move(h));
    }
    return out;
}

Result<std::vector<GoalChange>> goalChanges(SqliteDb &db, const QString &employeeId, int limit)
{
    auto st = db.prepare(
        QStringLiteral("SELECT e.at, json_extract(e.details, '$.metric'), coalesce(p.name, ''), e.action, "
                       "json_extract(e.details, '$.target') FROM events e LEFT JOIN employees p ON p.id = e.actor_id "
                       "WHERE (e.action = 'goal_set' OR e.action = 'goal_removed') "
                       "AND json_extract(e.details, '$.employee_id') = ? ORDER BY e.seq DESC LIMIT ?"));
    if (!st.ok()) {
        return st.error();
    }
    Statement &s = st.value();
    s.bind(1, employeeId).bind(2, limit);
    std::vector<GoalChange> out;
    while (s.next()) {
        GoalChange c;
        c.atMs = s.int64(0);
        c.metric = s.text(1);
        c.who = s.text(2);
        if (s.text(3) == QLatin1String("goal_set")) {
            c.target = s.real(4);
        }
        out.push_back(std::move(c));
    }
    if (s.failed()) {
        return s.error();
    }
    return out;
}

} // namespace sb::metrics
