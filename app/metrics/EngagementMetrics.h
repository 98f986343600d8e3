#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

class QTimeZone;

namespace sb {

class SqliteDb;

namespace metrics {

// A half-open span of time [fromMs, toMs) and the local calendar days it covers in the workspace's zone.
struct TimeRange {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QDate firstDay;
    QDate lastDay;

    int days() const { return firstDay.isValid() && lastDay.isValid() ? int(firstDay.daysTo(lastDay)) + 1 : 0; }
};

enum class RangePreset { ThisWeek, Last30Days, Last90Days, Last12Months };

// Whole local days in `zone`: this week starts on Monday; "last N days" and "last 12 months" end with today.
TimeRange presetRange(RangePreset preset, qint64 nowMs, const QTimeZone &zone);
TimeRange dayRange(QDate firstDay, QDate lastDay, const QTimeZone &zone);

// One employee's figures over a range (or the team's, for the aggregate row). Times are business seconds.
struct Figures {
    QString employeeId; // empty for the team
    QString name;
    Role role = Role::Contributor;
    QString teamId;
    bool active = true;

    int repliesSent = 0;
    int conversationsHandled = 0; // replied to or resolved in the range
    int conversationsResolved = 0;
    int firstResponses = 0; // conversations whose first response counts for this employee
    std::optional<qint64> medianFirstResponseSecs;
    std::optional<qint64> p90FirstResponseSecs;
    std::optional<qint64> medianResolutionSecs;
    int slaMet = 0;
    int slaMissed = 0; // answered late, or still unanswered after the due time
    int openWorkload = 0; // open or pending conversations assigned now
    int notesWritten = 0;
    int postsDrafted = 0;
    int postsApproved = 0; // the employee's posts approved in the range (by whoever reviewed them)
    int postsPublished = 0;
    qint64 likesEarned = 0; // by the employee's replies and published posts dated in the range
    qint64 repostsEarned = 0;
    qint64 repliesEarned = 0;
    int ownPosts = 0; // advocacy: posts on the employee's own linked accounts
    qint64 ownPostEngagement = 0; // likes, reposts and replies of those posts

    qint64 engagementEarned() const { return likesEarned + repostsEarned + repliesEarned; }

    std::optional<double> slaAttainmentPercent() const
    {
        const int counted = slaMet + slaMissed;
        return counted > 0 ? std::optional<double>(100.0 * slaMet / counted) : std::nullopt;
    }
};

struct EngagementReport {
    TimeRange range;
    std::vector<Figures> employees; // active employees, plus inactive ones with activity in the range; by name
    Figures team;

    const Figures *find(const QString &employeeId) const;
};

struct Tally;

// Per-employee figures computed from scratch from the store and its event log (see definitionsText()). The
// panel reads the same figures from the rollups (EngagementRollups.h); this is the reference they are checked
// against, and the way to count a range that does not start and end at local midnights.
class EngagementMetrics {
public:
    static Result<EngagementReport> compute(SqliteDb &db, const TimeRange &range, qint64 nowMs);
    static Result<EngagementReport> compute(SqliteDb &db, qint64 fromMs, qint64 toMs, qint64 nowMs);

    // The report for `range` from per-employee tallies ('' = nobody): lists the employees, adds present workload.
    static Result<EngagementReport> assemble(SqliteDb &db, const TimeRange &range, QHash<QString, Tally> tallies,
                                             qint64 nowMs);
};

// Median of the values (mean of the middle two for an even count); nullopt when empty.
std::optional<qint64> median(std::vector<qint64> values);
// Nearest-rank percentile (p in (0, 100]); nullopt when empty.
std::optional<qint64> percentile(std::vector<qint64> values, double p);

// "42 min", "3.1 h"; for people.
QString formatDuration(qint64 seconds);

// What each figure counts, for the engagement panel and reports. Translated.
QString definitionsText();

// A goal set for an employee, with how far the figures over a range have come.
struct GoalProgress {
    QString metric; // goals.metric
    QString label; // "Replies per week"
    double target = 0;
    std::optional<double> actual; // per week for the *_per_week metrics
    bool lowerIsBetter = false;
    bool met = false;
    double fraction = 0; // 0..1 towards the target, for a progress bar
    QString summary; // "31.5 of 40 a week"
};

Result<std::vector<GoalProgress>> goalProgress(SqliteDb &db, const Figures &figures, const TimeRange &range);
// One goal with a given target (a past week's, for the history).
GoalProgress goalProgressFor(const QString &metric, double target, const Figures &figures, const TimeRange &range);
QString goalMetricLabel(const QString &metric);

} // namespace metrics
} // namespace sb
