// The calendar half of the demo: two campaigns and the everyday posts around them, each going through the
// engine's approval flow at simulated times, published ones with their counters from the networks.
#include "demo/DemoRun.h"
#include "store/Sqlite.h"

#include <algorithm>

namespace sb::demo {

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

const char *const kEverydayPosts[] = {
    "Rain in the forecast? Re-proof your {product} in ten minutes: wash at 30°C, tumble dry low, done. #gearcare",
    "Trail tip: break in new boots on short walks first. Your heels will thank you 🥾 #hikingtips",
    "Behind the scenes at our repair workshop in Leipzig: 1,200 jackets fixed this year instead of thrown away. "
    "#repair",
    "Weekend plans? Show us where your {product} takes you – tag us and we'll share our favourites.",
    "Packing for a hut-to-hut tour: layers, not cotton. The {product} weighs less than a sandwich. #hüttentour",
    "Question of the week: summit sunrise or summit sunset? 🌄",
    "Customer story: Anja walked 800 km of the Camino in one pair of Trailblazer 2. Respect! #camino",
    "Our stores in Hamburg, München and Wien now take back worn-out gear for recycling. #circular",
    "Wir suchen Verstärkung für unseren Kundenservice in Berlin! Alle Infos auf unserer Karriereseite. #jobs",
    "Merino or synthetic? Our product team explains the difference on the blog today.",
    "New in: the {product} in {colour}. Small batch, made to last.",
    "Herbstfarben sind da 🍂 Wo ist eure liebste Tour in dieser Jahreszeit?",
    "Five things we always pack for a day in the Alps – number three surprises everyone. Thread below 👇",
    "Thank you for 50,000 followers across the fediverse and Bluesky! Coffee's on us at the stores this Saturday ☕",
};

const char *const kHelpPosts[] = {
    "Support hours this week: Mon–Fri 09:00–17:30 CET. Outside those hours we reply the next morning.",
    "Heads-up: parcels to Austria are running 1–2 days late this week. Tracking may lag behind.",
    "Returns tip: print your label straight from your order page – no account needed.",
    "Known issue: some Android users see the app crash on the order history. A fix ships this week.",
    "Reminder: repairs are free for the first two years. Just write to us!",
    "Hinweis: Rücksendungen nach Österreich und in die Schweiz dauern aktuell etwas länger. Danke für eure Geduld!",
};
} // namespace

void DemoRun::addPost(PostPlan::Goal goal, int campaign, int author, qint64 scheduledAt, std::vector<int> accounts,
                      const QString &text, double reach)
{
    using Goal = PostPlan::Goal;
    PostPlan p;
    p.goal = goal;
    p.campaign = campaign;
    p.author = author;
    p.scheduledAt = scheduledAt;
    p.accounts = std::move(accounts);
    p.reach = reach * m_rng.logNormal(1.0, 0.4);
    for (int account : p.accounts) {
        QString variant = text;
        if (account == 0 && !text.contains(QLatin1Char('#'))) {
            variant += QStringLiteral("\n\n#Northwind #outdoors");
        }
        if (account == 1 && variant.size() > 300) {
            variant = variant.left(299) + QStringLiteral("…");
        }
        p.texts.push_back(variant);
    }

    // Written a few days ahead in office hours, submitted, reviewed by the manager before it is due.
    const qint64 due = scheduledAt > 0 ? scheduledAt : m_endMs;
    const qint64 latest = std::min(due, m_endMs) - kHour;
    p.createAt = m_calendar.addBusinessMinutes(due - m_rng.between(2, 8) * kDay, m_rng.between(0, 400));
    p.createAt = std::min(p.createAt, latest - m_rng.between(4, 30) * kHour);
    p.submitAt = p.createAt + m_rng.between(5, 90) * kMinute;
    p.reviewAt = m_calendar.addBusinessMinutes(p.submitAt, m_rng.logNormal(120, 0.8));
    if (goal == Goal::Published || goal == Goal::Scheduled || goal == Goal::Approved || goal == Goal::Rejected) {
        p.reviewAt = std::min(p.reviewAt, latest - m_rng.between(10, 60) * kMinute);
        p.submitAt = std::min(p.submitAt, p.reviewAt - 5 * kMinute);
        p.createAt = std::min(p.createAt, p.submitAt - 5 * kMinute);
    }
    m_posts.push_back(std::move(p));
}

void DemoRun::planPosts()
{
    using Goal = PostPlan::Goal;
    const TextBank &bank = TextBank::instance();
    const auto at = [this](QDate day, int hour, int minute) { return m_calendar.at(day, QTime(hour, minute)); };
    const auto filled = [&](const char *tpl) {
        TextContext ctx = TextContext::draw(m_rng, false);
        return bank.fill(QString::fromUtf8(tpl), ctx, m_rng);
    };
    const QDate first = QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC).date().addDays(1);
    const int launchCampaign = 0;
    const int eventCampaign = 1;

    // Launch campaign: teasers, launch day, the weeks after.
    struct Scripted {
        int dayOffset, hour, minute;
        const char *text;
        double reach;
        int author;
    };
    const Scripted launch[] = {
        {-14, 11, 0, "Something new is coming for your feet. 14 days. 👀 #Trailblazer3", 3, kTom},
        {-7, 11, 0, "120 g lighter. Fully resoleable. One week to go. #Trailblazer3", 3, kFelix},
        {-2, 17, 0, "Pre-orders for the Trailblazer 3 open in 48 hours. Set a reminder! #Trailblazer3", 4, kTom},
        {0, 10, 0,
         "It's here: the Trailblazer 3. Lighter, resoleable, made in Portugal. Available now online and in our "
         "stores. #Trailblazer3 #hiking",
         8, kTom},
        {1, 12, 30,
         "Thank you! Day one of the Trailblazer 3 was our biggest launch ever. Sizes EU 42–44 restock on Friday.", 4,
         kFelix},
        {5, 10, 30,
         "First reviews of the Trailblazer 3 are in: \"the most comfortable boot I've owned\". #Trailblazer3", 3, kTom},
    };
    for (const Scripted &s : launch) {
        addPost(Goal::Published, launchCampaign, s.author, at(m_launchDay.addDays(s.dayOffset), s.hour, s.minute),
                {0, 1}, QString::fromUtf8(s.text), s.reach);
    }
    addPost(Goal::Published, launchCampaign, kSofia, at(m_launchDay, 9, 15), {2},
            QStringLiteral("Launch week! Questions about Trailblazer 3 pre-orders? We're staffed until 20:00 CET all "
                           "week."),
            0.6);
    addPost(Goal::Scheduled, launchCampaign, kTom, at(m_launchDay.addDays(14), 10, 0), {0, 1},
            QStringLiteral("Two weeks of Trailblazer 3: share your first hike with #Trailblazer3 and win a trip to "
                           "Trail Days Innsbruck."),
            3);
    addPost(Goal::InReview, launchCampaign, kFelix, at(m_launchDay.addDays(21), 10, 0), {0, 1},
            QStringLiteral("Last chance for the launch bonus: a free resoling voucher with every Trailblazer 3 until "
                           "Sunday."),
            3);
    addPost(Goal::Draft, launchCampaign, kFelix, 0, {0, 1},
            QStringLiteral("Trailblazer 3 care guide: how to keep the leather supple for years."), 2);

    // Event campaign: announced three weeks ahead, the programme and the weekend itself still to come.
    addPost(Goal::Published, eventCampaign, kTom, at(m_endDate.addDays(-20), 11, 0), {0, 1},
            QStringLiteral("Save the date: Trail Days Innsbruck, three days of guided hikes, a repair café and the "
                           "whole Trailblazer 3 range to test. Free entry! #TrailDays"),
            3);
    addPost(Goal::Scheduled, eventCampaign, kTom, at(m_endDate.addDays(5), 10, 0), {0, 1},
            QStringLiteral("The Trail Days programme is out: sunrise hike, map-reading workshop, repair café and more. "
                           "#TrailDays"),
            2);
    addPost(Goal::Scheduled, eventCampaign, kSofia, at(m_endDate.addDays(12), 9, 30), {0, 1, 2},
            QStringLiteral("Two days until Trail Days Innsbruck! The forecast looks great ☀️ #TrailDays"), 2);
    addPost(Goal::Scheduled, eventCampaign, kTom, at(m_endDate.addDays(14), 8, 0), {0, 1},
            QStringLiteral("Trail Days Innsbruck starts now! Find us in the Hofgarten. #TrailDays"), 2);
    addPost(Goal::InReview, eventCampaign, kTom, at(m_endDate.addDays(15), 18, 0), {0, 1},
            QStringLiteral("Day two of Trail Days: thank you for coming, hiking and fixing your gear with us!"), 2);
    addPost(Goal::Rejected, eventCampaign, kFelix, at(m_endDate.addDays(9), 12, 0), {0, 1},
            QStringLiteral("Meet the speakers of Trail Days: mountain guides, a cobbler and our head of product."), 2);
    addPost(Goal::Draft, eventCampaign, kTom, 0, {0, 1},
            QStringLiteral("Trail Days recap: photos, numbers and what we learnt."), 2);

    // Everyday posts: Tuesdays and Thursdays on the brand accounts, Mondays on the help desk.
    int everyday = 0;
    int help = 0;
    for (QDate day = first; day <= m_endDate.addDays(21); day = day.addDays(1)) {
        const int weekday = day.dayOfWeek();
        const bool future = day > m_endDate || (day == m_endDate && weekday != 1);
        if (weekday == 1) {
            const qint64 when = at(day, 9, 15);
            if (when <= m_endMs - kHour) {
                addPost(Goal::Published, -1, m_rng.chance(0.6) ? kSofia : kJonas, when, {2},
                        QString::fromUtf8(kHelpPosts[help++ % std::size(kHelpPosts)]), 0.4);
            }
            continue;
        }
        if (weekday != 2 && weekday != 4 && !(weekday == 6 && m_rng.chance(0.4))) {
            continue;
        }
        if (std::abs(day.daysTo(m_launchDay)) <= 1) {
            continue; // launch days belong to the campaign
        }
        const qint64 when = weekday == 2 ? at(day, 10, 30) : weekday == 4 ? at(day, 16, 0) : at(day, 9, 0);
        const QString text = filled(kEverydayPosts[everyday++ % std::size(kEverydayPosts)]);
        const int author = m_rng.weighted({0.55, 0.25, 0.2}) == 0 ? kTom : m_rng.chance(0.5) ? kFelix : kAylin;
        Goal goal = Goal::Published;
        if (future || when > m_endMs - kHour) {
            const qint64 ahead = m_calendar.at(day, QTime(0, 0)) - m_endMs;
            if (ahead < 8 * kDay) {
                goal = Goal::Scheduled;
            } else if (ahead < 15 * kDay) {
                goal = m_rng.chance(0.5) ? Goal::Scheduled : Goal::InReview;
            } else {
                goal = m_rng.chance(0.5) ? Goal::Draft : Goal::InReview;
            }
        }
        addPost(goal, -1, author, when, {0, 1}, text, 1.0);
    }
    addPost(Goal::Approved, -1, kTom, 0, {0, 1},
            QStringLiteral("Gift guide for the hiker who has everything: repair kits, merino socks and a good map."),
            1);
}

Status DemoRun::postStep(quint32 index)
{
    using Goal = PostPlan::Goal;
    PostPlan &p = m_posts[index];
    const Actor author = Actor::employee(m_staff[p.author].id);
    const Actor manager = Actor::employee(m_staff[kManager].id);
    switch (p.step++) {
    case 0: {
        NewPost post;
        post.campaignId = p.campaign >= 0 ? m_campaigns[p.campaign] : QString();
        post.scheduledAtMs = p.scheduledAt;
        post.timeZone = QStringLiteral("Europe/Berlin");
        for (size_t k = 0; k < p.accounts.size(); ++k) {
            NewPostVariant variant;
            variant.accountId = m_accounts[p.accounts[k]].id;
            variant.text = p.texts[k];
            post.variants.push_back(std::move(variant));
        }
        auto id = m_engine.createPost(author, post);
        SB_TRY(id);
        p.id = id.value();
        for (int account : p.accounts) {
            Statement &st = m_db.cached("SELECT id FROM post_variants WHERE post_id = ? AND account_id = ?");
            st.bindAll(p.id, m_accounts[account].id);
            p.variantIds.push_back(st.next() ? st.text(0) : QString());
            st.reset();
        }
        if (p.goal != Goal::Draft) {
            schedule(p.submitAt, Step::Post, index);
        }
        return success();
    }
    case 1:
        SB_TRY(m_engine.submitPost(author, p.id));
        if (p.goal != Goal::InReview && p.goal != Goal::Draft) {
            schedule(p.reviewAt, Step::Post, index);
        }
        return success();
    case 2:
        if (p.goal == Goal::Rejected) {
            return m_engine.rejectPost(manager, p.id, TextBank::instance().postRejection(m_rng));
        }
        SB_TRY(m_engine.approvePost(manager, p.id));
        if (p.goal == Goal::Published) {
            schedule(p.scheduledAt, Step::Post, index);
        }
        return success();
    default:
        // The scheduler's moment: every variant goes out and the networks confirm, a few seconds apart.
        for (size_t k = 0; k < p.accounts.size(); ++k) {
            m_clock.advance(m_rng.between(150, 900)); // milliseconds: the networks confirm one after the other
            QString url;
            const QString remote = nextRemoteId(p.accounts[k], nullptr, &url);
            SB_TRY(m_engine.markVariantPublished(p.variantIds[k], remote, url));
            p.remoteIds.push_back(remote);
            m_accounts[p.accounts[k]].recentPosts.push_back(remote);
        }
        return success();
    }
}

Status DemoRun::finishPosts()
{
    // Likes, boosts and replies are what the networks report back for published posts: synced counters, not
    // state changes, so they are written like the ingest path writes item counters, without events.
    for (const PostPlan &p : m_posts) {
        for (size_t k = 0; k < p.remoteIds.size(); ++k) {
            const int likes = int(p.reach * m_rng.logNormal(35, 0.5));
            const int reposts = int(double(likes) * (0.1 + 0.2 * m_rng.uniform()));
            const auto replied = m_repliesToPosts.find(p.remoteIds[k]);
            const int replies = (replied == m_repliesToPosts.end() ? 0 : replied->second) + likes / 30;
            Statement &st = m_db.cached("UPDATE post_variants SET like_count = ?, repost_count = ?, reply_count = ?, "
                                        "updated_at = ? WHERE id = ?");
            st.bindAll(likes, reposts, replies, m_clock.nowMs(), p.variantIds[k]);
            SB_TRY(st.exec());
        }
    }
    return success();
}

} // namespace sb::demo
