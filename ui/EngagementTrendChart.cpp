#include "ui/EngagementTrendChart.h"

#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace sb::ui {

namespace {

using Metric = EngagementTrendChart::Metric;

bool isVolume(Metric m)
{
    return m != Metric::FirstResponse && m != Metric::Sla;
}

std::optional<qint64> volumeOf(const metrics::Figures &f, Metric m)
{
    switch (m) {
    case Metric::Replies: return f.repliesSent;
    case Metric::Resolved: return f.conversationsResolved;
    case Metric::Notes: return f.notesWritten;
    case Metric::PostsPublished: return f.postsPublished;
    case Metric::Engagement: return f.engagementEarned();
    case Metric::FirstResponse:
    case Metric::Sla: break;
    }
    return std::nullopt;
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

} // namespace

EngagementTrendChart::EngagementTrendChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("engagementTrendChart"));
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("engagementTrendMetric"));
    m_metric->setAccessibleName(tr("Trend figure"));
    m_metric->addItem(tr("Replies"), int(Metric::Replies));
    m_metric->addItem(tr("Resolved conversations"), int(Metric::Resolved));
    m_metric->addItem(tr("Median first response"), int(Metric::FirstResponse));
    m_metric->addItem(tr("SLA attainment"), int(Metric::Sla));
    m_metric->addItem(tr("Notes written"), int(Metric::Notes));
    m_metric->addItem(tr("Posts published"), int(Metric::PostsPublished));
    m_metric->addItem(tr("Engagement earned"), int(Metric::Engagement));
    auto *label = new QLabel(tr("&Trend of"), this);
    label->setBuddy(m_metric);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(label);
    top->addWidget(m_metric);
    top->addStretch(1);

    m_view = new QChartView(new QChart, this);
    m_view->setObjectName(QStringLiteral("engagementTrendView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(200);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        recompute();
        rebuild();
    });
    rebuild();
}

EngagementTrendChart::~EngagementTrendChart() = default;

QChart *EngagementTrendChart::chart() const
{
    return m_view->chart();
}

QWidget *EngagementTrendChart::chartView() const
{
    return m_view;
}

EngagementTrendChart::Metric EngagementTrendChart::metric() const
{
    return static_cast<Metric>(m_metric->currentData().toInt());
}

void EngagementTrendChart::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(m_metric->findData(int(metric)));
}

bool EngagementTrendChart::isBarChart() const
{
    return isVolume(metric());
}

void EngagementTrendChart::setData(const std::vector<metrics::DaySeriesPoint> &points, bool weekly,
                                   const QString &employeeId, const QString &employeeName)
{
    m_source = points;
    m_weekly = weekly;
    m_employeeId = employeeId;
    m_employeeName = employeeName;
    recompute();
    rebuild();
}

void EngagementTrendChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        rebuild();
    }
    QWidget::changeEvent(event);
}

void EngagementTrendChart::recompute()
{
    const Metric m = metric();
    const QLocale locale;
    m_points.clear();
    // For volumes the team's line is the median employee; people who never did this in the whole range (an
    // administrator who does not reply) are left out, so the median is of the ones who do the work.
    std::vector<bool> counted;
    if (!m_source.empty()) {
        counted.assign(m_source.front().employees.size(), false);
        for (const auto &p : m_source) {
            for (size_t i = 0; i < p.employees.size() && i < counted.size(); ++i) {
                counted[i] = counted[i] || volumeOf(p.employees[i], m).value_or(0) > 0;
            }
        }
    }
    qint64 maxSeconds = 0;
    for (const auto &p : m_source) {
        Point point;
        point.label = m_weekly || m_source.size() > 14 ? locale.toString(p.first, QStringLiteral("d MMM"))
                                                       : locale.toString(p.first, QStringLiteral("ddd d"));
        const auto mine = std::find_if(p.employees.begin(), p.employees.end(),
                                       [&](const metrics::Figures &f) { return f.employeeId == m_employeeId; });
        if (isVolume(m)) {
            std::vector<qint64> values;
            for (size_t i = 0; i < p.employees.size() && i < counted.size(); ++i) {
                if (counted[i]) {
                    values.push_back(volumeOf(p.employees[i], m).value_or(0));
                }
            }
            if (mine != p.employees.end()) {
                point.employee = double(volumeOf(*mine, m).value_or(0));
            }
            const auto median = metrics::median(std::move(values));
            point.team = double(median.value_or(0));
        } else if (m == Metric::FirstResponse) {
            if (mine != p.employees.end() && mine->medianFirstResponseSecs) {
                point.employee = double(*mine->medianFirstResponseSecs);
                maxSeconds = std::max(maxSeconds, *mine->medianFirstResponseSecs);
            }
            if (p.team.medianFirstResponseSecs) {
                point.team = double(*p.team.medianFirstResponseSecs);
                maxSeconds = std::max(maxSeconds, *p.team.medianFirstResponseSecs);
            }
        } else {
            if (mine != p.employees.end()) {
                point.employee = mine->slaAttainmentPercent();
            }
            point.team = p.team.slaAttainmentPercent();
        }
        m_points.push_back(point);
    }
    if (m == Metric::FirstResponse) {
        const bool hours = maxSeconds >= 4 * 3600;
        m_unit = hours ? tr("Hours of business time") : tr("Minutes of business time");
        const double unit = hours ? 3600.0 : 60.0;
        for (Point &p : m_points) {
            for (std::optional<double> *v : {&p.employee, &p.team}) {
                if (*v) {
                    *v = std::round(**v / unit * 10) / 10;
                }
            }
        }
    } else if (m == Metric::Sla) {
        m_unit = tr("Percent answered on time");
    } else {
        m_unit = m_weekly ? tr("Per week") : tr("Per day");
    }
}

void EngagementTrendChart::rebuild()
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
    const QColor grid = mix(text, base, 0.15);
    const QColor mineColour = pal.color(QPalette::Highlight);
    const QColor teamColour = mix(text, base, 0.45);
    c->setBackgroundBrush(base);
    c->setBackgroundRoundness(0);
    c->setTitleBrush(text);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(text);
    c->legend()->setAlignment(Qt::AlignBottom);
    const QString who = m_employeeName.isEmpty() ? tr("Team") : m_employeeName;
    const QString figure = m_metric->currentText();
    c->setTitle(m_employeeName.isEmpty() ? tr("%1, team median").arg(figure)
                                         : tr("%1: %2 against the team").arg(figure, who));
    if (m_points.empty()) {
        m_view->setAccessibleName(c->title());
        return;
    }

    const int n = int(m_points.size());
    double maxValue = 0;
    for (const Point &p : m_points) {
        maxValue = std::max({maxValue, p.employee.value_or(0), p.team.value_or(0)});
    }
    auto *x = new QCategoryAxis;
    x->setRange(-0.5, n - 0.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int step = std::max(1, (n + 11) / 12); // about a dozen labels whatever the range
    for (int i = 0; i < n; i += step) {
        x->append(m_points[size_t(i)].label, i);
    }
    auto *y = new QValueAxis;
    y->setTitleText(m_unit);
    const Metric m = metric();
    if (m == Metric::Sla) {
        y->setRange(0, 100);
    } else {
        y->setRange(0, std::max(1.0, maxValue * 1.15));
        y->applyNiceNumbers();
    }
    const bool hours = m == Metric::FirstResponse && m_unit == tr("Hours of business time");
    y->setLabelFormat(hours ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(x), static_cast<QAbstractAxis *>(y)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    x->setGridLineVisible(false);
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);

    QStringList description;
    const QString teamName = isVolume(m) ? tr("Team median") : tr("Team");
    if (isVolume(m)) {
        auto *mine = new QBarSet(who);
        mine->setColor(mineColour);
        mine->setBorderColor(mineColour);
        auto *team = new QBarSet(teamName);
        team->setColor(teamColour);
        team->setBorderColor(teamColour);
        for (const Point &p : m_points) {
            if (!m_employeeName.isEmpty()) {
                mine->append(p.employee.value_or(0));
            }
            team->append(p.team.value_or(0));
            description << tr("%1: %2, team median %3")
                               .arg(p.label, QLocale().toString(p.employee.value_or(0), 'f', 0),
                                    QLocale().toString(p.team.value_or(0), 'f', 0));
        }
        auto *bars = new QBarSeries;
        if (!m_employeeName.isEmpty()) {
            bars->append(mine);
        } else {
            delete mine;
        }
        bars->append(team);
        bars->setBarWidth(0.8);
        c->addSeries(bars);
        bars->attachAxis(x);
        bars->attachAxis(y);
    } else {
        // Lines with a dot on every point that has a value; a point without one (nobody answered) is a gap.
        auto addLine
            = [&](const QString &name, const QColor &colour, bool dashed, std::optional<double> Point::*field) {
                  QLineSeries *line = nullptr;
                  auto *dots = new QScatterSeries;
                  dots->setColor(colour);
                  dots->setBorderColor(colour);
                  dots->setMarkerSize(6);
                  for (int i = 0; i < n; ++i) {
                      const auto &v = m_points[size_t(i)].*field;
                      if (!v) {
                          line = nullptr;
                          continue;
                      }
                      if (!line) {
                          line = new QLineSeries;
                          QPen pen(colour);
                          pen.setWidthF(2);
                          pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
                          line->setPen(pen);
                          c->addSeries(line);
                          line->attachAxis(x);
                          line->attachAxis(y);
                      }
                      line->append(i, *v);
                      dots->append(i, *v);
                  }
                  dots->setName(name);
                  c->addSeries(dots);
                  dots->attachAxis(x);
                  dots->attachAxis(y);
              };
        if (!m_employeeName.isEmpty()) {
            addLine(who, mineColour, false, &Point::employee);
        }
        addLine(teamName, teamColour, true, &Point::team);
        for (QLegendMarker *marker : c->legend()->markers()) {
            marker->setVisible(qobject_cast<QScatterSeries *>(marker->series()) != nullptr);
        }
        for (const Point &p : m_points) {
            auto shown = [](const std::optional<double> &v) {
                return v ? QLocale().toString(*v, 'f', 1) : QStringLiteral("–");
            };
            description << tr("%1: %2, team %3").arg(p.label, shown(p.employee), shown(p.team));
        }
    }
    m_view->setAccessibleName(c->title());
    m_view->setAccessibleDescription(description.join(QStringLiteral("; ")));
}

} // namespace sb::ui
