#include "ui/AccountsView.h"

#include "engine/Engine.h"
#include "models/AccountsModel.h"
#include "models/ModelRoles.h"
#include "models/RosterModel.h"
#include "models/WorkspaceContext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace sb::ui {

using sb::models::AccountsModel;

AccountsView::AccountsView(sb::models::WorkspaceContext &ctx, QWidget *parent) : QWidget(parent), m_ctx(ctx)
{
    setObjectName(QStringLiteral("accountsView"));
    m_model = new AccountsModel(ctx.reader(), this);
    m_model->setObjectName(QStringLiteral("accountsModel"));

    auto *title = new QLabel(tr("Channel accounts"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_pause = new QPushButton(tr("&Pause sync"), this);
    m_pause->setObjectName(QStringLiteral("accountsPauseButton"));
    m_pause->setToolTip(tr("Stop or restart fetching new messages for the selected account"));
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_pause);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("accountsList"));
    m_list->setAccessibleName(tr("Channel accounts"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    title->setBuddy(m_list);

    m_empty = new QLabel(tr("No channel accounts yet. Connect one with \"switchboard-cli account add\"; adding "
                            "accounts here comes with a later version."),
                         this);
    m_empty->setObjectName(QStringLiteral("accountsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_permission = new QLabel(tr("Only community managers, managers and admins can pause or resume sync."), this);
    m_permission->setObjectName(QStringLiteral("accountsPermission"));
    m_permission->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_permission);
    setFocusProxy(m_list);

    connect(m_pause, &QPushButton::clicked, this, &AccountsView::togglePaused);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsView::updateActions);
    connect(&ctx, &sb::models::WorkspaceContext::changed, this, &AccountsView::refresh);
    connect(&ctx, &sb::models::WorkspaceContext::currentEmployeeChanged, this, &AccountsView::refresh);
    refresh();
}

AccountsView::~AccountsView() = default;

QString AccountsView::selectedAccount() const
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.constFirst().data(sb::models::IdRole).toString();
}

void AccountsView::select(const QString &accountId)
{
    const int row = m_model->rowOf(accountId);
    if (row >= 0) {
        m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

void AccountsView::refresh()
{
    const QString keep = selectedAccount();
    m_model->reload();
    const bool empty = m_model->rowCount() == 0;
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    const auto role = sb::models::RosterModel::roleOf(m_ctx.reader(), m_ctx.currentEmployeeId());
    m_canPause = role && canTriage(*role);
    m_permission->setVisible(!m_canPause && !empty);
    if (!keep.isEmpty()) {
        select(keep);
    } else if (!empty) {
        select(m_model->index(0, 0).data(sb::models::IdRole).toString());
    }
    updateActions();
}

void AccountsView::updateActions()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    const bool paused = !rows.isEmpty() && rows.constFirst().data(AccountsModel::PausedRole).toBool();
    m_pause->setText(paused ? tr("&Resume sync") : tr("&Pause sync"));
    m_pause->setAccessibleName(paused ? tr("Resume sync") : tr("Pause sync"));
    m_pause->setEnabled(!rows.isEmpty() && m_canPause);
    m_pause->setVisible(m_model->rowCount() > 0);
}

void AccountsView::togglePaused()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const QString id = rows.constFirst().data(sb::models::IdRole).toString();
    const bool paused = rows.constFirst().data(AccountsModel::PausedRole).toBool();
    if (m_ctx.report(m_ctx.engine().setAccountPaused(Actor::employee(m_ctx.currentEmployeeId()), id, !paused))) {
        m_ctx.notifyChanged(QStringLiteral("accounts"));
    }
}

} // namespace sb::ui
