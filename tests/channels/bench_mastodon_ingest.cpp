// Ingest of Mastodon notification pages: JSON -> parse -> items -> store, against raw insert baselines measured in
// the same run. Prints one JSON line.
//   bench_mastodon_ingest [--items N] (default 100000) [--writer-batch N] [--direct [--batch N] [--profile]]
// The project's path is the app's: pages are parsed on this thread (as the sync thread does) and handed to the
// StoreWriter thread, which coalesces what is queued into transactions of up to --writer-batch items.
// --direct instead parses and stores on one thread, --batch items per transaction; --profile then prints the time
// spent in each SQL statement.
// Baselines, on the same rows (already parsed): "raw_schema" is a prepared INSERT into the workspace's own items
// table and full-text index (same schema, same indexes, same connection settings), one transaction, no lookups,
// no conversations, no contacts; "raw_bare" the same into a table without any index.
#include "channels/mastodon/MastodonItems.h"
#include "channels/mastodon/MastodonParse.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/StoreWriter.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <string>

using namespace sb;

namespace {
constexpr int kPage = 40; // Mastodon's maximum page of notifications

const char *const kWords[] = {"order",    "parcel", "shipping",  "refund", "size",     "jacket", "boots",  "tent",
                              "return",   "late",   "thanks",    "love",   "broken",   "zipper", "colour", "stock",
                              "discount", "code",   "Innsbruck", "Berlin", "delivery", "help",   "when",   "again"};

QJsonObject account(int n)
{
    const QString id = QString::number(110000000000000000LL + n);
    const QString name = QStringLiteral("fan%1").arg(n);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), name},
            {QStringLiteral("acct"), QString(name + QStringLiteral("@remote.example"))},
            {QStringLiteral("display_name"), QStringLiteral("Fan Number %1").arg(n)},
            {QStringLiteral("url"), QString(QStringLiteral("https://remote.example/@") + name)},
            {QStringLiteral("avatar"), QStringLiteral("https://remote.example/avatars/%1.png").arg(n)},
            {QStringLiteral("avatar_static"), QStringLiteral("https://remote.example/avatars/%1.png").arg(n)},
            {QStringLiteral("locked"), false},
            {QStringLiteral("bot"), false},
            {QStringLiteral("created_at"), QStringLiteral("2025-01-01T00:00:00.000Z")},
            {QStringLiteral("note"), QString()},
            {QStringLiteral("followers_count"), 3},
            {QStringLiteral("following_count"), 5},
            {QStringLiteral("statuses_count"), 12},
            {QStringLiteral("emojis"), QJsonArray()},
            {QStringLiteral("fields"), QJsonArray()}};
}

// Pages of mention notifications shaped like the recorded ones (tests/channels/fixtures/notification.json):
// h-card mention markup, a third of them replies in earlier threads.
std::vector<QByteArray> makePages(qint64 items, const QString &brandId, qint64 startMs)
{
    QRandomGenerator rng(1234);
    std::vector<QByteArray> pages;
    QJsonArray page;
    for (qint64 i = 0; i < items; ++i) {
        const qint64 at = startMs + i * 2000;
        const QString statusId = QString::number(115000000000000000LL + i);
        QString words;
        for (int w = 0; w < 12; ++w) {
            words += QLatin1Char(' ') + QLatin1String(kWords[rng.bounded(int(std::size(kWords)))]);
        }
        const QString content = QStringLiteral("<p><span class=\"h-card\" translate=\"no\"><a "
                                               "href=\"https://brand.example/@brand\" class=\"u-url mention\">@<span>"
                                               "brand</span></a></span>%1 &amp; more #%2</p>")
                                    .arg(words)
                                    .arg(i);
        const bool reply = i > 10 && rng.bounded(3) == 0;
        QJsonObject status {
            {QStringLiteral("id"), statusId},
            {QStringLiteral("created_at"), isoUtc(at)},
            {QStringLiteral("in_reply_to_id"),
             reply ? QJsonValue(QString::number(115000000000000000LL + i - 1 - rng.bounded(10))) : QJsonValue()},
            {QStringLiteral("in_reply_to_account_id"), reply ? QJsonValue(brandId) : QJsonValue()},
            {QStringLiteral("sensitive"), false},
            {QStringLiteral("spoiler_text"), QString()},
            {QStringLiteral("visibility"), QStringLiteral("public")},
            {QStringLiteral("language"), QStringLiteral("en")},
            {QStringLiteral("uri"), QString(QStringLiteral("https://remote.example/statuses/") + statusId)},
            {QStringLiteral("url"), QString(QStringLiteral("https://remote.example/@x/") + statusId)},
            {QStringLiteral("replies_count"), 0},
            {QStringLiteral("reblogs_count"), 0},
            {QStringLiteral("favourites_count"), 0},
            {QStringLiteral("content"), content},
            {QStringLiteral("account"), account(int(i % 5000))},
            {QStringLiteral("media_attachments"), QJsonArray()},
            {QStringLiteral("mentions"),
             QJsonArray {QJsonObject {{QStringLiteral("id"), brandId},
                                      {QStringLiteral("username"), QStringLiteral("brand")},
                                      {QStringLiteral("url"), QStringLiteral("https://brand.example/@brand")},
                                      {QStringLiteral("acct"), QStringLiteral("brand")}}}},
            {QStringLiteral("tags"), QJsonArray()},
            {QStringLiteral("emojis"), QJsonArray()}};
        page.prepend(QJsonObject {{QStringLiteral("id"), QString::number(1000 + i)},
                                  {QStringLiteral("type"), QStringLiteral("mention")},
                                  {QStringLiteral("created_at"), isoUtc(at + 300)},
                                  {QStringLiteral("account"), status.value(QStringLiteral("account"))},
                                  {QStringLiteral("status"), status}}); // newest first, as the API pages
        if (page.size() == kPage || i == items - 1) {
            pages.push_back(QJsonDocument(page).toJson(QJsonDocument::Compact));
            page = QJsonArray();
        }
    }
    return pages;
}

// --profile: time spent in each SQL statement of the project's path (sqlite3_trace_v2 profile events).
struct StatementTime {
    qint64 ns = 0;
    qint64 calls = 0;
};
std::map<std::string, StatementTime> g_profile;

int onProfile(unsigned, void *, void *stmt, void *ns)
{
    StatementTime &t = g_profile[sqlite3_sql(static_cast<sqlite3_stmt *>(stmt))];
    t.ns += *static_cast<qint64 *>(ns);
    ++t.calls;
    return 0;
}

// The same rows inserted with prepared statements in one transaction: the cost of storing them, with none of the
// work of turning notifications into conversations. `schema` uses a fresh workspace (the app's items table, its
// indexes and full-text index, the app's connection settings); otherwise a bare table with no index at all.
double rawBaseline(const std::vector<IncomingItem> &rows, const QString &dir, bool schema)
{
    std::unique_ptr<Workspace> workspace;
    SqliteDb bare;
    SqliteDb *db = &bare;
    QString accountId;
    if (schema) {
        auto ws = Workspace::open(QDir(dir).filePath(QStringLiteral("raw-ws")), Workspace::OpenMode::CreateIfMissing);
        if (!ws.ok()) {
            return 0;
        }
        workspace = std::move(ws).value();
        db = &workspace->db();
        ManualClock clock(1'780'000'000'000);
        SeededIdSource ids(2);
        Engine engine(*db, clock, ids);
        const QString admin = engine.createFirstAdmin(QStringLiteral("Admin")).value();
        NewAccount acc;
        acc.handle = QStringLiteral("@brand@brand.example");
        acc.serviceUrl = QStringLiteral("https://brand.example");
        accountId = engine.addAccount(Actor::employee(admin), acc).value();
    } else {
        if (!bare.open(QDir(dir).filePath(QStringLiteral("raw.db")), SqliteDb::Mode::ReadWriteCreate).ok()) {
            return 0;
        }
        (void)bare.exec("PRAGMA journal_mode = WAL");
        (void)configureConnection(bare);
        (void)bare.exec("CREATE TABLE items(seq INTEGER PRIMARY KEY, account_id TEXT, remote_id TEXT, thread TEXT, "
                        "author TEXT, kind TEXT, text TEXT, html TEXT, created_at INTEGER)");
        (void)bare.exec("CREATE VIRTUAL TABLE item_fts USING fts5(text, content='items', content_rowid='seq')");
    }
    QElapsedTimer timer;
    timer.start();
    (void)db->exec("BEGIN");
    Statement &ins = schema
        ? db->cached(
            "INSERT INTO items(seq, account_id, remote_id, kind, direction, parent_remote_id, text, html, lang, "
            "url, created_at, received_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
        : db->cached("INSERT INTO items(seq, account_id, remote_id, thread, author, kind, text, html, "
                     "created_at) VALUES (?,?,?,?,?,?,?,?,?)");
    Statement &fts = db->cached("INSERT INTO item_fts(rowid, text) VALUES (?, ?)");
    qint64 seq = 0;
    for (const IncomingItem &item : rows) {
        ++seq;
        if (schema) {
            ins.bindAll(seq, accountId, item.remoteId, item.kind, item.outbound ? "out" : "in", item.parentRemoteId,
                        item.text, item.html, item.lang, item.url, item.createdAt, item.createdAt, item.createdAt);
        } else {
            ins.bindAll(seq, item.accountId, item.remoteId, item.threadKey, item.author.remoteId, item.kind, item.text,
                        item.html, item.createdAt);
        }
        if (!ins.exec().ok()) {
            return 0;
        }
        fts.bindAll(seq, item.text);
        if (!fts.exec().ok()) {
            return 0;
        }
    }
    (void)db->exec("COMMIT");
    return double(rows.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

// One row of a table, as read back from the project's database.
struct Cell {
    int type = SQLITE_NULL;
    qint64 integer = 0;
    double real = 0;
    QString text;
};
using Row = std::vector<Cell>;

struct TableRows {
    QString name;
    QStringList columns;
    std::vector<Row> rows;
};

TableRows readTable(SqliteDb &db, const QString &table, const QString &order)
{
    TableRows t;
    t.name = table;
    auto info = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(table));
    while (info.value().next()) {
        t.columns << info.value().text(0);
    }
    auto select = db.prepare(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(t.columns.join(u','), table, order));
    sqlite3_stmt *st = select.value().handle();
    while (select.value().next()) {
        Row row(size_t(t.columns.size()));
        for (int c = 0; c < int(t.columns.size()); ++c) {
            Cell &cell = row[size_t(c)];
            cell.type = sqlite3_column_type(st, c);
            if (cell.type == SQLITE_INTEGER) {
                cell.integer = sqlite3_column_int64(st, c);
            } else if (cell.type == SQLITE_FLOAT) {
                cell.real = sqlite3_column_double(st, c);
            } else if (cell.type != SQLITE_NULL) {
                cell.text = select.value().text(c);
            }
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

// The very rows the project's path stored (contacts, conversations, items and their full-text rows), inserted into
// a fresh workspace with prepared statements in one transaction: what writing that data costs with none of the
// parsing, lookups and threading.
double rawSameRows(const QString &projectDb, const QString &dir)
{
    SqliteDb src;
    if (!src.open(projectDb, SqliteDb::Mode::ReadOnly).ok()) {
        return 0;
    }
    const std::vector<TableRows> setup {readTable(src, QStringLiteral("employees"), QStringLiteral("rowid")),
                                        readTable(src, QStringLiteral("accounts"), QStringLiteral("rowid"))};
    const std::vector<TableRows> data {readTable(src, QStringLiteral("contacts"), QStringLiteral("rowid")),
                                       readTable(src, QStringLiteral("conversations"), QStringLiteral("rowid")),
                                       readTable(src, QStringLiteral("items"), QStringLiteral("seq"))};
    src.close();
    auto ws = Workspace::open(QDir(dir).filePath(QStringLiteral("raw-rows")), Workspace::OpenMode::CreateIfMissing);
    if (!ws.ok()) {
        return 0;
    }
    SqliteDb &db = ws.value()->db();
    auto insertAll = [&db](const TableRows &t) {
        QStringList marks;
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            marks << QStringLiteral("?");
        }
        auto ins = db.prepare(
            QStringLiteral("INSERT INTO %1(%2) VALUES (%3)").arg(t.name, t.columns.join(u','), marks.join(u',')));
        auto fts = db.prepare(QStringLiteral("INSERT INTO item_fts(rowid, text) VALUES (?, ?)"));
        const bool items = t.name == QLatin1String("items");
        const qsizetype textColumn = t.columns.indexOf(QStringLiteral("text"));
        qint64 count = 0;
        for (const Row &row : t.rows) {
            Statement &st = ins.value();
            for (int c = 0; c < int(row.size()); ++c) {
                const Cell &cell = row[size_t(c)];
                if (cell.type == SQLITE_INTEGER) {
                    st.bind(c + 1, cell.integer);
                } else if (cell.type == SQLITE_FLOAT) {
                    st.bind(c + 1, cell.real);
                } else if (cell.type == SQLITE_NULL) {
                    st.bindNull(c + 1);
                } else {
                    st.bind(c + 1, cell.text);
                }
            }
            if (!st.exec().ok()) {
                return qint64(-1);
            }
            if (items) {
                fts.value().bindAll(row[0].integer, row[size_t(textColumn)].text);
                if (!fts.value().exec().ok()) {
                    return qint64(-1);
                }
                ++count;
            }
        }
        return count;
    };
    (void)db.exec("BEGIN");
    for (const TableRows &t : setup) {
        (void)db.exec(QStringLiteral("DELETE FROM %1").arg(t.name));
        if (insertAll(t) < 0) {
            return 0;
        }
    }
    (void)db.exec("COMMIT");
    QElapsedTimer timer;
    timer.start();
    (void)db.exec("BEGIN");
    qint64 items = 0;
    for (const TableRows &t : data) {
        const qint64 n = insertAll(t);
        if (n < 0) {
            return 0;
        }
        items += n;
    }
    if (!db.exec("COMMIT").ok()) {
        return 0;
    }
    return double(items) / (double(timer.nsecsElapsed()) / 1e9);
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 items = intOption(args, QStringLiteral("--items"), 100'000);
    const bool direct = args.contains(QStringLiteral("--direct"));
    const bool profile = args.contains(QStringLiteral("--profile"));
    const int directBatch = intOption(args, QStringLiteral("--batch"), 2000);
    StoreWriter::Options writerOptions;
    writerOptions.maxBatchItems = intOption(args, QStringLiteral("--writer-batch"), writerOptions.maxBatchItems);
    if (items <= 0 || directBatch <= 0 || writerOptions.maxBatchItems <= 0 || (profile && !direct)) {
        std::fprintf(stderr,
                     "usage: bench_mastodon_ingest [--items N] [--writer-batch N] "
                     "[--direct [--batch N] [--profile]]\n");
        return 2;
    }
    QTemporaryDir dir;
    auto ws = Workspace::open(QDir(dir.path()).filePath(QStringLiteral("ws")), Workspace::OpenMode::CreateIfMissing);
    if (!ws.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    ManualClock clock(1'780'000'000'000);
    SeededIdSource ids(1);
    Engine engine(ws.value()->db(), clock, ids);
    const QString admin = engine.createFirstAdmin(QStringLiteral("Admin")).value();
    NewAccount acc;
    acc.handle = QStringLiteral("@brand@brand.example");
    acc.serviceUrl = QStringLiteral("https://brand.example");
    const QString accountId = engine.addAccount(Actor::employee(admin), acc).value();
    const QString brandId = QStringLiteral("109000000000000001");

    const std::vector<QByteArray> pages = makePages(items, brandId, clock.nowMs() - items * 2000);
    qint64 jsonBytes = 0;
    for (const QByteArray &p : pages) {
        jsonBytes += p.size();
    }
    if (profile) {
        sqlite3_trace_v2(ws.value()->db().handle(), SQLITE_TRACE_PROFILE, onProfile, nullptr);
    }

    const mastodon::ItemContext ctx {accountId, brandId, QStringLiteral("brand.example")};
    StoreWriter writer(ws.value()->databasePath(), clock, writerOptions);
    if (!direct) {
        if (Status s = writer.start(); !s.ok()) {
            std::fprintf(stderr, "store writer: %s\n", qPrintable(s.error().message));
            return 1;
        }
    }
    Ingestor ingestor(ws.value()->db(), clock, RandomIdSource::instance()); // --direct; random keys, as in the app
    std::atomic<qint64> stored {0};
    std::atomic<bool> failed {false};
    QHash<QString, QString> roots; // as the channel remembers thread roots
    std::vector<IncomingItem> all;
    all.reserve(size_t(items));
    QElapsedTimer timer;
    timer.start();
    qint64 parseNs = 0;
    IngestBatch pending;
    for (auto page = pages.crbegin(); page != pages.crend(); ++page) { // oldest page first, like a forward poll
        const qint64 t0 = timer.nsecsElapsed();
        auto parsed = mastodon::parseNotifications(*page);
        if (!parsed.ok()) {
            std::fprintf(stderr, "parse failed: %s\n", qPrintable(parsed.error().message));
            return 1;
        }
        IngestBatch batch;
        batch.items.reserve(parsed.value().entries.size());
        for (const mastodon::Notification &n : parsed.value().entries) {
            if (mastodon::notificationUse(n, ctx) != mastodon::NotificationUse::Item || !n.status) {
                continue;
            }
            const mastodon::Status &st = *n.status;
            const QString root = st.inReplyToId.isEmpty() ? st.id : roots.value(st.inReplyToId, st.inReplyToId);
            roots.insert(st.id, root);
            batch.items.push_back(mastodon::toItem(st, ctx, root, mastodon::itemKind(st, ctx, n.type)));
        }
        all.insert(all.end(), batch.items.begin(), batch.items.end());
        batch.cursors.push_back({accountId, QStringLiteral("notifications"), parsed.value().newestId, {}, {}});
        parseNs += timer.nsecsElapsed() - t0;
        if (!direct) {
            writer.submit(std::move(batch), nullptr, [&stored, &failed](const Result<IngestResult> &r) {
                if (r.ok()) {
                    stored += r.value().inserted;
                } else {
                    std::fprintf(stderr, "ingest failed: %s\n", qPrintable(r.error().message));
                    failed = true;
                }
            });
            continue;
        }
        pending.items.insert(pending.items.end(), batch.items.begin(), batch.items.end());
        pending.cursors = batch.cursors;
        if (int(pending.items.size()) < directBatch && std::next(page) != pages.crend()) {
            continue;
        }
        auto result = ingestor.ingest(std::vector<const IngestBatch *> {&pending});
        pending = IngestBatch();
        if (!result.ok()) {
            std::fprintf(stderr, "ingest failed: %s\n", qPrintable(result.error().message));
            return 1;
        }
        stored += result.value().front().inserted;
    }
    writer.flush();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double projectRate = double(stored) / seconds;
    const StoreWriter::Stats stats = writer.stats();
    const double rawRows = rawSameRows(ws.value()->databasePath(), dir.path());
    const double rawSchema = rawBaseline(all, dir.path(), true);
    const double rawBare = rawBaseline(all, dir.path(), false);
    const qint64 dbBytes = QFileInfo(ws.value()->databasePath()).size()
        + QFileInfo(ws.value()->databasePath() + QStringLiteral("-wal")).size();
    std::printf("{\"bench\":\"mastodon_ingest\",\"mode\":\"%s\",\"items\":%lld,\"stored\":%lld,\"pages\":%zu,"
                "\"json_mb\":%.1f,\"transactions\":%lld,\"wall_s\":%.2f,\"parse_s\":%.2f,\"store_s\":%.2f,"
                "\"project_items_per_s\":%.0f,\"raw_same_rows_items_per_s\":%.0f,\"raw_items_only_items_per_s\":%.0f,"
                "\"raw_bare_items_per_s\":%.0f,\"ratio\":%.2f,\"ratio_vs_items_only\":%.2f,"
                "\"ratio_vs_bare\":%.2f,\"db_mb\":%.1f}\n",
                direct ? "direct" : "store_writer", items, qint64(stored), pages.size(), double(jsonBytes) / 1e6,
                direct ? (items + directBatch - 1) / directBatch : stats.transactions, seconds, double(parseNs) / 1e9,
                direct ? seconds - double(parseNs) / 1e9 : double(stats.busyNs) / 1e9, projectRate, rawRows, rawSchema,
                rawBare, projectRate / rawRows, projectRate / rawSchema, projectRate / rawBare, double(dbBytes) / 1e6);
    for (const auto &[sql, t] : g_profile) {
        std::fprintf(stderr, "%8.3f s %8lld calls  %.90s\n", double(t.ns) / 1e9, t.calls, sql.c_str());
    }
    return stored == items && !failed ? 0 : 1;
}
