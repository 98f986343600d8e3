#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>

namespace sb::mastodontest {

// Request parameters merged the way Rails sees them: query string first, then the body (form, JSON or multipart
// fields). "types[]" and "types" are the same key; a key may repeat.
class HttpParams {
public:
    void add(const QString &key, const QString &value);
    bool has(const QString &key) const;
    QString value(const QString &key, const QString &fallback = {}) const;
    QStringList values(const QString &key) const;
    const QList<std::pair<QString, QString>> &items() const { return m_items; }

    static HttpParams fromUrlEncoded(const QByteArray &encoded);

private:
    QList<std::pair<QString, QString>> m_items;
};

struct MultipartPart {
    QString name;
    QString fileName;
    QByteArray contentType;
    QByteArray data;
};

struct HttpRequest {
    QByteArray method;
    QByteArray target;
    QString path;
    QByteArray rawQuery;
    QByteArray version;
    QMap<QByteArray, QByteArray> headers; // lower-case names; repeated headers joined with ", "
    QByteArray body;
    HttpParams query;
    HttpParams params;
    QJsonObject json;
    QList<MultipartPart> files;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    const MultipartPart *file(const QString &name) const;
    bool wantsKeepAlive() const;
    // Fills params/json/files from the body according to Content-Type; false with a message on a malformed body.
    bool decodeBody(QString *error);
};

struct HttpResponse {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QByteArray serializeHead(bool keepAlive, qint64 contentLength) const;

    static HttpResponse json(int status, const QJsonValue &value);
    // Mastodon's error body: {"error": "..."}.
    static HttpResponse error(int status, const QString &message);
    static HttpResponse html(int status, const QString &html);
};

// How a response leaves the server. Anything but Respond is one of the scripted network faults.
enum class Delivery {
    Respond,
    Hang, // keep the connection open and never answer
    Reset, // abort the TCP connection (RST)
    Truncate, // announce the full Content-Length, send part of the body, then close
};

struct HttpOutcome {
    HttpResponse response;
    Delivery delivery = Delivery::Respond;
    int delayMs = 0; // answer this much later (a slow server), whatever the delivery
};

QByteArray reasonPhrase(int status);

} // namespace sb::mastodontest
