// The inbox's item models over a real workspace: paging, ordering, filters, search, refresh, thread, views.
#include "TestWorkspace.h"
#include "models/EmployeesModel.h"
#include "models/InboxModel.h"
#include "models/ThreadModel.h"
#include "models/ViewsModel.h"
#include "store/InboxSearch.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using sb::models::InboxFilter;
using sb::models::InboxModel;
using sb::models::SlaState;

namespace {
// The tester calls fetchMore() (unconditionally) from its constructor and from its reset handler (already in Qt 6.4's
// constructor, before setUseFetchMore(false) could apply), which would page the whole table, report a false "change in
// flight" and hide what paging does. So a paging model is checked through an identity proxy that passes every
// row and signal through but offers no fetchMore of its own; the tests drive fetchMore on the model itself.
class NoFetchProxy final : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override { }
};

struct Tester {
    std::unique_ptr<QIdentityProxyModel> proxy;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

Tester attachTester(QAbstractItemModel *model)
{
    Tester t;
    QAbstractItemModel *checked = model;
    if (qobject_cast<InboxModel *>(model)) {
        t.proxy = std::make_unique<NoFetchProxy>();
        t.proxy->setSourceModel(model);
        checked = t.proxy.get();
    }
    t.tester
        = std::make_unique<QAbstractItemModelTester>(checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
    return t;
}
} // namespace

class TestInboxModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void pagesNewestFirstWithoutDuplicates();
    void filtersMatchTheStore_data();
    void filtersMatchTheStore();
    void searchFindsMatchingConversationsNewestFirst();
    void searchTextIsNotQuerySyntax();
    void searchFiltersNarrowTheList();
    void scrolledRowsKeepOnlyTheirKeys();
    void spamLeavesEveryViewButSpam();
    void refreshKeepsRowsWhenOnlyDataChanged();
    void refreshDropsConversationsThatLeftTheView();
    void resetsDoNotGrowTheList();
    void slaStates();
    void threadMergesItemsNotesAndPendingReplies();
    void viewsCountLiveWork();
    void employeesModel();

private:
    std::unique_ptr<sbtest::TestWorkspace> m_ws;
};

void TestInboxModel::init()
{
    m_ws = std::make_unique<sbtest::TestWorkspace>();
    QVERIFY(m_ws->ready);
}

void TestInboxModel::cleanup()
{
    m_ws.reset();
}

void TestInboxModel::pagesNewestFirstWithoutDuplicates()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QCOMPARE(model.pageSize(), 100);
    QCOMPARE(model.rowCount(), 100);
    QVERIFY(model.canFetchMore({}));

    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 100);
    QCOMPARE(inserted.at(0).at(2).toInt(), 199);

    model.fetchMore({});
    QCOMPARE(model.rowCount(), 250);
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // nothing left: no signal, no rows
    QCOMPARE(inserted.count(), 2);

    QSet<QString> seen;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.conversationId(row);
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("duplicate %1 at row %2").arg(id).arg(row)));
        seen.insert(id);
        const qint64 at = model.index(row, 0).data(sb::models::TimestampRole).toLongLong();
        QVERIFY(at <= previous);
        previous = at;
    }
    // Exactly the store's order, ties at the page boundaries included.
    QCOMPARE(QStringList(seen.values()).size(), m_ws->conversationIds.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.conversationId(row), m_ws->conversationIds[row]);
    }
}

void TestInboxModel::filtersMatchTheStore_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sql");
    QTest::newRow("all") << int(InboxFilter::Kind::All) << QString()
                         << QStringLiteral("SELECT count(*) FROM conversations WHERE spam = 0");
    QTest::newRow("unassigned") << int(InboxFilter::Kind::Unassigned) << QString()
                                << QStringLiteral("SELECT count(*) FROM conversations WHERE assignee_id IS NULL "
                                                  "AND status IN ('open','pending')");
    QTest::newRow("resolved") << int(InboxFilter::Kind::Status) << QStringLiteral("resolved")
                              << QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'resolved'");
    QTest::newRow("tag") << int(InboxFilter::Kind::Tag) << QStringLiteral("billing")
                         << QStringLiteral("SELECT count(*) FROM conversation_tags WHERE tag = 'billing'");
    QTest::newRow("approval") << int(InboxFilter::Kind::AwaitingApproval) << QString() << QStringLiteral("SELECT 1");
}

void TestInboxModel::filtersMatchTheStore()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QString, sql);
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter({InboxFilter::Kind(kind), value, {}});
    QCOMPARE(reset.count(), kind == int(InboxFilter::Kind::All) ? 0 : 1); // "All" is where a model starts
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    const qint64 expected = m_ws->scalar(sql);
    QVERIFY(expected > 0);
    QCOMPARE(qint64(model.rowCount()), expected);
}

void TestInboxModel::searchFindsMatchingConversationsNewestFirst()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    model.setSearchText(QStringLiteral("refun")); // prefix of the last word
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    // Every fifth thread talks about a refund (topics cycle with period 5).
    QCOMPARE(model.rowCount(), 50);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString id = model.conversationId(row);
        QCOMPARE(m_ws->scalar(QStringLiteral("SELECT count(*) FROM items WHERE conversation_id = '%1' "
                                             "AND text LIKE '%refund%'")
                                  .arg(id)),
                 1);
        const qint64 at = model.index(row, 0).data(sb::models::TimestampRole).toLongLong();
        QVERIFY(at <= previous);
        previous = at;
    }
    model.setSearchText(QStringLiteral("refund password"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText({});
    QCOMPARE(model.rowCount(), 100);
}

void TestInboxModel::searchTextIsNotQuerySyntax()
{
    InboxModel model(*m_ws->ctx);
    QSignalSpy failed(&model, &InboxModel::queryFailed);
    model.setSearchText(QStringLiteral("\"refund OR NEAR( *"));
    QCOMPARE(failed.count(), 0);
    // Quotes group words; a quote inside a word is doubled for FTS5; the last word is a prefix.
    const sb::InboxSearch search = sb::parseInboxSearch(QStringLiteral(" say \"hi there\"  "), {}, QTimeZone::utc(), 1);
    QCOMPARE(search.words, (QStringList {QStringLiteral("say"), QStringLiteral("hi there")}));
    QCOMPARE(search.match, QStringLiteral("\"say\" \"hi there\"*"));
    QCOMPARE(sb::ftsMatchExpression({QStringLiteral("a\"b"), QStringLiteral("c*")}, false),
             QStringLiteral("\"a\"\"b\" \"c\"*"));
}

void TestInboxModel::spamLeavesEveryViewButSpam()
{
    InboxModel all(*m_ws->ctx);
    InboxModel spam(*m_ws->ctx);
    const auto tester = attachTester(&spam);
    spam.setFilter({InboxFilter::Kind::Spam, {}, {}});
    QCOMPARE(spam.rowCount(), 0);
    sb::models::ViewsModel views(*m_ws->ctx);
    const auto count = [&views](InboxFilter::Kind kind) {
        return views.indexOf({kind, {}, {}})
            .siblingAtColumn(sb::models::ViewsModel::CountColumn)
            .data(sb::models::CountRole)
            .toLongLong();
    };
    const qint64 openBefore = count(InboxFilter::Kind::All);
    const QString id = all.conversationId(0);
    QVERIFY(m_ws->ctx->engine().markSpam(sb::Actor::employee(m_ws->admin), id, true).ok());
    all.refresh();
    spam.refresh();
    views.reload();
    QCOMPARE(all.rowOf(id), -1);
    QCOMPARE(spam.rowCount(), 1);
    QCOMPARE(spam.conversationId(0), id);
    QCOMPARE(count(InboxFilter::Kind::Spam), qint64(1));
    QCOMPARE(count(InboxFilter::Kind::All), openBefore - 1);
    // Searching inside the Spam view finds only spam.
    spam.setSearchText(QStringLiteral("news"));
    QCOMPARE(spam.rowCount(), 1);
    QVERIFY(m_ws->ctx->engine().markSpam(sb::Actor::employee(m_ws->admin), id, false).ok());
    all.refresh();
    QCOMPARE(all.rowOf(id), 0);
}

// Rows far from what was shown last keep only their key; reading them again gives the same data.
void TestInboxModel::scrolledRowsKeepOnlyTheirKeys()
{
    InboxModel reference(*m_ws->ctx);
    while (reference.canFetchMore({})) {
        reference.fetchMore({});
    }
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    model.setKeptPages(1);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    QCOMPARE(model.rowCount(), 250);
    auto rowText = [](const InboxModel &m, int row) {
        QStringList cells;
        for (int column = 0; column < m.columnCount(); ++column) {
            const QModelIndex index = m.index(row, column);
            cells << index.data().toString() << index.data(sb::models::IconKeyRole).toString()
                  << index.data(sb::models::TextRole).toString();
        }
        return cells.join(u'|');
    };
    // Row 0's page was dropped while the later pages loaded; row 249 is on the kept page. Both read right.
    for (int row : {0, 249, 1, 150, 99, 100, 0}) {
        QCOMPARE(rowText(model, row), rowText(reference, row));
        QCOMPARE(model.conversationId(row), reference.conversationId(row));
    }
    // A change made meanwhile shows when the dropped row is read again after a refresh.
    QVERIFY(m_ws->ctx->engine().assign(sb::Actor::employee(m_ws->admin), model.conversationId(10), m_ws->manager).ok());
    model.refresh();
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.index(10, InboxModel::AssigneeColumn).data().toString(), QStringLiteral("Mona Manager"));
}

void TestInboxModel::searchFiltersNarrowTheList()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    QSignalSpy failed(&model, &InboxModel::queryFailed);
    auto all = [&model] {
        while (model.canFetchMore({})) {
            model.fetchMore({});
        }
        return model.rowCount();
    };
    auto column = [&](const QString &sql) {
        QStringList values;
        for (int row = 0; row < model.rowCount(); ++row) {
            values << m_ws->column(sql.arg(model.conversationId(row))).value(0);
        }
        values.removeDuplicates();
        values.sort();
        return values;
    };
    model.setSearchText(QStringLiteral("refund is:resolved"));
    QVERIFY(all() > 0);
    QCOMPARE(column(QStringLiteral("SELECT status FROM conversations WHERE id = '%1'")),
             QStringList {QStringLiteral("resolved")});
    // The hit's excerpt marks the matched word.
    QVERIFY(model.index(0, InboxModel::AuthorColumn)
                .data(sb::models::MatchRole)
                .toString()
                .contains(QString(QChar(sb::models::kMatchStart)) + QStringLiteral("refund")));

    model.setSearchText(QStringLiteral("tag:billing"));
    QCOMPARE(all(), int(m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversation_tags WHERE tag = 'billing'"))));
    model.setSearchText(QStringLiteral("assignee:none is:open"));
    QVERIFY(all() > 0);
    QCOMPARE(column(QStringLiteral("SELECT status || coalesce(assignee_id, '-') FROM conversations WHERE id = '%1'")),
             QStringList {QStringLiteral("open-")});
    model.setSearchText(QStringLiteral("from:\"Person 1\" password"));
    QVERIFY(all() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row, InboxModel::AuthorColumn).data().toString().contains(QStringLiteral("Person 1")));
    }
    model.setSearchText(QStringLiteral("refund before:2000-01-01"));
    QCOMPARE(all(), 0);
    model.setSearchText(QStringLiteral("refund after:2000-01-01"));
    QCOMPARE(all(), 50);
    QCOMPARE(failed.count(), 0);
    // A filter that cannot be read says so, and the rest still applies.
    model.setSearchText(QStringLiteral("refund is:someday"));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("is:")));
    QCOMPARE(all(), 50);
}

void TestInboxModel::refreshKeepsRowsWhenOnlyDataChanged()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 200);
    const QString id = model.conversationId(150);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_ws->ctx->engine().assign(sb::Actor::employee(m_ws->admin), id, m_ws->manager).ok());
    model.refresh();
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.rowCount(), 200); // the pages already loaded stay loaded
    QCOMPARE(model.index(150, InboxModel::AssigneeColumn).data().toString(), QStringLiteral("Mona Manager"));
    QCOMPARE(model.index(150, 0).data(sb::models::AssigneeIdRole).toString(), m_ws->manager);
}

void TestInboxModel::refreshDropsConversationsThatLeftTheView()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    model.setFilter({InboxFilter::Kind::Status, QStringLiteral("open"), {}});
    const int before = model.rowCount();
    const QString first = model.conversationId(0);
    QCOMPARE(model.index(0, InboxModel::StatusColumn).data().toString(), QStringLiteral("Open"));
    QVERIFY(
        m_ws->ctx->engine().setStatus(sb::Actor::employee(m_ws->agent), first, sb::ConversationStatus::Resolved).ok());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowOf(first), -1);
    QCOMPARE(model.rowCount(), before); // the next open one moved up into the loaded page
}

void TestInboxModel::resetsDoNotGrowTheList()
{
    InboxModel model(*m_ws->ctx);
    const auto tester = attachTester(&model);
    model.setFilter({InboxFilter::Kind::Status, QStringLiteral("open"), {}});
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    const int all = model.rowCount();
    QVERIFY(all > 150);
    // A conversation leaves the view; a view that needs 120 rows asks for those only.
    QVERIFY(m_ws->ctx->engine()
                .setStatus(sb::Actor::employee(m_ws->agent), model.conversationId(5), sb::ConversationStatus::Pending)
                .ok());
    model.refresh(120);
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    QCOMPARE(model.rowCount(), all - 1); // nothing lost, nothing twice
}

void TestInboxModel::slaStates()
{
    const qint64 now = 1'000'000'000;
    const QString open = QStringLiteral("open");
    QCOMPARE(InboxModel::slaState(open, 0, 0, now), SlaState::None);
    QCOMPARE(InboxModel::slaState(open, now + 3 * InboxModel::kDueSoonMs, 0, now), SlaState::OnTime);
    QCOMPARE(InboxModel::slaState(open, now + InboxModel::kDueSoonMs, 0, now), SlaState::DueSoon);
    QCOMPARE(InboxModel::slaState(open, now - 1, 0, now), SlaState::Overdue);
    QCOMPARE(InboxModel::slaState(open, now - 1, now - 5, now), SlaState::None); // answered
    QCOMPARE(InboxModel::slaState(QStringLiteral("resolved"), now - 1, 0, now), SlaState::None);

    // In the store: the fixture's threads are hours old with a 4 business-hour promise, so the newest open one
    // is on time and the oldest unanswered ones are overdue.
    InboxModel model(*m_ws->ctx);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    QSet<int> states;
    for (int row = 0; row < model.rowCount(); ++row) {
        states.insert(model.index(row, InboxModel::SlaColumn).data(sb::models::SlaStateRole).toInt());
    }
    QVERIFY(states.contains(int(SlaState::Overdue)));
    QVERIFY(states.contains(int(SlaState::None)));
}

void TestInboxModel::threadMergesItemsNotesAndPendingReplies()
{
    sb::models::ThreadModel thread(*m_ws->ctx);
    const auto tester = attachTester(&thread);
    QSignalSpy summary(&thread, &sb::models::ThreadModel::summaryChanged);
    const QString id = m_ws->conversationIds[0];
    thread.setConversation(id);
    QCOMPARE(summary.count(), 1);
    QVERIFY(thread.summary().isValid());
    QCOMPARE(thread.summary().network, QStringLiteral("mastodon"));
    QCOMPARE(thread.summary().maxChars, 500);
    QVERIFY(thread.summary().tags.contains(QStringLiteral("billing")));
    // The author's other conversations, whichever account they wrote to, newest first.
    const qint64 others = m_ws->scalar(
        QStringLiteral("SELECT count(*) FROM conversations WHERE contact_id = (SELECT contact_id FROM conversations "
                       "WHERE id = '%1') AND id != '%1' AND spam = 0")
            .arg(id));
    QVERIFY(others > 0);
    QCOMPARE(thread.summary().historyTotal, int(others));
    QCOMPARE(int(thread.summary().history.size()), int(std::min<qint64>(others, 5)));
    for (size_t n = 1; n < thread.summary().history.size(); ++n) {
        QVERIFY(thread.summary().history[n - 1].lastItemAt >= thread.summary().history[n].lastItemAt);
    }
    QVERIFY(std::none_of(thread.summary().history.cbegin(), thread.summary().history.cend(),
                         [&id](const auto &o) { return o.id == id; }));

    auto directions = [&thread] {
        QStringList out;
        for (int row = 0; row < thread.rowCount(); ++row) {
            out.append(thread.index(row).data(sb::models::DirectionRole).toString());
        }
        return out;
    };
    // Thread 0: inbound, our reply, the follow-up; the note was written after all of them.
    QCOMPARE(directions(),
             (QStringList {QStringLiteral("in"), QStringLiteral("out"), QStringLiteral("in"), QStringLiteral("note")}));
    QCOMPARE(thread.index(1).data(sb::models::AuthorRole).toString(), QStringLiteral("Carl Community"));
    QCOMPARE(thread.index(0).data(sb::models::AuthorRole).toString(), QStringLiteral("Person 0"));

    m_ws->clock.advance(sbtest::kMinute);
    QVERIFY(m_ws->ctx->engine()
                .submitReply(sb::Actor::employee(m_ws->agent), id, QStringLiteral("It went out this morning."))
                .ok());
    thread.reload();
    QCOMPARE(directions().last(), QStringLiteral("queued"));
    QCOMPARE(thread.index(thread.rowCount() - 1).data(sb::models::StatusRole).toString(), QStringLiteral("pending"));

    thread.setConversation(m_ws->conversationIds[2]);
    QCOMPARE(thread.summary().network, QStringLiteral("bluesky"));
    QCOMPARE(thread.summary().maxChars, 300);
    QCOMPARE(directions().last(), QStringLiteral("draft"));
    QCOMPARE(thread.index(thread.rowCount() - 1).data(sb::models::StatusRole).toString(), QStringLiteral("in_review"));

    thread.setConversation({});
    QVERIFY(!thread.summary().isValid());
    QCOMPARE(thread.rowCount(), 0);
}

void TestInboxModel::viewsCountLiveWork()
{
    sb::models::ViewsModel views(*m_ws->ctx);
    const auto tester = attachTester(&views);
    const auto countOf = [&views](const InboxFilter &f) {
        return views.indexOf(f)
            .siblingAtColumn(sb::models::ViewsModel::CountColumn)
            .data(sb::models::CountRole)
            .toLongLong();
    };
    const InboxFilter unassigned {InboxFilter::Kind::Unassigned, {}, {}};
    const qint64 waiting = m_ws->scalar(QStringLiteral(
        "SELECT count(*) FROM conversations WHERE assignee_id IS NULL AND status IN ('open','pending')"));
    QCOMPARE(countOf(unassigned), waiting);
    QCOMPARE(countOf({InboxFilter::Kind::AwaitingApproval, {}, {}}), 1);
    QCOMPARE(countOf({InboxFilter::Kind::Status, QStringLiteral("resolved"), {}}),
             m_ws->scalar(QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'resolved'")));
    QVERIFY(views.indexOf({InboxFilter::Kind::Account, m_ws->bluesky, {}}).isValid());
    QVERIFY(views.indexOf({InboxFilter::Kind::Tag, QStringLiteral("bug"), {}}).isValid());
    QVERIFY(!views.isView(views.index(0, 0))); // a group heading
    QVERIFY(!(views.flags(views.index(0, 0)) & Qt::ItemIsSelectable));

    // A triage action elsewhere: the count follows, the rows stay (no reset).
    QSignalSpy reset(&views, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&views, &QAbstractItemModel::dataChanged);
    const QString id
        = m_ws->column(
                  QStringLiteral("SELECT id FROM conversations WHERE assignee_id IS NULL AND status = 'open' LIMIT 1"))
              .value(0);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_ws->ctx->engine().assign(sb::Actor::employee(m_ws->agent), id, m_ws->agent).ok());
    m_ws->ctx->notifyChanged();
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() > 0);
    QCOMPARE(countOf(unassigned), waiting - 1);
}

void TestInboxModel::employeesModel()
{
    sb::models::EmployeesModel employees(*m_ws->ctx);
    const auto tester = attachTester(&employees);
    QCOMPARE(employees.rowCount(), 4);
    QCOMPARE(employees.index(0).data().toString(), QStringLiteral("Ada Admin")); // sorted by name
    employees.setNoneLabel(QStringLiteral("Unassigned"));
    QCOMPARE(employees.rowCount(), 5);
    QCOMPARE(employees.employeeId(0), QString());
    employees.setTriagersOnly(true); // the contributor cannot be assigned conversations
    QCOMPARE(employees.rowCount(), 4);
    QCOMPARE(employees.rowOf(m_ws->contributor), -1);

    QSignalSpy reset(&employees, &QAbstractItemModel::modelReset);
    QVERIFY(m_ws->ctx->engine().setEmployeeActive(sb::Actor::employee(m_ws->admin), m_ws->agent, false).ok());
    m_ws->ctx->notifyChanged();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(employees.rowOf(m_ws->agent), -1);
    employees.setIncludeInactive(true);
    QCOMPARE(employees.index(employees.rowOf(m_ws->agent)).data().toString(),
             QStringLiteral("Carl Community (inactive)"));
}

QTEST_GUILESS_MAIN(TestInboxModel)
#include "tst_inboxmodel.moc"
