#include "metrics/BestTime.h"

#include "store/Sqlite.h"

#include <QDateTime>

namespace sb::metrics {

WeekHeat bestTimes(SqliteDb &db, const QString &accountId, const QTimeZone &zone, qint64 sinceMs)
{
    WeekHeat heat {};
    auto st = db.prepare(QStringLiteral(
        "SELECT published_at, like_count + repost_count + reply_count FROM post_variants WHERE account_id = ?1 AND "
        "state = 'published' AND published_at >= ?2 UNION ALL SELECT created_at, like_count + repost_count + "
        "reply_count FROM own_posts WHERE account_id = ?1 AND created_at >= ?2"));
    if (!st.ok()) {
        return heat;
    }
    st.value().bindAll(accountId, sinceMs);
    while (st.value().next()) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(st.value().int64(0), zone);
        HourOfWeek &cell = heat[size_t((local.date().dayOfWeek() - 1) * 24 + local.time().hour())];
        ++cell.posts;
        cell.engagement += st.value().int64(1);
    }
    return heat;
}

} // namespace sb::metrics
