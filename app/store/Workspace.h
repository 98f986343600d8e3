#pragma once

#include "core/Result.h"

#include <QString>

#include <memory>

namespace sb {

class SqliteDb;

// A workspace is a folder holding switchboard.db. Opening validates the file before touching it: a corrupt file,
// a foreign SQLite file or one written by a newer Switchboard is refused and left byte-for-byte as it was.
class Workspace {
public:
    enum class OpenMode { OpenExisting, CreateIfMissing };

    static QString databaseFileName() { return QStringLiteral("switchboard.db"); }

    static Result<std::unique_ptr<Workspace>> open(const QString &dir, OpenMode mode);
    ~Workspace();

    QString dir() const { return m_dir; }
    QString databasePath() const;
    // Path of the copy taken before the last migration, empty when none was needed.
    QString lastBackupPath() const { return m_backupPath; }
    // Stable identity of this workspace (keys its secrets in the keychain).
    QString id();

    // The writer connection (engine, ingest). Lives on the thread that opened the workspace.
    SqliteDb &db() { return *m_db; }
    // A fresh read connection for another thread or a model (WAL readers never wait on the writer).
    Result<std::unique_ptr<SqliteDb>> openReader() const;

    // Validates a database file without writing to it. Used by open() and by tests.
    static Status checkDatabaseFile(const QString &path);

private:
    Workspace() = default;
    QString m_dir;
    QString m_backupPath;
    std::unique_ptr<SqliteDb> m_db;
};

Status configureConnection(SqliteDb &db);

} // namespace sb
