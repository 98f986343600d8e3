#include "engine/Collisions.h"

#include "core/Clock.h"
#include "store/Sqlite.h"

#include <QCoreApplication>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::Collisions", text);
}

constexpr int kQuoteLength = 80;

QString quote(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() > kQuoteLength ? flat.left(kQuoteLength) + QStringLiteral("…") : flat;
}

template <typename Fill> Status readAll(Statement &st, Fill fill)
{
    while (st.next()) {
        fill(st);
    }
    if (st.failed()) {
        Error e = st.error();
        st.reset();
        return e;
    }
    st.reset();
    return success();
}

} // namespace

namespace presence {

Status touch(SqliteDb &db, const Clock &clock, const QString &session, const QString &employeeId,
             const QString &conversationId, bool composing)
{
    Statement &st = db.cached("INSERT INTO presence(conversation_id, session_id, employee_id, composing, seen_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(conversation_id, session_id) DO UPDATE SET "
                              "employee_id = excluded.employee_id, composing = excluded.composing, "
                              "seen_at = excluded.seen_at");
    st.bindAll(conversationId, session, employeeId, composing, clock.nowMs());
    return st.exec();
}

Status leave(SqliteDb &db, const QString &session, const QString &conversationId)
{
    if (conversationId.isEmpty()) {
        Statement &st = db.cached("DELETE FROM presence WHERE session_id = ?");
        st.bind(1, session);
        return st.exec();
    }
    Statement &st = db.cached("DELETE FROM presence WHERE session_id = ? AND conversation_id = ?");
    st.bindAll(session, conversationId);
    return st.exec();
}

std::vector<Viewer> viewers(SqliteDb &db, const Clock &clock, const QString &conversationId, const QString &session)
{
    std::vector<Viewer> out;
    Statement &st = db.cached("SELECT e.id, e.name, max(p.composing) FROM presence p JOIN employees e ON e.id = "
                              "p.employee_id WHERE p.conversation_id = ?1 AND p.session_id != ?2 AND p.seen_at > ?3 "
                              "GROUP BY p.employee_id ORDER BY e.name");
    st.bindAll(conversationId, session, clock.nowMs() - kPresenceFreshMs);
    (void)readAll(st, [&out](Statement &s) { out.push_back({s.text(0), s.text(1), s.integer(2) != 0}); });
    return out;
}

} // namespace presence

Result<std::vector<ReplyCollision>> replyCollisions(SqliteDb &db, const Clock &wallClock, const QString &conversationId,
                                                    const QString &employeeId, const QString &session)
{
    std::vector<ReplyCollision> out;
    // Replies by others since the customer last wrote: through the outbox (sent or on their way)...
    Statement &jobs
        = db.cached("SELECT coalesce(e.name, ''), j.state, j.created_at, j.text FROM outbox_jobs j "
                    "JOIN conversations c ON c.id = j.conversation_id LEFT JOIN employees e ON e.id = j.created_by "
                    "WHERE j.conversation_id = ?1 AND j.kind = 'reply' AND j.created_by != ?2 AND j.state != 'failed' "
                    "AND j.created_at >= coalesce(c.last_inbound_at, 0) ORDER BY j.created_at");
    jobs.bindAll(conversationId, employeeId);
    SB_TRY(readAll(jobs, [&out](Statement &s) {
        const bool sent = s.text(1) == QLatin1String("done");
        out.push_back(
            {sent ? ReplyCollision::Kind::Replied : ReplyCollision::Kind::Sending, s.text(0), s.int64(2), s.text(3)});
    }));
    // ...and on the network itself (another app, the website), when no job of ours wrote it.
    Statement &items = db.cached(
        "SELECT coalesce(e.name, ''), i.created_at, i.text FROM items i JOIN conversations c ON c.id = "
        "i.conversation_id LEFT JOIN employees e ON e.id = i.author_employee_id WHERE i.conversation_id = ?1 AND "
        "i.direction = 'out' AND i.created_at >= coalesce(c.last_inbound_at, 0) AND "
        "coalesce(i.author_employee_id, '') != ?2 AND NOT EXISTS (SELECT 1 FROM outbox_jobs j WHERE "
        "j.conversation_id = i.conversation_id AND j.remote_id = i.remote_id) ORDER BY i.seq");
    items.bindAll(conversationId, employeeId);
    SB_TRY(readAll(items, [&out](Statement &s) {
        out.push_back({ReplyCollision::Kind::Replied, s.text(0), s.int64(1), s.text(2)});
    }));
    Statement &drafts = db.cached("SELECT e.name, d.created_at, d.text FROM reply_drafts d JOIN employees e ON "
                                  "e.id = d.author_id WHERE d.conversation_id = ?1 AND d.state = 'in_review' AND "
                                  "d.author_id != ?2 ORDER BY d.created_at");
    drafts.bindAll(conversationId, employeeId);
    SB_TRY(readAll(drafts, [&out](Statement &s) {
        out.push_back({ReplyCollision::Kind::AwaitingApproval, s.text(0), s.int64(1), s.text(2)});
    }));
    for (const presence::Viewer &v : presence::viewers(db, wallClock, conversationId, session)) {
        if (v.employeeId == employeeId) {
            continue; // one's own other window is not someone else
        }
        out.push_back(
            {v.composing ? ReplyCollision::Kind::Composing : ReplyCollision::Kind::Viewing, v.employeeName, 0, {}});
    }
    return out;
}

QString describeCollision(const ReplyCollision &c)
{
    const QString who = c.who.isEmpty() ? tr("Someone outside Switchboard") : c.who;
    switch (c.kind) {
    case ReplyCollision::Kind::Replied: return tr("%1 already replied: \"%2\"").arg(who, quote(c.text));
    case ReplyCollision::Kind::Sending: return tr("%1's reply is on its way: \"%2\"").arg(who, quote(c.text));
    case ReplyCollision::Kind::AwaitingApproval:
        return tr("%1 drafted a reply that awaits approval: \"%2\"").arg(who, quote(c.text));
    case ReplyCollision::Kind::Composing: return tr("%1 is writing a reply right now").arg(who);
    case ReplyCollision::Kind::Viewing: return tr("%1 is looking at this conversation right now").arg(who);
    }
    return who;
}

} // namespace sb
