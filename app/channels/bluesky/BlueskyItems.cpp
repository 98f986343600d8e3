#include "channels/bluesky/BlueskyItems.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextBoundaryFinder>

namespace sb::bluesky {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Bluesky", text);
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// UTF-8 length of text[0, index).
qsizetype utf8Offset(const QString &text, qsizetype index)
{
    return QStringView(text).left(index).toUtf8().size();
}

QJsonObject facet(const QString &text, qsizetype start, qsizetype end, const QJsonObject &feature)
{
    return QJsonObject {{QStringLiteral("index"),
                         QJsonObject {{QStringLiteral("byteStart"), utf8Offset(text, start)},
                                      {QStringLiteral("byteEnd"), utf8Offset(text, end)}}},
                        {QStringLiteral("features"), QJsonArray {feature}}};
}

bool isTrailingPunctuation(QChar c)
{
    return QStringLiteral(".,;:!?'\")]}").contains(c);
}

// A handle: labels of letters, digits and hyphens joined by dots, at least two labels, the last not numeric.
bool isHandle(const QString &h)
{
    static const QRegularExpression re(
        QStringLiteral("^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$"));
    return h.size() <= 253 && re.match(h).hasMatch();
}

} // namespace

QJsonObject StrongRef::toJson() const
{
    return QJsonObject {{QStringLiteral("uri"), uri}, {QStringLiteral("cid"), cid}};
}

Author parseAuthor(const QJsonObject &o)
{
    Author a;
    a.did = str(o, "did");
    a.handle = str(o, "handle");
    a.displayName = str(o, "displayName").left(200);
    a.avatar = str(o, "avatar");
    return a;
}

qint64 parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        t = QDateTime::fromString(text, Qt::ISODate);
    }
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

std::optional<PostView> parsePostView(const QJsonObject &o)
{
    PostView p;
    p.uri = str(o, "uri");
    p.cid = str(o, "cid");
    p.author = parseAuthor(o.value(QStringLiteral("author")).toObject());
    p.record = o.value(QStringLiteral("record")).toObject();
    if (!p.uri.startsWith(QLatin1String("at://")) || p.cid.isEmpty() || p.author.did.isEmpty()) {
        return std::nullopt;
    }
    p.indexedAt = parseTime(str(o, "indexedAt"));
    p.likes = o.value(QStringLiteral("likeCount")).toInt();
    p.reposts = o.value(QStringLiteral("repostCount")).toInt();
    p.replies = o.value(QStringLiteral("replyCount")).toInt();
    p.quotes = o.value(QStringLiteral("quoteCount")).toInt();
    return p;
}

std::vector<PostView> parsePostViews(const QJsonArray &array)
{
    std::vector<PostView> out;
    out.reserve(size_t(array.size()));
    for (const QJsonValue &v : array) {
        if (auto p = parsePostView(v.toObject())) {
            out.push_back(std::move(*p));
        }
    }
    return out;
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(ErrorKind::Permanent,
                         tr("The server sent an answer that is not valid JSON (%1).")
                             .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object")));
    }
    return doc.object();
}

Result<NotificationPage> parseNotifications(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object.ok()) {
        return object.error();
    }
    const QJsonValue list = object.value().value(QStringLiteral("notifications"));
    if (!list.isArray()) {
        return makeError(ErrorKind::Permanent, tr("The server's notification list could not be read."));
    }
    NotificationPage page;
    page.cursor = object.value().value(QStringLiteral("cursor")).toString();
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        Notification n;
        n.uri = str(o, "uri");
        n.cid = str(o, "cid");
        n.author = parseAuthor(o.value(QStringLiteral("author")).toObject());
        n.reason = str(o, "reason");
        n.reasonSubject = str(o, "reasonSubject");
        n.record = o.value(QStringLiteral("record")).toObject();
        n.indexedAt = parseTime(str(o, "indexedAt"));
        if (n.uri.isEmpty() || n.author.did.isEmpty() || n.indexedAt == 0) {
            continue; // unreadable: skipped, paging goes on
        }
        page.notifications.push_back(std::move(n));
    }
    return page;
}

QString didOfUri(const QString &uri)
{
    if (!uri.startsWith(QLatin1String("at://"))) {
        return {};
    }
    return uri.mid(5).section(QLatin1Char('/'), 0, 0);
}

QString rkeyOfUri(const QString &uri)
{
    if (!uri.startsWith(QLatin1String("at://"))) {
        return {};
    }
    return uri.mid(5).section(QLatin1Char('/'), 2, 2);
}

QString postUri(const QString &did, const QString &rkey)
{
    return QStringLiteral("at://") + did + QLatin1Char('/') + kPostCollection + QLatin1Char('/') + rkey;
}

QString postWebUrl(const QString &handleOrDid, const QString &uri)
{
    const QString rkey = rkeyOfUri(uri);
    if (handleOrDid.isEmpty() || rkey.isEmpty()) {
        return {};
    }
    const QString who = handleOrDid.startsWith(QLatin1Char('@')) ? handleOrDid.mid(1) : handleOrDid;
    return QStringLiteral("https://bsky.app/profile/") + who + QStringLiteral("/post/") + rkey;
}

QString markerOf(const Notification &n)
{
    return QDateTime::fromMSecsSinceEpoch(n.indexedAt, Qt::UTC).toString(Qt::ISODateWithMs) + QLatin1Char('|') + n.uri;
}

bool seenBy(const Notification &n, const QString &marker)
{
    if (marker.isEmpty()) {
        return false;
    }
    return markerOf(n) <= marker;
}

qint64 markerTime(const QString &marker)
{
    return marker.isEmpty() ? 0 : parseTime(marker.section(QLatin1Char('|'), 0, 0));
}

QString displayHandle(const QString &handle)
{
    return handle.startsWith(QLatin1Char('@')) ? handle : QLatin1Char('@') + handle;
}

StrongRef replyRoot(const QJsonObject &record)
{
    const QJsonObject root = record.value(QStringLiteral("reply")).toObject().value(QStringLiteral("root")).toObject();
    return {str(root, "uri"), str(root, "cid")};
}

StrongRef replyParent(const QJsonObject &record)
{
    const QJsonObject parent
        = record.value(QStringLiteral("reply")).toObject().value(QStringLiteral("parent")).toObject();
    return {str(parent, "uri"), str(parent, "cid")};
}

IncomingItem itemOf(const QString &uri, const Author &author, const QJsonObject &record, qint64 indexedAt,
                    const QString &selfDid, const QString &kind)
{
    IncomingItem item;
    item.remoteId = uri;
    const StrongRef root = replyRoot(record);
    const StrongRef parent = replyParent(record);
    item.threadKey = root.uri.isEmpty() ? uri : root.uri;
    item.parentRemoteId = parent.uri;
    item.kind = kind;
    item.outbound = !selfDid.isEmpty() && author.did == selfDid;
    // Post text is plain text by definition: nothing in it is markup, so nothing needs sanitizing beyond control
    // characters; the renderer escapes it.
    QString text = str(record, "text").left(10'000);
    text.remove(QChar(0));
    item.text = text;
    const QJsonArray langs = record.value(QStringLiteral("langs")).toArray();
    if (!langs.isEmpty()) {
        item.lang = langs.first().toString().left(16);
    }
    item.url = postWebUrl(author.handle.isEmpty() ? author.did : author.handle, uri);
    qint64 created = parseTime(str(record, "createdAt"));
    // A client may write any createdAt: one in the future (or missing) falls back to when the network saw it.
    if (created <= 0 || (indexedAt > 0 && created > indexedAt + 5 * 60'000)) {
        created = indexedAt;
    }
    item.createdAt = created;
    item.author.remoteId = author.did;
    item.author.handle = displayHandle(author.handle.isEmpty() ? author.did : author.handle);
    item.author.displayName = author.displayName;
    item.author.avatarUrl = author.avatar;
    return item;
}

IncomingItem itemOf(const PostView &post, const QString &selfDid)
{
    const bool reply = !replyParent(post.record).uri.isEmpty();
    IncomingItem item = itemOf(post.uri, post.author, post.record, post.indexedAt, selfDid,
                               reply ? QStringLiteral("reply") : QStringLiteral("post"));
    item.likes = post.likes;
    item.reposts = post.reposts;
    item.replies = post.replies;
    return item;
}

std::optional<IncomingItem> itemOf(const Notification &n, const QString &selfDid)
{
    QString kind;
    if (n.reason == QLatin1String("mention")) {
        kind = QStringLiteral("mention");
    } else if (n.reason == QLatin1String("reply")) {
        kind = QStringLiteral("reply");
    } else if (n.reason == QLatin1String("quote")) {
        kind = QStringLiteral("quote");
    } else {
        return std::nullopt;
    }
    if (!n.uri.contains(QLatin1String("/app.bsky.feed.post/"))) {
        return std::nullopt;
    }
    return itemOf(n.uri, n.author, n.record, n.indexedAt, selfDid, kind);
}

int graphemeCount(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    int count = 0;
    while (finder.toNextBoundary() != -1) {
        ++count;
    }
    return count;
}

QStringList mentionedHandles(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(^|[\\s(])@([a-zA-Z0-9.-]+)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString handle = it.next().captured(2);
        while (!handle.isEmpty() && (handle.endsWith(QLatin1Char('.')) || handle.endsWith(QLatin1Char('-')))) {
            handle.chop(1);
        }
        handle = handle.toLower();
        if (isHandle(handle) && !out.contains(handle)) {
            out << handle;
        }
    }
    return out;
}

QJsonArray buildFacets(const QString &text, const QHash<QString, QString> &mentionDids)
{
    QJsonArray facets;
    // Mentions of handles that resolved.
    static const QRegularExpression mention(QStringLiteral("(^|[\\s(])(@([a-zA-Z0-9.-]+))"));
    for (auto it = mention.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString handle = m.captured(3);
        qsizetype end = m.capturedEnd(2);
        while (!handle.isEmpty() && (handle.endsWith(QLatin1Char('.')) || handle.endsWith(QLatin1Char('-')))) {
            handle.chop(1);
            --end;
        }
        const QString did = mentionDids.value(handle.toLower());
        if (did.isEmpty()) {
            continue;
        }
        facets.append(facet(text, m.capturedStart(2), end,
                            QJsonObject {{QStringLiteral("$type"), QStringLiteral("app.bsky.richtext.facet#mention")},
                                         {QStringLiteral("did"), did}}));
    }
    // Links: http(s) URLs, without the punctuation that ends a sentence.
    static const QRegularExpression link(QStringLiteral("(^|[\\s(])(https?://[^\\s]+)"));
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString url = m.captured(2);
        qsizetype end = m.capturedEnd(2);
        while (!url.isEmpty() && isTrailingPunctuation(url.back())) {
            // A closing parenthesis belongs to the URL when the URL opened one.
            if (url.back() == QLatin1Char(')') && url.count(QLatin1Char('(')) >= url.count(QLatin1Char(')'))) {
                break;
            }
            url.chop(1);
            --end;
        }
        if (url.size() <= 8) {
            continue;
        }
        facets.append(facet(text, m.capturedStart(2), end,
                            QJsonObject {{QStringLiteral("$type"), QStringLiteral("app.bsky.richtext.facet#link")},
                                         {QStringLiteral("uri"), url}}));
    }
    // Hashtags: '#' then up to 64 characters that are not space, not only digits, without trailing punctuation.
    static const QRegularExpression tag(QStringLiteral("(^|\\s)([#\\x{FF03}]([^\\s#\\x{FF03}]+))"));
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString name = m.captured(3);
        qsizetype end = m.capturedEnd(2);
        while (!name.isEmpty() && (name.back().isPunct() || name.back().isSymbol())) {
            name.chop(1);
            --end;
        }
        static const QRegularExpression digitsOnly(QStringLiteral("^\\d+$"));
        if (name.isEmpty() || name.size() > 64 || digitsOnly.match(name).hasMatch()) {
            continue;
        }
        facets.append(facet(text, m.capturedStart(2), end,
                            QJsonObject {{QStringLiteral("$type"), QStringLiteral("app.bsky.richtext.facet#tag")},
                                         {QStringLiteral("tag"), name}}));
    }
    return facets;
}

ItemCounters countersOf(const PostView &post)
{
    ItemCounters c;
    c.remoteId = post.uri;
    c.likes = post.likes;
    c.reposts = post.reposts + post.quotes;
    c.replies = post.replies;
    return c;
}

} // namespace sb::bluesky
