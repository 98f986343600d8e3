#include "ui/CalendarView.h"

#include "models/WorkspaceContext.h"

namespace sb::ui {

CalendarView::CalendarView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("calendarView"));
}

CalendarView::~CalendarView() = default;

} // namespace sb::ui
