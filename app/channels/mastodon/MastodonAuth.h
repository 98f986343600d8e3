#pragma once

#include "channels/mastodon/MastodonApi.h"
#include "core/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

namespace sb::mastodon {

class LoopbackReplyHandler;

// Proof Key for Code Exchange (RFC 7636), which Mastodon supports since 4.3 and Qt 6.4 does not do by itself.
namespace Pkce {
// A fresh verifier: `length` (43-128) characters from the unreserved set, from the system's secure random source.
QString generateVerifier(int length = 64);
bool isValidVerifier(const QString &verifier);
// BASE64URL(SHA256(ASCII(verifier))) without padding: the S256 code_challenge.
QString challengeS256(const QString &verifier);
} // namespace Pkce

// Switchboard's registration on one instance. The caller may keep it for the next sign-in (the client secret
// belongs in the keychain like any secret).
struct AppCredentials {
    QUrl instanceUrl;
    QString clientId;
    QString clientSecret;
    QStringList redirectUris;
};

struct SignInResult {
    QString accessToken; // for the caller to put in the keychain; never logged, never written by this code
    QString scope;
    AppCredentials app; // the registration used, new or reused
};

struct SignInOptions {
    QUrl instanceUrl;
    QString clientName = QStringLiteral("Switchboard");
    QString website;
    QString scopes = QStringLiteral("read write");
    std::optional<AppCredentials> app; // reused when it is for this instance and knows the redirect URI
    quint16 loopbackPort = 0; // 0: any free port; a fixed one lets a kept registration be reused
    int requestTimeoutMs = 30'000;
    int browserTimeoutMs = 10 * 60'000; // how long the person has to approve in the browser
};

inline const QString kOutOfBandRedirect = QStringLiteral("urn:ietf:wg:oauth:2.0:oob");

// Signs in to a Mastodon account: registers the app when needed (POST /api/v1/apps), then runs the OAuth 2
// authorization code flow with PKCE (S256), either through the browser with a redirect to a loopback listener on
// 127.0.0.1 (QOAuth2AuthorizationCodeFlow + QOAuthHttpServerReplyHandler) or out of band, where the instance shows
// the code and the person pastes it back. The token goes to the `done` callback and nowhere else.
class MastodonSignIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonSignIn)
public:
    using Done = std::function<void(Result<SignInResult>)>;

    MastodonSignIn(QNetworkAccessManager *nam, SignInOptions options, QObject *parent = nullptr);
    ~MastodonSignIn() override;

    // Browser flow: emits openBrowser(url); `done` follows once the browser came back to the loopback listener,
    // or with an error (denied, timed out, cancelled).
    void startBrowserFlow(Done done);
    // Out-of-band flow: emits openBrowser(url) for a page that shows a code; pass that code to submitCode().
    void startOutOfBandFlow(Done done);
    void submitCode(const QString &code);
    void cancel();

    // The loopback redirect URI while the browser flow listens (empty otherwise).
    QString redirectUri() const { return m_redirectUri; }

signals:
    void openBrowser(const QUrl &url);

private:
    void ensureApp(const QStringList &redirectUris, std::function<void(std::optional<Error>)> next);
    void registerApp(const QStringList &redirectUris, std::function<void(std::optional<Error>)> next);
    void beginBrowserAuthorization();
    void exchangeCode(const QString &code, const QString &redirectUri);
    void finish(Result<SignInResult> result);
    QUrl endpoint(const QString &path) const;

    QPointer<QNetworkAccessManager> m_nam;
    SignInOptions m_options;
    MastodonApi *m_api = nullptr;
    LoopbackReplyHandler *m_handler = nullptr;
    QOAuth2AuthorizationCodeFlow *m_flow = nullptr;
    std::optional<AppCredentials> m_app;
    QString m_verifier;
    QString m_redirectUri;
    QTimer m_timeout;
    Done m_done;
};

} // namespace sb::mastodon
