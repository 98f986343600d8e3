#pragma once

#include "ServerCore.h"

#include <QJsonObject>
#include <QList>

namespace sb::mastodontest {

// The /_test/ control API: no authentication, JSON in and out. Tests use it to set up the instance, act as the
// remote people writing to the brand, script faults and look at what the client did. See README.md.
class ControlRoutes {
public:
    explicit ControlRoutes(ServerCore &core) : m(core) { }

    QList<Route> routes();

private:
    HttpResponse reset(RequestContext &ctx);
    HttpResponse config(RequestContext &ctx);
    HttpResponse createBrand(RequestContext &ctx);
    HttpResponse createAccount(RequestContext &ctx);
    HttpResponse createStatus(RequestContext &ctx);
    HttpResponse editStatus(RequestContext &ctx);
    HttpResponse deleteStatus(RequestContext &ctx);
    HttpResponse favourite(RequestContext &ctx);
    HttpResponse reblog(RequestContext &ctx);
    HttpResponse follow(RequestContext &ctx);
    HttpResponse createNotification(RequestContext &ctx);
    HttpResponse bulk(RequestContext &ctx);
    HttpResponse listStatuses(RequestContext &ctx);
    HttpResponse revokeTokens(RequestContext &ctx);
    HttpResponse deleteApps(RequestContext &ctx);
    HttpResponse addFaults(RequestContext &ctx);
    HttpResponse listFaults(RequestContext &ctx);
    HttpResponse clearFaults(RequestContext &ctx);
    HttpResponse streamInfo(RequestContext &ctx);
    HttpResponse streamDrop(RequestContext &ctx);
    HttpResponse streamRefuse(RequestContext &ctx);
    HttpResponse requests(RequestContext &ctx);

    // Shared by createStatus and bulk: a status by anyone, with the side effects a real one has.
    const Status *postAs(const Account &author, const QJsonObject &spec, QString *error);
    qint64 brandId(const QJsonObject &body) const;
    QJsonObject configJson() const;

    ServerCore &m;
};

} // namespace sb::mastodontest
