// Bluesky rules that need no server: record keys (TIDs), notification cursors, items from notifications, facets with
// UTF-8 byte offsets, grapheme counting and the typed errors of XRPC answers.
#include "channels/bluesky/BlueskyItems.h"
#include "channels/bluesky/BlueskyXrpc.h"
#include "core/Tid.h"

#include <QJsonDocument>
#include <QTest>

using namespace sb;
using namespace sb::bluesky;

class TestBlueskyRules : public QObject {
    Q_OBJECT

private slots:
    void tidsEncodeTimeAndSort()
    {
        // Known value: 0 microseconds and clock id 0 encode as thirteen times the digit 2.
        QCOMPARE(encodeTid(0, 0), QStringLiteral("2222222222222"));
        const qint64 micros = 1700000000000000;
        const QString tid = encodeTid(micros, 5);
        QCOMPARE(tid.size(), 13);
        QVERIFY(isTid(tid));
        QCOMPARE(tidMicros(tid), micros);
        QVERIFY(!isTid(QStringLiteral("zzzzzzzzzzzzz"))); // top bit set
        QVERIFY(!isTid(QStringLiteral("k222222222222"))); // the first character is one of 2-7, a-j
        QVERIFY(isTid(QStringLiteral("j222222222222")));
        QVERIFY(!isTid(QStringLiteral("3kabc")));
        QVERIFY(!isTid(QStringLiteral("3kabcdefghij1"))); // '1' is not in the alphabet
        // A job's key: the job's time, made unique and reproducible by a random id (a seeded demo gives the same).
        const QString uuid = QStringLiteral("9f3b2c11-0d4e-4a5b-8c6d-7e8f90a1b2c3");
        const QString key = tidFrom(1700000000000, uuid);
        QVERIFY(isTid(key));
        QCOMPARE(key, tidFrom(1700000000000, uuid));
        QCOMPARE(tidMicros(key) / 1000, qint64(1700000000000));
        QVERIFY(key != tidFrom(1700000000000, QStringLiteral("0a3b2c11-0d4e-4a5b-8c6d-7e8f90a1b2c3")));
        QVERIFY(tidFrom(1700000000001, uuid)
                > tidFrom(1700000000000, QStringLiteral("ffffffff-0000-4000-8000-000000000000")));
    }

    void notificationsBecomeItemsOrNothing()
    {
        const QByteArray body
            = "{\"cursor\":\"c2\",\"notifications\":[\n"
              "          "
              "{\"uri\":\"at://did:plc:fan/app.bsky.feed.post/3kreply\",\"cid\":\"bafy1\",\"reason\":\"reply\",\n"
              "           \"author\":{\"did\":\"did:plc:fan\",\"handle\":\"fan.test\",\"displayName\":\"Fan\"},\n"
              "           \"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"Will it "
              "<b>ship</b>?\",\"createdAt\":\"2026-12-07T10:00:00.000Z\",\n"
              "                     \"langs\":[\"en\"],\n"
              "                     "
              "\"reply\":{\"root\":{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/3kroot\",\"cid\":\"bafyr\"},\n"
              "                              "
              "\"parent\":{\"uri\":\"at://did:plc:brand/app.bsky.feed.post/3kparent\",\"cid\":\"bafyp\"}}},\n"
              "           \"indexedAt\":\"2026-12-07T10:00:01.000Z\",\"isRead\":false},\n"
              "          "
              "{\"uri\":\"at://did:plc:fan/app.bsky.feed.like/3klike\",\"cid\":\"bafy2\",\"reason\":\"like\",\n"
              "           \"reasonSubject\":\"at://did:plc:brand/app.bsky.feed.post/3kroot\",\n"
              "           "
              "\"author\":{\"did\":\"did:plc:fan\",\"handle\":\"fan.test\"},\"record\":{},\"indexedAt\":\"2026-12-"
              "07T10:00:02.000Z\"},\n"
              "          "
              "{\"uri\":\"at://did:plc:other/app.bsky.feed.post/3kmention\",\"cid\":\"bafy3\",\"reason\":\"mention\",\n"
              "           \"author\":{\"did\":\"did:plc:other\",\"handle\":\"other.test\"},\n"
              "           \"record\":{\"text\":\"@brand.test "
              "hi\",\"createdAt\":\"2099-01-01T00:00:00Z\"},\"indexedAt\":\"2026-12-07T10:00:03Z\"},\n"
              "          {\"reason\":\"mention\",\"indexedAt\":\"2026-12-07T10:00:04Z\"}\n"
              "        ]}";
        const auto page = parseNotifications(body);
        QVERIFY(page.ok());
        QCOMPARE(page.value().cursor, QStringLiteral("c2"));
        QCOMPARE(page.value().notifications.size(), size_t(3)); // the unreadable one is skipped
        const auto &n = page.value().notifications;

        const auto reply = itemOf(n[0], QStringLiteral("did:plc:brand"));
        QVERIFY(reply);
        QCOMPARE(reply->kind, QStringLiteral("reply"));
        QCOMPARE(reply->threadKey, QStringLiteral("at://did:plc:brand/app.bsky.feed.post/3kroot"));
        QCOMPARE(reply->parentRemoteId, QStringLiteral("at://did:plc:brand/app.bsky.feed.post/3kparent"));
        QCOMPARE(reply->text, QStringLiteral("Will it <b>ship</b>?")); // plain text, escaped when shown
        QVERIFY(reply->html.isEmpty());
        QCOMPARE(reply->lang, QStringLiteral("en"));
        QVERIFY(!reply->outbound);
        QCOMPARE(reply->author.handle, QStringLiteral("@fan.test"));
        QCOMPARE(reply->url, QStringLiteral("https://bsky.app/profile/fan.test/post/3kreply"));
        QCOMPARE(reply->createdAt, QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch());

        QVERIFY(!itemOf(n[1], QStringLiteral("did:plc:brand"))); // a like is not an inbox item

        const auto mention = itemOf(n[2], QStringLiteral("did:plc:brand"));
        QVERIFY(mention);
        QCOMPARE(mention->kind, QStringLiteral("mention"));
        QCOMPARE(mention->threadKey, mention->remoteId); // a thread of its own
        // A createdAt in the future is not believed: the time the network saw it is used.
        QCOMPARE(mention->createdAt, QDateTime(QDate(2026, 12, 7), QTime(10, 0, 3), Qt::UTC).toMSecsSinceEpoch());

        QVERIFY(!parseNotifications("<html>502</html>").ok());
        QVERIFY(!parseNotifications("{\"notifications\":\"nope\"}").ok());
    }

    void cursorsMarkTheNewestSeen()
    {
        Notification older;
        older.uri = QStringLiteral("at://a/app.bsky.feed.post/1");
        older.indexedAt = 1000;
        Notification newer = older;
        newer.indexedAt = 2000;
        const QString marker = markerOf(older);
        QVERIFY(seenBy(older, marker));
        QVERIFY(!seenBy(newer, marker));
        QVERIFY(!seenBy(older, QString()));
        QVERIFY(markerOf(newer) > marker);
        QCOMPARE(markerTime(marker), qint64(1000));
        QCOMPARE(markerTime(QString()), qint64(0));
    }

    void facetsUseUtf8ByteOffsets()
    {
        const QString text = QStringLiteral("Grüße @fan.test, see https://example.com/a_(b). #Frühling #2026 ok");
        QHash<QString, QString> dids {{QStringLiteral("fan.test"), QStringLiteral("did:plc:fan")}};
        const QJsonArray facets = buildFacets(text, dids);
        const QByteArray utf8 = text.toUtf8();
        QCOMPARE(facets.size(), 3); // the mention, the link, #Frühling (#2026 is only digits)
        auto slice = [&](const QJsonObject &f) {
            const QJsonObject index = f.value(QStringLiteral("index")).toObject();
            const int start = index.value(QStringLiteral("byteStart")).toInt();
            const int end = index.value(QStringLiteral("byteEnd")).toInt();
            return QString::fromUtf8(utf8.mid(start, end - start));
        };
        const auto feature
            = [](const QJsonObject &f) { return f.value(QStringLiteral("features")).toArray().first().toObject(); };
        QCOMPARE(slice(facets[0].toObject()), QStringLiteral("@fan.test"));
        QCOMPARE(feature(facets[0].toObject()).value(QStringLiteral("did")).toString(), QStringLiteral("did:plc:fan"));
        QCOMPARE(slice(facets[1].toObject()), QStringLiteral("https://example.com/a_(b)"));
        QCOMPARE(feature(facets[1].toObject()).value(QStringLiteral("uri")).toString(),
                 QStringLiteral("https://example.com/a_(b)"));
        QCOMPARE(slice(facets[2].toObject()), QStringLiteral("#Frühling"));
        QCOMPARE(feature(facets[2].toObject()).value(QStringLiteral("tag")).toString(), QStringLiteral("Frühling"));
        // A mention whose handle did not resolve stays plain text.
        QCOMPARE(buildFacets(QStringLiteral("hi @nobody.test"), {}).size(), 0);
        QCOMPARE(mentionedHandles(QStringLiteral("@A.test and @b.example. and @a.test and mail@c.test")),
                 (QStringList {QStringLiteral("a.test"), QStringLiteral("b.example")}));
    }

    void graphemesAreCountedAsPeopleSeeThem()
    {
        QCOMPARE(graphemeCount(QStringLiteral("abc")), 3);
        QCOMPARE(graphemeCount(QStringLiteral("e\u0301")), 1); // e + combining accent
        QCOMPARE(graphemeCount(QString::fromUtf8("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB")), 1); // ZWJ sequence
        QCOMPARE(graphemeCount(QString::fromUtf8("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB4")), 1); // flag: two code points
        QCOMPARE(graphemeCount(QString(300, QLatin1Char('x'))), kMaxGraphemes);
    }

    void xrpcErrorsAreTyped()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        XrpcOutcome expired;
        expired.httpStatus = 400;
        expired.body = "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}";
        QCOMPARE(classifyXrpcFailure(expired, XrpcEffect::Read, now).kind, ErrorKind::AuthExpired);

        XrpcOutcome limited;
        limited.httpStatus = 429;
        limited.rateLimit = parseXrpcRateLimit("3000", "0", QByteArray::number(now.toSecsSinceEpoch() + 120));
        const Error rate = classifyXrpcFailure(limited, XrpcEffect::Read, now);
        QCOMPARE(rate.kind, ErrorKind::RateLimited);
        QCOMPARE(rate.retryAt.toSecsSinceEpoch(), now.toSecsSinceEpoch() + 120);

        XrpcOutcome cut; // no answer at all after the request went out
        cut.networkError = QNetworkReply::RemoteHostClosedError;
        QCOMPARE(classifyXrpcFailure(cut, XrpcEffect::Publish, now).kind, ErrorKind::MaybeCommitted);
        QCOMPARE(classifyXrpcFailure(cut, XrpcEffect::Read, now).kind, ErrorKind::Transient);
        XrpcOutcome refused;
        refused.networkError = QNetworkReply::ConnectionRefusedError;
        QCOMPARE(classifyXrpcFailure(refused, XrpcEffect::Publish, now).kind, ErrorKind::Transient);

        XrpcOutcome server;
        server.httpStatus = 500;
        server.body = "{\"error\":\"InternalServerError\"}";
        QCOMPARE(classifyXrpcFailure(server, XrpcEffect::Publish, now).kind, ErrorKind::MaybeCommitted);
        XrpcOutcome invalid;
        invalid.httpStatus = 400;
        invalid.body
            = "{\"error\":\"InvalidRequest\",\"message\":\"Record/text must not be longer than 300 graphemes\"}";
        const Error bad = classifyXrpcFailure(invalid, XrpcEffect::Publish, now);
        QCOMPARE(bad.kind, ErrorKind::Permanent);
        QVERIFY(bad.message.contains(QLatin1String("300 graphemes")));
        XrpcOutcome html; // an error page from a proxy: a clear message, no crash
        html.httpStatus = 502;
        html.body = "<html><body>Bad gateway</body></html>";
        QCOMPARE(classifyXrpcFailure(html, XrpcEffect::Read, now).kind, ErrorKind::Transient);
    }

    void sessionsRoundTripWithoutLosingAField()
    {
        Session s {QStringLiteral("did:plc:x"), QStringLiteral("x.test"), QStringLiteral("a"), QStringLiteral("r")};
        const Session back = Session::fromJson(s.toJson());
        QCOMPARE(back.did, s.did);
        QCOMPARE(back.handle, s.handle);
        QCOMPARE(back.accessJwt, s.accessJwt);
        QCOMPARE(back.refreshJwt, s.refreshJwt);
        QVERIFY(!Session::fromJson("not json").valid());
        QVERIFY(!Session::fromJson("secret-app-password").valid());
    }
};

QTEST_GUILESS_MAIN(TestBlueskyRules)
#include "tst_bluesky_rules.moc"
