#pragma once

#include "EntityJson.h"
#include "MastodonState.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QWebSocketServer>

class QTcpSocket;
class QWebSocket;

namespace sb::mastodontest {

// Mastodon's streaming API over WebSocket on its own port (the real one runs as a separate service too):
// GET /api/v1/streaming?stream=user&access_token=T, the token also accepted in Authorization or
// Sec-WebSocket-Protocol. The handshake is checked here first so a bad token is a real HTTP 401, then the socket
// is handed to QWebSocketServer. Frames: {"stream":["user"],"event":"update","payload":"<JSON as a string>"}.
class StreamingServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamingServer)

public:
    StreamingServer(MastodonState &state, const EntityJson &json, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_tcp.serverPort(); }
    QString errorString() const { return m_tcp.errorString(); }

    // Stream faults for the control API.
    int dropAll(bool abort);
    void refuseNext(int count) { m_refuseNext = count; }
    QJsonObject describe() const;

private:
    struct Client {
        QWebSocket *socket = nullptr;
        qint64 accountId = 0;
        QSet<QString> streams;
    };
    struct Pending {
        qint64 accountId = 0;
        QSet<QString> streams;
    };

    void onTcpConnection();
    void inspectHandshake(QTcpSocket *socket);
    void reject(QTcpSocket *socket, int status, const QString &message);
    void onWebSocket();
    void onClientMessage(QWebSocket *socket, const QString &message);

    void send(const Client &client, const QString &stream, const QString &event, const QString &payload);
    void onStatusCreated(qint64 statusId);
    void onStatusEdited(qint64 statusId);
    void onStatusDeleted(qint64 statusId, const QSet<qint64> &couldSee);
    void onNotification(qint64 notificationId);
    void onConversation(qint64 conversationId);
    bool followsTimeline(qint64 viewerId, const Status &status) const;

    MastodonState &m_state;
    const EntityJson &m_json;
    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    QHash<quint16, Pending> m_pending; // by the client's port, until QWebSocketServer finishes the handshake
    QList<Client> m_clients;
    int m_refuseNext = 0;
};

} // namespace sb::mastodontest
