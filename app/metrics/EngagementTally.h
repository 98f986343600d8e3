#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace sb {

class SqliteDb;
struct BusinessHours;

namespace metrics {

struct Figures;

// What one employee (or nobody: employee id '') did over some span: the raw material of Figures. Conversations
// are kept as 64-bit hashes of their ids so that tallies of several days can be merged and still count each
// conversation once; durations are business seconds. A tally is what the rollup table stores per local day.
struct Tally {
    int replies = 0;
    int notes = 0;
    int postsDrafted = 0;
    int postsApproved = 0;
    int postsPublished = 0;
    int slaMet = 0;
    int slaMissedAnswered = 0; // answered after the due time
    qint64 likes = 0; // earned by the employee's replies and published posts
    qint64 reposts = 0;
    qint64 repliesReceived = 0;
    int ownPosts = 0; // advocacy: posts on the employee's own linked account
    qint64 ownEngagement = 0; // likes + reposts + replies of those posts
    std::vector<quint64> handled; // replied to or resolved
    std::vector<quint64> resolved;
    std::vector<qint64> firstResponseSecs;
    std::vector<qint64> resolutionSecs;
    std::vector<qint64> slaPendingDue; // unanswered conversations' due times: missed once now is past them

    void merge(const Tally &other);
    bool isEmpty() const;
    // Each conversation once in `handled` and `resolved` (what a stored day keeps: fewer hashes to merge later).
    void compact();

    QByteArray serialize() const;
    // nullopt for a blob that is not a tally of this format.
    static std::optional<Tally> deserialize(const QByteArray &blob);
    // Adds a serialized tally to this one without building it first; false (and nothing added) when the blob is
    // not a tally of this format.
    bool mergeSerialized(const QByteArray &blob);
};

bool operator==(const Tally &a, const Tally &b);

// Where a fact goes: the tally for `employeeId` ('' for nobody) at the instant `atMs` the fact is dated by.
using TallySink = std::function<Tally &(const QString &employeeId, qint64 atMs)>;

// One fact behind the figures, for the drill-down: what it is, whose, when, and about which conversation or post.
struct Fact {
    enum class Kind {
        Reply,
        ReplyEngagement,
        Resolution,
        FirstResponse,
        Note,
        PostDrafted,
        PostApproved,
        PostPublished,
        OwnPost
    };
    enum class Sla { None, Met, Late, Pending };
    Kind kind = Kind::Reply;
    QString employeeId; // '' for nobody
    qint64 atMs = 0;
    QString conversationId;
    QString subjectId; // outbox job, item remote id, post id
    std::optional<qint64> seconds; // business seconds: first response, resolution
    Sla sla = Sla::None;
    qint64 dueMs = 0;
    bool viaOutbox = false;
    qint64 likes = 0, reposts = 0, replies = 0;
};
using FactObserver = std::function<void(const Fact &)>;

// Reads every fact dated in [fromMs, toMs) from the store and its event log into `sink`, and shows each to
// `observer` when there is one. The definitions of the figures (see definitionsText()) are these queries.
Status collectFacts(SqliteDb &db, qint64 fromMs, qint64 toMs, const BusinessHours &hours, const TallySink &sink,
                    const FactObserver &observer = {});

// Open and pending, not-spam conversations assigned to each employee now ('' = unassigned), whatever the range.
Status collectWorkload(SqliteDb &db, const std::function<void(const QString &employeeId, int count)> &row);

// Fills the figures from a tally (distinct conversations, medians, SLA pending due times against `nowMs`).
void fillFigures(Figures &f, Tally tally, int workload, qint64 nowMs);

// Stable 64-bit hash (FNV-1a over UTF-16) of a conversation id.
quint64 conversationHash(const QString &conversationId);

} // namespace metrics
} // namespace sb
