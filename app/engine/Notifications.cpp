#include "engine/Notifications.h"

#include "store/Sqlite.h"

namespace sb {

qint64 latestEventSeq(SqliteDb &db)
{
    return db.scalarInt(QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"), 0);
}

Result<std::vector<Notification>> notificationsSince(SqliteDb &db, const QString &employeeId, qint64 afterSeq,
                                                     int limit)
{
    // A range of the events' primary key: only what happened since the last look is read.
    Statement &st = db.cached(
        "SELECT ev.seq, ev.action, coalesce(ev.conversation_id, ''), coalesce(e.name, r.name, ''), "
        "coalesce(nullif(ct.display_name, ''), ct.handle, ''), "
        "coalesce(n.body, (SELECT text FROM post_variants WHERE post_id = p.id ORDER BY account_id LIMIT 1), "
        "c.snippet, ''), coalesce(p.id, ''), coalesce(json_extract(ev.details, '$.reason'), '') FROM events ev "
        "LEFT JOIN employees e ON ev.actor_kind = 'employee' AND e.id = ev.actor_id "
        "LEFT JOIN routing_rules r ON ev.actor_kind = 'rule' AND r.id = ev.actor_id "
        "LEFT JOIN conversations c ON c.id = ev.conversation_id "
        "LEFT JOIN contacts ct ON ct.id = c.contact_id "
        "LEFT JOIN notes n ON ev.action = 'note_added' AND n.id = ev.subject_id "
        "LEFT JOIN posts p ON (ev.action = 'published' AND ev.subject_type = 'post_variant' "
        "  AND p.id = json_extract(ev.details, '$.post_id')) "
        "  OR ((ev.action = 'post_failed' OR ev.action = 'post_missed') AND p.id = ev.subject_id) "
        "WHERE ev.seq > ?1 AND coalesce(ev.actor_id, '') != ?2 AND ("
        "(ev.action = 'assigned' AND json_extract(ev.details, '$.to') = ?2) OR "
        "(ev.action = 'note_added' AND EXISTS (SELECT 1 FROM json_each(ev.details, '$.mentions') WHERE value = ?2)) "
        "OR (ev.action = 'published' AND json_extract(ev.details, '$.post_state') = 'published' "
        "  AND (p.author_id = ?2 OR p.reviewer_id = ?2)) "
        "OR ((ev.action = 'post_failed' OR ev.action = 'post_missed') AND (p.author_id = ?2 OR EXISTS ("
        "  SELECT 1 FROM employees me WHERE me.id = ?2 AND me.active = 1 AND me.role != 'contributor')))) "
        "ORDER BY ev.seq LIMIT ?3");
    st.bindAll(afterSeq, employeeId, limit);
    std::vector<Notification> out;
    while (st.next()) {
        Notification n;
        n.seq = st.int64(0);
        const QString action = st.text(1);
        n.kind = action == QLatin1String("assigned") ? Notification::Kind::Assigned
            : action == QLatin1String("note_added")  ? Notification::Kind::Mentioned
            : action == QLatin1String("published")   ? Notification::Kind::PostPublished
            : action == QLatin1String("post_failed") ? Notification::Kind::PostFailed
                                                     : Notification::Kind::PostMissed;
        n.conversationId = st.text(2);
        n.by = st.text(3);
        n.customer = st.text(4);
        n.text = st.text(5);
        n.postId = st.text(6);
        n.detail = st.text(7);
        out.push_back(std::move(n));
    }
    if (st.failed()) {
        Error e = st.error();
        st.reset();
        return e;
    }
    st.reset();
    return out;
}

} // namespace sb
