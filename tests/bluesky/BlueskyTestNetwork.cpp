#include "BlueskyTestNetwork.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

namespace sb::testing {

bool BlueskyTestNetwork::load()
{
    const QString path = qEnvironmentVariable("BLUESKY_TEST_NETWORK");
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the Bluesky test network is not running (BLUESKY_TEST_NETWORK=%1)").arg(path);
        return false;
    }
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    m_pds = QUrl(state.value(QStringLiteral("pds")).toString());
    m_plc = QUrl(state.value(QStringLiteral("plc")).toString());
    m_control = QUrl(state.value(QStringLiteral("control")).toString());
    if (!m_pds.isValid() || !m_control.isValid()) {
        m_error = QStringLiteral("unreadable network state in %1").arg(path);
        return false;
    }
    return true;
}

BlueskyTestNetwork::Reply BlueskyTestNetwork::request(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                                      const QString &accessJwt)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setTransferTimeout(60'000);
    if (!accessJwt.isEmpty()) {
        req.setRawHeader("Authorization", "Bearer " + accessJwt.toUtf8());
    }
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = nam.get(req);
    } else {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = nam.post(req, body);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return r;
}

BlueskyTestNetwork::Reply BlueskyTestNetwork::query(const QString &nsid, const QUrlQuery &params,
                                                    const QString &accessJwt)
{
    QUrl url = m_pds;
    url.setPath(QStringLiteral("/xrpc/") + nsid);
    url.setQuery(params);
    return request("GET", url, {}, accessJwt);
}

BlueskyTestNetwork::Reply BlueskyTestNetwork::procedure(const QString &nsid, const QJsonObject &body,
                                                        const QString &accessJwt)
{
    QUrl url = m_pds;
    url.setPath(QStringLiteral("/xrpc/") + nsid);
    return request("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), accessJwt);
}

BlueskyTestNetwork::Account BlueskyTestNetwork::createAccount(const QString &prefix)
{
    const QString suffix = QString::number(QRandomGenerator::global()->bounded(100000, 999999));
    Account a;
    a.handle = prefix + suffix + QStringLiteral(".test");
    a.password = QStringLiteral("pw-") + suffix;
    const Reply r = procedure(QStringLiteral("com.atproto.server.createAccount"),
                              {{QStringLiteral("handle"), a.handle},
                               {QStringLiteral("email"), QString(prefix + suffix + QStringLiteral("@example.test"))},
                               {QStringLiteral("password"), a.password}});
    a.did = r.body.value(QStringLiteral("did")).toString();
    a.accessJwt = r.body.value(QStringLiteral("accessJwt")).toString();
    a.refreshJwt = r.body.value(QStringLiteral("refreshJwt")).toString();
    return a;
}

QString BlueskyTestNetwork::createAppPassword(const Account &account, const QString &name)
{
    const Reply r = procedure(QStringLiteral("com.atproto.server.createAppPassword"), {{QStringLiteral("name"), name}},
                              account.accessJwt);
    return r.body.value(QStringLiteral("password")).toString();
}

QJsonObject BlueskyTestNetwork::post(const Account &account, const QString &text, const QJsonObject &replyRef,
                                     const QJsonArray &facets, const QDateTime &createdAt)
{
    const QDateTime at = createdAt.isValid() ? createdAt.toUTC() : QDateTime::currentDateTimeUtc();
    QJsonObject record {{QStringLiteral("$type"), QStringLiteral("app.bsky.feed.post")},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("createdAt"), at.toString(Qt::ISODateWithMs)}};
    if (!replyRef.isEmpty()) {
        record.insert(QStringLiteral("reply"), replyRef);
    }
    if (!facets.isEmpty()) {
        record.insert(QStringLiteral("facets"), facets);
    }
    return procedure(QStringLiteral("com.atproto.repo.createRecord"),
                     {{QStringLiteral("repo"), account.did},
                      {QStringLiteral("collection"), QStringLiteral("app.bsky.feed.post")},
                      {QStringLiteral("record"), record}},
                     account.accessJwt)
        .body;
}

QJsonObject BlueskyTestNetwork::mention(const Account &from, const Account &to, const QString &rest,
                                        const QDateTime &createdAt)
{
    const QJsonArray facets {QJsonObject {
        {QStringLiteral("index"),
         QJsonObject {{QStringLiteral("byteStart"), 0},
                      {QStringLiteral("byteEnd"), int(to.handle.toUtf8().size()) + 1}}},
        {QStringLiteral("features"),
         QJsonArray {QJsonObject {{QStringLiteral("$type"), QStringLiteral("app.bsky.richtext.facet#mention")},
                                  {QStringLiteral("did"), to.did}}}}}};
    return post(from, QStringLiteral("@") + to.handle + rest, {}, facets, createdAt);
}

QJsonObject BlueskyTestNetwork::like(const Account &account, const QString &uri, const QString &cid)
{
    const QJsonObject record {
        {QStringLiteral("$type"), QStringLiteral("app.bsky.feed.like")},
        {QStringLiteral("subject"), QJsonObject {{QStringLiteral("uri"), uri}, {QStringLiteral("cid"), cid}}},
        {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    return procedure(QStringLiteral("com.atproto.repo.createRecord"),
                     {{QStringLiteral("repo"), account.did},
                      {QStringLiteral("collection"), QStringLiteral("app.bsky.feed.like")},
                      {QStringLiteral("record"), record}},
                     account.accessJwt)
        .body;
}

bool BlueskyTestNetwork::deleteRecord(const Account &account, const QString &uri)
{
    const QStringList parts = uri.mid(5).split(QLatin1Char('/'));
    if (parts.size() != 3) {
        return false;
    }
    return procedure(QStringLiteral("com.atproto.repo.deleteRecord"),
                     {{QStringLiteral("repo"), parts[0]},
                      {QStringLiteral("collection"), parts[1]},
                      {QStringLiteral("rkey"), parts[2]}},
                     account.accessJwt)
               .status
        == 200;
}

QList<QJsonObject> BlueskyTestNetwork::postsContaining(const Account &account, const QString &text)
{
    QList<QJsonObject> found;
    QString cursor;
    for (int page = 0; page < 20; ++page) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("repo"), account.did);
        q.addQueryItem(QStringLiteral("collection"), QStringLiteral("app.bsky.feed.post"));
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        if (!cursor.isEmpty()) {
            q.addQueryItem(QStringLiteral("cursor"), cursor);
        }
        const Reply r = query(QStringLiteral("com.atproto.repo.listRecords"), q);
        const QJsonArray records = r.body.value(QStringLiteral("records")).toArray();
        for (const QJsonValue &v : records) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("value")).toObject().value(QStringLiteral("text")).toString().contains(text)) {
                found << o;
            }
        }
        cursor = r.body.value(QStringLiteral("cursor")).toString();
        if (cursor.isEmpty() || records.isEmpty()) {
            break;
        }
    }
    return found;
}

bool BlueskyTestNetwork::processAll()
{
    QUrl url = m_control;
    url.setPath(QStringLiteral("/process-all"));
    return request("POST", url, "{}", {}).status == 200;
}

bool BlueskyTestNetwork::dropAnswerAfterCommit(const QString &did, const QString &method, int count)
{
    QUrl url = m_control;
    url.setPath(QStringLiteral("/fault"));
    const QJsonObject body {
        {QStringLiteral("did"), did}, {QStringLiteral("method"), method}, {QStringLiteral("count"), count}};
    return request("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), {}).status == 200;
}

int BlueskyTestNetwork::droppedAnswers(const QString &did)
{
    QUrl url = m_control;
    url.setPath(QStringLiteral("/faults"));
    int fired = 0;
    for (const QJsonValue &f : request("GET", url, {}, {}).body.value(QStringLiteral("faults")).toArray()) {
        if (f.toObject().value(QStringLiteral("did")).toString() == did) {
            fired += f.toObject().value(QStringLiteral("fired")).toInt();
        }
    }
    return fired;
}

QString BlueskyTestNetwork::expiredAccessToken(const QString &did)
{
    QUrl url = m_control;
    url.setPath(QStringLiteral("/expired-token"));
    const QJsonObject body {{QStringLiteral("did"), did}};
    return request("POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), {})
        .body.value(QStringLiteral("accessJwt"))
        .toString();
}

} // namespace sb::testing
