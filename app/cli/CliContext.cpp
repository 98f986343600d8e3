#include "cli/CliContext.h"

#include "cli/CliCommands.h"
#include "cli/CliText.h"
#include "core/Clock.h"
#include "core/Ids.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "store/WorkspaceSettings.h"

#include <QDir>
#include <QStandardPaths>
#include <QTextStream>

namespace sb::cli {

QString defaultWorkspaceDir()
{
    const QString fromEnv = qEnvironmentVariable("SWITCHBOARD_WORKSPACE");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("default"));
}

Context::Context(QTextStream &out, QTextStream &err, const CommandSpec &command, const ParsedArgs &args)
    : m_out(out), m_err(err), m_command(command), m_args(args)
{
    m_workspaceDir
        = args.has(QStringLiteral("workspace")) ? args.value(QStringLiteral("workspace")) : defaultWorkspaceDir();
}

Context::~Context() = default;

int Context::usageError(const QString &message)
{
    m_err << "switchboard-cli: " << message << '\n' << usageLine(m_command) << '\n';
    return ExitUsage;
}

int Context::fail(const QString &message)
{
    m_err << "switchboard-cli: " << message << '\n';
    return ExitFailure;
}

Status Context::openWorkspace(bool create)
{
    if (m_workspaceDir.isEmpty()) {
        return makeError(ErrorKind::Invalid, CliText::tr("The workspace folder name is empty."));
    }
    auto ws = Workspace::open(m_workspaceDir,
                              create ? Workspace::OpenMode::CreateIfMissing : Workspace::OpenMode::OpenExisting);
    SB_TRY(ws);
    m_workspace = std::move(ws).value();
    return success();
}

SqliteDb &Context::db()
{
    return m_workspace->db();
}

Engine &Context::engine()
{
    if (!m_engine) {
        m_engine = std::make_unique<Engine>(db(), SystemClock::instance(), RandomIdSource::instance());
    }
    return *m_engine;
}

QTimeZone Context::timeZone()
{
    if (!m_zone.isValid()) {
        m_zone = QTimeZone(WorkspaceSettings::timeZoneId(db()).toUtf8());
        if (!m_zone.isValid()) {
            m_zone = QTimeZone::utc();
        }
    }
    return m_zone;
}

Result<Actor> Context::actor()
{
    QString who = m_args.value(QStringLiteral("as"));
    if (who.isEmpty()) {
        who = qEnvironmentVariable("SWITCHBOARD_EMPLOYEE");
    }
    if (!who.isEmpty()) {
        auto employee = resolveEmployee(who);
        SB_TRY(employee);
        return Actor::employee(employee.value().id);
    }
    // In a team this workstation acts as its login's employee (and PostgreSQL holds it to that role).
    if (const QString teamEmployee = WorkspaceSettings::value(db(), QStringLiteral("team_employee"));
        !teamEmployee.isEmpty()) {
        return Actor::employee(teamEmployee);
    }
    auto st = db().prepare(QStringLiteral("SELECT id FROM employees WHERE role = 'admin' AND active = 1 "
                                          "ORDER BY created_at, rowid LIMIT 1"));
    SB_TRY(st);
    if (!st.value().next()) {
        if (st.value().failed()) {
            return st.value().error();
        }
        return makeError(ErrorKind::NotFound,
                         CliText::tr("The workspace has no active admin to act as; pass --as EMPLOYEE or run init."));
    }
    return Actor::employee(st.value().text(0));
}

Result<EmployeeRef> Context::resolveEmployee(const QString &idOrName)
{
    const QString wanted = idOrName.trimmed();
    auto st = db().prepare(QStringLiteral("SELECT id, name FROM employees ORDER BY created_at, rowid"));
    SB_TRY(st);
    std::vector<EmployeeRef> byName;
    std::vector<EmployeeRef> byPrefix;
    while (st.value().next()) {
        EmployeeRef e {st.value().text(0), st.value().text(1)};
        if (e.id == wanted) {
            return e;
        }
        if (e.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0) {
            byName.push_back(e);
        } else if (wanted.size() >= 8 && e.id.startsWith(wanted, Qt::CaseInsensitive)) {
            byPrefix.push_back(e);
        }
    }
    if (st.value().failed()) {
        return st.value().error();
    }
    const auto &matches = byName.empty() ? byPrefix : byName;
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.empty()) {
        return makeError(ErrorKind::NotFound, CliText::tr("No employee with the id or name \"%1\".").arg(wanted));
    }
    QStringList ids;
    for (const EmployeeRef &e : matches) {
        ids << e.id;
    }
    return makeError(
        ErrorKind::Conflict,
        CliText::tr("\"%1\" matches several employees (%2); use the id.").arg(wanted, ids.join(QStringLiteral(", "))));
}

Result<QString> Context::resolveAccount(const QString &idOrHandle)
{
    QString wanted = idOrHandle.trimmed();
    auto st = db().prepare(QStringLiteral("SELECT id, handle, network FROM accounts ORDER BY created_at, rowid"));
    SB_TRY(st);
    auto bare = [](QString handle) { return handle.startsWith(QLatin1Char('@')) ? handle.mid(1) : handle; };
    QStringList matches;
    while (st.value().next()) {
        const QString id = st.value().text(0);
        if (id == wanted) {
            return id;
        }
        if (bare(st.value().text(1)).compare(bare(wanted), Qt::CaseInsensitive) == 0) {
            matches << id;
        }
    }
    if (st.value().failed()) {
        return st.value().error();
    }
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.empty()) {
        return makeError(ErrorKind::NotFound, CliText::tr("No account with the id or handle \"%1\".").arg(wanted));
    }
    return makeError(ErrorKind::Conflict,
                     CliText::tr("\"%1\" matches several accounts (%2); use the id.")
                         .arg(wanted, matches.join(QStringLiteral(", "))));
}

Result<QString> Context::resolveConversation(const QString &idOrPrefix)
{
    const QString wanted = idOrPrefix.trimmed();
    if (wanted.isEmpty()) {
        return makeError(ErrorKind::NotFound, CliText::tr("No conversation with an empty id."));
    }
    {
        auto st = db().prepare(QStringLiteral("SELECT id FROM conversations WHERE id = ?"));
        SB_TRY(st);
        st.value().bind(1, wanted);
        if (st.value().next()) {
            return st.value().text(0);
        }
        if (st.value().failed()) {
            return st.value().error();
        }
    }
    if (wanted.size() < 8) {
        return makeError(
            ErrorKind::NotFound,
            CliText::tr("No conversation with the id %1 (a prefix needs at least 8 characters).").arg(wanted));
    }
    // Ids are lowercase UUIDs: a range scan on the primary key finds every id starting with the prefix.
    const QString prefix = wanted.toLower();
    QString upper = prefix;
    upper.back() = QChar(upper.back().unicode() + 1);
    auto st = db().prepare(QStringLiteral("SELECT id FROM conversations WHERE id >= ? AND id < ? ORDER BY id LIMIT 3"));
    SB_TRY(st);
    st.value().bindAll(prefix, upper);
    QStringList matches;
    while (st.value().next()) {
        matches << st.value().text(0);
    }
    if (st.value().failed()) {
        return st.value().error();
    }
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.isEmpty()) {
        return makeError(ErrorKind::NotFound, CliText::tr("No conversation with the id %1.").arg(wanted));
    }
    return makeError(ErrorKind::Conflict,
                     CliText::tr("The id prefix %1 matches several conversations (%2); type "
                                 "more of the id.")
                         .arg(wanted, matches.join(QStringLiteral(", "))));
}

} // namespace sb::cli
