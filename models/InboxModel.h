#pragma once

#include "models/ModelRoles.h"
#include "store/InboxSearch.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>

#include <deque>
#include <memory>
#include <vector>

namespace sb {
class Statement;
}

namespace sb::models {

class WorkspaceContext;

// Which conversations a view of the inbox lists. Search narrows any view to conversations with a matching item.
struct InboxFilter {
    enum class Kind { All, Mine, Unassigned, AwaitingApproval, Status, Account, Tag, Spam };
    Kind kind = Kind::All;
    QString value; // status name, account id or tag, depending on kind
    QString search; // what the user typed; turned into an FTS5 query

    bool operator==(const InboxFilter &) const = default;
};

// Local date and time as people read it in lists and threads: the locale's short format, without seconds.
QString formatDateTime(qint64 ms);
QString formatTime(const QTime &time);

// The conversation list: newest first by last activity, loaded in keyset pages of pageSize() rows on demand
// (canFetchMore/fetchMore), never the whole table.
class InboxModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)
public:
    enum Column { NetworkColumn, AuthorColumn, SnippetColumn, StatusColumn, AssigneeColumn, SlaColumn, TimeColumn };
    static constexpr int kColumnCount = TimeColumn + 1;
    static constexpr qint64 kDueSoonMs = 60 * 60 * 1000; // "due soon" within the last hour before the SLA

    explicit InboxModel(WorkspaceContext &ctx, QObject *parent = nullptr);
    ~InboxModel() override;

    InboxFilter filter() const { return m_filter; }
    void setFilter(const InboxFilter &filter);
    void setSearchText(const QString &text);

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows);
    // How many pages of 100 rows keep their data (the rest keep only their key); 40 by default.
    void setKeptPages(int pages) { m_maxDetailPages = qMax(1, pages); }

    // Re-reads the rows already loaded. When the same conversations come back in the same order only their data
    // changes (selections stay); otherwise the model resets to max(pageSize, keepRows) rows and views re-select
    // by id. keepRows (the rows a view needs: up to its selection, one screen) keeps resets from growing the list:
    // views may fetch a page of their own after a reset (QTreeView does).
    void refresh(int keepRows = 0);

    QString conversationId(int row) const;
    // Row of a loaded conversation, -1 when it is not (yet) loaded.
    int rowOf(const QString &conversationId) const;

    static SlaState slaState(const QString &status, qint64 dueMs, qint64 firstResponseMs, qint64 nowMs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    // The store refused a query (for example a search the index cannot parse); the list is empty meanwhile.
    void queryFailed(const QString &message);

private:
    struct Row {
        QString id;
        qint64 lastItemAt = 0;
        QString network;
        QString accountId;
        QString accountHandle;
        QString author;
        QString authorHandle;
        QString snippet;
        QString status;
        QString assigneeId;
        QString assigneeName;
        qint64 slaDueAt = 0;
        qint64 firstResponseAt = 0;
        qint64 snoozedUntil = 0;
        bool unread = false;
        int priority = 0;
        int itemCount = 0;
        qint64 matchSeq = 0; // searching: the newest matching item, the key of the next page
        QString match; // searching: that item's excerpt, matched words marked (MatchRole)
    };
    // What the list keeps for every row it has listed: the key, and the row's data only while its page is among
    // the recently shown ones (setKeptPages() pages of kDetailPage rows). Scrolling a million-row list end to end
    // thus keeps about a hundred bytes per row, and data() reads a page back (one query by ids) when needed.
    struct Entry {
        QString id;
        qint64 lastItemAt = 0;
        qint64 matchSeq = 0;
        QString match;
        mutable std::unique_ptr<Row> row;
    };
    static constexpr int kDetailPage = 100;

    // Loads up to `limit` rows after the key of `after` (nullptr: from the top).
    bool load(const Entry *after, int limit, std::vector<Row> &out);
    // Searching with words: walks the full-text index newest first, one row per conversation.
    bool loadMatches(const Entry *after, int limit, std::vector<Row> &out);
    // Keys only (id, last activity) of the first `limit` rows, for refresh() without words to search.
    bool loadKeys(int limit, std::vector<Entry> &out);
    void readRow(Statement &st, Row &r) const;
    // What the typed search means, read when the list is loaded from the top (reload, refresh) and used by the
    // pages fetched after it.
    void parseSearch();
    // The list query's conditions and order (keyset on last activity), and the binding of its parameters.
    QString listConditions() const;
    QString listOrder() const;
    void bindFilter(Statement &st) const;
    static Entry entryOf(Row &&row);
    void append(std::vector<Row> &&rows);
    // The row's data, read back with its page when it was dropped.
    const Row &rowAt(int row) const;
    void touchPage(int page) const;
    void reload();
    QVariant displayData(const Row &row, int column) const;
    QString slaText(const Row &row, SlaState state, qint64 nowMs) const;

    WorkspaceContext &m_ctx;
    InboxFilter m_filter;
    std::vector<Entry> m_rows;
    mutable std::deque<int> m_detailPages; // pages whose rows hold their data, least recently used first
    int m_maxDetailPages = 40;
    InboxSearch m_search;
    std::unique_ptr<PrefixExpander> m_prefixes; // on the reader, made by the first search
    QSet<QString> m_matched; // searching: conversations already listed (each appears once, at its newest match)
    int m_pageSize = 100;
    bool m_exhausted = false;
};

} // namespace sb::models
