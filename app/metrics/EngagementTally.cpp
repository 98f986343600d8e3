#include "metrics/EngagementTally.h"

#include "core/BusinessHours.h"
#include "metrics/EngagementMetrics.h"
#include "store/Sqlite.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sb::metrics {

namespace {

// Runs `sql` with the span bound to ?1 and ?2 and calls `row` for each result row.
template <typename Row> Status eachRow(SqliteDb &db, const char *sql, qint64 fromMs, qint64 toMs, Row &&row)
{
    auto prepared = db.prepare(QString::fromUtf8(sql));
    if (!prepared.ok()) {
        return prepared.error();
    }
    Statement &st = prepared.value();
    st.bind(1, fromMs).bind(2, toMs);
    while (st.next()) {
        row(st);
    }
    if (st.failed()) {
        return st.error();
    }
    return success();
}

// A reply is counted once: by its publish event when it left through the outbox, else by the outbound item
// attributed to an employee (sent before Switchboard, or imported).
const char *const kPublishedReplies
    = "SELECT coalesce(json_extract(details, '$.author_id'), ''), conversation_id, at, subject_id FROM events "
      "WHERE action = 'published' AND subject_type = 'outbox_job' AND coalesce(conversation_id, '') != '' "
      "AND at >= ?1 AND at < ?2";
// Outbound replies by an employee, with the engagement they earned; `via_outbox` marks the ones already counted by
// their publish event. Items are keyed by seq = created_at << 10 (plus a counter), which the range walks.
const char *const kOutboundReplies
    = "SELECT i.author_employee_id, coalesce(i.conversation_id, ''), i.created_at, i.like_count, i.repost_count, "
      "i.reply_count, EXISTS(SELECT 1 FROM outbox_jobs o WHERE o.remote_id = i.remote_id "
      "  AND o.account_id = i.account_id AND o.state = 'done'), i.remote_id "
      "FROM items i WHERE i.seq >= (?1 << 10) AND i.seq < ((?2 + 1000) << 10) AND i.created_at >= ?1 "
      "AND i.created_at < ?2 AND i.direction = 'out' AND i.kind != 'post' AND i.author_employee_id IS NOT NULL";
const char *const kResolutions
    = "SELECT e.actor_id, e.conversation_id, e.at, c.first_inbound_at FROM events e "
      "JOIN conversations c ON c.id = e.conversation_id "
      "WHERE e.action = 'status_changed' AND e.actor_kind = 'employee' AND e.at >= ?1 AND e.at < ?2 "
      "AND json_extract(e.details, '$.to') = 'resolved'";
// The first response is the conversation's, whoever wrote it; it counts for its author, else the assignee.
const char *const kFirstResponses
    = "SELECT c.first_inbound_at, c.sla_due_at, coalesce(c.assignee_id, ''), "
      "coalesce(c.first_response_at, (SELECT min(i.created_at) FROM items i WHERE i.conversation_id = c.id "
      "  AND i.direction = 'out' AND i.created_at >= c.first_inbound_at)), "
      "coalesce((SELECT json_extract(e.details, '$.author_id') FROM events e WHERE e.conversation_id = c.id "
      "  AND e.action = 'published' ORDER BY e.seq LIMIT 1), "
      " (SELECT i.author_employee_id FROM items i WHERE i.conversation_id = c.id AND i.direction = 'out' "
      "  AND i.author_employee_id IS NOT NULL AND i.created_at >= c.first_inbound_at ORDER BY i.seq LIMIT 1), ''), "
      "c.id FROM conversations c WHERE c.spam = 0 AND c.last_inbound_at IS NOT NULL "
      "AND c.first_inbound_at >= ?1 AND c.first_inbound_at < ?2";
const char *const kNotes = "SELECT actor_id, at, coalesce(conversation_id, ''), subject_id FROM events WHERE action = "
                           "'note_added' AND actor_kind = 'employee' "
                           "AND at >= ?1 AND at < ?2";
const char *const kPostsDrafted
    = "SELECT author_id, created_at, id FROM posts WHERE created_at >= ?1 AND created_at < ?2";
// A post's approval counts for its author (the reviewer's approvals are in the event log).
const char *const kPostsApproved
    = "SELECT p.author_id, e.at, p.id FROM events e JOIN posts p ON p.id = e.subject_id "
      "WHERE e.action = 'post_approved' AND e.subject_type = 'post' AND e.at >= ?1 AND e.at < ?2";
// A published post's engagement is the brand's accounts' (a variant on an employee's own account is advocacy).
const char *const kPostsPublished
    = "SELECT p.author_id, p.published_at, coalesce(sum(v.like_count), 0), coalesce(sum(v.repost_count), 0), "
      "coalesce(sum(v.reply_count), 0), p.id FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id "
      "AND v.account_id NOT IN (SELECT id FROM accounts WHERE employee_id IS NOT NULL) "
      "WHERE p.state IN ('published', 'partially_published') AND p.published_at >= ?1 AND p.published_at < ?2 "
      "GROUP BY p.id";
// Advocacy: what employees posted on their own linked accounts, through Switchboard (a post's variant) or not (read
// from the account's own timeline into own_posts, or an outbound post item); the same post is counted once.
const char *const kOwnPosts
    = "SELECT a.employee_id, o.created_at, o.like_count, o.repost_count, o.reply_count, o.remote_id, '' "
      "FROM own_posts o JOIN accounts a ON a.id = o.account_id WHERE a.employee_id IS NOT NULL "
      "AND o.created_at >= ?1 AND o.created_at < ?2 AND NOT EXISTS (SELECT 1 FROM post_variants pv "
      "WHERE pv.account_id = o.account_id AND pv.remote_id = o.remote_id AND pv.state = 'published') "
      "UNION ALL SELECT a.employee_id, i.created_at, i.like_count, i.repost_count, i.reply_count, i.remote_id, "
      "coalesce(i.conversation_id, '') FROM accounts a "
      "JOIN items i ON i.account_id = a.id WHERE a.employee_id IS NOT NULL AND i.direction = 'out' "
      "AND i.kind = 'post' AND i.seq >= (?1 << 10) AND i.seq < ((?2 + 1000) << 10) AND i.created_at >= ?1 "
      "AND i.created_at < ?2 AND NOT EXISTS (SELECT 1 FROM post_variants pv WHERE pv.account_id = i.account_id "
      "AND pv.remote_id = i.remote_id AND pv.state = 'published') AND NOT EXISTS (SELECT 1 FROM own_posts o "
      "WHERE o.account_id = i.account_id AND o.remote_id = i.remote_id) "
      "UNION ALL SELECT a.employee_id, v.published_at, v.like_count, v.repost_count, v.reply_count, v.remote_id, '' "
      "FROM post_variants v JOIN accounts a ON a.id = v.account_id WHERE a.employee_id IS NOT NULL "
      "AND v.state = 'published' AND v.published_at >= ?1 AND v.published_at < ?2";

void putInt(QByteArray &out, qint64 v)
{
    const qint64 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

template <typename T> void putVector(QByteArray &out, const std::vector<T> &values)
{
    putInt(out, qint64(values.size()));
    for (const T v : values) {
        putInt(out, qint64(v));
    }
}

struct Reader {
    const QByteArray &blob;
    qsizetype pos = 0;
    bool ok = true;

    qint64 next()
    {
        if (pos + qsizetype(sizeof(qint64)) > blob.size()) {
            ok = false;
            return 0;
        }
        qint64 le = 0;
        std::memcpy(&le, blob.constData() + pos, sizeof le);
        pos += sizeof le;
        return qFromLittleEndian(le);
    }
    template <typename T> void vector(std::vector<T> &values)
    {
        const qint64 n = next();
        if (!ok || n < 0 || n > (blob.size() - pos) / qint64(sizeof(qint64))) {
            ok = false;
            return;
        }
        values.resize(size_t(n));
        for (T &v : values) {
            v = T(next());
        }
    }
};

constexpr qint64 kTallyFormat = 1;

template <typename T> void append(std::vector<T> &to, const std::vector<T> &from)
{
    to.insert(to.end(), from.begin(), from.end());
}

// Distinct hashes through an open-addressing table (a sort of the team's year took most of the panel's time). The
// table is kept between calls: zeroing it is cheaper than the page faults of a fresh one.
int distinctCount(const std::vector<quint64> &hashes)
{
    if (hashes.size() < 64) {
        std::vector<quint64> copy = hashes;
        std::sort(copy.begin(), copy.end());
        return int(std::unique(copy.begin(), copy.end()) - copy.begin());
    }
    size_t capacity = 128;
    while (capacity < hashes.size() + hashes.size() / 2) {
        capacity <<= 1;
    }
    thread_local std::vector<quint64> table;
    if (table.size() < capacity) {
        table.resize(capacity);
    }
    std::fill(table.begin(), table.begin() + std::ptrdiff_t(capacity), 0);
    // 0 marks an empty slot; a hash that is 0 is counted apart.
    const size_t mask = capacity - 1;
    int count = 0;
    bool zero = false;
    for (const quint64 h : hashes) {
        if (h == 0) {
            zero = true;
            continue;
        }
        size_t slot = size_t(h ^ (h >> 29)) & mask;
        while (table[slot] != 0 && table[slot] != h) {
            slot = (slot + 1) & mask;
        }
        if (table[slot] == 0) {
            table[slot] = h;
            ++count;
        }
    }
    if (capacity > (size_t(1) << 22)) {
        std::vector<quint64>().swap(table); // do not keep more than 32 MB around
    }
    return count + (zero ? 1 : 0);
}

// The median and the 90th percentile of the same values, selecting in place: the p90 first, then the median among
// the values below it. Same results as median() and percentile(..., 90).
void medianAndP90(std::vector<qint64> &values, std::optional<qint64> &med, std::optional<qint64> &p90)
{
    if (values.empty()) {
        med.reset();
        p90.reset();
        return;
    }
    const size_t n = values.size();
    const size_t rank90 = std::clamp<size_t>(size_t(std::ceil(0.9 * double(n))), 1, n) - 1;
    const auto at90 = values.begin() + std::ptrdiff_t(rank90);
    std::nth_element(values.begin(), at90, values.end());
    p90 = *at90;
    const auto upper = values.begin() + std::ptrdiff_t(n / 2);
    if (upper != at90) {
        std::nth_element(values.begin(), upper, at90);
    }
    if (n % 2 == 1) {
        med = *upper;
    } else {
        const qint64 lower = *std::max_element(values.begin(), upper);
        med = (lower + *upper + 1) / 2;
    }
}

} // namespace

quint64 conversationHash(const QString &conversationId)
{
    quint64 h = 14695981039346656037ull;
    for (const QChar c : conversationId) {
        h ^= c.unicode();
        h *= 1099511628211ull;
    }
    return h;
}

void Tally::merge(const Tally &o)
{
    replies += o.replies;
    notes += o.notes;
    postsDrafted += o.postsDrafted;
    postsApproved += o.postsApproved;
    postsPublished += o.postsPublished;
    slaMet += o.slaMet;
    slaMissedAnswered += o.slaMissedAnswered;
    likes += o.likes;
    reposts += o.reposts;
    repliesReceived += o.repliesReceived;
    ownPosts += o.ownPosts;
    ownEngagement += o.ownEngagement;
    append(handled, o.handled);
    append(resolved, o.resolved);
    append(firstResponseSecs, o.firstResponseSecs);
    append(resolutionSecs, o.resolutionSecs);
    append(slaPendingDue, o.slaPendingDue);
}

void Tally::compact()
{
    for (std::vector<quint64> *v : {&handled, &resolved}) {
        std::sort(v->begin(), v->end());
        v->erase(std::unique(v->begin(), v->end()), v->end());
    }
}

bool Tally::isEmpty() const
{
    return *this == Tally();
}

bool operator==(const Tally &a, const Tally &b)
{
    return a.replies == b.replies && a.notes == b.notes && a.postsDrafted == b.postsDrafted
        && a.postsApproved == b.postsApproved && a.postsPublished == b.postsPublished && a.slaMet == b.slaMet
        && a.slaMissedAnswered == b.slaMissedAnswered && a.likes == b.likes && a.reposts == b.reposts
        && a.repliesReceived == b.repliesReceived && a.ownPosts == b.ownPosts && a.ownEngagement == b.ownEngagement
        && a.handled == b.handled && a.resolved == b.resolved && a.firstResponseSecs == b.firstResponseSecs
        && a.resolutionSecs == b.resolutionSecs && a.slaPendingDue == b.slaPendingDue;
}

QByteArray Tally::serialize() const
{
    QByteArray out;
    out.reserve(int(8
                    * (18 + handled.size() + resolved.size() + firstResponseSecs.size() + resolutionSecs.size()
                       + slaPendingDue.size())));
    for (const qint64 v : {kTallyFormat, qint64(replies), qint64(notes), qint64(postsDrafted), qint64(postsApproved),
                           qint64(postsPublished), qint64(slaMet), qint64(slaMissedAnswered), likes, reposts,
                           repliesReceived, qint64(ownPosts), ownEngagement}) {
        putInt(out, v);
    }
    putVector(out, handled);
    putVector(out, resolved);
    putVector(out, firstResponseSecs);
    putVector(out, resolutionSecs);
    putVector(out, slaPendingDue);
    return out;
}

std::optional<Tally> Tally::deserialize(const QByteArray &blob)
{
    Reader r {blob};
    if (r.next() != kTallyFormat || !r.ok) {
        return std::nullopt;
    }
    Tally t;
    t.replies = int(r.next());
    t.notes = int(r.next());
    t.postsDrafted = int(r.next());
    t.postsApproved = int(r.next());
    t.postsPublished = int(r.next());
    t.slaMet = int(r.next());
    t.slaMissedAnswered = int(r.next());
    t.likes = r.next();
    t.reposts = r.next();
    t.repliesReceived = r.next();
    t.ownPosts = int(r.next());
    t.ownEngagement = r.next();
    r.vector(t.handled);
    r.vector(t.resolved);
    r.vector(t.firstResponseSecs);
    r.vector(t.resolutionSecs);
    r.vector(t.slaPendingDue);
    if (!r.ok || r.pos != blob.size()) {
        return std::nullopt;
    }
    return t;
}

bool Tally::mergeSerialized(const QByteArray &blob)
{
    // First the shape: the header and five vectors whose lengths add up to the blob's size exactly.
    constexpr qsizetype kHeader = 13;
    Reader check {blob};
    if (check.next() != kTallyFormat) {
        return false;
    }
    check.pos = kHeader * qsizetype(sizeof(qint64));
    for (int v = 0; v < 5; ++v) {
        const qint64 n = check.next();
        if (!check.ok || n < 0 || n > (blob.size() - check.pos) / qint64(sizeof(qint64))) {
            return false;
        }
        check.pos += qsizetype(n) * qsizetype(sizeof(qint64));
    }
    if (check.pos != blob.size()) {
        return false;
    }
    Reader r {blob};
    r.next();
    replies += int(r.next());
    notes += int(r.next());
    postsDrafted += int(r.next());
    postsApproved += int(r.next());
    postsPublished += int(r.next());
    slaMet += int(r.next());
    slaMissedAnswered += int(r.next());
    likes += r.next();
    reposts += r.next();
    repliesReceived += r.next();
    ownPosts += int(r.next());
    ownEngagement += r.next();
    auto appendFrom = [&r](auto &values) {
        const size_t n = size_t(r.next());
        const size_t old = values.size();
        values.resize(old + n); // grows geometrically, unlike reserve(old + n) on every row
        for (size_t i = 0; i < n; ++i) {
            values[old + i] = typename std::decay_t<decltype(values)>::value_type(r.next());
        }
    };
    appendFrom(handled);
    appendFrom(resolved);
    appendFrom(firstResponseSecs);
    appendFrom(resolutionSecs);
    appendFrom(slaPendingDue);
    return true;
}

Status collectFacts(SqliteDb &db, qint64 fromMs, qint64 toMs, const BusinessHours &hours, const TallySink &sink,
                    const FactObserver &observer)
{
    using Kind = Fact::Kind;
    auto tell = [&](Kind kind, const QString &employeeId, qint64 at, const QString &conversationId,
                    const QString &subjectId) {
        Fact f;
        f.kind = kind;
        f.employeeId = employeeId;
        f.atMs = at;
        f.conversationId = conversationId;
        f.subjectId = subjectId;
        return f;
    };
    SB_TRY(eachRow(db, kPublishedReplies, fromMs, toMs, [&](Statement &st) {
        Tally &t = sink(st.text(0), st.int64(2));
        ++t.replies;
        t.handled.push_back(conversationHash(st.text(1)));
        if (observer) {
            Fact f = tell(Kind::Reply, st.text(0), st.int64(2), st.text(1), st.text(3));
            f.viaOutbox = true;
            observer(f);
        }
    }));
    SB_TRY(eachRow(db, kOutboundReplies, fromMs, toMs, [&](Statement &st) {
        Tally &t = sink(st.text(0), st.int64(2));
        t.likes += st.int64(3);
        t.reposts += st.int64(4);
        t.repliesReceived += st.int64(5);
        const bool counted = st.integer(6) == 0;
        if (counted) {
            ++t.replies;
            if (!st.text(1).isEmpty()) {
                t.handled.push_back(conversationHash(st.text(1)));
            }
        }
        if (observer) {
            Fact f = tell(Kind::ReplyEngagement, st.text(0), st.int64(2), st.text(1), st.text(7));
            f.likes = st.int64(3);
            f.reposts = st.int64(4);
            f.replies = st.int64(5);
            observer(f);
            if (counted) {
                f.kind = Kind::Reply;
                observer(f);
            }
        }
    }));
    SB_TRY(eachRow(db, kResolutions, fromMs, toMs, [&](Statement &st) {
        const quint64 conversation = conversationHash(st.text(1));
        Tally &t = sink(st.text(0), st.int64(2));
        const qint64 secs = hours.businessSecondsBetween(st.int64(3), st.int64(2));
        t.resolved.push_back(conversation);
        t.handled.push_back(conversation);
        t.resolutionSecs.push_back(secs);
        if (observer) {
            Fact f = tell(Kind::Resolution, st.text(0), st.int64(2), st.text(1), {});
            f.seconds = secs;
            observer(f);
        }
    }));
    SB_TRY(eachRow(db, kFirstResponses, fromMs, toMs, [&](Statement &st) {
        const qint64 firstInbound = st.int64(0);
        // Plain values and flags (not std::optional): GCC 12 reports a false maybe-uninitialized on optionals here.
        const bool hasDue = !st.isNull(1);
        const qint64 due = hasDue ? st.int64(1) : 0;
        const QString assignee = st.text(2);
        const bool hasResponse = !st.isNull(3);
        const qint64 responded = hasResponse ? st.int64(3) : 0;
        const QString author = st.text(4);
        const QString owner = author.isEmpty() ? assignee : author;
        Tally &t = sink(owner, firstInbound);
        const qint64 secs = hasResponse ? hours.businessSecondsBetween(firstInbound, responded) : 0;
        if (hasResponse) {
            t.firstResponseSecs.push_back(secs);
        }
        Fact::Sla sla = Fact::Sla::None;
        if (hasDue) {
            if (!hasResponse) {
                t.slaPendingDue.push_back(due);
                sla = Fact::Sla::Pending;
            } else if (responded <= due) {
                ++t.slaMet;
                sla = Fact::Sla::Met;
            } else {
                ++t.slaMissedAnswered;
                sla = Fact::Sla::Late;
            }
        }
        if (observer) {
            Fact f = tell(Kind::FirstResponse, owner, firstInbound, st.text(5), {});
            if (hasResponse) {
                f.seconds = secs;
            }
            f.sla = sla;
            f.dueMs = due;
            observer(f);
        }
    }));
    SB_TRY(eachRow(db, kNotes, fromMs, toMs, [&](Statement &st) {
        ++sink(st.text(0), st.int64(1)).notes;
        if (observer) {
            observer(tell(Kind::Note, st.text(0), st.int64(1), st.text(2), st.text(3)));
        }
    }));
    SB_TRY(eachRow(db, kPostsDrafted, fromMs, toMs, [&](Statement &st) {
        ++sink(st.text(0), st.int64(1)).postsDrafted;
        if (observer) {
            observer(tell(Kind::PostDrafted, st.text(0), st.int64(1), {}, st.text(2)));
        }
    }));
    SB_TRY(eachRow(db, kPostsApproved, fromMs, toMs, [&](Statement &st) {
        ++sink(st.text(0), st.int64(1)).postsApproved;
        if (observer) {
            observer(tell(Kind::PostApproved, st.text(0), st.int64(1), {}, st.text(2)));
        }
    }));
    SB_TRY(eachRow(db, kPostsPublished, fromMs, toMs, [&](Statement &st) {
        Tally &t = sink(st.text(0), st.int64(1));
        ++t.postsPublished;
        t.likes += st.int64(2);
        t.reposts += st.int64(3);
        t.repliesReceived += st.int64(4);
        if (observer) {
            Fact f = tell(Kind::PostPublished, st.text(0), st.int64(1), {}, st.text(5));
            f.likes = st.int64(2);
            f.reposts = st.int64(3);
            f.replies = st.int64(4);
            observer(f);
        }
    }));
    SB_TRY(eachRow(db, kOwnPosts, fromMs, toMs, [&](Statement &st) {
        Tally &t = sink(st.text(0), st.int64(1));
        ++t.ownPosts;
        t.ownEngagement += st.int64(2) + st.int64(3) + st.int64(4);
        if (observer) {
            Fact f = tell(Kind::OwnPost, st.text(0), st.int64(1), st.text(6), st.text(5));
            f.likes = st.int64(2);
            f.reposts = st.int64(3);
            f.replies = st.int64(4);
            observer(f);
        }
    }));
    return success();
}

Status collectWorkload(SqliteDb &db, const std::function<void(const QString &, int)> &row)
{
    // conversation_counts is kept by triggers (schema v7): a lookup instead of counting every conversation.
    auto prepared = db.prepare(QStringLiteral("SELECT assignee_id, sum(n) FROM conversation_counts "
                                              "WHERE (status = 'open' OR status = 'pending') AND spam = 0 "
                                              "GROUP BY assignee_id HAVING sum(n) > 0"));
    if (!prepared.ok()) {
        return prepared.error();
    }
    Statement &st = prepared.value();
    while (st.next()) {
        row(st.text(0), st.integer(1));
    }
    return st.failed() ? Status(st.error()) : success();
}

void fillFigures(Figures &f, Tally t, int workload, qint64 nowMs)
{
    f.repliesSent = t.replies;
    f.conversationsHandled = distinctCount(t.handled);
    f.conversationsResolved = distinctCount(t.resolved);
    f.firstResponses = int(t.firstResponseSecs.size());
    medianAndP90(t.firstResponseSecs, f.medianFirstResponseSecs, f.p90FirstResponseSecs);
    f.medianResolutionSecs = median(std::move(t.resolutionSecs));
    const auto overdue
        = std::count_if(t.slaPendingDue.begin(), t.slaPendingDue.end(), [nowMs](qint64 due) { return nowMs > due; });
    f.slaMet = t.slaMet;
    f.slaMissed = t.slaMissedAnswered + int(overdue);
    f.openWorkload = workload;
    f.notesWritten = t.notes;
    f.postsDrafted = t.postsDrafted;
    f.postsApproved = t.postsApproved;
    f.postsPublished = t.postsPublished;
    f.likesEarned = t.likes;
    f.repostsEarned = t.reposts;
    f.repliesEarned = t.repliesReceived;
    f.ownPosts = t.ownPosts;
    f.ownPostEngagement = t.ownEngagement;
}

} // namespace sb::metrics
