#include "models/RosterModel.h"

#include "models/ModelRoles.h"
#include "store/Sqlite.h"

#include <QFont>

namespace sb::models {

RosterModel::RosterModel(SqliteDb &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
    reload();
}

RosterModel::~RosterModel() = default;

void RosterModel::reload()
{
    std::vector<Row> rows;
    std::vector<Team> teams;
    if (auto st = m_db.prepare(QStringLiteral("SELECT id, name FROM teams ORDER BY name COLLATE NOCASE")); st.ok()) {
        while (st.value().next()) {
            teams.push_back({st.value().text(0), st.value().text(1)});
        }
    }
    if (auto st = m_db.prepare(QStringLiteral("SELECT id, name, coalesce(email, ''), role, coalesce(team_id, ''), "
                                              "active FROM employees ORDER BY active DESC, name COLLATE NOCASE, id"));
        st.ok()) {
        Statement &s = st.value();
        while (s.next()) {
            rows.push_back({s.text(0), s.text(1), s.text(2), roleFromName(s.text(3)).value_or(sb::Role::Contributor),
                            s.text(4), s.integer(5) != 0});
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_teams = std::move(teams);
    endResetModel();
}

std::optional<sb::Role> RosterModel::roleOf(SqliteDb &db, const QString &employeeId)
{
    auto st = db.prepare(QStringLiteral("SELECT role FROM employees WHERE id = ? AND active = 1"));
    if (!st.ok()) {
        return std::nullopt;
    }
    st.value().bind(1, employeeId);
    return st.value().next() ? roleFromName(st.value().text(0)) : std::nullopt;
}

QString RosterModel::teamName(const QString &teamId) const
{
    for (const Team &t : m_teams) {
        if (t.id == teamId) {
            return t.name;
        }
    }
    return {};
}

int RosterModel::rowOf(const QString &employeeId) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == employeeId) {
            return int(i);
        }
    }
    return -1;
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return r.name;
        case EmailColumn: return r.email;
        case RoleColumn: return roleLabel(r.role);
        case TeamColumn: return r.teamId.isEmpty() ? tr("No team") : teamName(r.teamId);
        case ActiveColumn: return r.active ? tr("Active") : tr("Deactivated");
        }
        break;
    case Qt::FontRole:
        if (!r.active) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        break;
    case IdRole: return r.id;
    case SortKeyRole: return r.name.toLower();
    case EmployeeRole: return int(r.role);
    case TeamIdRole: return r.teamId;
    case ActiveRole: return r.active;
    case EmailRole: return r.email;
    case NameRole: return r.name;
    default: break;
    }
    return {};
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn: return tr("Name");
    case EmailColumn: return tr("Email");
    case RoleColumn: return tr("Role");
    case TeamColumn: return tr("Team");
    case ActiveColumn: return tr("Status");
    }
    return {};
}

} // namespace sb::models
