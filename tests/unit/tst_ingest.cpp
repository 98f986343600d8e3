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

    // Pages come newest first; the conversation must still open with the oldest item and end with the newest.
    void newestFirstPageOpensTheConversationWithItsOldestItem()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 at = t.clock.nowMs() - 3'600'000;
        IncomingItem ours
            = t.inbound(QStringLiteral("o1"), QStringLiteral("t"), QStringLiteral("we are on it"), at + 10);
        ours.outbound = true;
        auto r = ingestor.ingest(
            {t.inbound(QStringLiteral("r3"), QStringLiteral("t"), QStringLiteral("third"), at + 20), ours,
             t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("first"), at)});
        QVERIFY(r.ok());
        QCOMPARE(r.value().conversationsCreated, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT first_inbound_at FROM conversations")), at);
        QCOMPARE(t.count(QStringLiteral("SELECT last_item_at FROM conversations")), at + 20);
        QCOMPARE(t.count(QStringLiteral("SELECT last_inbound_at FROM conversations")), at + 20);
        QCOMPARE(t.count(QStringLiteral("SELECT item_count FROM conversations")), qint64(3));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT snippet FROM conversations")), QStringLiteral("third"));
        // The SLA runs from the first inbound message (60 business minutes for this account).
        QVERIFY(t.count(QStringLiteral("SELECT sla_due_at FROM conversations")) >= at + 3'600'000);
        // Later pages add to the same conversation; an older message does not replace the snippet.
        QVERIFY(
            ingestor.ingest({t.inbound(QStringLiteral("r0"), QStringLiteral("t"), QStringLiteral("zeroth"), at - 5)})
                .ok());
        QCOMPARE(t.count(QStringLiteral("SELECT item_count FROM conversations")), qint64(4));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT snippet FROM conversations")), QStringLiteral("third"));
    }

    // FTS5 buffers terms in memory only while rowids increase; items stored newest first used to write one
    // full-text segment per item.
    void newestFirstPageKeepsTheFullTextIndexCompact()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        std::vector<IncomingItem> page;
        for (int i = 1; i <= 200; ++i) { // newest first, as the API pages
            page.push_back(t.inbound(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i),
                                     QStringLiteral("parcel number %1 is late").arg(i), t.clock.nowMs() - i * 1000));
        }
        // Without automatic merging every segment FTS5 writes stays visible as its own blocks.
        QVERIFY(t.db().exec("INSERT INTO item_fts(item_fts, rank) VALUES ('automerge', 0)").ok());
        QVERIFY(t.db().exec("INSERT INTO item_fts(item_fts, rank) VALUES ('crisismerge', 1000)").ok());
        const qint64 before = t.count(QStringLiteral("SELECT count(*) FROM item_fts_data"));
        QVERIFY(ingestor.ingest(page).ok());
        const qint64 blocks = t.count(QStringLiteral("SELECT count(*) FROM item_fts_data")) - before;
        QVERIFY2(blocks <= 5, qPrintable(QStringLiteral("%1 full-text blocks for 200 items").arg(blocks)));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'parcel'")), qint64(200));
    }

    void batchesShareOneTransactionWithTheirOwnResults()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 now = t.clock.nowMs();
        IngestBatch first;
        first.items = {t.inbound(QStringLiteral("a1"), QStringLiteral("ta"), QStringLiteral("one"), now - 30),
                       t.inbound(QStringLiteral("a2"), QStringLiteral("ta"), QStringLiteral("two"), now - 20)};
        first.cursors = {{t.account, QStringLiteral("notifications"), QStringLiteral("n-2"), {}, {}}};
        IngestBatch second;
        second.items = {t.inbound(QStringLiteral("b1"), QStringLiteral("tb"), QStringLiteral("other"), now - 25)};
        second.cursors = {{t.account, QStringLiteral("notifications"), QStringLiteral("n-3"), {}, {}}};
        auto r = ingestor.ingest(std::vector<const IngestBatch *> {&first, &second});
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), size_t(2));
        QCOMPARE(r.value()[0].inserted, 2);
        QCOMPARE(r.value()[0].conversationsCreated, 1);
        QCOMPARE(r.value()[1].inserted, 1);
        QCOMPARE(r.value()[1].conversationsCreated, 1);
        // Cursors apply in the order of the batches.
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT newest FROM sync_cursors")), QStringLiteral("n-3"));

        // One invalid item fails the whole call: nothing of either batch is written.
        IngestBatch good;
        good.items = {t.inbound(QStringLiteral("c1"), QStringLiteral("tc"), QStringLiteral("fine"), now)};
        good.cursors = {{t.account, QStringLiteral("notifications"), QStringLiteral("n-9"), {}, {}}};
        IngestBatch bad;
        bad.items = {t.inbound(QStringLiteral("c2"), QString(), QStringLiteral("no thread"), now)};
        QVERIFY(!ingestor.ingest(std::vector<const IngestBatch *> {&good, &bad}).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items WHERE remote_id = 'c1'")), qint64(0));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT newest FROM sync_cursors")), QStringLiteral("n-3"));
    }

    void sameItemTwiceInOneCallIsStoredOnceWithTheLaterCopy()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        IncomingItem streamed
            = t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("typo teh"), t.clock.nowMs());
        IncomingItem polled = streamed;
        polled.text = QStringLiteral("typo fixed");
        IngestBatch a;
        a.items = {streamed};
        IngestBatch b;
        b.items = {polled};
        auto r = ingestor.ingest(std::vector<const IngestBatch *> {&a, &b});
        QVERIFY(r.ok());
        QCOMPARE(r.value()[0].inserted, 1);
        QCOMPARE(r.value()[1].updated, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT item_count FROM conversations")), qint64(1));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT text FROM items")), QStringLiteral("typo fixed"));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT snippet FROM conversations")), QStringLiteral("typo fixed"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH 'fixed'")), qint64(1));
    }

    void unchangedReingestWritesNothing()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const IncomingItem item
            = t.inbound(QStringLiteral("r1"), QStringLiteral("t"), QStringLiteral("hello"), t.clock.nowMs());
        QVERIFY(ingestor.ingest({item}).ok());
        const qint64 updatedAt = t.count(QStringLiteral("SELECT updated_at FROM items"));
        t.clock.advance(60'000);
        auto r = ingestor.ingest({item});
        QVERIFY(r.ok());
        QCOMPARE(r.value().inserted, 0);
        QCOMPARE(r.value().updated, 0);
        QCOMPARE(t.count(QStringLiteral("SELECT updated_at FROM items")), updatedAt);
        IncomingItem liked = item;
        liked.likes = 3;
        r = ingestor.ingest({liked});
        QCOMPARE(r.value().updated, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT like_count FROM items")), qint64(3));
    }

    // Contacts are remembered across calls, but only those of committed calls: a rolled-back call must not leave
    // the id of a contact that no longer exists.
    void rolledBackCallLeavesNoRememberedContact()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 now = t.clock.nowMs();
        const IncomingItem newcomer
            = t.inbound(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hi"), now, QStringLiteral("new"));
        IncomingItem bad = t.inbound(QStringLiteral("r2"), QStringLiteral("t2"), QStringLiteral("x"), now);
        bad.threadKey.clear();
        QVERIFY(!ingestor.ingest({newcomer, bad}).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM contacts")), qint64(0));
        auto r = ingestor.ingest({newcomer});
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM contacts")), qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items i JOIN contacts c ON c.id = i.contact_id")),
                 qint64(1));
        // A remembered contact whose name changed on the server is updated.
        IncomingItem renamed = t.inbound(QStringLiteral("r3"), QStringLiteral("t3"), QStringLiteral("again"), now + 1,
                                         QStringLiteral("new"));
        renamed.author.displayName = QStringLiteral("New Name");
        QVERIFY(ingestor.ingest({renamed}).ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT display_name FROM contacts")), QStringLiteral("New Name"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM contacts")), qint64(1));
    }

    // A thread the brand started (its own post or DM) opens with the customer's first message: that message starts
    // the SLA clock and its author is the conversation's contact.
    void threadStartedByTheBrandTakesItsContactAndSlaFromTheCustomer()
    {
        TestWorkspace t;
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 at = t.clock.nowMs() - 3'600'000;
        IncomingItem ours = t.inbound(QStringLiteral("o1"), QStringLiteral("dm-1"), QStringLiteral("your order"), at,
                                      QStringLiteral("brand"));
        ours.outbound = true;
        ours.kind = QStringLiteral("dm");
        IncomingItem theirs = t.inbound(QStringLiteral("r1"), QStringLiteral("dm-1"), QStringLiteral("thanks, but"),
                                        at + 10'000, QStringLiteral("customer"));
        theirs.kind = QStringLiteral("dm");
        QVERIFY(ingestor.ingest({theirs, ours}).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT first_inbound_at FROM conversations")), at + 10'000);
        QVERIFY(t.count(QStringLiteral("SELECT sla_due_at FROM conversations")) >= at + 10'000 + 3'600'000);
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT ct.remote_id FROM conversations c JOIN contacts ct "
                                                  "ON ct.id = c.contact_id")),
                 QStringLiteral("customer"));
        // Only the brand so far: no SLA, the brand's item dates the conversation.
        IncomingItem post = t.inbound(QStringLiteral("o2"), QStringLiteral("post-1"), QStringLiteral("launch!"), at,
                                      QStringLiteral("brand"));
        post.outbound = true;
        QVERIFY(ingestor.ingest({post}).ok());
        QVERIFY(t.db()
                    .scalarText(QStringLiteral("SELECT sla_due_at FROM conversations WHERE thread_key = 'post-1'"))
                    .isEmpty());
        QCOMPARE(t.count(QStringLiteral("SELECT first_inbound_at FROM conversations WHERE thread_key = 'post-1'")), at);
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
