#include "models/EngagementModel.h"

#include "metrics/EngagementRollups.h"
#include "models/ModelRoles.h"
#include "store/Sqlite.h"

#include <QFont>
#include <QLocale>

#include <cmath>
#include <limits>

namespace sb::models {

EngagementModel::EngagementModel(SqliteDb &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
}

EngagementModel::~EngagementModel() = default;

void EngagementModel::setViewer(const QString &employeeId, bool seesEveryone)
{
    m_viewerId = employeeId;
    m_seesEveryone = seesEveryone;
}

Status EngagementModel::reload(const metrics::TimeRange &range, qint64 nowMs)
{
    auto computed = metrics::EngagementRollups::report(m_db, range, nowMs);
    if (!computed.ok()) {
        // The rollups are a cache: when they cannot be brought up to date (the sync holds the write lock for
        // too long, a read-only workspace), the figures are counted from scratch.
        qWarning("engagement rollups unavailable (%s): counting from the event log",
                 qPrintable(computed.error().message));
        computed = metrics::EngagementMetrics::compute(m_db, range, nowMs);
    }
    if (!computed.ok()) {
        beginResetModel();
        m_report = {};
        m_rows.clear();
        endResetModel();
        return computed.error();
    }
    beginResetModel();
    m_report = std::move(computed).value();
    m_rows.clear();
    for (const metrics::Figures &f : m_report.employees) {
        if (m_seesEveryone || f.employeeId == m_viewerId) {
            m_rows.push_back(&f);
        }
    }
    m_rows.push_back(&m_report.team);
    endResetModel();
    return success();
}

const metrics::Figures *EngagementModel::figuresAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)] : nullptr;
}

int EngagementModel::rowOf(const QString &employeeId) const
{
    for (size_t i = 0; i + 1 < m_rows.size(); ++i) {
        if (m_rows[i]->employeeId == employeeId) {
            return int(i);
        }
    }
    return -1;
}

int EngagementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EngagementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EngagementModel::value(const metrics::Figures &f, int column) const
{
    switch (column) {
    case RepliesColumn: return f.repliesSent;
    case HandledColumn: return f.conversationsHandled;
    case ResolvedColumn: return f.conversationsResolved;
    case ResolutionColumn: return f.medianResolutionSecs ? QVariant(*f.medianResolutionSecs) : QVariant();
    case DraftedColumn: return f.postsDrafted;
    case ApprovedColumn: return f.postsApproved;
    case EngagementColumn: return f.engagementEarned();
    case OwnPostsColumn: return f.ownPosts;
    case MedianFirstResponseColumn:
        return f.medianFirstResponseSecs ? QVariant(*f.medianFirstResponseSecs) : QVariant();
    case P90FirstResponseColumn: return f.p90FirstResponseSecs ? QVariant(*f.p90FirstResponseSecs) : QVariant();
    case SlaColumn: return f.slaAttainmentPercent() ? QVariant(*f.slaAttainmentPercent()) : QVariant();
    case WorkloadColumn: return f.openWorkload;
    case NotesColumn: return f.notesWritten;
    case PostsColumn: return f.postsPublished;
    }
    return {};
}

QString EngagementModel::display(const metrics::Figures &f, int column) const
{
    const QLocale locale;
    switch (column) {
    case EmployeeColumn: return f.employeeId.isEmpty() ? tr("Team (all employees)") : f.name;
    case RoleColumn: return f.employeeId.isEmpty() ? QString() : roleLabel(f.role);
    case MedianFirstResponseColumn:
        return f.medianFirstResponseSecs ? metrics::formatDuration(*f.medianFirstResponseSecs) : QStringLiteral("–");
    case P90FirstResponseColumn:
        return f.p90FirstResponseSecs ? metrics::formatDuration(*f.p90FirstResponseSecs) : QStringLiteral("–");
    case ResolutionColumn:
        return f.medianResolutionSecs ? metrics::formatDuration(*f.medianResolutionSecs) : QStringLiteral("–");
    case EngagementColumn: return locale.toString(f.engagementEarned());
    case SlaColumn:
        return f.slaAttainmentPercent() ? tr("%1 %").arg(locale.toString(std::round(*f.slaAttainmentPercent()), 'f', 0))
                                        : QStringLiteral("–");
    default: return locale.toString(value(f, column).toInt());
    }
}

QVariant EngagementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const metrics::Figures &f = *m_rows[size_t(index.row())];
    const int column = index.column();
    const bool team = f.employeeId.isEmpty();
    switch (role) {
    case Qt::DisplayRole: return display(f, column);
    case Qt::TextAlignmentRole:
        return column >= RepliesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (team) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case MedianFirstResponseColumn:
        case P90FirstResponseColumn: return tr("%n first response(s) in business hours", nullptr, f.firstResponses);
        case SlaColumn: return tr("%1 on time, %2 late or overdue").arg(f.slaMet).arg(f.slaMissed);
        case ResolvedColumn: return tr("Handled %n conversation(s)", nullptr, f.conversationsHandled);
        case ResolutionColumn: return tr("%n resolution(s) in business hours", nullptr, int(f.conversationsResolved));
        case EngagementColumn:
            return tr("%1 likes, %2 reposts, %3 replies on their replies and published posts")
                .arg(f.likesEarned)
                .arg(f.repostsEarned)
                .arg(f.repliesEarned);
        case OwnPostsColumn:
            return tr("%n interaction(s) (likes, reposts, replies) on posts from their own account", nullptr,
                      int(f.ownPostEngagement));
        default: break;
        }
        break;
    case Qt::AccessibleTextRole:
        return QString(headerData(column, Qt::Horizontal).toString() + QStringLiteral(": ") + display(f, column));
    case IdRole: return f.employeeId;
    case TeamRowRole: return team;
    case ValueRole: return value(f, column);
    case SortKeyRole: {
        if (column == EmployeeColumn) {
            return f.name.toLower();
        }
        if (column == RoleColumn) {
            return int(f.role);
        }
        const QVariant v = value(f, column);
        // Rows without a figure sort after every figure.
        return v.isNull() ? QVariant(std::numeric_limits<double>::max()) : QVariant(v.toDouble());
    }
    default: break;
    }
    return {};
}

QVariant EngagementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case MedianFirstResponseColumn:
            return tr("Median time from the first inbound message to the first reply, in business hours");
        case P90FirstResponseColumn: return tr("Nine in ten first replies came within this time (business hours)");
        case SlaColumn: return tr("Share of conversations answered before their due time");
        case WorkloadColumn: return tr("Open and pending conversations assigned now");
        case HandledColumn: return tr("Conversations replied to or resolved in the range");
        case ResolutionColumn: return tr("Median time from the first inbound message to resolution, in business hours");
        case DraftedColumn: return tr("Posts written in the range");
        case ApprovedColumn: return tr("Their posts approved in the range, whoever reviewed them");
        case PostsColumn: return tr("Their posts published in the range");
        case EngagementColumn:
            return tr("Likes, reposts and replies earned by their replies and published posts in the range");
        case OwnPostsColumn: return tr("Advocacy: posts from the employee's own linked account");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case EmployeeColumn: return tr("Employee");
    case RoleColumn: return tr("Role");
    case RepliesColumn: return tr("Replies");
    case HandledColumn: return tr("Handled");
    case ResolvedColumn: return tr("Resolved");
    case ResolutionColumn: return tr("Resolution\n(median)");
    case DraftedColumn: return tr("Drafted");
    case ApprovedColumn: return tr("Approved");
    case EngagementColumn: return tr("Engagement");
    case OwnPostsColumn: return tr("Own\nposts");
    case MedianFirstResponseColumn: return tr("First response\n(median)");
    case P90FirstResponseColumn: return tr("p90");
    case SlaColumn: return tr("SLA\nmet");
    case WorkloadColumn: return tr("Open\nnow");
    case NotesColumn: return tr("Notes");
    case PostsColumn: return tr("Published");
    }
    return {};
}

} // namespace sb::models
