#pragma once

#include "ApiRoutes.h"
#include "ControlRoutes.h"
#include "HttpServer.h"
#include "ServerCore.h"
#include "StreamingServer.h"

#include <QObject>

namespace sb::mastodontest {

// The whole test instance: HTTP API and control API on one port, streaming on another, both on 127.0.0.1.
// Every API request passes, in order: scripted fault, rate limit, authentication and scopes, the route.
class MastodonServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonServer)

public:
    explicit MastodonServer(QObject *parent = nullptr);

    bool listen(quint16 httpPort, quint16 streamPort, QString *error);
    quint16 httpPort() const { return m_http.port(); }
    quint16 streamPort() const { return m_streaming.port(); }

private:
    HttpOutcome handle(HttpRequest &req);
    HttpResponse dispatchApi(HttpRequest &req, const QDateTime &now);
    HttpResponse dispatchControl(HttpRequest &req, const QDateTime &now);
    void log(const HttpRequest &req, const HttpOutcome &outcome, const QString &fault, const QDateTime &now);

    ServerCore m_core;
    HttpServer m_http;
    StreamingServer m_streaming;
    ApiRoutes m_api {m_core};
    ControlRoutes m_control {m_core};
    QList<Route> m_apiRoutes;
    QList<Route> m_controlRoutes;
};

} // namespace sb::mastodontest
