#include "store/Ingest.h"

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>

namespace sb {

namespace {
constexpr int kSnippetLength = 280;
}

Ingestor::Ingestor(SqliteDb &db, const Clock &clock, IdSource &ids) : m_db(db), m_clock(clock), m_ids(ids)
{
}

Ingestor::~Ingestor() = default;

void Ingestor::invalidateCaches()
{
    m_accounts.clear();
}

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
    Statement &st = m_db.cached(
        "INSERT INTO contacts(id, network, remote_id, handle, display_name, avatar_url, updated_at) "
        "VALUES (?1,?2,?3,?4,?5,?7,?6) "
        "ON CONFLICT(network, remote_id) DO UPDATE SET handle = ?4, display_name = ?5, updated_at = ?6, "
        "avatar_url = coalesce(?7, avatar_url), "
        "avatar_path = CASE WHEN ?7 IS NOT avatar_url AND ?7 IS NOT NULL THEN NULL ELSE avatar_path END "
        "WHERE handle IS NOT ?4 OR display_name IS NOT ?5 OR (?7 IS NOT NULL AND ?7 IS NOT avatar_url) RETURNING id");
    st.bindAll(m_ids.next(), network, person.remoteId, person.handle, person.displayName, m_clock.nowMs(),
               person.avatarUrl.isEmpty() ? QString() : person.avatarUrl);
    if (st.next()) {
        QString id = st.text(0);
        st.reset();
        return id;
    }
    if (st.failed()) {
        Error e = st.error();
        st.reset();
        return e;
    }
    st.reset();
    // Unchanged contact: the upsert's WHERE skipped the update, so nothing was returned.
    Statement &sel = m_db.cached("SELECT id FROM contacts WHERE network = ? AND remote_id = ?");
    sel.bindAll(network, person.remoteId);
    if (!sel.next()) {
        return sel.error();
    }
    QString id = sel.text(0);
    sel.reset();
    return id;
}

Result<IngestResult> Ingestor::ingest(const std::vector<IncomingItem> &items, const std::vector<CursorUpdate> &cursors)
{
    IngestResult result;
    const BusinessHours hours = WorkspaceSettings::businessHours(m_db);
    Transaction tx(m_db);
    SB_TRY(tx.began());
    for (const IncomingItem &item : items) {
        SB_TRY(ingestOne(item, hours, result));
    }
    for (const CursorUpdate &cursor : cursors) {
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
        SB_TRY(st.exec());
    }
    SB_TRY(tx.commit());
    return result;
}

Status Ingestor::ingestOne(const IncomingItem &item, const BusinessHours &hours, IngestResult &result)
{
    if (item.remoteId.isEmpty() || item.threadKey.isEmpty() || item.createdAt <= 0) {
        return makeError(ErrorKind::Invalid,
                         QCoreApplication::translate("Ingest",
                                                     "An item without an id, thread or "
                                                     "time cannot be stored."));
    }
    const auto facts = accountFacts(item.accountId);
    SB_TRY(facts);
    const qint64 now = m_clock.nowMs();

    Statement &existing = m_db.cached("SELECT seq FROM items WHERE account_id = ? AND remote_id = ?");
    existing.bindAll(item.accountId, item.remoteId);
    if (existing.next()) {
        const qint64 seq = existing.int64(0);
        existing.reset();
        Statement &up = m_db.cached("UPDATE items SET text = ?, html = ?, like_count = ?, repost_count = ?, "
                                    "reply_count = ?, updated_at = ? WHERE seq = ?");
        up.bindAll(item.text, item.html, item.likes, item.reposts, item.replies, now, seq);
        SB_TRY(up.exec());
        ++result.updated;
        return success();
    }
    existing.reset();

    QString contact;
    if (!item.author.remoteId.isEmpty()) {
        auto id = contactId(facts.value().network, item.author);
        SB_TRY(id);
        contact = id.value();
    }

    // Find or open the conversation this thread belongs to.
    QString conversationId;
    QString status;
    Statement &conv = m_db.cached("SELECT id, status FROM conversations WHERE account_id = ? AND thread_key = ?");
    conv.bindAll(item.accountId, item.threadKey);
    if (conv.next()) {
        conversationId = conv.text(0);
        status = conv.text(1);
    }
    conv.reset();
    if (conversationId.isEmpty()) {
        conversationId = m_ids.next();
        const qint64 due = item.outbound ? 0 : hours.addBusinessMinutes(item.createdAt, facts.value().slaMinutes);
        Statement &ins = m_db.cached(
            "INSERT INTO conversations(id, account_id, thread_key, kind, contact_id, status, sla_due_at, "
            "first_inbound_at, last_item_at, created_at, updated_at) VALUES (?,?,?,?,?,'open',?,?,?,?,?)");
        ins.bindAll(conversationId, item.accountId, item.threadKey, item.kind, contact.isEmpty() ? QString() : contact);
        if (due > 0) {
            ins.bind(6, due);
        } else {
            ins.bindNull(6);
        }
        ins.bind(7, item.createdAt).bind(8, item.createdAt).bind(9, now).bind(10, now);
        SB_TRY(ins.exec());
        status = QStringLiteral("open");
        ++result.conversationsCreated;
    }

    // Time-ordered key: the first free slot among the 1024 reserved for this millisecond.
    qint64 seq = itemSeqBase(item.createdAt);
    Statement &slot = m_db.cached("SELECT max(seq) FROM items WHERE seq BETWEEN ? AND ?");
    slot.bindAll(seq, seq + 1023);
    if (slot.next() && !slot.isNull(0)) {
        seq = slot.int64(0) + 1;
    }
    slot.reset();

    Statement &ins = m_db.cached(
        "INSERT INTO items(seq, account_id, remote_id, conversation_id, contact_id, kind, direction, parent_remote_id, "
        "text, html, lang, url, author_employee_id, created_at, received_at, like_count, repost_count, reply_count, "
        "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bindAll(seq, item.accountId, item.remoteId, conversationId, contact.isEmpty() ? QString() : contact, item.kind,
                item.outbound ? "out" : "in", item.parentRemoteId, item.text, item.html, item.lang, item.url,
                item.authorEmployeeId.isEmpty() ? QString() : item.authorEmployeeId, item.createdAt, now, item.likes,
                item.reposts, item.replies, now);
    SB_TRY(ins.exec());
    Statement &fts = m_db.cached("INSERT INTO item_fts(rowid, text) VALUES (?, ?)");
    fts.bindAll(seq, item.text);
    SB_TRY(fts.exec());
    ++result.inserted;

    Statement &touch = m_db.cached(
        "UPDATE conversations SET item_count = item_count + 1, "
        "last_item_at = max(last_item_at, ?1), "
        "snippet = CASE WHEN ?2 = 0 AND ?1 >= coalesce(last_inbound_at, 0) THEN ?3 ELSE snippet END, "
        "last_inbound_at = CASE WHEN ?2 = 0 THEN max(coalesce(last_inbound_at, 0), ?1) ELSE last_inbound_at END, "
        "unread = CASE WHEN ?2 = 0 THEN 1 ELSE unread END, updated_at = ?4 WHERE id = ?5");
    touch.bindAll(item.createdAt, item.outbound, item.text.left(kSnippetLength), now, conversationId);
    SB_TRY(touch.exec());

    // A customer writing into a resolved or snoozed conversation brings it back to the team.
    if (!item.outbound && (status == QLatin1String("resolved") || status == QLatin1String("snoozed"))) {
        Statement &reopen = m_db.cached("UPDATE conversations SET status = 'open', snoozed_until = NULL, "
                                        "resolved_at = NULL, resolution_secs = NULL, updated_at = ? WHERE id = ?");
        reopen.bindAll(now, conversationId);
        SB_TRY(reopen.exec());
        Engine engine(m_db, m_clock, m_ids);
        SB_TRY(engine.appendEvent(Actor::system(), QStringLiteral("status_changed"), QStringLiteral("conversation"),
                                  conversationId, conversationId,
                                  {{QStringLiteral("from"), status},
                                   {QStringLiteral("to"), QStringLiteral("open")},
                                   {QStringLiteral("reason"), QStringLiteral("new_inbound")}}));
        ++result.reopened;
    }
    return success();
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
    Statement &sel = m_db.cached("SELECT seq, conversation_id FROM items WHERE account_id = ? AND remote_id = ?");
    sel.bindAll(accountId, remoteId);
    if (!sel.next()) {
        return success(); // already gone
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
    return tx.commit();
}

} // namespace sb
