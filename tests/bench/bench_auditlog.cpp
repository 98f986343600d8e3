// Audit log benchmark: a page of the event log (engine/AuditLog.h) with each kind of filter, over a synthetic log.
//   bench_auditlog [--events 1000000] [--runs 20]
// The log is written with plain SQL and skewed like a busy workspace: 20 employees (one of them rarely acts), a
// fifth of the events by the system, reads and assignments common, some actions rare. Prints one JSON line per
// query shape with p50/p95/max in ms, and the rows it returned.
#include "engine/AuditLog.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace sb;

namespace {

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_auditlog: %s\n", qPrintable(what));
    std::exit(1);
}

void check(const Status &s, const char *what)
{
    if (!s.ok()) {
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), s.error().message));
    }
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::max(0.0, std::ceil(p / 100.0 * double(v.size())) - 1));
    return v[std::min(rank, v.size() - 1)];
}

const char *const kActions[] = {"read", "assigned", "status_changed", "tagged", "replied", "note_added", "published"};
const int kWeights[] = {30, 30, 25, 6, 5, 3, 1};

qint64 build(SqliteDb &db, int events)
{
    QRandomGenerator rng(20261124);
    check(db.exec("BEGIN"), "begin");
    for (int i = 0; i < 20; ++i) {
        Statement &st = db.cached("INSERT INTO employees(id, name, role, active, created_at, updated_at) "
                                  "VALUES (?, ?, 'community_manager', 1, 0, 0)");
        st.bindAll(QStringLiteral("emp%1").arg(i), QStringLiteral("Employee %1").arg(i));
        check(st.exec(), "employee");
    }
    qint64 at = 1700000000000;
    for (int i = 0; i < events; ++i) {
        at += rng.bounded(1, 60000);
        int pick = rng.bounded(100);
        int a = 0;
        while (pick >= kWeights[a]) {
            pick -= kWeights[a++];
        }
        QString actor = rng.bounded(5) == 0 ? QString() : QStringLiteral("emp%1").arg(rng.bounded(1, 20));
        const char *action = kActions[a];
        if (i % 100000 == 7) {
            actor = QStringLiteral("emp0"); // the one who rarely acts
            action = "rule_removed";
        }
        const QString conversation = QStringLiteral("conv%1").arg(i % 50000);
        Statement &st = db.cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, subject_id, "
                                  "conversation_id, details) VALUES (?, ?, ?, ?, ?, 'conversation', ?, ?, ?)");
        st.bindAll(QStringLiteral("ev%1").arg(i), at, actor.isEmpty() ? "system" : "employee", actor, action,
                   conversation, conversation,
                   QStringLiteral("{\"from\":\"\",\"to\":\"emp%1\",\"tag\":\"t%2\"}").arg(i % 20).arg(i % 997));
        check(st.exec(), "event");
    }
    check(db.exec("COMMIT"), "commit");
    return at;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("events"), QStringLiteral("Events in the log."), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Runs per query."), QStringLiteral("n"), QStringLiteral("20")});
    parser.process(app);
    const int events = parser.value(QStringLiteral("events")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir dir;
    auto ws = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
    if (!ws.ok()) {
        die(ws.error().message);
    }
    SqliteDb &db = ws.value()->db();
    QElapsedTimer built;
    built.start();
    const qint64 end = build(db, events);
    std::printf("%s\n",
                QJsonDocument(QJsonObject {{QStringLiteral("name"), QStringLiteral("build")},
                                           {QStringLiteral("events"), events},
                                           {QStringLiteral("ms"), double(built.elapsed())}})
                    .toJson(QJsonDocument::Compact)
                    .constData());

    const qint64 middleSeq = db.scalarInt(QStringLiteral("SELECT max(seq) / 2 FROM events"));
    const qint64 day = 24 * 3600 * 1000LL;
    struct Shape {
        const char *name;
        std::function<void(AuditFilter &)> set;
    };
    const std::vector<Shape> shapes {
        {"newest", [](AuditFilter &) {}},
        {"middle_page", [&](AuditFilter &f) { f.beforeSeq = middleSeq; }},
        {"employee_common", [](AuditFilter &f) { f.employeeId = QStringLiteral("emp3"); }},
        {"employee_rare", [](AuditFilter &f) { f.employeeId = QStringLiteral("emp0"); }},
        {"action_common", [](AuditFilter &f) { f.action = QStringLiteral("assigned"); }},
        {"action_rare", [](AuditFilter &f) { f.action = QStringLiteral("rule_removed"); }},
        {"employee_and_action",
         [](AuditFilter &f) {
             f.employeeId = QStringLiteral("emp3");
             f.action = QStringLiteral("tagged");
         }},
        {"text", [](AuditFilter &f) { f.text = QStringLiteral("t42\""); }},
        {"last_week", [&](AuditFilter &f) { f.fromMs = end - 7 * day; }},
        {"employee_last_week",
         [&](AuditFilter &f) {
             f.employeeId = QStringLiteral("emp3");
             f.fromMs = end - 7 * day;
         }},
        {"old_week",
         [&](AuditFilter &f) {
             f.toMs = end - 200 * day;
             f.fromMs = end - 207 * day;
         }},
        {"subject_type", [](AuditFilter &f) { f.subjectType = QStringLiteral("conversation"); }},
    };
    for (const Shape &shape : shapes) {
        std::vector<double> samples;
        size_t rows = 0;
        for (int i = 0; i < runs; ++i) {
            AuditFilter f;
            shape.set(f);
            QElapsedTimer t;
            t.start();
            auto r = auditLog(db, f);
            samples.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!r.ok()) {
                die(r.error().message);
            }
            rows = r.value().size();
        }
        std::printf(
            "%s\n",
            QJsonDocument(QJsonObject {{QStringLiteral("name"), QLatin1String(shape.name)},
                                       {QStringLiteral("rows"), qint64(rows)},
                                       {QStringLiteral("p50_ms"), percentile(samples, 50)},
                                       {QStringLiteral("p95_ms"), percentile(samples, 95)},
                                       {QStringLiteral("max_ms"), *std::max_element(samples.begin(), samples.end())}})
                .toJson(QJsonDocument::Compact)
                .constData());
    }
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto actions = auditActions(db);
        samples.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!actions.ok()) {
            die(actions.error().message);
        }
    }
    std::printf("{\"name\":\"distinct_actions\",\"p50_ms\":%.3f,\"p95_ms\":%.3f}\n", percentile(samples, 50),
                percentile(samples, 95));
    return 0;
}
