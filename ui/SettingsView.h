#pragma once

#include <QWidget>

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class SettingsView final : public QWidget {
    Q_OBJECT
public:
    explicit SettingsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~SettingsView() override;

private:
    sb::models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
