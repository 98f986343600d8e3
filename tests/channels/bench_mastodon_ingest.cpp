// Ingest of Mastodon notification pages: JSON -> parse -> items -> store, against a raw baseline (prepared INSERT +
// FTS5 of the same rows in one transaction), measured in the same run. Prints JSON lines.
//   bench_mastodon_ingest [--items N] (default 100000)
#include "channels/mastodon/MastodonItems.h"
#include "channels/mastodon/MastodonParse.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
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

#include <cstdio>

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

double rawBaseline(const std::vector<IncomingItem> &rows, const QString &dir)
{
    SqliteDb db;
    if (!db.open(QDir(dir).filePath(QStringLiteral("raw.db")), SqliteDb::Mode::ReadWriteCreate).ok()) {
        return 0;
    }
    (void)db.exec("PRAGMA journal_mode = WAL");
    (void)db.exec("PRAGMA synchronous = NORMAL");
    (void)db.exec("CREATE TABLE items(seq INTEGER PRIMARY KEY, account_id TEXT, remote_id TEXT, thread TEXT, "
                  "author TEXT, kind TEXT, text TEXT, html TEXT, created_at INTEGER)");
    (void)db.exec("CREATE VIRTUAL TABLE item_fts USING fts5(text, content='items', content_rowid='seq')");
    QElapsedTimer timer;
    timer.start();
    (void)db.exec("BEGIN");
    Statement &ins = db.cached("INSERT INTO items(seq, account_id, remote_id, thread, author, kind, text, html, "
                               "created_at) VALUES (?,?,?,?,?,?,?,?,?)");
    Statement &fts = db.cached("INSERT INTO item_fts(rowid, text) VALUES (?, ?)");
    qint64 seq = 0;
    for (const IncomingItem &item : rows) {
        ins.reset();
        ins.bindAll(++seq, item.accountId, item.remoteId, item.threadKey, item.author.remoteId, item.kind, item.text,
                    item.html, item.createdAt);
        (void)ins.exec();
        fts.reset();
        fts.bindAll(seq, item.text);
        (void)fts.exec();
    }
    (void)db.exec("COMMIT");
    return double(rows.size()) / (double(timer.nsecsElapsed()) / 1e9);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 items = 100'000;
    const QStringList args = app.arguments();
    if (const qsizetype at = args.indexOf(QStringLiteral("--items")); at >= 0 && at + 1 < args.size()) {
        items = args.at(at + 1).toLongLong();
    }
    int batchItems = kPage;
    if (const qsizetype at = args.indexOf(QStringLiteral("--batch")); at >= 0 && at + 1 < args.size()) {
        batchItems = args.at(at + 1).toInt();
    }
    if (items <= 0) {
        std::fprintf(stderr, "usage: bench_mastodon_ingest [--items N]\n");
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

    // The project's path: parse each page, convert, ingest with the cursor in the same transaction.
    const mastodon::ItemContext ctx {accountId, brandId, QStringLiteral("brand.example")};
    Ingestor ingestor(ws.value()->db(), clock, ids);
    QHash<QString, QString> roots; // as the channel remembers thread roots
    std::vector<IncomingItem> all;
    all.reserve(size_t(items));
    QElapsedTimer timer;
    timer.start();
    qint64 stored = 0;
    qint64 parseNs = 0;
    qint64 ingestNs = 0;
    std::vector<IncomingItem> pending;
    for (auto page = pages.crbegin(); page != pages.crend(); ++page) { // oldest page first, like a forward poll
        const qint64 t0 = timer.nsecsElapsed();
        auto parsed = mastodon::parseNotifications(*page);
        if (!parsed.ok()) {
            std::fprintf(stderr, "parse failed: %s\n", qPrintable(parsed.error().message));
            return 1;
        }
        std::vector<IncomingItem> batch;
        batch.reserve(parsed.value().entries.size());
        for (const mastodon::Notification &n : parsed.value().entries) {
            if (mastodon::notificationUse(n, ctx) != mastodon::NotificationUse::Item || !n.status) {
                continue;
            }
            const mastodon::Status &s = *n.status;
            const QString root = s.inReplyToId.isEmpty() ? s.id : roots.value(s.inReplyToId, s.inReplyToId);
            roots.insert(s.id, root);
            batch.push_back(mastodon::toItem(s, ctx, root, mastodon::itemKind(s, ctx, n.type)));
        }
        const qint64 t1 = timer.nsecsElapsed();
        parseNs += t1 - t0;
        pending.insert(pending.end(), batch.begin(), batch.end());
        all.insert(all.end(), batch.begin(), batch.end());
        if (int(pending.size()) < batchItems && std::next(page) != pages.crend()) {
            continue;
        }
        const CursorUpdate cursor {accountId, QStringLiteral("notifications"), parsed.value().newestId, {}, {}};
        auto result = ingestor.ingest(pending, {cursor});
        pending.clear();
        if (!result.ok()) {
            std::fprintf(stderr, "ingest failed: %s\n", qPrintable(result.error().message));
            return 1;
        }
        ingestNs += timer.nsecsElapsed() - t1;
        stored += result.value().inserted;
    }
    const double projectRate = double(stored) / (double(timer.nsecsElapsed()) / 1e9);
    const double rawRate = rawBaseline(all, dir.path());
    const qint64 dbBytes = QFileInfo(ws.value()->databasePath()).size()
        + QFileInfo(ws.value()->databasePath() + QStringLiteral("-wal")).size();
    std::printf("{\"bench\":\"mastodon_ingest\",\"items\":%lld,\"stored\":%lld,\"pages\":%zu,\"json_mb\":%.1f,"
                "\"parse_s\":%.2f,\"ingest_s\":%.2f,\"project_items_per_s\":%.0f,\"raw_baseline_items_per_s\":%.0f,"
                "\"ratio\":%.2f,\"db_mb\":%.1f}\n",
                items, stored, pages.size(), double(jsonBytes) / 1e6, double(parseNs) / 1e9, double(ingestNs) / 1e9,
                projectRate, rawRate, projectRate / rawRate, double(dbBytes) / 1e6);
    return stored == items ? 0 : 1;
}
