// Rate limits, streaming and scripted faults of the Mastodon test server (the rest of TestMastodonOpenApi).
#include "tst_mastodon_openapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

using namespace Qt::StringLiterals;
using sb::testing::ApiResult;
using sb::testing::ApiTestClient;

namespace {
// A streaming client that keeps every frame it receives.
class StreamProbe {
public:
    StreamProbe()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &message) {
            frames.append(QJsonDocument::fromJson(message.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::connected, [this] { connected = true; });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] { disconnected = true; });
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return connected || disconnected; }, 5000) && connected;
    }

    // The first frame with this event, waiting up to timeoutMs for it.
    QJsonObject take(const QString &event, int timeoutMs = 2000)
    {
        const auto index = [&] {
            for (qsizetype i = 0; i < frames.size(); ++i) {
                if (frames.at(i).value(u"event"_s).toString() == event) {
                    return i;
                }
            }
            return qsizetype(-1);
        };
        if (!QTest::qWaitFor([&] { return index() >= 0; }, timeoutMs)) {
            return {};
        }
        return frames.takeAt(index());
    }

    QWebSocket socket;
    QList<QJsonObject> frames;
    bool connected = false;
    bool disconnected = false;
};

QDateTime resetTime(const ApiResult &r)
{
    return QDateTime::fromString(QString::fromLatin1(r.header("X-RateLimit-Reset")), Qt::ISODateWithMs);
}

bool transferTimedOut(const ApiResult &r)
{
    return r.status == 0
        && (r.error == QNetworkReply::OperationCanceledError || r.error == QNetworkReply::TimeoutError);
}
} // namespace

void TestMastodonOpenApi::rateLimitHeaders()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const ApiResult first = m_api->get(u"/api/v1/accounts/verify_credentials"_s);
    const ApiResult second = m_api->get(u"/api/v1/accounts/verify_credentials"_s);
    QCOMPARE(first.header("X-RateLimit-Limit"), QByteArray("300"));
    QCOMPARE(second.header("X-RateLimit-Remaining").toInt(), first.header("X-RateLimit-Remaining").toInt() - 1);
    // An ISO 8601 time with a fraction, like "2026-08-01T15:00:00.175404Z", never epoch seconds.
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"_s)
                 .match(QString::fromLatin1(first.header("X-RateLimit-Reset")))
                 .hasMatch(),
             first.header("X-RateLimit-Reset").constData());
    const QDateTime reset = resetTime(first);
    QVERIFY(reset.isValid());
    QVERIFY(reset > before && reset <= before.addSecs(301));

    QVERIFY(m_server->configure({{u"rate_limit"_s, 3}, {u"rate_period_seconds"_s, 3}}));
    QTest::qWait(3000 - int(QDateTime::currentMSecsSinceEpoch() % 3000) + 50); // start at a fresh window
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m_api->get(u"/api/v1/notifications"_s).status, 200);
    }
    const ApiResult limited = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(limited.status, 429);
    VERIFY_CONFORMS("GET", u"/api/v1/notifications"_s, limited);
    QCOMPARE(limited.object().value(u"error"_s).toString(), u"Too many requests"_s);
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    const qint64 wait = QDateTime::currentDateTimeUtc().msecsTo(resetTime(limited));
    QVERIFY(wait > 0 && wait <= 3100);
    QTest::qWait(int(wait) + 50);
    QCOMPARE(m_api->get(u"/api/v1/notifications"_s).status, 200);
}

void TestMastodonOpenApi::pagingHasItsOwnBudget()
{
    QVERIFY(m_server->configure({{u"paging_rate_limit"_s, 2}}));
    ApiResult r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.header("X-RateLimit-Limit"), QByteArray("2")); // the budget closest to running out
    QCOMPARE(r.header("X-RateLimit-Remaining"), QByteArray("1"));
    QCOMPARE(m_api->get(u"/api/v1/conversations"_s).status, 200);
    r = m_api->get(u"/api/v1/notifications?max_id=1"_s);
    QCOMPARE(r.status, 429);
    VERIFY_CONFORMS("GET", u"/api/v1/notifications"_s, r);
    r = m_api->get(u"/api/v1/accounts/verify_credentials"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-RateLimit-Limit"), QByteArray("300"));
}

void TestMastodonOpenApi::streamingFramesCarryJsonStrings()
{
    const QString fan = createFan(u"fan"_s);
    StreamProbe stream;
    QUrl url = m_server->streamingUrl();
    url.setPath(u"/api/v1/streaming"_s);
    url.setQuery(u"stream=user&access_token="_s + m_brand.accessToken);
    stream.socket.open(url);
    QVERIFY(stream.waitConnected());
    QCOMPARE(m_server->streamClients(), 1);

    QElapsedTimer sinceMention;
    sinceMention.start();
    m_server->postAs(fan, u"@brand the app crashes on login"_s);
    QJsonObject frame = stream.take(u"notification"_s, 1000);
    QVERIFY2(!frame.isEmpty(), "no notification frame within 1 s");
    QVERIFY(sinceMention.elapsed() < 1000);
    QCOMPARE(frame.value(u"stream"_s).toArray(), QJsonArray {u"user"_s});
    QVERIFY(frame.value(u"payload"_s).isString()); // JSON encoded as a string, not an object
    const QJsonObject notification = QJsonDocument::fromJson(frame.value(u"payload"_s).toString().toUtf8()).object();
    VERIFY_COMPONENT(u"Notification"_s, notification);
    QCOMPARE(notification.value(u"type"_s).toString(), u"mention"_s);

    const QString own
        = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, u"We are on it"_s}}).object().value(u"id"_s).toString();
    frame = stream.take(u"update"_s);
    VERIFY_COMPONENT(u"Status"_s, QJsonDocument::fromJson(frame.value(u"payload"_s).toString().toUtf8()).object());
    m_api->sendJson("PUT", u"/api/v1/statuses/"_s + own, {{u"status"_s, u"We are on it, fix coming"_s}});
    frame = stream.take(u"status.update"_s);
    const QJsonObject edited = QJsonDocument::fromJson(frame.value(u"payload"_s).toString().toUtf8()).object();
    VERIFY_COMPONENT(u"Status"_s, edited);
    QVERIFY(!edited.value(u"edited_at"_s).isNull());
    m_api->del(u"/api/v1/statuses/"_s + own);
    frame = stream.take(u"delete"_s);
    QCOMPARE(frame.value(u"payload"_s).toString(), own); // the bare id

    // Followed accounts' posts arrive as updates; strangers' posts do not.
    const QString followed = createFan(u"partner"_s, {{u"followed_by_brand"_s, true}});
    m_server->postAs(followed, u"Partner news"_s);
    QVERIFY(!stream.take(u"update"_s).isEmpty());
    m_server->postAs(createFan(u"stranger"_s), u"Unrelated"_s);
    QVERIFY(stream.take(u"update"_s, 300).isEmpty());
}

void TestMastodonOpenApi::streamingAuthAndDrops()
{
    // A bad handshake is a real HTTP error, as from Mastodon's streaming server.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, m_server->streamPort());
    QVERIFY(raw.waitForConnected(3000));
    raw.write(
        "GET /api/v1/streaming?stream=user HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(
        QTest::qWaitFor([&] { return raw.bytesAvailable() > 0 || raw.state() != QAbstractSocket::ConnectedState; }));
    const QByteArray answer = raw.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.constData());
    QVERIFY(answer.contains("{\"error\":\"Missing access token\"}"));

    QUrl url = m_server->streamingUrl();
    url.setPath(u"/api/v1/streaming"_s);
    StreamProbe badToken;
    url.setQuery(u"stream=user&access_token=not-a-token"_s);
    badToken.socket.open(url);
    QVERIFY(!badToken.waitConnected());

    // The token in the Authorization header, and as the subprotocol (echoed back by the server).
    url.setQuery(u"stream=user"_s);
    StreamProbe byHeader;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_brand.accessToken.toLatin1());
    byHeader.socket.open(request);
    QVERIFY(byHeader.waitConnected());
    StreamProbe byProtocol;
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({m_brand.accessToken});
    byProtocol.socket.open(url, options);
    QVERIFY(byProtocol.waitConnected());
    QCOMPARE(byProtocol.socket.subprotocol(), m_brand.accessToken);

    // Multiplexing: subscribe to notifications only on a connection opened without a stream.
    StreamProbe multiplexed;
    url.setQuery(u"access_token="_s + m_brand.accessToken);
    multiplexed.socket.open(url);
    QVERIFY(multiplexed.waitConnected());
    multiplexed.socket.sendTextMessage(u"{\"type\":\"subscribe\",\"stream\":\"user:notification\"}"_s);
    QTRY_COMPARE(m_server->control("GET", u"/_test/stream"_s)
                     .object()
                     .value(u"clients"_s)
                     .toArray()
                     .last()
                     .toObject()
                     .value(u"streams"_s)
                     .toArray(),
                 QJsonArray {u"user:notification"_s});
    m_server->postAs(createFan(u"fan"_s), u"@brand hello"_s);
    const QJsonObject frame = multiplexed.take(u"notification"_s);
    QCOMPARE(frame.value(u"stream"_s).toArray(), QJsonArray {u"user:notification"_s});

    QCOMPARE(m_server->dropStreams(), 3);
    QTRY_VERIFY(byHeader.disconnected && byProtocol.disconnected && multiplexed.disconnected);
    QVERIFY(m_server->control("POST", u"/_test/stream/refuse"_s, {{u"count"_s, 1}}).status == 200);
    StreamProbe refused;
    refused.socket.open(url);
    QVERIFY(!refused.waitConnected());
    StreamProbe again;
    again.socket.open(url);
    QVERIFY(again.waitConnected());
}

void TestMastodonOpenApi::scriptedStatusFaults()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_server->addFault({{u"kind"_s, u"429"_s},
                                {u"method"_s, u"GET"_s},
                                {u"path"_s, u"/api/v1/notifications"_s},
                                {u"reset_in"_s, 30}}));
    QVERIFY(m_server->addFault({{u"kind"_s, u"500"_s}, {u"path"_s, u"/api/v1/conversations"_s}, {u"count"_s, 2}}));
    QVERIFY(m_server->addFault(
        {{u"kind"_s, u"503"_s}, {u"path"_s, u"/api/v1/accounts/verify_credentials"_s}, {u"retry_after"_s, 5}}));
    QVERIFY(m_server->addFault({{u"kind"_s, u"500"_s}, {u"method"_s, u"POST"_s}, {u"path"_s, u"/api/v2/instance"_s}}));

    ApiResult r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.status, 429);
    VERIFY_CONFORMS("GET", u"/api/v1/notifications"_s, r);
    QCOMPARE(r.header("X-RateLimit-Remaining"), QByteArray("0"));
    QVERIFY(qAbs(now.secsTo(resetTime(r)) - 30) <= 2);
    QCOMPARE(m_api->get(u"/api/v1/notifications"_s).status, 200); // count 1: only once

    QCOMPARE(m_api->get(u"/api/v1/conversations"_s).status, 500);
    r = m_api->get(u"/api/v1/conversations"_s);
    QCOMPARE(r.status, 500);
    QVERIFY(r.object().contains(u"error"_s));
    QCOMPARE(m_api->get(u"/api/v1/conversations"_s).status, 200);

    r = m_api->get(u"/api/v1/accounts/verify_credentials"_s);
    QCOMPARE(r.status, 503);
    VERIFY_CONFORMS("GET", u"/api/v1/accounts/verify_credentials"_s, r);
    QCOMPARE(r.header("Retry-After"), QByteArray("5"));

    QCOMPARE(m_api->get(u"/api/v2/instance"_s).status, 200); // the fault is for POST only
    const QJsonArray log = m_server->requestLog().value(u"requests"_s).toArray();
    int faulted = 0;
    for (const QJsonValue &entry : log) {
        faulted += entry.toObject().value(u"fault"_s).isString() ? 1 : 0;
    }
    QCOMPARE(faulted, 4);
}

void TestMastodonOpenApi::hangAndDelay()
{
    QVERIFY(m_server->addFault({{u"kind"_s, u"hang"_s}, {u"path"_s, u"/api/v1/notifications"_s}}));
    m_api->timeoutMs = 700;
    ApiResult r = m_api->get(u"/api/v1/notifications"_s);
    QVERIFY2(transferTimedOut(r), qPrintable(r.errorString));
    QVERIFY(r.elapsedMs >= 650);
    m_api->timeoutMs = 10000;
    QCOMPARE(m_api->get(u"/api/v1/notifications"_s).status, 200);

    QVERIFY(m_server->addFault({{u"kind"_s, u"delay"_s}, {u"path"_s, u"/api/v1/notifications"_s}, {u"ms"_s, 800}}));
    r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.elapsedMs >= 750);
}

void TestMastodonOpenApi::resetAbortsConnection()
{
    // Qt resends a request once by itself when a connection dies before any answer, so the reset is scripted
    // twice to reach the caller.
    QVERIFY(m_server->addFault({{u"kind"_s, u"reset"_s}, {u"path"_s, u"/api/v1/notifications"_s}, {u"count"_s, 2}}));
    const ApiResult r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError || r.error == QNetworkReply::ConnectionRefusedError
                 || r.error == QNetworkReply::UnknownNetworkError,
             qPrintable(r.errorString));
    QCOMPARE(m_server->control("GET", u"/_test/faults"_s)
                 .object()
                 .value(u"faults"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"used"_s)
                 .toInt(),
             2);
    QCOMPARE(m_api->get(u"/api/v1/notifications"_s).status, 200);
    // The raw helper sees every reset.
    QVERIFY(m_server->addFault({{u"kind"_s, u"reset"_s}, {u"path"_s, u"/api/v2/instance"_s}}));
    QCOMPARE(m_server->request("GET", u"/api/v2/instance"_s).status, 0);
}

void TestMastodonOpenApi::truncatedAndCutBodies()
{
    QVERIFY(m_server->addFault({{u"kind"_s, u"truncate"_s}, {u"path"_s, u"/api/v2/instance"_s}}));
    const sb::testing::MastodonTestServer::Reply raw = m_server->request("GET", u"/api/v2/instance"_s);
    QCOMPARE(raw.status, 200);
    QVERIFY(raw.body.size() < raw.header("Content-Length").toLongLong()); // announced more than it sent
    QVERIFY(m_server->addFault({{u"kind"_s, u"truncate"_s}, {u"path"_s, u"/api/v2/instance"_s}}));
    ApiResult r = m_api->get(u"/api/v2/instance"_s);
    QVERIFY2(r.error != QNetworkReply::NoError || r.body.size() < r.header("Content-Length").toLongLong(),
             "a truncated body must not look complete");

    QVERIFY(m_server->addFault({{u"kind"_s, u"cut_body"_s}, {u"path"_s, u"/api/v1/notifications"_s}}));
    m_server->postAs(createFan(u"fan"_s), u"@brand hi"_s);
    r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), r.header("Content-Length").toLongLong());
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestMastodonOpenApi::invalidUtf8AndHugeBodies()
{
    QVERIFY(
        m_server->addFault({{u"kind"_s, u"invalid_utf8"_s}, {u"path"_s, u"/api/v1/accounts/verify_credentials"_s}}));
    ApiResult r = m_api->get(u"/api/v1/accounts/verify_credentials"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("\xff\xfe"));
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QCOMPARE(error.error, QJsonParseError::IllegalUTF8String);

    m_server->postAs(createFan(u"fan"_s), u"@brand hi"_s);
    QVERIFY(m_server->addFault({{u"kind"_s, u"huge_body"_s}, {u"path"_s, u"/api/v1/notifications"_s}}));
    r = m_api->get(u"/api/v1/notifications"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.size() >= 10 * 1024 * 1024);
    VERIFY_CONFORMS("GET", u"/api/v1/notifications"_s, r); // big, but still a valid answer
}

void TestMastodonOpenApi::commitThenTimeoutIsReconcilable()
{
    // The server stores the reply, then never answers: the client cannot know it landed. A retry with the same
    // Idempotency-Key returns the stored status instead of posting a second one.
    QVERIFY(m_server->addFault(
        {{u"kind"_s, u"commit_then_hang"_s}, {u"method"_s, u"POST"_s}, {u"path"_s, u"/api/v1/statuses"_s}}));
    const QByteArray key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QString text = u"Refund issued, sorry for the wait"_s;
    m_api->timeoutMs = 700;
    ApiResult r = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, text}}, {{"Idempotency-Key", key}});
    QVERIFY2(transferTimedOut(r), qPrintable(r.errorString));
    QCOMPARE(m_server->countStatuses(text), 1);
    const QString stored
        = m_server->control("GET", u"/_test/statuses?text="_s + QString::fromLatin1(QUrl::toPercentEncoding(text)))
              .object()
              .value(u"statuses"_s)
              .toArray()
              .at(0)
              .toObject()
              .value(u"id"_s)
              .toString();
    m_api->timeoutMs = 10000;
    r = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, text}}, {{"Idempotency-Key", key}});
    QCOMPARE(r.status, 200);
    VERIFY_CONFORMS("POST", u"/api/v1/statuses"_s, r);
    QCOMPARE(r.object().value(u"id"_s).toString(), stored);
    QCOMPARE(m_server->countStatuses(text), 1);

    // The same with the connection reset after the commit.
    QVERIFY(m_server->addFault(
        {{u"kind"_s, u"commit_then_reset"_s}, {u"method"_s, u"POST"_s}, {u"path"_s, u"/api/v1/statuses"_s}}));
    const QString second = u"Second answer"_s;
    const QByteArray secondKey = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    r = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, second}}, {{"Idempotency-Key", secondKey}});
    QCOMPARE(m_server->countStatuses(second), 1);
    r = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, second}}, {{"Idempotency-Key", secondKey}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server->countStatuses(second), 1);
}
