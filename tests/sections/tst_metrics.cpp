#include "SectionsWorkspace.h"
#include "metrics/EngagementMetrics.h"

#include <QTest>

using namespace sb::metrics;

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
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
