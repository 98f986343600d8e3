#include <QTest>

class TestSections : public QObject {
    Q_OBJECT
};

QTEST_MAIN(TestSections)
#include "tst_sections.moc"
