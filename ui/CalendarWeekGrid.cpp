#include "ui/CalendarWeekGrid.h"

#include "models/CalendarModel.h"
#include "ui/CalendarChip.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <map>

namespace sb::ui {

using sb::models::CalendarModel;

namespace {
constexpr int kPad = 4;
constexpr int kMinuteGranularity = 15;
} // namespace

CalendarWeekGrid::CalendarWeekGrid(CalendarModel &model, QWidget *parent) : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("calendarWeekGrid"));
    setAccessibleName(tr("Week calendar"));
    setFocusPolicy(Qt::StrongFocus);
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        layoutChips();
        update();
    });
}

CalendarWeekGrid::~CalendarWeekGrid() = default;

void CalendarWeekGrid::showWeekOf(QDate anyDay)
{
    const int offset = (anyDay.dayOfWeek() - int(QLocale().firstDayOfWeek()) + 7) % 7;
    const QDate start = anyDay.addDays(-offset);
    if (start == m_start) {
        return;
    }
    m_start = start;
    emit weekChanged(m_start);
    layoutChips();
    update();
}

void CalendarWeekGrid::setToday(QDate today, int minutesSinceMidnight)
{
    m_today = today;
    m_nowMinutes = minutesSinceMidnight;
    update();
}

int CalendarWeekGrid::hourHeight() const
{
    // The whole day fits the height the week has; the rows never get too thin to read an hour label.
    return std::max(fontMetrics().height() + 2, (height() - headerHeight() - bandsHeight() - 1) / 24);
}

int CalendarWeekGrid::headerHeight() const
{
    return fontMetrics().height() + 2 * kPad;
}

int CalendarWeekGrid::bandsHeight() const
{
    const int bands = int(m_model.campaigns().size());
    return bands * (QFontMetrics(CalendarChip::font(font())).height() + 2) + (bands > 0 ? kPad : 0);
}

int CalendarWeekGrid::timeColumnWidth() const
{
    return fontMetrics().horizontalAdvance(CalendarModel::formatTime(QTime(23, 0))) + 2 * kPad;
}

int CalendarWeekGrid::dayColumnWidth() const
{
    return std::max(1, (width() - timeColumnWidth() - 1) / 7);
}

int CalendarWeekGrid::dayColumnLeft(int day) const
{
    return timeColumnWidth() + day * dayColumnWidth();
}

QSize CalendarWeekGrid::sizeHint() const
{
    return {timeColumnWidth() + 7 * 150, headerHeight() + bandsHeight() + 24 * (fontMetrics().height() + 12)};
}

QSize CalendarWeekGrid::minimumSizeHint() const
{
    return {timeColumnWidth() + 7 * 60, headerHeight() + bandsHeight() + 24 * (fontMetrics().height() + 2)};
}

QRect CalendarWeekGrid::chipRect(int row) const
{
    for (const Placed &p : m_placed) {
        if (p.row == row) {
            return p.rect;
        }
    }
    return {};
}

void CalendarWeekGrid::layoutChips()
{
    m_placed.clear();
    if (!m_start.isValid()) {
        return;
    }
    const int top = headerHeight() + bandsHeight();
    const int hour = hourHeight();
    const int chipHeight = std::max(fontMetrics().height(),
                                    std::min(CalendarChip::height(CalendarChip::font(font()), true), 2 * hour - 4));
    // Per day, in time order: each chip in the first lane free at its top; the day's lanes share its width.
    std::map<qint64, std::vector<std::pair<int, int>>> byDay; // day -> (y, row)
    for (int row = 0; row < m_model.rowCount(); ++row) {
        const QModelIndex index = m_model.index(row, 0);
        const qint64 d = m_start.daysTo(m_model.localDate(row));
        if (d < 0 || d > 6) {
            continue;
        }
        const QTime time = index.data(CalendarModel::LocalTimeRole).toTime();
        const int minutes = (time.hour() * 60 + time.minute()) / kMinuteGranularity * kMinuteGranularity;
        byDay[d].push_back({top + minutes * hour / 60 + 2, row});
    }
    for (auto &[day, chips] : byDay) {
        std::sort(chips.begin(), chips.end());
        std::vector<int> laneBottom;
        std::vector<int> laneOf;
        for (const auto &[y, row] : chips) {
            size_t lane = 0;
            while (lane < laneBottom.size() && laneBottom[lane] > y) {
                ++lane;
            }
            if (lane == laneBottom.size()) {
                laneBottom.push_back(0);
            }
            laneBottom[lane] = y + chipHeight + 1;
            laneOf.push_back(int(lane));
        }
        const int lanes = int(laneBottom.size());
        const int span = dayColumnWidth() - 4;
        const int each = std::max(12, span / lanes);
        for (size_t i = 0; i < chips.size(); ++i) {
            const QRect rect(dayColumnLeft(int(day)) + 2 + laneOf[i] * each, chips[i].first, each - 1, chipHeight);
            if (rect.right() <= dayColumnLeft(int(day)) + dayColumnWidth()) {
                m_placed.push_back({chips[i].second, rect});
            }
        }
    }
}

void CalendarWeekGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (!m_start.isValid()) {
        return;
    }
    const QColor line = pal.color(QPalette::Mid);
    const QColor faint = QColor::fromRgbF(line.redF(), line.greenF(), line.blueF(), 0.35f);
    const QLocale locale;
    const int top = headerHeight() + bandsHeight();
    const int hour = hourHeight();
    const int bottom = top + 24 * hour;

    // Day headers, today's column tinted.
    for (int d = 0; d < 7; ++d) {
        const QDate day = m_start.addDays(d);
        const QRect column(dayColumnLeft(d), 0, dayColumnWidth(), bottom);
        if (day == m_today) {
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlphaF(0.08f);
            p.fillRect(column, tint);
        }
        QFont headerFont = font();
        headerFont.setBold(day == m_today);
        p.setFont(headerFont);
        p.setPen(day == m_today ? pal.color(QPalette::Highlight) : pal.color(QPalette::Text));
        p.drawText(QRect(column.left() + kPad, 0, column.width() - 2 * kPad, headerHeight()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   locale.toString(day, QStringLiteral("ddd d"))
                       + (day == m_today ? QLatin1Char(' ') + tr("Today") : QString()));
        p.setPen(line);
        p.drawLine(column.left(), 0, column.left(), bottom);
    }
    p.setFont(font());

    // Campaign bands across their days of this week.
    const QFont chipFont = CalendarChip::font(font());
    p.setFont(chipFont);
    const int bandHeight = QFontMetrics(chipFont).height();
    int lane = 0;
    for (const auto &c : m_model.campaigns()) {
        const QDate from = std::max(c.startsOn, m_start);
        const QDate to = std::min(c.endsOn, lastDay());
        if (from > to) {
            continue;
        }
        const QRect band(dayColumnLeft(int(m_start.daysTo(from))) + 2, headerHeight() + lane * (bandHeight + 2),
                         int(from.daysTo(to) + 1) * dayColumnWidth() - 4, bandHeight);
        p.setPen(Qt::NoPen);
        p.setBrush(c.color);
        p.drawRoundedRect(band, 3, 3);
        const double luminance = 0.2126 * c.color.redF() + 0.7152 * c.color.greenF() + 0.0722 * c.color.blueF();
        p.setPen(luminance > 0.55 ? Qt::black : Qt::white);
        p.drawText(band.adjusted(5, 0, -5, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(chipFont).elidedText(c.name, Qt::ElideRight, band.width() - 10));
        ++lane;
    }
    p.setFont(font());

    // Hour lines and labels.
    for (int h = 0; h <= 24; ++h) {
        const int y = top + h * hour;
        p.setPen(h == 0 || h == 24 ? line : faint);
        p.drawLine(timeColumnWidth(), y, dayColumnLeft(7), y);
        if (h < 24) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRect(0, y, timeColumnWidth() - kPad, fontMetrics().height()), Qt::AlignRight | Qt::AlignTop,
                       CalendarModel::formatTime(QTime(h, 0)));
        }
    }
    p.setPen(line);
    p.drawLine(dayColumnLeft(7), 0, dayColumnLeft(7), bottom);

    // Now.
    const qint64 todayColumn = m_today.isValid() ? m_start.daysTo(m_today) : -1;
    if (todayColumn >= 0 && todayColumn <= 6 && m_nowMinutes >= 0) {
        const int y = top + m_nowMinutes * hour / 60;
        QPen pen(QColor(0xd6, 0x45, 0x41), 2);
        p.setPen(pen);
        p.drawLine(dayColumnLeft(int(todayColumn)), y, dayColumnLeft(int(todayColumn)) + dayColumnWidth(), y);
    }
    // Posts.
    for (const Placed &placed : m_placed) {
        CalendarChip::paint(p, placed.rect, m_model.index(placed.row, 0), pal, chipFont, true, false);
    }
}

bool CalendarWeekGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
        for (const Placed &placed : m_placed) {
            if (placed.rect.contains(pos)) {
                const QModelIndex index = m_model.index(placed.row, 0);
                QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                                   index.data().toString() + QLatin1Char('\n')
                                       + index.siblingAtColumn(CalendarModel::StateColumn).data().toString()
                                       + QLatin1Char('\n')
                                       + index.siblingAtColumn(CalendarModel::AccountsColumn).data().toString()
                                       + QStringLiteral("\n\n") + index.data(CalendarModel::PostTextRole).toString(),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::Resize) {
        layoutChips();
    }
    return QWidget::event(event);
}

} // namespace sb::ui
