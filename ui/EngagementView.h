#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace sb::models {
class EngagementModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

class EngagementChart;
class EngagementGoals;

// Per-employee engagement: a table of figures over a range, one chart (median first response against the team
// median), the selected employee's goals, and how each figure is counted. Contributors see their own row and
// the team's only.
class EngagementView final : public QWidget {
    Q_OBJECT
public:
    explicit EngagementView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~EngagementView() override;

    sb::models::EngagementModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    EngagementChart *chart() const { return m_chart; }
    EngagementGoals *goals() const { return m_goals; }
    QString selectedEmployee() const { return m_selectedId; }

public slots:
    // Recomputes the figures now if the view is shown, else when it is next shown.
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void selectEmployee(const QString &employeeId);
    void onSelectionChanged();
    void updateGoals();
    QString rangePhrase() const;

    sb::models::WorkspaceContext &m_ctx;
    sb::models::EngagementModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_range = nullptr;
    QLabel *m_rangeText = nullptr;
    QLabel *m_scope = nullptr;
    EngagementChart *m_chart = nullptr;
    EngagementGoals *m_goals = nullptr;
    QString m_selectedId;
    bool m_stale = true;
};

} // namespace sb::ui
