// End to end against the Mastodon test server: switchboard-cli adds the account (token into a real keychain),
// syncs, replies exactly once through faults, and the in-process sync engine receives streamed mentions.
#include "MastodonTestServer.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "sync/DefaultChannels.h"
#include "sync/SyncService.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sb;
using sb::testing::MastodonTestServer;

namespace {
struct CliRun {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonValue json() const
    {
        return QJsonDocument::fromJson(out).isArray() ? QJsonValue(QJsonDocument::fromJson(out).array())
                                                      : QJsonValue(QJsonDocument::fromJson(out).object());
    }
};
} // namespace

class TestMastodonSync : public QObject {
    Q_OBJECT

    MastodonTestServer m_server;
    QTemporaryDir m_dir;
    MastodonTestServer::Brand m_brand;
    QString m_fan;

    CliRun cli(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60'000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRAND_TOKEN"), m_brand.accessToken);
        env.insert(QStringLiteral("SWITCHBOARD_REQUEST_TIMEOUT_MS"), QStringLiteral("1500"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("SWITCHBOARD_CLI"),
                QStringList {QStringLiteral("--workspace"), m_dir.path()} + args);
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

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_brand = m_server.createBrand();
        QVERIFY(!m_brand.accessToken.isEmpty());
        m_fan = m_server.createAccount(QStringLiteral("fan")).value(QStringLiteral("id")).toString();
        QVERIFY(cli({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("Ada")}).code == 0);
    }

    void addAccountKeepsTheTokenInTheKeychain()
    {
        const CliRun bad
            = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("mastodon"),
                   QStringLiteral("--instance"), m_server.baseUrl().toString(), QStringLiteral("--token-stdin")},
                  "not-a-valid-token\n");
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("did not accept"), bad.err.constData());

        const CliRun run = cli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("mastodon"),
                                QStringLiteral("--instance"), m_server.baseUrl().toString(),
                                QStringLiteral("--token-env"), QStringLiteral("BRAND_TOKEN"),
                                QStringLiteral("--backfill-days"), QStringLiteral("30"), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject account = run.json().toObject();
        QCOMPARE(account.value(QStringLiteral("credential")).toString(), QStringLiteral("keychain"));
        QCOMPARE(account.value(QStringLiteral("handle")).toString(),
                 QStringLiteral("@brand@") + m_server.baseUrl().authority());
        // The secret is nowhere in the workspace folder.
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files)) {
            QFile file(f.absoluteFilePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(m_brand.accessToken.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(!run.out.contains(m_brand.accessToken.toUtf8()) && !run.err.contains(m_brand.accessToken.toUtf8()));
    }

    void backfillThenIncrementalPoll()
    {
        QVERIFY(m_server
                    .control("POST", QStringLiteral("/_test/bulk"),
                             {{QStringLiteral("count"), 130}, {QStringLiteral("days"), 10}})
                    .status
                == 200);
        CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(130));
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("ok"));

        // A thread: a mention, our reply's sibling from the fan, and a reply to that reply land in one conversation.
        const QJsonObject root = m_server.postAs(m_fan, QStringLiteral("@brand my order 1234 is late"));
        const QString rootId = root.value(QStringLiteral("id")).toString();
        const QJsonObject second
            = m_server.postAs(m_fan, QStringLiteral("@brand any news?"), {{QStringLiteral("in_reply_to_id"), rootId}});
        m_server.postAs(m_fan, QStringLiteral("@brand hello??"),
                        {{QStringLiteral("in_reply_to_id"), second.value(QStringLiteral("id")).toString()}});
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(133));
        QCOMPARE(scalar(QStringLiteral("SELECT item_count FROM conversations WHERE thread_key = '%1'").arg(rootId)),
                 qint64(3));
        // Nothing new: nothing changes.
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QCOMPARE(run.code, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), qint64(133));
    }

    void replyGoesOutExactlyOnceThroughATimeout()
    {
        const QString conversation = text(QStringLiteral("SELECT id FROM conversations ORDER BY last_item_at DESC "
                                                         "LIMIT 1"));
        // The server stores the status, then never answers: the outcome is unknown to the client.
        QVERIFY(m_server.addFault({{QStringLiteral("kind"), QStringLiteral("commit_then_hang")},
                                   {QStringLiteral("method"), QStringLiteral("POST")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/statuses")}}));
        CliRun run = cli({QStringLiteral("reply"), conversation, QStringLiteral("--text"),
                          QStringLiteral("Sorry for the wait, it ships today."), QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(run.json().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("maybe_committed"));
        QCOMPARE(m_server.countStatuses(QStringLiteral("Sorry for the wait, it ships today.")),
                 0); // text has a mention
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(text(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        const QJsonObject statuses
            = m_server.control("GET", QStringLiteral("/_test/statuses?contains=ships%20today")).object();
        QCOMPARE(statuses.value(QStringLiteral("count")).toInt(), 1);
        // The reply is an outbound item of the conversation it answers.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE direction = 'out' AND conversation_id = '%1'")
                            .arg(conversation)),
                 qint64(1));

        // A fan likes and boosts the reply: the next sync raises its counters.
        const QString replyId = text(QStringLiteral("SELECT remote_id FROM items WHERE direction = 'out'"));
        QVERIFY(m_server.favourite(replyId, m_fan));
        QVERIFY(m_server.reblog(replyId, m_fan));
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(text(QStringLiteral("SELECT like_count || '/' || repost_count FROM items WHERE direction = 'out'")),
                 QStringLiteral("1/1"));
    }

    void faultsLeaveTheAppRunningAndLoseNothing_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"500", "503", "reset", "truncate", "cut_body", "invalid_utf8", "huge_body", "hang"}) {
            QTest::newRow(kind) << QString::fromLatin1(kind);
        }
    }

    void faultsLeaveTheAppRunningAndLoseNothing()
    {
        QFETCH(QString, kind);
        const qint64 before = scalar(QStringLiteral("SELECT count(*) FROM items"));
        m_server.postAs(m_fan, QStringLiteral("@brand fault test %1").arg(kind));
        QVERIFY(m_server.addFault({{QStringLiteral("kind"), kind},
                                   {QStringLiteral("method"), QStringLiteral("GET")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/notifications")},
                                   {QStringLiteral("count"), 2}}));
        CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY(run.code == 0 || run.code == 1); // a clean exit either way, never a crash
        if (run.code == 1) {
            QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("error"));
        }
        m_server.clearFaults();
        run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items")), before + 1);
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("ok"));
    }

    void rateLimitShowsUntilWhen()
    {
        QVERIFY(m_server.addFault({{QStringLiteral("kind"), QStringLiteral("429")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/")},
                                   {QStringLiteral("reset_in"), 90},
                                   {QStringLiteral("count"), 3}}));
        const CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QCOMPARE(run.code, 1);
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("rate_limited"));
        const qint64 until = scalar(QStringLiteral("SELECT rate_limited_until FROM accounts"));
        const qint64 expected = QDateTime::currentMSecsSinceEpoch() + 90'000;
        QVERIFY2(qAbs(until - expected) < 10'000, qPrintable(QString::number(until - expected)));
        const CliRun list = cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        const QJsonObject account = list.json().toArray().at(0).toObject();
        QCOMPARE(account.value(QStringLiteral("health")).toString(), QStringLiteral("rate_limited"));
        QVERIFY(!account.value(QStringLiteral("rate_limited_until")).toString().isEmpty());
        m_server.clearFaults();
    }

    void streamedMentionArrivesWithinASecond()
    {
        auto opened = Workspace::open(m_dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(opened.ok());
        SyncOptions options;
        options.pollIntervalMs = 600'000; // only the stream can deliver in time
        SyncService service(m_dir.path(), SystemClock::instance(), RandomIdSource::instance(), options);
        registerDefaultChannels(service);
        QVERIFY(service.open().ok());
        service.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_server.streamClients() > 0, 15'000);
        m_server.postAs(m_fan, QStringLiteral("@brand streamed hello"));
        QElapsedTimer timer;
        timer.start();
        SqliteDb &db = opened.value()->db();
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalarInt(QStringLiteral("SELECT count(*) FROM items WHERE text LIKE '%streamed hello%'")) == 1, 1'000);
        qInfo("streamed mention stored after %lld ms", timer.elapsed());
        // The stream drops (no replay): the engine polls after reconnecting and catches what it missed.
        QVERIFY(m_server.dropStreams() > 0);
        m_server.postAs(m_fan, QStringLiteral("@brand while you were away"));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.scalarInt(QStringLiteral("SELECT count(*) FROM items WHERE text LIKE '%while you were away%'")) == 1,
            20'000);
        service.stop();
    }

    // Advocacy: an account linked as an employee's own has its own posts read (not its replies or boosts), with
    // their counters, and they count as that employee's own posts in the engagement report.
    void ownAccountPostsCountAsAdvocacy()
    {
        const QString ada = text(QStringLiteral("SELECT id FROM employees LIMIT 1"));
        const QString account = text(QStringLiteral("SELECT id FROM accounts LIMIT 1"));
        {
            auto opened = Workspace::open(m_dir.path(), Workspace::OpenMode::OpenExisting);
            QVERIFY(opened.ok());
            SeededIdSource ids(5);
            Engine engine(opened.value()->db(), SystemClock::instance(), ids);
            QVERIFY(engine.setAccountOwner(Actor::employee(ada), account, ada).ok());
        }
        const QString post = m_server.postAs(m_brand.accountId, QStringLiteral("Trail report from the weekend"))
                                 .value(QStringLiteral("id"))
                                 .toString();
        QVERIFY(!post.isEmpty());
        m_server.postAs(m_brand.accountId, QStringLiteral("A reply, not a post"),
                        {{QStringLiteral("in_reply_to_id"), post}});
        QVERIFY(m_server.favourite(post, m_fan));
        QVERIFY(m_server.reblog(post, m_fan));
        CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(run.code == 0, run.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM own_posts WHERE remote_id = '%1'").arg(post)), qint64(1));
        QCOMPARE(text(QStringLiteral("SELECT like_count || '/' || repost_count FROM own_posts WHERE remote_id = '%1'")
                          .arg(post)),
                 QStringLiteral("1/1"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM own_posts WHERE text LIKE '%reply, not a post%'")),
                 qint64(0));
        // No inbox conversation for it.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = '%1'").arg(post)), qint64(0));

        run = cli({QStringLiteral("report"), QStringLiteral("engagement"), QStringLiteral("--from"),
                   QDate::currentDate().addDays(-1).toString(Qt::ISODate), QStringLiteral("--to"),
                   QDate::currentDate().addDays(1).toString(Qt::ISODate), QStringLiteral("--format"),
                   QStringLiteral("json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject me = run.json().toObject().value(QStringLiteral("employees")).toArray().at(0).toObject();
        QCOMPARE(me.value(QStringLiteral("own_posts")).toInt(), 1);
        // A like, a boost and a reply (the account's own reply counts on the server too).
        QCOMPARE(me.value(QStringLiteral("own_post_engagement")).toInt(), 3);
    }

    void revokedTokenAsksToSignInAgain()
    {
        QVERIFY(m_server.revokeTokens(m_brand.accountId));
        const CliRun run = cli({QStringLiteral("sync"), QStringLiteral("--once")});
        QCOMPARE(run.code, 1);
        QCOMPARE(text(QStringLiteral("SELECT health FROM accounts")), QStringLiteral("auth_expired"));
        const CliRun list = cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.json().toArray().at(0).toObject().value(QStringLiteral("health")).toString(),
                 QStringLiteral("auth_expired"));
    }
};

QTEST_GUILESS_MAIN(TestMastodonSync)
#include "tst_mastodon_sync.moc"
