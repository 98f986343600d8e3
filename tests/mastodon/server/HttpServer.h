#pragma once

#include "HttpTypes.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace sb::mastodontest {

// A small HTTP/1.1 server written directly over QTcpServer, so that the scripted faults (hangs, resets, truncated
// bodies) can be produced at the socket level. Handles Content-Length and chunked request bodies and keep-alive;
// requests on one connection are answered in order.
class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpOutcome(HttpRequest &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(quint16 port);
    quint16 port() const;
    QString errorString() const { return m_tcp.errorString(); }

    // Closes connections left hanging by a fault (used by the control API's reset).
    void closeHungConnections();

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 128 * 1024 * 1024;

private:
    class Connection;
    void onNewConnection();

    Handler m_handler;
    QTcpServer m_tcp;
    QList<QPointer<Connection>> m_connections;
};

} // namespace sb::mastodontest
