#include "models/WorkspaceContext.h"

#include "core/Clock.h"
#include "core/Ids.h"
#include "engine/Collisions.h"
#include "engine/Engine.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncThread.h"

#include <QUuid>

namespace sb::models {

WorkspaceContext::WorkspaceContext(std::unique_ptr<Workspace> workspace, QObject *parent)
    : WorkspaceContext(std::move(workspace), SystemClock::instance(), RandomIdSource::instance(), parent)
{
}

WorkspaceContext::WorkspaceContext(std::unique_ptr<Workspace> workspace, const Clock &clock, IdSource &ids,
                                   QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_clock(clock),
      m_sessionId(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_engine = std::make_unique<Engine>(m_workspace->db(), clock, ids);
    auto reader = m_workspace->openReader();
    m_reader = reader.ok() ? std::move(reader).value() : nullptr;
    Statement &first = m_workspace->db().cached(
        "SELECT id FROM employees WHERE active = 1 ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'manager' THEN 1 "
        "ELSE 2 END, name LIMIT 1");
    if (first.next()) {
        m_employeeId = first.text(0);
    }
    first.reset();
    // In a team the workstation is its PostgreSQL login's employee (the database holds it to that role).
    if (const QString teamEmployee = WorkspaceSettings::value(m_workspace->db(), QStringLiteral("team_employee"));
        !teamEmployee.isEmpty()) {
        m_employeeId = teamEmployee;
    }
}

WorkspaceContext::~WorkspaceContext()
{
    (void)presence::leave(m_workspace->db(), m_sessionId); // a crashed process's rows simply go stale
}

SqliteDb &WorkspaceContext::reader()
{
    // Without a separate reader (it failed to open) the writer serves reads: correct, only not isolated.
    return m_reader ? *m_reader : m_workspace->db();
}

QString WorkspaceContext::currentEmployeeName() const
{
    Statement &st = m_workspace->db().cached("SELECT name FROM employees WHERE id = ?");
    st.bind(1, m_employeeId);
    QString name = st.next() ? st.text(0) : QString();
    st.reset();
    return name;
}

void WorkspaceContext::setCurrentEmployee(const QString &employeeId)
{
    if (employeeId == m_employeeId) {
        return;
    }
    m_employeeId = employeeId;
    emit currentEmployeeChanged(employeeId);
}

bool WorkspaceContext::report(const Status &status)
{
    if (status.ok()) {
        return true;
    }
    emit errorOccurred(status.error().message);
    return false;
}

void WorkspaceContext::notifyChanged(const QString &what)
{
    // Models re-read after this: make sure no half-read statement pins the reader to an old snapshot.
    reader().releaseCachedReads();
    emit changed(what);
}

SyncThread *WorkspaceContext::syncThread() const
{
    return m_sync;
}

void WorkspaceContext::setSyncThread(SyncThread *sync)
{
    if (m_sync == sync) {
        return;
    }
    m_sync = sync;
    emit syncThreadChanged();
}

} // namespace sb::models
