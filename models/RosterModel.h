#pragma once

#include "core/Domain.h"

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::models {

// The team roster for Settings: every employee (active or not) with role and team.
class RosterModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterModel)
public:
    enum Column { NameColumn, EmailColumn, RoleColumn, TeamColumn, ActiveColumn, ColumnCount };
    enum DataRole {
        EmployeeRole = Qt::UserRole + 200, // int(sb::Role)
        TeamIdRole, // QString, empty without a team
        ActiveRole, // bool
        EmailRole, // QString
        NameRole, // QString
    };

    struct Team {
        QString id;
        QString name;
    };

    explicit RosterModel(SqliteDb &db, QObject *parent = nullptr);
    ~RosterModel() override;

    void reload();
    // The role of an active employee, nullopt for an unknown or deactivated one (who may do nothing).
    static std::optional<sb::Role> roleOf(SqliteDb &db, const QString &employeeId);
    const std::vector<Team> &teams() const { return m_teams; }
    QString teamName(const QString &teamId) const;
    // Row of an employee, -1 when absent.
    int rowOf(const QString &employeeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString id;
        QString name;
        QString email;
        sb::Role role = sb::Role::Contributor;
        QString teamId;
        bool active = true;
    };

    SqliteDb &m_db;
    std::vector<Row> m_rows;
    std::vector<Team> m_teams;
};

} // namespace sb::models
