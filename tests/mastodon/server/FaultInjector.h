#pragma once

#include "HttpTypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace sb::mastodontest {

// Scripted faults for the next N requests matching a method and a path prefix. Faults that stand for a broken
// network or proxy (status codes, hang, reset, delay) answer before the request reaches the API, so nothing is
// stored; faults that damage the answer (truncate, cut_body, invalid_utf8, huge_body, commit_then_*) let the API
// handle the request first, so its effect is committed, as when a real response is lost on the way back.
class FaultInjector {
public:
    enum class Kind {
        Status,
        Hang,
        Reset,
        Delay,
        Truncate,
        CutBody,
        InvalidUtf8,
        HugeBody,
        CommitThenHang,
        CommitThenReset,
    };

    struct Fault {
        int id = 0;
        QString kindName;
        Kind kind = Kind::Status;
        QByteArray method; // empty: any
        QString pathPrefix;
        int remaining = 1;
        int status = 500;
        int resetInSeconds = 60;
        int retryAfterSeconds = 0;
        int delayMs = 0;
        qint64 sizeBytes = 10 * 1024 * 1024;
        QByteArray body;
        QByteArray contentType;
        int used = 0;
    };

    // From the control API's JSON; std::nullopt with a message when the description is not understood.
    std::optional<Fault> parse(const QJsonObject &json, QString *error) const;
    int add(Fault fault);
    void clear() { m_faults.clear(); }
    QJsonArray describe() const;

    // The fault for this request, if one is scripted; consumes one of its repetitions.
    std::optional<Fault> take(const HttpRequest &req);

    static bool runsHandler(const Fault &fault);
    // For faults that answer instead of the API.
    static HttpOutcome answer(const Fault &fault, const QDateTime &now);
    // For faults that damage the API's own answer.
    static HttpOutcome damage(const Fault &fault, HttpOutcome normal);

private:
    QList<Fault> m_faults;
    int m_nextId = 1;
};

} // namespace sb::mastodontest
