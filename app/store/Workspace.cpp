#include "store/Workspace.h"

#include "store/Schema.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryFile>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace sb {

namespace {
Error workspaceError(ErrorKind kind, const QString &message)
{
    return Error {kind, message, {}};
}
} // namespace

Workspace::~Workspace() = default;

QString Workspace::databasePath() const
{
    return QDir(m_dir).filePath(databaseFileName());
}

Status configureConnection(SqliteDb &db)
{
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA cache_size = -16000"}) {
        if (Status s = db.exec(pragma); !s.ok()) {
            return s;
        }
    }
    return success();
}

Status Workspace::checkDatabaseFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return workspaceError(ErrorKind::NotWritable,
                              QCoreApplication::translate("Workspace", "Cannot read the database file %1: %2")
                                  .arg(path, file.errorString()));
    }
    const QByteArray header = file.read(100);
    if (file.size() == 0) {
        return success(); // an empty file is what SQLite creates; it becomes a new database
    }
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        return workspaceError(ErrorKind::Corrupt,
                              QCoreApplication::translate("Workspace",
                                                          "%1 is not a Switchboard database (the file is corrupt or "
                                                          "of another kind). It was left untouched.")
                                  .arg(path));
    }
    // Read the version through SQLite, not the file header: in WAL mode the newest header may still be in the
    // -wal file. A read-only connection changes nothing on disk.
    SqliteDb probe;
    if (Status s = probe.open(path, SqliteDb::Mode::ReadOnly); !s.ok()) {
        return workspaceError(
            ErrorKind::Corrupt,
            QCoreApplication::translate("Workspace", "%1 cannot be opened: %2. It was left untouched.")
                .arg(path, s.error().message));
    }
    auto check = probe.prepare(QStringLiteral("SELECT (SELECT count(*) FROM sqlite_schema), "
                                              "(SELECT user_version FROM pragma_user_version), "
                                              "(SELECT application_id FROM pragma_application_id)"));
    if (!check.ok() || !check.value().next()) {
        const QString why = check.ok() ? check.value().error().message : check.error().message;
        return workspaceError(
            ErrorKind::Corrupt,
            QCoreApplication::translate("Workspace", "%1 is corrupt (%2). It was left untouched.").arg(path, why));
    }
    const qint64 tables = check.value().int64(0);
    const int userVersion = check.value().integer(1);
    const int applicationId = check.value().integer(2);
    if ((applicationId != schema::kApplicationId && userVersion != 0) || (userVersion == 0 && tables > 0)) {
        return workspaceError(ErrorKind::Corrupt,
                              QCoreApplication::translate("Workspace",
                                                          "%1 is an SQLite database of another application. It was "
                                                          "left untouched.")
                                  .arg(path));
    }
    if (userVersion > schema::latestVersion()) {
        return workspaceError(ErrorKind::TooNew,
                              QCoreApplication::translate("Workspace",
                                                          "%1 was written by a newer version of Switchboard (schema "
                                                          "version %2; this version knows up to %3). Refusing to open "
                                                          "it; update Switchboard.")
                                  .arg(path)
                                  .arg(userVersion)
                                  .arg(schema::latestVersion()));
    }
    return success();
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &dir, OpenMode mode)
{
    QFileInfo dirInfo(dir);
    if (!dirInfo.exists()) {
        if (mode == OpenMode::OpenExisting) {
            return workspaceError(
                ErrorKind::NotFound,
                QCoreApplication::translate("Workspace", "The workspace folder %1 does not exist.").arg(dir));
        }
        if (!QDir().mkpath(dir)) {
            return workspaceError(
                ErrorKind::NotWritable,
                QCoreApplication::translate("Workspace", "Cannot create the workspace folder %1.").arg(dir));
        }
        dirInfo.refresh();
    }
    if (!dirInfo.isDir()) {
        return workspaceError(ErrorKind::Invalid,
                              QCoreApplication::translate("Workspace", "%1 is not a folder.").arg(dir));
    }
    // SQLite needs to create the -wal and -shm files next to the database: probe with a real file.
    {
        QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".write-test-XXXXXX")));
        if (!probe.open()) {
            return workspaceError(
                ErrorKind::NotWritable,
                QCoreApplication::translate("Workspace", "The workspace folder %1 is not writable: %2")
                    .arg(dir, probe.errorString()));
        }
    }

    std::unique_ptr<Workspace> ws(new Workspace);
    ws->m_dir = QDir(dir).absolutePath();
    const QString path = ws->databasePath();
    const bool exists = QFileInfo::exists(path);
    if (!exists && mode == OpenMode::OpenExisting) {
        return workspaceError(ErrorKind::NotFound,
                              QCoreApplication::translate("Workspace",
                                                          "%1 holds no Switchboard workspace (no %2). Run "
                                                          "'switchboard-cli --workspace %1 init' first.")
                                  .arg(dir, databaseFileName()));
    }
    if (exists) {
        if (Status s = checkDatabaseFile(path); !s.ok()) {
            return s.error();
        }
        if (!QFileInfo(path).isWritable()) {
            return workspaceError(
                ErrorKind::NotWritable,
                QCoreApplication::translate("Workspace", "The database file %1 is not writable.").arg(path));
        }
    }

    ws->m_db = std::make_unique<SqliteDb>();
    SqliteDb &db = *ws->m_db;
    if (Status s = db.open(path, SqliteDb::Mode::ReadWriteCreate); !s.ok()) {
        return s.error();
    }
    if (Status s = db.exec("PRAGMA journal_mode = WAL"); !s.ok()) {
        return s.error();
    }
    if (Status s = configureConnection(db); !s.ok()) {
        return s.error();
    }

    const int version = int(db.scalarInt(QStringLiteral("PRAGMA user_version")));
    if (version > 0 && version < schema::latestVersion()) {
        // Keep a consistent copy of the old database before changing its schema.
        QString backup = path + QStringLiteral(".v%1.bak").arg(version);
        if (QFileInfo::exists(backup)) {
            backup = path
                + QStringLiteral(".v%1-%2.bak")
                      .arg(version)
                      .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
        }
        auto stmt = db.prepare(QStringLiteral("VACUUM INTO ?"));
        if (!stmt.ok()) {
            return stmt.error();
        }
        stmt.value().bind(1, backup);
        if (Status s = stmt.value().exec(); !s.ok()) {
            return Error {ErrorKind::Storage,
                          QCoreApplication::translate("Workspace", "Cannot back up %1 before migrating: %2")
                              .arg(path, s.error().message),
                          {}};
        }
        ws->m_backupPath = backup;
        qCInfo(lcStore) << "backed up schema version" << version << "to" << backup;
    }
    if (Status s = schema::migrate(db); !s.ok()) {
        return s.error();
    }
    // The workspace's own identity: keys its secrets in the keychain. Created once, never changed.
    if (Status s = db.exec(QStringLiteral("INSERT OR IGNORE INTO settings(key, value, updated_at) VALUES "
                                          "('workspace_id', lower(hex(randomblob(16))), %1)")
                               .arg(QDateTime::currentMSecsSinceEpoch()));
        !s.ok()) {
        return s.error();
    }
    return ws;
}

QString Workspace::id()
{
    return m_db->scalarText(QStringLiteral("SELECT value FROM settings WHERE key = 'workspace_id'"));
}

Result<std::unique_ptr<SqliteDb>> Workspace::openReader() const
{
    auto reader = std::make_unique<SqliteDb>();
    if (Status s = reader->open(databasePath(), SqliteDb::Mode::ReadOnly); !s.ok()) {
        return s.error();
    }
    if (Status s = configureConnection(*reader); !s.ok()) {
        return s.error();
    }
    return reader;
}

} // namespace sb
