#include "ui/CalendarMonthGrid.h"

#include "models/CalendarModel.h"
#include "models/ModelRoles.h"
#include "ui/CalendarChip.h"

#include <QApplication>
#include <QFocusEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace sb::ui {

using sb::models::CalendarModel;

namespace {

constexpr int kPad = 4;
constexpr int kChipGap = 2;

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// Black or white, whichever reads better on `background`.
QColor textOn(const QColor &background)
{
    const double luminance = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

CalendarMonthGrid::CalendarMonthGrid(CalendarModel &model, QWidget *parent)
    : QWidget(parent), m_model(model), m_firstDayOfWeek(QLocale().firstDayOfWeek())
{
    setObjectName(QStringLiteral("calendarMonthGrid"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Month calendar"));
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildIndex();
        update();
    });
    rebuildIndex();
}

CalendarMonthGrid::~CalendarMonthGrid() = default;

QDate CalendarMonthGrid::gridStart(QDate anyDay, Qt::DayOfWeek firstDayOfWeek)
{
    const QDate first(anyDay.year(), anyDay.month(), 1);
    const int offset = (first.dayOfWeek() - int(firstDayOfWeek) + 7) % 7;
    return first.addDays(-offset);
}

int CalendarMonthGrid::weeksShown(QDate anyDay, Qt::DayOfWeek firstDayOfWeek)
{
    const QDate first(anyDay.year(), anyDay.month(), 1);
    const int days = int(gridStart(anyDay, firstDayOfWeek).daysTo(first)) + first.daysInMonth();
    return (days + 6) / 7;
}

QDate CalendarMonthGrid::firstShown() const
{
    return m_month.isValid() ? gridStart(m_month, m_firstDayOfWeek) : QDate();
}

QDate CalendarMonthGrid::lastShown() const
{
    return m_month.isValid() ? firstShown().addDays(7 * weeksShown(m_month, m_firstDayOfWeek) - 1) : QDate();
}

void CalendarMonthGrid::setToday(QDate today)
{
    m_today = today;
    update();
}

void CalendarMonthGrid::showMonth(QDate anyDay)
{
    const QDate first(anyDay.year(), anyDay.month(), 1);
    if (first == m_month) {
        return;
    }
    m_month = first;
    if (!m_selected.isValid() || m_selected.year() != first.year() || m_selected.month() != first.month()) {
        const bool todayHere = m_today.year() == first.year() && m_today.month() == first.month();
        m_selected = todayHere ? m_today : first;
        emit selectedDateChanged(m_selected);
    }
    emit monthChanged(m_month);
    updateAccessibleText();
    update();
}

void CalendarMonthGrid::setSelectedDate(QDate date)
{
    if (!date.isValid()) {
        return;
    }
    const bool changed = date != m_selected;
    m_selected = date;
    if (!m_month.isValid() || date.year() != m_month.year() || date.month() != m_month.month()) {
        showMonth(date);
    }
    if (changed) {
        emit selectedDateChanged(date);
    }
    updateAccessibleText();
    update();
}

void CalendarMonthGrid::rebuildIndex()
{
    m_byDate.clear();
    const int rows = m_model.rowCount();
    for (int row = 0; row < rows; ++row) {
        m_byDate[m_model.localDate(row)].push_back(row);
    }
    updateAccessibleText();
}

int CalendarMonthGrid::postsOn(QDate date) const
{
    const auto it = m_byDate.constFind(date);
    return it == m_byDate.constEnd() ? 0 : int(it->size());
}

void CalendarMonthGrid::updateAccessibleText()
{
    if (!m_selected.isValid()) {
        return;
    }
    QStringList parts;
    parts << QLocale().toString(m_selected, QLocale::LongFormat);
    if (m_selected == m_today) {
        parts << tr("today");
    }
    const auto it = m_byDate.constFind(m_selected);
    const int count = it == m_byDate.constEnd() ? 0 : int(it->size());
    parts << tr("%n post(s)", nullptr, count);
    if (it != m_byDate.constEnd()) {
        // The first posts of the day are read out; a busy day's hundreds would drown the rest.
        constexpr size_t kReadOut = 20;
        for (size_t i = 0; i < std::min(it->size(), kReadOut); ++i) {
            const int row = (*it)[i];
            parts << m_model.index(row, CalendarModel::WhenColumn)
                         .data()
                         .toString()
                         .section(QLatin1Char(','), 1)
                         .trimmed()
                    + QLatin1Char(' ') + m_model.index(row, CalendarModel::StateColumn).data().toString()
                    + QLatin1Char(' ') + m_model.index(row, CalendarModel::TextColumn).data().toString();
        }
        if (it->size() > kReadOut) {
            parts << tr("and %1 more").arg(it->size() - kReadOut);
        }
    }
    setAccessibleDescription(parts.join(QStringLiteral("; ")));
}

int CalendarMonthGrid::headerHeight() const
{
    return fontMetrics().height() + 2 * kPad;
}

QRect CalendarMonthGrid::gridArea() const
{
    return rect().adjusted(0, headerHeight(), -1, -1);
}

QRect CalendarMonthGrid::cellRect(QDate date) const
{
    const QDate first = firstShown();
    if (!first.isValid()) {
        return {};
    }
    const qint64 index = first.daysTo(date);
    const int weeks = weeksShown(m_month, m_firstDayOfWeek);
    if (index < 0 || index >= 7 * weeks) {
        return {};
    }
    const QRect area = gridArea();
    const int col = int(index % 7);
    const int week = int(index / 7);
    const int left = area.left() + area.width() * col / 7;
    const int right = area.left() + area.width() * (col + 1) / 7;
    const int top = area.top() + area.height() * week / weeks;
    const int bottom = area.top() + area.height() * (week + 1) / weeks;
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

QDate CalendarMonthGrid::dateAt(const QPoint &pos) const
{
    for (QDate d = firstShown(); d.isValid() && d <= lastShown(); d = d.addDays(1)) {
        if (cellRect(d).contains(pos)) {
            return d;
        }
    }
    return {};
}

int CalendarMonthGrid::campaignLanes(std::vector<int> *laneOf) const
{
    // Greedy lanes: a campaign keeps its lane for the whole month, so its band reads as one line.
    const auto &campaigns = m_model.campaigns();
    std::vector<QDate> laneEnds;
    laneOf->assign(campaigns.size(), 0);
    for (size_t i = 0; i < campaigns.size(); ++i) {
        size_t lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] >= campaigns[i].startsOn) {
            ++lane;
        }
        if (lane == laneEnds.size()) {
            laneEnds.push_back(campaigns[i].endsOn);
        } else {
            laneEnds[lane] = campaigns[i].endsOn;
        }
        (*laneOf)[i] = int(lane);
    }
    return int(laneEnds.size());
}

QSize CalendarMonthGrid::sizeHint() const
{
    return {7 * 130, 6 * 110};
}

QSize CalendarMonthGrid::minimumSizeHint() const
{
    return {7 * 60, 6 * 48};
}

void CalendarMonthGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    m_chips.clear();
    m_shown.clear();
    if (!m_month.isValid()) {
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const QFont chipFont = CalendarChip::font(font());
    const QFontMetrics chipFm(chipFont);
    const QLocale locale;
    const QColor gridLine = blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.18);
    const QColor dimText = blend(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.45);

    // Weekday names.
    const QRect area = gridArea();
    p.setPen(dimText);
    for (int col = 0; col < 7; ++col) {
        const int day = (int(m_firstDayOfWeek) - 1 + col) % 7 + 1;
        const QRect r(area.left() + area.width() * col / 7, 0, area.width() / 7, headerHeight());
        p.drawText(r.adjusted(kPad, 0, -kPad, 0), Qt::AlignLeft | Qt::AlignVCenter,
                   locale.dayName(day, QLocale::ShortFormat));
    }

    std::vector<int> laneOf;
    const int lanes = campaignLanes(&laneOf);
    const int laneHeight = chipFm.height() + 2;
    const int dayHeight = fm.height() + kPad;
    const int weeks = weeksShown(m_month, m_firstDayOfWeek);
    const auto &campaigns = m_model.campaigns();

    for (QDate d = firstShown(); d <= lastShown(); d = d.addDays(1)) {
        const QRect cell = cellRect(d);
        const bool inMonth = d.month() == m_month.month();
        if (!inMonth) {
            p.fillRect(cell, pal.color(QPalette::AlternateBase));
        }
        p.setPen(gridLine);
        p.drawLine(cell.topLeft(), cell.topRight());
        p.drawLine(cell.topLeft(), cell.bottomLeft());

        // Day number; today in a filled marker, so it is seen at a glance, not only by colour.
        const QString number = locale.toString(d.day());
        QRect numberRect(cell.left() + kPad, cell.top() + 2, fm.horizontalAdvance(number) + 2 * kPad, fm.height());
        if (d == m_today) {
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            numberRect.setWidth(QFontMetrics(bold).horizontalAdvance(number) + 2 * kPad);
            p.setPen(Qt::NoPen);
            p.setBrush(pal.color(QPalette::Highlight));
            p.drawRoundedRect(numberRect, numberRect.height() / 2.0, numberRect.height() / 2.0);
            p.setPen(pal.color(QPalette::HighlightedText));
            p.drawText(numberRect, Qt::AlignCenter, number);
            p.setFont(chipFont);
            p.setPen(pal.color(QPalette::Highlight));
            p.drawText(QRect(numberRect.right() + kPad, numberRect.top(), cell.right() - numberRect.right() - kPad,
                             numberRect.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("Today"));
            p.setFont(font());
        } else {
            p.setPen(inMonth ? pal.color(QPalette::Text) : dimText);
            p.drawText(numberRect, Qt::AlignLeft | Qt::AlignVCenter, number);
        }

        // Chips below the campaign lanes of this week.
        const int chipTop = cell.top() + dayHeight + lanes * laneHeight + kChipGap;
        const int available = cell.bottom() - kChipGap - chipTop;
        const bool twoLines = cell.width() < 200;
        const int chipHeight = CalendarChip::height(chipFont, twoLines);
        const auto it = m_byDate.constFind(d);
        const int count = it == m_byDate.constEnd() ? 0 : int(it->size());
        int fit = std::max(0, (available + kChipGap) / (chipHeight + kChipGap));
        if (fit < count) {
            fit = std::max(0, (available - chipFm.height()) / (chipHeight + kChipGap));
        }
        const int shown = std::min(fit, count);
        for (int i = 0; i < shown; ++i) {
            const QRect chip(cell.left() + 3, chipTop + i * (chipHeight + kChipGap), cell.width() - 6, chipHeight);
            CalendarChip::paint(p, chip, m_model.index((*it)[size_t(i)], CalendarModel::WhenColumn), pal, chipFont,
                                twoLines, false);
            m_chips.push_back({chip, (*it)[size_t(i)]});
        }
        m_shown.insert(d, shown);
        if (shown < count) {
            p.setFont(chipFont);
            p.setPen(pal.color(QPalette::Text));
            const QRect more(cell.left() + 6, chipTop + shown * (chipHeight + kChipGap), cell.width() - 12,
                             chipFm.height());
            p.drawText(more, Qt::AlignLeft | Qt::AlignVCenter, tr("+%n more", nullptr, count - shown));
            p.setFont(font());
        }
    }

    // Campaign bands, one segment per week, with the name on every segment.
    p.setFont(chipFont);
    for (int week = 0; week < weeks; ++week) {
        const QDate weekStart = firstShown().addDays(7 * week);
        const QDate weekEnd = weekStart.addDays(6);
        for (size_t i = 0; i < campaigns.size(); ++i) {
            const auto &c = campaigns[i];
            if (c.endsOn < weekStart || c.startsOn > weekEnd) {
                continue;
            }
            const QDate from = std::max(c.startsOn, weekStart);
            const QDate to = std::min(c.endsOn, weekEnd);
            const QRect a = cellRect(from);
            const QRect b = cellRect(to);
            const int top = a.top() + dayHeight + laneOf[i] * laneHeight;
            const QRect band(QPoint(a.left() + (from == c.startsOn ? 3 : 0), top),
                             QPoint(b.right() - (to == c.endsOn ? 3 : 0), top + laneHeight - 2));
            p.setPen(Qt::NoPen);
            p.setBrush(c.color);
            p.drawRoundedRect(band, 3, 3);
            p.setPen(textOn(c.color));
            const QString name = from == c.startsOn ? c.name : QStringLiteral("… ") + c.name;
            p.drawText(band.adjusted(5, 0, -5, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       chipFm.elidedText(name, Qt::ElideRight, band.width() - 10));
        }
    }
    p.setFont(font());

    // Selection last, over everything.
    if (m_selected.isValid() && cellRect(m_selected).isValid()) {
        QPen pen(pal.color(QPalette::Highlight));
        pen.setWidth(hasFocus() ? 2 : 1);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(cellRect(m_selected).adjusted(1, 1, -1, -1));
    }
    // Where a dragged post would land.
    if (m_dragging && m_dropDate.isValid() && cellRect(m_dropDate).isValid()) {
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(0.15f);
        QPen pen(pal.color(QPalette::Highlight), 2, Qt::DashLine);
        p.setPen(pen);
        p.setBrush(fill);
        p.drawRect(cellRect(m_dropDate).adjusted(2, 2, -2, -2));
    }
    p.setPen(gridLine);
    p.drawLine(area.topRight(), area.bottomRight());
    p.drawLine(area.bottomLeft(), area.bottomRight());
}

void CalendarMonthGrid::keyPressEvent(QKeyEvent *event)
{
    if (m_dragging && event->key() == Qt::Key_Escape) {
        m_pressRow = -1;
        m_dragging = false;
        m_dropDate = {};
        unsetCursor();
        update();
        return;
    }
    if (!m_selected.isValid()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    switch (event->key()) {
    case Qt::Key_Left: setSelectedDate(m_selected.addDays(rtl ? 1 : -1)); break;
    case Qt::Key_Right: setSelectedDate(m_selected.addDays(rtl ? -1 : 1)); break;
    case Qt::Key_Up: setSelectedDate(m_selected.addDays(-7)); break;
    case Qt::Key_Down: setSelectedDate(m_selected.addDays(7)); break;
    case Qt::Key_PageUp: setSelectedDate(m_selected.addMonths(-1)); break;
    case Qt::Key_PageDown: setSelectedDate(m_selected.addMonths(1)); break;
    case Qt::Key_Home: setSelectedDate(m_today); break;
    case Qt::Key_Return:
    case Qt::Key_Enter: emit dayActivated(m_selected); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

int CalendarMonthGrid::rowAt(const QPoint &pos) const
{
    for (const Chip &chip : m_chips) {
        if (chip.rect.contains(pos)) {
            return chip.row;
        }
    }
    return -1;
}

void CalendarMonthGrid::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QDate d = dateAt(pos);
    if (d.isValid()) {
        setSelectedDate(d);
    }
    m_pressRow = event->button() == Qt::LeftButton ? rowAt(pos) : -1;
    m_pressPos = pos;
    m_dragging = false;
    QWidget::mousePressEvent(event);
}

void CalendarMonthGrid::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressRow < 0 || !(event->buttons() & Qt::LeftButton)) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        const QDate target = dateAt(pos);
        if (target != m_dropDate) {
            m_dropDate = target;
            update();
        }
    }
}

void CalendarMonthGrid::mouseReleaseEvent(QMouseEvent *event)
{
    const bool dropped = m_dragging && event->button() == Qt::LeftButton;
    const int row = m_pressRow;
    const QDate target = dateAt(event->position().toPoint());
    m_pressRow = -1;
    m_dragging = false;
    m_dropDate = {};
    unsetCursor();
    update();
    if (dropped && row >= 0 && row < m_model.rowCount() && target.isValid()) {
        const QDate from = m_model.localDate(row);
        if (target != from) {
            emit postMoved(m_model.index(row, 0).data(sb::models::IdRole).toString(), from, target);
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void CalendarMonthGrid::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row >= 0 && row < m_model.rowCount()) {
        emit postActivated(m_model.index(row, 0).data(sb::models::IdRole).toString());
        return;
    }
    const QDate d = dateAt(event->position().toPoint());
    if (d.isValid()) {
        emit dayActivated(d);
    }
}

void CalendarMonthGrid::focusInEvent(QFocusEvent *event)
{
    update();
    QWidget::focusInEvent(event);
}

void CalendarMonthGrid::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

bool CalendarMonthGrid::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip) {
        return QWidget::event(event);
    }
    const QPoint pos = static_cast<QHelpEvent *>(event)->pos();
    for (const Chip &chip : m_chips) {
        if (chip.rect.contains(pos)) {
            auto cell = [&](int column) { return m_model.index(chip.row, column).data().toString(); };
            const QString tip
                = QStringLiteral("<b>%1</b> · %2<br>%3<br>%4%5")
                      .arg(
                          cell(CalendarModel::WhenColumn).toHtmlEscaped(),
                          cell(CalendarModel::StateColumn).toHtmlEscaped(),
                          cell(CalendarModel::AccountsColumn).toHtmlEscaped(),
                          cell(CalendarModel::TextColumn).toHtmlEscaped(),
                          cell(CalendarModel::CampaignColumn).isEmpty()
                              ? QString()
                              : QString(QStringLiteral("<br>")
                                        + tr("Campaign: %1").arg(cell(CalendarModel::CampaignColumn).toHtmlEscaped())));
            QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), tip, this, chip.rect);
            return true;
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

} // namespace sb::ui
