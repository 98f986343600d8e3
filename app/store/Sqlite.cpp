#include "store/Sqlite.h"

#include <QLoggingCategory>
#include <QStringEncoder>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "switchboard.store")

namespace sb {

namespace {
Error sqliteError(sqlite3 *db, int rc, const QString &context = {})
{
    const int primary = rc & 0xff;
    ErrorKind kind = ErrorKind::Storage;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        kind = ErrorKind::Corrupt;
    } else if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM) {
        kind = ErrorKind::NotWritable;
    } else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        kind = ErrorKind::Conflict;
    } else if (primary == SQLITE_CONSTRAINT) {
        kind = ErrorKind::Duplicate;
    }
    QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    if (!context.isEmpty()) {
        message = context + QStringLiteral(": ") + message;
    }
    return Error {kind, message, {}};
}
} // namespace

Statement::~Statement()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
    }
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_failed(other.m_failed)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt) {
            sqlite3_finalize(m_stmt);
        }
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_failed = other.m_failed;
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull()) {
        return bindNull(index);
    }
    // Encoded straight into a buffer SQLite takes over: one allocation and one pass instead of a QByteArray that
    // SQLite would copy again (text is most of what ingest binds).
    QStringEncoder encoder(QStringEncoder::Utf8, QStringEncoder::Flag::Stateless);
    const qsizetype capacity = encoder.requiredSpace(value.size());
    char *buffer = static_cast<char *>(sqlite3_malloc64(sqlite3_uint64(capacity) + 1));
    if (!buffer) {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                            SQLITE_UTF8);
        return *this;
    }
    char *end = encoder.appendToBuffer(buffer, value);
    sqlite3_bind_text64(m_stmt, index, buffer, sqlite3_uint64(end - buffer), sqlite3_free, SQLITE_UTF8);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    if (value.isNull()) {
        return bindNull(index);
    }
    sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const char *utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    if (!m_stmt) {
        m_failed = true;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    m_failed = rc != SQLITE_DONE;
    if (m_failed) {
        qCWarning(lcStore) << "step failed:" << sqlite3_errmsg(sqlite3_db_handle(m_stmt));
    }
    return false;
}

Status Statement::exec()
{
    while (next()) { }
    if (m_failed) {
        Error e = error();
        reset();
        return e;
    }
    reset();
    return success();
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_failed = false;
}

Error Statement::error() const
{
    if (!m_stmt) {
        return makeError(ErrorKind::Storage, QStringLiteral("statement was not prepared"));
    }
    sqlite3 *db = sqlite3_db_handle(m_stmt);
    return sqliteError(db, sqlite3_extended_errcode(db));
}

qint64 Statement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

double Statement::real(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

QString Statement::text(int col) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!data) {
        return {};
    }
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::blob(int col) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, col)) : QByteArray();
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

SqliteDb::~SqliteDb()
{
    close();
}

Status SqliteDb::open(const QString &path, Mode mode)
{
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, path);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        return e;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 10000);
    m_path = path;
    return success();
}

void SqliteDb::close()
{
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status SqliteDb::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc);
        if (message) {
            e.message = QString::fromUtf8(message);
            sqlite3_free(message);
        }
        return e;
    }
    return success();
}

Status SqliteDb::exec(const QString &sql)
{
    return exec(sql.toUtf8().constData());
}

Result<Statement> SqliteDb::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        return sqliteError(m_db, rc, QStringLiteral("prepare"));
    }
    return Statement(this, stmt);
}

Statement &SqliteDb::cached(const char *sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
        if (rc != SQLITE_OK) {
            qCCritical(lcStore) << "cannot prepare" << sql << sqlite3_errmsg(m_db);
        }
        it = m_cache.emplace(sql, std::make_unique<Statement>(this, stmt)).first;
    }
    it->second->reset();
    return *it->second;
}

void SqliteDb::releaseCachedReads()
{
    for (auto &entry : m_cache) {
        if (entry.second->isValid() && sqlite3_stmt_busy(entry.second->handle())) {
            entry.second->reset();
        }
    }
}

qint64 SqliteDb::scalarInt(const QString &sql, qint64 fallback)
{
    auto stmt = prepare(sql);
    if (!stmt.ok() || !stmt.value().next()) {
        return fallback;
    }
    return stmt.value().int64(0);
}

QString SqliteDb::scalarText(const QString &sql)
{
    auto stmt = prepare(sql);
    if (!stmt.ok() || !stmt.value().next()) {
        return {};
    }
    return stmt.value().text(0);
}

qint64 SqliteDb::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDb::changes() const
{
    return sqlite3_changes(m_db);
}

Error SqliteDb::lastError() const
{
    return sqliteError(m_db, sqlite3_extended_errcode(m_db));
}

// Outside a transaction this takes the write lock at once (BEGIN IMMEDIATE), so the busy handler can wait for
// another writer instead of failing on a lock upgrade; inside one it nests as a savepoint, which lets a caller
// group several engine calls into one atomic unit (the demo generator does).
Transaction::Transaction(SqliteDb &db)
    : m_db(db), m_nested(sqlite3_get_autocommit(db.handle()) == 0), m_began(begin(db, m_nested))
{
}

Status Transaction::begin(SqliteDb &db, bool nested)
{
    if (nested) {
        return db.exec("SAVEPOINT sb_nested");
    }
    db.releaseCachedReads(); // a pinned old snapshot would make BEGIN IMMEDIATE fail with SQLITE_BUSY_SNAPSHOT
    return db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_began.ok() && !m_done) {
        ++m_db.m_rollbacks;
        if (m_nested) {
            (void)m_db.exec("ROLLBACK TO sb_nested");
            (void)m_db.exec("RELEASE sb_nested");
        } else {
            (void)m_db.exec("ROLLBACK");
            m_db.releaseCachedReads();
        }
    }
}

Status Transaction::commit()
{
    if (!m_began.ok()) {
        return m_began.error();
    }
    Status s = m_db.exec(m_nested ? "RELEASE sb_nested" : "COMMIT");
    if (s.ok()) {
        m_done = true;
        if (!m_nested) {
            m_db.releaseCachedReads();
        }
    }
    return s;
}

} // namespace sb
