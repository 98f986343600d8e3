// The Mastodon connector's write path against the Mastodon test server (tests/mastodon): publishing exactly once,
// replies that mention their recipients, reconciling a maybe-committed post, media uploads.
#include "ChannelTestSupport.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace sb;
using namespace sb::mastodon;
using namespace sb::testing;

namespace {
QString idOf(const QJsonObject &entity)
{
    return entity.value(QStringLiteral("id")).toString();
}

PublishRequest post(const QString &text, const QString &key)
{
    PublishRequest r;
    r.text = text;
    r.idempotencyKey = key;
    r.visibility = QStringLiteral("public");
    return r;
}

// The server's own view of one status (its source text, as the brand wrote it).
QJsonObject serverStatus(const MastodonTestServer &server, const QString &id)
{
    const QJsonArray all
        = server.control("GET", QStringLiteral("/_test/statuses")).object().value(QStringLiteral("statuses")).toArray();
    for (const QJsonValue &v : all) {
        if (v.toObject().value(QStringLiteral("id")).toString() == id) {
            return v.toObject();
        }
    }
    return {};
}

int requestsTo(const MastodonTestServer &server, const QByteArray &method, const QString &pathPrefix)
{
    int n = 0;
    const QJsonArray log = server.requestLog().value(QStringLiteral("requests")).toArray();
    for (const QJsonValue &v : log) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("method")).toString().toLatin1() == method
            && r.value(QStringLiteral("path")).toString().startsWith(pathPrefix)) {
            ++n;
        }
    }
    return n;
}
} // namespace

class TestMastodonPublish : public QObject {
    Q_OBJECT
    ChannelFixture f;

private slots:
    void initTestCase() { QVERIFY2(f.start(), qPrintable(f.server.errorString())); }
    void init() { QVERIFY(f.resetWithBrand()); }

    void sameIdempotencyKeyPostsOnce()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        PublishRequest request = post(QStringLiteral("Doors open at 9 tomorrow"), QStringLiteral("job-1-key"));
        request.language = QStringLiteral("en");
        request.spoilerText = QStringLiteral("event info");
        auto first = publishNow(*channel, request);
        QVERIFY2(first.ok(), qPrintable(why(first)));
        auto second = publishNow(*channel, request);
        QVERIFY2(second.ok(), qPrintable(why(second)));
        QCOMPARE(second.value().remoteId, first.value().remoteId);
        QCOMPARE(f.server.countStatuses(request.text), 1);
        QVERIFY(first.value().url.contains(first.value().remoteId));
        QVERIFY(first.value().item);
        QVERIFY(first.value().item->outbound);
        QCOMPARE(first.value().item->kind, QStringLiteral("post"));
        QCOMPARE(first.value().item->threadKey, first.value().remoteId);
        QVERIFY(first.value().item->text.startsWith(QStringLiteral("event info\n\n")));

        // A different key is a different post.
        auto third = publishNow(*channel, post(request.text, QStringLiteral("job-2-key")));
        QVERIFY(third.ok());
        QCOMPARE(f.server.countStatuses(request.text), 2);
    }

    void requestsThatCannotBeReconciledAreRefused()
    {
        auto channel = f.channel();
        QCOMPARE(kindOf(publishNow(*channel, post(QStringLiteral("no key"), QString()))), int(ErrorKind::Invalid));
        QCOMPARE(kindOf(publishNow(*channel, post(QStringLiteral("bad key"), QStringLiteral("a b")))),
                 int(ErrorKind::Invalid));
        QCOMPARE(kindOf(publishNow(*channel, post(QStringLiteral("  "), QStringLiteral("k")))),
                 int(ErrorKind::Invalid));
        PublishRequest traversal = post(QStringLiteral("x"), QStringLiteral("k2"));
        traversal.inReplyToRemoteId = QStringLiteral("../../oauth/revoke");
        QCOMPARE(kindOf(publishNow(*channel, traversal)), int(ErrorKind::Invalid));
        QCOMPARE(requestsTo(f.server, "POST", QStringLiteral("/api/v1/statuses")), 0);
    }

    void repliesMentionTheirRecipients()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString dora = f.fan(QStringLiteral("dora"));
        const QString eve = f.fan(QStringLiteral("eve"));
        const QString question = idOf(f.server.postAs(dora, QStringLiteral("@brand where is my parcel?")));

        PublishRequest reply = post(QStringLiteral("It ships today!"), QStringLiteral("reply-1"));
        reply.inReplyToRemoteId = question;
        auto sent = publishNow(*channel, reply);
        QVERIFY2(sent.ok(), qPrintable(why(sent)));
        QCOMPARE(serverStatus(f.server, sent.value().remoteId).value(QStringLiteral("text")).toString(),
                 QStringLiteral("@dora@remote.example It ships today!"));
        QCOMPARE(sent.value().item->kind, QStringLiteral("reply"));
        QCOMPARE(sent.value().item->threadKey, question);
        QCOMPARE(sent.value().item->parentRemoteId, question);

        // Already mentioned: the text stays as written.
        PublishRequest polite
            = post(QStringLiteral("Thanks @dora@remote.example, all good"), QStringLiteral("reply-2"));
        polite.inReplyToRemoteId = question;
        auto second = publishNow(*channel, polite);
        QVERIFY(second.ok());
        QCOMPARE(serverStatus(f.server, second.value().remoteId).value(QStringLiteral("text")).toString(), polite.text);

        // A direct reply reaches everyone in the DM, or nobody would see it.
        const QString dm = idOf(f.server.postAs(dora, QStringLiteral("@brand @eve@remote.example private question"),
                                                {{QStringLiteral("visibility"), QStringLiteral("direct")}}));
        PublishRequest direct = post(QStringLiteral("Answered by mail"), QStringLiteral("reply-3"));
        direct.inReplyToRemoteId = dm;
        direct.visibility = QStringLiteral("direct");
        auto answered = publishNow(*channel, direct);
        QVERIFY2(answered.ok(), qPrintable(why(answered)));
        const QString text = serverStatus(f.server, answered.value().remoteId).value(QStringLiteral("text")).toString();
        QVERIFY2(text.contains(QStringLiteral("@dora@remote.example"))
                     && text.contains(QStringLiteral("@eve@remote.example")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("@brand")));
        Q_UNUSED(eve)

        // A parent that is gone is a permanent failure, and nothing is posted.
        QVERIFY(f.server.deleteStatus(question));
        PublishRequest late = post(QStringLiteral("Too late"), QStringLiteral("reply-4"));
        late.inReplyToRemoteId = question;
        QCOMPARE(kindOf(publishNow(*channel, late)), int(ErrorKind::Permanent));
        QCOMPARE(f.server.countStatuses(QStringLiteral("@dora@remote.example Too late")), 0);
    }

    void committedThenLostIsReconciledToOneStatus_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("commit_then_hang") << "commit_then_hang";
        QTest::newRow("commit_then_reset") << "commit_then_reset";
        QTest::newRow("truncate") << "truncate";
        QTest::newRow("huge_body") << "huge_body";
    }
    void committedThenLostIsReconciledToOneStatus()
    {
        QFETCH(QString, fault);
        auto channel = f.channel([](MastodonChannelOptions &o) { o.timeoutMs = 1500; });
        QVERIFY(verifyNow(*channel).ok());
        const QString fan = f.fan(QStringLiteral("waiting"));
        const QString question = idOf(f.server.postAs(fan, QStringLiteral("@brand is it in stock?")));
        PublishRequest reply = post(QStringLiteral("Yes, 12 left"), QStringLiteral("job-") + fault);
        reply.inReplyToRemoteId = question;
        // Twice: Qt's HTTP layer resends a request whose kept-alive connection was reset before any answer (with the
        // same Idempotency-Key, so that alone could never double-post); the second reset reaches the connector.
        QVERIFY(f.server.addFault({{QStringLiteral("kind"), fault},
                                   {QStringLiteral("method"), QStringLiteral("POST")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/statuses")},
                                   {QStringLiteral("count"), 2}}));
        auto lost = publishNow(*channel, reply);
        QVERIFY(f.server.clearFaults());
        QCOMPARE(kindOf(lost), int(ErrorKind::MaybeCommitted));
        QCOMPARE(f.server.countStatuses(QStringLiteral("@waiting@remote.example Yes, 12 left")), 1);

        auto found = reconcileNow(*channel, reply);
        QVERIFY2(found.ok(), qPrintable(why(found)));
        QVERIFY(found.value().item);
        QCOMPARE(found.value().item->parentRemoteId, question);
        QCOMPARE(found.value().item->threadKey, question);
        // Retrying with the same key after all (the outbox's choice) still gives the one status.
        auto retried = publishNow(*channel, reply);
        QVERIFY(retried.ok());
        QCOMPARE(retried.value().remoteId, found.value().remoteId);
        QCOMPARE(f.server.countStatuses(QStringLiteral("@waiting@remote.example Yes, 12 left")), 1);
    }

    void failedBeforeCommitReconcilesToNotFound()
    {
        auto channel = f.channel([](MastodonChannelOptions &o) { o.timeoutMs = 1500; });
        QVERIFY(verifyNow(*channel).ok());
        // Look-alikes that are not this post: other news, the same words as a reply elsewhere, and the same words
        // posted two days ago.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(
                publishNow(*channel, post(QStringLiteral("Other news %1").arg(i), QStringLiteral("o%1").arg(i))).ok());
        }
        const QString text = QStringLiteral("Flash sale at noon");
        const QString fanPost = idOf(f.server.postAs(f.fan(QStringLiteral("shopper")), QStringLiteral("@brand sale?")));
        f.server.postAs(f.brand.accountId, text, {{QStringLiteral("in_reply_to_id"), fanPost}});
        f.server.postAs(
            f.brand.accountId, text,
            {{QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs)}});
        QCOMPARE(f.server.countStatuses(text), 2);

        const PublishRequest request = post(text, QStringLiteral("job-503"));
        QVERIFY(f.server.addFault({{QStringLiteral("kind"), QStringLiteral("503")},
                                   {QStringLiteral("method"), QStringLiteral("POST")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/statuses")}}));
        auto failed = publishNow(*channel, request);
        QCOMPARE(kindOf(failed), int(ErrorKind::MaybeCommitted)); // a 5xx after sending could still have stored it
        auto reconciled = reconcileNow(*channel, request);
        QCOMPARE(kindOf(reconciled), int(ErrorKind::NotFound));
        QCOMPARE(f.server.countStatuses(text), 2);
        auto sent = publishNow(*channel, request);
        QVERIFY(sent.ok());
        QCOMPARE(f.server.countStatuses(text), 3);
        // Now it is there, and reconcile finds this one, not a look-alike.
        auto found = reconcileNow(*channel, request);
        QVERIFY2(found.ok(), qPrintable(why(found)));
        QCOMPARE(found.value().remoteId, sent.value().remoteId);

        // Refused before sending (rate limited): nothing could have been stored.
        QVERIFY(f.server.addFault({{QStringLiteral("kind"), QStringLiteral("429")},
                                   {QStringLiteral("method"), QStringLiteral("POST")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/statuses")}}));
        QCOMPARE(kindOf(publishNow(*channel, post(QStringLiteral("x"), QStringLiteral("k429")))),
                 int(ErrorKind::RateLimited));
    }

    void validationErrorsArePermanent()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        auto tooLong = publishNow(*channel, post(QString(600, QLatin1Char('x')), QStringLiteral("long")));
        QVERIFY(!tooLong.ok());
        QCOMPARE(kindOf(tooLong), int(ErrorKind::Permanent));
        QVERIFY(tooLong.error().message.contains(QStringLiteral("character limit")));
    }

    void mediaUploadsWaitForProcessing_data()
    {
        QTest::addColumn<int>("processingMs");
        QTest::addColumn<bool>("polled");
        QTest::newRow("at once (200)") << 0 << false;
        QTest::newRow("processing (202, 206...)") << 900 << true;
    }
    void mediaUploadsWaitForProcessing()
    {
        QFETCH(int, processingMs);
        QFETCH(bool, polled);
        QVERIFY(f.server.configure({{QStringLiteral("media_processing_ms"), processingMs}}));
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        QTemporaryDir dir;
        QFile png(dir.filePath(QStringLiteral("pixel.png")));
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJ"
            "RU5ErkJggg=="));
        png.close();
        auto id = await<QString>([&](auto done) {
            channel->uploadMedia({png.fileName(), QStringLiteral("image/png"), QStringLiteral("A red pixel")},
                                 std::move(done));
        });
        QVERIFY2(id.ok(), qPrintable(why(id)));
        QCOMPARE(requestsTo(f.server, "GET", QStringLiteral("/api/v1/media/")) > 0, polled);

        PublishRequest withPicture = post(QStringLiteral("Look at this"), QStringLiteral("media-post"));
        withPicture.mediaIds = {id.value()};
        auto sent = publishNow(*channel, withPicture);
        QVERIFY2(sent.ok(), qPrintable(why(sent)));
        const QJsonObject status
            = f.server.request("GET", QStringLiteral("/api/v1/statuses/") + sent.value().remoteId).object();
        const QJsonArray media = status.value(QStringLiteral("media_attachments")).toArray();
        QCOMPARE(media.size(), 1);
        QCOMPARE(media.first().toObject().value(QStringLiteral("description")).toString(),
                 QStringLiteral("A red pixel"));
    }

    void mediaErrors()
    {
        auto channel = f.channel();
        auto missing = await<QString>([&](auto done) {
            channel->uploadMedia({QStringLiteral("/nonexistent/file.png"), {}, {}}, std::move(done));
        });
        QCOMPARE(kindOf(missing), int(ErrorKind::Invalid));
        QVERIFY(f.server.configure({{QStringLiteral("media_processing_ms"), 60000}}));
        auto slow = f.channel([](MastodonChannelOptions &o) { o.mediaPollTotalMs = 800; });
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("clip.png")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
                                   "AAAABJRU5ErkJggg=="));
        file.close();
        auto timedOut = await<QString>([&](auto done) {
            slow->uploadMedia({file.fileName(), {}, {}}, std::move(done));
        });
        QCOMPARE(kindOf(timedOut), int(ErrorKind::Transient));
    }
};

QTEST_GUILESS_MAIN(TestMastodonPublish)
#include "tst_mastodon_publish.moc"
