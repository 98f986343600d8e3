// Month view benchmark (issue 6: a month with 10,000 posts renders in <= 50 ms).
//   bench_calendar [--posts N] [--runs N]
// Builds a workspace whose month holds N posts (each to one or two of four accounts, some in campaigns), then
// measures what the calendar does when a month is shown: the model loads the month's posts and variants, the grid
// indexes them by day and paints (QWidget::grab, offscreen). The baseline, same run: the model's query alone,
// stepping through the same rows without building anything. Prints JSON lines.
#include "core/Clock.h"
#include "core/Ids.h"
#include "models/CalendarModel.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "ui/CalendarMonthGrid.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPixmap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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
    const size_t rank = size_t(std::clamp(p * double(v.size()) - 1e-9, 0.0, double(v.size() - 1)));
    return v[rank];
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.store.info=false"));
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("posts"), QStringLiteral("Posts in the month."), QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption(
        {QStringLiteral("runs"), QStringLiteral("Measured runs."), QStringLiteral("N"), QStringLiteral("30")});
    parser.process(app);
    const int postCount = std::max(1, parser.value(QStringLiteral("posts")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir dir;
    auto opened = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    SqliteDb &db = opened.value()->db();
    SeededIdSource ids(7);
    const SystemClock &clock = SystemClock::instance();
    const auto run = [&db](const char *sql) {
        if (Status s = db.exec(sql); !s.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
            std::exit(1);
        }
    };
    run("INSERT INTO settings(key, value, updated_at) VALUES ('time_zone', 'Europe/Berlin', 0) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    run("INSERT INTO employees(id, name, role, active, created_at, updated_at) VALUES ('ada', 'Ada', 'admin', 1, 0, "
        "0)");
    run("INSERT INTO accounts(id, network, handle, service_url, created_at, updated_at) VALUES "
        "('a0', 'mastodon', '@brand@social.example', 'https://social.example', 0, 0), "
        "('a1', 'bluesky', '@brand.bsky.example', 'https://bsky.example', 0, 0), "
        "('a2', 'mastodon', '@help@social.example', 'https://social.example', 0, 0), "
        "('a3', 'bluesky', '@help.bsky.example', 'https://bsky.example', 0, 0)");
    run("INSERT INTO campaigns(id, name, color, starts_on, ends_on, created_at, updated_at) VALUES "
        "('c0', 'Winter sale', '#2f6fde', '2026-12-01', '2026-12-10', 0, 0), "
        "('c1', 'Gift guide', '#d08c00', '2026-12-08', '2026-12-20', 0, 0), "
        "('c2', 'Year in review', '#2e9d4f', '2026-12-22', '2026-12-31', 0, 0)");
    const QStringList accounts {QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")};
    const QStringList campaigns {QStringLiteral("c0"), QStringLiteral("c1"), QStringLiteral("c2")};

    // The month: December 2026, posts spread over its days and working hours.
    const QTimeZone zone("Europe/Berlin");
    QRandomGenerator rng(42);
    {
        Transaction tx(db);
        const qint64 now = clock.nowMs();
        const QStringList states {QStringLiteral("scheduled"), QStringLiteral("published"), QStringLiteral("draft"),
                                  QStringLiteral("in_review"), QStringLiteral("approved")};
        for (int i = 0; i < postCount; ++i) {
            const QDate day(2026, 12, 1 + int(rng.bounded(31)));
            const QDateTime at(day, QTime(7 + int(rng.bounded(13)), int(rng.bounded(4)) * 15), zone);
            const QString id = ids.next();
            Statement &post = db.cached("INSERT INTO posts(id, campaign_id, author_id, state, scheduled_at, "
                                        "time_zone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                                        "'Europe/Berlin', ?6, ?6)");
            post.bindAll(id, i % 3 == 0 ? campaigns.at(i % campaigns.size()) : QString(), QStringLiteral("ada"),
                         states.at(i % states.size()), at.toMSecsSinceEpoch(), now);
            if (Status s = post.exec(); !s.ok()) {
                std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
                return 1;
            }
            const int variants = 1 + int(rng.bounded(2));
            for (int v = 0; v < variants; ++v) {
                Statement &variant = db.cached("INSERT INTO post_variants(id, post_id, account_id, text, "
                                               "updated_at) VALUES (?1, ?2, ?3, ?4, ?5)");
                variant.bindAll(ids.next(), id, accounts.at((i + v) % accounts.size()),
                                QStringLiteral("Post %1: our winter range, now in every store near you").arg(i), now);
                if (Status s = variant.exec(); !s.ok()) {
                    std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
                    return 1;
                }
            }
        }
        (void)tx.commit();
    }

    models::CalendarModel model(db);
    ui::CalendarMonthGrid grid(model);
    grid.resize(1400, 900);
    const QDate month(2026, 12, 1);
    grid.setSelectedDate(month);
    const QDate first = grid.firstShown();
    const QDate last = grid.lastShown();

    // Baseline: the same two queries, rows stepped through, nothing built.
    const qint64 from = first.startOfDay(zone).toMSecsSinceEpoch();
    const qint64 to = last.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    std::vector<double> baseline;
    std::vector<double> view;
    std::vector<double> load;
    int rows = 0;
    for (int round = 0; round < runs + 2; ++round) {
        QElapsedTimer t;
        t.start();
        Statement &rowsQuery = db.cached(
            "SELECT p.id, p.state, p.scheduled_at, coalesce(p.campaign_id, ''), p.author_id, v.account_id, v.text "
            "FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id "
            "WHERE p.scheduled_at >= ?1 AND p.scheduled_at < ?2 ORDER BY p.scheduled_at, p.id");
        rowsQuery.bindAll(from, to);
        int n = 0;
        int variantRows = 0;
        QString previous;
        while (rowsQuery.next()) {
            const QString id = rowsQuery.text(0);
            if (id != previous) {
                ++n;
                previous = id;
            }
            variantRows += rowsQuery.isNull(5) ? 0 : 1;
        }
        rowsQuery.reset();
        const double baseMs = msSince(t);

        // The month view: load the month, index it by day, paint it.
        t.restart();
        model.setRange(first, last);
        const double loadMs = msSince(t);
        const QPixmap frame = grid.grab();
        const double viewMs = msSince(t);
        rows = model.rowCount();
        if (round >= 2) { // two warm-up runs
            baseline.push_back(baseMs);
            load.push_back(loadMs);
            view.push_back(viewMs);
        }
        int handles = 0;
        for (int r = 0; r < rows; ++r) {
            handles += int(model.index(r, 0).data(models::CalendarModel::HandlesRole).toStringList().size());
        }
        if (frame.isNull() || n != rows || handles != variantRows || variantRows < rows) {
            std::fprintf(stderr, "unexpected: %d posts and %d variants in the model, %d and %d from the queries\n",
                         rows, handles, n, variantRows);
            return 1;
        }
    }
    printLine(QJsonObject {{QStringLiteral("bench"), QStringLiteral("calendar_month")},
                           {QStringLiteral("posts_in_month"), rows},
                           {QStringLiteral("runs"), runs},
                           {QStringLiteral("month_view_p50_ms"), percentile(view, 0.5)},
                           {QStringLiteral("month_view_p95_ms"), percentile(view, 0.95)},
                           {QStringLiteral("of_which_load_p50_ms"), percentile(load, 0.5)},
                           {QStringLiteral("baseline_queries_p50_ms"), percentile(baseline, 0.5)},
                           {QStringLiteral("baseline_queries_p95_ms"), percentile(baseline, 0.95)},
                           {QStringLiteral("target_ms"), 50}});
    return 0;
}
