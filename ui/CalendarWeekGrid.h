#pragma once

#include <QDate>
#include <QWidget>

#include <vector>

namespace sb::models {
class CalendarModel;
}

namespace sb::ui {

// A week as an hour grid: seven day columns, the whole day's 24 hours in view, each post a chip at its local time,
// posts whose chips would overlap side by side, campaigns as bands above the days, today's column tinted and the
// current time as a line. Times are the workspace zone's.
class CalendarWeekGrid final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarWeekGrid(sb::models::CalendarModel &model, QWidget *parent = nullptr);
    ~CalendarWeekGrid() override;

    // The first day of the week shown for `anyDay` (by the locale's first day of the week).
    QDate weekStart() const { return m_start; }
    QDate lastDay() const { return m_start.addDays(6); }
    void showWeekOf(QDate anyDay);
    void setToday(QDate today, int minutesSinceMidnight);

    // Where a post's chip is (for tests and accessibility); an invalid rect when not in the week.
    QRect chipRect(int row) const;
    int hourHeight() const;
    int bandsHeight() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void weekChanged(QDate firstDay);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Placed {
        int row = 0;
        QRect rect;
    };
    void layoutChips();
    int dayColumnLeft(int day) const;
    int dayColumnWidth() const;
    int headerHeight() const;
    int timeColumnWidth() const;

    sb::models::CalendarModel &m_model;
    QDate m_start;
    QDate m_today;
    int m_nowMinutes = -1;
    std::vector<Placed> m_placed;
};

} // namespace sb::ui
