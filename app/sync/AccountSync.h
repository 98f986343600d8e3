#pragma once

#include "channels/Channel.h"
#include "sync/AccountRecord.h"
#include "sync/Backoff.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace sb {

class Clock;
class Ingestor;
class SqliteDb;
class StoreWriter;

struct SyncOptions {
    int pollIntervalMs = 60'000; // REST poll without streaming
    int streamingPollIntervalMs = 300'000; // safety poll while a stream is up
    int maxPagesPerPoll = 50; // bound on a catch-up within one cycle
    bool streaming = true;
    int countersIntervalMs = 15 * 60'000; // how often the counters of our own recent items are refreshed
    int countersDays = 7; // ... for items published in the last N days
    int countersMax = 40; // ... at most this many per refresh (rate limits)
    int deletionChecksMax = 100; // recent inbox items checked for deletion per cycle, where the network needs it
};

// Drives one account: verify, first-connect backfill (bounded by the account's backfill_days), incremental polls,
// streaming, and the health that follows from each outcome (rate limits honoured, auth failures stop the account
// until the user signs in again, other errors back off with jitter).
class AccountSync final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSync)
public:
    // Pages go to `writer`; its results come back through `storeReceiver`, an object of this thread that outlives
    // the writer (so a result never races with this object's deletion). `ingestor` stores counters.
    AccountSync(AccountRecord account, std::unique_ptr<Channel> channel, SqliteDb &db, Ingestor &ingestor,
                StoreWriter &writer, QObject *storeReceiver, const Clock &clock, SyncOptions options,
                QObject *parent = nullptr);
    ~AccountSync() override;

    // Continuous operation: cycles, streaming, retries.
    void start();
    void stop();
    // One cycle (verify, backfill step to the horizon, catch-up poll), then done(status). For `sync --once`.
    void runOnce(std::function<void(Status)> done);
    // Polls now (after a stream reconnect, or when the user asks).
    void syncNow();

    const AccountRecord &account() const { return m_account; }
    Channel &channel() { return *m_channel; }

signals:
    void stateChanged(const QString &accountId);
    void ingested(const QString &accountId, int items);
    void cycleFinished(const QString &accountId, bool ok);

private:
    void beginCycle();
    void nextFeed();
    void backfillStep(const QString &feed, const QString &cursor, bool firstPage);
    void pollStep(const QString &feed, const QString &cursor, int pagesLeft);
    // Hands the page to the store writer; `then` runs once it is committed (a failure ends the cycle instead).
    // Without `then` (streamed events) a failure is only logged.
    void store(const QString &feed, FeedPage page, std::optional<QString> newest, std::optional<QString> oldest,
               std::optional<bool> backfillDone, std::function<void()> then);
    void refreshCounters();
    void refreshOwnPosts();
    Status storeOwnPosts(const std::vector<OwnPost> &posts);
    void checkDeletions();
    void finishCycle();
    void fail(const Error &error);
    void setHealth(const QString &health, const QString &detail = {}, qint64 until = 0);
    void scheduleCycle(qint64 delayMs);
    void onStreamed(const FeedPage &page);

    AccountRecord m_account;
    std::unique_ptr<Channel> m_channel;
    SqliteDb &m_db;
    Ingestor &m_ingestor;
    StoreWriter &m_writer;
    QObject *m_storeReceiver;
    const Clock &m_clock;
    SyncOptions m_options;
    Backoff m_backoff;
    QTimer m_timer;
    QStringList m_feeds;
    int m_feedIndex = 0;
    bool m_running = false;
    bool m_continuous = false;
    bool m_verified = false;
    bool m_streaming = false;
    qint64 m_countersAt = 0;
    std::function<void(Status)> m_onceDone;
    Status m_lastStatus = success();
};

} // namespace sb
