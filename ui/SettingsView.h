#pragma once

#include <QWidget>

class QLabel;
class QTabWidget;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class SettingsCannedPanel;
class SettingsRosterPanel;
class SettingsRulesPanel;
class SettingsWorkspacePanel;

// Settings: the team roster, the workspace's name, time zone and business hours, and the routing rules. Only admins and
// managers may change them; the controls say so and the engine enforces it.
class SettingsView final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsView() override;

    SettingsRosterPanel *roster() const { return m_roster; }
    SettingsWorkspacePanel *workspace() const { return m_workspace; }
    SettingsRulesPanel *rules() const { return m_rules; }
    SettingsCannedPanel *canned() const { return m_canned; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    void refresh();

private:
    sb::models::WorkspaceContext &m_ctx;
    SettingsRosterPanel *m_roster = nullptr;
    SettingsWorkspacePanel *m_workspace = nullptr;
    SettingsRulesPanel *m_rules = nullptr;
    SettingsCannedPanel *m_canned = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_permission = nullptr;
};

} // namespace sb::ui
