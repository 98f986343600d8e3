#include "cli/Cli.h"

#include "cli/CliArgs.h"
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliText.h"

#include <QCoreApplication>
#include <QTextStream>

namespace sb::cli {

namespace {
const std::vector<OptionDef> &globalOptions()
{
    static const std::vector<OptionDef> options {{QStringLiteral("workspace"), true},
                                                 {QStringLiteral("as"), true},
                                                 {QStringLiteral("help"), false},
                                                 {QStringLiteral("version"), false}};
    return options;
}

OptionDef flag(const char *name)
{
    return {QString::fromLatin1(name), false};
}

OptionDef valued(const char *name)
{
    return {QString::fromLatin1(name), true};
}

QString programUsage()
{
    return QStringLiteral("usage: switchboard-cli [--workspace DIR] [--as EMPLOYEE] COMMAND [ARGS]");
}

void printHelp(QTextStream &out)
{
    out << programUsage() << "\n\n" << CliText::tr("Commands:") << '\n';
    for (const CommandSpec &command : commands()) {
        out << "  " << command.synopsis << '\n';
    }
    out << '\n'
        << CliText::tr("Global options:") << '\n'
        << "  --workspace DIR  "
        << CliText::tr("the workspace folder (default: $SWITCHBOARD_WORKSPACE, else %1)")
               .arg(defaultWorkspaceDir().isEmpty() ? QStringLiteral("-") : QStringLiteral("<data folder>/default"))
        << '\n'
        << "  --as EMPLOYEE    "
        << CliText::tr("who makes the changes (default: $SWITCHBOARD_EMPLOYEE, else the first admin)") << '\n'
        << "  --help, --version\n\n"
        << CliText::tr("ID is a conversation id or a unique prefix of it (8 characters or more). EMPLOYEE is an "
                       "employee's id or name (\"none\" unassigns), ACCOUNT an account's id or handle. Times are ISO "
                       "8601; without an offset they are read in the workspace's time zone.")
        << '\n'
        << CliText::tr("Exit status: 0 success, 1 failure, 2 usage error. --json prints JSON on stdout.") << '\n';
}

void printCommandHelp(QTextStream &out, const CommandSpec &command)
{
    out << usageLine(command) << '\n';
}

const CommandSpec *findCommand(const QStringList &words)
{
    for (const CommandSpec &command : commands()) {
        if (command.words == words) {
            return &command;
        }
    }
    return nullptr;
}

bool isGroup(const QString &word)
{
    for (const CommandSpec &command : commands()) {
        if (command.words.size() > 1 && command.words.front() == word) {
            return true;
        }
    }
    return false;
}

QString groupUsage(const QString &group)
{
    QStringList lines;
    for (const CommandSpec &command : commands()) {
        if (command.words.front() == group) {
            lines << usageLine(command);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

int usageError(QTextStream &err, const QString &message, const QString &usage)
{
    err << "switchboard-cli: " << message << '\n' << usage << '\n';
    return ExitUsage;
}
} // namespace

const std::vector<CommandSpec> &commands()
{
    static const std::vector<CommandSpec> list {
        {{QStringLiteral("init")},
         QStringLiteral("init [--name NAME] [--admin NAME] [--time-zone ZONE]"),
         {valued("name"), valued("admin"), valued("time-zone")},
         {},
         false,
         runInit},
        {{QStringLiteral("demo")},
         QStringLiteral("demo [--size small|large|N] [--seed S] [--anchor YYYY-MM-DD] [--json]"),
         {valued("size"), valued("seed"), valued("anchor"), flag("json")},
         {},
         false,
         runDemo},
        {{QStringLiteral("account"), QStringLiteral("list")},
         QStringLiteral("account list [--json]"),
         {flag("json")},
         {},
         false,
         runAccountList},
        {{QStringLiteral("account"), QStringLiteral("add")},
         QStringLiteral(
             "account add mastodon --instance URL (--token-env VAR | --token-stdin) [--name N] "
             "[--backfill-days N] [--json]\n"
             "  account add bluesky --service URL --handle H (--app-password-env VAR | --app-password-stdin) "
             "[--name N] [--backfill-days N] [--json]"),
         {valued("instance"), valued("token-env"), flag("token-stdin"), valued("service"), valued("handle"),
          valued("app-password-env"), flag("app-password-stdin"), valued("name"), valued("backfill-days"),
          flag("json")},
         {QStringLiteral("NETWORK")},
         false,
         runAccountAdd},
        {{QStringLiteral("sync")},
         QStringLiteral("sync [--once] [--account ACCOUNT]"),
         {flag("once"), valued("account")},
         {},
         false,
         runSync},
        {{QStringLiteral("team"), QStringLiteral("init")},
         QStringLiteral("team init --pg URL [--password-env VAR | --password-stdin] [--json]   (as the database's "
                        "owner)"),
         {valued("pg"), valued("password-env"), flag("password-stdin"), flag("json")},
         {},
         false,
         runTeamInit},
        {{QStringLiteral("team"), QStringLiteral("join")},
         QStringLiteral("team join --pg URL [--password-env VAR | --password-stdin] [--json]"),
         {valued("pg"), valued("password-env"), flag("password-stdin"), flag("json")},
         {},
         false,
         runTeamJoin},
        {{QStringLiteral("team"), QStringLiteral("add-member")},
         QStringLiteral("team add-member EMPLOYEE --login NAME (--password-env VAR | --password-stdin) [--json]"),
         {valued("login"), valued("password-env"), flag("password-stdin"), flag("json")},
         {QStringLiteral("EMPLOYEE")},
         false,
         runTeamMemberAdd},
        {{QStringLiteral("team"), QStringLiteral("status")},
         QStringLiteral("team status [--json]"),
         {flag("json")},
         {},
         false,
         runTeamStatus},
        {{QStringLiteral("serve")},
         QStringLiteral("serve [--weekly-report DIR]   (sync, outbox and scheduled posts until SIGTERM)"),
         {valued("weekly-report")},
         {},
         false,
         runServe},
        {{QStringLiteral("reply")},
         QStringLiteral("reply ID --text TEXT [--force] [--json]"),
         {valued("text"), flag("force"), flag("json")},
         {QStringLiteral("ID")},
         false,
         runReply},
        {{QStringLiteral("employee"), QStringLiteral("list")},
         QStringLiteral("employee list [--json]"),
         {flag("json")},
         {},
         false,
         runEmployeeList},
        {{QStringLiteral("employee"), QStringLiteral("add")},
         QStringLiteral("employee add NAME [--role admin|manager|community_manager|contributor] [--email E] [--json]"),
         {valued("role"), valued("email"), flag("json")},
         {QStringLiteral("NAME")},
         false,
         runEmployeeAdd},
        {{QStringLiteral("inbox"), QStringLiteral("list")},
         QStringLiteral("inbox list [--json] [--status S] [--assignee EMPLOYEE|none] [--account ACCOUNT] [--search Q] "
                        "[--limit N]"),
         {flag("json"), valued("status"), valued("assignee"), valued("account"), valued("search"), valued("limit")},
         {},
         false,
         runInboxList},
        {{QStringLiteral("inbox"), QStringLiteral("show")},
         QStringLiteral("inbox show ID [--json]"),
         {flag("json")},
         {QStringLiteral("ID")},
         false,
         runInboxShow},
        {{QStringLiteral("inbox"), QStringLiteral("assign")},
         QStringLiteral("inbox assign ID EMPLOYEE|none [--json]"),
         {flag("json")},
         {QStringLiteral("ID"), QStringLiteral("EMPLOYEE")},
         false,
         runInboxAssign},
        {{QStringLiteral("inbox"), QStringLiteral("status")},
         QStringLiteral("inbox status ID open|pending|snoozed|resolved [--until ISO] [--json]"),
         {valued("until"), flag("json")},
         {QStringLiteral("ID"), QStringLiteral("STATUS")},
         false,
         runInboxStatus},
        {{QStringLiteral("report"), QStringLiteral("engagement")},
         QStringLiteral("report engagement --from DATE --to DATE [--employee EMPLOYEE] --format csv|json"),
         {valued("from"), valued("to"), valued("employee"), valued("format"), flag("json")},
         {},
         false,
         runReportEngagement},
        {{QStringLiteral("post"), QStringLiteral("new")},
         QStringLiteral("post new --account ACCOUNT[,ACCOUNT] --text TEXT [--at YYYY-MM-DDTHH:MM[+HH:MM]] "
                        "[--zone ZONE] [--campaign CAMPAIGN] [--repeat daily|weekly|monthly [--every N] "
                        "(--count N | --until DATE)] [--draft] [--json]"),
         {valued("account"), valued("text"), valued("at"), valued("zone"), valued("campaign"), valued("repeat"),
          valued("every"), valued("count"), valued("until"), flag("draft"), flag("json")},
         {},
         false,
         runPostNew},
        {{QStringLiteral("post"), QStringLiteral("list")},
         QStringLiteral("post list [--state STATE] [--from DATE] [--to DATE] [--json]"),
         {valued("state"), valued("from"), valued("to"), flag("json")},
         {},
         false,
         runPostList},
        {{QStringLiteral("post"), QStringLiteral("import")},
         QStringLiteral("post import FILE.csv [--zone ZONE] [--valid-only] [--json]   (columns: date, time, zone, "
                        "account, text, media, campaign)"),
         {valued("zone"), flag("valid-only"), flag("json")},
         {QStringLiteral("FILE")},
         false,
         runPostImport},
        {{QStringLiteral("export"), QStringLiteral("calendar")},
         QStringLiteral("export calendar [--format ics] [--from DATE] [--to DATE] [--drafts] [--output FILE]"),
         {valued("format"), valued("from"), valued("to"), flag("drafts"), valued("output")},
         {},
         false,
         runExportCalendar},
        {{QStringLiteral("inbox"), QStringLiteral("note")},
         QStringLiteral("inbox note ID TEXT|- [--json]"),
         {flag("json")},
         {QStringLiteral("ID"), QStringLiteral("TEXT")},
         true,
         runInboxNote},
    };
    return list;
}

QString usageLine(const CommandSpec &command)
{
    return QStringLiteral("usage: switchboard-cli [--workspace DIR] ") + command.synopsis;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const CommandWords first = splitCommandWords(arguments, globalOptions(), 1);
    if (first.words.isEmpty()) {
        // No command: only the global options make sense.
        auto parsed = parseArgs(first.rest, globalOptions());
        if (!parsed.ok()) {
            return usageError(err, parsed.error().message, programUsage());
        }
        if (parsed.value().has(QStringLiteral("help"))) {
            printHelp(out);
            return ExitOk;
        }
        if (parsed.value().has(QStringLiteral("version"))) {
            out << "switchboard-cli " << QStringLiteral(SWITCHBOARD_VERSION) << '\n';
            return ExitOk;
        }
        return usageError(err, CliText::tr("missing command (try --help)"), programUsage());
    }

    QStringList words = first.words;
    QStringList rest = first.rest;
    if (isGroup(words.front())) {
        const CommandWords second = splitCommandWords(rest, globalOptions(), 1);
        rest = second.rest;
        if (second.words.isEmpty()) {
            const auto parsed = parseArgs(rest, globalOptions());
            if (parsed.ok() && parsed.value().has(QStringLiteral("help"))) {
                out << groupUsage(words.front()) << '\n';
                return ExitOk;
            }
            return usageError(err, CliText::tr("missing %1 command").arg(words.front()), groupUsage(words.front()));
        }
        words << second.words;
        const CommandSpec *command = findCommand(words);
        if (!command) {
            return usageError(err, CliText::tr("unknown %1 command: %2").arg(words.front(), words.back()),
                              groupUsage(words.front()));
        }
    }
    const CommandSpec *command = findCommand(words);
    if (!command) {
        return usageError(err, CliText::tr("unknown command: %1 (try --help)").arg(words.front()), programUsage());
    }

    std::vector<OptionDef> options = globalOptions();
    options.insert(options.end(), command->options.begin(), command->options.end());
    const auto parsed = parseArgs(rest, options);
    if (!parsed.ok()) {
        return usageError(err, parsed.error().message, usageLine(*command));
    }
    const ParsedArgs &args = parsed.value();
    if (args.has(QStringLiteral("help"))) {
        printCommandHelp(out, *command);
        return ExitOk;
    }
    if (args.has(QStringLiteral("version"))) {
        out << "switchboard-cli " << QStringLiteral(SWITCHBOARD_VERSION) << '\n';
        return ExitOk;
    }
    const QStringList &positionals = args.positionals();
    if (positionals.size() < command->positionals.size()) {
        return usageError(err, CliText::tr("missing argument %1").arg(command->positionals.at(positionals.size())),
                          usageLine(*command));
    }
    if (positionals.size() > command->positionals.size() && !command->variadic) {
        return usageError(err, CliText::tr("unexpected argument %1").arg(positionals.at(command->positionals.size())),
                          usageLine(*command));
    }
    if (args.has(QStringLiteral("workspace")) && args.value(QStringLiteral("workspace")).isEmpty()) {
        return usageError(err, CliText::tr("--workspace needs a folder"), usageLine(*command));
    }
    Context ctx(out, err, *command, args);
    const int rc = command->run(ctx);
    shareWithTeam(ctx); // in a team, what the command changed goes up at once when the database is reachable
    return rc;
}

} // namespace sb::cli
