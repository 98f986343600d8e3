#include "StreamingServer.h"

#include "HttpTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
const QStringList &knownStreams()
{
    static const QStringList streams {u"user"_s, u"user:notification"_s, u"direct"_s, u"public"_s, u"public:local"_s};
    return streams;
}

QByteArray httpError(int status, const QString &message)
{
    const QByteArray body = QJsonDocument(QJsonObject {{u"error"_s, message}}).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}
} // namespace

StreamingServer::StreamingServer(MastodonState &state, const EntityJson &json, QObject *parent)
    : QObject(parent), m_state(state), m_json(json), m_ws(u"Mastodon streaming"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_tcp, &QTcpServer::newConnection, this, &StreamingServer::onTcpConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &StreamingServer::onWebSocket);
    connect(&m_state, &MastodonState::statusCreated, this, &StreamingServer::onStatusCreated);
    connect(&m_state, &MastodonState::statusEdited, this, &StreamingServer::onStatusEdited);
    connect(&m_state, &MastodonState::statusDeleted, this, &StreamingServer::onStatusDeleted);
    connect(&m_state, &MastodonState::notificationCreated, this, &StreamingServer::onNotification);
    connect(&m_state, &MastodonState::conversationUpdated, this, &StreamingServer::onConversation);
}

bool StreamingServer::listen(quint16 port)
{
    return m_tcp.listen(QHostAddress::LocalHost, port);
}

int StreamingServer::dropAll(bool abort)
{
    const QList<Client> clients = m_clients;
    m_clients.clear();
    for (const Client &c : clients) {
        if (abort) {
            c.socket->abort();
        } else {
            c.socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"dropped by the test"_s);
        }
        c.socket->deleteLater();
    }
    return static_cast<int>(clients.size());
}

QJsonObject StreamingServer::describe() const
{
    QJsonArray clients;
    for (const Client &c : m_clients) {
        QStringList streams = c.streams.values();
        streams.sort();
        clients.append(QJsonObject {{u"account_id"_s, QString::number(c.accountId)},
                                    {u"streams"_s, QJsonArray::fromStringList(streams)}});
    }
    return {{u"clients"_s, clients}, {u"count"_s, clients.size()}};
}

void StreamingServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspectHandshake(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void StreamingServer::inspectHandshake(QTcpSocket *socket)
{
    // Only peek: QWebSocketServer reads the same bytes again when it takes the socket over.
    const QByteArray head = socket->peek(64 * 1024);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= 64 * 1024) {
            reject(socket, 431, u"Request header fields too large"_s);
        }
        return;
    }
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QHash<QByteArray, QByteArray> headers;
    for (const QByteArray &line : lines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    const QUrl url(QString::fromLatin1(requestLine.value(1)));
    const QUrlQuery query(url);
    if (m_refuseNext > 0) {
        --m_refuseNext;
        reject(socket, 503, u"Service Unavailable"_s);
        return;
    }
    if (url.path() != u"/api/v1/streaming"_s && url.path() != u"/api/v1/streaming/"_s) {
        reject(socket, 404, u"Not found"_s);
        return;
    }
    QString token = query.queryItemValue(u"access_token"_s, QUrl::FullyDecoded);
    const QByteArray authorization = headers.value("authorization");
    if (token.isEmpty() && authorization.startsWith("Bearer ")) {
        token = QString::fromLatin1(authorization.mid(7).trimmed());
    }
    const QByteArray protocol = headers.value("sec-websocket-protocol");
    if (token.isEmpty() && !protocol.isEmpty()) {
        token = QString::fromLatin1(protocol.split(',').value(0).trimmed());
    }
    if (token.isEmpty()) {
        reject(socket, 401, u"Missing access token"_s);
        return;
    }
    const Token *t = m_state.token(token);
    if (!t || t->revoked || t->accountId == 0) {
        reject(socket, 401, u"Invalid access token"_s);
        return;
    }
    Pending pending {t->accountId, {}};
    const QString stream = query.queryItemValue(u"stream"_s, QUrl::FullyDecoded);
    if (!stream.isEmpty()) {
        if (!knownStreams().contains(stream)) {
            reject(socket, 400, u"Unknown stream type"_s);
            return;
        }
        pending.streams.insert(stream);
    }
    m_pending.insert(socket->peerPort(), pending);
    socket->disconnect(this);
    // A token sent as the subprotocol must be echoed back, as Mastodon's streaming server does.
    m_ws.setSupportedSubprotocols(m_state.userTokens());
    m_ws.handleConnection(socket);
}

void StreamingServer::reject(QTcpSocket *socket, int status, const QString &message)
{
    socket->disconnect(this);
    socket->write(httpError(status, message));
    socket->disconnectFromHost();
}

void StreamingServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws.nextPendingConnection()) {
        const auto pending = m_pending.constFind(socket->peerPort());
        if (pending == m_pending.cend()) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unauthenticated"_s);
            socket->deleteLater();
            continue;
        }
        m_clients.append(Client {socket, pending->accountId, pending->streams});
        m_pending.erase(pending);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onClientMessage(socket, message); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_clients.removeIf([socket](const Client &c) { return c.socket == socket; });
            socket->deleteLater();
        });
    }
}

void StreamingServer::onClientMessage(QWebSocket *socket, const QString &message)
{
    // Multiplexing as the real server does it: {"type":"subscribe","stream":"user"}.
    const QJsonObject o = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = o.value(u"type"_s).toString();
    const QString stream = o.value(u"stream"_s).toString();
    for (Client &c : m_clients) {
        if (c.socket != socket) {
            continue;
        }
        if (!knownStreams().contains(stream)) {
            socket->sendTextMessage(u"{\"error\":\"Unknown stream type\",\"status\":400}"_s);
        } else if (type == u"subscribe"_s) {
            c.streams.insert(stream);
        } else if (type == u"unsubscribe"_s) {
            c.streams.remove(stream);
        }
    }
}

void StreamingServer::send(const Client &client, const QString &stream, const QString &event, const QString &payload)
{
    const QJsonObject frame {{u"stream"_s, QJsonArray {stream}}, {u"event"_s, event}, {u"payload"_s, payload}};
    client.socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

bool StreamingServer::followsTimeline(qint64 viewerId, const Status &status) const
{
    return status.accountId == viewerId || m_state.follows(viewerId, status.accountId);
}

void StreamingServer::onStatusCreated(qint64 statusId)
{
    const Status *s = m_state.status(statusId);
    const Account *author = s ? m_state.account(s->accountId) : nullptr;
    if (!author) {
        return;
    }
    for (const Client &c : std::as_const(m_clients)) {
        if (!m_state.canSee(c.accountId, *s)) {
            continue;
        }
        const auto payload = [&] {
            return QString::fromUtf8(QJsonDocument(m_json.status(*s, c.accountId)).toJson(QJsonDocument::Compact));
        };
        if (c.streams.contains(u"user"_s) && followsTimeline(c.accountId, *s)) {
            send(c, u"user"_s, u"update"_s, payload());
        }
        const bool isPublic = s->visibility == u"public"_s && s->reblogOfId == 0;
        if (isPublic && c.streams.contains(u"public"_s)) {
            send(c, u"public"_s, u"update"_s, payload());
        }
        if (isPublic && author->isLocal() && c.streams.contains(u"public:local"_s)) {
            send(c, u"public:local"_s, u"update"_s, payload());
        }
    }
}

void StreamingServer::onStatusEdited(qint64 statusId)
{
    const Status *s = m_state.status(statusId);
    if (!s) {
        return;
    }
    for (const Client &c : std::as_const(m_clients)) {
        if (!m_state.canSee(c.accountId, *s)) {
            continue;
        }
        const QString payload
            = QString::fromUtf8(QJsonDocument(m_json.status(*s, c.accountId)).toJson(QJsonDocument::Compact));
        if (c.streams.contains(u"user"_s)
            && (followsTimeline(c.accountId, *s) || s->mentionIds.contains(c.accountId))) {
            send(c, u"user"_s, u"status.update"_s, payload);
        }
        if (s->visibility == u"public"_s && c.streams.contains(u"public"_s)) {
            send(c, u"public"_s, u"status.update"_s, payload);
        }
    }
}

void StreamingServer::onStatusDeleted(qint64 statusId, const QSet<qint64> &couldSee)
{
    const QString id = QString::number(statusId);
    for (const Client &c : std::as_const(m_clients)) {
        if (c.streams.contains(u"user"_s) && couldSee.contains(c.accountId)) {
            send(c, u"user"_s, u"delete"_s, id);
        }
        if (c.streams.contains(u"public"_s)) {
            send(c, u"public"_s, u"delete"_s, id);
        }
    }
}

void StreamingServer::onNotification(qint64 notificationId)
{
    const Notification *n = m_state.notification(notificationId);
    if (!n) {
        return;
    }
    for (const Client &c : std::as_const(m_clients)) {
        if (c.accountId != n->recipientId) {
            continue;
        }
        const QString payload
            = QString::fromUtf8(QJsonDocument(m_json.notification(*n, c.accountId)).toJson(QJsonDocument::Compact));
        if (c.streams.contains(u"user"_s)) {
            send(c, u"user"_s, u"notification"_s, payload);
        }
        if (c.streams.contains(u"user:notification"_s)) {
            send(c, u"user:notification"_s, u"notification"_s, payload);
        }
    }
}

void StreamingServer::onConversation(qint64 conversationId)
{
    const Conversation *conversation = m_state.conversation(conversationId);
    if (!conversation) {
        return;
    }
    for (const Client &c : std::as_const(m_clients)) {
        if (c.accountId == conversation->ownerId && c.streams.contains(u"direct"_s)) {
            send(c, u"direct"_s, u"conversation"_s,
                 QString::fromUtf8(QJsonDocument(m_json.conversation(*conversation)).toJson(QJsonDocument::Compact)));
        }
    }
}

} // namespace sb::mastodontest
