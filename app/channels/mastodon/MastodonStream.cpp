#include "channels/mastodon/MastodonStream.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <QWebSocket>

namespace sb::mastodon {

QUrl streamingEndpoint(const QUrl &streamingUrl, const QUrl &instanceUrl)
{
    QUrl url = streamingUrl.isEmpty() ? instanceUrl : streamingUrl;
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https")) {
        url.setScheme(QStringLiteral("wss"));
    } else if (scheme == QLatin1String("http")) {
        url.setScheme(QStringLiteral("ws"));
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path + QStringLiteral("/api/v1/streaming"));
    url.setQuery(QUrlQuery {{QStringLiteral("stream"), QStringLiteral("user")}});
    url.setFragment({});
    return url;
}

MastodonStream::MastodonStream(MastodonStreamOptions options, TokenProvider token, QObject *parent)
    : QObject(parent), m_options(options), m_token(std::move(token)), m_delayMs(options.reconnectMinMs)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &MastodonStream::open);
    m_pingTimer.setInterval(qMax(100, m_options.pingIntervalMs));
    connect(&m_pingTimer, &QTimer::timeout, this, &MastodonStream::onPingTimer);
    m_stableTimer.setSingleShot(true);
    connect(&m_stableTimer, &QTimer::timeout, this, [this] { m_delayMs = m_options.reconnectMinMs; });
}

MastodonStream::~MastodonStream()
{
    m_wanted = false;
    dropSocket();
}

void MastodonStream::start(const QUrl &endpoint)
{
    if (m_wanted && endpoint == m_endpoint && m_socket) {
        return; // already connected or connecting
    }
    m_endpoint = endpoint;
    m_wanted = true;
    m_delayMs = m_options.reconnectMinMs;
    m_reconnectTimer.stop();
    dropSocket();
    open();
}

void MastodonStream::stop()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    dropSocket();
    setConnected(false);
}

void MastodonStream::dropSocket()
{
    m_pingTimer.stop();
    m_stableTimer.stop();
    if (QWebSocket *socket = m_socket) {
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void MastodonStream::open()
{
    if (!m_wanted) {
        return;
    }
    const QString token = m_token ? m_token() : QString();
    if (token.isEmpty()) {
        qCInfo(lcMastodon) << "streaming: no access token";
        scheduleReconnect();
        return;
    }
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setMaxAllowedIncomingMessageSize(kMaxFrameBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxFrameBytes);
    m_socket = socket;
    connect(socket, &QWebSocket::connected, this, &MastodonStream::onConnected);
    // A refused or failed handshake reports an error without `disconnected`; both end this socket.
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onSocketGone(socket); });
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError) { onSocketGone(socket); });
    connect(socket, &QWebSocket::textMessageReceived, this, &MastodonStream::onText);
    connect(socket, &QWebSocket::pong, this, [this] { m_lastHeard.restart(); });
    QNetworkRequest request(m_endpoint);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setRawHeader("User-Agent", "Switchboard/" SWITCHBOARD_VERSION);
    qCDebug(lcMastodon) << "streaming: connecting to" << m_endpoint.host() << m_endpoint.path();
    socket->open(request);
}

void MastodonStream::onConnected()
{
    if (!m_socket) {
        return;
    }
    qCInfo(lcMastodon) << "streaming: connected";
    // Direct messages come as `conversation` events on the `direct` stream, multiplexed over this socket.
    const QJsonObject subscribe {{QStringLiteral("type"), QStringLiteral("subscribe")},
                                 {QStringLiteral("stream"), QStringLiteral("direct")}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(subscribe).toJson(QJsonDocument::Compact)));
    m_lastHeard.start();
    m_pingTimer.start();
    m_stableTimer.start(qMax(0, m_options.stableAfterMs));
    setConnected(true);
}

void MastodonStream::onSocketGone(QWebSocket *socket)
{
    if (socket != m_socket) {
        return; // an old socket going away
    }
    qCInfo(lcMastodon).noquote() << "streaming: disconnected:" << socket->errorString();
    dropSocket();
    setConnected(false);
    scheduleReconnect();
}

void MastodonStream::onText(const QString &message)
{
    m_lastHeard.restart();
    auto event = parseStreamEvent(message.toUtf8());
    if (!event.ok()) {
        qCDebug(lcMastodon) << "streaming: unreadable frame:" << event.error().message;
        return;
    }
    emit frameReceived(event.value());
}

void MastodonStream::onPingTimer()
{
    if (!m_socket) {
        return;
    }
    if (m_lastHeard.isValid() && m_lastHeard.elapsed() > 3LL * m_pingTimer.interval()) {
        qCInfo(lcMastodon) << "streaming: connection silent, reconnecting";
        dropSocket();
        setConnected(false);
        scheduleReconnect();
        return;
    }
    m_socket->ping();
}

void MastodonStream::scheduleReconnect()
{
    if (!m_wanted) {
        return;
    }
    // Full delay minus up to a fifth, so that many clients do not come back in step.
    const int jitter = m_delayMs > 5 ? int(QRandomGenerator::global()->bounded(m_delayMs / 5)) : 0;
    m_reconnectTimer.start(m_delayMs - jitter);
    qCDebug(lcMastodon) << "streaming: reconnecting in" << (m_delayMs - jitter) << "ms";
    m_delayMs = qMin(m_options.reconnectMaxMs, qMax(m_options.reconnectMinMs, m_delayMs * 2));
}

void MastodonStream::setConnected(bool connected)
{
    if (m_connected == connected) {
        return;
    }
    m_connected = connected;
    emit connectedChanged(connected);
}

} // namespace sb::mastodon
