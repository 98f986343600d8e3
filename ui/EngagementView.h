#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;
class QToolButton;
class QSortFilterProxyModel;
class QTableView;

namespace sb::metrics {
struct DaySeriesPoint;
enum class DrillFigure;
} // namespace sb::metrics

namespace sb::models {
class EngagementModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class EngagementChart;
class EngagementDrillDownDialog;
class EngagementGoals;
class EngagementTrendChart;

// Per-employee engagement: a table of figures over a range (presets, a campaign's dates or any two days), the
// selected employee's trend per day or week against the team, the median first response of everyone, the selected
// employee's goals, and how each figure is counted. Contributors see their own row and the team's only.
class EngagementView final : public QWidget {
    Q_OBJECT
public:
    explicit EngagementView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~EngagementView() override;

    sb::models::EngagementModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    EngagementChart *chart() const { return m_chart; }
    EngagementTrendChart *trendChart() const { return m_trend; }
    QComboBox *rangeBox() const { return m_range; }
    QDateEdit *customFrom() const { return m_from; }
    QDateEdit *customTo() const { return m_to; }
    EngagementGoals *goals() const { return m_goals; }
    // Applies goal changes for the selected employee (what the goals dialog returns): metric -> target or removal.
    Status applyGoalChanges(const QHash<QString, std::optional<double>> &changes);
    QString selectedEmployee() const { return m_selectedId; }

    // Writes what the viewer sees: the figures as CSV, or a PDF report with the charts, goals and definitions.
    Status exportCsv(const QString &path);
    Status exportPdf(const QString &path);

    // Opens the rows behind one figure of an employee ('' = the team's row); the dialog deletes itself on close.
    EngagementDrillDownDialog *openDrillDown(const QString &employeeId, metrics::DrillFigure figure);

public slots:
    // Recomputes the figures now if the view is shown, else when it is next shown.
    void refresh();

signals:
    void openConversation(const QString &conversationId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void selectEmployee(const QString &employeeId);
    void onSelectionChanged();
    void updateGoals();
    void updateTrend();
    void drillInto(const QModelIndex &proxyIndex);
    void exportWithDialog(bool pdf);
    void editGoals();
    void fillRanges();
    QString rangePhrase() const;

    sb::models::WorkspaceContext &m_ctx;
    sb::models::EngagementModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_range = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTabWidget *m_charts = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_exportStatus = nullptr;
    EngagementTrendChart *m_trend = nullptr;
    QLabel *m_rangeText = nullptr;
    QLabel *m_scope = nullptr;
    EngagementChart *m_chart = nullptr;
    EngagementGoals *m_goals = nullptr;
    QString m_selectedId;
    bool m_stale = true;
    bool m_weekly = false;
    std::vector<metrics::DaySeriesPoint> m_series;
};

} // namespace sb::ui
