#pragma once

#include "core/Result.h"
#include "engine/Engine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace sb {

class SecretStore;

namespace mastodon {
class MastodonSignIn;
}

// Connecting a channel account, shared by `switchboard-cli account add` and the Accounts section: the server
// address a person typed, the token checked against the server, then the account row with its secret in the
// keychain (or, for an account that exists, its new secret).
namespace AccountSetup {

// The keychain entries of an account: its secret (a Mastodon access token, a Bluesky app password) and, for
// Bluesky, the session tokens made from it.
inline const QString kAccessToken = QStringLiteral("access_token");
inline const QString kSession = QStringLiteral("session");

// "mastodon.social", "https://mastodon.social/" -> https://mastodon.social. Only http(s) with a host.
Result<QUrl> parseServerAddress(const QString &text);
// "@name@host" for a Mastodon account, whatever form the server returned.
QString fullHandle(const QString &handle, const QUrl &instance);

// Asks the server whose token this is. On success: an account ready for Engine::addAccount (network, handle,
// display name, server, remote id, character limit); credentialRef and backfillDays are the caller's to set.
void verifyToken(QNetworkAccessManager *nam, Network network, const QUrl &instance, const QString &token,
                 std::function<void(Result<NewAccount>)> done);

// An account checked against its network, ready for Engine::addAccount, and the session the check made (JSON,
// secret; Bluesky), kept beside the secret so the first sync needs no new one. Empty where there is none.
struct VerifiedAccount {
    NewAccount account;
    QString session;
};
// A Bluesky sign-in checked against the network: handle (or DID) -> DID -> PDS, a session made with the app
// password, then who it is.
void verifyBluesky(QNetworkAccessManager *nam, const QUrl &service, const QString &handle, const QString &appPassword,
                   std::function<void(Result<VerifiedAccount>)> done);
// The PLC directory that resolves did:plc identities: https://plc.directory, or SWITCHBOARD_PLC_URL.
QUrl plcDirectory();

// Adds a verified account whose secret goes to the keychain. When the secret cannot be stored, the account is
// taken out again and the keychain's reason returned.
Result<QString> addWithKeychainSecret(Engine &engine, const SecretStore &secrets, const Actor &actor,
                                      const NewAccount &account, const QString &token);
// A new sign-in for an existing account; it must be the same remote account. The engine records the sign-in
// (role check, event, auth_expired cleared, an archived account restored), then the secret is stored.
Status replaceSecret(Engine &engine, const SecretStore &secrets, const Actor &actor, const QString &accountId,
                     const NewAccount &verified, const QString &token);
// Removes an account (keepData: archives it, its conversations stay) and deletes its secret from the keychain.
Status removeWithSecret(Engine &engine, const SecretStore &secrets, const Actor &actor, const QString &accountId,
                        bool keepData);

} // namespace AccountSetup

// What a person asked for in the "Add account" or "Sign in again" form.
struct SignInRequest {
    enum class Method { Browser, PastedCode, AccessToken, AppPassword };
    Network network = Network::Mastodon;
    QString server; // as typed
    Method method = Method::Browser;
    QString accessToken; // Method::AccessToken only
    QString handle; // Bluesky: the handle (name.bsky.social) or DID
    QString appPassword; // Bluesky (Method::AppPassword)
    QString accountId; // empty: a new account; else a new sign-in for this one
    QString employeeId; // who acts
    int backfillDays = 30;
};

// One sign-in from start to stored secret: the OAuth flow (browser with a loopback redirect, or a pasted code)
// or a pasted token, the check against the server, then the account and its keychain secret. Lives on the
// thread of its engine; the token never leaves this object except into the keychain.
class AccountSignIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountSignIn)
public:
    AccountSignIn(Engine &engine, const SecretStore &secrets, QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~AccountSignIn() override;

    void start(const SignInRequest &request);
    // The code the server showed (Method::PastedCode).
    void submitCode(const QString &code);
    // Ends the sign-in; finished() follows once for every cancel, whether or not one was running.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // The page the person has to open: the server's consent page. showsCode: it ends with a code to paste back.
    void browserNeeded(const QUrl &url, bool showsCode);
    void progress(const QString &text);
    // accountId is set on success, error otherwise.
    void finished(const QString &accountId, const QString &error);

private:
    Status checkAllowed() const;
    void verifyAndSave(const QString &token);
    void signInBluesky();
    void finish(const QString &accountId, const QString &error);

    Engine &m_engine;
    const SecretStore &m_secrets;
    QPointer<QNetworkAccessManager> m_nam;
    SignInRequest m_request;
    QUrl m_server;
    mastodon::MastodonSignIn *m_oauth = nullptr;
    quint64 m_generation = 0; // answers for an earlier, cancelled sign-in are dropped
    bool m_running = false;
};

} // namespace sb
