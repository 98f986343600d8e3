#include "ui/InboxCannedMenu.h"

#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

namespace sb::ui {

namespace {
constexpr int kPreviewLength = 70;
}

InboxCannedMenu::InboxCannedMenu(models::WorkspaceContext &ctx, QWidget *parent) : QMenu(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("cannedMenu"));
    setAccessibleName(tr("Canned replies"));
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &InboxCannedMenu::refill);
}

void InboxCannedMenu::refill()
{
    clear();
    auto st = m_ctx.reader().prepare(QStringLiteral("SELECT title, body FROM canned_replies ORDER BY title"));
    if (st.ok()) {
        while (st.value().next()) {
            const QString title = st.value().text(0);
            const QString body = st.value().text(1);
            QAction *action = addAction(QString(title).replace(QLatin1Char('&'), QStringLiteral("&&")));
            const QString preview = body.simplified();
            action->setToolTip(preview.size() > kPreviewLength ? preview.left(kPreviewLength) + QStringLiteral("…")
                                                               : preview);
            connect(action, &QAction::triggered, this, [this, body] { emit chosen(body); });
        }
    }
    if (actions().isEmpty()) {
        addAction(tr("No canned replies yet: add them in Settings"))->setEnabled(false);
    }
}

} // namespace sb::ui
