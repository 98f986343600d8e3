#pragma once

#include "channels/Channel.h"
#include "channels/mastodon/MastodonApi.h"
#include "channels/mastodon/MastodonItems.h"
#include "channels/mastodon/MastodonStream.h"
#include "channels/mastodon/MastodonThreads.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <memory>

class QNetworkAccessManager;

namespace sb::mastodon {

struct MastodonChannelOptions {
    QString accountId; // the local account id copied into every item
    QUrl instanceUrl; // https://mastodon.example
    TokenProvider accessToken; // read for every request; the channel never stores or logs the token
    QString selfRemoteId; // the account's Mastodon id when already known; verify() learns it otherwise
    int timeoutMs = 30'000;
    qint64 maxResponseBytes = kMaxJsonBytes;
    int pageSize = 40; // Mastodon's maximum for notifications and conversations
    int maxReadThroughPages = 5; // pages holding only skipped entries (follows...) read through in one call
    int mediaPollFirstMs = 500;
    int mediaPollMaxMs = 5'000;
    int mediaPollTotalMs = 120'000;
    int reconcileScanPages = 3; // own recent statuses (40 a page) searched for a maybe-committed publish
    MastodonStreamOptions stream;
};

// Mastodon's REST and streaming API as a Channel. Feeds:
//  - "notifications": mentions, replies, quotes and edits addressed to the account (see MastodonItems.h for what
//    becomes an item). Cursors are notification ids; pollNewer pages forward with min_id, backfillOlder with max_id.
//  - "conversations": direct messages, one item per conversation's last status plus the earlier direct statuses of
//    its thread when they were not seen yet, all grouped by the Mastodon conversation id. Cursors are the last
//    statuses' ids, as Mastodon pages conversations.
// Items carry the thread's root status id as threadKey, resolved through /context when the root is not known yet.
class MastodonChannel final : public Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonChannel)
public:
    static inline const QString kNotificationsFeed = QStringLiteral("notifications");
    static inline const QString kConversationsFeed = QStringLiteral("conversations");

    MastodonChannel(QNetworkAccessManager *nam, MastodonChannelOptions options, QObject *parent = nullptr);
    ~MastodonChannel() override;

    ChannelCapabilities capabilities() const override;
    void verify(Callback<ChannelIdentity> done) override;
    void pollNewer(const QString &feed, const QString &cursor, Callback<FeedPage> done) override;
    void backfillOlder(const QString &feed, const QString &cursor, Callback<FeedPage> done) override;
    QStringList feeds() const override;
    void fetchThread(const QString &remoteId, Callback<std::vector<IncomingItem>> done) override;
    void uploadMedia(const MediaUpload &media, Callback<QString> done) override;
    // Replies mention their recipients: the parent's author, and for a direct reply everyone the parent mentions,
    // unless the text already does. A request without an idempotency key is refused (it could never be reconciled).
    void publish(const PublishRequest &request, Callback<PublishResult> done) override;
    // Looks for the status among the account's recent statuses; when it is not there, posts again with the same
    // Idempotency-Key, which Mastodon answers with the original status if the first attempt landed within the hour.
    // Either way exactly one status exists afterwards, and its result is returned.
    void reconcile(const PublishRequest &request, Callback<PublishResult> done) override;
    void fetchCounters(const QStringList &remoteIds, Callback<std::vector<ItemCounters>> done) override;
    void fetchOwnPosts(qint64 sinceMs, int max, Callback<std::vector<OwnPost>> done) override;
    void startStreaming() override;
    void stopStreaming() override;

    RateLimit rateLimit() const;
    const InstanceInfo &instance() const { return m_instance; }
    bool isStreamConnected() const;

private:
    enum class Direction { Newer, Older };
    struct PendingItem {
        Status status;
        QString kind;
        QString threadKey; // set when known without a lookup (DMs)
    };
    struct ItemsRun;
    struct FeedRun;

    // Errors found before any request still reach the caller later, on the event loop, like every other answer.
    template <typename T> void later(Callback<T> done, Error error)
    {
        QTimer::singleShot(0, this, [done = std::move(done), error = std::move(error)] { done(error); });
    }
    ItemContext itemContext() const;
    QString instanceDomain() const;
    void rememberStatus(const Status &status, const QString &root);

    // MastodonChannel.cpp: identity, feeds, threads, counters.
    void ensureSelf(std::function<void(std::optional<Error>)> next);
    void ownPostsPage(const QString &maxId, qint64 sinceMs, int max, int pagesLeft, std::vector<OwnPost> found,
                      Callback<std::vector<OwnPost>> done);
    void readFeed(const QString &feed, Direction direction, const QString &cursor, Callback<FeedPage> done);
    void readFeedPage(std::shared_ptr<FeedRun> run, const QString &cursor);
    void finishFeedPage(std::shared_ptr<FeedRun> run, const QString &cursor, const ApiResponse &response);
    void countersOneByOne(QStringList remaining, std::vector<ItemCounters> found,
                          Callback<std::vector<ItemCounters>> done);

    // MastodonThreads.cpp: thread roots and DM history.
    void resolveItems(std::vector<PendingItem> pending, Callback<std::vector<IncomingItem>> done);
    void resolveNext(std::shared_ptr<ItemsRun> run);
    void expandConversations(std::vector<Conversation> conversations, std::vector<PendingItem> pending, size_t next,
                             Callback<std::vector<PendingItem>> done);

    // MastodonPublish.cpp: publish, reconcile, media.
    void postStatus(const PublishRequest &request, const QString &text, Callback<PublishResult> done);
    void publishResult(const Status &status, Callback<PublishResult> done);
    void scanOwnStatuses(const PublishRequest &request, const QString &maxId, int pagesLeft,
                         Callback<std::optional<Status>> done);
    void pollMedia(const QString &id, int delayMs, qint64 deadlineMs, Callback<QString> done);

    // MastodonStreamEvents.cpp: stream frames -> items.
    void onStreamFrame(const StreamEvent &event);
    void processStreamQueue();

    QPointer<QNetworkAccessManager> m_nam;
    MastodonChannelOptions m_options;
    MastodonApi *m_api = nullptr;
    MastodonStream *m_stream = nullptr;
    ThreadIndex m_threads;
    InstanceInfo m_instance;
    bool m_instanceKnown = false;
    Account m_self;
    bool m_multiStatusUnsupported = false;
    // When each idempotency key was first sent by this process: reconcile ignores look-alikes that are older.
    QHash<QString, qint64> m_firstAttemptMs;
    std::deque<StreamEvent> m_streamQueue;
    bool m_streamBusy = false;
};

} // namespace sb::mastodon
