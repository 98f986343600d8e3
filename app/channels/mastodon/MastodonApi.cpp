#include "channels/mastodon/MastodonApi.h"

#include <QCoreApplication>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcMastodon, "switchboard.mastodon")

namespace sb::mastodon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mastodon", text);
}

// Qt's own buffer for a reply; our readyRead handler moves data out of it and enforces the size limit.
constexpr qint64 kReadBufferBytes = 256 * 1024;
// The transfer timeout catches silence; this catches a server that drips a byte at a time.
constexpr int kDeadlineFactor = 4;

bool isInstancePath(const QString &path)
{
    return path.startsWith(QLatin1String("/api/v2/instance")) || path.startsWith(QLatin1String("/api/v1/instance"));
}

QDateTime parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty()) {
        return {};
    }
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok) {
        return seconds >= 0 ? now.addSecs(seconds).toUTC() : QDateTime();
    }
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    return at.isValid() ? at.toUTC() : QDateTime();
}

Error withMessage(ErrorKind kind, const QString &message, const QDateTime &retryAt = {})
{
    return Error {kind, message, retryAt};
}

} // namespace

bool surelyNotSent(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::NetworkSessionFailedError: return true;
    default: return false;
    }
}

Error classifyFailure(const ReplyOutcome &outcome, RequestEffect effect, const QDateTime &now)
{
    const bool publish = effect == RequestEffect::Publish;
    const bool gotStatus = outcome.httpStatus > 0;
    const bool success = outcome.httpStatus >= 200 && outcome.httpStatus < 300;

    if (outcome.tooLarge) {
        return withMessage(publish ? ErrorKind::MaybeCommitted : ErrorKind::Transient,
                           tr("The server's response was larger than allowed and was not read."));
    }
    // No complete answer: a timeout, a reset, or a body cut short after a success status.
    if (outcome.timedOut || !gotStatus || (success && outcome.networkError != QNetworkReply::NoError)) {
        const QString what = outcome.timedOut
            ? tr("The server did not answer in time.")
            : tr("The connection to the server failed (%1).")
                  .arg(outcome.networkErrorText.isEmpty() ? QString::number(int(outcome.networkError))
                                                          : outcome.networkErrorText);
        if (publish) {
            if (!outcome.timedOut && !gotStatus && surelyNotSent(outcome.networkError)) {
                return withMessage(ErrorKind::Transient, what);
            }
            return withMessage(ErrorKind::MaybeCommitted,
                               what + QLatin1Char(' ') + tr("The post may have been published."));
        }
        if (outcome.networkError == QNetworkReply::ProtocolUnknownError
            || outcome.networkError == QNetworkReply::ProtocolInvalidOperationError) {
            return withMessage(ErrorKind::Permanent, what);
        }
        return withMessage(ErrorKind::Transient, what);
    }

    const QString serverMessage = parseErrorMessage(outcome.body);
    const QString message = serverMessage.isEmpty()
        ? tr("The server answered with HTTP %1.").arg(outcome.httpStatus)
        : tr("The server answered with HTTP %1: %2").arg(outcome.httpStatus).arg(serverMessage);
    const int status = outcome.httpStatus;
    if (status == 401) {
        return withMessage(ErrorKind::AuthExpired, message);
    }
    if (status == 429) {
        QDateTime retryAt = outcome.rateLimit.reset;
        if (!retryAt.isValid()) {
            retryAt = parseRetryAfter(outcome.retryAfter, now);
        }
        return withMessage(ErrorKind::RateLimited, message, retryAt);
    }
    if (status == 408) {
        return withMessage(ErrorKind::Transient, message);
    }
    if (status >= 500) {
        return withMessage(publish ? ErrorKind::MaybeCommitted : ErrorKind::Transient, message);
    }
    if (status == 422) {
        const QString lower = serverMessage.toLower();
        if (lower.contains(QLatin1String("already")) || lower.contains(QLatin1String("duplicate"))) {
            return withMessage(ErrorKind::Duplicate, message);
        }
    }
    return withMessage(ErrorKind::Permanent, message);
}

MastodonApi::MastodonApi(QNetworkAccessManager *nam, ApiOptions options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(std::move(options))
{
}

MastodonApi::~MastodonApi()
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

QUrl MastodonApi::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_options.baseUrl;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/'))) {
        base.chop(1);
    }
    url.setPath(base + path);
    url.setQuery(query);
    return url;
}

QNetworkRequest MastodonApi::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.timeoutMs);
    // Never let a redirect carry the Authorization header to another origin.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", m_options.userAgent);
    if (m_options.token) {
        if (const QString token = m_options.token(); !token.isEmpty()) {
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        }
    }
    return request;
}

void MastodonApi::get(const QString &path, const QUrlQuery &query, Done done, bool notFoundIsAnswer)
{
    if (!m_nam) {
        QTimer::singleShot(
            0, this, [done = std::move(done)] { done(makeError(ErrorKind::Transient, tr("No network access."))); });
        return;
    }
    const QNetworkRequest req = request(urlFor(path, query));
    if (m_options.requireToken && !isInstancePath(path) && !req.hasRawHeader("Authorization")) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(makeError(ErrorKind::AuthExpired, tr("No access token: sign in to the account again.")));
        });
        return;
    }
    track(m_nam->get(req), QStringLiteral("GET ") + path, RequestEffect::Read, std::move(done), notFoundIsAnswer);
}

void MastodonApi::postJson(const QString &path, const QJsonObject &body, const Headers &headers, RequestEffect effect,
                           Done done)
{
    QNetworkRequest req = request(urlFor(path));
    if (!m_nam || (m_options.requireToken && !req.hasRawHeader("Authorization"))) {
        QTimer::singleShot(0, this, [done = std::move(done), noNam = !m_nam] {
            done(noNam ? makeError(ErrorKind::Transient, tr("No network access."))
                       : makeError(ErrorKind::AuthExpired, tr("No access token: sign in to the account again.")));
        });
        return;
    }
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers) {
        req.setRawHeader(name, value);
    }
    track(m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)), QStringLiteral("POST ") + path, effect,
          std::move(done));
}

void MastodonApi::postMultipart(const QString &path, QHttpMultiPart *parts, Done done)
{
    const QNetworkRequest req = request(urlFor(path));
    if (!m_nam || (m_options.requireToken && !req.hasRawHeader("Authorization"))) {
        delete parts;
        QTimer::singleShot(0, this, [done = std::move(done), noNam = !m_nam] {
            done(noNam ? makeError(ErrorKind::Transient, tr("No network access."))
                       : makeError(ErrorKind::AuthExpired, tr("No access token: sign in to the account again.")));
        });
        return;
    }
    QNetworkReply *reply = m_nam->post(req, parts);
    parts->setParent(reply);
    track(reply, QStringLiteral("POST ") + path, RequestEffect::Write, std::move(done));
}

void MastodonApi::track(QNetworkReply *reply, const QString &what, RequestEffect effect, Done done,
                        bool notFoundIsAnswer)
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
            [this, reply, state, effect, what, notFoundIsAnswer, done = std::move(done)] {
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
                ReplyOutcome outcome;
                outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                outcome.networkError = reply->error();
                if (outcome.networkError != QNetworkReply::NoError) {
                    // Qt's text names the URL: keep the host and path only (queries carry no secrets, but stay short).
                    outcome.networkErrorText = reply->errorString().replace(reply->url().toString(),
                                                                            reply->url().toString(QUrl::RemoveQuery));
                }
                outcome.tooLarge = state->tooLarge;
                // Qt reports its transfer timeout as a cancellation (6.4) or a timeout (later versions).
                outcome.timedOut = state->timedOut || outcome.networkError == QNetworkReply::TimeoutError
                    || (outcome.networkError == QNetworkReply::OperationCanceledError && !state->tooLarge);
                outcome.body = std::move(state->body);
                outcome.retryAfter = reply->rawHeader("Retry-After");
                outcome.rateLimit
                    = parseRateLimit(reply->rawHeader("X-RateLimit-Limit"), reply->rawHeader("X-RateLimit-Remaining"),
                                     reply->rawHeader("X-RateLimit-Reset"), now);
                if (outcome.rateLimit.limit >= 0 || outcome.rateLimit.reset.isValid()) {
                    m_rateLimit = outcome.rateLimit;
                }
                const bool gone = notFoundIsAnswer && (outcome.httpStatus == 404 || outcome.httpStatus == 410);
                const bool ok = !outcome.tooLarge && !outcome.timedOut
                    && ((outcome.httpStatus >= 200 && outcome.httpStatus < 300
                         && outcome.networkError == QNetworkReply::NoError)
                        || gone);
                qCDebug(lcMastodon).noquote()
                    << what << outcome.httpStatus << outcome.networkErrorText << (outcome.timedOut ? "(timed out)" : "")
                    << (outcome.tooLarge ? "(too large)" : "");
                if (!ok) {
                    const Error error = classifyFailure(outcome, effect, now);
                    qCInfo(lcMastodon).noquote() << what << errorKindName(error.kind) << error.message;
                    done(error);
                    return;
                }
                ApiResponse response;
                response.status = outcome.httpStatus;
                response.body = std::move(outcome.body);
                response.links = parseLinkHeader(reply->rawHeader("Link"));
                response.rateLimit = outcome.rateLimit;
                done(std::move(response));
            });
}

} // namespace sb::mastodon
