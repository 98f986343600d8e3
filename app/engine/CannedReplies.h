#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

namespace sb {

class SqliteDb;

// What a canned reply's {variables} stand for in one conversation, answered by one employee.
struct CannedVariables {
    QString firstName; // the customer's first name, else their handle's user part
    QString name; // the customer's display name, else their handle
    QString handle; // @user@server or user.bsky.social
    QString agent; // the employee who sends
    QString agentFirstName;
    QString account; // the brand account answering
};

struct ExpandedReply {
    QString text;
    QStringList unknown; // {names} that are not variables; they stay in the text for the person to fix
};

// {first_name}, {name}, {handle}, {agent}, {agent_first_name}, {account}; "{{" writes a literal "{".
QStringList cannedVariableNames();
ExpandedReply expandCannedReply(const QString &body, const CannedVariables &variables);
Result<CannedVariables> cannedVariables(SqliteDb &db, const QString &conversationId, const QString &employeeId);

} // namespace sb
