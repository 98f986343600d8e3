#include "ui/EngagementGoals.h"

#include "metrics/EngagementMetrics.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace sb::ui {

EngagementGoals::EngagementGoals(QWidget *parent) : QGroupBox(tr("Goals"), parent)
{
    setObjectName(QStringLiteral("engagementGoals"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("engagementGoalsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(1, 1);
    layout->addLayout(m_grid);
    setMessage(tr("Select an employee to see their goals."));
}

EngagementGoals::~EngagementGoals() = default;

void EngagementGoals::clearRows()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_count = 0;
}

void EngagementGoals::setMessage(const QString &message)
{
    clearRows();
    setTitle(tr("Goals"));
    m_message->setText(message);
    m_message->setVisible(true);
}

void EngagementGoals::setGoals(const QString &employeeName, const std::vector<sb::metrics::GoalProgress> &goals)
{
    clearRows();
    setTitle(tr("Goals: %1").arg(employeeName));
    if (goals.empty()) {
        m_message->setText(tr("No goals are set for %1 yet.").arg(employeeName));
        m_message->setVisible(true);
        return;
    }
    m_message->setVisible(false);
    int row = 0;
    for (const sb::metrics::GoalProgress &g : goals) {
        auto *label = new QLabel(g.label, this);
        auto *bar = new QProgressBar(this);
        bar->setObjectName(QStringLiteral("goal_") + g.metric);
        bar->setRange(0, 1000);
        bar->setValue(int(g.fraction * 1000));
        bar->setTextVisible(true);
        bar->setFormat(g.summary);
        bar->setAccessibleName(g.label);
        bar->setAccessibleDescription(g.summary);
        label->setBuddy(bar);
        // Met or not in words, beside the bar: the bar's colour is the style's and says nothing by itself.
        auto *state = new QLabel(g.met ? tr("Met") : (g.actual ? tr("Not yet") : tr("No data")), this);
        state->setObjectName(QStringLiteral("goalState_") + g.metric);
        m_grid->addWidget(label, row, 0);
        m_grid->addWidget(bar, row, 1);
        m_grid->addWidget(state, row, 2);
        ++row;
    }
    m_count = row;
}

} // namespace sb::ui
