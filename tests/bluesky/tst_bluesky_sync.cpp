// End to end against a real local AT Protocol network (PLC, the reference PDS, the Bluesky AppView): switchboard-cli
// signs a brand account in with an app password (kept in a real keychain), syncs what another account does to it,
// replies exactly once through a lost answer, sees likes, survives an expired access token and drops what was
// deleted.
#include "BlueskyTestNetwork.h"
#include "channels/bluesky/BlueskyChannel.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "core/Tid.h"
#include "engine/Engine.h"
#include "secrets/SecretStore.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <optional>

using namespace sb;
using sb::testing::BlueskyTestNetwork;

namespace {
template <typename T, typename Start> Result<T> waitFor(Start start)
{
    std::optional<Result<T>> result;
    QEventLoop loop;
    start([&](Result<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result ? std::move(*result) : Result<T>(makeError(ErrorKind::Transient, QStringLiteral("no answer")));
}

struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QJsonObject strongRef(const QJsonObject &post)
{
    return {{QStringLiteral("uri"), post.value(QStringLiteral("uri"))},
            {QStringLiteral("cid"), post.value(QStringLiteral("cid"))}};
}
} // namespace

class TestBlueskySync : public QObject {
    Q_OBJECT

    BlueskyTestNetwork m_net;
    QTemporaryDir m_dir;
    BlueskyTestNetwork::Account m_brand;
    BlueskyTestNetwork::Account m_fan;
    QString m_appPassword;
    QString m_accountId;
    QJsonObject m_brandPost; // the brand's own post the fan answers
    QJsonObject m_fanReply;
    QJsonObject m_fanMention;

    CliRun cli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 120'000)
    {
        return cliIn(m_dir.path(), args, {}, stdinData, timeoutMs);
    }
    CliRun cliIn(const QString &workspace, const QStringList &args, const QHash<QString, QString> &overrides,
                 const QByteArray &stdinData = {}, int timeoutMs = 120'000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRAND_APP_PASSWORD"), m_appPassword);
        env.insert(QStringLiteral("SWITCHBOARD_PLC_URL"), m_net.plc().toString());
        env.insert(QStringLiteral("SWITCHBOARD_REQUEST_TIMEOUT_MS"), QStringLiteral("10000"));
        for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
            if (it.value().isNull()) {
                env.remove(it.key());
            } else {
                env.insert(it.key(), it.value());
            }
        }
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("SWITCHBOARD_CLI"), QStringList {QStringLiteral("--workspace"), workspace} + args);
        p.write(stdinData);
        p.closeWriteChannel();
        CliRun run;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return run;
        }
        run.code = p.exitCode();
        run.out = p.readAllStandardOutput();
        run.err = p.readAllStandardError();
        return run;
    }

    qint64 scalar(const QString &sql)
    {
        SqliteDb db;
        if (!db.open(QDir(m_dir.path()).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok()) {
            return -1;
        }
        return db.scalarInt(sql, -1);
    }
    QString text(const QString &sql)
    {
        SqliteDb db;
        if (!db.open(QDir(m_dir.path()).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok()) {
            return {};
        }
        return db.scalarText(sql);
    }
    SecretStore secrets()
    {
        return SecretStore(text(QStringLiteral("SELECT value FROM settings WHERE key = 'workspace_id'")));
    }

    QJsonObject mentionBrand(const QString &rest, const QDateTime &createdAt = {})
    {
        return m_net.mention(m_fan, m_brand, rest, createdAt);
    }

    bool syncOnce()
    {
        if (!m_net.processAll()) {
            qWarning("processAll failed");
            return false;
        }
        const CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        if (run.code != 0 || qEnvironmentVariableIsSet("SWITCHBOARD_TEST_VERBOSE")) {
            qWarning("sync --once: %s", run.err.constData());
        }
        return run.code == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_net.load(), qPrintable(m_net.errorString()));
        m_brand = m_net.createAccount(QStringLiteral("brand"));
        m_fan = m_net.createAccount(QStringLiteral("fan"));
        QVERIFY(!m_brand.did.isEmpty() && !m_fan.did.isEmpty());
        m_appPassword = m_net.createAppPassword(m_brand, QStringLiteral("Switchboard"));
        QVERIFY(!m_appPassword.isEmpty());
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("Ada")}).code, 0);
    }

    void addAccountWithAnAppPassword()
    {
        const QStringList add {QStringLiteral("account"),
                               QStringLiteral("add"),
                               QStringLiteral("bluesky"),
                               QStringLiteral("--service"),
                               m_net.pds().toString(),
                               QStringLiteral("--handle"),
                               m_brand.handle};
        const CliRun wrong = cli(add + QStringList {QStringLiteral("--app-password-stdin")}, "aaaa-bbbb-cccc-dddd\n");
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains("did not accept"), wrong.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM accounts")), qint64(0));

        const CliRun run = cli(add
                               + QStringList {QStringLiteral("--app-password-env"),
                                              QStringLiteral("BRAND_APP_PASSWORD"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject account = run.json();
        m_accountId = account.value(QStringLiteral("id")).toString();
        QCOMPARE(account.value(QStringLiteral("network")).toString(), QStringLiteral("bluesky"));
        QCOMPARE(account.value(QStringLiteral("credential")).toString(), QStringLiteral("keychain"));
        QCOMPARE(account.value(QStringLiteral("handle")).toString(), QLatin1Char('@') + m_brand.handle);
        QCOMPARE(text(QStringLiteral("SELECT remote_id FROM accounts")), m_brand.did);
        // The app password and the session are in the keychain, and nowhere in the workspace or the output.
        QCOMPARE(secrets().read(m_accountId, QStringLiteral("access_token")).value(), m_appPassword);
        const QString session = secrets().read(m_accountId, QStringLiteral("session")).value();
        QVERIFY(session.contains(m_brand.did));
        const QByteArray refresh = QJsonDocument::fromJson(session.toUtf8())
                                       .object()
                                       .value(QStringLiteral("refreshJwt"))
                                       .toString()
                                       .toUtf8();
        QVERIFY(!refresh.isEmpty());
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            QVERIFY2(!content.contains(m_appPassword.toUtf8()) && !content.contains(refresh), qPrintable(f.fileName()));
        }
        QVERIFY(!run.out.contains(m_appPassword.toUtf8()) && !run.err.contains(m_appPassword.toUtf8()));
    }

    void replyAndMentionArriveThreadedAfterOneSync()
    {
        // The brand posts in the Bluesky app; the fan replies to it and, separately, mentions the brand.
        m_brandPost = m_net.post(m_brand, QStringLiteral("Our spring collection is out today!"));
        QVERIFY(m_brandPost.value(QStringLiteral("uri")).toString().startsWith(QLatin1String("at://")));
        // The fan answers a post they saw: indexed first (the AppView indexes accounts in parallel, and notifies a
        // reply's parent author only when it knows the parent).
        QVERIFY(m_net.processAll());
        m_fanReply = m_net.post(
            m_fan, QStringLiteral("Will it ship to Norway?"),
            {{QStringLiteral("root"), strongRef(m_brandPost)}, {QStringLiteral("parent"), strongRef(m_brandPost)}});
        m_fanMention = mentionBrand(QStringLiteral(" my order 1234 is late"));
        QVERIFY(!m_fanReply.isEmpty() && !m_fanMention.isEmpty());

        QVERIFY(syncOnce());
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("ok"));
        const QString replyUri = m_fanReply.value(QStringLiteral("uri")).toString();
        const QString postUri = m_brandPost.value(QStringLiteral("uri")).toString();
        // The reply, in the conversation of the brand's post, under that post (which came along as context).
        QCOMPARE(text(QStringLiteral("SELECT kind || '|' || direction || '|' || coalesce(parent_remote_id, '') FROM "
                                     "items WHERE remote_id = '%1'")
                          .arg(replyUri)),
                 QStringLiteral("reply|in|") + postUri);
        QCOMPARE(text(QStringLiteral("SELECT c.thread_key FROM items i JOIN conversations c ON c.id = "
                                     "i.conversation_id WHERE i.remote_id = '%1'")
                          .arg(replyUri)),
                 postUri);
        QCOMPARE(text(QStringLiteral("SELECT direction || '|' || (conversation_id = (SELECT conversation_id FROM items "
                                     "WHERE remote_id = '%1')) FROM items WHERE remote_id = '%2'")
                          .arg(replyUri, postUri)),
                 QStringLiteral("out|1"));
        QCOMPARE(text(QStringLiteral("SELECT kind FROM items WHERE remote_id = '%1'")
                          .arg(m_fanMention.value(QStringLiteral("uri")).toString())),
                 QStringLiteral("mention"));
        QCOMPARE(text(QStringLiteral("SELECT handle FROM contacts WHERE remote_id = '%1'").arg(m_fan.did)),
                 QLatin1Char('@') + m_fan.handle);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(3));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM conversations")), qint64(2));

        // Nothing new: another sync adds nothing and keeps the cursor.
        QVERIFY(syncOnce());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(3));

        // A latecomer: written by a client whose clock says ten minutes ago, so it sorts below the newest
        // notification already seen. The next sync still finds it.
        const QJsonObject late = mentionBrand(QStringLiteral(" sent from a phone that was offline"),
                                              QDateTime::currentDateTimeUtc().addSecs(-600));
        QVERIFY(syncOnce());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1'")
                            .arg(late.value(QStringLiteral("uri")).toString())),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(4));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM conversations")), qint64(3));
    }

    void replyGoesOutExactlyOnceWhenTheAnswerIsLost()
    {
        const QString conversation = text(QStringLiteral("SELECT conversation_id FROM items WHERE remote_id = '%1'")
                                              .arg(m_fanReply.value(QStringLiteral("uri")).toString()));
        QVERIFY(!conversation.isEmpty());
        // The PDS commits the post, then the connection is cut before its answer.
        QVERIFY(m_net.dropAnswerAfterCommit(m_brand.did, QStringLiteral("com.atproto.repo.createRecord")));
        const QString replyText = QStringLiteral("Yes, we ship to Norway within 3 days. #spring");
        CliRun run = cli(
            {QStringLiteral("reply"), conversation, QStringLiteral("--text"), replyText, QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("state")).toString(), QStringLiteral("maybe_committed"));
        QCOMPARE(m_net.postsContaining(m_brand, QStringLiteral("ship to Norway")).size(), 1); // it did land

        QVERIFY(syncOnce()); // reconciles by the record key instead of sending again
        QCOMPARE(text(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        const QList<QJsonObject> posts = m_net.postsContaining(m_brand, QStringLiteral("ship to Norway"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject record = posts.first().value(QStringLiteral("value")).toObject();
        const QJsonObject reply = record.value(QStringLiteral("reply")).toObject();
        QCOMPARE(reply.value(QStringLiteral("parent")).toObject().value(QStringLiteral("uri")).toString(),
                 m_fanReply.value(QStringLiteral("uri")).toString());
        QCOMPARE(reply.value(QStringLiteral("parent")).toObject().value(QStringLiteral("cid")).toString(),
                 m_fanReply.value(QStringLiteral("cid")).toString());
        QCOMPARE(reply.value(QStringLiteral("root")).toObject().value(QStringLiteral("uri")).toString(),
                 m_brandPost.value(QStringLiteral("uri")).toString());
        // The hashtag is a facet with UTF-8 byte offsets.
        const QJsonArray facets = record.value(QStringLiteral("facets")).toArray();
        QCOMPARE(facets.size(), 1);
        const QJsonObject index = facets.first().toObject().value(QStringLiteral("index")).toObject();
        QCOMPARE(index.value(QStringLiteral("byteStart")).toInt(), int(replyText.toUtf8().indexOf("#spring")));
        QCOMPARE(index.value(QStringLiteral("byteEnd")).toInt(), int(replyText.toUtf8().size()));
        // The key Switchboard chose before the first attempt is the post's record key.
        QCOMPARE(posts.first().value(QStringLiteral("uri")).toString().section(QLatin1Char('/'), -1),
                 text(QStringLiteral("SELECT record_key FROM outbox_jobs")));
        // Sent once, the reply is an outbound item of the conversation it answers.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1' AND conversation_id = '%2'")
                            .arg(posts.first().value(QStringLiteral("uri")).toString(), conversation)),
                 qint64(1));
    }

    void aLikeRaisesTheCounters()
    {
        const QString replyUri = text(QStringLiteral("SELECT remote_id FROM outbox_jobs"));
        const QList<QJsonObject> posts = m_net.postsContaining(m_brand, QStringLiteral("ship to Norway"));
        QCOMPARE(posts.size(), 1);
        QVERIFY(!m_net.like(m_fan, replyUri, posts.first().value(QStringLiteral("cid")).toString()).isEmpty());
        QVERIFY(!m_net
                     .like(m_fan, m_brandPost.value(QStringLiteral("uri")).toString(),
                           m_brandPost.value(QStringLiteral("cid")).toString())
                     .isEmpty());
        QVERIFY(syncOnce());
        QCOMPARE(scalar(QStringLiteral("SELECT like_count FROM items WHERE remote_id = '%1'").arg(replyUri)),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT like_count FROM items WHERE remote_id = '%1'")
                            .arg(m_brandPost.value(QStringLiteral("uri")).toString())),
                 qint64(1));
    }

    void anExpiredAccessTokenIsRefreshedUnnoticed()
    {
        // The kept session's access token has expired (signed by the PDS, an hour past its end).
        const SecretStore store = secrets();
        QJsonObject session
            = QJsonDocument::fromJson(store.read(m_accountId, QStringLiteral("session")).value().toUtf8()).object();
        const QString oldRefresh = session.value(QStringLiteral("refreshJwt")).toString();
        const QString expired = m_net.expiredAccessToken(m_brand.did);
        QVERIFY(!expired.isEmpty());
        session.insert(QStringLiteral("accessJwt"), expired);
        QVERIFY(store
                    .write(m_accountId, QStringLiteral("session"),
                           QString::fromUtf8(QJsonDocument(session).toJson(QJsonDocument::Compact)))
                    .ok());
        // The PDS refuses it as expired.
        QCOMPARE(m_net.query(QStringLiteral("com.atproto.server.getSession"), {}, expired)
                     .body.value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("ExpiredToken"));

        const QJsonObject another = mentionBrand(QStringLiteral(" thanks!"));
        QVERIFY(syncOnce());
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("ok"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1'")
                            .arg(another.value(QStringLiteral("uri")).toString())),
                 qint64(1));
        // The refreshed session was kept: a new access token and a new (rotated) refresh token.
        QTRY_VERIFY_WITH_TIMEOUT(
            QJsonDocument::fromJson(store.read(m_accountId, QStringLiteral("session")).value().toUtf8())
                    .object()
                    .value(QStringLiteral("refreshJwt"))
                    .toString()
                != oldRefresh,
            5000);
        const QJsonObject kept
            = QJsonDocument::fromJson(store.read(m_accountId, QStringLiteral("session")).value().toUtf8()).object();
        QVERIFY(kept.value(QStringLiteral("accessJwt")).toString() != expired);
        QCOMPARE(m_net
                     .query(QStringLiteral("com.atproto.server.getSession"), {},
                            kept.value(QStringLiteral("accessJwt")).toString())
                     .body.value(QStringLiteral("did"))
                     .toString(),
                 m_brand.did);
    }

    void aDeletedPostLeavesTheInbox()
    {
        const QString mentionUri = m_fanMention.value(QStringLiteral("uri")).toString();
        const QString conversation
            = text(QStringLiteral("SELECT conversation_id FROM items WHERE remote_id = '%1'").arg(mentionUri));
        QCOMPARE(text(QStringLiteral("SELECT status FROM conversations WHERE id = '%1'").arg(conversation)),
                 QStringLiteral("open"));
        QVERIFY(m_net.deleteRecord(m_fan, mentionUri));
        QVERIFY(syncOnce());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1'").arg(mentionUri)),
                 qint64(0));
        // Nothing the customer wrote is left: the conversation is out of the open inbox, by the system.
        QCOMPARE(text(QStringLiteral("SELECT status FROM conversations WHERE id = '%1'").arg(conversation)),
                 QStringLiteral("resolved"));
        const CliRun inbox = cli({QStringLiteral("inbox"), QStringLiteral("list"), QStringLiteral("--status"),
                                  QStringLiteral("open"), QStringLiteral("--json")});
        QVERIFY2(inbox.code == 0, inbox.err.constData());
        QVERIFY(!inbox.out.contains(conversation.toUtf8()));
        // The reply that was answered is still there.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1'")
                            .arg(m_fanReply.value(QStringLiteral("uri")).toString())),
                 qint64(1));
    }

    void imagesGoOutWithTheirAltText()
    {
        // The connector itself, in this process: sign in, upload an image, post it with its alt text.
        QNetworkAccessManager nam;
        bluesky::BlueskyChannelOptions options;
        options.service = m_net.pds();
        options.identifier = m_brand.handle;
        options.plcDirectory = m_net.plc();
        options.appPassword = [this] { return m_appPassword; };
        bluesky::BlueskyChannel channel(&nam, options);
        QTemporaryDir media;
        const QString png = QDir(media.path()).filePath(QStringLiteral("logo.png"));
        {
            // A 1x1 PNG.
            QFile file(png);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
                                           "49444154789c6360f8cfc0f01f0005000201a5f0c1b30000000049454e44ae426082"));
        }
        const auto uploaded = waitFor<QString>([&](auto done) {
            channel.uploadMedia({png, QString(), QStringLiteral("A blue logo on white")}, std::move(done));
        });
        QVERIFY2(uploaded.ok(), qPrintable(uploaded.ok() ? QString() : uploaded.error().message));

        PublishRequest request;
        request.text = QStringLiteral("Our new logo, drawn by @") + m_fan.handle;
        request.mediaIds = {uploaded.value()};
        request.recordKey
            = tidFrom(QDateTime::currentMSecsSinceEpoch(), QUuid::createUuid().toString(QUuid::WithoutBraces));
        const auto published = waitFor<PublishResult>([&](auto done) { channel.publish(request, std::move(done)); });
        QVERIFY2(published.ok(), qPrintable(published.ok() ? QString() : published.error().message));
        const QList<QJsonObject> posts = m_net.postsContaining(m_brand, QStringLiteral("Our new logo"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject record = posts.first().value(QStringLiteral("value")).toObject();
        const QJsonObject embed = record.value(QStringLiteral("embed")).toObject();
        QCOMPARE(embed.value(QStringLiteral("$type")).toString(), QStringLiteral("app.bsky.embed.images"));
        const QJsonObject image = embed.value(QStringLiteral("images")).toArray().first().toObject();
        QCOMPARE(image.value(QStringLiteral("alt")).toString(), QStringLiteral("A blue logo on white"));
        QCOMPARE(image.value(QStringLiteral("image")).toObject().value(QStringLiteral("mimeType")).toString(),
                 QStringLiteral("image/png"));
        // The mention became a facet naming the fan's DID.
        const QJsonObject feature = record.value(QStringLiteral("facets"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("features"))
                                        .toArray()
                                        .first()
                                        .toObject();
        QCOMPARE(feature.value(QStringLiteral("did")).toString(), m_fan.did);

        // Over 300 graphemes: refused before anything is sent.
        request.text = QString(301, QLatin1Char('x'));
        request.mediaIds.clear();
        request.recordKey
            = tidFrom(QDateTime::currentMSecsSinceEpoch(), QUuid::createUuid().toString(QUuid::WithoutBraces));
        const auto tooLong = waitFor<PublishResult>([&](auto done) { channel.publish(request, std::move(done)); });
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().kind, ErrorKind::Invalid);
        QVERIFY(tooLong.error().message.contains(QLatin1String("300")));
        QCOMPARE(m_net.postsContaining(m_brand, QString(301, QLatin1Char('x'))).size(), 0);
        // 300 graphemes, but more than the 3,000 bytes of UTF-8 the lexicon allows: refused as well.
        request.text = QString(300, QChar(0x20AC)) + QString(1100, QChar(0x0301)); // 3,100 bytes
        QCOMPARE(bluesky::graphemeCount(request.text), 300);
        const auto tooBig = waitFor<PublishResult>([&](auto done) { channel.publish(request, std::move(done)); });
        QVERIFY(!tooBig.ok());
        QVERIFY2(tooBig.error().message.contains(QLatin1String("3000")), qPrintable(tooBig.error().message));
        // An image over Bluesky's limit is refused before the upload.
        {
            QFile big(QDir(media.path()).filePath(QStringLiteral("big.png")));
            QVERIFY(big.open(QIODevice::WriteOnly));
            big.write(QByteArray(1'100'000, 'x'));
        }
        const auto bigUpload = waitFor<QString>([&](auto done) {
            channel.uploadMedia(
                {QDir(media.path()).filePath(QStringLiteral("big.png")), QStringLiteral("image/png"), {}},
                std::move(done));
        });
        QVERIFY(!bigUpload.ok());
        QCOMPARE(bigUpload.error().kind, ErrorKind::Invalid);
    }

    void aScheduledPostGoesOutWithItsImage()
    {
        // A post due in two seconds with an image and its alt text, as the calendar or an import makes it.
        QTemporaryDir media;
        const QString png = QDir(media.path()).filePath(QStringLiteral("winter.png"));
        {
            QFile file(png);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray::fromHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
                                           "49444154789c6360f8cfc0f01f0005000201a5f0c1b30000000049454e44ae426082"));
        }
        {
            auto ws = Workspace::open(m_dir.path(), Workspace::OpenMode::OpenExisting);
            QVERIFY(ws.ok());
            Engine engine(ws.value()->db(), SystemClock::instance(), RandomIdSource::instance());
            const Actor ada = Actor::employee(
                ws.value()->db().scalarText(QStringLiteral("SELECT id FROM employees WHERE role = 'admin'")));
            NewPost post;
            post.scheduledAtMs = QDateTime::currentMSecsSinceEpoch() + 2000;
            post.timeZone = QStringLiteral("Europe/Berlin");
            post.variants = {{m_accountId, QStringLiteral("Winter range, photographed at dawn")}};
            const auto id = engine.createPost(ada, post);
            QVERIFY(id.ok());
            QVERIFY(engine
                        .addPostMedia(ada, id.value(), png, QStringLiteral("image/png"), 70,
                                      QStringLiteral("Three jackets on a snowy fence at sunrise"))
                        .ok());
            QVERIFY(engine.submitPost(ada, id.value()).ok());
            QVERIFY(engine.approvePost(ada, id.value()).ok());
        }
        QTest::qWait(2500);
        QVERIFY(syncOnce()); // the scheduler queues it, the outbox uploads the image and publishes
        QCOMPARE(text(QStringLiteral("SELECT state FROM posts ORDER BY created_at DESC LIMIT 1")),
                 QStringLiteral("published"));
        const QList<QJsonObject> posts = m_net.postsContaining(m_brand, QStringLiteral("photographed at dawn"));
        QCOMPARE(posts.size(), 1);
        const QJsonObject image = posts.first()
                                      .value(QStringLiteral("value"))
                                      .toObject()
                                      .value(QStringLiteral("embed"))
                                      .toObject()
                                      .value(QStringLiteral("images"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(image.value(QStringLiteral("alt")).toString(),
                 QStringLiteral("Three jackets on a snowy fence at sunrise"));
        QVERIFY(!text(QStringLiteral("SELECT remote_id FROM media")).isEmpty()); // uploaded once, kept
    }

    void headlessKeepsOnlyTheVariableName()
    {
        // A server without a secret service: only the variable's name is kept, and each run signs in from it.
        QTemporaryDir headless;
        const QHash<QString, QString> noKeychain {
            {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus")}};
        QCOMPARE(cliIn(headless.path(), {QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("Ada")},
                       noKeychain)
                     .code,
                 0);
        const QStringList add {QStringLiteral("account"),
                               QStringLiteral("add"),
                               QStringLiteral("bluesky"),
                               QStringLiteral("--service"),
                               m_net.pds().toString(),
                               QStringLiteral("--handle"),
                               m_brand.did};
        const CliRun stdinRun = cliIn(headless.path(), add + QStringList {QStringLiteral("--app-password-stdin")},
                                      noKeychain, m_appPassword.toUtf8() + '\n');
        QCOMPARE(stdinRun.code, 1); // nowhere to keep a password read from stdin
        QVERIFY2(stdinRun.err.contains("cannot store the app password"), stdinRun.err.constData());
        const CliRun run = cliIn(headless.path(),
                                 add
                                     + QStringList {QStringLiteral("--app-password-env"),
                                                    QStringLiteral("BRAND_APP_PASSWORD"), QStringLiteral("--json")},
                                 noKeychain);
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("credential")).toString(), QStringLiteral("env:BRAND_APP_PASSWORD"));
        QVERIFY(run.err.contains("BRAND_APP_PASSWORD"));
        QVERIFY(!run.out.contains(m_appPassword.toUtf8()) && !run.err.contains(m_appPassword.toUtf8()));

        QVERIFY(m_net.processAll());
        CliRun sync = cliIn(headless.path(), {QStringLiteral("sync"), QStringLiteral("--once")}, noKeychain);
        QVERIFY2(sync.code == 0, sync.err.constData());
        SqliteDb db;
        QVERIFY(db.open(QDir(headless.path()).filePath(Workspace::databaseFileName()), SqliteDb::Mode::ReadOnly).ok());
        QCOMPARE(db.scalarText(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("ok"));
        QVERIFY(db.scalarInt(QStringLiteral("SELECT count(*) FROM items WHERE direction = 'in'")) > 0);
        // Without the variable the account says what is missing instead of failing against the server.
        sync = cliIn(headless.path(), {QStringLiteral("sync"), QStringLiteral("--once")},
                     {{QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus")},
                      {QStringLiteral("BRAND_APP_PASSWORD"), QString()}});
        QCOMPARE(db.scalarText(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("auth_expired"));
        QVERIFY(db.scalarText(QStringLiteral("SELECT health_detail FROM accounts"))
                    .contains(QLatin1String("BRAND_APP_PASSWORD")));
    }
};

QTEST_GUILESS_MAIN(TestBlueskySync)
#include "tst_bluesky_sync.moc"
