#include "channels/mastodon/MastodonAuth.h"

#include "channels/mastodon/MastodonParse.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkReply>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <cstring>

namespace sb::mastodon {

namespace Pkce {

namespace {
const char kUnreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr int kMinLength = 43;
constexpr int kMaxLength = 128;
} // namespace

QString generateVerifier(int length)
{
    length = qBound(kMinLength, length, kMaxLength);
    constexpr quint32 alphabet = sizeof(kUnreserved) - 1; // 66 characters
    QString verifier;
    verifier.reserve(length);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i) {
        verifier.append(QLatin1Char(kUnreserved[random->bounded(alphabet)]));
    }
    return verifier;
}

bool isValidVerifier(const QString &verifier)
{
    if (verifier.size() < kMinLength || verifier.size() > kMaxLength) {
        return false;
    }
    for (const QChar c : verifier) {
        if (c.unicode() == 0 || c.unicode() > 0x7f || !std::strchr(kUnreserved, char(c.unicode()))) {
            return false;
        }
    }
    return true;
}

QString challengeS256(const QString &verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace Pkce

// Qt 6.4's reply handler drops a failed token request with a warning; this one reports it, with the server's
// own message, so the sign-in ends with an error instead of waiting for its timeout.
class LoopbackReplyHandler final : public QOAuthHttpServerReplyHandler {
    Q_OBJECT
public:
    using QOAuthHttpServerReplyHandler::QOAuthHttpServerReplyHandler;

    void networkReplyFinished(QNetworkReply *reply) override
    {
        if (reply->error() != QNetworkReply::NoError) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            emit tokenRequestFailed(status, parseErrorMessage(reply->read(64 * 1024)));
            return;
        }
        QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
    }

signals:
    void tokenRequestFailed(int status, const QString &message);
};

MastodonSignIn::MastodonSignIn(QNetworkAccessManager *nam, SignInOptions options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(std::move(options))
{
    ApiOptions api;
    api.baseUrl = m_options.instanceUrl;
    api.timeoutMs = m_options.requestTimeoutMs;
    api.userAgent = "Switchboard/" SWITCHBOARD_VERSION;
    api.requireToken = false;
    m_api = new MastodonApi(nam, std::move(api), this);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { finish(makeError(ErrorKind::Transient, tr("The sign-in was not completed in time."))); });
}

MastodonSignIn::~MastodonSignIn() = default;

QUrl MastodonSignIn::endpoint(const QString &path) const
{
    return m_api->urlFor(path);
}

void MastodonSignIn::finish(Result<SignInResult> result)
{
    if (!m_done) {
        return;
    }
    m_timeout.stop();
    if (m_handler) {
        m_handler->close();
    }
    if (m_flow) {
        m_flow->deleteLater();
        m_flow = nullptr;
    }
    m_verifier.clear();
    if (!result.ok()) {
        qCInfo(lcMastodon) << "sign-in failed:" << errorKindName(result.error().kind) << result.error().message;
    }
    std::exchange(m_done, {})(std::move(result));
}

void MastodonSignIn::cancel()
{
    finish(makeError(ErrorKind::Invalid, tr("The sign-in was cancelled.")));
}

void MastodonSignIn::ensureApp(const QStringList &redirectUris, std::function<void(std::optional<Error>)> next)
{
    const auto &kept = m_options.app;
    if (kept && kept->instanceUrl.matches(m_options.instanceUrl, QUrl::StripTrailingSlash)
        && kept->redirectUris.contains(redirectUris.constFirst()) && !kept->clientId.isEmpty()) {
        // A kept registration may have been deleted on the server, and then the consent page only shows an error:
        // ask for an app token first (client credentials). A refusal (401 invalid_client, or any 4xx) means a new
        // registration; the token itself is revoked at once, nothing needs it.
        const AppCredentials app = *kept;
        const QJsonObject check {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                 {QStringLiteral("client_id"), app.clientId},
                                 {QStringLiteral("client_secret"), app.clientSecret},
                                 {QStringLiteral("scope"), QStringLiteral("read")}};
        m_api->postJson(QStringLiteral("/oauth/token"), check, {}, RequestEffect::Read,
                        [this, app, redirectUris, next](Result<ApiResponse> r) {
                            if (r.ok()) {
                                const auto doc = parseJson(r.value().body);
                                const QString token = doc.ok()
                                    ? doc.value().object().value(QStringLiteral("access_token")).toString()
                                    : QString();
                                if (!token.isEmpty()) {
                                    m_api->postJson(QStringLiteral("/oauth/revoke"),
                                                    {{QStringLiteral("client_id"), app.clientId},
                                                     {QStringLiteral("client_secret"), app.clientSecret},
                                                     {QStringLiteral("token"), token}},
                                                    {}, RequestEffect::Write, [](Result<ApiResponse>) {});
                                }
                                m_app = app;
                                next(std::nullopt);
                                return;
                            }
                            const ErrorKind kind = r.error().kind;
                            if (kind == ErrorKind::AuthExpired || kind == ErrorKind::Permanent) {
                                qCInfo(lcMastodon) << "the kept app registration was refused; registering again";
                                registerApp(redirectUris, next);
                                return;
                            }
                            next(r.error());
                        });
        return;
    }
    registerApp(redirectUris, std::move(next));
}

void MastodonSignIn::registerApp(const QStringList &redirectUris, std::function<void(std::optional<Error>)> next)
{
    QJsonObject body {{QStringLiteral("client_name"), m_options.clientName},
                      // One string with the URIs on separate lines: understood before and after Mastodon 4.3.
                      {QStringLiteral("redirect_uris"), redirectUris.join(QLatin1Char('\n'))},
                      {QStringLiteral("scopes"), m_options.scopes}};
    if (!m_options.website.isEmpty()) {
        body.insert(QStringLiteral("website"), m_options.website);
    }
    m_api->postJson(QStringLiteral("/api/v1/apps"), body, {}, RequestEffect::Write,
                    [this, redirectUris, next](Result<ApiResponse> r) {
                        if (!r.ok()) {
                            next(r.error());
                            return;
                        }
                        auto registered = parseAppRegistration(r.value().body);
                        if (!registered.ok()) {
                            next(registered.error());
                            return;
                        }
                        AppCredentials app;
                        app.instanceUrl = m_options.instanceUrl;
                        app.clientId = registered.value().clientId;
                        app.clientSecret = registered.value().clientSecret;
                        app.redirectUris = registered.value().redirectUris.isEmpty() ? redirectUris
                                                                                     : registered.value().redirectUris;
                        m_app = app;
                        next(std::nullopt);
                    });
}

void MastodonSignIn::startBrowserFlow(Done done)
{
    if (m_done) {
        QTimer::singleShot(0, this,
                           [done] { done(makeError(ErrorKind::Invalid, tr("A sign-in is already running."))); });
        return;
    }
    m_done = std::move(done);
    if (!m_handler) {
        m_handler = new LoopbackReplyHandler(QHostAddress(QHostAddress::LocalHost), m_options.loopbackPort, this);
        if (!m_handler->isListening() && m_options.loopbackPort != 0) {
            delete m_handler; // the preferred port is taken: any port will do, with a new registration
            m_handler = new LoopbackReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
        }
        m_handler->setCallbackText(tr("Switchboard is signed in. You can close this page."));
        connect(m_handler, &LoopbackReplyHandler::tokenRequestFailed, this, [this](int status, const QString &message) {
            const ErrorKind kind = status >= 500 || status == 0 ? ErrorKind::Transient : ErrorKind::Permanent;
            finish(makeError(kind, tr("The server did not issue a token: %1").arg(message)));
        });
    } else if (!m_handler->isListening()) {
        m_handler->listen(QHostAddress(QHostAddress::LocalHost), m_options.loopbackPort);
    }
    if (!m_handler->isListening()) {
        finish(makeError(ErrorKind::Transient, tr("Cannot listen on 127.0.0.1 for the browser's answer.")));
        return;
    }
    m_redirectUri = m_handler->callback();
    m_timeout.start(m_options.browserTimeoutMs);
    ensureApp({m_redirectUri, kOutOfBandRedirect}, [this](std::optional<Error> error) {
        if (error) {
            finish(*error);
            return;
        }
        beginBrowserAuthorization();
    });
}

void MastodonSignIn::beginBrowserAuthorization()
{
    m_verifier = Pkce::generateVerifier();
    m_flow = new QOAuth2AuthorizationCodeFlow(m_nam, this);
    m_flow->setAuthorizationUrl(endpoint(QStringLiteral("/oauth/authorize")));
    m_flow->setAccessTokenUrl(endpoint(QStringLiteral("/oauth/token")));
    m_flow->setClientIdentifier(m_app->clientId);
    m_flow->setClientIdentifierSharedKey(m_app->clientSecret);
    m_flow->setScope(m_options.scopes);
    m_flow->setReplyHandler(m_handler);
    // PKCE by hand (Qt 6.4 has none): the challenge goes with the authorization, the verifier with the token request.
    m_flow->setModifyParametersFunction([challenge = Pkce::challengeS256(m_verifier), verifier = m_verifier](
                                            QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
        if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
            parameters->replace(QStringLiteral("code_challenge"), challenge);
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
            parameters->replace(QStringLiteral("code_verifier"), verifier);
        }
    });
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, &MastodonSignIn::openBrowser);
    connect(m_flow, &QAbstractOAuth::granted, this, [this] {
        QOAuth2AuthorizationCodeFlow *flow = m_flow;
        if (!flow || flow->token().isEmpty()) {
            finish(makeError(ErrorKind::Permanent, tr("The server's answer did not contain a token.")));
            return;
        }
        finish(SignInResult {flow->token(), flow->scope(), *m_app});
    });
    connect(m_flow, &QAbstractOAuth2::error, this,
            [this](const QString &error, const QString &description, const QUrl &) {
                const QString message = description.isEmpty() ? error : error + QStringLiteral(": ") + description;
                finish(makeError(ErrorKind::Permanent, tr("The sign-in was refused: %1").arg(message)));
            });
    m_flow->grant();
}

void MastodonSignIn::startOutOfBandFlow(Done done)
{
    if (m_done) {
        QTimer::singleShot(0, this,
                           [done] { done(makeError(ErrorKind::Invalid, tr("A sign-in is already running."))); });
        return;
    }
    m_done = std::move(done);
    m_redirectUri.clear();
    m_timeout.start(m_options.browserTimeoutMs);
    ensureApp({kOutOfBandRedirect}, [this](std::optional<Error> error) {
        if (error) {
            finish(*error);
            return;
        }
        m_verifier = Pkce::generateVerifier();
        QUrl url = endpoint(QStringLiteral("/oauth/authorize"));
        url.setQuery(QUrlQuery {{QStringLiteral("client_id"), m_app->clientId},
                                {QStringLiteral("redirect_uri"), kOutOfBandRedirect},
                                {QStringLiteral("response_type"), QStringLiteral("code")},
                                {QStringLiteral("scope"), m_options.scopes},
                                {QStringLiteral("code_challenge"), Pkce::challengeS256(m_verifier)},
                                {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}});
        emit openBrowser(url);
    });
}

void MastodonSignIn::submitCode(const QString &code)
{
    if (!m_done || !m_app || m_verifier.isEmpty()) {
        qCWarning(lcMastodon) << "sign-in: a code arrived while no out-of-band sign-in waits for one";
        return;
    }
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 512) {
        finish(makeError(ErrorKind::Invalid, tr("That is not an authorization code.")));
        return;
    }
    exchangeCode(trimmed, kOutOfBandRedirect);
}

void MastodonSignIn::exchangeCode(const QString &code, const QString &redirectUri)
{
    const QJsonObject body {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("client_id"), m_app->clientId},
                            {QStringLiteral("client_secret"), m_app->clientSecret},
                            {QStringLiteral("redirect_uri"), redirectUri},
                            {QStringLiteral("code_verifier"), m_verifier},
                            {QStringLiteral("scope"), m_options.scopes}};
    m_api->postJson(QStringLiteral("/oauth/token"), body, {}, RequestEffect::Write, [this](Result<ApiResponse> r) {
        if (!r.ok()) {
            finish(r.error());
            return;
        }
        auto token = parseAccessToken(r.value().body);
        if (!token.ok()) {
            finish(token.error());
            return;
        }
        finish(SignInResult {token.value().accessToken, token.value().scope, *m_app});
    });
}

} // namespace sb::mastodon

#include "MastodonAuth.moc"
