#pragma once

#include "cli/CliArgs.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace sb::cli {

class Context;

// One command of switchboard-cli: its words, what it accepts, and the function that runs it. The dispatcher checks
// options and positional counts before run() is called, so handlers only validate values.
struct CommandSpec {
    QStringList words; // {"inbox", "list"}
    QString synopsis; // after "switchboard-cli [--workspace DIR] "
    std::vector<OptionDef> options; // besides the global ones
    QStringList positionals; // names of required positionals, for "missing argument" messages
    bool variadic = false; // the last positional takes the remaining words
    int (*run)(Context &) = nullptr;
};

const std::vector<CommandSpec> &commands();
QString usageLine(const CommandSpec &command);

int runInit(Context &ctx);
int runDemo(Context &ctx);
int runAccountList(Context &ctx);
int runEmployeeList(Context &ctx);
int runEmployeeAdd(Context &ctx);
int runInboxList(Context &ctx);
int runInboxShow(Context &ctx);
int runInboxAssign(Context &ctx);
int runInboxStatus(Context &ctx);
int runInboxNote(Context &ctx);
int runAccountAdd(Context &ctx);
int runSync(Context &ctx);
int runServe(Context &ctx);
int runReply(Context &ctx);
int runReportEngagement(Context &ctx);
int runPostNew(Context &ctx);
int runPostList(Context &ctx);
int runPostImport(Context &ctx);
int runExportCalendar(Context &ctx);
int runTeamInit(Context &ctx);
int runTeamJoin(Context &ctx);
int runTeamMemberAdd(Context &ctx);
int runTeamStatus(Context &ctx);
// After any command in a team workspace: pushes this workstation's waiting changes (quietly; offline they wait).
void shareWithTeam(Context &ctx);

} // namespace sb::cli
