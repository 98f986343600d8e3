#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;

namespace sb::team {

// One text value of a PostgreSQL result, or NULL.
using PgValue = std::optional<QString>;
using PgRow = std::vector<PgValue>;

struct PgResult {
    QStringList columns;
    std::vector<PgRow> rows;
    qint64 affected = 0; // rows changed by INSERT/UPDATE/DELETE

    int column(const QString &name) const { return int(columns.indexOf(name)); }
};

// A PostgreSQL error keeps its SQLSTATE: 42501 insufficient_privilege (also row-level security), 23505 unique
// violation, 40001/40P01 serialization failure/deadlock, 08xxx connection trouble.
struct PgError {
    QString sqlState;
    QString message;
    bool connectionLost = false;
};

// A blocking libpq connection. Not thread-safe: one per thread. Parameters travel as text (values as QString or
// NULL), results come back as text: the shared schema keeps every value as text, bigint or double precision.
class PgConnection {
public:
    PgConnection();
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // conninfo: a URL or key=value string. Adds TCP keepalives (a dead peer is noticed within about 20 s), a
    // connect timeout and application_name; password (may be empty) is passed apart from the URL.
    Status open(const QString &conninfo, const QString &password, const QString &applicationName);
    void close();
    bool isOpen() const;
    // True while the server answers (checks the socket's state after the last command).
    bool isHealthy() const;

    Result<PgResult> exec(const QString &sql, const std::vector<PgValue> &params = {});
    // exec() that keeps the PostgreSQL error's SQLSTATE (for callers that branch on it).
    std::optional<PgError> execChecked(const QString &sql, const std::vector<PgValue> &params, PgResult *out);
    Status execScript(const QString &sql); // several statements, no parameters

    // LISTEN support: the socket to watch, and the channel names of notifications received so far.
    int socket() const;
    QStringList takeNotifications();

    QString userName() const;
    // The backend's process id (pg_stat_activity.pid).
    int backendPid() const;

    // Removes the password from a URL or key=value string (for settings and messages).
    static QString withoutPassword(const QString &conninfo);
    static QString passwordOf(const QString &conninfo);
    static QString userOf(const QString &conninfo);

private:
    pg_conn *m_conn = nullptr;
};

// A message for people from a PgError.
Error toError(const PgError &error);

} // namespace sb::team
