#include "RateLimiter.h"

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

RateLimiter::Verdict RateLimiter::hit(const QString &key, const QList<Budget> &budgets, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    Verdict chosen;
    bool haveChoice = false;
    for (const Budget &budget : budgets) {
        const qint64 periodMs = qint64(budget.periodSeconds) * 1000;
        const qint64 start = nowMs - nowMs % periodMs;
        Window &w = m_windows[budget.name + u'|' + key];
        if (w.start != start) {
            w = Window {start, 0};
        }
        ++w.count;
        Verdict v;
        v.allowed = w.count <= budget.limit;
        v.limit = budget.limit;
        v.remaining = std::max(0, budget.limit - w.count);
        // rack-attack adds the period to "now" minus whole seconds into the window: the fraction survives.
        v.reset = QDateTime::fromMSecsSinceEpoch(start + periodMs + nowMs % 1000, Qt::UTC);
        const bool worse = !v.allowed && chosen.allowed;
        const bool tighter = v.allowed == chosen.allowed && v.remaining < chosen.remaining;
        if (!haveChoice || worse || tighter) {
            chosen = v;
            haveChoice = true;
        }
    }
    return chosen;
}

QByteArray RateLimiter::formatReset(const QDateTime &reset)
{
    return reset.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s).toLatin1() + "000Z";
}

} // namespace sb::mastodontest
