#include "channels/mastodon/MastodonParse.h"

#include "channels/HtmlSanitizer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <functional>
#include <limits>

namespace sb::mastodon {

namespace {

Error shapeError(const QString &what)
{
    return makeError(ErrorKind::Permanent,
                     QCoreApplication::translate("Mastodon", "Unexpected response from the server: %1").arg(what));
}

// Ids are strings in Mastodon's API; integral numbers are accepted too, since some servers send them.
QString idOf(const QJsonValue &v)
{
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d < 9.0e15 && d == static_cast<double>(static_cast<qint64>(d))) {
            return QString::number(static_cast<qint64>(d));
        }
    }
    return {};
}

QString stringOf(const QJsonObject &o, QLatin1String key)
{
    return o.value(key).toString(); // null, missing and non-strings read as empty
}

int intOf(const QJsonObject &o, QLatin1String key, int fallback = 0)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble()) {
        return fallback;
    }
    const double d = v.toDouble();
    if (d != d) { // NaN
        return fallback;
    }
    return static_cast<int>(qBound(static_cast<double>(std::numeric_limits<int>::min()), d,
                                   static_cast<double>(std::numeric_limits<int>::max())));
}

qint64 int64Of(const QJsonObject &o, QLatin1String key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble()) {
        return 0;
    }
    const double d = v.toDouble();
    return (d > 0 && d < 9.0e18) ? static_cast<qint64>(d) : 0;
}

std::optional<Account> readAccount(const QJsonValue &v)
{
    if (!v.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Account a;
    a.id = idOf(o.value(QLatin1String("id")));
    if (a.id.isEmpty()) {
        return std::nullopt;
    }
    a.username = stringOf(o, QLatin1String("username"));
    a.acct = stringOf(o, QLatin1String("acct"));
    if (a.acct.isEmpty()) {
        a.acct = a.username;
    }
    a.displayName = stringOf(o, QLatin1String("display_name"));
    a.url = stringOf(o, QLatin1String("url"));
    for (const QLatin1String key : {QLatin1String("avatar_static"), QLatin1String("avatar")}) {
        const QUrl avatar(stringOf(o, key), QUrl::StrictMode);
        if (avatar.isValid()
            && (avatar.scheme() == QLatin1String("https") || avatar.scheme() == QLatin1String("http"))) {
            a.avatarUrl = avatar.toString();
            break;
        }
    }
    return a;
}

// The quoted status, from Mastodon 4.5's Quote / ShallowQuote or the older fork style (quote is a Status).
void readQuote(const QJsonObject &status, Status &s)
{
    const QJsonValue q = status.value(QLatin1String("quote"));
    if (q.isObject()) {
        const QJsonObject quote = q.toObject();
        const QJsonValue embedded = quote.value(QLatin1String("quoted_status"));
        if (embedded.isObject()) {
            const QJsonObject qs = embedded.toObject();
            s.quotedStatusId = idOf(qs.value(QLatin1String("id")));
            if (const auto author = readAccount(qs.value(QLatin1String("account")))) {
                s.quotedAccountId = author->id;
            }
        } else if (const QString shallow = idOf(quote.value(QLatin1String("quoted_status_id"))); !shallow.isEmpty()) {
            s.quotedStatusId = shallow;
        } else if (quote.contains(QLatin1String("account"))) {
            s.quotedStatusId = idOf(quote.value(QLatin1String("id")));
            if (const auto author = readAccount(quote.value(QLatin1String("account")))) {
                s.quotedAccountId = author->id;
            }
        }
    }
    if (s.quotedStatusId.isEmpty()) {
        s.quotedStatusId = idOf(status.value(QLatin1String("quote_id")));
    }
}

std::optional<Status> readStatus(const QJsonValue &v)
{
    if (!v.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Status s;
    s.id = idOf(o.value(QLatin1String("id")));
    s.createdAt = parseTimestamp(stringOf(o, QLatin1String("created_at")));
    auto account = readAccount(o.value(QLatin1String("account")));
    if (s.id.isEmpty() || s.createdAt <= 0 || !account) {
        return std::nullopt;
    }
    s.account = std::move(*account);
    s.editedAt = parseTimestamp(stringOf(o, QLatin1String("edited_at")));
    s.inReplyToId = idOf(o.value(QLatin1String("in_reply_to_id")));
    s.inReplyToAccountId = idOf(o.value(QLatin1String("in_reply_to_account_id")));
    s.visibility = stringOf(o, QLatin1String("visibility"));
    s.language = stringOf(o, QLatin1String("language"));
    s.url = stringOf(o, QLatin1String("url"));
    s.uri = stringOf(o, QLatin1String("uri"));
    s.content = stringOf(o, QLatin1String("content"));
    s.spoilerText = stringOf(o, QLatin1String("spoiler_text"));
    s.repliesCount = qMax(0, intOf(o, QLatin1String("replies_count")));
    s.reblogsCount = qMax(0, intOf(o, QLatin1String("reblogs_count")));
    s.favouritesCount = qMax(0, intOf(o, QLatin1String("favourites_count")));
    const QJsonArray mentions = o.value(QLatin1String("mentions")).toArray();
    for (const QJsonValue &m : mentions) {
        const QJsonObject mo = m.toObject();
        StatusMention mention {idOf(mo.value(QLatin1String("id"))), stringOf(mo, QLatin1String("username")),
                               stringOf(mo, QLatin1String("acct"))};
        if (!mention.id.isEmpty()) {
            s.mentions.push_back(std::move(mention));
        }
    }
    for (const QJsonValue &m : o.value(QLatin1String("media_attachments")).toArray()) {
        if (const QString mediaId = idOf(m.toObject().value(QLatin1String("id"))); !mediaId.isEmpty()) {
            s.mediaIds.append(mediaId);
        }
    }
    readQuote(o, s);
    const QJsonValue reblog = o.value(QLatin1String("reblog"));
    if (reblog.isObject()) {
        s.reblogOfId = idOf(reblog.toObject().value(QLatin1String("id")));
    }
    return s;
}

std::optional<Notification> readNotification(const QJsonValue &v)
{
    if (!v.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Notification n;
    n.id = idOf(o.value(QLatin1String("id")));
    n.type = stringOf(o, QLatin1String("type"));
    if (n.id.isEmpty() || n.type.isEmpty()) {
        return std::nullopt;
    }
    n.createdAt = parseTimestamp(stringOf(o, QLatin1String("created_at")));
    n.account = readAccount(o.value(QLatin1String("account")));
    const QJsonValue status = o.value(QLatin1String("status"));
    if (status.isObject()) {
        n.status = readStatus(status);
        if (!n.status) {
            return std::nullopt; // a status that is there but unreadable: skip rather than guess
        }
    }
    return n;
}

std::optional<Conversation> readConversation(const QJsonValue &v)
{
    if (!v.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    Conversation c;
    c.id = idOf(o.value(QLatin1String("id")));
    if (c.id.isEmpty()) {
        return std::nullopt;
    }
    c.unread = o.value(QLatin1String("unread")).toBool();
    const QJsonArray accounts = o.value(QLatin1String("accounts")).toArray();
    for (const QJsonValue &a : accounts) {
        if (auto account = readAccount(a)) {
            c.accounts.push_back(std::move(*account));
        }
    }
    const QJsonValue last = o.value(QLatin1String("last_status"));
    if (last.isObject()) {
        c.lastStatus = readStatus(last);
        if (!c.lastStatus) {
            return std::nullopt;
        }
    }
    return c;
}

// Notifications and statuses page by their own id; conversations by their last status's id.
QString pagingIdOf(const QJsonValue &v, bool byLastStatus)
{
    const QJsonObject o = v.toObject();
    if (byLastStatus) {
        return idOf(o.value(QLatin1String("last_status")).toObject().value(QLatin1String("id")));
    }
    return idOf(o.value(QLatin1String("id")));
}

template <typename T>
Result<EntityList<T>> readList(const QByteArray &body, const std::function<std::optional<T>(const QJsonValue &)> &read,
                               bool pageByLastStatus = false)
{
    auto doc = parseJson(body);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc.value().isArray()) {
        return shapeError(QCoreApplication::translate("Mastodon", "expected a list"));
    }
    EntityList<T> list;
    const QJsonArray array = doc.value().array();
    list.entries.reserve(static_cast<size_t>(array.size()));
    for (const QJsonValue &v : array) {
        if (auto entry = read(v)) {
            list.entries.push_back(std::move(*entry));
        } else {
            ++list.skipped;
        }
        const QString id = pagingIdOf(v, pageByLastStatus);
        if (id.isEmpty()) {
            continue;
        }
        if (list.newestId.isEmpty() || compareIds(id, list.newestId) > 0) {
            list.newestId = id;
        }
        if (list.oldestId.isEmpty() || compareIds(id, list.oldestId) < 0) {
            list.oldestId = id;
        }
    }
    return list;
}

template <typename T>
Result<T> readOne(const QByteArray &body, const std::function<std::optional<T>(const QJsonValue &)> &read,
                  const QString &what)
{
    auto doc = parseJson(body);
    if (!doc.ok()) {
        return doc.error();
    }
    if (!doc.value().isObject()) {
        return shapeError(what);
    }
    if (auto value = read(QJsonValue(doc.value().object()))) {
        return std::move(*value);
    }
    return shapeError(what);
}

bool isDigits(const QString &s)
{
    if (s.isEmpty()) {
        return false;
    }
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return false;
        }
    }
    return true;
}

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

Result<QJsonDocument> parseJson(const QByteArray &body, qsizetype maxBytes)
{
    if (body.size() > maxBytes) {
        return makeError(ErrorKind::Permanent,
                         QCoreApplication::translate("Mastodon", "The server's response is too large (%1 MB).")
                             .arg(body.size() / (1024 * 1024)));
    }
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String) {
        return makeError(ErrorKind::Transient,
                         QCoreApplication::translate("Mastodon", "The server's response is not valid UTF-8."));
    }
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(ErrorKind::Transient,
                         QCoreApplication::translate("Mastodon", "The server's response is not valid JSON (%1 at %2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    }
    return doc;
}

Result<Account> parseAccount(const QByteArray &body)
{
    return readOne<Account>(body, readAccount, QCoreApplication::translate("Mastodon", "not an account"));
}

Result<Status> parseStatus(const QByteArray &body)
{
    return readOne<Status>(body, readStatus, QCoreApplication::translate("Mastodon", "not a status"));
}

Result<StatusList> parseStatuses(const QByteArray &body)
{
    return readList<Status>(body, readStatus);
}

Result<Notification> parseNotification(const QByteArray &body)
{
    return readOne<Notification>(body, readNotification, QCoreApplication::translate("Mastodon", "not a notification"));
}

Result<NotificationList> parseNotifications(const QByteArray &body)
{
    return readList<Notification>(body, readNotification);
}

Result<Conversation> parseConversation(const QByteArray &body)
{
    return readOne<Conversation>(body, readConversation, QCoreApplication::translate("Mastodon", "not a conversation"));
}

Result<ConversationList> parseConversations(const QByteArray &body)
{
    return readList<Conversation>(body, readConversation, true);
}

Result<Context> parseContext(const QByteArray &body)
{
    auto doc = parseJson(body);
    if (!doc.ok()) {
        return doc.error();
    }
    const QJsonObject o = doc.value().object();
    const QJsonValue ancestors = o.value(QLatin1String("ancestors"));
    const QJsonValue descendants = o.value(QLatin1String("descendants"));
    if (!doc.value().isObject() || !ancestors.isArray() || !descendants.isArray()) {
        return shapeError(QCoreApplication::translate("Mastodon", "not a thread context"));
    }
    Context context;
    for (const QJsonValue &v : ancestors.toArray()) {
        if (auto s = readStatus(v)) {
            context.ancestors.push_back(std::move(*s));
        } else {
            ++context.skipped;
        }
    }
    for (const QJsonValue &v : descendants.toArray()) {
        if (auto s = readStatus(v)) {
            context.descendants.push_back(std::move(*s));
        } else {
            ++context.skipped;
        }
    }
    return context;
}

Result<InstanceInfo> parseInstance(const QByteArray &body)
{
    auto doc = parseJson(body);
    if (!doc.ok()) {
        return doc.error();
    }
    const QJsonObject o = doc.value().object();
    InstanceInfo info;
    info.version = stringOf(o, QLatin1String("version"));
    const QJsonObject config = o.value(QLatin1String("configuration")).toObject();
    const QJsonObject statuses = config.value(QLatin1String("statuses")).toObject();
    const QJsonObject media = config.value(QLatin1String("media_attachments")).toObject();
    QString streaming;
    if (o.value(QLatin1String("domain")).isString()) { // v2
        info.domain = stringOf(o, QLatin1String("domain"));
        streaming = config.value(QLatin1String("urls")).toObject().value(QLatin1String("streaming")).toString();
    } else if (o.value(QLatin1String("uri")).isString()) { // v1
        info.domain = stringOf(o, QLatin1String("uri"));
        streaming = o.value(QLatin1String("urls")).toObject().value(QLatin1String("streaming_api")).toString();
        info.maxCharacters = intOf(o, QLatin1String("max_toot_chars"), info.maxCharacters);
    }
    if (!doc.value().isObject() || info.domain.isEmpty()) {
        return shapeError(QCoreApplication::translate("Mastodon", "not an instance description"));
    }
    // Absent or nonsensical limits keep Mastodon's defaults.
    if (const int max = intOf(statuses, QLatin1String("max_characters")); max > 0) {
        info.maxCharacters = max;
    }
    if (const int perUrl = intOf(statuses, QLatin1String("characters_reserved_per_url"), -1); perUrl >= 0) {
        info.charactersReservedPerUrl = perUrl;
    }
    if (const int maxMedia = intOf(statuses, QLatin1String("max_media_attachments")); maxMedia > 0) {
        info.maxMediaAttachments = maxMedia;
    }
    info.imageSizeLimit = int64Of(media, QLatin1String("image_size_limit"));
    info.videoSizeLimit = int64Of(media, QLatin1String("video_size_limit"));
    info.descriptionLimit = qMax(0, intOf(media, QLatin1String("description_limit")));
    for (const QJsonValue &mime : media.value(QLatin1String("supported_mime_types")).toArray()) {
        if (mime.isString()) {
            info.supportedMimeTypes.append(mime.toString());
        }
    }
    const QUrl streamingUrl(streaming, QUrl::StrictMode);
    const QString scheme = streamingUrl.scheme();
    if (streamingUrl.isValid() && !streamingUrl.host().isEmpty()
        && (scheme == QLatin1String("wss") || scheme == QLatin1String("ws") || scheme == QLatin1String("https")
            || scheme == QLatin1String("http"))) {
        info.streamingUrl = streamingUrl;
    }
    return info;
}

Result<MediaAttachment> parseMediaAttachment(const QByteArray &body)
{
    return readOne<MediaAttachment>(
        body,
        [](const QJsonValue &v) -> std::optional<MediaAttachment> {
            const QJsonObject o = v.toObject();
            MediaAttachment m {idOf(o.value(QLatin1String("id"))), stringOf(o, QLatin1String("type")),
                               stringOf(o, QLatin1String("url")), stringOf(o, QLatin1String("description"))};
            if (m.id.isEmpty()) {
                return std::nullopt;
            }
            return m;
        },
        QCoreApplication::translate("Mastodon", "not a media attachment"));
}

Result<AppRegistration> parseAppRegistration(const QByteArray &body)
{
    return readOne<AppRegistration>(
        body,
        [](const QJsonValue &v) -> std::optional<AppRegistration> {
            const QJsonObject o = v.toObject();
            AppRegistration app {
                stringOf(o, QLatin1String("client_id")), stringOf(o, QLatin1String("client_secret")), {}};
            for (const QJsonValue &uri : o.value(QLatin1String("redirect_uris")).toArray()) {
                if (uri.isString()) {
                    app.redirectUris.append(uri.toString());
                }
            }
            if (app.redirectUris.isEmpty()) { // before 4.3: one string, several URIs separated by newlines
                app.redirectUris
                    = stringOf(o, QLatin1String("redirect_uri")).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            }
            if (app.clientId.isEmpty() || app.clientSecret.isEmpty()) {
                return std::nullopt;
            }
            return app;
        },
        QCoreApplication::translate("Mastodon", "not an application registration"));
}

Result<AccessToken> parseAccessToken(const QByteArray &body)
{
    return readOne<AccessToken>(
        body,
        [](const QJsonValue &v) -> std::optional<AccessToken> {
            const QJsonObject o = v.toObject();
            AccessToken t {stringOf(o, QLatin1String("access_token")), stringOf(o, QLatin1String("token_type")),
                           stringOf(o, QLatin1String("scope")), int64Of(o, QLatin1String("created_at")) * 1000};
            if (t.accessToken.isEmpty()) {
                return std::nullopt;
            }
            return t;
        },
        QCoreApplication::translate("Mastodon", "not an access token"));
}

Result<StreamEvent> parseStreamEvent(const QByteArray &frame)
{
    auto doc = parseJson(frame);
    if (!doc.ok()) {
        return doc.error();
    }
    const QJsonObject o = doc.value().object();
    StreamEvent e;
    e.event = stringOf(o, QLatin1String("event"));
    if (!doc.value().isObject() || e.event.isEmpty()) {
        return shapeError(QCoreApplication::translate("Mastodon", "not a streaming event"));
    }
    const QJsonValue stream = o.value(QLatin1String("stream"));
    if (stream.isArray()) {
        for (const QJsonValue &s : stream.toArray()) {
            e.stream.append(s.toString());
        }
    } else if (stream.isString()) {
        e.stream.append(stream.toString());
    }
    // The payload is a JSON document inside a string; tolerate servers that embed it directly.
    const QJsonValue payload = o.value(QLatin1String("payload"));
    if (payload.isString()) {
        e.payload = payload.toString().toUtf8();
    } else if (payload.isObject()) {
        e.payload = QJsonDocument(payload.toObject()).toJson(QJsonDocument::Compact);
    } else if (payload.isArray()) {
        e.payload = QJsonDocument(payload.toArray()).toJson(QJsonDocument::Compact);
    } else if (payload.isDouble()) {
        e.payload = idOf(payload).toUtf8();
    }
    return e;
}

PageLinks parseLinkHeader(const QByteArray &value)
{
    PageLinks links;
    const QString header = QString::fromUtf8(value.left(16 * 1024));
    qsizetype pos = 0;
    while (pos < header.size()) {
        const qsizetype open = header.indexOf(QLatin1Char('<'), pos);
        if (open < 0) {
            break;
        }
        const qsizetype close = header.indexOf(QLatin1Char('>'), open + 1);
        if (close < 0) {
            break;
        }
        const QUrl url(header.mid(open + 1, close - open - 1));
        qsizetype end = header.indexOf(QLatin1Char('<'), close + 1);
        if (end < 0) {
            end = header.size();
        }
        // Parameters up to the next link: `; rel="next"` or `; rel=prev` (RFC 8288 allows several rels).
        const QStringList params = header.mid(close + 1, end - close - 1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &param : params) {
            const qsizetype eq = param.indexOf(QLatin1Char('='));
            if (eq < 0 || param.left(eq).trimmed().compare(QLatin1String("rel"), Qt::CaseInsensitive) != 0) {
                continue;
            }
            QString rels = param.mid(eq + 1).trimmed();
            while (rels.endsWith(QLatin1Char(','))) {
                rels.chop(1);
            }
            rels.remove(QLatin1Char('"'));
            const QStringList relList = rels.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (relList.contains(QLatin1String("next"), Qt::CaseInsensitive) && url.isValid()) {
                links.next = url;
                links.nextMaxId = queryValue(url, QStringLiteral("max_id"));
            }
            if (relList.contains(QLatin1String("prev"), Qt::CaseInsensitive) && url.isValid()) {
                links.prev = url;
                links.prevMinId = queryValue(url, QStringLiteral("min_id"));
                if (links.prevMinId.isEmpty()) {
                    links.prevMinId = queryValue(url, QStringLiteral("since_id"));
                }
            }
        }
        pos = end;
    }
    return links;
}

QDateTime parseRateLimitReset(const QByteArray &value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value.trimmed().left(64));
    if (text.isEmpty()) {
        return {};
    }
    if (isDigits(text)) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (!ok) {
            return {};
        }
        return n > 1'000'000'000 ? QDateTime::fromSecsSinceEpoch(n, Qt::UTC) : now.addSecs(n).toUTC();
    }
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime) { // a time without a zone is not a reset time we trust
        return {};
    }
    return at.toUTC();
}

RateLimit parseRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset,
                         const QDateTime &now)
{
    RateLimit r;
    bool ok = false;
    if (const int l = limit.trimmed().toInt(&ok); ok && l >= 0) {
        r.limit = l;
    }
    if (const int rem = remaining.trimmed().toInt(&ok); ok && rem >= 0) {
        r.remaining = rem;
    }
    r.reset = parseRateLimitReset(reset, now);
    return r;
}

QString parseErrorMessage(const QByteArray &body)
{
    constexpr qsizetype kMaxMessage = 200;
    const QByteArray head = body.left(64 * 1024);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(head, &parseError);
    QString message;
    if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
        const QJsonObject o = doc.object();
        message = stringOf(o, QLatin1String("error"));
        if (const QString details = stringOf(o, QLatin1String("error_description")); !details.isEmpty()) {
            message += (message.isEmpty() ? QString() : QStringLiteral(": ")) + details;
        }
    } else {
        QString text = QString::fromUtf8(head.left(4 * 1024));
        message = text.trimmed().startsWith(QLatin1Char('<')) ? Html::toPlainText(text) : text;
    }
    // Remote text ends up in logs and status bars: keep it short and free of control characters.
    for (QChar &c : message) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            c = QLatin1Char(' ');
        }
    }
    message = message.simplified();
    if (message.size() > kMaxMessage) {
        message = message.left(kMaxMessage - 1) + QChar(0x2026);
    }
    return message;
}

int compareIds(const QString &a, const QString &b)
{
    if (isDigits(a) && isDigits(b)) {
        if (a.size() != b.size()) {
            return a.size() < b.size() ? -1 : 1;
        }
        return a.compare(b);
    }
    return a.compare(b);
}

bool isSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64) {
        return false;
    }
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_'
            || u == u'-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

qint64 parseTimestamp(const QString &value)
{
    if (value.isEmpty() || value.size() > 64) {
        return 0;
    }
    QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!at.isValid()) {
        return 0;
    }
    if (at.timeSpec() == Qt::LocalTime) { // the API always sends UTC; never read a zoneless time as local
        at.setTimeSpec(Qt::UTC);
    }
    return at.toMSecsSinceEpoch();
}

} // namespace sb::mastodon
