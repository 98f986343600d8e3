#pragma once

#include <QFrame>

class QConcatenateTablesProxyModel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace sb::models {
class EmployeesModel;
class WorkspaceContext;
} // namespace sb::models

namespace sb::ui {

// The inline "assign to" picker of the triage loop (no dialog): type to filter the team, Up/Down to choose,
// Enter to assign, Escape to cancel. Opens on the signed-in employee, so "a, Enter" assigns to yourself. Teams
// are listed after the people: picking one routes the conversation to that team.
class InboxAssignPicker final : public QFrame {
    Q_OBJECT
public:
    explicit InboxAssignPicker(models::WorkspaceContext &ctx, QWidget *parent = nullptr);

    // Shows the picker with `preselectId` (or the signed-in employee) highlighted and takes the focus.
    void open(const QString &preselectId = {});
    void cancel();

signals:
    void picked(const QString &employeeId);
    void pickedTeam(const QString &teamId);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void accept();
    void selectFirstMatch();

    models::WorkspaceContext &m_ctx;
    models::EmployeesModel *m_employees;
    QStandardItemModel *m_teams;
    QConcatenateTablesProxyModel *m_choices;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QListView *m_list;
};

} // namespace sb::ui
