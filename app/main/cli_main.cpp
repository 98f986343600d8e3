#include "cli/Cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    // stderr carries one clear line per error; the engine's progress logs stay quiet unless QT_LOGGING_RULES asks.
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*.debug=false\nswitchboard.*.info=false\n"
                                                    "switchboard.store.warning=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return sb::cli::run(app.arguments().mid(1), out, err);
}
