#pragma once

#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QChartView;

namespace sb::ui {

// One chart, one message: each employee's median first response as a bar, the team median as a reference line,
// in minutes or hours of business time.
class EngagementChart final : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QString employeeId;
        QString name;
        qint64 seconds = 0;
    };

    explicit EngagementChart(QWidget *parent = nullptr);
    ~EngagementChart() override;

    void setData(const QString &title, std::vector<Bar> bars, std::optional<qint64> teamMedianSeconds);
    void setSelectedEmployee(const QString &employeeId);

    QChart *chart() const;
    // The drawing alone, without controls: what a report prints.
    QWidget *chartView() const;
    // What is drawn, for tests and assistive technology: employees in drawing order (top to bottom).
    const std::vector<Bar> &bars() const { return m_bars; }
    bool usesHours() const { return m_hours; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QChartView *m_view = nullptr;
    QString m_title;
    std::vector<Bar> m_bars;
    std::optional<qint64> m_teamMedian;
    QString m_selected;
    bool m_hours = false;
};

} // namespace sb::ui
