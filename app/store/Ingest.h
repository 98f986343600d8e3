#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace sb {

class Clock;
class IdSource;
class SearchTermWriter;
class SqliteDb;
struct BusinessHours;

struct RemotePerson {
    QString remoteId;
    QString handle;
    QString displayName;
    QString avatarUrl; // downloaded later by the sync engine's avatar cache, never by a renderer
};

// One parsed message from a channel, in the shape every connector produces.
struct IncomingItem {
    QString accountId;
    QString remoteId;
    QString threadKey; // the thread's root id, or the DM conversation id: groups items into a conversation
    QString kind; // mention, reply, dm, comment, quote, post
    bool outbound = false; // written by the brand account
    QString parentRemoteId;
    QString text; // plain, sanitized
    QString html; // sanitized rich text, may be empty
    QString lang;
    QString url;
    qint64 createdAt = 0; // ms since epoch, UTC
    RemotePerson author;
    QString authorEmployeeId; // for outbound items sent from Switchboard
    int likes = 0;
    int reposts = 0;
    int replies = 0;
};

// A sync cursor written in the same transaction as the items it covers.
struct CursorUpdate {
    QString accountId;
    QString feed;
    std::optional<QString> newest;
    std::optional<QString> oldest;
    std::optional<bool> backfillDone;
};

struct IngestResult {
    int inserted = 0;
    int updated = 0; // re-ingested items whose text or counters changed
    int removed = 0;
    int conversationsCreated = 0;
    int reopened = 0;
};

// An item deleted on the server.
struct ItemRef {
    QString accountId;
    QString remoteId;
};

// What one page (or one streamed event) brings: items, the cursors that cover them, and server-side deletions.
struct IngestBatch {
    std::vector<IncomingItem> items;
    std::vector<CursorUpdate> cursors;
    std::vector<ItemRef> deletions;
};

// The ingest path: pages of parsed items become items, contacts and conversations. Each call is one transaction,
// whatever the number of batches in it; re-ingesting an item updates it in place (server-side edits, new counters).
class Ingestor {
public:
    Ingestor(SqliteDb &db, const Clock &clock, IdSource &ids);
    ~Ingestor();

    Result<IngestResult> ingest(const std::vector<IncomingItem> &items, const std::vector<CursorUpdate> &cursors = {});
    // Several batches in one transaction (the store writer coalesces what is queued); one result per batch. Any
    // invalid item fails the whole call and writes nothing.
    Result<std::vector<IngestResult>> ingest(const std::vector<const IngestBatch *> &batches);

    // New like/repost/reply counts of the account's own items and published post variants.
    struct Counts {
        QString remoteId;
        int likes = 0;
        int reposts = 0;
        int replies = 0;
    };
    Status updateCounters(const QString &accountId, const std::vector<Counts> &counts);
    // A deletion on the server removes the local item; the conversation and its notes stay.
    Status removeItem(const QString &accountId, const QString &remoteId);

private:
    struct AccountFacts {
        QString network;
        int slaMinutes = 0;
    };
    struct Pass;
    struct KnownContact {
        QString id;
        QString handle;
        QString displayName;
        QString avatarUrl;
    };
    Result<AccountFacts> accountFacts(const QString &accountId);
    Result<QString> contactId(const QString &network, const RemotePerson &person);
    Status plan(Pass &pass, const IncomingItem &item, int batch);
    Status writeConversations(Pass &pass, const BusinessHours &hours);
    Status writeItems(Pass &pass);
    Status route(Pass &pass); // the routing rules, on every new message from a customer
    Status writeCursor(const CursorUpdate &cursor);
    Result<bool> removeOne(const QString &accountId, const QString &remoteId);

    SqliteDb &m_db;
    const Clock &m_clock;
    IdSource &m_ids;
    QHash<QString, AccountFacts> m_accounts;
    QHash<QString, KnownContact> m_contacts; // network \n remote id, of committed calls
    std::unique_ptr<SearchTermWriter> m_terms; // keeps search_terms complete for the texts written to item_fts
};

// Engagement rollups mark changes by quarter hour (schema v14).
constexpr qint64 kEngagementBucketMs = 15 * 60 * 1000;

// Unique, time-ordered local key for an item created at `createdAtMs`.
constexpr qint64 itemSeqBase(qint64 createdAtMs)
{
    return createdAtMs << 10;
}

// The key a new item created at `createdAtMs` gets: the first free slot among the 1024 reserved for that
// millisecond (ingest, and items that arrive from a team).
qint64 freeItemSeq(SqliteDb &db, qint64 createdAtMs);

} // namespace sb
