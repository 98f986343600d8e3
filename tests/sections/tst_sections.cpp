#include "SectionsHarness.h"
#include "engine/Engine.h"
#include "engine/PostChecks.h"
#include "metrics/EngagementDrillDown.h"
#include "metrics/EngagementMetrics.h"
#include "models/AccountsModel.h"
#include "models/CalendarModel.h"
#include "models/EngagementModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/WorkspaceSettings.h"
#include "ui/AccountsView.h"
#include "ui/BestTimeDialog.h"
#include "ui/CalendarMonthGrid.h"
#include "ui/CalendarView.h"
#include "ui/CalendarWeekGrid.h"
#include "ui/EngagementChart.h"
#include "ui/EngagementDrillDownDialog.h"
#include "ui/EngagementGoals.h"
#include "ui/EngagementGoalsDialog.h"
#include "ui/EngagementTrendChart.h"
#include "ui/EngagementView.h"
#include "ui/PostComposerDialog.h"
#include "ui/PostDetailsDialog.h"
#include "ui/SettingsCannedPanel.h"
#include "ui/SettingsRosterPanel.h"
#include "ui/SettingsRulesPanel.h"
#include "ui/SettingsView.h"
#include "ui/SettingsWorkspacePanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace sb;

namespace {

} // namespace

class TestSections : public QObject {
    Q_OBJECT
private slots:
    void calendarShowsPostsAndCampaigns()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        QCOMPARE(view.objectName(), QStringLiteral("calendarView"));
        QAbstractItemModelTester monthTester(view.monthModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester agendaTester(view.agendaModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::CalendarMonthGrid *grid = view.monthGrid();

        const QDate today(2026, 11, 24);
        QCOMPARE(grid->today(), today);
        QCOMPARE(grid->selectedDate(), today);
        QCOMPARE(child<QLabel>(view, "calendarTitle")->text(), QStringLiteral("November 2026"));
        QVERIFY(child<QLabel>(view, "calendarTimeZone")->text().contains(QStringLiteral("Europe/Berlin")));

        // The four posts of the month, each on its local day, and both campaigns.
        QCOMPARE(view.monthModel()->rowCount(), 4);
        QCOMPARE(view.monthModel()->campaigns().size(), size_t(2));
        QCOMPARE(grid->postsOn(today), 1);
        QCOMPARE(grid->postsOn(QDate(2026, 11, 20)), 1);
        QCOMPARE(grid->postsOn(QDate(2026, 11, 25)), 1);
        QCOMPARE(grid->postsOn(QDate(2026, 11, 23)), 0);
        grid->grab(); // paints
        QCOMPARE(grid->chipsShown(today), 1);
        QCOMPARE(grid->chipsShown(QDate(2026, 11, 26)), 1);

        // The scheduled post is shown at 09:30 Berlin time, with its state.
        const QModelIndex first = view.monthModel()->index(1, 0);
        QCOMPARE(first.data(models::CalendarModel::LocalTimeRole).toTime(), QTime(9, 30));
        QCOMPARE(first.data(models::CalendarModel::PostStateRole).toInt(), int(PostState::Scheduled));
        QCOMPARE(view.monthModel()->index(2, models::CalendarModel::StateColumn).data().toString(),
                 QStringLiteral("In review"));
        QCOMPARE(view.monthModel()->index(2, 0).data(models::CalendarModel::NetworksRole).toStringList(),
                 (QStringList {QStringLiteral("bluesky"), QStringLiteral("mastodon")}));

        // Agenda: from today on (the published teaser of the 20th is not "next").
        QCOMPARE(view.agendaModel()->rowCount(), 3);
        QVERIFY(grid->accessibleDescription().contains(QStringLiteral("Winter launch day")));
        screenshot(view, QStringLiteral("calendar"));

        // Keyboard: Page Down and Page Up change months; arrows move the day.
        grid->setFocus();
        QSignalSpy months(grid, &ui::CalendarMonthGrid::monthChanged);
        QTest::keyClick(grid, Qt::Key_PageDown);
        QCOMPARE(months.count(), 1);
        QCOMPARE(child<QLabel>(view, "calendarTitle")->text(), QStringLiteral("December 2026"));
        QCOMPARE(view.monthModel()->rowCount(), 0);
        QTest::keyClick(grid, Qt::Key_PageUp);
        QCOMPARE(view.monthModel()->rowCount(), 4);
        QTest::keyClick(grid, Qt::Key_Right);
        QCOMPARE(grid->selectedDate(), QDate(2026, 11, 25));
        QTest::keyClick(grid, Qt::Key_Down);
        QCOMPARE(grid->selectedDate(), QDate(2026, 12, 2));
        QCOMPARE(grid->month(), QDate(2026, 12, 1));
        QTest::keyClick(grid, Qt::Key_Home);
        QCOMPARE(grid->selectedDate(), today);

        // Mouse: the buttons, and a click on a day.
        QTest::mouseClick(child<QToolButton>(view, "calendarPrevious"), Qt::LeftButton);
        QCOMPARE(grid->month(), QDate(2026, 10, 1));
        QTest::mouseClick(child<QToolButton>(view, "calendarToday"), Qt::LeftButton);
        QCOMPARE(grid->month(), QDate(2026, 11, 1));
        QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(QDate(2026, 11, 12)).center());
        QCOMPARE(grid->selectedDate(), QDate(2026, 11, 12));

        // A new post through the engine shows after the change is announced.
        NewPost post;
        post.scheduledAtMs = h.w.at(27, 16);
        post.variants = {{h.w.account, QStringLiteral("Friday recap")}};
        QVERIFY(h.ctx->engine().createPost(Actor::employee(h.w.alice), post).ok());
        h.ctx->notifyChanged();
        QCOMPARE(grid->postsOn(QDate(2026, 11, 27)), 1);
        QCOMPARE(view.agendaModel()->rowCount(), 4);
    }

    void calendarComposerSchedulesAPostPerAccount()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::PostComposerDialog *composer = view.newPost(QDate(2026, 11, 27));
        QVERIFY(composer && composer->isVisible());
        auto *accounts = child<QListWidget>(*composer, "composerAccounts");
        QCOMPARE(accounts->count(), 2);
        auto *submit = child<QPushButton>(*composer, "composerSubmit");
        QVERIFY(!submit->isEnabled()); // no account, no text yet
        for (int i = 0; i < accounts->count(); ++i) {
            accounts->item(i)->setCheckState(Qt::Checked);
        }
        auto *mastodonText
            = child<QPlainTextEdit>(*composer, qPrintable(QStringLiteral("composerText-") + h.w.account));
        auto *blueskyText
            = child<QPlainTextEdit>(*composer, qPrintable(QStringLiteral("composerText-") + h.w.blueAccount));
        QVERIFY(mastodonText && blueskyText);
        // One text for both by default; each network counts its own way.
        mastodonText->setFocus();
        QTest::keyClicks(mastodonText, QStringLiteral("Black Friday: 20% off https://example.com/sale"));
        QCOMPARE(blueskyText->toPlainText(), mastodonText->toPlainText());
        auto *mastodonCounter = child<QLabel>(*composer, qPrintable(QStringLiteral("composerCounter-") + h.w.account));
        auto *blueskyCounter
            = child<QLabel>(*composer, qPrintable(QStringLiteral("composerCounter-") + h.w.blueAccount));
        QCOMPARE(mastodonCounter->text(), QStringLiteral("45 / 500")); // the 24-character URL counts 23
        // The preview marks the link, escapes the rest, fetches nothing.
        QVERIFY(child<QLabel>(*composer, qPrintable(QStringLiteral("composerPreview-") + h.w.account))
                    ->text()
                    .contains(QStringLiteral("<span style=\"color:#2f6fde\">https://example.com/sale</span>")));
        QCOMPARE(ui::PostComposerDialog::previewHtml(QStringLiteral("<b>hi</b> #sale @ann")),
                 QStringLiteral("&lt;b&gt;hi&lt;/b&gt; <span style=\"color:#2f6fde\">#sale</span> "
                                "<span style=\"color:#2f6fde\">@ann</span>"));
        QCOMPARE(blueskyCounter->text(), QStringLiteral("46 / 300"));
        // Too long for Bluesky: said, and nothing can be scheduled.
        child<QCheckBox>(*composer, "composerSameText")->setChecked(false);
        blueskyText->setPlainText(QString(301, QLatin1Char('x')));
        QVERIFY(blueskyCounter->text().contains(QStringLiteral("1 too many")));
        QVERIFY(!submit->isEnabled());
        blueskyText->setPlainText(QStringLiteral("Black Friday on Bluesky"));
        // The time: 10:15 in New York is 16:15 in Berlin; a skipped time is said and refused.
        auto *time = child<QTimeEdit>(*composer, "composerTime");
        auto *zone = child<QComboBox>(*composer, "composerZone");
        auto *date = child<QDateEdit>(*composer, "composerDate");
        QCOMPARE(date->date(), QDate(2026, 11, 27));
        time->setTime(QTime(10, 15));
        zone->setCurrentText(QStringLiteral("America/New_York"));
        auto *when = child<QLabel>(*composer, "composerWhen");
        QVERIFY2(when->text().contains(QStringLiteral("16:15")), qPrintable(when->text()));
        QVERIFY(submit->isEnabled());
        date->setDate(QDate(2027, 3, 14)); // New York springs forward at 02:00
        time->setTime(QTime(2, 30));
        QVERIFY2(when->text().contains(QStringLiteral("does not exist")), qPrintable(when->text()));
        QVERIFY(!submit->isEnabled());
        date->setDate(QDate(2026, 11, 27));
        time->setTime(QTime(10, 15));
        screenshot(*composer, QStringLiteral("composer"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(!composer->isVisible());
        // Scheduled at that instant, one variant per account with its own text.
        const QString post
            = h.db().scalarText(QStringLiteral("SELECT id FROM posts ORDER BY created_at DESC, rowid DESC "
                                               "LIMIT 1"));
        QCOMPARE(h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post)),
                 QDateTime(QDate(2026, 11, 27), QTime(10, 15), QTimeZone("America/New_York")).toMSecsSinceEpoch());
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT time_zone FROM posts WHERE id = '%1'").arg(post)),
                 QStringLiteral("America/New_York"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM post_variants WHERE post_id = '%1'").arg(post)), 2);
        QCOMPARE(
            h.db().scalarText(QStringLiteral("SELECT text FROM post_variants WHERE post_id = '%1' AND account_id = "
                                             "'%2'")
                                  .arg(post, h.w.blueAccount)),
            QStringLiteral("Black Friday on Bluesky"));
        QVERIFY(h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(post))
                    == QLatin1String("scheduled")
                || h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(post))
                    == QLatin1String("in_review"));
        QCOMPARE(view.monthGrid()->postsOn(QDate(2026, 11, 27)), 1);

        // A weekly post three times: one series; the same text again nearby is pointed out.
        composer = view.newPost(QDate(2026, 11, 28));
        accounts = child<QListWidget>(*composer, "composerAccounts");
        for (int i = 0; i < accounts->count(); ++i) {
            if (accounts->item(i)->data(Qt::UserRole + 1).toString() == h.w.blueAccount) {
                accounts->item(i)->setCheckState(Qt::Checked);
            }
        }
        auto *text = child<QPlainTextEdit>(*composer, qPrintable(QStringLiteral("composerText-") + h.w.blueAccount));
        text->setPlainText(QStringLiteral("black friday on bluesky "));
        QVERIFY2(child<QLabel>(*composer, "composerMessage")->text().contains(QStringLiteral("The same text already")),
                 qPrintable(child<QLabel>(*composer, "composerMessage")->text()));
        text->setPlainText(QStringLiteral("Weekend reading list"));
        auto *repeat = child<QComboBox>(*composer, "composerRepeat");
        repeat->setCurrentIndex(repeat->findData(QStringLiteral("weekly")));
        child<QSpinBox>(*composer, "composerRepeatCount")->setValue(3);
        QTest::mouseClick(child<QPushButton>(*composer, "composerSubmit"), Qt::LeftButton);
        QTRY_VERIFY(!composer->isVisible());
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM posts WHERE recurrence IS NOT NULL")), 3);
        QCOMPARE(h.count(QStringLiteral("SELECT count(DISTINCT json_extract(recurrence, '$.series')) FROM posts WHERE "
                                        "recurrence IS NOT NULL")),
                 1);
        QCOMPARE(h.count(QStringLiteral("SELECT max(scheduled_at) - min(scheduled_at) FROM posts WHERE recurrence IS "
                                        "NOT NULL")),
                 qint64(14) * 86'400'000);
    }

    void calendarPostReviewByRole()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString post = h.db().scalarText(QStringLiteral("SELECT id FROM posts WHERE state = 'in_review'"));
        const auto state
            = [&] { return h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(post)); };
        // A contributor sees the post but cannot approve it.
        h.ctx->setCurrentEmployee(h.w.carol);
        ui::PostDetailsDialog *details = view.openPost(post);
        QVERIFY(!child<QPushButton>(*details, "postDetailsApprove")->isVisible());
        details->close();
        // A manager rejects without a reason: refused; with one: back to its author as a draft.
        h.ctx->setCurrentEmployee(h.w.manager);
        details = view.openPost(post);
        auto *reject = child<QPushButton>(*details, "postDetailsReject");
        QVERIFY(reject->isVisible());
        QTest::mouseClick(reject, Qt::LeftButton);
        QCOMPARE(state(), QStringLiteral("in_review"));
        QVERIFY(!child<QLabel>(*details, "postDetailsMessage")->text().isEmpty());
        QTest::keyClicks(child<QLineEdit>(*details, "postDetailsComment"), QStringLiteral("Say which venue"));
        QTest::mouseClick(reject, Qt::LeftButton);
        QCOMPARE(state(), QStringLiteral("draft"));
        QVERIFY(child<QLabel>(*details, "postDetailsSummary")->text().contains(QStringLiteral("Say which venue")));
        details->close();
        // Its author fixes and submits it; the manager approves: scheduled (it has a time).
        const QString author
            = h.db().scalarText(QStringLiteral("SELECT author_id FROM posts WHERE id = '%1'").arg(post));
        h.ctx->setCurrentEmployee(author);
        details = view.openPost(post);
        auto *submit = child<QPushButton>(*details, "postDetailsSubmit");
        QVERIFY(submit->isVisible());
        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(state(), QStringLiteral("in_review"));
        details->close();
        h.ctx->setCurrentEmployee(h.w.manager);
        details = view.openPost(post);
        QTest::mouseClick(child<QPushButton>(*details, "postDetailsApprove"), Qt::LeftButton);
        QCOMPARE(state(), QStringLiteral("scheduled"));
        screenshot(*details, QStringLiteral("post-details"));
        // Editing the approved text sends it back to review, and says so.
        QPlainTextEdit *text = details->findChildren<QPlainTextEdit *>().first();
        text->setPlainText(QStringLiteral("Meet us at the Berlin store tomorrow!"));
        QTest::mouseClick(child<QPushButton>(*details, "postDetailsSave"), Qt::LeftButton);
        QCOMPARE(state(), QStringLiteral("in_review"));
        QVERIFY(child<QLabel>(*details, "postDetailsMessage")->text().contains(QStringLiteral("back to review")));
        details->close();
    }

    void bestTimeToPostFromPastEngagement()
    {
        Harness h;
        // Published posts of the last weeks on the Mastodon account: Tuesdays 10:xx earned 10 each, Wednesdays
        // 15:xx 2 each, one Friday post 100 (a single post: shown, but not ranked).
        const QTimeZone berlin("Europe/Berlin");
        int serial = 0;
        const auto published = [&](QDate day, QTime time, int likes) {
            const qint64 at = QDateTime(day, time, berlin).toMSecsSinceEpoch();
            const QString post = QStringLiteral("best-%1").arg(++serial);
            QVERIFY(h.db()
                        .exec(QStringLiteral("INSERT INTO posts(id, author_id, state, scheduled_at, created_at, "
                                             "updated_at, published_at) VALUES ('%1', '%2', 'published', %3, %3, %3, "
                                             "%3)")
                                  .arg(post, h.w.alice)
                                  .arg(at))
                        .ok());
            QVERIFY(h.db()
                        .exec(QStringLiteral("INSERT INTO post_variants(id, post_id, account_id, text, state, "
                                             "published_at, like_count, updated_at) VALUES ('%1v', '%1', '%2', 'x', "
                                             "'published', %3, %4, %3)")
                                  .arg(post, h.w.account)
                                  .arg(at)
                                  .arg(likes))
                        .ok());
        };
        published(QDate(2026, 11, 3), QTime(10, 5), 10);
        published(QDate(2026, 11, 10), QTime(10, 40), 10);
        published(QDate(2026, 11, 17), QTime(10, 15), 10);
        published(QDate(2026, 11, 4), QTime(15, 0), 2);
        published(QDate(2026, 11, 11), QTime(15, 30), 2);
        published(QDate(2026, 11, 13), QTime(9, 0), 100);
        ui::BestTimeDialog dialog(*h.ctx);
        auto *account = child<QComboBox>(dialog, "bestTimeAccount");
        account->setCurrentIndex(account->findData(h.w.account));
        const auto &heat = dialog.heatMap()->heat();
        QCOMPARE(heat[size_t(1 * 24 + 10)].posts, 3); // Tuesday 10:00
        QCOMPARE(heat[size_t(1 * 24 + 10)].engagement, qint64(30));
        QCOMPARE(heat[size_t(4 * 24 + 9)].posts, 1); // Friday 09:00
        QVERIFY2(dialog.summary().startsWith(QStringLiteral("Best: Tuesday 10:00 (10.0 per post, 3 posts); Wednesday "
                                                            "15:00")),
                 qPrintable(dialog.summary()));
        QVERIFY(!dialog.summary().contains(QStringLiteral("Friday")));
        dialog.resize(760, 420);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        screenshot(dialog, QStringLiteral("best-time"));
        // Another account without history says so.
        account->setCurrentIndex(account->findData(h.w.blueAccount));
        QVERIFY(dialog.summary().contains(QStringLiteral("Not enough")));
    }

    void calendarWeekShowsPostsHourByHour()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *weekMode = child<QToolButton>(view, "calendarWeekMode");
        QTest::mouseClick(weekMode, Qt::LeftButton);
        QVERIFY(view.showsWeek());
        ui::CalendarWeekGrid *week = view.weekGrid();
        QVERIFY(week->isVisible());
        // The week of today (Tue 24 Nov): Mon 23 to Sun 29, with its three posts.
        QCOMPARE(week->weekStart(), QDate(2026, 11, 23));
        QCOMPARE(child<QLabel>(view, "calendarTitle")->text(), QStringLiteral("23 Nov – 29 Nov 2026"));
        QCOMPARE(view.weekModel()->rowCount(), 3);
        // The 09:30 post sits at 09:30 in Tuesday's column; the 14:00 post lower, in Wednesday's.
        int morning = -1;
        int afternoon = -1;
        for (int row = 0; row < view.weekModel()->rowCount(); ++row) {
            const QTime t = view.weekModel()->index(row, 0).data(models::CalendarModel::LocalTimeRole).toTime();
            morning = t == QTime(9, 30) ? row : morning;
            afternoon = t == QTime(14, 0) ? row : afternoon;
        }
        QVERIFY(morning >= 0 && afternoon >= 0);
        const QRect a = week->chipRect(morning);
        const QRect b = week->chipRect(afternoon);
        QVERIFY(a.isValid() && b.isValid());
        const int top = a.top() - 2 - (9 * 60 + 30) * week->hourHeight() / 60;
        QCOMPARE(b.top() - 2 - top, 14 * week->hourHeight());
        QVERIFY(b.left() > a.left()); // the next day's column
        screenshot(view, QStringLiteral("calendar-week"));
        // Next and previous move by a week; Ctrl+1 goes back to the month.
        QTest::mouseClick(child<QToolButton>(view, "calendarNext"), Qt::LeftButton);
        QCOMPARE(week->weekStart(), QDate(2026, 11, 30));
        QCOMPARE(view.weekModel()->rowCount(), 0);
        QTest::mouseClick(child<QToolButton>(view, "calendarPrevious"), Qt::LeftButton);
        QCOMPARE(view.weekModel()->rowCount(), 3);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keySequence(week, QKeySequence(Qt::CTRL | Qt::Key_1));
        QVERIFY(!view.showsWeek());
        QCOMPARE(child<QLabel>(view, "calendarTitle")->text(), QStringLiteral("November 2026"));
    }

    void calendarFiltersByAccountStateCampaignAndAuthor()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.monthModel()->rowCount(), 4);
        auto *account = child<QComboBox>(view, "calendarAccountFilter");
        auto *state = child<QComboBox>(view, "calendarStateFilter");
        auto *campaign = child<QComboBox>(view, "calendarCampaignFilter");
        auto *author = child<QComboBox>(view, "calendarAuthorFilter");
        auto *clear = child<QToolButton>(view, "calendarClearFilters");
        QVERIFY(!clear->isVisible());
        const auto choose = [](QComboBox *box, const QVariant &data) {
            const int index = box->findData(data);
            QVERIFY(index > 0);
            box->setCurrentIndex(index);
            emit box->activated(index);
        };
        // The Bluesky account: the two posts with a Bluesky variant, in the month and the agenda alike.
        choose(account, h.w.blueAccount);
        QCOMPARE(view.monthModel()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QVERIFY(view.monthModel()
                        ->index(row, 0)
                        .data(models::CalendarModel::NetworksRole)
                        .toStringList()
                        .contains(QStringLiteral("bluesky")));
        }
        QCOMPARE(view.agendaModel()->rowCount(), 1);
        QVERIFY(clear->isVisible());
        screenshot(view, QStringLiteral("calendar-filtered"));
        // And in review: one.
        choose(state, QStringLiteral("in_review"));
        QCOMPARE(view.monthModel()->rowCount(), 1);
        QCOMPARE(view.monthModel()->index(0, 0).data(models::CalendarModel::PostStateRole).toInt(),
                 int(PostState::InReview));
        // Show all again; then one campaign; then one author.
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(view.monthModel()->rowCount(), 4);
        QVERIFY(!clear->isVisible());
        const QString campaignId = h.db().scalarText(QStringLiteral("SELECT campaign_id FROM posts WHERE campaign_id "
                                                                    "IS NOT NULL LIMIT 1"));
        choose(campaign, campaignId);
        QCOMPARE(view.monthModel()->rowCount(),
                 int(h.count(QStringLiteral("SELECT count(*) FROM posts WHERE campaign_id = '%1'").arg(campaignId))));
        QTest::mouseClick(clear, Qt::LeftButton);
        const QString authorId = h.db().scalarText(QStringLiteral("SELECT author_id FROM posts LIMIT 1"));
        choose(author, authorId);
        QCOMPARE(view.monthModel()->rowCount(),
                 int(h.count(QStringLiteral("SELECT count(*) FROM posts WHERE author_id = '%1' AND scheduled_at IS "
                                            "NOT NULL")
                                 .arg(authorId))));
    }

    void calendarDragMovesAPostWithUndo()
    {
        Harness h;
        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::CalendarMonthGrid *grid = view.monthGrid();
        grid->grab(); // lays the chips out
        const QDate tomorrow(2026, 11, 25);
        const QString post = h.db().scalarText(QStringLiteral("SELECT id FROM posts WHERE state = 'in_review'"));
        const qint64 before = h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post));
        // The chip of tomorrow's post (in review).
        QPoint chip;
        const QRect cell = grid->cellRect(tomorrow);
        for (int y = cell.top(); y < cell.bottom() && chip.isNull(); y += 2) {
            if (grid->rowAt(QPoint(cell.center().x(), y)) >= 0) {
                chip = QPoint(cell.center().x(), y + 2);
            }
        }
        QVERIFY(!chip.isNull());
        const QPoint target = grid->cellRect(QDate(2026, 11, 27)).center();

        // Escape during the drag leaves it where it was.
        QTest::mousePress(grid, Qt::LeftButton, {}, chip);
        QTest::mouseMove(grid, target);
        QCOMPARE(grid->dropTarget(), QDate(2026, 11, 27));
        QTest::keyClick(grid, Qt::Key_Escape);
        QTest::mouseRelease(grid, Qt::LeftButton, {}, target);
        QCOMPARE(h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post)), before);

        // Dragged to Friday: the same 14:00 in its zone, two days later, stored as that instant.
        QTest::mousePress(grid, Qt::LeftButton, {}, chip);
        QTest::mouseMove(grid, (chip + target) / 2);
        QTest::mouseMove(grid, target);
        screenshot(view, QStringLiteral("calendar-dragging"));
        QTest::mouseRelease(grid, Qt::LeftButton, {}, target);
        const qint64 moved = h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post));
        QCOMPARE(moved, before + 2 * 86'400'000LL);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(moved, QTimeZone("Europe/Berlin")).time(), QTime(14, 0));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_rescheduled' AND "
                                        "subject_id = '%1'")
                             .arg(post)),
                 1);
        QCOMPARE(grid->postsOn(QDate(2026, 11, 27)), 1);
        QCOMPARE(grid->postsOn(tomorrow), 0);
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(post)),
                 QStringLiteral("in_review"));
        auto *message = child<QLabel>(view, "calendarMoveMessage");
        QVERIFY2(message->isVisible() && message->text().contains(QStringLiteral("14:00")),
                 qPrintable(message->text()));
        auto *undo = child<QPushButton>(view, "calendarUndo");
        QVERIFY(undo->isVisible());
        screenshot(view, QStringLiteral("calendar-moved"));

        // Undo (Ctrl+Z works too) puts it back, as a second recorded change.
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        grid->setFocus();
        QTest::keySequence(grid, QKeySequence::Undo);
        QCOMPARE(h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(post)), before);
        QCOMPARE(grid->postsOn(tomorrow), 1);
        QVERIFY(!undo->isVisible());
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'post_rescheduled' AND "
                                        "subject_id = '%1'")
                             .arg(post)),
                 2);

        // A published post cannot move: the bar says why, nothing changes.
        const QString published = h.db().scalarText(QStringLiteral("SELECT id FROM posts WHERE state = 'published'"));
        const qint64 publishedAt
            = h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(published));
        view.movePost(published, QDate(2026, 11, 20), QDate(2026, 11, 28));
        QVERIFY2(message->text().contains(QStringLiteral("cannot be moved")), qPrintable(message->text()));
        QCOMPARE(h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(published)), publishedAt);
    }

    void engagementShowsFiguresByRole()
    {
        Harness h;
        QVERIFY(h.ctx->engine()
                    .setGoal(Actor::employee(h.w.manager), h.w.alice, QStringLiteral("replies_per_week"), 4)
                    .ok());
        QVERIFY(
            h.ctx->engine()
                .setGoal(Actor::employee(h.w.manager), h.w.alice, QStringLiteral("median_first_response_minutes"), 30)
                .ok());
        ui::EngagementView view(*h.ctx);
        QCOMPARE(view.objectName(), QStringLiteral("engagementView"));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.table();
        QAbstractItemModel *shown = table->model();

        // An admin sees everyone, then the team's row, over the last 30 days by default.
        QCOMPARE(shown->rowCount(), 6);
        QVERIFY(shown->index(5, 0).data(models::EngagementModel::TeamRowRole).toBool());
        auto cell = [&](const QString &employee, int column) {
            for (int row = 0; row < shown->rowCount(); ++row) {
                if (shown->index(row, 0).data(models::IdRole).toString() == employee) {
                    return shown->index(row, column).data().toString();
                }
            }
            return QString();
        };
        QCOMPARE(cell(h.w.alice, models::EngagementModel::MedianFirstResponseColumn), QStringLiteral("28 min"));
        QCOMPARE(cell(h.w.bob, models::EngagementModel::MedianFirstResponseColumn), QStringLiteral("2.0 h"));
        QCOMPARE(cell(h.w.bob, models::EngagementModel::SlaColumn), QStringLiteral("0 %"));
        QCOMPARE(cell(h.w.alice, models::EngagementModel::RepliesColumn), QStringLiteral("2"));
        QCOMPARE(cell(h.w.carol, models::EngagementModel::RoleColumn), QStringLiteral("Contributor"));
        QCOMPARE(shown->index(5, models::EngagementModel::RepliesColumn).data().toString(), QStringLiteral("4"));

        // One chart: fastest first, in minutes (the slowest median is two hours), with the team median.
        ui::EngagementChart *chart = view.chart();
        QCOMPARE(int(chart->bars().size()), 3);
        QCOMPARE(chart->bars().front().employeeId, h.w.alice);
        QCOMPARE(chart->bars().back().employeeId, h.w.bob);
        QVERIFY(!chart->usesHours());
        QVERIFY(chart->findChild<QWidget *>(QStringLiteral("engagementChartView"))
                    ->accessibleDescription()
                    .contains(QStringLiteral("Team median: 38 min")));

        // Sorting keeps the team's row last.
        QTest::mouseClick(
            table->horizontalHeader()->viewport(), Qt::LeftButton, {},
            QPoint(table->horizontalHeader()->sectionViewportPosition(models::EngagementModel::RepliesColumn) + 5, 5));
        QTest::mouseClick(
            table->horizontalHeader()->viewport(), Qt::LeftButton, {},
            QPoint(table->horizontalHeader()->sectionViewportPosition(models::EngagementModel::RepliesColumn) + 5, 5));
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(models::EngagementModel::RepliesColumn));
        QVERIFY(shown->index(5, 0).data(models::EngagementModel::TeamRowRole).toBool());

        // Selecting Alice by mouse shows her goals.
        int aliceRow = -1;
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (shown->index(row, 0).data(models::IdRole).toString() == h.w.alice) {
                aliceRow = row;
            }
        }
        QVERIFY(aliceRow >= 0);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(shown->index(aliceRow, 1)).center());
        QCOMPARE(view.selectedEmployee(), h.w.alice);
        QCOMPARE(view.goals()->goalCount(), 2);
        screenshot(view, QStringLiteral("engagement"));

        // This week (by keyboard): Friday's conversation drops out of the first responses.
        QComboBox *range = child<QComboBox>(view, "engagementRange");
        range->setFocus();
        QTest::keyClick(range, Qt::Key_Up);
        QCOMPARE(range->currentText(), QStringLiteral("This week"));
        QCOMPARE(cell(h.w.alice, models::EngagementModel::MedianFirstResponseColumn), QStringLiteral("10 min"));
        QCOMPARE(view.selectedEmployee(), h.w.alice); // the selection survives the refresh
        QVERIFY(chart->chart()->title().contains(QStringLiteral("this week")));

        // Hidden, the panel recomputes only when shown again.
        QCOMPARE(cell(h.w.bob, models::EngagementModel::NotesColumn), QStringLiteral("1"));
        view.hide();
        QVERIFY(h.ctx->engine().addNote(Actor::employee(h.w.bob), h.w.convC, QStringLiteral("Shipped.")).ok());
        h.ctx->notifyChanged();
        QCOMPARE(cell(h.w.bob, models::EngagementModel::NotesColumn), QStringLiteral("1"));
        view.show();
        QCOMPARE(cell(h.w.bob, models::EngagementModel::NotesColumn), QStringLiteral("2"));

        // A contributor sees their own row and the team's, nobody else's.
        h.ctx->setCurrentEmployee(h.w.carol);
        QCOMPARE(shown->rowCount(), 2);
        QCOMPARE(shown->index(0, 0).data(models::IdRole).toString(), h.w.carol);
        QVERIFY(shown->index(1, 0).data(models::EngagementModel::TeamRowRole).toBool());
        QVERIFY(child<QLabel>(view, "engagementScope")->isVisible());
        QCOMPARE(int(chart->bars().size()), 1);
        screenshot(view, QStringLiteral("engagement-contributor"));

        // Where the workspace allows it, a contributor sees their peers' rows too.
        QVERIFY(h.ctx->engine()
                    .setSetting(Actor::employee(h.w.admin), QStringLiteral("engagement_peer_visibility"),
                                QStringLiteral("team"))
                    .ok());
        h.ctx->notifyChanged(QStringLiteral("settings"));
        QCOMPARE(shown->rowCount(), 6);
        QVERIFY(!child<QLabel>(view, "engagementScope")->isVisible());
    }

    // The trend of the selected employee against the team, other ranges (a campaign's, any two days), and the
    // drill-down from a figure to the conversations behind it, by keyboard.
    void engagementTrendsRangesAndDrillDown()
    {
        Harness h;
        ui::EngagementView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.table();
        QAbstractItemModel *shown = table->model();
        auto rowOf = [&](const QString &employee) {
            for (int row = 0; row < shown->rowCount(); ++row) {
                if (shown->index(row, 0).data(models::IdRole).toString() == employee) {
                    return row;
                }
            }
            return -1;
        };
        table->setFocus();
        table->setCurrentIndex(shown->index(rowOf(h.w.alice), models::EngagementModel::RepliesColumn));
        QCOMPARE(view.selectedEmployee(), h.w.alice);

        // Last 30 days: one bar pair per day; Monday 23 November, Alice's 2 replies against the median 1 of the
        // three who replied (Alice 2, Bob 1, Carol 1).
        ui::EngagementTrendChart *trend = view.trendChart();
        QCOMPARE(int(trend->points().size()), 30);
        QVERIFY(trend->isBarChart());
        const auto monday = std::find_if(trend->points().begin(), trend->points().end(), [](const auto &p) {
            return p.label == QLocale().toString(QDate(2026, 11, 23), QStringLiteral("d MMM"));
        });
        QVERIFY(monday != trend->points().end());
        QCOMPARE(monday->employee, 2.0);
        QCOMPARE(monday->team, 1.0);
        QVERIFY(trend->chart()->title().contains(QStringLiteral("Alice Aalto")));

        // Median first response as lines, in minutes: Alice's B (10 min) against the team's B, C, D (30 min).
        trend->metricBox()->setFocus();
        QTest::keyClick(trend->metricBox(), Qt::Key_Down);
        QTest::keyClick(trend->metricBox(), Qt::Key_Down);
        QCOMPARE(trend->metric(), ui::EngagementTrendChart::Metric::FirstResponse);
        QVERIFY(!trend->isBarChart());
        QCOMPARE(trend->unitLabel(), QStringLiteral("Minutes of business time"));
        const auto mondayTimes = std::find_if(trend->points().begin(), trend->points().end(),
                                              [&](const auto &p) { return p.label == monday->label; });
        QCOMPARE(mondayTimes->employee, 10.0);
        QCOMPARE(mondayTimes->team, 30.0);
        screenshot(view, QStringLiteral("engagement-trend"));

        // A campaign's dates are a preset: Winter launch runs 18-27 November.
        QComboBox *range = view.rangeBox();
        const int campaign = range->findText(QStringLiteral("Campaign: Winter launch"), Qt::MatchStartsWith);
        QVERIFY(campaign >= 0);
        range->setCurrentIndex(campaign);
        QVERIFY(child<QLabel>(view, "engagementRangeText")
                    ->text()
                    .startsWith(QLocale().toString(QDate(2026, 11, 18), QLocale::ShortFormat)));
        QCOMPARE(int(trend->points().size()), 10);
        QCOMPARE(shown->index(rowOf(h.w.alice), models::EngagementModel::RepliesColumn).data().toString(),
                 QStringLiteral("2"));

        // Any two days: Monday alone leaves Friday's conversation A out of Alice's first responses.
        range->setCurrentIndex(range->findData(QStringLiteral("custom")));
        QVERIFY(view.customFrom()->isVisible());
        view.customFrom()->setDate(QDate(2026, 11, 23));
        view.customTo()->setDate(QDate(2026, 11, 23));
        QCOMPARE(shown->index(rowOf(h.w.alice), models::EngagementModel::MedianFirstResponseColumn).data().toString(),
                 QStringLiteral("10 min"));
        QCOMPARE(int(trend->points().size()), 1);

        // Enter on Alice's replies: the two replies behind the figure; Enter on one opens its conversation.
        range->setCurrentIndex(1); // last 30 days
        table->setFocus();
        table->setCurrentIndex(shown->index(rowOf(h.w.alice), models::EngagementModel::RepliesColumn));
        QSignalSpy opened(&view, &ui::EngagementView::openConversation);
        QTest::keyClick(table, Qt::Key_Return);
        auto *dialog = view.findChild<ui::EngagementDrillDownDialog *>(QStringLiteral("engagementDrillDown"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->list()->topLevelItemCount(), 2);
        QCOMPARE(child<QLabel>(*dialog, "engagementDrillSummary")->text(), QStringLiteral("Replies counted: 2"));
        QVERIFY(dialog->windowTitle().startsWith(QStringLiteral("Replies · Alice Aalto")));
        screenshot(*dialog, QStringLiteral("engagement-drilldown"));
        QTest::keyClick(dialog->list(), Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), h.w.convB); // newest first
        dialog->close();

        // The team's SLA: every conversation with a due time, met, late or overdue.
        ui::EngagementDrillDownDialog *team = view.openDrillDown(QString(), metrics::DrillFigure::Sla);
        QVERIFY(team);
        QCOMPARE(team->list()->topLevelItemCount(), 5);
        team->close();

        // Export: the figures the viewer sees as CSV, and a PDF report with both charts.
        QTemporaryDir out;
        const QString csvPath = out.filePath(QStringLiteral("figures.csv"));
        QVERIFY(view.exportCsv(csvPath).ok());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + shown->rowCount());
        QVERIFY(lines.front().startsWith(QStringLiteral("employee_id,name,role,active,replies_sent,")));
        QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QString &l) {
            return l.startsWith(h.w.alice + QStringLiteral(",Alice Aalto,community_manager,true,2,"));
        }));
        QVERIFY(lines.back().startsWith(QStringLiteral(",Team,,true,4,")));
        const QString pdfPath = out.filePath(QStringLiteral("report.pdf"));
        QVERIFY(view.exportPdf(pdfPath).ok());
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdf.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY2(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page ")
                         + bytes.count("/Type /Page/") + bytes.count("/Type /Page>")
                     >= 2,
                 "a report of at least two pages");
        QVERIFY2(bytes.count("/Subtype /Image") >= 2, "both charts are in the report");
        if (!qEnvironmentVariableIsEmpty("SWITCHBOARD_SCREENSHOT_DIR")) {
            QFile::copy(pdfPath,
                        qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_DIR") + QStringLiteral("/engagement-report.pdf"));
        }
        // A contributor's export holds their own row and the team's only.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(view.exportCsv(csvPath).ok());
        QVERIFY(csv.open(QIODevice::ReadOnly) || csv.isOpen());
        csv.close();
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList own = QString::fromUtf8(csv.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(own.size(), 3);
        QVERIFY(own[1].startsWith(h.w.carol + QStringLiteral(",Carol Chen,")));
    }

    // Posts that missed their time or failed wait in "Needs attention" until a person decides.
    void calendarPostsThatNeedAttention()
    {
        Harness h;
        Engine &engine = h.ctx->engine();
        // Alice's launch post was due at 09:30; nothing ran, and it is 10:00 now: with no grace it is missed.
        QVERIFY(engine.enqueueDuePosts(0).ok());
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(h.w.scheduledPost)),
                 QStringLiteral("missed"));
        // Another one fails on its only account.
        NewPost post;
        post.scheduledAtMs = h.w.clock.nowMs() - 60'000;
        post.variants = {{h.w.account, QStringLiteral("Flash sale until midnight")}};
        const QString failing = engine.createPost(Actor::employee(h.w.alice), post).value();
        QVERIFY(engine.submitPost(Actor::employee(h.w.alice), failing).ok());
        QVERIFY(engine.approvePost(Actor::employee(h.w.manager), failing).ok());
        QVERIFY(engine.enqueueDuePosts(3'600'000).ok());
        const QString job = h.db().scalarText(QStringLiteral("SELECT j.id FROM outbox_jobs j JOIN post_variants v ON "
                                                             "v.id = j.variant_id WHERE v.post_id = '%1'")
                                                  .arg(failing));
        QVERIFY(engine.failOutboxJob(job, QStringLiteral("422 Validation failed")).ok());

        ui::CalendarView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *list = child<QListWidget>(view, "calendarAttentionList");
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 2);
        auto *publishNow = child<QPushButton>(view, "calendarPublishNow");
        auto *retry = child<QPushButton>(view, "calendarRetry");
        int missedRow = -1;
        int failedRow = -1;
        for (int row = 0; row < list->count(); ++row) {
            (list->item(row)->text().startsWith(QStringLiteral("Missed")) ? missedRow : failedRow) = row;
        }
        QVERIFY(missedRow >= 0 && failedRow >= 0);
        QVERIFY(list->item(failedRow)->toolTip().contains(QStringLiteral("422 Validation failed")));
        screenshot(view, QStringLiteral("calendar-attention"));

        // A contributor sees them but decides nothing.
        h.ctx->setCurrentEmployee(h.w.carol);
        list->setCurrentRow(missedRow);
        QVERIFY(!publishNow->isEnabled());
        h.ctx->setCurrentEmployee(h.w.manager);
        list->setCurrentRow(missedRow);
        QVERIFY(publishNow->isEnabled());
        QVERIFY(!retry->isEnabled());
        QTest::mouseClick(publishNow, Qt::LeftButton);
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(h.w.scheduledPost)),
                 QStringLiteral("scheduled"));
        QCOMPARE(h.count(QStringLiteral("SELECT scheduled_at FROM posts WHERE id = '%1'").arg(h.w.scheduledPost)),
                 h.w.clock.nowMs());
        QCOMPARE(list->count(), 1); // the failed one is left
        list->setCurrentRow(0);
        QVERIFY(retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT state FROM posts WHERE id = '%1'").arg(failing)),
                 QStringLiteral("publishing"));
        QCOMPARE(
            h.count(QStringLiteral("SELECT count(*) FROM outbox_jobs j JOIN post_variants v ON v.id = j.variant_id "
                                   "WHERE v.post_id = '%1' AND j.state = 'pending'")
                        .arg(failing)),
            1);
        QVERIFY(!child<QWidget>(view, "calendarAttention")->isVisible()); // nothing left to decide
    }

    // Goals: a manager edits them; each goal shows how the last weeks went with the target of that week.
    void engagementGoalsEditorAndHistory()
    {
        Harness h;
        // Set a fortnight ago (Monday 9 November): one goal to publish a post a week.
        h.w.clock.setMs(h.w.at(9, 9));
        QVERIFY(
            h.ctx->engine().setGoal(Actor::employee(h.w.manager), h.w.alice, QStringLiteral("posts_per_week"), 1).ok());
        h.w.clock.setMs(h.w.at(24, 10));
        ui::EngagementView view(*h.ctx);
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTableView *table = view.table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data(models::IdRole).toString() == h.w.alice) {
                table->setCurrentIndex(table->model()->index(row, 0));
            }
        }
        QCOMPARE(view.selectedEmployee(), h.w.alice);
        ui::EngagementGoals *goals = view.goals();
        QVERIFY(goals->editButton()->isVisible()); // the admin may set goals
        // Week of 9 November: no post (missed); week of 16 November: the post of Friday the 20th (met).
        auto *history = child<QLabel>(*goals, "goalHistory_posts_per_week");
        QVERIFY(history);
        QCOMPARE(history->text(), QStringLiteral("○●"));
        QVERIFY(history->toolTip().contains(QStringLiteral("1 of 1 a week, met")));
        QVERIFY(child<QLabel>(*goals, "engagementGoalChanges")
                    ->text()
                    .contains(QStringLiteral("Mia Manager set Posts per week to 1")));

        // The dialog: the goal there is checked with its target; choosing others gives only the changes.
        ui::EngagementGoalsDialog dialog(QStringLiteral("Alice Aalto"), {{QStringLiteral("posts_per_week"), 1.0}});
        QVERIFY(dialog.enabledBox(QStringLiteral("posts_per_week"))->isChecked());
        QVERIFY(!dialog.targetBox(QStringLiteral("replies_per_week"))->isEnabled());
        dialog.enabledBox(QStringLiteral("posts_per_week"))->setChecked(false);
        dialog.enabledBox(QStringLiteral("replies_per_week"))->setChecked(true);
        dialog.targetBox(QStringLiteral("replies_per_week"))->setValue(40);
        const auto changes = dialog.changes();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.value(QStringLiteral("replies_per_week")), std::optional<double>(40));
        QVERIFY(changes.contains(QStringLiteral("posts_per_week")) && !changes.value(QStringLiteral("posts_per_week")));
        QVERIFY(view.applyGoalChanges(changes).ok());
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT group_concat(metric || '=' || target) FROM goals WHERE "
                                                  "employee_id = '%1'")
                                       .arg(h.w.alice)),
                 QStringLiteral("replies_per_week=40.0"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'goal_removed'")), 1);
        QCOMPARE(goals->goalCount(), 1);
        QVERIFY(
            child<QLabel>(*goals, "engagementGoalChanges")->text().contains(QStringLiteral("removed Posts per week")));
        screenshot(view, QStringLiteral("engagement-goals"));

        // A contributor sees goals but may not edit them.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(!goals->editButton()->isVisible());
    }

    // Advocacy: whose account it is, chosen in the account's details; a contributor may claim only for themselves.
    void accountsOwnerForAdvocacy()
    {
        Harness h;
        ui::AccountsView view(*h.ctx);
        view.resize(1100, 460);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTreeView *list = view.list();
        auto selectAccount = [&](const QString &handle) {
            for (int row = 0; row < view.model()->rowCount(); ++row) {
                if (view.model()->index(row, models::AccountsModel::HandleColumn).data().toString() == handle) {
                    QTest::mouseClick(
                        list->viewport(), Qt::LeftButton, {},
                        list->visualRect(view.model()->index(row, models::AccountsModel::HandleColumn)).center());
                }
            }
        };
        selectAccount(QStringLiteral("@acme@social.example"));
        auto *owner = child<QComboBox>(view, "accountsOwner");
        QVERIFY(owner->isEnabled());
        QCOMPARE(owner->currentText(), QStringLiteral("The brand's (a team account)"));
        QCOMPARE(owner->count(), 1 + 5); // the brand and the five active employees, for an admin
        // By keyboard: Bob's own account.
        owner->setFocus();
        const int bob = owner->findData(h.w.bob);
        QVERIFY(bob > 0);
        while (owner->currentIndex() < bob) {
            QTest::keyClick(owner, Qt::Key_Down);
        }
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT employee_id FROM accounts WHERE id = '%1'").arg(h.w.account)),
                 h.w.bob);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'account_owner_changed' AND "
                                        "json_extract(details, '$.to') = '%1'")
                             .arg(h.w.bob)),
                 1);
        screenshot(view, QStringLiteral("accounts-owner"));

        // Carol (contributor) cannot change Bob's account, but may claim the unclaimed Bluesky one for herself.
        h.ctx->setCurrentEmployee(h.w.carol);
        selectAccount(QStringLiteral("@acme@social.example"));
        QVERIFY(!owner->isEnabled());
        selectAccount(QStringLiteral("acme.bsky.social"));
        QVERIFY(owner->isEnabled());
        QCOMPARE(owner->count(), 2); // the brand, or her own
        owner->setFocus();
        QTest::keyClick(owner, Qt::Key_Down);
        QCOMPARE(owner->currentText(), QStringLiteral("My own (Carol Chen)"));
        QCOMPARE(
            h.db().scalarText(QStringLiteral("SELECT employee_id FROM accounts WHERE id = '%1'").arg(h.w.blueAccount)),
            h.w.carol);
    }

    void accountsPauseAndResume()
    {
        Harness h;
        // The Mastodon account has synced once; the Bluesky one never has.
        QVERIFY(h.db()
                    .exec(QStringLiteral("UPDATE accounts SET last_sync_at = %1 WHERE id = '%2'")
                              .arg(h.w.clock.nowMs())
                              .arg(h.w.account))
                    .ok());
        ui::AccountsView view(*h.ctx);
        QCOMPARE(view.objectName(), QStringLiteral("accountsView"));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1100, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.model()->rowCount(), 2);
        QVERIFY(!child<QLabel>(view, "accountsEmpty")->isVisible());
        // Bluesky sorts first; every health is a word beside its colour.
        QCOMPARE(view.model()->index(0, models::AccountsModel::HandleColumn).data().toString(),
                 QStringLiteral("acme.bsky.social"));
        QCOMPARE(view.model()->index(1, models::AccountsModel::HealthColumn).data().toString(),
                 QStringLiteral("Healthy"));
        QCOMPARE(view.model()->index(0, models::AccountsModel::HealthColumn).data().toString(),
                 QStringLiteral("Not synced yet"));
        QVERIFY(
            view.model()->index(1, models::AccountsModel::HealthColumn).data(Qt::DecorationRole).canConvert<QColor>());

        // Select the Mastodon account by mouse and pause it.
        QTreeView *list = view.list();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(view.model()->index(1, models::AccountsModel::HandleColumn)).center());
        // Its first-response promise (SLA, business minutes): shown, and changed by keyboard (one step is 15).
        auto *sla = child<QSpinBox>(view, "accountsSlaMinutes");
        QCOMPARE(sla->value(),
                 int(h.count(QStringLiteral("SELECT sla_minutes FROM accounts WHERE id = '%1'").arg(h.w.account))));
        const int promised = sla->value();
        sla->setFocus();
        QTest::keyClick(sla, Qt::Key_Up);
        QCOMPARE(h.count(QStringLiteral("SELECT sla_minutes FROM accounts WHERE id = '%1'").arg(h.w.account)),
                 promised + 15);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'account_sla_changed' AND "
                                        "subject_id = '%1' AND json_extract(details, '$.to') = %2")
                             .arg(h.w.account)
                             .arg(promised + 15)),
                 1);
        QCOMPARE(view.selectedAccount(), h.w.account);
        QPushButton *pause = child<QPushButton>(view, "accountsPauseButton");
        QCOMPARE(pause->text(), QStringLiteral("&Pause sync"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QCOMPARE(h.count(QStringLiteral("SELECT sync_paused FROM accounts WHERE id = '%1'").arg(h.w.account)), 1);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'sync_paused' AND subject_id = "
                                        "'%1' AND actor_id = '%2'")
                             .arg(h.w.account, h.w.admin)),
                 1);
        QCOMPARE(view.selectedAccount(), h.w.account); // the selection survives the refresh
        QCOMPARE(view.model()->index(1, models::AccountsModel::HealthColumn).data().toString(),
                 QStringLiteral("Paused"));
        QCOMPARE(pause->text(), QStringLiteral("&Resume sync"));
        screenshot(view, QStringLiteral("accounts"));

        // And resume it from the keyboard.
        pause->setFocus();
        QTest::keyClick(pause, Qt::Key_Space);
        QCOMPARE(h.count(QStringLiteral("SELECT sync_paused FROM accounts WHERE id = '%1'").arg(h.w.account)), 0);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'sync_resumed'")), 1);

        // Health as the sync layer records it (it comes with a later issue; the test stands in for it).
        QVERIFY(h.db()
                    .exec(QStringLiteral("UPDATE accounts SET health = 'rate_limited', rate_limited_until = %1 "
                                         "WHERE id = '%2'")
                              .arg(h.w.at(24, 10, 45))
                              .arg(h.w.blueAccount))
                    .ok());
        QVERIFY(
            h.db()
                .exec(QStringLiteral("UPDATE accounts SET health = 'auth_expired' WHERE id = '%1'").arg(h.w.account))
                .ok());
        view.refresh();
        QVERIFY(view.model()
                    ->index(0, models::AccountsModel::HealthColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Rate limited until ")));
        QCOMPARE(view.model()->index(1, models::AccountsModel::HealthColumn).data().toString(),
                 QStringLiteral("Sign-in expired: sign in again"));
        QVERIFY(
            view.model()->index(0, models::AccountsModel::HealthColumn).data(Qt::DecorationRole).value<QColor>()
            != view.model()->index(1, models::AccountsModel::HealthColumn).data(Qt::DecorationRole).value<QColor>());

        // A contributor may look, not pause.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(!pause->isEnabled());
        QVERIFY(child<QLabel>(view, "accountsPermission")->isVisible());
    }

    void accountsEmptyState()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.path(), Workspace::OpenMode::CreateIfMissing);
        QVERIFY(ws.ok());
        ManualClock clock(1'790'000'000'000);
        SeededIdSource ids(3);
        models::WorkspaceContext ctx(std::move(ws).value(), clock, ids);
        QVERIFY(ctx.engine().createFirstAdmin(QStringLiteral("Solo")).ok());
        ui::AccountsView view(ctx);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(child<QLabel>(view, "accountsEmpty")->isVisible());
        QVERIFY(!view.list()->isVisible());
        QVERIFY(!child<QPushButton>(view, "accountsPauseButton")->isVisible());
    }

    void settingsRosterAndHours()
    {
        Harness h;
        ui::SettingsView view(*h.ctx);
        QCOMPARE(view.objectName(), QStringLiteral("settingsView"));
        QAbstractItemModelTester tester(view.roster()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1280, 720);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.roster()->model()->rowCount(), 5);
        QVERIFY(!child<QLabel>(view, "settingsPermission")->isVisible());
        screenshot(view, QStringLiteral("settings"));

        // Add an employee with the inline form, by mouse and keyboard.
        QTest::mouseClick(child<QPushButton>(view, "settingsNewEmployee"), Qt::LeftButton);
        QLineEdit *name = child<QLineEdit>(view, "settingsEmployeeName");
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Dana Diaz"));
        QTest::keyClicks(child<QLineEdit>(view, "settingsEmployeeEmail"), QStringLiteral("dana@example.org"));
        QComboBox *role = child<QComboBox>(view, "settingsEmployeeRole");
        role->setFocus();
        QTest::keyClick(role, Qt::Key_Down); // Contributor -> Community manager
        QCOMPARE(role->currentText(), QStringLiteral("Community manager"));
        QComboBox *team = child<QComboBox>(view, "settingsEmployeeTeam");
        team->setFocus();
        QTest::keyClick(team, Qt::Key_Down); // No team -> Support
        QCOMPARE(team->currentText(), QStringLiteral("Support"));
        QTest::mouseClick(child<QPushButton>(view, "settingsSaveEmployee"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(view, "settingsRosterMessage")->text(), QStringLiteral("Added Dana Diaz."));
        const QString dana = h.db().scalarText(QStringLiteral("SELECT id FROM employees WHERE name = 'Dana Diaz'"));
        QVERIFY(!dana.isEmpty());
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT role || ' ' || team_id || ' ' || email FROM employees "
                                                  "WHERE id = '%1'")
                                       .arg(dana)),
                 QStringLiteral("community_manager %1 dana@example.org").arg(h.w.team));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'employee_added' AND "
                                        "subject_id = '%1' AND actor_id = '%2'")
                             .arg(dana, h.w.admin)),
                 1);
        QCOMPARE(view.roster()->model()->rowCount(), 6);

        // Edit her: select the row by mouse, make her a contributor, press Return in the name field.
        QTableView *table = view.roster()->table();
        const int row = view.roster()->model()->rowOf(dana);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(view.roster()->model()->index(row, 0)).center());
        QCOMPARE(name->text(), QStringLiteral("Dana Diaz"));
        role->setCurrentIndex(role->findData(int(Role::Contributor)));
        name->setFocus();
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(h.db().scalarText(QStringLiteral("SELECT role FROM employees WHERE id = '%1'").arg(dana)),
                 QStringLiteral("contributor"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'employee_updated' AND "
                                        "subject_id = '%1'")
                             .arg(dana)),
                 1);

        // Deactivate her.
        QTest::mouseClick(child<QPushButton>(view, "settingsToggleActive"), Qt::LeftButton);
        QCOMPARE(h.count(QStringLiteral("SELECT active FROM employees WHERE id = '%1'").arg(dana)), 0);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'employee_deactivated'")), 1);
        QCOMPARE(child<QPushButton>(view, "settingsToggleActive")->text(), QStringLiteral("Re&activate"));

        // A team, by keyboard.
        QLineEdit *teamName = child<QLineEdit>(view, "settingsTeamName");
        teamName->setFocus();
        QTest::keyClicks(teamName, QStringLiteral("Events"));
        QTest::keyClick(teamName, Qt::Key_Return);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM teams WHERE name = 'Events'")), 1);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'team_added'")), 2);
        QVERIFY(team->findText(QStringLiteral("Events")) >= 0);

        // Business hours: Friday off, open until 18:00, in New York.
        QTest::mouseClick(child<QCheckBox>(view, "settingsDay5"), Qt::LeftButton);
        QTimeEdit *end = child<QTimeEdit>(view, "settingsEnd");
        end->setFocus();
        QTest::keyClick(end, Qt::Key_Up); // the hour section steps 17 -> 18
        QCOMPARE(end->time(), QTime(18, 0));
        QComboBox *zone = child<QComboBox>(view, "settingsTimeZone");
        zone->setFocus();
        QTest::keyClicks(zone, QStringLiteral("America/New_York"));
        QCOMPARE(zone->currentText(), QStringLiteral("America/New_York"));
        const qint64 before = h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'setting_changed'"));
        QTest::mouseClick(child<QPushButton>(view, "settingsSaveWorkspace"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(view, "settingsWorkspaceMessage")->text(), QStringLiteral("Saved."));
        const BusinessHours hours = WorkspaceSettings::businessHours(h.db());
        QCOMPARE(hours.dayMask, quint8(0b0001111));
        QCOMPARE(hours.start, QTime(9, 0));
        QCOMPARE(hours.end, QTime(18, 0));
        QCOMPARE(hours.zone.id(), QByteArray("America/New_York"));
        QCOMPARE(WorkspaceSettings::timeZoneId(h.db()), QStringLiteral("America/New_York"));
        QCOMPARE(WorkspaceSettings::workspaceName(h.db()), QStringLiteral("Acme Social")); // unchanged: no event
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'setting_changed'")), before + 2);
        // Contributors may see their peers' engagement figures when the workspace allows it.
        QCheckBox *peers = child<QCheckBox>(view, "settingsPeerFigures");
        QVERIFY(!peers->isChecked());
        QTest::mouseClick(peers, Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(view, "settingsSaveWorkspace"), Qt::LeftButton);
        QCOMPARE(WorkspaceSettings::value(h.db(), QStringLiteral("engagement_peer_visibility")),
                 QStringLiteral("team"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'setting_changed'")), before + 3);
        // Publishing: the grace for late posts and the duplicate window, shown at their defaults, saved when changed.
        auto *grace = child<QSpinBox>(view, "settingsPublishGrace");
        auto *duplicates = child<QSpinBox>(view, "settingsDuplicateWindow");
        QCOMPARE(grace->value(), 60);
        QCOMPARE(duplicates->value(), 7);
        grace->setValue(30);
        duplicates->setValue(0);
        QTest::mouseClick(child<QPushButton>(view, "settingsSaveWorkspace"), Qt::LeftButton);
        QCOMPARE(Engine::publishGraceMs(h.db()), qint64(30) * 60'000);
        QCOMPARE(PostChecks::duplicateWindowDays(h.db()), 0);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'setting_changed'")), before + 5);

        // Hours that end before they start: the engine says why, nothing is written.
        end->setTime(QTime(8, 0));
        QTest::mouseClick(child<QPushButton>(view, "settingsSaveWorkspace"), Qt::LeftButton);
        QVERIFY(child<QLabel>(view, "settingsWorkspaceMessage")->text().startsWith(QStringLiteral("Not saved: ")));
        QCOMPARE(WorkspaceSettings::businessHours(h.db()).end, QTime(18, 0));

        // A manager may not make an admin: the engine's refusal is shown, and reported to the window.
        QSignalSpy errors(h.ctx.get(), &models::WorkspaceContext::errorOccurred);
        h.ctx->setCurrentEmployee(h.w.manager);
        QTest::mouseClick(child<QPushButton>(view, "settingsNewEmployee"), Qt::LeftButton);
        QTest::keyClicks(name, QStringLiteral("Eve Boss"));
        role->setCurrentIndex(role->findData(int(Role::Admin)));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(child<QLabel>(view, "settingsRosterMessage")->text(),
                 QStringLiteral("Not saved: Only an admin can make another admin."));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM employees WHERE name = 'Eve Boss'")), 0);

        // A contributor sees the roster but cannot change it.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(child<QLabel>(view, "settingsPermission")->isVisible());
        QVERIFY(!child<QPushButton>(view, "settingsNewEmployee")->isEnabled());
        QVERIFY(!child<QGroupBox>(view, "settingsEmployeeForm")->isEnabled());
        QVERIFY(!child<QPushButton>(view, "settingsSaveWorkspace")->isEnabled());
        QVERIFY(!zone->isEnabled());
        screenshot(view, QStringLiteral("settings-contributor"));
    }

    void settingsRoutingRules()
    {
        Harness h;
        ui::SettingsView view(*h.ctx);
        view.resize(1280, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.tabs()->setCurrentWidget(view.rules());
        QListWidget *list = view.rules()->list();
        QCOMPARE(list->count(), 0);

        // A manager writes a rule by keyboard: refunds in German go to the team, tagged, at least high.
        h.ctx->setCurrentEmployee(h.w.manager);
        QTest::mouseClick(child<QPushButton>(view, "settingsNewRule"), Qt::LeftButton);
        QLineEdit *name = child<QLineEdit>(view, "ruleName");
        QVERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Refunds"));
        QTest::keyClicks(child<QLineEdit>(view, "ruleKeywords"), QStringLiteral("refund, money back"));
        QTest::keyClicks(child<QLineEdit>(view, "ruleLanguage"), QStringLiteral("de"));
        QComboBox *team = child<QComboBox>(view, "ruleTeam");
        team->setCurrentIndex(team->findData(h.w.team));
        QComboBox *assignee = child<QComboBox>(view, "ruleAssignee");
        assignee->setCurrentIndex(assignee->findData(h.w.bob));
        QTest::keyClicks(child<QLineEdit>(view, "ruleTags"), QStringLiteral("refund, billing"));
        QComboBox *priority = child<QComboBox>(view, "rulePriority");
        priority->setCurrentIndex(priority->findData(2));
        QTest::mouseClick(child<QPushButton>(view, "ruleSave"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(view, "settingsRulesMessage")->text(),
                 QStringLiteral("Saved the rule \"Refunds\". It applies to messages that arrive from now on."));
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("containing refund or money back")),
                 qPrintable(list->item(0)->text()));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM routing_rules WHERE name = 'Refunds' AND keywords = "
                                        "'refund,money back' AND language = 'de' AND tags = 'refund,billing' AND "
                                        "priority = 2 AND assignee_id = '%1' AND team_id = '%2'")
                             .arg(h.w.bob, h.w.team)),
                 1);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'rule_added' AND actor_id = '%1'")
                             .arg(h.w.manager)),
                 1);

        // A message that matches is routed when it is stored, and the rule is named as the actor.
        Ingestor ingestor(h.db(), h.w.clock, h.w.ids);
        IncomingItem item;
        item.accountId = h.w.account;
        item.remoteId = QStringLiteral("rule-1");
        item.threadKey = QStringLiteral("rule-1");
        item.kind = QStringLiteral("mention");
        item.text = QStringLiteral("Wann kommt mein Geld? Refund bitte!");
        item.lang = QStringLiteral("de");
        item.createdAt = h.w.clock.nowMs();
        item.author = {QStringLiteral("r1"), QStringLiteral("@kunde@example.de"), QStringLiteral("Kunde"), {}};
        QVERIFY(ingestor.ingest({item}).ok());
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM conversations WHERE thread_key = 'rule-1' AND "
                                        "assignee_id = '%1' AND priority = 2")
                             .arg(h.w.bob)),
                 1);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events e JOIN routing_rules r ON r.id = e.actor_id "
                                        "WHERE e.actor_kind = 'rule' AND r.name = 'Refunds'")),
                 5);
        screenshot(view, QStringLiteral("settings-rules"));

        // Disable it by keyboard, then remove it; the events it wrote stay.
        list->setCurrentRow(0);
        QCOMPARE(name->text(), QStringLiteral("Refunds"));
        QCheckBox *enabled = child<QCheckBox>(view, "ruleEnabled");
        enabled->setFocus();
        QTest::keyClick(enabled, Qt::Key_Space);
        name->setFocus();
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(h.count(QStringLiteral("SELECT enabled FROM routing_rules")), 0);
        QVERIFY(list->item(0)->text().endsWith(QStringLiteral("(disabled)")));
        QTest::mouseClick(child<QPushButton>(view, "settingsRemoveRule"), Qt::LeftButton);
        QCOMPARE(list->count(), 0);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM routing_rules")), 0);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_kind = 'rule'")), 5);

        // A contributor may look but not change.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(!child<QGroupBox>(view, "settingsRuleForm")->isEnabled());
        QVERIFY(!child<QPushButton>(view, "settingsNewRule")->isEnabled());
    }

    // Screenshots of every section on a real workspace (for example one made by `switchboard-cli demo`), so a
    // person can look at them: SWITCHBOARD_SCREENSHOT_DIR=... SWITCHBOARD_SCREENSHOT_WORKSPACE=... tst_sections
    void workspaceScreenshots()
    {
        const QString dir = qEnvironmentVariable("SWITCHBOARD_SCREENSHOT_WORKSPACE");
        if (dir.isEmpty() || qEnvironmentVariableIsEmpty("SWITCHBOARD_SCREENSHOT_DIR")) {
            QSKIP("set SWITCHBOARD_SCREENSHOT_WORKSPACE and SWITCHBOARD_SCREENSHOT_DIR to take these screenshots");
        }
        auto ws = Workspace::open(dir, Workspace::OpenMode::OpenExisting);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        models::WorkspaceContext ctx(std::move(ws).value());
        auto take = [](QWidget &view, const QString &name) {
            view.resize(1280, 800);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            screenshot(view, name);
        };
        ui::CalendarView calendar(ctx);
        take(calendar, QStringLiteral("demo-calendar"));
        QVERIFY(calendar.monthModel()->rowCount() > 0);
        QElapsedTimer timer;
        timer.start();
        const auto range
            = metrics::presetRange(metrics::RangePreset::Last90Days, ctx.clock().nowMs(), QTimeZone("Europe/Berlin"));
        QVERIFY(metrics::EngagementMetrics::compute(ctx.reader(), range, ctx.clock().nowMs()).ok());
        qInfo("engagement figures over 90 days computed in %lld ms", timer.elapsed());
        ui::EngagementView engagement(ctx);
        take(engagement, QStringLiteral("demo-engagement"));
        QVERIFY(engagement.model()->rowCount() > 1);
        ui::AccountsView accounts(ctx);
        take(accounts, QStringLiteral("demo-accounts"));
        ui::SettingsView settings(ctx);
        take(settings, QStringLiteral("demo-settings"));
        settings.tabs()->setCurrentWidget(settings.rules());
        take(settings, QStringLiteral("demo-settings-rules"));
        settings.tabs()->setCurrentWidget(settings.canned());
        settings.canned()->list()->setCurrentRow(0);
        take(settings, QStringLiteral("demo-settings-canned"));

        // Dark mode follows the desktop: the sections must stay readable with a dark palette.
        const QPalette light = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        QApplication::setPalette(dark);
        take(calendar, QStringLiteral("demo-calendar-dark"));
        take(engagement, QStringLiteral("demo-engagement-dark"));
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestSections)
#include "tst_sections.moc"
