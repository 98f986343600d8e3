#pragma once

#include "core/Result.h"
#include "engine/AuditLog.h"

#include <QAbstractTableModel>

#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::models {

// The event log for the audit view, a page at a time, newest first: setFilter() starts over from the newest event,
// loadMore() appends the next page after the last row. A page is read with the filter and cursor of the rows it
// follows, so it always continues them.
class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)
public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, SubjectColumn, DetailsColumn, ColumnCount };

    explicit AuditLogModel(SqliteDb &db, QObject *parent = nullptr);
    ~AuditLogModel() override;

    Status setFilter(const AuditFilter &filter);
    const AuditFilter &filter() const { return m_filter; }
    Status loadMore();
    // Whether the last page was full: older events may match.
    bool hasMore() const { return m_hasMore; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // Empties the model (someone who may not review the log is signed in).
    void clear();

    const AuditEntry *entryAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        AuditEntry entry;
        QString time;
        QString summary;
    };

    Result<std::vector<AuditEntry>> page(qint64 beforeSeq);
    void append(std::vector<AuditEntry> entries);

    SqliteDb &m_db;
    AuditFilter m_filter;
    AuditNames m_names;
    std::vector<Row> m_rows;
    int m_pageSize = 200;
    bool m_hasMore = false;
};

} // namespace sb::models
