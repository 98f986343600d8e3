#pragma once

#include <QGroupBox>

#include <vector>

class QGridLayout;
class QLabel;

namespace sb::metrics {
struct GoalProgress;
}

namespace sb::ui {

// An employee's goals, each as a progress bar with its figure and target in words.
class EngagementGoals final : public QGroupBox {
    Q_OBJECT
public:
    explicit EngagementGoals(QWidget *parent = nullptr);
    ~EngagementGoals() override;

    void setGoals(const QString &employeeName, const std::vector<sb::metrics::GoalProgress> &goals);
    // A sentence instead of goals (the team row, nobody selected).
    void setMessage(const QString &message);
    int goalCount() const { return m_count; }

private:
    void clearRows();

    QGridLayout *m_grid = nullptr;
    QLabel *m_message = nullptr;
    int m_count = 0;
};

} // namespace sb::ui
