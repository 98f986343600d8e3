#include "ui/SettingsView.h"

#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"
#include "ui/SettingsCannedPanel.h"
#include "ui/SettingsRosterPanel.h"
#include "ui/SettingsRulesPanel.h"
#include "ui/SettingsWorkspacePanel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sb::ui {

SettingsView::SettingsView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsView"));
    m_permission = new QLabel(tr("Only admins and managers can change the roster and the workspace settings. "
                                 "Ask one of them for changes."),
                              this);
    m_permission->setObjectName(QStringLiteral("settingsPermission"));
    m_permission->setWordWrap(true);

    auto *rosterBox = new QGroupBox(tr("Team roster"), this);
    m_roster = new SettingsRosterPanel(ctx, rosterBox);
    auto *rosterLayout = new QVBoxLayout(rosterBox);
    rosterLayout->addWidget(m_roster);
    m_workspace = new SettingsWorkspacePanel(ctx, this);

    auto *teamPage = new QWidget(this);
    auto *columns = new QHBoxLayout(teamPage);
    columns->addWidget(rosterBox, 3);
    columns->addWidget(m_workspace, 2);
    m_rules = new SettingsRulesPanel(ctx, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(teamPage, tr("&Team and workspace"));
    m_tabs->addTab(m_rules, tr("&Routing rules"));
    m_canned = new SettingsCannedPanel(ctx, this);
    m_tabs->addTab(m_canned, tr("&Canned replies"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_permission);
    layout->addWidget(m_tabs, 1);
    setFocusProxy(m_roster);

    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &SettingsView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, [this] {
        m_workspace->revert(); // someone else's unsaved edits are not theirs to save
        refresh();
    });
    refresh();
}

SettingsView::~SettingsView() = default;

void SettingsView::refresh()
{
    const auto role = sb::models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    const bool editable = role && canManageRoster(*role);
    m_permission->setVisible(!editable);
    m_roster->setEditable(editable);
    m_workspace->setEditable(editable);
    m_rules->setEditable(editable);
    m_canned->setEditable(role && canTriage(*role)); // everyone who answers customers keeps the answers
    m_roster->reload();
    m_workspace->reload();
    m_rules->reload();
    m_canned->reload();
}

} // namespace sb::ui
