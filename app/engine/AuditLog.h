#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QIODevice;
class QTimeZone;

namespace sb {

class SqliteDb;

// Which events a manager reviews. Empty fields do not filter.
struct AuditFilter {
    QString employeeId; // events done by this employee
    QString action; // "assigned", "post_edited", ...
    QString subjectType; // "conversation", "post", ...
    QString text; // found in the details, the subject's id or the subject's name (case-insensitive for ASCII)
    std::optional<qint64> fromMs; // at >= fromMs
    std::optional<qint64> toMs; // at < toMs
    int limit = 200;
    qint64 beforeSeq = 0; // the next page: events recorded before this one; 0 starts at the newest
};

struct AuditEntry {
    qint64 seq = 0;
    QString id;
    qint64 atMs = 0;
    QString actorKind; // employee, rule or system
    QString actorId;
    QString actorName; // the employee's or the rule's name, "System" for the system
    QString action;
    QString subjectType;
    QString subjectId;
    QString subjectName; // an employee's or team's name, an account's handle, a conversation's customer; may be empty
    QString conversationId;
    QString details; // the JSON object as stored
};

// Ids of employees, teams, accounts, routing rules and campaigns to what people call them, so details that name
// them by id read as names.
using AuditNames = QHash<QString, QString>;

// Newest first, in the order this workstation recorded them (seq); page on with beforeSeq = the last entry's seq.
// Reads at most a page's worth of rows whatever the filter: a selective filter goes through its index, a broad one
// walks the log backwards from the cursor.
Result<std::vector<AuditEntry>> auditLog(SqliteDb &db, const AuditFilter &filter);
// The actions and subject types present in the log, sorted; each found with one index seek per value.
Result<QStringList> auditActions(SqliteDb &db);
Result<QStringList> auditSubjectTypes(SqliteDb &db);
AuditNames auditNames(SqliteDb &db);

// For people (translated): "Assigned", "Post edited"; unknown actions read as their words.
QString auditActionLabel(const QString &action);
QString auditSubjectTypeLabel(const QString &subjectType);
// The details as one line: "from Alice Aalto to Bob Berg", "tag: vip", "length: 42".
QString auditDetailsSummary(const AuditEntry &entry, const AuditNames &names);

// Every event the filter matches (limit and beforeSeq are ignored), newest first, as CSV (RFC 4180, UTF-8) with
// times in the given zone.
Status exportAuditCsv(SqliteDb &db, const AuditFilter &filter, const QTimeZone &zone, QIODevice &out);

} // namespace sb
