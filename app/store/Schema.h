#pragma once

#include "core/Result.h"

namespace sb {

class SqliteDb;

namespace schema {

// "SWBD" in the SQLite header's application_id field: tells our files from other SQLite databases.
constexpr int kApplicationId = 0x53574244;

int latestVersion();

// Migrates an open database from its user_version up to `target` (latestVersion() by default). Each step runs in its
// own transaction and bumps user_version inside it, so an interrupted migration resumes at the failed step.
Status migrate(SqliteDb &db, int target = -1);

} // namespace schema
} // namespace sb
