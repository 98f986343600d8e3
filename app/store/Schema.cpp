#include "store/Schema.h"

#include "store/Sqlite.h"

#include <QLoggingCategory>

#include <sqlite3.h>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace sb::schema {

namespace {

// Times are INTEGER milliseconds since the epoch (UTC). Shared rows are keyed by UUID text and carry updated_at
// so team mode can replicate them; items are keyed by (account_id, remote_id), the channel-native id.
const char *const kV1Core = R"SQL(
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE teams(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    updated_at INTEGER NOT NULL);

CREATE TABLE employees(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    role TEXT NOT NULL CHECK(role IN ('admin','manager','community_manager','contributor')),
    team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE accounts(
    id TEXT PRIMARY KEY,
    network TEXT NOT NULL CHECK(network IN ('mastodon','bluesky')),
    handle TEXT NOT NULL,
    display_name TEXT,
    service_url TEXT NOT NULL,
    remote_id TEXT,
    sla_minutes INTEGER NOT NULL DEFAULT 240,
    max_chars INTEGER,
    sync_paused INTEGER NOT NULL DEFAULT 0,
    health TEXT NOT NULL DEFAULT 'ok',
    health_detail TEXT,
    rate_limited_until INTEGER,
    last_sync_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE(network, service_url, handle));

CREATE TABLE contacts(
    id TEXT PRIMARY KEY,
    network TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    handle TEXT NOT NULL,
    display_name TEXT,
    avatar_path TEXT,
    updated_at INTEGER NOT NULL,
    UNIQUE(network, remote_id));
CREATE INDEX contacts_handle ON contacts(handle);

CREATE TABLE conversations(
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    thread_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    contact_id TEXT REFERENCES contacts(id),
    status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','pending','snoozed','resolved')),
    snoozed_until INTEGER,
    assignee_id TEXT REFERENCES employees(id) ON DELETE SET NULL,
    team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    spam INTEGER NOT NULL DEFAULT 0,
    sla_due_at INTEGER,
    first_inbound_at INTEGER NOT NULL,
    last_inbound_at INTEGER,
    last_item_at INTEGER NOT NULL,
    snippet TEXT NOT NULL DEFAULT '',
    item_count INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0,
    first_response_at INTEGER,
    first_response_secs INTEGER,
    resolved_at INTEGER,
    resolution_secs INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE(account_id, thread_key));
CREATE INDEX conversations_recent ON conversations(last_item_at DESC, id);
CREATE INDEX conversations_assignee ON conversations(assignee_id, last_item_at DESC);
CREATE INDEX conversations_status ON conversations(status, last_item_at DESC);
CREATE INDEX conversations_account ON conversations(account_id, last_item_at DESC);

CREATE TABLE conversation_tags(
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY(conversation_id, tag)) WITHOUT ROWID;
CREATE INDEX conversation_tags_tag ON conversation_tags(tag);

-- seq is the local rowid: created_at in ms shifted left by 10 bits plus a collision counter, so rowid order is
-- time order for items and for the FTS index that shares it ("newest 50 matching" walks the index backwards).
CREATE TABLE items(
    seq INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE,
    contact_id TEXT REFERENCES contacts(id),
    kind TEXT NOT NULL CHECK(kind IN ('mention','reply','dm','comment','quote','post')),
    direction TEXT NOT NULL CHECK(direction IN ('in','out')),
    parent_remote_id TEXT,
    text TEXT NOT NULL,
    html TEXT,
    lang TEXT,
    url TEXT,
    author_employee_id TEXT REFERENCES employees(id),
    created_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    like_count INTEGER NOT NULL DEFAULT 0,
    repost_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    UNIQUE(account_id, remote_id));
CREATE INDEX items_conversation ON items(conversation_id, seq);
CREATE INDEX items_contact ON items(contact_id, seq);

CREATE VIRTUAL TABLE item_fts USING fts5(text, content='items', content_rowid='seq',
                                         tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO item_fts(rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO item_fts(item_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF text ON items BEGIN
    INSERT INTO item_fts(item_fts, rowid, text) VALUES ('delete', old.seq, old.text);
    INSERT INTO item_fts(rowid, text) VALUES (new.seq, new.text);
END;

CREATE TABLE notes(
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES employees(id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE INDEX notes_conversation ON notes(conversation_id, created_at);

-- Append-only: who did what to which subject, when. Metrics are computed from it.
CREATE TABLE events(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL CHECK(actor_kind IN ('employee','rule','system')),
    actor_id TEXT,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    conversation_id TEXT,
    details TEXT NOT NULL DEFAULT '{}');
CREATE INDEX events_subject ON events(subject_type, subject_id, seq);
CREATE INDEX events_actor ON events(actor_id, at);
CREATE INDEX events_conversation ON events(conversation_id, seq);
CREATE INDEX events_action ON events(action, at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TABLE sync_cursors(
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    feed TEXT NOT NULL,
    newest TEXT,
    oldest TEXT,
    backfill_done INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY(account_id, feed)) WITHOUT ROWID;
)SQL";

const char *const kV2Publishing = R"SQL(
CREATE TABLE campaigns(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#2f6fde',
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK(ends_on >= starts_on));

CREATE TABLE posts(
    id TEXT PRIMARY KEY,
    campaign_id TEXT REFERENCES campaigns(id) ON DELETE SET NULL,
    author_id TEXT NOT NULL REFERENCES employees(id),
    state TEXT NOT NULL DEFAULT 'draft' CHECK(state IN ('draft','in_review','approved','scheduled','publishing',
        'published','failed','partially_published','missed')),
    scheduled_at INTEGER,
    time_zone TEXT,
    local_time TEXT,
    recurrence TEXT,
    reviewer_id TEXT REFERENCES employees(id),
    review_comment TEXT,
    published_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE INDEX posts_schedule ON posts(scheduled_at);
CREATE INDEX posts_state ON posts(state, scheduled_at);

CREATE TABLE post_variants(
    id TEXT PRIMARY KEY,
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','publishing','published','failed')),
    remote_id TEXT,
    remote_url TEXT,
    published_at INTEGER,
    error TEXT,
    like_count INTEGER NOT NULL DEFAULT 0,
    repost_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    UNIQUE(post_id, account_id));

CREATE TABLE media(
    id TEXT PRIMARY KEY,
    variant_id TEXT REFERENCES post_variants(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    mime TEXT NOT NULL,
    alt_text TEXT NOT NULL DEFAULT '',
    size_bytes INTEGER NOT NULL DEFAULT 0,
    remote_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

-- A contributor's reply waits here for a manager; only an approved reply becomes an outbox job.
CREATE TABLE reply_drafts(
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES employees(id),
    text TEXT NOT NULL,
    state TEXT NOT NULL CHECK(state IN ('in_review','approved','rejected')),
    reviewer_id TEXT REFERENCES employees(id),
    review_comment TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE INDEX reply_drafts_state ON reply_drafts(state, created_at);

-- The idempotency key is chosen when the job is written, in the transaction that created it, before any attempt.
CREATE TABLE outbox_jobs(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK(kind IN ('reply','post')),
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
    variant_id TEXT REFERENCES post_variants(id) ON DELETE SET NULL,
    reply_draft_id TEXT REFERENCES reply_drafts(id) ON DELETE SET NULL,
    in_reply_to_remote_id TEXT,
    text TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending','sending','done','failed','maybe_committed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    remote_id TEXT,
    created_by TEXT NOT NULL REFERENCES employees(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);
CREATE INDEX outbox_due ON outbox_jobs(state, next_attempt_at);
)SQL";

const char *const kV3Team = R"SQL(
CREATE TABLE canned_replies(
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by TEXT REFERENCES employees(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE saved_views(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    owner_id TEXT REFERENCES employees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE goals(
    id TEXT PRIMARY KEY,
    employee_id TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    metric TEXT NOT NULL CHECK(metric IN ('replies_per_week','median_first_response_minutes','posts_per_week',
        'resolved_per_week','sla_attainment_percent')),
    target REAL NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE(employee_id, metric));

CREATE INDEX items_author_employee ON items(author_employee_id, created_at) WHERE author_employee_id IS NOT NULL;
)SQL";

// Channel layer: where each account's secret lives (never the secret itself), sync progress for the GUI and other
// processes, avatar URLs for the avatar cache, and the reply metadata an outbox job needs to be resent identically.
const char *const kV4Channels = R"SQL(
ALTER TABLE accounts ADD COLUMN credential_ref TEXT NOT NULL DEFAULT 'keychain';
ALTER TABLE accounts ADD COLUMN oauth_client_id TEXT;
ALTER TABLE accounts ADD COLUMN backfill_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE accounts ADD COLUMN sync_progress REAL;
ALTER TABLE accounts ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN avatar_url TEXT;
ALTER TABLE outbox_jobs ADD COLUMN visibility TEXT;
ALTER TABLE outbox_jobs ADD COLUMN spoiler_text TEXT;
ALTER TABLE outbox_jobs ADD COLUMN language TEXT;
ALTER TABLE outbox_jobs ADD COLUMN remote_url TEXT;
CREATE INDEX outbox_account ON outbox_jobs(account_id, state);
-- The ingest path writes the FTS row itself: through the trigger the insert cost about three times as much
-- (see README, Benchmarks). Deletes and text edits keep their triggers.
DROP TRIGGER items_fts_insert;
-- Contacts are parents of conversations: without this index every contact upsert scanned conversations.
CREATE INDEX conversations_contact ON conversations(contact_id);
)SQL";

// v6: Switchboard's OAuth registration per server, reused by every later sign-in there (Mastodon asks apps to
// register once per instance; a registration per sign-in piles up on the server). The client secret is in the
// keychain, like every secret.
const char *const kV6OAuthApps = R"SQL(
CREATE TABLE oauth_apps(
    server_url TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uris TEXT NOT NULL,
    updated_at INTEGER NOT NULL);
)SQL";

// v7: counts the inbox's views show, kept up to date by triggers so that showing them costs a lookup in a small
// table instead of counting a million conversations on every refresh. `conversation_counts` has one row per
// (account, status, assignee, spam) combination; `tag_counts` the number of open or pending, not-spam
// conversations per tag and its total uses. Triggers fire only on the columns that move a conversation between
// rows (the ingest path's item_count / last_item_at updates do not touch them).
const char *const kV7Counts = R"SQL(
CREATE TABLE conversation_counts(
    account_id TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee_id TEXT NOT NULL, -- '' when unassigned
    spam INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY(account_id, status, assignee_id, spam)) WITHOUT ROWID;
INSERT INTO conversation_counts(account_id, status, assignee_id, spam, n)
    SELECT account_id, status, coalesce(assignee_id, ''), spam, count(*) FROM conversations
    GROUP BY account_id, status, coalesce(assignee_id, ''), spam;

CREATE TRIGGER conversation_counts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_counts(account_id, status, assignee_id, spam, n)
        VALUES (new.account_id, new.status, coalesce(new.assignee_id, ''), new.spam, 1)
        ON CONFLICT(account_id, status, assignee_id, spam) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER conversation_counts_delete AFTER DELETE ON conversations BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE account_id = old.account_id AND status = old.status
        AND assignee_id = coalesce(old.assignee_id, '') AND spam = old.spam;
END;
CREATE TRIGGER conversation_counts_update AFTER UPDATE OF account_id, status, assignee_id, spam ON conversations
WHEN old.account_id IS NOT new.account_id OR old.status IS NOT new.status OR old.assignee_id IS NOT new.assignee_id
    OR old.spam IS NOT new.spam BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE account_id = old.account_id AND status = old.status
        AND assignee_id = coalesce(old.assignee_id, '') AND spam = old.spam;
    INSERT INTO conversation_counts(account_id, status, assignee_id, spam, n)
        VALUES (new.account_id, new.status, coalesce(new.assignee_id, ''), new.spam, 1)
        ON CONFLICT(account_id, status, assignee_id, spam) DO UPDATE SET n = n + 1;
END;

CREATE TABLE tag_counts(
    tag TEXT PRIMARY KEY,
    open_n INTEGER NOT NULL, -- open or pending, not spam
    uses INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO tag_counts(tag, open_n, uses)
    SELECT t.tag, sum((c.status = 'open' OR c.status = 'pending') AND c.spam = 0), count(*)
    FROM conversation_tags t JOIN conversations c ON c.id = t.conversation_id GROUP BY t.tag;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON conversation_tags BEGIN
    INSERT INTO tag_counts(tag, open_n, uses)
        VALUES (new.tag, coalesce((SELECT (status = 'open' OR status = 'pending') AND spam = 0 FROM conversations
                                   WHERE id = new.conversation_id), 0), 1)
        ON CONFLICT(tag) DO UPDATE SET open_n = open_n + excluded.open_n, uses = uses + 1;
END;
-- A conversation's own deletion adjusts its tags first (BEFORE DELETE); the cascaded tag rows then find no
-- conversation and only lower `uses`.
CREATE TRIGGER tag_counts_delete AFTER DELETE ON conversation_tags BEGIN
    UPDATE tag_counts SET uses = uses - 1,
        open_n = open_n - coalesce((SELECT (status = 'open' OR status = 'pending') AND spam = 0 FROM conversations
                                    WHERE id = old.conversation_id), 0)
        WHERE tag = old.tag;
END;
CREATE TRIGGER tag_counts_conversation_delete BEFORE DELETE ON conversations
WHEN (old.status = 'open' OR old.status = 'pending') AND old.spam = 0 BEGIN
    UPDATE tag_counts SET open_n = open_n - 1
        WHERE tag IN (SELECT tag FROM conversation_tags WHERE conversation_id = old.id);
END;
CREATE TRIGGER tag_counts_conversation_update AFTER UPDATE OF status, spam ON conversations
WHEN ((old.status = 'open' OR old.status = 'pending') AND old.spam = 0) IS NOT ((new.status = 'open' OR new.status = 'pending') AND new.spam = 0)
BEGIN
    UPDATE tag_counts SET open_n = open_n + CASE WHEN (new.status = 'open' OR new.status = 'pending') AND new.spam = 0
                                                 THEN 1 ELSE -1 END
        WHERE tag IN (SELECT tag FROM conversation_tags WHERE conversation_id = new.id);
END;

-- The "Awaiting approval" view starts from the drafts in review, not from every conversation.
CREATE INDEX reply_drafts_conversation ON reply_drafts(state, conversation_id);
)SQL";

// v8: the list's main index covers conversations that are not spam only (every list hides spam). A view that filters
// on something else the index holds (a tag, through conversation_tags) then reads a conversation's row only when it
// matches, instead of for every conversation it walks past: on a million items a tag view went from ~40 to ~10 ms.
const char *const kV8LiveIndex = R"SQL(
DROP INDEX conversations_recent;
CREATE INDEX conversations_recent ON conversations(last_item_at DESC, id) WHERE spam = 0;
)SQL";

// v9: SLA breaches are recorded once (sla_breached_at, and an `sla_breached` event from then on); conversations that
// were already past due and unanswered are marked without an event (that history was not kept). The watch index
// holds only conversations that may still breach, and snoozed ones are found through conversations_status.
const char *const kV9Timers = R"SQL(
ALTER TABLE conversations ADD COLUMN sla_breached_at INTEGER;
UPDATE conversations SET sla_breached_at = sla_due_at
    WHERE sla_due_at IS NOT NULL AND first_response_at IS NULL AND status != 'resolved'
    AND sla_due_at <= CAST(strftime('%s', 'now') AS INTEGER) * 1000;
CREATE INDEX conversations_sla_watch ON conversations(sla_due_at)
    WHERE sla_due_at IS NOT NULL AND first_response_at IS NULL AND sla_breached_at IS NULL;
)SQL";

// v10: the Spam view's list (the main index holds non-spam conversations only).
const char *const kV10SpamIndex = R"SQL(
CREATE INDEX conversations_spam ON conversations(last_item_at DESC, id) WHERE spam = 1;
)SQL";

// v11: routing rules applied at ingest (conditions -> team, assignee, tags, priority; every action they take is
// an event whose actor is the rule), and who is looking at which conversation right now, per process, so that two
// people do not answer the same customer. Presence is local and short-lived: a row older than a minute is stale.
const char *const kV11Routing = R"SQL(
CREATE TABLE routing_rules(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1,
    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
    keywords TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    team_id TEXT REFERENCES teams(id) ON DELETE SET NULL,
    assignee_id TEXT REFERENCES employees(id) ON DELETE SET NULL,
    tags TEXT NOT NULL DEFAULT '',
    priority INTEGER,
    created_by TEXT REFERENCES employees(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL);

CREATE TABLE presence(
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    employee_id TEXT NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
    composing INTEGER NOT NULL DEFAULT 0,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY(conversation_id, session_id)) WITHOUT ROWID;
CREATE INDEX presence_session ON presence(session_id);
)SQL";

// v12: the full-text index's vocabulary, one row per term (see store/SearchTerms.h): a prefix the user types is
// looked up here and searched as an OR of its exact terms. Filled once from the index itself; from then on the
// ingest path adds the terms of every text it writes to the index.
const char *const kV12SearchTerms = R"SQL(
CREATE TABLE search_terms(term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.item_fts_terms USING fts5vocab(main, item_fts, row);
INSERT INTO search_terms(term) SELECT term FROM temp.item_fts_terms;
DROP TABLE temp.item_fts_terms;
)SQL";

// v13: a conversation's replies in the outbox. The pane lists the ones not yet sent and the collision check reads
// the others' recent ones; without this index both scanned every job ever written (405,000 on the large demo:
// half a second on each conversation opened).
const char *const kV13OutboxByConversation = R"SQL(
CREATE INDEX outbox_conversation ON outbox_jobs(conversation_id, created_at) WHERE conversation_id IS NOT NULL;
)SQL";

// v14: engagement rollups. `engagement_days` holds one row per (local day, employee) with the day's tallies in a
// compact blob (see metrics/EngagementTally.h); employee_id '' collects what nobody in the team did (a reply by
// nobody known, an unassigned conversation's first response). Triggers note every change a figure depends on as a
// 15-minute bucket of its time in `engagement_dirty` (every time zone's offset is a whole number of quarter hours,
// so a bucket never straddles a local midnight); the next refresh recomputes the local days those buckets fall on.
// New outbound items are marked by the ingest path itself: a trigger on items inserts would give every insert a
// statement journal, whose savepoint makes FTS5 flush its pending terms once per item.
// `engagement_state` holds what the rollups were computed for (time zone and business hours); none: rebuild.
// `accounts.employee_id` links an employee's own account (advocacy). Two indexes serve the day-by-day recomputation.
const char *const kV14EngagementRollups = R"SQL(
ALTER TABLE accounts ADD COLUMN employee_id TEXT REFERENCES employees(id) ON DELETE SET NULL;
CREATE TABLE engagement_days(
    day TEXT NOT NULL,
    employee_id TEXT NOT NULL,
    tally BLOB NOT NULL,
    PRIMARY KEY(day, employee_id)) WITHOUT ROWID;
CREATE TABLE engagement_dirty(bucket INTEGER PRIMARY KEY);
CREATE TABLE engagement_state(id INTEGER PRIMARY KEY CHECK(id = 1), fingerprint TEXT NOT NULL);
CREATE INDEX conversations_first_inbound ON conversations(first_inbound_at);
CREATE INDEX outbox_remote ON outbox_jobs(remote_id) WHERE remote_id IS NOT NULL;

CREATE TRIGGER engagement_items_delete AFTER DELETE ON items WHEN old.direction = 'out' BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty SELECT first_inbound_at - first_inbound_at % 900000 FROM conversations
        WHERE id = old.conversation_id;
END;
CREATE TRIGGER engagement_items_update AFTER UPDATE OF like_count, repost_count, reply_count, author_employee_id,
    created_at, conversation_id, direction ON items
WHEN new.direction = 'out' OR old.direction = 'out' BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.created_at - new.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty SELECT first_inbound_at - first_inbound_at % 900000 FROM conversations
        WHERE id = new.conversation_id OR id = old.conversation_id;
END;

CREATE TRIGGER engagement_conversations_insert AFTER INSERT ON conversations BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.first_inbound_at - new.first_inbound_at % 900000);
END;
CREATE TRIGGER engagement_conversations_delete AFTER DELETE ON conversations BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.first_inbound_at - old.first_inbound_at % 900000);
END;
CREATE TRIGGER engagement_conversations_update AFTER UPDATE OF first_inbound_at, last_inbound_at, sla_due_at,
    assignee_id, first_response_at, spam ON conversations
WHEN old.first_inbound_at IS NOT new.first_inbound_at OR (old.last_inbound_at IS NULL) != (new.last_inbound_at IS NULL)
    OR old.sla_due_at IS NOT new.sla_due_at OR old.assignee_id IS NOT new.assignee_id
    OR old.first_response_at IS NOT new.first_response_at OR old.spam IS NOT new.spam BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.first_inbound_at - old.first_inbound_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.first_inbound_at - new.first_inbound_at % 900000);
END;
-- A resolution's time is counted from the conversation's first inbound message.
CREATE TRIGGER engagement_conversations_first_inbound AFTER UPDATE OF first_inbound_at ON conversations
WHEN old.first_inbound_at IS NOT new.first_inbound_at BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT at - at % 900000 FROM events
        WHERE conversation_id = new.id AND action = 'status_changed';
END;

CREATE TRIGGER engagement_events_insert AFTER INSERT ON events
WHEN new.action = 'published' OR new.action = 'status_changed' OR new.action = 'note_added'
    OR new.action = 'post_approved' BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.at - new.at % 900000);
    INSERT OR IGNORE INTO engagement_dirty SELECT first_inbound_at - first_inbound_at % 900000 FROM conversations
        WHERE id = new.conversation_id AND new.action = 'published';
END;

CREATE TRIGGER engagement_outbox_done AFTER UPDATE OF state, remote_id ON outbox_jobs
WHEN new.state = 'done' AND new.remote_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT created_at - created_at % 900000 FROM items
        WHERE account_id = new.account_id AND remote_id = new.remote_id;
END;

CREATE TRIGGER engagement_posts_insert AFTER INSERT ON posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.created_at - new.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty SELECT new.published_at - new.published_at % 900000
        WHERE new.published_at IS NOT NULL;
END;
CREATE TRIGGER engagement_posts_delete AFTER DELETE ON posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty SELECT old.published_at - old.published_at % 900000
        WHERE old.published_at IS NOT NULL;
    INSERT OR IGNORE INTO engagement_dirty SELECT at - at % 900000 FROM events
        WHERE subject_type = 'post' AND subject_id = old.id AND action = 'post_approved';
END;
CREATE TRIGGER engagement_posts_update AFTER UPDATE OF state, published_at, author_id, created_at ON posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT old.published_at - old.published_at % 900000
        WHERE old.published_at IS NOT NULL;
    INSERT OR IGNORE INTO engagement_dirty SELECT new.published_at - new.published_at % 900000
        WHERE new.published_at IS NOT NULL;
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.created_at - new.created_at % 900000);
END;
CREATE TRIGGER engagement_variants_counts AFTER UPDATE OF like_count, repost_count, reply_count ON post_variants BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT published_at - published_at % 900000 FROM posts
        WHERE id = new.post_id AND published_at IS NOT NULL;
END;
CREATE TRIGGER engagement_variants_change AFTER INSERT ON post_variants BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT published_at - published_at % 900000 FROM posts
        WHERE id = new.post_id AND published_at IS NOT NULL;
END;
-- Linking or unlinking an employee's own account moves all of its posts: rebuild everything.
CREATE TRIGGER engagement_account_owner AFTER UPDATE OF employee_id ON accounts
WHEN old.employee_id IS NOT new.employee_id BEGIN
    DELETE FROM engagement_state;
END;
)SQL";

// v15: a post's variant counts on the day it went out (advocacy: a variant on an employee's own account), so its
// counters, state and time mark that day too; and items of the account's own posts are looked up by remote id.
const char *const kV15VariantDays = R"SQL(
CREATE TRIGGER engagement_variants_published AFTER UPDATE OF like_count, repost_count, reply_count, state,
    published_at ON post_variants BEGIN
    INSERT OR IGNORE INTO engagement_dirty SELECT old.published_at - old.published_at % 900000
        WHERE old.published_at IS NOT NULL;
    INSERT OR IGNORE INTO engagement_dirty SELECT new.published_at - new.published_at % 900000
        WHERE new.published_at IS NOT NULL;
END;
CREATE INDEX post_variants_remote ON post_variants(account_id, remote_id) WHERE remote_id IS NOT NULL;
)SQL";

// v16: posts an employee made on their own linked account outside Switchboard (advocacy), with their counters, as
// the sync reads them from the account's own timeline. Not inbox items: they are nobody's conversation.
const char *const kV16OwnPosts = R"SQL(
CREATE TABLE own_posts(
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    url TEXT,
    text TEXT NOT NULL DEFAULT '',
    like_count INTEGER NOT NULL DEFAULT 0,
    repost_count INTEGER NOT NULL DEFAULT 0,
    reply_count INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY(account_id, remote_id)) WITHOUT ROWID;
CREATE INDEX own_posts_created ON own_posts(created_at);
CREATE TRIGGER engagement_own_posts_insert AFTER INSERT ON own_posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.created_at - new.created_at % 900000);
END;
CREATE TRIGGER engagement_own_posts_update AFTER UPDATE ON own_posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
    INSERT OR IGNORE INTO engagement_dirty VALUES (new.created_at - new.created_at % 900000);
END;
CREATE TRIGGER engagement_own_posts_delete AFTER DELETE ON own_posts BEGIN
    INSERT OR IGNORE INTO engagement_dirty VALUES (old.created_at - old.created_at % 900000);
END;
)SQL";

// v17: the record key a network with client-chosen keys (Bluesky) gets for a job: a TID chosen when the job is
// written, before any attempt, so a resend after a lost answer collides with the record instead of making another.
const char *const kV17RecordKeys = R"SQL(
ALTER TABLE outbox_jobs ADD COLUMN record_key TEXT;
)SQL";

// v18: the calendar reads a range of posts in time order with the columns it shows; the schedule index covers them,
// so a month of 10,000 posts is one index walk instead of 10,000 row lookups (and ties come ordered by id).
const char *const kV18CalendarIndex = R"SQL(
DROP INDEX posts_schedule;
CREATE INDEX posts_schedule ON posts(scheduled_at, id, state, author_id, campaign_id);
)SQL";

// v19: team mode (app/team). Local changes to shared rows wait in team_pending until they reach the team's
// PostgreSQL: one row per changed column with the value it had when last shared (`base`, untyped so that it keeps
// its type), '*' for a new row, '-' for a deleted one. The triggers that fill it exist only while the workspace is
// in a team; they skip rows written from the team (team_apply.applying, set inside that transaction only).
const char *const kV19Team = R"SQL(
CREATE TABLE team_pending(
    tbl TEXT NOT NULL,
    row_key TEXT NOT NULL,
    col TEXT NOT NULL,
    base,
    PRIMARY KEY(tbl, row_key, col)) WITHOUT ROWID;
CREATE TABLE team_apply(id INTEGER PRIMARY KEY CHECK(id = 1), applying INTEGER NOT NULL DEFAULT 0);
INSERT INTO team_apply(id, applying) VALUES (1, 0);
)SQL";
// v5: CHECK constraints on hot tables without IN lists. SQLite evaluates `x IN ('a','b','c')` in a CHECK by building
// a temporary B-tree on every INSERT (OpenEphemeral), which made each items / conversations / events insert about
// 13% slower; a chain of `=` tests accepts exactly the same values. Per SQLite's documentation ("Making Other Kinds
// Of Table Schema Changes") a CHECK constraint can be changed by rewriting the table's text in sqlite_schema, since
// the on-disk format does not depend on it: every existing row satisfies the new constraint because it is the same.
struct CheckRewrite {
    const char *table;
    const char *from;
    const char *to;
};
constexpr CheckRewrite kV5Checks[] = {
    {"items", "CHECK(kind IN ('mention','reply','dm','comment','quote','post'))",
     "CHECK(kind = 'mention' OR kind = 'reply' OR kind = 'dm' OR kind = 'comment' OR kind = 'quote' OR "
     "kind = 'post')"},
    {"conversations", "CHECK(status IN ('open','pending','snoozed','resolved'))",
     "CHECK(status = 'open' OR status = 'pending' OR status = 'snoozed' OR status = 'resolved')"},
    {"events", "CHECK(actor_kind IN ('employee','rule','system'))",
     "CHECK(actor_kind = 'employee' OR actor_kind = 'rule' OR actor_kind = 'system')"},
};

Status rewriteChecks(SqliteDb &db)
{
    int defensive = 0;
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    const qint64 schemaVersion = db.scalarInt(QStringLiteral("PRAGMA schema_version"), -1);
    if (schemaVersion < 0) {
        return db.lastError();
    }
    // A table whose text differs (it should not) keeps its constraint: the rewrite is only a speed-up.
    std::vector<const CheckRewrite *> rewritten;
    Status status = db.exec("PRAGMA writable_schema = ON");
    for (const CheckRewrite &rewrite : kV5Checks) {
        if (!status.ok()) {
            break;
        }
        Statement &st = db.cached("UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) WHERE type = 'table' AND "
                                  "name = ?3 AND instr(sql, ?1) > 0");
        st.bindAll(rewrite.from, rewrite.to, rewrite.table);
        status = st.exec();
        if (status.ok() && db.changes() > 0) {
            rewritten.push_back(&rewrite);
        }
    }
    if (status.ok()) {
        status = db.exec(QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion + 1));
    }
    const Status off = db.exec("PRAGMA writable_schema = OFF");
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, defensive, nullptr);
    SB_TRY(status);
    SB_TRY(off);
    // The new text must parse and be in place; anything else rolls the step back.
    for (const CheckRewrite *rewrite : rewritten) {
        Statement &st = db.cached("SELECT instr(sql, ?1) > 0, instr(sql, ?2) > 0 FROM sqlite_schema WHERE name = ?3");
        st.bindAll(rewrite->from, rewrite->to, rewrite->table);
        const bool ok = st.next() && st.integer(0) == 0 && st.integer(1) == 1;
        st.reset();
        if (!ok) {
            return Error {
                ErrorKind::Storage,
                QStringLiteral("the CHECK constraint of %1 could not be rewritten").arg(QLatin1String(rewrite->table)),
                {}};
        }
    }
    if (const QString check = db.scalarText(QStringLiteral("PRAGMA quick_check")); check != QLatin1String("ok")) {
        return Error {
            ErrorKind::Storage, QStringLiteral("quick_check after rewriting CHECK constraints: %1").arg(check), {}};
    }
    return success();
}

struct Migration {
    int version;
    const char *sql;
    Status (*apply)(SqliteDb &db) = nullptr; // steps that are more than SQL text
};

constexpr Migration kMigrations[] = {
    {1, kV1Core},
    {2, kV2Publishing},
    {3, kV3Team},
    {4, kV4Channels},
    {5, nullptr, rewriteChecks},
    {6, kV6OAuthApps},
    {7, kV7Counts},
    {8, kV8LiveIndex},
    {9, kV9Timers},
    {10, kV10SpamIndex},
    {11, kV11Routing},
    {12, kV12SearchTerms},
    {13, kV13OutboxByConversation},
    {14, kV14EngagementRollups},
    {15, kV15VariantDays},
    {16, kV16OwnPosts},
    {17, kV17RecordKeys},
    {18, kV18CalendarIndex},
    {19, kV19Team},
};

} // namespace

int latestVersion()
{
    return std::end(kMigrations)[-1].version;
}

Status migrate(SqliteDb &db, int target)
{
    if (target < 0) {
        target = latestVersion();
    }
    const int current = int(db.scalarInt(QStringLiteral("PRAGMA user_version")));
    for (const Migration &step : kMigrations) {
        if (step.version <= current || step.version > target) {
            continue;
        }
        Transaction tx(db);
        if (!tx.began().ok()) {
            return tx.began().error();
        }
        if (Status s = step.sql ? db.exec(step.sql) : step.apply(db); !s.ok()) {
            return Error {ErrorKind::Storage,
                          QStringLiteral("migration to schema v%1 failed: %2").arg(step.version).arg(s.error().message),
                          {}};
        }
        SB_TRY(db.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)));
        SB_TRY(db.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)));
        if (Status s = tx.commit(); !s.ok()) {
            return s;
        }
        qCInfo(lcStore) << "migrated" << db.path() << "to schema version" << step.version;
    }
    return success();
}

} // namespace sb::schema
