#include "channels/mastodon/MastodonItems.h"
#include "channels/mastodon/MastodonParse.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace sb;
using namespace sb::mastodon;

namespace {

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(SB_MASTODON_FIXTURES "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    return file.readAll();
}

// The recorded server-sent events as WebSocket frames, which carry the same event with its data as a string.
QList<QByteArray> framesFromSse(const QByteArray &sse)
{
    QList<QByteArray> frames;
    QString event;
    for (const QByteArray &line : sse.split('\n')) {
        if (line.startsWith("event: ")) {
            event = QString::fromUtf8(line.mid(7));
        } else if (line.startsWith("data: ") && !event.isEmpty()) {
            const QJsonObject frame {{QStringLiteral("stream"), QJsonArray {QStringLiteral("user")}},
                                     {QStringLiteral("event"), event},
                                     {QStringLiteral("payload"), QString::fromUtf8(line.mid(6))}};
            frames.append(QJsonDocument(frame).toJson(QJsonDocument::Compact));
            event.clear();
        }
    }
    return frames;
}

QByteArray replaced(QByteArray body, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = body.indexOf(from);
    if (at < 0) {
        qFatal("fixture lacks %s", from.constData());
    }
    return body.replace(at, from.size(), to);
}

const QString kAdmin = QStringLiteral("117020565693913441");
const QString kTest = QStringLiteral("117020565966271181"); // mastodonpy_test
const QString kTest2 = QStringLiteral("117020566092212359"); // mastodonpy_test_2

ItemContext contextFor(const QString &self)
{
    return ItemContext {QStringLiteral("acct-1"), self, QStringLiteral("localhost:3000")};
}

} // namespace

class TestMastodonParse : public QObject {
    Q_OBJECT
private slots:
    void notificationsPage()
    {
        auto list = parseNotifications(fixture("notifications.json"));
        QVERIFY(list.ok());
        QCOMPARE(list.value().entries.size(), size_t(1));
        QCOMPARE(list.value().skipped, 0);
        QCOMPARE(list.value().newestId, QStringLiteral("20"));
        QCOMPARE(list.value().oldestId, QStringLiteral("20"));
        const Notification &n = list.value().entries.front();
        QCOMPARE(n.type, QStringLiteral("mention"));
        QVERIFY(n.account);
        QCOMPARE(n.account->acct, QStringLiteral("admin"));
        QVERIFY(n.status);
        QCOMPARE(n.status->id, QStringLiteral("117020576916218297"));
        QCOMPARE(n.status->createdAt,
                 QDateTime(QDate(2026, 8, 1), QTime(13, 51, 39, 138), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(n.status->mentions.size(), size_t(1));
        QCOMPARE(n.status->mentions.front().id, kTest);

        // Received by mastodonpy_test: a mention, as a plain-text and a sanitized item.
        const ItemContext ctx = contextFor(kTest);
        QCOMPARE(notificationUse(n, ctx), NotificationUse::Item);
        QCOMPARE(itemKind(*n.status, ctx, n.type), QStringLiteral("mention"));
        const IncomingItem item = toItem(*n.status, ctx, n.status->id, itemKind(*n.status, ctx, n.type));
        QCOMPARE(item.accountId, QStringLiteral("acct-1"));
        QCOMPARE(item.remoteId, QStringLiteral("117020576916218297"));
        QCOMPARE(item.threadKey, QStringLiteral("117020576916218297"));
        QCOMPARE(item.kind, QStringLiteral("mention"));
        QVERIFY(!item.outbound);
        QCOMPARE(item.text, QStringLiteral("@mastodonpy_test hello!"));
        QVERIFY(item.html.contains(QStringLiteral("href=\"http://localhost:3000/@mastodonpy_test\"")));
        QVERIFY(!item.html.contains(QStringLiteral("translate=")));
        QCOMPARE(item.lang, QStringLiteral("en"));
        QCOMPARE(item.url, QStringLiteral("http://localhost:3000/@admin/117020576916218297"));
        QCOMPARE(item.author.remoteId, kAdmin);
        QCOMPARE(item.author.handle, QStringLiteral("@admin@localhost:3000"));
        QCOMPARE(item.author.displayName, QStringLiteral("admin")); // empty display name: the username
        QCOMPARE(item.author.avatarUrl, QStringLiteral("http://localhost:3000/avatars/original/missing.png"));

        // Sent by admin: the same status is ours.
        QVERIFY(isOutbound(*n.status, contextFor(kAdmin)));
        QCOMPARE(itemKind(*n.status, contextFor(kAdmin)), QStringLiteral("post"));
    }

    void singleNotificationAndEmptyPage()
    {
        auto one = parseNotification(fixture("notification.json"));
        QVERIFY(one.ok());
        QCOMPARE(one.value().id, QStringLiteral("20"));
        auto empty = parseNotifications(fixture("notifications_empty.json"));
        QVERIFY(empty.ok());
        QVERIFY(empty.value().entries.empty());
        QVERIFY(empty.value().newestId.isEmpty());
    }

    void notificationTypes_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("self");
        QTest::addColumn<int>("use");
        QTest::newRow("mention") << "mention" << kTest << int(NotificationUse::Item);
        QTest::newRow("status") << "status" << kTest << int(NotificationUse::Item);
        QTest::newRow("quote") << "quote" << kTest << int(NotificationUse::Item);
        QTest::newRow("update-addressed") << "update" << kTest << int(NotificationUse::Item);
        QTest::newRow("update-other") << "update" << kTest2 << int(NotificationUse::Skip);
        QTest::newRow("favourite-own") << "favourite" << kAdmin << int(NotificationUse::Counters);
        QTest::newRow("reblog-own") << "reblog" << kAdmin << int(NotificationUse::Counters);
        QTest::newRow("favourite-other") << "favourite" << kTest << int(NotificationUse::Skip);
        QTest::newRow("follow") << "follow" << kTest << int(NotificationUse::Skip);
        QTest::newRow("poll") << "poll" << kTest << int(NotificationUse::Skip);
        QTest::newRow("admin.sign_up") << "admin.sign_up" << kTest << int(NotificationUse::Skip);
        QTest::newRow("unknown") << "something_from_2030" << kTest << int(NotificationUse::Skip);
    }
    void notificationTypes()
    {
        QFETCH(QString, type);
        QFETCH(QString, self);
        QFETCH(int, use);
        const QByteArray body
            = replaced(fixture("notification.json"), "\"type\":\"mention\"", "\"type\":\"" + type.toUtf8() + "\"");
        auto n = parseNotification(body);
        QVERIFY(n.ok());
        QCOMPARE(n.value().type, type);
        QCOMPARE(int(notificationUse(n.value(), contextFor(self))), use);
    }

    void notificationToleratesNullAccountAndStatus()
    {
        QByteArray body = fixture("notification.json");
        const QJsonObject original = QJsonDocument::fromJson(body).object();
        QJsonObject o = original;
        o.insert(QStringLiteral("account"), QJsonValue::Null);
        o.insert(QStringLiteral("status"), QJsonValue::Null);
        auto n = parseNotification(QJsonDocument(o).toJson());
        QVERIFY(n.ok());
        QVERIFY(!n.value().account);
        QVERIFY(!n.value().status);
        QCOMPARE(notificationUse(n.value(), contextFor(kTest)), NotificationUse::Skip);

        o = original;
        o.remove(QStringLiteral("account"));
        QVERIFY(parseNotification(QJsonDocument(o).toJson()).ok());
    }

    void oneBrokenEntryIsSkippedNotFatal()
    {
        const QJsonObject good = QJsonDocument::fromJson(fixture("notification.json")).object();
        QJsonObject noStatusId = good;
        QJsonObject status = good.value(QStringLiteral("status")).toObject();
        status.insert(QStringLiteral("id"), QJsonObject {});
        noStatusId.insert(QStringLiteral("status"), status);
        noStatusId.insert(QStringLiteral("id"), QStringLiteral("25"));
        QJsonObject newer = good;
        newer.insert(QStringLiteral("id"), QStringLiteral("100"));
        const QJsonArray page {newer, noStatusId, 42, QJsonValue::Null, good};
        auto list = parseNotifications(QJsonDocument(page).toJson());
        QVERIFY(list.ok());
        QCOMPARE(list.value().entries.size(), size_t(2));
        QCOMPARE(list.value().skipped, 3);
        // Paging covers the skipped entry, and ids compare as numbers ("100" is newer than "25" and "20").
        QCOMPARE(list.value().newestId, QStringLiteral("100"));
        QCOMPARE(list.value().oldestId, QStringLiteral("20"));
    }

    void replyAndThread()
    {
        auto parent = parseStatus(fixture("status_parent.json"));
        auto reply = parseStatus(fixture("status_reply.json"));
        QVERIFY(parent.ok());
        QVERIFY(reply.ok());
        QCOMPARE(reply.value().inReplyToId, parent.value().id);
        QCOMPARE(reply.value().inReplyToAccountId, kTest2);

        // mastodonpy_test_2 wrote the parent, admin replied.
        QCOMPARE(itemKind(reply.value(), contextFor(kTest2)), QStringLiteral("reply"));
        QVERIFY(isAddressedToUs(reply.value(), contextFor(kTest2)));
        QCOMPARE(itemKind(reply.value(), contextFor(kAdmin)), QStringLiteral("reply"));
        QVERIFY(isOutbound(reply.value(), contextFor(kAdmin)));

        // The context of the reply: the parent is the root; a descendant lands in the same thread.
        auto third = parseStatus(replaced(
            replaced(fixture("status_reply.json"), "\"id\":\"117020583258292382\"", "\"id\":\"117020583258292999\""),
            "\"in_reply_to_id\":\"117020583245459824\"", "\"in_reply_to_id\":\"117020583258292382\""));
        QVERIFY(third.ok());
        const QByteArray contextJson = "{\"ancestors\":[" + fixture("status_parent.json") + "],\"descendants\":["
            + QJsonDocument::fromJson(fixture("status_reply.json"))
                  .toJson(QJsonDocument::Compact)
                  .replace("\"id\":\"117020583258292382\"", "\"id\":\"117020583258292999\"")
                  .replace("\"in_reply_to_id\":\"117020583245459824\"", "\"in_reply_to_id\":\"117020583258292382\"")
            + "]}";
        auto context = parseContext(contextJson);
        QVERIFY(context.ok());
        QCOMPARE(context.value().ancestors.size(), size_t(1));
        QCOMPARE(context.value().descendants.size(), size_t(1));
        QCOMPARE(threadRootOf(reply.value(), context.value()), parent.value().id);
        const auto items = threadItems(reply.value(), context.value(), contextFor(kTest2));
        QCOMPARE(items.size(), size_t(3));
        for (const IncomingItem &item : items) {
            QCOMPARE(item.threadKey, parent.value().id);
        }
        QCOMPARE(items[0].remoteId, parent.value().id);
        QVERIFY(items[0].outbound);
        QCOMPARE(items[0].kind, QStringLiteral("post"));
        QCOMPARE(items[1].parentRemoteId, parent.value().id);
        QCOMPARE(items[2].parentRemoteId, reply.value().id);

        // A status without ancestors is its own root.
        auto lone = parseContext("{\"ancestors\":[],\"descendants\":[]}");
        QVERIFY(lone.ok());
        QCOMPARE(threadRootOf(parent.value(), lone.value()), parent.value().id);
    }

    void directAndEdited()
    {
        auto direct = parseStatus(fixture("status_direct.json"));
        QVERIFY(direct.ok());
        QVERIFY(isDirect(direct.value()));
        QCOMPARE(itemKind(direct.value(), contextFor(kAdmin)), QStringLiteral("dm"));
        QCOMPARE(itemKind(direct.value(), contextFor(kTest)), QStringLiteral("dm"));
        // DMs come from the conversations feed (grouped by conversation id), not from mention notifications.
        Notification n {QStringLiteral("1"), QStringLiteral("mention"), 1, std::nullopt, direct.value()};
        QCOMPARE(notificationUse(n, contextFor(kAdmin)), NotificationUse::Skip);

        auto edited = parseStatus(fixture("status_edited.json"));
        QVERIFY(edited.ok());
        QCOMPARE(edited.value().editedAt,
                 QDateTime(QDate(2026, 8, 1), QTime(13, 54, 0, 695), Qt::UTC).toMSecsSinceEpoch());
    }

    void spoilerTextIsKept()
    {
        auto s = parseStatus(
            replaced(fixture("status_parent.json"), "\"spoiler_text\":\"\"", "\"spoiler_text\":\"food <spoilers>\""));
        QVERIFY(s.ok());
        const IncomingItem item = toItem(s.value(), contextFor(kAdmin), s.value().id, QStringLiteral("mention"));
        QCOMPARE(item.text, QStringLiteral("food <spoilers>\n\nToot, finally!"));
        QVERIFY(item.html.startsWith(QStringLiteral("<p>food &lt;spoilers&gt;</p>")));
    }

    void statusesPageAndLinks()
    {
        auto list = parseStatuses(fixture("statuses_page.json"));
        QVERIFY(list.ok());
        QCOMPARE(list.value().entries.size(), size_t(5));
        QCOMPARE(list.value().newestId, QStringLiteral("117020580518794573"));
        QCOMPARE(list.value().oldestId, QStringLiteral("117020580489281910"));
        const PageLinks links = parseLinkHeader(
            "<http://localhost:3000/api/v1/accounts/117020565966271181/statuses?limit=5&max_id=117020580489281910>; "
            "rel=\"next\", <http://localhost:3000/api/v1/accounts/117020565966271181/statuses?limit=5&min_id="
            "117020580518794573>; rel=\"prev\"");
        QCOMPARE(links.nextMaxId, list.value().oldestId);
        QCOMPARE(links.prevMinId, list.value().newestId);
        QCOMPARE(links.next.path(), QStringLiteral("/api/v1/accounts/117020565966271181/statuses"));
    }

    void linkHeaderVariants_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("maxId");
        QTest::addColumn<QString>("minId");
        QTest::newRow("recorded") << QByteArray("<http://localhost:3000/api/v1/notifications?max_id=20>; rel=\"next\", "
                                                "<http://localhost:3000/api/v1/notifications?min_id=20>; rel=\"prev\"")
                                  << "20"
                                  << "20";
        QTest::newRow("since_id-only") // test_status_favourited_by.yaml
            << QByteArray("<http://localhost:3000/api/v1/statuses/117020585802289163/favourited_by?since_id=3>; "
                          "rel=\"prev\"")
            << ""
            << "3";
        QTest::newRow("unquoted-reversed") << QByteArray("<https://x.example/a?min_id=9>;rel=prev,<https://x.example/a?"
                                                         "max_id=4&types%5B%5D=mention>; rel=next")
                                           << "4"
                                           << "9";
        QTest::newRow("several-rels") << QByteArray("<https://x.example/a?max_id=4>; rel=\"next last\"") << "4"
                                      << "";
        QTest::newRow("empty") << QByteArray() << ""
                               << "";
        QTest::newRow("garbage") << QByteArray("<<<>>>;;;rel=,,,<") << ""
                                 << "";
        QTest::newRow("no-rel") << QByteArray("<https://x.example/a?max_id=4>") << ""
                                << "";
    }
    void linkHeaderVariants()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, maxId);
        QFETCH(QString, minId);
        const PageLinks links = parseLinkHeader(header);
        QCOMPARE(links.nextMaxId, maxId);
        QCOMPARE(links.prevMinId, minId);
    }

    void instance()
    {
        auto v2 = parseInstance(fixture("instance_v2.json"));
        QVERIFY(v2.ok());
        QCOMPARE(v2.value().domain, QStringLiteral("localhost:3000"));
        QCOMPARE(v2.value().version, QStringLiteral("4.6.4"));
        QCOMPARE(v2.value().maxCharacters, 500);
        QCOMPARE(v2.value().charactersReservedPerUrl, 23);
        QCOMPARE(v2.value().maxMediaAttachments, 4);
        QCOMPARE(v2.value().imageSizeLimit, qint64(16777216));
        QCOMPARE(v2.value().videoSizeLimit, qint64(103809024));
        QCOMPARE(v2.value().descriptionLimit, 10000);
        QVERIFY(v2.value().supportedMimeTypes.contains(QStringLiteral("image/png")));
        QCOMPARE(v2.value().streamingUrl, QUrl(QStringLiteral("ws://localhost:4000")));

        auto v1 = parseInstance(fixture("instance_v1.json"));
        QVERIFY(v1.ok());
        QCOMPARE(v1.value().domain, QStringLiteral("localhost:3000"));
        QCOMPARE(v1.value().maxCharacters, 500);
        QCOMPARE(v1.value().streamingUrl, QUrl(QStringLiteral("ws://localhost:4000")));

        // A larger limit is read; nonsense keeps the defaults, and an odd streaming URL is not trusted.
        auto custom = parseInstance(
            replaced(replaced(fixture("instance_v2.json"), "\"max_characters\":500", "\"max_characters\":5000"),
                     "\"streaming\":\"ws://localhost:4000\"", "\"streaming\":\"javascript:alert(1)\""));
        QVERIFY(custom.ok());
        QCOMPARE(custom.value().maxCharacters, 5000);
        QVERIFY(custom.value().streamingUrl.isEmpty());
        auto nonsense = parseInstance(
            replaced(fixture("instance_v2.json"), "\"max_characters\":500", "\"max_characters\":\"x\""));
        QVERIFY(nonsense.ok());
        QCOMPARE(nonsense.value().maxCharacters, 500);
    }

    void accountAndConversation()
    {
        auto account = parseAccount(fixture("account_verify_credentials.json"));
        QVERIFY(account.ok());
        QCOMPARE(account.value().id, kAdmin);
        QCOMPARE(handleOf(account.value(), QStringLiteral("localhost:3000")), QStringLiteral("@admin@localhost:3000"));
        Account remote = account.value();
        remote.acct = QStringLiteral("bob@remote.example");
        QCOMPARE(handleOf(remote, QStringLiteral("localhost:3000")), QStringLiteral("@bob@remote.example"));

        // The direct stream's recorded `conversation` event carries a Conversation entity.
        const QList<QByteArray> frames = framesFromSse(fixture("stream_direct.sse"));
        QCOMPARE(frames.size(), 2);
        auto event = parseStreamEvent(frames.front());
        QVERIFY(event.ok());
        QCOMPARE(event.value().event, QStringLiteral("conversation"));
        auto conversation = parseConversation(event.value().payload);
        QVERIFY(conversation.ok());
        QCOMPARE(conversation.value().id, QStringLiteral("7"));
        QCOMPARE(conversation.value().accounts.size(), size_t(1));
        QVERIFY(conversation.value().lastStatus);
        const auto item = conversationItem(conversation.value(), contextFor(QStringLiteral("117020617532860042")));
        QVERIFY(item);
        QCOMPARE(item->threadKey, QStringLiteral("7"));
        QCOMPARE(item->kind, QStringLiteral("dm"));
        QCOMPARE(item->remoteId, QStringLiteral("117024236559579118"));
        QCOMPARE(item->text, QStringLiteral("@mastodonpy_test_2 pssssst"));

        // A page of conversations pages by the last status's id, not the conversation id.
        const QByteArray page = "[" + event.value().payload + "]";
        auto list = parseConversations(page);
        QVERIFY(list.ok());
        QCOMPARE(list.value().newestId, QStringLiteral("117024236559579118"));
    }

    void streamingFrames()
    {
        const QList<QByteArray> frames = framesFromSse(fixture("stream_user.sse"));
        QStringList events;
        int statuses = 0;
        for (const QByteArray &frame : frames) {
            auto e = parseStreamEvent(frame);
            QVERIFY(e.ok());
            QCOMPARE(e.value().stream, QStringList {QStringLiteral("user")});
            events.append(e.value().event);
            if (e.value().event == QLatin1String("update") || e.value().event == QLatin1String("status.update")) {
                QVERIFY(parseStatus(e.value().payload).ok());
                ++statuses;
            } else if (e.value().event == QLatin1String("notification")) {
                auto n = parseNotification(e.value().payload);
                QVERIFY(n.ok());
                QCOMPARE(n.value().type, QStringLiteral("mention"));
            } else if (e.value().event == QLatin1String("delete")) {
                QCOMPARE(e.value().payload, QByteArray("117024236332527350"));
            }
        }
        QCOMPARE(statuses, 3);
        QVERIFY(events.contains(QStringLiteral("delete")));
        QVERIFY(events.contains(QStringLiteral("notification")));

        // Frames that are not events are errors, never crashes.
        QVERIFY(!parseStreamEvent("{\"payload\":\"x\"}").ok());
        QVERIFY(!parseStreamEvent("[]").ok());
        QVERIFY(!parseStreamEvent("{\"event\":\"update\",\"payload\":\"{").ok());
        auto embedded = parseStreamEvent("{\"event\":\"delete\",\"payload\":12345}");
        QVERIFY(embedded.ok());
        QCOMPARE(embedded.value().payload, QByteArray("12345"));
    }

    void rateLimitHeaders()
    {
        const QDateTime now(QDate(2026, 8, 1), QTime(13, 0), Qt::UTC);
        const RateLimit r = parseRateLimit("300", "297", "2026-08-01T15:00:00.175404Z", now);
        QCOMPARE(r.limit, 300);
        QCOMPARE(r.remaining, 297);
        QCOMPARE(r.reset, QDateTime(QDate(2026, 8, 1), QTime(15, 0, 0, 175), Qt::UTC));
        QCOMPARE(parseRateLimitReset("2026-08-01T17:00:00+02:00", now),
                 QDateTime(QDate(2026, 8, 1), QTime(15, 0), Qt::UTC));
        QCOMPARE(parseRateLimitReset("1785596400", now), QDateTime(QDate(2026, 8, 1), QTime(15, 0), Qt::UTC));
        QCOMPARE(parseRateLimitReset("30", now), now.addSecs(30));
        QVERIFY(!parseRateLimitReset("soon", now).isValid());
        QVERIFY(!parseRateLimitReset("", now).isValid());
        QVERIFY(!parseRateLimitReset("2026-08-01T15:00:00", now).isValid()); // no zone: not trusted
        const RateLimit junk = parseRateLimit("x", "-3", "", now);
        QCOMPARE(junk.limit, -1);
        QCOMPARE(junk.remaining, -1);
    }

    void errorBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("error") << QByteArray("{\"error\":\"Record not found\"}") << "Record not found";
        QTest::newRow("oauth") << QByteArray(
            "{\"error\":\"invalid_grant\",\"error_description\":\"The grant is bad.\"}")
                               << "invalid_grant: The grant is bad.";
        QTest::newRow("rate") << QByteArray("{\"error\":\"Too many requests\"}") << "Too many requests";
        QTest::newRow("html") << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad "
                                            "Gateway</h1></body></html>")
                              << "502 Bad Gateway";
        QTest::newRow("control") << QByteArray("{\"error\":\"a\\u001b[31mb\\nc\"}") << "a [31mb c";
        QTest::newRow("empty") << QByteArray() << "";
        QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01", 4) << "\xef\xbf\xbd\xef\xbf\xbd";
    }
    void errorBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        QCOMPARE(parseErrorMessage(body), message);
    }

    void errorMessagesAreShort()
    {
        const QString message = parseErrorMessage("{\"error\":\"" + QByteArray(100000, 'x') + "\"}");
        QCOMPARE(message.size(), 200);
        QVERIFY(parseErrorMessage(QByteArray(10 * 1024 * 1024, 'y')).size() <= 200);
    }

    void malformedPayloads_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        const QByteArray notifications = fixture("notifications.json");
        const int transient = int(ErrorKind::Transient);
        const int permanent = int(ErrorKind::Permanent);
        QTest::newRow("empty") << QByteArray() << transient;
        QTest::newRow("truncated") << notifications.left(notifications.size() / 2) << transient;
        QTest::newRow("truncated-end") << notifications.chopped(1) << transient;
        QTest::newRow("html") << QByteArray("<html>502</html>") << transient;
        QByteArray badUtf8 = notifications;
        badUtf8.replace("hello!", "hel\xff\xfe!");
        QTest::newRow("invalid-utf8") << badUtf8 << transient;
        QTest::newRow("object-not-list") << fixture("notification.json") << permanent;
        // A bare scalar is no JSON document for QJsonDocument: read like any other unreadable body.
        QTest::newRow("null") << QByteArray("null") << transient;
        QTest::newRow("number") << QByteArray("42") << transient;
        QTest::newRow("list-of-nulls") << QByteArray("[null]") << -1;
        QTest::newRow("too-large") << QByteArray("[" + QByteArray(9 * 1024 * 1024, ' ') + "]") << permanent;
        QTest::newRow("deep") << QByteArray(100000, '[') << transient;
    }
    void malformedPayloads()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        auto list = parseNotifications(body);
        if (kind < 0) { // readable, but nothing in it
            QVERIFY(list.ok());
            QCOMPARE(list.value().skipped, 1);
            return;
        }
        QVERIFY(!list.ok());
        QCOMPARE(int(list.error().kind), kind);
        QVERIFY(!list.error().message.isEmpty());
    }

    void wrongShapesOfSingleEntities()
    {
        QCOMPARE(parseStatus("[]").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseStatus("{}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseStatus(replaced(fixture("status_parent.json"), "\"created_at\":\"2026-08-01T13:53:15.714Z\"",
                                      "\"created_at\":17"))
                     .error()
                     .kind,
                 ErrorKind::Permanent);
        QCOMPARE(parseContext("{\"ancestors\":{}}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseInstance("{\"title\":\"x\"}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseAccount("{\"id\":null}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseMediaAttachment("{\"type\":\"image\"}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseAppRegistration("{\"client_id\":\"a\"}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseAccessToken("{\"token_type\":\"Bearer\"}").error().kind, ErrorKind::Permanent);
        QCOMPARE(parseConversations("{}").error().kind, ErrorKind::Permanent);
        // Wrong types inside otherwise good entities read as absent.
        auto odd = parseStatus(
            replaced(replaced(fixture("status_parent.json"), "\"replies_count\":0", "\"replies_count\":\"many\""),
                     "\"mentions\":[]", "\"mentions\":{\"a\":1}"));
        QVERIFY(odd.ok());
        QCOMPARE(odd.value().repliesCount, 0);
        // Numeric ids (some servers) are read as strings.
        auto numeric = parseStatus(
            replaced(fixture("status_parent.json"), "\"id\":\"117020583245459824\"", "\"id\":117020583245"));
        QVERIFY(numeric.ok());
        QCOMPARE(numeric.value().id, QStringLiteral("117020583245"));
    }

    void mediaAppAndToken()
    {
        auto processing
            = parseMediaAttachment("{\"id\":\"22348641\",\"type\":\"video\",\"url\":null,\"description\":\"alt\"}");
        QVERIFY(processing.ok());
        QVERIFY(processing.value().url.isEmpty());
        QCOMPARE(processing.value().description, QStringLiteral("alt"));
        auto app = parseAppRegistration("{\"id\":\"1\",\"name\":\"Switchboard\",\"client_id\":\"cid\","
                                        "\"client_secret\":\"sec\",\"redirect_uri\":\"http://127.0.0.1:1/\\nurn:ietf:"
                                        "wg:oauth:2.0:oob\"}");
        QVERIFY(app.ok());
        QCOMPARE(app.value().redirectUris.size(), 2);
        auto token = parseAccessToken(
            "{\"access_token\":\"ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0\",\"token_type\":\"Bearer\",\"scope\":"
            "\"read write\",\"created_at\":1573979017}");
        QVERIFY(token.ok());
        QCOMPARE(token.value().scope, QStringLiteral("read write"));
        QCOMPARE(token.value().createdAt, qint64(1573979017) * 1000);
    }

    void idOrder()
    {
        QVERIFY(compareIds(QStringLiteral("9"), QStringLiteral("10")) < 0);
        QVERIFY(compareIds(QStringLiteral("117020576916218297"), QStringLiteral("117020576916218296")) > 0);
        QCOMPARE(compareIds(QStringLiteral("20"), QStringLiteral("20")), 0);
        QVERIFY(compareIds(QStringLiteral("01ARZ3NDEKTSV4RRFFQ69G5FAV"), QStringLiteral("01BX5ZZKBKACTAV9WEVGEMMVRZ"))
                < 0);
    }

    // Random damage to real payloads must give a value or an error, never a crash or a hang.
    void randomDamageNeverCrashes()
    {
        const QList<QByteArray> bodies {fixture("notifications.json"), fixture("status_reply.json"),
                                        fixture("instance_v2.json"), fixture("statuses_page.json")};
        QRandomGenerator rng(20260801);
        for (int round = 0; round < 3000; ++round) {
            QByteArray body = bodies[round % bodies.size()];
            const int edits = 1 + int(rng.bounded(8));
            for (int e = 0; e < edits; ++e) {
                const qsizetype at = qsizetype(rng.bounded(quint32(body.size())));
                switch (rng.bounded(3)) {
                case 0: body[at] = char(rng.bounded(256)); break;
                case 1: body.remove(at, qMin<qsizetype>(body.size() - at, rng.bounded(40))); break;
                default: body.insert(at, "\"}]{[,:null"[rng.bounded(11)]); break;
                }
                if (body.isEmpty()) {
                    body = "x";
                }
            }
            (void)parseNotifications(body);
            (void)parseStatus(body);
            (void)parseStatuses(body);
            (void)parseInstance(body);
            (void)parseContext(body);
            (void)parseStreamEvent(body);
            (void)parseErrorMessage(body);
            if (auto list = parseNotifications(body); list.ok()) {
                for (const Notification &n : list.value().entries) {
                    if (n.status) {
                        (void)toItem(*n.status, contextFor(kTest), n.status->id,
                                     itemKind(*n.status, contextFor(kTest)));
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMastodonParse)
#include "tst_mastodon_parse.moc"
