#include "sync/AccountSetup.h"

#include "channels/Channel.h"
#include "channels/bluesky/BlueskyChannel.h"
#include "channels/mastodon/MastodonAuth.h"
#include "core/Clock.h"
#include "secrets/SecretStore.h"
#include "store/Sqlite.h"
#include "sync/AccountRecord.h"
#include "sync/DefaultChannels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace sb {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AccountSetup", text);
}

QString serverLabel(const QUrl &server)
{
    return server.port() > 0 ? server.host() + QLatin1Char(':') + QString::number(server.port()) : server.host();
}
} // namespace

namespace AccountSetup {

Result<QUrl> parseServerAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QUrl url = QUrl::fromUserInput(trimmed);
    if (trimmed.isEmpty() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return makeError(ErrorKind::Invalid, tr("Enter the server's address, e.g. mastodon.social."));
    }
    // The instance is the origin: a path, query or user name typed along with it means nothing to the API.
    QUrl origin;
    origin.setScheme(url.scheme());
    origin.setHost(url.host());
    origin.setPort(url.port());
    return origin;
}

QString fullHandle(const QString &handle, const QUrl &instance)
{
    QString h = handle.startsWith(QLatin1Char('@')) ? handle.mid(1) : handle;
    if (!h.contains(QLatin1Char('@'))) {
        h += QLatin1Char('@') + instance.host();
    }
    return QLatin1Char('@') + h;
}

void verifyToken(QNetworkAccessManager *nam, Network network, const QUrl &instance, const QString &token,
                 std::function<void(Result<NewAccount>)> done)
{
    ChannelContext context;
    context.account.network = networkName(network);
    context.account.serviceUrl = instance.toString(QUrl::StripTrailingSlash);
    context.network = nam;
    context.secret = [token](const QString &) -> Result<QString> { return token; };
    Channel *channel = makeChannel(context).release();
    if (!channel) {
        done(makeError(ErrorKind::Invalid, tr("%1 accounts cannot be connected yet.").arg(networkLabel(network))));
        return;
    }
    const QString serviceUrl = context.account.serviceUrl;
    channel->verify([channel, network, instance, serviceUrl, done](Result<ChannelIdentity> identity) {
        channel->deleteLater(); // we are inside one of its callbacks
        if (!identity.ok()) {
            done(identity.error());
            return;
        }
        NewAccount account;
        account.network = network;
        account.handle
            = network == Network::Mastodon ? fullHandle(identity.value().handle, instance) : identity.value().handle;
        account.displayName = identity.value().displayName;
        account.serviceUrl = serviceUrl;
        account.remoteId = identity.value().remoteId;
        account.maxChars = channel->capabilities().maxCharacters;
        done(account);
    });
}

QUrl plcDirectory()
{
    const QString plc = qEnvironmentVariable("SWITCHBOARD_PLC_URL");
    return plc.isEmpty() ? QUrl(QStringLiteral("https://plc.directory")) : QUrl(plc);
}

void verifyBluesky(QNetworkAccessManager *nam, const QUrl &service, const QString &handle, const QString &appPassword,
                   std::function<void(Result<VerifiedAccount>)> done)
{
    bluesky::BlueskyChannelOptions options;
    options.service = service;
    options.identifier = handle.trimmed();
    options.plcDirectory = plcDirectory();
    if (const int timeout = qEnvironmentVariableIntValue("SWITCHBOARD_REQUEST_TIMEOUT_MS"); timeout > 0) {
        options.timeoutMs = timeout;
    }
    options.appPassword = [appPassword] { return appPassword; };
    auto *channel = new bluesky::BlueskyChannel(nam, std::move(options));
    channel->verify([channel, service, done](Result<ChannelIdentity> identity) {
        channel->deleteLater(); // we are inside one of its callbacks
        if (!identity.ok()) {
            done(identity.error());
            return;
        }
        VerifiedAccount verified;
        verified.account.network = Network::Bluesky;
        verified.account.handle = identity.value().handle;
        verified.account.displayName = identity.value().displayName;
        verified.account.serviceUrl = service.toString(QUrl::StripTrailingSlash);
        verified.account.remoteId = identity.value().remoteId;
        verified.account.maxChars = channel->capabilities().maxCharacters;
        verified.session = QString::fromUtf8(channel->session().toJson());
        done(verified);
    });
}

Result<QString> addWithKeychainSecret(Engine &engine, const SecretStore &secrets, const Actor &actor,
                                      const NewAccount &account, const QString &token)
{
    NewAccount row = account;
    row.credentialRef = QStringLiteral("keychain");
    const auto added = engine.addAccount(actor, row);
    if (!added.ok()) {
        return added.error();
    }
    if (Status s = secrets.write(added.value(), kAccessToken, token); !s.ok()) {
        // Without its secret the account could never sync: take it out again rather than leave a broken row.
        (void)engine.removeAccount(actor, added.value(), false);
        return makeError(s.error().kind,
                         tr("Cannot keep the sign-in in the system keychain: %1").arg(s.error().message));
    }
    return added.value();
}

Status replaceSecret(Engine &engine, const SecretStore &secrets, const Actor &actor, const QString &accountId,
                     const NewAccount &verified, const QString &token)
{
    const auto existing = AccountStore::find(engine.db(), accountId);
    if (!existing) {
        return makeError(ErrorKind::NotFound, tr("The account is no longer in this workspace."));
    }
    // A sign-in as someone else would silently turn this account's history into another account's.
    const bool sameServer
        = QUrl(existing->serviceUrl).host().compare(QUrl(verified.serviceUrl).host(), Qt::CaseInsensitive) == 0;
    const bool sameAccount = existing->remoteId.isEmpty()
        ? existing->handle.compare(verified.handle, Qt::CaseInsensitive) == 0
        : existing->remoteId == verified.remoteId;
    if (!sameServer || !sameAccount) {
        return makeError(
            ErrorKind::Invalid,
            tr("You signed in as %1, but this account is %2. Sign in as %2.").arg(verified.handle, existing->handle));
    }
    auto archivedQuery = engine.db().prepare(QStringLiteral("SELECT archived FROM accounts WHERE id = ?"));
    SB_TRY(archivedQuery);
    archivedQuery.value().bind(1, accountId);
    const bool archived = archivedQuery.value().next() && archivedQuery.value().integer(0) != 0;
    archivedQuery.value().reset();
    SB_TRY(engine.setAccountCredential(actor, accountId, QStringLiteral("keychain")));
    if (Status s = secrets.write(accountId, kAccessToken, token); !s.ok()) {
        // The old secret stays, so the account still needs a sign-in: say why.
        const QString why = tr("Cannot keep the sign-in in the system keychain: %1").arg(s.error().message);
        (void)AccountStore::setHealth(engine.db(), accountId, QStringLiteral("auth_expired"), why, 0);
        return makeError(s.error().kind, why);
    }
    if (archived) {
        // Signing an archived account in again restores it: it syncs again (archiving had paused it).
        SB_TRY(engine.setAccountPaused(actor, accountId, false));
    }
    return success();
}

Status removeWithSecret(Engine &engine, const SecretStore &secrets, const Actor &actor, const QString &accountId,
                        bool keepData)
{
    const auto existing = AccountStore::find(engine.db(), accountId);
    SB_TRY(engine.removeAccount(actor, accountId, keepData));
    if (existing && existing->credentialRef == QLatin1String("keychain")) {
        (void)secrets.remove(accountId, kSession); // a Bluesky session, when there is one
        if (Status s = secrets.remove(accountId, kAccessToken); !s.ok()) {
            return makeError(s.error().kind,
                             tr("The account was removed, but its sign-in could not be deleted from the keychain: %1")
                                 .arg(s.error().message));
        }
    }
    return success();
}

} // namespace AccountSetup

AccountSignIn::AccountSignIn(Engine &engine, const SecretStore &secrets, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_engine(engine), m_secrets(secrets), m_nam(nam)
{
}

AccountSignIn::~AccountSignIn() = default;

namespace {

const QString kClientSecret = QStringLiteral("client_secret");

// The keychain entry of a server's registration ("account" part of the key: the server).
QString appKey(const QUrl &server)
{
    return QStringLiteral("oauth-app ") + server.toString(QUrl::StripTrailingSlash);
}

// The registration kept for this server, when its client secret is still in the keychain.
std::optional<mastodon::AppCredentials> keptApp(SqliteDb &db, const SecretStore &secrets, const QUrl &server)
{
    Statement &st = db.cached("SELECT client_id, redirect_uris FROM oauth_apps WHERE server_url = ?");
    st.bind(1, server.toString(QUrl::StripTrailingSlash));
    if (!st.next()) {
        st.reset();
        return std::nullopt;
    }
    mastodon::AppCredentials app;
    app.instanceUrl = server;
    app.clientId = st.text(0);
    app.redirectUris = st.text(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    st.reset();
    const auto secret = secrets.read(appKey(server), kClientSecret);
    if (!secret.ok() || secret.value().isEmpty()) {
        return std::nullopt;
    }
    app.clientSecret = secret.value();
    return app;
}

void keepApp(SqliteDb &db, const SecretStore &secrets, const mastodon::AppCredentials &app, qint64 now)
{
    const QUrl server = app.instanceUrl;
    if (Status s = secrets.write(appKey(server), kClientSecret, app.clientSecret); !s.ok()) {
        qCInfo(lcSync) << "the app registration is not kept (keychain):" << s.error().message;
        return;
    }
    Statement &st = db.cached("INSERT INTO oauth_apps(server_url, client_id, redirect_uris, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(server_url) DO UPDATE SET client_id = ?2, "
                              "redirect_uris = ?3, updated_at = ?4");
    st.bindAll(server.toString(QUrl::StripTrailingSlash), app.clientId, app.redirectUris.join(QLatin1Char('\n')), now);
    if (Status s = st.exec(); !s.ok()) {
        qCInfo(lcSync) << "the app registration is not kept:" << s.error().message;
    }
}

} // namespace

void AccountSignIn::start(const SignInRequest &request)
{
    if (m_running) {
        emit finished({}, tr("A sign-in is already running."));
        return;
    }
    m_request = request;
    m_running = true;
    ++m_generation;
    if (Status allowed = checkAllowed(); !allowed.ok()) {
        finish({}, allowed.error().message);
        return;
    }
    const auto server = AccountSetup::parseServerAddress(request.server);
    if (!server.ok()) {
        finish({}, server.error().message);
        return;
    }
    m_server = server.value();
    if (request.network == Network::Bluesky) {
        signInBluesky();
        return;
    }
    if (request.method == SignInRequest::Method::AccessToken) {
        const QString token = request.accessToken.trimmed();
        if (token.isEmpty()) {
            finish({}, tr("Paste the access token first."));
            return;
        }
        verifyAndSave(token);
        return;
    }

    mastodon::SignInOptions options;
    options.instanceUrl = m_server;
    options.website = QStringLiteral("https://github.com/switchboard");
    // One registration per server: a kept one is reused, with the loopback port its redirect URI names.
    const std::optional<mastodon::AppCredentials> kept = keptApp(m_engine.db(), m_secrets, m_server);
    if (kept) {
        options.app = kept;
        for (const QString &uri : kept->redirectUris) {
            const QUrl redirect(uri);
            if (redirect.host() == QLatin1String("127.0.0.1") && redirect.port() > 0) {
                options.loopbackPort = quint16(redirect.port());
                break;
            }
        }
    }
    m_oauth = new mastodon::MastodonSignIn(m_nam, options, this);
    const bool pasted = request.method == SignInRequest::Method::PastedCode;
    connect(m_oauth, &mastodon::MastodonSignIn::openBrowser, this, [this, pasted](const QUrl &url) {
        emit progress(pasted ? tr("Approve Switchboard on %1, then paste the code it shows.").arg(serverLabel(m_server))
                             : tr("Waiting for you to approve Switchboard in the browser…"));
        emit browserNeeded(url, pasted);
    });
    emit progress(kept ? tr("Contacting %1…").arg(serverLabel(m_server))
                       : tr("Registering Switchboard with %1…").arg(serverLabel(m_server)));
    const QString keptClientId = kept ? kept->clientId : QString();
    auto done = [this, oauth = m_oauth, keptClientId](Result<mastodon::SignInResult> result) {
        oauth->deleteLater(); // we are inside its callback
        if (m_oauth != oauth) {
            return; // cancelled meanwhile
        }
        m_oauth = nullptr;
        if (!result.ok()) {
            finish({}, result.error().message);
            return;
        }
        // A new registration (first sign-in on this server, the kept one refused there, or its loopback port
        // taken) replaces the kept one.
        const mastodon::AppCredentials &app = result.value().app;
        if (!app.clientId.isEmpty() && app.clientId != keptClientId) {
            keepApp(m_engine.db(), m_secrets, app, QDateTime::currentMSecsSinceEpoch());
        }
        verifyAndSave(result.value().accessToken);
    };
    if (pasted) {
        m_oauth->startOutOfBandFlow(done);
    } else {
        m_oauth->startBrowserFlow(done);
    }
}

void AccountSignIn::submitCode(const QString &code)
{
    if (m_oauth) {
        emit progress(tr("Checking the code with %1…").arg(serverLabel(m_server)));
        m_oauth->submitCode(code);
    }
}

void AccountSignIn::cancel()
{
    ++m_generation;
    if (m_oauth) {
        mastodon::MastodonSignIn *oauth = std::exchange(m_oauth, nullptr);
        oauth->cancel();
        oauth->deleteLater();
    }
    finish({}, tr("The sign-in was cancelled."));
}

Status AccountSignIn::checkAllowed() const
{
    // The engine checks again when it writes; asking first spares a browser sign-in that could not be kept.
    auto st = m_engine.db().prepare(QStringLiteral("SELECT role FROM employees WHERE id = ? AND active = 1"));
    SB_TRY(st);
    st.value().bind(1, m_request.employeeId);
    const auto role = st.value().next() ? roleFromName(st.value().text(0)) : std::nullopt;
    if (!role || !canManageRoster(*role)) {
        return makeError(ErrorKind::Forbidden, tr("Only managers and admins can connect accounts."));
    }
    return success();
}

void AccountSignIn::verifyAndSave(const QString &token)
{
    emit progress(tr("Checking the account with %1…").arg(serverLabel(m_server)));
    QPointer<AccountSignIn> self(this);
    const SignInRequest request = m_request;
    const quint64 generation = m_generation;
    AccountSetup::verifyToken(
        m_nam, request.network, m_server, token, [self, request, token, generation](Result<NewAccount> verified) {
            if (!self || self->m_generation != generation) {
                return; // cancelled, or another sign-in started meanwhile
            }
            if (!verified.ok()) {
                self->finish(
                    {},
                    tr("%1 did not accept the sign-in: %2").arg(serverLabel(self->m_server), verified.error().message));
                return;
            }
            emit self->progress(tr("Saving the account and its sign-in in the keychain…"));
            const Actor actor = Actor::employee(request.employeeId);
            if (request.accountId.isEmpty()) {
                NewAccount account = verified.value();
                account.backfillDays = request.backfillDays;
                const auto added
                    = AccountSetup::addWithKeychainSecret(self->m_engine, self->m_secrets, actor, account, token);
                self->finish(added.ok() ? added.value() : QString(), added.ok() ? QString() : added.error().message);
                return;
            }
            const Status s = AccountSetup::replaceSecret(self->m_engine, self->m_secrets, actor, request.accountId,
                                                         verified.value(), token);
            self->finish(s.ok() ? request.accountId : QString(), s.ok() ? QString() : s.error().message);
        });
}

// Bluesky: handle (or DID) and an app password; the session made while checking them is kept too.
void AccountSignIn::signInBluesky()
{
    const QString handle = m_request.handle.trimmed();
    const QString password = m_request.appPassword.trimmed();
    if (handle.isEmpty() || password.isEmpty()) {
        finish({}, tr("Enter the account's handle and an app password."));
        return;
    }
    emit progress(tr("Checking the account with %1…").arg(serverLabel(m_server)));
    QPointer<AccountSignIn> self(this);
    const SignInRequest request = m_request;
    const quint64 generation = m_generation;
    AccountSetup::verifyBluesky(
        m_nam, m_server, handle, password,
        [self, request, password, generation](Result<AccountSetup::VerifiedAccount> verified) {
            if (!self || self->m_generation != generation) {
                return;
            }
            if (!verified.ok()) {
                self->finish({}, tr("Bluesky did not accept the sign-in: %1").arg(verified.error().message));
                return;
            }
            emit self->progress(tr("Saving the account and its sign-in in the keychain…"));
            const Actor actor = Actor::employee(request.employeeId);
            QString accountId = request.accountId;
            if (accountId.isEmpty()) {
                NewAccount account = verified.value().account;
                account.backfillDays = request.backfillDays;
                const auto added
                    = AccountSetup::addWithKeychainSecret(self->m_engine, self->m_secrets, actor, account, password);
                if (!added.ok()) {
                    self->finish({}, added.error().message);
                    return;
                }
                accountId = added.value();
            } else if (const Status s = AccountSetup::replaceSecret(self->m_engine, self->m_secrets, actor, accountId,
                                                                    verified.value().account, password);
                       !s.ok()) {
                self->finish({}, s.error().message);
                return;
            }
            (void)self->m_secrets.write(accountId, AccountSetup::kSession, verified.value().session);
            self->finish(accountId, {});
        });
}

void AccountSignIn::finish(const QString &accountId, const QString &error)
{
    m_running = false;
    if (!error.isEmpty()) {
        qCInfo(lcSync) << "account sign-in did not complete:" << error;
    }
    emit finished(accountId, error);
}

} // namespace sb
