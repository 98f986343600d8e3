#include "models/EmployeesModel.h"

#include "core/Domain.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <algorithm>

namespace sb::models {

EmployeesModel::EmployeesModel(WorkspaceContext &ctx, QObject *parent) : QAbstractListModel(parent), m_ctx(ctx)
{
    connect(&m_ctx, &WorkspaceContext::changed, this, &EmployeesModel::reload);
    reload();
}

EmployeesModel::~EmployeesModel() = default;

void EmployeesModel::setIncludeInactive(bool include)
{
    if (include != m_includeInactive) {
        m_includeInactive = include;
        reload();
    }
}

void EmployeesModel::setNoneLabel(const QString &label)
{
    if (label != m_noneLabel) {
        m_noneLabel = label;
        reload();
    }
}

void EmployeesModel::setTriagersOnly(bool only)
{
    if (only != m_triagersOnly) {
        m_triagersOnly = only;
        reload();
    }
}

void EmployeesModel::reload()
{
    std::vector<Employee> fresh;
    if (!m_noneLabel.isEmpty()) {
        fresh.push_back({QString(), m_noneLabel, QString(), QString(), true});
    }
    Statement &st = m_ctx.reader().cached("SELECT e.id, e.name, e.role, coalesce(t.name, ''), e.active "
                                          "FROM employees e LEFT JOIN teams t ON t.id = e.team_id "
                                          "ORDER BY e.active DESC, e.name COLLATE NOCASE, e.id");
    while (st.next()) {
        Employee e {st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4) != 0};
        if (!e.active && !m_includeInactive) {
            continue;
        }
        const auto role = roleFromName(e.role);
        if (m_triagersOnly && (!role || !canTriage(*role))) {
            continue;
        }
        fresh.push_back(std::move(e));
    }
    st.reset();
    if (fresh == m_rows) {
        return;
    }
    if (fresh.size() == m_rows.size()
        && std::equal(fresh.cbegin(), fresh.cend(), m_rows.cbegin(),
                      [](const Employee &a, const Employee &b) { return a.id == b.id; })) {
        // Same people in the same order (a rename, a new role): keep views' current rows.
        m_rows = std::move(fresh);
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(fresh);
    endResetModel();
}

int EmployeesModel::rowOf(const QString &employeeId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == employeeId) {
            return int(i);
        }
    }
    return -1;
}

QString EmployeesModel::employeeId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].id : QString();
}

int EmployeesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EmployeesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Employee &e = m_rows[std::size_t(index.row())];
    const auto employeeRole = roleFromName(e.role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return e.active ? e.name : tr("%1 (inactive)").arg(e.name);
    case Qt::ToolTipRole:
        if (e.id.isEmpty()) {
            return {};
        }
        if (!employeeRole) {
            return e.name;
        }
        return e.team.isEmpty() ? tr("%1, %2").arg(e.name, roleLabel(*employeeRole))
                                : tr("%1, %2 (%3)").arg(e.name, roleLabel(*employeeRole), e.team);
    case DetailRole: return employeeRole ? roleLabel(*employeeRole) : QString();
    case IdRole: return e.id;
    case EmployeeRoleRole: return e.role;
    case AuthorRole: return e.name;
    default: return {};
    }
}

} // namespace sb::models
