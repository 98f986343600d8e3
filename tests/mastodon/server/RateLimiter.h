#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace sb::mastodontest {

// Fixed windows aligned to the period, like Mastodon's rack-attack throttles. A request may fall under several
// budgets (the general one plus the paging, media or delete one); the headers report the budget closest to
// running out, and any exhausted budget answers 429.
class RateLimiter {
public:
    struct Budget {
        QString name;
        int limit = 300;
        int periodSeconds = 300;
    };
    struct Verdict {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        QDateTime reset;
    };

    Verdict hit(const QString &key, const QList<Budget> &budgets, const QDateTime &now);
    void clear() { m_windows.clear(); }

    // Mastodon's form: "2026-08-01T15:00:00.175404Z" (microseconds), not epoch seconds.
    static QByteArray formatReset(const QDateTime &reset);

private:
    struct Window {
        qint64 start = 0;
        int count = 0;
    };
    QHash<QString, Window> m_windows;
};

} // namespace sb::mastodontest
