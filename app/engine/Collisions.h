#pragma once

#include "core/Result.h"

#include <QString>

#include <vector>

namespace sb {

class Clock;
class SqliteDb;

// Who else is on a conversation right now, per process (a "session"): so that two people, in two windows or on
// two workstations, do not answer the same customer. Presence rows are local and short-lived (no event: nothing
// happened to the conversation); a session that stops touching its row is gone after kPresenceFreshMs. Processes
// compare these times with each other, so callers pass the wall clock (SystemClock), not a simulated one.
namespace presence {

constexpr qint64 kPresenceFreshMs = 60'000;
constexpr qint64 kPresenceHeartbeatMs = 20'000;

Status touch(SqliteDb &db, const Clock &clock, const QString &session, const QString &employeeId,
             const QString &conversationId, bool composing);
// Leaves one conversation, or every one of the session when conversationId is empty.
Status leave(SqliteDb &db, const QString &session, const QString &conversationId = {});

struct Viewer {
    QString employeeId;
    QString employeeName;
    bool composing = false;
};
// The other sessions looking at the conversation (another process, or another window of the same person).
std::vector<Viewer> viewers(SqliteDb &db, const Clock &clock, const QString &conversationId, const QString &session);

} // namespace presence

// What stands between a reply and the customer: somebody else answered since the customer last wrote, has a reply
// on its way or awaiting approval, or is looking at the conversation right now (`wallClock` for presence).
struct ReplyCollision {
    enum class Kind { Replied, Sending, AwaitingApproval, Composing, Viewing };
    Kind kind = Kind::Viewing;
    QString who; // an employee's name; empty: written outside Switchboard
    qint64 at = 0;
    QString text;
};

Result<std::vector<ReplyCollision>> replyCollisions(SqliteDb &db, const Clock &wallClock, const QString &conversationId,
                                                    const QString &employeeId, const QString &session);

// One line per collision, for the composer's question and the CLI's refusal.
QString describeCollision(const ReplyCollision &collision);

} // namespace sb
