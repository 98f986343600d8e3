#include "ui/SettingsRosterPanel.h"

#include "engine/Engine.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sb::ui {

using sb::models::RosterModel;

SettingsRosterPanel::SettingsRosterPanel(sb::models::WorkspaceContext &ctx, QWidget *parent)
    : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsRoster"));
    m_model = new RosterModel(ctx.reader(), this);
    m_model->setObjectName(QStringLiteral("rosterModel"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("settingsRosterTable"));
    m_table->setAccessibleName(tr("Team roster"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RosterModel::EmailColumn, QHeaderView::Stretch);

    m_new = new QPushButton(tr("&New employee"), this);
    m_new->setObjectName(QStringLiteral("settingsNewEmployee"));
    m_toggleActive = new QPushButton(tr("&Deactivate"), this);
    m_toggleActive->setObjectName(QStringLiteral("settingsToggleActive"));
    m_toggleActive->setToolTip(tr("A deactivated employee keeps their history but can no longer sign in or be "
                                  "assigned"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_toggleActive);
    buttons->addStretch(1);

    m_form = new QGroupBox(tr("New employee"), this);
    m_form->setObjectName(QStringLiteral("settingsEmployeeForm"));
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("settingsEmployeeName"));
    m_name->setAccessibleName(tr("Name"));
    m_email = new QLineEdit(m_form);
    m_email->setObjectName(QStringLiteral("settingsEmployeeEmail"));
    m_email->setAccessibleName(tr("Email"));
    m_role = new QComboBox(m_form);
    m_role->setObjectName(QStringLiteral("settingsEmployeeRole"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Contributor, Role::CommunityManager, Role::Manager, Role::Admin}) {
        m_role->addItem(roleLabel(role), int(role));
    }
    m_team = new QComboBox(m_form);
    m_team->setObjectName(QStringLiteral("settingsEmployeeTeam"));
    m_team->setAccessibleName(tr("Team"));
    m_save = new QPushButton(tr("&Add employee"), m_form);
    m_save->setObjectName(QStringLiteral("settingsSaveEmployee"));
    auto *form = new QFormLayout(m_form);
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("R&ole:"), m_role);
    form->addRow(tr("&Team:"), m_team);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_save);
    saveRow->addStretch(1);
    form->addRow(QString(), saveRow);
    m_form->setMaximumWidth(m_form->fontMetrics().averageCharWidth() * 70);

    m_teamName = new QLineEdit(this);
    m_teamName->setObjectName(QStringLiteral("settingsTeamName"));
    m_teamName->setPlaceholderText(tr("New team's name"));
    m_teamName->setAccessibleName(tr("New team's name"));
    m_addTeam = new QPushButton(tr("Add tea&m"), this);
    m_addTeam->setObjectName(QStringLiteral("settingsAddTeam"));
    auto *teamRow = new QHBoxLayout;
    teamRow->addWidget(m_teamName, 1);
    teamRow->addWidget(m_addTeam);
    m_teamName->setMaximumWidth(m_form->maximumWidth() - m_addTeam->sizeHint().width());
    teamRow->addStretch(1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsRosterMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_form);
    layout->addLayout(teamRow);
    layout->addWidget(m_message);
    setFocusProxy(m_table);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SettingsRosterPanel::onSelectionChanged);
    connect(m_new, &QPushButton::clicked, this, &SettingsRosterPanel::startNewEmployee);
    connect(m_toggleActive, &QPushButton::clicked, this, &SettingsRosterPanel::toggleActive);
    connect(m_save, &QPushButton::clicked, this, &SettingsRosterPanel::saveEmployee);
    connect(m_name, &QLineEdit::returnPressed, this, &SettingsRosterPanel::saveEmployee);
    connect(m_email, &QLineEdit::returnPressed, this, &SettingsRosterPanel::saveEmployee);
    connect(m_addTeam, &QPushButton::clicked, this, &SettingsRosterPanel::addTeam);
    connect(m_teamName, &QLineEdit::returnPressed, this, &SettingsRosterPanel::addTeam);
    fillTeams();
    onSelectionChanged();
}

SettingsRosterPanel::~SettingsRosterPanel() = default;

void SettingsRosterPanel::setEditable(bool editable)
{
    m_editable = editable;
    for (QWidget *w : {static_cast<QWidget *>(m_new), static_cast<QWidget *>(m_form),
                       static_cast<QWidget *>(m_teamName), static_cast<QWidget *>(m_addTeam)}) {
        w->setEnabled(editable);
    }
    onSelectionChanged();
}

QString SettingsRosterPanel::selectedId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(sb::models::IdRole).toString();
}

void SettingsRosterPanel::reload()
{
    const QString keep = selectedId();
    m_model->reload();
    fillTeams();
    const int row = m_model->rowOf(keep);
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        onSelectionChanged();
    }
}

void SettingsRosterPanel::fillTeams()
{
    const QString current = m_team->currentData().toString();
    m_team->clear();
    m_team->addItem(tr("No team"), QString());
    for (const RosterModel::Team &t : m_model->teams()) {
        m_team->addItem(t.name, t.id);
    }
    m_team->setCurrentIndex(std::max(0, m_team->findData(current)));
}

void SettingsRosterPanel::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_editingId.clear();
        m_form->setTitle(tr("New employee"));
        m_save->setText(tr("&Add employee"));
        m_toggleActive->setText(tr("&Deactivate"));
        m_toggleActive->setEnabled(false);
        return;
    }
    const QModelIndex row = rows.constFirst();
    m_editingId = row.data(sb::models::IdRole).toString();
    const QString name = row.data(RosterModel::NameRole).toString();
    m_form->setTitle(tr("Edit %1").arg(name));
    m_save->setText(tr("&Save changes"));
    m_name->setText(name);
    m_email->setText(row.data(RosterModel::EmailRole).toString());
    m_role->setCurrentIndex(std::max(0, m_role->findData(row.data(RosterModel::EmployeeRole).toInt())));
    m_team->setCurrentIndex(std::max(0, m_team->findData(row.data(RosterModel::TeamIdRole).toString())));
    const bool active = row.data(RosterModel::ActiveRole).toBool();
    m_toggleActive->setText(active ? tr("&Deactivate") : tr("Re&activate"));
    m_toggleActive->setEnabled(m_editable);
}

void SettingsRosterPanel::startNewEmployee()
{
    m_table->clearSelection();
    m_table->selectionModel()->clearCurrentIndex();
    m_name->clear();
    m_email->clear();
    m_role->setCurrentIndex(0);
    m_team->setCurrentIndex(0);
    m_message->clear();
    onSelectionChanged();
    m_name->setFocus();
}

void SettingsRosterPanel::showMessage(const QString &text, bool error)
{
    // Errors are said in words (the engine's message), not only by colour.
    m_message->setText(error ? tr("Not saved: %1").arg(text) : text);
}

void SettingsRosterPanel::saveEmployee()
{
    if (!m_editable) {
        return;
    }
    NewEmployee e;
    e.name = m_name->text();
    e.email = m_email->text();
    e.role = static_cast<Role>(m_role->currentData().toInt());
    e.teamId = m_team->currentData().toString();
    const Actor actor = Actor::employee(m_ctx.currentEmployeeId());
    if (m_editingId.isEmpty()) {
        auto added = m_ctx.engine().addEmployee(actor, e);
        if (!m_ctx.report(added.ok() ? Status(success()) : Status(added.error()))) {
            showMessage(added.error().message, true);
            return;
        }
        m_ctx.notifyChanged(QStringLiteral("roster"));
        startNewEmployee();
        showMessage(tr("Added %1.").arg(e.name.trimmed()), false);
        return;
    }
    const QString id = m_editingId;
    const Status status = m_ctx.engine().updateEmployee(actor, id, e);
    if (!m_ctx.report(status)) {
        showMessage(status.error().message, true);
        return;
    }
    m_ctx.notifyChanged(QStringLiteral("roster"));
    showMessage(tr("Saved %1.").arg(e.name.trimmed()), false);
}

void SettingsRosterPanel::toggleActive()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_editable) {
        return;
    }
    const QString id = rows.constFirst().data(sb::models::IdRole).toString();
    const QString name = rows.constFirst().data(RosterModel::NameRole).toString();
    const bool active = rows.constFirst().data(RosterModel::ActiveRole).toBool();
    const Status status = m_ctx.engine().setEmployeeActive(Actor::employee(m_ctx.currentEmployeeId()), id, !active);
    if (!m_ctx.report(status)) {
        showMessage(status.error().message, true);
        return;
    }
    m_ctx.notifyChanged(QStringLiteral("roster"));
    showMessage(active ? tr("Deactivated %1.").arg(name) : tr("Reactivated %1.").arg(name), false);
}

void SettingsRosterPanel::addTeam()
{
    if (!m_editable) {
        return;
    }
    const QString name = m_teamName->text().trimmed();
    auto added = m_ctx.engine().addTeam(Actor::employee(m_ctx.currentEmployeeId()), name);
    if (!m_ctx.report(added.ok() ? Status(success()) : Status(added.error()))) {
        showMessage(added.error().message, true);
        return;
    }
    m_teamName->clear();
    m_ctx.notifyChanged(QStringLiteral("roster"));
    showMessage(tr("Added the team %1.").arg(name), false);
}

} // namespace sb::ui
