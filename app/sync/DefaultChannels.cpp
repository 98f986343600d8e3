#include "sync/DefaultChannels.h"

#include "channels/mastodon/MastodonChannel.h"

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
    return nullptr;
}

void registerDefaultChannels(SyncService &service)
{
    service.setChannelFactory(QStringLiteral("mastodon"), makeChannel);
}

} // namespace sb
