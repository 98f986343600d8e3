#pragma once

#include "models/ModelRoles.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace sb::models {

class WorkspaceContext;

// The team roster as a list: name for display, id in IdRole, role name in EmployeeRoleRole. Drives the
// "signed in as" selector and the assignee pickers; it re-reads itself when the workspace changes.
class EmployeesModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmployeesModel)
public:
    explicit EmployeesModel(WorkspaceContext &ctx, QObject *parent = nullptr);
    ~EmployeesModel() override;

    // Include deactivated employees (shown with "(inactive)"). Off by default: pickers offer active people only.
    void setIncludeInactive(bool include);
    // A first row with an empty id and this label, e.g. "Unassigned". Empty label: no such row.
    void setNoneLabel(const QString &label);
    // Only employees whose role may triage (assign, resolve): the people a conversation can be assigned to.
    void setTriagersOnly(bool only);

    void reload();

    int rowOf(const QString &employeeId) const;
    QString employeeId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Employee {
        QString id;
        QString name;
        QString role;
        QString team;
        bool active = true;
        bool operator==(const Employee &) const = default;
    };

    WorkspaceContext &m_ctx;
    std::vector<Employee> m_rows;
    QString m_noneLabel;
    bool m_includeInactive = false;
    bool m_triagersOnly = false;
};

} // namespace sb::models
