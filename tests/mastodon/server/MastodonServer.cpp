#include "MastodonServer.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
constexpr qsizetype maxLogEntries = 2000;

const Route *findRoute(const QList<Route> &routes, const HttpRequest &req, QStringList *args)
{
    for (const Route &r : routes) {
        const QRegularExpressionMatch match = r.pattern.match(req.path);
        if (match.hasMatch() && r.method == req.method) {
            *args = match.capturedTexts().mid(1);
            return &r;
        }
    }
    return nullptr;
}

bool hasScope(const Token &token, const QString &required)
{
    if (required.isEmpty()) {
        return true;
    }
    const QStringList alternatives = required.split(u'|');
    for (const QString &scope : token.scopes) {
        for (const QString &needed : alternatives) {
            if (scope == needed || scope.startsWith(needed + u':')) {
                return true;
            }
        }
    }
    return false;
}

HttpResponse invalidToken()
{
    HttpResponse r = HttpResponse::error(401, u"The access token is invalid"_s);
    r.setHeader("WWW-Authenticate",
                "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is "
                "invalid\"");
    return r;
}
} // namespace

MastodonServer::MastodonServer(QObject *parent)
    : QObject(parent), m_http([this](HttpRequest &req) { return handle(req); }), m_streaming(m_core.state, m_core.json)
{
    m_core.http = &m_http;
    m_core.streaming = &m_streaming;
    m_apiRoutes = m_api.routes();
    m_controlRoutes = m_control.routes();
}

bool MastodonServer::listen(quint16 httpPort, quint16 streamPort, QString *error)
{
    if (!m_http.listen(httpPort)) {
        *error = u"HTTP port: "_s + m_http.errorString();
        return false;
    }
    if (!m_streaming.listen(streamPort)) {
        *error = u"streaming port: "_s + m_streaming.errorString();
        return false;
    }
    m_core.urls.base = u"http://127.0.0.1:"_s + QString::number(m_http.port());
    m_core.streamingUrl = u"ws://127.0.0.1:"_s + QString::number(m_streaming.port());
    return true;
}

HttpOutcome MastodonServer::handle(HttpRequest &req)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (req.path.startsWith(u"/_test/"_s)) {
        return HttpOutcome {dispatchControl(req, now)};
    }
    const std::optional<FaultInjector::Fault> fault = m_core.faults.take(req);
    if (fault && !FaultInjector::runsHandler(*fault)) {
        const HttpOutcome outcome = FaultInjector::answer(*fault, now);
        log(req, outcome, fault->kindName, now);
        return outcome;
    }
    HttpOutcome outcome {dispatchApi(req, now)};
    if (fault) {
        outcome = FaultInjector::damage(*fault, outcome);
    }
    log(req, outcome, fault ? fault->kindName : QString(), now);
    return outcome;
}

HttpResponse MastodonServer::dispatchControl(HttpRequest &req, const QDateTime &now)
{
    QStringList args;
    const Route *r = findRoute(m_controlRoutes, req, &args);
    if (!r) {
        return HttpResponse::error(404,
                                   u"No such control endpoint: "_s + QString::fromLatin1(req.method) + u' ' + req.path);
    }
    RequestContext ctx {req, args, nullptr, nullptr, now};
    return r->handler(ctx);
}

HttpResponse MastodonServer::dispatchApi(HttpRequest &req, const QDateTime &now)
{
    QStringList args;
    const Route *r = findRoute(m_apiRoutes, req, &args);
    if (!r) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    RequestContext ctx {req, args, nullptr, nullptr, now};
    const bool staticFile = r->pattern.pattern().startsWith(u"^/(avatars"_s);
    if (staticFile) {
        return r->handler(ctx);
    }

    // Doorkeeper accepts the token in the Authorization header or as the access_token parameter.
    QString tokenText;
    const QByteArray authorization = req.header("authorization");
    if (authorization.startsWith("Bearer ")) {
        tokenText = QString::fromLatin1(authorization.mid(7).trimmed());
    } else {
        tokenText = req.params.value(u"access_token"_s);
    }
    Token *token = tokenText.isEmpty() ? nullptr : m_core.state.token(tokenText);
    if (token && !token->revoked) {
        ctx.token = token;
        ctx.user = m_core.state.account(token->accountId);
    }

    // rack-attack runs before the application: throttled per account when a token is valid, else per address.
    const ServerConfig &c = m_core.config;
    QList<RateLimiter::Budget> budgets {{u"api"_s, c.rateLimit, c.ratePeriodSeconds}};
    switch (r->budget) {
    case Budget::Paging: budgets.append({u"paging"_s, c.pagingRateLimit, c.ratePeriodSeconds}); break;
    case Budget::Media: budgets.append({u"media"_s, c.mediaRateLimit, c.slowPeriodSeconds}); break;
    case Budget::Delete: budgets.append({u"delete"_s, c.deleteRateLimit, c.slowPeriodSeconds}); break;
    case Budget::General: break;
    }
    const QString limitKey = ctx.user ? u"account:"_s + QString::number(ctx.user->id)
        : ctx.token                   ? u"app:"_s + QString::number(ctx.token->appId)
                                      : u"ip:"_s + req.peer.toString();
    const RateLimiter::Verdict verdict = m_core.limiter.hit(limitKey, budgets, now);

    HttpResponse response;
    if (!verdict.allowed) {
        response = HttpResponse::error(429, u"Too many requests"_s);
    } else if ((r->auth == Auth::User || r->auth == Auth::App) && !ctx.token) {
        response = invalidToken();
    } else if (r->auth == Auth::User && !ctx.user) {
        response = HttpResponse::error(422, u"This method requires an authenticated user"_s);
    } else if (ctx.token && r->auth != Auth::None && !hasScope(*ctx.token, r->scope)) {
        response = HttpResponse::error(403, u"This action is outside the authorized scopes"_s);
    } else {
        response = r->handler(ctx);
    }
    response.setHeader("X-RateLimit-Limit", QByteArray::number(verdict.limit));
    response.setHeader("X-RateLimit-Remaining", QByteArray::number(verdict.remaining));
    response.setHeader("X-RateLimit-Reset", RateLimiter::formatReset(verdict.reset));
    if (!response.hasHeader("Cache-Control")) {
        response.setHeader("Cache-Control", "private, no-store");
    }
    response.setHeader("Vary", "Authorization, Origin");
    response.setHeader("X-Request-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    return response;
}

void MastodonServer::log(const HttpRequest &req, const HttpOutcome &outcome, const QString &fault, const QDateTime &now)
{
    if (m_core.requestLog.size() >= maxLogEntries) {
        m_core.requestLog.removeFirst();
    }
    const QByteArray key = req.header("idempotency-key");
    m_core.requestLog.append(QJsonObject {
        {u"method"_s, QString::fromLatin1(req.method)},
        {u"path"_s, req.path},
        {u"query"_s, QString::fromUtf8(req.rawQuery)},
        {u"status"_s, outcome.delivery == Delivery::Respond ? outcome.response.status : 0},
        {u"authorized"_s, !req.header("authorization").isEmpty()},
        {u"idempotency_key"_s, key.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(key))},
        {u"fault"_s, fault.isEmpty() ? QJsonValue() : QJsonValue(fault)},
        {u"at"_s, EntityJson::timestamp(now)},
    });
}

} // namespace sb::mastodontest
