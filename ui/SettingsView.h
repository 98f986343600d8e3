#pragma once

#include <QWidget>

class QLabel;

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class SettingsRosterPanel;
class SettingsWorkspacePanel;

// Settings: the team roster, and the workspace's name, time zone and business hours. Only admins and managers
// may change them; the controls say so and the engine enforces it.
class SettingsView final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsView() override;

    SettingsRosterPanel *roster() const { return m_roster; }
    SettingsWorkspacePanel *workspace() const { return m_workspace; }

public slots:
    void refresh();

private:
    sb::models::WorkspaceContext &m_ctx;
    SettingsRosterPanel *m_roster = nullptr;
    SettingsWorkspacePanel *m_workspace = nullptr;
    QLabel *m_permission = nullptr;
};

} // namespace sb::ui
