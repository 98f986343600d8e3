#pragma once

// A small, deterministic workspace for model and GUI tests, filled only through the engine and the ingest path
// (the same calls sync and the demo generator make). Times are relative to a fixed manual clock.

#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "models/WorkspaceContext.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace sbtest {

inline constexpr qint64 kMinute = 60 * 1000;

class TestWorkspace {
public:
    // `conversations` threads, two per timestamp (so keyset paging must break ties by id).
    explicit TestWorkspace(int conversations = 250)
        : clock(QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch()), ids(42)
    {
        QVERIFY2(dir.isValid(), "cannot create a temporary folder");
        auto opened = sb::Workspace::open(dir.path(), sb::Workspace::OpenMode::CreateIfMissing);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        ctx = std::make_unique<sb::models::WorkspaceContext>(std::move(opened).value(), clock, ids);
        sb::Engine &engine = ctx->engine();

        auto first = engine.createFirstAdmin(QStringLiteral("Ada Admin"));
        QVERIFY(first.ok());
        admin = first.value();
        ctx->setCurrentEmployee(admin); // the context was made before anyone existed
        const auto as = sb::Actor::employee(admin);
        manager = addEmployee(QStringLiteral("Mona Manager"), sb::Role::Manager);
        agent = addEmployee(QStringLiteral("Carl Community"), sb::Role::CommunityManager);
        contributor = addEmployee(QStringLiteral("Sam Specialist"), sb::Role::Contributor);

        auto m = engine.addAccount(as,
                                   {sb::Network::Mastodon,
                                    QStringLiteral("@acme@mastodon.example"),
                                    QStringLiteral("Acme"),
                                    QStringLiteral("https://mastodon.example"),
                                    {},
                                    240,
                                    0});
        QVERIFY(m.ok());
        mastodon = m.value();
        auto b = engine.addAccount(as,
                                   {sb::Network::Bluesky,
                                    QStringLiteral("acme.bsky.example"),
                                    QStringLiteral("Acme"),
                                    QStringLiteral("https://bsky.example"),
                                    {},
                                    240,
                                    0});
        QVERIFY(b.ok());
        bluesky = b.value();

        static const QStringList topics {
            QStringLiteral("my refund has not arrived yet"), QStringLiteral("cannot reset my password since Monday"),
            QStringLiteral("love the new release, great work"), QStringLiteral("the app crashes when I open settings"),
            QStringLiteral("when does the spring event start?")};
        sb::Ingestor ingestor(ctx->workspace().db(), clock, ids);
        std::vector<sb::IncomingItem> items;
        for (int i = 0; i < conversations; ++i) {
            // Two conversations per ten minutes, the odd one a millisecond older: the list order is the index order
            // whatever ids the conversations get.
            const qint64 at = clock.nowMs() - qint64(i / 2) * 10 * kMinute - 5 * kMinute - (i % 2);
            sb::IncomingItem in;
            in.accountId = i % 3 == 2 ? bluesky : mastodon;
            in.remoteId = QStringLiteral("in-%1").arg(i);
            in.threadKey = QStringLiteral("thread-%1").arg(i);
            in.kind = i % 4 == 1 ? QStringLiteral("dm") : QStringLiteral("mention");
            in.text = QStringLiteral("Hello, %1 (#%2)").arg(topics[i % topics.size()]).arg(i);
            in.createdAt = at - 30 * kMinute;
            in.author.remoteId = QStringLiteral("person-%1").arg(i % 40);
            in.author.handle = QStringLiteral("@person%1@social.example").arg(i % 40);
            in.author.displayName = QStringLiteral("Person %1").arg(i % 40);
            items.push_back(in);
            if (i % 3 == 0) {
                sb::IncomingItem out = in;
                out.remoteId = QStringLiteral("out-%1").arg(i);
                out.outbound = true;
                out.parentRemoteId = in.remoteId;
                out.text = QStringLiteral("Thanks for writing, we are looking into it.");
                out.createdAt = at - 20 * kMinute;
                out.author = {};
                out.authorEmployeeId = agent;
                items.push_back(out);
            }
            sb::IncomingItem again = in;
            again.remoteId = QStringLiteral("in2-%1").arg(i);
            again.parentRemoteId = i % 3 == 0 ? QStringLiteral("out-%1").arg(i) : in.remoteId;
            again.text = QStringLiteral("Any news? (#%1)").arg(i);
            again.createdAt = at;
            items.push_back(again);
        }
        auto ingested = ingestor.ingest(items);
        QVERIFY2(ingested.ok(), qPrintable(ingested.ok() ? QString() : ingested.error().message));

        sb::SqliteDb &db = ctx->workspace().db();
        Statement st = std::move(
            db.prepare(QStringLiteral("SELECT id FROM conversations ORDER BY last_item_at DESC, id")).value());
        while (st.next()) {
            conversationIds.append(st.text(0));
        }
        for (int i = 0; i < conversationIds.size(); ++i) {
            const QString &id = conversationIds[i];
            if (i % 5 == 0) {
                QVERIFY(engine.addTag(as, id, QStringLiteral("billing")).ok());
            }
            if (i % 7 == 0) {
                QVERIFY(engine.addTag(as, id, QStringLiteral("bug")).ok());
            }
            if (i % 6 == 1) {
                QVERIFY(engine.assign(as, id, agent).ok());
            }
            if (i % 8 == 3) {
                QVERIFY(engine.setStatus(as, id, sb::ConversationStatus::Resolved).ok());
            } else if (i % 8 == 5) {
                QVERIFY(engine.setStatus(as, id, sb::ConversationStatus::Pending).ok());
            }
        }
        QVERIFY(engine
                    .addNote(sb::Actor::employee(agent), conversationIds[0],
                             QStringLiteral("Checked the payment provider, refund is on its way."))
                    .ok());
        QVERIFY(engine
                    .submitReply(sb::Actor::employee(contributor), conversationIds[2],
                                 QStringLiteral("Draft: the event starts on 1 April."))
                    .ok());
        // A campaign with posts this week and a goal, so the calendar and engagement sections have data too.
        auto campaign
            = engine.addCampaign(as,
                                 {QStringLiteral("Spring event"), QStringLiteral("#2f6fde"), QDate(2026, 3, 1),
                                  QDate(2026, 3, 31), QStringLiteral("Tickets and talks")});
        QVERIFY(campaign.ok());
        for (int k = 0; k < 3; ++k) {
            sb::NewPost post;
            post.campaignId = campaign.value();
            post.scheduledAtMs = clock.nowMs() + qint64(k + 1) * 24 * 60 * kMinute;
            post.timeZone = QStringLiteral("UTC");
            post.variants = {{mastodon, QStringLiteral("Spring event, day %1: the programme is out.").arg(k + 1)},
                             {bluesky, QStringLiteral("Spring event day %1 programme").arg(k + 1)}};
            auto id = engine.createPost(sb::Actor::employee(agent), post);
            QVERIFY(id.ok());
            QVERIFY(engine.submitPost(sb::Actor::employee(agent), id.value()).ok());
            if (k < 2) {
                QVERIFY(engine.approvePost(as, id.value()).ok());
            }
        }
        QVERIFY(engine.setGoal(as, agent, QStringLiteral("replies_per_week"), 40).ok());
        ready = true;
    }

    using Statement = sb::Statement;

    qint64 scalar(const QString &sql) { return ctx->workspace().db().scalarInt(sql); }

    QStringList column(const QString &sql)
    {
        QStringList out;
        auto st = ctx->workspace().db().prepare(sql);
        if (!st.ok()) {
            return out;
        }
        while (st.value().next()) {
            out.append(st.value().text(0));
        }
        return out;
    }

    QTemporaryDir dir;
    sb::ManualClock clock;
    sb::SeededIdSource ids;
    std::unique_ptr<sb::models::WorkspaceContext> ctx;
    QString admin, manager, agent, contributor;
    QString mastodon, bluesky;
    QStringList conversationIds; // newest first, as the inbox lists them
    bool ready = false;

private:
    QString addEmployee(const QString &name, sb::Role role)
    {
        auto id = ctx->engine().addEmployee(sb::Actor::employee(admin), {name, {}, role, {}});
        return id.ok() ? id.value() : QString();
    }
};

} // namespace sbtest
