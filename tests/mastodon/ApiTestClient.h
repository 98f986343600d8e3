#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>
#include <QUrl>

#include <utility>

namespace sb::testing {

// What a client sees of one HTTP exchange, through QNetworkAccessManager like the connector itself.
struct ApiResult {
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QJsonValue json() const;
    QJsonObject object() const { return json().toObject(); }
};

// A small synchronous client for tests: each call runs a local event loop until the reply finishes.
class ApiTestClient {
public:
    explicit ApiTestClient(QUrl base);

    QString token; // sent as "Authorization: Bearer ..." when set
    int timeoutMs = 10000;

    ApiResult get(const QString &pathAndQuery);
    ApiResult del(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    ApiResult postForm(const QString &path, const QList<std::pair<QString, QString>> &fields,
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    ApiResult sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    ApiResult uploadMedia(const QByteArray &data, const QString &fileName, const QByteArray &mimeType,
                          const QString &description = {});

private:
    ApiResult run(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                  const QByteArray &contentType, const QList<std::pair<QByteArray, QByteArray>> &headers,
                  class QHttpMultiPart *multipart = nullptr);

    QUrl m_base;
    QNetworkAccessManager m_nam;
};

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields);

} // namespace sb::testing
