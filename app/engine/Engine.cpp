#include "engine/Engine.h"

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/Tid.h"
#include "engine/Mentions.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Engine", text);
}

Error notFound(const QString &what, const QString &id)
{
    return makeError(ErrorKind::NotFound, tr("No %1 with id %2.").arg(what, id));
}

QString actorKindName(Actor::Kind kind)
{
    switch (kind) {
    case Actor::Kind::Employee: return QStringLiteral("employee");
    case Actor::Kind::Rule: return QStringLiteral("rule");
    case Actor::Kind::System: return QStringLiteral("system");
    }
    return {};
}

#define SB_BEGIN(tx)                                                                                                   \
    Transaction tx(m_db);                                                                                              \
    SB_TRY(tx.began())
} // namespace

Engine::Engine(SqliteDb &db, const Clock &clock, IdSource &ids) : m_db(db), m_clock(clock), m_ids(ids)
{
}

Status Engine::appendEvent(const Actor &actor, const QString &action, const QString &subjectType,
                           const QString &subjectId, const QString &conversationId, const QJsonObject &details)
{
    Statement &st = m_db.cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, subject_id, "
                                "conversation_id, details) VALUES (?,?,?,?,?,?,?,?,?)");
    st.bindAll(m_ids.next(), m_clock.nowMs(), actorKindName(actor.kind), actor.id, action, subjectType, subjectId,
               conversationId, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    return st.exec();
}

Result<Role> Engine::requireEmployee(const Actor &actor)
{
    Statement &st = m_db.cached("SELECT role, active FROM employees WHERE id = ?");
    st.bind(1, actor.id);
    if (!st.next()) {
        return makeError(ErrorKind::NotFound, tr("Unknown employee %1.").arg(actor.id));
    }
    if (st.integer(1) == 0) {
        return makeError(ErrorKind::Forbidden, tr("Employee %1 is deactivated.").arg(actor.id));
    }
    const auto role = roleFromName(st.text(0));
    if (!role) {
        return makeError(ErrorKind::Storage, tr("Employee %1 has an unknown role.").arg(actor.id));
    }
    return *role;
}

Status Engine::requireRole(const Actor &actor, bool (*allowed)(Role), const QString &what)
{
    if (actor.kind != Actor::Kind::Employee) {
        return success(); // rules and the system act on the configuration a manager made
    }
    const auto role = requireEmployee(actor);
    SB_TRY(role);
    if (!allowed(role.value())) {
        return makeError(ErrorKind::Forbidden,
                         tr("A %1 is not allowed to %2.").arg(roleLabel(role.value()).toLower(), what));
    }
    return success();
}

Status Engine::requireConversation(const QString &conversationId)
{
    Statement &st = m_db.cached("SELECT 1 FROM conversations WHERE id = ?");
    st.bind(1, conversationId);
    if (!st.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    return success();
}

Status Engine::assign(const Actor &actor, const QString &conversationId, const QString &assigneeId)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("assign conversations")));
    Statement &cur = m_db.cached("SELECT coalesce(assignee_id, '') FROM conversations WHERE id = ?");
    cur.bind(1, conversationId);
    if (!cur.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const QString previous = cur.text(0);
    cur.reset();
    if (!assigneeId.isEmpty()) {
        Statement &emp = m_db.cached("SELECT active FROM employees WHERE id = ?");
        emp.bind(1, assigneeId);
        if (!emp.next()) {
            return notFound(tr("employee"), assigneeId);
        }
        if (emp.integer(0) == 0) {
            return makeError(ErrorKind::Invalid, tr("Cannot assign to a deactivated employee."));
        }
    }
    if (previous == assigneeId) {
        return success();
    }
    Statement &up = m_db.cached("UPDATE conversations SET assignee_id = ?, updated_at = ? WHERE id = ?");
    up.bindAll(assigneeId.isEmpty() ? QString() : assigneeId, m_clock.nowMs(), conversationId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, assigneeId.isEmpty() ? QStringLiteral("unassigned") : QStringLiteral("assigned"),
                       QStringLiteral("conversation"), conversationId, conversationId,
                       {{QStringLiteral("from"), previous}, {QStringLiteral("to"), assigneeId}}));
    return tx.commit();
}

Status Engine::assignTeam(const Actor &actor, const QString &conversationId, const QString &teamId)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("route conversations to teams")));
    Statement &cur = m_db.cached("SELECT coalesce(team_id, '') FROM conversations WHERE id = ?");
    cur.bind(1, conversationId);
    if (!cur.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const QString previous = cur.text(0);
    cur.reset();
    if (!teamId.isEmpty()) {
        Statement &team = m_db.cached("SELECT 1 FROM teams WHERE id = ?");
        team.bind(1, teamId);
        if (!team.next()) {
            return notFound(tr("team"), teamId);
        }
    }
    if (previous == teamId) {
        return success();
    }
    Statement &up = m_db.cached("UPDATE conversations SET team_id = ?, updated_at = ? WHERE id = ?");
    up.bindAll(teamId.isEmpty() ? QString() : teamId, m_clock.nowMs(), conversationId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("team_assigned"), QStringLiteral("conversation"), conversationId,
                       conversationId, {{QStringLiteral("from"), previous}, {QStringLiteral("to"), teamId}}));
    return tx.commit();
}

Status Engine::setStatus(const Actor &actor, const QString &conversationId, ConversationStatus status,
                         qint64 snoozeUntilMs)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("change a conversation's status")));
    const qint64 now = m_clock.nowMs();
    if (status == ConversationStatus::Snoozed && snoozeUntilMs <= now) {
        return makeError(ErrorKind::Invalid, tr("A snooze needs a time in the future."));
    }
    Statement &cur = m_db.cached("SELECT status, first_inbound_at FROM conversations WHERE id = ?");
    cur.bind(1, conversationId);
    if (!cur.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const QString previous = cur.text(0);
    const qint64 firstInbound = cur.int64(1);
    cur.reset();
    if (previous == statusName(status) && status != ConversationStatus::Snoozed) {
        return success();
    }
    if (status == ConversationStatus::Resolved) {
        Statement &up = m_db.cached("UPDATE conversations SET status = 'resolved', snoozed_until = NULL, "
                                    "resolved_at = ?1, resolution_secs = (?1 - first_inbound_at) / 1000, "
                                    "updated_at = ?1 WHERE id = ?2");
        up.bindAll(now, conversationId);
        SB_TRY(up.exec());
    } else {
        Statement &up = m_db.cached("UPDATE conversations SET status = ?, snoozed_until = ?, resolved_at = NULL, "
                                    "resolution_secs = NULL, updated_at = ? WHERE id = ?");
        up.bind(1, statusName(status));
        if (status == ConversationStatus::Snoozed) {
            up.bind(2, snoozeUntilMs);
        } else {
            up.bindNull(2);
        }
        up.bind(3, now).bind(4, conversationId);
        SB_TRY(up.exec());
    }
    QJsonObject details {{QStringLiteral("from"), previous}, {QStringLiteral("to"), statusName(status)}};
    if (status == ConversationStatus::Snoozed) {
        details.insert(QStringLiteral("until"), isoUtc(snoozeUntilMs));
    }
    if (status == ConversationStatus::Resolved) {
        details.insert(QStringLiteral("resolution_secs"), double((now - firstInbound) / 1000));
    }
    SB_TRY(appendEvent(actor, QStringLiteral("status_changed"), QStringLiteral("conversation"), conversationId,
                       conversationId, details));
    return tx.commit();
}

Status Engine::addTag(const Actor &actor, const QString &conversationId, const QString &tag)
{
    const QString clean = tag.trimmed().toLower();
    if (clean.isEmpty() || clean.size() > 64 || clean.contains(QLatin1Char(' '))) {
        return makeError(ErrorKind::Invalid, tr("A tag is one word of at most 64 characters."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("tag conversations")));
    SB_TRY(requireConversation(conversationId));
    Statement &ins = m_db.cached("INSERT OR IGNORE INTO conversation_tags(conversation_id, tag, created_at) "
                                 "VALUES (?,?,?)");
    ins.bindAll(conversationId, clean, m_clock.nowMs());
    SB_TRY(ins.exec());
    if (m_db.changes() == 0) {
        return success();
    }
    Statement &touch = m_db.cached("UPDATE conversations SET updated_at = ? WHERE id = ?");
    touch.bindAll(m_clock.nowMs(), conversationId);
    SB_TRY(touch.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("tagged"), QStringLiteral("conversation"), conversationId, conversationId,
                       {{QStringLiteral("tag"), clean}}));
    return tx.commit();
}

Status Engine::removeTag(const Actor &actor, const QString &conversationId, const QString &tag)
{
    const QString clean = tag.trimmed().toLower();
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("untag conversations")));
    SB_TRY(requireConversation(conversationId));
    Statement &del = m_db.cached("DELETE FROM conversation_tags WHERE conversation_id = ? AND tag = ?");
    del.bindAll(conversationId, clean);
    SB_TRY(del.exec());
    if (m_db.changes() == 0) {
        return success();
    }
    Statement &touch = m_db.cached("UPDATE conversations SET updated_at = ? WHERE id = ?");
    touch.bindAll(m_clock.nowMs(), conversationId);
    SB_TRY(touch.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("untagged"), QStringLiteral("conversation"), conversationId,
                       conversationId, {{QStringLiteral("tag"), clean}}));
    return tx.commit();
}

Status Engine::setPriority(const Actor &actor, const QString &conversationId, int priority)
{
    if (priority < 0 || priority > 3) {
        return makeError(ErrorKind::Invalid, tr("Priority goes from 0 (none) to 3 (urgent)."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("change priorities")));
    Statement &cur = m_db.cached("SELECT priority FROM conversations WHERE id = ?");
    cur.bind(1, conversationId);
    if (!cur.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const int previous = cur.integer(0);
    cur.reset();
    if (previous == priority) {
        return success();
    }
    Statement &up = m_db.cached("UPDATE conversations SET priority = ?, updated_at = ? WHERE id = ?");
    up.bindAll(priority, m_clock.nowMs(), conversationId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("priority_changed"), QStringLiteral("conversation"), conversationId,
                       conversationId, {{QStringLiteral("from"), previous}, {QStringLiteral("to"), priority}}));
    return tx.commit();
}

Status Engine::markSpam(const Actor &actor, const QString &conversationId, bool spam)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canTriage, tr("mark spam")));
    Statement &cur = m_db.cached("SELECT spam FROM conversations WHERE id = ?");
    cur.bind(1, conversationId);
    if (!cur.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const bool previous = cur.integer(0) != 0;
    cur.reset();
    if (previous == spam) {
        return success();
    }
    Statement &up = m_db.cached("UPDATE conversations SET spam = ?, updated_at = ? WHERE id = ?");
    up.bindAll(spam, m_clock.nowMs(), conversationId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, spam ? QStringLiteral("marked_spam") : QStringLiteral("unmarked_spam"),
                       QStringLiteral("conversation"), conversationId, conversationId));
    return tx.commit();
}

Status Engine::markRead(const Actor &actor, const QString &conversationId)
{
    SB_BEGIN(tx);
    SB_TRY(requireEmployee(actor));
    Statement &up = m_db.cached("UPDATE conversations SET unread = 0 WHERE id = ? AND unread != 0");
    up.bind(1, conversationId);
    SB_TRY(up.exec());
    if (m_db.changes() == 0) {
        return requireConversation(conversationId);
    }
    SB_TRY(appendEvent(actor, QStringLiteral("read"), QStringLiteral("conversation"), conversationId, conversationId));
    return tx.commit();
}

Result<QString> Engine::addNote(const Actor &actor, const QString &conversationId, const QString &body)
{
    const QString text = body.trimmed();
    if (text.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("A note needs some text."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireEmployee(actor)); // contributors write notes too
    SB_TRY(requireConversation(conversationId));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO notes(id, conversation_id, author_id, body, created_at, updated_at) "
                                 "VALUES (?,?,?,?,?,?)");
    ins.bindAll(id, conversationId, actor.id, text, now, now);
    SB_TRY(ins.exec());
    // Colleagues named with @ are listed in the event: their workstation notifies them.
    QJsonArray mentions;
    for (const QString &employee : mentionedEmployees(m_db, text)) {
        if (employee != actor.id) {
            mentions.append(employee);
        }
    }
    QJsonObject details {{QStringLiteral("length"), int(text.size())}};
    if (!mentions.isEmpty()) {
        details.insert(QStringLiteral("mentions"), mentions);
    }
    SB_TRY(appendEvent(actor, QStringLiteral("note_added"), QStringLiteral("note"), id, conversationId, details));
    SB_TRY(tx.commit());
    return id;
}

Result<QString> Engine::queueReply(const Actor &actor, const QString &conversationId, const QString &text,
                                   const QString &draftId)
{
    Statement &conv = m_db.cached(
        "SELECT c.account_id, (SELECT i.remote_id FROM items i WHERE i.conversation_id = c.id AND i.direction = 'in' "
        "ORDER BY i.seq DESC LIMIT 1) FROM conversations c WHERE c.id = ?");
    conv.bind(1, conversationId);
    if (!conv.next()) {
        return notFound(tr("conversation"), conversationId);
    }
    const QString accountId = conv.text(0);
    const QString inReplyTo = conv.text(1);
    conv.reset();
    const QString jobId = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached(
        "INSERT INTO outbox_jobs(id, kind, account_id, conversation_id, reply_draft_id, in_reply_to_remote_id, text, "
        "idempotency_key, state, next_attempt_at, created_by, created_at, updated_at, record_key) "
        "VALUES (?,'reply',?,?,?,?,?,?,'pending',?,?,?,?,?)");
    const QString idempotencyKey = m_ids.next();
    const QString recordKey = tidFrom(now, m_ids.next());
    ins.bindAll(jobId, accountId, conversationId, draftId.isEmpty() ? QString() : draftId, inReplyTo, text,
                idempotencyKey, now, actor.id, now, now, recordKey);
    SB_TRY(ins.exec());
    return jobId;
}

Result<Engine::ReplyOutcome> Engine::submitReply(const Actor &actor, const QString &conversationId, const QString &text)
{
    const QString body = text.trimmed();
    if (body.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("A reply needs some text."));
    }
    SB_BEGIN(tx);
    const auto role = requireEmployee(actor);
    SB_TRY(role);
    SB_TRY(requireConversation(conversationId));
    ReplyOutcome outcome;
    if (canPublish(role.value())) {
        auto job = queueReply(actor, conversationId, body, {});
        SB_TRY(job);
        outcome.outboxJobId = job.value();
        SB_TRY(appendEvent(actor, QStringLiteral("replied"), QStringLiteral("outbox_job"), job.value(), conversationId,
                           {{QStringLiteral("length"), int(body.size())}}));
    } else {
        outcome.replyDraftId = m_ids.next();
        const qint64 now = m_clock.nowMs();
        Statement &ins = m_db.cached("INSERT INTO reply_drafts(id, conversation_id, author_id, text, state, "
                                     "created_at, updated_at) VALUES (?,?,?,?,'in_review',?,?)");
        ins.bindAll(outcome.replyDraftId, conversationId, actor.id, body, now, now);
        SB_TRY(ins.exec());
        SB_TRY(appendEvent(actor, QStringLiteral("reply_submitted"), QStringLiteral("reply_draft"),
                           outcome.replyDraftId, conversationId, {{QStringLiteral("length"), int(body.size())}}));
    }
    SB_TRY(tx.commit());
    return outcome;
}

Result<QString> Engine::approveReply(const Actor &actor, const QString &draftId, const QString &editedText)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canApprove, tr("approve replies")));
    Statement &cur = m_db.cached("SELECT conversation_id, author_id, text, state FROM reply_drafts WHERE id = ?");
    cur.bind(1, draftId);
    if (!cur.next()) {
        return notFound(tr("reply draft"), draftId);
    }
    const QString conversationId = cur.text(0);
    const QString authorId = cur.text(1);
    const QString original = cur.text(2);
    const QString state = cur.text(3);
    cur.reset();
    if (state != QLatin1String("in_review")) {
        return makeError(ErrorKind::Conflict, tr("This reply is no longer awaiting approval (it is %1).").arg(state));
    }
    const QString finalText = editedText.trimmed().isEmpty() ? original : editedText.trimmed();
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE reply_drafts SET state = 'approved', text = ?, reviewer_id = ?, "
                                "updated_at = ? WHERE id = ?");
    up.bindAll(finalText, actor.id, now, draftId);
    SB_TRY(up.exec());
    // The job is the author's reply; the approver is recorded in the event.
    auto job = queueReply(Actor::employee(authorId), conversationId, finalText, draftId);
    SB_TRY(job);
    SB_TRY(appendEvent(actor, QStringLiteral("reply_approved"), QStringLiteral("reply_draft"), draftId, conversationId,
                       {{QStringLiteral("author_id"), authorId},
                        {QStringLiteral("outbox_job_id"), job.value()},
                        {QStringLiteral("edited"), finalText != original}}));
    SB_TRY(tx.commit());
    return job.value();
}

Status Engine::rejectReply(const Actor &actor, const QString &draftId, const QString &comment)
{
    if (comment.trimmed().isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("Say why the reply is rejected, so its author can fix it."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canApprove, tr("reject replies")));
    Statement &cur = m_db.cached("SELECT conversation_id, author_id, state FROM reply_drafts WHERE id = ?");
    cur.bind(1, draftId);
    if (!cur.next()) {
        return notFound(tr("reply draft"), draftId);
    }
    const QString conversationId = cur.text(0);
    const QString authorId = cur.text(1);
    const QString state = cur.text(2);
    cur.reset();
    if (state != QLatin1String("in_review")) {
        return makeError(ErrorKind::Conflict, tr("This reply is no longer awaiting approval (it is %1).").arg(state));
    }
    Statement &up = m_db.cached("UPDATE reply_drafts SET state = 'rejected', reviewer_id = ?, review_comment = ?, "
                                "updated_at = ? WHERE id = ?");
    up.bindAll(actor.id, comment.trimmed(), m_clock.nowMs(), draftId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("reply_rejected"), QStringLiteral("reply_draft"), draftId, conversationId,
                       {{QStringLiteral("author_id"), authorId}, {QStringLiteral("comment"), comment.trimmed()}}));
    return tx.commit();
}

Status Engine::completeOutboxJob(const QString &jobId, const QString &remoteId, qint64 itemSeq)
{
    SB_BEGIN(tx);
    Statement &cur = m_db.cached("SELECT state, conversation_id, created_by FROM outbox_jobs WHERE id = ?");
    cur.bind(1, jobId);
    if (!cur.next()) {
        return notFound(tr("outbox job"), jobId);
    }
    const QString state = cur.text(0);
    const QString conversationId = cur.text(1);
    const QString author = cur.text(2);
    cur.reset();
    if (state == QLatin1String("done")) {
        return success();
    }
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE outbox_jobs SET state = 'done', remote_id = ?, last_error = NULL, "
                                "updated_at = ? WHERE id = ?");
    up.bindAll(remoteId, now, jobId);
    SB_TRY(up.exec());
    if (!conversationId.isEmpty()) {
        Statement &first = m_db.cached("UPDATE conversations SET first_response_at = coalesce(first_response_at, ?1), "
                                       "first_response_secs = coalesce(first_response_secs, (?1 - first_inbound_at) / "
                                       "1000), updated_at = ?1 WHERE id = ?2");
        first.bindAll(now, conversationId);
        SB_TRY(first.exec());
    }
    QJsonObject details {{QStringLiteral("remote_id"), remoteId}, {QStringLiteral("author_id"), author}};
    if (itemSeq > 0) {
        details.insert(QStringLiteral("item_seq"), QString::number(itemSeq));
    }
    SB_TRY(appendEvent(Actor::system(), QStringLiteral("published"), QStringLiteral("outbox_job"), jobId,
                       conversationId, details));
    return tx.commit();
}

Status Engine::failOutboxJob(const QString &jobId, const QString &reason)
{
    SB_BEGIN(tx);
    Statement &cur = m_db.cached("SELECT state, conversation_id FROM outbox_jobs WHERE id = ?");
    cur.bind(1, jobId);
    if (!cur.next()) {
        return notFound(tr("outbox job"), jobId);
    }
    const QString state = cur.text(0);
    const QString conversationId = cur.text(1);
    cur.reset();
    if (state == QLatin1String("done") || state == QLatin1String("failed")) {
        return success();
    }
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE outbox_jobs SET state = 'failed', last_error = ?, updated_at = ? WHERE id = ?");
    up.bindAll(reason, now, jobId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(Actor::system(), QStringLiteral("publish_failed"), QStringLiteral("outbox_job"), jobId,
                       conversationId, {{QStringLiteral("reason"), reason}}));
    // A post's variant: it failed; the post is failed when nothing of it went out, partly published otherwise,
    // and still publishing while other variants are on their way.
    Statement &variant = m_db.cached("SELECT coalesce(variant_id, '') FROM outbox_jobs WHERE id = ?");
    variant.bind(1, jobId);
    const QString variantId = variant.next() ? variant.text(0) : QString();
    variant.reset();
    if (!variantId.isEmpty()) {
        Statement &failed = m_db.cached("UPDATE post_variants SET state = 'failed', error = ?, updated_at = ? "
                                        "WHERE id = ? AND state != 'published'");
        failed.bindAll(reason, now, variantId);
        SB_TRY(failed.exec());
        Statement &post = m_db.cached(
            "UPDATE posts SET state = CASE "
            "WHEN EXISTS(SELECT 1 FROM post_variants WHERE post_id = posts.id AND state IN ('pending', 'publishing')) "
            "THEN 'publishing' "
            "WHEN EXISTS(SELECT 1 FROM post_variants WHERE post_id = posts.id AND state = 'published') "
            "THEN 'partially_published' ELSE 'failed' END, updated_at = ?1 "
            "WHERE id = (SELECT post_id FROM post_variants WHERE id = ?2) RETURNING id, state");
        post.bindAll(now, variantId);
        QString postId;
        QString postState;
        if (post.next()) {
            postId = post.text(0);
            postState = post.text(1);
        }
        post.reset();
        if (!postId.isEmpty() && postState != QLatin1String("publishing")) {
            SB_TRY(appendEvent(Actor::system(), QStringLiteral("post_failed"), QStringLiteral("post"), postId, {},
                               {{QStringLiteral("post_state"), postState},
                                {QStringLiteral("variant_id"), variantId},
                                {QStringLiteral("reason"), reason}}));
        }
    }
    return tx.commit();
}

Status Engine::changePostState(const Actor &actor, const QString &postId, PostState from, PostState to,
                               const QString &action, const QString &comment)
{
    Statement &cur = m_db.cached("SELECT state FROM posts WHERE id = ?");
    cur.bind(1, postId);
    if (!cur.next()) {
        return notFound(tr("post"), postId);
    }
    const QString state = cur.text(0);
    cur.reset();
    if (state != postStateName(from)) {
        return makeError(ErrorKind::Conflict, tr("The post is %1, not %2.").arg(state, postStateLabel(from).toLower()));
    }
    Statement &up = m_db.cached("UPDATE posts SET state = ?, reviewer_id = coalesce(?, reviewer_id), "
                                "review_comment = coalesce(?, review_comment), updated_at = ? WHERE id = ?");
    const bool review = from == PostState::InReview;
    up.bindAll(postStateName(to), review ? actor.id : QString(), review ? comment : QString(), m_clock.nowMs(), postId);
    SB_TRY(up.exec());
    QJsonObject details {{QStringLiteral("from"), postStateName(from)}, {QStringLiteral("to"), postStateName(to)}};
    if (!comment.isEmpty()) {
        details.insert(QStringLiteral("comment"), comment);
    }
    return appendEvent(actor, action, QStringLiteral("post"), postId, {}, details);
}

Status Engine::submitPost(const Actor &actor, const QString &postId)
{
    SB_BEGIN(tx);
    SB_TRY(requireEmployee(actor));
    SB_TRY(changePostState(actor, postId, PostState::Draft, PostState::InReview, QStringLiteral("post_submitted"), {}));
    return tx.commit();
}

Status Engine::approvePost(const Actor &actor, const QString &postId)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canApprove, tr("approve posts")));
    Statement &when = m_db.cached("SELECT scheduled_at IS NOT NULL FROM posts WHERE id = ?");
    when.bind(1, postId);
    const bool scheduled = when.next() && when.integer(0) != 0;
    when.reset();
    SB_TRY(changePostState(actor, postId, PostState::InReview, scheduled ? PostState::Scheduled : PostState::Approved,
                           QStringLiteral("post_approved"), QString()));
    return tx.commit();
}

Status Engine::rejectPost(const Actor &actor, const QString &postId, const QString &comment)
{
    if (comment.trimmed().isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("Say why the post is rejected, so its author can fix it."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canApprove, tr("reject posts")));
    SB_TRY(changePostState(actor, postId, PostState::InReview, PostState::Draft, QStringLiteral("post_rejected"),
                           comment.trimmed()));
    return tx.commit();
}

Result<QString> Engine::addTeam(const Actor &actor, const QString &name)
{
    const QString clean = name.trimmed();
    if (clean.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("A team needs a name."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canManageRoster, tr("manage teams")));
    const QString id = m_ids.next();
    Statement &ins = m_db.cached("INSERT INTO teams(id, name, updated_at) VALUES (?,?,?)");
    ins.bindAll(id, clean, m_clock.nowMs());
    if (Status s = ins.exec(); !s.ok()) {
        return s.error().kind == ErrorKind::Duplicate
            ? makeError(ErrorKind::Duplicate, tr("A team named %1 already exists.").arg(clean))
            : s.error();
    }
    SB_TRY(appendEvent(actor, QStringLiteral("team_added"), QStringLiteral("team"), id, {},
                       {{QStringLiteral("name"), clean}}));
    SB_TRY(tx.commit());
    return id;
}

Result<QString> Engine::addEmployee(const Actor &actor, const NewEmployee &employee)
{
    const QString name = employee.name.trimmed();
    if (name.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("An employee needs a name."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canManageRoster, tr("add employees")));
    if (employee.role == Role::Admin && actor.kind == Actor::Kind::Employee) {
        const auto role = requireEmployee(actor);
        if (role.ok() && role.value() != Role::Admin) {
            return makeError(ErrorKind::Forbidden, tr("Only an admin can make another admin."));
        }
    }
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO employees(id, name, email, role, team_id, active, created_at, "
                                 "updated_at) VALUES (?,?,?,?,?,1,?,?)");
    ins.bindAll(id, name, employee.email.trimmed().isEmpty() ? QString() : employee.email.trimmed(),
                roleName(employee.role), employee.teamId.isEmpty() ? QString() : employee.teamId, now, now);
    SB_TRY(ins.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("employee_added"), QStringLiteral("employee"), id, {},
                       {{QStringLiteral("name"), name}, {QStringLiteral("role"), roleName(employee.role)}}));
    SB_TRY(tx.commit());
    return id;
}

Status Engine::updateEmployee(const Actor &actor, const QString &employeeId, const NewEmployee &changes)
{
    const QString name = changes.name.trimmed();
    if (name.isEmpty()) {
        return makeError(ErrorKind::Invalid, tr("An employee needs a name."));
    }
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canManageRoster, tr("change employees")));
    Statement &cur = m_db.cached("SELECT name, coalesce(email,''), role, coalesce(team_id,'') FROM employees "
                                 "WHERE id = ?");
    cur.bind(1, employeeId);
    if (!cur.next()) {
        return notFound(tr("employee"), employeeId);
    }
    const QString oldName = cur.text(0);
    const QString oldEmail = cur.text(1);
    const QString oldRole = cur.text(2);
    const QString oldTeam = cur.text(3);
    cur.reset();
    const QString newRole = roleName(changes.role);
    const bool touchesAdmin = newRole == QLatin1String("admin") || oldRole == QLatin1String("admin");
    if (touchesAdmin && newRole != oldRole && actor.kind == Actor::Kind::Employee) {
        const auto role = requireEmployee(actor);
        if (role.ok() && role.value() != Role::Admin) {
            return makeError(ErrorKind::Forbidden, tr("Only an admin can grant or revoke the admin role."));
        }
    }
    QJsonObject details;
    if (oldName != name) {
        details.insert(QStringLiteral("name"), name);
    }
    if (oldEmail != changes.email.trimmed()) {
        details.insert(QStringLiteral("email"), changes.email.trimmed());
    }
    if (oldRole != newRole) {
        details.insert(QStringLiteral("role"), newRole);
        details.insert(QStringLiteral("previous_role"), oldRole);
    }
    if (oldTeam != changes.teamId) {
        details.insert(QStringLiteral("team_id"), changes.teamId);
    }
    if (details.isEmpty()) {
        return success();
    }
    Statement &up = m_db.cached("UPDATE employees SET name = ?, email = ?, role = ?, team_id = ?, updated_at = ? "
                                "WHERE id = ?");
    up.bindAll(name, changes.email.trimmed().isEmpty() ? QString() : changes.email.trimmed(), newRole,
               changes.teamId.isEmpty() ? QString() : changes.teamId, m_clock.nowMs(), employeeId);
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("employee_updated"), QStringLiteral("employee"), employeeId, {}, details));
    return tx.commit();
}

Status Engine::setEmployeeActive(const Actor &actor, const QString &employeeId, bool active)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canManageRoster, tr("deactivate employees")));
    if (!active && actor.id == employeeId) {
        return makeError(ErrorKind::Invalid, tr("You cannot deactivate yourself."));
    }
    Statement &up = m_db.cached("UPDATE employees SET active = ?, updated_at = ? WHERE id = ? AND active != ?");
    up.bindAll(active, m_clock.nowMs(), employeeId, active);
    SB_TRY(up.exec());
    if (m_db.changes() == 0) {
        Statement &exists = m_db.cached("SELECT 1 FROM employees WHERE id = ?");
        exists.bind(1, employeeId);
        return exists.next() ? success() : Status(notFound(tr("employee"), employeeId));
    }
    SB_TRY(appendEvent(actor, active ? QStringLiteral("employee_activated") : QStringLiteral("employee_deactivated"),
                       QStringLiteral("employee"), employeeId, {}));
    return tx.commit();
}

Status Engine::setSetting(const Actor &actor, const QString &key, const QString &value)
{
    SB_BEGIN(tx);
    SB_TRY(requireRole(actor, canManageRoster, tr("change workspace settings")));
    Statement &cur = m_db.cached("SELECT value FROM settings WHERE key = ?");
    cur.bind(1, key);
    const bool had = cur.next();
    const QString previous = had ? cur.text(0) : QString();
    cur.reset();
    if (had && previous == value) {
        return success();
    }
    Statement &up = m_db.cached("INSERT INTO settings(key, value, updated_at) VALUES (?1,?2,?3) "
                                "ON CONFLICT(key) DO UPDATE SET value = ?2, updated_at = ?3");
    up.bindAll(key, value, m_clock.nowMs());
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("setting_changed"), QStringLiteral("setting"), key, {},
                       {{QStringLiteral("value"), value}}));
    return tx.commit();
}

Status Engine::setBusinessHours(const Actor &actor, const BusinessHours &hours)
{
    if (!hours.zone.isValid() || hours.end <= hours.start || hours.dayMask == 0) {
        return makeError(ErrorKind::Invalid,
                         tr("Business hours need a valid time zone, at least one working day "
                            "and an end after the start."));
    }
    return setSetting(actor, QStringLiteral("business_hours"), QString::fromUtf8(hours.toJson()));
}

Result<QString> Engine::createFirstAdmin(const QString &name, const QString &email)
{
    SB_BEGIN(tx);
    if (m_db.scalarInt(QStringLiteral("SELECT count(*) FROM employees")) > 0) {
        return makeError(ErrorKind::Conflict, tr("This workspace already has employees."));
    }
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached("INSERT INTO employees(id, name, email, role, active, created_at, updated_at) "
                                 "VALUES (?,?,?,'admin',1,?,?)");
    ins.bindAll(id, name.trimmed(), email.isEmpty() ? QString() : email, now, now);
    SB_TRY(ins.exec());
    SB_TRY(appendEvent(Actor::system(), QStringLiteral("employee_added"), QStringLiteral("employee"), id, {},
                       {{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("role"), QStringLiteral("admin")}}));
    SB_TRY(tx.commit());
    return id;
}

} // namespace sb
