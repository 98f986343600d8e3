#include "TestWorkspace.h"
#include "store/StoreWriter.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace sb;

namespace {
IngestBatch page(TestWorkspace &t, int n, const QString &cursor)
{
    IngestBatch b;
    b.items.push_back(t.inbound(QStringLiteral("r%1").arg(n), QStringLiteral("t%1").arg(n),
                                QStringLiteral("message %1").arg(n), t.clock.nowMs() - n * 1000));
    b.cursors.push_back({t.account, QStringLiteral("notifications"), cursor, {}, {}});
    return b;
}
} // namespace

class TestStoreWriter : public QObject {
    Q_OBJECT
private slots:
    // While the writer waits for the database, pages queue up; it then stores all of them in one transaction,
    // each with its own result, and a bad page fails alone.
    void coalescesQueuedPagesAndIsolatesABadOne()
    {
        TestWorkspace t;
        StoreWriter writer(t.ws->databasePath(), t.clock);
        QVERIFY(writer.start().ok());

        // Hold the write lock so the first page waits (busy timeout) while the others queue behind it.
        QVERIFY(t.db().exec("BEGIN IMMEDIATE").ok());
        std::vector<Result<IngestResult>> results(10, Result<IngestResult>(IngestResult {}));
        std::atomic<int> done {0};
        for (int n = 0; n < 10; ++n) {
            IngestBatch b = page(t, n, QStringLiteral("n-%1").arg(n));
            if (n == 6) {
                b.items.front().threadKey.clear(); // cannot be stored
            }
            writer.submit(std::move(b), nullptr, [&results, &done, n](const Result<IngestResult> &r) {
                results[size_t(n)] = r;
                ++done;
            });
            if (n == 0) {
                QThread::msleep(100); // the writer has taken page 0 and waits for the lock
            }
        }
        QThread::msleep(50);
        QCOMPARE(done.load(), 0); // nothing is stored while another connection writes
        QVERIFY(t.db().exec("COMMIT").ok());
        writer.flush();
        QCOMPARE(done.load(), 10);
        for (int n = 0; n < 10; ++n) {
            QCOMPARE(results[size_t(n)].ok(), n != 6);
            if (n != 6) {
                QCOMPARE(results[size_t(n)].value().inserted, 1);
            }
        }
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(9));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT newest FROM sync_cursors")), QStringLiteral("n-9"));
        const StoreWriter::Stats stats = writer.stats();
        QCOMPARE(stats.batches, qint64(10));
        // Page 0 alone, then pages 1-9 together, which failed and were retried one by one.
        QCOMPARE(stats.transactions, qint64(1 + 1 + 9));
    }

    void resultsArriveOnTheReceiversThreadAndNotAfterItIsGone()
    {
        TestWorkspace t;
        StoreWriter writer(t.ws->databasePath(), t.clock);
        QVERIFY(writer.start().ok());
        QObject receiver;
        Qt::HANDLE deliveredOn = nullptr;
        int delivered = 0;
        writer.submit(page(t, 1, QStringLiteral("n-1")), &receiver, [&](const Result<IngestResult> &r) {
            QVERIFY(r.ok());
            deliveredOn = QThread::currentThreadId();
            ++delivered;
        });
        writer.flush();
        QCOMPARE(delivered, 0); // queued to this thread's event loop
        QTRY_COMPARE(delivered, 1);
        QCOMPARE(deliveredOn, QThread::currentThreadId());

        auto gone = std::make_unique<QObject>();
        writer.submit(page(t, 2, QStringLiteral("n-2")), gone.get(),
                      [&](const Result<IngestResult> &) { ++delivered; });
        writer.flush();
        gone.reset();
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QCOMPARE(delivered, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(2)); // stored all the same
    }

    // Stopping stores what was queued: nothing handed to the writer is lost.
    void destructionStoresWhatIsQueued()
    {
        TestWorkspace t;
        {
            StoreWriter writer(t.ws->databasePath(), t.clock);
            QVERIFY(writer.start().ok());
            QVERIFY(t.db().exec("BEGIN IMMEDIATE").ok());
            for (int n = 0; n < 50; ++n) {
                writer.submit(page(t, n, QStringLiteral("n-%1").arg(n)), nullptr, {});
            }
            QVERIFY(t.db().exec("COMMIT").ok());
        }
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(50));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversations")), qint64(50));
    }

    void readersDoNotWaitForTheWriter()
    {
        TestWorkspace t;
        StoreWriter writer(t.ws->databasePath(), t.clock);
        QVERIFY(writer.start().ok());
        IngestBatch big;
        for (int n = 0; n < 3000; ++n) {
            big.items.push_back(t.inbound(QStringLiteral("r%1").arg(n), QStringLiteral("t%1").arg(n % 700),
                                          QStringLiteral("message %1").arg(n), t.clock.nowMs() - n * 1000));
        }
        std::atomic<bool> finished {false};
        writer.submit(std::move(big), nullptr, [&finished](const Result<IngestResult> &) { finished = true; });
        // While the writer's transaction is open, this connection reads the last committed state.
        do {
            const qint64 n = t.count(QStringLiteral("SELECT count(*) FROM items"));
            QVERIFY(n == 0 || n == 3000);
        } while (!finished);
        writer.flush();
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM items")), qint64(3000));
    }

    void unopenableDatabaseIsReported()
    {
        ManualClock clock(1);
        StoreWriter writer(QStringLiteral("/nonexistent/folder/switchboard.db"), clock);
        QVERIFY(!writer.start().ok());
        bool failed = false;
        writer.submit(IngestBatch {}, nullptr, [&failed](const Result<IngestResult> &r) { failed = !r.ok(); });
        QVERIFY(failed);
        writer.flush(); // returns at once
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
