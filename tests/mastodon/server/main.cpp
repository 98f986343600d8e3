#include "MastodonServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <unistd.h>

#include <cstdio>

using namespace Qt::StringLiterals;

// mastodon-test-server [--port N] [--stream-port N] [--exit-with-stdin]: a Mastodon stand-in for integration tests,
// bound to 127.0.0.1 only. Port 0 picks a free one; "READY <httpPort> <streamPort>" on stdout says it is listening.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mastodon-test-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Mastodon test server for Switchboard's integration tests"_s);
    parser.addHelpOption();
    parser.addOption({u"port"_s, u"HTTP port (0: any free port)"_s, u"port"_s, u"0"_s});
    parser.addOption({u"stream-port"_s, u"Streaming (WebSocket) port (0: any free port)"_s, u"port"_s, u"0"_s});
    parser.addOption({u"exit-with-stdin"_s, u"Quit when standard input closes (the test that started it is gone)"_s});
    parser.process(app);

    bool portOk = false;
    bool streamOk = false;
    const uint port = parser.value(u"port"_s).toUInt(&portOk);
    const uint streamPort = parser.value(u"stream-port"_s).toUInt(&streamOk);
    if (!portOk || !streamOk || port > 65535 || streamPort > 65535) {
        std::fprintf(stderr, "mastodon-test-server: ports must be numbers from 0 to 65535\n");
        return 2;
    }

    sb::mastodontest::MastodonServer server;
    QString error;
    if (!server.listen(static_cast<quint16>(port), static_cast<quint16>(streamPort), &error)) {
        std::fprintf(stderr, "mastodon-test-server: cannot listen: %s\n", qPrintable(error));
        return 1;
    }
    // A test that crashes leaves no server behind: its end of our stdin pipe closes and we quit.
    QSocketNotifier stdinWatch(STDIN_FILENO, QSocketNotifier::Read);
    stdinWatch.setEnabled(parser.isSet(u"exit-with-stdin"_s));
    QObject::connect(&stdinWatch, &QSocketNotifier::activated, &app, [&stdinWatch] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            stdinWatch.setEnabled(false);
            QCoreApplication::quit();
        }
    });
    std::printf("READY %u %u\n", unsigned(server.httpPort()), unsigned(server.streamPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
