#pragma once

#include "core/Result.h"
#include "metrics/EngagementMetrics.h"

#include <QDate>
#include <QString>

#include <vector>

namespace sb {

class SqliteDb;

namespace metrics {

// Per-day, per-employee tallies kept in `engagement_days` (schema v14), so that the panel merges a few thousand
// rows instead of walking a year of the event log. Triggers record which quarter hours changed; refresh()
// recomputes the local days they fall on with the same queries as EngagementMetrics::compute (a change of time zone
// or business hours, or of an account's owner, rebuilds everything). refresh() writes: call it on a writable
// connection; other processes' changes are picked up because the dirty marks are in the database.
struct RollupRefresh {
    bool rebuilt = false;
    int daysRecomputed = 0;
};

struct DaySeriesPoint {
    QDate first; // the day, or the Monday of the week
    QDate last;
    std::vector<Figures> employees; // same order as the report's employees
    Figures team;
};

enum class Granularity { Day, Week };

class EngagementRollups {
public:
    static Result<RollupRefresh> refresh(SqliteDb &db);

    // The report for a range of whole local days, from the rollups (refreshed first). A range that does not start
    // and end at local midnights is computed from scratch.
    static Result<EngagementReport> report(SqliteDb &db, const TimeRange &range, qint64 nowMs);

    // Figures per day or per ISO week over the range (a week is cut at the range's ends), for the trend charts.
    // Workload is the present state and left at 0 here.
    static Result<std::vector<DaySeriesPoint>> series(SqliteDb &db, const TimeRange &range, Granularity granularity,
                                                      qint64 nowMs);
};

} // namespace metrics
} // namespace sb
