#pragma once

#include <QString>
#include <QStringList>

namespace sb {

class SqliteDb;

// @mentions of colleagues in an internal note. "@mia" names the active employee whose first name is Mia when only
// one has it; "@mia.manager", "@mia_manager" and "@MiaManager" name Mia Manager. A customer's handle
// (@anna@shoes.example) is not a mention. Returns employee ids, each once, in the order they are mentioned.
QStringList mentionedEmployees(SqliteDb &db, const QString &text);

// How to mention this employee so that mentionedEmployees() finds exactly them: "@Mia" if the first name is
// unique among active employees, else "@Mia.Manager".
QString mentionFor(SqliteDb &db, const QString &employeeId);

} // namespace sb
