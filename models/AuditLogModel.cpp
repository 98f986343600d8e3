#include "models/AuditLogModel.h"

#include "models/ModelRoles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace sb::models {

AuditLogModel::AuditLogModel(SqliteDb &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
}

AuditLogModel::~AuditLogModel() = default;

Result<std::vector<AuditEntry>> AuditLogModel::page(qint64 beforeSeq)
{
    AuditFilter f = m_filter;
    f.limit = m_pageSize + 1; // one more tells whether there is a next page
    f.beforeSeq = beforeSeq;
    auto entries = auditLog(m_db, f);
    if (entries.ok()) {
        m_hasMore = int(entries.value().size()) > m_pageSize;
        if (m_hasMore) {
            entries.value().pop_back();
        }
    }
    return entries;
}

Status AuditLogModel::setFilter(const AuditFilter &filter)
{
    m_filter = filter;
    m_names = auditNames(m_db);
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    endResetModel();
    auto entries = page(0);
    SB_TRY(entries);
    append(std::move(entries).value());
    return success();
}

Status AuditLogModel::loadMore()
{
    if (!m_hasMore || m_rows.empty()) {
        return success();
    }
    auto entries = page(m_rows.back().entry.seq);
    SB_TRY(entries);
    append(std::move(entries).value());
    return success();
}

void AuditLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    endResetModel();
}

void AuditLogModel::append(std::vector<AuditEntry> entries)
{
    if (entries.empty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    const QLocale locale;
    for (AuditEntry &e : entries) {
        Row row;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(e.atMs).toLocalTime();
        // Seconds matter when reading who did what first.
        row.time = locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + local.time().toString(QStringLiteral("HH:mm:ss"));
        row.summary = auditDetailsSummary(e, m_names);
        row.entry = std::move(e);
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

const AuditEntry *AuditLogModel::entryAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)].entry : nullptr;
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size())) {
        return {};
    }
    const Row &row = m_rows[size_t(index.row())];
    const AuditEntry &e = row.entry;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn: return row.time;
        case ActorColumn: return e.actorKind == QLatin1String("rule") ? tr("%1 (rule)").arg(e.actorName) : e.actorName;
        case ActionColumn: return auditActionLabel(e.action);
        case SubjectColumn:
            return e.subjectName.isEmpty() ? auditSubjectTypeLabel(e.subjectType)
                                           : tr("%1: %2").arg(auditSubjectTypeLabel(e.subjectType), e.subjectName);
        case DetailsColumn: return row.summary;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(e.atMs).toLocalTime().toString(Qt::ISODateWithMs);
        case SubjectColumn: return tr("%1 %2").arg(e.subjectType, e.subjectId);
        case DetailsColumn:
            return QString::fromUtf8(QJsonDocument::fromJson(e.details.toUtf8()).toJson(QJsonDocument::Indented))
                .trimmed();
        default: return {};
        }
    case IdRole: return e.id;
    case TimestampRole: return e.atMs;
    case StatusRole: return e.action;
    case SortKeyRole: return e.seq;
    case TextRole: return e.details;
    default: break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn: return tr("Time");
    case ActorColumn: return tr("Who");
    case ActionColumn: return tr("Action");
    case SubjectColumn: return tr("Subject");
    case DetailsColumn: return tr("Details");
    }
    return {};
}

} // namespace sb::models
