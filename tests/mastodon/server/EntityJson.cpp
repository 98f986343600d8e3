#include "EntityJson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue idOrNull(qint64 id)
{
    return id == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::number(id));
}

QJsonObject approval(const QJsonArray &automatic, const QString &currentUser)
{
    return {{u"automatic"_s, automatic}, {u"manual"_s, QJsonArray()}, {u"current_user"_s, currentUser}};
}

QJsonObject metaSize(int width, int height)
{
    return {{u"width"_s, width},
            {u"height"_s, height},
            {u"size"_s, QString(QString::number(width) + u'x' + QString::number(height))},
            {u"aspect"_s, height == 0 ? 1.0 : static_cast<double>(width) / height}};
}
} // namespace

QString EntityJson::timestamp(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject EntityJson::account(const Account &a) const
{
    const std::optional<QDateTime> last = m_state.lastStatusAt(a.id);
    const QString avatar = m_urls.avatarUrl(a);
    return {
        {u"id"_s, QString::number(a.id)},
        {u"username"_s, a.username},
        {u"acct"_s, a.isLocal() ? a.username : QString(a.username + u'@' + a.domain)},
        {u"display_name"_s, a.displayName},
        {u"locked"_s, a.locked},
        {u"bot"_s, a.bot},
        {u"discoverable"_s, a.isLocal() ? QJsonValue(QJsonValue::Null) : QJsonValue(true)},
        {u"indexable"_s, !a.isLocal()},
        {u"group"_s, false},
        {u"created_at"_s, timestamp(a.createdAt)},
        {u"note"_s, a.note},
        {u"url"_s, m_urls.accountUrl(a)},
        {u"uri"_s, m_urls.accountUri(a)},
        {u"avatar"_s, avatar},
        {u"avatar_static"_s, avatar},
        {u"avatar_description"_s, u""_s},
        {u"header"_s, m_urls.headerUrl()},
        {u"header_static"_s, m_urls.headerUrl()},
        {u"header_description"_s, u""_s},
        {u"followers_count"_s, m_state.followersCount(a.id)},
        {u"following_count"_s, m_state.followingCount(a.id)},
        {u"statuses_count"_s, m_state.statusesCount(a.id)},
        {u"last_status_at"_s, last ? QJsonValue(last->date().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {u"hide_collections"_s, QJsonValue(QJsonValue::Null)},
        {u"show_media"_s, true},
        {u"show_media_replies"_s, true},
        {u"show_featured"_s, true},
        {u"noindex"_s, false},
        {u"feature_approval"_s, approval(QJsonArray(), u"denied"_s)},
        {u"emojis"_s, QJsonArray()},
        {u"roles"_s, QJsonArray()},
        {u"fields"_s, QJsonArray()},
    };
}

QJsonObject EntityJson::credentialAccount(const Account &a) const
{
    QJsonObject o = account(a);
    o.insert(u"source"_s,
             QJsonObject {{u"privacy"_s, u"public"_s},
                          {u"sensitive"_s, false},
                          {u"language"_s, u"en"_s},
                          {u"note"_s, u""_s},
                          {u"fields"_s, QJsonArray()},
                          {u"follow_requests_count"_s, 0},
                          {u"hide_collections"_s, QJsonValue(QJsonValue::Null)},
                          {u"discoverable"_s, QJsonValue(QJsonValue::Null)},
                          {u"indexable"_s, false},
                          {u"attribution_domains"_s, QJsonArray()},
                          {u"quote_policy"_s, u"public"_s}});
    o.insert(u"role"_s,
             QJsonObject {{u"id"_s, u"-99"_s},
                          {u"name"_s, u""_s},
                          {u"permissions"_s, u"65536"_s},
                          {u"color"_s, u""_s},
                          {u"highlighted"_s, false},
                          {u"collection_limit"_s, 10}});
    return o;
}

QJsonObject EntityJson::mention(const Account &a) const
{
    return {{u"id"_s, QString::number(a.id)},
            {u"username"_s, a.username},
            {u"url"_s, m_urls.accountUrl(a)},
            {u"acct"_s, a.isLocal() ? a.username : QString(a.username + u'@' + a.domain)}};
}

QJsonObject EntityJson::media(const Media &m) const
{
    const bool ready = m.isReady(QDateTime::currentDateTimeUtc());
    const bool visual = m.type != u"audio"_s && m.type != u"unknown"_s;
    QJsonValue meta(QJsonValue::Null);
    if (ready) {
        QJsonObject sizes;
        if (m.width > 0 && m.height > 0) {
            const int smallWidth = std::min(m.width, 640);
            sizes.insert(u"original"_s, metaSize(m.width, m.height));
            sizes.insert(u"small"_s, metaSize(smallWidth, m.height * smallWidth / m.width));
        }
        meta = sizes;
    }
    return {
        {u"id"_s, QString::number(m.id)},
        {u"type"_s, m.type},
        {u"url"_s, ready ? QJsonValue(m_urls.mediaUrl(m, false)) : QJsonValue(QJsonValue::Null)},
        {u"preview_url"_s, ready && visual ? QJsonValue(m_urls.mediaUrl(m, true)) : QJsonValue(QJsonValue::Null)},
        {u"remote_url"_s, QJsonValue(QJsonValue::Null)},
        {u"preview_remote_url"_s, QJsonValue(QJsonValue::Null)},
        {u"text_url"_s, QJsonValue(QJsonValue::Null)},
        {u"meta"_s, meta},
        {u"description"_s, nullable(m.description)},
        {u"blurhash"_s,
         ready && visual ? QJsonValue(u"UFO3Lu~q%M?b_3ofWBWB00IUWBRj~qM{M{of"_s) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject EntityJson::status(const Status &s, qint64 viewerId, bool withSource) const
{
    return statusAt(s, viewerId, withSource, 0);
}

QJsonObject EntityJson::statusAt(const Status &s, qint64 viewerId, bool withSource, int depth) const
{
    const Account *author = m_state.account(s.accountId);
    Q_ASSERT(author);
    const Status *original = s.reblogOfId != 0 ? m_state.status(s.reblogOfId) : nullptr;
    const qint64 countedId = s.id;
    const bool open = s.visibility == u"public"_s || s.visibility == u"unlisted"_s;

    QJsonArray mentions;
    for (qint64 id : s.mentionIds) {
        if (const Account *a = m_state.account(id)) {
            mentions.append(mention(*a));
        }
    }
    QJsonArray tags;
    for (const QString &tag : s.tags) {
        tags.append(QJsonObject {{u"name"_s, tag}, {u"url"_s, m_urls.tagUrl(tag)}});
    }
    QJsonArray attachments;
    for (qint64 id : s.mediaIds) {
        if (const Media *m = m_state.media(id)) {
            attachments.append(media(*m));
        }
    }
    QJsonValue quote(QJsonValue::Null);
    if (const Status *quoted = s.quoteOfId != 0 ? m_state.status(s.quoteOfId) : nullptr) {
        if (depth > 0) {
            quote = QJsonObject {{u"state"_s, u"accepted"_s}, {u"quoted_status_id"_s, QString::number(quoted->id)}};
        } else {
            const bool visible = m_state.canSee(viewerId, *quoted);
            quote = QJsonObject {
                {u"state"_s, visible ? u"accepted"_s : u"deleted"_s},
                {u"quoted_status"_s,
                 visible ? QJsonValue(statusAt(*quoted, viewerId, false, 1)) : QJsonValue(QJsonValue::Null)}};
        }
    }

    QJsonObject o {
        {u"id"_s, QString::number(s.id)},
        {u"created_at"_s, timestamp(s.createdAt)},
        {u"in_reply_to_id"_s, idOrNull(s.inReplyToId)},
        {u"in_reply_to_account_id"_s, idOrNull(s.inReplyToAccountId)},
        {u"sensitive"_s, s.sensitive},
        {u"spoiler_text"_s, s.spoilerText},
        {u"visibility"_s, s.visibility},
        {u"language"_s, original ? QJsonValue(QJsonValue::Null) : nullable(s.language)},
        {u"uri"_s, QString(m_urls.statusUri(*author, s.id) + (original ? u"/activity"_s : QString()))},
        {u"url"_s, original ? QJsonValue(QJsonValue::Null) : QJsonValue(m_urls.statusUrl(*author, s.id))},
        {u"replies_count"_s, m_state.repliesCount(countedId)},
        {u"reblogs_count"_s, m_state.reblogsCount(countedId)},
        {u"favourites_count"_s, m_state.favouritesCount(countedId)},
        {u"quotes_count"_s, m_state.quotesCount(countedId)},
        {u"edited_at"_s, s.editedAt.isValid() ? QJsonValue(timestamp(s.editedAt)) : QJsonValue(QJsonValue::Null)},
        {u"favourited"_s, m_state.favourite(viewerId, s.id) != nullptr},
        {u"reblogged"_s, m_state.reblogBy(viewerId, s.id) != nullptr},
        {u"muted"_s, false},
        {u"bookmarked"_s, false},
        {u"content"_s, s.content},
        {u"filtered"_s, QJsonArray()},
        {u"reblog"_s,
         original ? QJsonValue(statusAt(*original, viewerId, false, depth + 1)) : QJsonValue(QJsonValue::Null)},
        {u"account"_s, account(*author)},
        {u"media_attachments"_s, attachments},
        {u"mentions"_s, mentions},
        {u"tags"_s, tags},
        {u"emojis"_s, QJsonArray()},
        {u"tagged_collections"_s, QJsonArray()},
        {u"quote"_s, quote},
        {u"card"_s, QJsonValue(QJsonValue::Null)},
        {u"poll"_s, QJsonValue(QJsonValue::Null)},
        {u"quote_approval"_s,
         open ? approval(QJsonArray {u"public"_s}, u"automatic"_s) : approval(QJsonArray(), u"denied"_s)},
    };
    // As Mastodon's StatusSerializer: "pinned" only for the author's own pinnable (public, unlisted) statuses,
    // "application" for statuses posted on this instance (remote servers do not federate it).
    if (viewerId == s.accountId && open && !original) {
        o.insert(u"pinned"_s, false);
    }
    if (author->isLocal() && !original) {
        const App *app = m_state.app(s.appId);
        o.insert(u"application"_s,
                 QJsonObject {{u"name"_s, app ? app->name : u"Web"_s},
                              {u"website"_s, app ? nullable(app->website) : QJsonValue()}});
    }
    if (withSource) {
        // What DELETE answers (recorded in test_fetch_next_previous.yaml): the source text instead of the HTML.
        o.remove(u"content"_s);
        o.insert(u"text"_s, s.text);
    }
    return o;
}

QJsonObject EntityJson::notification(const Notification &n, qint64 viewerId) const
{
    QJsonObject o {
        {u"id"_s, QString::number(n.id)},
        {u"type"_s, n.type},
        {u"created_at"_s, timestamp(n.createdAt)},
        {u"group_key"_s, QString(u"ungrouped-"_s + QString::number(n.id))},
    };
    if (const Account *from = m_state.account(n.fromAccountId)) {
        o.insert(u"account"_s, account(*from));
    }
    if (const Status *s = n.statusId != 0 ? m_state.status(n.statusId) : nullptr) {
        o.insert(u"status"_s, status(*s, viewerId));
    }
    return o;
}

QJsonObject EntityJson::conversation(const Conversation &c) const
{
    QJsonArray accounts;
    for (qint64 id : c.participantIds) {
        if (const Account *a = m_state.account(id)) {
            accounts.append(account(*a));
        }
    }
    const Status *last = m_state.status(c.lastStatusId);
    return {{u"id"_s, QString::number(c.id)},
            {u"unread"_s, c.unread},
            {u"accounts"_s, accounts},
            {u"last_status"_s,
             last && !last->deleted ? QJsonValue(status(*last, c.ownerId)) : QJsonValue(QJsonValue::Null)}};
}

} // namespace sb::mastodontest
