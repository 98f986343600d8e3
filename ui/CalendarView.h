#pragma once

#include <QWidget>

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

class CalendarView final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~CalendarView() override;

private:
    sb::models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
