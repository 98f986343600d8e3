#pragma once

#include <QString>

#include <vector>

namespace sb {

class SqliteDb;

// Checks a post is put through before it is made (the composer, `post new`, the import).
namespace PostChecks {

// Another post with the same text (case and outer spaces aside) for the same account within the workspace's
// duplicate_window_days (default 7) of [fromMs, toMs]: followers would read it twice.
struct Duplicate {
    QString postId;
    QString handle;
    qint64 scheduledAt = 0;
};
int duplicateWindowDays(SqliteDb &db);
std::vector<Duplicate> duplicates(SqliteDb &db, const QString &accountId, const QString &text, qint64 fromMs,
                                  qint64 toMs);

} // namespace PostChecks
} // namespace sb
