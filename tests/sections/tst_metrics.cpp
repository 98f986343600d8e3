#include "SectionsWorkspace.h"
#include "metrics/EngagementDrillDown.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "metrics/EngagementTally.h"
#include "metrics/WeeklyReport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace sb::metrics;

namespace {

// Every figure, for comparisons with a readable difference.
QString describe(const Figures &f)
{
    auto opt = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    return QStringLiteral("%1[%2] replies=%3 handled=%4 resolved=%5 fr=%6 med=%7 p90=%8 res=%9 sla=%10/%11 "
                          "work=%12 notes=%13 posts=%14/%15/%16 earned=%17/%18/%19 own=%20/%21")
        .arg(f.name, f.employeeId)
        .arg(f.repliesSent)
        .arg(f.conversationsHandled)
        .arg(f.conversationsResolved)
        .arg(f.firstResponses)
        .arg(opt(f.medianFirstResponseSecs), opt(f.p90FirstResponseSecs), opt(f.medianResolutionSecs))
        .arg(f.slaMet)
        .arg(f.slaMissed)
        .arg(f.openWorkload)
        .arg(f.notesWritten)
        .arg(f.postsDrafted)
        .arg(f.postsApproved)
        .arg(f.postsPublished)
        .arg(f.likesEarned)
        .arg(f.repostsEarned)
        .arg(f.repliesEarned)
        .arg(f.ownPosts)
        .arg(f.ownPostEngagement);
}

QStringList describe(const EngagementReport &r)
{
    QStringList lines;
    for (const Figures &f : r.employees) {
        lines << describe(f);
    }
    lines << describe(r.team);
    return lines;
}

} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void medianAndPercentile()
    {
        QCOMPARE(median({}), std::nullopt);
        QCOMPARE(median({5}), 5);
        QCOMPARE(median({9, 1, 5}), 5);
        QCOMPARE(median({600, 2700}), 1650);
        QCOMPARE(median({1, 2}), 2); // half rounds up
        QCOMPARE(percentile({}, 90), std::nullopt);
        QCOMPARE(percentile({600, 2700}, 90), 2700);
        QCOMPARE(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
        QCOMPARE(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90), 10);
        QCOMPARE(percentile({7}, 50), 7);
    }

    void formatting()
    {
        QCOMPARE(formatDuration(20), QStringLiteral("under 1 min"));
        QCOMPARE(formatDuration(42 * 60), QStringLiteral("42 min"));
        QCOMPARE(formatDuration(89 * 60), QStringLiteral("89 min"));
        QCOMPARE(formatDuration(3 * 3600 + 360), QStringLiteral("3.1 h"));
    }

    void presets()
    {
        const QTimeZone berlin("Europe/Berlin");
        // Tuesday 2026-11-24 00:30 in Berlin is still Monday in UTC: the workspace's zone decides the day.
        const qint64 now = QDateTime(QDate(2026, 11, 24), QTime(0, 30), berlin).toMSecsSinceEpoch();
        const TimeRange week = presetRange(RangePreset::ThisWeek, now, berlin);
        QCOMPARE(week.firstDay, QDate(2026, 11, 23));
        QCOMPARE(week.lastDay, QDate(2026, 11, 24));
        QCOMPARE(week.days(), 2);
        QCOMPARE(week.fromMs, QDateTime(QDate(2026, 11, 23), QTime(0, 0), berlin).toMSecsSinceEpoch());
        QCOMPARE(week.toMs, QDateTime(QDate(2026, 11, 25), QTime(0, 0), berlin).toMSecsSinceEpoch());
        const TimeRange month = presetRange(RangePreset::Last30Days, now, berlin);
        QCOMPARE(month.days(), 30);
        QCOMPARE(month.lastDay, QDate(2026, 11, 24));
        QCOMPARE(presetRange(RangePreset::Last90Days, now, berlin).firstDay, QDate(2026, 8, 27));
    }

    void perEmployeeFigures()
    {
        SectionsWorkspace w;
        const TimeRange range = dayRange(QDate(2026, 11, 16), QDate(2026, 11, 24), w.zone);
        auto computed = EngagementMetrics::compute(w.db(), range, w.clock.nowMs());
        QVERIFY2(computed.ok(), qPrintable(computed.ok() ? QString() : computed.error().message));
        const EngagementReport &r = computed.value();
        QCOMPARE(int(r.employees.size()), 5);
        QCOMPARE(r.employees.front().name, QStringLiteral("Ada Admin")); // by name

        const Figures *alice = r.find(w.alice);
        QVERIFY(alice);
        QCOMPARE(alice->role, sb::Role::CommunityManager);
        QCOMPARE(alice->repliesSent, 2); // the reply ingested back from the server is not counted twice
        QCOMPARE(alice->conversationsHandled, 2);
        QCOMPARE(alice->conversationsResolved, 1); // resolved twice (reopened), one conversation
        QCOMPARE(alice->firstResponses, 2);
        // A: Friday 16:30 -> Monday 09:15 is 30 + 15 business minutes; B: 10 minutes.
        QCOMPARE(alice->medianFirstResponseSecs, (2700 + 600) / 2);
        QCOMPARE(alice->p90FirstResponseSecs, 2700);
        // Resolution from the first inbound message: 50 minutes, then 150 minutes after the reopening.
        QCOMPARE(alice->medianResolutionSecs, (3000 + 9000) / 2);
        QCOMPARE(alice->slaMet, 2);
        QCOMPARE(alice->slaMissed, 0);
        QCOMPARE(alice->slaAttainmentPercent(), 100.0);
        QCOMPARE(alice->openWorkload, 1);
        QCOMPARE(alice->postsPublished, 1);
        QCOMPARE(alice->notesWritten, 0);

        const Figures *bob = r.find(w.bob);
        QVERIFY(bob);
        QCOMPARE(bob->repliesSent, 1);
        QCOMPARE(bob->medianFirstResponseSecs, 7200);
        QCOMPARE(bob->slaMet, 0);
        QCOMPARE(bob->slaMissed, 2); // C answered late, E still unanswered after its due time
        QCOMPARE(bob->slaAttainmentPercent(), 0.0);
        QCOMPARE(bob->openWorkload, 2);
        QCOMPARE(bob->notesWritten, 1);

        // A contributor's reply approved by a manager is the contributor's reply.
        const Figures *carol = r.find(w.carol);
        QVERIFY(carol);
        QCOMPARE(carol->repliesSent, 1);
        QCOMPARE(carol->medianFirstResponseSecs, 1800);
        QCOMPARE(carol->slaMet, 1);
        const Figures *mia = r.find(w.manager);
        QVERIFY(mia);
        QCOMPARE(mia->repliesSent, 0);
        QCOMPARE(mia->firstResponses, 0);
        QCOMPARE(mia->medianFirstResponseSecs, std::nullopt);

        QCOMPARE(r.team.repliesSent, 4);
        QCOMPARE(r.team.conversationsResolved, 1);
        QCOMPARE(r.team.firstResponses, 4);
        QCOMPARE(r.team.medianFirstResponseSecs, (1800 + 2700) / 2); // of 600, 1800, 2700, 7200
        QCOMPARE(r.team.p90FirstResponseSecs, 7200);
        QCOMPARE(r.team.slaMet, 3);
        QCOMPARE(r.team.slaMissed, 2);
        QCOMPARE(r.team.openWorkload, 4); // B, C, E and the unassigned D
        QCOMPARE(r.team.notesWritten, 1);
        QCOMPARE(r.team.postsPublished, 1);
    }

    void rangeBoundaries()
    {
        SectionsWorkspace w;
        // Monday only: A started on Friday, so its first response is outside; its reply on Monday is inside.
        auto computed = EngagementMetrics::compute(w.db(), dayRange(QDate(2026, 11, 23), QDate(2026, 11, 23), w.zone),
                                                   w.clock.nowMs());
        QVERIFY(computed.ok());
        const Figures *alice = computed.value().find(w.alice);
        QCOMPARE(alice->repliesSent, 2);
        QCOMPARE(alice->firstResponses, 1);
        QCOMPARE(alice->medianFirstResponseSecs, 600);
        QCOMPARE(alice->postsPublished, 0); // published on Friday
        QCOMPARE(computed.value().team.slaMet + computed.value().team.slaMissed, 4);

        // The week before: nothing happened, yet every active employee is listed.
        auto empty = EngagementMetrics::compute(w.db(), dayRange(QDate(2026, 11, 9), QDate(2026, 11, 15), w.zone),
                                                w.clock.nowMs());
        QVERIFY(empty.ok());
        QCOMPARE(int(empty.value().employees.size()), 5);
        QCOMPARE(empty.value().team.repliesSent, 0);
        QCOMPARE(empty.value().team.medianFirstResponseSecs, std::nullopt);
        QCOMPARE(empty.value().team.openWorkload, 4); // workload is the present state
    }

    void inactiveEmployeesKeepTheirHistory()
    {
        SectionsWorkspace w;
        QVERIFY(w.engine->setEmployeeActive(w.as(w.admin), w.carol, false).ok());
        QVERIFY(w.engine->setEmployeeActive(w.as(w.admin), w.manager, false).ok());
        auto r = EngagementMetrics::compute(w.db(), dayRange(QDate(2026, 11, 16), QDate(2026, 11, 24), w.zone),
                                            w.clock.nowMs());
        QVERIFY(r.ok());
        QVERIFY(r.value().find(w.carol)); // did work in the range
        QVERIFY(!r.value().find(w.manager)); // did none
    }

    void goals()
    {
        SectionsWorkspace w;
        const sb::Actor m = w.as(w.manager);
        QVERIFY(w.engine->setGoal(m, w.alice, QStringLiteral("replies_per_week"), 4).ok());
        QVERIFY(w.engine->setGoal(m, w.alice, QStringLiteral("median_first_response_minutes"), 20).ok());
        QVERIFY(w.engine->setGoal(m, w.alice, QStringLiteral("sla_attainment_percent"), 90).ok());
        const TimeRange week = dayRange(QDate(2026, 11, 23), QDate(2026, 11, 29), w.zone);
        auto r = EngagementMetrics::compute(w.db(), week, w.clock.nowMs());
        QVERIFY(r.ok());
        auto goals = goalProgress(w.db(), *r.value().find(w.alice), week);
        QVERIFY(goals.ok());
        QCOMPARE(int(goals.value().size()), 3);
        const GoalProgress &replies = goals.value()[0];
        QCOMPARE(replies.metric, QStringLiteral("replies_per_week"));
        QCOMPARE(replies.actual, 2.0);
        QVERIFY(!replies.met);
        QCOMPARE(replies.fraction, 0.5);
        QCOMPARE(replies.summary, QStringLiteral("2 of 4 a week"));
        // Monday only counts B (10 min): under the 20-minute goal.
        const GoalProgress &first = goals.value()[1];
        QVERIFY(first.lowerIsBetter);
        QVERIFY(first.met);
        QCOMPARE(first.fraction, 1.0);
        QCOMPARE(goals.value()[2].actual, 100.0);
        QVERIFY(goals.value()[2].met);
    }

    void tallyBlobs()
    {
        Tally t;
        t.replies = 3;
        t.likes = 7;
        t.ownEngagement = 11;
        t.handled = {1, 2, 0xFFFFFFFFFFFFFFFFull};
        t.firstResponseSecs = {600, 60};
        t.slaPendingDue = {1764000000000};
        const QByteArray blob = t.serialize();
        QCOMPARE(Tally::deserialize(blob), t);
        QCOMPARE(Tally::deserialize(Tally().serialize()), Tally());
        QVERIFY(!Tally::deserialize(blob.left(blob.size() - 1)));
        QVERIFY(!Tally::deserialize(blob + QByteArray(8, '\0')));
        QVERIFY(!Tally::deserialize(QByteArray("not a tally at all")));
        QByteArray huge = blob;
        huge[8 * 13] = char(0x7F); // a vector length far beyond the blob
        QVERIFY(!Tally::deserialize(huge));
        QVERIFY(conversationHash(QStringLiteral("a")) != conversationHash(QStringLiteral("b")));
        QCOMPARE(conversationHash(QStringLiteral("c1")), conversationHash(QStringLiteral("c1")));
    }

    void postsAndEarnedEngagement()
    {
        SectionsWorkspace w;
        sb::Ingestor ingestor(w.db(), w.clock, w.ids);
        // Alice's reply B earned 3 likes, 1 repost, 2 replies; her published post 5, 2 and 1.
        QVERIFY(ingestor.updateCounters(w.account, {{QStringLiteral("rb"), 3, 1, 2}}).ok());
        QVERIFY(ingestor.updateCounters(w.blueAccount, {{QStringLiteral("3kabc"), 5, 2, 1}}).ok());
        // Bob links his own account and posts on it (advocacy).
        sb::NewAccount own;
        own.network = sb::Network::Mastodon;
        own.handle = QStringLiteral("@bob@social.example");
        own.serviceUrl = QStringLiteral("https://social.example");
        const QString bobs = SectionsWorkspace::must(w.engine->addAccount(w.as(w.admin), own), "own account");
        // A contributor may not link someone else's account; Bob may claim it for himself.
        QCOMPARE(w.engine->setAccountOwner(w.as(w.carol), bobs, w.bob).error().kind, sb::ErrorKind::Forbidden);
        QVERIFY(w.engine->setAccountOwner(w.as(w.bob), bobs, w.bob).ok());
        QCOMPARE(w.engine->setAccountOwner(w.as(w.carol), bobs, w.carol).error().kind, sb::ErrorKind::Forbidden);
        sb::IncomingItem post = w.item(QStringLiteral("own1"), QStringLiteral("own1"), w.at(23, 18), true);
        post.accountId = bobs;
        post.kind = QStringLiteral("post");
        post.likes = 4;
        post.reposts = 2;
        post.replies = 1;
        QVERIFY(ingestor.ingest({post}).ok());

        // Bob also publishes a calendar post on his own account: advocacy, not the brand's engagement.
        sb::NewPost ownDraft;
        ownDraft.variants = {{bobs, QStringLiteral("My take on the winter range")}};
        const QString ownPost = SectionsWorkspace::must(w.engine->createPost(w.as(w.bob), ownDraft), "own post");
        QVERIFY(w.engine->submitPost(w.as(w.bob), ownPost).ok());
        QVERIFY(w.engine->approvePost(w.as(w.manager), ownPost).ok());
        QVERIFY(w.engine
                    ->markVariantPublished(w.db().scalarText(QStringLiteral("SELECT id FROM post_variants WHERE "
                                                                            "post_id = '%1'")
                                                                 .arg(ownPost)),
                                           QStringLiteral("own2"), {})
                    .ok());
        QVERIFY(ingestor.updateCounters(bobs, {{QStringLiteral("own2"), 2, 0, 0}}).ok());

        // And one he posted in the network's own app, read from his account's timeline (own_posts).
        QVERIFY(w.db()
                    .exec(QStringLiteral("INSERT INTO own_posts(account_id, remote_id, created_at, text, like_count, "
                                         "updated_at) VALUES ('%1', 'native1', %2, 'From the trail', 1, 0)")
                              .arg(bobs)
                              .arg(w.at(22, 12)))
                    .ok());

        const TimeRange range = dayRange(QDate(2026, 11, 16), QDate(2026, 11, 24), w.zone);
        auto computed = EngagementMetrics::compute(w.db(), range, w.clock.nowMs());
        QVERIFY(computed.ok());
        const Figures *alice = computed.value().find(w.alice);
        QCOMPARE(alice->postsDrafted, 2);
        QCOMPARE(alice->postsApproved, 2);
        QCOMPARE(alice->postsPublished, 1);
        QCOMPARE(alice->likesEarned, 8);
        QCOMPARE(alice->repostsEarned, 3);
        QCOMPARE(alice->repliesEarned, 3);
        QCOMPARE(alice->engagementEarned(), 14);
        QCOMPARE(alice->ownPosts, 0);
        const Figures *carol = computed.value().find(w.carol);
        QCOMPARE(carol->postsDrafted, 1);
        QCOMPARE(carol->postsApproved, 0); // in review
        const Figures *bob = computed.value().find(w.bob);
        QCOMPARE(bob->postsDrafted, 2);
        QCOMPARE(bob->postsPublished, 1);
        QCOMPARE(bob->ownPosts, 3); // an outbound post item, one through Switchboard, one from his timeline
        QCOMPARE(bob->ownPostEngagement, 7 + 2 + 1);
        QCOMPARE(bob->engagementEarned(), 0); // his own account's posts are not the brand's
        QCOMPARE(computed.value().team.postsDrafted, 5);
        QCOMPARE(computed.value().team.ownPosts, 3);
        // The manager who approved them gets no credit as author.
        QCOMPARE(computed.value().find(w.manager)->postsApproved, 0);

        auto rolled = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(rolled.ok());
        QCOMPARE(describe(rolled.value()), describe(computed.value()));
        // New counters on the timeline post: its day is recomputed.
        QVERIFY(w.db().exec(QStringLiteral("UPDATE own_posts SET like_count = 4 WHERE remote_id = 'native1'")).ok());
        auto later = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(later.ok());
        QCOMPARE(later.value().find(w.bob)->ownPostEngagement, 7 + 2 + 4);
        QCOMPARE(describe(later.value()), describe(EngagementMetrics::compute(w.db(), range, w.clock.nowMs()).value()));
        // Giving the account back rebuilds: Bob's own post no longer counts.
        QVERIFY(w.engine->setAccountOwner(w.as(w.bob), bobs, {}).ok());
        auto after = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(after.ok());
        QCOMPARE(after.value().find(w.bob)->ownPosts, 0);
        QCOMPARE(after.value().find(w.bob)->engagementEarned(), 2); // now the brand's account: the brand's post
        QCOMPARE(describe(after.value()), describe(EngagementMetrics::compute(w.db(), range, w.clock.nowMs()).value()));
    }

    void rollupsMatchTheFixture()
    {
        SectionsWorkspace w;
        auto first = EngagementRollups::refresh(w.db());
        QVERIFY(first.ok());
        QVERIFY(first.value().rebuilt);
        QVERIFY(first.value().daysRecomputed >= 5); // 19 to 23 November at least
        QCOMPARE(w.db().scalarInt(QStringLiteral("SELECT count(*) FROM engagement_dirty")), 0);
        auto again = EngagementRollups::refresh(w.db());
        QVERIFY(again.ok());
        QVERIFY(!again.value().rebuilt);
        QCOMPARE(again.value().daysRecomputed, 0);
        for (const auto &[from, to] :
             std::vector<std::pair<int, int>> {{16, 24}, {23, 23}, {9, 15}, {20, 29}, {19, 20}}) {
            const TimeRange range = dayRange(QDate(2026, 11, from), QDate(2026, 11, to), w.zone);
            auto rolled = EngagementRollups::report(w.db(), range, w.clock.nowMs());
            QVERIFY(rolled.ok());
            QCOMPARE(describe(rolled.value()),
                     describe(EngagementMetrics::compute(w.db(), range, w.clock.nowMs()).value()));
        }
        // A new note marks its quarter hour; the next report recomputes that one day.
        w.clock.setMs(w.at(24, 10, 5));
        QVERIFY(w.engine->addNote(w.as(w.alice), w.convA, QStringLiteral("Follow-up")).ok());
        QCOMPARE(w.db().scalarInt(QStringLiteral("SELECT count(*) FROM engagement_dirty")), 1);
        auto one = EngagementRollups::refresh(w.db());
        QVERIFY(one.ok());
        QCOMPARE(one.value().daysRecomputed, 1);
        // Other business hours are other durations: everything is rebuilt.
        sb::BusinessHours longer;
        longer.zone = w.zone;
        longer.end = QTime(19, 0);
        QVERIFY(w.engine->setBusinessHours(w.as(w.admin), longer).ok());
        const TimeRange range = dayRange(QDate(2026, 11, 16), QDate(2026, 11, 24), w.zone);
        auto rebuilt = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(rebuilt.ok());
        QCOMPARE(describe(rebuilt.value()),
                 describe(EngagementMetrics::compute(w.db(), range, w.clock.nowMs()).value()));
        // A: Friday 16:30 -> Monday 09:15 is now 150 + 15 business minutes.
        QCOMPARE(rebuilt.value().find(w.alice)->p90FirstResponseSecs, 165 * 60);
        // A range not cut at midnight is counted from scratch.
        TimeRange partial = range;
        partial.fromMs += 3600 * 1000;
        auto odd = EngagementRollups::report(w.db(), partial, w.clock.nowMs());
        QVERIFY(odd.ok());
        QCOMPARE(describe(odd.value()), describe(EngagementMetrics::compute(w.db(), partial, w.clock.nowMs()).value()));
        // A damaged rollup row (derived data) is rebuilt from the event log rather than read as a wrong figure.
        QVERIFY(w.db().exec("UPDATE engagement_days SET tally = x'0102' WHERE day = '2026-11-23'").ok());
        QVERIFY(w.db().changes() > 0);
        auto healed = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(healed.ok());
        QCOMPARE(describe(healed.value()), describe(rebuilt.value()));
    }

    void seriesAddUpToTheReport()
    {
        SectionsWorkspace w;
        const TimeRange range = dayRange(QDate(2026, 11, 16), QDate(2026, 11, 29), w.zone);
        auto days = EngagementRollups::series(w.db(), range, Granularity::Day, w.clock.nowMs());
        QVERIFY(days.ok());
        QCOMPARE(int(days.value().size()), 14);
        auto weeks = EngagementRollups::series(w.db(), range, Granularity::Week, w.clock.nowMs());
        QVERIFY(weeks.ok());
        QCOMPARE(int(weeks.value().size()), 2);
        QCOMPARE(weeks.value()[0].first, QDate(2026, 11, 16));
        QCOMPARE(weeks.value()[0].last, QDate(2026, 11, 22));
        auto report = EngagementRollups::report(w.db(), range, w.clock.nowMs());
        QVERIFY(report.ok());
        for (size_t e = 0; e < report.value().employees.size(); ++e) {
            int replies = 0, notes = 0, drafted = 0, weekly = 0;
            for (const DaySeriesPoint &p : days.value()) {
                QCOMPARE(p.employees[e].employeeId, report.value().employees[e].employeeId);
                replies += p.employees[e].repliesSent;
                notes += p.employees[e].notesWritten;
                drafted += p.employees[e].postsDrafted;
            }
            for (const DaySeriesPoint &p : weeks.value()) {
                weekly += p.employees[e].repliesSent;
            }
            QCOMPARE(replies, report.value().employees[e].repliesSent);
            QCOMPARE(weekly, replies);
            QCOMPARE(notes, report.value().employees[e].notesWritten);
            QCOMPARE(drafted, report.value().employees[e].postsDrafted);
        }
        // Monday 23 November alone: Alice's replies A and B; the team's first responses that started that day.
        const DaySeriesPoint &monday = days.value()[7];
        QCOMPARE(monday.first, QDate(2026, 11, 23));
        const auto alice = std::find_if(monday.employees.begin(), monday.employees.end(),
                                        [&](const Figures &f) { return f.employeeId == w.alice; });
        QCOMPARE(alice->repliesSent, 2);
        QCOMPARE(monday.team.firstResponses, 3); // B, C, D (A started on Friday)
        QCOMPARE(monday.team.medianFirstResponseSecs, 1800);
    }

    // Random changes through the engine and the ingest path, refreshed at random moments: the rollups always give
    // the figures a from-scratch computation gives, for any range of whole days.
    void rollupsEqualFromScratchAfterRandomChanges()
    {
        SectionsWorkspace w;
        QRandomGenerator rng(20261124);
        sb::Ingestor ingestor(w.db(), w.clock, w.ids);
        const QStringList staff {w.alice, w.bob, w.carol, w.manager};
        QStringList conversations {w.convA, w.convB, w.convC, w.convD, w.convE};
        int serial = 0;
        QStringList outbound {QStringLiteral("rb")};
        auto randomTime = [&] { return w.at(16 + rng.bounded(9), 7 + rng.bounded(12), rng.bounded(60)); };
        for (int step = 0; step < 240; ++step) {
            w.clock.setMs(w.at(24, 10) + step * 1000);
            const QString who = staff[rng.bounded(staff.size())];
            const QString conversation = conversations[rng.bounded(conversations.size())];
            switch (rng.bounded(10)) {
            case 0: { // a new customer message, sometimes in a new thread, at any time of the fortnight
                const QString thread = rng.bounded(3) == 0 ? QStringLiteral("T%1").arg(++serial)
                                                           : QStringLiteral("T%1").arg(rng.bounded(serial + 1));
                const QString id = w.ingest(w.item(QStringLiteral("in%1").arg(step), thread, randomTime()));
                if (!conversations.contains(id)) {
                    conversations << id;
                }
                break;
            }
            case 1: { // a reply sent through the outbox (a contributor's waits for approval)
                auto outcome = w.engine->submitReply(w.as(who), conversation, QStringLiteral("Reply %1").arg(step));
                if (outcome.ok() && !outcome.value().replyDraftId.isEmpty() && rng.bounded(2) == 0) {
                    auto job = w.engine->approveReply(w.as(w.manager), outcome.value().replyDraftId);
                    if (job.ok()) {
                        QVERIFY(w.engine->completeOutboxJob(job.value(), QStringLiteral("r%1").arg(step), 0).ok());
                    }
                } else if (outcome.ok() && !outcome.value().outboxJobId.isEmpty()) {
                    QVERIFY(w.engine->completeOutboxJob(outcome.value().outboxJobId, QStringLiteral("r%1").arg(step), 0)
                                .ok());
                }
                break;
            }
            case 2: { // a reply written elsewhere, ingested with its author and a past date
                sb::IncomingItem out = w.item(QStringLiteral("out%1").arg(step), QStringLiteral("T%1").arg(serial),
                                              randomTime(), true, who);
                QVERIFY(ingestor.ingest({out}).ok());
                outbound << out.remoteId;
                break;
            }
            case 3:
                (void)w.engine->setStatus(w.as(who), conversation,
                                          rng.bounded(3) == 0 ? sb::ConversationStatus::Open
                                                              : sb::ConversationStatus::Resolved);
                break;
            case 4: (void)w.engine->assign(w.as(w.manager), conversation, rng.bounded(4) == 0 ? QString() : who); break;
            case 5: (void)w.engine->addNote(w.as(who), conversation, QStringLiteral("Note %1").arg(step)); break;
            case 6: (void)w.engine->markSpam(w.as(w.manager), conversation, rng.bounded(2) == 0); break;
            case 7: {
                const QString remote = outbound[rng.bounded(outbound.size())];
                QVERIFY(ingestor
                            .updateCounters(w.account,
                                            {{remote, int(rng.bounded(20)), int(rng.bounded(5)), int(rng.bounded(5))}})
                            .ok());
                break;
            }
            case 8: {
                if (rng.bounded(4) == 0 && outbound.size() > 1) {
                    QVERIFY(ingestor.removeItem(w.account, outbound.takeLast()).ok());
                } else {
                    sb::NewPost post;
                    post.scheduledAtMs = randomTime();
                    post.variants = {{w.account, QStringLiteral("Post %1").arg(step)}};
                    auto created = w.engine->createPost(w.as(who), post);
                    if (created.ok() && w.engine->submitPost(w.as(who), created.value()).ok() && rng.bounded(2) == 0) {
                        (void)w.engine->approvePost(w.as(w.manager), created.value());
                    }
                }
                break;
            }
            case 9:
                if (rng.bounded(3) == 0) {
                    QVERIFY(EngagementRollups::refresh(w.db()).ok());
                }
                break;
            }
            if (step % 20 == 19) {
                const int from = 14 + rng.bounded(10);
                const TimeRange range = dayRange(QDate(2026, 11, from), QDate(2026, 11, from + rng.bounded(8)), w.zone);
                auto rolled = EngagementRollups::report(w.db(), range, w.clock.nowMs());
                QVERIFY2(rolled.ok(), qPrintable(rolled.ok() ? QString() : rolled.error().message));
                auto scratch = EngagementMetrics::compute(w.db(), range, w.clock.nowMs());
                QVERIFY(scratch.ok());
                QCOMPARE(describe(rolled.value()), describe(scratch.value()));
            }
        }
        // And over the whole fortnight at the end, with nothing left to recompute afterwards.
        const TimeRange all = dayRange(QDate(2026, 11, 9), QDate(2026, 11, 29), w.zone);
        auto rolled = EngagementRollups::report(w.db(), all, w.clock.nowMs());
        QVERIFY(rolled.ok());
        QCOMPARE(describe(rolled.value()), describe(EngagementMetrics::compute(w.db(), all, w.clock.nowMs()).value()));
        QVERIFY(rolled.value().team.repliesSent > 20);
        QVERIFY(rolled.value().team.likesEarned > 0);
        QCOMPARE(w.db().scalarInt(QStringLiteral("SELECT count(*) FROM engagement_dirty")), 0);
    }

    // Every figure can be checked by hand: the drill-down lists exactly what was counted.
    void drillDownListsWhatCounted()
    {
        SectionsWorkspace w;
        const TimeRange range = dayRange(QDate(2026, 11, 16), QDate(2026, 11, 24), w.zone);
        const qint64 now = w.clock.nowMs();
        auto rows = [&](const QString &employee, DrillFigure figure) {
            auto d = drillDown(w.db(), range, employee, figure, now);
            if (!d.ok()) {
                qFatal("drill-down failed: %s", qPrintable(d.error().message));
            }
            return d.value();
        };
        const DrillDown replies = rows(w.alice, DrillFigure::Replies);
        QCOMPARE(int(replies.rows.size()), 2); // A and B; B's copy ingested back is not a third
        QCOMPARE(replies.summary, QStringLiteral("Replies counted: 2"));
        QCOMPARE(replies.rows[0].conversationId, w.convB); // newest first
        QCOMPARE(replies.rows[1].conversationId, w.convA);
        QCOMPARE(replies.rows[0].what, QStringLiteral("Reply sent through Switchboard"));
        QVERIFY(replies.rows[0].about.contains(QStringLiteral("Hello @acme, B")));

        // Carol's reply approved by Mia is Carol's.
        QCOMPARE(int(rows(w.carol, DrillFigure::Replies).rows.size()), 1);
        QCOMPARE(rows(w.carol, DrillFigure::Replies).rows[0].conversationId, w.convD);
        QCOMPARE(int(rows(w.manager, DrillFigure::Replies).rows.size()), 0);

        const DrillDown first = rows(w.alice, DrillFigure::FirstResponse);
        QCOMPARE(int(first.rows.size()), 2);
        QCOMPARE(first.rows[0].value, QStringLiteral("45 min")); // slowest first: A, over the weekend
        QCOMPARE(first.rows[0].conversationId, w.convA);
        QCOMPARE(first.rows[1].value, QStringLiteral("10 min"));
        QCOMPARE(first.summary, QStringLiteral("2 first responses: median 28 min, p90 45 min"));

        const DrillDown sla = rows(w.bob, DrillFigure::Sla);
        QCOMPARE(int(sla.rows.size()), 2);
        QStringList what {sla.rows[0].what, sla.rows[1].what};
        what.sort();
        QCOMPARE(what, (QStringList {QStringLiteral("Answered late"), QStringLiteral("Not answered, overdue")}));
        QCOMPARE(sla.summary, QStringLiteral("0 in time, 2 late or overdue"));

        // Resolved twice (reopened): two rows, one conversation.
        const DrillDown resolved = rows(w.alice, DrillFigure::Resolved);
        QCOMPARE(int(resolved.rows.size()), 2);
        QCOMPARE(resolved.summary, QStringLiteral("Conversations resolved: 1, in 2 resolutions"));
        QCOMPARE(int(rows(w.alice, DrillFigure::Handled).rows.size()), 2);

        QCOMPARE(int(rows(w.bob, DrillFigure::Notes).rows.size()), 1);
        QCOMPARE(rows(w.bob, DrillFigure::Workload).summary, QStringLiteral("Open or pending now: 2"));
        QCOMPARE(int(rows(w.bob, DrillFigure::Workload).rows.size()), 2);

        const DrillDown drafted = rows(w.alice, DrillFigure::Drafted);
        QCOMPARE(int(drafted.rows.size()), 2);
        QVERIFY(!drafted.rows[0].postId.isEmpty());
        QVERIFY(drafted.rows[0].about.contains(QStringLiteral("Winter launch day")));

        // The team's row: everyone's, the same counts as the team's figures.
        const DrillDown team = rows(QString(), DrillFigure::Replies);
        QCOMPARE(int(team.rows.size()), 4);
        QCOMPARE(int(rows(QString(), DrillFigure::FirstResponse).rows.size()), 4);
        QCOMPARE(int(rows(QString(), DrillFigure::Sla).rows.size()), 5);

        sb::Ingestor ingestor(w.db(), w.clock, w.ids);
        QVERIFY(ingestor.updateCounters(w.account, {{QStringLiteral("rb"), 3, 1, 2}}).ok());
        const DrillDown earned = rows(w.alice, DrillFigure::Engagement);
        QCOMPARE(int(earned.rows.size()), 1);
        QCOMPARE(earned.rows[0].value, QStringLiteral("likes 3, reposts 1, replies 2"));
        QCOMPARE(earned.rows[0].sortValue, 6);
    }

    void weeklyReportWeeks()
    {
        const QTimeZone berlin("Europe/Berlin");
        auto at = [&](int y, int m, int d, int h, int min) {
            return QDateTime(QDate(y, m, d), QTime(h, min), berlin).toMSecsSinceEpoch();
        };
        // Monday 00:30 in Berlin (still Sunday in UTC): last week is over.
        QCOMPARE(lastCompleteWeek(at(2026, 11, 23, 0, 30), berlin), QDate(2026, 11, 16));
        QCOMPARE(lastCompleteWeek(at(2026, 11, 24, 10, 0), berlin), QDate(2026, 11, 16));
        // Sunday night: the week is not over yet.
        QCOMPARE(lastCompleteWeek(at(2026, 11, 22, 23, 59), berlin), QDate(2026, 11, 9));
        QCOMPARE(weeklyReportStem(QDate(2026, 11, 16)), QStringLiteral("engagement-2026-W47"));
        QCOMPARE(weeklyReportStem(QDate(2026, 12, 28)), QStringLiteral("engagement-2026-W53"));
        QCOMPARE(weeklyReportStem(QDate(2024, 12, 30)), QStringLiteral("engagement-2025-W01")); // ISO week year
    }

    void weeklyReportIsWrittenOnceAndNeverOverwritten()
    {
        SectionsWorkspace w;
        QTemporaryDir out;
        auto written = writeWeeklyReport(w.db(), out.path(), w.clock.nowMs()); // Tuesday 24 November
        QVERIFY(written.ok());
        QCOMPARE(written.value().size(), 2);
        const QString csvPath = QDir(out.path()).filePath(QStringLiteral("engagement-2026-W47.csv"));
        const QString jsonPath = QDir(out.path()).filePath(QStringLiteral("engagement-2026-W47.json"));
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
        json.close();
        QCOMPARE(report.value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-16"));
        QCOMPARE(report.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-22"));
        QCOMPARE(report.value(QStringLiteral("week")).toString(), QStringLiteral("2026-W47"));
        // That week: Alice's post went out on Friday; the replies of Monday the 23rd belong to the next week.
        QCOMPARE(report.value(QStringLiteral("team")).toObject().value(QStringLiteral("posts_published")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("team")).toObject().value(QStringLiteral("replies_sent")).toInt(), 0);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("employee_id,name,role,active,replies_sent,"));
        csv.close();

        // Again: nothing to do. A file already there is never replaced; a missing one is written.
        QCOMPARE(writeWeeklyReport(w.db(), out.path(), w.clock.nowMs()).value().size(), 0);
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Truncate));
        csv.write("kept by hand\n");
        csv.close();
        QVERIFY(QFile::remove(jsonPath));
        auto again = writeWeeklyReport(w.db(), out.path(), w.clock.nowMs());
        QVERIFY(again.ok());
        QCOMPARE(again.value(), QStringList {jsonPath});
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), QByteArray("kept by hand\n"));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
