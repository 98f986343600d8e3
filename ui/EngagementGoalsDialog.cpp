#include "ui/EngagementGoalsDialog.h"

#include "metrics/EngagementMetrics.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sb::ui {

namespace {

struct GoalKind {
    const char *metric;
    double minimum;
    double maximum;
    double step;
    double fallback; // the target offered when the goal is new
    int decimals;
};

constexpr GoalKind kKinds[] = {
    {"replies_per_week", 1, 2000, 5, 40, 0},      {"resolved_per_week", 1, 2000, 5, 30, 0},
    {"posts_per_week", 1, 100, 1, 3, 0},          {"median_first_response_minutes", 1, 2400, 5, 30, 0},
    {"sla_attainment_percent", 1, 100, 1, 90, 0},
};

} // namespace

EngagementGoalsDialog::EngagementGoalsDialog(const QString &employeeName, const QHash<QString, double> &current,
                                             QWidget *parent)
    : QDialog(parent), m_current(current)
{
    setObjectName(QStringLiteral("engagementGoalsDialog"));
    setWindowTitle(tr("Goals for %1").arg(employeeName));
    auto *intro = new QLabel(tr("Goals are measured over the range the panel shows, per week where they say so, and "
                                "each week's result is kept in the history."),
                             this);
    intro->setWordWrap(true);
    auto *grid = new QGridLayout;
    int row = 0;
    for (const GoalKind &kind : kKinds) {
        const QString metric = QString::fromLatin1(kind.metric);
        auto *box = new QCheckBox(metrics::goalMetricLabel(metric), this);
        box->setObjectName(QStringLiteral("goalEnabled_") + metric);
        auto *target = new QDoubleSpinBox(this);
        target->setObjectName(QStringLiteral("goalTarget_") + metric);
        target->setAccessibleName(tr("Target for %1").arg(metrics::goalMetricLabel(metric)));
        target->setRange(kind.minimum, kind.maximum);
        target->setSingleStep(kind.step);
        target->setDecimals(kind.decimals);
        if (metric == QLatin1String("median_first_response_minutes")) {
            target->setPrefix(tr("under "));
            target->setSuffix(tr(" min"));
        } else if (metric == QLatin1String("sla_attainment_percent")) {
            target->setPrefix(tr("at least "));
            target->setSuffix(tr(" %"));
        } else {
            target->setPrefix(tr("at least "));
            target->setSuffix(tr(" a week"));
        }
        const bool has = current.contains(metric);
        box->setChecked(has);
        target->setValue(has ? current.value(metric) : kind.fallback);
        target->setEnabled(has);
        connect(box, &QCheckBox::toggled, target, &QWidget::setEnabled);
        grid->addWidget(box, row, 0);
        grid->addWidget(target, row, 1);
        m_enabled.insert(metric, box);
        m_target.insert(metric, target);
        ++row;
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(buttons);
}

EngagementGoalsDialog::~EngagementGoalsDialog() = default;

QHash<QString, std::optional<double>> EngagementGoalsDialog::changes() const
{
    QHash<QString, std::optional<double>> out;
    for (auto it = m_enabled.cbegin(); it != m_enabled.cend(); ++it) {
        const QString &metric = it.key();
        const bool had = m_current.contains(metric);
        if (it.value()->isChecked()) {
            const double target = m_target.value(metric)->value();
            if (!had || m_current.value(metric) != target) {
                out.insert(metric, target);
            }
        } else if (had) {
            out.insert(metric, std::nullopt);
        }
    }
    return out;
}

} // namespace sb::ui
