#pragma once

#include "EntityJson.h"
#include "FaultInjector.h"
#include "HttpTypes.h"
#include "InstanceUrls.h"
#include "MastodonState.h"
#include "RateLimiter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <utility>

namespace sb::mastodontest {

class HttpServer;
class StreamingServer;

// Everything the routes share: the instance's data, its configuration and the fault/limit machinery.
struct ServerCore {
    ServerConfig config;
    InstanceUrls urls;
    MastodonState state;
    EntityJson json {state, urls};
    FaultInjector faults;
    RateLimiter limiter;
    QJsonArray requestLog;
    HttpServer *http = nullptr;
    StreamingServer *streaming = nullptr;
    QString streamingUrl;
    qint64 signedInAccountId = 0; // who approves /oauth/authorize: the brand account made last

    // Resolves "@name" (this instance) and "@name@domain" the way a status' mentions are resolved.
    const Account *lookupAccount(const QString &username, const QString &domain) const
    {
        const bool local = domain.isEmpty() || domain == urls.host() || domain == QStringLiteral("127.0.0.1");
        return state.accountByAcct(username, local ? QString() : domain);
    }
};

struct RequestContext {
    HttpRequest &req;
    QStringList args; // path parameters captured by the route pattern
    Token *token = nullptr;
    const Account *user = nullptr;
    QDateTime now;

    qint64 userId() const { return user ? user->id : 0; }
    qint64 argId(int i = 0) const { return args.value(i).toLongLong(); }
};

enum class Auth {
    None, // public
    Optional, // a token is used when present (instance, statuses of public visibility)
    App, // any valid token, also an application's own token
    User, // a token with a user behind it
};

enum class Budget {
    General,
    Paging,
    Media,
    Delete,
};

struct Route {
    QByteArray method;
    QRegularExpression pattern;
    Auth auth = Auth::User;
    QString scope; // "read" or "write": a token needs it (or one of its sub-scopes such as read:statuses)
    Budget budget = Budget::General;
    std::function<HttpResponse(RequestContext &)> handler;
};

inline Route route(const char *method, const QString &pattern, Auth auth, const QString &scope, Budget budget,
                   std::function<HttpResponse(RequestContext &)> handler)
{
    return Route {QByteArray(method), QRegularExpression(u'^' + pattern + u'$'), auth, scope, budget,
                  std::move(handler)};
}

} // namespace sb::mastodontest
