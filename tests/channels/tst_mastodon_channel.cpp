// The Mastodon connector against the Mastodon test server (tests/mastodon): reading feeds, threads, counters,
// streaming, errors of the read path, and signing in.
#include "ChannelTestSupport.h"
#include "channels/mastodon/MastodonAuth.h"

#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>

using namespace sb;
using namespace sb::mastodon;
using namespace sb::testing;

namespace {
const QString kNotifications = MastodonChannel::kNotificationsFeed;
const QString kConversations = MastodonChannel::kConversationsFeed;

QString idOf(const QJsonObject &entity)
{
    return entity.value(QStringLiteral("id")).toString();
}

QStringList remoteIds(const std::vector<IncomingItem> &items)
{
    QStringList ids;
    for (const IncomingItem &item : items) {
        ids.append(item.remoteId);
    }
    return ids;
}
} // namespace

class TestMastodonChannel : public QObject {
    Q_OBJECT
    ChannelFixture f;

private slots:
    void initTestCase() { QVERIFY2(f.start(), qPrintable(f.server.errorString())); }
    void init() { QVERIFY(f.resetWithBrand()); }

    void verifyReadsIdentityAndLimits()
    {
        QVERIFY(f.server.configure({{QStringLiteral("max_characters"), 1000}}));
        auto channel = f.channel();
        QCOMPARE(channel->capabilities().maxCharacters, 500); // Mastodon's default until verified
        auto identity = verifyNow(*channel);
        QVERIFY2(identity.ok(), qPrintable(why(identity)));
        QCOMPARE(identity.value().remoteId, f.brand.accountId);
        QVERIFY2(identity.value().handle.startsWith(QStringLiteral("@brand@")), qPrintable(identity.value().handle));
        const ChannelCapabilities caps = channel->capabilities();
        QCOMPARE(caps.maxCharacters, 1000);
        QCOMPARE(caps.urlWeight, 23);
        QCOMPARE(caps.maxMediaPerPost, 4);
        QVERIFY(caps.supportsStreaming);
        QVERIFY(caps.supportsIdempotencyKey);
        QCOMPARE(channel->instance().streamingUrl, f.server.streamingUrl());
        QVERIFY(channel->rateLimit().limit > 0);
        QVERIFY(channel->rateLimit().reset.isValid());
    }

    void backfillThenPollWithLinkPaging()
    {
        const QJsonObject bulk = f.server
                                     .control("POST", QStringLiteral("/_test/bulk"),
                                              {{QStringLiteral("count"), 100}, {QStringLiteral("days"), 2}})
                                     .object();
        QCOMPARE(bulk.value(QStringLiteral("created")).toInt(), 100);
        auto channel = f.channel([](MastodonChannelOptions &o) { o.pageSize = 30; });
        QVERIFY(verifyNow(*channel).ok());

        // Backfill from the top until the server has nothing older: four pages of 30.
        QSet<QString> seen;
        QString cursor;
        QString newest;
        int pages = 0;
        qint64 previousOldest = std::numeric_limits<qint64>::max();
        do {
            auto page = backfillNow(*channel, kNotifications, cursor);
            QVERIFY2(page.ok(), qPrintable(why(page)));
            if (pages == 0) {
                newest = page.value().newestCursor;
            }
            for (const IncomingItem &item : page.value().items) {
                QCOMPARE(item.kind, QStringLiteral("mention"));
                QCOMPARE(item.threadKey, item.remoteId); // a mention that replies to nothing starts its thread
                QVERIFY(item.author.handle.endsWith(QStringLiteral("@bulk.example")));
                QVERIFY(item.text.contains(QStringLiteral("Question #")));
                QVERIFY(!seen.contains(item.remoteId));
                seen.insert(item.remoteId);
            }
            if (!page.value().items.empty()) {
                QVERIFY(page.value().oldestItemAtMs > 0);
                QVERIFY(page.value().oldestItemAtMs <= previousOldest);
                previousOldest = page.value().oldestItemAtMs;
            }
            cursor = page.value().olderCursor;
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen.size(), 100);
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        QVERIFY(!newest.isEmpty());

        // Nothing new yet; then three new mentions arrive, oldest first, and the cursor moves past them.
        auto none = pollNow(*channel, kNotifications, newest);
        QVERIFY(none.ok());
        QVERIFY(none.value().items.empty());
        QVERIFY(none.value().newestCursor.isEmpty());
        const QString fan = f.fan(QStringLiteral("newfan"));
        QStringList posted;
        for (int i = 0; i < 3; ++i) {
            posted.append(idOf(f.server.postAs(fan, QStringLiteral("@brand new question %1").arg(i))));
        }
        auto fresh = pollNow(*channel, kNotifications, newest);
        QVERIFY2(fresh.ok(), qPrintable(why(fresh)));
        const QStringList freshIds = remoteIds(fresh.value().items);
        QCOMPARE(QSet<QString>(freshIds.cbegin(), freshIds.cend()), QSet<QString>(posted.cbegin(), posted.cend()));
        QVERIFY(compareIds(fresh.value().newestCursor, newest) > 0);
        QCOMPARE(fresh.value().items.front().author.handle, QStringLiteral("@newfan@remote.example"));
        auto after = pollNow(*channel, kNotifications, fresh.value().newestCursor);
        QVERIFY(after.ok());
        QVERIFY(after.value().items.empty());
    }

    void pollNewerPagesForwardWithoutGaps()
    {
        auto channel = f.channel([](MastodonChannelOptions &o) { o.pageSize = 10; });
        QVERIFY(verifyNow(*channel).ok());
        const QString fan = f.fan(QStringLiteral("chatty"));
        f.server.postAs(fan, QStringLiteral("@brand first"));
        auto top = pollNow(*channel, kNotifications, {});
        QVERIFY(top.ok());
        QString cursor = top.value().newestCursor;
        QVERIFY(!cursor.isEmpty());
        QStringList posted;
        for (int i = 0; i < 25; ++i) {
            posted.append(idOf(f.server.postAs(fan, QStringLiteral("@brand number %1").arg(i))));
        }
        // Each page is the next 10 after the cursor (min_id), so 25 new mentions take three polls.
        QStringList received;
        for (int round = 0; round < 5; ++round) {
            auto page = pollNow(*channel, kNotifications, cursor);
            QVERIFY2(page.ok(), qPrintable(why(page)));
            if (page.value().items.empty()) {
                break;
            }
            received += remoteIds(page.value().items);
            cursor = page.value().newestCursor;
        }
        received.sort();
        posted.sort();
        QCOMPARE(received, posted);
    }

    void skippedNotificationsStillMoveTheCursor()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString fan = f.fan(QStringLiteral("liker"));
        f.server.postAs(fan, QStringLiteral("@brand hello"));
        auto top = pollNow(*channel, kNotifications, {});
        QVERIFY(top.ok());
        QCOMPARE(top.value().items.size(), size_t(1));
        // Favourites and follows are notifications but no inbox items.
        const QString own = idOf(f.server.postAs(f.brand.accountId, QStringLiteral("Our launch post")));
        QVERIFY(f.server.favourite(own, fan));
        QVERIFY(f.server
                    .control("POST", QStringLiteral("/_test/follows"),
                             {{QStringLiteral("account_id"), fan}, {QStringLiteral("target_id"), f.brand.accountId}})
                    .status
                == 200);
        auto skipped = pollNow(*channel, kNotifications, top.value().newestCursor);
        QVERIFY2(skipped.ok(), qPrintable(why(skipped)));
        QVERIFY(skipped.value().items.empty());
        QVERIFY(compareIds(skipped.value().newestCursor, top.value().newestCursor) > 0);
    }

    void editsAndQuotes()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString fan = f.fan(QStringLiteral("editor"));
        const QString mention = idOf(f.server.postAs(fan, QStringLiteral("@brand the blue one is broken")));
        auto first = pollNow(*channel, kNotifications, {});
        QVERIFY2(first.ok(), qPrintable(why(first)));
        QCOMPARE(remoteIds(first.value().items), QStringList {mention});

        // An edit notification brings the same item back with its new text (ingest updates it in place).
        QVERIFY(f.server.editStatus(mention, QStringLiteral("@brand the red one is broken"), true));
        auto edited = pollNow(*channel, kNotifications, first.value().newestCursor);
        QVERIFY2(edited.ok(), qPrintable(why(edited)));
        QCOMPARE(remoteIds(edited.value().items), QStringList {mention});
        QCOMPARE(edited.value().items.front().text, QStringLiteral("@brand the red one is broken"));
        QCOMPARE(edited.value().items.front().kind, QStringLiteral("mention"));

        // A quote of one of our posts.
        const QString own = idOf(f.server.postAs(f.brand.accountId, QStringLiteral("New colours are in")));
        const QString quote
            = idOf(f.server.postAs(fan, QStringLiteral("Finally!"), {{QStringLiteral("quote_id"), own}}));
        auto quoted = pollNow(*channel, kNotifications, edited.value().newestCursor);
        QVERIFY2(quoted.ok(), qPrintable(why(quoted)));
        QCOMPARE(remoteIds(quoted.value().items), QStringList {quote});
        QCOMPARE(quoted.value().items.front().kind, QStringLiteral("quote"));
        QCOMPARE(quoted.value().items.front().threadKey, quote);
    }

    void repliesToRepliesShareTheirThread()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString ann = f.fan(QStringLiteral("ann"));
        const QString bob = f.fan(QStringLiteral("bob"));
        const QString root = idOf(f.server.postAs(ann, QStringLiteral("@brand my order is late")));
        const QString reply = idOf(
            f.server.postAs(bob, QStringLiteral("@ann @brand mine too"), {{QStringLiteral("in_reply_to_id"), root}}));
        const QString deeper = idOf(
            f.server.postAs(ann, QStringLiteral("@bob @brand any news?"), {{QStringLiteral("in_reply_to_id"), reply}}));
        // A fresh channel knows no thread: the deepest reply is placed through /context.
        auto page = pollNow(*channel, kNotifications, {});
        QVERIFY2(page.ok(), qPrintable(why(page)));
        QCOMPARE(page.value().items.size(), size_t(3));
        for (const IncomingItem &item : page.value().items) {
            QCOMPARE(item.threadKey, root);
        }
        auto thread
            = await<std::vector<IncomingItem>>([&](auto done) { channel->fetchThread(deeper, std::move(done)); });
        QVERIFY2(thread.ok(), qPrintable(why(thread)));
        QCOMPARE(remoteIds(thread.value()), (QStringList {root, reply, deeper}));
        for (const IncomingItem &item : thread.value()) {
            QCOMPARE(item.threadKey, root);
        }
        QCOMPARE(thread.value()[2].parentRemoteId, reply);
        QCOMPARE(thread.value()[2].kind, QStringLiteral("mention")); // a reply to Bob that mentions us

        // A reply to one of our own posts is a reply, also deep in a thread we started.
        const QString ours = idOf(f.server.postAs(f.brand.accountId, QStringLiteral("@ann sorry, checking"),
                                                  {{QStringLiteral("in_reply_to_id"), deeper}}));
        const QString answer
            = idOf(f.server.postAs(ann, QStringLiteral("@brand thanks"), {{QStringLiteral("in_reply_to_id"), ours}}));
        auto more = pollNow(*channel, kNotifications, page.value().newestCursor);
        QVERIFY2(more.ok(), qPrintable(why(more)));
        QCOMPARE(remoteIds(more.value().items), QStringList {answer});
        QCOMPARE(more.value().items.front().kind, QStringLiteral("reply"));
        QCOMPARE(more.value().items.front().threadKey, root);
        auto gone = await<std::vector<IncomingItem>>(
            [&](auto done) { channel->fetchThread(QStringLiteral("999999"), done); });
        QVERIFY(!gone.ok());
        QCOMPARE(kindOf(gone), int(ErrorKind::Permanent));
    }

    void directMessagesAreGroupedByConversation()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString carol = f.fan(QStringLiteral("carol"));
        const QJsonObject direct {{QStringLiteral("visibility"), QStringLiteral("direct")}};
        const QString first = idOf(f.server.postAs(carol, QStringLiteral("@brand psst, my address changed"), direct));
        auto page = pollNow(*channel, kConversations, {});
        QVERIFY2(page.ok(), qPrintable(why(page)));
        QCOMPARE(page.value().items.size(), size_t(1));
        const IncomingItem dm = page.value().items.front();
        QCOMPARE(dm.kind, QStringLiteral("dm"));
        QCOMPARE(dm.remoteId, first);
        QVERIFY(dm.threadKey != first); // the conversation's id, not a status id
        // DMs never come through the notifications feed, so they cannot land in a second conversation.
        auto notes = pollNow(*channel, kNotifications, {});
        QVERIFY(notes.ok());
        QVERIFY(notes.value().items.empty());

        // Two more before the next poll: the conversation only shows the last, the thread gives both.
        QJsonObject followUp = direct;
        followUp.insert(QStringLiteral("in_reply_to_id"), first);
        const QString second = idOf(f.server.postAs(carol, QStringLiteral("@brand new street: Elm 5"), followUp));
        followUp.insert(QStringLiteral("in_reply_to_id"), second);
        const QString third = idOf(f.server.postAs(carol, QStringLiteral("@brand and the zip is 12345"), followUp));
        auto fresh = pollNow(*channel, kConversations, page.value().newestCursor);
        QVERIFY2(fresh.ok(), qPrintable(why(fresh)));
        const QStringList ids = remoteIds(fresh.value().items);
        QVERIFY2(ids.contains(second) && ids.contains(third), qPrintable(ids.join(u',')));
        for (const IncomingItem &item : fresh.value().items) {
            QCOMPARE(item.threadKey, dm.threadKey);
            QCOMPARE(item.kind, QStringLiteral("dm"));
        }
    }

    void countersOfOwnStatuses()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        const QString own = idOf(f.server.postAs(f.brand.accountId, QStringLiteral("Big news")));
        const QString deleted = idOf(f.server.postAs(f.brand.accountId, QStringLiteral("Oops")));
        QVERIFY(f.server.deleteStatus(deleted));
        QVERIFY(f.server.favourite(own, f.fan(QStringLiteral("f1"))));
        QVERIFY(f.server.favourite(own, f.fan(QStringLiteral("f2"))));
        QVERIFY(f.server.reblog(own, f.fan(QStringLiteral("f3"))));
        auto counters = await<std::vector<ItemCounters>>([&](auto done) {
            channel->fetchCounters({own, deleted, QStringLiteral("../x")}, std::move(done));
        });
        QVERIFY2(counters.ok(), qPrintable(why(counters)));
        QCOMPARE(counters.value().size(), size_t(1));
        QCOMPARE(counters.value().front().remoteId, own);
        QCOMPARE(counters.value().front().likes, 2);
        QCOMPARE(counters.value().front().reposts, 1);
    }

    void revokedTokenMeansAuthExpired()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        QVERIFY(f.server.revokeTokens(f.brand.accountId));
        auto page = pollNow(*channel, kNotifications, {});
        QVERIFY(!page.ok());
        QCOMPARE(kindOf(page), int(ErrorKind::AuthExpired));
        auto again = verifyNow(*channel);
        QCOMPARE(kindOf(again), int(ErrorKind::AuthExpired));
        f.token.clear(); // nothing in the keychain: no request is even tried
        QCOMPARE(kindOf(pollNow(*channel, kNotifications, {})), int(ErrorKind::AuthExpired));
    }

    void rateLimitCarriesTheResetTime()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        QVERIFY(f.server.addFault({{QStringLiteral("kind"), QStringLiteral("429")},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/notifications")},
                                   {QStringLiteral("reset_in"), 120}}));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        auto page = pollNow(*channel, kNotifications, {});
        QVERIFY(!page.ok());
        QCOMPARE(kindOf(page), int(ErrorKind::RateLimited));
        QVERIFY(page.error().retryAt.isValid());
        const qint64 wait = before.secsTo(page.error().retryAt);
        QVERIFY2(wait >= 110 && wait <= 130, qPrintable(QString::number(wait)));
        QVERIFY(pollNow(*channel, kNotifications, {}).ok()); // one fault only
    }

    void readFaultsAreTransientAndNeverFatal_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("500") << "500";
        QTest::newRow("502") << "502";
        QTest::newRow("503") << "503";
        QTest::newRow("reset") << "reset";
        QTest::newRow("hang") << "hang";
        QTest::newRow("truncate") << "truncate";
        QTest::newRow("cut_body") << "cut_body";
        QTest::newRow("invalid_utf8") << "invalid_utf8";
        QTest::newRow("huge_body") << "huge_body";
    }
    void readFaultsAreTransientAndNeverFatal()
    {
        QFETCH(QString, kind);
        auto channel = f.channel([](MastodonChannelOptions &o) { o.timeoutMs = 1000; });
        QVERIFY(verifyNow(*channel).ok());
        const QString fan = f.fan(QStringLiteral("steady"));
        const QString mention = idOf(f.server.postAs(fan, QStringLiteral("@brand still there?")));
        // Several times: Qt's HTTP layer itself retries (up to three times) a GET whose connection was reset before
        // any answer. The faults are cleared right after the failed poll.
        QVERIFY(f.server.addFault({{QStringLiteral("kind"), kind},
                                   {QStringLiteral("path"), QStringLiteral("/api/v1/notifications")},
                                   {QStringLiteral("count"), 5}}));
        auto failed = pollNow(*channel, kNotifications, {});
        QVERIFY(f.server.clearFaults());
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().kind == ErrorKind::Transient, qPrintable(why(failed)));
        QVERIFY(!failed.error().message.isEmpty());
        // The same call succeeds once the fault is gone: nothing lost, nothing stuck.
        auto page = pollNow(*channel, kNotifications, {});
        QVERIFY2(page.ok(), qPrintable(why(page)));
        QCOMPARE(remoteIds(page.value().items), QStringList {mention});
    }

    void streamedMentionArrivesWithinASecond()
    {
        auto channel = f.channel();
        QVERIFY(verifyNow(*channel).ok());
        QSignalSpy state(channel.get(), &Channel::streamingStateChanged);
        QSignalSpy streamed(channel.get(), &Channel::streamed);
        channel->startStreaming();
        QTRY_VERIFY_WITH_TIMEOUT(channel->isStreamConnected(), 5000);
        QCOMPARE(state.first().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.streamClients(), 1, 2000);
        QTest::qWait(100); // the `direct` subscription travels after the handshake

        const QString fan = f.fan(QStringLiteral("fast"));
        QElapsedTimer clock;
        clock.start();
        const QString mention = idOf(f.server.postAs(fan, QStringLiteral("@brand are you live?")));
        QTRY_VERIFY_WITH_TIMEOUT(!streamed.isEmpty(), 1000);
        QVERIFY(clock.elapsed() < 1000);
        const FeedPage page = streamed.takeFirst().first().value<FeedPage>();
        QCOMPARE(page.items.size(), size_t(1));
        QCOMPARE(page.items.front().remoteId, mention);
        QCOMPARE(page.items.front().kind, QStringLiteral("mention"));
        QCOMPARE(page.items.front().threadKey, mention);

        // An edit of a status addressed to us comes as the same item with its new text.
        streamed.clear();
        QVERIFY(f.server.editStatus(mention, QStringLiteral("@brand are you live now?")));
        QTRY_VERIFY_WITH_TIMEOUT(!streamed.isEmpty(), 2000);
        const FeedPage edit = streamed.takeFirst().first().value<FeedPage>();
        QCOMPARE(edit.items.size(), size_t(1));
        QCOMPARE(edit.items.front().remoteId, mention);
        QCOMPARE(edit.items.front().text, QStringLiteral("@brand are you live now?"));

        // A DM arrives as its conversation; a deletion as a deleted id.
        streamed.clear();
        const QString dm = idOf(f.server.postAs(fan, QStringLiteral("@brand secretly"),
                                                {{QStringLiteral("visibility"), QStringLiteral("direct")}}));
        QTRY_VERIFY_WITH_TIMEOUT(!streamed.isEmpty(), 2000);
        const FeedPage dmPage = streamed.takeFirst().first().value<FeedPage>();
        QCOMPARE(dmPage.items.size(), size_t(1));
        QCOMPARE(dmPage.items.front().remoteId, dm);
        QCOMPARE(dmPage.items.front().kind, QStringLiteral("dm"));
        QVERIFY(dmPage.items.front().threadKey != dm);
        streamed.clear();
        QVERIFY(f.server.deleteStatus(mention));
        QTRY_VERIFY_WITH_TIMEOUT(!streamed.isEmpty(), 2000);
        QCOMPARE(streamed.takeFirst().first().value<FeedPage>().deletedRemoteIds, QStringList {mention});

        // Dropped by the server: reported, then reconnected with backoff.
        state.clear();
        QVERIFY(f.server.dropStreams(true) >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(!state.isEmpty() && !state.first().first().toBool(), 3000);
        QTRY_VERIFY_WITH_TIMEOUT(channel->isStreamConnected(), 5000);
        QCOMPARE(state.last().first().toBool(), true);
        channel->stopStreaming();
        QVERIFY(!channel->isStreamConnected());
        QTRY_COMPARE_WITH_TIMEOUT(f.server.streamClients(), 0, 2000);
    }

    void signInThroughTheBrowserWithPkce()
    {
        SignInOptions options;
        options.instanceUrl = f.server.baseUrl();
        options.website = QStringLiteral("https://switchboard.example");
        MastodonSignIn signIn(&f.nam, options);
        QUrl authorizeUrl;
        // The "browser": asks for the consent page, which the test server approves at once, and follows the
        // redirect to the loopback listener.
        connect(&signIn, &MastodonSignIn::openBrowser, this, [this, &authorizeUrl](const QUrl &url) {
            authorizeUrl = url;
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *consent = f.nam.get(request);
            connect(consent, &QNetworkReply::finished, this, [this, consent] {
                consent->deleteLater();
                const QUrl back = consent->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
                QNetworkReply *landing = f.nam.get(QNetworkRequest(consent->url().resolved(back)));
                connect(landing, &QNetworkReply::finished, landing, &QObject::deleteLater);
            });
        });
        auto result = await<SignInResult>([&](auto done) { signIn.startBrowserFlow(std::move(done)); });
        QVERIFY2(result.ok(), qPrintable(why(result)));
        const QUrlQuery query(authorizeUrl);
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
        QVERIFY(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(!result.value().accessToken.isEmpty());
        QVERIFY(!result.value().app.clientId.isEmpty());

        // The new token works.
        f.token = result.value().accessToken;
        auto identity = verifyNow(*f.channel());
        QVERIFY2(identity.ok(), qPrintable(why(identity)));
        QCOMPARE(identity.value().remoteId, f.brand.accountId);
    }

    void signInOutOfBand()
    {
        SignInOptions options;
        options.instanceUrl = f.server.baseUrl();
        MastodonSignIn signIn(&f.nam, options);
        // The "person": opens the page, copies the code shown there and pastes it back.
        connect(&signIn, &MastodonSignIn::openBrowser, this, [this, &signIn](const QUrl &url) {
            QNetworkReply *page = f.nam.get(QNetworkRequest(url));
            connect(page, &QNetworkReply::finished, this, [page, &signIn] {
                page->deleteLater();
                static const QRegularExpression codeRe(QStringLiteral("class=\"oauth-code\"[^>]*value=\"([^\"]+)\""));
                signIn.submitCode(codeRe.match(QString::fromUtf8(page->readAll())).captured(1));
            });
        });
        auto result = await<SignInResult>([&](auto done) { signIn.startOutOfBandFlow(std::move(done)); });
        QVERIFY2(result.ok(), qPrintable(why(result)));
        QVERIFY(result.value().app.redirectUris.contains(kOutOfBandRedirect));
        f.token = result.value().accessToken;
        QVERIFY(verifyNow(*f.channel()).ok());
    }

    void signInDeniedOrWrongCode()
    {
        QVERIFY(f.server.configure({{QStringLiteral("deny_authorization"), true}}));
        SignInOptions options;
        options.instanceUrl = f.server.baseUrl();
        MastodonSignIn denied(&f.nam, options);
        connect(&denied, &MastodonSignIn::openBrowser, this, [this](const QUrl &url) {
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *consent = f.nam.get(request);
            connect(consent, &QNetworkReply::finished, this, [this, consent] {
                consent->deleteLater();
                const QUrl back = consent->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
                QNetworkReply *landing = f.nam.get(QNetworkRequest(consent->url().resolved(back)));
                connect(landing, &QNetworkReply::finished, landing, &QObject::deleteLater);
            });
        });
        auto refused = await<SignInResult>([&](auto done) { denied.startBrowserFlow(std::move(done)); });
        QVERIFY(!refused.ok());
        QCOMPARE(kindOf(refused), int(ErrorKind::Permanent));
        QVERIFY(refused.error().message.contains(QStringLiteral("access_denied")));

        QVERIFY(f.server.configure({{QStringLiteral("deny_authorization"), false}}));
        MastodonSignIn wrong(&f.nam, options);
        connect(&wrong, &MastodonSignIn::openBrowser, this, [&wrong] { wrong.submitCode(QStringLiteral("not-it")); });
        auto rejected = await<SignInResult>([&](auto done) { wrong.startOutOfBandFlow(std::move(done)); });
        QVERIFY(!rejected.ok());
        QVERIFY(rejected.error().kind == ErrorKind::Permanent || rejected.error().kind == ErrorKind::AuthExpired);
    }
};

QTEST_GUILESS_MAIN(TestMastodonChannel)
#include "tst_mastodon_channel.moc"
