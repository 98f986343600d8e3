#pragma once

#include "core/Result.h"
#include "metrics/EngagementMetrics.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::models {

// Per-employee engagement figures over a range, one row per employee the viewer may see, then the team's row.
class EngagementModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngagementModel)
public:
    enum Column {
        EmployeeColumn,
        RoleColumn,
        RepliesColumn,
        HandledColumn,
        ResolvedColumn,
        MedianFirstResponseColumn,
        P90FirstResponseColumn,
        ResolutionColumn,
        SlaColumn,
        WorkloadColumn,
        NotesColumn,
        DraftedColumn,
        ApprovedColumn,
        PostsColumn,
        EngagementColumn,
        OwnPostsColumn,
        ColumnCount
    };
    enum DataRole {
        TeamRowRole = Qt::UserRole + 200, // bool: the team aggregate row
        ValueRole, // QVariant number behind the cell (seconds, percent, count); null if none
    };

    explicit EngagementModel(SqliteDb &db, QObject *parent = nullptr);
    ~EngagementModel() override;

    // Who looks: someone who may not see everyone gets their own row and the team's only.
    void setViewer(const QString &employeeId, bool seesEveryone);
    Status reload(const metrics::TimeRange &range, qint64 nowMs);

    const metrics::EngagementReport &report() const { return m_report; }
    // The figures shown in `row` (the team's for the last row), nullptr when out of range.
    const metrics::Figures *figuresAt(int row) const;
    int rowOf(const QString &employeeId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const metrics::Figures &f, int column) const;
    QString display(const metrics::Figures &f, int column) const;

    SqliteDb &m_db;
    QString m_viewerId;
    bool m_seesEveryone = true;
    metrics::EngagementReport m_report;
    std::vector<const metrics::Figures *> m_rows; // into m_report; the team's last
};

} // namespace sb::models
