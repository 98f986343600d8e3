// Engagement panel benchmark (issue 7: the panel for 50 employees over 12 months computes in <= 100 ms).
//   bench_engagement [--employees 50] [--months 12] [--per-day 900]   builds a synthetic team workspace first
//   bench_engagement --workspace DIR                                   measures an existing one (the large demo)
//   bench_engagement --build-into DIR ...                              keeps the synthetic workspace in DIR
// Prints JSON lines: the from-scratch computation of the whole span (the baseline, EngagementMetrics::compute,
// same run), the first build of the rollups, the panel's report from the rollups for the whole span, the last 30
// days and this week, the same after a burst of new activity (the incremental refresh included), the weekly trend
// series, and whether the rollup figures equal the from-scratch ones.
//
// The synthetic workspace is written with plain SQL for speed, shaped like the demo: per day `--per-day` new
// conversations spread over the employees; each gets its first inbound message, most a reply (half through the
// outbox with a publish event, half ingested with their author), a resolution, some a note and a second inbound
// message; a few posts a day with engagement counters.
#include "core/Clock.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace sb;

namespace {

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::max(0.0, std::ceil(p / 100.0 * double(v.size())) - 1));
    return v[std::min(rank, v.size() - 1)];
}

QJsonObject stats(const QString &name, const std::vector<double> &samples)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("count"), qint64(samples.size())},
            {QStringLiteral("p50_ms"), percentile(samples, 50)},
            {QStringLiteral("p95_ms"), percentile(samples, 95)},
            {QStringLiteral("max_ms"), samples.empty() ? 0.0 : *std::max_element(samples.begin(), samples.end())}};
}

[[noreturn]] void die(const QString &what)
{
    std::fprintf(stderr, "bench_engagement: %s\n", qPrintable(what));
    std::exit(1);
}

void check(const Status &s, const char *what)
{
    if (!s.ok()) {
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), s.error().message));
    }
}

struct Synthetic {
    int employees = 50;
    int months = 12;
    int perDay = 900;
};

// Fills an empty, migrated workspace. Returns the instant history ends.
qint64 buildSynthetic(SqliteDb &db, const Synthetic &opt)
{
    QRandomGenerator rng(20261124);
    const QTimeZone zone("Europe/Berlin");
    const QDate lastDay(2026, 11, 22);
    const QDate firstDay = lastDay.addMonths(-opt.months).addDays(1);
    const qint64 endMs = lastDay.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    const qint64 t0 = firstDay.startOfDay(zone).toMSecsSinceEpoch();
    check(db.exec("BEGIN"), "begin");
    check(db.exec(QStringLiteral(
              "INSERT INTO settings(key, value, updated_at) VALUES ('time_zone', 'Europe/Berlin', 0), "
              "('business_hours', "
              "'{\"zone\":\"Europe/Berlin\",\"days\":[1,2,3,4,5],\"start\":\"09:00\",\"end\":\"17:00\"}', 0) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value")),
          "settings");
    QStringList staff;
    for (int i = 0; i < opt.employees; ++i) {
        const QString id = QStringLiteral("emp%1").arg(i, 3, 10, QLatin1Char('0'));
        staff << id;
        Statement &st = db.cached("INSERT INTO employees(id, name, role, active, created_at, updated_at) "
                                  "VALUES (?, ?, ?, 1, 0, 0)");
        st.bindAll(id, QStringLiteral("Employee %1").arg(i + 1),
                   QString::fromLatin1(i == 0 ? "admin" : (i % 10 == 1 ? "contributor" : "community_manager")));
        check(st.exec(), "employee");
    }
    check(db.exec("INSERT INTO accounts(id, network, handle, service_url, created_at, updated_at) VALUES "
                  "('acc1', 'mastodon', '@brand@social.example', 'https://social.example', 0, 0), "
                  "('acc2', 'bluesky', 'brand.example', 'https://bsky.example', 0, 0)"),
          "accounts");
    qint64 serial = 0;
    auto seqFor = [&](qint64 at) { return (at << 10) + (serial++ % 1000); };
    auto event = [&](qint64 at, const QString &actor, const char *action, const char *subjectType,
                     const QString &subject, const QString &conversation, const QString &details) {
        Statement &st = db.cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, subject_id, "
                                  "conversation_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st.bindAll(QStringLiteral("ev%1").arg(serial++), at, actor.isEmpty() ? "system" : "employee", actor, action,
                   subjectType, subject, conversation, details);
        check(st.exec(), "event");
    };
    auto item = [&](qint64 at, const QString &conversation, bool out, const QString &author, const QString &remote,
                    int likes) {
        Statement &st = db.cached(
            "INSERT INTO items(seq, account_id, remote_id, conversation_id, kind, direction, text, author_employee_id, "
            "created_at, received_at, like_count, updated_at) VALUES (?, 'acc1', ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?)");
        st.bindAll(seqFor(at), remote, conversation, out ? "reply" : "mention", out ? "out" : "in", author, at, at,
                   likes, at);
        check(st.exec(), "item");
    };
    qint64 conversations = 0;
    for (QDate day = firstDay; day <= lastDay; day = day.addDays(1)) {
        const qint64 dayStart = day.startOfDay(zone).toMSecsSinceEpoch();
        const bool weekend = day.dayOfWeek() >= 6;
        const int count = weekend ? opt.perDay / 4 : opt.perDay;
        for (int c = 0; c < count; ++c) {
            const QString id = QStringLiteral("c%1").arg(++conversations);
            const qint64 inbound = dayStart + qint64(rng.bounded(24 * 60)) * 60000 + rng.bounded(60000);
            const QString assignee = staff[rng.bounded(staff.size())];
            const bool answered = rng.bounded(100) < 88;
            const qint64 replyAt = inbound + qint64(5 + rng.bounded(600)) * 60000;
            const qint64 due = inbound + 4 * 3600000;
            Statement &st = db.cached(
                "INSERT INTO conversations(id, account_id, thread_key, kind, status, assignee_id, sla_due_at, "
                "first_inbound_at, last_inbound_at, last_item_at, item_count, first_response_at, created_at, "
                "updated_at) VALUES (?, 'acc1', ?, 'mention', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)");
            st.bind(1, id).bind(2, id).bind(3, answered ? "resolved" : "open").bind(4, assignee).bind(5, due);
            st.bind(6, inbound).bind(7, inbound).bind(8, answered ? replyAt : inbound);
            if (answered) {
                st.bind(9, replyAt);
            } else {
                st.bindNull(9);
            }
            st.bind(10, inbound).bind(11, inbound);
            check(st.exec(), "conversation");
            item(inbound, id, false, {}, QStringLiteral("in%1").arg(conversations), 0);
            if (!answered) {
                continue;
            }
            const QString remote = QStringLiteral("out%1").arg(conversations);
            item(replyAt, id, true, assignee, remote, rng.bounded(4));
            if (rng.bounded(2) == 0) { // sent through the outbox
                const QString job = QStringLiteral("job%1").arg(conversations);
                Statement &o = db.cached(
                    "INSERT INTO outbox_jobs(id, kind, account_id, conversation_id, text, idempotency_key, state, "
                    "next_attempt_at, remote_id, created_by, created_at, updated_at) "
                    "VALUES (?, 'reply', 'acc1', ?, 'text', ?, 'done', ?, ?, ?, ?, ?)");
                o.bindAll(job, id, job, replyAt, remote, assignee, replyAt, replyAt);
                check(o.exec(), "outbox");
                event(replyAt, {}, "published", "outbox_job", job, id,
                      QStringLiteral("{\"author_id\":\"%1\"}").arg(assignee));
            }
            const qint64 resolvedAt = replyAt + qint64(rng.bounded(240)) * 60000;
            event(resolvedAt, assignee, "status_changed", "conversation", id, id,
                  QStringLiteral("{\"from\":\"open\",\"to\":\"resolved\"}"));
            if (rng.bounded(10) == 0) {
                event(replyAt - 60000, staff[rng.bounded(staff.size())], "note_added", "note",
                      QStringLiteral("n%1").arg(conversations), id, QStringLiteral("{}"));
            }
        }
        for (int p = 0; p < 6; ++p) {
            const QString post = QStringLiteral("p%1-%2").arg(day.toJulianDay()).arg(p);
            const qint64 at = dayStart + 10 * 3600000 + p * 3600000;
            const QString author = staff[rng.bounded(staff.size())];
            Statement &ps = db.cached("INSERT INTO posts(id, author_id, state, published_at, created_at, updated_at) "
                                      "VALUES (?, ?, 'published', ?, ?, ?)");
            ps.bindAll(post, author, at, at - 86400000, at);
            check(ps.exec(), "post");
            Statement &vs = db.cached("INSERT INTO post_variants(id, post_id, account_id, text, state, like_count, "
                                      "repost_count, updated_at) VALUES (?, ?, 'acc1', 'text', 'published', ?, ?, ?)");
            vs.bindAll(post + QStringLiteral("v"), post, int(rng.bounded(50)), int(rng.bounded(10)), at);
            check(vs.exec(), "variant");
            event(at - 3600000, staff[0], "post_approved", "post", post, {}, QStringLiteral("{}"));
        }
    }
    check(db.exec("COMMIT"), "commit");
    Q_UNUSED(t0);
    return endMs;
}

// The figures that must agree, one line per row.
QStringList digest(const metrics::EngagementReport &r)
{
    QStringList lines;
    auto line = [](const metrics::Figures &f) {
        return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11")
            .arg(f.employeeId)
            .arg(f.repliesSent)
            .arg(f.conversationsHandled)
            .arg(f.conversationsResolved)
            .arg(f.medianFirstResponseSecs.value_or(-1))
            .arg(f.p90FirstResponseSecs.value_or(-1))
            .arg(f.medianResolutionSecs.value_or(-1))
            .arg(f.slaMet)
            .arg(f.slaMissed)
            .arg(f.notesWritten)
            .arg(f.postsPublished + f.likesEarned * 1000);
    };
    for (const auto &f : r.employees) {
        lines << line(f);
    }
    lines << line(r.team);
    return lines;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("workspace"), QStringLiteral("Measure this workspace."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("employees"), QStringLiteral("Synthetic team size."), QStringLiteral("n"),
                      QStringLiteral("50")});
    parser.addOption(
        {QStringLiteral("months"), QStringLiteral("Synthetic history."), QStringLiteral("n"), QStringLiteral("12")});
    parser.addOption({QStringLiteral("per-day"), QStringLiteral("New conversations per working day."),
                      QStringLiteral("n"), QStringLiteral("900")});
    parser.addOption({QStringLiteral("build-into"),
                      QStringLiteral("Build the synthetic workspace in this folder and keep it."),
                      QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("panel-only"),
         QStringLiteral("Measure the panel from the rollups only (for profiling): no baseline, no rebuild.")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Samples per measurement."), QStringLiteral("n"),
                      QStringLiteral("15")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir tmp;
    const bool existing = parser.isSet(QStringLiteral("workspace"));
    const QString dir = existing                     ? parser.value(QStringLiteral("workspace"))
        : parser.isSet(QStringLiteral("build-into")) ? parser.value(QStringLiteral("build-into"))
                                                     : tmp.path();
    auto opened
        = Workspace::open(dir, existing ? Workspace::OpenMode::OpenExisting : Workspace::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        die(opened.error().message);
    }
    SqliteDb &db = opened.value()->db();
    QElapsedTimer timer;
    qint64 endMs = 0;
    if (!existing) {
        Synthetic opt;
        opt.employees = parser.value(QStringLiteral("employees")).toInt();
        opt.months = parser.value(QStringLiteral("months")).toInt();
        opt.perDay = parser.value(QStringLiteral("per-day")).toInt();
        if (opt.employees < 1 || opt.months < 1 || opt.perDay < 1) {
            die(QStringLiteral("--employees, --months and --per-day are positive numbers"));
        }
        timer.start();
        endMs = buildSynthetic(db, opt);
        printLine({{QStringLiteral("name"), QStringLiteral("synthetic_workspace")},
                   {QStringLiteral("employees"), opt.employees},
                   {QStringLiteral("months"), opt.months},
                   {QStringLiteral("seconds"), double(timer.elapsed()) / 1000.0}});
    } else {
        endMs = db.scalarInt(QStringLiteral("SELECT max(seq) >> 10 FROM items"));
    }
    const QTimeZone zone = [&] {
        const QTimeZone z(db.scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'time_zone'")).toUtf8());
        return z.isValid() ? z : QTimeZone::utc();
    }();
    const qint64 now = endMs;
    const QDate today = QDateTime::fromMSecsSinceEpoch(now - 1, zone).date();
    const metrics::TimeRange year = metrics::dayRange(today.addMonths(-12).addDays(1), today, zone);
    printLine(
        {{QStringLiteral("name"), QStringLiteral("workspace")},
         {QStringLiteral("items"), db.scalarInt(QStringLiteral("SELECT count(*) FROM items"))},
         {QStringLiteral("conversations"), db.scalarInt(QStringLiteral("SELECT count(*) FROM conversations"))},
         {QStringLiteral("events"), db.scalarInt(QStringLiteral("SELECT count(*) FROM events"))},
         {QStringLiteral("employees"), db.scalarInt(QStringLiteral("SELECT count(*) FROM employees"))},
         {QStringLiteral("range"),
          QStringLiteral("%1..%2").arg(year.firstDay.toString(Qt::ISODate), year.lastDay.toString(Qt::ISODate))}});

    const bool panelOnly = parser.isSet(QStringLiteral("panel-only"));
    if (panelOnly) {
        std::vector<double> samples;
        for (int i = 0; i < runs; ++i) {
            timer.start();
            auto r = metrics::EngagementRollups::report(db, year, now);
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!r.ok()) {
                die(r.error().message);
            }
        }
        printLine(stats(QStringLiteral("panel_from_rollups_12_months"), samples));
        return 0;
    }

    // Baseline: the whole year from the event log, as the panel did before the rollups.
    std::vector<double> scratch;
    metrics::EngagementReport reference;
    for (int i = 0; i < std::min(runs, 3); ++i) {
        timer.start();
        auto r = metrics::EngagementMetrics::compute(db, year, now);
        scratch.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!r.ok()) {
            die(r.error().message);
        }
        reference = std::move(r).value();
    }
    printLine(stats(QStringLiteral("baseline_from_scratch_12_months"), scratch));

    check(db.exec("DELETE FROM engagement_state"), "forget the rollups");
    timer.start();
    auto built = metrics::EngagementRollups::refresh(db);
    if (!built.ok()) {
        die(built.error().message);
    }
    printLine({{QStringLiteral("name"), QStringLiteral("rollups_first_build")},
               {QStringLiteral("days"), built.value().daysRecomputed},
               {QStringLiteral("ms"), double(timer.nsecsElapsed()) / 1e6}});

    auto measure = [&](const QString &name, const metrics::TimeRange &range) {
        std::vector<double> samples;
        metrics::EngagementReport last;
        for (int i = 0; i < runs; ++i) {
            timer.start();
            auto r = metrics::EngagementRollups::report(db, range, now);
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!r.ok()) {
                die(r.error().message);
            }
            last = std::move(r).value();
        }
        printLine(stats(name, samples));
        return last;
    };
    const metrics::EngagementReport rolled = measure(QStringLiteral("panel_from_rollups_12_months"), year);
    measure(QStringLiteral("panel_from_rollups_last_30_days"), metrics::dayRange(today.addDays(-29), today, zone));
    measure(QStringLiteral("panel_from_rollups_this_week"),
            metrics::dayRange(today.addDays(1 - today.dayOfWeek()), today, zone));
    const bool same = digest(rolled) == digest(reference);
    printLine({{QStringLiteral("name"), QStringLiteral("rollups_equal_from_scratch")},
               {QStringLiteral("same"), same},
               {QStringLiteral("rows"), qint64(rolled.employees.size())},
               {QStringLiteral("team_replies"), rolled.team.repliesSent},
               {QStringLiteral("team_first_responses"), rolled.team.firstResponses}});

    // A burst of new activity on the last day, then the panel (the incremental refresh included). Each burst is
    // rolled back afterwards, rollups included, so a measured workspace (the demo) is left as it was.
    std::vector<double> afterBurst;
    for (int i = 0; i < runs; ++i) {
        check(db.exec("BEGIN"), "begin");
        for (int n = 0; n < 50; ++n) {
            Statement &st = db.cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, "
                                      "subject_id, conversation_id, details) SELECT ?, ?, 'employee', id, "
                                      "'note_added', 'note', ?, NULL, '{}' FROM employees LIMIT 1");
            st.bindAll(QStringLiteral("bench-burst-%1-%2").arg(i).arg(n), now - 3600000 + n,
                       QStringLiteral("bn%1").arg(n));
            check(st.exec(), "burst");
        }
        timer.start();
        auto r = metrics::EngagementRollups::report(db, year, now);
        afterBurst.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!r.ok()) {
            die(r.error().message);
        }
        if (r.value().team.notesWritten != reference.team.notesWritten + 50) {
            die(QStringLiteral("the burst's notes are not in the figures"));
        }
        check(db.exec("ROLLBACK"), "rollback");
    }
    printLine(stats(QStringLiteral("panel_after_50_new_events_12_months"), afterBurst));

    std::vector<double> series;
    for (int i = 0; i < std::min(runs, 5); ++i) {
        timer.start();
        auto s = metrics::EngagementRollups::series(db, year, metrics::Granularity::Week, now);
        series.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!s.ok()) {
            die(s.error().message);
        }
    }
    printLine(stats(QStringLiteral("weekly_trend_series_12_months"), series));
    return same ? 0 : 2;
}
