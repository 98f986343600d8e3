#pragma once

#include "core/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace sb {
class Clock;
class Engine;
class IdSource;
class SqliteDb;
class SyncThread;
class Workspace;
} // namespace sb

namespace sb::models {

// What every section of the GUI shares: the open workspace, the engine for state changes, a read connection for
// models, and who is signed in. Sections call engine() for changes and then notifyChanged(), so every view
// refreshes from the store.
class WorkspaceContext final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceContext)
public:
    // Takes ownership of the workspace. clock/ids default to the system clock and random UUIDs.
    explicit WorkspaceContext(std::unique_ptr<Workspace> workspace, QObject *parent = nullptr);
    WorkspaceContext(std::unique_ptr<Workspace> workspace, const Clock &clock, IdSource &ids,
                     QObject *parent = nullptr);
    ~WorkspaceContext() override;

    Workspace &workspace() { return *m_workspace; }
    Engine &engine() { return *m_engine; }
    // Read-only connection for models and queries on the GUI thread (WAL: never waits on the writer).
    SqliteDb &reader();
    const Clock &clock() const { return m_clock; }

    QString currentEmployeeId() const { return m_employeeId; }
    // This window's session, as other processes see it in the presence table (see engine/Collisions.h).
    QString sessionId() const { return m_sessionId; }
    QString currentEmployeeName() const;
    void setCurrentEmployee(const QString &employeeId);

    // Surfaces an engine error to the user interface (status bar message) and returns whether it succeeded.
    bool report(const Status &status);

    void notifyChanged(const QString &what = {});

    // The sync engine and account setup, when a window hosts them (the main window does); null otherwise.
    SyncThread *syncThread() const;
    void setSyncThread(SyncThread *sync);

signals:
    void changed(const QString &what);
    void currentEmployeeChanged(const QString &employeeId);
    void errorOccurred(const QString &message);
    void syncThreadChanged();

private:
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<SqliteDb> m_reader;
    std::unique_ptr<Engine> m_engine;
    const Clock &m_clock;
    QString m_employeeId;
    QString m_sessionId;
    QPointer<SyncThread> m_sync;
};

} // namespace sb::models
