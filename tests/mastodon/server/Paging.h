#pragma once

#include "HttpTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb::mastodontest {

struct PageRequest {
    qint64 maxId = 0;
    qint64 sinceId = 0;
    qint64 minId = 0;
    int limit = 40;
};

PageRequest pageRequest(const HttpParams &params, int defaultLimit, int maxLimit);

// Rails' to_a_paginated_by_id: with min_id, the page right after it (oldest first, then reversed); otherwise the
// newest ids below max_id and above since_id. The result is newest first.
QList<qint64> paginate(QList<qint64> ids, const PageRequest &page);

// A parameter carried over into the Link header's URLs ("types" with array = true becomes types%5B%5D=...).
struct LinkParam {
    QString key;
    QStringList values;
    bool array = false;
};

// Keeps the named request parameters that are present, the way a controller's pagination_params does.
QList<LinkParam> keptParams(const HttpParams &params, const QStringList &scalarKeys, const QStringList &arrayKeys);

// `<URL?...&max_id=N>; rel="next", <URL?...&min_id=M>; rel="prev"`, query keys sorted as Rails' to_query does.
// Returns an empty value when neither link applies.
QByteArray linkHeader(const QString &endpointUrl, const QList<LinkParam> &kept, std::optional<qint64> nextMaxId,
                      std::optional<qint64> prevId, const QString &prevKey = QStringLiteral("min_id"));

} // namespace sb::mastodontest
