#pragma once

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Ingest.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

// A small hand-built workspace with known answers, made only through the engine and the ingest path.
// Working week: Monday to Friday, 09:00-17:00 Europe/Berlin. "Now" is Tuesday 2026-11-24 10:00 Berlin.
//
// Conversations (SLA 60 business minutes), times in Berlin:
//   A  inbound Fri 20 Nov 16:30; Alice replies Mon 23 09:15 (45 business min, over the weekend), resolves 09:20;
//      the customer writes again 10:30 (reopened), Alice resolves again 11:00.          SLA due Mon 09:30: met
//   B  inbound Mon 10:00; Alice replies 10:10 (10 min); our reply is ingested back.    due 11:00: met
//   C  inbound Mon 11:00; Bob replies 13:00 (120 min); Bob writes a note.              due 12:00: missed
//   D  inbound Mon 12:00; Carol (contributor) drafts, Mia (manager) approves 12:20, sent 12:30 (30 min, Carol's)
//                                                                                       due 13:00: met
//   E  inbound Mon 14:00; assigned to Bob, never answered.                             due 15:00: missed
struct SectionsWorkspace {
    QTemporaryDir dir;
    std::unique_ptr<sb::Workspace> ws;
    sb::ManualClock clock;
    sb::SeededIdSource ids {11};
    std::unique_ptr<sb::Engine> engine;
    QTimeZone zone {"Europe/Berlin"};
    QString admin, manager, alice, bob, carol, team, account, blueAccount;
    QString convA, convB, convC, convD, convE;
    QString campaign, scheduledPost, reviewPost, publishedPost, draftPost;

    qint64 at(int day, int hour, int minute = 0) const
    {
        return QDateTime(QDate(2026, 11, day), QTime(hour, minute), zone).toMSecsSinceEpoch();
    }
    sb::SqliteDb &db() { return ws->db(); }
    sb::Actor as(const QString &id) const { return sb::Actor::employee(id); }

    template <typename T> static T must(sb::Result<T> r, const char *what)
    {
        if (!r.ok()) {
            qFatal("fixture: %s failed: %s", what, qPrintable(r.error().message));
        }
        return std::move(r).value();
    }
    static void must(const sb::Status &s, const char *what)
    {
        if (!s.ok()) {
            qFatal("fixture: %s failed: %s", what, qPrintable(s.error().message));
        }
    }

    SectionsWorkspace()
    {
        auto opened = sb::Workspace::open(dir.path(), sb::Workspace::OpenMode::CreateIfMissing);
        ws = must(std::move(opened), "open workspace");
        clock.setMs(at(16, 8));
        engine = std::make_unique<sb::Engine>(ws->db(), clock, ids);
        admin = must(engine->createFirstAdmin(QStringLiteral("Ada Admin")), "admin");
        const sb::Actor a = as(admin);
        team = must(engine->addTeam(a, QStringLiteral("Support")), "team");
        manager = must(engine->addEmployee(a, {QStringLiteral("Mia Manager"), {}, sb::Role::Manager, team}), "mia");
        alice = must(engine->addEmployee(a,
                                         {QStringLiteral("Alice Aalto"), QStringLiteral("alice@example.org"),
                                          sb::Role::CommunityManager, team}),
                     "alice");
        bob = must(engine->addEmployee(a, {QStringLiteral("Bob Berg"), {}, sb::Role::CommunityManager, team}), "bob");
        carol = must(engine->addEmployee(a, {QStringLiteral("Carol Chen"), {}, sb::Role::Contributor, team}), "carol");

        sb::BusinessHours hours;
        hours.zone = zone;
        must(engine->setBusinessHours(a, hours), "hours");
        must(engine->setSetting(a, QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")), "zone");
        must(engine->setSetting(a, QStringLiteral("workspace_name"), QStringLiteral("Acme Social")), "name");

        sb::NewAccount acc;
        acc.network = sb::Network::Mastodon;
        acc.handle = QStringLiteral("@acme@social.example");
        acc.displayName = QStringLiteral("Acme");
        acc.serviceUrl = QStringLiteral("https://social.example");
        acc.slaMinutes = 60;
        account = must(engine->addAccount(a, acc), "account");
        acc.network = sb::Network::Bluesky;
        acc.handle = QStringLiteral("acme.bsky.social");
        acc.displayName = QStringLiteral("Acme on Bluesky");
        acc.serviceUrl = QStringLiteral("https://bsky.social");
        blueAccount = must(engine->addAccount(a, acc), "bluesky account");

        buildConversations();
        buildPosts();
        clock.setMs(at(24, 10));
    }

    sb::IncomingItem item(const QString &remoteId, const QString &thread, qint64 when, bool outbound = false,
                          const QString &employee = {})
    {
        sb::IncomingItem it;
        it.accountId = account;
        it.remoteId = remoteId;
        it.threadKey = thread;
        it.kind = outbound ? QStringLiteral("reply") : QStringLiteral("mention");
        it.outbound = outbound;
        it.text = outbound ? QStringLiteral("Thanks, we are on it.") : QStringLiteral("Hello @acme, %1").arg(thread);
        it.createdAt = when;
        it.author.remoteId = outbound ? QStringLiteral("acme") : QString(QStringLiteral("cust-") + thread);
        it.author.handle = outbound ? QStringLiteral("@acme") : QStringLiteral("@c@x.example");
        it.author.displayName = outbound ? QStringLiteral("Acme") : QString(QStringLiteral("Customer ") + thread);
        it.authorEmployeeId = employee;
        return it;
    }

    QString ingest(const sb::IncomingItem &it)
    {
        sb::Ingestor ingestor(ws->db(), clock, ids);
        must(ingestor.ingest({it}), "ingest");
        return ws->db().scalarText(
            QStringLiteral("SELECT conversation_id FROM items WHERE remote_id = '%1'").arg(it.remoteId));
    }

    // A reply written at `when` and sent at once (the channel layer confirms it).
    void reply(const QString &employee, const QString &conversation, qint64 when, const QString &remoteId)
    {
        clock.setMs(when);
        auto outcome = must(engine->submitReply(as(employee), conversation, QStringLiteral("On it!")), "reply");
        must(engine->completeOutboxJob(outcome.outboxJobId, remoteId, 0), "complete");
    }

    void buildConversations()
    {
        convA = ingest(item(QStringLiteral("a1"), QStringLiteral("A"), at(20, 16, 30)));
        convB = ingest(item(QStringLiteral("b1"), QStringLiteral("B"), at(23, 10)));
        convC = ingest(item(QStringLiteral("c1"), QStringLiteral("C"), at(23, 11)));
        convD = ingest(item(QStringLiteral("d1"), QStringLiteral("D"), at(23, 12)));
        convE = ingest(item(QStringLiteral("e1"), QStringLiteral("E"), at(23, 14)));
        const sb::Actor m = as(manager);
        clock.setMs(at(23, 9));
        must(engine->assign(m, convA, alice), "assign A");
        must(engine->assign(m, convB, alice), "assign B");
        must(engine->assign(m, convC, bob), "assign C");
        must(engine->assign(m, convE, bob), "assign E");

        reply(alice, convA, at(23, 9, 15), QStringLiteral("ra"));
        clock.setMs(at(23, 9, 20));
        must(engine->setStatus(as(alice), convA, sb::ConversationStatus::Resolved), "resolve A");
        clock.setMs(at(23, 10, 30));
        ingest(item(QStringLiteral("a2"), QStringLiteral("A"), at(23, 10, 30)));
        clock.setMs(at(23, 11));
        must(engine->setStatus(as(alice), convA, sb::ConversationStatus::Resolved), "resolve A again");

        reply(alice, convB, at(23, 10, 10), QStringLiteral("rb"));
        clock.setMs(at(23, 10, 11));
        ingest(item(QStringLiteral("rb"), QStringLiteral("B"), at(23, 10, 10), true, alice));

        reply(bob, convC, at(23, 13), QStringLiteral("rc"));
        clock.setMs(at(23, 13, 5));
        must(engine->addNote(as(bob), convC, QStringLiteral("Asked the warehouse.")), "note");

        clock.setMs(at(23, 12, 10));
        auto draft = must(engine->submitReply(as(carol), convD, QStringLiteral("Here is how it works")), "draft");
        clock.setMs(at(23, 12, 20));
        const QString job = must(engine->approveReply(m, draft.replyDraftId), "approve");
        clock.setMs(at(23, 12, 30));
        must(engine->completeOutboxJob(job, QStringLiteral("rd"), 0), "complete D");
    }

    void buildPosts()
    {
        const sb::Actor m = as(manager);
        clock.setMs(at(19, 9));
        campaign
            = must(engine->addCampaign(m,
                                       {QStringLiteral("Winter launch"), QStringLiteral("#c0392b"), QDate(2026, 11, 18),
                                        QDate(2026, 11, 27), QStringLiteral("New winter range")}),
                   "campaign");
        must(engine->addCampaign(m,
                                 {QStringLiteral("Meetup Berlin"), QStringLiteral("#16a085"), QDate(2026, 11, 25),
                                  QDate(2026, 11, 26), QStringLiteral("Community meetup")}),
             "campaign 2");

        sb::NewPost post;
        post.campaignId = campaign;
        post.timeZone = QStringLiteral("Europe/Berlin");
        post.scheduledAtMs = at(20, 10);
        post.variants = {{blueAccount, QStringLiteral("Teaser: something warm is coming")}};
        publishedPost = must(engine->createPost(as(alice), post), "post 3");
        must(engine->submitPost(as(alice), publishedPost), "submit 3");
        must(engine->approvePost(m, publishedPost), "approve 3");
        clock.setMs(at(20, 10));
        must(engine->markVariantPublished(
                 ws->db().scalarText(
                     QStringLiteral("SELECT id FROM post_variants WHERE post_id = '%1'").arg(publishedPost)),
                 QStringLiteral("3kabc"), {}),
             "publish 3");

        clock.setMs(at(23, 15));
        post.scheduledAtMs = at(24, 9, 30);
        post.variants = {{account, QStringLiteral("Winter launch day: the new range is here")}};
        scheduledPost = must(engine->createPost(as(alice), post), "post 1");
        must(engine->submitPost(as(alice), scheduledPost), "submit 1");
        must(engine->approvePost(m, scheduledPost), "approve 1");

        post.scheduledAtMs = at(25, 14);
        post.variants = {{account, QStringLiteral("Meet us in Berlin tomorrow")},
                         {blueAccount, QStringLiteral("Meet us in Berlin tomorrow!")}};
        reviewPost = must(engine->createPost(as(carol), post), "post 2");
        must(engine->submitPost(as(carol), reviewPost), "submit 2");

        post.campaignId.clear();
        post.scheduledAtMs = at(26, 11, 45);
        post.variants = {{account, QStringLiteral("Draft: customer story with photos")}};
        draftPost = must(engine->createPost(as(bob), post), "post 4");
    }
};
