#pragma once

#include "MastodonTestServer.h"
#include "channels/mastodon/MastodonChannel.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace sb::testing {

// Runs the event loop until an asynchronous call answers (or `timeoutMs` passes, which reads as an error).
template <typename T>
Result<T> await(const std::function<void(std::function<void(Result<T>)>)> &start, int timeoutMs = 20000)
{
    auto result = std::make_shared<std::optional<Result<T>>>();
    start([result](Result<T> r) { result->emplace(std::move(r)); });
    if (!QTest::qWaitFor([result] { return result->has_value(); }, timeoutMs)) {
        return Error {ErrorKind::Invalid, QStringLiteral("test: no answer within %1 ms").arg(timeoutMs), {}};
    }
    return std::move(**result);
}

// Why a result failed, for QVERIFY2 (which evaluates its message even when the check passes).
template <typename T> QString why(const Result<T> &result)
{
    return result.ok() ? QString() : errorKindName(result.error().kind) + QStringLiteral(": ") + result.error().message;
}

// The error kind of a result as an int, -1 for a success: QCOMPARE-able without assuming a failure.
template <typename T> int kindOf(const Result<T> &result)
{
    return result.ok() ? -1 : int(result.error().kind);
}

// A running test server with a signed-in brand, and channels onto it.
class ChannelFixture {
public:
    MastodonTestServer server;
    QNetworkAccessManager nam;
    MastodonTestServer::Brand brand;
    QString token; // what the channels' token provider hands out

    bool start() { return server.start(); }

    // A fresh instance state: the brand signed in, its token in use.
    bool resetWithBrand()
    {
        if (!server.reset()) {
            return false;
        }
        brand = server.createBrand(QStringLiteral("brand"));
        token = brand.accessToken;
        return !brand.accountId.isEmpty() && !token.isEmpty();
    }

    mastodon::MastodonChannelOptions options() const
    {
        mastodon::MastodonChannelOptions o;
        o.accountId = QStringLiteral("acct-1");
        o.instanceUrl = server.baseUrl();
        o.accessToken = [this] { return token; };
        o.timeoutMs = 5000;
        o.mediaPollFirstMs = 100;
        o.mediaPollMaxMs = 400;
        o.mediaPollTotalMs = 10000;
        o.stream.reconnectMinMs = 100;
        o.stream.reconnectMaxMs = 1000;
        return o;
    }

    std::unique_ptr<mastodon::MastodonChannel>
    channel(const std::function<void(mastodon::MastodonChannelOptions &)> &tweak = {})
    {
        mastodon::MastodonChannelOptions o = options();
        if (tweak) {
            tweak(o);
        }
        return std::make_unique<mastodon::MastodonChannel>(&nam, std::move(o));
    }

    // A remote account ("name@remote.example") and its id.
    QString fan(const QString &name) const { return server.createAccount(name).value(QStringLiteral("id")).toString(); }
};

// The channel's calls as awaitable results.
inline Result<ChannelIdentity> verifyNow(Channel &c)
{
    return await<ChannelIdentity>([&c](auto done) { c.verify(std::move(done)); });
}
inline Result<FeedPage> pollNow(Channel &c, const QString &feed, const QString &cursor)
{
    return await<FeedPage>([&](auto done) { c.pollNewer(feed, cursor, std::move(done)); });
}
inline Result<FeedPage> backfillNow(Channel &c, const QString &feed, const QString &cursor)
{
    return await<FeedPage>([&](auto done) { c.backfillOlder(feed, cursor, std::move(done)); });
}
inline Result<PublishResult> publishNow(Channel &c, const PublishRequest &request)
{
    return await<PublishResult>([&](auto done) { c.publish(request, std::move(done)); });
}
inline Result<PublishResult> reconcileNow(Channel &c, const PublishRequest &request)
{
    return await<PublishResult>([&](auto done) { c.reconcile(request, std::move(done)); });
}

} // namespace sb::testing
