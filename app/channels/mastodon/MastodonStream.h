#pragma once

#include "channels/mastodon/MastodonApi.h"
#include "channels/mastodon/MastodonParse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace sb::mastodon {

struct MastodonStreamOptions {
    int reconnectMinMs = 1'000;
    int reconnectMaxMs = 60'000;
    int pingIntervalMs = 30'000; // a connection silent for three intervals is considered dead
    int stableAfterMs = 30'000; // the reconnect backoff starts over once a connection lasted this long
};

// The WebSocket endpoint of the streaming API: the instance's streaming URL (http(s) read as ws(s)), or the
// instance itself, with /api/v1/streaming?stream=user.
QUrl streamingEndpoint(const QUrl &streamingUrl, const QUrl &instanceUrl);

// One connection to Mastodon's streaming API for the `user` stream, plus `direct` (DM conversations) subscribed
// over the same socket. Reconnects with exponential backoff and jitter until stopped; a connection that stays
// silent for three ping intervals is dropped and reopened. The token goes in the handshake's Authorization header.
class MastodonStream final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonStream)
public:
    // Frames larger than this are refused by the socket.
    static constexpr qint64 kMaxFrameBytes = 4 * 1024 * 1024;

    MastodonStream(MastodonStreamOptions options, TokenProvider token, QObject *parent = nullptr);
    ~MastodonStream() override;

    void start(const QUrl &endpoint);
    void stop();
    bool isConnected() const { return m_connected; }

signals:
    void frameReceived(const sb::mastodon::StreamEvent &event);
    void connectedChanged(bool connected);

private:
    void open();
    void onConnected();
    void onSocketGone(QWebSocket *socket);
    void onText(const QString &message);
    void onPingTimer();
    void scheduleReconnect();
    void setConnected(bool connected);
    void dropSocket();

    MastodonStreamOptions m_options;
    TokenProvider m_token;
    QUrl m_endpoint;
    QPointer<QWebSocket> m_socket;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_stableTimer;
    QElapsedTimer m_lastHeard;
    int m_delayMs = 0;
    bool m_wanted = false;
    bool m_connected = false;
};

} // namespace sb::mastodon
