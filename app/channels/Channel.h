#pragma once

#include "core/Result.h"
#include "store/Ingest.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace sb {

// What a network allows, so the composer counts and validates by that network's rules.
struct ChannelCapabilities {
    int maxCharacters = 500;
    int urlWeight = -1; // characters a URL counts for; -1: as written (Mastodon counts every URL as 23)
    bool countsGraphemes = false; // Bluesky counts grapheme clusters
    int maxMediaPerPost = 4;
    qint64 maxImageBytes = 16 * 1024 * 1024;
    bool supportsStreaming = false;
    bool supportsServerScheduling = false;
    bool supportsIdempotencyKey = false; // Mastodon: Idempotency-Key header
    bool supportsClientChosenKey = false; // Bluesky: client-chosen record key
};

// The signed-in identity of an account on its network.
struct ChannelIdentity {
    QString remoteId;
    QString handle;
    QString displayName;
    QString serviceUrl;
};

// One page of a feed. Cursors are opaque to the sync engine: it stores them and hands them back.
struct FeedPage {
    std::vector<IncomingItem> items;
    QStringList deletedRemoteIds;
    QString newestCursor; // resume "poll newer" from here; empty when the page was empty
    QString olderCursor; // continue "backfill older" from here; empty when there is nothing older
    qint64 oldestItemAtMs = 0;
};

struct MediaUpload {
    QString localPath;
    QString mimeType;
    QString altText;
};

struct PublishRequest {
    QString text;
    QString inReplyToRemoteId; // a reply is a publish with a parent
    QString visibility; // public, unlisted, private, direct (network-specific mapping)
    QString spoilerText;
    QString language;
    QStringList mediaIds; // from uploadMedia
    QString idempotencyKey; // chosen and stored before the first attempt
    QString recordKey; // networks with client-chosen record keys (Bluesky): a TID, also stored before the first try
};

struct PublishResult {
    QString remoteId;
    QString url;
    std::optional<IncomingItem> item; // the published message as an item, when the network returned it
};

struct ItemCounters {
    QString remoteId;
    int likes = 0;
    int reposts = 0;
    int replies = 0;
};

// A post the account itself made (advocacy: an employee's own account), with its counters.
struct OwnPost {
    QString remoteId;
    qint64 createdAt = 0;
    QString url;
    QString text; // plain text
    int likes = 0;
    int reposts = 0;
    int replies = 0;
};

// A network's API, asynchronous on the thread it lives on. Every callback is called exactly once, with a value
// or a typed error: AuthExpired, RateLimited (Error::retryAt), Transient, Permanent, Duplicate, MaybeCommitted.
class Channel : public QObject {
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    using QObject::QObject;
    ~Channel() override = default;

    virtual ChannelCapabilities capabilities() const = 0;

    // Checks the stored credentials (refreshing them when the network supports it) and returns who we are.
    virtual void verify(Callback<ChannelIdentity> done) = 0;
    // Items newer than the cursor (empty cursor: the newest page). Feeds are network-specific names.
    virtual void pollNewer(const QString &feed, const QString &cursor, Callback<FeedPage> done) = 0;
    // Items older than the cursor, for the first-connect backfill.
    virtual void backfillOlder(const QString &feed, const QString &cursor, Callback<FeedPage> done) = 0;
    virtual QStringList feeds() const = 0;
    // The whole thread around an item (ancestors and descendants), as items.
    virtual void fetchThread(const QString &remoteId, Callback<std::vector<IncomingItem>> done) = 0;
    virtual void uploadMedia(const MediaUpload &media, Callback<QString> done) = 0;
    virtual void publish(const PublishRequest &request, Callback<PublishResult> done) = 0;
    // After a MaybeCommitted failure: did the publish with this key land? Returns the result when it did, or
    // NotFound when it surely did not (so a retry is safe).
    virtual void reconcile(const PublishRequest &request, Callback<PublishResult> done) = 0;
    virtual void fetchCounters(const QStringList &remoteIds, Callback<std::vector<ItemCounters>> done) = 0;
    // The account's own top-level posts since `sinceMs`, newest first, at most `max` (not replies, not boosts).
    // A network that cannot list them answers Permanent.
    virtual void fetchOwnPosts(qint64 sinceMs, int max, Callback<std::vector<OwnPost>> done)
    {
        Q_UNUSED(sinceMs);
        Q_UNUSED(max);
        done(Error {ErrorKind::Permanent, QStringLiteral("this network cannot list the account's own posts"), {}});
    }

    // Networks that do not report deletions (Bluesky: a deleted post just disappears) are asked, after every sync
    // cycle, which recent inbox items are gone. Answers the ids that no longer exist.
    virtual bool checksDeletions() const { return false; }
    virtual void findDeleted(const QStringList &remoteIds, Callback<QStringList> done)
    {
        Q_UNUSED(remoteIds);
        done(QStringList());
    }

    // Live updates, for networks that stream. Started and stopped by the sync engine.
    virtual void startStreaming() { }
    virtual void stopStreaming() { }

signals:
    // Streaming: new or edited items, and deletions, as they happen.
    void streamed(const sb::FeedPage &page);
    // Streaming connection state; after a reconnect the engine runs a REST poll (there is no replay).
    void streamingStateChanged(bool connected);
};

} // namespace sb
