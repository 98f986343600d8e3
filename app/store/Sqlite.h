#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

class SqliteDb;

// A prepared statement. Binding is positional (1-based, as in SQLite); text is bound as UTF-8.
class Statement {
public:
    Statement() = default;
    Statement(SqliteDb *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) { }
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, const QString &value); // a null QString binds NULL
    Statement &bind(int index, const QByteArray &value);
    Statement &bind(int index, const char *utf8);
    Statement &bindNull(int index);

    template <typename... Args> Statement &bindAll(const Args &...args)
    {
        int i = 1;
        (bind(i++, args), ...);
        return *this;
    }

    // Steps once: true when a row is available; false when done or on error (see error()).
    bool next();
    // Runs to completion, for statements that return no rows.
    Status exec();
    void reset();
    bool failed() const { return m_failed; }
    Error error() const;

    qint64 int64(int col) const;
    int integer(int col) const { return int(int64(col)); }
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const;

    sqlite3_stmt *handle() const { return m_stmt; }

private:
    SqliteDb *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

// One SQLite connection. Not thread-safe: one per thread, readers use their own (WAL).
class SqliteDb {
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };
    Status open(const QString &path, Mode mode);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    Status exec(const QString &sql);
    Status exec(const char *sql);
    Result<Statement> prepare(const QString &sql);
    // Returns a cached statement, reset and ready to bind. The SQL must be a string literal (keyed by address).
    Statement &cached(const char *sql);

    // Resets cached statements left mid-result (a single-row lookup that was not stepped to the end). Such a
    // statement pins a read snapshot: the connection would keep reading stale data, block checkpoints and fail to
    // start a write transaction after another connection committed. Transactions call this at both ends.
    void releaseCachedReads();

    // Single-value helpers for pragmas and counts. Return the fallback when the query yields no row.
    qint64 scalarInt(const QString &sql, qint64 fallback = 0);
    QString scalarText(const QString &sql);

    qint64 lastInsertRowId() const;
    int changes() const;
    Error lastError() const;
    sqlite3 *handle() const { return m_db; }

    // How many transactions and savepoints (Transaction) rolled back on this connection so far: a cache of rows
    // written inside an enclosing transaction tells from it whether they may be gone.
    quint64 rollbacks() const { return m_rollbacks; }

private:
    friend class Transaction;

    sqlite3 *m_db = nullptr;
    QString m_path;
    quint64 m_rollbacks = 0;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_cache;
};

// BEGIN IMMEDIATE ... COMMIT (or a savepoint when nested), rolled back unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(SqliteDb &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &began() const { return m_began; }
    Status commit();

private:
    static Status begin(SqliteDb &db, bool nested);

    SqliteDb &m_db;
    bool m_nested;
    Status m_began;
    bool m_done = false;
};

} // namespace sb
