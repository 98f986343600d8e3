#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sb::testing {

// One recorded exchange from a VCR cassette (Mastodon.py's tests record real server answers this way).
struct RecordedExchange {
    QString method;
    QString uri;
    int status = 0;
    QMap<QString, QStringList> headers; // lower-case names
    QByteArray body;
};

// Reads the YAML that VCR.py writes: block mappings and sequences with plain, single-quoted and double-quoted
// scalars, folded over several lines. Enough for cassettes; not a general YAML parser.
class VcrCassette {
public:
    static QList<RecordedExchange> load(const QString &path, QString *error);
    // The YAML subset itself, for tests of this reader.
    static QJsonValue parseYaml(const QString &text, QString *error);
};

} // namespace sb::testing
