// Team mode at scale: N simulated workstations (threads, each with its own SQLite cache, PostgreSQL connection and
// LISTEN) against one real PostgreSQL for a while of synthetic team activity: notes added (each carries the time it
// was shared), conversations assigned and their status changed, by everyone at random. Prints, as JSON lines:
// propagation latency (shared on one desk -> in another desk's cache) p50/p95/max, conflicts reported, lost updates
// (a note missing anywhere, or a desk whose conversations differ from the team's at the end), PostgreSQL's CPU
// (all its processes, from /proc) and connections. Baseline in the same run: two desks, the smallest team.
//
//   bench_team [--workstations 50] [--seconds 600] [--interval-ms 3000]     (needs TEAM_PG_STATE: tests/team/pg.sh)

#include "TeamTestSupport.h"
#include "store/Schema.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "team/Pg.h"
#include "team/TeamReplicator.h"
#include "team/TeamSchema.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <vector>

using namespace sb;
using namespace sb::team;

namespace {

struct Options {
    int workstations = 50;
    int seconds = 600;
    int intervalMs = 3000;
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// CPU seconds used so far by every postgres process (utime + stime from /proc/PID/stat).
double postgresCpuSeconds()
{
    double ticks = 0;
    const long hz = sysconf(_SC_CLK_TCK);
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        pid.toInt(&ok);
        if (!ok) {
            continue;
        }
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("postgres")) {
            continue;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 12) {
            ticks += fields[11].toDouble() + fields[12].toDouble(); // utime, stime (fields 14, 15)
        }
    }
    return ticks / double(hz);
}

struct Shared {
    std::mutex lock;
    std::vector<qint64> latencies;
    std::atomic<int> notes {0};
    std::atomic<int> changes {0};
    std::atomic<int> conflicts {0};
    std::atomic<int> errors {0};
    std::atomic<bool> stop {false};
};

class Desk : public QThread {
public:
    Desk(int index, QString dbPath, QString conninfo, QString password, QStringList conversations, QString employee,
         Shared &shared, int intervalMs)
        : m_index(index), m_dbPath(std::move(dbPath)), m_conninfo(std::move(conninfo)), m_password(std::move(password)),
          m_conversations(std::move(conversations)), m_employee(std::move(employee)), m_shared(shared),
          m_intervalMs(intervalMs)
    {
    }

    QString workstation() const { return QStringLiteral("desk-%1").arg(m_index); }

protected:
    void run() override
    {
        SqliteDb db;
        PgConnection pg;
        if (!db.open(m_dbPath, SqliteDb::Mode::ReadWrite).ok() || !configureConnection(db).ok()
            || !pg.open(m_conninfo, m_password, QStringLiteral("switchboard %1").arg(workstation())).ok()
            || !pg.execScript(QStringLiteral("LISTEN sb_changes")).ok()) {
            ++m_shared.errors;
            return;
        }
        auto tables = sharedColumns(db);
        TeamReplicator replicator(db, pg, workstation(), tables.value());
        QRandomGenerator rng(quint32(m_index * 7919 + 17));
        qint64 nextAction = nowMs() + rng.bounded(m_intervalMs);
        qint64 lastPull = 0;
        int made = 0;
        while (!m_shared.stop.load()) {
            const bool notified = !pg.takeNotifications().isEmpty();
            if (notified || nowMs() - lastPull > 1000) {
                pullAndMeasure(db, replicator);
                lastPull = nowMs();
            }
            if (nowMs() >= nextAction) {
                act(db, rng, ++made);
                auto pushed = replicator.push();
                if (!pushed.ok()) {
                    ++m_shared.errors;
                } else {
                    m_shared.conflicts += pushed.value().conflicts;
                }
                nextAction = nowMs() + m_intervalMs / 2 + rng.bounded(m_intervalMs);
            }
            QThread::msleep(20);
        }
        // Settle: what is waiting goes up, then everything comes down.
        for (int i = 0; i < 3; ++i) {
            (void)replicator.push();
            QThread::msleep(200);
            (void)replicator.pull();
        }
    }

private:
    void act(SqliteDb &db, QRandomGenerator &rng, int n)
    {
        const QString conversation = m_conversations[int(rng.bounded(qint64(m_conversations.size())))];
        const qint64 now = nowMs();
        Transaction tx(db);
        if (!tx.began().ok()) {
            ++m_shared.errors;
            return;
        }
        if (rng.bounded(2) == 0) {
            // A note: its body carries when it was written, for the latency measured where it arrives.
            Statement &st = db.cached("INSERT INTO notes(id, conversation_id, author_id, body, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?)");
            st.bindAll(QUuid::createUuid().toString(QUuid::WithoutBraces), conversation, m_employee,
                       QStringLiteral("bench %1 %2 @%3").arg(workstation()).arg(n).arg(now), now, now);
            if (!st.exec().ok()) {
                ++m_shared.errors;
                return;
            }
            ++m_shared.notes;
        } else {
            static const char *const statuses[] = {"open", "pending", "resolved"};
            Statement &st = db.cached("UPDATE conversations SET assignee_id = ?, status = ?, updated_at = ? "
                                      "WHERE id = ?");
            st.bindAll(m_employee, statuses[rng.bounded(3)], now, conversation);
            if (!st.exec().ok()) {
                ++m_shared.errors;
                return;
            }
            ++m_shared.changes;
        }
        if (!tx.commit().ok()) {
            ++m_shared.errors;
        }
    }

    void pullAndMeasure(SqliteDb &db, TeamReplicator &replicator)
    {
        const qint64 before = db.scalarInt(QStringLiteral("SELECT coalesce(max(rowid), 0) FROM notes"));
        auto pulled = replicator.pull();
        if (!pulled.ok()) {
            ++m_shared.errors;
            return;
        }
        const qint64 arrived = nowMs();
        Statement &st = db.cached("SELECT body FROM notes WHERE rowid > ? AND author_id <> ?");
        st.bindAll(before, m_employee);
        std::vector<qint64> seen;
        while (st.next()) {
            const QString body = st.text(0);
            seen.push_back(arrived - body.mid(body.lastIndexOf(QLatin1Char('@')) + 1).toLongLong());
        }
        std::lock_guard<std::mutex> guard(m_shared.lock);
        m_shared.latencies.insert(m_shared.latencies.end(), seen.begin(), seen.end());
    }

    int m_index;
    QString m_dbPath;
    QString m_conninfo;
    QString m_password;
    QStringList m_conversations;
    QString m_employee;
    Shared &m_shared;
    int m_intervalMs;
};

void print(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

qint64 percentile(std::vector<qint64> v, double p)
{
    if (v.empty()) {
        return -1;
    }
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// One run: `desks` workstations for `seconds`. Returns the figures.
QJsonObject runOnce(const testing::TeamPg &server, int desks, int seconds, int intervalMs)
{
    QTemporaryDir dir;
    const QString database = server.createDatabase(QStringLiteral("bench_"));
    const QString conninfo = PgConnection::withoutPassword(server.url(QStringLiteral("postgres"), database));
    // The template workspace: a roster of one employee per desk and 200 conversations, made a team.
    auto ws = Workspace::open(dir.filePath(QStringLiteral("template")), Workspace::OpenMode::CreateIfMissing);
    if (!ws.ok()) {
        return {{QStringLiteral("error"), ws.error().message}};
    }
    SqliteDb &db = ws.value()->db();
    const qint64 now = nowMs();
    QStringList employees;
    QStringList conversations;
    (void)db.exec("BEGIN");
    (void)db.exec(QStringLiteral("INSERT INTO accounts(id, network, handle, service_url, created_at, updated_at) "
                                 "VALUES ('acct', 'mastodon', 'brand', 'https://example.social', %1, %1)")
                      .arg(now));
    for (int i = 0; i < desks; ++i) {
        employees << QStringLiteral("emp-%1").arg(i);
        (void)db.exec(QStringLiteral("INSERT INTO employees(id, name, role, created_at, updated_at) VALUES ('emp-%1', "
                                     "'Agent %1', 'manager', %2, %2)")
                          .arg(i)
                          .arg(now));
    }
    for (int i = 0; i < 200; ++i) {
        conversations << QStringLiteral("conv-%1").arg(i);
        (void)db.exec(QStringLiteral("INSERT INTO conversations(id, account_id, thread_key, kind, first_inbound_at, "
                                     "last_item_at, created_at, updated_at) VALUES ('conv-%1', 'acct', 't%1', "
                                     "'mention', %2, %2, %2, %2)")
                          .arg(i)
                          .arg(now));
    }
    (void)db.exec("COMMIT");
    PgConnection owner;
    if (Status s = owner.open(server.url(QStringLiteral("postgres"), database), server.superPassword(),
                              QStringLiteral("bench setup"));
        !s.ok()) {
        return {{QStringLiteral("error"), s.error().message}};
    }
    auto tables = sharedColumns(db);
    (void)owner.execScript(QStringLiteral("BEGIN;") + pgSchemaSql(tables.value(), schema::latestVersion())
                           + QStringLiteral("COMMIT;"));
    {
        TeamReplicator up(db, owner, QStringLiteral("template"), tables.value());
        (void)up.uploadAll();
        (void)installLocalTriggers(db, tables.value());
        (void)up.pull();
    }
    (void)db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const QString templatePath = db.path();
    ws.value().reset();

    Shared shared;
    std::vector<std::unique_ptr<Desk>> threads;
    for (int i = 0; i < desks; ++i) {
        const QString path = dir.filePath(QStringLiteral("desk-%1.db").arg(i));
        QFile::copy(templatePath, path);
        threads.push_back(std::make_unique<Desk>(i, path, conninfo, server.superPassword(), conversations, employees[i],
                                                 shared, intervalMs));
    }
    const double cpuBefore = postgresCpuSeconds();
    const qint64 started = nowMs();
    for (auto &t : threads) {
        t->start();
    }
    int peakConnections = 0;
    while (nowMs() - started < qint64(seconds) * 1000) {
        QThread::msleep(1000);
        auto c = owner.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"));
        if (c.ok()) {
            peakConnections = std::max(peakConnections, c.value().rows[0][0].value_or(QString()).toInt());
        }
    }
    // Sampled while every desk is still connected: a backend's CPU leaves /proc with its process.
    const double elapsed = double(nowMs() - started) / 1000.0;
    const double cpu = postgresCpuSeconds() - cpuBefore;
    shared.stop = true;
    for (auto &t : threads) {
        t->wait();
    }

    // Lost updates: every note everywhere, and every desk's conversations equal to the team's.
    auto teamNotes = owner.exec(QStringLiteral("SELECT count(*) FROM sb.notes"));
    auto teamState = owner.exec(QStringLiteral("SELECT string_agg(id || ':' || coalesce(assignee_id, '') || ':' || "
                                               "status, ',' ORDER BY id) FROM sb.conversations"));
    const int inTeam = teamNotes.ok() ? teamNotes.value().rows[0][0].value_or(QString()).toInt() : -1;
    const QString state = teamState.ok() ? teamState.value().rows[0][0].value_or(QString()) : QString();
    int desksMissingNotes = 0;
    int desksDiverged = 0;
    for (int i = 0; i < desks; ++i) {
        SqliteDb d;
        (void)d.open(dir.filePath(QStringLiteral("desk-%1.db").arg(i)), SqliteDb::Mode::ReadOnly);
        if (d.scalarInt(QStringLiteral("SELECT count(*) FROM notes")) != shared.notes.load()) {
            ++desksMissingNotes;
        }
        if (d.scalarText(QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT id || ':' || coalesce(assignee_id, "
                                        "'') || ':' || status AS x FROM conversations ORDER BY id)"))
            != state) {
            ++desksDiverged;
        }
    }
    const std::vector<qint64> lat = shared.latencies;
    return {{QStringLiteral("workstations"), desks},
            {QStringLiteral("seconds"), elapsed},
            {QStringLiteral("notes"), shared.notes.load()},
            {QStringLiteral("triage_changes"), shared.changes.load()},
            {QStringLiteral("deliveries"), qint64(lat.size())},
            {QStringLiteral("propagation_p50_ms"), percentile(lat, 0.5)},
            {QStringLiteral("propagation_p95_ms"), percentile(lat, 0.95)},
            {QStringLiteral("propagation_max_ms"), lat.empty() ? -1 : *std::max_element(lat.begin(), lat.end())},
            {QStringLiteral("conflicts_reported"), shared.conflicts.load()},
            {QStringLiteral("notes_in_team"), inTeam},
            {QStringLiteral("lost_notes"), shared.notes.load() - inTeam},
            {QStringLiteral("desks_missing_notes"), desksMissingNotes},
            {QStringLiteral("desks_diverged"), desksDiverged},
            {QStringLiteral("errors"), shared.errors.load()},
            {QStringLiteral("postgres_cpu_seconds"), cpu},
            {QStringLiteral("postgres_cpu_percent_of_one_core"), 100.0 * cpu / elapsed},
            {QStringLiteral("peak_connections"), peakConnections}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options o;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--workstations")) {
            o.workstations = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--seconds")) {
            o.seconds = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--interval-ms")) {
            o.intervalMs = args[i + 1].toInt();
        }
    }
    testing::TeamPg server;
    server.state = qEnvironmentVariable("TEAM_PG_STATE");
    if (!server.load()) {
        std::fprintf(stderr, "bench_team: TEAM_PG_STATE does not name a running pg.sh server\n");
        return 2;
    }
    // Baseline: two desks, the smallest team, with the same activity per desk.
    QJsonObject baseline = runOnce(server, 2, std::min(o.seconds, 30), o.intervalMs);
    baseline.insert(QStringLiteral("run"), QStringLiteral("baseline: two workstations"));
    print(baseline);
    QJsonObject team = runOnce(server, o.workstations, o.seconds, o.intervalMs);
    team.insert(QStringLiteral("run"), QStringLiteral("team"));
    print(team);
    const bool ok = team.value(QStringLiteral("lost_notes")).toInt() == 0
        && team.value(QStringLiteral("desks_missing_notes")).toInt() == 0
        && team.value(QStringLiteral("desks_diverged")).toInt() == 0
        && team.value(QStringLiteral("errors")).toInt() == 0 && !team.contains(QStringLiteral("error"));
    return ok ? 0 : 1;
}
