#include "TestWorkspace.h"
#include "core/BusinessHours.h"

#include <QTest>

using namespace sb;

class TestIngest : public QObject {
    Q_OBJECT
private slots:
    void threadsBecomeConversations()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 at = t.clock.nowMs();
        IncomingItem reply = t.inbound(QStringLiteral("r2"), QStringLiteral("root"), QStringLiteral("me too"), at + 10,
                                       QStringLiteral("u2"));
        reply.parentRemoteId = QStringLiteral("r1");
        IncomingItem replyToReply
            = t.inbound(QStringLiteral("r3"), QStringLiteral("root"), QStringLiteral("still waiting"), at + 20);
        replyToReply.parentRemoteId = QStringLiteral("r2");
        auto r = ingestor.ingest({t.inbound(QStringLiteral("r1"), QStringLiteral("root"), QStringLiteral("broken"), at),
                                  reply, replyToReply,
                                  t.inbound(QStringLiteral("x1"), QStringLiteral("other"), QStringLiteral("hi"), at)});
        QVERIFY(r.ok());
        QCOMPARE(r.value().inserted, 4);
        QCOMPARE(r.value().conversationsCreated, 2);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM contacts")), qint64(2));
        QCOMPARE(t.count(QStringLiteral("SELECT item_count FROM conversations WHERE thread_key = 'root'")), qint64(3));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT snippet FROM conversations WHERE thread_key = 'root'")),
                 QStringLiteral("still waiting"));
        QCOMPARE(t.count(QStringLiteral("SELECT unread FROM conversations WHERE thread_key = 'root'")), qint64(1));
    }

    void reingestUpdatesInPlace()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        IncomingItem item
            = t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("typo teh"), t.clock.nowMs());
        QVERIFY(ingestor.ingest({item}).ok());
        item.text = QStringLiteral("fixed the typo");
        item.likes = 4;
        auto r = ingestor.ingest({item});
        QVERIFY(r.ok());
        QCOMPARE(r.value().updated, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT like_count FROM items")), qint64(4));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'teh'")), qint64(0));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'fixed'")), qint64(1));
    }

    void deletionRemovesTheItemEverywhere()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        QVERIFY(ingestor
                    .ingest({t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("first words"),
                                       t.clock.nowMs()),
                             t.inbound(QStringLiteral("r2"), QStringLiteral("t"), QStringLiteral("regrettable"),
                                       t.clock.nowMs() + 1)})
                    .ok());
        QVERIFY(ingestor.removeItem(t.account, QStringLiteral("r2")).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'regrettable'")),
                 qint64(0));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT snippet FROM conversations")), QStringLiteral("first words"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'item_deleted'")), qint64(1));
        QVERIFY(ingestor.removeItem(t.account, QStringLiteral("r2")).ok()); // twice is harmless
    }

    void sameMillisecondItemsKeepDistinctTimeOrderedKeys()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        std::vector<IncomingItem> batch;
        for (int i = 0; i < 50; ++i) {
            batch.push_back(t.inbound(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i),
                                      QStringLiteral("burst"), t.clock.nowMs()));
        }
        QVERIFY(ingestor.ingest(batch).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(DISTINCT seq) FROM items")), qint64(50));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items WHERE seq >> 10 != created_at")), qint64(0));
    }

    void inboundReopensResolvedConversations()
    {
        TestWorkspace t;
        const QString conv
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("help"), t.clock.nowMs());
        QVERIFY(t.engine->setStatus(Actor::employee(t.agent), conv, ConversationStatus::Resolved).ok());
        Ingestor ingestor(t.db(), t.clock, t.ids);
        // Our own outbound message does not reopen it...
        IncomingItem ours
            = t.inbound(QStringLiteral("o1"), QStringLiteral("t"), QStringLiteral("glad to help"), t.clock.nowMs() + 1);
        ours.outbound = true;
        QVERIFY(ingestor.ingest({ours}).ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT status FROM conversations")), QStringLiteral("resolved"));
        // ...the customer writing again does, with a system event.
        auto r = ingestor.ingest(
            {t.inbound(QStringLiteral("r2"), QStringLiteral("t"), QStringLiteral("again"), t.clock.nowMs() + 2)});
        QCOMPARE(r.value().reopened, 1);
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT status FROM conversations")), QStringLiteral("open"));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT actor_kind || ':' || json_extract(details, '$.to') FROM "
                                                  "events ORDER BY seq DESC LIMIT 1")),
                 QStringLiteral("system:open"));
    }

    void slaDueCountsBusinessHours()
    {
        TestWorkspace t;
        BusinessHours bh;
        bh.zone = QTimeZone("Europe/Berlin");
        QVERIFY(t.engine->setBusinessHours(Actor::employee(t.admin), bh).ok());
        // Friday 2026-05-29 16:30 Berlin (CEST, UTC+2) + 60 business minutes = Monday 09:30.
        const qint64 friday = QDateTime(QDate(2026, 5, 29), QTime(16, 30), bh.zone).toMSecsSinceEpoch();
        t.conversationFor(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("weekend question"), friday);
        const qint64 due = t.count(QStringLiteral("SELECT sla_due_at FROM conversations"));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(due, bh.zone), QDateTime(QDate(2026, 6, 1), QTime(9, 30), bh.zone));
    }

    void cursorCommitsWithItsItemsOrNotAtAll()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        CursorUpdate cursor {t.account, QStringLiteral("notifications"), QStringLiteral("n-100"), {}, {}};
        IncomingItem bad = t.inbound(QString(), QStringLiteral("t"), QStringLiteral("no id"), t.clock.nowMs());
        auto failed = ingestor.ingest(
            {t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("ok"), t.clock.nowMs()), bad},
            {cursor});
        QVERIFY(!failed.ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(0));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM sync_cursors")), qint64(0));
        QVERIFY(
            ingestor
                .ingest({t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("ok"), t.clock.nowMs())},
                        {cursor})
                .ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT newest FROM sync_cursors")), QStringLiteral("n-100"));
        // A later page moves only the fields it names.
        QVERIFY(
            ingestor.ingest({}, {{t.account, QStringLiteral("notifications"), {}, QStringLiteral("n-1"), true}}).ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT newest || ',' || oldest || ',' || backfill_done FROM "
                                                  "sync_cursors")),
                 QStringLiteral("n-100,n-1,1"));
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
