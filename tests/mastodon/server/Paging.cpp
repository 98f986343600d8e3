#include "Paging.h"

#include <QUrl>

#include <algorithm>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
qint64 idParam(const HttpParams &params, const QString &key)
{
    bool ok = false;
    const qint64 id = params.value(key).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

// Ruby's CGI.escape: unreserved characters stay, a space becomes '+'.
QString cgiEscape(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value).replace("%20", "+"));
}

QString pagedUrl(const QString &endpointUrl, QList<LinkParam> params)
{
    std::sort(params.begin(), params.end(), [](const LinkParam &a, const LinkParam &b) { return a.key < b.key; });
    QStringList pieces;
    for (const LinkParam &p : params) {
        const QString key = p.array ? cgiEscape(p.key + u"[]"_s) : cgiEscape(p.key);
        for (const QString &v : p.values) {
            pieces.append(key + u'=' + cgiEscape(v));
        }
    }
    return pieces.isEmpty() ? endpointUrl : endpointUrl + u'?' + pieces.join(u'&');
}
} // namespace

PageRequest pageRequest(const HttpParams &params, int defaultLimit, int maxLimit)
{
    PageRequest page;
    page.maxId = idParam(params, u"max_id"_s);
    page.sinceId = idParam(params, u"since_id"_s);
    page.minId = idParam(params, u"min_id"_s);
    bool ok = false;
    const int asked = std::abs(params.value(u"limit"_s).toInt(&ok));
    page.limit = ok && asked > 0 ? std::min(asked, maxLimit) : defaultLimit;
    return page;
}

QList<qint64> paginate(QList<qint64> ids, const PageRequest &page)
{
    QList<qint64> out;
    if (page.minId != 0) {
        std::sort(ids.begin(), ids.end());
        for (qint64 id : std::as_const(ids)) {
            if (id > page.minId && (page.maxId == 0 || id < page.maxId) && out.size() < page.limit) {
                out.append(id);
            }
        }
        std::reverse(out.begin(), out.end());
        return out;
    }
    std::sort(ids.begin(), ids.end(), std::greater<>());
    for (qint64 id : std::as_const(ids)) {
        if ((page.maxId == 0 || id < page.maxId) && id > page.sinceId && out.size() < page.limit) {
            out.append(id);
        }
    }
    return out;
}

QList<LinkParam> keptParams(const HttpParams &params, const QStringList &scalarKeys, const QStringList &arrayKeys)
{
    QList<LinkParam> kept;
    for (const QString &key : scalarKeys) {
        if (params.has(key)) {
            kept.append({key, {params.value(key)}, false});
        }
    }
    for (const QString &key : arrayKeys) {
        if (params.has(key)) {
            kept.append({key, params.values(key), true});
        }
    }
    return kept;
}

QByteArray linkHeader(const QString &endpointUrl, const QList<LinkParam> &kept, std::optional<qint64> nextMaxId,
                      std::optional<qint64> prevId, const QString &prevKey)
{
    QStringList links;
    if (nextMaxId) {
        QList<LinkParam> params = kept;
        params.append({u"max_id"_s, {QString::number(*nextMaxId)}, false});
        links.append(u'<' + pagedUrl(endpointUrl, params) + u">; rel=\"next\""_s);
    }
    if (prevId) {
        QList<LinkParam> params = kept;
        params.append({prevKey, {QString::number(*prevId)}, false});
        links.append(u'<' + pagedUrl(endpointUrl, params) + u">; rel=\"prev\""_s);
    }
    return links.join(u", "_s).toUtf8();
}

} // namespace sb::mastodontest
