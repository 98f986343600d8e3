#include "ui/AccountsView.h"

#include "models/WorkspaceContext.h"

namespace sb::ui {

AccountsView::AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("accountsView"));
}

AccountsView::~AccountsView() = default;

} // namespace sb::ui
