#include "store/Schema.h"

#include <QTest>

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void latestVersion() { QVERIFY(sb::schema::latestVersion() >= 3); }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
