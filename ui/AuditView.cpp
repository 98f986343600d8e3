#include "ui/AuditView.h"

#include "core/Clock.h"
#include "core/Domain.h"
#include "engine/AuditLog.h"
#include "models/AuditLogModel.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sb::ui {

namespace {
constexpr int kTypingMs = 250;
constexpr int kDefaultRangeDays = 7;

// Puts the entry whose data is `keep` back as current, else the first ("All ...").
void restoreChoice(QComboBox *combo, const QString &keep)
{
    const int row = combo->findData(keep);
    combo->setCurrentIndex(row >= 0 ? row : 0);
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}
} // namespace

AuditView::AuditView(models::WorkspaceContext &ctx, QWidget *parent) : QDialog(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("auditView"));
    setWindowTitle(tr("Audit Log"));
    setSizeGripEnabled(true);

    m_employee = new QComboBox(this);
    m_employee->setObjectName(QStringLiteral("auditEmployee"));
    m_employee->setAccessibleName(tr("Employee"));
    m_employee->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditAction"));
    m_action->setAccessibleName(tr("Action"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_subject = new QComboBox(this);
    m_subject->setObjectName(QStringLiteral("auditSubject"));
    m_subject->setAccessibleName(tr("Subject type"));
    m_subject->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setAccessibleName(tr("Search details and subjects"));
    m_text->setPlaceholderText(tr("Search details and subjects"));
    m_text->setClearButtonEnabled(true);

    m_dated = new QCheckBox(tr("&Between"), this);
    m_dated->setObjectName(QStringLiteral("auditDated"));
    m_dated->setToolTip(tr("Only events on these days, in local time"));
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs()).toLocalTime().date();
    m_from = new QDateEdit(today.addDays(-kDefaultRangeDays + 1), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setAccessibleName(tr("First day"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_to->setAccessibleName(tr("Last day"));
    m_to->setCalendarPopup(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(buddyLabel(tr("&Who:"), m_employee, this));
    filters->addWidget(m_employee);
    filters->addSpacing(8);
    filters->addWidget(buddyLabel(tr("&Action:"), m_action, this));
    filters->addWidget(m_action);
    filters->addSpacing(8);
    filters->addWidget(buddyLabel(tr("S&ubject:"), m_subject, this));
    filters->addWidget(m_subject);
    filters->addStretch(1);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_text, 1);
    secondRow->addSpacing(8);
    secondRow->addWidget(m_dated);
    secondRow->addWidget(m_from);
    secondRow->addWidget(new QLabel(tr("and"), this));
    secondRow->addWidget(m_to);

    m_permission = new QLabel(tr("Only managers and admins can review the audit log."), this);
    m_permission->setObjectName(QStringLiteral("auditPermission"));
    m_permission->setWordWrap(true);

    m_model = new models::AuditLogModel(m_ctx.reader(), this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Widths from the font rather than from every row: pages of thousands stay quick to show.
    const QFontMetrics fm = fontMetrics();
    const QString sampleTime
        = QLocale().toString(QDate(2026, 12, 28), QLocale::ShortFormat) + QStringLiteral(" 00:00:00");
    m_table->setColumnWidth(models::AuditLogModel::TimeColumn, fm.horizontalAdvance(sampleTime) + 24);
    m_table->setColumnWidth(models::AuditLogModel::ActorColumn, fm.horizontalAdvance(QLatin1Char('M')) * 14);
    m_table->setColumnWidth(models::AuditLogModel::ActionColumn, fm.horizontalAdvance(QLatin1Char('M')) * 14);
    m_table->setColumnWidth(models::AuditLogModel::SubjectColumn, fm.horizontalAdvance(QLatin1Char('M')) * 20);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_more = new QPushButton(tr("Load &more"), this);
    m_more->setObjectName(QStringLiteral("auditLoadMore"));
    m_more->setToolTip(tr("Show the next older events"));
    auto *reload = new QPushButton(tr("&Refresh"), this);
    reload->setObjectName(QStringLiteral("auditRefresh"));
    reload->setShortcut(QKeySequence::Refresh);
    reload->setToolTip(tr("Show events recorded since the log was opened (%1)")
                           .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("auditExport"));
    m_export->setToolTip(tr("Save every event that matches the filters, not only the ones shown"));
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("auditClose"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_more);
    buttons->addWidget(reload);
    buttons->addWidget(m_export);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(secondRow);
    layout->addWidget(m_permission);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    resize(1100, 640);

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingMs);
    connect(m_typing, &QTimer::timeout, this, &AuditView::refresh);
    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, &AuditView::refresh);
    const auto filterChanged = [this] {
        if (!m_filling) {
            refresh();
        }
    };
    for (QComboBox *combo : {m_employee, m_action, m_subject}) {
        connect(combo, &QComboBox::currentIndexChanged, this, filterChanged);
    }
    connect(m_dated, &QCheckBox::toggled, this, [this, filterChanged](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        filterChanged();
    });
    connect(m_from, &QDateEdit::dateChanged, this, filterChanged);
    connect(m_to, &QDateEdit::dateChanged, this, filterChanged);
    connect(m_more, &QPushButton::clicked, this, &AuditView::loadMore);
    connect(reload, &QPushButton::clicked, this, [this] {
        fillChoices();
        refresh();
    });
    connect(m_export, &QPushButton::clicked, this, &AuditView::exportWithDialog);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    connect(&m_ctx, &models::WorkspaceContext::currentEmployeeChanged, this, [this] {
        fillChoices();
        refresh();
    });

    fillChoices();
    refresh();
    m_employee->setFocus();
}

AuditView::~AuditView() = default;

void AuditView::fillChoices()
{
    m_filling = true;
    const QString employee = m_employee->currentData().toString();
    const QString action = m_action->currentData().toString();
    const QString subject = m_subject->currentData().toString();
    m_employee->clear();
    m_action->clear();
    m_subject->clear();
    m_employee->addItem(tr("Everyone"), QString());
    m_action->addItem(tr("All actions"), QString());
    m_subject->addItem(tr("All subjects"), QString());

    SqliteDb &db = m_ctx.reader();
    if (auto st = db.prepare(QStringLiteral("SELECT id, name, active FROM employees ORDER BY name COLLATE NOCASE, id"));
        st.ok()) {
        while (st.value().next()) {
            const QString name = st.value().text(1);
            m_employee->addItem(st.value().integer(2) ? name : tr("%1 (deactivated)").arg(name), st.value().text(0));
        }
    }
    QList<std::pair<QString, QString>> labelled;
    const auto actions = auditActions(db);
    for (const QString &a : actions.ok() ? actions.value() : QStringList()) {
        labelled.append({auditActionLabel(a), a});
    }
    std::sort(labelled.begin(), labelled.end(),
              [](const auto &x, const auto &y) { return x.first.localeAwareCompare(y.first) < 0; });
    for (const auto &[label, a] : labelled) {
        m_action->addItem(label, a);
    }
    labelled.clear();
    const auto subjects = auditSubjectTypes(db);
    for (const QString &s : subjects.ok() ? subjects.value() : QStringList()) {
        labelled.append({auditSubjectTypeLabel(s), s});
    }
    std::sort(labelled.begin(), labelled.end(),
              [](const auto &x, const auto &y) { return x.first.localeAwareCompare(y.first) < 0; });
    for (const auto &[label, s] : labelled) {
        m_subject->addItem(label, s);
    }
    restoreChoice(m_employee, employee);
    restoreChoice(m_action, action);
    restoreChoice(m_subject, subject);
    m_filling = false;
}

AuditFilter AuditView::filter() const
{
    AuditFilter f;
    f.employeeId = m_employee->currentData().toString();
    f.action = m_action->currentData().toString();
    f.subjectType = m_subject->currentData().toString();
    f.text = m_text->text().trimmed();
    if (m_dated->isChecked()) {
        const QDate first = std::min(m_from->date(), m_to->date());
        const QDate last = std::max(m_from->date(), m_to->date());
        f.fromMs = QDateTime(first, QTime(0, 0)).toMSecsSinceEpoch();
        f.toMs = QDateTime(last.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    }
    return f;
}

void AuditView::refresh()
{
    m_typing->stop();
    const auto role = models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    m_allowed = role && canReviewAuditLog(*role);
    m_permission->setVisible(!m_allowed);
    for (QWidget *w : std::initializer_list<QWidget *> {m_employee, m_action, m_subject, m_text, m_dated, m_table}) {
        w->setEnabled(m_allowed);
    }
    m_from->setEnabled(m_allowed && m_dated->isChecked());
    m_to->setEnabled(m_allowed && m_dated->isChecked());
    if (!m_allowed) {
        m_model->clear();
    } else {
        m_ctx.report(m_model->setFilter(filter()));
    }
    updateStatus();
}

void AuditView::loadMore()
{
    if (!m_allowed) {
        return;
    }
    const int before = m_model->rowCount();
    if (m_ctx.report(m_model->loadMore()) && m_model->rowCount() > before) {
        m_table->scrollTo(m_model->index(before, 0), QAbstractItemView::PositionAtTop);
    }
    updateStatus();
}

void AuditView::updateStatus()
{
    const int rows = m_model->rowCount();
    m_more->setEnabled(m_allowed && m_model->hasMore());
    m_export->setEnabled(m_allowed && rows > 0);
    if (!m_allowed) {
        m_status->clear();
    } else if (rows == 0) {
        m_status->setText(tr("No events match these filters."));
    } else if (m_model->hasMore()) {
        m_status->setText(tr("The newest %n event(s) shown; older ones follow with Load more.", nullptr, rows));
    } else {
        m_status->setText(tr("%n event(s)", nullptr, rows));
    }
}

Status AuditView::exportCsv(const QString &path)
{
    if (!m_allowed) {
        return makeError(ErrorKind::Forbidden, m_permission->text());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorKind::NotWritable, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    SB_TRY(exportAuditCsv(m_ctx.reader(), filter(), QTimeZone::systemTimeZone(), file));
    if (!file.commit()) {
        return makeError(ErrorKind::NotWritable, tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return success();
}

void AuditView::exportWithDialog()
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_ctx.clock().nowMs()).toLocalTime().date();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the audit log"),
        QDir::home().filePath(tr("audit-log-%1.csv").arg(today.toString(Qt::ISODate))), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (m_ctx.report(exportCsv(path))) {
        m_status->setText(tr("Saved %1").arg(QFileInfo(path).fileName()));
        m_status->setToolTip(QDir::toNativeSeparators(path));
    }
}

} // namespace sb::ui
