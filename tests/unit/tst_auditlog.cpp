#include "TestWorkspace.h"
#include "engine/AuditLog.h"
#include "engine/Routing.h"

#include <QBuffer>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace sb;

namespace {

constexpr qint64 kMinute = 60000;

// The fixture's roster and account, then, a minute apart from t0: a rule assigns a conversation to Carl, Mia
// assigns another to Carl, Carl tags the first "refund", Mia raises the second's priority, Carl tags it "vip",
// Mia hands the first to Sam.
struct AuditWorkspace : TestWorkspace {
    qint64 t0 = 0;
    QString rule, c1, c2;

    AuditWorkspace()
    {
        RoutingRule r;
        r.name = QStringLiteral("Legal desk");
        r.keywords = {QStringLiteral("lawyer")};
        r.assigneeId = agent;
        rule = engine->addRule(Actor::employee(admin), r).value();
        t0 = clock.nowMs();
        clock.setMs(t0 + kMinute);
        c1 = conversationFor(QStringLiteral("m1"), QStringLiteral("t1"), QStringLiteral("my lawyer says hi"),
                             clock.nowMs());
        c2 = conversationFor(QStringLiteral("m2"), QStringLiteral("t2"), QStringLiteral("where is my parcel"),
                             clock.nowMs());
        step(2);
        QVERIFY(engine->assign(Actor::employee(manager), c2, agent).ok());
        step(3);
        QVERIFY(engine->addTag(Actor::employee(agent), c1, QStringLiteral("refund")).ok());
        step(4);
        QVERIFY(engine->setPriority(Actor::employee(manager), c2, 3).ok());
        step(5);
        QVERIFY(engine->addTag(Actor::employee(agent), c2, QStringLiteral("vip")).ok());
        step(6);
        QVERIFY(engine->assign(Actor::employee(manager), c1, sme).ok());
    }

    void step(int minutes) { clock.setMs(t0 + minutes * kMinute); }

    std::vector<AuditEntry> log(const AuditFilter &filter)
    {
        auto r = auditLog(db(), filter);
        if (!r.ok()) {
            qWarning("auditLog failed: %s", qPrintable(r.error().message));
            return {};
        }
        return std::move(r).value();
    }

    QStringList actions(const AuditFilter &filter)
    {
        QStringList out;
        for (const AuditEntry &e : log(filter)) {
            out.append(e.action);
        }
        return out;
    }
};

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private slots:
    void newestFirstWithActorNames()
    {
        AuditWorkspace t;
        const auto all = t.log({});
        QCOMPARE(qint64(all.size()), t.events());
        for (size_t i = 1; i < all.size(); ++i) {
            QVERIFY(all[i - 1].seq > all[i].seq);
        }
        QCOMPARE(all.front().action, QStringLiteral("assigned"));
        QCOMPARE(all.front().actorName, QStringLiteral("Mia Manager"));
        QCOMPARE(all.front().subjectName, QStringLiteral("User u1")); // the conversation's customer
        QCOMPARE(auditDetailsSummary(all.front(), auditNames(t.db())),
                 QStringLiteral("from Carl Community to Sam Expert"));

        const auto byRule = std::find_if(all.begin(), all.end(),
                                         [](const AuditEntry &e) { return e.actorKind == QLatin1String("rule"); });
        QVERIFY(byRule != all.end());
        QCOMPARE(byRule->actorName, QStringLiteral("Legal desk"));
        QCOMPARE(byRule->action, QStringLiteral("assigned"));
        QCOMPARE(all.back().actorKind, QStringLiteral("system")); // the first admin made herself
        QCOMPARE(all.back().actorName, QStringLiteral("System"));
        QCOMPARE(all.back().subjectName, QStringLiteral("Ada Admin"));
    }

    void eachFilterExcludesWhatItShould()
    {
        AuditWorkspace t;
        const qint64 total = t.events();

        AuditFilter byMia;
        byMia.employeeId = t.manager;
        const auto mia = t.log(byMia);
        QCOMPARE(qint64(mia.size()),
                 t.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_id = '%1'").arg(t.manager)));
        QCOMPARE(mia.size(), size_t(3));
        QVERIFY(qint64(mia.size()) < total);
        for (const AuditEntry &e : mia) {
            QCOMPARE(e.actorId, t.manager);
        }

        AuditFilter tagged;
        tagged.action = QStringLiteral("tagged");
        QCOMPARE(t.actions(tagged), QStringList({QStringLiteral("tagged"), QStringLiteral("tagged")}));
        tagged.employeeId = t.manager;
        QVERIFY(t.log(tagged).empty()); // Mia tagged nothing
        tagged.employeeId = t.agent;
        QCOMPARE(t.log(tagged).size(), size_t(2));

        AuditFilter range; // [t0+3, t0+5): Carl's first tag and Mia's priority, not Carl's second tag at t0+5
        range.fromMs = t.t0 + 3 * kMinute;
        range.toMs = t.t0 + 5 * kMinute;
        QCOMPARE(t.actions(range), QStringList({QStringLiteral("priority_changed"), QStringLiteral("tagged")}));
        range.fromMs.reset();
        QCOMPARE(qint64(t.log(range).size()),
                 t.count(QStringLiteral("SELECT count(*) FROM events WHERE at < %1").arg(t.t0 + 5 * kMinute)));
        range.toMs.reset();
        range.fromMs = t.t0 + 5 * kMinute;
        QCOMPARE(t.actions(range), QStringList({QStringLiteral("assigned"), QStringLiteral("tagged")}));

        AuditFilter employees;
        employees.subjectType = QStringLiteral("employee");
        QCOMPARE(t.actions(employees).size(), 4);
        QVERIFY(!t.actions(employees).contains(QStringLiteral("tagged")));

        AuditFilter text;
        text.text = QStringLiteral("REFUND"); // in the details, any case
        QCOMPARE(t.actions(text), QStringList({QStringLiteral("tagged")}));
        text.text = QStringLiteral("legal desk"); // the rule's own name, as a subject
        QCOMPARE(t.actions(text), QStringList({QStringLiteral("rule_added")}));
        text.text = QStringLiteral("%"); // a wildcard is a character like any other
        QVERIFY(t.log(text).empty());
    }

    void pagesFollowTheCursorWithoutGapsOrRepeats()
    {
        AuditWorkspace t;
        const auto all = t.log({});
        AuditFilter page;
        page.limit = 3;
        std::vector<qint64> seen;
        for (int guard = 0; guard < 100; ++guard) {
            const auto entries = t.log(page);
            QVERIFY(int(entries.size()) <= page.limit);
            for (const AuditEntry &e : entries) {
                seen.push_back(e.seq);
            }
            if (int(entries.size()) < page.limit) {
                break;
            }
            page.beforeSeq = entries.back().seq;
        }
        QCOMPARE(seen.size(), all.size());
        for (size_t i = 0; i < all.size(); ++i) {
            QCOMPARE(seen[i], all[i].seq);
        }

        AuditFilter mia;
        mia.employeeId = t.manager;
        mia.limit = 2;
        const auto first = t.log(mia);
        QCOMPARE(first.size(), size_t(2));
        mia.beforeSeq = first.back().seq;
        const auto second = t.log(mia);
        QCOMPARE(second.size(), size_t(1));
        QCOMPARE(second.front().action, QStringLiteral("assigned"));
        QVERIFY(second.front().seq < first.back().seq);
    }

    // Enough events that each equality filter is too broad for its index: the log is walked instead, with the
    // same answers.
    void broadFiltersWalkTheLog()
    {
        AuditWorkspace t;
        {
            Transaction tx(t.db());
            QVERIFY(tx.began().ok());
            Statement &ins = t.db().cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, "
                                           "subject_id, details) VALUES (?, ?, 'employee', ?, ?, 'conversation', ?, "
                                           "'{}')");
            for (int i = 0; i < 50000; ++i) {
                ins.bindAll(QStringLiteral("bulk-%1").arg(i), t.t0 + 10 * kMinute + i, i % 2 ? t.agent : t.manager,
                            i % 5 ? QStringLiteral("read") : QStringLiteral("tagged"), i % 2 ? t.c1 : t.c2);
                QVERIFY(ins.exec().ok());
            }
            QVERIFY(tx.commit().ok());
        }
        AuditFilter f;
        f.employeeId = t.agent;
        f.action = QStringLiteral("read");
        f.subjectType = QStringLiteral("conversation");
        f.limit = 5000;
        const qint64 expected = t.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_id = '%1' AND "
                                                       "action = 'read' AND subject_type = 'conversation'")
                                            .arg(t.agent));
        qint64 found = 0;
        for (;;) {
            const auto entries = t.log(f);
            for (const AuditEntry &e : entries) {
                QCOMPARE(e.actorId, t.agent);
                QCOMPARE(e.action, QStringLiteral("read"));
            }
            found += qint64(entries.size());
            if (int(entries.size()) < f.limit) {
                break;
            }
            f.beforeSeq = entries.back().seq;
        }
        QCOMPARE(found, expected);

        AuditFilter before; // with a time range Mia's events are few again: her index finds them under the bulk
        before.employeeId = t.manager;
        before.toMs = t.t0 + 10 * kMinute;
        QCOMPARE(
            t.actions(before),
            QStringList({QStringLiteral("assigned"), QStringLiteral("priority_changed"), QStringLiteral("assigned")}));
    }

    void distinctActionsAndCsv()
    {
        AuditWorkspace t;
        const QStringList actions = auditActions(t.db()).value();
        QVERIFY(actions.contains(QStringLiteral("tagged")));
        QVERIFY(actions.contains(QStringLiteral("rule_added")));
        QCOMPARE(actions.count(QStringLiteral("assigned")), 1);
        QStringList sorted = actions;
        sorted.sort();
        QCOMPARE(actions, sorted);
        QVERIFY(auditSubjectTypes(t.db()).value().contains(QStringLiteral("routing_rule")));
        QCOMPARE(auditActionLabel(QStringLiteral("priority_changed")), QStringLiteral("Priority changed"));
        QCOMPARE(auditActionLabel(QStringLiteral("something_new")), QStringLiteral("Something new"));

        AuditFilter tagged;
        tagged.action = QStringLiteral("tagged");
        tagged.limit = 1; // the export pages on by itself
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(exportAuditCsv(t.db(), tagged, QTimeZone::utc(), buffer).ok());
        const QStringList lines = QString::fromUtf8(buffer.data()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("time,actor,actor_kind,action,")));
        QVERIFY(lines[1].startsWith(QStringLiteral("2026-05-28T")));
        QVERIFY(lines[1].contains(QStringLiteral(",Carl Community,employee,tagged,conversation,")));
        QVERIFY(lines[1].contains(QStringLiteral("tag: vip")));
        QVERIFY(lines[1].endsWith(QStringLiteral("\"{\"\"tag\"\":\"\"vip\"\"}\"")));
        QVERIFY(lines[2].contains(QStringLiteral("tag: refund")));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
