#include "TestWorkspace.h"
#include "core/BusinessHours.h"
#include "engine/CannedReplies.h"
#include "engine/Mentions.h"
#include "engine/Notifications.h"
#include "engine/Routing.h"
#include "store/WorkspaceSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sb;

// Canned replies with variables, @mentions in notes, and what the employee is notified of.
class TestTriage : public QObject {
    Q_OBJECT
private slots:
    void cannedRepliesFillTheirVariables()
    {
        CannedVariables v;
        v.firstName = QStringLiteral("Anna");
        v.name = QStringLiteral("Anna Berg");
        v.handle = QStringLiteral("@anna@shoes.example");
        v.agent = QStringLiteral("Carl Community");
        v.agentFirstName = QStringLiteral("Carl");
        v.account = QStringLiteral("@brand@example.social");
        const ExpandedReply r = expandCannedReply(
            QStringLiteral("Hi {first_name} ({handle}), {Agent_First_Name} here for {account}. {{literal} {nope} "
                           "{agent}, {name}. {unclosed"),
            v);
        QCOMPARE(r.text,
                 QStringLiteral("Hi Anna (@anna@shoes.example), Carl here for @brand@example.social. "
                                "{literal} {nope} Carl Community, Anna Berg. {unclosed"));
        QCOMPARE(r.unknown, QStringList {QStringLiteral("{nope}")});
        QCOMPARE(expandCannedReply(QStringLiteral("no variables"), v).text, QStringLiteral("no variables"));
    }

    void cannedVariablesComeFromTheConversation()
    {
        TestWorkspace t;
        const QString conv
            = t.conversationFor(QStringLiteral("m1"), QStringLiteral("t1"), QStringLiteral("hi"), t.clock.nowMs());
        const auto v = cannedVariables(t.db(), conv, t.agent);
        QVERIFY(v.ok());
        QCOMPARE(v.value().firstName, QStringLiteral("User")); // display name "User u1"
        QCOMPARE(v.value().name, QStringLiteral("User u1"));
        QCOMPARE(v.value().handle, QStringLiteral("@u1@remote.example"));
        QCOMPARE(v.value().agent, QStringLiteral("Carl Community"));
        QCOMPARE(v.value().agentFirstName, QStringLiteral("Carl"));
        QCOMPARE(v.value().account, QStringLiteral("@brand@example.social"));
        // Without a display name, the handle's user part is the first name.
        QVERIFY(t.db().exec(QStringLiteral("UPDATE contacts SET display_name = NULL")).ok());
        QCOMPARE(cannedVariables(t.db(), conv, t.agent).value().firstName, QStringLiteral("u1"));
        QVERIFY(!cannedVariables(t.db(), QStringLiteral("missing"), t.agent).ok());
    }

    void cannedRepliesAreKeptWithEvents()
    {
        TestWorkspace t;
        const auto id = t.engine->saveCannedReply(Actor::employee(t.agent), {}, QStringLiteral("  Where is  it "),
                                                  QStringLiteral("Hi {first_name}!"));
        QVERIFY(id.ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT title FROM canned_replies")), QStringLiteral("Where is it"));
        QVERIFY(t.engine
                    ->saveCannedReply(Actor::employee(t.agent), id.value(), QStringLiteral("Where is it"),
                                      QStringLiteral("Hello {first_name}!"))
                    .ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT body FROM canned_replies")),
                 QStringLiteral("Hello {first_name}!"));
        // A contributor uses canned replies but does not write them; empty ones are refused.
        QVERIFY(!t.engine->saveCannedReply(Actor::employee(t.sme), {}, QStringLiteral("x"), QStringLiteral("y")).ok());
        QVERIFY(
            !t.engine->saveCannedReply(Actor::employee(t.agent), {}, QStringLiteral("x"), QStringLiteral(" ")).ok());
        QVERIFY(!t.engine
                     ->saveCannedReply(Actor::employee(t.agent), QStringLiteral("nope"), QStringLiteral("x"),
                                       QStringLiteral("y"))
                     .ok());
        QVERIFY(t.engine->removeCannedReply(Actor::employee(t.manager), id.value()).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM canned_replies")), qint64(0));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE subject_type = 'canned_reply'")), qint64(3));
    }

    void mentionsNameColleagues()
    {
        TestWorkspace t;
        const Actor admin = Actor::employee(t.admin);
        // Two Mias: "@mia" is ambiguous, the full name is not.
        const QString mia2
            = t.engine->addEmployee(admin, {QStringLiteral("Mia Müller"), {}, Role::CommunityManager, {}}).value();
        const QString sean
            = t.engine->addEmployee(admin, {QStringLiteral("Seán O'Brien"), {}, Role::Contributor, {}}).value();
        QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("@mia can you look?")), QStringList());
        QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("@Mia.Manager and @mia_müller, also @MiaManager.")),
                 QStringList({t.manager, mia2}));
        QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("thanks @carl.")), QStringList {t.agent});
        QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("mail carl@x.org, customer @carl@remote.example")),
                 QStringList());
        QCOMPARE(mentionFor(t.db(), t.agent), QStringLiteral("@Carl"));
        QCOMPARE(mentionFor(t.db(), t.manager), QStringLiteral("@Mia.Manager"));
        QCOMPARE(mentionFor(t.db(), sean), QStringLiteral("@Seán"));
        // Whatever mentionFor writes, mentionedEmployees reads back as exactly that person.
        for (const QString &id : {t.admin, t.manager, t.agent, t.sme, mia2, sean}) {
            QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("see ") + mentionFor(t.db(), id) + QStringLiteral(".")),
                     QStringList {id});
        }
        // A deactivated colleague is not mentioned.
        QVERIFY(t.engine->setEmployeeActive(admin, t.agent, false).ok());
        QCOMPARE(mentionedEmployees(t.db(), QStringLiteral("@carl")), QStringList());
    }

    void notificationsForAssignmentsAndMentions()
    {
        TestWorkspace t;
        const QString conv = t.conversationFor(QStringLiteral("m1"), QStringLiteral("t1"),
                                               QStringLiteral("my parcel is lost"), t.clock.nowMs());
        const qint64 start = latestEventSeq(t.db());
        QVERIFY(t.engine->assign(Actor::employee(t.manager), conv, t.agent).ok()); // for Carl
        QVERIFY(t.engine->assign(Actor::employee(t.agent), conv, t.agent).ok()); // no change: no event
        const auto note = t.engine->addNote(Actor::employee(t.manager), conv, QStringLiteral("@carl please check"));
        QVERIFY(note.ok());
        QVERIFY(t.engine->addNote(Actor::employee(t.agent), conv, QStringLiteral("note to self @carl")).ok());
        QVERIFY(t.engine->addNote(Actor::employee(t.agent), conv, QStringLiteral("@mia.manager done")).ok());
        const QString details
            = t.db().scalarText(QStringLiteral("SELECT details FROM events WHERE subject_id = '%1'").arg(note.value()));
        QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value(QStringLiteral("mentions")).toArray(),
                 QJsonArray {t.agent});

        auto forCarl = notificationsSince(t.db(), t.agent, start);
        QVERIFY(forCarl.ok());
        QCOMPARE(forCarl.value().size(), size_t(2));
        QCOMPARE(forCarl.value()[0].kind, Notification::Kind::Assigned);
        QCOMPARE(forCarl.value()[0].by, QStringLiteral("Mia Manager"));
        QCOMPARE(forCarl.value()[0].customer, QStringLiteral("User u1"));
        QCOMPARE(forCarl.value()[0].text, QStringLiteral("my parcel is lost"));
        QCOMPARE(forCarl.value()[1].kind, Notification::Kind::Mentioned);
        QCOMPARE(forCarl.value()[1].text, QStringLiteral("@carl please check"));
        QCOMPARE(forCarl.value()[1].conversationId, conv);
        // Only what came after the last one seen.
        QCOMPARE(notificationsSince(t.db(), t.agent, forCarl.value()[1].seq).value().size(), size_t(0));
        QCOMPARE(notificationsSince(t.db(), t.manager, start).value().size(), size_t(1));

        // A routing rule's assignment is announced too, naming the rule.
        RoutingRule rule;
        rule.name = QStringLiteral("Everything to Sam");
        rule.assigneeId = t.sme;
        QVERIFY(t.engine->addRule(Actor::employee(t.admin), rule).ok());
        const qint64 before = latestEventSeq(t.db());
        t.conversationFor(QStringLiteral("m2"), QStringLiteral("t2"), QStringLiteral("hello"), t.clock.nowMs());
        const auto forSam = notificationsSince(t.db(), t.sme, before);
        QCOMPARE(forSam.value().size(), size_t(1));
        QCOMPARE(forSam.value()[0].by, QStringLiteral("Everything to Sam"));
    }

    void accountPromiseSetsNewDueTimes()
    {
        TestWorkspace t;
        const Actor manager = Actor::employee(t.manager);
        QVERIFY(!t.engine->setAccountSla(Actor::employee(t.agent), t.account, 30).ok()); // managers only
        QVERIFY(!t.engine->setAccountSla(manager, t.account, 1).ok());
        QVERIFY(!t.engine->setAccountSla(manager, QStringLiteral("nope"), 30).ok());
        const qint64 at = t.clock.nowMs();
        const QString before = t.conversationFor(QStringLiteral("m1"), QStringLiteral("t1"), QStringLiteral("a"), at);
        const qint64 dueBefore
            = t.count(QStringLiteral("SELECT sla_due_at FROM conversations WHERE id = '%1'").arg(before));
        QVERIFY(t.engine->setAccountSla(manager, t.account, 120).ok());
        QVERIFY(t.engine->setAccountSla(manager, t.account, 120).ok()); // no change, no event
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE action = 'account_sla_changed'")),
                 qint64(1));
        const QString after = t.conversationFor(QStringLiteral("m2"), QStringLiteral("t2"), QStringLiteral("b"), at);
        const BusinessHours hours = WorkspaceSettings::businessHours(t.db());
        QCOMPARE(t.count(QStringLiteral("SELECT sla_due_at FROM conversations WHERE id = '%1'").arg(after)),
                 hours.addBusinessMinutes(at, 120));
        QCOMPARE(t.count(QStringLiteral("SELECT sla_due_at FROM conversations WHERE id = '%1'").arg(before)),
                 dueBefore); // the promise made to the first customer stands
        QCOMPARE(dueBefore, hours.addBusinessMinutes(at, 60));
    }

    // Publishing is announced too: the author (and the reviewer) when a post is out; a failed or missed post to its
    // author and to everyone who may publish, who can act on it; never to a contributor who has nothing to do with it.
    void publishingNotifications()
    {
        TestWorkspace t;
        const Actor agent = Actor::employee(t.agent);
        const Actor manager = Actor::employee(t.manager);
        auto scheduled = [&](qint64 inMs, const QString &text) {
            NewPost post;
            post.scheduledAtMs = t.clock.nowMs() + inMs;
            post.variants = {{t.account, text}};
            const QString id = t.engine->createPost(agent, post).value();
            if (!t.engine->submitPost(agent, id).ok() || !t.engine->approvePost(manager, id).ok()) {
                qFatal("cannot schedule");
            }
            return id;
        };
        const qint64 start = latestEventSeq(t.db());
        const QString out = scheduled(0, QStringLiteral("Launch day"));
        const QString broken = scheduled(0, QStringLiteral("Too long"));
        QVERIFY(t.engine->enqueueDuePosts(60'000).ok());
        auto jobOf = [&](const QString &post) {
            return t.db().scalarText(QStringLiteral("SELECT j.id FROM outbox_jobs j JOIN post_variants v ON v.id = "
                                                    "j.variant_id WHERE v.post_id = '%1'")
                                         .arg(post));
        };
        const QString variant
            = t.db().scalarText(QStringLiteral("SELECT id FROM post_variants WHERE post_id = '%1'").arg(out));
        QVERIFY(t.engine->markVariantPublished(variant, QStringLiteral("r1"), {}).ok());
        QVERIFY(t.engine->completeOutboxJob(jobOf(out), QStringLiteral("r1"), 0).ok());
        QVERIFY(t.engine->failOutboxJob(jobOf(broken), QStringLiteral("422 Text is too long")).ok());
        const QString late = scheduled(10 * 60'000, QStringLiteral("Webinar reminder"));
        t.clock.advance(3 * 3'600'000);
        QVERIFY(t.engine->enqueueDuePosts(60 * 60'000).ok());

        const auto forAuthor = notificationsSince(t.db(), t.agent, start);
        QVERIFY(forAuthor.ok());
        QCOMPARE(forAuthor.value().size(), size_t(3));
        QCOMPARE(forAuthor.value()[0].kind, Notification::Kind::PostPublished);
        QCOMPARE(forAuthor.value()[0].postId, out);
        QCOMPARE(forAuthor.value()[0].text, QStringLiteral("Launch day"));
        QCOMPARE(forAuthor.value()[1].kind, Notification::Kind::PostFailed);
        QCOMPARE(forAuthor.value()[1].detail, QStringLiteral("422 Text is too long"));
        QCOMPARE(forAuthor.value()[2].kind, Notification::Kind::PostMissed);
        QCOMPARE(forAuthor.value()[2].postId, late);
        // The reviewer hears of the post going out, and of the failure and the miss (she may publish).
        QCOMPARE(notificationsSince(t.db(), t.manager, start).value().size(), size_t(3));
        // The admin may publish too: the failure and the miss, not someone else's post going out.
        QCOMPARE(notificationsSince(t.db(), t.admin, start).value().size(), size_t(2));
        // A contributor with nothing to do with these posts hears nothing.
        QCOMPARE(notificationsSince(t.db(), t.sme, start).value().size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
