// Ingest benchmark: builds a demo workspace, then replays its items through the project's ingest path
// (Ingestor::ingest, one transaction per page, as sync writes them) and through a raw baseline (one prepared
// INSERT plus the FTS5 insert per item, all in one transaction), on the same rows in the same run. Prints one JSON
// object per line.
#include "core/Clock.h"
#include "core/Ids.h"
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <vector>

using namespace sb;

namespace {

constexpr int kChunk = 20'000; // rows read from the demo workspace at a time, outside the timed sections

// Wall time and this process's CPU time, summed over the timed sections only. The machine may be shared, so the
// CPU figures say what the code costs and the wall figures what a user would wait.
class Stopwatch {
public:
    void start()
    {
        m_wall.start();
        m_cpuStart = cpuNs();
    }
    void stop()
    {
        m_wallNs += m_wall.nsecsElapsed();
        m_cpuNs += cpuNs() - m_cpuStart;
    }
    double seconds() const { return double(m_wallNs) / 1e9; }
    double cpuSeconds() const { return double(m_cpuNs) / 1e9; }

private:
    static qint64 cpuNs()
    {
        timespec ts {};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    QElapsedTimer m_wall;
    qint64 m_cpuStart = 0;
    qint64 m_wallNs = 0;
    qint64 m_cpuNs = 0;
};

// --profile-sql: time per SQL statement (SQLite's own profile callback), to see where a phase's time goes.
class SqlProfile {
public:
    void attach(SqliteDb &db) { sqlite3_trace_v2(db.handle(), SQLITE_TRACE_PROFILE, &SqlProfile::onProfile, this); }
    void detach(SqliteDb &db) { sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr); }
    void print(const char *phase)
    {
        std::vector<std::pair<qint64, QByteArray>> rows;
        qint64 total = 0;
        for (const auto &[sql, entry] : m_entries) {
            rows.emplace_back(entry.ns, sql);
            total += entry.ns;
        }
        std::sort(rows.rbegin(), rows.rend());
        std::fprintf(stderr, "SQL profile of %s: %.2f s in statements\n", phase, double(total) / 1e9);
        for (size_t i = 0; i < std::min<size_t>(rows.size(), 25); ++i) {
            const Entry &e = m_entries.at(rows[i].second);
            std::fprintf(stderr, "%8.3f s %9lld x %7.1f us  %s\n", double(e.ns) / 1e9, e.calls,
                         double(e.ns) / 1e3 / double(e.calls), rows[i].second.left(110).constData());
        }
        m_entries.clear();
    }

private:
    struct Entry {
        qint64 ns = 0;
        qint64 calls = 0;
    };
    static int onProfile(unsigned, void *self, void *stmt, void *ns)
    {
        const char *sql = sqlite3_sql(static_cast<sqlite3_stmt *>(stmt));
        Entry &e = static_cast<SqlProfile *>(self)->m_entries[QByteArray(sql ? sql : "?")];
        e.ns += qint64(*static_cast<sqlite3_int64 *>(ns));
        ++e.calls;
        return 0;
    }
    std::map<QByteArray, Entry> m_entries;
};

void printLine(const QJsonObject &line)
{
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

[[noreturn]] void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_ingest: %s: %s\n", qPrintable(what), qPrintable(error.message));
    std::exit(1);
}

template <typename T> T check(Result<T> result, const QString &what)
{
    if (!result.ok()) {
        fail(what, result.error());
    }
    return std::move(result).value();
}

void check(const Status &status, const QString &what)
{
    if (!status.ok()) {
        fail(what, status.error());
    }
}

qint64 databaseBytes(SqliteDb &db, const QString &path)
{
    check(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"), QStringLiteral("checkpoint"));
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

// Reads the demo's items in time order, as a channel would have delivered them, a chunk at a time.
class ItemReader {
public:
    explicit ItemReader(SqliteDb &db, std::map<QString, QString> accounts, QString employee)
        : m_accounts(std::move(accounts)), m_employee(std::move(employee))
    {
        m_stmt = check(db.prepare(QStringLiteral(
                           "SELECT i.account_id, i.remote_id, c.thread_key, i.kind, i.direction, i.parent_remote_id, "
                           "i.text, i.lang, i.url, i.created_at, k.remote_id, k.handle, k.display_name, "
                           "i.like_count, i.repost_count, i.reply_count FROM items i "
                           "JOIN conversations c ON c.id = i.conversation_id "
                           "LEFT JOIN contacts k ON k.id = i.contact_id ORDER BY i.seq")),
                       QStringLiteral("read items"));
    }

    bool next(std::vector<IncomingItem> &out)
    {
        out.clear();
        while (!m_done && int(out.size()) < kChunk) {
            if (!m_stmt.next()) {
                m_done = true; // stepping a finished statement again would restart it
                break;
            }
            IncomingItem item;
            item.accountId = m_accounts.at(m_stmt.text(0));
            item.remoteId = m_stmt.text(1);
            item.threadKey = m_stmt.text(2);
            item.kind = m_stmt.text(3);
            item.outbound = m_stmt.text(4) == QLatin1String("out");
            item.parentRemoteId = m_stmt.text(5);
            item.text = m_stmt.text(6);
            item.lang = m_stmt.text(7);
            item.url = m_stmt.text(8);
            item.createdAt = m_stmt.int64(9);
            item.author.remoteId = m_stmt.text(10);
            item.author.handle = m_stmt.text(11);
            item.author.displayName = m_stmt.text(12);
            item.authorEmployeeId = item.outbound ? m_employee : QString();
            item.likes = m_stmt.integer(13);
            item.reposts = m_stmt.integer(14);
            item.replies = m_stmt.integer(15);
            out.push_back(std::move(item));
        }
        return !out.empty();
    }

private:
    Statement m_stmt;
    bool m_done = false;
    std::map<QString, QString> m_accounts;
    QString m_employee;
};

const char *const kRawSchema = R"SQL(
CREATE TABLE items(
    seq INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    thread_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    direction TEXT NOT NULL,
    parent_remote_id TEXT,
    text TEXT NOT NULL,
    lang TEXT,
    url TEXT,
    author_remote_id TEXT,
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    UNIQUE(account_id, remote_id));
CREATE VIRTUAL TABLE item_fts USING fts5(text, content='items', content_rowid='seq',
                                         tokenize='unicode61 remove_diacritics 2');
)SQL";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ingest benchmark over a demo workspace."));
    parser.addHelpOption();
    const QCommandLineOption itemsOption(QStringLiteral("items"), QStringLiteral("Demo size in items."),
                                         QStringLiteral("N"), QString::number(DemoOptions::kLarge));
    const QCommandLineOption pageOption(QStringLiteral("page"), QStringLiteral("Items per ingest call."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Demo seed."), QStringLiteral("S"),
                                        QString::number(DemoOptions {}.seed));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work in DIR (kept afterwards) instead of a temporary folder."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption profileOption(QStringLiteral("profile-sql"),
                                           QStringLiteral("Print the time spent per SQL statement in each phase."));
    parser.addOptions({itemsOption, pageOption, seedOption, dirOption, profileOption});
    parser.addPositionalArgument(QStringLiteral("items"), QStringLiteral("Demo size in items (same as --items)."),
                                 QStringLiteral("[N]"));
    parser.process(app);

    bool ok = false;
    const QString itemsText = parser.positionalArguments().value(0, parser.value(itemsOption));
    const qint64 items = itemsText.toLongLong(&ok);
    const int page = parser.value(pageOption).toInt();
    if (!ok || items <= 0 || page <= 0) {
        std::fprintf(stderr, "bench_ingest: --items and --page take positive numbers\n");
        return 2;
    }
    QTemporaryDir temp;
    const QString root = parser.isSet(dirOption) ? parser.value(dirOption) : temp.path();
    for (const char *sub : {"demo", "ingest"}) {
        QDir(QDir(root).filePath(QString::fromUtf8(sub))).removeRecursively(); // a kept folder from an earlier run
        QDir(root).mkpath(QString::fromUtf8(sub));
    }
    const QString rawPath = QDir(root).filePath(QStringLiteral("raw.db"));
    QFile::remove(rawPath);
    QFile::remove(rawPath + QStringLiteral("-wal"));

    // 1. The demo workspace itself.
    auto demo
        = check(Workspace::open(QDir(root).filePath(QStringLiteral("demo")), Workspace::OpenMode::CreateIfMissing),
                QStringLiteral("open demo workspace"));
    DemoOptions options;
    options.items = items;
    options.seed = parser.value(seedOption).toULongLong();
    options.anchor = QDate(2026, 3, 18);
    qint64 lastShown = 0;
    const bool profileSql = parser.isSet(profileOption);
    SqlProfile sqlProfile;
    if (profileSql) {
        sqlProfile.attach(demo->db());
    }
    Stopwatch demoWatch;
    demoWatch.start();
    const DemoStats stats = check(generateDemo(*demo, options,
                                               [&](qint64 done, qint64 total) {
                                                   if (done - lastShown >= total / 20) {
                                                       std::fprintf(stderr, "demo: %lld / %lld items\n", done, total);
                                                       lastShown = done;
                                                   }
                                               }),
                                  QStringLiteral("generate demo"));
    demoWatch.stop();
    if (profileSql) {
        sqlProfile.detach(demo->db());
        sqlProfile.print("demo generation");
    }
    const qint64 demoBytes = databaseBytes(demo->db(), demo->databasePath());
    printLine({{QStringLiteral("name"), QStringLiteral("demo_generate")},
               {QStringLiteral("items"), double(stats.items)},
               {QStringLiteral("conversations"), double(stats.conversations)},
               {QStringLiteral("events"), double(stats.events)},
               {QStringLiteral("seconds"), demoWatch.seconds()},
               {QStringLiteral("cpu_seconds"), demoWatch.cpuSeconds()},
               {QStringLiteral("items_per_s"), double(stats.items) / demoWatch.seconds()}});
    printLine({{QStringLiteral("name"), QStringLiteral("demo_db")},
               {QStringLiteral("bytes"), double(demoBytes)},
               {QStringLiteral("mib"), double(demoBytes) / (1024.0 * 1024.0)},
               {QStringLiteral("bytes_per_item"), double(demoBytes) / double(stats.items)}});

    // 2. The ingest path: a fresh workspace with the same accounts and business hours, fed page by page.
    auto target
        = check(Workspace::open(QDir(root).filePath(QStringLiteral("ingest")), Workspace::OpenMode::CreateIfMissing),
                QStringLiteral("open ingest workspace"));
    ManualClock clock(1);
    Engine engine(target->db(), clock, RandomIdSource::instance());
    const QString admin = check(engine.createFirstAdmin(QStringLiteral("Bench Admin")), QStringLiteral("admin"));
    check(engine.setBusinessHours(Actor::employee(admin), WorkspaceSettings::businessHours(demo->db())),
          QStringLiteral("business hours"));
    std::map<QString, QString> accounts;
    {
        auto st = check(demo->db().prepare(QStringLiteral("SELECT id, network, handle, service_url, sla_minutes FROM "
                                                          "accounts ORDER BY id")),
                        QStringLiteral("read accounts"));
        while (st.next()) {
            NewAccount account;
            account.network = *networkFromName(st.text(1));
            account.handle = st.text(2);
            account.serviceUrl = st.text(3);
            account.slaMinutes = st.integer(4);
            accounts[st.text(0)] = check(engine.addAccount(Actor::employee(admin), account), QStringLiteral("account"));
        }
    }
    Ingestor ingestor(target->db(), clock, RandomIdSource::instance());
    if (profileSql) {
        sqlProfile.attach(target->db());
    }
    std::vector<IncomingItem> chunk;
    std::vector<IncomingItem> pageItems;
    Stopwatch ingestWatch;
    qint64 ingested = 0;
    {
        ItemReader reader(demo->db(), accounts, admin);
        while (reader.next(chunk)) {
            for (size_t from = 0; from < chunk.size(); from += size_t(page)) {
                const size_t to = std::min(chunk.size(), from + size_t(page));
                pageItems.assign(chunk.begin() + qsizetype(from), chunk.begin() + qsizetype(to));
                clock.setMs(pageItems.back().createdAt + 30'000); // fetched half a minute after the newest
                ingestWatch.start();
                const IngestResult result = check(ingestor.ingest(pageItems), QStringLiteral("ingest"));
                ingestWatch.stop();
                ingested += result.inserted;
            }
        }
    }
    if (profileSql) {
        sqlProfile.detach(target->db());
        sqlProfile.print("ingest path");
    }
    const qint64 ingestBytes = databaseBytes(target->db(), target->databasePath());
    const qint64 conversations = target->db().scalarInt(QStringLiteral("SELECT count(*) FROM conversations"));
    printLine({{QStringLiteral("name"), QStringLiteral("ingest_path")},
               {QStringLiteral("items"), double(ingested)},
               {QStringLiteral("page"), page},
               {QStringLiteral("conversations"), double(conversations)},
               {QStringLiteral("seconds"), ingestWatch.seconds()},
               {QStringLiteral("cpu_seconds"), ingestWatch.cpuSeconds()},
               {QStringLiteral("items_per_s"), double(ingested) / ingestWatch.seconds()},
               {QStringLiteral("items_per_cpu_s"), double(ingested) / ingestWatch.cpuSeconds()},
               {QStringLiteral("db_bytes"), double(ingestBytes)}});

    // 3. The raw baseline: the same rows, one prepared INSERT and one FTS5 insert each, in one transaction.
    SqliteDb raw;
    check(raw.open(rawPath, SqliteDb::Mode::ReadWriteCreate), QStringLiteral("open raw database"));
    check(configureConnection(raw), QStringLiteral("configure raw database"));
    check(raw.exec("PRAGMA journal_mode = WAL"), QStringLiteral("WAL"));
    check(raw.exec(kRawSchema), QStringLiteral("raw schema"));
    auto insert = check(raw.prepare(QStringLiteral("INSERT INTO items(seq, account_id, remote_id, thread_key, kind, "
                                                   "direction, parent_remote_id, text, lang, url, author_remote_id, "
                                                   "created_at, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")),
                        QStringLiteral("prepare raw insert"));
    auto insertFts = check(raw.prepare(QStringLiteral("INSERT INTO item_fts(rowid, text) VALUES (?, ?)")),
                           QStringLiteral("prepare raw FTS insert"));
    Stopwatch rawWatch;
    qint64 rawRows = 0;
    {
        ItemReader reader(demo->db(), accounts, admin);
        rawWatch.start();
        check(raw.exec("BEGIN"), QStringLiteral("begin"));
        rawWatch.stop();
        qint64 lastSeq = 0;
        while (reader.next(chunk)) {
            rawWatch.start();
            for (const IncomingItem &item : chunk) {
                const qint64 seq = std::max(itemSeqBase(item.createdAt), lastSeq + 1);
                lastSeq = seq;
                insert.bindAll(seq, item.accountId, item.remoteId, item.threadKey, item.kind,
                               item.outbound ? "out" : "in", item.parentRemoteId, item.text, item.lang, item.url,
                               item.author.remoteId, item.createdAt, item.createdAt + 30'000);
                check(insert.exec(), QStringLiteral("raw insert"));
                insertFts.bindAll(seq, item.text);
                check(insertFts.exec(), QStringLiteral("raw FTS insert"));
                ++rawRows;
            }
            rawWatch.stop();
        }
        rawWatch.start();
        check(raw.exec("COMMIT"), QStringLiteral("commit"));
        rawWatch.stop();
    }
    printLine({{QStringLiteral("name"), QStringLiteral("raw_baseline")},
               {QStringLiteral("items"), double(rawRows)},
               {QStringLiteral("seconds"), rawWatch.seconds()},
               {QStringLiteral("cpu_seconds"), rawWatch.cpuSeconds()},
               {QStringLiteral("items_per_s"), double(rawRows) / rawWatch.seconds()},
               {QStringLiteral("items_per_cpu_s"), double(rawRows) / rawWatch.cpuSeconds()},
               {QStringLiteral("db_bytes"), double(databaseBytes(raw, rawPath))}});
    printLine({{QStringLiteral("name"), QStringLiteral("ratio")},
               {QStringLiteral("ingest_vs_raw"), rawWatch.seconds() / ingestWatch.seconds()},
               {QStringLiteral("ingest_vs_raw_cpu"), rawWatch.cpuSeconds() / ingestWatch.cpuSeconds()}});

    // The replay must have stored what the demo holds, or the figures above compare different work.
    if (ingested != stats.items || rawRows != stats.items || conversations != stats.conversations) {
        std::fprintf(stderr,
                     "bench_ingest: replay mismatch: demo %lld items / %lld conversations, ingest %lld / %lld, "
                     "raw %lld\n",
                     stats.items, stats.conversations, ingested, conversations, rawRows);
        return 1;
    }
    return 0;
}
