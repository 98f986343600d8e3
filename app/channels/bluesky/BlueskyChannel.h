#pragma once

#include "channels/Channel.h"
#include "channels/bluesky/BlueskyItems.h"
#include "channels/bluesky/BlueskyXrpc.h"

#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace sb::bluesky {

struct BlueskyChannelOptions {
    QString accountId; // the local account id copied into every item
    QUrl service; // where the account signs in: its PDS, or an entryway such as https://bsky.social
    QString identifier; // handle or DID
    QString selfDid; // when already known
    std::function<QString()> appPassword; // read when a new session is needed; never stored by the channel
    Session session; // kept from an earlier run (keychain), may be empty
    QUrl plcDirectory = QUrl(QStringLiteral("https://plc.directory"));
    int timeoutMs = 30'000;
    int pageSize = 50; // notifications per backfill page
    int pollPageSize = 100; // notifications per poll page (the API's maximum)
    int maxPollPages = 200; // pages read from the top in one poll before giving up on reaching the known newest
    qint64 lateWindowMs = 30 * 60'000; // how far below the newest seen notification a poll reads on (latecomers)
    int maxReadThroughPages = 5; // backfill pages without any item (likes, follows) read through in one call
    int ownPostsPages = 3;
};

// Resolves a handle or DID to the DID and the PDS serving it: handle -> DID with com.atproto.identity.resolveHandle
// at `service`; DID -> DID document from the PLC directory (did:plc) or /.well-known/did.json (did:web); the
// document's #atproto_pds service is the PDS.
struct Identity {
    QString did;
    QUrl pds;
};

// Bluesky (AT Protocol) as a Channel. One feed, "notifications": listNotifications pages backward from the newest,
// so a poll reads from the top until it meets the newest notification already seen (the cursor Switchboard keeps
// is that notification's "indexedAt|uri"), and a backfill pages backward with the API's own cursor. Posts are
// written with a client-chosen record key (the job's TID), so a resend collides and reconcile finds the post.
class BlueskyChannel final : public Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlueskyChannel)
public:
    static inline const QString kNotificationsFeed = QStringLiteral("notifications");

    BlueskyChannel(QNetworkAccessManager *nam, BlueskyChannelOptions options, QObject *parent = nullptr);
    ~BlueskyChannel() override;

    ChannelCapabilities capabilities() const override;
    void verify(Callback<ChannelIdentity> done) override;
    void pollNewer(const QString &feed, const QString &cursor, Callback<FeedPage> done) override;
    void backfillOlder(const QString &feed, const QString &cursor, Callback<FeedPage> done) override;
    QStringList feeds() const override;
    void fetchThread(const QString &remoteId, Callback<std::vector<IncomingItem>> done) override;
    void uploadMedia(const MediaUpload &media, Callback<QString> done) override;
    // A reply carries strong refs to its parent and its thread's root (read fresh from the network); mentions,
    // links and hashtags become facets. A request without a TID record key is refused.
    void publish(const PublishRequest &request, Callback<PublishResult> done) override;
    // The post at the request's record key, when it exists; NotFound when it surely does not.
    void reconcile(const PublishRequest &request, Callback<PublishResult> done) override;
    void fetchCounters(const QStringList &remoteIds, Callback<std::vector<ItemCounters>> done) override;
    void fetchOwnPosts(qint64 sinceMs, int max, Callback<std::vector<OwnPost>> done) override;
    bool checksDeletions() const override { return true; }
    void findDeleted(const QStringList &remoteIds, Callback<QStringList> done) override;

    XrpcRateLimit rateLimit() const;
    // For tests and diagnostics: the session in use (secret).
    const Session &session() const;

    // Resolution, also used by the sign-in before an account exists.
    static void resolveIdentity(XrpcClient *client, const QUrl &service, const QUrl &plcDirectory,
                                const QString &identifier, std::function<void(Result<Identity>)> done);

signals:
    // A new or refreshed session: the owner keeps it in the keychain.
    void sessionChanged(const sb::bluesky::Session &session);

private:
    struct PollRun;
    template <typename T> void later(Callback<T> done, Error error)
    {
        QTimer::singleShot(0, this, [done = std::move(done), error = std::move(error)] { done(error); });
    }
    QString selfDid() const;
    // Makes sure the PDS is known and a session exists, then runs `next` (or fails it).
    void ready(std::function<void(std::optional<Error>)> next);
    void signIn(std::function<void(Result<Session>)> done);

    // BlueskyChannel.cpp: reading.
    // One page of app.bsky.notification.listNotifications, parsed.
    void listNotifications(int limit, const QString &apiCursor, Callback<NotificationPage> done);
    void pollPage(std::shared_ptr<PollRun> run, const QString &apiCursor);
    void backfillPage(std::shared_ptr<PollRun> run, const QString &apiCursor);
    // Items of the notifications, plus our own posts they reply to (so a thread shows what was answered).
    void finishItems(std::vector<Notification> notifications, std::function<void(Result<FeedPage>)> done,
                     FeedPage page);
    void getPosts(const QStringList &uris, Callback<std::vector<PostView>> done);
    void getPostsBatch(QStringList remaining, std::vector<PostView> found, Callback<std::vector<PostView>> done);
    void markSeen(qint64 indexedAt);
    void confirmDeleted(QStringList candidates, QStringList gone, Callback<QStringList> done);

    // BlueskyPublish.cpp: writing.
    void resolveMentions(QStringList handles, QHash<QString, QString> found,
                         std::function<void(QHash<QString, QString>)> done);
    void createPost(const PublishRequest &request, QJsonObject record, Callback<PublishResult> done);
    PublishResult resultFor(const QString &uri, const QJsonObject &record) const;

    BlueskyChannelOptions m_options;
    XrpcClient *m_client = nullptr;
    QString m_handle;
    QSet<QString> m_contextSent; // our posts already sent along as thread context by this process
    std::vector<std::function<void(std::optional<Error>)>> m_readyWaiters; // for the sign-in under way
};

} // namespace sb::bluesky
