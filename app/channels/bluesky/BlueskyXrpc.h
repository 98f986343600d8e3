#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcBluesky)

namespace sb::bluesky {

// The largest JSON answer read (a page of 100 notifications with their records is well below 1 MB).
constexpr qint64 kMaxXrpcBytes = 8 * 1024 * 1024;

// An account's session on its PDS. The tokens are secrets: never logged, kept in the keychain.
struct Session {
    QString did;
    QString handle;
    QString accessJwt;
    QString refreshJwt;
    bool valid() const { return !did.isEmpty() && !accessJwt.isEmpty() && !refreshJwt.isEmpty(); }
    QByteArray toJson() const;
    static Session fromJson(const QByteArray &json);
};

// The `RateLimit-*` headers of the last answer that had them.
struct XrpcRateLimit {
    int limit = -1;
    int remaining = -1;
    QDateTime reset; // RateLimit-Reset is a Unix time in seconds
};

// How a request that got no usable answer is reported.
enum class XrpcEffect {
    Read, // nothing changes on the server: Transient, retry freely
    Write, // a harmless side effect (an unused blob): Transient
    Publish, // createRecord of a post: if it may have reached the server, MaybeCommitted
};

struct XrpcOutcome {
    int httpStatus = 0; // 0: no HTTP response at all
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    bool timedOut = false;
    bool tooLarge = false;
    QByteArray body;
    XrpcRateLimit rateLimit;
    QByteArray retryAfter;
};

// The XRPC error name of an error body ({"error": "ExpiredToken", "message": ...}), or empty.
QString xrpcErrorName(const QByteArray &body);
// The typed error of a failed request:
//  401, and 400 ExpiredToken / InvalidToken -> AuthExpired (the client refreshes the session first);
//  429 -> RateLimited (retryAt from RateLimit-Reset, else Retry-After);
//  408, 5xx, timeouts, resets, cut or oversized bodies -> Transient, or MaybeCommitted for a Publish that may have
//  reached the server; other 4xx -> Permanent.
Error classifyXrpcFailure(const XrpcOutcome &outcome, XrpcEffect effect, const QDateTime &now);
XrpcRateLimit parseXrpcRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset);

struct XrpcOptions {
    int timeoutMs = 30'000;
    qint64 maxResponseBytes = kMaxXrpcBytes;
    QByteArray userAgent = "Switchboard";
};

struct XrpcResponse {
    int status = 0;
    QByteArray body;
};

// XRPC requests against one PDS, with the account's session: an expired access token is refreshed with the
// refresh token (com.atproto.server.refreshSession) and the request sent again, once, without the caller noticing;
// when the refresh token is no longer accepted either, a new session is made with the app password when one is
// known. Requests that arrive while a refresh runs wait for it. Every callback runs exactly once, later, on the
// event loop; pending callbacks are dropped when the client is destroyed.
class XrpcClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(XrpcClient)
public:
    using Done = std::function<void(Result<XrpcResponse>)>;
    // Makes a new session from the app password (or fails with AuthExpired when there is none).
    using SignIn = std::function<void(std::function<void(Result<Session>)>)>;

    XrpcClient(QNetworkAccessManager *nam, XrpcOptions options, QObject *parent = nullptr);
    ~XrpcClient() override;

    void setService(const QUrl &pds) { m_service = pds; }
    QUrl service() const { return m_service; }
    void setSession(const Session &session) { m_session = session; }
    const Session &session() const { return m_session; }
    void setSignIn(SignIn signIn) { m_signIn = std::move(signIn); }

    // A query (GET). With notFoundIsAnswer, "not found" answers (404, 400 RecordNotFound / NotFound) come back as
    // responses with their status instead of errors.
    void query(const QString &nsid, const QUrlQuery &params, Done done, bool notFoundIsAnswer = false);
    // A procedure (POST) with a JSON body.
    void procedure(const QString &nsid, const QJsonObject &body, XrpcEffect effect, Done done);
    // A procedure with a raw body (uploadBlob).
    void upload(const QString &nsid, const QByteArray &data, const QByteArray &mimeType, Done done);
    // Without the session: a request any client may make (resolveHandle, createSession) to `base`.
    void anonymous(const QUrl &base, const QString &nsid, const QUrlQuery &params, const QJsonObject *body, Done done,
                   bool notFoundIsAnswer = false);
    // A GET of a full URL (a DID document), size- and time-limited like every other answer.
    void getUrl(const QUrl &url, Done done);

    // The budget the PDS last reported for queries (reads) and for procedures (writes have their own limits).
    XrpcRateLimit lastRateLimit() const { return m_readLimit; }
    XrpcRateLimit lastWriteLimit() const { return m_writeLimit; }

signals:
    // The session changed (refreshed or made anew): store it.
    void sessionChanged(const sb::bluesky::Session &session);

private:
    struct Call {
        QString nsid;
        QUrlQuery params;
        QByteArray body;
        QByteArray contentType;
        bool post = false;
        XrpcEffect effect = XrpcEffect::Read;
        bool notFoundIsAnswer = false;
        bool refreshed = false; // sent again after a refresh: a second expiry is an error
        Done done;
    };
    void send(std::shared_ptr<Call> call);
    void refreshThenResend(std::shared_ptr<Call> call);
    void finishRefresh(Result<Session> session);
    void signInAgain();
    QNetworkRequest request(const QUrl &url, const QString &bearer) const;
    // `limit`: where the answer's RateLimit-* headers are kept (nullptr: not at all, for requests to other hosts).
    void track(QNetworkReply *reply, const QString &what, XrpcEffect effect, bool notFoundIsAnswer,
               XrpcRateLimit *limit, std::function<void(Result<XrpcResponse>, const XrpcOutcome &)> done);

    QPointer<QNetworkAccessManager> m_nam;
    XrpcOptions m_options;
    QUrl m_service;
    Session m_session;
    SignIn m_signIn;
    XrpcRateLimit m_readLimit;
    XrpcRateLimit m_writeLimit;
    bool m_refreshing = false;
    std::deque<std::shared_ptr<Call>> m_waiting; // for the refresh
    QList<QPointer<QNetworkReply>> m_pending;
};

} // namespace sb::bluesky
