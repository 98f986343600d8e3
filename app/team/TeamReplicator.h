#pragma once

#include "core/Result.h"
#include "team/Pg.h"
#include "team/TeamSchema.h"

#include <QHash>
#include <QString>
#include <QVariantMap>

#include <map>
#include <memory>
#include <vector>

namespace sb {
class SearchTermWriter;
class SqliteDb;
class Statement;
} // namespace sb

namespace sb::team {

// Moves shared rows between the workspace's SQLite cache and the team's PostgreSQL, on the caller's thread and
// connections (blocking; see TeamLink for when it runs).
//
// Up (push): team_pending lists what changed here since it was last shared. A new row is inserted; a changed
// column is written when the team's value is still the one this workstation last saw (`base`); when someone else
// changed it meanwhile, the first change to reach the team stays, this workstation takes it, and a `team_conflict`
// event records both values. A row PostgreSQL refuses (row-level security: a contributor approving) is taken back
// from the team and leaves a `team_refused` event. Down (pull): every row whose change number (_seq) is above this
// workstation's cursor, in one snapshot, applied in one SQLite transaction with the cursor; columns with a local
// change not shared yet keep it.
class TeamReplicator {
public:
    TeamReplicator(SqliteDb &db, PgConnection &pg, QString workstationId, std::vector<SharedColumns> tables);
    ~TeamReplicator();
    TeamReplicator(const TeamReplicator &) = delete;
    TeamReplicator &operator=(const TeamReplicator &) = delete;

    struct PushOutcome {
        int rows = 0;
        int conflicts = 0;
        int refused = 0;
        int duplicates = 0; // new rows that another workstation had made first (same natural key): dropped here
    };
    Result<PushOutcome> push(int maxRows = 2'000);
    // Applied rows (and deletions); done when the cursor (setting team_cursor) reached the team's last change.
    Result<int> pull(int window = 5'000);
    // Every shared row of this workspace into the team's database (rows the team has already stay as they are).
    Result<int> uploadAll();

    enum class Claim {
        Claimed, // this workstation sends it; the job's row was brought up to date from the team
        Taken, // another workstation holds it, or it is finished
        NotShared, // the team does not have this job (not pushed yet, or a duplicate of another's)
        Refused, // this login may not publish
    };
    // Claims an outbox job for leaseMs (SELECT ... FOR UPDATE SKIP LOCKED): only one workstation sends a job.
    Result<Claim> claimJob(const QString &jobId, qint64 leaseMs);

private:
    struct Pending;
    // BEGIN on the team's connection, with this workstation named as the origin of what it writes.
    Status begin();
    const SharedColumns *columnsOf(const QString &table) const;
    Status applyRow(const SharedColumns &t, const PgRow &row);
    Status deleteLocal(const SharedColumns &t, const QStringList &key);
    Status deleteLocalPending(const SharedColumns &t, const QStringList &key);
    Status applyItem(const SharedColumns &t, const PgRow &row, const QStringList &excluded);
    Status recordEvent(const QString &action, const SharedColumns &t, const QStringList &key,
                       const QVariantMap &details);
    Result<std::optional<PgRow>> teamRow(const SharedColumns &t, const QStringList &key, bool forUpdate);
    Result<std::optional<PgRow>> localRow(const SharedColumns &t, const QStringList &key);
    Statement &statement(const QString &sql);

    SqliteDb &m_db;
    PgConnection &m_pg;
    QString m_workstation;
    std::vector<SharedColumns> m_tables;
    std::map<QString, std::unique_ptr<Statement>> m_statements;
    std::unique_ptr<SearchTermWriter> m_terms;
};

} // namespace sb::team
