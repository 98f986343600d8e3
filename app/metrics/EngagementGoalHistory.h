#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

namespace sb {

class SqliteDb;

namespace metrics {

// How an employee's goals went week by week, and how their targets were set: the goals box's history.
struct GoalWeek {
    QDate monday;
    bool met = false;
    bool hasData = false; // something to measure that week (a first response, a due conversation)
    QString summary; // "31 of 40 a week"
};

struct GoalChange {
    qint64 atMs = 0;
    QString metric;
    QString who; // the name of whoever changed it
    std::optional<double> target; // none: the goal was removed
};

struct GoalHistory {
    QString metric;
    std::vector<GoalWeek> weeks; // oldest first
};

// The last `weeks` complete ISO weeks before nowMs (in the workspace's zone) for each goal the employee has now.
Result<std::vector<GoalHistory>> goalHistory(SqliteDb &db, const QString &employeeId, qint64 nowMs, int weeks = 8);
// Every change of the employee's goals, newest first.
Result<std::vector<GoalChange>> goalChanges(SqliteDb &db, const QString &employeeId, int limit = 20);

} // namespace metrics
} // namespace sb
