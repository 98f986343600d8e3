#include "models/ViewsModel.h"

#include "core/Domain.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"

#include <QFont>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace sb::models {

namespace {
constexpr int kMaxTags = 40;
constexpr quintptr kGroupId = 0;

qint64 scalar(Statement &st)
{
    const qint64 value = st.next() ? st.int64(0) : 0;
    st.reset();
    return value;
}
} // namespace

ViewsModel::ViewsModel(WorkspaceContext &ctx, QObject *parent) : QAbstractItemModel(parent), m_ctx(ctx)
{
    connect(&m_ctx, &WorkspaceContext::changed, this, &ViewsModel::reload);
    connect(&m_ctx, &WorkspaceContext::currentEmployeeChanged, this, &ViewsModel::reload);
    reload();
}

ViewsModel::~ViewsModel() = default;

std::vector<ViewsModel::Group> ViewsModel::build()
{
    SqliteDb &db = m_ctx.reader();
    std::vector<Group> groups;

    using Kind = InboxFilter::Kind;
    Group views {tr("Views"), {}};
    {
        // Counts come from conversation_counts / tag_counts, kept by triggers: a lookup in a small table, whatever
        // the number of conversations.
        Statement &all = db.cached("SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE spam = 0 "
                                   "AND status IN ('open', 'pending')");
        views.entries.push_back({tr("All"), QStringLiteral("view-all"), {}, {Kind::All, {}, {}}, scalar(all)});

        Statement &mine = db.cached("SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE spam = 0 "
                                    "AND assignee_id = ? AND status IN ('open', 'pending')");
        mine.bind(1, m_ctx.currentEmployeeId());
        views.entries.push_back({tr("Mine"), QStringLiteral("view-mine"), {}, {Kind::Mine, {}, {}}, scalar(mine)});

        Statement &unassigned = db.cached("SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE spam = 0 "
                                          "AND assignee_id = '' AND status IN ('open', 'pending')");
        views.entries.push_back(
            {tr("Unassigned"), QStringLiteral("view-unassigned"), {}, {Kind::Unassigned, {}, {}}, scalar(unassigned)});

        Statement &approval = db.cached("SELECT count(*) FROM conversations c WHERE c.spam = 0 AND c.id IN "
                                        "(SELECT conversation_id FROM reply_drafts WHERE state = 'in_review')");
        views.entries.push_back({tr("Awaiting approval"),
                                 QStringLiteral("view-approval"),
                                 tr("Replies drafted by contributors that wait for a manager"),
                                 {Kind::AwaitingApproval, {}, {}},
                                 scalar(approval),
                                 true});
        Statement &spam = db.cached("SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE spam = 1");
        views.entries.push_back({tr("Spam"),
                                 QStringLiteral("view-spam"),
                                 tr("Conversations marked as spam: hidden everywhere else"),
                                 {Kind::Spam, {}, {}},
                                 scalar(spam),
                                 true});
    }
    groups.push_back(std::move(views));

    Group statuses {tr("Status"), {}};
    {
        QHash<QString, qint64> counts;
        Statement &st = db.cached("SELECT status, sum(n) FROM conversation_counts WHERE spam = 0 GROUP BY status");
        while (st.next()) {
            counts.insert(st.text(0), st.int64(1));
        }
        st.reset();
        for (auto status : {ConversationStatus::Open, ConversationStatus::Pending, ConversationStatus::Snoozed,
                            ConversationStatus::Resolved}) {
            const QString name = statusName(status);
            statuses.entries.push_back({statusLabel(status),
                                        QStringLiteral("status-") + name,
                                        {},
                                        {Kind::Status, name, {}},
                                        counts.value(name),
                                        true});
        }
    }
    groups.push_back(std::move(statuses));

    Group accounts {tr("Accounts"), {}};
    {
        Statement &st
            = db.cached("SELECT a.id, a.handle, a.network, coalesce(a.display_name, ''), "
                        "(SELECT coalesce(sum(n), 0) FROM conversation_counts c WHERE c.account_id = a.id AND "
                        "c.spam = 0 AND c.status IN ('open', 'pending')) FROM accounts a "
                        "ORDER BY a.handle COLLATE NOCASE, a.id");
        while (st.next()) {
            const auto network = networkFromName(st.text(2));
            const QString networkText = network ? networkLabel(*network) : st.text(2);
            const QString display = st.text(3);
            accounts.entries.push_back({st.text(1),
                                        QStringLiteral("network-") + st.text(2),
                                        display.isEmpty() ? networkText : tr("%1 on %2").arg(display, networkText),
                                        {Kind::Account, st.text(0), {}},
                                        st.int64(4)});
        }
        st.reset();
    }
    if (!accounts.entries.empty()) {
        groups.push_back(std::move(accounts));
    }

    Group tags {tr("Tags"), {}};
    {
        Statement &st = db.cached("SELECT tag, open_n FROM tag_counts WHERE uses > 0 ORDER BY uses DESC, tag LIMIT ?");
        st.bind(1, kMaxTags);
        while (st.next()) {
            tags.entries.push_back({st.text(0), QStringLiteral("tag"), {}, {Kind::Tag, st.text(0), {}}, st.int64(1)});
        }
        st.reset();
        std::sort(tags.entries.begin(), tags.entries.end(),
                  [](const Entry &a, const Entry &b) { return a.label.localeAwareCompare(b.label) < 0; });
    }
    if (!tags.entries.empty()) {
        groups.push_back(std::move(tags));
    }

    Group saved {tr("Saved searches"), {}};
    {
        Statement &st = db.cached("SELECT name, query FROM saved_views WHERE owner_id IS NULL OR owner_id = ? "
                                  "ORDER BY position, name");
        st.bind(1, m_ctx.currentEmployeeId());
        while (st.next()) {
            saved.entries.push_back(
                {st.text(0), QStringLiteral("search"), st.text(1), {Kind::All, {}, st.text(1)}, 0, true});
        }
        st.reset();
    }
    if (!saved.entries.empty()) {
        groups.push_back(std::move(saved));
    }
    return groups;
}

void ViewsModel::reload()
{
    std::vector<Group> fresh = build();
    bool sameShape = fresh.size() == m_groups.size();
    for (std::size_t g = 0; sameShape && g < fresh.size(); ++g) {
        const auto &a = fresh[g].entries;
        const auto &b = m_groups[g].entries;
        sameShape = fresh[g].title == m_groups[g].title && a.size() == b.size()
            && std::equal(a.cbegin(), a.cend(), b.cbegin(),
                          [](const Entry &x, const Entry &y) { return x.sameView(y); });
    }
    if (!sameShape) {
        beginResetModel();
        m_groups = std::move(fresh);
        endResetModel();
        return;
    }
    for (std::size_t g = 0; g < fresh.size(); ++g) {
        for (std::size_t e = 0; e < fresh[g].entries.size(); ++e) {
            Entry &current = m_groups[g].entries[e];
            const Entry &next = fresh[g].entries[e];
            if (current.count != next.count || current.tooltip != next.tooltip) {
                current = next;
                const QModelIndex parentIndex = index(int(g), 0);
                emit dataChanged(index(int(e), NameColumn, parentIndex), index(int(e), CountColumn, parentIndex));
            }
        }
    }
}

const ViewsModel::Entry *ViewsModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupId) {
        return nullptr;
    }
    const std::size_t group = std::size_t(index.internalId() - 1);
    if (group >= m_groups.size() || std::size_t(index.row()) >= m_groups[group].entries.size()) {
        return nullptr;
    }
    return &m_groups[group].entries[std::size_t(index.row())];
}

bool ViewsModel::isView(const QModelIndex &index) const
{
    return entryAt(index) != nullptr;
}

InboxFilter ViewsModel::filterAt(const QModelIndex &index) const
{
    const Entry *entry = entryAt(index);
    return entry ? entry->filter : InboxFilter {};
}

QString ViewsModel::savedViewId(const QModelIndex &index) const
{
    const Entry *entry = entryAt(index);
    if (!entry || entry->iconKey != QLatin1String("search")) {
        return {};
    }
    Statement &st = m_ctx.reader().cached("SELECT id FROM saved_views WHERE name = ? AND query = ? AND "
                                          "(owner_id IS NULL OR owner_id = ?) ORDER BY owner_id IS NULL LIMIT 1");
    st.bindAll(entry->label, entry->filter.search, m_ctx.currentEmployeeId());
    const QString id = st.next() ? st.text(0) : QString();
    st.reset();
    return id;
}

QModelIndex ViewsModel::indexOf(const InboxFilter &filter) const
{
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto &entries = m_groups[g].entries;
        for (std::size_t e = 0; e < entries.size(); ++e) {
            const InboxFilter &f = entries[e].filter;
            if (f.kind == filter.kind && f.value == filter.value && f.search == filter.search) {
                return createIndex(int(e), NameColumn, quintptr(g + 1));
            }
        }
    }
    return {};
}

QModelIndex ViewsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column > CountColumn) {
        return {};
    }
    if (!parent.isValid()) {
        return std::size_t(row) < m_groups.size() ? createIndex(row, column, kGroupId) : QModelIndex();
    }
    if (parent.internalId() != kGroupId || parent.column() != NameColumn) {
        return {};
    }
    const std::size_t group = std::size_t(parent.row());
    if (group >= m_groups.size() || std::size_t(row) >= m_groups[group].entries.size()) {
        return {};
    }
    return createIndex(row, column, quintptr(group + 1));
}

QModelIndex ViewsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), NameColumn, kGroupId);
}

int ViewsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.internalId() == kGroupId && parent.column() == NameColumn
        && std::size_t(parent.row()) < m_groups.size()) {
        return int(m_groups[std::size_t(parent.row())].entries.size());
    }
    return 0;
}

int ViewsModel::columnCount(const QModelIndex &) const
{
    return CountColumn + 1;
}

Qt::ItemFlags ViewsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    if (index.internalId() == kGroupId) {
        return Qt::ItemIsEnabled;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant ViewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    if (index.internalId() == kGroupId) {
        const Group &group = m_groups[std::size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole: return index.column() == NameColumn ? group.title : QString();
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case HeaderRole: return true;
        default: return {};
        }
    }
    const Entry *entry = entryAt(index);
    if (!entry) {
        return {};
    }
    const QString countText = entry->countIsTotal ? tr("%n conversation(s)", nullptr, int(entry->count))
                                                  : tr("%n waiting for a reply", nullptr, int(entry->count));
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CountColumn) {
            return entry->count > 0 ? QLocale().toString(entry->count) : QString();
        }
        return entry->label;
    case Qt::AccessibleTextRole: return index.column() == CountColumn ? countText : entry->label;
    case Qt::ToolTipRole:
        return entry->tooltip.isEmpty() ? countText : QString(entry->tooltip + QLatin1Char('\n') + countText);
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case IconKeyRole: return index.column() == NameColumn ? entry->iconKey : QString();
    case CountRole: return entry->count;
    case HeaderRole: return false;
    case StatusRole: return entry->filter.kind == InboxFilter::Kind::Status ? entry->filter.value : QString();
    default: return {};
    }
}

} // namespace sb::models
