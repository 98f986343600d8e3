#include "SectionsHarness.h"
#include "engine/AuditLog.h"
#include "models/AuditLogModel.h"
#include "models/ModelRoles.h"
#include "models/WorkspaceContext.h"
#include "ui/AuditView.h"
#include "ui/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace sb;

namespace {

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

void choose(QComboBox *combo, const QString &value)
{
    const int row = combo->findData(value);
    QVERIFY2(row >= 0, qPrintable(value));
    combo->setCurrentIndex(row);
}

} // namespace

class TestAuditView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QApplication::setOrganizationName(QStringLiteral("SwitchboardTests"));
        QApplication::setApplicationName(QStringLiteral("tst_auditview"));
    }

    void managerFiltersPagesAndExports()
    {
        Harness h;
        h.ctx->setCurrentEmployee(h.w.manager);
        ui::AuditView view(*h.ctx);
        models::AuditLogModel *model = view.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1200, 640);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!child<QLabel>(view, "auditPermission")->isVisible());

        const qint64 total = h.count(QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY(total > 20);
        QCOMPARE(model->rowCount(), int(total));
        QCOMPARE(child<QLabel>(view, "auditStatus")->text(), QStringLiteral("%1 event(s)").arg(total));
        QVERIFY(!child<QPushButton>(view, "auditLoadMore")->isEnabled());

        // Newest first: the first row is the event recorded last.
        const QString newest = h.db().scalarText(QStringLiteral("SELECT action FROM events ORDER BY seq DESC LIMIT 1"));
        QCOMPARE(cell(model, 0, models::AuditLogModel::ActionColumn), auditActionLabel(newest));

        // Bob's events only.
        QComboBox *who = child<QComboBox>(view, "auditEmployee");
        choose(who, h.w.bob);
        const qint64 bobs = h.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_id = '%1'").arg(h.w.bob));
        QVERIFY(bobs > 0 && bobs < total);
        QCOMPARE(model->rowCount(), int(bobs));
        for (int row = 0; row < model->rowCount(); ++row) {
            QCOMPARE(cell(model, row, models::AuditLogModel::ActorColumn), QStringLiteral("Bob Berg"));
        }

        // ... who wrote a note, on conversation C.
        QComboBox *action = child<QComboBox>(view, "auditAction");
        choose(action, QStringLiteral("note_added"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(model, 0, models::AuditLogModel::ActionColumn), QStringLiteral("Note added"));
        QCOMPARE(cell(model, 0, models::AuditLogModel::SubjectColumn), QStringLiteral("Note: Customer C"));
        QCOMPARE(cell(model, 0, models::AuditLogModel::DetailsColumn), QStringLiteral("length: 20"));

        // Who assigned what to whom: Mia's assignments, names in the details.
        choose(who, h.w.manager);
        choose(action, QStringLiteral("assigned"));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(cell(model, 0, models::AuditLogModel::DetailsColumn), QStringLiteral("from none to Bob Berg"));
        screenshot(view, QStringLiteral("audit-filtered"));

        // Free text, typed: a campaign by its name, among every action of everyone.
        choose(who, QString());
        choose(action, QString());
        QLineEdit *text = child<QLineEdit>(view, "auditText");
        QTest::keyClicks(text, QStringLiteral("meetup"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(cell(model, 0, models::AuditLogModel::ActionColumn), QStringLiteral("Campaign added"));
        text->clear();
        QTRY_COMPARE(model->rowCount(), int(total));

        // Subject type.
        choose(child<QComboBox>(view, "auditSubject"), QStringLiteral("employee"));
        QCOMPARE(model->rowCount(), 5); // Ada made herself, then four colleagues
        choose(child<QComboBox>(view, "auditSubject"), QString());

        // One day, Friday 20 November (local time): the teaser post went out.
        QCheckBox *dated = child<QCheckBox>(view, "auditDated");
        child<QDateEdit>(view, "auditFrom")->setDate(QDate(2026, 11, 20));
        child<QDateEdit>(view, "auditTo")->setDate(QDate(2026, 11, 20));
        QCOMPARE(model->rowCount(), int(total)); // not until the range is switched on
        dated->setChecked(true);
        const qint64 dayStart = QDateTime(QDate(2026, 11, 20), QTime(0, 0)).toMSecsSinceEpoch();
        const qint64 onFriday = h.count(QStringLiteral("SELECT count(*) FROM events WHERE at >= %1 AND at < %2")
                                            .arg(dayStart)
                                            .arg(QDateTime(QDate(2026, 11, 21), QTime(0, 0)).toMSecsSinceEpoch()));
        QVERIFY(onFriday > 0 && onFriday < total);
        QCOMPARE(model->rowCount(), int(onFriday));
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row, 0).data(models::TimestampRole).toLongLong() >= dayStart);
        }
        dated->setChecked(false);

        // Pages of ten: Load more appends the next ten, older ones, without repeats.
        model->setPageSize(10);
        view.refresh();
        QCOMPARE(model->rowCount(), 10);
        QPushButton *more = child<QPushButton>(view, "auditLoadMore");
        QVERIFY(more->isEnabled());
        QVERIFY(child<QLabel>(view, "auditStatus")->text().contains(QStringLiteral("Load more")));
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QTest::mouseClick(more, Qt::LeftButton);
        QCOMPARE(model->rowCount(), 20);
        QCOMPARE(inserted.count(), 1);
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(model->entryAt(row - 1)->seq > model->entryAt(row)->seq);
        }
        while (more->isEnabled()) {
            QTest::mouseClick(more, Qt::LeftButton);
        }
        QCOMPARE(model->rowCount(), int(total));

        // The export has every matching event, not only the page shown.
        model->setPageSize(3);
        choose(who, h.w.manager);
        QCOMPARE(model->rowCount(), 3);
        QTemporaryDir out;
        const QString path = out.filePath(QStringLiteral("audit.csv"));
        QVERIFY(view.exportCsv(path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        const qint64 mias
            = h.count(QStringLiteral("SELECT count(*) FROM events WHERE actor_id = '%1'").arg(h.w.manager));
        QVERIFY(mias > 3);
        QCOMPARE(lines.size() - 2, int(mias)); // the header, and nothing after the last line break
        QVERIFY(lines[1].contains(",Mia Manager,employee,"));
    }

    void contributorsCannotOpenIt()
    {
        Harness h;
        h.ctx->setCurrentEmployee(h.w.carol);
        ui::MainWindow window(*h.ctx);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionAuditLog"));
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QVERIFY(!window.openAuditLog());

        h.ctx->setCurrentEmployee(h.w.manager);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *view = window.findChild<ui::AuditView *>(QStringLiteral("auditView"));
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        QVERIFY(view->model()->rowCount() > 0);
        screenshot(*view, QStringLiteral("audit"));

        // Someone else signs in while it is open: the log empties and says why.
        h.ctx->setCurrentEmployee(h.w.carol);
        QVERIFY(!action->isEnabled());
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(child<QLabel>(*view, "auditPermission")->isVisible());
        QVERIFY(!child<QPushButton>(*view, "auditExport")->isEnabled());
        QVERIFY(!view->exportCsv(QDir::temp().filePath(QStringLiteral("never.csv"))).ok());
    }
};

QTEST_MAIN(TestAuditView)
#include "tst_auditview.moc"
