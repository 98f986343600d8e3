#pragma once

#include "channels/Channel.h"
#include "store/Ingest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

// Bluesky (AT Protocol) answers -> the items every connector produces, and the text rules of a post. Pure functions.
//
// What becomes an item: notifications with reason mention, reply and quote carry the post that becomes an inbox
// item. like and repost notifications name one of our posts (its counters are read with the other counters);
// follow and reasons this code does not know are skipped. A reply is filed under its thread's root (record.reply.root),
// a mention or quote starts a thread of its own.
namespace sb::bluesky {

inline const QString kPostCollection = QStringLiteral("app.bsky.feed.post");
constexpr int kMaxGraphemes = 300;
constexpr int kMaxTextBytes = 3000; // the lexicon's other limit on a post's text (UTF-8)
constexpr qint64 kMaxImageBytes = 1'000'000;

struct Author {
    QString did;
    QString handle;
    QString displayName;
    QString avatar;
};

struct StrongRef {
    QString uri;
    QString cid;
    bool valid() const { return !uri.isEmpty() && !cid.isEmpty(); }
    QJsonObject toJson() const;
};

// app.bsky.feed.defs#postView, the parts Switchboard uses.
struct PostView {
    QString uri;
    QString cid;
    Author author;
    QJsonObject record;
    qint64 indexedAt = 0;
    int likes = 0;
    int reposts = 0;
    int replies = 0;
    int quotes = 0;
};

// app.bsky.notification.listNotifications#notification.
struct Notification {
    QString uri;
    QString cid;
    Author author;
    QString reason;
    QString reasonSubject;
    QJsonObject record;
    qint64 indexedAt = 0;
};

struct NotificationPage {
    std::vector<Notification> notifications;
    QString cursor;
};

Author parseAuthor(const QJsonObject &o);
std::optional<PostView> parsePostView(const QJsonObject &o);
// Every readable post view of an array; malformed entries are skipped.
std::vector<PostView> parsePostViews(const QJsonArray &array);
Result<QJsonObject> parseObject(const QByteArray &body);
Result<NotificationPage> parseNotifications(const QByteArray &body);

// at://did/collection/rkey parts.
QString didOfUri(const QString &uri);
QString rkeyOfUri(const QString &uri);
QString postUri(const QString &did, const QString &rkey);
// The post's address in the Bluesky web app.
QString postWebUrl(const QString &handleOrDid, const QString &uri);
// ISO 8601 (with or without fractions / offset) -> ms since the epoch; 0 when unreadable.
qint64 parseTime(const QString &text);

// The notification cursor Switchboard keeps: the newest notification seen, as "indexedAt|uri" (sorts by time).
QString markerOf(const Notification &n);
// True when `n` is at or before the marker (already seen).
bool seenBy(const Notification &n, const QString &marker);
// The time of a marker, ms since the epoch (0 for none).
qint64 markerTime(const QString &marker);

// "@handle" shown for a Bluesky author.
QString displayHandle(const QString &handle);

// The record's reply refs: root and parent (empty when the post is not a reply).
StrongRef replyRoot(const QJsonObject &record);
StrongRef replyParent(const QJsonObject &record);

// A post as an item. `kind` as the inbox knows it (mention, reply, quote, post).
IncomingItem itemOf(const QString &uri, const Author &author, const QJsonObject &record, qint64 indexedAt,
                    const QString &selfDid, const QString &kind);
IncomingItem itemOf(const PostView &post, const QString &selfDid);
// What a notification becomes: an item (mention, reply, quote) or nothing.
std::optional<IncomingItem> itemOf(const Notification &n, const QString &selfDid);

// Text rules: Bluesky counts grapheme clusters (300 per post).
int graphemeCount(const QString &text);

// Rich-text facets with UTF-8 byte offsets: links (http/https), hashtags, and mentions of the handles in
// `mentionDids` (handle without "@" -> DID; a mention whose handle did not resolve stays plain text).
QJsonArray buildFacets(const QString &text, const QHash<QString, QString> &mentionDids);
// The handles "@name.domain" mentioned in the text (without "@"), in order, without repeats.
QStringList mentionedHandles(const QString &text);

// The counters of a post view.
ItemCounters countersOf(const PostView &post);

} // namespace sb::bluesky
