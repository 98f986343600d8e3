// Inbox benchmark on a workspace (the `large` demo: `switchboard-cli --workspace DIR demo --size large`).
//   bench_inbox --workspace DIR [--searches N]      measure an existing workspace
//   bench_inbox --items N                            build a demo of N items first (smoke runs)
// Prints JSON lines: the first frame of the main window after process start, switching each view, search
// newest-50 through the model beside the raw FTS5 prefix query for the same words and the raw query the model now
// runs (the prefix as the OR of its terms, see store/SearchTerms.h; same run), every page fetched while
// scrolling the whole list, and resident memory after scrolling end to end. Targets (issue 4): first frame
// <= 0.5 s, search p95 <= 5 ms, view switch <= 50 ms, page <= 5 ms, memory <= 150 MB.
#include "core/Clock.h"
#include "core/Ids.h"
#include "demo/DemoGenerator.h"
#include "models/InboxModel.h"
#include "models/ViewsModel.h"
#include "models/WorkspaceContext.h"
#include "store/InboxSearch.h"
#include "store/SearchTerms.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace sb;

namespace {

QElapsedTimer g_sinceStart; // started first thing in main()

void printLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// Percentile of sorted samples (nearest rank).
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

double residentMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceStart.start();
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"), QStringLiteral("Workspace folder."),
                                             QStringLiteral("dir"));
    const QCommandLineOption itemsOption(QStringLiteral("items"), QStringLiteral("Build a demo of N items first."),
                                         QStringLiteral("n"));
    const QCommandLineOption searchesOption(QStringLiteral("searches"), QStringLiteral("Search samples per word."),
                                            QStringLiteral("n"), QStringLiteral("20"));
    parser.addOptions({workspaceOption, itemsOption, searchesOption});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(workspaceOption) == parser.isSet(itemsOption)) {
        std::fprintf(stderr, "bench_inbox: give --workspace DIR or --items N\n");
        return 2;
    }
    QTemporaryDir temp;
    QString dir = parser.value(workspaceOption);
    if (parser.isSet(itemsOption)) {
        dir = QDir(temp.path()).filePath(QStringLiteral("ws"));
        auto ws = Workspace::open(dir, Workspace::OpenMode::CreateIfMissing);
        if (!ws.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
            return 1;
        }
        DemoOptions options;
        options.items = parser.value(itemsOption).toLongLong();
        if (auto made = generateDemo(*ws.value(), options, {}); !made.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(made.error().message));
            return 1;
        }
        g_sinceStart.restart(); // the demo is set-up, not start-up
    }

    // 1. First frame: open the workspace, build the main window, show it, and paint it once.
    auto opened = Workspace::open(dir, Workspace::OpenMode::OpenExisting);
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    const double openedMs = ms(g_sinceStart.nsecsElapsed());
    // A clock of its own keeps the window from starting sync (it syncs on the system clock only): the benchmark
    // must not write to the workspace it measures.
    ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    models::WorkspaceContext ctx(std::move(opened).value(), clock, RandomIdSource::instance());
    {
        ui::MainWindow window(ctx);
        const double constructedMs = ms(g_sinceStart.nsecsElapsed());
        window.resize(1400, 860);
        window.show();
        QApplication::processEvents();
        (void)window.grab(); // a full paint of what is shown
        const double firstFrameMs = ms(g_sinceStart.nsecsElapsed());
        const qint64 items = ctx.reader().scalarInt(QStringLiteral("SELECT count(*) FROM items"));
        const qint64 conversations = ctx.reader().scalarInt(QStringLiteral("SELECT count(*) FROM conversations"));
        printLine({{QStringLiteral("name"), QStringLiteral("first_frame")},
                   {QStringLiteral("items"), items},
                   {QStringLiteral("conversations"), conversations},
                   {QStringLiteral("ms"), firstFrameMs},
                   {QStringLiteral("workspace_open_ms"), openedMs},
                   {QStringLiteral("window_built_ms"), constructedMs},
                   {QStringLiteral("rss_mb"), residentMb()}});
    }

    // 2. Switching views: every entry of the views pane, each loaded as the list shows it (first page).
    models::InboxModel inbox(ctx);
    models::ViewsModel views(ctx);
    std::vector<double> switches;
    QJsonArray slowest;
    for (int g = 0; g < views.rowCount(); ++g) {
        const QModelIndex group = views.index(g, 0);
        for (int r = 0; r < views.rowCount(group); ++r) {
            const QModelIndex entry = views.index(r, 0, group);
            if (!views.isView(entry)) {
                continue;
            }
            const models::InboxFilter filter = views.filterAt(entry);
            QElapsedTimer t;
            t.start();
            inbox.setFilter(filter);
            (void)inbox.index(0, 0).data();
            switches.push_back(ms(t.nsecsElapsed()));
            slowest.append(QJsonObject {{QStringLiteral("view"), entry.data().toString()},
                                        {QStringLiteral("ms"), switches.back()}});
        }
    }
    QElapsedTimer viewsTimer;
    viewsTimer.start();
    views.reload();
    const double viewsReloadMs = ms(viewsTimer.nsecsElapsed());
    QJsonObject switchLine = stats(QStringLiteral("view_switch"), switches);
    switchLine.insert(QStringLiteral("views_counts_reload_ms"), viewsReloadMs);
    switchLine.insert(QStringLiteral("views"), slowest);
    printLine(switchLine);

    // 3. Search newest-50 through the model, and the raw FTS5 query for the same words, same run.
    inbox.setFilter({});
    inbox.setPageSize(50);
    const QStringList words {QStringLiteral("parcel"), QStringLiteral("refund"), QStringLiteral("zipper"),
                             QStringLiteral("boots"),  QStringLiteral("danke"),  QStringLiteral("size"),
                             QStringLiteral("order"),  QStringLiteral("trail"),  QStringLiteral("broken")};
    const int samples = parser.value(searchesOption).toInt();
    std::vector<double> modelSearch;
    std::vector<double> rawSearch;
    std::vector<double> expandedSearch;
    int differing = 0;
    Statement &raw
        = ctx.reader().cached("SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid DESC LIMIT 50");
    auto newest50 = [&raw](const QString &match) {
        std::vector<qint64> rows;
        raw.bind(1, match);
        while (raw.next()) {
            rows.push_back(raw.int64(0));
        }
        raw.reset();
        return rows;
    };
    PrefixExpander prefixes(ctx.reader());
    for (int s = 0; s < samples; ++s) {
        for (const QString &word : words) {
            QElapsedTimer t;
            t.start();
            inbox.setSearchText(word);
            (void)inbox.index(0, 0).data();
            modelSearch.push_back(ms(t.nsecsElapsed()));
            inbox.setSearchText({});
            // The baseline: FTS5's own prefix query, as the model ran it before search_terms.
            t.restart();
            const std::vector<qint64> prefixRows = newest50(QLatin1Char('"') + word + QStringLiteral("\"*"));
            rawSearch.push_back(ms(t.nsecsElapsed()));
            // The same prefix as the OR of its terms, lookup included.
            t.restart();
            const std::vector<qint64> expandedRows = newest50(ftsMatchExpression({word}, true, &prefixes));
            expandedSearch.push_back(ms(t.nsecsElapsed()));
            differing += expandedRows != prefixRows ? 1 : 0;
        }
    }
    QJsonObject searchLine = stats(QStringLiteral("search_newest50_model"), modelSearch);
    const QJsonObject rawLine = stats(QStringLiteral("search_newest50_raw_fts5"), rawSearch);
    searchLine.insert(QStringLiteral("raw_fts5_p50_ms"), rawLine.value(QStringLiteral("p50_ms")));
    searchLine.insert(QStringLiteral("raw_fts5_p95_ms"), rawLine.value(QStringLiteral("p95_ms")));
    const QJsonObject expandedLine = stats(QStringLiteral("search_newest50_raw_expanded"), expandedSearch);
    searchLine.insert(QStringLiteral("raw_expanded_p50_ms"), expandedLine.value(QStringLiteral("p50_ms")));
    searchLine.insert(QStringLiteral("raw_expanded_p95_ms"), expandedLine.value(QStringLiteral("p95_ms")));
    searchLine.insert(QStringLiteral("expanded_results_differ"), differing);
    printLine(searchLine);

    // 4. Scrolling the whole list: every page fetched, then resident memory.
    inbox.setSearchText({});
    inbox.setPageSize(100);
    inbox.setFilter({});
    std::vector<double> pages;
    while (inbox.canFetchMore({})) {
        QElapsedTimer t;
        t.start();
        inbox.fetchMore({});
        pages.push_back(ms(t.nsecsElapsed()));
    }
    QJsonObject pageLine = stats(QStringLiteral("scroll_page"), pages);
    pageLine.insert(QStringLiteral("rows"), inbox.rowCount());
    pageLine.insert(QStringLiteral("rss_mb_after_scrolling"), residentMb());
    printLine(pageLine);
    return 0;
}
