#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <utility>

namespace sb::testing {

// Runs mastodon-test-server for one test: starts it on free 127.0.0.1 ports, waits for "READY", and kills it in
// the destructor. Control calls go over a blocking socket of their own, so they never spin the caller's event loop
// (the client under test keeps its state while the test sets the scene).
//
//   sb::testing::MastodonTestServer server;
//   QVERIFY2(server.start(), qPrintable(server.errorString()));
//   const auto brand = server.createBrand();
//   const QString fan = server.createAccount(u"fan"_s).value(u"id"_s).toString();
//   server.postAs(fan, u"@brand is the shop open?"_s);           // a mention, with its notification and stream event
//   server.addFault({{u"kind"_s, u"commit_then_hang"_s}, {u"method"_s, u"POST"_s}, {u"path"_s,
//   u"/api/v1/statuses"_s}});
class MastodonTestServer {
    Q_DISABLE_COPY_MOVE(MastodonTestServer)

public:
    struct Reply {
        int status = 0; // 0: no HTTP answer (see error)
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QString error;

        QByteArray header(const QByteArray &name) const;
        QJsonValue json() const;
        QJsonObject object() const { return json().toObject(); }
    };

    struct Brand {
        QString accountId;
        QString accessToken;
        QJsonObject account; // CredentialAccount
    };

    MastodonTestServer();
    ~MastodonTestServer();

    // The executable: $MASTODON_TEST_SERVER, else the one this helper was built with.
    static QString executablePath();

    bool start(int timeoutMs = 15000);
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString errorString() const { return m_error; }

    quint16 httpPort() const { return m_httpPort; }
    quint16 streamPort() const { return m_streamPort; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT, what a user types as the instance
    QUrl streamingUrl() const; // ws://127.0.0.1:PORT, as /api/v2/instance reports it

    // One blocking HTTP/1.1 request to the server (Connection: close). body is sent as JSON when it is an object.
    Reply request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000) const;
    // A /_test/ control call with a JSON body; on failure the reply's status is not 200 and a warning is logged.
    Reply control(const QByteArray &method, const QString &path, const QJsonObject &body = {}) const;

    // Shorthands for the control API (README.md lists every call).
    bool reset() const;
    bool configure(const QJsonObject &config) const;
    Brand createBrand(const QString &username = QStringLiteral("brand")) const;
    QJsonObject createAccount(const QString &username, const QString &domain = QStringLiteral("remote.example"),
                              const QJsonObject &extra = {}) const;
    // A status by anyone (a remote fan, usually): mentions, DMs, replies, with notifications and stream events.
    QJsonObject postAs(const QString &accountId, const QString &text, const QJsonObject &extra = {}) const;
    bool editStatus(const QString &statusId, const QString &text, bool notifyBrand = false) const;
    bool deleteStatus(const QString &statusId) const;
    bool favourite(const QString &statusId, const QString &byAccountId) const;
    bool reblog(const QString &statusId, const QString &byAccountId) const;
    bool revokeTokens(const QString &accountId) const;
    bool deleteApps() const; // as an admin deleting Switchboard's registrations
    // Scripts a fault: {"kind": "500", "method": "GET", "path": "/api/v1/notifications", "count": 2}.
    bool addFault(const QJsonObject &fault) const;
    bool clearFaults() const;
    // How many statuses (not deleted) have exactly this text: the exactly-once check.
    int countStatuses(const QString &text) const;
    int streamClients() const;
    int dropStreams(bool abort = false) const;
    QJsonObject requestLog() const;

private:
    QProcess m_process;
    quint16 m_httpPort = 0;
    quint16 m_streamPort = 0;
    QString m_error;
};

} // namespace sb::testing
