#include "FaultInjector.h"

#include "RateLimiter.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
struct KindName {
    const char *name;
    FaultInjector::Kind kind;
    int status;
};

constexpr KindName kindNames[] = {
    {"429", FaultInjector::Kind::Status, 429},
    {"500", FaultInjector::Kind::Status, 500},
    {"502", FaultInjector::Kind::Status, 502},
    {"503", FaultInjector::Kind::Status, 503},
    {"status", FaultInjector::Kind::Status, 500},
    {"hang", FaultInjector::Kind::Hang, 0},
    {"reset", FaultInjector::Kind::Reset, 0},
    {"delay", FaultInjector::Kind::Delay, 0},
    {"truncate", FaultInjector::Kind::Truncate, 0},
    {"cut_body", FaultInjector::Kind::CutBody, 0},
    {"invalid_utf8", FaultInjector::Kind::InvalidUtf8, 0},
    {"huge_body", FaultInjector::Kind::HugeBody, 0},
    {"commit_then_hang", FaultInjector::Kind::CommitThenHang, 0},
    {"commit_then_reset", FaultInjector::Kind::CommitThenReset, 0},
};

QString defaultMessage(int status)
{
    switch (status) {
    case 429: return u"Too many requests"_s;
    case 500: return u"We're sorry, but something went wrong on our end."_s;
    case 502: return u"Bad Gateway"_s;
    case 503: return u"Service Unavailable"_s;
    default: return QString::fromLatin1(reasonPhrase(status));
    }
}
} // namespace

std::optional<FaultInjector::Fault> FaultInjector::parse(const QJsonObject &json, QString *error) const
{
    Fault f;
    f.kindName = json.value(u"kind"_s).toString();
    bool known = false;
    for (const KindName &k : kindNames) {
        if (f.kindName == QLatin1StringView(k.name)) {
            f.kind = k.kind;
            f.status = k.status;
            known = true;
        }
    }
    if (!known) {
        *error = u"unknown fault kind \""_s + f.kindName + u"\""_s;
        return std::nullopt;
    }
    f.method = json.value(u"method"_s).toString().toUpper().toLatin1();
    f.pathPrefix = json.value(u"path"_s).toString();
    if (!f.pathPrefix.startsWith(u'/')) {
        *error = u"a fault needs \"path\", a prefix starting with /"_s;
        return std::nullopt;
    }
    f.remaining = json.value(u"count"_s).toInt(1);
    f.status = json.value(u"status"_s).toInt(f.status);
    f.resetInSeconds = json.value(u"reset_in"_s).toInt(f.resetInSeconds);
    f.retryAfterSeconds = json.value(u"retry_after"_s).toInt(0);
    f.delayMs = json.value(u"ms"_s).toInt(1000);
    f.sizeBytes = json.value(u"bytes"_s).toInteger(f.sizeBytes);
    f.body = json.value(u"body"_s).toString().toUtf8();
    f.contentType = json.value(u"content_type"_s).toString().toLatin1();
    if (f.remaining < 1 || (f.kind == Kind::Status && (f.status < 100 || f.status > 599))) {
        *error = u"count must be at least 1 and status a valid HTTP status"_s;
        return std::nullopt;
    }
    return f;
}

int FaultInjector::add(Fault fault)
{
    fault.id = m_nextId++;
    m_faults.append(fault);
    return fault.id;
}

QJsonArray FaultInjector::describe() const
{
    QJsonArray out;
    for (const Fault &f : m_faults) {
        out.append(QJsonObject {{u"id"_s, f.id},
                                {u"kind"_s, f.kindName},
                                {u"method"_s, QString::fromLatin1(f.method)},
                                {u"path"_s, f.pathPrefix},
                                {u"remaining"_s, f.remaining},
                                {u"used"_s, f.used}});
    }
    return out;
}

std::optional<FaultInjector::Fault> FaultInjector::take(const HttpRequest &req)
{
    for (Fault &f : m_faults) {
        if (f.remaining > 0 && (f.method.isEmpty() || f.method == req.method) && req.path.startsWith(f.pathPrefix)) {
            --f.remaining;
            ++f.used;
            return f;
        }
    }
    return std::nullopt;
}

bool FaultInjector::runsHandler(const Fault &fault)
{
    switch (fault.kind) {
    case Kind::Status:
    case Kind::Hang:
    case Kind::Reset: return false;
    default: return true;
    }
}

HttpOutcome FaultInjector::answer(const Fault &fault, const QDateTime &now)
{
    HttpOutcome out;
    switch (fault.kind) {
    case Kind::Hang: out.delivery = Delivery::Hang; return out;
    case Kind::Reset: out.delivery = Delivery::Reset; return out;
    default: break;
    }
    out.response = fault.body.isEmpty() ? HttpResponse::error(fault.status, defaultMessage(fault.status))
                                        : HttpResponse {fault.status, {}, fault.body};
    out.response.status = fault.status;
    if (!fault.contentType.isEmpty()) {
        out.response.setHeader("Content-Type", fault.contentType);
    } else if (!fault.body.isEmpty()) {
        out.response.setHeader("Content-Type", "application/json; charset=utf-8");
    }
    if (fault.status == 429) {
        out.response.setHeader("X-RateLimit-Limit", "300");
        out.response.setHeader("X-RateLimit-Remaining", "0");
        out.response.setHeader("X-RateLimit-Reset", RateLimiter::formatReset(now.addSecs(fault.resetInSeconds)));
    }
    if (fault.retryAfterSeconds > 0) {
        out.response.setHeader("Retry-After", QByteArray::number(fault.retryAfterSeconds));
    }
    return out;
}

HttpOutcome FaultInjector::damage(const Fault &fault, HttpOutcome normal)
{
    QByteArray &body = normal.response.body;
    switch (fault.kind) {
    case Kind::Delay: normal.delayMs = fault.delayMs; break;
    case Kind::Truncate: normal.delivery = Delivery::Truncate; break;
    case Kind::CutBody:
        // Headers are consistent (Content-Length is the cut size); only the JSON is broken.
        body = body.left(body.size() / 2);
        break;
    case Kind::InvalidUtf8: {
        // 0xFF never occurs in UTF-8: put it inside the first string value.
        const qsizetype valueStart = body.indexOf("\":\"");
        if (valueStart >= 0) {
            body.insert(valueStart + 3, "\xff\xfe");
        } else {
            body = "[\"\xff\xfe\"]";
        }
        break;
    }
    case Kind::HugeBody: {
        // Schema-valid either way: an extra property in the first object, or whitespace.
        const qsizetype objectStart = body.startsWith("{") ? 1 : body.startsWith("[{") ? 2 : -1;
        if (objectStart > 0) {
            const bool empty = body.mid(objectStart, 1) == "}";
            body.insert(objectStart, "\"x_padding\":\"" + QByteArray(fault.sizeBytes, 'a') + (empty ? "\"" : "\","));
        } else {
            body.insert(1, QByteArray(fault.sizeBytes, ' '));
        }
        break;
    }
    case Kind::CommitThenHang: normal.delivery = Delivery::Hang; break;
    case Kind::CommitThenReset: normal.delivery = Delivery::Reset; break;
    default: break;
    }
    return normal;
}

} // namespace sb::mastodontest
