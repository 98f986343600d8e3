// The double's entities carry the same fields as the recorded answers of a real server: stricter than the schema,
// which leaves most fields optional (part of TestMastodonOpenApi).
#include "VcrCassette.h"
#include "tst_mastodon_openapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QJsonValue recordedBody(const QString &cassette, const QString &method, const QString &uriEnd)
{
    QString error;
    const auto exchanges
        = sb::testing::VcrCassette::load(qEnvironmentVariable("MASTODON_FIXTURES") + u'/' + cassette, &error);
    for (const auto &e : exchanges) {
        if (e.method == method && e.uri.endsWith(uriEnd)) {
            const QJsonDocument doc = QJsonDocument::fromJson(e.body);
            return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
    }
    return {};
}

// The data: line of the first server-sent event of this kind in the recorded stream.
QJsonObject recordedEvent(const QString &streamPath, const QString &event)
{
    QString error;
    const auto exchanges = sb::testing::VcrCassette::load(
        qEnvironmentVariable("MASTODON_FIXTURES") + u"/test_stream_user_direct.yaml"_s, &error);
    for (const auto &e : exchanges) {
        if (!e.uri.endsWith(streamPath)) {
            continue;
        }
        const QStringList lines = QString::fromUtf8(e.body).split(u'\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines.at(i) == u"event: "_s + event) {
                return QJsonDocument::fromJson(lines.at(i + 1).mid(6).toUtf8()).object();
            }
        }
    }
    return {};
}

QStringList keys(const QJsonValue &v)
{
    QStringList k = v.toObject().keys();
    k.sort();
    return k;
}
} // namespace

void TestMastodonOpenApi::entitiesHaveTheRecordedFields()
{
    const QString fan = createFan(u"fan"_s);
    const sb::testing::ApiResult posted
        = m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, u"Hello from the brand"_s}});
    const QJsonValue recordedOwn = recordedBody(u"test_status_postNone_public.yaml"_s, u"POST"_s, u"/statuses"_s);
    QVERIFY(recordedOwn.isObject());
    QCOMPARE(keys(posted.object()), keys(recordedOwn));
    QCOMPARE(keys(posted.object().value(u"account"_s)), keys(recordedOwn.toObject().value(u"account"_s)));

    const QJsonValue recordedDirect = recordedBody(u"test_status_postNone_direct.yaml"_s, u"POST"_s, u"/statuses"_s);
    const QJsonObject direct
        = m_api
              ->postForm(u"/api/v1/statuses"_s,
                         {{u"status"_s, u"@fan@remote.example psst"_s}, {u"visibility"_s, u"direct"_s}})
              .object();
    QCOMPARE(keys(direct), keys(recordedDirect)); // no "pinned" on a direct message

    const QJsonValue recordedCredentials
        = recordedBody(u"test_fetch_next_previous.yaml"_s, u"GET"_s, u"/verify_credentials"_s);
    const QJsonObject credentials = m_api->get(u"/api/v1/accounts/verify_credentials"_s).object();
    QCOMPARE(keys(credentials), keys(recordedCredentials));
    QCOMPARE(keys(credentials.value(u"source"_s)), keys(recordedCredentials.toObject().value(u"source"_s)));
    QCOMPARE(keys(credentials.value(u"role"_s)), keys(recordedCredentials.toObject().value(u"role"_s)));

    // The recorded mention comes from an account on the same server; statuses from other servers carry no
    // "application" (it does not federate).
    const QString neighbour = m_server->createAccount(u"neighbour"_s, {}).value(u"id"_s).toString();
    m_server->postAs(neighbour, u"@brand hello there"_s);
    const QJsonObject notification = m_api->get(u"/api/v1/notifications"_s).json().toArray().at(0).toObject();
    const QJsonObject recordedNotification = recordedEvent(u"/streaming/user"_s, u"notification"_s);
    QCOMPARE(keys(notification), keys(recordedNotification));
    QCOMPARE(keys(notification.value(u"status"_s)), keys(recordedNotification.value(u"status"_s)));
    m_server->postAs(fan, u"@brand from afar"_s);
    const QJsonObject remote = m_api->get(u"/api/v1/notifications"_s).json().toArray().at(0).toObject();
    QStringList expectedRemote = keys(recordedNotification.value(u"status"_s));
    expectedRemote.removeOne(u"application"_s);
    QCOMPARE(keys(remote.value(u"status"_s)), expectedRemote);

    m_server->postAs(fan, u"@brand a secret"_s, {{u"visibility"_s, u"direct"_s}});
    const QJsonObject conversation = m_api->get(u"/api/v1/conversations"_s).json().toArray().at(0).toObject();
    QCOMPARE(keys(conversation), keys(recordedEvent(u"/streaming/direct"_s, u"conversation"_s)));

    const QJsonValue recordedInstance = recordedBody(u"test_instance.yaml"_s, u"GET"_s, u"/api/v2/instance/"_s);
    const QJsonObject instance = m_api->get(u"/api/v2/instance"_s).object();
    QCOMPARE(keys(instance), keys(recordedInstance));
    QCOMPARE(keys(instance.value(u"configuration"_s)), keys(recordedInstance.toObject().value(u"configuration"_s)));
}

void TestMastodonOpenApi::accountsAndMediaUpdates()
{
    sb::testing::ApiResult r = m_api->get(u"/api/v1/accounts/"_s + m_brand.accountId);
    VERIFY_CONFORMS("GET", u"/api/v1/accounts/"_s + m_brand.accountId, r);
    QCOMPARE(r.object().value(u"acct"_s).toString(), u"brand"_s);

    // The brand's own posts, paged like the recorded answer (limit kept in both links, keys in Rails' order).
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(m_api->postForm(u"/api/v1/statuses"_s, {{u"status"_s, u"Post %1"_s.arg(i)}}).status, 200);
    }
    const QString path = u"/api/v1/accounts/"_s + m_brand.accountId + u"/statuses"_s;
    r = m_api->get(path + u"?limit=5"_s);
    VERIFY_CONFORMS("GET", path, r);
    QCOMPARE(r.json().toArray().size(), 5);
    QCOMPARE(r.json().toArray().at(0).toObject().value(u"content"_s).toString(), u"<p>Post 6</p>"_s);
    const QString recorded = recordedHeader(u"test_fetch_next_previous.yaml"_s, u"statuses?limit=5"_s, u"link"_s);
    QVERIFY(!recorded.isEmpty());
    QCOMPARE(linkShape(QString::fromUtf8(r.header("Link"))), linkShape(recorded));

    QVERIFY(m_server->configure({{u"media_processing_ms"_s, 0}}));
    const QString media
        = m_api->uploadMedia(QByteArray::fromHex("474946383961010001000000002c"), u"a.gif"_s, "image/gif")
              .object()
              .value(u"id"_s)
              .toString();
    r = m_api->sendJson("PUT", u"/api/v1/media/"_s + media, {{u"description"_s, u"A tiny animation"_s}});
    VERIFY_CONFORMS("PUT", u"/api/v1/media/"_s + media, r);
    QCOMPARE(r.object().value(u"type"_s).toString(), u"gifv"_s); // GIFs become looping videos
    QCOMPARE(r.object().value(u"description"_s).toString(), u"A tiny animation"_s);
}
