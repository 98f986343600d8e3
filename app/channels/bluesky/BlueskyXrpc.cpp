#include "channels/bluesky/BlueskyXrpc.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcBluesky, "switchboard.bluesky")

namespace sb::bluesky {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Bluesky", text);
}

constexpr qint64 kReadBufferBytes = 256 * 1024;
constexpr int kDeadlineFactor = 4; // the transfer timeout catches silence; this catches a drip-feeding server

const QString kRefreshSession = QStringLiteral("com.atproto.server.refreshSession");

bool isAuthError(const XrpcOutcome &outcome)
{
    if (outcome.httpStatus == 401) {
        return true;
    }
    const QString name = xrpcErrorName(outcome.body);
    return outcome.httpStatus == 400
        && (name == QLatin1String("ExpiredToken") || name == QLatin1String("InvalidToken"));
}

bool isNotFound(const XrpcOutcome &outcome)
{
    if (outcome.httpStatus == 404 || outcome.httpStatus == 410) {
        return true;
    }
    const QString name = xrpcErrorName(outcome.body);
    return outcome.httpStatus == 400
        && (name == QLatin1String("RecordNotFound") || name == QLatin1String("NotFound")
            || name == QLatin1String("BlobNotFound"));
}

QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok && seconds >= 0) {
        return now.addSecs(seconds);
    }
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return at.isValid() ? at.toUTC() : QDateTime();
}

} // namespace

QByteArray Session::toJson() const
{
    return QJsonDocument(QJsonObject {{QStringLiteral("did"), did},
                                      {QStringLiteral("handle"), handle},
                                      {QStringLiteral("accessJwt"), accessJwt},
                                      {QStringLiteral("refreshJwt"), refreshJwt}})
        .toJson(QJsonDocument::Compact);
}

Session Session::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Session s;
    s.did = o.value(QStringLiteral("did")).toString();
    s.handle = o.value(QStringLiteral("handle")).toString();
    s.accessJwt = o.value(QStringLiteral("accessJwt")).toString();
    s.refreshJwt = o.value(QStringLiteral("refreshJwt")).toString();
    return s;
}

QString xrpcErrorName(const QByteArray &body)
{
    if (body.isEmpty() || body.size() > 64 * 1024) {
        return {};
    }
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
}

XrpcRateLimit parseXrpcRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset)
{
    XrpcRateLimit r;
    bool ok = false;
    if (const int v = limit.trimmed().toInt(&ok); ok) {
        r.limit = v;
    }
    if (const int v = remaining.trimmed().toInt(&ok); ok) {
        r.remaining = v;
    }
    if (const qint64 v = reset.trimmed().toLongLong(&ok); ok && v > 0) {
        r.reset = QDateTime::fromSecsSinceEpoch(v, Qt::UTC);
    }
    return r;
}

Error classifyXrpcFailure(const XrpcOutcome &outcome, XrpcEffect effect, const QDateTime &now)
{
    const bool publish = effect == XrpcEffect::Publish;
    const bool gotStatus = outcome.httpStatus > 0;
    const bool success = outcome.httpStatus >= 200 && outcome.httpStatus < 300;
    if (outcome.tooLarge) {
        return makeError(publish ? ErrorKind::MaybeCommitted : ErrorKind::Transient,
                         tr("The server's response was larger than allowed and was not read."));
    }
    if (outcome.timedOut || !gotStatus || (success && outcome.networkError != QNetworkReply::NoError)) {
        const QString what = outcome.timedOut
            ? tr("The server did not answer in time.")
            : tr("The connection to the server failed (%1).")
                  .arg(outcome.networkErrorText.isEmpty() ? QString::number(int(outcome.networkError))
                                                          : outcome.networkErrorText);
        if (publish) {
            const bool notSent = !outcome.timedOut && !gotStatus
                && (outcome.networkError == QNetworkReply::ConnectionRefusedError
                    || outcome.networkError == QNetworkReply::HostNotFoundError);
            return makeError(notSent ? ErrorKind::Transient : ErrorKind::MaybeCommitted,
                             notSent ? what : what + QLatin1Char(' ') + tr("The post may have been published."));
        }
        return makeError(ErrorKind::Transient, what);
    }
    const QJsonObject error
        = outcome.body.size() <= 64 * 1024 ? QJsonDocument::fromJson(outcome.body).object() : QJsonObject();
    const QString name = error.value(QStringLiteral("error")).toString();
    const QString detail = error.value(QStringLiteral("message")).toString().left(300);
    const QString serverSays
        = detail.isEmpty() ? name : (name.isEmpty() ? detail : name + QStringLiteral(": ") + detail);
    const QString message = serverSays.isEmpty()
        ? tr("The server answered with HTTP %1.").arg(outcome.httpStatus)
        : tr("The server answered with HTTP %1: %2").arg(outcome.httpStatus).arg(serverSays);
    const int status = outcome.httpStatus;
    if (isAuthError(outcome)) {
        return makeError(ErrorKind::AuthExpired, message);
    }
    if (status == 429) {
        QDateTime retryAt = outcome.rateLimit.reset;
        if (!retryAt.isValid()) {
            retryAt = parseRetryAfter(outcome.retryAfter, now);
        }
        return Error {ErrorKind::RateLimited, message, retryAt};
    }
    if (status == 408) {
        return makeError(ErrorKind::Transient, message);
    }
    if (status >= 500) {
        return makeError(publish ? ErrorKind::MaybeCommitted : ErrorKind::Transient, message);
    }
    return makeError(ErrorKind::Permanent, message);
}

XrpcClient::XrpcClient(QNetworkAccessManager *nam, XrpcOptions options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(std::move(options))
{
}

XrpcClient::~XrpcClient()
{
    const auto pending = std::exchange(m_pending, {});
    for (const QPointer<QNetworkReply> &reply : pending) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

QNetworkRequest XrpcClient::request(const QUrl &url, const QString &bearer) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    // Never let a redirect carry the Authorization header to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", m_options.userAgent);
    if (!bearer.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    }
    return request;
}

void XrpcClient::query(const QString &nsid, const QUrlQuery &params, Done done, bool notFoundIsAnswer)
{
    auto call = std::make_shared<Call>();
    call->nsid = nsid;
    call->params = params;
    call->notFoundIsAnswer = notFoundIsAnswer;
    call->done = std::move(done);
    send(std::move(call));
}

void XrpcClient::procedure(const QString &nsid, const QJsonObject &body, XrpcEffect effect, Done done)
{
    auto call = std::make_shared<Call>();
    call->nsid = nsid;
    call->post = true;
    call->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call->contentType = QByteArrayLiteral("application/json");
    call->effect = effect;
    call->done = std::move(done);
    send(std::move(call));
}

void XrpcClient::upload(const QString &nsid, const QByteArray &data, const QByteArray &mimeType, Done done)
{
    auto call = std::make_shared<Call>();
    call->nsid = nsid;
    call->post = true;
    call->body = data;
    call->contentType = mimeType;
    call->effect = XrpcEffect::Write;
    call->done = std::move(done);
    send(std::move(call));
}

void XrpcClient::send(std::shared_ptr<Call> call)
{
    if (!m_nam) {
        QTimer::singleShot(0, this, [call] { call->done(makeError(ErrorKind::Transient, tr("No network access."))); });
        return;
    }
    if (!m_session.valid() || !m_service.isValid()) {
        if (m_signIn && !call->refreshed) {
            call->refreshed = true;
            m_waiting.push_back(std::move(call));
            signInAgain();
            return;
        }
        QTimer::singleShot(0, this, [call] {
            call->done(makeError(ErrorKind::AuthExpired, tr("Not signed in: sign in to the account again.")));
        });
        return;
    }
    if (m_refreshing) {
        m_waiting.push_back(std::move(call));
        return;
    }
    // The budget is spent until the window resets: asking now would only earn a 429.
    const XrpcRateLimit &budget = call->post ? m_writeLimit : m_readLimit;
    if (budget.remaining == 0 && budget.reset.isValid() && budget.reset > QDateTime::currentDateTimeUtc()) {
        const QDateTime until = budget.reset;
        QTimer::singleShot(0, this, [call, until] {
            call->done(Error {ErrorKind::RateLimited,
                              tr("The server's request budget is used up until %1.")
                                  .arg(until.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                              until});
        });
        return;
    }
    QUrl url = m_service;
    url.setPath(QStringLiteral("/xrpc/") + call->nsid);
    if (!call->post) {
        url.setQuery(call->params);
    }
    QNetworkRequest req = request(url, m_session.accessJwt);
    QNetworkReply *reply = nullptr;
    if (call->post) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, call->contentType);
        reply = m_nam->post(req, call->body);
    } else {
        reply = m_nam->get(req);
    }
    const QString sentWith = m_session.accessJwt;
    track(reply, call->nsid, call->effect, call->notFoundIsAnswer, call->post ? &m_writeLimit : &m_readLimit,
          [this, call, sentWith](Result<XrpcResponse> result, const XrpcOutcome &outcome) {
              if (!result.ok() && isAuthError(outcome) && !call->refreshed) {
                  call->refreshed = true;
                  if (m_session.accessJwt != sentWith) {
                      send(call); // refreshed meanwhile by another request
                  } else {
                      refreshThenResend(call);
                  }
                  return;
              }
              call->done(std::move(result));
          });
}

void XrpcClient::refreshThenResend(std::shared_ptr<Call> call)
{
    m_waiting.push_back(std::move(call));
    if (m_refreshing) {
        return;
    }
    m_refreshing = true;
    qCInfo(lcBluesky) << "access token expired; refreshing the session of" << m_session.did;
    QUrl url = m_service;
    url.setPath(QStringLiteral("/xrpc/") + kRefreshSession);
    QNetworkRequest req = request(url, m_session.refreshJwt);
    track(m_nam->post(req, QByteArray()), kRefreshSession, XrpcEffect::Write, false, nullptr,
          [this](Result<XrpcResponse> result, const XrpcOutcome &outcome) {
              if (!result.ok()) {
                  if (isAuthError(outcome) && m_signIn) {
                      // The refresh token is no longer accepted (expired, revoked): sign in anew.
                      qCInfo(lcBluesky) << "the refresh token was refused; signing in again";
                      m_refreshing = false;
                      signInAgain();
                      return;
                  }
                  finishRefresh(result.error());
                  return;
              }
              const QJsonObject o = QJsonDocument::fromJson(result.value().body).object();
              Session s = m_session;
              s.accessJwt = o.value(QStringLiteral("accessJwt")).toString();
              s.refreshJwt = o.value(QStringLiteral("refreshJwt")).toString();
              if (const QString handle = o.value(QStringLiteral("handle")).toString(); !handle.isEmpty()) {
                  s.handle = handle;
              }
              if (!s.valid()) {
                  finishRefresh(makeError(ErrorKind::Permanent, tr("The server's session answer could not be read.")));
                  return;
              }
              finishRefresh(s);
          });
}

void XrpcClient::signInAgain()
{
    if (m_refreshing) {
        return;
    }
    if (!m_signIn) {
        finishRefresh(makeError(ErrorKind::AuthExpired, tr("The session expired: sign in to the account again.")));
        return;
    }
    m_refreshing = true;
    QPointer<XrpcClient> self(this);
    m_signIn([self](Result<Session> session) {
        if (self) {
            self->finishRefresh(std::move(session));
        }
    });
}

void XrpcClient::finishRefresh(Result<Session> session)
{
    m_refreshing = false;
    auto waiting = std::exchange(m_waiting, {});
    if (!session.ok()) {
        for (const auto &call : waiting) {
            call->done(session.error());
        }
        return;
    }
    m_session = session.value();
    emit sessionChanged(m_session);
    for (auto &call : waiting) {
        send(std::move(call));
    }
}

void XrpcClient::anonymous(const QUrl &base, const QString &nsid, const QUrlQuery &params, const QJsonObject *body,
                           Done done, bool notFoundIsAnswer)
{
    if (!m_nam) {
        QTimer::singleShot(0, this, [done] { done(makeError(ErrorKind::Transient, tr("No network access."))); });
        return;
    }
    QUrl url = base;
    url.setPath(QStringLiteral("/xrpc/") + nsid);
    QNetworkReply *reply = nullptr;
    if (body) {
        QNetworkRequest req = request(url, {});
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = m_nam->post(req, QJsonDocument(*body).toJson(QJsonDocument::Compact));
    } else {
        url.setQuery(params);
        reply = m_nam->get(request(url, {}));
    }
    track(reply, nsid, XrpcEffect::Write, notFoundIsAnswer, nullptr,
          [done = std::move(done)](Result<XrpcResponse> result, const XrpcOutcome &) { done(std::move(result)); });
}

void XrpcClient::getUrl(const QUrl &url, Done done)
{
    if (!m_nam) {
        QTimer::singleShot(0, this, [done] { done(makeError(ErrorKind::Transient, tr("No network access."))); });
        return;
    }
    track(m_nam->get(request(url, {})), url.toString(QUrl::RemoveQuery), XrpcEffect::Read, true, nullptr,
          [done = std::move(done)](Result<XrpcResponse> result, const XrpcOutcome &) { done(std::move(result)); });
}

void XrpcClient::track(QNetworkReply *reply, const QString &what, XrpcEffect effect, bool notFoundIsAnswer,
                       XrpcRateLimit *limit, std::function<void(Result<XrpcResponse>, const XrpcOutcome &)> done)
{
    struct State {
        QByteArray body;
        bool tooLarge = false;
        bool timedOut = false;
    };
    auto state = std::make_shared<State>();
    const qint64 max = m_options.maxResponseBytes;
    m_pending.append(reply);
    reply->setReadBufferSize(kReadBufferBytes);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    deadline->start(m_options.timeoutMs * kDeadlineFactor);
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, state, max] {
        const QVariant announced = reply->header(QNetworkRequest::ContentLengthHeader);
        if (announced.isValid() && announced.toLongLong() > max) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, reply, [reply, state, max] {
        if (state->tooLarge) {
            return;
        }
        const QByteArray chunk = reply->readAll();
        if (state->body.size() + chunk.size() > max) {
            state->tooLarge = true;
            state->body.clear();
            reply->abort();
            return;
        }
        state->body += chunk;
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, state, effect, what, notFoundIsAnswer, limit, done = std::move(done)] {
                m_pending.removeAll(reply);
                reply->deleteLater();
                if (!state->tooLarge) {
                    const QByteArray rest = reply->readAll();
                    if (state->body.size() + rest.size() > m_options.maxResponseBytes) {
                        state->tooLarge = true;
                        state->body.clear();
                    } else {
                        state->body += rest;
                    }
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                XrpcOutcome outcome;
                outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                outcome.networkError = reply->error();
                if (outcome.networkError != QNetworkReply::NoError) {
                    outcome.networkErrorText = reply->errorString().replace(reply->url().toString(),
                                                                            reply->url().toString(QUrl::RemoveQuery));
                }
                outcome.tooLarge = state->tooLarge;
                outcome.timedOut = state->timedOut || outcome.networkError == QNetworkReply::TimeoutError
                    || (outcome.networkError == QNetworkReply::OperationCanceledError && !state->tooLarge);
                outcome.body = std::move(state->body);
                outcome.retryAfter = reply->rawHeader("Retry-After");
                outcome.rateLimit
                    = parseXrpcRateLimit(reply->rawHeader("RateLimit-Limit"), reply->rawHeader("RateLimit-Remaining"),
                                         reply->rawHeader("RateLimit-Reset"));
                if (limit && (outcome.rateLimit.limit >= 0 || outcome.rateLimit.reset.isValid())) {
                    *limit = outcome.rateLimit;
                }
                const bool gone = notFoundIsAnswer && !outcome.timedOut && !outcome.tooLarge && isNotFound(outcome);
                const bool ok = !outcome.tooLarge && !outcome.timedOut
                    && ((outcome.httpStatus >= 200 && outcome.httpStatus < 300
                         && outcome.networkError == QNetworkReply::NoError)
                        || gone);
                qCDebug(lcBluesky).noquote()
                    << what << outcome.httpStatus << outcome.networkErrorText << (outcome.timedOut ? "(timed out)" : "")
                    << (outcome.tooLarge ? "(too large)" : "");
                if (!ok) {
                    const Error error = classifyXrpcFailure(outcome, effect, now);
                    qCInfo(lcBluesky).noquote() << what << errorKindName(error.kind) << error.message;
                    done(error, outcome);
                    return;
                }
                XrpcResponse response;
                response.status = outcome.httpStatus;
                response.body = outcome.body;
                done(std::move(response), outcome);
            });
}

} // namespace sb::bluesky
