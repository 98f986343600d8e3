#include "MastodonTestServer.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace sb::testing {

QByteArray MastodonTestServer::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

QJsonValue MastodonTestServer::Reply::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

MastodonTestServer::MastodonTestServer()
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

MastodonTestServer::~MastodonTestServer()
{
    stop();
}

QString MastodonTestServer::executablePath()
{
    const QString fromEnv = qEnvironmentVariable("MASTODON_TEST_SERVER");
    return fromEnv.isEmpty() ? QStringLiteral(MASTODON_TEST_SERVER_DEFAULT_PATH) : fromEnv;
}

bool MastodonTestServer::start(int timeoutMs)
{
    m_process.start(executablePath(), {u"--port"_s, u"0"_s, u"--stream-port"_s, u"0"_s, u"--exit-with-stdin"_s});
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = u"cannot start "_s + executablePath() + u": "_s + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = u"mastodon-test-server did not report READY"_s;
            stop();
            return false;
        }
    }
    const QList<QByteArray> ready = m_process.readLine().trimmed().split(' ');
    if (ready.size() != 3 || ready.at(0) != "READY") {
        m_error = u"unexpected first line from mastodon-test-server"_s;
        stop();
        return false;
    }
    m_httpPort = ready.at(1).toUShort();
    m_streamPort = ready.at(2).toUShort();
    return true;
}

void MastodonTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return;
    }
    m_process.terminate();
    if (!m_process.waitForFinished(3000)) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

QUrl MastodonTestServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(m_httpPort));
}

QUrl MastodonTestServer::streamingUrl() const
{
    return QUrl(u"ws://127.0.0.1:"_s + QString::number(m_streamPort));
}

MastodonTestServer::Reply MastodonTestServer::request(const QByteArray &method, const QString &pathAndQuery,
                                                      const QByteArray &body,
                                                      const QList<std::pair<QByteArray, QByteArray>> &headers,
                                                      int timeoutMs) const
{
    Reply reply;
    QTcpSocket socket;
    const QDeadlineTimer deadline(timeoutMs);
    socket.connectToHost(QHostAddress::LocalHost, m_httpPort);
    if (!socket.waitForConnected(int(deadline.remainingTime()))) {
        reply.error = socket.errorString();
        return reply;
    }
    QByteArray head = method + ' ' + pathAndQuery.toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_httpPort)
        + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers) {
        head += h.first + ": " + h.second + "\r\n";
    }
    socket.write(head + "\r\n" + body);

    QByteArray raw;
    qsizetype headEnd = -1;
    qint64 expected = -1;
    while (true) {
        raw += socket.readAll();
        if (headEnd < 0 && (headEnd = raw.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = raw.left(headEnd).split('\n');
            reply.status = lines.value(0).split(' ').value(1).toInt();
            for (const QByteArray &line : lines.mid(1)) {
                const qsizetype colon = line.indexOf(':');
                if (colon > 0) {
                    reply.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                }
            }
            const QByteArray length = reply.header("Content-Length");
            expected = length.isEmpty() ? -1 : length.toLongLong();
        }
        if (headEnd >= 0 && expected >= 0 && raw.size() - headEnd - 4 >= expected) {
            break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0) {
            break;
        }
        if (deadline.hasExpired() || !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            if (socket.bytesAvailable() == 0 && socket.state() == QAbstractSocket::ConnectedState) {
                reply.error = u"timed out"_s;
                break;
            }
        }
    }
    if (headEnd < 0) {
        reply.status = 0;
        if (reply.error.isEmpty()) {
            reply.error = u"connection closed without an HTTP answer"_s;
        }
        return reply;
    }
    reply.body = raw.mid(headEnd + 4);
    return reply;
}

MastodonTestServer::Reply MastodonTestServer::control(const QByteArray &method, const QString &path,
                                                      const QJsonObject &body) const
{
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    Reply reply = request(method, path, payload, {{"Content-Type", "application/json"}});
    if (reply.status != 200) {
        qWarning("mastodon-test-server: %s %s -> %d %s %s", method.constData(), qPrintable(path), reply.status,
                 reply.body.constData(), qPrintable(reply.error));
    }
    return reply;
}

bool MastodonTestServer::reset() const
{
    return control("POST", u"/_test/reset"_s).status == 200;
}

bool MastodonTestServer::configure(const QJsonObject &config) const
{
    return control("POST", u"/_test/config"_s, config).status == 200;
}

MastodonTestServer::Brand MastodonTestServer::createBrand(const QString &username) const
{
    const QJsonObject o = control("POST", u"/_test/brand"_s, {{u"username"_s, username}}).object();
    return Brand {o.value(u"account_id"_s).toString(), o.value(u"access_token"_s).toString(),
                  o.value(u"account"_s).toObject()};
}

QJsonObject MastodonTestServer::createAccount(const QString &username, const QString &domain,
                                              const QJsonObject &extra) const
{
    QJsonObject body = extra;
    body.insert(u"username"_s, username);
    body.insert(u"domain"_s, domain);
    return control("POST", u"/_test/accounts"_s, body).object();
}

QJsonObject MastodonTestServer::postAs(const QString &accountId, const QString &text, const QJsonObject &extra) const
{
    QJsonObject body = extra;
    body.insert(u"account_id"_s, accountId);
    body.insert(u"text"_s, text);
    return control("POST", u"/_test/statuses"_s, body).object();
}

bool MastodonTestServer::editStatus(const QString &statusId, const QString &text, bool notifyBrand) const
{
    return control("PUT", u"/_test/statuses/"_s + statusId, {{u"text"_s, text}, {u"notify_brand"_s, notifyBrand}})
               .status
        == 200;
}

bool MastodonTestServer::deleteStatus(const QString &statusId) const
{
    return control("DELETE", u"/_test/statuses/"_s + statusId).status == 200;
}

bool MastodonTestServer::favourite(const QString &statusId, const QString &byAccountId) const
{
    return control("POST", u"/_test/statuses/"_s + statusId + u"/favourite"_s, {{u"account_id"_s, byAccountId}}).status
        == 200;
}

bool MastodonTestServer::reblog(const QString &statusId, const QString &byAccountId) const
{
    return control("POST", u"/_test/statuses/"_s + statusId + u"/reblog"_s, {{u"account_id"_s, byAccountId}}).status
        == 200;
}

bool MastodonTestServer::revokeTokens(const QString &accountId) const
{
    return control("POST", u"/_test/tokens/revoke"_s, {{u"account_id"_s, accountId}}).status == 200;
}

bool MastodonTestServer::deleteApps() const
{
    return control("DELETE", u"/_test/apps"_s).status == 200;
}

bool MastodonTestServer::addFault(const QJsonObject &fault) const
{
    return control("POST", u"/_test/faults"_s, fault).status == 200;
}

bool MastodonTestServer::clearFaults() const
{
    return control("DELETE", u"/_test/faults"_s).status == 200;
}

int MastodonTestServer::countStatuses(const QString &text) const
{
    return control("GET", u"/_test/statuses?text="_s + QString::fromLatin1(QUrl::toPercentEncoding(text)))
        .object()
        .value(u"count"_s)
        .toInt(-1);
}

int MastodonTestServer::streamClients() const
{
    return control("GET", u"/_test/stream"_s).object().value(u"count"_s).toInt(-1);
}

int MastodonTestServer::dropStreams(bool abort) const
{
    return control("POST", u"/_test/stream/drop"_s, {{u"abort"_s, abort}}).object().value(u"dropped"_s).toInt(-1);
}

QJsonObject MastodonTestServer::requestLog() const
{
    return control("GET", u"/_test/requests"_s).object();
}

} // namespace sb::testing
