#include "ui/EngagementView.h"

#include "models/WorkspaceContext.h"

namespace sb::ui {

EngagementView::EngagementView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("engagementView"));
}

EngagementView::~EngagementView() = default;

} // namespace sb::ui
