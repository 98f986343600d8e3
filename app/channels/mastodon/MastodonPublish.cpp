#include "channels/mastodon/MastodonChannel.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QMimeDatabase>

#include <memory>

namespace sb::mastodon {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Mastodon", text);
}

std::optional<Error> invalidRequest(const PublishRequest &request)
{
    const auto invalid = [](const QString &message) { return makeError(ErrorKind::Invalid, message); };
    const QString &key = request.idempotencyKey;
    if (key.trimmed().isEmpty()) {
        return invalid(tr("A post needs an idempotency key, or it could not be reconciled after a failure."));
    }
    if (key.size() > 255) {
        return invalid(tr("The idempotency key is too long."));
    }
    for (const QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return invalid(tr("The idempotency key must be printable ASCII."));
        }
    }
    if (request.text.trimmed().isEmpty() && request.mediaIds.isEmpty()) {
        return invalid(tr("There is nothing to post."));
    }
    if (!request.inReplyToRemoteId.isEmpty() && !isSafeId(request.inReplyToRemoteId)) {
        return invalid(tr("Not a Mastodon status id: %1").arg(request.inReplyToRemoteId.left(80)));
    }
    for (const QString &id : request.mediaIds) {
        if (!isSafeId(id)) {
            return invalid(tr("Not a Mastodon media id: %1").arg(id.left(80)));
        }
    }
    static const QStringList visibilities {QString(), QStringLiteral("public"), QStringLiteral("unlisted"),
                                           QStringLiteral("private"), QStringLiteral("direct")};
    if (!visibilities.contains(request.visibility)) {
        return invalid(tr("Unknown visibility: %1").arg(request.visibility.left(40)));
    }
    return std::nullopt;
}

// Multipart headers carry the name as Latin-1 inside quotes: keep it to plain ASCII.
QString safeFileName(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            c = QLatin1Char('_');
        }
    }
    return name.isEmpty() ? QStringLiteral("file") : name;
}

} // namespace

void MastodonChannel::publish(const PublishRequest &request, Callback<PublishResult> done)
{
    if (auto error = invalidRequest(request)) {
        later(std::move(done), *error);
        return;
    }
    ensureSelf([this, request, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        if (request.inReplyToRemoteId.isEmpty()) {
            postStatus(request, request.text, done);
            return;
        }
        // The parent tells whom the reply must mention (and is checked to exist before anything is posted).
        m_api->get(
            QStringLiteral("/api/v1/statuses/") + request.inReplyToRemoteId, {},
            [this, request, done](Result<ApiResponse> r) {
                if (!r.ok()) {
                    done(r.error());
                    return;
                }
                if (r.value().status != 200) {
                    done(makeError(ErrorKind::Permanent, tr("The post this replies to no longer exists.")));
                    return;
                }
                auto parent = parseStatus(r.value().body);
                if (!parent.ok()) {
                    done(parent.error());
                    return;
                }
                if (parent.value().inReplyToId.isEmpty()) {
                    m_threads.setRoot(parent.value().id, parent.value().id);
                }
                const QString text = replyTextWithRecipients(request.text, parent.value(), request.visibility,
                                                             m_self.id, instanceDomain());
                postStatus(request, text, done);
            },
            true);
    });
}

void MastodonChannel::postStatus(const PublishRequest &request, const QString &text, Callback<PublishResult> done)
{
    QJsonObject body {{QStringLiteral("status"), text}};
    if (!request.inReplyToRemoteId.isEmpty()) {
        body.insert(QStringLiteral("in_reply_to_id"), request.inReplyToRemoteId);
    }
    if (!request.visibility.isEmpty()) {
        body.insert(QStringLiteral("visibility"), request.visibility);
    }
    if (!request.spoilerText.isEmpty()) {
        body.insert(QStringLiteral("spoiler_text"), request.spoilerText);
    }
    if (!request.language.isEmpty()) {
        body.insert(QStringLiteral("language"), request.language);
    }
    if (!request.mediaIds.isEmpty()) {
        body.insert(QStringLiteral("media_ids"), QJsonArray::fromStringList(request.mediaIds));
    }
    constexpr qsizetype kMaxRemembered = 10'000;
    if (m_firstAttemptMs.size() >= kMaxRemembered) {
        m_firstAttemptMs.clear();
    }
    if (!m_firstAttemptMs.contains(request.idempotencyKey)) {
        m_firstAttemptMs.insert(request.idempotencyKey, QDateTime::currentMSecsSinceEpoch());
    }
    // Mastodon answers a repeated key (for an hour) with the status it created the first time.
    const MastodonApi::Headers headers {{QByteArrayLiteral("Idempotency-Key"), request.idempotencyKey.toLatin1()}};
    m_api->postJson(
        QStringLiteral("/api/v1/statuses"), body, headers, RequestEffect::Publish,
        [this, request, done](Result<ApiResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            auto status = parseStatus(r.value().body);
            if (!status.ok()) {
                done(makeError(
                    ErrorKind::MaybeCommitted,
                    tr("The server accepted the post but its answer was unreadable: %1").arg(status.error().message)));
                return;
            }
            publishResult(status.value(), done);
        });
}

void MastodonChannel::publishResult(const Status &status, Callback<PublishResult> done)
{
    PublishResult result;
    result.remoteId = status.id;
    result.url = status.url.isEmpty() ? status.uri : status.url;
    const ItemContext ctx = itemContext();
    const QString kind = itemKind(status, ctx);
    QString key;
    if (isDirect(status) && !status.inReplyToId.isEmpty()) {
        key = m_threads.conversationOf(status.inReplyToId);
        m_threads.setConversation(status.id, key);
    }
    if (key.isEmpty()) {
        key = m_threads.knownRoot(status);
        m_threads.setRoot(status.id, key);
    }
    if (!key.isEmpty()) {
        result.item = toItem(status, ctx, key, kind);
        done(std::move(result));
        return;
    }
    // The post is out whatever happens next: the thread lookup only improves the item's grouping.
    resolveItems({PendingItem {status, kind, {}}},
                 [ctx, status, kind, result, done](Result<std::vector<IncomingItem>> items) mutable {
                     if (items.ok() && !items.value().empty()) {
                         result.item = std::move(items.value().front());
                     } else {
                         result.item = toItem(status, ctx, status.inReplyToId, kind);
                     }
                     done(std::move(result));
                 });
}

void MastodonChannel::reconcile(const PublishRequest &request, Callback<PublishResult> done)
{
    if (auto error = invalidRequest(request)) {
        later(std::move(done), *error);
        return;
    }
    ensureSelf([this, request, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        scanOwnStatuses(
            request, {}, qMax(1, m_options.reconcileScanPages),
            [this, request, done](Result<std::optional<Status>> found) {
                if (!found.ok()) {
                    done(found.error());
                    return;
                }
                if (found.value()) {
                    qCInfo(lcMastodon) << "reconcile: the post had landed as" << found.value()->id;
                    publishResult(*found.value(), done);
                    return;
                }
                // Sending again is safe: the same Idempotency-Key still maps to the original for an
                // hour, and older posts would have been among the recent statuses just read.
                done(makeError(ErrorKind::NotFound, tr("The post is not among the account's recent posts.")));
            });
    });
}

void MastodonChannel::scanOwnStatuses(const PublishRequest &request, const QString &maxId, int pagesLeft,
                                      Callback<std::optional<Status>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    query.addQueryItem(QStringLiteral("exclude_reblogs"), QStringLiteral("true"));
    if (!maxId.isEmpty()) {
        query.addQueryItem(QStringLiteral("max_id"), maxId);
    }
    m_api->get(QStringLiteral("/api/v1/accounts/") + m_self.id + QStringLiteral("/statuses"), query,
               [this, request, maxId, pagesLeft, done](Result<ApiResponse> r) {
                   if (!r.ok()) {
                       done(r.error());
                       return;
                   }
                   auto list = parseStatuses(r.value().body);
                   if (!list.ok()) {
                       done(list.error());
                       return;
                   }
                   for (const Status &s : list.value().entries) {
                       // Same words posted well before this job's first attempt are an older post, not this one
                       // (an hour of slack for clocks that disagree). Unknown after a restart: any age matches.
                       const qint64 firstAttempt = m_firstAttemptMs.value(request.idempotencyKey);
                       const bool tooOld = firstAttempt > 0 && s.createdAt < firstAttempt - 3'600'000;
                       if (!tooOld && statusMatchesRequest(s, request)) {
                           done(std::optional<Status>(s));
                           return;
                       }
                   }
                   const QString next
                       = r.value().links.nextMaxId.isEmpty() ? list.value().oldestId : r.value().links.nextMaxId;
                   if (pagesLeft > 1 && !list.value().entries.empty() && !next.isEmpty() && next != maxId
                       && isSafeId(next)) {
                       scanOwnStatuses(request, next, pagesLeft - 1, done);
                       return;
                   }
                   done(std::optional<Status>());
               });
}

void MastodonChannel::uploadMedia(const MediaUpload &media, Callback<QString> done)
{
    auto file = std::make_unique<QFile>(media.localPath);
    if (!file->open(QIODevice::ReadOnly)) {
        later(std::move(done),
              makeError(ErrorKind::Invalid, tr("Cannot read %1: %2").arg(media.localPath, file->errorString())));
        return;
    }
    const QString mime
        = media.mimeType.isEmpty() ? QMimeDatabase().mimeTypeForFile(media.localPath).name() : media.mimeType;
    auto *parts = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart filePart;
    filePart.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QStringLiteral("form-data; name=\"file\"; filename=\"%1\"").arg(safeFileName(media.localPath)));
    filePart.setHeader(QNetworkRequest::ContentTypeHeader, mime);
    filePart.setBodyDevice(file.get());
    file.release()->setParent(parts);
    parts->append(filePart);
    if (!media.altText.isEmpty()) {
        QHttpPart description;
        description.setHeader(QNetworkRequest::ContentDispositionHeader,
                              QStringLiteral("form-data; name=\"description\""));
        description.setBody(media.altText.toUtf8());
        parts->append(description);
    }
    m_api->postMultipart(QStringLiteral("/api/v2/media"), parts, [this, done](Result<ApiResponse> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        auto attachment = parseMediaAttachment(r.value().body);
        if (!attachment.ok()) {
            done(attachment.error());
            return;
        }
        const QString id = attachment.value().id;
        if (r.value().status == 200) {
            done(id); // small images are processed at once
            return;
        }
        if (!isSafeId(id)) {
            done(makeError(ErrorKind::Permanent, tr("Unexpected media id from the server.")));
            return;
        }
        // 202: processing goes on; GET /api/v1/media/:id answers 206 until it is done.
        pollMedia(id, qMax(1, m_options.mediaPollFirstMs),
                  QDateTime::currentMSecsSinceEpoch() + m_options.mediaPollTotalMs, done);
    });
}

void MastodonChannel::pollMedia(const QString &id, int delayMs, qint64 deadlineMs, Callback<QString> done)
{
    QTimer::singleShot(delayMs, this, [this, id, delayMs, deadlineMs, done] {
        m_api->get(QStringLiteral("/api/v1/media/") + id, {},
                   [this, id, delayMs, deadlineMs, done](Result<ApiResponse> r) {
                       if (!r.ok()) {
                           done(r.error());
                           return;
                       }
                       if (r.value().status == 200) {
                           done(id);
                           return;
                       }
                       const int nextDelay = qMin(qMax(1, m_options.mediaPollMaxMs), delayMs * 2);
                       if (QDateTime::currentMSecsSinceEpoch() + nextDelay > deadlineMs) {
                           done(makeError(ErrorKind::Transient, tr("The server is still processing the media file.")));
                           return;
                       }
                       pollMedia(id, nextDelay, deadlineMs, done);
                   });
    });
}

} // namespace sb::mastodon
