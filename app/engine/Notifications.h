#pragma once

#include "core/Result.h"

#include <QString>

#include <vector>

namespace sb {

class SqliteDb;

// Something the employee should hear about at once: a conversation assigned to them by a colleague or a rule, a note
// that @mentions them, their post published, or a post that failed or was missed (its author and everyone who may
// publish, who can act on it). Read from the event log, so it works across processes and, in team mode, across
// workstations.
struct Notification {
    enum class Kind { Assigned, Mentioned, PostPublished, PostFailed, PostMissed };
    qint64 seq = 0; // the event's; the next call asks for what came after the last one seen
    Kind kind = Kind::Assigned;
    QString conversationId;
    QString by; // the colleague's name, or the rule's
    QString customer; // the conversation's author
    QString text; // the note, the conversation's latest message, or the post's text
    QString postId; // for the post kinds
    QString detail; // why a post failed
};

qint64 latestEventSeq(SqliteDb &db);
Result<std::vector<Notification>> notificationsSince(SqliteDb &db, const QString &employeeId, qint64 afterSeq,
                                                     int limit = 20);

} // namespace sb
