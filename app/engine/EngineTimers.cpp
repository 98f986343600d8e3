#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"

#include <QJsonObject>

namespace sb {

Result<Engine::TimerOutcome> Engine::runTimers()
{
    TimerOutcome outcome;
    const qint64 now = m_clock.nowMs();
    Transaction tx(m_db);
    SB_TRY(tx.began());

    // Snoozes that ended: the conversation is back in front of the team.
    std::vector<std::pair<QString, qint64>> woken;
    Statement &due = m_db.cached("SELECT id, snoozed_until FROM conversations WHERE status = 'snoozed' AND "
                                 "snoozed_until IS NOT NULL AND snoozed_until <= ?");
    due.bind(1, now);
    while (due.next()) {
        woken.emplace_back(due.text(0), due.int64(1));
    }
    due.reset();
    for (const auto &[id, until] : woken) {
        Statement &up = m_db.cached("UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = ? "
                                    "WHERE id = ? AND status = 'snoozed'");
        up.bindAll(now, id);
        SB_TRY(up.exec());
        SB_TRY(appendEvent(Actor::system(), QStringLiteral("status_changed"), QStringLiteral("conversation"), id, id,
                           {{QStringLiteral("from"), QStringLiteral("snoozed")},
                            {QStringLiteral("to"), QStringLiteral("open")},
                            {QStringLiteral("reason"), QStringLiteral("snooze_ended")},
                            {QStringLiteral("until"), isoUtc(until)}}));
        ++outcome.woken;
    }

    // First responses that did not come in time: recorded once, at the time the promise ran out.
    struct Breach {
        QString id;
        qint64 due = 0;
        QString accountId;
        QString assigneeId;
    };
    std::vector<Breach> breaches;
    Statement &late = m_db.cached(
        "SELECT id, sla_due_at, account_id, coalesce(assignee_id, '') FROM conversations "
        "WHERE sla_due_at IS NOT NULL AND first_response_at IS NULL AND sla_breached_at IS NULL AND sla_due_at <= ? "
        "AND status != 'resolved' AND spam = 0");
    late.bind(1, now);
    while (late.next()) {
        breaches.push_back({late.text(0), late.int64(1), late.text(2), late.text(3)});
    }
    late.reset();
    for (const Breach &b : breaches) {
        Statement &up = m_db.cached("UPDATE conversations SET sla_breached_at = ? WHERE id = ?");
        up.bindAll(b.due, b.id);
        SB_TRY(up.exec());
        QJsonObject details {{QStringLiteral("due"), isoUtc(b.due)}, {QStringLiteral("account_id"), b.accountId}};
        if (!b.assigneeId.isEmpty()) {
            details.insert(QStringLiteral("assignee_id"), b.assigneeId);
        }
        SB_TRY(appendEvent(Actor::system(), QStringLiteral("sla_breached"), QStringLiteral("conversation"), b.id, b.id,
                           details));
        ++outcome.breached;
    }
    SB_TRY(tx.commit());
    return outcome;
}

} // namespace sb
