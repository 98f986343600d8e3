#pragma once

#include "ServerCore.h"

#include <QList>

namespace sb::mastodontest {

// The Mastodon REST API subset the connector uses, answered the way Mastodon 4.6 answers it.
class ApiRoutes {
public:
    explicit ApiRoutes(ServerCore &core) : m(core) { }

    QList<Route> routes();

private:
    // ApiAuthRoutes.cpp: apps, OAuth, the signed-in account, the instance, static files.
    HttpResponse createApp(RequestContext &ctx);
    HttpResponse authorize(RequestContext &ctx);
    HttpResponse issueToken(RequestContext &ctx);
    HttpResponse revokeToken(RequestContext &ctx);
    HttpResponse verifyCredentials(RequestContext &ctx);
    HttpResponse showAccount(RequestContext &ctx);
    HttpResponse instance(RequestContext &ctx);
    HttpResponse staticFile(RequestContext &ctx);

    // ApiStatusRoutes.cpp: statuses and media.
    HttpResponse postStatus(RequestContext &ctx);
    HttpResponse showStatus(RequestContext &ctx);
    HttpResponse editStatus(RequestContext &ctx);
    HttpResponse deleteStatus(RequestContext &ctx);
    HttpResponse statusContext(RequestContext &ctx);
    HttpResponse uploadMedia(RequestContext &ctx);
    HttpResponse showMedia(RequestContext &ctx);
    HttpResponse updateMedia(RequestContext &ctx);

    // ApiListRoutes.cpp: the paged lists, with Link headers.
    HttpResponse notifications(RequestContext &ctx);
    HttpResponse showNotification(RequestContext &ctx);
    HttpResponse conversations(RequestContext &ctx);
    HttpResponse favouritedBy(RequestContext &ctx);
    HttpResponse rebloggedBy(RequestContext &ctx);
    HttpResponse accountStatuses(RequestContext &ctx);

    ServerCore &m;
};

} // namespace sb::mastodontest
