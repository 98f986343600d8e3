#include "ApiRoutes.h"
#include "StatusText.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
const QStringList &visibilities()
{
    static const QStringList v {u"public"_s, u"unlisted"_s, u"private"_s, u"direct"_s};
    return v;
}

QString mimeFromFileName(const QString &name)
{
    static const QList<std::pair<QString, QString>> byExtension {
        {u"png"_s, u"image/png"_s},   {u"jpg"_s, u"image/jpeg"_s},      {u"jpeg"_s, u"image/jpeg"_s},
        {u"gif"_s, u"image/gif"_s},   {u"webp"_s, u"image/webp"_s},     {u"mp4"_s, u"video/mp4"_s},
        {u"webm"_s, u"video/webm"_s}, {u"mov"_s, u"video/quicktime"_s}, {u"mp3"_s, u"audio/mpeg"_s},
        {u"ogg"_s, u"audio/ogg"_s},   {u"wav"_s, u"audio/wav"_s}};
    const QString ext = name.mid(name.lastIndexOf(u'.') + 1).toLower();
    for (const auto &[extension, mime] : byExtension) {
        if (ext == extension) {
            return mime;
        }
    }
    return {};
}

// The media type Mastodon assigns: GIFs become silent looping videos ("gifv").
QString mediaType(const QString &mime)
{
    if (mime == u"image/gif"_s) {
        return u"gifv"_s;
    }
    if (mime.startsWith(u"image/"_s)) {
        return u"image"_s;
    }
    if (mime.startsWith(u"video/"_s)) {
        return u"video"_s;
    }
    return mime.startsWith(u"audio/"_s) ? u"audio"_s : QString();
}

// Width and height from a PNG, GIF or JPEG header, without decoding the picture.
std::pair<int, int> imageSize(const QByteArray &d)
{
    const auto u8 = [&d](qsizetype i) { return static_cast<unsigned char>(d.at(i)); };
    if (d.startsWith("\x89PNG\r\n\x1a\n") && d.size() >= 24) {
        return {qFromBigEndian<quint32>(d.constData() + 16), qFromBigEndian<quint32>(d.constData() + 20)};
    }
    if (d.startsWith("GIF8") && d.size() >= 10) {
        return {qFromLittleEndian<quint16>(d.constData() + 6), qFromLittleEndian<quint16>(d.constData() + 8)};
    }
    if (d.startsWith("\xff\xd8")) {
        qsizetype i = 2;
        while (i + 9 < d.size() && u8(i) == 0xff) {
            const int marker = u8(i + 1);
            const int length = (u8(i + 2) << 8) | u8(i + 3);
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
                return {(u8(i + 7) << 8) | u8(i + 8), (u8(i + 5) << 8) | u8(i + 6)};
            }
            i += 2 + length;
        }
    }
    return {0, 0};
}

QString validLanguage(const QString &language)
{
    static const QRegularExpression iso(u"^[a-z]{2,3}$"_s);
    return iso.match(language).hasMatch() ? language : u"en"_s;
}
} // namespace

HttpResponse ApiRoutes::postStatus(RequestContext &ctx)
{
    const HttpParams &p = ctx.req.params;
    const QString key = QString::fromUtf8(ctx.req.header("idempotency-key"));
    if (!key.isEmpty()) {
        if (const auto existing = m.state.idempotentStatus(ctx.userId(), key, ctx.now)) {
            return HttpResponse::json(200, m.json.status(*m.state.status(*existing), ctx.userId()));
        }
    }
    if (p.has(u"scheduled_at"_s)) {
        return HttpResponse::error(422, u"Scheduled posts are not supported by this test server"_s);
    }
    Status s;
    s.accountId = ctx.userId();
    s.text = p.value(u"status"_s);
    s.spoilerText = p.value(u"spoiler_text"_s);
    s.visibility = p.value(u"visibility"_s, u"public"_s);
    s.language = validLanguage(p.value(u"language"_s));
    s.sensitive = p.value(u"sensitive"_s) == u"true"_s || p.value(u"sensitive"_s) == u"1"_s || !s.spoilerText.isEmpty();
    s.appId = ctx.token ? ctx.token->appId : 0;
    if (!visibilities().contains(s.visibility)) {
        return HttpResponse::error(422, u"Validation failed: Visibility is not included in the list"_s);
    }
    if (p.has(u"in_reply_to_id"_s) && !p.value(u"in_reply_to_id"_s).isEmpty()) {
        const Status *parent = m.state.status(p.value(u"in_reply_to_id"_s).toLongLong());
        if (!parent || !m.state.canSee(ctx.userId(), *parent)) {
            return HttpResponse::error(404, u"The post you are trying to reply to does not appear to exist."_s);
        }
        s.inReplyToId = parent->id;
        s.inReplyToAccountId = parent->accountId;
    }
    const QStringList mediaIds = p.values(u"media_ids"_s);
    if (mediaIds.size() > m.config.maxMediaAttachments) {
        return HttpResponse::error(422, u"Cannot attach more than %1 files"_s.arg(m.config.maxMediaAttachments));
    }
    for (const QString &mediaId : mediaIds) {
        const Media *media = m.state.media(mediaId.toLongLong());
        // Like Mastodon, attachments that are not this account's, or already used, are silently dropped.
        if (!media || media->accountId != ctx.userId() || media->statusId != 0) {
            continue;
        }
        if (!media->isReady(ctx.now)) {
            return HttpResponse::error(
                422, u"Cannot attach files that have not finished processing. Try again in a moment!"_s);
        }
        s.mediaIds.append(media->id);
    }
    if (s.text.trimmed().isEmpty() && s.mediaIds.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: Text can't be blank"_s);
    }
    if (countStatusCharacters(s.text, s.spoilerText) > m.config.maxCharacters) {
        return HttpResponse::error(
            422, u"Validation failed: Text character limit of %1 exceeded"_s.arg(m.config.maxCharacters));
    }
    const RenderedText rendered = renderStatusText(
        s.text, [this](const QString &u, const QString &d) { return m.lookupAccount(u, d); }, m.urls);
    s.content = rendered.html;
    s.mentionIds = rendered.mentionIds;
    s.tags = rendered.tags;
    const Status &stored = m.state.addStatus(s);
    if (!key.isEmpty()) {
        m.state.rememberIdempotency(ctx.userId(), key, stored.id, ctx.now);
    }
    return HttpResponse::json(200, m.json.status(stored, ctx.userId()));
}

HttpResponse ApiRoutes::showStatus(RequestContext &ctx)
{
    const Status *s = m.state.status(ctx.argId());
    if (!s || !m.state.canSee(ctx.userId(), *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    return HttpResponse::json(200, m.json.status(*s, ctx.userId()));
}

HttpResponse ApiRoutes::editStatus(RequestContext &ctx)
{
    Status *s = m.state.status(ctx.argId());
    if (!s || !m.state.canSee(ctx.userId(), *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    if (s->accountId != ctx.userId()) {
        return HttpResponse::error(403, u"This action is not allowed"_s);
    }
    const HttpParams &p = ctx.req.params;
    const QString text = p.value(u"status"_s, s->text);
    const QString spoiler = p.value(u"spoiler_text"_s, s->spoilerText);
    if (text.trimmed().isEmpty() && s->mediaIds.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: Text can't be blank"_s);
    }
    if (countStatusCharacters(text, spoiler) > m.config.maxCharacters) {
        return HttpResponse::error(
            422, u"Validation failed: Text character limit of %1 exceeded"_s.arg(m.config.maxCharacters));
    }
    const RenderedText rendered = renderStatusText(
        text, [this](const QString &u, const QString &d) { return m.lookupAccount(u, d); }, m.urls);
    s->mentionIds = rendered.mentionIds;
    s->tags = rendered.tags;
    m.state.editStatus(*s, text, rendered.html, spoiler,
                       p.has(u"language"_s) ? validLanguage(p.value(u"language"_s)) : QString(), {});
    return HttpResponse::json(200, m.json.status(*s, ctx.userId()));
}

HttpResponse ApiRoutes::deleteStatus(RequestContext &ctx)
{
    Status *s = m.state.status(ctx.argId());
    if (!s || !m.state.canSee(ctx.userId(), *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    if (s->accountId != ctx.userId()) {
        return HttpResponse::error(403, u"This action is not allowed"_s);
    }
    // The answer carries the source text so a client can offer "delete and redraft".
    const QJsonObject body = m.json.status(*s, ctx.userId(), true);
    m.state.deleteStatus(*s);
    return HttpResponse::json(200, body);
}

HttpResponse ApiRoutes::statusContext(RequestContext &ctx)
{
    const Status *s = m.state.status(ctx.argId());
    const qint64 viewer = ctx.userId();
    if (!s || !m.state.canSee(viewer, *s)) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    QJsonArray ancestors;
    for (const Status *parent = m.state.status(s->inReplyToId); parent && m.state.canSee(viewer, *parent);
         parent = m.state.status(parent->inReplyToId)) {
        ancestors.prepend(m.json.status(*parent, viewer));
    }
    QJsonArray descendants;
    // Depth first, each level in id order: the order Mastodon returns a thread in.
    std::function<void(qint64)> walk = [&](qint64 id) {
        QList<const Status *> children = m.state.replies(id);
        std::sort(children.begin(), children.end(), [](const Status *a, const Status *b) { return a->id < b->id; });
        for (const Status *child : std::as_const(children)) {
            if (m.state.canSee(viewer, *child)) {
                descendants.append(m.json.status(*child, viewer));
                walk(child->id);
            }
        }
    };
    walk(s->id);
    return HttpResponse::json(200, QJsonObject {{u"ancestors"_s, ancestors}, {u"descendants"_s, descendants}});
}

HttpResponse ApiRoutes::uploadMedia(RequestContext &ctx)
{
    const MultipartPart *file = ctx.req.file(u"file"_s);
    if (!file || file->data.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: File can't be blank"_s);
    }
    QString mime = QString::fromLatin1(file->contentType).section(u';', 0, 0).trimmed().toLower();
    if (mime.isEmpty() || mime == u"application/octet-stream"_s) {
        mime = mimeFromFileName(file->fileName);
    }
    Media media;
    media.type = mediaType(mime);
    if (media.type.isEmpty()) {
        return HttpResponse::error(422, u"Validation failed: File content type is invalid, File is invalid"_s);
    }
    const bool image = media.type == u"image"_s;
    const qint64 limit = image ? m.config.imageSizeLimit : m.config.videoSizeLimit;
    if (file->data.size() > limit) {
        return HttpResponse::error(
            422, u"Validation failed: File file size must be less than %1 MB"_s.arg(limit / (1024 * 1024)));
    }
    media.accountId = ctx.userId();
    media.mimeType = mime.toLatin1();
    media.fileName = file->fileName.isEmpty() ? u"file"_s : file->fileName;
    media.data = file->data;
    media.description = ctx.req.params.value(u"description"_s);
    std::tie(media.width, media.height) = imageSize(file->data);
    media.createdAt = ctx.now;
    media.readyAt = ctx.now.addMSecs(m.config.mediaProcessingMs);
    const Media &stored = m.state.addMedia(media);
    // 200 when the file was processed on the spot, 202 (with "url": null) while processing goes on.
    return HttpResponse::json(stored.isReady(ctx.now) ? 200 : 202, m.json.media(stored));
}

HttpResponse ApiRoutes::showMedia(RequestContext &ctx)
{
    const Media *media = m.state.media(ctx.argId());
    if (!media || media->accountId != ctx.userId()) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    return HttpResponse::json(media->isReady(ctx.now) ? 200 : 206, m.json.media(*media));
}

HttpResponse ApiRoutes::updateMedia(RequestContext &ctx)
{
    Media *media = m.state.media(ctx.argId());
    if (!media || media->accountId != ctx.userId()) {
        return HttpResponse::error(404, u"Record not found"_s);
    }
    if (ctx.req.params.has(u"description"_s)) {
        media->description = ctx.req.params.value(u"description"_s);
    }
    return HttpResponse::json(media->isReady(ctx.now) ? 200 : 206, m.json.media(*media));
}

} // namespace sb::mastodontest
