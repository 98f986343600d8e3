#include "ScriptedChannel.h"
#include "sync/SyncService.h"
#include "unit/TestWorkspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace sb;

namespace {
constexpr qint64 kDay = 86'400'000;

struct Harness {
    TestWorkspace t;
    std::shared_ptr<ScriptedNetwork> net = std::make_shared<ScriptedNetwork>();
    std::unique_ptr<SyncService> sync;

    Harness()
    {
        sync = std::make_unique<SyncService>(t.dir.path(), t.clock, t.ids);
        sync->setChannelFactory(QStringLiteral("mastodon"),
                                [net = net](const ChannelContext &) { return std::make_unique<ScriptedChannel>(net); });
        const Status opened = sync->open();
        if (!opened.ok()) {
            qFatal("%s", qPrintable(opened.error().message));
        }
    }

    Status once()
    {
        std::optional<Status> result;
        sync->runOnce({}, [&](Status s) { result = s; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10'000)) {
            return makeError(ErrorKind::Transient, QStringLiteral("sync pass did not finish"));
        }
        return *result;
    }

    QString health() { return t.db().scalarText(QStringLiteral("SELECT health FROM accounts")); }
    qint64 count(const char *sql) { return t.count(QString::fromLatin1(sql)); }
};
} // namespace

class TestSync : public QObject {
    Q_OBJECT
private slots:
    void backfillToTheHorizonThenPollIncrementally()
    {
        Harness h;
        const qint64 now = h.t.clock.nowMs();
        // 400 items over the last 40 days; the account keeps 30 days.
        for (int i = 0; i < 400; ++i) {
            h.net->addItem(now - 40 * kDay + i * (40 * kDay / 400), QStringLiteral("message %1").arg(i));
        }
        QVERIFY(h.once().ok());
        const qint64 horizon = now - 30 * kDay;
        QCOMPARE(h.health(), Health::Ok);
        // Everything inside the horizon arrived; what lies beyond is at most the last page's overshoot.
        QCOMPARE(h.count("SELECT count(*) FROM items WHERE created_at >= 1780000000000 - 30 * 86400000"), qint64(300));
        QVERIFY(h.t.count(QStringLiteral("SELECT count(*) FROM items WHERE created_at < %1").arg(horizon))
                <= h.net->pageSize);
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT newest || '/' || backfill_done FROM sync_cursors")),
                 QStringLiteral("1399/1"));
        QVERIFY(!h.t.db().scalarText(QStringLiteral("SELECT last_sync_at FROM accounts")).isEmpty());

        // New mentions arrive: the next pass fetches exactly those, across several pages.
        const qint64 before = h.count("SELECT count(*) FROM items");
        for (int i = 0; i < 45; ++i) {
            h.net->addItem(now + i, QStringLiteral("new %1").arg(i));
        }
        QVERIFY(h.once().ok());
        QCOMPARE(h.count("SELECT count(*) FROM items") - before, qint64(45));
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT newest FROM sync_cursors")), QStringLiteral("1444"));
        QVERIFY(h.once().ok()); // nothing new: nothing changes
        QCOMPARE(h.count("SELECT count(*) FROM items") - before, qint64(45));
    }

    void rateLimitIsHonoured()
    {
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("hi"));
        const QDateTime reset = QDateTime::fromMSecsSinceEpoch(h.t.clock.nowMs() + 120'000, Qt::UTC);
        h.net->failNextCalls.push_back(Error {ErrorKind::RateLimited, QStringLiteral("Too many requests"), reset});
        const Status s = h.once();
        QCOMPARE(s.error().kind, ErrorKind::RateLimited);
        QCOMPARE(h.health(), Health::RateLimited);
        QCOMPARE(h.t.count(QStringLiteral("SELECT rate_limited_until FROM accounts")), reset.toMSecsSinceEpoch());
        QVERIFY(h.once().ok());
        QCOMPARE(h.health(), Health::Ok);
        QVERIFY(h.t.db().scalarText(QStringLiteral("SELECT rate_limited_until FROM accounts")).isEmpty());
    }

    void revokedCredentialsStopTheAccount()
    {
        Harness h;
        h.net->failNextCalls.push_back(
            Error {ErrorKind::AuthExpired, QStringLiteral("The access token is invalid"), {}});
        QCOMPARE(h.once().error().kind, ErrorKind::AuthExpired);
        QCOMPARE(h.health(), Health::AuthExpired);
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT health_detail FROM accounts")),
                 QStringLiteral("The access token is invalid"));
    }

    void transientErrorsLoseNothing()
    {
        Harness h;
        for (int i = 0; i < 30; ++i) {
            h.net->addItem(h.t.clock.nowMs() - i * 1000, QStringLiteral("m%1").arg(i));
        }
        h.net->failNextCalls.push_back(Error {ErrorKind::Transient, QStringLiteral("503 Service Unavailable"), {}});
        QCOMPARE(h.once().error().kind, ErrorKind::Transient);
        QCOMPARE(h.health(), Health::Error);
        QVERIFY(h.once().ok());
        QCOMPARE(h.count("SELECT count(*) FROM items"), qint64(30));
        QCOMPARE(h.health(), Health::Ok);
    }

    void replyGoesOutExactlyOnceInItsConversation()
    {
        Harness h;
        h.net->addItem(h.t.clock.nowMs() - 60'000, QStringLiteral("Where is my parcel?"), QStringLiteral("1000"));
        QVERIFY(h.once().ok());
        const QString conv = h.t.db().scalarText(QStringLiteral("SELECT id FROM conversations"));
        auto reply = h.t.engine->submitReply(Actor::employee(h.t.agent), conv, QStringLiteral("On its way!"));
        QVERIFY(reply.ok());
        QVERIFY(h.once().ok());
        QCOMPARE(h.net->publishCalls, 1);
        QCOMPARE(h.net->posts.begin()->second.inReplyTo, QStringLiteral("1000"));
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        // The sent reply is an outbound item of the same conversation, by the employee, and counts as first response.
        QCOMPARE(h.count("SELECT count(*) FROM items WHERE direction = 'out'"), qint64(1));
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT conversation_id || author_employee_id FROM items WHERE "
                                                    "direction = 'out'")),
                 conv + h.t.agent);
        QVERIFY(h.count("SELECT first_response_secs FROM conversations") >= 60);
        QVERIFY(h.once().ok());
        QCOMPARE(h.net->publishCalls, 1); // a done job is never sent again
    }

    void maybeCommittedIsReconciledNotResent()
    {
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("help"), QStringLiteral("1000"));
        QVERIFY(h.once().ok());
        const QString conv = h.t.db().scalarText(QStringLiteral("SELECT id FROM conversations"));
        QVERIFY(h.t.engine->submitReply(Actor::employee(h.t.agent), conv, QStringLiteral("answer")).ok());
        const QString key = h.t.db().scalarText(QStringLiteral("SELECT idempotency_key FROM outbox_jobs"));
        h.net->commitThenFail = true; // the server stores it, the answer is lost
        QVERIFY(h.once().ok());
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")),
                 QStringLiteral("maybe_committed"));
        h.t.clock.advance(10 * 60'000);
        QVERIFY(h.once().ok());
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        QCOMPARE(h.net->publishCalls, 1);
        QCOMPARE(h.net->reconcileCalls, 1);
        QCOMPARE(h.net->postsWithKey(key), 1);
    }

    void crashWhileSendingIsReconciledOnRestart_data()
    {
        QTest::addColumn<bool>("landed");
        QTest::newRow("landed before the crash") << true;
        QTest::newRow("never left") << false;
    }

    void crashWhileSendingIsReconciledOnRestart()
    {
        QFETCH(bool, landed);
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("help"), QStringLiteral("1000"));
        QVERIFY(h.once().ok());
        const QString conv = h.t.db().scalarText(QStringLiteral("SELECT id FROM conversations"));
        QVERIFY(h.t.engine->submitReply(Actor::employee(h.t.agent), conv, QStringLiteral("answer")).ok());
        const QString key = h.t.db().scalarText(QStringLiteral("SELECT idempotency_key FROM outbox_jobs"));
        // Simulate a process killed after marking the job sending (and maybe after the server stored it).
        QVERIFY(h.t.db().exec("UPDATE outbox_jobs SET state = 'sending', attempts = 1").ok());
        if (landed) {
            h.net->posts[QStringLiteral("77")] = {key, QStringLiteral("answer"), QStringLiteral("1000")};
        }
        h.sync.reset(); // the old process is gone
        h.sync = std::make_unique<SyncService>(h.t.dir.path(), h.t.clock, h.t.ids);
        h.sync->setChannelFactory(QStringLiteral("mastodon"), [net = h.net](const ChannelContext &) {
            return std::make_unique<ScriptedChannel>(net);
        });
        QVERIFY(h.sync->open().ok());
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")),
                 QStringLiteral("maybe_committed"));
        QVERIFY(h.once().ok());
        QVERIFY(h.once().ok()); // a NotFound reconcile makes the job pending; the next pass sends it
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        QCOMPARE(h.net->postsWithKey(key), 1);
        QCOMPARE(h.net->publishCalls, landed ? 0 : 1);
    }

    void offlineJobsWaitAndGoOutLater()
    {
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("help"), QStringLiteral("1000"));
        QVERIFY(h.once().ok());
        const QString conv = h.t.db().scalarText(QStringLiteral("SELECT id FROM conversations"));
        QVERIFY(h.t.engine->submitReply(Actor::employee(h.t.agent), conv, QStringLiteral("answer")).ok());
        // Offline: the verify/poll and the send fail.
        h.net->failNextCalls.push_back(Error {ErrorKind::Transient, QStringLiteral("Host unreachable"), {}});
        h.net->failNextPublish.push_back(Error {ErrorKind::Transient, QStringLiteral("Host unreachable"), {}});
        QVERIFY(!h.once().ok());
        QCOMPARE(h.net->publishCalls, 1);
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("pending"));
        h.net->failNextCalls.clear();
        h.t.clock.advance(60 * 60'000);
        QVERIFY(h.once().ok());
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("done"));
        QCOMPARE(int(h.net->posts.size()), 1);
    }

    void permanentRefusalFailsTheJobWithAnEvent()
    {
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("help"), QStringLiteral("1000"));
        QVERIFY(h.once().ok());
        const QString conv = h.t.db().scalarText(QStringLiteral("SELECT id FROM conversations"));
        QVERIFY(h.t.engine->submitReply(Actor::employee(h.t.agent), conv, QStringLiteral("answer")).ok());
        h.net->failNextPublish.push_back(
            Error {ErrorKind::Permanent, QStringLiteral("Validation failed: Text too long"), {}});
        QVERIFY(h.once().ok());
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT state FROM outbox_jobs")), QStringLiteral("failed"));
        QCOMPARE(h.t.db().scalarText(QStringLiteral("SELECT last_error FROM outbox_jobs")),
                 QStringLiteral("Validation failed: Text too long"));
        QCOMPARE(h.count("SELECT count(*) FROM events WHERE action = 'publish_failed'"), qint64(1));
    }

    void accountsChangedElsewhereAreNoticed()
    {
        // serve runs; the GUI (another process, here the test's own connection) pauses the account and adds one.
        Harness h;
        h.net->addItem(h.t.clock.nowMs(), QStringLiteral("hello"));
        h.sync->start();
        QTRY_COMPARE(h.health(), Health::Ok);
        QVERIFY(h.t.engine->setAccountPaused(Actor::employee(h.t.admin), h.t.account, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(h.sync->accountSync(h.t.account) && h.sync->accountSync(h.t.account)->account().paused,
                                 10'000);
        NewAccount second;
        second.handle = QStringLiteral("@help@example.social");
        second.serviceUrl = QStringLiteral("https://example.social");
        const QString added = h.t.engine->addAccount(Actor::employee(h.t.admin), second).value();
        QTRY_VERIFY_WITH_TIMEOUT(h.sync->accountSync(added) != nullptr, 10'000);
        h.sync->stop();
    }

    void oneRunnerPerWorkspace()
    {
        Harness h;
        SyncService second(h.t.dir.path(), h.t.clock, h.t.ids);
        const Status s = second.open();
        QCOMPARE(s.error().kind, ErrorKind::Conflict);
        QVERIFY(!second.isRunner());
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
