#include "sync/AccountSync.h"

#include "core/Clock.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/StoreWriter.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSync, "switchboard.sync")

namespace sb {

namespace {
constexpr qint64 kDayMs = 86'400'000;
}

AccountSync::AccountSync(AccountRecord account, std::unique_ptr<Channel> channel, SqliteDb &db, Ingestor &ingestor,
                         StoreWriter &writer, QObject *storeReceiver, const Clock &clock, SyncOptions options,
                         QObject *parent)
    : QObject(parent), m_account(std::move(account)), m_channel(std::move(channel)), m_db(db), m_ingestor(ingestor),
      m_writer(writer), m_storeReceiver(storeReceiver), m_clock(clock), m_options(options)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AccountSync::beginCycle);
    m_feeds = m_channel->feeds();
    connect(m_channel.get(), &Channel::streamed, this, &AccountSync::onStreamed);
    connect(m_channel.get(), &Channel::streamingStateChanged, this, [this](bool connected) {
        const bool wasUp = m_streaming;
        m_streaming = connected;
        // There is no replay after a reconnect: fetch what the stream may have missed.
        if (connected && !wasUp && m_continuous && !m_running) {
            beginCycle();
        }
    });
}

AccountSync::~AccountSync()
{
    m_channel->stopStreaming();
}

void AccountSync::start()
{
    m_continuous = true;
    if (m_account.paused) {
        setHealth(Health::Paused);
        return;
    }
    beginCycle();
}

void AccountSync::stop()
{
    m_continuous = false;
    m_timer.stop();
    m_channel->stopStreaming();
}

void AccountSync::runOnce(std::function<void(Status)> done)
{
    m_onceDone = std::move(done);
    beginCycle();
}

void AccountSync::syncNow()
{
    if (!m_running) {
        m_timer.stop();
        beginCycle();
    }
}

void AccountSync::setHealth(const QString &health, const QString &detail, qint64 until)
{
    m_account.health = health;
    if (Status s = AccountStore::setHealth(m_db, m_account.id, health, detail, until); !s.ok()) {
        qCWarning(lcSync) << "cannot store health:" << s.error().message;
    }
    emit stateChanged(m_account.id);
}

void AccountSync::scheduleCycle(qint64 delayMs)
{
    if (m_continuous) {
        m_timer.start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
    }
}

void AccountSync::beginCycle()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_lastStatus = success();
    setHealth(Health::Syncing);
    if (m_verified) {
        m_feedIndex = 0;
        nextFeed();
        return;
    }
    QPointer<AccountSync> self(this);
    m_channel->verify([self](Result<ChannelIdentity> identity) {
        if (!self) {
            return;
        }
        if (!identity.ok()) {
            self->fail(identity.error());
            return;
        }
        const ChannelCapabilities caps = self->m_channel->capabilities();
        (void)AccountStore::setRemoteIdentity(self->m_db, self->m_account.id, identity.value().remoteId,
                                              identity.value().displayName, caps.maxCharacters);
        self->m_account.remoteId = identity.value().remoteId;
        self->m_verified = true;
        self->m_feedIndex = 0;
        self->nextFeed();
    });
}

void AccountSync::nextFeed()
{
    if (m_feedIndex >= m_feeds.size()) {
        refreshCounters();
        return;
    }
    const QString feed = m_feeds.at(m_feedIndex);
    const SyncCursor cursor = AccountStore::cursor(m_db, m_account.id, feed);
    if (!cursor.backfillDone) {
        backfillStep(feed, cursor.oldest, !cursor.exists || cursor.newest.isEmpty());
    } else {
        pollStep(feed, cursor.newest, m_options.maxPagesPerPoll);
    }
}

void AccountSync::store(const QString &feed, FeedPage page, std::optional<QString> newest,
                        std::optional<QString> oldest, std::optional<bool> backfillDone, std::function<void()> then)
{
    IngestBatch batch;
    batch.items = std::move(page.items);
    for (IncomingItem &item : batch.items) {
        item.accountId = m_account.id;
    }
    batch.cursors.push_back({m_account.id, feed, std::move(newest), std::move(oldest), backfillDone});
    for (const QString &gone : std::as_const(page.deletedRemoteIds)) {
        batch.deletions.push_back({m_account.id, gone});
    }
    QPointer<AccountSync> self(this);
    m_writer.submit(std::move(batch), m_storeReceiver,
                    [self, then = std::move(then)](const Result<IngestResult> &result) {
                        if (!self) {
                            return; // the account was removed meanwhile
                        }
                        if (!result.ok()) {
                            if (then) {
                                self->fail(result.error());
                            } else {
                                qCWarning(lcSync) << self->m_account.handle
                                                  << "cannot store streamed items:" << result.error().message;
                            }
                            return;
                        }
                        const IngestResult &r = result.value();
                        if (r.inserted + r.updated + r.removed > 0) {
                            emit self->ingested(self->m_account.id, r.inserted + r.updated + r.removed);
                        }
                        if (then) {
                            then();
                        }
                    });
}

void AccountSync::backfillStep(const QString &feed, const QString &cursor, bool firstPage)
{
    QPointer<AccountSync> self(this);
    m_channel->backfillOlder(feed, cursor, [self, feed, firstPage](Result<FeedPage> result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            self->fail(result.error());
            return;
        }
        FeedPage page = std::move(result).value();
        const qint64 now = self->m_clock.nowMs();
        const qint64 horizon = now - qint64(self->m_account.backfillDays) * kDayMs;
        // A page without items ends the backfill only when it read nothing at all: a network that pages through
        // likes and follows (Bluesky) hands back item-less pages that still lead further back.
        const bool done = page.olderCursor.isEmpty() || (page.items.empty() && page.oldestItemAtMs == 0)
            || (page.oldestItemAtMs > 0 && page.oldestItemAtMs < horizon);
        std::optional<QString> newest;
        if (firstPage && !page.newestCursor.isEmpty()) {
            newest = page.newestCursor; // later polls continue from the top of the first page
        }
        std::optional<QString> oldest;
        if (!page.olderCursor.isEmpty()) {
            oldest = page.olderCursor;
        }
        const qint64 oldestAt = page.oldestItemAtMs;
        const QString olderCursor = page.olderCursor;
        self->store(feed, std::move(page), newest, oldest, done, [self, feed, done, oldestAt, olderCursor, now] {
            if (oldestAt > 0 && self->m_account.backfillDays > 0) {
                const double span = double(self->m_account.backfillDays) * double(kDayMs);
                const double covered = std::clamp(double(now - oldestAt) / span, 0.0, 1.0);
                const double perFeed = 1.0 / double(std::max<qsizetype>(1, self->m_feeds.size()));
                (void)AccountStore::setProgress(self->m_db, self->m_account.id,
                                                perFeed * (double(self->m_feedIndex) + (done ? 1.0 : covered)));
                emit self->stateChanged(self->m_account.id);
            }
            if (done) {
                const SyncCursor c = AccountStore::cursor(self->m_db, self->m_account.id, feed);
                self->pollStep(feed, c.newest, self->m_options.maxPagesPerPoll);
            } else {
                self->backfillStep(feed, olderCursor, false);
            }
        });
    });
}

void AccountSync::pollStep(const QString &feed, const QString &cursor, int pagesLeft)
{
    if (pagesLeft <= 0) {
        ++m_feedIndex;
        nextFeed();
        return;
    }
    QPointer<AccountSync> self(this);
    m_channel->pollNewer(feed, cursor, [self, feed, cursor, pagesLeft](Result<FeedPage> result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            self->fail(result.error());
            return;
        }
        FeedPage page = std::move(result).value();
        const bool advanced = !page.newestCursor.isEmpty() && page.newestCursor != cursor;
        std::optional<QString> newest;
        if (advanced) {
            newest = page.newestCursor;
        }
        const bool more = advanced && !page.items.empty();
        const QString newestCursor = page.newestCursor;
        auto next = [self, feed, more, newestCursor, pagesLeft] {
            if (more) {
                self->pollStep(feed, newestCursor, pagesLeft - 1); // more may be waiting
            } else {
                ++self->m_feedIndex;
                self->nextFeed();
            }
        };
        if (!page.items.empty() || !page.deletedRemoteIds.isEmpty() || advanced) {
            self->store(feed, std::move(page), newest, std::nullopt, std::nullopt, std::move(next));
        } else {
            next();
        }
    });
}

void AccountSync::onStreamed(const FeedPage &page)
{
    store(QStringLiteral("stream"), page, std::nullopt, std::nullopt, std::nullopt, {});
}

void AccountSync::refreshCounters()
{
    const qint64 now = m_clock.nowMs();
    if (m_countersAt > 0 && now - m_countersAt < m_options.countersIntervalMs) {
        checkDeletions();
        return;
    }
    m_countersAt = now;
    // Our own replies and published posts: their likes, reposts and replies feed the engagement figures.
    QStringList ids;
    Statement &st = m_db.cached("SELECT remote_id FROM items WHERE account_id = ?1 AND direction = 'out' AND "
                                "created_at >= ?2 UNION SELECT remote_id FROM post_variants WHERE account_id = ?1 AND "
                                "remote_id IS NOT NULL AND published_at >= ?2 LIMIT ?3");
    st.bindAll(m_account.id, now - qint64(m_options.countersDays) * kDayMs, m_options.countersMax);
    while (st.next()) {
        ids << st.text(0);
    }
    st.reset();
    if (ids.isEmpty()) {
        refreshOwnPosts();
        return;
    }
    QPointer<AccountSync> self(this);
    m_channel->fetchCounters(ids, [self](Result<std::vector<ItemCounters>> result) {
        if (!self) {
            return;
        }
        if (result.ok()) {
            std::vector<Ingestor::Counts> counts;
            for (const ItemCounters &c : result.value()) {
                counts.push_back({c.remoteId, c.likes, c.reposts, c.replies});
            }
            if (Status s = self->m_ingestor.updateCounters(self->m_account.id, counts); !s.ok()) {
                qCWarning(lcSync) << "cannot store counters:" << s.error().message;
            }
        } else if (result.error().kind == ErrorKind::AuthExpired || result.error().kind == ErrorKind::RateLimited) {
            self->fail(result.error());
            return;
        }
        // Other failures only delay the counters; the sync itself went fine.
        self->refreshOwnPosts();
    });
}

// Advocacy: an account linked as an employee's own also has its own recent posts read, with their counters, so
// that posts made outside Switchboard count too (own_posts, schema v16). Failures only delay them.
void AccountSync::refreshOwnPosts()
{
    Statement &linked = m_db.cached("SELECT employee_id IS NOT NULL FROM accounts WHERE id = ?");
    linked.bind(1, m_account.id);
    const bool own = linked.next() && linked.integer(0) != 0;
    linked.reset();
    if (!own) {
        checkDeletions();
        return;
    }
    const qint64 now = m_clock.nowMs();
    QPointer<AccountSync> self(this);
    m_channel->fetchOwnPosts(now - qint64(m_options.countersDays) * kDayMs, m_options.countersMax,
                             [self](Result<std::vector<OwnPost>> result) {
                                 if (!self) {
                                     return;
                                 }
                                 if (result.ok()) {
                                     if (Status s = self->storeOwnPosts(result.value()); !s.ok()) {
                                         qCWarning(lcSync) << "cannot store own posts:" << s.error().message;
                                     }
                                 } else if (result.error().kind == ErrorKind::AuthExpired
                                            || result.error().kind == ErrorKind::RateLimited) {
                                     self->fail(result.error());
                                     return;
                                 }
                                 self->checkDeletions();
                             });
}

Status AccountSync::storeOwnPosts(const std::vector<OwnPost> &posts)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    const qint64 now = m_clock.nowMs();
    for (const OwnPost &p : posts) {
        Statement &up = m_db.cached(
            "INSERT INTO own_posts(account_id, remote_id, created_at, url, text, like_count, repost_count, "
            "reply_count, "
            "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(account_id, remote_id) DO UPDATE SET "
            "like_count = excluded.like_count, repost_count = excluded.repost_count, reply_count = "
            "excluded.reply_count, "
            "text = excluded.text, updated_at = excluded.updated_at WHERE like_count != excluded.like_count OR "
            "repost_count != excluded.repost_count OR reply_count != excluded.reply_count OR text != excluded.text");
        up.bindAll(m_account.id, p.remoteId, p.createdAt, p.url, p.text.left(2000), p.likes, p.reposts, p.replies, now);
        SB_TRY(up.exec());
    }
    return tx.commit();
}

// Networks that do not report deletions are asked which recent inbox items are gone (Bluesky: a deleted reply
// disappears without a trace in the notifications). Failures only delay the check.
void AccountSync::checkDeletions()
{
    if (!m_channel->checksDeletions()) {
        finishCycle();
        return;
    }
    QStringList ids;
    Statement &st = m_db.cached("SELECT remote_id FROM items WHERE account_id = ?1 AND direction = 'in' AND "
                                "created_at >= ?2 ORDER BY created_at DESC LIMIT ?3");
    st.bindAll(m_account.id, m_clock.nowMs() - qint64(m_options.countersDays) * kDayMs, m_options.deletionChecksMax);
    while (st.next()) {
        ids << st.text(0);
    }
    st.reset();
    if (ids.isEmpty()) {
        finishCycle();
        return;
    }
    QPointer<AccountSync> self(this);
    m_channel->findDeleted(ids, [self](Result<QStringList> result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            if (result.error().kind == ErrorKind::AuthExpired || result.error().kind == ErrorKind::RateLimited) {
                self->fail(result.error());
                return;
            }
            self->finishCycle();
            return;
        }
        if (result.value().isEmpty()) {
            self->finishCycle();
            return;
        }
        FeedPage gone;
        gone.deletedRemoteIds = result.value();
        qCInfo(lcSync) << self->m_account.handle << result.value().size() << "items deleted on the network";
        self->store(QStringLiteral("deletions"), std::move(gone), std::nullopt, std::nullopt, std::nullopt,
                    [self] { self->finishCycle(); });
    });
}

void AccountSync::finishCycle()
{
    m_running = false;
    m_backoff.reset();
    (void)AccountStore::setProgress(m_db, m_account.id, std::nullopt);
    (void)AccountStore::markSynced(m_db, m_account.id, m_clock.nowMs());
    setHealth(Health::Ok);
    emit cycleFinished(m_account.id, true);
    if (m_onceDone) {
        std::exchange(m_onceDone, {})(success());
    }
    if (m_continuous) {
        if (m_options.streaming && m_channel->capabilities().supportsStreaming && !m_streaming) {
            m_channel->startStreaming();
        }
        scheduleCycle(m_streaming ? m_options.streamingPollIntervalMs : m_options.pollIntervalMs);
    }
}

void AccountSync::fail(const Error &error)
{
    m_running = false;
    (void)AccountStore::setProgress(m_db, m_account.id, std::nullopt);
    qCInfo(lcSync) << m_account.handle << errorKindName(error.kind) << error.message;
    switch (error.kind) {
    case ErrorKind::AuthExpired:
        // Retrying cannot help: the user has to sign in again.
        m_verified = false;
        m_channel->stopStreaming();
        setHealth(Health::AuthExpired, error.message);
        m_timer.stop();
        break;
    case ErrorKind::RateLimited: {
        const qint64 until
            = error.retryAt.isValid() ? error.retryAt.toMSecsSinceEpoch() : m_clock.nowMs() + m_backoff.nextDelayMs();
        setHealth(Health::RateLimited, error.message, until);
        scheduleCycle(std::max<qint64>(0, until - m_clock.nowMs()) + m_backoff.jitterMs(5'000));
        break;
    }
    default:
        setHealth(Health::Error, error.message);
        scheduleCycle(m_backoff.nextDelayMs());
        break;
    }
    emit cycleFinished(m_account.id, false);
    if (m_onceDone) {
        std::exchange(m_onceDone, {})(Status(error));
    }
}

} // namespace sb
