#include "ApiRoutes.h"
#include "Paging.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
HttpResponse withLink(HttpResponse r, const QByteArray &link)
{
    if (!link.isEmpty()) {
        r.setHeader("Link", link);
    }
    return r;
}

std::optional<qint64> firstOf(const QList<qint64> &ids, bool nonEmpty = true)
{
    return nonEmpty && !ids.isEmpty() ? std::optional<qint64>(ids.first()) : std::nullopt;
}
} // namespace

HttpResponse ApiRoutes::notifications(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    const QStringList types = p.values(u"types"_s);
    const QStringList excluded = p.values(u"exclude_types"_s);
    const qint64 fromAccount = p.value(u"account_id"_s).toLongLong();
    QList<qint64> ids;
    for (const Notification *n : m.state.notificationsFor(ctx.userId())) {
        if ((types.isEmpty() || types.contains(n->type)) && !excluded.contains(n->type)
            && (fromAccount == 0 || n->fromAccountId == fromAccount)) {
            ids.append(n->id);
        }
    }
    const QList<qint64> page = paginate(ids, pageRequest(p, 40, 80));
    QJsonArray out;
    for (qint64 id : page) {
        out.append(m.json.notification(*m.state.notification(id), ctx.userId()));
    }
    // NotificationsController: both links whenever the page is not empty.
    const QList<LinkParam> kept = keptParams(p, {u"limit"_s, u"account_id"_s}, {u"types"_s, u"exclude_types"_s});
    const std::optional<qint64> last = page.isEmpty() ? std::nullopt : std::optional<qint64>(page.last());
    return withLink(HttpResponse::json(200, out),
                    linkHeader(m.urls.base + u"/api/v1/notifications"_s, kept, last, firstOf(page)));
}

HttpResponse ApiRoutes::showNotification(RequestContext &ctx)
{
    const Notification *n = m.state.notification(ctx.argId());
    if (!n || n->recipientId != ctx.userId()) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    return HttpResponse::json(200, m.json.notification(*n, ctx.userId()));
}

HttpResponse ApiRoutes::conversations(RequestContext &ctx)
{
    // Conversations page by the id of their last status, which is also what the Link header carries.
    QHash<qint64, const Conversation *> byLastStatus;
    for (const Conversation *c : m.state.conversationsOf(ctx.userId())) {
        byLastStatus.insert(c->lastStatusId, c);
    }
    const PageRequest request = pageRequest(ctx.req.params, 20, 40);
    const QList<qint64> page = paginate(byLastStatus.keys(), request);
    QJsonArray out;
    for (qint64 lastStatusId : page) {
        out.append(m.json.conversation(*byLastStatus.value(lastStatusId)));
    }
    const bool full = page.size() == request.limit;
    const QList<LinkParam> kept = keptParams(ctx.req.params, {u"limit"_s}, {});
    return withLink(HttpResponse::json(200, out),
                    linkHeader(m.urls.base + u"/api/v1/conversations"_s, kept,
                               full ? std::optional<qint64>(page.last()) : std::nullopt, firstOf(page)));
}

HttpResponse ApiRoutes::favouritedBy(RequestContext &ctx)
{
    const Status *s = m.state.status(ctx.argId());
    if (!s || !m.state.canSee(ctx.userId(), *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    QHash<qint64, qint64> accountByFavourite;
    for (const Favourite *f : m.state.favouritesOf(s->id)) {
        accountByFavourite.insert(f->id, f->accountId);
    }
    const PageRequest request = pageRequest(ctx.req.params, 40, 80);
    const QList<qint64> page = paginate(accountByFavourite.keys(), request);
    QJsonArray out;
    for (qint64 favouriteId : page) {
        out.append(m.json.account(*m.state.account(accountByFavourite.value(favouriteId))));
    }
    // Paged by the favourites' own ids; "prev" uses since_id here, as the recorded response shows.
    const bool full = page.size() == request.limit;
    return withLink(HttpResponse::json(200, out),
                    linkHeader(m.urls.base + u"/api/v1/statuses/"_s + QString::number(s->id) + u"/favourited_by"_s,
                               keptParams(ctx.req.params, {u"limit"_s}, {}),
                               full ? std::optional<qint64>(page.last()) : std::nullopt, firstOf(page), u"since_id"_s));
}

HttpResponse ApiRoutes::rebloggedBy(RequestContext &ctx)
{
    const Status *s = m.state.status(ctx.argId());
    if (!s || !m.state.canSee(ctx.userId(), *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    QHash<qint64, qint64> accountByReblog;
    for (const Status *other : m.state.statuses()) {
        if (other->reblogOfId == s->id && !other->deleted) {
            accountByReblog.insert(other->id, other->accountId);
        }
    }
    const PageRequest request = pageRequest(ctx.req.params, 40, 80);
    const QList<qint64> page = paginate(accountByReblog.keys(), request);
    QJsonArray out;
    for (qint64 reblogId : page) {
        out.append(m.json.account(*m.state.account(accountByReblog.value(reblogId))));
    }
    const bool full = page.size() == request.limit;
    return withLink(HttpResponse::json(200, out),
                    linkHeader(m.urls.base + u"/api/v1/statuses/"_s + QString::number(s->id) + u"/reblogged_by"_s,
                               keptParams(ctx.req.params, {u"limit"_s}, {}),
                               full ? std::optional<qint64>(page.last()) : std::nullopt, firstOf(page), u"since_id"_s));
}

HttpResponse ApiRoutes::accountStatuses(RequestContext &ctx)
{
    const Account *a = m.state.account(ctx.argId());
    if (!a) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    const HttpParams &p = ctx.req.params;
    const bool excludeReplies = p.value(u"exclude_replies"_s) == u"true"_s;
    const bool excludeReblogs = p.value(u"exclude_reblogs"_s) == u"true"_s;
    QList<qint64> ids;
    for (const Status *s : m.state.statuses()) {
        if (s->accountId == a->id && m.state.canSee(ctx.userId(), *s) && (!excludeReplies || s->inReplyToId == 0)
            && (!excludeReblogs || s->reblogOfId == 0)) {
            ids.append(s->id);
        }
    }
    const PageRequest request = pageRequest(p, 20, 40);
    const QList<qint64> page = paginate(ids, request);
    QJsonArray out;
    for (qint64 id : page) {
        out.append(m.json.status(*m.state.status(id), ctx.userId()));
    }
    const QList<LinkParam> kept = keptParams(p, {u"limit"_s, u"exclude_replies"_s, u"exclude_reblogs"_s}, {});
    const std::optional<qint64> last = page.isEmpty() ? std::nullopt : std::optional<qint64>(page.last());
    return withLink(HttpResponse::json(200, out),
                    linkHeader(m.urls.base + u"/api/v1/accounts/"_s + QString::number(a->id) + u"/statuses"_s, kept,
                               last, firstOf(page)));
}

} // namespace sb::mastodontest
