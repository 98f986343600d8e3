#pragma once

#include <QWidget>

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class EngagementView final : public QWidget {
    Q_OBJECT
public:
    explicit EngagementView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~EngagementView() override;

private:
    sb::models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
