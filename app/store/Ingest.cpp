#include "store/Ingest.h"

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "engine/Routing.h"
#include "store/SearchTerms.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace sb {

namespace {
constexpr int kSnippetLength = 280;
// Contacts remembered across calls (id and the fields the ingest compares), so a known author costs no query.
// Contacts are never deleted, and only the ingest path changes those fields.
constexpr qsizetype kMaxKnownContacts = 200'000;
} // namespace

Ingestor::Ingestor(SqliteDb &db, const Clock &clock, IdSource &ids)
    : m_db(db), m_clock(clock), m_ids(ids), m_terms(std::make_unique<SearchTermWriter>(db))
{
}

Ingestor::~Ingestor() = default;

Result<Ingestor::AccountFacts> Ingestor::accountFacts(const QString &accountId)
{
    if (auto it = m_accounts.constFind(accountId); it != m_accounts.cend()) {
        return *it;
    }
    Statement &st = m_db.cached("SELECT network, sla_minutes FROM accounts WHERE id = ?");
    st.bind(1, accountId);
    if (!st.next()) {
        return makeError(ErrorKind::NotFound,
                         QCoreApplication::translate("Ingest", "Unknown account %1.").arg(accountId));
    }
    AccountFacts facts {st.text(0), st.integer(1)};
    st.reset();
    m_accounts.insert(accountId, facts);
    return facts;
}

Result<QString> Ingestor::contactId(const QString &network, const RemotePerson &person)
{
    // A plain SELECT, then INSERT or UPDATE only when something changed. An upsert (INSERT ... ON CONFLICT) opens a
    // statement savepoint, and every savepoint makes FTS5 flush its pending terms into a new segment: one upsert
    // per item made the full-text index several times slower to build.
    const QString avatar = person.avatarUrl.isEmpty() ? QString() : person.avatarUrl;
    Statement &sel
        = m_db.cached("SELECT id, handle, display_name, avatar_url FROM contacts WHERE network = ? AND remote_id = ?");
    sel.bindAll(network, person.remoteId);
    if (sel.next()) {
        QString id = sel.text(0);
        const bool changed = sel.text(1) != person.handle || sel.text(2) != person.displayName
            || (!avatar.isNull() && sel.text(3) != avatar);
        sel.reset();
        if (changed) {
            Statement &up = m_db.cached(
                "UPDATE contacts SET handle = ?1, display_name = ?2, updated_at = ?3, "
                "avatar_path = CASE WHEN ?4 IS NOT NULL AND ?4 IS NOT avatar_url THEN NULL ELSE avatar_path END, "
                "avatar_url = coalesce(?4, avatar_url) WHERE id = ?5");
            up.bindAll(person.handle, person.displayName, m_clock.nowMs(), avatar, id);
            SB_TRY(up.exec());
        }
        return id;
    }
    if (sel.failed()) {
        Error e = sel.error();
        sel.reset();
        return e;
    }
    sel.reset();
    QString id = m_ids.next();
    Statement &ins = m_db.cached("INSERT INTO contacts(id, network, remote_id, handle, display_name, avatar_url, "
                                 "updated_at) VALUES (?,?,?,?,?,?,?)");
    ins.bindAll(id, network, person.remoteId, person.handle, person.displayName, avatar, m_clock.nowMs());
    SB_TRY(ins.exec());
    return id;
}

// What one ingest call has learnt so far: the conversations it touches (with their aggregated changes, written once
// per conversation instead of once per item) and the new items to insert.
struct Ingestor::Pass {
    struct Conversation {
        QString id;
        QString status; // as stored; empty for a new conversation
        const IncomingItem *first = nullptr; // the oldest item of a new conversation
        QString contactId;
        // The oldest message from the customer: it starts the SLA clock, and its author is the conversation's
        // contact (a thread may begin with the brand's own post or DM).
        const IncomingItem *firstInbound = nullptr;
        QString firstInboundContact;
        int inboundBatch = 0; // whose result counts a reopening
        int slaMinutes = 0;
        int batch = 0; // whose result counts the creation or the reopening
        int added = 0;
        qint64 lastItemAt = 0;
        const IncomingItem *lastInbound = nullptr; // gives last_inbound_at and the snippet
    };
    struct NewItem {
        const IncomingItem *item = nullptr;
        int conversation = 0;
        QString contactId;
        int batch = 0;
    };
    std::vector<Conversation> conversations;
    QHash<QString, int> conversationByThread; // account \n thread key
    std::vector<NewItem> items;
    QHash<QString, int> itemByRemoteId; // account \n remote id, for an item twice in one call
    QHash<QString, Ingestor::KnownContact> contacts; // network \n remote id; written by this call, or checked in it
    std::vector<IngestResult> results;
};

namespace {
QString key(const QString &a, const QString &b)
{
    QString k;
    k.reserve(a.size() + b.size() + 1);
    k.append(a).append(QLatin1Char('\n')).append(b);
    return k;
}
} // namespace

Result<IngestResult> Ingestor::ingest(const std::vector<IncomingItem> &items, const std::vector<CursorUpdate> &cursors)
{
    IngestBatch batch;
    batch.items = items;
    batch.cursors = cursors;
    auto results = ingest(std::vector<const IngestBatch *> {&batch});
    SB_TRY(results);
    return results.value().front();
}

Result<std::vector<IngestResult>> Ingestor::ingest(const std::vector<const IngestBatch *> &batches)
{
    // Settings and account facts are read once per call, never kept across calls: another process may change them.
    const BusinessHours hours = WorkspaceSettings::businessHours(m_db);
    m_accounts.clear();
    Pass pass;
    pass.results.resize(batches.size());
    // Oldest first: FTS5 keeps pending terms in memory only while rowids increase and flushes a segment to disk
    // whenever one goes down, and the rowid is the time-ordered seq. Pages arrive newest first (and backfill walks
    // backwards), so storing them as they came wrote one segment per item. Oldest first is also the order in
    // which a thread's conversation should open.
    std::vector<std::pair<const IncomingItem *, int>> ordered;
    for (size_t b = 0; b < batches.size(); ++b) {
        for (const IncomingItem &item : batches[b]->items) {
            ordered.emplace_back(&item, int(b));
        }
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto &a, const auto &b) { return a.first->createdAt < b.first->createdAt; });

    m_terms->begin();
    Transaction tx(m_db);
    SB_TRY(tx.began());
    for (const auto &[item, batch] : ordered) {
        SB_TRY(plan(pass, *item, batch));
    }
    SB_TRY(writeConversations(pass, hours));
    SB_TRY(writeItems(pass));
    SB_TRY(m_terms->write());
    SB_TRY(route(pass));
    for (size_t b = 0; b < batches.size(); ++b) {
        for (const CursorUpdate &cursor : batches[b]->cursors) {
            SB_TRY(writeCursor(cursor));
        }
        for (const ItemRef &gone : batches[b]->deletions) {
            auto removed = removeOne(gone.accountId, gone.remoteId);
            SB_TRY(removed);
            pass.results[b].removed += removed.value() ? 1 : 0;
        }
    }
    SB_TRY(tx.commit());
    m_terms->committed();
    // Only now are the contacts this call wrote known to exist: a rolled-back call must not leave ids behind.
    if (m_contacts.size() + pass.contacts.size() > kMaxKnownContacts) {
        m_contacts.clear();
    }
    m_contacts.insert(pass.contacts);
    return std::move(pass.results);
}

Status Ingestor::plan(Pass &pass, const IncomingItem &item, int batch)
{
    if (item.remoteId.isEmpty() || item.threadKey.isEmpty() || item.createdAt <= 0) {
        return makeError(ErrorKind::Invalid,
                         QCoreApplication::translate("Ingest",
                                                     "An item without an id, thread or "
                                                     "time cannot be stored."));
    }
    const auto facts = accountFacts(item.accountId);
    SB_TRY(facts);
    IngestResult &result = pass.results[size_t(batch)];

    // The same item twice in one call (a streamed event and a poll page): the later copy wins.
    const QString itemKey = key(item.accountId, item.remoteId);
    if (const auto twice = pass.itemByRemoteId.constFind(itemKey); twice != pass.itemByRemoteId.cend()) {
        Pass::NewItem &earlier = pass.items[size_t(*twice)];
        Pass::Conversation &conv = pass.conversations[size_t(earlier.conversation)];
        if (conv.lastInbound == earlier.item) {
            conv.lastInbound = &item;
        }
        if (conv.firstInbound == earlier.item) {
            conv.firstInbound = &item;
        }
        earlier.item = &item;
        ++result.updated;
        return success();
    }

    // Already stored: a server-side edit or new counters. Only what changed is written, and the text only when it
    // changed (its trigger rewrites the full-text row).
    Statement &existing = m_db.cached("SELECT seq, text, html, like_count, repost_count, reply_count FROM items "
                                      "WHERE account_id = ? AND remote_id = ?");
    existing.bindAll(item.accountId, item.remoteId);
    if (existing.next()) {
        const qint64 seq = existing.int64(0);
        const bool textChanged = existing.text(1) != item.text;
        const bool otherChanged = existing.text(2) != item.html || existing.integer(3) != item.likes
            || existing.integer(4) != item.reposts || existing.integer(5) != item.replies;
        existing.reset();
        const qint64 now = m_clock.nowMs();
        if (textChanged) {
            Statement &up = m_db.cached("UPDATE items SET text = ?, html = ?, like_count = ?, repost_count = ?, "
                                        "reply_count = ?, updated_at = ? WHERE seq = ?");
            up.bindAll(item.text, item.html, item.likes, item.reposts, item.replies, now, seq);
            SB_TRY(up.exec()); // its trigger rewrites the full-text row
            SB_TRY(m_terms->add(item.text));
        } else if (otherChanged) {
            Statement &up = m_db.cached("UPDATE items SET html = ?, like_count = ?, repost_count = ?, "
                                        "reply_count = ?, updated_at = ? WHERE seq = ?");
            up.bindAll(item.html, item.likes, item.reposts, item.replies, now, seq);
            SB_TRY(up.exec());
        }
        if (textChanged || otherChanged) {
            ++result.updated;
        }
        return success();
    }
    if (existing.failed()) {
        Error e = existing.error();
        existing.reset();
        return e;
    }
    existing.reset();

    QString contact;
    if (!item.author.remoteId.isEmpty()) {
        const QString contactKey = key(facts.value().network, item.author.remoteId);
        const KnownContact *known = nullptr;
        if (const auto it = pass.contacts.constFind(contactKey); it != pass.contacts.cend()) {
            known = &*it;
        } else if (const auto kept = m_contacts.constFind(contactKey); kept != m_contacts.cend()) {
            known = &*kept;
        }
        if (known && known->handle == item.author.handle && known->displayName == item.author.displayName
            && (item.author.avatarUrl.isEmpty() || known->avatarUrl == item.author.avatarUrl)) {
            contact = known->id;
        } else {
            auto id = contactId(facts.value().network, item.author);
            SB_TRY(id);
            contact = id.value();
            pass.contacts.insert(
                contactKey, KnownContact {contact, item.author.handle, item.author.displayName, item.author.avatarUrl});
        }
    }

    // Find or open the conversation this thread belongs to.
    const QString threadKey = key(item.accountId, item.threadKey);
    int conversation = pass.conversationByThread.value(threadKey, -1);
    if (conversation < 0) {
        Pass::Conversation conv;
        conv.batch = batch;
        Statement &find = m_db.cached("SELECT id, status FROM conversations WHERE account_id = ? AND thread_key = ?");
        find.bindAll(item.accountId, item.threadKey);
        if (find.next()) {
            conv.id = find.text(0);
            conv.status = find.text(1);
        }
        find.reset();
        if (conv.id.isEmpty()) {
            conv.id = m_ids.next();
            conv.first = &item;
            conv.contactId = contact;
            conv.slaMinutes = facts.value().slaMinutes;
        }
        conversation = int(pass.conversations.size());
        pass.conversations.push_back(std::move(conv));
        pass.conversationByThread.insert(threadKey, conversation);
    }
    Pass::Conversation &conv = pass.conversations[size_t(conversation)];
    ++conv.added;
    conv.lastItemAt = std::max(conv.lastItemAt, item.createdAt);
    if (!item.outbound && (!conv.lastInbound || item.createdAt >= conv.lastInbound->createdAt)) {
        conv.lastInbound = &item;
    }
    if (!item.outbound && !conv.firstInbound) { // items come oldest first
        conv.firstInbound = &item;
        conv.firstInboundContact = contact;
        conv.inboundBatch = batch;
    }
    pass.itemByRemoteId.insert(itemKey, int(pass.items.size()));
    pass.items.push_back({&item, conversation, contact, batch});
    return success();
}

Status Ingestor::writeConversations(Pass &pass, const BusinessHours &hours)
{
    const qint64 now = m_clock.nowMs();
    for (const Pass::Conversation &conv : pass.conversations) {
        IngestResult &result = pass.results[size_t(conv.batch)];
        const QString snippet = conv.lastInbound ? conv.lastInbound->text.left(kSnippetLength) : QString();
        if (conv.first) {
            const IncomingItem &first = conv.firstInbound ? *conv.firstInbound : *conv.first;
            const QString contactId = conv.firstInbound ? conv.firstInboundContact : conv.contactId;
            const qint64 due = conv.firstInbound ? hours.addBusinessMinutes(first.createdAt, conv.slaMinutes) : 0;
            Statement &ins = m_db.cached(
                "INSERT INTO conversations(id, account_id, thread_key, kind, contact_id, status, sla_due_at, "
                "first_inbound_at, last_inbound_at, last_item_at, snippet, item_count, unread, created_at, updated_at) "
                "VALUES (?,?,?,?,?,'open',?,?,?,?,?,?,?,?,?)");
            ins.bindAll(conv.id, first.accountId, first.threadKey, first.kind,
                        contactId.isEmpty() ? QString() : contactId);
            if (due > 0) {
                ins.bind(6, due);
            } else {
                ins.bindNull(6);
            }
            ins.bind(7, first.createdAt);
            if (conv.lastInbound) {
                ins.bind(8, conv.lastInbound->createdAt);
            } else {
                ins.bindNull(8);
            }
            ins.bind(9, conv.lastItemAt)
                .bind(10, snippet.isNull() ? QStringLiteral("") : snippet)
                .bind(11, conv.added)
                .bind(12, conv.lastInbound != nullptr)
                .bind(13, now)
                .bind(14, now);
            SB_TRY(ins.exec());
            ++result.conversationsCreated;
            continue;
        }
        const bool inbound = conv.lastInbound != nullptr;
        Statement &touch = m_db.cached(
            "UPDATE conversations SET item_count = item_count + ?1, last_item_at = max(last_item_at, ?2), "
            "snippet = CASE WHEN ?3 AND ?4 >= coalesce(last_inbound_at, 0) THEN ?5 ELSE snippet END, "
            "last_inbound_at = CASE WHEN ?3 THEN max(coalesce(last_inbound_at, 0), ?4) ELSE last_inbound_at END, "
            "unread = CASE WHEN ?3 THEN 1 ELSE unread END, updated_at = ?6 WHERE id = ?7");
        touch.bindAll(conv.added, conv.lastItemAt, inbound, inbound ? conv.lastInbound->createdAt : 0, snippet, now,
                      conv.id);
        SB_TRY(touch.exec());
        // A customer writing into a resolved or snoozed conversation brings it back to the team.
        if (inbound && (conv.status == QLatin1String("resolved") || conv.status == QLatin1String("snoozed"))) {
            Statement &reopen = m_db.cached("UPDATE conversations SET status = 'open', snoozed_until = NULL, "
                                            "resolved_at = NULL, resolution_secs = NULL, updated_at = ? WHERE id = ?");
            reopen.bindAll(now, conv.id);
            SB_TRY(reopen.exec());
            Engine engine(m_db, m_clock, m_ids);
            SB_TRY(engine.appendEvent(Actor::system(), QStringLiteral("status_changed"), QStringLiteral("conversation"),
                                      conv.id, conv.id,
                                      {{QStringLiteral("from"), conv.status},
                                       {QStringLiteral("to"), QStringLiteral("open")},
                                       {QStringLiteral("reason"), QStringLiteral("new_inbound")}}));
            ++pass.results[size_t(conv.inboundBatch)].reopened;
        }
    }
    return success();
}

Status Ingestor::writeItems(Pass &pass)
{
    const qint64 now = m_clock.nowMs();
    QSet<qint64> dirtyBuckets; // engagement rollups (schema v14): the quarter hours outbound items change
    QSet<QString> dirtyConversations;
    for (const Pass::NewItem &planned : pass.items) {
        const IncomingItem &item = *planned.item;
        const qint64 seq = freeItemSeq(m_db, item.createdAt);

        Statement &ins = m_db.cached(
            "INSERT INTO items(seq, account_id, remote_id, conversation_id, contact_id, kind, direction, "
            "parent_remote_id, text, html, lang, url, author_employee_id, created_at, received_at, like_count, "
            "repost_count, reply_count, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.bindAll(seq, item.accountId, item.remoteId, pass.conversations[size_t(planned.conversation)].id,
                    planned.contactId.isEmpty() ? QString() : planned.contactId, item.kind,
                    item.outbound ? "out" : "in", item.parentRemoteId, item.text, item.html, item.lang, item.url,
                    item.authorEmployeeId.isEmpty() ? QString() : item.authorEmployeeId, item.createdAt, now,
                    item.likes, item.reposts, item.replies, now);
        SB_TRY(ins.exec());
        Statement &fts = m_db.cached("INSERT INTO item_fts(rowid, text) VALUES (?, ?)");
        fts.bindAll(seq, item.text);
        SB_TRY(fts.exec());
        SB_TRY(m_terms->add(item.text));
        ++pass.results[size_t(planned.batch)].inserted;
        if (item.outbound) {
            dirtyBuckets.insert(item.createdAt - item.createdAt % kEngagementBucketMs);
            dirtyConversations.insert(pass.conversations[size_t(planned.conversation)].id);
        }
    }
    // After the items, so that the full-text inserts above stay one run FTS5 buffers in memory.
    for (const qint64 bucket : std::as_const(dirtyBuckets)) {
        Statement &mark = m_db.cached("INSERT OR IGNORE INTO engagement_dirty(bucket) VALUES (?)");
        mark.bind(1, bucket);
        SB_TRY(mark.exec());
    }
    for (const QString &conversationId : std::as_const(dirtyConversations)) {
        Statement &mark = m_db.cached("INSERT OR IGNORE INTO engagement_dirty(bucket) SELECT first_inbound_at - "
                                      "first_inbound_at % 900000 FROM conversations WHERE id = ?");
        mark.bind(1, conversationId);
        SB_TRY(mark.exec());
    }
    return success();
}

Status Ingestor::route(Pass &pass)
{
    // Read per call, like the settings: a manager may change the rules in another process at any time.
    const auto rules = loadRoutingRules(m_db, true);
    SB_TRY(rules);
    if (rules.value().empty()) {
        return success();
    }
    Engine engine(m_db, m_clock, m_ids);
    for (const Pass::NewItem &planned : pass.items) {
        const IncomingItem &item = *planned.item;
        if (item.outbound) {
            continue;
        }
        const RoutedMessage message {item.accountId, item.kind, item.text, item.lang, item.author.handle};
        applyRoutingRules(engine, rules.value(), pass.conversations[size_t(planned.conversation)].id, message);
    }
    return success();
}

Status Ingestor::writeCursor(const CursorUpdate &cursor)
{
    Statement &st
        = m_db.cached("INSERT INTO sync_cursors(account_id, feed, newest, oldest, backfill_done, updated_at) "
                      "VALUES (?1, ?2, ?3, ?4, coalesce(?5, 0), ?6) ON CONFLICT(account_id, feed) DO UPDATE SET "
                      "newest = coalesce(?3, newest), oldest = coalesce(?4, oldest), "
                      "backfill_done = coalesce(?5, backfill_done), updated_at = ?6");
    st.bindAll(cursor.accountId, cursor.feed, cursor.newest.value_or(QString()), cursor.oldest.value_or(QString()));
    if (cursor.backfillDone) {
        st.bind(5, *cursor.backfillDone);
    } else {
        st.bindNull(5);
    }
    st.bind(6, m_clock.nowMs());
    return st.exec();
}

Status Ingestor::updateCounters(const QString &accountId, const std::vector<Counts> &counts)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    const qint64 now = m_clock.nowMs();
    for (const Counts &c : counts) {
        Statement &item = m_db.cached("UPDATE items SET like_count = ?1, repost_count = ?2, reply_count = ?3, "
                                      "updated_at = ?4 WHERE account_id = ?5 AND remote_id = ?6 AND (like_count != ?1 "
                                      "OR repost_count != ?2 OR reply_count != ?3)");
        item.bindAll(c.likes, c.reposts, c.replies, now, accountId, c.remoteId);
        SB_TRY(item.exec());
        Statement &variant = m_db.cached("UPDATE post_variants SET like_count = ?1, repost_count = ?2, reply_count = "
                                         "?3, updated_at = ?4 WHERE account_id = ?5 AND remote_id = ?6 AND "
                                         "(like_count != ?1 OR repost_count != ?2 OR reply_count != ?3)");
        variant.bindAll(c.likes, c.reposts, c.replies, now, accountId, c.remoteId);
        SB_TRY(variant.exec());
    }
    return tx.commit();
}

Status Ingestor::removeItem(const QString &accountId, const QString &remoteId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(removeOne(accountId, remoteId));
    return tx.commit();
}

Result<bool> Ingestor::removeOne(const QString &accountId, const QString &remoteId)
{
    Statement &sel = m_db.cached("SELECT seq, conversation_id FROM items WHERE account_id = ? AND remote_id = ?");
    sel.bindAll(accountId, remoteId);
    if (!sel.next()) {
        if (sel.failed()) {
            Error e = sel.error();
            sel.reset();
            return e;
        }
        sel.reset();
        return false; // already gone
    }
    const qint64 seq = sel.int64(0);
    const QString conversationId = sel.text(1);
    sel.reset();
    Statement &del = m_db.cached("DELETE FROM items WHERE seq = ?");
    del.bind(1, seq);
    SB_TRY(del.exec());
    Statement &fix = m_db.cached(
        "UPDATE conversations SET item_count = max(item_count - 1, 0), "
        "snippet = coalesce((SELECT substr(text, 1, ?3) FROM items WHERE conversation_id = ?1 AND direction = 'in' "
        "ORDER BY seq DESC LIMIT 1), ''), updated_at = ?2 WHERE id = ?1");
    fix.bindAll(conversationId, m_clock.nowMs(), kSnippetLength);
    SB_TRY(fix.exec());
    Engine engine(m_db, m_clock, m_ids);
    SB_TRY(engine.appendEvent(Actor::system(), QStringLiteral("item_deleted"), QStringLiteral("item"), remoteId,
                              conversationId, {{QStringLiteral("account_id"), accountId}}));
    // When nothing the customer wrote is left (they deleted it), there is nothing to answer: the conversation
    // leaves the inbox, by the system, without a resolution time (nobody resolved it). Its notes stay.
    Statement &left = m_db.cached("SELECT status, (SELECT count(*) FROM items WHERE conversation_id = ?1 AND "
                                  "direction = 'in') FROM conversations WHERE id = ?1");
    left.bind(1, conversationId);
    if (left.next() && left.integer(1) == 0 && left.text(0) != QLatin1String("resolved")) {
        const QString previous = left.text(0);
        left.reset();
        Statement &close = m_db.cached("UPDATE conversations SET status = 'resolved', snoozed_until = NULL, "
                                       "resolved_at = ?2, resolution_secs = NULL, updated_at = ?2 WHERE id = ?1");
        close.bindAll(conversationId, m_clock.nowMs());
        SB_TRY(close.exec());
        SB_TRY(engine.appendEvent(Actor::system(), QStringLiteral("status_changed"), QStringLiteral("conversation"),
                                  conversationId, conversationId,
                                  {{QStringLiteral("from"), previous},
                                   {QStringLiteral("to"), QStringLiteral("resolved")},
                                   {QStringLiteral("reason"), QStringLiteral("deleted_on_network")}}));
    }
    left.reset();
    return true;
}

qint64 freeItemSeq(SqliteDb &db, qint64 createdAtMs)
{
    qint64 seq = itemSeqBase(createdAtMs);
    Statement &slot = db.cached("SELECT max(seq) FROM items WHERE seq BETWEEN ? AND ?");
    slot.bindAll(seq, seq + 1023);
    if (slot.next() && !slot.isNull(0)) {
        seq = slot.int64(0) + 1;
    }
    slot.reset();
    return seq;
}

} // namespace sb
