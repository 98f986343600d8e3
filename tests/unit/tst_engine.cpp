#include "TestWorkspace.h"
#include "core/BusinessHours.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace sb;

namespace {
struct LastEvent {
    QString actorKind, actorId, action, subjectType, subjectId, conversationId;
    QJsonObject details;
    qint64 at = 0;
};

LastEvent lastEvent(SqliteDb &db)
{
    auto st = db.prepare(QStringLiteral("SELECT actor_kind, coalesce(actor_id,''), action, subject_type, subject_id, "
                                        "coalesce(conversation_id,''), details, at FROM events ORDER BY seq DESC "
                                        "LIMIT 1"));
    LastEvent e;
    if (st.ok() && st.value().next()) {
        auto &s = st.value();
        e = {s.text(0),
             s.text(1),
             s.text(2),
             s.text(3),
             s.text(4),
             s.text(5),
             QJsonDocument::fromJson(s.text(6).toUtf8()).object(),
             s.int64(7)};
    }
    return e;
}
} // namespace

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    // Every state change appends exactly one event naming its actor, action and subject, at the clock's time.
    void everyStateChangeHasExactlyOneEvent()
    {
        TestWorkspace t;
        const QString conv = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"),
                                               QStringLiteral("Where is my order?"), t.clock.nowMs() - 60'000);
        const Actor agent = Actor::employee(t.agent);
        const Actor manager = Actor::employee(t.manager);
        QString draft;
        QString post;
        struct Step {
            const char *name;
            std::function<bool()> run;
            QString action;
            QString actorId;
            QString subjectType;
        };
        const QList<Step> steps {
            {"assign", [&] { return t.engine->assign(agent, conv, t.agent).ok(); }, QStringLiteral("assigned"), t.agent,
             QStringLiteral("conversation")},
            {"team",
             [&] {
                 const auto team = t.engine->addTeam(manager, QStringLiteral("Support"));
                 return team.ok();
             },
             QStringLiteral("team_added"), t.manager, QStringLiteral("team")},
            {"priority", [&] { return t.engine->setPriority(agent, conv, 2).ok(); }, QStringLiteral("priority_changed"),
             t.agent, QStringLiteral("conversation")},
            {"tag", [&] { return t.engine->addTag(agent, conv, QStringLiteral("Shipping")).ok(); },
             QStringLiteral("tagged"), t.agent, QStringLiteral("conversation")},
            {"untag", [&] { return t.engine->removeTag(agent, conv, QStringLiteral("shipping")).ok(); },
             QStringLiteral("untagged"), t.agent, QStringLiteral("conversation")},
            {"note", [&] { return t.engine->addNote(Actor::employee(t.sme), conv, QStringLiteral("@Carl ask")).ok(); },
             QStringLiteral("note_added"), t.sme, QStringLiteral("note")},
            {"pending", [&] { return t.engine->setStatus(agent, conv, ConversationStatus::Pending).ok(); },
             QStringLiteral("status_changed"), t.agent, QStringLiteral("conversation")},
            {"draft",
             [&] {
                 auto r = t.engine->submitReply(Actor::employee(t.sme), conv, QStringLiteral("Try this"));
                 draft = r.ok() ? r.value().replyDraftId : QString();
                 return r.ok() && !draft.isEmpty() && r.value().outboxJobId.isEmpty();
             },
             QStringLiteral("reply_submitted"), t.sme, QStringLiteral("reply_draft")},
            {"approve", [&] { return t.engine->approveReply(manager, draft).ok(); }, QStringLiteral("reply_approved"),
             t.manager, QStringLiteral("reply_draft")},
            {"reply",
             [&] {
                 auto r = t.engine->submitReply(agent, conv, QStringLiteral("On its way!"));
                 return r.ok() && !r.value().outboxJobId.isEmpty();
             },
             QStringLiteral("replied"), t.agent, QStringLiteral("outbox_job")},
            {"resolve", [&] { return t.engine->setStatus(agent, conv, ConversationStatus::Resolved).ok(); },
             QStringLiteral("status_changed"), t.agent, QStringLiteral("conversation")},
            {"snooze",
             [&] {
                 return t.engine->setStatus(agent, conv, ConversationStatus::Snoozed, t.clock.nowMs() + 3'600'000).ok();
             },
             QStringLiteral("status_changed"), t.agent, QStringLiteral("conversation")},
            {"spam", [&] { return t.engine->markSpam(agent, conv, true).ok(); }, QStringLiteral("marked_spam"), t.agent,
             QStringLiteral("conversation")},
            {"read", [&] { return t.engine->markRead(agent, conv).ok(); }, QStringLiteral("read"), t.agent,
             QStringLiteral("conversation")},
            {"post",
             [&] {
                 NewPost p;
                 p.variants.push_back({t.account, QStringLiteral("Launch day!")});
                 p.scheduledAtMs = t.clock.nowMs() + 86'400'000;
                 p.timeZone = QStringLiteral("Europe/Berlin");
                 auto r = t.engine->createPost(Actor::employee(t.sme), p);
                 post = r.ok() ? r.value() : QString();
                 return r.ok();
             },
             QStringLiteral("post_created"), t.sme, QStringLiteral("post")},
            {"submitPost", [&] { return t.engine->submitPost(Actor::employee(t.sme), post).ok(); },
             QStringLiteral("post_submitted"), t.sme, QStringLiteral("post")},
            {"approvePost", [&] { return t.engine->approvePost(manager, post).ok(); }, QStringLiteral("post_approved"),
             t.manager, QStringLiteral("post")},
            {"goal", [&] { return t.engine->setGoal(manager, t.agent, QStringLiteral("replies_per_week"), 40).ok(); },
             QStringLiteral("goal_set"), t.manager, QStringLiteral("goal")},
            {"hours",
             [&] {
                 BusinessHours bh;
                 bh.zone = QTimeZone("Europe/Berlin");
                 return t.engine->setBusinessHours(manager, bh).ok();
             },
             QStringLiteral("setting_changed"), t.manager, QStringLiteral("setting")},
            {"pause", [&] { return t.engine->setAccountPaused(agent, t.account, true).ok(); },
             QStringLiteral("sync_paused"), t.agent, QStringLiteral("account")},
            {"deactivate", [&] { return t.engine->setEmployeeActive(manager, t.sme, false).ok(); },
             QStringLiteral("employee_deactivated"), t.manager, QStringLiteral("employee")},
        };
        for (const Step &step : steps) {
            t.clock.advance(1000);
            const qint64 before = t.events();
            QVERIFY2(step.run(), step.name);
            QCOMPARE(t.events() - before, qint64(1));
            const LastEvent e = lastEvent(t.db());
            QCOMPARE(e.action, step.action);
            QCOMPARE(e.actorKind, QStringLiteral("employee"));
            QCOMPARE(e.actorId, step.actorId);
            QCOMPARE(e.subjectType, step.subjectType);
            QCOMPARE(e.at, t.clock.nowMs());
        }
        // Resolving recorded the resolution time in the row and in the event trail.
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'status_changed' AND "
                                        "json_extract(details, '$.to') = 'resolved'")),
                 qint64(1));
    }

    // A call that changes nothing logs nothing; a refused call changes nothing and logs nothing.
    void noOpsAndRefusalsLeaveNoTrace()
    {
        TestWorkspace t;
        const QString conv
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hi"), t.clock.nowMs());
        QVERIFY(t.engine->assign(Actor::employee(t.agent), conv, t.agent).ok());
        const qint64 before = t.events();
        QVERIFY(t.engine->assign(Actor::employee(t.agent), conv, t.agent).ok());
        QVERIFY(t.engine->setStatus(Actor::employee(t.agent), conv, ConversationStatus::Open).ok());
        QVERIFY(t.engine->removeTag(Actor::employee(t.agent), conv, QStringLiteral("absent")).ok());
        QCOMPARE(t.events(), before);

        const Status refused = t.engine->setStatus(Actor::employee(t.sme), conv, ConversationStatus::Resolved);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT status FROM conversations")), QStringLiteral("open"));
        QCOMPARE(t.events(), before);

        const Status unknown = t.engine->assign(Actor::employee(QStringLiteral("ghost")), conv, t.agent);
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QCOMPARE(t.engine->assign(Actor::employee(t.agent), QStringLiteral("nope"), t.agent).error().kind,
                 ErrorKind::NotFound);
        QCOMPARE(t.engine->setPriority(Actor::employee(t.agent), conv, 9).error().kind, ErrorKind::Invalid);
        QCOMPARE(t.engine->addNote(Actor::employee(t.agent), conv, QStringLiteral("   ")).error().kind,
                 ErrorKind::Invalid);
        QCOMPARE(t.engine->setStatus(Actor::employee(t.agent), conv, ConversationStatus::Snoozed, t.clock.nowMs() - 1)
                     .error()
                     .kind,
                 ErrorKind::Invalid);
        QCOMPARE(t.events(), before);
    }

    void rolesAreEnforcedByTheEngine()
    {
        TestWorkspace t;
        const QString conv
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hi"), t.clock.nowMs());
        const Actor sme = Actor::employee(t.sme);
        QCOMPARE(t.engine->assign(sme, conv, t.sme).error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.engine->addTag(sme, conv, QStringLiteral("x")).error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.engine->addEmployee(sme, {QStringLiteral("Eve"), {}, Role::Admin, {}}).error().kind,
                 ErrorKind::Forbidden);
        // A contributor's reply never reaches the outbox by itself.
        auto draft = t.engine->submitReply(sme, conv, QStringLiteral("draft"));
        QVERIFY(draft.ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox_jobs")), qint64(0));
        QCOMPARE(t.engine->approveReply(sme, draft.value().replyDraftId).error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.engine->approveReply(Actor::employee(t.agent), draft.value().replyDraftId).error().kind,
                 ErrorKind::Forbidden);
        // Managers approve; a manager cannot make an admin, only an admin can.
        QCOMPARE(t.engine->addEmployee(Actor::employee(t.manager), {QStringLiteral("Eve"), {}, Role::Admin, {}})
                     .error()
                     .kind,
                 ErrorKind::Forbidden);
        QVERIFY(t.engine->addEmployee(Actor::employee(t.admin), {QStringLiteral("Eve"), {}, Role::Admin, {}}).ok());
        // Posts: a contributor drafts and submits, cannot approve.
        NewPost p;
        p.variants.push_back({t.account, QStringLiteral("hello")});
        const QString post = t.engine->createPost(sme, p).value();
        QVERIFY(t.engine->submitPost(sme, post).ok());
        QCOMPARE(t.engine->approvePost(sme, post).error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.engine->rejectPost(Actor::employee(t.manager), post, QString()).error().kind, ErrorKind::Invalid);
        QVERIFY(t.engine->rejectPost(Actor::employee(t.manager), post, QStringLiteral("tone")).ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT state FROM posts")), QStringLiteral("draft"));
        // Deactivated employees cannot act.
        QVERIFY(t.engine->setEmployeeActive(Actor::employee(t.admin), t.agent, false).ok());
        QCOMPARE(t.engine->addNote(Actor::employee(t.agent), conv, QStringLiteral("x")).error().kind,
                 ErrorKind::Forbidden);
    }

    void approvalQueuesTheAuthorsReplyWithAnIdempotencyKey()
    {
        TestWorkspace t;
        const QString conv
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hi"), t.clock.nowMs());
        auto draft = t.engine->submitReply(Actor::employee(t.sme), conv, QStringLiteral("Our API does that"));
        QVERIFY(draft.ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM reply_drafts WHERE state = 'in_review'")), qint64(1));
        auto job = t.engine->approveReply(Actor::employee(t.manager), draft.value().replyDraftId,
                                          QStringLiteral("Our API does that, see the docs."));
        QVERIFY(job.ok());
        auto st = t.db().prepare(QStringLiteral("SELECT created_by, text, idempotency_key, state, "
                                                "in_reply_to_remote_id, reply_draft_id FROM outbox_jobs WHERE id = ?"));
        st.value().bind(1, job.value());
        QVERIFY(st.value().next());
        QCOMPARE(st.value().text(0), t.sme); // the reply stays the author's
        QCOMPARE(st.value().text(1), QStringLiteral("Our API does that, see the docs."));
        QCOMPARE(st.value().text(2).size(), 36);
        QCOMPARE(st.value().text(3), QStringLiteral("pending"));
        QCOMPARE(st.value().text(4), QStringLiteral("r1"));
        QCOMPARE(st.value().text(5), draft.value().replyDraftId);
        const LastEvent e = lastEvent(t.db());
        QCOMPARE(e.details.value(QStringLiteral("edited")).toBool(), true);
        QCOMPARE(e.details.value(QStringLiteral("author_id")).toString(), t.sme);
        // Approving twice is a conflict, not a second job.
        QCOMPARE(t.engine->approveReply(Actor::employee(t.manager), draft.value().replyDraftId).error().kind,
                 ErrorKind::Conflict);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM outbox_jobs")), qint64(1));
    }

    void completingAJobRecordsTheFirstResponse()
    {
        TestWorkspace t;
        const qint64 start = t.clock.nowMs();
        const QString conv = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("hi"), start);
        auto r = t.engine->submitReply(Actor::employee(t.agent), conv, QStringLiteral("hello"));
        t.clock.advance(90'000);
        QVERIFY(t.engine->completeOutboxJob(r.value().outboxJobId, QStringLiteral("remote-9"), 0).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT first_response_secs FROM conversations")), qint64(90));
        QCOMPARE(lastEvent(t.db()).action, QStringLiteral("published"));
        QCOMPARE(lastEvent(t.db()).actorKind, QStringLiteral("system"));
        const qint64 before = t.events();
        QVERIFY(t.engine->completeOutboxJob(r.value().outboxJobId, QStringLiteral("remote-9"), 0).ok());
        QCOMPARE(t.events(), before); // reporting the same outcome twice changes nothing
    }

    void firstAdminOnlyOnce()
    {
        TestWorkspace t;
        QCOMPARE(t.engine->createFirstAdmin(QStringLiteral("Another")).error().kind, ErrorKind::Conflict);
    }

    // The inbox's view counts are kept by triggers; after any mix of changes they equal a recount.
    void viewCountsFollowEveryChange()
    {
        TestWorkspace t;
        const Actor admin = Actor::employee(t.admin);
        auto recount = [&t] {
            QStringList out;
            auto st = t.db().prepare(QStringLiteral(
                "SELECT account_id || '|' || status || '|' || coalesce(assignee_id, '') || '|' || spam || '=' || "
                "count(*) FROM conversations GROUP BY account_id, status, coalesce(assignee_id, ''), spam ORDER BY 1"));
            while (st.value().next()) {
                out << st.value().text(0);
            }
            auto tags = t.db().prepare(QStringLiteral(
                "SELECT t.tag || ':' || sum((c.status = 'open' OR c.status = 'pending') AND c.spam = 0) || '/' || "
                "count(*) FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id GROUP BY t.tag "
                "ORDER BY 1"));
            while (tags.value().next()) {
                out << tags.value().text(0);
            }
            return out;
        };
        auto kept = [&t] {
            QStringList out;
            auto st = t.db().prepare(
                QStringLiteral("SELECT account_id || '|' || status || '|' || assignee_id || '|' || spam || '=' || n "
                               "FROM conversation_counts WHERE n != 0 ORDER BY 1"));
            while (st.value().next()) {
                out << st.value().text(0);
            }
            auto tags = t.db().prepare(QStringLiteral(
                "SELECT tag || ':' || open_n || '/' || uses FROM tag_counts WHERE uses != 0 ORDER BY 1"));
            while (tags.value().next()) {
                out << tags.value().text(0);
            }
            return out;
        };
        QStringList ids;
        for (int i = 0; i < 6; ++i) {
            ids << t.conversationFor(QStringLiteral("r%1").arg(i), QStringLiteral("t%1").arg(i),
                                     QStringLiteral("help %1").arg(i), t.clock.nowMs() + i);
        }
        QCOMPARE(kept(), recount());
        QVERIFY(t.engine->assign(admin, ids[0], t.agent).ok());
        QVERIFY(t.engine->addTag(admin, ids[0], QStringLiteral("billing")).ok());
        QVERIFY(t.engine->addTag(admin, ids[1], QStringLiteral("billing")).ok());
        QVERIFY(t.engine->addTag(admin, ids[2], QStringLiteral("bug")).ok());
        QCOMPARE(kept(), recount());
        QVERIFY(t.engine->setStatus(admin, ids[0], ConversationStatus::Resolved).ok());
        QVERIFY(t.engine->setStatus(admin, ids[1], ConversationStatus::Pending).ok());
        QVERIFY(t.engine->markSpam(admin, ids[2], true).ok());
        QVERIFY(t.engine->assign(admin, ids[3], t.manager).ok());
        QVERIFY(t.engine->assign(admin, ids[3], {}).ok());
        QCOMPARE(kept(), recount());
        QVERIFY(t.engine->removeTag(admin, ids[1], QStringLiteral("billing")).ok());
        QVERIFY(t.engine->addTag(admin, ids[0], QStringLiteral("vip")).ok()); // on a resolved conversation
        QVERIFY(t.engine->markSpam(admin, ids[2], false).ok());
        QCOMPARE(kept(), recount());
        // A customer writing again reopens the resolved conversation (the ingest path).
        Ingestor ingestor(t.db(), t.clock, t.ids);
        QVERIFY(ingestor
                    .ingest({t.inbound(QStringLiteral("r0b"), QStringLiteral("t0"), QStringLiteral("again"),
                                       t.clock.nowMs() + 100)})
                    .ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT status FROM conversations WHERE id = '%1'").arg(ids[0])),
                 QStringLiteral("open"));
        QCOMPARE(kept(), recount());
        QCOMPARE(t.count(QStringLiteral("SELECT open_n FROM tag_counts WHERE tag = 'vip'")), qint64(1));
        // Removing the account with its data removes its conversations and their tags from the counts.
        QVERIFY(t.engine->removeAccount(admin, t.account, false).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversations")), qint64(0));
        QCOMPARE(kept(), QStringList());
    }

    // Time passing by itself: a snooze that ends reopens its conversation, and a first response that did not come
    // in time is recorded as an SLA breach, once, by the system.
    void timersWakeSnoozesAndRecordBreachesOnce()
    {
        TestWorkspace t; // the account promises a first response within 60 business minutes
        const Actor admin = Actor::employee(t.admin);
        const qint64 start = t.clock.nowMs(); // Thursday 2026-05-28, 20:26 UTC: due Friday morning
        const QString snoozed
            = t.conversationFor(QStringLiteral("r1"), QStringLiteral("t1"), QStringLiteral("later"), start);
        const QString late
            = t.conversationFor(QStringLiteral("r2"), QStringLiteral("t2"), QStringLiteral("hello?"), start);
        const QString answered
            = t.conversationFor(QStringLiteral("r3"), QStringLiteral("t3"), QStringLiteral("quick one"), start);
        const QString resolved
            = t.conversationFor(QStringLiteral("r4"), QStringLiteral("t4"), QStringLiteral("never mind"), start);
        QVERIFY(t.engine->setStatus(admin, snoozed, ConversationStatus::Snoozed, start + 30 * 60'000).ok());
        QVERIFY(t.engine->setStatus(admin, resolved, ConversationStatus::Resolved).ok());
        QVERIFY(t.db()
                    .exec(QStringLiteral("UPDATE conversations SET first_response_at = %1 WHERE id = '%2'")
                              .arg(start + 60'000)
                              .arg(answered))
                    .ok());
        auto events = [&t](const QString &action) {
            return t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = '%1' AND actor_kind = 'system'")
                               .arg(action));
        };

        auto r = t.engine->runTimers();
        QVERIFY(r.ok());
        QCOMPARE(r.value().woken, 0);
        QCOMPARE(r.value().breached, 0);

        t.clock.advance(31 * 60'000); // the snooze is over, the SLA not yet
        r = t.engine->runTimers();
        QCOMPARE(r.value().woken, 1);
        QCOMPARE(r.value().breached, 0);
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT status FROM conversations WHERE id = '%1'").arg(snoozed)),
                 QStringLiteral("open"));
        QCOMPARE(events(QStringLiteral("status_changed")), qint64(1));

        // Past due (the evening's messages are due next business morning) for those still waiting for an answer.
        t.clock.advance(16 * 3600'000);
        r = t.engine->runTimers();
        QCOMPARE(r.value().woken, 0);
        QCOMPARE(r.value().breached, 2); // `late` and the woken one; not the answered nor the resolved one
        QCOMPARE(events(QStringLiteral("sla_breached")), qint64(2));
        QCOMPARE(
            t.count(QStringLiteral("SELECT sla_breached_at = sla_due_at FROM conversations WHERE id = '%1'").arg(late)),
            qint64(1));
        r = t.engine->runTimers(); // once only
        QCOMPARE(r.value().breached, 0);
        QCOMPARE(events(QStringLiteral("sla_breached")), qint64(2));
    }

    void savedViewsBelongToTheirOwner()
    {
        TestWorkspace t;
        const Actor sme = Actor::employee(t.sme);
        auto id = t.engine->saveView(sme, QStringLiteral("  My refunds "), QStringLiteral("refund  is:open"));
        QVERIFY(id.ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT name || '|' || query || '|' || owner_id FROM saved_views")),
                 QStringLiteral("My refunds|refund is:open|") + t.sme);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'view_saved' AND actor_id = '%1'")
                             .arg(t.sme)),
                 qint64(1));
        QVERIFY(!t.engine->saveView(sme, QStringLiteral("Empty"), QStringLiteral("   ")).ok());
        QVERIFY(!t.engine->saveView(sme, QString(), QStringLiteral("refund")).ok());
        // Someone else's view is not theirs to remove; the owner removes it, with one event.
        const qint64 before = t.events();
        QCOMPARE(t.engine->removeView(Actor::employee(t.agent), id.value()).error().kind, ErrorKind::Forbidden);
        QCOMPARE(t.events(), before);
        QVERIFY(t.engine->removeView(sme, id.value()).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM saved_views")), qint64(0));
        QCOMPARE(t.events(), before + 1);
        QCOMPARE(t.engine->removeView(sme, id.value()).error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
