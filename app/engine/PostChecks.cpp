#include "engine/PostChecks.h"

#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

namespace sb::PostChecks {

int duplicateWindowDays(SqliteDb &db)
{
    bool ok = false;
    const int days
        = WorkspaceSettings::value(db, QStringLiteral("duplicate_window_days"), QStringLiteral("7")).toInt(&ok);
    return ok && days >= 0 ? days : 7;
}

std::vector<Duplicate> duplicates(SqliteDb &db, const QString &accountId, const QString &text, qint64 fromMs,
                                  qint64 toMs)
{
    std::vector<Duplicate> out;
    const int window = duplicateWindowDays(db);
    if (window <= 0 || text.trimmed().isEmpty()) {
        return out;
    }
    Statement &dup = db.cached("SELECT p.id, a.handle, p.scheduled_at FROM post_variants w JOIN posts p ON p.id = "
                               "w.post_id JOIN accounts a ON a.id = w.account_id WHERE w.account_id = ?1 AND "
                               "lower(trim(w.text)) = lower(trim(?2)) AND p.scheduled_at BETWEEN ?3 AND ?4 "
                               "ORDER BY p.scheduled_at LIMIT 3");
    dup.bindAll(accountId, text, fromMs - qint64(window) * 86'400'000, toMs + qint64(window) * 86'400'000);
    while (dup.next()) {
        out.push_back({dup.text(0), dup.text(1), dup.int64(2)});
    }
    dup.reset();
    return out;
}

} // namespace sb::PostChecks
