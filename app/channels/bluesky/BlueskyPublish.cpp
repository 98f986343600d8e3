#include "channels/bluesky/BlueskyChannel.h"
#include "core/Tid.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeDatabase>

namespace sb::bluesky {

namespace {

constexpr int kMaxMentionLookups = 10;

} // namespace

PublishResult BlueskyChannel::resultFor(const QString &uri, const QJsonObject &record) const
{
    PublishResult result;
    result.remoteId = uri;
    Author self;
    self.did = selfDid();
    self.handle = m_handle.isEmpty() ? m_client->session().handle : m_handle;
    const bool reply = !replyParent(record).uri.isEmpty();
    IncomingItem item = itemOf(uri, self, record, QDateTime::currentMSecsSinceEpoch(), self.did,
                               reply ? QStringLiteral("reply") : QStringLiteral("post"));
    result.url = item.url;
    result.item = std::move(item);
    return result;
}

void BlueskyChannel::uploadMedia(const MediaUpload &media, Callback<QString> done)
{
    QFile file(media.localPath);
    const QFileInfo info(media.localPath);
    if (!info.isFile()) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("The image %1 does not exist.").arg(media.localPath)));
        return;
    }
    if (info.size() > kMaxImageBytes) {
        later(std::move(done),
              makeError(ErrorKind::Invalid,
                        tr("The image %1 is larger than Bluesky allows (%2 KB).")
                            .arg(info.fileName())
                            .arg(kMaxImageBytes / 1000)));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        later(std::move(done),
              makeError(ErrorKind::Invalid,
                        tr("The image %1 cannot be read: %2").arg(info.fileName(), file.errorString())));
        return;
    }
    const QByteArray data = file.readAll();
    QString mime = media.mimeType;
    if (mime.isEmpty()) {
        mime = QMimeDatabase().mimeTypeForFileNameAndData(media.localPath, data).name();
    }
    if (!mime.startsWith(QLatin1String("image/"))) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("%1 is not an image.").arg(info.fileName())));
        return;
    }
    const QString alt = media.altText.left(2000);
    ready([this, data, mime, alt, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        m_client->upload(
            QStringLiteral("com.atproto.repo.uploadBlob"), data, mime.toUtf8(), [alt, done](Result<XrpcResponse> r) {
                if (!r.ok()) {
                    done(r.error());
                    return;
                }
                const QJsonObject blob
                    = QJsonDocument::fromJson(r.value().body).object().value(QStringLiteral("blob")).toObject();
                if (blob.isEmpty()) {
                    done(makeError(ErrorKind::Permanent, tr("The server's upload answer could not be read.")));
                    return;
                }
                // The "media id" is the blob reference with its alt text: publish embeds it as is.
                done(QString::fromUtf8(
                    QJsonDocument(QJsonObject {{QStringLiteral("image"), blob}, {QStringLiteral("alt"), alt}})
                        .toJson(QJsonDocument::Compact)));
            });
    });
}

void BlueskyChannel::resolveMentions(QStringList handles, QHash<QString, QString> found,
                                     std::function<void(QHash<QString, QString>)> done)
{
    if (handles.isEmpty()) {
        done(std::move(found));
        return;
    }
    const QString handle = handles.takeFirst();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("handle"), handle);
    m_client->query(
        QStringLiteral("com.atproto.identity.resolveHandle"), q,
        [this, handle, handles, found = std::move(found), done](Result<XrpcResponse> r) mutable {
            if (r.ok()) {
                const QString did
                    = QJsonDocument::fromJson(r.value().body).object().value(QStringLiteral("did")).toString();
                if (did.startsWith(QLatin1String("did:"))) {
                    found.insert(handle, did);
                }
            }
            // A handle that does not resolve stays plain text, as in the Bluesky app.
            resolveMentions(handles, std::move(found), std::move(done));
        });
}

void BlueskyChannel::publish(const PublishRequest &request, Callback<PublishResult> done)
{
    if (!isTid(request.recordKey)) {
        later(std::move(done),
              makeError(ErrorKind::Permanent,
                        tr("This post has no record key, so a resend could not be recognised; it "
                           "was not sent.")));
        return;
    }
    const QString text = request.text;
    if (text.trimmed().isEmpty() && request.mediaIds.isEmpty()) {
        later(std::move(done), makeError(ErrorKind::Invalid, tr("A post needs some text.")));
        return;
    }
    if (text.toUtf8().size() > kMaxTextBytes) {
        later(
            std::move(done),
            makeError(
                ErrorKind::Invalid,
                tr("Bluesky allows %1 bytes of text; this post has %2.").arg(kMaxTextBytes).arg(text.toUtf8().size())));
        return;
    }
    if (const int n = graphemeCount(text); n > kMaxGraphemes) {
        later(std::move(done),
              makeError(ErrorKind::Invalid,
                        tr("Bluesky allows %1 characters; this post has %2.").arg(kMaxGraphemes).arg(n)));
        return;
    }
    QJsonObject record {{QStringLiteral("$type"), kPostCollection},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("createdAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    if (!request.language.isEmpty()) {
        record.insert(QStringLiteral("langs"), QJsonArray {request.language});
    }
    if (!request.mediaIds.isEmpty()) {
        QJsonArray images;
        for (const QString &id : request.mediaIds.mid(0, 4)) {
            const QJsonObject image = QJsonDocument::fromJson(id.toUtf8()).object();
            if (image.value(QStringLiteral("image")).toObject().isEmpty()) {
                later(std::move(done), makeError(ErrorKind::Permanent, tr("An image of this post was not uploaded.")));
                return;
            }
            images.append(image);
        }
        record.insert(QStringLiteral("embed"),
                      QJsonObject {{QStringLiteral("$type"), QStringLiteral("app.bsky.embed.images")},
                                   {QStringLiteral("images"), images}});
    }
    ready([this, request, record, done](std::optional<Error> error) mutable {
        if (error) {
            done(*error);
            return;
        }
        QStringList handles = mentionedHandles(request.text);
        handles = handles.mid(0, kMaxMentionLookups);
        resolveMentions(handles, {}, [this, request, record, done](QHash<QString, QString> dids) mutable {
            const QJsonArray facets = buildFacets(request.text, dids);
            if (!facets.isEmpty()) {
                record.insert(QStringLiteral("facets"), facets);
            }
            if (request.inReplyToRemoteId.isEmpty()) {
                createPost(request, record, done);
                return;
            }
            // The reply refs need the parent's current CID and its thread's root: read them fresh.
            getPosts({request.inReplyToRemoteId},
                     [this, request, record, done](Result<std::vector<PostView>> posts) mutable {
                         if (!posts.ok()) {
                             done(posts.error());
                             return;
                         }
                         if (posts.value().empty()) {
                             done(makeError(ErrorKind::Permanent, tr("The post this replies to no longer exists.")));
                             return;
                         }
                         const PostView &parent = posts.value().front();
                         const StrongRef parentRef {parent.uri, parent.cid};
                         StrongRef root = replyRoot(parent.record);
                         if (!root.valid()) {
                             root = parentRef;
                         }
                         record.insert(QStringLiteral("reply"),
                                       QJsonObject {{QStringLiteral("root"), root.toJson()},
                                                    {QStringLiteral("parent"), parentRef.toJson()}});
                         createPost(request, record, done);
                     });
        });
    });
}

void BlueskyChannel::createPost(const PublishRequest &request, QJsonObject record, Callback<PublishResult> done)
{
    const QString did = selfDid();
    if (did.isEmpty()) {
        done(makeError(ErrorKind::AuthExpired, tr("Not signed in: sign in to the account again.")));
        return;
    }
    const QJsonObject body {{QStringLiteral("repo"), did},
                            {QStringLiteral("collection"), kPostCollection},
                            {QStringLiteral("rkey"), request.recordKey},
                            {QStringLiteral("validate"), true},
                            {QStringLiteral("record"), record}};
    m_client->procedure(
        QStringLiteral("com.atproto.repo.createRecord"), body, XrpcEffect::Publish,
        [this, record, done](Result<XrpcResponse> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            const QString uri
                = QJsonDocument::fromJson(r.value().body).object().value(QStringLiteral("uri")).toString();
            if (!uri.startsWith(QLatin1String("at://"))) {
                // Committed, but the answer is unreadable: reconcile finds the record by its key.
                done(makeError(ErrorKind::MaybeCommitted,
                               tr("The server's answer could not be read; the post may be out.")));
                return;
            }
            done(resultFor(uri, record));
        });
}

void BlueskyChannel::reconcile(const PublishRequest &request, Callback<PublishResult> done)
{
    if (!isTid(request.recordKey)) {
        later(std::move(done), makeError(ErrorKind::Permanent, tr("This post has no record key to look for.")));
        return;
    }
    ready([this, request, done](std::optional<Error> error) {
        if (error) {
            done(*error);
            return;
        }
        const QString did = selfDid();
        if (did.isEmpty()) {
            // The first request signs in; reconcile needs the DID first.
            verify([this, request, done](Result<ChannelIdentity> identity) {
                if (!identity.ok()) {
                    done(identity.error());
                    return;
                }
                reconcile(request, done);
            });
            return;
        }
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("repo"), did);
        q.addQueryItem(QStringLiteral("collection"), kPostCollection);
        q.addQueryItem(QStringLiteral("rkey"), request.recordKey);
        m_client->query(
            QStringLiteral("com.atproto.repo.getRecord"), q,
            [this, did, request, done](Result<XrpcResponse> r) {
                if (!r.ok()) {
                    done(r.error());
                    return;
                }
                if (r.value().status != 200) {
                    done(makeError(ErrorKind::NotFound, tr("The post was not published.")));
                    return;
                }
                const QJsonObject o = QJsonDocument::fromJson(r.value().body).object();
                const QString uri = o.value(QStringLiteral("uri")).toString();
                const QJsonObject record = o.value(QStringLiteral("value")).toObject();
                if (uri != postUri(did, request.recordKey) || record.isEmpty()) {
                    done(makeError(ErrorKind::Transient, tr("The server's record answer could not be read.")));
                    return;
                }
                // The key is ours, chosen for this job: anything else under it (another client picked the same
                // TID) must never pass for our post.
                if (record.value(QStringLiteral("text")).toString() != request.text) {
                    done(makeError(ErrorKind::Permanent,
                                   tr("Another post already uses this post's record key; it was not published.")));
                    return;
                }
                qCInfo(lcBluesky) << "reconciled: the post with key" << request.recordKey << "is out";
                done(resultFor(uri, record));
            },
            true);
    });
}

} // namespace sb::bluesky
