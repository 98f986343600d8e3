#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// The desktop entry and AppStream metadata pass their validators (when the validators are installed; the
// README's test command installs them).
class TestPackaging : public QObject {
    Q_OBJECT
private:
    static QString resource(const char *name)
    {
        return QDir(qEnvironmentVariable("SWITCHBOARD_RESOURCES")).filePath(QLatin1String(name));
    }

    static void validate(const QString &tool, const QStringList &args)
    {
        const QString exe = QStandardPaths::findExecutable(tool);
        if (exe.isEmpty()) {
            QSKIP(qPrintable(tool + QStringLiteral(" is not installed")));
        }
        QProcess p;
        p.start(exe, args);
        QVERIFY(p.waitForFinished(60000));
        const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));
    }

private slots:
    void desktopEntryIsValid()
    {
        validate(QStringLiteral("desktop-file-validate"), {resource("io.github.switchboard.Switchboard.desktop")});
    }

    void metainfoIsValid()
    {
        validate(QStringLiteral("appstreamcli"),
                 {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"),
                  resource("io.github.switchboard.Switchboard.metainfo.xml")});
    }
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
