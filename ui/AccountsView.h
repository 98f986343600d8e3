#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace sb::models {
class AccountsModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

// The workspace's channel accounts with their sync health, and pausing or resuming an account's sync.
class AccountsView final : public QWidget {
    Q_OBJECT
public:
    explicit AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent = nullptr);
    ~AccountsView() override;

    sb::models::AccountsModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }
    QString selectedAccount() const;

public slots:
    void refresh();
    void togglePaused();

private:
    void updateActions();
    void select(const QString &accountId);

    sb::models::WorkspaceContext &m_ctx;
    sb::models::AccountsModel *m_model = nullptr;
    QTreeView *m_list = nullptr;
    QPushButton *m_pause = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_permission = nullptr;
    bool m_canPause = false;
};

} // namespace sb::ui
