#include "ApiTestClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>

using namespace Qt::StringLiterals;

namespace sb::testing {

QByteArray ApiResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return {};
}

QJsonValue ApiResult::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

ApiTestClient::ApiTestClient(QUrl base) : m_base(std::move(base))
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    // Redirects are part of what is tested (OAuth answers 302 to the app's redirect URI).
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiResult ApiTestClient::get(const QString &pathAndQuery)
{
    return run("GET", pathAndQuery, {}, {}, {});
}

ApiResult ApiTestClient::del(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return run("DELETE", path, {}, {}, headers);
}

ApiResult ApiTestClient::postForm(const QString &path, const QList<std::pair<QString, QString>> &fields,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return run("POST", path, formEncode(fields), "application/x-www-form-urlencoded", headers);
}

ApiResult ApiTestClient::sendJson(const QByteArray &verb, const QString &path, const QJsonObject &body,
                                  const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return run(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", headers);
}

ApiResult ApiTestClient::uploadMedia(const QByteArray &data, const QString &fileName, const QByteArray &mimeType,
                                     const QString &description)
{
    auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"file\"; filename=\"" + fileName.toUtf8() + "\""));
    file.setBody(data);
    multipart->append(file);
    if (!description.isEmpty()) {
        QHttpPart text;
        text.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"description\""));
        text.setBody(description.toUtf8());
        multipart->append(text);
    }
    return run("POST", u"/api/v2/media"_s, {}, {}, {}, multipart);
}

ApiResult ApiTestClient::run(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                             const QByteArray &contentType, const QList<std::pair<QByteArray, QByteArray>> &headers,
                             QHttpMultiPart *multipart)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setTransferTimeout(timeoutMs);
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    }
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = multipart ? m_nam.post(request, multipart) : m_nam.sendCustomRequest(request, verb, body);
    if (multipart) {
        multipart->setParent(reply);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    ApiResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.errorString = reply->errorString();
    result.body = reply->isOpen() ? reply->readAll() : QByteArray();
    result.headers = reply->rawHeaderPairs();
    result.elapsedMs = timer.elapsed();
    reply->deleteLater();
    return result;
}

} // namespace sb::testing
