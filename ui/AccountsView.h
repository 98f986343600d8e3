#pragma once

#include <QWidget>

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class AccountsView final : public QWidget {
    Q_OBJECT
public:
    explicit AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~AccountsView() override;

private:
    sb::models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
