#pragma once

#include <QMenu>

namespace sb::models {
class WorkspaceContext;
}

namespace sb::ui {

// The canned replies, by title, read afresh each time the menu opens (a colleague may have added one).
class InboxCannedMenu final : public QMenu {
    Q_OBJECT
public:
    explicit InboxCannedMenu(models::WorkspaceContext &ctx, QWidget *parent = nullptr);

    void refill();

signals:
    void chosen(const QString &body);

private:
    models::WorkspaceContext &m_ctx;
};

} // namespace sb::ui
