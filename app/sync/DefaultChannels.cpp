#include "sync/DefaultChannels.h"

#include "channels/bluesky/BlueskyChannel.h"
#include "channels/mastodon/MastodonChannel.h"
#include "sync/AccountSetup.h"

namespace sb {

std::unique_ptr<Channel> makeChannel(const ChannelContext &context)
{
    if (context.account.network == QLatin1String("mastodon")) {
        mastodon::MastodonChannelOptions options;
        options.accountId = context.account.id;
        options.instanceUrl = QUrl(context.account.serviceUrl);
        options.selfRemoteId = context.account.remoteId;
        // Tests shorten the request timeout to exercise hung servers quickly.
        if (const int timeout = qEnvironmentVariableIntValue("SWITCHBOARD_REQUEST_TIMEOUT_MS"); timeout > 0) {
            options.timeoutMs = timeout;
        }
        // Read once, then kept in memory only (a keychain round trip per request would be wasteful). A token that
        // cannot be read gives an empty one: the server answers 401 and the account shows "sign in again".
        auto secret = context.secret;
        auto cached = std::make_shared<QString>();
        options.accessToken = [secret, cached]() -> QString {
            if (cached->isEmpty()) {
                const auto token = secret(QStringLiteral("access_token"));
                if (token.ok()) {
                    *cached = token.value();
                }
            }
            return *cached;
        };
        return std::make_unique<mastodon::MastodonChannel>(context.network, std::move(options));
    }
    if (context.account.network == QLatin1String("bluesky")) {
        bluesky::BlueskyChannelOptions options;
        options.accountId = context.account.id;
        options.service = QUrl(context.account.serviceUrl);
        options.identifier = context.account.remoteId.isEmpty() ? context.account.handle : context.account.remoteId;
        options.selfDid = context.account.remoteId;
        if (const int timeout = qEnvironmentVariableIntValue("SWITCHBOARD_REQUEST_TIMEOUT_MS"); timeout > 0) {
            options.timeoutMs = timeout;
        }
        options.plcDirectory = AccountSetup::plcDirectory();
        auto secret = context.secret;
        options.appPassword = [secret]() -> QString {
            const auto password = secret(QStringLiteral("access_token"));
            return password.ok() ? password.value() : QString();
        };
        if (context.loadSession) {
            options.session = bluesky::Session::fromJson(context.loadSession().toUtf8());
        }
        auto channel = std::make_unique<bluesky::BlueskyChannel>(context.network, std::move(options));
        if (context.saveSession) {
            const auto save = context.saveSession;
            QObject::connect(channel.get(), &bluesky::BlueskyChannel::sessionChanged, channel.get(),
                             [save](const bluesky::Session &session) { save(QString::fromUtf8(session.toJson())); });
        }
        return channel;
    }
    return nullptr;
}

void registerDefaultChannels(SyncService &service)
{
    service.setChannelFactory(QStringLiteral("mastodon"), makeChannel);
    service.setChannelFactory(QStringLiteral("bluesky"), makeChannel);
}

} // namespace sb
