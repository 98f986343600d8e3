#include "ui/EngagementView.h"

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "metrics/EngagementMetrics.h"
#include "models/EngagementModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/WorkspaceSettings.h"
#include "ui/EngagementChart.h"
#include "ui/EngagementGoals.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sb::ui {

using sb::models::EngagementModel;

namespace {

// Sorts by the figures behind the cells, and keeps the team's row last whichever way the column is sorted.
class EngagementSortProxy final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const bool leftTeam = left.data(EngagementModel::TeamRowRole).toBool();
        const bool rightTeam = right.data(EngagementModel::TeamRowRole).toBool();
        if (leftTeam != rightTeam) {
            return sortOrder() == Qt::AscendingOrder ? rightTeam : leftTeam;
        }
        const QVariant a = left.data(sb::models::SortKeyRole);
        const QVariant b = right.data(sb::models::SortKeyRole);
        if (a.typeId() == QMetaType::QString) {
            return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
        }
        return a.toDouble() < b.toDouble();
    }
};

// "Mon–Fri 09:00–17:00, Europe/Berlin"
QString describeHours(const BusinessHours &hours)
{
    const QLocale locale;
    QStringList runs;
    int day = 1;
    while (day <= 7) {
        if (!hours.isWorkingDay(day)) {
            ++day;
            continue;
        }
        int last = day;
        while (last < 7 && hours.isWorkingDay(last + 1)) {
            ++last;
        }
        runs << (last == day ? locale.dayName(day, QLocale::ShortFormat)
                             : QString(locale.dayName(day, QLocale::ShortFormat) + QStringLiteral("–")
                                       + locale.dayName(last, QLocale::ShortFormat)));
        day = last + 1;
    }
    return QCoreApplication::translate("sb::ui::EngagementView", "%1 %2–%3, %4")
        .arg(runs.join(QStringLiteral(", ")), hours.start.toString(QStringLiteral("HH:mm")),
             hours.end.toString(QStringLiteral("HH:mm")), QString::fromUtf8(hours.zone.id()));
}

} // namespace

EngagementView::EngagementView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("engagementView"));
    // The engine's connection: reading the figures first brings the rollups up to date, which writes.
    m_model = new EngagementModel(ctx.engine().db(), this);
    m_model->setObjectName(QStringLiteral("engagementModel"));
    m_proxy = new EngagementSortProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("engagementRange"));
    m_range->setAccessibleName(tr("Date range"));
    m_range->addItem(tr("This week"), int(metrics::RangePreset::ThisWeek));
    m_range->addItem(tr("Last 30 days"), int(metrics::RangePreset::Last30Days));
    m_range->addItem(tr("Last 90 days"), int(metrics::RangePreset::Last90Days));
    m_range->setCurrentIndex(1);
    rangeLabel->setBuddy(m_range);
    m_rangeText = new QLabel(this);
    m_rangeText->setObjectName(QStringLiteral("engagementRangeText"));
    m_scope = new QLabel(tr("You see your own figures and the team's."), this);
    m_scope->setObjectName(QStringLiteral("engagementScope"));
    auto *top = new QHBoxLayout;
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addSpacing(8);
    top->addWidget(m_rangeText, 1);
    top->addWidget(m_scope);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("engagementTable"));
    m_table->setAccessibleName(tr("Engagement by employee"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EngagementModel::EmployeeColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(EngagementModel::EmployeeColumn, QHeaderView::Stretch);

    m_chart = new EngagementChart(this);
    m_goals = new EngagementGoals(this);
    auto *definitions = new QLabel(metrics::definitionsText(), this);
    definitions->setObjectName(QStringLiteral("engagementDefinitions"));
    definitions->setWordWrap(true);
    definitions->setTextFormat(Qt::RichText);
    definitions->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *definitionsBox = new QGroupBox(tr("How these figures are counted"), this);
    auto *definitionsScroll = new QScrollArea(definitionsBox);
    definitionsScroll->setWidget(definitions);
    definitionsScroll->setWidgetResizable(true);
    definitionsScroll->setFrameShape(QFrame::NoFrame);
    auto *definitionsLayout = new QVBoxLayout(definitionsBox);
    definitionsLayout->addWidget(definitionsScroll);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_goals);
    sideLayout->addWidget(definitionsBox, 1);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(QStringLiteral("engagementBottomSplitter"));
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(m_chart);
    bottom->addWidget(side);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({720, 480});
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("engagementSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({330, 470}); // about a dozen rows before the table scrolls

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    setFocusProxy(m_table);

    connect(m_range, &QComboBox::currentIndexChanged, this, &EngagementView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EngagementView::onSelectionChanged);
    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &EngagementView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, [this](const QString &id) {
        m_selectedId = id;
        refresh();
    });
    m_selectedId = ctx.currentEmployeeId();
    refresh();
}

EngagementView::~EngagementView() = default;

QString EngagementView::rangePhrase() const
{
    switch (static_cast<metrics::RangePreset>(m_range->currentData().toInt())) {
    case metrics::RangePreset::ThisWeek: return tr("this week");
    case metrics::RangePreset::Last30Days: return tr("last 30 days");
    case metrics::RangePreset::Last90Days: return tr("last 90 days");
    }
    return {};
}

void EngagementView::refresh()
{
    // The figures walk the event log: a hidden panel waits until someone looks instead of recomputing on every
    // change made elsewhere.
    m_stale = true;
    if (isVisible()) {
        recompute();
    }
}

void EngagementView::showEvent(QShowEvent *event)
{
    if (m_stale) {
        recompute();
    }
    QWidget::showEvent(event);
}

void EngagementView::recompute()
{
    m_stale = false;
    SqliteDb &db = m_ctx.reader();
    const QString viewer = m_ctx.currentEmployeeId();
    const auto role = sb::models::RosterModel::roleOf(db, viewer);
    // Contributors see their own figures beside the team's; everyone who triages sees the whole team.
    const bool seesEveryone = role && *role != Role::Contributor;
    m_scope->setVisible(!seesEveryone);

    const QTimeZone configured(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone zone = configured.isValid() ? configured : QTimeZone::utc();
    const qint64 now = m_ctx.clock().nowMs();
    const auto preset = static_cast<metrics::RangePreset>(m_range->currentData().toInt());
    const metrics::TimeRange range = metrics::presetRange(preset, now, zone);

    const QString keep = m_selectedId;
    m_model->setViewer(viewer, seesEveryone);
    m_ctx.report(m_model->reload(range, now));
    const QLocale locale;
    m_rangeText->setText(tr("%1 – %2 · business hours %3")
                             .arg(locale.toString(range.firstDay, QLocale::ShortFormat),
                                  locale.toString(range.lastDay, QLocale::ShortFormat),
                                  describeHours(WorkspaceSettings::businessHours(db))));

    std::vector<EngagementChart::Bar> bars;
    for (int row = 0; row + 1 < m_model->rowCount(); ++row) {
        const metrics::Figures *f = m_model->figuresAt(row);
        if (f && f->medianFirstResponseSecs) {
            bars.push_back({f->employeeId, f->name, *f->medianFirstResponseSecs});
        }
    }
    const QString title = seesEveryone ? tr("Median first response by employee, %1").arg(rangePhrase())
                                       : tr("Your median first response against the team's, %1").arg(rangePhrase());
    m_chart->setData(title, std::move(bars), m_model->report().team.medianFirstResponseSecs);
    selectEmployee(keep.isEmpty() || m_model->rowOf(keep) < 0 ? viewer : keep);
}

void EngagementView::selectEmployee(const QString &employeeId)
{
    const int sourceRow = m_model->rowOf(employeeId);
    if (sourceRow < 0) {
        m_table->clearSelection();
        m_selectedId.clear();
        updateGoals();
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    onSelectionChanged();
}

void EngagementView::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_selectedId = rows.isEmpty() ? QString() : rows.constFirst().data(sb::models::IdRole).toString();
    m_chart->setSelectedEmployee(m_selectedId);
    updateGoals();
}

void EngagementView::updateGoals()
{
    const metrics::Figures *f = m_selectedId.isEmpty() ? nullptr : m_model->report().find(m_selectedId);
    if (!f) {
        m_goals->setMessage(tr("Goals are set per employee: select one in the table."));
        return;
    }
    auto goals = metrics::goalProgress(m_ctx.reader(), *f, m_model->report().range);
    if (!goals.ok()) {
        m_ctx.report(goals.error());
        m_goals->setMessage(goals.error().message);
        return;
    }
    m_goals->setGoals(f->name, goals.value());
}

} // namespace sb::ui
