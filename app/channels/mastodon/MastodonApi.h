#pragma once

#include "channels/mastodon/MastodonParse.h"
#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QHttpMultiPart;
class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcMastodon)

namespace sb::mastodon {

// Returns the current access token (from the keychain, or an environment variable named in the settings). Called
// for every request, so a re-authentication takes effect at once. Never logged.
using TokenProvider = std::function<QString()>;

// How a request that got no usable answer is reported.
enum class RequestEffect {
    Read, // nothing changes on the server: Transient, retry freely
    Write, // a harmless side effect (an orphan media upload): Transient
    Publish, // POST /api/v1/statuses: if the request may have reached the server, MaybeCommitted
};

// Everything known about a finished request, for classifyFailure.
struct ReplyOutcome {
    int httpStatus = 0; // 0: no HTTP response at all
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText; // Qt's description of the network error
    bool timedOut = false;
    bool tooLarge = false;
    QByteArray body;
    RateLimit rateLimit;
    QByteArray retryAfter;
};

// The typed error for a request that did not succeed:
//  401 -> AuthExpired; 429 -> RateLimited (retryAt from X-RateLimit-Reset, else Retry-After);
//  408, 5xx, timeouts, resets, truncated or oversized bodies -> Transient, or MaybeCommitted for a Publish that may
//  have reached the server (5xx included: the status may be stored even though the answer failed);
//  422 saying "already"/"duplicate" -> Duplicate; other 4xx -> Permanent.
Error classifyFailure(const ReplyOutcome &outcome, RequestEffect effect, const QDateTime &now);

// True when the request surely never reached the server (refused, name not resolved, TLS failed first).
bool surelyNotSent(QNetworkReply::NetworkError error);

struct ApiOptions {
    QUrl baseUrl; // https://mastodon.example
    TokenProvider token;
    int timeoutMs = 30'000; // no byte for this long: give up
    qint64 maxResponseBytes = kMaxJsonBytes; // larger bodies are aborted, never buffered
    QByteArray userAgent = "Switchboard";
    bool requireToken = true; // false for the sign-in calls (app registration, token exchange)
};

struct ApiResponse {
    int status = 0;
    QByteArray body;
    PageLinks links;
    RateLimit rateLimit;
};

// Authenticated JSON requests against one Mastodon instance over a shared QNetworkAccessManager. Each callback runs
// exactly once, later on the event loop, with the response of a 2xx or a typed error; when the MastodonApi is
// destroyed, pending requests are aborted and their callbacks dropped.
class MastodonApi final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonApi)
public:
    using Done = std::function<void(Result<ApiResponse>)>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    MastodonApi(QNetworkAccessManager *nam, ApiOptions options, QObject *parent = nullptr);
    ~MastodonApi() override;

    // With notFoundIsAnswer, a 404 or 410 comes back as a response (status set) instead of an error.
    void get(const QString &path, const QUrlQuery &query, Done done, bool notFoundIsAnswer = false);
    void postJson(const QString &path, const QJsonObject &body, const Headers &headers, RequestEffect effect,
                  Done done);
    // Takes ownership of `parts`.
    void postMultipart(const QString &path, QHttpMultiPart *parts, Done done);

    const ApiOptions &options() const { return m_options; }
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;
    // The budget reported by the last response that carried rate-limit headers.
    RateLimit lastRateLimit() const { return m_rateLimit; }
    int pendingRequests() const { return int(m_pending.size()); }

private:
    QNetworkRequest request(const QUrl &url) const;
    void track(QNetworkReply *reply, const QString &what, RequestEffect effect, Done done,
               bool notFoundIsAnswer = false);

    QPointer<QNetworkAccessManager> m_nam;
    ApiOptions m_options;
    RateLimit m_rateLimit;
    QList<QPointer<QNetworkReply>> m_pending;
};

} // namespace sb::mastodon
