#include "sync/AccountRecord.h"

#include "store/Sqlite.h"

namespace sb::AccountStore {

namespace {
const char *const kSelect = "SELECT id, network, handle, service_url, coalesce(remote_id, ''), credential_ref, health, "
                            "sync_paused, backfill_days FROM accounts";

AccountRecord fromRow(const Statement &st)
{
    AccountRecord a;
    a.id = st.text(0);
    a.network = st.text(1);
    a.handle = st.text(2);
    a.serviceUrl = st.text(3);
    a.remoteId = st.text(4);
    a.credentialRef = st.text(5);
    a.health = st.text(6);
    a.paused = st.integer(7) != 0;
    a.backfillDays = st.integer(8);
    return a;
}
} // namespace

std::vector<AccountRecord> all(SqliteDb &db)
{
    std::vector<AccountRecord> out;
    auto st = db.prepare(QString::fromLatin1(kSelect) + QStringLiteral(" WHERE archived = 0 ORDER BY created_at"));
    if (!st.ok()) {
        return out;
    }
    while (st.value().next()) {
        out.push_back(fromRow(st.value()));
    }
    return out;
}

std::optional<AccountRecord> find(SqliteDb &db, const QString &accountId)
{
    auto st = db.prepare(QString::fromLatin1(kSelect) + QStringLiteral(" WHERE id = ?"));
    if (!st.ok()) {
        return std::nullopt;
    }
    st.value().bind(1, accountId);
    if (!st.value().next()) {
        return std::nullopt;
    }
    return fromRow(st.value());
}

SyncCursor cursor(SqliteDb &db, const QString &accountId, const QString &feed)
{
    Statement &st = db.cached("SELECT coalesce(newest, ''), coalesce(oldest, ''), backfill_done FROM sync_cursors "
                              "WHERE account_id = ? AND feed = ?");
    st.bindAll(accountId, feed);
    SyncCursor c;
    if (st.next()) {
        c = {st.text(0), st.text(1), st.integer(2) != 0, true};
    }
    st.reset();
    return c;
}

Status setHealth(SqliteDb &db, const QString &accountId, const QString &health, const QString &detail,
                 qint64 rateLimitedUntilMs)
{
    // Health is machine state: it does not bump updated_at, which marks changes people make to the account
    // (the sync service watches updated_at to notice accounts changed by another process).
    Statement &st = db.cached("UPDATE accounts SET health = ?, health_detail = ?, rate_limited_until = ? WHERE id = ?");
    st.bindAll(health, detail.isEmpty() ? QString() : detail);
    if (rateLimitedUntilMs > 0) {
        st.bind(3, rateLimitedUntilMs);
    } else {
        st.bindNull(3);
    }
    st.bind(4, accountId);
    return st.exec();
}

Status setProgress(SqliteDb &db, const QString &accountId, std::optional<double> progress)
{
    Statement &st = db.cached("UPDATE accounts SET sync_progress = ? WHERE id = ?");
    if (progress) {
        st.bind(1, *progress);
    } else {
        st.bindNull(1);
    }
    st.bind(2, accountId);
    return st.exec();
}

Status setRemoteIdentity(SqliteDb &db, const QString &accountId, const QString &remoteId, const QString &displayName,
                         int maxChars)
{
    Statement &st = db.cached("UPDATE accounts SET remote_id = ?, display_name = coalesce(?, display_name), "
                              "max_chars = coalesce(?, max_chars) WHERE id = ?");
    st.bindAll(remoteId, displayName.isEmpty() ? QString() : displayName);
    if (maxChars > 0) {
        st.bind(3, maxChars);
    } else {
        st.bindNull(3);
    }
    st.bind(4, accountId);
    return st.exec();
}

Status markSynced(SqliteDb &db, const QString &accountId, qint64 nowMs)
{
    Statement &st = db.cached("UPDATE accounts SET last_sync_at = ? WHERE id = ?");
    st.bindAll(nowMs, accountId);
    return st.exec();
}

} // namespace sb::AccountStore
