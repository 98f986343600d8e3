#include "cli/Cli.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTranslator>

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
    // Messages in the user's language (the .qm files are embedded under :/i18n, as in the GUI).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("switchboard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&translator);
    }
    QTextStream out(stdout);
    QTextStream err(stderr);
    return sb::cli::run(app.arguments().mid(1), out, err);
}
