#pragma once

#include <QTimeZone>

#include <array>

namespace sb {

class SqliteDb;

namespace metrics {

// One hour of the week: how many of the account's posts went out in it, and the engagement they earned (likes,
// reposts and replies, as the network last reported them).
struct HourOfWeek {
    int posts = 0;
    qint64 engagement = 0;
    double average() const { return posts > 0 ? double(engagement) / posts : 0.0; }
};

// Index: (day of week - 1) * 24 + hour, Monday 00:00 first, in `zone`.
using WeekHeat = std::array<HourOfWeek, 7 * 24>;

// The account's published posts since `sinceMs` by the hour of the week they went out: what Switchboard published
// (post variants) and, for an employee's own account, what they posted in the network's app (own_posts).
WeekHeat bestTimes(SqliteDb &db, const QString &accountId, const QTimeZone &zone, qint64 sinceMs);

} // namespace metrics
} // namespace sb
