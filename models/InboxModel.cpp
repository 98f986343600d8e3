#include "models/InboxModel.h"

#include "core/Clock.h"
#include "core/Domain.h"
#include "models/WorkspaceContext.h"
#include "store/SearchTerms.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>

namespace sb::models {

namespace {

// Columns of kSelect, in order.
enum SelectColumn {
    ColId,
    ColLastItemAt,
    ColNetwork,
    ColAccountId,
    ColAccountHandle,
    ColAuthor,
    ColAuthorHandle,
    ColSnippet,
    ColStatus,
    ColAssigneeId,
    ColAssigneeName,
    ColSlaDue,
    ColFirstResponse,
    ColSnoozedUntil,
    ColUnread,
    ColPriority,
    ColItemCount,
};

const char *const kColumns
    = "SELECT c.id, c.last_item_at, a.network, c.account_id, a.handle, "
      "coalesce(nullif(ct.display_name, ''), ct.handle, ''), coalesce(ct.handle, ''), c.snippet, c.status, "
      "coalesce(c.assignee_id, ''), coalesce(e.name, ''), coalesce(c.sla_due_at, 0), "
      "coalesce(c.first_response_at, 0), coalesce(c.snoozed_until, 0), c.unread, c.priority, c.item_count";
const char *const kJoins
    = " JOIN accounts a ON a.id = c.account_id "
      "LEFT JOIN contacts ct ON ct.id = c.contact_id LEFT JOIN employees e ON e.id = c.assignee_id";
// Search conditions use parameters from this number on.
constexpr int kSearchParameters = 10;

// Parameters: ?1 the filter's value, ?2 the FTS query, ?3/?4 the key of the last loaded row, ?5 the limit.
QString filterClause(const InboxFilter &filter)
{
    switch (filter.kind) {
    case InboxFilter::Kind::All: return {};
    case InboxFilter::Kind::Mine: return QStringLiteral(" AND c.assignee_id = ?1 AND c.status != 'resolved'");
    case InboxFilter::Kind::Unassigned:
        return QStringLiteral(" AND c.assignee_id IS NULL AND c.status IN ('open', 'pending')");
    case InboxFilter::Kind::AwaitingApproval:
        // Driven from the few drafts in review (the ORDER BY below then sorts that small set) instead of
        // probing every conversation.
        return QStringLiteral(" AND c.id IN (SELECT conversation_id FROM reply_drafts WHERE state = 'in_review')");
    case InboxFilter::Kind::Status: return QStringLiteral(" AND c.status = ?1");
    case InboxFilter::Kind::Account: return QStringLiteral(" AND c.account_id = ?1");
    case InboxFilter::Kind::Tag:
        return QStringLiteral(" AND EXISTS (SELECT 1 FROM conversation_tags t WHERE t.conversation_id = c.id "
                              "AND t.tag = ?1)");
    case InboxFilter::Kind::Spam: return {};
    }
    return {};
}

// Every view hides spam but the Spam view, which shows only that (through its own small index).
QString spamCondition(const InboxFilter &filter)
{
    return filter.kind == InboxFilter::Kind::Spam ? QStringLiteral("c.spam = 1") : QStringLiteral("c.spam = 0");
}

QString compactDuration(qint64 ms)
{
    const qint64 minutes = qMax<qint64>(1, ms / 60000);
    if (minutes < 60) {
        return InboxModel::tr("%n min", nullptr, int(minutes));
    }
    if (minutes < 48 * 60) {
        return InboxModel::tr("%n h", nullptr, int(minutes / 60));
    }
    return InboxModel::tr("%n d", nullptr, int(minutes / (24 * 60)));
}

QString shortTime(qint64 ms, qint64 nowMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime();
    const QLocale locale;
    if (when.date() == now.date()) {
        return formatTime(when.time());
    }
    if (when.date().daysTo(now.date()) < 7 && when < now) {
        return locale.toString(when, QStringLiteral("ddd ")) + formatTime(when.time());
    }
    if (when.date().year() == now.date().year()) {
        return locale.toString(when.date(), QStringLiteral("d MMM"));
    }
    return locale.toString(when.date(), QStringLiteral("d MMM yyyy"));
}

QString statusText(const QString &name)
{
    const auto status = statusFromName(name);
    return status ? statusLabel(*status) : name;
}

} // namespace

QString formatTime(const QTime &time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss")); // some locales' short format still shows seconds
    return locale.toString(time, format);
}

QString formatDateTime(qint64 ms)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return QLocale().toString(when.date(), QLocale::ShortFormat) + QLatin1Char(' ') + formatTime(when.time());
}

InboxModel::InboxModel(WorkspaceContext &ctx, QObject *parent) : QAbstractTableModel(parent), m_ctx(ctx)
{
    connect(&m_ctx, &WorkspaceContext::currentEmployeeChanged, this, [this] {
        if (m_filter.kind == InboxFilter::Kind::Mine) {
            reload();
        }
    });
    reload();
}

InboxModel::~InboxModel() = default;

void InboxModel::setFilter(const InboxFilter &filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    reload();
}

void InboxModel::setSearchText(const QString &text)
{
    InboxFilter f = m_filter;
    f.search = text.simplified();
    setFilter(f);
}

void InboxModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void InboxModel::readRow(Statement &st, Row &r) const
{
    r.id = st.text(ColId);
    r.lastItemAt = st.int64(ColLastItemAt);
    r.network = st.text(ColNetwork);
    r.accountId = st.text(ColAccountId);
    r.accountHandle = st.text(ColAccountHandle);
    r.author = st.text(ColAuthor);
    r.authorHandle = st.text(ColAuthorHandle);
    r.snippet = st.text(ColSnippet).simplified();
    r.status = st.text(ColStatus);
    r.assigneeId = st.text(ColAssigneeId);
    r.assigneeName = st.text(ColAssigneeName);
    r.slaDueAt = st.int64(ColSlaDue);
    r.firstResponseAt = st.int64(ColFirstResponse);
    r.snoozedUntil = st.int64(ColSnoozedUntil);
    r.unread = st.integer(ColUnread) != 0;
    r.priority = st.integer(ColPriority);
    r.itemCount = st.integer(ColItemCount);
}

void InboxModel::parseSearch()
{
    if (!m_prefixes && !m_filter.search.isEmpty()) {
        m_prefixes = std::make_unique<PrefixExpander>(m_ctx.reader());
    }
    const QTimeZone configured(WorkspaceSettings::timeZoneId(m_ctx.reader()).toUtf8());
    m_search
        = parseInboxSearch(m_filter.search, m_ctx.currentEmployeeId(),
                           configured.isValid() ? configured : QTimeZone::utc(), kSearchParameters, m_prefixes.get());
}

QString InboxModel::listConditions() const
{
    return QStringLiteral(" WHERE ") + spamCondition(m_filter) + filterClause(m_filter) + m_search.conditions;
}

QString InboxModel::listOrder() const
{
    // "Awaiting approval" sorts the few conversations its drafts name instead of walking the index.
    return m_filter.kind == InboxFilter::Kind::AwaitingApproval
        ? QStringLiteral(" ORDER BY +c.last_item_at DESC, +c.id ASC LIMIT ?5")
        : QStringLiteral(" ORDER BY c.last_item_at DESC, c.id ASC LIMIT ?5");
}

void InboxModel::bindFilter(Statement &st) const
{
    st.bind(1, m_filter.kind == InboxFilter::Kind::Mine ? m_ctx.currentEmployeeId() : m_filter.value);
    m_search.bind(st);
}

bool InboxModel::load(const Entry *after, int limit, std::vector<Row> &out)
{
    if (!m_search.match.isEmpty()) {
        return loadMatches(after, limit, out);
    }
    QString sql = QString::fromLatin1(kColumns) + QStringLiteral(" FROM conversations c") + QLatin1String(kJoins)
        + listConditions();
    // Keyset paging on (last_item_at DESC, id ASC), the order of the conversations_recent index.
    if (after) {
        sql += QStringLiteral(" AND c.last_item_at <= ?3 AND (c.last_item_at < ?3 OR c.id > ?4)");
    }
    sql += listOrder();

    auto prepared = m_ctx.reader().prepare(sql);
    if (!prepared.ok()) {
        emit queryFailed(prepared.error().message);
        return false;
    }
    Statement &st = prepared.value();
    bindFilter(st);
    if (after) {
        st.bind(3, after->lastItemAt).bind(4, after->id);
    }
    st.bind(5, limit);
    while (st.next()) {
        Row r;
        readRow(st, r);
        out.push_back(std::move(r));
    }
    if (st.failed()) {
        emit queryFailed(st.error().message);
        return false;
    }
    return true;
}

bool InboxModel::loadMatches(const Entry *after, int limit, std::vector<Row> &out)
{
    // FTS5 hands out matches by descending rowid (= time) without sorting anything: the first page costs as much
    // as the matches it reads, whatever the number of matches in the whole inbox.
    QString sql = QString::fromLatin1(kColumns)
        + QStringLiteral(", i.seq, snippet(item_fts, 0, char(57344), char(57345), '…', 16) "
                         "FROM item_fts JOIN items i ON i.seq = item_fts.rowid "
                         "JOIN conversations c ON c.id = i.conversation_id")
        + QLatin1String(kJoins) + listConditions() + QStringLiteral(" AND item_fts MATCH ?2");
    if (after) {
        sql += QStringLiteral(" AND item_fts.rowid < ?3");
    }
    sql += QStringLiteral(" ORDER BY item_fts.rowid DESC");
    auto prepared = m_ctx.reader().prepare(sql);
    if (!prepared.ok()) {
        emit queryFailed(prepared.error().message);
        return false;
    }
    Statement &st = prepared.value();
    bindFilter(st);
    st.bind(2, m_search.match);
    if (after) {
        st.bind(3, after->matchSeq);
    } else {
        m_matched.clear();
    }
    const int kSeq = ColItemCount + 1;
    while (int(out.size()) < limit && st.next()) {
        const QString id = st.text(ColId);
        if (m_matched.contains(id)) {
            continue; // listed at a newer match already
        }
        m_matched.insert(id);
        Row r;
        readRow(st, r);
        r.matchSeq = st.int64(kSeq);
        r.match = st.text(kSeq + 1).simplified();
        out.push_back(std::move(r));
    }
    if (st.failed()) {
        emit queryFailed(st.error().message);
        return false;
    }
    return true;
}

InboxModel::Entry InboxModel::entryOf(Row &&row)
{
    Entry e;
    e.id = row.id;
    e.lastItemAt = row.lastItemAt;
    e.matchSeq = row.matchSeq;
    e.match = row.match;
    e.row = std::make_unique<Row>(std::move(row));
    return e;
}

void InboxModel::append(std::vector<Row> &&rows)
{
    const int first = int(m_rows.size());
    for (Row &r : rows) {
        m_rows.push_back(entryOf(std::move(r)));
    }
    for (int page = first / kDetailPage; page * kDetailPage < int(m_rows.size()); ++page) {
        touchPage(page);
    }
}

void InboxModel::touchPage(int page) const
{
    const auto it = std::find(m_detailPages.begin(), m_detailPages.end(), page);
    if (it != m_detailPages.end()) {
        if (std::next(it) == m_detailPages.end()) {
            return;
        }
        m_detailPages.erase(it);
    }
    m_detailPages.push_back(page);
    while (int(m_detailPages.size()) > m_maxDetailPages) {
        const int old = m_detailPages.front();
        m_detailPages.pop_front();
        const int end = std::min(int(m_rows.size()), (old + 1) * kDetailPage);
        for (int r = old * kDetailPage; r < end; ++r) {
            m_rows[std::size_t(r)].row.reset();
        }
    }
}

const InboxModel::Row &InboxModel::rowAt(int row) const
{
    const int page = row / kDetailPage;
    touchPage(page);
    const Entry &wanted = m_rows[std::size_t(row)];
    if (wanted.row) {
        return *wanted.row;
    }
    // Read the page's dropped rows back in one query by id.
    const int begin = page * kDetailPage;
    const int end = std::min(int(m_rows.size()), begin + kDetailPage);
    QStringList marks;
    for (int r = begin; r < end; ++r) {
        if (!m_rows[std::size_t(r)].row) {
            marks << QStringLiteral("?");
        }
    }
    const QString sql = QString::fromLatin1(kColumns) + QStringLiteral(" FROM conversations c") + QLatin1String(kJoins)
        + QStringLiteral(" WHERE c.id IN (") + marks.join(QLatin1Char(',')) + u')';
    QHash<QString, Row> found;
    if (auto prepared = m_ctx.reader().prepare(sql); prepared.ok()) {
        Statement &st = prepared.value();
        int bindIndex = 1;
        for (int r = begin; r < end; ++r) {
            if (!m_rows[std::size_t(r)].row) {
                st.bind(bindIndex++, m_rows[std::size_t(r)].id);
            }
        }
        while (st.next()) {
            Row r;
            readRow(st, r);
            found.insert(r.id, std::move(r));
        }
    }
    for (int r = begin; r < end; ++r) {
        const Entry &e = m_rows[std::size_t(r)];
        if (e.row) {
            continue;
        }
        Row loaded = found.take(e.id);
        if (loaded.id.isEmpty()) { // gone since it was listed: shown empty until the next refresh
            loaded.id = e.id;
            loaded.lastItemAt = e.lastItemAt;
        }
        loaded.matchSeq = e.matchSeq;
        loaded.match = e.match;
        e.row = std::make_unique<Row>(std::move(loaded));
    }
    return *wanted.row;
}

bool InboxModel::loadKeys(int limit, std::vector<Entry> &out)
{
    const QString sql = QStringLiteral("SELECT c.id, c.last_item_at FROM conversations c") + QLatin1String(kJoins)
        + listConditions() + listOrder();
    auto prepared = m_ctx.reader().prepare(sql);
    if (!prepared.ok()) {
        emit queryFailed(prepared.error().message);
        return false;
    }
    Statement &st = prepared.value();
    bindFilter(st);
    st.bind(5, limit);
    while (st.next()) {
        Entry e;
        e.id = st.text(0);
        e.lastItemAt = st.int64(1);
        out.push_back(std::move(e));
    }
    if (st.failed()) {
        emit queryFailed(st.error().message);
        return false;
    }
    return true;
}

void InboxModel::reload()
{
    parseSearch();
    if (!m_search.problems.isEmpty()) {
        emit queryFailed(m_search.problems.join(QLatin1Char(' ')));
    }
    beginResetModel();
    m_rows.clear();
    m_detailPages.clear();
    m_exhausted = false;
    std::vector<Row> page;
    if (load(nullptr, m_pageSize, page)) {
        m_exhausted = int(page.size()) < m_pageSize;
        append(std::move(page));
    } else {
        m_exhausted = true;
    }
    endResetModel();
}

void InboxModel::refresh(int keepRows)
{
    const int limit = qMax(m_pageSize, int(m_rows.size()));
    std::vector<Entry> fresh;
    parseSearch(); // the time zone or the signed-in employee (is:mine) may have changed
    if (m_search.match.isEmpty()) {
        // Keys only: the rows' data is read again when shown.
        if (!loadKeys(limit, fresh)) {
            return;
        }
    } else {
        std::vector<Row> rows;
        if (!load(nullptr, limit, rows)) {
            return;
        }
        for (Row &r : rows) {
            fresh.push_back(entryOf(std::move(r)));
        }
    }
    const bool sameRows = fresh.size() == m_rows.size()
        && std::equal(fresh.cbegin(), fresh.cend(), m_rows.cbegin(),
                      [](const Entry &a, const Entry &b) { return a.id == b.id; });
    m_detailPages.clear();
    if (sameRows) {
        m_rows = std::move(fresh);
        m_exhausted = int(m_rows.size()) < limit;
        if (!m_rows.empty()) {
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, kColumnCount - 1));
        }
        return;
    }
    const std::size_t keep = std::size_t(qMax(m_pageSize, keepRows));
    beginResetModel();
    m_exhausted = int(fresh.size()) < limit;
    if (fresh.size() > keep) {
        fresh.resize(keep);
        m_exhausted = false;
    }
    m_rows = std::move(fresh);
    endResetModel();
}

QString InboxModel::conversationId(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].id : QString();
}

int InboxModel::rowOf(const QString &conversationId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == conversationId) {
            return int(i);
        }
    }
    return -1;
}

SlaState InboxModel::slaState(const QString &status, qint64 dueMs, qint64 firstResponseMs, qint64 nowMs)
{
    if (dueMs <= 0 || firstResponseMs > 0 || status == QLatin1String("resolved")) {
        return SlaState::None;
    }
    if (nowMs > dueMs) {
        return SlaState::Overdue;
    }
    return dueMs - nowMs <= kDueSoonMs ? SlaState::DueSoon : SlaState::OnTime;
}

int InboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

bool InboxModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void InboxModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted) {
        return;
    }
    std::vector<Row> page;
    const Entry *last = m_rows.empty() ? nullptr : &m_rows.back();
    if (!load(last, m_pageSize, page)) {
        m_exhausted = true;
        return;
    }
    m_exhausted = int(page.size()) < m_pageSize;
    if (page.empty()) {
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    append(std::move(page));
    endInsertRows();
}

QString InboxModel::slaText(const Row &row, SlaState state, qint64 nowMs) const
{
    switch (state) {
    case SlaState::None: return {};
    case SlaState::OnTime: return tr("On time");
    case SlaState::DueSoon: return tr("Due in %1").arg(compactDuration(row.slaDueAt - nowMs));
    case SlaState::Overdue: return tr("Overdue %1").arg(compactDuration(nowMs - row.slaDueAt));
    }
    return {};
}

QVariant InboxModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case NetworkColumn: return QString();
    case AuthorColumn: return row.author;
    case SnippetColumn: return row.snippet;
    case StatusColumn: return statusText(row.status);
    case AssigneeColumn: return row.assigneeName;
    case SlaColumn: {
        const qint64 now = m_ctx.clock().nowMs();
        return slaText(row, slaState(row.status, row.slaDueAt, row.firstResponseAt, now), now);
    }
    case TimeColumn: return shortTime(row.lastItemAt, m_ctx.clock().nowMs());
    }
    return {};
}

QVariant InboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return displayData(row, column);
    case Qt::FontRole:
        if (row.unread) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case NetworkColumn: {
            const auto network = networkFromName(row.network);
            return tr("%1 account %2").arg(network ? networkLabel(*network) : row.network, row.accountHandle);
        }
        case AuthorColumn: return row.authorHandle;
        case SnippetColumn: return row.snippet;
        case SlaColumn:
            return row.slaDueAt > 0 ? tr("First response due %1").arg(formatDateTime(row.slaDueAt)) : QVariant();
        case TimeColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.lastItemAt).toLocalTime(),
                                      QLocale::LongFormat);
        default: return {};
        }
    case Qt::AccessibleTextRole:
        if (column == NetworkColumn) {
            const auto network = networkFromName(row.network);
            return network ? networkLabel(*network) : row.network;
        }
        if (column == AssigneeColumn && row.assigneeId.isEmpty()) {
            return tr("Unassigned");
        }
        if (column == AuthorColumn) {
            return tr("%1: %2").arg(row.author, row.snippet); // views may show the snippet under the author
        }
        return displayData(row, column);
    case IconKeyRole:
        switch (column) {
        case NetworkColumn: return QString(QStringLiteral("network-") + row.network);
        case StatusColumn: return QString(QStringLiteral("status-") + row.status);
        case SlaColumn:
            switch (slaState(row.status, row.slaDueAt, row.firstResponseAt, m_ctx.clock().nowMs())) {
            case SlaState::None: return {};
            case SlaState::OnTime: return QStringLiteral("sla-ontime");
            case SlaState::DueSoon: return QStringLiteral("sla-duesoon");
            case SlaState::Overdue: return QStringLiteral("sla-overdue");
            }
            return {};
        default: return {};
        }
    case IdRole: return row.id;
    case StatusRole: return row.status;
    case SortKeyRole: return row.lastItemAt;
    case TimestampRole: return row.lastItemAt;
    case NetworkRole: return row.network;
    case AccountIdRole: return row.accountId;
    case AssigneeIdRole: return row.assigneeId;
    case UnreadRole: return row.unread;
    case PriorityRole: return row.priority;
    case AuthorRole: return row.author;
    case TextRole: return row.snippet;
    case MatchRole: return row.match;
    case SlaDueRole: return row.slaDueAt;
    case SlaStateRole: return int(slaState(row.status, row.slaDueAt, row.firstResponseAt, m_ctx.clock().nowMs()));
    default: return {};
    }
}

QVariant InboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return {};
    }
    switch (section) {
    case NetworkColumn: return role == Qt::ToolTipRole ? tr("Network") : QString();
    case AuthorColumn: return tr("Conversation");
    case SnippetColumn: return tr("Message");
    case StatusColumn: return tr("Status");
    case AssigneeColumn: return tr("Assignee");
    case SlaColumn: return role == Qt::ToolTipRole ? tr("First-response promise") : tr("SLA");
    case TimeColumn: return tr("Last activity");
    }
    return {};
}

} // namespace sb::models
