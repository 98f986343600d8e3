#include "ui/SettingsView.h"

#include "models/WorkspaceContext.h"

namespace sb::ui {

SettingsView::SettingsView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("settingsView"));
}

SettingsView::~SettingsView() = default;

} // namespace sb::ui
