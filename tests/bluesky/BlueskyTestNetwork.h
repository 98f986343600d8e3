#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace sb::testing {

// The real local AT Protocol network that network.sh started (its state.json is named by BLUESKY_TEST_NETWORK):
// accounts are made and used through the PDS's own XRPC API, like any client would; the control server only waits
// for the AppView's indexing, injects a fault or signs an expired token.
class BlueskyTestNetwork {
public:
    struct Account {
        QString did;
        QString handle;
        QString password;
        QString accessJwt;
        QString refreshJwt;
    };
    struct Reply {
        int status = 0;
        QJsonObject body;
    };

    // Reads the state file; false (with errorString) when the network is not running.
    bool load();
    QString errorString() const { return m_error; }
    QUrl pds() const { return m_pds; }
    QUrl plc() const { return m_plc; }

    // A fresh account named "<prefix><random>.test".
    Account createAccount(const QString &prefix);
    // An app password for the account (com.atproto.server.createAppPassword).
    QString createAppPassword(const Account &account, const QString &name);

    Reply query(const QString &nsid, const QUrlQuery &params, const QString &accessJwt = {});
    Reply procedure(const QString &nsid, const QJsonObject &body, const QString &accessJwt = {});

    // A post by `account` (optionally a reply), with facets for the DIDs mentioned: {uri, cid}.
    QJsonObject post(const Account &account, const QString &text, const QJsonObject &replyRef = {},
                     const QJsonArray &facets = {}, const QDateTime &createdAt = {});
    // `from` mentions `to` as the Bluesky app does: "@handle" first, with a mention facet (the AppView notifies by
    // it), then `rest`.
    QJsonObject mention(const Account &from, const Account &to, const QString &rest, const QDateTime &createdAt = {});
    QJsonObject like(const Account &account, const QString &uri, const QString &cid);
    bool deleteRecord(const Account &account, const QString &uri);
    // The account's posts on its repo whose text contains `text` (com.atproto.repo.listRecords).
    QList<QJsonObject> postsContaining(const Account &account, const QString &text);

    // Waits until the AppView has indexed everything the PDS committed.
    bool processAll();
    // The next `count` calls of `method` by `did` are carried out and committed, then lose their answer.
    bool dropAnswerAfterCommit(const QString &did, const QString &method, int count = 1);
    // How many answers were dropped for `did` so far.
    int droppedAnswers(const QString &did);
    // An access token for `did` signed by the PDS, expired a minute ago.
    QString expiredAccessToken(const QString &did);

private:
    Reply request(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QString &accessJwt);

    QUrl m_pds;
    QUrl m_plc;
    QUrl m_control;
    QString m_error;
};

} // namespace sb::testing
