#include "TestWorkspace.h"
#include "engine/Routing.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sb;

namespace {

RoutedMessage message(const QString &text, const QString &lang = QStringLiteral("en"),
                      const QString &author = QStringLiteral("@anna@shoes.example"),
                      const QString &kind = QStringLiteral("mention"), const QString &account = QStringLiteral("acc"))
{
    return {account, kind, text, lang, author};
}

RoutingRule ruleWith(const QString &name)
{
    RoutingRule rule;
    rule.name = name;
    return rule;
}

} // namespace

class TestRouting : public QObject {
    Q_OBJECT
private slots:
    void conditionsMatchAsDocumented()
    {
        RoutingRule rule = ruleWith(QStringLiteral("refunds"));
        rule.keywords = {QStringLiteral("refund"), QStringLiteral("money back")};
        QVERIFY(ruleMatches(rule, message(QStringLiteral("I want a REFUND now"))));
        QVERIFY(ruleMatches(rule, message(QStringLiteral("Can I get my money  back?").simplified())));
        QVERIFY(!ruleMatches(rule, message(QStringLiteral("refunded already, thanks")))); // whole words only
        QVERIFY(!ruleMatches(rule, message(QStringLiteral("nothing to see"))));

        RoutingRule accents = ruleWith(QStringLiteral("accents"));
        accents.keywords = {QStringLiteral("Rückgabe")};
        QVERIFY(ruleMatches(accents, message(QStringLiteral("Wie geht die ruckgabe?"))));
        QVERIFY(ruleMatches(accents, message(QStringLiteral("RÜCKGABE bitte"))));

        RoutingRule language = ruleWith(QStringLiteral("german"));
        language.language = QStringLiteral("de");
        QVERIFY(ruleMatches(language, message(QStringLiteral("x"), QStringLiteral("de"))));
        QVERIFY(ruleMatches(language, message(QStringLiteral("x"), QStringLiteral("de-AT"))));
        QVERIFY(!ruleMatches(language, message(QStringLiteral("x"), QStringLiteral("den"))));
        QVERIFY(!ruleMatches(language, message(QStringLiteral("x"), QStringLiteral("en"))));

        RoutingRule author = ruleWith(QStringLiteral("vip"));
        author.author = QStringLiteral("@Anna");
        QVERIFY(ruleMatches(author, message(QStringLiteral("x"))));
        QVERIFY(ruleMatches(author, message(QStringLiteral("x"), {}, QStringLiteral("anna.bsky.social"))));
        QVERIFY(!ruleMatches(author, message(QStringLiteral("x"), {}, QStringLiteral("@annabel@shoes.example"))));

        RoutingRule kind = ruleWith(QStringLiteral("dms"));
        kind.kind = QStringLiteral("dm");
        kind.accountId = QStringLiteral("acc");
        QVERIFY(ruleMatches(kind, message(QStringLiteral("x"), {}, {}, QStringLiteral("dm"))));
        QVERIFY(!ruleMatches(kind, message(QStringLiteral("x"), {}, {}, QStringLiteral("mention"))));
        QVERIFY(
            !ruleMatches(kind, message(QStringLiteral("x"), {}, {}, QStringLiteral("dm"), QStringLiteral("other"))));

        kind.enabled = false;
        QVERIFY(!ruleMatches(kind, message(QStringLiteral("x"), {}, {}, QStringLiteral("dm"))));
    }

    void rulesRouteNewMessagesAtIngestAsEvents()
    {
        TestWorkspace t;
        const Actor manager = Actor::employee(t.manager);
        const QString billing = t.engine->addTeam(Actor::employee(t.admin), QStringLiteral("Billing")).value();

        RoutingRule refunds = ruleWith(QStringLiteral("Refunds to billing"));
        refunds.keywords = {QStringLiteral("refund")};
        refunds.teamId = billing;
        refunds.assigneeId = t.agent;
        refunds.tags = {QStringLiteral("Refund"), QStringLiteral("billing")};
        refunds.priority = 2;
        const auto refundsId = t.engine->addRule(manager, refunds);
        QVERIFY2(refundsId.ok(), qPrintable(refundsId.ok() ? QString() : refundsId.error().message));

        RoutingRule german = ruleWith(QStringLiteral("German to Sam"));
        german.language = QStringLiteral("de");
        german.assigneeId = t.sme;
        german.priority = 1;
        const QString germanId = t.engine->addRule(manager, german).value();

        // A contributor cannot change rules; a rule without an action is refused.
        QVERIFY(!t.engine->addRule(Actor::employee(t.sme), refunds).ok());
        QVERIFY(!t.engine->addRule(manager, ruleWith(QStringLiteral("does nothing"))).ok());

        Ingestor ingestor(t.db(), t.clock, t.ids);
        const qint64 at = t.clock.nowMs();
        IncomingItem refundDe
            = t.inbound(QStringLiteral("m1"), QStringLiteral("t1"), QStringLiteral("Ich möchte eine Refund bitte"), at);
        refundDe.lang = QStringLiteral("de");
        IncomingItem plain = t.inbound(QStringLiteral("m2"), QStringLiteral("t2"), QStringLiteral("hello"), at + 1);
        IncomingItem outbound = t.inbound(QStringLiteral("m3"), QStringLiteral("t3"), QStringLiteral("refund"), at + 2);
        outbound.outbound = true;
        QVERIFY(ingestor.ingest({refundDe, plain, outbound}).ok());

        // The first rule assigns (to Carl), the second cannot take the assignment away but raises nothing lower.
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT assignee_id FROM conversations WHERE thread_key = 't1'")),
                 t.agent);
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT team_id FROM conversations WHERE thread_key = 't1'")),
                 billing);
        QCOMPARE(t.count(QStringLiteral("SELECT priority FROM conversations WHERE thread_key = 't1'")), qint64(2));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT group_concat(tag, ',') FROM (SELECT tag FROM "
                                                  "conversation_tags ORDER BY tag)")),
                 QStringLiteral("billing,refund"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversations WHERE thread_key = 't2' AND "
                                        "assignee_id IS NULL AND priority = 0")),
                 qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversations WHERE thread_key = 't3' AND "
                                        "assignee_id IS NULL")),
                 qint64(1));

        // Every automatic change is one event by the rule that made it.
        auto events = t.db().prepare(
            QStringLiteral("SELECT actor_id, action FROM events WHERE actor_kind = 'rule' ORDER BY seq"));
        QVERIFY(events.ok());
        QStringList seen;
        while (events.value().next()) {
            seen << (events.value().text(0) == refundsId.value() ? QStringLiteral("refunds:")
                                                                 : QStringLiteral("german:"))
                    + events.value().text(1);
        }
        QCOMPARE(seen,
                 QStringList({QStringLiteral("refunds:team_assigned"), QStringLiteral("refunds:assigned"),
                              QStringLiteral("refunds:tagged"), QStringLiteral("refunds:tagged"),
                              QStringLiteral("refunds:priority_changed")}));
        Q_UNUSED(germanId)

        // A person's assignment stands: a later German message in an unassigned conversation goes to Sam, but
        // not in one somebody took.
        const QString t2 = t.db().scalarText(QStringLiteral("SELECT id FROM conversations WHERE thread_key = 't2'"));
        QVERIFY(t.engine->assign(Actor::employee(t.agent), t2, t.manager).ok());
        IncomingItem laterDe = t.inbound(QStringLiteral("m4"), QStringLiteral("t2"), QStringLiteral("hallo"), at + 5);
        laterDe.lang = QStringLiteral("de-DE");
        IncomingItem newDe = t.inbound(QStringLiteral("m5"), QStringLiteral("t5"), QStringLiteral("hallo"), at + 6);
        newDe.lang = QStringLiteral("de");
        QVERIFY(ingestor.ingest({laterDe, newDe}).ok());
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT assignee_id FROM conversations WHERE thread_key = 't2'")),
                 t.manager);
        QCOMPARE(t.count(QStringLiteral("SELECT priority FROM conversations WHERE thread_key = 't2'")), qint64(1));
        QCOMPARE(t.db().scalarText(QStringLiteral("SELECT assignee_id FROM conversations WHERE thread_key = 't5'")),
                 t.sme);

        // Re-ingesting an item (an edit on the server) routes nothing again.
        const qint64 ruleEvents = t.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_kind = 'rule'"));
        refundDe.text = QStringLiteral("Ich möchte eine Refund bitte (edit)");
        QVERIFY(ingestor.ingest({refundDe}).ok());
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_kind = 'rule'")), ruleEvents);
    }

    void aRuleThatCannotActNeverStopsIngest()
    {
        TestWorkspace t;
        RoutingRule rule = ruleWith(QStringLiteral("to Carl"));
        rule.assigneeId = t.agent;
        rule.tags = {QStringLiteral("seen")};
        QVERIFY(t.engine->addRule(Actor::employee(t.admin), rule).ok());
        QVERIFY(t.engine->setEmployeeActive(Actor::employee(t.admin), t.agent, false).ok());
        Ingestor ingestor(t.db(), t.clock, t.ids);
        const auto r = ingestor.ingest(
            {t.inbound(QStringLiteral("m1"), QStringLiteral("t1"), QStringLiteral("hi"), t.clock.nowMs())});
        QVERIFY(r.ok());
        QCOMPARE(r.value().inserted, 1);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversations WHERE assignee_id IS NULL")), qint64(1));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM conversation_tags WHERE tag = 'seen'")), qint64(1));
    }

    void rulesAreEditedAndRemovedWithEvents()
    {
        TestWorkspace t;
        const Actor admin = Actor::employee(t.admin);
        RoutingRule rule = ruleWith(QStringLiteral("urgent words"));
        rule.keywords = {QStringLiteral("lawyer")};
        rule.priority = 3;
        const QString id = t.engine->addRule(admin, rule).value();
        auto rules = loadRoutingRules(t.db(), false);
        QVERIFY(rules.ok());
        QCOMPARE(rules.value().size(), size_t(1));
        QCOMPARE(rules.value().front().keywords, QStringList {QStringLiteral("lawyer")});
        QCOMPARE(rules.value().front().priority, std::optional<int>(3));

        rule.id = id;
        rule.enabled = false;
        rule.kind = QStringLiteral("nonsense");
        QVERIFY(!t.engine->updateRule(admin, rule).ok());
        rule.kind = QStringLiteral("dm");
        QVERIFY(t.engine->updateRule(admin, rule).ok());
        QCOMPARE(loadRoutingRules(t.db(), true).value().size(), size_t(0));
        QCOMPARE(loadRoutingRules(t.db(), false).value().front().kind, QStringLiteral("dm"));

        QVERIFY(t.engine->removeRule(admin, id).ok());
        QVERIFY(!t.engine->removeRule(admin, id).ok());
        const QString details = t.db().scalarText(
            QStringLiteral("SELECT details FROM events WHERE action = 'rule_removed' AND subject_id = '%1'").arg(id));
        QCOMPARE(QJsonDocument::fromJson(details.toUtf8()).object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("urgent words"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM events WHERE subject_type = 'routing_rule'")), qint64(3));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
