#include "HttpTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
QString normalizedKey(QString key)
{
    if (key.endsWith(u"[]"_s)) {
        key.chop(2);
    }
    return key;
}

QString jsonScalarToString(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Bool: return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const auto asInt = static_cast<qint64>(d);
        return static_cast<double>(asInt) == d ? QString::number(asInt) : QString::number(d, 'g', 17);
    }
    default: return {};
    }
}

// Value of a parameter inside a header such as `multipart/form-data; boundary="abc"`.
QByteArray headerParameter(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> pieces = header.split(';');
    for (const QByteArray &piece : pieces) {
        const QByteArray trimmed = piece.trimmed();
        const qsizetype eq = trimmed.indexOf('=');
        if (eq > 0 && trimmed.left(eq).trimmed().toLower() == name) {
            QByteArray value = trimmed.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
                value = value.mid(1, value.size() - 2);
            }
            return value;
        }
    }
    return {};
}

bool decodeMultipart(HttpRequest &req, const QByteArray &boundary, QString *error)
{
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = req.body.indexOf(delimiter);
    if (pos < 0) {
        *error = u"multipart body without its boundary"_s;
        return false;
    }
    while (true) {
        pos += delimiter.size();
        if (req.body.mid(pos, 2) == "--") {
            return true; // closing delimiter
        }
        if (req.body.mid(pos, 2) != "\r\n") {
            *error = u"malformed multipart delimiter"_s;
            return false;
        }
        pos += 2;
        const qsizetype headEnd = req.body.indexOf("\r\n\r\n", pos);
        const qsizetype next = req.body.indexOf(QByteArray("\r\n" + delimiter), pos);
        if (headEnd < 0 || next < 0 || headEnd > next) {
            *error = u"truncated multipart part"_s;
            return false;
        }
        MultipartPart part;
        const QList<QByteArray> lines = req.body.mid(pos, headEnd - pos).split('\n');
        for (const QByteArray &rawLine : lines) {
            const QByteArray line = rawLine.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(headerParameter(value, "name"));
                part.fileName = QString::fromUtf8(headerParameter(value, "filename"));
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        part.data = req.body.mid(headEnd + 4, next - headEnd - 4);
        if (part.fileName.isEmpty() && part.contentType.isEmpty()) {
            req.params.add(part.name, QString::fromUtf8(part.data));
        } else {
            req.files.append(part);
        }
        pos = next + 2;
    }
}
} // namespace

void HttpParams::add(const QString &key, const QString &value)
{
    m_items.append({normalizedKey(key), value});
}

bool HttpParams::has(const QString &key) const
{
    const QString k = normalizedKey(key);
    for (const auto &item : m_items) {
        if (item.first == k) {
            return true;
        }
    }
    return false;
}

QString HttpParams::value(const QString &key, const QString &fallback) const
{
    const QString k = normalizedKey(key);
    for (auto it = m_items.crbegin(); it != m_items.crend(); ++it) {
        if (it->first == k) {
            return it->second;
        }
    }
    return fallback;
}

QStringList HttpParams::values(const QString &key) const
{
    const QString k = normalizedKey(key);
    QStringList out;
    for (const auto &item : m_items) {
        if (item.first == k) {
            out.append(item.second);
        }
    }
    return out;
}

HttpParams HttpParams::fromUrlEncoded(const QByteArray &encoded)
{
    HttpParams params;
    const QList<QByteArray> pairs = encoded.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        params.add(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return params;
}

const MultipartPart *HttpRequest::file(const QString &name) const
{
    for (const MultipartPart &part : files) {
        if (part.name == name) {
            return &part;
        }
    }
    return nullptr;
}

bool HttpRequest::wantsKeepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0") {
        return connection.contains("keep-alive");
    }
    return !connection.contains("close");
}

bool HttpRequest::decodeBody(QString *error)
{
    params = query;
    if (body.isEmpty()) {
        return true;
    }
    const QByteArray contentType = header("content-type").toLower();
    if (contentType.startsWith("application/json")) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            *error = u"Error occurred while parsing request parameters"_s;
            return false;
        }
        json = doc.object();
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (it->isArray()) {
                const QJsonArray array = it->toArray();
                for (const QJsonValue &element : array) {
                    params.add(it.key(), jsonScalarToString(element));
                }
            } else if (!it->isNull() && !it->isObject()) {
                params.add(it.key(), jsonScalarToString(*it));
            }
        }
        return true;
    }
    if (contentType.startsWith("multipart/form-data")) {
        const QByteArray boundary = headerParameter(header("content-type"), "boundary");
        if (boundary.isEmpty()) {
            *error = u"multipart body without a boundary parameter"_s;
            return false;
        }
        return decodeMultipart(*this, boundary, error);
    }
    // Rails treats a body without a recognised type as form data; so do we.
    const HttpParams form = HttpParams::fromUrlEncoded(body);
    for (const auto &item : form.items()) {
        params.add(item.first, item.second);
    }
    return true;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return header.second;
        }
    }
    return {};
}

bool HttpResponse::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QByteArray HttpResponse::serializeHead(bool keepAlive, qint64 contentLength) const
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    head += "Date: " + QLocale::c().toString(now, u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " GMT\r\n";
    for (const auto &header : headers) {
        head += header.first + ": " + header.second + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    head += "\r\n";
    return head;
}

HttpResponse HttpResponse::json(int status, const QJsonValue &value)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    if (value.isArray()) {
        r.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    } else {
        r.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &message)
{
    return json(status, QJsonObject {{u"error"_s, message}});
}

HttpResponse HttpResponse::html(int status, const QString &html)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.body = html.toUtf8();
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace sb::mastodontest
