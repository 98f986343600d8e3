#pragma once

#include "core/Result.h"

#include <QString>

#include <vector>

namespace sb {

class SqliteDb;

// Something a colleague (or a routing rule) did that the employee should hear about at once: a conversation
// assigned to them, or a note that @mentions them. Read from the event log, so it works across processes and,
// in team mode, across workstations.
struct Notification {
    enum class Kind { Assigned, Mentioned };
    qint64 seq = 0; // the event's; the next call asks for what came after the last one seen
    Kind kind = Kind::Assigned;
    QString conversationId;
    QString by; // the colleague's name, or the rule's
    QString customer; // the conversation's author
    QString text; // the note, or the conversation's latest message
};

qint64 latestEventSeq(SqliteDb &db);
Result<std::vector<Notification>> notificationsSince(SqliteDb &db, const QString &employeeId, qint64 afterSeq,
                                                     int limit = 20);

} // namespace sb
