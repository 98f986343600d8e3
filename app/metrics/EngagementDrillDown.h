#pragma once

#include "core/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace sb {

class SqliteDb;

namespace metrics {

struct TimeRange;

// The figures a drill-down can explain, one per column of the engagement table.
enum class DrillFigure {
    Replies,
    Handled,
    Resolved,
    FirstResponse,
    Resolution,
    Sla,
    Workload,
    Notes,
    Drafted,
    Approved,
    Published,
    Engagement,
    OwnPosts
};

// One line behind a figure: the event or row that counted, so the figure can be checked by hand.
struct DrillRow {
    qint64 atMs = 0;
    QString when; // atMs in the workspace's time zone, short format
    QString conversationId; // empty for posts
    QString postId;
    QString what; // "Reply sent through Switchboard", "Resolved", "SLA missed: answered late"
    QString about; // the conversation's contact and snippet, or the post's text
    QString value; // "45 min", "3 likes, 1 repost", ""
    std::optional<qint64> sortValue; // seconds or interactions, when the figure is a duration or a sum
};

struct DrillDown {
    QString summary; // how the rows add up to the figure: "2 replies", "median of 3 first responses: 28 min"
    std::vector<DrillRow> rows; // newest first (durations: slowest first)
};

// The rows behind `figure` for `employeeId` ('' = the team's row: everyone's, and nobody's) over `range`, found by
// the same queries that count the figure (EngagementTally.h: collectFacts).
Result<DrillDown> drillDown(SqliteDb &db, const TimeRange &range, const QString &employeeId, DrillFigure figure,
                            qint64 nowMs);

} // namespace metrics
} // namespace sb
