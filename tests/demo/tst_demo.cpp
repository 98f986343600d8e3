// The demo workspace: reproducible from its seed, shaped like a real team's quarter, and every row it leaves
// behind explained by the event log.
#include "core/BusinessHours.h"
#include "demo/DemoGenerator.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;

namespace {

const QDate kAnchor(2026, 3, 18); // a Wednesday; the 90 days cross the daylight-saving change in March
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

struct Demo {
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    DemoStats stats;
    std::vector<std::pair<qint64, qint64>> progress;

    SqliteDb &db() { return ws->db(); }
    qint64 count(const char *sql) { return db().scalarInt(QString::fromUtf8(sql), -1); }
};

std::unique_ptr<Demo> makeDemo(quint64 seed, qint64 items)
{
    auto demo = std::make_unique<Demo>();
    auto opened = Workspace::open(demo->dir.path(), Workspace::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        qWarning("cannot create a workspace: %s", qPrintable(opened.error().message));
        return nullptr;
    }
    demo->ws = std::move(opened).value();
    DemoOptions options;
    options.seed = seed;
    options.items = items;
    options.anchor = kAnchor;
    Demo *raw = demo.get();
    auto stats = generateDemo(*demo->ws, options,
                              [raw](qint64 done, qint64 total) { raw->progress.emplace_back(done, total); });
    if (!stats.ok()) {
        qWarning("demo generation failed: %s", qPrintable(stats.error().message));
        return nullptr;
    }
    demo->stats = stats.value();
    return demo;
}

// One digest per table, every row and column in a fixed order, NULL told apart from the empty string.
QMap<QString, QByteArray> tableDigests(SqliteDb &db)
{
    QMap<QString, QByteArray> digests;
    auto tables = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    if (!tables.ok()) {
        return digests;
    }
    while (tables.value().next()) {
        const QString table = tables.value().text(0);
        const qint64 columns = db.scalarInt(QStringLiteral("SELECT count(*) FROM pragma_table_info('%1')").arg(table));
        QStringList order;
        for (qint64 i = 1; i <= columns; ++i) {
            order << QString::number(i);
        }
        // The workspace's own identity (its keychain key) is drawn when the folder is created, never by the demo.
        const QString where
            = table == QLatin1String("settings") ? QStringLiteral("WHERE key != 'workspace_id'") : QString();
        auto rows
            = db.prepare(QStringLiteral("SELECT * FROM \"%1\" %2 ORDER BY %3").arg(table, where, order.join(u',')));
        if (!rows.ok()) {
            digests.insert(table, "unreadable");
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 n = 0;
        while (rows.value().next()) {
            for (int c = 0; c < int(columns); ++c) {
                hash.addData(rows.value().isNull(c) ? QByteArrayLiteral("\0NULL") : rows.value().blob(c));
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
            ++n;
        }
        digests.insert(table, QByteArray::number(n) + ':' + hash.result().toHex());
    }
    return digests;
}

} // namespace

class TestDemo : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sameSeedSameWorkspace();
    void otherSeedOtherWorkspace();
    void reportsProgressAndStats();
    void refusesWorkspaceWithData();
    void teamAndSettings();
    void accountsOnBothNetworks();
    void ninetyDaysOfTraffic();
    void textsAreVariedAndSearchable();
    void triageLooksReal();
    void notesTagsAndApprovals();
    void campaignsPostsAndGoals();
    void eventLogExplainsRows();

private:
    std::unique_ptr<Demo> m_a;
    std::unique_ptr<Demo> m_b;
    std::unique_ptr<Demo> m_c;
};

void TestDemo::initTestCase()
{
    m_a = makeDemo(20261123, DemoOptions::kSmall);
    QVERIFY(m_a);
    m_b = makeDemo(20261123, DemoOptions::kSmall);
    QVERIFY(m_b);
    m_c = makeDemo(42, 1500);
    QVERIFY(m_c);
}

void TestDemo::sameSeedSameWorkspace()
{
    const auto a = tableDigests(m_a->db());
    const auto b = tableDigests(m_b->db());
    QVERIFY(a.contains(QStringLiteral("events")));
    QVERIFY(a.contains(QStringLiteral("items")));
    QCOMPARE(a.keys(), b.keys());
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        QVERIFY2(it.value() == b.value(it.key()), qPrintable(QStringLiteral("table %1 differs").arg(it.key())));
    }
}

void TestDemo::otherSeedOtherWorkspace()
{
    const auto a = tableDigests(m_a->db());
    const auto c = tableDigests(m_c->db());
    for (const char *table : {"employees", "items", "conversations", "events", "notes"}) {
        QVERIFY2(a.value(QString::fromUtf8(table)) != c.value(QString::fromUtf8(table)), table);
    }
    // Not only other ids: other people write other things.
    const char *texts = "SELECT group_concat(text, '|') FROM (SELECT text FROM items ORDER BY seq LIMIT 50)";
    QVERIFY(m_a->db().scalarText(QString::fromUtf8(texts)) != m_c->db().scalarText(QString::fromUtf8(texts)));
}

void TestDemo::reportsProgressAndStats()
{
    QVERIFY(!m_a->progress.empty());
    qint64 last = 0;
    for (const auto &[done, total] : m_a->progress) {
        QVERIFY(done >= last);
        QVERIFY(done <= total);
        QVERIFY(total >= DemoOptions::kSmall);
        last = done;
    }
    QCOMPARE(m_a->stats.items, m_a->count("SELECT count(*) FROM items"));
    QCOMPARE(m_a->stats.conversations, m_a->count("SELECT count(*) FROM conversations"));
    QCOMPARE(m_a->stats.events, m_a->count("SELECT count(*) FROM events"));
    QCOMPARE(m_a->stats.posts, m_a->count("SELECT count(*) FROM posts"));
    QVERIFY(m_a->stats.seconds > 0);
    qInfo("small demo: %lld items, %lld events in %.2f s", m_a->stats.items, m_a->stats.events, m_a->stats.seconds);
}

void TestDemo::refusesWorkspaceWithData()
{
    const qint64 before = m_c->count("SELECT count(*) FROM items");
    auto again = generateDemo(*m_c->ws, DemoOptions {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, ErrorKind::Conflict);
    QCOMPARE(m_c->count("SELECT count(*) FROM items"), before);

    QTemporaryDir dir;
    auto ws = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
    QVERIFY(ws.ok());
    DemoOptions none;
    none.items = 0;
    auto empty = generateDemo(*ws.value(), none);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, ErrorKind::Invalid);
}

void TestDemo::teamAndSettings()
{
    Demo &d = *m_a;
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role = 'admin'"), 1);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role != 'admin'"), 8);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role = 'manager'"), 1);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role = 'community_manager'"), 4);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role = 'contributor'"), 3);
    QCOMPARE(d.count("SELECT count(*) FROM teams"), 2);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE role != 'admin' AND team_id IS NULL"), 0);
    QCOMPARE(d.count("SELECT count(DISTINCT name) FROM employees"), 9);
    QCOMPARE(d.count("SELECT count(*) FROM employees WHERE name NOT LIKE '% %' OR email NOT LIKE '%@%'"), 0);

    QCOMPARE(WorkspaceSettings::workspaceName(d.db()), QStringLiteral("Northwind Outfitters"));
    QCOMPARE(WorkspaceSettings::timeZoneId(d.db()), QStringLiteral("Europe/Berlin"));
    const BusinessHours hours = WorkspaceSettings::businessHours(d.db());
    QCOMPARE(hours.zone.id(), QByteArrayLiteral("Europe/Berlin"));
    QCOMPARE(hours.start, QTime(9, 0));
    QCOMPARE(hours.end, QTime(17, 30));
    for (int day = 1; day <= 7; ++day) {
        QCOMPARE(hours.isWorkingDay(day), day <= 5);
    }
}

void TestDemo::accountsOnBothNetworks()
{
    Demo &d = *m_a;
    QCOMPARE(d.count("SELECT count(*) FROM accounts"), 3);
    QCOMPARE(d.count("SELECT count(*) FROM accounts WHERE network = 'mastodon'"), 2);
    QCOMPARE(d.count("SELECT count(*) FROM accounts WHERE network = 'bluesky'"), 1);
    QCOMPARE(d.count("SELECT count(*) FROM accounts WHERE sla_minutes <= 0"), 0);
    QCOMPARE(d.count("SELECT count(*) FROM accounts WHERE handle = 'northwind.bsky.social'"), 1);
    // Every account has traffic in both directions, and customers on each network look like that network's users.
    QCOMPARE(d.count("SELECT count(*) FROM accounts a WHERE (SELECT count(DISTINCT direction) FROM items i "
                     "WHERE i.account_id = a.id) < 2"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM contacts WHERE network = 'mastodon' AND handle NOT LIKE '@%@%'"), 0);
    QCOMPARE(d.count("SELECT count(*) FROM contacts WHERE network = 'bluesky' AND remote_id NOT LIKE 'did:plc:%'"), 0);
}

void TestDemo::ninetyDaysOfTraffic()
{
    Demo &d = *m_a;
    const qint64 items = d.count("SELECT count(*) FROM items");
    QVERIFY2(items >= DemoOptions::kSmall * 9 / 10 && items <= DemoOptions::kSmall * 11 / 10,
             qPrintable(QString::number(items)));
    const qint64 end = QDateTime(kAnchor.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 first = d.count("SELECT min(created_at) FROM items");
    const qint64 last = d.count("SELECT max(created_at) FROM items");
    QVERIFY(last < end);
    QVERIFY(last > end - kDayMs);
    QVERIFY(first >= end - 90 * kDayMs);
    QVERIFY(first < end - 88 * kDayMs);
    QCOMPARE(d.count("SELECT count(*) FROM items WHERE received_at < created_at"), 0);
    // One person's pause never holds up everyone else: items do not pile up on the same millisecond.
    QVERIFY(d.count("SELECT max(n) FROM (SELECT count(*) AS n FROM items GROUP BY created_at)") <= 2);

    const qint64 inbound = d.count("SELECT count(*) FROM items WHERE direction = 'in'");
    const qint64 outbound = d.count("SELECT count(*) FROM items WHERE direction = 'out'");
    QVERIFY(inbound > items / 2);
    QVERIFY(outbound > items / 5);
    QCOMPARE(d.count("SELECT count(*) FROM items WHERE direction = 'out' AND author_employee_id IS NULL"), 0);
    for (const char *kind : {"mention", "reply", "dm"}) {
        QVERIFY2(d.db().scalarInt(QStringLiteral("SELECT count(*) FROM items WHERE kind = '%1' AND direction = 'in'")
                                      .arg(QLatin1String(kind)))
                     > inbound / 20,
                 kind);
    }
    // Threads: most conversations have several items, and replies point at the item they answer.
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE item_count >= 2")
            > d.count("SELECT count(*) FROM conversations") / 2);
    QCOMPARE(d.count("SELECT count(*) FROM items WHERE direction = 'out' AND parent_remote_id IS NULL"), 0);

    // People write more on weekdays and in the daytime (Berlin time).
    const BusinessHours hours = WorkspaceSettings::businessHours(d.db());
    auto st = d.db().prepare(QStringLiteral("SELECT created_at FROM items WHERE direction = 'in'"));
    QVERIFY(st.ok());
    qint64 weekday = 0, weekend = 0, daytime = 0, all = 0;
    while (st.value().next()) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(st.value().int64(0), hours.zone);
        (local.date().dayOfWeek() >= 6 ? weekend : weekday) += 1;
        daytime += local.time().hour() >= 8 && local.time().hour() < 22 ? 1 : 0;
        ++all;
    }
    QVERIFY2(double(weekday) / 5 > 1.4 * double(weekend) / 2,
             qPrintable(QStringLiteral("%1/%2").arg(weekday).arg(weekend)));
    QVERIFY(daytime > all * 8 / 10);
}

void TestDemo::textsAreVariedAndSearchable()
{
    Demo &d = *m_a;
    const qint64 inbound = d.count("SELECT count(*) FROM items WHERE direction = 'in'");
    // Short thank-yous repeat, as they do; the rest is composed from templates and the thread's facts.
    QVERIFY(d.count("SELECT count(DISTINCT text) FROM items WHERE direction = 'in'") > inbound * 8 / 10);
    QVERIFY(d.count("SELECT count(DISTINCT text) FROM items WHERE direction = 'out'")
            > d.count("SELECT count(*) FROM items WHERE direction = 'out'") * 8 / 10);
    QVERIFY(d.count("SELECT count(*) FROM items WHERE lang = 'de'") > inbound / 10);
    QVERIFY(d.count("SELECT count(*) FROM items WHERE lang = 'en'") > inbound / 2);
    QCOMPARE(d.count("SELECT count(*) FROM items WHERE text LIKE '%{%}%'"), 0); // every placeholder was filled
    // Full-text search finds topics, products and German words (diacritics folded), each a part of the inbox.
    for (const char *query : {"DHL", "refund", "trailblazer", "waterproof", "Rucksendung", "Bestellung", "invoice"}) {
        const qint64 hits = d.db().scalarInt(
            QStringLiteral("SELECT count(*) FROM item_fts WHERE item_fts MATCH '%1'").arg(QLatin1String(query)));
        QVERIFY2(hits > 0 && hits < inbound / 2, query);
    }
    // Prefix search looks prefixes up in search_terms: every term of the index is there, although the generator
    // ingests inside its own transactions.
    QVERIFY(
        d.db().exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.demo_terms USING fts5vocab(main, item_fts, row)").ok());
    QVERIFY(d.count("SELECT count(*) FROM temp.demo_terms") > 100);
    QCOMPARE(d.count("SELECT count(*) FROM temp.demo_terms WHERE term NOT IN (SELECT term FROM search_terms)"), 0);
}

void TestDemo::triageLooksReal()
{
    Demo &d = *m_a;
    const qint64 end = QDateTime(kAnchor.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 conversations = d.count("SELECT count(*) FROM conversations");
    for (const char *status : {"open", "pending", "snoozed", "resolved"}) {
        QVERIFY2(
            d.db().scalarInt(
                QStringLiteral("SELECT count(*) FROM conversations WHERE status = '%1'").arg(QLatin1String(status)))
                > 0,
            status);
    }
    // Older conversations are mostly done; the last days hold the open work, some of it not yet assigned.
    const QString older = QStringLiteral("last_item_at < %1").arg(end - 10 * kDayMs);
    const qint64 old = d.db().scalarInt(QStringLiteral("SELECT count(*) FROM conversations WHERE ") + older);
    const qint64 oldResolved
        = d.db().scalarInt(QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'resolved' AND ") + older);
    QVERIFY2(oldResolved > old * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(oldResolved).arg(old)));
    const QString recent = QStringLiteral("first_inbound_at > %1").arg(end - 2 * kDayMs);
    QVERIFY(
        d.db().scalarInt(QStringLiteral("SELECT count(*) FROM conversations WHERE status != 'resolved' AND ") + recent)
        > 0);
    QVERIFY(
        d.db().scalarInt(QStringLiteral("SELECT count(*) FROM conversations WHERE assignee_id IS NULL AND ") + recent)
        > 0);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE assignee_id IS NOT NULL") > conversations * 3 / 4);
    QVERIFY(d.count("SELECT count(DISTINCT assignee_id) FROM conversations") >= 7);

    // Response times: most answered, spread out (a long tail), the median within a working day.
    const qint64 answered = d.count("SELECT count(*) FROM conversations WHERE first_response_secs IS NOT NULL");
    QVERIFY(answered > conversations * 3 / 4);
    const qint64 median = d.count("SELECT first_response_secs FROM conversations WHERE first_response_secs IS NOT "
                                  "NULL ORDER BY first_response_secs LIMIT 1 OFFSET (SELECT count(*) / 2 FROM "
                                  "conversations WHERE first_response_secs IS NOT NULL)");
    QVERIFY2(median > 5 * 60 && median < 24 * 3600, qPrintable(QString::number(median)));
    QVERIFY(d.count("SELECT max(first_response_secs) FROM conversations") > 10 * median);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE sla_due_at < first_response_at") > 0);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE sla_due_at >= first_response_at") > answered / 2);

    const qint64 spam = d.count("SELECT count(*) FROM conversations WHERE spam = 1");
    QVERIFY(spam > 0 && spam < conversations / 20);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE priority = 3") > 0);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE unread = 1") > 0);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE unread = 1") < conversations / 5);
    QVERIFY(d.count("SELECT count(*) FROM conversations WHERE team_id IS NOT NULL") > conversations / 2);
    // Some customers came back after their conversation was resolved, and the ingest path reopened it.
    QVERIFY(d.count("SELECT count(*) FROM events WHERE action = 'status_changed' AND actor_kind = 'system' "
                    "AND json_extract(details, '$.reason') = 'new_inbound'")
            > 0);
}

void TestDemo::notesTagsAndApprovals()
{
    Demo &d = *m_a;
    QVERIFY(d.count("SELECT count(*) FROM notes") > 20);
    QVERIFY(d.count("SELECT count(*) FROM notes WHERE body LIKE '%@%'") > 10);
    QVERIFY(d.count("SELECT count(DISTINCT author_id) FROM notes") >= 4);
    for (const char *tag : {"shipping", "billing", "bug", "praise", "feature-request", "urgent", "complaint"}) {
        QVERIFY2(d.db().scalarInt(
                     QStringLiteral("SELECT count(*) FROM conversation_tags WHERE tag = '%1'").arg(QLatin1String(tag)))
                     > 0,
                 tag);
    }
    // Contributors' replies went through the manager: approved ones were sent, a few were sent back first.
    QVERIFY(d.count("SELECT count(*) FROM reply_drafts WHERE state = 'approved'") > 5);
    QVERIFY(d.count("SELECT count(*) FROM reply_drafts WHERE state = 'rejected' AND review_comment != ''") > 0);
    QCOMPARE(d.count("SELECT count(*) FROM reply_drafts r JOIN employees e ON e.id = r.author_id "
                     "WHERE e.role != 'contributor'"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM items i JOIN employees e ON e.id = i.author_employee_id "
                     "WHERE e.role = 'admin'"),
             0);
    QVERIFY(d.count("SELECT count(*) FROM items i JOIN employees e ON e.id = i.author_employee_id "
                    "WHERE e.role = 'contributor'")
            > 5);
    QVERIFY(d.count("SELECT count(*) FROM outbox_jobs") > 0);
    QCOMPARE(d.count("SELECT count(*) FROM outbox_jobs WHERE state != 'done' AND created_at < "
                     "(SELECT max(created_at) FROM outbox_jobs) - 3600000"),
             0);
}

void TestDemo::campaignsPostsAndGoals()
{
    Demo &d = *m_a;
    const QString anchor = kAnchor.toString(Qt::ISODate);
    QCOMPARE(d.count("SELECT count(*) FROM campaigns"), 2);
    QCOMPARE(d.db().scalarInt(QStringLiteral("SELECT count(*) FROM campaigns WHERE starts_on <= '%1' AND ends_on >= "
                                             "'%1'")
                                  .arg(anchor)),
             1);
    QCOMPARE(d.db().scalarInt(QStringLiteral("SELECT count(*) FROM campaigns WHERE starts_on > '%1'").arg(anchor)), 1);
    const qint64 end = QDateTime(kAnchor.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    for (const char *state : {"published", "scheduled", "in_review", "draft", "approved"}) {
        QVERIFY2(
            d.db().scalarInt(QStringLiteral("SELECT count(*) FROM posts WHERE state = '%1'").arg(QLatin1String(state)))
                > 0,
            state);
    }
    QVERIFY(d.count("SELECT count(*) FROM posts WHERE state = 'published'") > 20);
    QCOMPARE(d.db().scalarInt(QStringLiteral("SELECT count(*) FROM posts WHERE state = 'published' AND "
                                             "(published_at IS NULL OR published_at > %1)")
                                  .arg(end)),
             0);
    QCOMPARE(
        d.db().scalarInt(
            QStringLiteral("SELECT count(*) FROM posts WHERE state = 'scheduled' AND scheduled_at <= %1").arg(end)),
        0);
    QVERIFY(d.count("SELECT count(*) FROM posts WHERE campaign_id IS NOT NULL AND state = 'published'") > 3);
    QVERIFY(d.count("SELECT count(*) FROM posts WHERE campaign_id IS NOT NULL AND state = 'scheduled'") > 1);
    QVERIFY(d.count("SELECT count(*) FROM posts WHERE review_comment IS NOT NULL AND state = 'draft'") > 0);
    // Published variants carry the networks' ids and counters; the others wait.
    QCOMPARE(d.count("SELECT count(*) FROM post_variants v JOIN posts p ON p.id = v.post_id WHERE p.state = "
                     "'published' AND (v.state != 'published' OR v.remote_id IS NULL OR v.like_count = 0)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM post_variants v JOIN posts p ON p.id = v.post_id WHERE p.state != "
                     "'published' AND v.state != 'pending'"),
             0);
    QVERIFY(d.count("SELECT count(*) FROM post_variants WHERE reply_count > 0") > 0);
    QCOMPARE(d.count("SELECT count(*) FROM post_variants v JOIN accounts a ON a.id = v.account_id "
                     "WHERE a.network = 'bluesky' AND length(v.text) > 300"),
             0);

    QCOMPARE(d.count("SELECT count(*) FROM employees e WHERE e.role != 'admin' AND NOT EXISTS "
                     "(SELECT 1 FROM goals g WHERE g.employee_id = e.id)"),
             0);
    QVERIFY(d.count("SELECT count(DISTINCT metric) FROM goals") >= 4);
}

void TestDemo::eventLogExplainsRows()
{
    Demo &d = *m_a;
    // Every assignee is the one the latest assignment event names.
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.assignee_id IS NOT (SELECT "
                     "nullif(json_extract(e.details, '$.to'), '') FROM events e WHERE e.conversation_id = c.id AND "
                     "e.action IN ('assigned', 'unassigned') ORDER BY e.seq DESC LIMIT 1)"),
             0);
    // Every status other than the initial open, and every resolution, has its status_changed event.
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.status IS NOT coalesce((SELECT "
                     "json_extract(e.details, '$.to') FROM events e WHERE e.conversation_id = c.id AND "
                     "e.action = 'status_changed' ORDER BY e.seq DESC LIMIT 1), 'open')"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.status = 'resolved' AND NOT EXISTS (SELECT 1 "
                     "FROM events e WHERE e.conversation_id = c.id AND e.action = 'status_changed' AND "
                     "json_extract(e.details, '$.to') = 'resolved' AND e.at = c.resolved_at)"),
             0);
    // Exactly one event per note, per tag, per reply sent.
    QCOMPARE(d.count("SELECT count(*) FROM notes n WHERE (SELECT count(*) FROM events e WHERE e.action = "
                     "'note_added' AND e.subject_id = n.id AND e.at = n.created_at) != 1"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM events WHERE action = 'note_added'"), d.count("SELECT count(*) FROM notes"));
    QCOMPARE(d.count("SELECT count(*) FROM conversation_tags t WHERE NOT EXISTS (SELECT 1 FROM events e WHERE "
                     "e.conversation_id = t.conversation_id AND e.action = 'tagged' AND "
                     "json_extract(e.details, '$.tag') = t.tag)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM outbox_jobs j WHERE (SELECT count(*) FROM events e WHERE "
                     "(e.action = 'replied' AND e.subject_id = j.id) OR (e.action = 'reply_approved' AND "
                     "json_extract(e.details, '$.outbox_job_id') = j.id)) != 1"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM outbox_jobs j WHERE j.state = 'done' AND (SELECT count(*) FROM events e "
                     "WHERE e.action = 'published' AND e.subject_id = j.id) != 1"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM reply_drafts r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE "
                     "e.action = 'reply_submitted' AND e.subject_id = r.id)"),
             0);
    // First responses are the moments replies went out; priorities and spam flags are the latest events'.
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.first_response_at IS NOT NULL AND "
                     "c.first_response_at != (SELECT min(e.at) FROM events e WHERE e.conversation_id = c.id AND "
                     "e.action = 'published')"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.priority != coalesce((SELECT "
                     "json_extract(e.details, '$.to') FROM events e WHERE e.conversation_id = c.id AND "
                     "e.action = 'priority_changed' ORDER BY e.seq DESC LIMIT 1), 0)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.spam = 1 AND NOT EXISTS (SELECT 1 FROM events e "
                     "WHERE e.conversation_id = c.id AND e.action = 'marked_spam')"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM post_variants v WHERE v.state = 'published' AND NOT EXISTS (SELECT 1 "
                     "FROM events e WHERE e.action = 'published' AND e.subject_id = v.id)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM posts p WHERE p.state != 'draft' AND NOT EXISTS (SELECT 1 FROM events e "
                     "WHERE e.action = 'post_submitted' AND e.subject_id = p.id)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM goals g WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.action = "
                     "'goal_set' AND e.subject_id = g.id)"),
             0);
    // Ids are UUIDs whose leading bits are the time (version 7 layout), so they rise with the log.
    QCOMPARE(d.count("SELECT count(*) FROM events WHERE length(id) != 36 OR substr(id, 15, 1) != '7' OR "
                     "substr(id, 20, 1) NOT IN ('8', '9', 'a', 'b')"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM (SELECT substr(id, 1, 13) AS t, lag(substr(id, 1, 13)) OVER (ORDER BY seq) "
                     "AS previous FROM events) WHERE t < previous"),
             0);
    // Every actor is a known employee, and the log reads in time order.
    QCOMPARE(d.count("SELECT count(*) FROM events e WHERE e.actor_kind = 'employee' AND NOT EXISTS (SELECT 1 FROM "
                     "employees m WHERE m.id = e.actor_id)"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM (SELECT at, lag(at) OVER (ORDER BY seq) AS previous FROM events) "
                     "WHERE at < previous"),
             0);
    QCOMPARE(d.count("SELECT count(*) FROM conversations c WHERE c.item_count != (SELECT count(*) FROM items i "
                     "WHERE i.conversation_id = c.id)"),
             0);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
