#include "ui/EngagementGoals.h"

#include "metrics/EngagementGoalHistory.h"
#include "metrics/EngagementMetrics.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

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
    m_changes = new QLabel(this);
    m_changes->setObjectName(QStringLiteral("engagementGoalChanges"));
    m_changes->setWordWrap(true);
    m_changes->setVisible(false);
    layout->addWidget(m_changes);
    m_edit = new QPushButton(tr("Edit &goals…"), this);
    m_edit->setObjectName(QStringLiteral("engagementEditGoals"));
    m_edit->setToolTip(tr("Set, change or remove this employee's goals"));
    m_edit->setVisible(false);
    connect(m_edit, &QPushButton::clicked, this, &EngagementGoals::editRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_edit);
    layout->addLayout(buttons);
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

void EngagementGoals::setEditable(bool editable)
{
    m_edit->setVisible(editable);
}

void EngagementGoals::setMessage(const QString &message)
{
    clearRows();
    m_changes->setVisible(false);
    m_edit->setEnabled(false);
    setTitle(tr("Goals"));
    m_message->setText(message);
    m_message->setVisible(true);
}

void EngagementGoals::setGoals(const QString &employeeName, const std::vector<sb::metrics::GoalProgress> &goals,
                               const std::vector<sb::metrics::GoalHistory> &history,
                               const std::vector<sb::metrics::GoalChange> &changes)
{
    clearRows();
    m_edit->setEnabled(true);
    setTitle(tr("Goals: %1").arg(employeeName));
    // The latest changes of the targets, in words.
    QStringList lines;
    const QLocale locale;
    for (size_t i = 0; i < changes.size() && i < 3; ++i) {
        const sb::metrics::GoalChange &c = changes[i];
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(c.atMs).date(), QLocale::ShortFormat);
        const QString who = c.who.isEmpty() ? tr("someone") : c.who;
        lines << (c.target ? tr("%1: %2 set %3 to %4")
                                 .arg(when, who, sb::metrics::goalMetricLabel(c.metric),
                                      locale.toString(*c.target, 'f', *c.target == std::floor(*c.target) ? 0 : 1))
                           : tr("%1: %2 removed %3").arg(when, who, sb::metrics::goalMetricLabel(c.metric)));
    }
    m_changes->setText(lines.join(QLatin1Char('\n')));
    m_changes->setVisible(!lines.isEmpty());
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
        // The last weeks, oldest first: a shape per week, so it reads without colour too.
        const auto past = std::find_if(history.begin(), history.end(),
                                       [&](const sb::metrics::GoalHistory &h) { return h.metric == g.metric; });
        if (past != history.end() && !past->weeks.empty()) {
            QString marks;
            QStringList weeks;
            for (const sb::metrics::GoalWeek &w : past->weeks) {
                marks += w.met ? QStringLiteral("●") : (w.hasData ? QStringLiteral("○") : QStringLiteral("·"));
                int year = 0;
                const int number = w.monday.weekNumber(&year);
                weeks << tr("Week %1 (from %2): %3, %4")
                             .arg(number)
                             .arg(locale.toString(w.monday, QLocale::ShortFormat), w.summary,
                                  w.met ? tr("met") : (w.hasData ? tr("missed") : tr("nothing to measure")));
            }
            auto *trend = new QLabel(marks, this);
            trend->setObjectName(QStringLiteral("goalHistory_") + g.metric);
            trend->setToolTip(weeks.join(QLatin1Char('\n')));
            trend->setAccessibleName(tr("%1, last weeks").arg(g.label));
            trend->setAccessibleDescription(weeks.join(QStringLiteral("; ")));
            m_grid->addWidget(trend, row, 3);
        }
        ++row;
    }
    m_count = row;
}

} // namespace sb::ui
