#pragma once

#include <QDate>
#include <QHash>
#include <QRect>
#include <QWidget>

#include <vector>

namespace sb::models {
class CalendarModel;
}

namespace sb::ui {

// A month as a calendar reads it: weeks as rows, posts as chips (network, time, state, first words), campaigns
// as coloured bands across their days, today marked. Arrow keys move the selected day, Page Up/Down change
// the month, Home goes to today.
class CalendarMonthGrid final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarMonthGrid(sb::models::CalendarModel &model, QWidget *parent = nullptr);
    ~CalendarMonthGrid() override;

    // The first and last day the grid shows for the month of `anyDay` (whole weeks).
    static QDate gridStart(QDate anyDay, Qt::DayOfWeek firstDayOfWeek);
    static int weeksShown(QDate anyDay, Qt::DayOfWeek firstDayOfWeek);

    QDate month() const { return m_month; }
    QDate firstShown() const;
    QDate lastShown() const;
    QDate selectedDate() const { return m_selected; }
    QDate today() const { return m_today; }
    void setToday(QDate today);
    // Selects `date`, switching months when it is outside the one shown.
    void setSelectedDate(QDate date);
    void showMonth(QDate anyDay);

    // Number of chips drawn for `date` at the last paint, and those hidden behind "+N more".
    int chipsShown(QDate date) const { return m_shown.value(date); }
    int postsOn(QDate date) const;
    // Where a day's cell is, for tests and for the accessibility layer.
    QRect cellRect(QDate date) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // While a post is dragged: the day it would land on (invalid otherwise).
    QDate dropTarget() const { return m_dragging ? m_dropDate : QDate(); }
    // The model row of the chip at `pos`, or -1.
    int rowAt(const QPoint &pos) const;

signals:
    // A post's chip was dragged from one day to another (Escape during the drag cancels it).
    void postMoved(const QString &postId, QDate from, QDate to);
    // A post's chip was double-clicked.
    void postActivated(const QString &postId);
    void monthChanged(QDate firstOfMonth);
    void selectedDateChanged(QDate date);
    void dayActivated(QDate date);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Chip {
        QRect rect;
        int row;
    };
    void rebuildIndex();
    void updateAccessibleText();
    QDate dateAt(const QPoint &pos) const;
    int headerHeight() const;
    QRect gridArea() const;
    int campaignLanes(std::vector<int> *laneOf) const;

    sb::models::CalendarModel &m_model;
    QDate m_month; // first of the month shown
    QDate m_selected;
    QDate m_today;
    Qt::DayOfWeek m_firstDayOfWeek;
    QHash<QDate, std::vector<int>> m_byDate; // model rows per local day, in time order
    QHash<QDate, int> m_shown;
    std::vector<Chip> m_chips;
    // Dragging a chip to another day.
    int m_pressRow = -1;
    QPoint m_pressPos;
    bool m_dragging = false;
    QDate m_dropDate;
};

} // namespace sb::ui
