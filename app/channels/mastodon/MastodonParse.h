#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

// Mastodon REST and streaming payloads -> plain structs, as pure functions over the raw bytes.
// Shapes follow the documented entities (docs.joinmastodon.org/entities); anything malformed becomes an Error value:
//  - not JSON at all / truncated (syntax error): Transient (a proxy page or a cut transfer; a retry may succeed)
//  - invalid UTF-8: Transient (a conforming server never sends it, so the bytes were damaged on the way)
//  - larger than kMaxJsonBytes: Permanent (the same input will always be too large)
//  - the wrong shape (wrong top-level type, a required field missing or of the wrong type): Permanent
// Inside lists, one malformed entry is skipped and counted instead of failing the page, so one odd entity never
// blocks a feed; the page's paging ids still cover it.
namespace sb::mastodon {

// Largest JSON body the parsers accept (the network layer aborts larger downloads before they are buffered).
constexpr qsizetype kMaxJsonBytes = 8 * 1024 * 1024;

struct Account {
    QString id;
    QString username;
    QString acct; // "user" for accounts on the same instance, "user@domain" for remote ones
    QString displayName;
    QString url;
    QString avatarUrl; // the static (non-animated) avatar, http(s) only
};

struct StatusMention {
    QString id;
    QString username;
    QString acct;
};

struct Status {
    QString id;
    qint64 createdAt = 0; // ms since epoch, UTC
    qint64 editedAt = 0; // 0: never edited
    QString inReplyToId;
    QString inReplyToAccountId;
    QString visibility; // public, unlisted, private, direct
    QString language;
    QString url;
    QString uri;
    QString content; // remote HTML as sent: sanitize before display
    QString spoilerText;
    Account account;
    std::vector<StatusMention> mentions;
    QStringList mediaIds; // the attachments' ids
    int repliesCount = 0;
    int reblogsCount = 0;
    int favouritesCount = 0;
    QString quotedStatusId; // the status this one quotes (Mastodon 4.5 quote / quote_id), if any
    QString quotedAccountId; // its author, when the quoted status is embedded
    QString reblogOfId; // non-empty: this is a boost wrapper around that status
};

struct Notification {
    QString id;
    QString type; // mention, status, reblog, favourite, follow, update, quote, ... (unknown types are kept as-is)
    qint64 createdAt = 0;
    std::optional<Account> account; // null or malformed accounts are tolerated
    std::optional<Status> status; // present for mention, status, reblog, favourite, update, quote, poll
};

struct Conversation {
    QString id;
    bool unread = false;
    std::vector<Account> accounts; // the other participants
    std::optional<Status> lastStatus;
};

struct Context {
    std::vector<Status> ancestors; // oldest first: ancestors.front() is the thread's root
    std::vector<Status> descendants;
    int skipped = 0;
};

// A JSON array of entities: the entries that parsed, how many did not, and the id range the page covered
// (including skipped entries, so a cursor moves past an entry this code cannot read).
template <typename T> struct EntityList {
    std::vector<T> entries;
    int skipped = 0;
    QString newestId;
    QString oldestId;
};
using NotificationList = EntityList<Notification>;
using ConversationList = EntityList<Conversation>;
using StatusList = EntityList<Status>;

struct InstanceInfo {
    QString domain;
    QString version;
    int maxCharacters = 500;
    int charactersReservedPerUrl = 23;
    int maxMediaAttachments = 4;
    qint64 imageSizeLimit = 0; // 0: not announced
    qint64 videoSizeLimit = 0;
    int descriptionLimit = 0;
    QStringList supportedMimeTypes;
    QUrl streamingUrl; // base of the streaming API (ws:// or wss://); empty: use the instance's own host
};

struct MediaAttachment {
    QString id;
    QString type;
    QString url; // empty while the server is still processing the file
    QString description;
};

struct AppRegistration {
    QString clientId;
    QString clientSecret;
    QStringList redirectUris;
};

struct AccessToken {
    QString accessToken;
    QString tokenType;
    QString scope;
    qint64 createdAt = 0; // ms since epoch
};

// One frame of the streaming API: {"stream": [...], "event": "update", "payload": "<JSON as a string>"}.
struct StreamEvent {
    QStringList stream;
    QString event;
    QByteArray payload; // the payload string as UTF-8 (a JSON document, or a bare id for "delete")
};

// rel="next" continues towards older entries (max_id), rel="prev" towards newer ones (min_id or since_id).
struct PageLinks {
    QUrl next;
    QUrl prev;
    QString nextMaxId;
    QString prevMinId; // min_id, or since_id when the server only gave that
};

struct RateLimit {
    int limit = -1;
    int remaining = -1;
    QDateTime reset; // invalid when the header was absent or unreadable
};

// Checks the size, the UTF-8 and the JSON syntax. See the top of this file for the error kinds.
Result<QJsonDocument> parseJson(const QByteArray &body, qsizetype maxBytes = kMaxJsonBytes);

Result<Account> parseAccount(const QByteArray &body);
Result<Status> parseStatus(const QByteArray &body);
Result<StatusList> parseStatuses(const QByteArray &body);
Result<Notification> parseNotification(const QByteArray &body);
Result<NotificationList> parseNotifications(const QByteArray &body);
Result<Conversation> parseConversation(const QByteArray &body);
Result<ConversationList> parseConversations(const QByteArray &body);
Result<Context> parseContext(const QByteArray &body);
// GET /api/v2/instance; the older /api/v1/instance shape is read as well, for servers before 4.0.
Result<InstanceInfo> parseInstance(const QByteArray &body);
Result<MediaAttachment> parseMediaAttachment(const QByteArray &body);
Result<AppRegistration> parseAppRegistration(const QByteArray &body);
Result<AccessToken> parseAccessToken(const QByteArray &body);
Result<StreamEvent> parseStreamEvent(const QByteArray &frame);

// The Link header of a paged response (RFC 8288), e.g. `<https://x/api/v1/notifications?max_id=7>; rel="next"`.
PageLinks parseLinkHeader(const QByteArray &value);
// X-RateLimit-Reset is an ISO 8601 time. For robustness against other servers, a bare number is read as epoch
// seconds when it is large and as seconds from `now` otherwise.
QDateTime parseRateLimitReset(const QByteArray &value, const QDateTime &now);
RateLimit parseRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset,
                         const QDateTime &now);
// The message of an error body {"error": "...", "error_description": "..."}; for anything else a short, printable
// excerpt of the body (never more than 200 characters), or an empty string.
QString parseErrorMessage(const QByteArray &body);

// Orders two status/notification ids: Mastodon's are decimal snowflakes (longer is newer); other servers use
// fixed-length sortable strings. Returns <0, 0 or >0.
int compareIds(const QString &a, const QString &b);
// True for ids that may go into a URL path: 1-64 characters of [A-Za-z0-9_-].
bool isSafeId(const QString &id);
// ISO 8601 timestamp -> ms since epoch, 0 when unreadable.
qint64 parseTimestamp(const QString &value);

} // namespace sb::mastodon
