// The publishing scheduler: due posts -> outbox jobs (exactly once), missed posts, retries of failed variants.
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/Tid.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QTimeZone>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::Engine", text);
}

constexpr qint64 kDefaultGraceMinutes = 60;

} // namespace

qint64 Engine::publishGraceMs(SqliteDb &db)
{
    bool ok = false;
    const qint64 minutes = WorkspaceSettings::value(db, QStringLiteral("publish_grace_minutes")).toLongLong(&ok);
    return (ok && minutes >= 0 ? minutes : kDefaultGraceMinutes) * 60'000;
}

// One job per variant that is not out yet; the key names the variant and the attempt, so a variant can never have
// two jobs for one attempt (outbox_jobs.idempotency_key is UNIQUE) and the network recognises a resend.
static Status queueVariants(SqliteDb &db, IdSource &ids, qint64 now, const QString &postId, const QString &authorId,
                            const QString &onlyVariantId, int &jobs)
{
    Statement &variants = db.cached("SELECT v.id, v.account_id, v.text, (SELECT count(*) FROM outbox_jobs j "
                                    "WHERE j.variant_id = v.id) FROM post_variants v WHERE v.post_id = ?1 "
                                    "AND (v.state = 'pending' OR (v.state = 'failed' AND v.id = ?2)) ORDER BY v.id");
    variants.bindAll(postId, onlyVariantId);
    struct Pending {
        QString id, account, text;
        int attempt;
    };
    std::vector<Pending> pending;
    while (variants.next()) {
        pending.push_back({variants.text(0), variants.text(1), variants.text(2), variants.integer(3) + 1});
    }
    if (variants.failed()) {
        return variants.error();
    }
    for (const Pending &v : pending) {
        Statement &job = db.cached(
            "INSERT INTO outbox_jobs(id, kind, account_id, variant_id, text, idempotency_key, state, next_attempt_at, "
            "created_by, created_at, updated_at, visibility, record_key) VALUES (?1, 'post', ?2, ?3, ?4, ?5, "
            "'pending', "
            "?6, ?7, ?6, ?6, 'public', ?8)");
        const QString jobId = ids.next();
        const QString recordKey = tidFrom(now, ids.next());
        job.bindAll(jobId, v.account, v.id, v.text, QStringLiteral("post-%1-%2").arg(v.id).arg(v.attempt), now,
                    authorId, recordKey);
        SB_TRY(job.exec());
        Statement &mark = db.cached("UPDATE post_variants SET state = 'publishing', error = NULL, updated_at = ? "
                                    "WHERE id = ?");
        mark.bindAll(now, v.id);
        SB_TRY(mark.exec());
        ++jobs;
    }
    return success();
}

Result<Engine::DuePosts> Engine::enqueueDuePosts(qint64 graceMs)
{
    const qint64 now = m_clock.nowMs();
    DuePosts out;
    Transaction tx(m_db);
    SB_TRY(tx.began());
    Statement &due = m_db.cached("SELECT id, scheduled_at, author_id FROM posts WHERE state = 'scheduled' "
                                 "AND scheduled_at <= ? ORDER BY scheduled_at, id LIMIT 500");
    due.bind(1, now);
    struct Due {
        QString id;
        qint64 at;
        QString author;
    };
    std::vector<Due> posts;
    while (due.next()) {
        posts.push_back({due.text(0), due.int64(1), due.text(2)});
    }
    if (due.failed()) {
        return due.error();
    }
    for (const Due &p : posts) {
        const bool late = now - p.at > graceMs;
        Statement &move
            = m_db.cached("UPDATE posts SET state = ?, updated_at = ? WHERE id = ? AND state = 'scheduled'");
        move.bindAll(late ? "missed" : "publishing", now, p.id);
        SB_TRY(move.exec());
        if (m_db.changes() != 1) {
            continue;
        }
        if (late) {
            ++out.missed;
            SB_TRY(appendEvent(Actor::system(), QStringLiteral("post_missed"), QStringLiteral("post"), p.id, {},
                               {{QStringLiteral("scheduled_at"), double(p.at)},
                                {QStringLiteral("late_minutes"), double((now - p.at) / 60'000)}}));
            continue;
        }
        int jobs = 0;
        SB_TRY(queueVariants(m_db, m_ids, now, p.id, p.author, {}, jobs));
        out.jobs += jobs;
        ++out.queued;
        SB_TRY(appendEvent(Actor::system(), QStringLiteral("post_queued"), QStringLiteral("post"), p.id, {},
                           {{QStringLiteral("jobs"), jobs}, {QStringLiteral("late_ms"), double(now - p.at)}}));
    }
    SB_TRY(tx.commit());
    return out;
}

Status Engine::retryVariant(const Actor &actor, const QString &variantId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canPublish, tr("retry a post")));
    Statement &cur = m_db.cached("SELECT v.post_id, v.state, p.author_id FROM post_variants v "
                                 "JOIN posts p ON p.id = v.post_id WHERE v.id = ?");
    cur.bind(1, variantId);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("No post variant with id %1.").arg(variantId));
    }
    const QString postId = cur.text(0);
    const QString state = cur.text(1);
    const QString author = cur.text(2);
    cur.reset();
    if (state != QLatin1String("failed")) {
        return makeError(ErrorKind::Conflict, tr("Only a variant that failed can be sent again."));
    }
    const qint64 now = m_clock.nowMs();
    int jobs = 0;
    SB_TRY(queueVariants(m_db, m_ids, now, postId, author, variantId, jobs));
    Statement &post = m_db.cached("UPDATE posts SET state = 'publishing', updated_at = ? WHERE id = ?");
    post.bindAll(now, postId);
    SB_TRY(post.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("post_variant_retried"), QStringLiteral("post_variant"), variantId, {},
                       {{QStringLiteral("post_id"), postId}}));
    return tx.commit();
}

Status Engine::publishMissedNow(const Actor &actor, const QString &postId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canPublish, tr("publish a missed post")));
    const qint64 now = m_clock.nowMs();
    Statement &up = m_db.cached("UPDATE posts SET state = 'scheduled', scheduled_at = ?1, updated_at = ?1 "
                                "WHERE id = ?2 AND state = 'missed'");
    up.bindAll(now, postId);
    SB_TRY(up.exec());
    if (m_db.changes() != 1) {
        return makeError(ErrorKind::Conflict, tr("Only a missed post can be published now."));
    }
    SB_TRY(appendEvent(
        actor, QStringLiteral("post_rescheduled"), QStringLiteral("post"), postId, {},
        {{QStringLiteral("scheduled_at"), double(now)}, {QStringLiteral("reason"), QStringLiteral("missed")}}));
    SB_TRY(tx.commit());
    return success();
}

Status Engine::reschedulePost(const Actor &actor, const QString &postId, qint64 atMs)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    const auto role = requireEmployee(actor);
    SB_TRY(role);
    Statement &cur = m_db.cached("SELECT state, author_id, coalesce(scheduled_at, 0), coalesce(time_zone, '') "
                                 "FROM posts WHERE id = ?");
    cur.bind(1, postId);
    if (!cur.next()) {
        return makeError(ErrorKind::NotFound, tr("The post is no longer there."));
    }
    const auto state = postStateFromName(cur.text(0));
    const QString author = cur.text(1);
    const qint64 before = cur.int64(2);
    const QString zoneId = cur.text(3);
    cur.reset();
    if (!state) {
        return makeError(ErrorKind::Corrupt, tr("The post has a state Switchboard does not know."));
    }
    const qint64 now = m_clock.nowMs();
    if (atMs < now) {
        return makeError(ErrorKind::Invalid, tr("A post can only be moved to a time that is still ahead."));
    }
    if (atMs == before) {
        return success();
    }
    const bool manager = canApprove(role.value());
    PostState next = *state;
    switch (*state) {
    case PostState::Draft:
    case PostState::InReview:
        if (!manager && author != actor.id) {
            return makeError(ErrorKind::Forbidden, tr("Only its author or a manager can move this post."));
        }
        break;
    case PostState::Approved:
    case PostState::Scheduled:
        // A new time is an edit of what was approved: from anyone but a manager it goes back to review.
        if (!manager) {
            if (author != actor.id) {
                return makeError(ErrorKind::Forbidden, tr("Only its author or a manager can move this post."));
            }
            next = PostState::InReview;
        } else {
            next = PostState::Scheduled;
        }
        break;
    case PostState::Missed:
        if (!manager) {
            return makeError(ErrorKind::Forbidden, tr("Only a manager can give a missed post a new time."));
        }
        next = PostState::Scheduled;
        break;
    case PostState::Publishing:
    case PostState::Published:
    case PostState::Failed:
    case PostState::PartiallyPublished:
        return makeError(ErrorKind::Conflict, tr("This post is already going out or out; it cannot be moved."));
    }
    const QTimeZone zone(zoneId.toUtf8());
    const QString local = zone.isValid() ? QDateTime::fromMSecsSinceEpoch(atMs, zone).toString(Qt::ISODate) : QString();
    Statement &up
        = m_db.cached("UPDATE posts SET scheduled_at = ?1, local_time = coalesce(nullif(?2, ''), local_time), "
                      "state = ?3, updated_at = ?4 WHERE id = ?5");
    up.bindAll(atMs, local, postStateName(next), now, postId);
    SB_TRY(up.exec());
    QJsonObject details {{QStringLiteral("from"), before > 0 ? QJsonValue(isoUtc(before)) : QJsonValue()},
                         {QStringLiteral("to"), isoUtc(atMs)}};
    if (next != *state) {
        details.insert(QStringLiteral("state_from"), postStateName(*state));
        details.insert(QStringLiteral("state_to"), postStateName(next));
    }
    SB_TRY(appendEvent(actor, QStringLiteral("post_rescheduled"), QStringLiteral("post"), postId, {}, details));
    return tx.commit();
}

Status Engine::addPostMedia(const Actor &actor, const QString &postId, const QString &path, const QString &mime,
                            qint64 bytes, const QString &altText)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireEmployee(actor));
    Statement &variants = m_db.cached("SELECT v.id FROM post_variants v JOIN posts p ON p.id = v.post_id WHERE "
                                      "v.post_id = ? AND v.state = 'pending' AND p.state IN ('draft', 'in_review', "
                                      "'approved', 'scheduled')");
    variants.bind(1, postId);
    QStringList ids;
    while (variants.next()) {
        ids << variants.text(0);
    }
    variants.reset();
    if (ids.isEmpty()) {
        return makeError(ErrorKind::Conflict, tr("Images can only be added to a post that is not out yet."));
    }
    const qint64 now = m_clock.nowMs();
    for (const QString &variant : ids) {
        Statement &ins = m_db.cached("INSERT INTO media(id, variant_id, path, mime, alt_text, size_bytes, created_at, "
                                     "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
        ins.bindAll(m_ids.next(), variant, path, mime, altText, bytes, now);
        SB_TRY(ins.exec());
    }
    SB_TRY(appendEvent(actor, QStringLiteral("post_media_added"), QStringLiteral("post"), postId, {},
                       {{QStringLiteral("path"), path}, {QStringLiteral("alt_text"), altText}}));
    return tx.commit();
}

} // namespace sb
