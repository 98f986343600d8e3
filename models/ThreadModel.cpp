#include "models/ThreadModel.h"

#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <algorithm>

namespace sb::models {

int defaultMaxChars(const QString &network)
{
    return network == QLatin1String("bluesky") ? 300 : 500;
}

ThreadModel::ThreadModel(WorkspaceContext &ctx, QObject *parent) : QAbstractListModel(parent), m_ctx(ctx)
{
}

ThreadModel::~ThreadModel() = default;

void ThreadModel::setConversation(const QString &conversationId)
{
    if (conversationId == m_summary.id) {
        return;
    }
    load(conversationId);
}

void ThreadModel::reload()
{
    const QString id = m_summary.id; // load() clears the summary first
    load(id);
}

void ThreadModel::load(const QString &conversationId)
{
    beginResetModel();
    m_entries.clear();
    m_summary = {};
    QString contactId;
    SqliteDb &db = m_ctx.reader();
    if (!conversationId.isEmpty()) {
        Statement &conv = db.cached(
            "SELECT c.id, c.account_id, a.handle, a.network, c.kind, c.status, coalesce(c.assignee_id, ''), "
            "coalesce(e.name, ''), coalesce(nullif(ct.display_name, ''), ct.handle, ''), coalesce(ct.handle, ''), "
            "c.priority, coalesce(a.max_chars, 0), coalesce(c.sla_due_at, 0), coalesce(c.first_response_at, 0), "
            "coalesce(c.snoozed_until, 0), c.last_item_at, c.item_count, coalesce(c.contact_id, ''), "
            "coalesce(c.team_id, '') "
            "FROM conversations c JOIN accounts a ON a.id = c.account_id "
            "LEFT JOIN contacts ct ON ct.id = c.contact_id LEFT JOIN employees e ON e.id = c.assignee_id "
            "WHERE c.id = ?");
        conv.bind(1, conversationId);
        if (conv.next()) {
            ConversationSummary &s = m_summary;
            s.id = conv.text(0);
            s.accountId = conv.text(1);
            s.accountHandle = conv.text(2);
            s.network = conv.text(3);
            s.kind = conv.text(4);
            s.status = conv.text(5);
            s.assigneeId = conv.text(6);
            s.assigneeName = conv.text(7);
            s.author = conv.text(8);
            s.authorHandle = conv.text(9);
            s.priority = conv.integer(10);
            s.maxChars = conv.integer(11) > 0 ? conv.integer(11) : defaultMaxChars(s.network);
            s.slaDueAt = conv.int64(12);
            s.firstResponseAt = conv.int64(13);
            s.snoozedUntil = conv.int64(14);
            s.lastItemAt = conv.int64(15);
            s.itemCount = conv.integer(16);
            contactId = conv.text(17);
            s.teamId = conv.text(18);
        }
        conv.reset();
    }
    if (m_summary.isValid() && !contactId.isEmpty()) {
        // The same person's other conversations, whichever brand account they wrote to.
        Statement &others
            = db.cached("SELECT c.id, a.handle, a.network, c.status, c.last_item_at, c.snippet, count(*) OVER () "
                        "FROM conversations c JOIN accounts a ON a.id = c.account_id "
                        "WHERE c.contact_id = ?1 AND c.id != ?2 AND c.spam = 0 ORDER BY c.last_item_at DESC LIMIT ?3");
        others.bindAll(contactId, m_summary.id, ConversationSummary::kHistoryShown);
        while (others.next()) {
            m_summary.history.push_back({others.text(0), others.text(1), others.text(2), others.text(3),
                                         others.int64(4), others.text(5).simplified()});
            m_summary.historyTotal = others.integer(6);
        }
        others.reset();
    }
    if (m_summary.isValid()) {
        const QString &id = m_summary.id;
        Statement &tags = db.cached("SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY tag");
        tags.bind(1, id);
        while (tags.next()) {
            m_summary.tags.append(tags.text(0));
        }
        tags.reset();

        Statement &items = db.cached(
            "SELECT i.seq, i.direction, i.text, i.created_at, "
            "CASE WHEN i.direction = 'in' THEN coalesce(nullif(ct.display_name, ''), ct.handle, '') "
            "ELSE coalesce(e.name, a.handle) END, "
            "CASE WHEN i.direction = 'in' THEN coalesce(ct.handle, '') ELSE a.handle END "
            "FROM items i JOIN accounts a ON a.id = i.account_id LEFT JOIN contacts ct ON ct.id = i.contact_id "
            "LEFT JOIN employees e ON e.id = i.author_employee_id WHERE i.conversation_id = ? ORDER BY i.seq");
        items.bind(1, id);
        while (items.next()) {
            m_entries.push_back({QString::number(items.int64(0)),
                                 items.text(1),
                                 {},
                                 items.text(4),
                                 items.text(2),
                                 items.text(5),
                                 items.int64(3),
                                 items.int64(0)});
        }
        items.reset();

        Statement &notes = db.cached("SELECT n.id, coalesce(e.name, ''), n.body, n.created_at FROM notes n "
                                     "LEFT JOIN employees e ON e.id = n.author_id WHERE n.conversation_id = ?");
        notes.bind(1, id);
        while (notes.next()) {
            m_entries.push_back(
                {notes.text(0), QStringLiteral("note"), {}, notes.text(1), notes.text(2), {}, notes.int64(3), 0});
        }
        notes.reset();

        Statement &jobs
            = db.cached("SELECT j.id, j.state, coalesce(e.name, ''), j.text, j.created_at, coalesce(j.last_error, '') "
                        "FROM outbox_jobs j LEFT JOIN employees e ON e.id = j.created_by "
                        "WHERE j.conversation_id = ? AND j.kind = 'reply' AND j.state != 'done'");
        jobs.bind(1, id);
        while (jobs.next()) {
            m_entries.push_back({jobs.text(0), QStringLiteral("queued"), jobs.text(1), jobs.text(2), jobs.text(3),
                                 jobs.text(5), jobs.int64(4), 0});
        }
        jobs.reset();

        Statement &drafts = db.cached(
            "SELECT d.id, d.state, coalesce(e.name, ''), d.text, d.created_at, coalesce(d.review_comment, '') "
            "FROM reply_drafts d LEFT JOIN employees e ON e.id = d.author_id "
            "WHERE d.conversation_id = ? AND d.state IN ('in_review', 'rejected')");
        drafts.bind(1, id);
        while (drafts.next()) {
            m_entries.push_back({drafts.text(0), QStringLiteral("draft"), drafts.text(1), drafts.text(2),
                                 drafts.text(3), drafts.text(5), drafts.int64(4), 0});
        }
        drafts.reset();

        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry &a, const Entry &b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
    }
    endResetModel();
    emit summaryChanged();
}

int ThreadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ThreadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry &e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return e.text;
    case IdRole: return e.id;
    case DirectionRole: return e.direction;
    case StatusRole: return e.state;
    case AuthorRole: return e.author;
    case DetailRole: return e.detail;
    case TimestampRole:
    case SortKeyRole: return e.at;
    default: return {};
    }
}

} // namespace sb::models
