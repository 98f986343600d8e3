#pragma once

#include <QGroupBox>

#include <vector>

class QGridLayout;
class QLabel;

class QPushButton;

namespace sb::metrics {
struct GoalChange;
struct GoalHistory;
struct GoalProgress;
} // namespace sb::metrics

namespace sb::ui {

// An employee's goals, each as a progress bar with its figure and target in words, how the goal went in each of
// the last weeks (filled: met, hollow: missed, dot: nothing to measure) and the latest changes of the targets.
// Whoever may set goals gets an "Edit goals" button.
class EngagementGoals final : public QGroupBox {
    Q_OBJECT
public:
    explicit EngagementGoals(QWidget *parent = nullptr);
    ~EngagementGoals() override;

    void setGoals(const QString &employeeName, const std::vector<sb::metrics::GoalProgress> &goals,
                  const std::vector<sb::metrics::GoalHistory> &history = {},
                  const std::vector<sb::metrics::GoalChange> &changes = {});
    void setEditable(bool editable);
    QPushButton *editButton() const { return m_edit; }
    // A sentence instead of goals (the team row, nobody selected).
    void setMessage(const QString &message);
    int goalCount() const { return m_count; }

signals:
    void editRequested();

private:
    void clearRows();

    QGridLayout *m_grid = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_changes = nullptr;
    QPushButton *m_edit = nullptr;
    int m_count = 0;
};

} // namespace sb::ui
