#pragma once

#include <QDialog>
#include <QHash>

#include <optional>

class QCheckBox;
class QDoubleSpinBox;

namespace sb::ui {

// Sets, changes or removes an employee's goals: one row per kind of goal, a box to have it at all and its target.
class EngagementGoalsDialog final : public QDialog {
    Q_OBJECT
public:
    // `current`: metric -> target of the goals the employee has now.
    EngagementGoalsDialog(const QString &employeeName, const QHash<QString, double> &current,
                          QWidget *parent = nullptr);
    ~EngagementGoalsDialog() override;

    // What the person chose: metric -> target, or nullopt to remove the goal. Only the changes.
    QHash<QString, std::optional<double>> changes() const;

    QCheckBox *enabledBox(const QString &metric) const { return m_enabled.value(metric); }
    QDoubleSpinBox *targetBox(const QString &metric) const { return m_target.value(metric); }

private:
    QHash<QString, double> m_current;
    QHash<QString, QCheckBox *> m_enabled;
    QHash<QString, QDoubleSpinBox *> m_target;
};

} // namespace sb::ui
