#include "HttpServer.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

// One client connection: buffers input, cuts it into requests, answers them in order.
class HttpServer::Connection final : public QObject {
public:
    Connection(QTcpSocket *socket, HttpServer *server) : QObject(server), m_socket(socket), m_server(server)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QTcpSocket::disconnected, this, [this] { deleteLater(); });
    }

    void closeIfHung()
    {
        if (m_hung) {
            m_socket->abort();
            deleteLater();
        }
    }

private:
    enum class Parse { NeedMore, Done, Failed };

    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        if (m_hung || m_closing) {
            m_buffer.clear(); // a hung or closing connection ignores whatever the client sends next
            return;
        }
        while (!m_hung && !m_closing && !m_paused && parseOne() == Parse::Done) { }
    }

    Parse parseOne()
    {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > maxHeaderBytes) {
                fail(431, u"Request header fields too large"_s);
                return Parse::Failed;
            }
            return Parse::NeedMore;
        }
        HttpRequest req;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            fail(400, u"Malformed request line"_s);
            return Parse::Failed;
        }
        req.method = requestLine.at(0).toUpper();
        req.target = requestLine.at(1);
        req.version = requestLine.at(2);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            req.headers[name] = req.headers.contains(name) ? req.headers[name] + ", " + value : value;
        }

        qsizetype consumed = headEnd + 4;
        if (req.header("transfer-encoding").toLower().contains("chunked")) {
            const Parse chunked = decodeChunked(consumed, &req.body, &consumed);
            if (chunked != Parse::Done) {
                return chunked;
            }
        } else {
            bool ok = true;
            const QByteArray lengthHeader = req.header("content-length");
            const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&ok);
            if (!ok || length < 0) {
                fail(400, u"Malformed Content-Length"_s);
                return Parse::Failed;
            }
            if (length > maxBodyBytes) {
                fail(413, u"Request body too large"_s);
                return Parse::Failed;
            }
            if (m_buffer.size() < consumed + length) {
                return Parse::NeedMore;
            }
            req.body = m_buffer.mid(consumed, length);
            consumed += length;
        }
        m_buffer.remove(0, consumed);

        const qsizetype question = req.target.indexOf('?');
        const QByteArray rawPath = question < 0 ? req.target : req.target.left(question);
        req.rawQuery = question < 0 ? QByteArray() : req.target.mid(question + 1);
        req.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
        req.query = HttpParams::fromUrlEncoded(req.rawQuery);
        req.peer = m_socket->peerAddress();

        const bool keepAlive = req.wantsKeepAlive();
        QString bodyError;
        if (!req.decodeBody(&bodyError)) {
            deliver(HttpOutcome {HttpResponse::error(400, bodyError), Delivery::Respond}, keepAlive);
            return Parse::Done;
        }
        HttpOutcome outcome = m_server->m_handler(req);
        if (outcome.delayMs > 0) {
            // Later requests on this connection wait behind the delayed answer, as HTTP/1.1 requires.
            m_paused = true;
            QTimer::singleShot(outcome.delayMs, this, [this, outcome = std::move(outcome), keepAlive] {
                m_paused = false;
                deliver(outcome, keepAlive);
                onReadyRead();
            });
            return Parse::NeedMore;
        }
        deliver(outcome, keepAlive);
        return Parse::Done;
    }

    Parse decodeChunked(qsizetype from, QByteArray *body, qsizetype *consumed)
    {
        qsizetype pos = from;
        QByteArray out;
        while (true) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                return Parse::NeedMore;
            }
            bool ok = false;
            const qint64 size = m_buffer.mid(pos, lineEnd - pos).split(';').value(0).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0 || out.size() + size > maxBodyBytes) {
                fail(400, u"Malformed chunked body"_s);
                return Parse::Failed;
            }
            pos = lineEnd + 2;
            if (size == 0) {
                const qsizetype trailerEnd = m_buffer.indexOf("\r\n", pos);
                if (trailerEnd < 0) {
                    return Parse::NeedMore;
                }
                *body = out;
                *consumed = trailerEnd + 2;
                return Parse::Done;
            }
            if (m_buffer.size() < pos + size + 2) {
                return Parse::NeedMore;
            }
            out += m_buffer.mid(pos, size);
            pos += size + 2;
        }
    }

    void fail(int status, const QString &message)
    {
        deliver(HttpOutcome {HttpResponse::error(status, message), Delivery::Respond}, false);
    }

    void deliver(const HttpOutcome &outcome, bool keepAlive)
    {
        const QByteArray &body = outcome.response.body;
        switch (outcome.delivery) {
        case Delivery::Hang:
            m_hung = true;
            m_buffer.clear();
            return;
        case Delivery::Reset: {
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN: a real "connection reset".
            const linger noLinger {1, 0};
            ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &noLinger,
                         sizeof noLinger);
            m_closing = true;
            m_socket->abort();
            deleteLater();
            return;
        }
        case Delivery::Truncate:
            m_socket->write(outcome.response.serializeHead(false, body.size()));
            m_socket->write(body.left(body.size() / 2));
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        case Delivery::Respond:
            m_socket->write(outcome.response.serializeHead(keepAlive, body.size()));
            m_socket->write(body);
            if (!keepAlive) {
                m_closing = true;
                m_socket->disconnectFromHost();
            }
            return;
        }
    }

    QTcpSocket *m_socket;
    HttpServer *m_server;
    QByteArray m_buffer;
    bool m_hung = false;
    bool m_closing = false;
    bool m_paused = false;
};

HttpServer::HttpServer(Handler handler, QObject *parent) : QObject(parent), m_handler(std::move(handler))
{
    connect(&m_tcp, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(quint16 port)
{
    return m_tcp.listen(QHostAddress::LocalHost, port);
}

quint16 HttpServer::port() const
{
    return m_tcp.serverPort();
}

void HttpServer::closeHungConnections()
{
    for (const QPointer<Connection> &connection : std::as_const(m_connections)) {
        if (connection) {
            connection->closeIfHung();
        }
    }
    m_connections.removeAll(nullptr);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        m_connections.removeAll(nullptr);
        m_connections.append(new Connection(socket, this));
    }
}

} // namespace sb::mastodontest
