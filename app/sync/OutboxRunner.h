#pragma once

#include "core/Result.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <vector>

namespace sb {

class Channel;
class Clock;
class Engine;
class Ingestor;
class SqliteDb;
struct PublishRequest;
struct PublishResult;

// Sends outbox jobs through their account's channel, exactly once. A job is marked `sending` (committed) before
// the request leaves; a job found in `sending` after a crash, or whose request may have landed (timeout after
// sending), becomes `maybe_committed` and is reconciled with its idempotency key before anything is resent.
// Transient failures and rate limits back off; a permanent refusal fails the job with an event.
class OutboxRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxRunner)
public:
    // Returns the account's channel, or nullptr while the account cannot send (paused, signed out, unknown).
    using ChannelLookup = std::function<Channel *(const QString &accountId)>;

    OutboxRunner(SqliteDb &db, Engine &engine, Ingestor &ingestor, const Clock &clock, ChannelLookup channels,
                 QObject *parent = nullptr);

    // Team mode: whether this workstation publishes at all, and the team's claim on a job, taken before the job is
    // sent or reconciled (only one workstation sends a job). Without a gate every due job here is this process's.
    void setTeamGate(std::function<bool()> mayPublish, std::function<bool(const QString &jobId)> claim);

    // Jobs left in `sending` by a process that died cannot be resent blindly: mark them for reconciliation.
    Status recoverInterrupted();
    // Works through every job due now, one at a time; done(number handled) when the queue has nothing due.
    void processDue(std::function<void(int)> done = {});
    void start(int intervalMs = 2'000);
    void stop();
    bool isBusy() const { return m_busy; }

signals:
    void jobChanged(const QString &jobId, const QString &state);
    // The scheduler moved due posts to the outbox (queued) or found them too late (missed).
    void postsQueued(int queued, int missed);

private:
    struct Job;
    struct Media;
    void next();
    void uploadMedia(const Job &job, Channel &channel, std::vector<Media> media);
    void send(const Job &job, Channel &channel);
    void reconcile(const Job &job, Channel &channel);
    void onPublished(const Job &job, const PublishResult &result);
    void onFailed(const Job &job, const Error &error, bool afterReconcile);
    void retryLater(const Job &job, const QString &state, const Error &error, qint64 atMs);
    void finish();

    SqliteDb &m_db;
    Engine &m_engine;
    Ingestor &m_ingestor;
    const Clock &m_clock;
    ChannelLookup m_channels;
    QTimer m_timer;
    bool m_busy = false;
    std::function<bool()> m_mayPublish;
    std::function<bool(const QString &)> m_claim;
    QSet<QString> m_claimed; // claimed in this pass
    int m_handled = 0;
    QSet<QString> m_skipped; // jobs seen in this pass whose account cannot send now
    std::function<void(int)> m_done;
};

} // namespace sb
