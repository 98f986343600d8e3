#pragma once

#include "core/Result.h"

#include <QStringList>

#include <vector>

namespace sb {
class SqliteDb;
}

namespace sb::team {

// A table that team mode shares through PostgreSQL. Its columns are the local table's (PRAGMA table_info) minus the
// local-only ones; rows are keyed by `key` (a UUID, or the channel-native id for items and cursors).
struct SharedTable {
    QString name;
    QStringList key;
    QStringList localColumns; // never shared (a local rowid, a path in this workstation's cache)
    QList<QStringList> unique; // other unique keys: a row from the team replaces a local row holding one of them
    QString localRows; // SQL condition (on the row's columns) for rows that stay on this workstation
};

struct SharedColumns {
    const SharedTable *table = nullptr;
    QStringList columns; // shared columns, key columns first
    QStringList pgTypes; // bigint, double precision or text, per column
};

// Parents before children, the order rows are applied in.
const std::vector<SharedTable> &sharedTables();
const SharedTable *sharedTable(const QString &name);

// The shared columns of every shared table, read from the workspace's schema.
Result<std::vector<SharedColumns>> sharedColumns(SqliteDb &db);

// PostgreSQL: the schema `sb` (tables, change sequence, tombstones, LISTEN channel, logins, roles, grants and
// row-level security). Run once by `team init`, as the database's owner.
QString pgSchemaSql(const std::vector<SharedColumns> &tables, int localSchemaVersion);

// SQLite: triggers that note every local change to a shared row in team_pending (except while rows from the team
// are applied). Installed when the workspace joins a team, dropped when it leaves.
Status installLocalTriggers(SqliteDb &db, const std::vector<SharedColumns> &tables);
Status dropLocalTriggers(SqliteDb &db);

// The rows of a table that stay on this workstation, as an SQL condition on `prefix`.column (NEW, OLD) or, with an
// empty prefix, on the bare columns. Empty when every row is shared.
QString localRowsCondition(const SharedTable &table, const char *prefix);

// Shared rows changed here and not yet in the team's database.
qint64 pendingChanges(SqliteDb &db);
// Writes a setting that stays on this workstation (team_*: its connection, cursor and state).
Status setLocalSetting(SqliteDb &db, const QString &key, const QString &value);

// A row key as stored in team_pending.row_key and sb.tombstones.row_key: a JSON array of the key's values.
QString rowKeyJson(const QStringList &values);
QStringList rowKeyValues(const QString &json);

// The channel every change is announced on (NOTIFY), and the name every member login belongs to.
inline constexpr char kNotifyChannel[] = "sb_changes";
inline constexpr char kMemberRole[] = "sb_member";

} // namespace sb::team
