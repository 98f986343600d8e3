#include "core/BusinessHours.h"

#include <QDateTime>
#include <QTest>

using namespace sb;

namespace {
qint64 at(const BusinessHours &bh, int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), bh.zone).toMSecsSinceEpoch();
}
} // namespace

class TestBusinessHours : public QObject {
    Q_OBJECT
private slots:
    void addsAcrossNightsAndWeekends()
    {
        BusinessHours bh; // Mon-Fri 09:00-17:00
        bh.zone = QTimeZone("America/New_York");
        // Within the day.
        QCOMPARE(bh.addBusinessMinutes(at(bh, 2026, 11, 18, 10, 0), 30), at(bh, 2026, 11, 18, 10, 30));
        // Before opening: the clock starts at 09:00.
        QCOMPARE(bh.addBusinessMinutes(at(bh, 2026, 11, 18, 6, 0), 30), at(bh, 2026, 11, 18, 9, 30));
        // Friday 16:00 + 2 h = Monday 10:00.
        QCOMPARE(bh.addBusinessMinutes(at(bh, 2026, 11, 20, 16, 0), 120), at(bh, 2026, 11, 23, 10, 0));
        // Saturday: Monday 09:00 + 1 h.
        QCOMPARE(bh.addBusinessMinutes(at(bh, 2026, 11, 21, 12, 0), 60), at(bh, 2026, 11, 23, 10, 0));
    }

    void countsOnlyOpenHours()
    {
        BusinessHours bh;
        bh.zone = QTimeZone("Europe/Berlin");
        // Friday 16:00 to Monday 10:00 = 1 h Friday + 1 h Monday.
        QCOMPARE(bh.businessSecondsBetween(at(bh, 2026, 11, 20, 16, 0), at(bh, 2026, 11, 23, 10, 0)), qint64(7200));
        QCOMPARE(bh.businessSecondsBetween(at(bh, 2026, 11, 21, 8, 0), at(bh, 2026, 11, 22, 20, 0)), qint64(0));
        QCOMPARE(bh.businessSecondsBetween(at(bh, 2026, 11, 23, 10, 0), at(bh, 2026, 11, 20, 16, 0)), qint64(0));
    }

    void daylightSavingDaysKeepLocalHours()
    {
        BusinessHours bh;
        bh.zone = QTimeZone("Europe/Berlin");
        bh.dayMask = 0x7f; // every day, so the DST Sunday counts
        // 2026-03-29: clocks jump 02:00 -> 03:00; the 09:00-17:00 window is still 8 h long.
        QCOMPARE(bh.businessSecondsBetween(at(bh, 2026, 3, 29, 0, 0), at(bh, 2026, 3, 30, 0, 0)), qint64(8 * 3600));
        QCOMPARE(bh.addBusinessMinutes(at(bh, 2026, 3, 28, 16, 0), 120), at(bh, 2026, 3, 29, 10, 0));
        // Across the autumn change the instant is an hour further in UTC, the local time is the same.
        const qint64 due = bh.addBusinessMinutes(at(bh, 2026, 10, 24, 16, 0), 120);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(due, bh.zone).time(), QTime(10, 0));
    }

    void jsonRoundTripAndValidation()
    {
        BusinessHours bh;
        bh.zone = QTimeZone("Europe/Berlin");
        bh.dayMask = 0b0011110; // Tue-Fri
        bh.start = QTime(8, 30);
        bh.end = QTime(16, 45);
        const auto back = BusinessHours::fromJson(bh.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->zone.id(), QByteArray("Europe/Berlin"));
        QCOMPARE(back->dayMask, bh.dayMask);
        QCOMPARE(back->start, bh.start);
        QCOMPARE(back->end, bh.end);
        QVERIFY(!BusinessHours::fromJson("{not json").has_value());
        QVERIFY(!BusinessHours::fromJson(R"({"zone":"Mars/Olympus","days":[1],"start":"09:00","end":"17:00"})")
                     .has_value());
        QVERIFY(!BusinessHours::fromJson(R"({"zone":"UTC","days":[9],"start":"09:00","end":"17:00"})").has_value());
        QVERIFY(!BusinessHours::fromJson(R"({"zone":"UTC","days":[1],"start":"18:00","end":"17:00"})").has_value());
    }

    void noWorkingDaysFallsBackToWallClock()
    {
        BusinessHours bh;
        bh.dayMask = 0;
        QCOMPARE(bh.addBusinessMinutes(1'000'000, 10), qint64(1'000'000 + 600'000));
    }
};

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
