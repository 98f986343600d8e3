// The connector's rules that need no server: how failures are classified, PKCE, reply mentions, recognising a
// published status, the streaming endpoint.
#include "channels/mastodon/MastodonApi.h"
#include "channels/mastodon/MastodonAuth.h"
#include "channels/mastodon/MastodonItems.h"
#include "channels/mastodon/MastodonStream.h"

#include <QSet>
#include <QTest>

Q_DECLARE_METATYPE(sb::mastodon::ReplyOutcome)

using namespace sb;
using namespace sb::mastodon;

namespace {
ReplyOutcome answered(int status, const QByteArray &body = {})
{
    ReplyOutcome o;
    o.httpStatus = status;
    o.body = body;
    o.networkError = status >= 400 ? QNetworkReply::ProtocolInvalidOperationError : QNetworkReply::NoError;
    return o;
}

ReplyOutcome unanswered(QNetworkReply::NetworkError error, bool timedOut = false)
{
    ReplyOutcome o;
    o.networkError = error;
    o.timedOut = timedOut;
    return o;
}

mastodon::Status statusBy(const QString &accountId, const QString &acct)
{
    mastodon::Status s;
    s.id = QStringLiteral("100");
    s.account.id = accountId;
    s.account.acct = acct;
    return s;
}
} // namespace

class TestMastodonRules : public QObject {
    Q_OBJECT
private slots:
    void failureClasses_data()
    {
        QTest::addColumn<ReplyOutcome>("outcome");
        QTest::addColumn<int>("read");
        QTest::addColumn<int>("publish");
        const auto k = [](ErrorKind kind) { return int(kind); };
        QTest::newRow("401") << answered(401, "{\"error\":\"The access token was revoked\"}")
                             << k(ErrorKind::AuthExpired) << k(ErrorKind::AuthExpired);
        QTest::newRow("403") << answered(403) << k(ErrorKind::Permanent) << k(ErrorKind::Permanent);
        QTest::newRow("404") << answered(404) << k(ErrorKind::Permanent) << k(ErrorKind::Permanent);
        QTest::newRow("408") << answered(408) << k(ErrorKind::Transient) << k(ErrorKind::Transient);
        QTest::newRow("422") << answered(422, "{\"error\":\"Validation failed: Text can't be blank\"}")
                             << k(ErrorKind::Permanent) << k(ErrorKind::Permanent);
        QTest::newRow("422-already") << answered(422, "{\"error\":\"Validation failed: You have already voted\"}")
                                     << k(ErrorKind::Duplicate) << k(ErrorKind::Duplicate);
        QTest::newRow("429") << answered(429) << k(ErrorKind::RateLimited) << k(ErrorKind::RateLimited);
        QTest::newRow("500") << answered(500) << k(ErrorKind::Transient) << k(ErrorKind::MaybeCommitted);
        QTest::newRow("503") << answered(503) << k(ErrorKind::Transient) << k(ErrorKind::MaybeCommitted);
        QTest::newRow("refused") << unanswered(QNetworkReply::ConnectionRefusedError) << k(ErrorKind::Transient)
                                 << k(ErrorKind::Transient);
        QTest::newRow("no-host") << unanswered(QNetworkReply::HostNotFoundError) << k(ErrorKind::Transient)
                                 << k(ErrorKind::Transient);
        QTest::newRow("reset") << unanswered(QNetworkReply::RemoteHostClosedError) << k(ErrorKind::Transient)
                               << k(ErrorKind::MaybeCommitted);
        QTest::newRow("timeout") << unanswered(QNetworkReply::OperationCanceledError, true) << k(ErrorKind::Transient)
                                 << k(ErrorKind::MaybeCommitted);
        ReplyOutcome cut = answered(200);
        cut.networkError = QNetworkReply::RemoteHostClosedError; // a success status, then the body was cut
        QTest::newRow("cut-after-200") << cut << k(ErrorKind::Transient) << k(ErrorKind::MaybeCommitted);
        ReplyOutcome huge = answered(200);
        huge.tooLarge = true;
        QTest::newRow("too-large") << huge << k(ErrorKind::Transient) << k(ErrorKind::MaybeCommitted);
        QTest::newRow("unknown-scheme") << unanswered(QNetworkReply::ProtocolUnknownError) << k(ErrorKind::Permanent)
                                        << k(ErrorKind::Transient);
    }
    void failureClasses()
    {
        QFETCH(ReplyOutcome, outcome);
        QFETCH(int, read);
        QFETCH(int, publish);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Error asRead = classifyFailure(outcome, RequestEffect::Read, now);
        QCOMPARE(int(asRead.kind), read);
        QVERIFY(!asRead.message.isEmpty());
        QCOMPARE(int(classifyFailure(outcome, RequestEffect::Publish, now).kind), publish);
        QCOMPARE(int(classifyFailure(outcome, RequestEffect::Write, now).kind), read);
    }

    void serverMessagesAreKept()
    {
        const Error e = classifyFailure(answered(422, "{\"error\":\"Text character limit of 500 exceeded\"}"),
                                        RequestEffect::Publish, QDateTime::currentDateTimeUtc());
        QVERIFY(e.message.contains(QStringLiteral("422")));
        QVERIFY(e.message.contains(QStringLiteral("Text character limit of 500 exceeded")));
    }

    void rateLimitRetryTime()
    {
        const QDateTime now(QDate(2026, 8, 1), QTime(13, 0), Qt::UTC);
        ReplyOutcome o = answered(429, "{\"error\":\"Too many requests\"}");
        o.rateLimit = parseRateLimit("300", "0", "2026-08-01T13:05:00.123456Z", now);
        QCOMPARE(classifyFailure(o, RequestEffect::Read, now).retryAt,
                 QDateTime(QDate(2026, 8, 1), QTime(13, 5, 0, 123), Qt::UTC));
        ReplyOutcome retryAfter = answered(429);
        retryAfter.retryAfter = "90";
        QCOMPARE(classifyFailure(retryAfter, RequestEffect::Read, now).retryAt, now.addSecs(90));
        QVERIFY(!classifyFailure(answered(429), RequestEffect::Read, now).retryAt.isValid());
    }

    void pkceMatchesRfc7636()
    {
        // RFC 7636, appendix B.
        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QVERIFY(Pkce::isValidVerifier(verifier));
        QCOMPARE(Pkce::challengeS256(verifier), QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void pkceVerifiers()
    {
        QSet<QString> seen;
        for (int length : {10, 43, 64, 128, 500}) {
            const QString v = Pkce::generateVerifier(length);
            QVERIFY2(Pkce::isValidVerifier(v), qPrintable(v));
            QCOMPARE(v.size(), qBound(43, length, 128));
            QVERIFY(!seen.contains(v));
            seen.insert(v);
            const QString challenge = Pkce::challengeS256(v);
            QCOMPARE(challenge.size(), 43); // 32 bytes, base64url, no padding
            QVERIFY(!challenge.contains(QLatin1Char('=')) && !challenge.contains(QLatin1Char('+'))
                    && !challenge.contains(QLatin1Char('/')));
        }
        QVERIFY(!Pkce::isValidVerifier(QString(42, QLatin1Char('a'))));
        QVERIFY(!Pkce::isValidVerifier(QString(129, QLatin1Char('a'))));
        QVERIFY(!Pkce::isValidVerifier(QString(43, QLatin1Char('a')) + QLatin1Char('+')));
        QVERIFY(!Pkce::isValidVerifier(QString(43, QChar(0xe9))));
    }

    void mentionsAreRecognised_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("acct");
        QTest::addColumn<bool>("mentioned");
        QTest::newRow("remote") << "@bob@remote.example hi"
                                << "bob@remote.example" << true;
        QTest::newRow("remote-case") << "hi @Bob@Remote.Example!"
                                     << "bob@remote.example" << true;
        QTest::newRow("remote-other-domain") << "@bob@elsewhere.example hi"
                                             << "bob@remote.example" << false;
        QTest::newRow("remote-short") << "@bob hi"
                                      << "bob@remote.example" << false;
        QTest::newRow("local") << "thanks @ann."
                               << "ann" << true;
        QTest::newRow("local-full") << "@ann@shop.example thanks"
                                    << "ann" << true;
        QTest::newRow("local-longer-name") << "@anna thanks"
                                           << "ann" << false;
        QTest::newRow("local-dotted-name") << "@ann.b thanks"
                                           << "ann" << false;
        QTest::newRow("email") << "mail ann@ann.example"
                               << "ann" << false;
        QTest::newRow("url") << "see https://x.example/@ann"
                             << "ann" << false;
    }
    void mentionsAreRecognised()
    {
        QFETCH(QString, text);
        QFETCH(QString, acct);
        QFETCH(bool, mentioned);
        QCOMPARE(textMentions(text, acct, QStringLiteral("shop.example")), mentioned);
    }

    void replyRecipients()
    {
        mastodon::Status parent = statusBy(QStringLiteral("7"), QStringLiteral("dora@remote.example"));
        parent.mentions = {{QStringLiteral("1"), QStringLiteral("brand"), QStringLiteral("brand")},
                           {QStringLiteral("8"), QStringLiteral("eve"), QStringLiteral("eve@other.example")}};
        const QString self = QStringLiteral("1");
        QCOMPARE(replyTextWithRecipients(QStringLiteral("On its way"), parent, QStringLiteral("public"), self, {}),
                 QStringLiteral("@dora@remote.example On its way"));
        QCOMPARE(replyTextWithRecipients(QStringLiteral("On its way"), parent, QStringLiteral("direct"), self, {}),
                 QStringLiteral("@dora@remote.example @eve@other.example On its way"));
        QCOMPARE(replyTextWithRecipients(QStringLiteral("@eve@other.example see DM"), parent, QStringLiteral("direct"),
                                         self, {}),
                 QStringLiteral("@dora@remote.example @eve@other.example see DM"));
        // Replying to ourselves mentions nobody.
        const mastodon::Status own = statusBy(self, QStringLiteral("brand"));
        QCOMPARE(replyTextWithRecipients(QStringLiteral("Update: fixed"), own, QStringLiteral("public"), self, {}),
                 QStringLiteral("Update: fixed"));
    }

    void publishedStatusIsRecognised()
    {
        mastodon::Status s = statusBy(QStringLiteral("1"), QStringLiteral("brand"));
        s.inReplyToId = QStringLiteral("55");
        s.content
            = QStringLiteral("<p><span class=\"h-card\"><a href=\"https://remote.example/@dora\" class=\"u-url "
                             "mention\">@<span>dora</span></a></span> It ships <a href=\"https://shop.example/t/"
                             "1\"><span class=\"invisible\">https://</span><span class=\"\">shop.example/t/1</span>"
                             "</a> today!</p>");
        PublishRequest r;
        r.inReplyToRemoteId = QStringLiteral("55");
        r.text = QStringLiteral("It ships  https://shop.example/t/1 today!");
        QVERIFY(statusMatchesRequest(s, r));
        r.text = QStringLiteral("@dora@remote.example It ships https://shop.example/t/1 today!");
        QVERIFY(statusMatchesRequest(s, r));
        r.text = QStringLiteral("It ships tomorrow!");
        QVERIFY(!statusMatchesRequest(s, r));
        r.text = QStringLiteral("It ships https://shop.example/t/1 today!");
        r.inReplyToRemoteId = QStringLiteral("56");
        QVERIFY(!statusMatchesRequest(s, r)); // the same words in another thread are another post
        r.inReplyToRemoteId = QStringLiteral("55");
        r.spoilerText = QStringLiteral("cw");
        QVERIFY(!statusMatchesRequest(s, r));
        r.spoilerText.clear();
        r.mediaIds = {QStringLiteral("9")};
        QVERIFY(!statusMatchesRequest(s, r));
        s.mediaIds = {QStringLiteral("9")};
        QVERIFY(statusMatchesRequest(s, r));
    }

    void streamingEndpoints()
    {
        QCOMPARE(streamingEndpoint(QUrl(QStringLiteral("wss://streaming.example")), QUrl(QStringLiteral("https://x"))),
                 QUrl(QStringLiteral("wss://streaming.example/api/v1/streaming?stream=user")));
        QCOMPARE(streamingEndpoint({}, QUrl(QStringLiteral("https://mastodon.example/"))),
                 QUrl(QStringLiteral("wss://mastodon.example/api/v1/streaming?stream=user")));
        QCOMPARE(streamingEndpoint(QUrl(QStringLiteral("http://127.0.0.1:4000")), {}),
                 QUrl(QStringLiteral("ws://127.0.0.1:4000/api/v1/streaming?stream=user")));
    }
};

QTEST_GUILESS_MAIN(TestMastodonRules)
#include "tst_mastodon_rules.moc"
