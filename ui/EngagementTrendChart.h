#pragma once

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QChartView;
class QComboBox;

namespace sb::metrics {
struct DaySeriesPoint;
struct Figures;
} // namespace sb::metrics

namespace sb::ui {

// One employee's figure per day or week against the team's: bars for volumes (the employee beside the median of
// the team's employees), lines for times and shares (the employee's median against the team's median over all
// conversations). The metric is picked in a combo box above the chart.
class EngagementTrendChart final : public QWidget {
    Q_OBJECT
public:
    enum class Metric { Replies, Resolved, FirstResponse, Sla, Notes, PostsPublished, Engagement };

    struct Point {
        QString label;
        std::optional<double> employee; // in the chart's unit (count, minutes or hours, percent)
        std::optional<double> team;
    };

    explicit EngagementTrendChart(QWidget *parent = nullptr);
    ~EngagementTrendChart() override;

    // `points` as computed by EngagementRollups::series; weekly points are labelled by their Monday.
    void setData(const std::vector<metrics::DaySeriesPoint> &points, bool weekly, const QString &employeeId,
                 const QString &employeeName);
    void setMetric(Metric metric);
    Metric metric() const;

    QChart *chart() const;
    // The drawing alone, without controls: what a report prints.
    QWidget *chartView() const;
    QComboBox *metricBox() const { return m_metric; }
    // What is drawn, for tests and assistive technology.
    const std::vector<Point> &points() const { return m_points; }
    bool isBarChart() const;
    QString unitLabel() const { return m_unit; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void recompute();
    void rebuild();

    QChartView *m_view = nullptr;
    QComboBox *m_metric = nullptr;
    std::vector<metrics::DaySeriesPoint> m_source;
    bool m_weekly = false;
    QString m_employeeId;
    QString m_employeeName;
    std::vector<Point> m_points;
    QString m_unit;
};

} // namespace sb::ui
