// The publishing scheduler with an injected clock: due posts become outbox jobs exactly once, late ones are missed,
// failed variants make a post failed or partly published and can be retried.
#include "TestWorkspace.h"
#include "core/LocalTime.h"
#include "core/Recurrence.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace sb;

class TestScheduler : public QObject {
    Q_OBJECT

    struct Fixture : TestWorkspace {
        QString second;
        Fixture()
        {
            NewAccount acc;
            acc.network = Network::Mastodon;
            acc.handle = QStringLiteral("@brand@other.example");
            acc.serviceUrl = QStringLiteral("https://other.example");
            second = engine->addAccount(Actor::employee(admin), acc).value();
        }
        // A post by the agent, approved by the manager, due `inMs` from now on both accounts.
        QString scheduled(qint64 inMs, const QString &text = QStringLiteral("Launch day"))
        {
            NewPost post;
            post.scheduledAtMs = clock.nowMs() + inMs;
            post.timeZone = QStringLiteral("Europe/Berlin");
            post.variants
                = {{account, text + QStringLiteral(" (Mastodon)")}, {second, text + QStringLiteral(" (two)")}};
            const QString id = engine->createPost(Actor::employee(agent), post).value();
            if (!engine->submitPost(Actor::employee(agent), id).ok()
                || !engine->approvePost(Actor::employee(manager), id).ok()) {
                qFatal("cannot schedule the post");
            }
            return id;
        }
        QString state(const QString &postId)
        {
            return db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(postId));
        }
        qint64 jobsOf(const QString &postId)
        {
            return count(
                QStringLiteral("SELECT count(*) FROM outbox_jobs j JOIN post_variants v ON v.id = j.variant_id "
                               "WHERE v.post_id = '%1'")
                    .arg(postId));
        }
        QStringList jobs(const QString &postId)
        {
            QStringList out;
            auto st = db().prepare(QStringLiteral("SELECT j.id FROM outbox_jobs j JOIN post_variants v ON "
                                                  "v.id = j.variant_id WHERE v.post_id = ? ORDER BY j.account_id"));
            st.value().bind(1, postId);
            while (st.value().next()) {
                out << st.value().text(0);
            }
            return out;
        }
    };

private slots:
    void duePostsBecomeJobsOnce()
    {
        Fixture f;
        const QString post = f.scheduled(10 * 60'000);
        QCOMPARE(f.state(post), QStringLiteral("scheduled"));
        // Not yet due: nothing happens.
        auto early = f.engine->enqueueDuePosts(3'600'000);
        QVERIFY(early.ok());
        QCOMPARE(early.value().queued, 0);
        QCOMPARE(f.jobsOf(post), 0);

        f.clock.advance(10 * 60'000);
        auto due = f.engine->enqueueDuePosts(3'600'000);
        QVERIFY(due.ok());
        QCOMPARE(due.value().queued, 1);
        QCOMPARE(due.value().jobs, 2);
        QCOMPARE(f.state(post), QStringLiteral("publishing"));
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM post_variants WHERE state = 'publishing'")), 2);
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM outbox_jobs WHERE kind = 'post' AND state = 'pending' "
                                        "AND idempotency_key LIKE 'post-%-1' AND created_by = '%1'")
                             .arg(f.agent)),
                 2);
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_queued'")), 1);
        // A second pass, or another process's, finds nothing left to queue.
        auto again = f.engine->enqueueDuePosts(3'600'000);
        QVERIFY(again.ok());
        QCOMPARE(again.value().queued, 0);
        QCOMPARE(f.jobsOf(post), 2);

        // Both variants go out: the post is published, with the instant.
        const QStringList jobs = f.jobs(post);
        for (int i = 0; i < 2; ++i) {
            const QString variant
                = f.db().scalarText(QStringLiteral("SELECT variant_id FROM outbox_jobs WHERE id = '%1'").arg(jobs[i]));
            QVERIFY(f.engine->markVariantPublished(variant, QStringLiteral("r%1").arg(i), {}).ok());
            QVERIFY(f.engine->completeOutboxJob(jobs[i], QStringLiteral("r%1").arg(i), 0).ok());
        }
        QCOMPARE(f.state(post), QStringLiteral("published"));
        QCOMPARE(f.count(QStringLiteral("SELECT published_at FROM posts WHERE id = '%1'").arg(post)), f.clock.nowMs());
    }

    void draftsAndPostsInReviewStayPut()
    {
        Fixture f;
        NewPost post;
        post.scheduledAtMs = f.clock.nowMs() - 60'000;
        post.variants = {{f.account, QStringLiteral("Not approved")}};
        const QString draft = f.engine->createPost(Actor::employee(f.sme), post).value();
        const QString review = f.engine->createPost(Actor::employee(f.sme), post).value();
        QVERIFY(f.engine->submitPost(Actor::employee(f.sme), review).ok());
        QCOMPARE(f.engine->enqueueDuePosts(3'600'000).value().queued, 0);
        QCOMPARE(f.state(draft), QStringLiteral("draft"));
        QCOMPARE(f.state(review), QStringLiteral("in_review"));
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM outbox_jobs")), 0);
    }

    void lateBeyondTheGraceIsMissedForAPersonToDecide()
    {
        Fixture f;
        const QString post = f.scheduled(60'000);
        const QString onTime = f.scheduled(50 * 60'000, QStringLiteral("Later"));
        // Nothing ran for two hours: the first post is 119 minutes late, the second 69; the grace is one hour.
        f.clock.advance(120 * 60'000);
        auto due = f.engine->enqueueDuePosts(60 * 60'000);
        QVERIFY(due.ok());
        QCOMPARE(due.value().missed, 2);
        QCOMPARE(f.state(post), QStringLiteral("missed"));
        QCOMPARE(f.jobsOf(post), 0);
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_missed'")), 2);
        // With a grace of three hours the same lateness would have gone out.
        const QString third = f.scheduled(-100 * 60'000, QStringLiteral("Third"));
        QCOMPARE(f.engine->enqueueDuePosts(3 * 60 * 60'000).value().queued, 1);
        QCOMPARE(f.state(third), QStringLiteral("publishing"));
        // A contributor may not decide; a manager publishes the missed post now.
        QCOMPARE(f.engine->publishMissedNow(Actor::employee(f.sme), post).error().kind, ErrorKind::Forbidden);
        QVERIFY(f.engine->publishMissedNow(Actor::employee(f.manager), post).ok());
        QCOMPARE(f.engine->publishMissedNow(Actor::employee(f.manager), post).error().kind, ErrorKind::Conflict);
        QCOMPARE(f.engine->enqueueDuePosts(60 * 60'000).value().queued, 1);
        QCOMPARE(f.state(post), QStringLiteral("publishing"));
        QCOMPARE(f.state(onTime), QStringLiteral("missed"));
    }

    void theGraceIsAWorkspaceSetting()
    {
        Fixture f;
        QCOMPARE(Engine::publishGraceMs(f.db()), 60 * 60'000);
        QVERIFY(
            f.engine
                ->setSetting(Actor::employee(f.admin), QStringLiteral("publish_grace_minutes"), QStringLiteral("15"))
                .ok());
        QCOMPARE(Engine::publishGraceMs(f.db()), 15 * 60'000);
    }

    void aFailedVariantMakesThePostPartlyPublishedAndCanBeRetried()
    {
        Fixture f;
        const QString post = f.scheduled(0);
        QVERIFY(f.engine->enqueueDuePosts(60'000).ok());
        const QStringList jobs = f.jobs(post);
        QCOMPARE(jobs.size(), 2);
        auto variantOf = [&](const QString &job) {
            return f.db().scalarText(QStringLiteral("SELECT variant_id FROM outbox_jobs WHERE id = '%1'").arg(job));
        };
        // The first variant fails for good while the second is still on its way: the post is still publishing.
        QVERIFY(f.engine->failOutboxJob(jobs[0], QStringLiteral("422 text too long")).ok());
        QCOMPARE(f.state(post), QStringLiteral("publishing"));
        QCOMPARE(f.db().scalarText(
                     QStringLiteral("SELECT error FROM post_variants WHERE id = '%1'").arg(variantOf(jobs[0]))),
                 QStringLiteral("422 text too long"));
        QVERIFY(f.engine->markVariantPublished(variantOf(jobs[1]), QStringLiteral("ok1"), {}).ok());
        QVERIFY(f.engine->completeOutboxJob(jobs[1], QStringLiteral("ok1"), 0).ok());
        QCOMPARE(f.state(post), QStringLiteral("partially_published"));
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_failed'")), 0);

        // Retry the failed one: a new job with the next attempt's key; it goes out, and the post is published.
        QCOMPARE(f.engine->retryVariant(Actor::employee(f.agent), variantOf(jobs[1])).error().kind,
                 ErrorKind::Conflict); // the published one cannot be retried
        QVERIFY(f.engine->retryVariant(Actor::employee(f.agent), variantOf(jobs[0])).ok());
        QCOMPARE(f.state(post), QStringLiteral("publishing"));
        const QString retry = f.db().scalarText(QStringLiteral("SELECT id FROM outbox_jobs WHERE variant_id = '%1' AND "
                                                               "state = 'pending'")
                                                    .arg(variantOf(jobs[0])));
        QCOMPARE(
            f.db().scalarText(QStringLiteral("SELECT idempotency_key FROM outbox_jobs WHERE id = '%1'").arg(retry)),
            QStringLiteral("post-%1-2").arg(variantOf(jobs[0])));
        QVERIFY(f.engine->markVariantPublished(variantOf(jobs[0]), QStringLiteral("ok0"), {}).ok());
        QVERIFY(f.engine->completeOutboxJob(retry, QStringLiteral("ok0"), 0).ok());
        QCOMPARE(f.state(post), QStringLiteral("published"));
    }

    void everyVariantFailingFailsThePost()
    {
        Fixture f;
        const QString post = f.scheduled(0);
        QVERIFY(f.engine->enqueueDuePosts(60'000).ok());
        for (const QString &job : f.jobs(post)) {
            QVERIFY(f.engine->failOutboxJob(job, QStringLiteral("account suspended")).ok());
        }
        QCOMPARE(f.state(post), QStringLiteral("failed"));
        const QString details = f.db().scalarText(
            QStringLiteral("SELECT details FROM events WHERE action = 'post_failed' AND subject_id = '%1'").arg(post));
        QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value(QStringLiteral("post_state")).toString(),
                 QStringLiteral("failed"));
    }

    // Wall-clock times in named zones across daylight-saving changes: a skipped time has no instant, a repeated one
    // has two, any other exactly one.
    void movingAPostFollowsTheRoles()
    {
        Fixture f;
        const qint64 hour = 3'600'000;
        const QString post = f.scheduled(24 * hour);
        const qint64 events = f.events();
        // A manager moves it: still scheduled, one event with both times.
        QVERIFY(f.engine->reschedulePost(Actor::employee(f.manager), post, f.clock.nowMs() + 48 * hour).ok());
        QCOMPARE(f.state(post), QStringLiteral("scheduled"));
        QCOMPARE(f.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post)),
                 f.clock.nowMs() + 48 * hour);
        QCOMPARE(f.events(), events + 1);
        const QJsonObject details
            = QJsonDocument::fromJson(f.db()
                                          .scalarText(QStringLiteral("SELECT details FROM events WHERE action = "
                                                                     "'post_rescheduled' ORDER BY rowid DESC LIMIT 1"))
                                          .toUtf8())
                  .object();
        QCOMPARE(details.value(QStringLiteral("to")).toString(), isoUtc(f.clock.nowMs() + 48 * hour));
        QCOMPARE(details.value(QStringLiteral("from")).toString(), isoUtc(f.clock.nowMs() + 24 * hour));
        // Its author, who cannot approve, moves it: a new time is an edit, so it goes back to review.
        QVERIFY(f.engine->reschedulePost(Actor::employee(f.agent), post, f.clock.nowMs() + 72 * hour).ok());
        QCOMPARE(f.state(post), QStringLiteral("in_review"));
        // Someone else's post: only a manager. The past: never. Nothing changes then.
        QCOMPARE(f.engine->reschedulePost(Actor::employee(f.sme), post, f.clock.nowMs() + 96 * hour).error().kind,
                 ErrorKind::Forbidden);
        QCOMPARE(f.engine->reschedulePost(Actor::employee(f.manager), post, f.clock.nowMs() - hour).error().kind,
                 ErrorKind::Invalid);
        QCOMPARE(f.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post)),
                 f.clock.nowMs() + 72 * hour);
        // A missed post gets a new time from a manager and is scheduled again; one going out cannot move.
        const QString missed = f.scheduled(hour);
        f.clock.advance(3 * hour); // beyond the grace period: nothing ran at its time
        QVERIFY(f.engine->enqueueDuePosts(Engine::publishGraceMs(f.db())).ok());
        QCOMPARE(f.state(missed), QStringLiteral("missed"));
        QCOMPARE(f.engine->reschedulePost(Actor::employee(f.agent), missed, f.clock.nowMs() + hour).error().kind,
                 ErrorKind::Forbidden);
        QVERIFY(f.engine->reschedulePost(Actor::employee(f.manager), missed, f.clock.nowMs() + hour).ok());
        QCOMPARE(f.state(missed), QStringLiteral("scheduled"));
        f.clock.advance(2 * hour);
        QVERIFY(f.engine->enqueueDuePosts(Engine::publishGraceMs(f.db())).ok());
        QCOMPARE(f.state(missed), QStringLiteral("publishing"));
        QCOMPARE(f.engine->reschedulePost(Actor::employee(f.manager), missed, f.clock.nowMs() + hour).error().kind,
                 ErrorKind::Conflict);
    }

    void editingAnApprovedPostSendsItBackToReview()
    {
        Fixture f;
        const QString post = f.scheduled(24 * 3'600'000);
        QCOMPARE(f.state(post), QStringLiteral("scheduled"));
        // Even a manager's edit: what was approved is not what would go out.
        QVERIFY(
            f.engine->editPostText(Actor::employee(f.manager), post, f.account, QStringLiteral("Launch day!")).ok());
        QCOMPARE(f.state(post), QStringLiteral("in_review"));
        QCOMPARE(f.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_returned_to_review'")), 1);
        QCOMPARE(f.db().scalarText(QStringLiteral("SELECT text FROM post_variants WHERE post_id = '%1' AND account_id "
                                                  "= '%2'")
                                       .arg(post, f.account)),
                 QStringLiteral("Launch day!"));
        // Approved again, it is scheduled again; someone else's post is not theirs to edit.
        QVERIFY(f.engine->approvePost(Actor::employee(f.manager), post).ok());
        QCOMPARE(f.state(post), QStringLiteral("scheduled"));
        QCOMPARE(
            f.engine->editPostText(Actor::employee(f.sme), post, f.account, QStringLiteral("Mine now")).error().kind,
            ErrorKind::Forbidden);
        // Once it goes out, the text stays.
        f.clock.advance(25 * 3'600'000);
        QVERIFY(f.engine->enqueueDuePosts(Engine::publishGraceMs(f.db())).ok());
        QCOMPARE(f.engine->editPostText(Actor::employee(f.manager), post, f.account, QStringLiteral("Too late"))
                     .error()
                     .kind,
                 ErrorKind::Conflict);
    }

    void recurrenceKeepsTheWallClockAcrossDaylightSaving()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QTimeZone newYork("America/New_York");
        const auto local = [](qint64 ms, const QTimeZone &z) {
            return QDateTime::fromMSecsSinceEpoch(ms, z).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        // Weekly at 09:00 in Berlin across the March change: 09:00 every time, one hour less between two of them.
        Recurrence weekly;
        weekly.frequency = Recurrence::Frequency::Weekly;
        weekly.count = 3;
        auto o = occurrences(QDate(2027, 3, 21), QTime(9, 0), berlin, weekly);
        QCOMPARE(o.size(), size_t(3));
        QCOMPARE(local(o[1].instant, berlin), QStringLiteral("2027-03-28 09:00"));
        QCOMPARE(o[1].instant - o[0].instant, qint64(7 * 24 - 1) * 3'600'000);
        QCOMPARE(local(o[2].instant, berlin), QStringLiteral("2027-04-04 09:00"));
        // Daily at 02:30 over the night the clocks skip it: that day it goes out as they jump (03:30), and says so.
        Recurrence daily;
        daily.frequency = Recurrence::Frequency::Daily;
        daily.until = QDate(2027, 3, 29);
        o = occurrences(QDate(2027, 3, 27), QTime(2, 30), berlin, daily);
        QCOMPARE(o.size(), size_t(3));
        QCOMPARE(o[1].note, Occurrence::Note::SkippedTime);
        QCOMPARE(local(o[1].instant, berlin), QStringLiteral("2027-03-28 03:30"));
        QCOMPARE(o[2].note, Occurrence::Note::None);
        QCOMPARE(local(o[2].instant, berlin), QStringLiteral("2027-03-29 02:30"));
        // New York in November: 01:30 happens twice on the 7th; the first of the two, and noted.
        o = occurrences(QDate(2027, 11, 6), QTime(1, 30), newYork,
                        daily = Recurrence {Recurrence::Frequency::Daily, 1, 2, {}});
        QCOMPARE(o[1].note, Occurrence::Note::RepeatedTime);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(o[1].instant, newYork).offsetFromUtc(), -4 * 3600); // still EDT
        // Monthly on the 31st: months without one use their last day, noted; every second month with --every 2.
        Recurrence monthly {Recurrence::Frequency::Monthly, 1, 4, {}};
        o = occurrences(QDate(2027, 1, 31), QTime(10, 0), berlin, monthly);
        QStringList days;
        for (const Occurrence &x : o) {
            days << x.date.toString(Qt::ISODate);
        }
        QCOMPARE(days,
                 (QStringList {QStringLiteral("2027-01-31"), QStringLiteral("2027-02-28"), QStringLiteral("2027-03-31"),
                               QStringLiteral("2027-04-30")}));
        QCOMPARE(o[1].note, Occurrence::Note::MonthTooShort);
        QCOMPARE(o[2].note, Occurrence::Note::None);
        monthly.interval = 2;
        monthly.count = 2;
        QCOMPARE(occurrences(QDate(2027, 1, 31), QTime(10, 0), berlin, monthly)[1].date, QDate(2027, 3, 31));
        // Bounded: an open-ended daily rule stops at the cap; a rule without an end gives nothing.
        Recurrence far {Recurrence::Frequency::Daily, 1, 0, QDate(2040, 1, 1)};
        QCOMPARE(int(occurrences(QDate(2027, 1, 1), QTime(10, 0), berlin, far).size()), Recurrence::kMaxOccurrences);
        QVERIFY(
            occurrences(QDate(2027, 1, 1), QTime(10, 0), berlin, Recurrence {Recurrence::Frequency::Daily, 1, 0, {}})
                .empty());
    }

    void localTimesAcrossDaylightSaving_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QStringList>("instants"); // UTC, earlier first
        QTest::newRow("Berlin, ordinary") << "Europe/Berlin" << QDate(2026, 11, 24) << QTime(10, 0)
                                          << QStringList {QStringLiteral("2026-11-24T09:00:00Z")};
        QTest::newRow("Berlin, spring gap") << "Europe/Berlin" << QDate(2026, 3, 29) << QTime(2, 30) << QStringList {};
        QTest::newRow("Berlin, just after the gap") << "Europe/Berlin" << QDate(2026, 3, 29) << QTime(3, 0)
                                                    << QStringList {QStringLiteral("2026-03-29T01:00:00Z")};
        QTest::newRow("Berlin, autumn overlap")
            << "Europe/Berlin" << QDate(2026, 10, 25) << QTime(2, 30)
            << QStringList {QStringLiteral("2026-10-25T00:30:00Z"), QStringLiteral("2026-10-25T01:30:00Z")};
        QTest::newRow("New York, spring gap")
            << "America/New_York" << QDate(2026, 3, 8) << QTime(2, 15) << QStringList {};
        QTest::newRow("New York, autumn overlap")
            << "America/New_York" << QDate(2026, 11, 1) << QTime(1, 30)
            << QStringList {QStringLiteral("2026-11-01T05:30:00Z"), QStringLiteral("2026-11-01T06:30:00Z")};
        QTest::newRow("New York, summer") << "America/New_York" << QDate(2026, 7, 4) << QTime(9, 0)
                                          << QStringList {QStringLiteral("2026-07-04T13:00:00Z")};
    }

    void localTimesAcrossDaylightSaving()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(QStringList, instants);
        const LocalTimeResolution r = resolveLocalTime(date, time, QTimeZone(zone.toUtf8()));
        QStringList got;
        for (const qint64 ms : r.instants) {
            got << QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
        }
        QCOMPARE(got, instants);
        QCOMPARE(r.isGap(), instants.isEmpty());
        QCOMPARE(r.isAmbiguous(), instants.size() == 2);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
