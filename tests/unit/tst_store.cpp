#include "TestWorkspace.h"
#include "store/Schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <atomic>
#include <thread>

using namespace sb;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Rows that every schema version can hold, written with plain SQL as an older build would have.
void seedVersionOneRows(SqliteDb &db, int version)
{
    QVERIFY(db.exec("INSERT INTO employees(id, name, role, created_at, updated_at) "
                    "VALUES ('e1', 'Old Admin', 'admin', 1, 1)")
                .ok());
    QVERIFY(db.exec("INSERT INTO accounts(id, network, handle, service_url, created_at, updated_at) "
                    "VALUES ('a1', 'mastodon', '@old@example.social', 'https://example.social', 1, 1)")
                .ok());
    QVERIFY(db.exec("INSERT INTO conversations(id, account_id, thread_key, kind, first_inbound_at, last_item_at, "
                    "created_at, updated_at) VALUES ('c1', 'a1', 't1', 'mention', 1000, 1000, 1, 1)")
                .ok());
    QVERIFY(db.exec("INSERT INTO items(seq, account_id, remote_id, conversation_id, kind, direction, text, "
                    "created_at, received_at, updated_at) VALUES (1024000, 'a1', 'r1', 'c1', 'mention', 'in', "
                    "'parcel never arrived', 1000, 1000, 1)")
                .ok());
    if (version >= 4) { // from v4 on the ingest path writes the full-text row itself (no insert trigger)
        QVERIFY(db.exec("INSERT INTO item_fts(rowid, text) VALUES (1024000, 'parcel never arrived')").ok());
    }
    QVERIFY(db.exec("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, subject_id) "
                    "VALUES ('ev1', 1, 'system', NULL, 'employee_added', 'employee', 'e1')")
                .ok());
}
} // namespace

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void freshWorkspaceIsConfigured()
    {
        TestWorkspace t;
        QCOMPARE(t.count(QStringLiteral("PRAGMA user_version")), qint64(schema::latestVersion()));
        QCOMPARE(t.count(QStringLiteral("PRAGMA application_id")), qint64(schema::kApplicationId));
        QCOMPARE(t.db().scalarText(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(t.count(QStringLiteral("PRAGMA foreign_keys")), qint64(1));
        QVERIFY(t.ws->lastBackupPath().isEmpty());
        for (const char *table : {"employees", "teams", "accounts", "contacts", "items", "conversations", "notes",
                                  "canned_replies", "saved_views", "posts", "post_variants", "media", "campaigns",
                                  "outbox_jobs", "sync_cursors", "events", "goals", "reply_drafts", "item_fts"}) {
            QVERIFY2(
                t.count(
                    QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'").arg(QLatin1String(table)))
                    == 1,
                table);
        }
    }

    void migratesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 1; v < schema::latestVersion(); ++v) {
            QTest::addRow("v%d", v) << v;
        }
    }

    void migratesFromEveryOlderVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        {
            SqliteDb db;
            QVERIFY(db.open(path, SqliteDb::Mode::ReadWriteCreate).ok());
            QVERIFY(db.exec("PRAGMA journal_mode = WAL").ok());
            QVERIFY(schema::migrate(db, fromVersion).ok());
            QCOMPARE(db.scalarInt(QStringLiteral("PRAGMA user_version")), qint64(fromVersion));
            seedVersionOneRows(db, fromVersion);
        }
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        Workspace &ws = *opened.value();
        QCOMPARE(ws.db().scalarInt(QStringLiteral("PRAGMA user_version")), qint64(schema::latestVersion()));
        // The rows survived and the new tables are usable.
        QCOMPARE(ws.db().scalarText(QStringLiteral("SELECT name FROM employees WHERE id = 'e1'")),
                 QStringLiteral("Old Admin"));
        QCOMPARE(ws.db().scalarInt(QStringLiteral("SELECT rowid FROM item_fts WHERE item_fts MATCH 'parcel'")),
                 qint64(1024000));
        // The index's terms are listed for prefix searches by v12 (from then on the ingest path adds them; these
        // rows were written by hand).
        if (fromVersion < 12) {
            QCOMPARE(ws.db().scalarText(QStringLiteral(
                         "SELECT group_concat(term, ' ') FROM (SELECT term FROM search_terms ORDER BY term)")),
                     QStringLiteral("arrived never parcel"));
        }
        // Counts kept since v7 start from the rows that were there.
        QCOMPARE(ws.db().scalarText(QStringLiteral("SELECT account_id || status || assignee_id || spam || '=' || n "
                                                   "FROM conversation_counts")),
                 QStringLiteral("a1open0=1"));
        QVERIFY(ws.db()
                    .exec("INSERT INTO goals(id, employee_id, metric, target, created_at, updated_at) "
                          "VALUES ('g1', 'e1', 'replies_per_week', 40, 1, 1)")
                    .ok());
        // A copy of the old database was taken before migrating, and it is still at the old version.
        QVERIFY(!ws.lastBackupPath().isEmpty());
        QVERIFY(QFileInfo::exists(ws.lastBackupPath()));
        SqliteDb backup;
        QVERIFY(backup.open(ws.lastBackupPath(), SqliteDb::Mode::ReadOnly).ok());
        QCOMPARE(backup.scalarInt(QStringLiteral("PRAGMA user_version")), qint64(fromVersion));
        QCOMPARE(backup.scalarInt(QStringLiteral("SELECT count(*) FROM items")), qint64(1));
    }

    // v5 rewrote the CHECK constraints of the hot tables without IN lists: same values allowed, and no temporary
    // B-tree built for every insert.
    void checkConstraintsHoldWithoutTemporaryTables()
    {
        TestWorkspace t;
        const char *const inserts[] = {
            "INSERT INTO items(seq, account_id, remote_id, kind, direction, text, created_at, received_at, "
            "updated_at) VALUES (?1, ?2, ?3, ?4, 'in', 'x', 1, 1, 1)",
            "INSERT INTO conversations(id, account_id, thread_key, kind, status, first_inbound_at, last_item_at, "
            "created_at, updated_at) VALUES (?3, ?2, ?3, 'mention', ?4, 1, 1, 1, 1)",
        };
        const QStringList goodItemKinds {QStringLiteral("mention"), QStringLiteral("reply"), QStringLiteral("dm"),
                                         QStringLiteral("comment"), QStringLiteral("quote"), QStringLiteral("post")};
        const QStringList goodStatuses {QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("snoozed"),
                                        QStringLiteral("resolved")};
        for (int which = 0; which < 2; ++which) {
            auto explain = t.db().prepare(QStringLiteral("EXPLAIN ") + QLatin1String(inserts[which]));
            QVERIFY(explain.ok());
            while (explain.value().next()) {
                QVERIFY2(explain.value().text(1) != QLatin1String("OpenEphemeral"), inserts[which]);
            }
            const QStringList &good = which == 0 ? goodItemKinds : goodStatuses;
            qint64 n = 0;
            for (const QString &value : good + QStringList {QStringLiteral("Mention"), QStringLiteral("closed")}) {
                auto st = t.db().prepare(QLatin1String(inserts[which]));
                ++n;
                st.value().bindAll(n, t.account, QStringLiteral("k%1-%2").arg(which).arg(n), value);
                QCOMPARE(st.value().exec().ok(), good.contains(value));
            }
        }
        QVERIFY(!t.db()
                     .exec("INSERT INTO events(id, at, actor_kind, action, subject_type, subject_id) "
                           "VALUES ('e-bad', 1, 'robot', 'x', 'y', 'z')")
                     .ok());
    }

    void migrationStepIsAtomic()
    {
        // A failing step leaves the database at the previous version, not half-migrated.
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        SqliteDb db;
        QVERIFY(db.open(path, SqliteDb::Mode::ReadWriteCreate).ok());
        QVERIFY(schema::migrate(db, 2).ok());
        QVERIFY(db.exec("CREATE TABLE goals(x)").ok()); // collides with a table v3 creates
        const Status s = schema::migrate(db);
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("v3")));
        QCOMPARE(db.scalarInt(QStringLiteral("PRAGMA user_version")), qint64(2));
        QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'canned_replies'")),
                 qint64(0));
    }

    void corruptFileIsRefusedAndUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("garbage") << QByteArray("this is not a database, just some text\n").repeated(200);
        QByteArray header("SQLite format 3");
        header.append('\0');
        QTest::addRow("header-only") << header + QByteArray(200, '\xff');
    }

    void corruptFileIsRefusedAndUntouched()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(path);
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::Corrupt);
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void truncatedDatabaseIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        {
            TestWorkspace t; // a real database with rows, then cut to its first pages
            for (int i = 0; i < 200; ++i) {
                t.conversationFor(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i),
                                  QStringLiteral("message number %1 with some padding text").arg(i),
                                  1'780'000'000'000 + i);
            }
            QVERIFY(t.db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
            QFile src(t.ws->databasePath());
            QVERIFY(src.open(QIODevice::ReadOnly));
            QByteArray bytes = src.readAll();
            QVERIFY(bytes.size() > 20 * 4096);
            bytes.truncate(4096 * 3);
            bytes.replace(4096, 4096, QByteArray(4096, '\x5a')); // scramble the schema page's neighbour
            QFile dst(QDir(dir.path()).filePath(Workspace::databaseFileName()));
            QVERIFY(dst.open(QIODevice::WriteOnly));
            dst.write(bytes);
        }
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        const QByteArray before = fileHash(path);
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        if (opened.ok()) {
            // SQLite may only notice damage when it reads the damaged pages: it must report it, not crash.
            QVERIFY(opened.value()->db().scalarText(QStringLiteral("PRAGMA integrity_check")) != QStringLiteral("ok"));
        } else {
            QCOMPARE(opened.error().kind, ErrorKind::Corrupt);
            QCOMPARE(fileHash(path), before);
        }
    }

    void newerVersionIsRefused()
    {
        QTemporaryDir dir;
        QString path;
        {
            auto ws = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
            QVERIFY(ws.ok());
            path = ws.value()->databasePath();
            QVERIFY(ws.value()
                        ->db()
                        .exec(QStringLiteral("PRAGMA user_version = %1").arg(schema::latestVersion() + 1))
                        .ok());
            QVERIFY(ws.value()->db().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
        }
        const QByteArray before = fileHash(path);
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::TooNew);
        QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
        QCOMPARE(fileHash(path), before);
    }

    void foreignSqliteDatabaseIsRefused()
    {
        QTemporaryDir dir;
        const QString path = QDir(dir.path()).filePath(Workspace::databaseFileName());
        {
            SqliteDb db;
            QVERIFY(db.open(path, SqliteDb::Mode::ReadWriteCreate).ok());
            QVERIFY(db.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)").ok());
        }
        const QByteArray before = fileHash(path);
        auto opened = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::Corrupt);
        QVERIFY(opened.error().message.contains(QStringLiteral("another application")));
        QCOMPARE(fileHash(path), before);
    }

    void unwritableFolderIsRefused()
    {
        QString folder;
        QTemporaryDir dir;
        if (geteuid() == 0) {
            folder = QStringLiteral("/proc/self"); // not writable even for root
        } else {
            folder = dir.path();
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        }
        auto opened = Workspace::open(folder, Workspace::OpenMode::CreateIfMissing);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NotWritable);
        QVERIFY(opened.error().message.contains(folder));
    }

    void missingWorkspaceIsReported()
    {
        QTemporaryDir dir;
        auto opened
            = Workspace::open(QDir(dir.path()).filePath(QStringLiteral("nope")), Workspace::OpenMode::OpenExisting);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, ErrorKind::NotFound);
    }

    void eventsAreAppendOnly()
    {
        TestWorkspace t;
        QVERIFY(t.events() > 0);
        QVERIFY(!t.db().exec("UPDATE events SET action = 'forged'").ok());
        QVERIFY(!t.db().exec("DELETE FROM events").ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'forged'")), qint64(0));
    }

    void searchWalksTheIndexNewestFirst()
    {
        TestWorkspace t;
        // Ingested out of time order: the FTS rowid must still follow created_at.
        const qint64 base = 1'780'000'000'000;
        const QList<qint64> offsets {5000, 1000, 9000, 3000, 7000};
        for (int i = 0; i < offsets.size(); ++i) {
            t.conversationFor(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i),
                              QStringLiteral("refund request %1").arg(i), base + offsets[i]);
        }
        auto st = t.db().prepare(QStringLiteral("SELECT i.created_at FROM item_fts f JOIN items i ON i.seq = f.rowid "
                                                "WHERE item_fts MATCH 'refund' ORDER BY f.rowid DESC LIMIT 3"));
        QVERIFY(st.ok());
        QList<qint64> got;
        while (st.value().next()) {
            got << st.value().int64(0) - base;
        }
        QCOMPARE(got, (QList<qint64> {9000, 7000, 5000}));
        auto plan = t.db().prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT rowid FROM item_fts WHERE item_fts MATCH "
                                                  "'refund' ORDER BY rowid DESC LIMIT 50"));
        QString planText;
        while (plan.value().next()) {
            planText += plan.value().text(3) + QLatin1Char('\n');
        }
        QVERIFY2(!planText.contains(QStringLiteral("TEMP B-TREE")), qPrintable(planText));
    }

    void concurrentWritersNeverCorrupt()
    {
        // Two connections (as two processes would have) write the same workspace at once: WAL plus the busy
        // timeout serialise them; every write lands with its event and the file stays intact.
        TestWorkspace t;
        const QString conversation
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hello"), 1'780'000'000'000);
        const qint64 eventsBefore = t.events();
        constexpr int kNotesEach = 150;
        std::atomic<int> failures {0};
        auto writer = [&](const QString &employee) {
            auto ws = Workspace::open(t.dir.path(), Workspace::OpenMode::OpenExisting);
            if (!ws.ok()) {
                qWarning("open failed: %s", qPrintable(ws.error().message));
                ++failures;
                return;
            }
            SeededIdSource ids(qHash(employee));
            Engine engine(ws.value()->db(), SystemClock::instance(), ids);
            for (int i = 0; i < kNotesEach; ++i) {
                if (auto r = engine.addNote(Actor::employee(employee), conversation, QStringLiteral("note %1").arg(i));
                    !r.ok()) {
                    qWarning("writer failed: %s", qPrintable(r.error().message));
                    ++failures;
                }
            }
        };
        std::thread a(writer, t.agent);
        std::thread b(writer, t.manager);
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM notes")), qint64(2 * kNotesEach));
        QCOMPARE(t.events() - eventsBefore, qint64(2 * kNotesEach));
        QCOMPARE(t.db().scalarText(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
