#pragma once

#include "core/BusinessHours.h"

#include <QString>

namespace sb {

class SqliteDb;

// Typed reads of the workspace-wide settings (shared with the team, stored in the database). Writes go through
// Engine::setSetting / setBusinessHours so they are logged. Per-user preferences live in QSettings instead.
namespace WorkspaceSettings {

QString value(SqliteDb &db, const QString &key, const QString &fallback = {});
QString workspaceName(SqliteDb &db);
QString timeZoneId(SqliteDb &db);
BusinessHours businessHours(SqliteDb &db);

} // namespace WorkspaceSettings
} // namespace sb
