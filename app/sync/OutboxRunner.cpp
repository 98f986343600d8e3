#include "sync/OutboxRunner.h"

#include "channels/Channel.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOutbox, "switchboard.outbox")

namespace sb {

struct OutboxRunner::Media {
    QString id;
    QString path;
    QString mime;
    QString altText;
    QString remoteId;
};

struct OutboxRunner::Job {
    QString id;
    QString accountId;
    QString conversationId;
    QString threadKey;
    QString createdBy;
    QString variantId; // a post's variant; empty for a reply
    QString state;
    int attempts = 0;
    PublishRequest request;
};

namespace {
constexpr int kMaxAttempts = 12;

qint64 retryDelayMs(int attempts)
{
    return std::min<qint64>(15 * 60'000, 5'000LL << std::min(attempts, 10));
}
} // namespace

OutboxRunner::OutboxRunner(SqliteDb &db, Engine &engine, Ingestor &ingestor, const Clock &clock, ChannelLookup channels,
                           QObject *parent)
    : QObject(parent), m_db(db), m_engine(engine), m_ingestor(ingestor), m_clock(clock), m_channels(std::move(channels))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { processDue(); });
}

Status OutboxRunner::recoverInterrupted()
{
    Statement &st = m_db.cached("UPDATE outbox_jobs SET state = 'maybe_committed', next_attempt_at = ?1, "
                                "updated_at = ?1 WHERE state = 'sending'");
    st.bind(1, m_clock.nowMs());
    SB_TRY(st.exec());
    if (const int n = m_db.changes(); n > 0) {
        qCInfo(lcOutbox) << n << "job(s) were interrupted while sending; reconciling before any resend";
    }
    return success();
}

void OutboxRunner::setTeamGate(std::function<bool()> mayPublish, std::function<bool(const QString &)> claim)
{
    m_mayPublish = std::move(mayPublish);
    m_claim = std::move(claim);
}

void OutboxRunner::start(int intervalMs)
{
    m_timer.start(intervalMs);
    processDue();
}

void OutboxRunner::stop()
{
    m_timer.stop();
}

void OutboxRunner::processDue(std::function<void(int)> done)
{
    if (m_busy) {
        if (done) {
            // Already working: report when this pass ends.
            auto previous = std::move(m_done);
            m_done = [previous = std::move(previous), done = std::move(done)](int n) {
                if (previous) {
                    previous(n);
                }
                done(n);
            };
        }
        return;
    }
    if (m_mayPublish && !m_mayPublish()) {
        // In a team, a workstation whose login may not publish (or that is offline) leaves jobs to the others.
        if (done) {
            done(0);
        }
        return;
    }
    m_busy = true;
    // Due posts become jobs first (once, in one transaction: see Engine::enqueueDuePosts).
    auto due = m_engine.enqueueDuePosts(Engine::publishGraceMs(m_db));
    if (!due.ok()) {
        qCWarning(lcOutbox) << "scheduler:" << due.error().message;
    } else if (due.value().queued + due.value().missed > 0) {
        qCInfo(lcOutbox) << "scheduler:" << due.value().queued << "post(s) queued as" << due.value().jobs << "job(s),"
                         << due.value().missed << "missed";
        emit postsQueued(due.value().queued, due.value().missed);
    }
    m_handled = 0;
    m_skipped.clear();
    m_claimed.clear();
    m_done = std::move(done);
    next();
}

void OutboxRunner::finish()
{
    m_busy = false;
    if (m_done) {
        std::exchange(m_done, {})(m_handled);
    }
}

void OutboxRunner::next()
{
    Statement &st = m_db.cached(
        "SELECT j.id, j.account_id, coalesce(j.conversation_id, ''), coalesce(c.thread_key, ''), j.created_by, "
        "j.state, j.attempts, j.text, coalesce(j.in_reply_to_remote_id, ''), j.idempotency_key, "
        "coalesce(j.visibility, CASE WHEN c.kind = 'dm' THEN 'direct' ELSE 'public' END), "
        "coalesce(j.spoiler_text, ''), coalesce(j.language, ''), coalesce(j.variant_id, ''), "
        "coalesce(j.record_key, '') "
        "FROM outbox_jobs j JOIN accounts a ON a.id = j.account_id "
        "LEFT JOIN conversations c ON c.id = j.conversation_id "
        "WHERE (j.state IN ('pending', 'maybe_committed') OR (?2 AND j.state = 'sending')) AND j.next_attempt_at <= ?1 "
        "AND a.sync_paused = 0 ORDER BY j.next_attempt_at, j.created_at LIMIT 50");
    // In a team a job another workstation was sending when it died is found here too (its claim decides).
    st.bindAll(m_clock.nowMs(), bool(m_claim));
    std::optional<Job> job;
    while (st.next()) {
        if (m_skipped.contains(st.text(0))) {
            continue;
        }
        Job j;
        j.id = st.text(0);
        j.accountId = st.text(1);
        j.conversationId = st.text(2);
        j.threadKey = st.text(3);
        j.createdBy = st.text(4);
        j.state = st.text(5);
        j.attempts = st.integer(6);
        j.request.text = st.text(7);
        j.request.inReplyToRemoteId = st.text(8);
        j.request.idempotencyKey = st.text(9);
        j.request.visibility = st.text(10);
        j.request.spoilerText = st.text(11);
        j.request.language = st.text(12);
        j.variantId = st.text(13);
        j.request.recordKey = st.text(14);
        job = std::move(j);
        break;
    }
    st.reset();
    if (!job) {
        finish();
        return;
    }
    Channel *channel = m_channels(job->accountId);
    if (!channel) {
        m_skipped.insert(job->id); // its account cannot send now; the job waits
        next();
        return;
    }
    ++m_handled;
    // A post's images: uploaded once, before the first attempt (an upload is not a publish: a crash meanwhile only
    // leaves an unused upload); their ids go with every attempt and every reconcile.
    std::vector<Media> media;
    if (!job->variantId.isEmpty()) {
        Statement &m = m_db.cached("SELECT id, path, mime, alt_text, coalesce(remote_id, '') FROM media WHERE "
                                   "variant_id = ? ORDER BY created_at, id");
        m.bind(1, job->variantId);
        while (m.next()) {
            media.push_back({m.text(0), m.text(1), m.text(2), m.text(3), m.text(4)});
        }
        m.reset();
    }
    if (m_claim && !m_claimed.contains(job->id)) {
        // A team's job: its images must be on this workstation (or uploaded already), and the claim must be ours.
        const bool imagesHere = std::all_of(media.begin(), media.end(), [](const Media &m) {
            return !m.remoteId.isEmpty() || QFileInfo::exists(m.path);
        });
        if (!imagesHere || !m_claim(job->id)) {
            --m_handled;
            m_skipped.insert(job->id);
            next();
            return;
        }
        m_claimed.insert(job->id);
        --m_handled;
        next(); // the claim brought the job's row up to date: read it again
        return;
    }
    const auto missing = std::find_if(media.begin(), media.end(), [](const Media &m) { return m.remoteId.isEmpty(); });
    if (missing != media.end() && job->state != QLatin1String("maybe_committed")) {
        uploadMedia(*job, *channel, std::move(media));
        return;
    }
    for (const Media &m : media) {
        job->request.mediaIds << m.remoteId;
    }
    if (job->state == QLatin1String("maybe_committed")) {
        reconcile(*job, *channel);
    } else {
        send(*job, *channel);
    }
}

void OutboxRunner::uploadMedia(const Job &job, Channel &channel, std::vector<Media> media)
{
    const auto missing = std::find_if(media.begin(), media.end(), [](const Media &m) { return m.remoteId.isEmpty(); });
    if (missing == media.end()) {
        Job ready = job;
        for (const Media &m : media) {
            ready.request.mediaIds << m.remoteId;
        }
        send(ready, channel);
        return;
    }
    const size_t index = size_t(missing - media.begin());
    QPointer<OutboxRunner> self(this);
    QPointer<Channel> target(&channel);
    channel.uploadMedia({missing->path, missing->mime, missing->altText},
                        [self, target, job, media, index](Result<QString> uploaded) mutable {
                            if (!self) {
                                return;
                            }
                            if (!uploaded.ok()) {
                                self->onFailed(job, uploaded.error(), false);
                                self->next();
                                return;
                            }
                            Statement &up
                                = self->m_db.cached("UPDATE media SET remote_id = ?, updated_at = ? WHERE id = ?");
                            up.bindAll(uploaded.value(), self->m_clock.nowMs(), media[index].id);
                            if (Status s = up.exec(); !s.ok()) {
                                self->onFailed(job, s.error(), false);
                                self->next();
                                return;
                            }
                            media[index].remoteId = uploaded.value();
                            if (!target) {
                                self->next();
                                return;
                            }
                            self->uploadMedia(job, *target, std::move(media));
                        });
}

void OutboxRunner::send(const Job &job, Channel &channel)
{
    // Committed before the request leaves: a crash from here on leaves a trace that forces reconciliation.
    Statement &mark = m_db.cached("UPDATE outbox_jobs SET state = 'sending', attempts = attempts + 1, updated_at = ? "
                                  "WHERE id = ? AND state = 'pending'");
    mark.bindAll(m_clock.nowMs(), job.id);
    if (Status s = mark.exec(); !s.ok() || m_db.changes() != 1) {
        m_skipped.insert(job.id); // taken by someone else, or the store refused: leave it
        next();
        return;
    }
    emit jobChanged(job.id, QStringLiteral("sending"));
    QPointer<OutboxRunner> self(this);
    channel.publish(job.request, [self, job](Result<PublishResult> result) {
        if (!self) {
            return;
        }
        if (result.ok()) {
            self->onPublished(job, result.value());
        } else {
            self->onFailed(job, result.error(), false);
        }
        self->next();
    });
}

void OutboxRunner::reconcile(const Job &job, Channel &channel)
{
    QPointer<OutboxRunner> self(this);
    channel.reconcile(job.request, [self, job](Result<PublishResult> result) {
        if (!self) {
            return;
        }
        if (result.ok()) {
            qCInfo(lcOutbox) << "job" << job.id << "had landed before; recorded without resending";
            self->onPublished(job, result.value());
        } else {
            self->onFailed(job, result.error(), true);
        }
        self->next();
    });
}

void OutboxRunner::onPublished(const Job &job, const PublishResult &result)
{
    Transaction tx(m_db);
    Status status = tx.began();
    qint64 seq = 0;
    if (status.ok() && !job.variantId.isEmpty()) {
        // A scheduled post: its variant records where it went. Comments on it arrive through sync like any reply.
        status = m_engine.markVariantPublished(job.variantId, result.remoteId, result.url);
    } else if (status.ok() && result.item) {
        IncomingItem item = *result.item;
        item.accountId = job.accountId;
        item.outbound = true;
        item.authorEmployeeId = job.createdBy;
        if (!job.threadKey.isEmpty()) {
            item.threadKey = job.threadKey; // the reply belongs to the conversation it answers
        }
        if (auto ingested = m_ingestor.ingest({item}); !ingested.ok()) {
            status = ingested.error();
        } else {
            Statement &sel = m_db.cached("SELECT seq FROM items WHERE account_id = ? AND remote_id = ?");
            sel.bindAll(job.accountId, item.remoteId);
            seq = sel.next() ? sel.int64(0) : 0;
            sel.reset();
        }
    }
    if (status.ok()) {
        status = m_engine.completeOutboxJob(job.id, result.remoteId, seq);
    }
    if (status.ok() && !result.url.isEmpty()) {
        Statement &url = m_db.cached("UPDATE outbox_jobs SET remote_url = ? WHERE id = ?");
        url.bindAll(result.url, job.id);
        status = url.exec();
    }
    if (status.ok()) {
        status = tx.commit();
    }
    if (!status.ok()) {
        // The post is out but we could not record it: keep the job reconcilable instead of resending it.
        qCWarning(lcOutbox) << "published" << job.id << "but could not record it:" << status.error().message;
        retryLater(job, QStringLiteral("maybe_committed"), status.error(), m_clock.nowMs() + 5'000);
        return;
    }
    emit jobChanged(job.id, QStringLiteral("done"));
}

void OutboxRunner::onFailed(const Job &job, const Error &error, bool afterReconcile)
{
    const qint64 now = m_clock.nowMs();
    switch (error.kind) {
    case ErrorKind::NotFound:
        if (afterReconcile) {
            // The earlier attempt surely did not land: sending again is safe.
            retryLater(job, QStringLiteral("pending"), error, now);
            return;
        }
        break;
    case ErrorKind::MaybeCommitted:
        // Find out soon (the next pass may reconcile at once); back off only when it keeps happening.
        retryLater(job, QStringLiteral("maybe_committed"), error,
                   now + (job.attempts <= 1 ? 0 : retryDelayMs(job.attempts - 1)));
        return;
    case ErrorKind::RateLimited:
        retryLater(job, afterReconcile ? job.state : QStringLiteral("pending"), error,
                   error.retryAt.isValid() ? error.retryAt.toMSecsSinceEpoch() : now + retryDelayMs(job.attempts));
        return;
    case ErrorKind::Transient:
    case ErrorKind::AuthExpired:
        if (job.attempts + 1 < kMaxAttempts || afterReconcile) {
            // A reconcile that could not run keeps the job maybe_committed: never a blind resend.
            retryLater(job, afterReconcile ? QStringLiteral("maybe_committed") : QStringLiteral("pending"), error,
                       now + retryDelayMs(job.attempts));
            return;
        }
        break;
    default: break;
    }
    if (Status s = m_engine.failOutboxJob(job.id, error.message); !s.ok()) {
        qCWarning(lcOutbox) << "cannot mark job failed:" << s.error().message;
    }
    emit jobChanged(job.id, QStringLiteral("failed"));
}

void OutboxRunner::retryLater(const Job &job, const QString &state, const Error &error, qint64 atMs)
{
    Statement &st = m_db.cached("UPDATE outbox_jobs SET state = ?, next_attempt_at = ?, last_error = ?, updated_at = ? "
                                "WHERE id = ?");
    st.bindAll(state, atMs, error.message, m_clock.nowMs(), job.id);
    if (Status s = st.exec(); !s.ok()) {
        qCWarning(lcOutbox) << "cannot reschedule job" << job.id << s.error().message;
    }
    m_skipped.insert(job.id);
    emit jobChanged(job.id, state);
}

} // namespace sb
