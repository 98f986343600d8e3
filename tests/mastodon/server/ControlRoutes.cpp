#include "ControlRoutes.h"

#include "HttpServer.h"
#include "StatusText.h"
#include "StreamingServer.h"
#include "TinyPng.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
HttpResponse ok(const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(u"ok"_s, true);
    return HttpResponse::json(200, o);
}

QDateTime parseTime(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray out;
    for (qint64 id : ids) {
        out.append(QString::number(id));
    }
    return out;
}

qint64 idValue(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

struct ConfigKey {
    const char *name;
    int ServerConfig::*intField;
};
constexpr ConfigKey configKeys[] = {
    {"max_characters", &ServerConfig::maxCharacters},
    {"max_media_attachments", &ServerConfig::maxMediaAttachments},
    {"media_processing_ms", &ServerConfig::mediaProcessingMs},
    {"rate_limit", &ServerConfig::rateLimit},
    {"paging_rate_limit", &ServerConfig::pagingRateLimit},
    {"media_rate_limit", &ServerConfig::mediaRateLimit},
    {"delete_rate_limit", &ServerConfig::deleteRateLimit},
    {"rate_period_seconds", &ServerConfig::ratePeriodSeconds},
    {"slow_period_seconds", &ServerConfig::slowPeriodSeconds},
};
} // namespace

QList<Route> ControlRoutes::routes()
{
    const auto h = [this](HttpResponse (ControlRoutes::*fn)(RequestContext &)) {
        return [this, fn](RequestContext &ctx) { return (this->*fn)(ctx); };
    };
    const auto r = [&](const char *method, const QString &path, HttpResponse (ControlRoutes::*fn)(RequestContext &)) {
        return route(method, u"/_test"_s + path, Auth::None, {}, Budget::General, h(fn));
    };
    const QString id = u"(\\d+)"_s;
    return {
        r("POST", u"/reset"_s, &ControlRoutes::reset),
        r("GET", u"/config"_s, &ControlRoutes::config),
        r("POST", u"/config"_s, &ControlRoutes::config),
        r("POST", u"/brand"_s, &ControlRoutes::createBrand),
        r("POST", u"/accounts"_s, &ControlRoutes::createAccount),
        r("POST", u"/statuses"_s, &ControlRoutes::createStatus),
        r("GET", u"/statuses"_s, &ControlRoutes::listStatuses),
        r("PUT", u"/statuses/"_s + id, &ControlRoutes::editStatus),
        r("DELETE", u"/statuses/"_s + id, &ControlRoutes::deleteStatus),
        r("POST", u"/statuses/"_s + id + u"/favourite"_s, &ControlRoutes::favourite),
        r("POST", u"/statuses/"_s + id + u"/reblog"_s, &ControlRoutes::reblog),
        r("POST", u"/follows"_s, &ControlRoutes::follow),
        r("POST", u"/notifications"_s, &ControlRoutes::createNotification),
        r("POST", u"/bulk"_s, &ControlRoutes::bulk),
        r("POST", u"/tokens/revoke"_s, &ControlRoutes::revokeTokens),
        r("DELETE", u"/apps"_s, &ControlRoutes::deleteApps),
        r("POST", u"/faults"_s, &ControlRoutes::addFaults),
        r("GET", u"/faults"_s, &ControlRoutes::listFaults),
        r("DELETE", u"/faults"_s, &ControlRoutes::clearFaults),
        r("GET", u"/stream"_s, &ControlRoutes::streamInfo),
        r("POST", u"/stream/drop"_s, &ControlRoutes::streamDrop),
        r("POST", u"/stream/refuse"_s, &ControlRoutes::streamRefuse),
        r("GET", u"/requests"_s, &ControlRoutes::requests),
        r("DELETE", u"/requests"_s, &ControlRoutes::requests),
    };
}

qint64 ControlRoutes::brandId(const QJsonObject &body) const
{
    return body.contains(u"brand_id"_s) ? idValue(body.value(u"brand_id"_s)) : m.signedInAccountId;
}

QJsonObject ControlRoutes::configJson() const
{
    QJsonObject o;
    for (const ConfigKey &key : configKeys) {
        o.insert(QLatin1StringView(key.name), m.config.*key.intField);
    }
    o.insert(u"deny_authorization"_s, m.config.denyAuthorization);
    return o;
}

HttpResponse ControlRoutes::reset(RequestContext &)
{
    m.state.reset();
    m.faults.clear();
    m.limiter.clear();
    m.requestLog = QJsonArray();
    m.config = ServerConfig();
    m.signedInAccountId = 0;
    m.streaming->dropAll(false);
    m.streaming->refuseNext(0);
    m.http->closeHungConnections();
    return ok();
}

HttpResponse ControlRoutes::config(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    for (const ConfigKey &key : configKeys) {
        const QJsonValue v = body.value(QLatin1StringView(key.name));
        if (!v.isUndefined()) {
            m.config.*key.intField = v.toInt();
        }
    }
    if (body.contains(u"deny_authorization"_s)) {
        m.config.denyAuthorization = body.value(u"deny_authorization"_s).toBool();
    }
    return HttpResponse::json(200, configJson());
}

HttpResponse ControlRoutes::createBrand(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    const QString username = body.value(u"username"_s).toString(u"brand"_s);
    const Account *brand = m.state.accountByAcct(username, {});
    if (!brand) {
        Account a;
        a.username = username;
        a.displayName = body.value(u"display_name"_s).toString(username);
        brand = &m.state.addAccount(a);
    }
    m.signedInAccountId = brand->id;
    const QStringList scopes = body.value(u"scopes"_s).toString(u"read write follow push"_s).split(u' ');
    const Token &token = m.state.issueToken(brand->id, 0, scopes);
    return HttpResponse::json(200,
                              QJsonObject {{u"account_id"_s, QString::number(brand->id)},
                                           {u"access_token"_s, token.token},
                                           {u"account"_s, m.json.credentialAccount(*brand)}});
}

HttpResponse ControlRoutes::createAccount(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    Account a;
    a.username = body.value(u"username"_s).toString();
    a.domain = body.value(u"domain"_s).toString(u"remote.example"_s);
    static const QRegularExpression validName(u"^\\w+$"_s);
    if (!validName.match(a.username).hasMatch()) {
        return HttpResponse::error(422, u"username must be letters, digits and _"_s);
    }
    if (m.state.accountByAcct(a.username, a.domain)) {
        return HttpResponse::error(422, u"that account exists already"_s);
    }
    a.displayName = body.value(u"display_name"_s).toString();
    const QString note = body.value(u"note"_s).toString();
    a.note = note.isEmpty() ? QString() : u"<p>"_s + escapeHtml(note) + u"</p>"_s;
    a.bot = body.value(u"bot"_s).toBool();
    a.locked = body.value(u"locked"_s).toBool();
    a.hasAvatar = body.value(u"avatar"_s).toBool(true);
    const Account &stored = m.state.addAccount(a);
    if (const qint64 brand = brandId(body); brand != 0 && m.state.account(brand)) {
        if (body.value(u"followed_by_brand"_s).toBool() || body.value(u"notify_brand"_s).toBool()) {
            m.state.addFollow(brand, stored.id, body.value(u"notify_brand"_s).toBool());
        }
        if (body.value(u"follows_brand"_s).toBool()) {
            m.state.addFollow(stored.id, brand, false);
        }
    }
    return HttpResponse::json(200, m.json.account(stored));
}

const Status *ControlRoutes::postAs(const Account &author, const QJsonObject &spec, QString *error)
{
    Status s;
    s.accountId = author.id;
    s.text = spec.value(u"text"_s).toString();
    s.spoilerText = spec.value(u"spoiler_text"_s).toString();
    s.visibility = spec.value(u"visibility"_s).toString(u"public"_s);
    s.language = spec.value(u"language"_s).toString(u"en"_s);
    s.sensitive = spec.value(u"sensitive"_s).toBool() || !s.spoilerText.isEmpty();
    s.createdAt = parseTime(spec.value(u"created_at"_s));
    if (!QStringList {u"public"_s, u"unlisted"_s, u"private"_s, u"direct"_s}.contains(s.visibility)) {
        *error = u"unknown visibility"_s;
        return nullptr;
    }
    if (const qint64 parentId = idValue(spec.value(u"in_reply_to_id"_s)); parentId != 0) {
        const Status *parent = m.state.status(parentId);
        if (!parent) {
            *error = u"in_reply_to_id: no such status"_s;
            return nullptr;
        }
        s.inReplyToId = parent->id;
        s.inReplyToAccountId = parent->accountId;
    }
    if (const qint64 quoteId = idValue(spec.value(u"quote_id"_s)); quoteId != 0) {
        if (!m.state.status(quoteId)) {
            *error = u"quote_id: no such status"_s;
            return nullptr;
        }
        s.quoteOfId = quoteId;
    }
    const RenderedText rendered = renderStatusText(
        s.text, [this](const QString &u, const QString &d) { return m.lookupAccount(u, d); }, m.urls);
    s.content = spec.contains(u"html"_s) ? spec.value(u"html"_s).toString() : rendered.html;
    s.mentionIds = rendered.mentionIds;
    s.tags = rendered.tags;
    const QJsonArray extraMentions = spec.value(u"mention_ids"_s).toArray();
    for (const QJsonValue &v : extraMentions) {
        if (m.state.account(idValue(v)) && !s.mentionIds.contains(idValue(v))) {
            s.mentionIds.append(idValue(v));
        }
    }
    for (int i = 0; i < spec.value(u"media"_s).toInt(); ++i) {
        Media media;
        media.accountId = author.id;
        media.type = u"image"_s;
        media.mimeType = "image/png";
        media.fileName = u"picture.png"_s;
        media.data = tinyPng();
        media.width = 1;
        media.height = 1;
        media.description = u"A test picture"_s;
        media.createdAt = QDateTime::currentDateTimeUtc();
        media.readyAt = media.createdAt;
        s.mediaIds.append(m.state.addMedia(media).id);
    }
    return &m.state.addStatus(s);
}

HttpResponse ControlRoutes::createStatus(RequestContext &ctx)
{
    const Account *author = m.state.account(idValue(ctx.req.json.value(u"account_id"_s)));
    if (!author) {
        return HttpResponse::error(422, u"account_id: no such account"_s);
    }
    QString error;
    const Status *s = postAs(*author, ctx.req.json, &error);
    if (!s) {
        return HttpResponse::error(422, error);
    }
    return HttpResponse::json(200, m.json.status(*s, author->id));
}

HttpResponse ControlRoutes::editStatus(RequestContext &ctx)
{
    Status *s = m.state.status(ctx.argId());
    if (!s || s->deleted) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    const QJsonObject &body = ctx.req.json;
    const QString text = body.value(u"text"_s).toString(s->text);
    const RenderedText rendered = renderStatusText(
        text, [this](const QString &u, const QString &d) { return m.lookupAccount(u, d); }, m.urls);
    s->mentionIds = rendered.mentionIds;
    s->tags = rendered.tags;
    QList<qint64> alsoNotify;
    if (body.value(u"notify_brand"_s).toBool() && m.signedInAccountId != 0) {
        alsoNotify.append(m.signedInAccountId);
    }
    m.state.editStatus(*s, text, body.contains(u"html"_s) ? body.value(u"html"_s).toString() : rendered.html,
                       body.value(u"spoiler_text"_s).toString(s->spoilerText), body.value(u"language"_s).toString(),
                       alsoNotify);
    return HttpResponse::json(200, m.json.status(*s, s->accountId));
}

HttpResponse ControlRoutes::deleteStatus(RequestContext &ctx)
{
    Status *s = m.state.status(ctx.argId());
    if (!s || s->deleted) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    m.state.deleteStatus(*s);
    return ok();
}

HttpResponse ControlRoutes::favourite(RequestContext &ctx)
{
    const Status *s = m.state.status(ctx.argId());
    const Account *by = m.state.account(idValue(ctx.req.json.value(u"account_id"_s)));
    if (!s || s->deleted || !by) {
        return HttpResponse::error(422, u"need an existing status and account_id"_s);
    }
    const Favourite &f = m.state.addFavourite(by->id, s->id);
    return ok({{u"favourite_id"_s, QString::number(f.id)}});
}

HttpResponse ControlRoutes::reblog(RequestContext &ctx)
{
    const Status *original = m.state.status(ctx.argId());
    const Account *by = m.state.account(idValue(ctx.req.json.value(u"account_id"_s)));
    if (!original || original->deleted || !by) {
        return HttpResponse::error(422, u"need an existing status and account_id"_s);
    }
    Status s;
    s.accountId = by->id;
    s.reblogOfId = original->id;
    s.visibility = u"public"_s;
    const Status &stored = m.state.addStatus(s);
    return HttpResponse::json(200, m.json.status(stored, by->id));
}

HttpResponse ControlRoutes::follow(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    const Account *follower = m.state.account(idValue(body.value(u"account_id"_s)));
    const qint64 targetId = body.contains(u"target_id"_s) ? idValue(body.value(u"target_id"_s)) : brandId(body);
    if (!follower || !m.state.account(targetId)) {
        return HttpResponse::error(422, u"need account_id and target_id (default: the brand)"_s);
    }
    m.state.addFollow(follower->id, targetId, body.value(u"notify"_s).toBool());
    return ok();
}

HttpResponse ControlRoutes::createNotification(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    const QString type = body.value(u"type"_s).toString();
    const Account *from = m.state.account(idValue(body.value(u"account_id"_s)));
    const qint64 recipient = body.contains(u"recipient_id"_s) ? idValue(body.value(u"recipient_id"_s)) : brandId(body);
    const qint64 statusId = idValue(body.value(u"status_id"_s));
    if (type.isEmpty() || !from || !m.state.account(recipient) || (statusId != 0 && !m.state.status(statusId))) {
        return HttpResponse::error(422, u"need type, account_id, an existing recipient and status"_s);
    }
    const QDateTime at = parseTime(body.value(u"created_at"_s));
    const Notification &n = m.state.addNotification(recipient, type, from->id, statusId,
                                                    at.isValid() ? at : QDateTime::currentDateTimeUtc());
    return HttpResponse::json(200, m.json.notification(n, recipient));
}

HttpResponse ControlRoutes::bulk(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    const Account *brand = m.state.account(brandId(body));
    const int count = body.value(u"count"_s).toInt();
    if (!brand || count < 1) {
        return HttpResponse::error(422, u"need a brand (POST /_test/brand) and count >= 1"_s);
    }
    QList<const Account *> authors;
    for (int i = 1; i <= 5; ++i) {
        const QString name = u"fan"_s + QString::number(i);
        const Account *a = m.state.accountByAcct(name, u"bulk.example"_s);
        if (!a) {
            Account account;
            account.username = name;
            account.domain = u"bulk.example"_s;
            account.displayName = u"Fan "_s + QString::number(i);
            a = &m.state.addAccount(account);
        }
        authors.append(a);
    }
    // Oldest first, spread evenly from `days` ago until a minute ago, so ids and times both increase.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 spanMs = qint64(body.value(u"days"_s).toDouble(1.0) * 86400000.0);
    const QString prefix = body.value(u"text"_s).toString(u"Question"_s);
    const QString visibility = body.value(u"visibility"_s).toString(u"public"_s);
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        const Account *author = authors.at(i % authors.size());
        const QDateTime at = now.addMSecs(-60000 - spanMs + spanMs * i / count);
        QString error;
        const Status *s
            = postAs(*author,
                     QJsonObject {{u"text"_s,
                                   QString(u'@' + brand->username + u' ' + prefix + u" #"_s + QString::number(i + 1))},
                                  {u"visibility"_s, visibility},
                                  {u"created_at"_s, at.toString(Qt::ISODateWithMs)}},
                     &error);
        if (!s) {
            return HttpResponse::error(422, error);
        }
        ids.append(s->id);
    }
    return ok({{u"created"_s, count}, {u"status_ids"_s, idArray(ids)}});
}

HttpResponse ControlRoutes::listStatuses(RequestContext &ctx)
{
    const HttpParams &q = ctx.req.query;
    const bool includeDeleted = q.value(u"include_deleted"_s) == u"true"_s;
    QJsonArray out;
    for (const Status *s : m.state.statuses()) {
        if ((s->deleted && !includeDeleted) || (q.has(u"text"_s) && s->text != q.value(u"text"_s))
            || (q.has(u"contains"_s) && !s->text.contains(q.value(u"contains"_s)))
            || (q.has(u"account_id"_s) && s->accountId != q.value(u"account_id"_s).toLongLong())) {
            continue;
        }
        out.append(QJsonObject {
            {u"id"_s, QString::number(s->id)},
            {u"account_id"_s, QString::number(s->accountId)},
            {u"text"_s, s->text},
            {u"content"_s, s->content},
            {u"spoiler_text"_s, s->spoilerText},
            {u"visibility"_s, s->visibility},
            {u"language"_s, s->language},
            {u"in_reply_to_id"_s, s->inReplyToId ? QJsonValue(QString::number(s->inReplyToId)) : QJsonValue()},
            {u"mention_ids"_s, idArray(s->mentionIds)},
            {u"media_ids"_s, idArray(s->mediaIds)},
            {u"created_at"_s, EntityJson::timestamp(s->createdAt)},
            {u"edited"_s, s->editedAt.isValid()},
            {u"deleted"_s, s->deleted}});
    }
    return HttpResponse::json(200, QJsonObject {{u"count"_s, out.size()}, {u"statuses"_s, out}});
}

HttpResponse ControlRoutes::deleteApps(RequestContext &)
{
    return ok({{u"deleted"_s, m.state.deleteApps()}});
}

HttpResponse ControlRoutes::revokeTokens(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    int revoked = 0;
    if (Token *t = m.state.token(body.value(u"token"_s).toString())) {
        revoked = t->revoked ? 0 : 1;
        t->revoked = true;
    } else if (body.contains(u"account_id"_s)) {
        revoked = m.state.revokeTokensOf(idValue(body.value(u"account_id"_s)));
    }
    return ok({{u"revoked"_s, revoked}});
}

HttpResponse ControlRoutes::addFaults(RequestContext &ctx)
{
    const QJsonObject &body = ctx.req.json;
    const QJsonArray specs = body.contains(u"faults"_s) ? body.value(u"faults"_s).toArray() : QJsonArray {body};
    QList<FaultInjector::Fault> parsed;
    for (const QJsonValue &spec : specs) {
        QString error;
        const auto fault = m.faults.parse(spec.toObject(), &error);
        if (!fault) {
            return HttpResponse::error(422, error);
        }
        parsed.append(*fault);
    }
    QJsonArray ids;
    for (const FaultInjector::Fault &fault : std::as_const(parsed)) {
        ids.append(m.faults.add(fault));
    }
    return ok({{u"ids"_s, ids}});
}

HttpResponse ControlRoutes::listFaults(RequestContext &)
{
    return HttpResponse::json(200, QJsonObject {{u"faults"_s, m.faults.describe()}});
}

HttpResponse ControlRoutes::clearFaults(RequestContext &)
{
    m.faults.clear();
    return ok();
}

HttpResponse ControlRoutes::streamInfo(RequestContext &)
{
    return HttpResponse::json(200, m.streaming->describe());
}

HttpResponse ControlRoutes::streamDrop(RequestContext &ctx)
{
    return ok({{u"dropped"_s, m.streaming->dropAll(ctx.req.json.value(u"abort"_s).toBool())}});
}

HttpResponse ControlRoutes::streamRefuse(RequestContext &ctx)
{
    m.streaming->refuseNext(ctx.req.json.value(u"count"_s).toInt(1));
    return ok();
}

HttpResponse ControlRoutes::requests(RequestContext &ctx)
{
    if (ctx.req.method == "DELETE") {
        m.requestLog = QJsonArray();
        return ok();
    }
    return HttpResponse::json(200, QJsonObject {{u"requests"_s, m.requestLog}});
}

} // namespace sb::mastodontest
