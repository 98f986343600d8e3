// The GUI entry point: application identity, translations, which workspace to open, then the main window.
#include "core/Clock.h"
#include "core/Ids.h"
#include "demo/DemoGenerator.h"
#include "engine/Engine.h"
#include "models/WorkspaceContext.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("main", text);
}

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qt);
    }
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("switchboard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(own);
    }
}

// The reason goes to stderr as well, and no dialog is shown where nobody could see it (offscreen test runs).
int fail(const QString &title, const QString &message)
{
    qCritical("%s: %s", qUtf8Printable(title), qUtf8Printable(message));
    const QString platform = QGuiApplication::platformName();
    if (platform != QLatin1String("offscreen") && platform != QLatin1String("minimal")) {
        QMessageBox::critical(nullptr, title, message);
    }
    return 1;
}

// Fills a fresh workspace with the demo team, showing progress (it takes a few seconds).
sb::Status fillDemo(sb::Workspace &workspace)
{
    QProgressDialog progress(tr("Creating a demo workspace…"), QString(), 0, 100);
    progress.setWindowTitle(tr("Switchboard"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    const auto stats = sb::generateDemo(workspace, sb::DemoOptions {}, [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(done * 100 / total) : 0);
    });
    progress.setValue(100);
    if (!stats.ok()) {
        return stats.error();
    }
    return sb::success();
}

// A workspace nobody can act in is useless: its first admin is whoever opens it first.
sb::Status ensureSomeoneCanSignIn(sb::Workspace &workspace, sb::Engine &engine)
{
    if (workspace.db().scalarInt(QStringLiteral("SELECT count(*) FROM employees")) > 0) {
        return sb::success();
    }
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty()) {
        name = tr("Administrator");
    }
    const auto admin = engine.createFirstAdmin(name);
    return admin.ok() ? sb::success() : sb::Status(admin.error());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QApplication::setOrganizationDomain(QStringLiteral("switchboard.github.io"));
    QApplication::setApplicationName(QStringLiteral("Switchboard"));
    QApplication::setApplicationDisplayName(QStringLiteral("Switchboard"));
    QApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.switchboard.Switchboard"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")));
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Unified inbox, publishing calendar and engagement panel for social media "
                                        "teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(
        QStringLiteral("workspace"), tr("Open the workspace in <folder> (created when missing)."), tr("folder"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Open a fresh demo workspace in a temporary folder."));
    parser.addOption(workspaceOption);
    parser.addOption(demoOption);
    parser.process(app);

    // The demo folder lives as long as the window; it is removed when the application quits.
    std::unique_ptr<QTemporaryDir> demoDir;
    QString dir;
    if (parser.isSet(demoOption)) {
        demoDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/switchboard-demo-XXXXXX"));
        if (!demoDir->isValid()) {
            return fail(tr("Cannot create the demo workspace"), demoDir->errorString());
        }
        dir = demoDir->path();
    } else if (parser.isSet(workspaceOption)) {
        dir = parser.value(workspaceOption);
    } else {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/default");
    }

    auto opened = sb::Workspace::open(dir, sb::Workspace::OpenMode::CreateIfMissing);
    if (!opened.ok()) {
        return fail(tr("Cannot open the workspace"), opened.error().message);
    }
    std::unique_ptr<sb::Workspace> workspace = std::move(opened).value();
    if (demoDir) {
        if (const sb::Status s = fillDemo(*workspace); !s.ok()) {
            return fail(tr("Cannot create the demo workspace"), s.error().message);
        }
    }
    {
        sb::Engine bootstrap(workspace->db(), sb::SystemClock::instance(), sb::RandomIdSource::instance());
        if (const sb::Status s = ensureSomeoneCanSignIn(*workspace, bootstrap); !s.ok()) {
            return fail(tr("Cannot open the workspace"), s.error().message);
        }
    }

    sb::models::WorkspaceContext ctx(std::move(workspace));
    sb::ui::MainWindow window(ctx);
    QObject::connect(&window, &sb::ui::MainWindow::demoRequested, &app, [] {
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--demo")});
    });
    window.show();
    return app.exec();
}
