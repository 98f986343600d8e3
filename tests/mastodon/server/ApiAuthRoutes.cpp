#include "ApiRoutes.h"
#include "TinyPng.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
const QString oobUri = u"urn:ietf:wg:oauth:2.0:oob"_s;
const QString vapidKey = u"BAhxXyHfAoMqrZECjRI56F5QrE4ynVlkZFMdKSpTIsWRNoWUVgut-Bnz2xsMSwiN4AF0b4I7ixF24OwiicOJivw="_s;

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status, QJsonObject {{u"error"_s, error}, {u"error_description"_s, description}});
}

HttpResponse invalidClient()
{
    return oauthError(401, u"invalid_client"_s,
                      u"Client authentication failed due to unknown client, no client authentication included, or "
                      "unsupported authentication method."_s);
}

HttpResponse invalidGrant()
{
    return oauthError(400, u"invalid_grant"_s,
                      u"The provided authorization grant is invalid, expired, revoked, does not match the redirection "
                      "URI used in the authorization request, or was issued to another client."_s);
}

bool validScope(const QString &scope)
{
    static const QRegularExpression granular(u"^(read|write|admin:read|admin:write):[a-z_]+$"_s);
    static const QStringList plain {u"profile"_s, u"read"_s, u"write"_s, u"push"_s, u"follow"_s};
    return plain.contains(scope) || granular.match(scope).hasMatch();
}

QStringList splitScopes(const QString &scopes, const QString &fallback)
{
    const QStringList list = scopes.split(u' ', Qt::SkipEmptyParts);
    return list.isEmpty() ? fallback.split(u' ') : list;
}

QString withQuery(const QString &uri, const QString &query)
{
    return uri + (uri.contains(u'?') ? u'&' : u'?') + query;
}

QString pkceS256(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

QList<Route> ApiRoutes::routes()
{
    const auto h = [this](HttpResponse (ApiRoutes::*fn)(RequestContext &)) {
        return [this, fn](RequestContext &ctx) { return (this->*fn)(ctx); };
    };
    const QString id = u"(\\d+)"_s;
    return {
        route("POST", u"/api/v1/apps"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::createApp)),
        route("GET", u"/oauth/authorize"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::authorize)),
        route("POST", u"/oauth/token"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::issueToken)),
        route("POST", u"/oauth/revoke"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::revokeToken)),
        route("GET", u"/api/v1/accounts/verify_credentials"_s, Auth::App, u"read|profile"_s, Budget::General,
              h(&ApiRoutes::verifyCredentials)),
        route("GET", u"/api/v1/accounts/"_s + id, Auth::Optional, u"read"_s, Budget::General,
              h(&ApiRoutes::showAccount)),
        route("GET", u"/api/v1/accounts/"_s + id + u"/statuses"_s, Auth::Optional, u"read"_s, Budget::Paging,
              h(&ApiRoutes::accountStatuses)),
        route("GET", u"/api/v2/instance/?"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::instance)),
        route("GET", u"/api/v1/notifications"_s, Auth::User, u"read"_s, Budget::Paging, h(&ApiRoutes::notifications)),
        route("GET", u"/api/v1/notifications/"_s + id, Auth::User, u"read"_s, Budget::General,
              h(&ApiRoutes::showNotification)),
        route("GET", u"/api/v1/conversations"_s, Auth::User, u"read"_s, Budget::Paging, h(&ApiRoutes::conversations)),
        route("POST", u"/api/v1/statuses"_s, Auth::User, u"write"_s, Budget::General, h(&ApiRoutes::postStatus)),
        route("GET", u"/api/v1/statuses/"_s + id, Auth::Optional, u"read"_s, Budget::General,
              h(&ApiRoutes::showStatus)),
        route("PUT", u"/api/v1/statuses/"_s + id, Auth::User, u"write"_s, Budget::General, h(&ApiRoutes::editStatus)),
        route("DELETE", u"/api/v1/statuses/"_s + id, Auth::User, u"write"_s, Budget::Delete,
              h(&ApiRoutes::deleteStatus)),
        route("GET", u"/api/v1/statuses/"_s + id + u"/context"_s, Auth::Optional, u"read"_s, Budget::General,
              h(&ApiRoutes::statusContext)),
        route("GET", u"/api/v1/statuses/"_s + id + u"/favourited_by"_s, Auth::Optional, u"read"_s, Budget::Paging,
              h(&ApiRoutes::favouritedBy)),
        route("GET", u"/api/v1/statuses/"_s + id + u"/reblogged_by"_s, Auth::Optional, u"read"_s, Budget::Paging,
              h(&ApiRoutes::rebloggedBy)),
        route("POST", u"/api/v2/media"_s, Auth::User, u"write"_s, Budget::Media, h(&ApiRoutes::uploadMedia)),
        route("GET", u"/api/v1/media/"_s + id, Auth::User, u"write"_s, Budget::General, h(&ApiRoutes::showMedia)),
        route("PUT", u"/api/v1/media/"_s + id, Auth::User, u"write"_s, Budget::General, h(&ApiRoutes::updateMedia)),
        route("GET", u"/(avatars|headers|system)/.+"_s, Auth::None, {}, Budget::General, h(&ApiRoutes::staticFile)),
    };
}

HttpResponse ApiRoutes::createApp(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    App app;
    app.name = p.value(u"client_name"_s).trimmed();
    app.website = p.value(u"website"_s);
    for (const QString &value : p.values(u"redirect_uris"_s)) {
        app.redirectUris += value.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    }
    app.scopes = splitScopes(p.value(u"scopes"_s), u"read"_s);
    if (app.name.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: Application name can't be blank"_s);
    }
    if (app.redirectUris.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: Redirect URI can't be blank"_s);
    }
    for (const QString &uri : std::as_const(app.redirectUris)) {
        const QUrl url(uri);
        if (uri != oobUri && (!url.isValid() || url.isRelative() || !url.fragment().isEmpty())) {
            return HttpResponse::error(422, u"Validation failed: Redirect URI must be an absolute URI."_s);
        }
    }
    for (const QString &scope : std::as_const(app.scopes)) {
        if (!validScope(scope)) {
            return HttpResponse::error(422, u"Validation failed: Scopes must be a valid scope"_s);
        }
    }
    const App &stored = m.state.addApp(app);
    return HttpResponse::json(
        200,
        QJsonObject {{u"id"_s, QString::number(stored.id)},
                     {u"name"_s, stored.name},
                     {u"website"_s, stored.website.isEmpty() ? QJsonValue() : QJsonValue(stored.website)},
                     {u"scopes"_s, QJsonArray::fromStringList(stored.scopes)},
                     {u"redirect_uris"_s, QJsonArray::fromStringList(stored.redirectUris)},
                     {u"redirect_uri"_s, stored.redirectUris.join(u'\n')},
                     {u"vapid_key"_s, vapidKey},
                     {u"client_id"_s, stored.clientId},
                     {u"client_secret"_s, stored.clientSecret},
                     {u"client_secret_expires_at"_s, 0}});
}

HttpResponse ApiRoutes::authorize(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    const App *app = m.state.appByClientId(p.value(u"client_id"_s));
    if (!app) {
        return invalidClient();
    }
    const QString redirectUri = p.value(u"redirect_uri"_s);
    if (!app->redirectUris.contains(redirectUri)) {
        return oauthError(400, u"invalid_redirect_uri"_s,
                          u"The requested redirect uri is malformed or doesn't match client redirect URI."_s);
    }
    // Past this point Doorkeeper reports errors to the client through the redirect, with the state echoed.
    const QString state = p.value(u"state"_s);
    const auto fail = [&](const QString &error, const QString &description) {
        if (redirectUri == oobUri) {
            return oauthError(400, error, description);
        }
        QString query = u"error="_s + error + u"&error_description="_s
            + QString::fromLatin1(QUrl::toPercentEncoding(description));
        if (!state.isEmpty()) {
            query += u"&state="_s + QString::fromLatin1(QUrl::toPercentEncoding(state));
        }
        HttpResponse r;
        r.status = 302;
        r.setHeader("Location", withQuery(redirectUri, query).toUtf8());
        return r;
    };
    if (p.value(u"response_type"_s) != u"code"_s) {
        return fail(u"unsupported_response_type"_s, u"The authorization server does not support this response type."_s);
    }
    const QStringList scopes = splitScopes(p.value(u"scope"_s), u"read"_s);
    for (const QString &scope : scopes) {
        if (!app->scopes.contains(scope)) {
            return fail(u"invalid_scope"_s, u"The requested scope is invalid, unknown, or malformed."_s);
        }
    }
    const QString challenge = p.value(u"code_challenge"_s);
    const QString method = p.value(u"code_challenge_method"_s);
    if (!challenge.isEmpty() && method != u"S256"_s) {
        return fail(u"invalid_request"_s, u"Code challenge method must be S256."_s);
    }
    if (m.config.denyAuthorization) {
        return fail(u"access_denied"_s, u"The resource owner or authorization server denied the request."_s);
    }
    const Account *user = m.state.account(m.signedInAccountId);
    if (!user) {
        return HttpResponse::error(400, u"Nobody is signed in to the test server: POST /_test/brand first"_s);
    }
    AuthCode code;
    code.appId = app->id;
    code.accountId = user->id;
    code.redirectUri = redirectUri;
    code.scopes = scopes;
    code.codeChallenge = challenge;
    code.codeChallengeMethod = method;
    code.expiresAt = ctx.now.addSecs(600);
    const AuthCode &stored = m.state.addAuthCode(code);
    if (redirectUri == oobUri) {
        // Mastodon shows the code on a page for the user to copy into the app.
        return HttpResponse::html(200,
                                  u"<!DOCTYPE html><html><head><title>Authorization code</title></head><body>"
                                  "<div class=\"form-container\"><p>Copy this authorization code and paste it "
                                  "to the application.</p><input class=\"oauth-code\" readonly type=\"text\" "
                                  "value=\""_s
                                      + stored.code + u"\"></div></body></html>"_s);
    }
    QString query = u"code="_s + stored.code;
    if (!state.isEmpty()) {
        query += u"&state="_s + QString::fromLatin1(QUrl::toPercentEncoding(state));
    }
    HttpResponse r;
    r.status = 302;
    r.setHeader("Location", withQuery(redirectUri, query).toUtf8());
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    return r;
}

HttpResponse ApiRoutes::issueToken(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    QString clientId = p.value(u"client_id"_s);
    QString clientSecret = p.value(u"client_secret"_s);
    const QByteArray authorization = ctx.req.header("authorization");
    if (authorization.startsWith("Basic ")) {
        const QList<QByteArray> pair = QByteArray::fromBase64(authorization.mid(6)).split(':');
        clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.value(0)));
        clientSecret = QString::fromUtf8(QByteArray::fromPercentEncoding(pair.value(1)));
    }
    const App *app = m.state.appByClientId(clientId);
    if (!app || (!clientSecret.isEmpty() && clientSecret != app->clientSecret)) {
        return invalidClient();
    }
    const QString grant = p.value(u"grant_type"_s);
    const Token *issued = nullptr;
    if (grant == u"authorization_code"_s) {
        AuthCode *code = m.state.authCode(p.value(u"code"_s));
        if (!code || code->used || code->appId != app->id || code->expiresAt < ctx.now
            || code->redirectUri != p.value(u"redirect_uri"_s)) {
            return invalidGrant();
        }
        if (code->codeChallenge.isEmpty() ? clientSecret.isEmpty()
                                          : pkceS256(p.value(u"code_verifier"_s)) != code->codeChallenge) {
            return code->codeChallenge.isEmpty() ? invalidClient() : invalidGrant();
        }
        code->used = true;
        issued = &m.state.issueToken(code->accountId, app->id, code->scopes);
    } else if (grant == u"client_credentials"_s) {
        if (clientSecret.isEmpty()) {
            return invalidClient();
        }
        issued = &m.state.issueToken(0, app->id, splitScopes(p.value(u"scope"_s), u"read"_s));
    } else {
        return oauthError(400, u"unsupported_grant_type"_s,
                          u"The authorization grant type is not supported by the authorization server."_s);
    }
    return HttpResponse::json(200,
                              QJsonObject {{u"access_token"_s, issued->token},
                                           {u"token_type"_s, u"Bearer"_s},
                                           {u"scope"_s, issued->scopes.join(u' ')},
                                           {u"created_at"_s, issued->createdAt.toSecsSinceEpoch()}});
}

HttpResponse ApiRoutes::revokeToken(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    const App *app = m.state.appByClientId(p.value(u"client_id"_s));
    if (!app || p.value(u"client_secret"_s) != app->clientSecret) {
        return oauthError(403, u"unauthorized_client"_s, u"You are not authorized to revoke this token"_s);
    }
    if (Token *t = m.state.token(p.value(u"token"_s))) {
        if (t->appId != app->id) {
            return oauthError(403, u"unauthorized_client"_s, u"You are not authorized to revoke this token"_s);
        }
        t->revoked = true;
    }
    // RFC 7009: an unknown token is not an error.
    return HttpResponse::json(200, QJsonObject());
}

HttpResponse ApiRoutes::verifyCredentials(RequestContext &ctx)
{
    if (!ctx.user) {
        return HttpResponse::error(422, u"This method requires an authenticated user"_s);
    }
    return HttpResponse::json(200, m.json.credentialAccount(*ctx.user));
}

HttpResponse ApiRoutes::showAccount(RequestContext &ctx)
{
    const Account *a = m.state.account(ctx.argId());
    if (!a) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    return HttpResponse::json(200, m.json.account(*a));
}

HttpResponse ApiRoutes::instance(RequestContext &)
{
    static const QByteArray templateText = [] {
        QFile f(u":/mastodon/instance-v2.json"_s);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QByteArray text = templateText;
    text.replace("http://localhost:3000", m.urls.base.toUtf8());
    QJsonObject o = QJsonDocument::fromJson(text).object();
    o[u"domain"_s] = m.urls.host();
    o[u"title"_s] = u"Switchboard test server"_s;
    o[u"usage"_s]
        = QJsonObject {{u"users"_s, QJsonObject {{u"active_month"_s, static_cast<int>(m.state.accounts().size())}}}};
    QJsonObject configuration = o.value(u"configuration"_s).toObject();
    QJsonObject urls = configuration.value(u"urls"_s).toObject();
    urls[u"streaming"_s] = m.streamingUrl;
    configuration[u"urls"_s] = urls;
    QJsonObject statuses = configuration.value(u"statuses"_s).toObject();
    statuses[u"max_characters"_s] = m.config.maxCharacters;
    statuses[u"max_media_attachments"_s] = m.config.maxMediaAttachments;
    statuses[u"characters_reserved_per_url"_s] = 23;
    configuration[u"statuses"_s] = statuses;
    QJsonObject media = configuration.value(u"media_attachments"_s).toObject();
    media[u"image_size_limit"_s] = m.config.imageSizeLimit;
    media[u"video_size_limit"_s] = m.config.videoSizeLimit;
    configuration[u"media_attachments"_s] = media;
    o[u"configuration"_s] = configuration;
    return HttpResponse::json(200, o);
}

HttpResponse ApiRoutes::staticFile(RequestContext &ctx)
{
    static const QRegularExpression mediaPath(
        u"^/system/media_attachments/files/[0-9/]+/(original|small)/([0-9a-f]+)\\.\\w+$"_s);
    const QRegularExpressionMatch match = mediaPath.match(ctx.req.path);
    HttpResponse r;
    r.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    if (match.hasMatch()) {
        bool ok = false;
        const Media *media = m.state.media(match.captured(2).toLongLong(&ok, 16));
        if (!ok || !media || !media->isReady(ctx.now)) {
            return HttpResponse::error(404, u"Not Found"_s);
        }
        const bool original = match.captured(1) == u"original"_s;
        r.body = original ? media->data : tinyPng();
        r.setHeader("Content-Type", original ? media->mimeType : QByteArray("image/png"));
        return r;
    }
    if (!ctx.req.path.endsWith(u".png"_s)) {
        return HttpResponse::error(404, u"Not Found"_s);
    }
    r.body = tinyPng();
    r.setHeader("Content-Type", "image/png");
    return r;
}

} // namespace sb::mastodontest
