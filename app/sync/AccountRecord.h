#pragma once

#include "core/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace sb {

class SqliteDb;

// The health an account shows in the status bar, the Accounts section and `account list --json`.
namespace Health {
inline const QString Ok = QStringLiteral("ok");
inline const QString Syncing = QStringLiteral("syncing");
inline const QString RateLimited = QStringLiteral("rate_limited");
inline const QString AuthExpired = QStringLiteral("auth_expired");
inline const QString Error = QStringLiteral("error");
inline const QString Paused = QStringLiteral("paused");
} // namespace Health

struct AccountRecord {
    QString id;
    QString network;
    QString handle;
    QString serviceUrl;
    QString remoteId;
    QString credentialRef;
    QString health;
    bool paused = false;
    int backfillDays = 30;
};

struct SyncCursor {
    QString newest;
    QString oldest;
    bool backfillDone = false;
    bool exists = false;
};

// Reads and operational writes of the sync layer (health, progress, identity). These are machine state, not
// people's actions, so they are not events.
namespace AccountStore {
std::vector<AccountRecord> all(SqliteDb &db);
std::optional<AccountRecord> find(SqliteDb &db, const QString &accountId);
SyncCursor cursor(SqliteDb &db, const QString &accountId, const QString &feed);
Status setHealth(SqliteDb &db, const QString &accountId, const QString &health, const QString &detail,
                 qint64 rateLimitedUntilMs);
Status setProgress(SqliteDb &db, const QString &accountId, std::optional<double> progress);
Status setRemoteIdentity(SqliteDb &db, const QString &accountId, const QString &remoteId, const QString &displayName,
                         int maxChars);
Status markSynced(SqliteDb &db, const QString &accountId, qint64 nowMs);
} // namespace AccountStore

} // namespace sb
