#include "ui/EngagementChart.h"

#include "metrics/EngagementMetrics.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QStackedLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace sb::ui {

EngagementChart::EngagementChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("engagementChart"));
    m_view = new QChartView(new QChart, this);
    m_view->setObjectName(QStringLiteral("engagementChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    auto *empty = new QLabel(this);
    empty->setObjectName(QStringLiteral("engagementChartEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    auto *stack = new QStackedLayout(this);
    stack->addWidget(m_view);
    stack->addWidget(empty);
    rebuild();
}

EngagementChart::~EngagementChart() = default;

QChart *EngagementChart::chart() const
{
    return m_view->chart();
}

QWidget *EngagementChart::chartView() const
{
    return m_view;
}

void EngagementChart::setData(const QString &title, std::vector<Bar> bars, std::optional<qint64> teamMedianSeconds)
{
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.seconds < b.seconds; });
    m_title = title;
    m_bars = std::move(bars);
    m_teamMedian = teamMedianSeconds;
    rebuild();
}

void EngagementChart::setSelectedEmployee(const QString &employeeId)
{
    if (employeeId != m_selected) {
        m_selected = employeeId;
        rebuild();
    }
}

void EngagementChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        rebuild(); // dark mode follows the desktop
    }
    QWidget::changeEvent(event);
}

void EngagementChart::rebuild()
{
    // A fresh chart each time: removing axes from a live chart leaves stale axis items drawn in Qt 6.4.
    auto *c = new QChart;
    c->setAnimationOptions(QChart::NoAnimation);
    QChart *old = m_view->chart();
    m_view->setChart(c);
    delete old;
    const QPalette &pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const QColor grid = QColor::fromRgbF(float(text.redF() * 0.15 + base.redF() * 0.85),
                                         float(text.greenF() * 0.15 + base.greenF() * 0.85),
                                         float(text.blueF() * 0.15 + base.blueF() * 0.85));
    c->setBackgroundBrush(base);
    c->setBackgroundRoundness(0);
    c->setTitleBrush(text);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->setTitle(m_title);
    c->legend()->setLabelColor(text);
    c->legend()->setAlignment(Qt::AlignBottom);

    auto *stack = static_cast<QStackedLayout *>(layout());
    if (m_bars.empty()) {
        auto *empty = findChild<QLabel *>(QStringLiteral("engagementChartEmpty"));
        empty->setText(m_title + QStringLiteral("\n\n") + tr("No first responses in this range yet."));
        stack->setCurrentIndex(1);
        m_view->setAccessibleName(m_title);
        return;
    }
    stack->setCurrentIndex(0);

    qint64 maxSeconds = m_teamMedian.value_or(0);
    for (const Bar &b : m_bars) {
        maxSeconds = std::max(maxSeconds, b.seconds);
    }
    m_hours = maxSeconds >= 4 * 3600; // minutes read better up to a few hours
    const double unit = m_hours ? 3600.0 : 60.0;

    auto *set = new QBarSet(tr("Median first response"));
    const QColor barColour = pal.color(QPalette::Highlight);
    set->setColor(barColour);
    set->setBorderColor(barColour);
    set->setSelectedColor(barColour.darker(150));
    set->setLabelColor(text);
    auto *categories = new QBarCategoryAxis;
    // Categories grow upwards: add the slowest first, so the fastest reads first, at the top.
    QStringList description;
    for (auto it = m_bars.rbegin(); it != m_bars.rend(); ++it) {
        // Whole minutes, or hours to a tenth: the label on each bar stays short.
        const double value = double(it->seconds) / unit;
        set->append(m_hours ? std::round(value * 10) / 10 : std::round(value));
        categories->append(it->name);
    }
    for (const Bar &b : m_bars) {
        description << tr("%1: %2").arg(b.name, metrics::formatDuration(b.seconds));
    }
    const auto selected
        = std::find_if(m_bars.begin(), m_bars.end(), [&](const Bar &b) { return b.employeeId == m_selected; });
    if (selected != m_bars.end()) {
        set->selectBar(int(m_bars.end() - selected) - 1);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.6);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(6);
    c->addSeries(series);

    auto *values = new QValueAxis;
    values->setTitleText(m_hours ? tr("Hours of business time") : tr("Minutes of business time"));
    values->setRange(0, double(maxSeconds) / unit * 1.15);
    values->applyNiceNumbers();
    values->setLabelFormat(m_hours ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    categories->setTitleText(tr("Employee"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(values), static_cast<QAbstractAxis *>(categories)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    categories->setGridLineVisible(false);
    c->addAxis(values, Qt::AlignBottom);
    c->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(values);
    series->attachAxis(categories);
    c->legend()->markers(series).constFirst()->setVisible(false);

    if (m_teamMedian) {
        // The reference line spans all categories: a hidden axis gives it the categories' coordinates.
        auto *span = new QValueAxis;
        span->setRange(-0.5, double(m_bars.size()) - 0.5);
        span->setVisible(false);
        c->addAxis(span, Qt::AlignRight);
        auto *median = new QLineSeries;
        median->setName(tr("Team median: %1").arg(metrics::formatDuration(*m_teamMedian)));
        const double x = double(*m_teamMedian) / unit;
        median->append(x, -0.5);
        median->append(x, double(m_bars.size()) - 0.5);
        QPen pen(text);
        pen.setWidthF(2);
        pen.setStyle(Qt::DashLine);
        median->setPen(pen);
        c->addSeries(median);
        median->attachAxis(values);
        median->attachAxis(span);
        description << median->name();
    }
    c->legend()->setVisible(bool(m_teamMedian));
    m_view->setAccessibleName(m_title);
    m_view->setAccessibleDescription(description.join(QStringLiteral("; ")));
}

} // namespace sb::ui
