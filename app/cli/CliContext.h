#pragma once

#include "cli/CliArgs.h"
#include "core/Result.h"
#include "engine/Engine.h"

#include <QString>
#include <QTimeZone>

#include <memory>

class QTextStream;

namespace sb {
class SqliteDb;
class Workspace;
} // namespace sb

namespace sb::cli {

struct CommandSpec;

// Exit codes of switchboard-cli.
enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

struct EmployeeRef {
    QString id;
    QString name;
};

// What one invocation shares: the output streams, the chosen workspace and actor, and lookups from the names people
// type (ids, id prefixes, handles, employee names) to row ids. Lookups only read; changes go through engine().
class Context {
public:
    Context(QTextStream &out, QTextStream &err, const CommandSpec &command, const ParsedArgs &args);
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    const ParsedArgs &args() const { return m_args; }
    const CommandSpec &command() const { return m_command; }
    bool json() const { return m_args.has(QStringLiteral("json")); }

    // Prints "switchboard-cli: message" and the command's usage line on stderr; returns ExitUsage.
    int usageError(const QString &message);
    // Prints "switchboard-cli: message" on stderr; returns ExitFailure.
    int fail(const QString &message);
    int fail(const Error &error) { return fail(error.message); }

    QString workspaceDir() const { return m_workspaceDir; }
    Status openWorkspace(bool create = false);
    Workspace &workspace() { return *m_workspace; }
    bool hasWorkspace() const { return m_workspace != nullptr; }
    SqliteDb &db();
    Engine &engine();
    QTimeZone timeZone();

    // The employee who performs state changes: --as, else $SWITCHBOARD_EMPLOYEE, else the first active admin.
    Result<Actor> actor();

    Result<EmployeeRef> resolveEmployee(const QString &idOrName);
    Result<QString> resolveAccount(const QString &idOrHandle);
    // A conversation id, or a unique prefix of at least 8 characters.
    Result<QString> resolveConversation(const QString &idOrPrefix);

private:
    QTextStream &m_out;
    QTextStream &m_err;
    const CommandSpec &m_command;
    const ParsedArgs &m_args;
    QString m_workspaceDir;
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<Engine> m_engine;
    QTimeZone m_zone;
};

// The default workspace folder: $SWITCHBOARD_WORKSPACE, else <per-user data location>/default.
QString defaultWorkspaceDir();
// One line of standard input, trimmed (a secret piped in: never an argument, which `ps` would show).
QString readSecretFromStdin();

} // namespace sb::cli
