#include "ui/EngagementView.h"

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "engine/Engine.h"
#include "metrics/EngagementDrillDown.h"
#include "metrics/EngagementExport.h"
#include "metrics/EngagementGoalHistory.h"
#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementRollups.h"
#include "models/EngagementModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"
#include "ui/EngagementChart.h"
#include "ui/EngagementDrillDownDialog.h"
#include "ui/EngagementGoals.h"
#include "ui/EngagementGoalsDialog.h"
#include "ui/EngagementReportPdf.h"
#include "ui/EngagementTrendChart.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QScrollArea>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
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
    fillRanges();
    rangeLabel->setBuddy(m_range);
    // "Custom range": any two days, picked with the keyboard or a calendar.
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("engagementFrom"));
    m_from->setAccessibleName(tr("First day"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("engagementTo"));
    m_to->setAccessibleName(tr("Last day"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setVisible(false);
    }
    m_rangeText = new QLabel(this);
    m_rangeText->setObjectName(QStringLiteral("engagementRangeText"));
    m_scope = new QLabel(tr("You see your own figures and the team's."), this);
    m_scope->setObjectName(QStringLiteral("engagementScope"));
    auto *top = new QHBoxLayout;
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addWidget(m_from);
    top->addWidget(m_to);
    top->addSpacing(8);
    top->addWidget(m_rangeText, 1);
    top->addWidget(m_scope);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("engagementExport"));
    m_export->setText(tr("&Export"));
    m_export->setToolTip(tr("Save the figures as CSV, or a PDF report with the charts"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(m_export);
    QAction *csv = exportMenu->addAction(tr("Figures as &CSV…"));
    csv->setObjectName(QStringLiteral("engagementExportCsv"));
    QAction *pdf = exportMenu->addAction(tr("&PDF report…"));
    pdf->setObjectName(QStringLiteral("engagementExportPdf"));
    connect(csv, &QAction::triggered, this, [this] { exportWithDialog(false); });
    connect(pdf, &QAction::triggered, this, [this] { exportWithDialog(true); });
    m_export->setMenu(exportMenu);
    top->addWidget(m_export);
    m_exportStatus = new QLabel(this);
    m_exportStatus->setObjectName(QStringLiteral("engagementExportStatus"));
    top->addWidget(m_exportStatus);

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
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));

    m_chart = new EngagementChart(this);
    m_trend = new EngagementTrendChart(this);
    m_charts = new QTabWidget(this);
    m_charts->setObjectName(QStringLiteral("engagementCharts"));
    m_charts->setDocumentMode(true);
    m_charts->addTab(m_trend, tr("Trend"));
    m_charts->addTab(m_chart, tr("First response by employee"));
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
    bottom->addWidget(m_charts);
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

    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_range->currentData().toString() == QLatin1String("custom");
        if (custom && m_from->isHidden()) {
            const QDate today = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs()).date();
            QSignalBlocker a(m_from), b(m_to);
            m_from->setDate(today.addDays(-29));
            m_to->setDate(today);
        }
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        refresh();
    });
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, &EngagementView::refresh);
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EngagementView::onSelectionChanged);
    // Double-click or Enter on a figure: what it is made of.
    connect(m_table, &QTableView::activated, this, &EngagementView::drillInto);
    connect(m_goals, &EngagementGoals::editRequested, this, &EngagementView::editGoals);
    m_table->setToolTip(tr("Double-click a figure, or press Enter, to see the conversations and events behind it"));
    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &EngagementView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, [this](const QString &id) {
        m_selectedId = id;
        refresh();
    });
    m_selectedId = ctx.currentEmployeeId();
    refresh();
}

EngagementView::~EngagementView() = default;

void EngagementView::fillRanges()
{
    const QSignalBlocker blocker(m_range);
    const QString keep = m_range->currentData().toString();
    m_range->clear();
    m_range->addItem(tr("This week"), QStringLiteral("preset:%1").arg(int(metrics::RangePreset::ThisWeek)));
    m_range->addItem(tr("Last 30 days"), QStringLiteral("preset:%1").arg(int(metrics::RangePreset::Last30Days)));
    m_range->addItem(tr("Last 90 days"), QStringLiteral("preset:%1").arg(int(metrics::RangePreset::Last90Days)));
    m_range->addItem(tr("Last 12 months"), QStringLiteral("preset:%1").arg(int(metrics::RangePreset::Last12Months)));
    // A campaign's dates, newest first.
    auto campaigns = m_ctx.reader().prepare(
        QStringLiteral("SELECT id, name, starts_on, ends_on FROM campaigns ORDER BY starts_on DESC, name LIMIT 20"));
    if (campaigns.ok()) {
        const QLocale locale;
        Statement &st = campaigns.value();
        while (st.next()) {
            const QDate from = QDate::fromString(st.text(2), Qt::ISODate);
            const QDate to = QDate::fromString(st.text(3), Qt::ISODate);
            if (!from.isValid() || !to.isValid()) {
                continue;
            }
            m_range->addItem(tr("Campaign: %1 (%2 – %3)")
                                 .arg(st.text(1), locale.toString(from, QStringLiteral("d MMM")),
                                      locale.toString(to, QLocale::ShortFormat)),
                             QStringLiteral("days:%1:%2").arg(st.text(2), st.text(3)));
        }
    }
    m_range->addItem(tr("Custom range…"), QStringLiteral("custom"));
    const int found = m_range->findData(keep);
    m_range->setCurrentIndex(found >= 0 ? found : 1);
}

QString EngagementView::rangePhrase() const
{
    const QString choice = m_range->currentData().toString();
    if (choice.startsWith(QLatin1String("preset:"))) {
        switch (static_cast<metrics::RangePreset>(choice.mid(7).toInt())) {
        case metrics::RangePreset::ThisWeek: return tr("this week");
        case metrics::RangePreset::Last30Days: return tr("last 30 days");
        case metrics::RangePreset::Last90Days: return tr("last 90 days");
        case metrics::RangePreset::Last12Months: return tr("last 12 months");
        }
    }
    if (choice.startsWith(QLatin1String("days:"))) {
        return m_range->currentText();
    }
    const QLocale locale;
    return tr("%1 to %2")
        .arg(locale.toString(m_from->date(), QLocale::ShortFormat),
             locale.toString(m_to->date(), QLocale::ShortFormat));
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
    fillRanges(); // campaigns come and go
    SqliteDb &db = m_ctx.reader();
    const QString viewer = m_ctx.currentEmployeeId();
    const auto role = sb::models::RosterModel::roleOf(db, viewer);
    // Contributors see their own figures beside the team's, and their peers' where the workspace allows it;
    // everyone who triages sees the whole team.
    const bool peersVisible
        = WorkspaceSettings::value(db, QStringLiteral("engagement_peer_visibility")) == QLatin1String("team");
    const bool seesEveryone = role && (*role != Role::Contributor || peersVisible);
    m_scope->setVisible(!seesEveryone);
    m_goals->setEditable(role && canApprove(*role));

    const QTimeZone configured(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone zone = configured.isValid() ? configured : QTimeZone::utc();
    const qint64 now = m_ctx.clock().nowMs();
    const QString choice = m_range->currentData().toString();
    metrics::TimeRange range;
    if (choice.startsWith(QLatin1String("preset:"))) {
        range = metrics::presetRange(static_cast<metrics::RangePreset>(choice.mid(7).toInt()), now, zone);
    } else if (choice.startsWith(QLatin1String("days:"))) {
        const QStringList days = choice.split(QLatin1Char(':'));
        range = metrics::dayRange(QDate::fromString(days.value(1), Qt::ISODate),
                                  QDate::fromString(days.value(2), Qt::ISODate), zone);
    } else {
        const QDate from = std::min(m_from->date(), m_to->date());
        range = metrics::dayRange(from, std::max(m_from->date(), m_to->date()), zone);
    }

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

    // The trend: per day up to a month, per week beyond.
    m_weekly = range.days() > 31;
    auto series = metrics::EngagementRollups::series(
        m_ctx.engine().db(), range, m_weekly ? metrics::Granularity::Week : metrics::Granularity::Day, now);
    if (!series.ok()) {
        m_ctx.report(series.error());
        m_series.clear();
    } else {
        m_series = std::move(series).value();
    }
    selectEmployee(keep.isEmpty() || m_model->rowOf(keep) < 0 ? viewer : keep);
}

void EngagementView::selectEmployee(const QString &employeeId)
{
    const int sourceRow = m_model->rowOf(employeeId);
    if (sourceRow < 0) {
        m_table->clearSelection();
        m_selectedId.clear();
        updateGoals();
        updateTrend();
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
    updateTrend();
}

void EngagementView::drillInto(const QModelIndex &proxyIndex)
{
    using F = metrics::DrillFigure;
    static const QHash<int, F> figures {
        {EngagementModel::RepliesColumn, F::Replies},
        {EngagementModel::HandledColumn, F::Handled},
        {EngagementModel::ResolvedColumn, F::Resolved},
        {EngagementModel::MedianFirstResponseColumn, F::FirstResponse},
        {EngagementModel::P90FirstResponseColumn, F::FirstResponse},
        {EngagementModel::ResolutionColumn, F::Resolution},
        {EngagementModel::SlaColumn, F::Sla},
        {EngagementModel::WorkloadColumn, F::Workload},
        {EngagementModel::NotesColumn, F::Notes},
        {EngagementModel::DraftedColumn, F::Drafted},
        {EngagementModel::ApprovedColumn, F::Approved},
        {EngagementModel::PostsColumn, F::Published},
        {EngagementModel::EngagementColumn, F::Engagement},
        {EngagementModel::OwnPostsColumn, F::OwnPosts},
    };
    const auto it = figures.constFind(proxyIndex.column());
    if (!proxyIndex.isValid() || it == figures.constEnd()) {
        return;
    }
    openDrillDown(proxyIndex.data(sb::models::IdRole).toString(), *it);
}

EngagementDrillDownDialog *EngagementView::openDrillDown(const QString &employeeId, metrics::DrillFigure figure)
{
    const metrics::Figures *f = employeeId.isEmpty() ? &m_model->report().team : m_model->report().find(employeeId);
    if (!f) {
        return nullptr;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto drill = metrics::drillDown(m_ctx.reader(), m_model->report().range, employeeId, figure, m_ctx.clock().nowMs());
    QGuiApplication::restoreOverrideCursor();
    if (!drill.ok()) {
        m_ctx.report(drill.error());
        return nullptr;
    }
    static const QHash<metrics::DrillFigure, int> columns {
        {metrics::DrillFigure::Replies, EngagementModel::RepliesColumn},
        {metrics::DrillFigure::Handled, EngagementModel::HandledColumn},
        {metrics::DrillFigure::Resolved, EngagementModel::ResolvedColumn},
        {metrics::DrillFigure::FirstResponse, EngagementModel::MedianFirstResponseColumn},
        {metrics::DrillFigure::Resolution, EngagementModel::ResolutionColumn},
        {metrics::DrillFigure::Sla, EngagementModel::SlaColumn},
        {metrics::DrillFigure::Workload, EngagementModel::WorkloadColumn},
        {metrics::DrillFigure::Notes, EngagementModel::NotesColumn},
        {metrics::DrillFigure::Drafted, EngagementModel::DraftedColumn},
        {metrics::DrillFigure::Approved, EngagementModel::ApprovedColumn},
        {metrics::DrillFigure::Published, EngagementModel::PostsColumn},
        {metrics::DrillFigure::Engagement, EngagementModel::EngagementColumn},
        {metrics::DrillFigure::OwnPosts, EngagementModel::OwnPostsColumn},
    };
    const int column = columns.value(figure, EngagementModel::RepliesColumn);
    const QString figureName
        = m_model->headerData(column, Qt::Horizontal).toString().replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QString who = employeeId.isEmpty() ? tr("the team") : f->name;
    auto *dialog
        = new EngagementDrillDownDialog(tr("%1 · %2 · %3").arg(figureName, who, rangePhrase()), drill.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EngagementDrillDownDialog::openConversation, this, &EngagementView::openConversation);
    dialog->show();
    return dialog;
}

void EngagementView::exportWithDialog(bool pdf)
{
    const QString stem = tr("engagement-%1").arg(m_model->report().range.firstDay.toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(
        this, pdf ? tr("Save the engagement report") : tr("Save the engagement figures"),
        QDir::home().filePath(stem + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".csv"))),
        pdf ? tr("PDF documents (*.pdf)") : tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (m_ctx.report(pdf ? exportPdf(path) : exportCsv(path))) {
        m_exportStatus->setText(tr("Saved %1").arg(QFileInfo(path).fileName()));
        m_exportStatus->setToolTip(QDir::toNativeSeparators(path));
    }
}

Status EngagementView::exportCsv(const QString &path)
{
    std::vector<QJsonObject> rows;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const metrics::Figures *f = m_model->figuresAt(row)) {
            QJsonObject o = metrics::figuresJson(*f);
            if (f->employeeId.isEmpty()) {
                o.insert(QStringLiteral("name"), tr("Team"));
            }
            rows.push_back(std::move(o));
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(metrics::engagementCsv(rows)) < 0 || !file.commit()) {
        return makeError(ErrorKind::Storage, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return success();
}

Status EngagementView::exportPdf(const QString &path)
{
    EngagementReportContent content;
    content.title = tr("Engagement, %1").arg(rangePhrase());
    content.subtitle = m_rangeText->text();
    content.table = m_proxy;
    // Both charts as they are drawn; the one on the hidden tab is laid out at the visible one's size first.
    const QSize shownSize = m_charts->currentWidget()->size();
    for (QWidget *page : {static_cast<QWidget *>(m_trend), static_cast<QWidget *>(m_chart)}) {
        if (!page->isVisible()) {
            page->resize(shownSize);
            if (page->layout()) {
                page->layout()->activate();
            }
        }
    }
    content.charts << m_trend->chartView() << m_chart->chartView();
    const metrics::Figures *f = m_selectedId.isEmpty() ? nullptr : m_model->report().find(m_selectedId);
    if (f) {
        auto goals = metrics::goalProgress(m_ctx.reader(), *f, m_model->report().range);
        if (goals.ok() && !goals.value().empty()) {
            QString html = QStringLiteral("<h3>%1</h3><ul>").arg(tr("Goals: %1").arg(f->name).toHtmlEscaped());
            for (const metrics::GoalProgress &g : goals.value()) {
                html += QStringLiteral("<li>%1: %2 (%3)</li>")
                            .arg(g.label.toHtmlEscaped(), g.summary.toHtmlEscaped(), g.met ? tr("met") : tr("not yet"));
            }
            content.goalsHtml = html + QStringLiteral("</ul>");
        }
    }
    content.definitionsHtml = metrics::definitionsText();
    return writeEngagementPdf(path, content);
}

void EngagementView::editGoals()
{
    const metrics::Figures *f = m_selectedId.isEmpty() ? nullptr : m_model->report().find(m_selectedId);
    if (!f) {
        return;
    }
    QHash<QString, double> current;
    Statement &st = m_ctx.reader().cached("SELECT metric, target FROM goals WHERE employee_id = ?");
    st.bind(1, f->employeeId);
    while (st.next()) {
        current.insert(st.text(0), st.real(1));
    }
    st.reset();
    EngagementGoalsDialog dialog(f->name, current, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_ctx.report(applyGoalChanges(dialog.changes()));
    }
}

Status EngagementView::applyGoalChanges(const QHash<QString, std::optional<double>> &changes)
{
    const QString employee = m_selectedId;
    const Actor actor = Actor::employee(m_ctx.currentEmployeeId());
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        if (it.value()) {
            auto set = m_ctx.engine().setGoal(actor, employee, it.key(), *it.value());
            if (!set.ok()) {
                return set.error();
            }
        } else {
            SB_TRY(m_ctx.engine().removeGoal(actor, employee, it.key()));
        }
    }
    if (!changes.isEmpty()) {
        m_ctx.notifyChanged(QStringLiteral("goals"));
    }
    return success();
}

void EngagementView::updateTrend()
{
    const metrics::Figures *f = m_selectedId.isEmpty() ? nullptr : m_model->report().find(m_selectedId);
    m_trend->setData(m_series, m_weekly, f ? f->employeeId : QString(), f ? f->name : QString());
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
    auto history = metrics::goalHistory(m_ctx.engine().db(), f->employeeId, m_ctx.clock().nowMs());
    auto changes = metrics::goalChanges(m_ctx.reader(), f->employeeId);
    m_goals->setGoals(f->name, goals.value(), history.ok() ? history.value() : std::vector<metrics::GoalHistory>(),
                      changes.ok() ? changes.value() : std::vector<metrics::GoalChange>());
}

} // namespace sb::ui
