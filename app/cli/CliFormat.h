#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <vector>

class QJsonArray;
class QJsonObject;
class QTextStream;

namespace sb::cli {

// A plain-text table with aligned columns, for people (scripts use --json).
class Table {
public:
    explicit Table(QStringList headers) : m_headers(std::move(headers)) { }
    void addRow(QStringList cells) { m_rows.push_back(std::move(cells)); }
    bool isEmpty() const { return m_rows.empty(); }
    void print(QTextStream &out) const;

private:
    QStringList m_headers;
    std::vector<QStringList> m_rows;
};

// Number of characters a person sees (code points, not UTF-16 units).
qsizetype displayWidth(const QString &text);
// One line: whitespace runs collapsed; cut to `width` characters with an ellipsis when longer.
QString oneLine(const QString &text, qsizetype width = -1);
// The short form of an id shown in tables; any unique prefix of 8+ characters is accepted back.
QString shortId(const QString &id);

// ISO 8601 UTC text, or JSON null when ms is 0 / absent.
QJsonValue isoOrNull(qint64 ms, bool present = true);
// "2025-03-01 14:05" in the given zone, or "-" when absent.
QString localTime(qint64 ms, const QTimeZone &zone, bool present = true);

void printJson(QTextStream &out, const QJsonArray &array);
void printJson(QTextStream &out, const QJsonObject &object);

// An ISO 8601 date-time from the command line. Without an offset ("Z", "+02:00") the time is read in `zone`; a date
// alone means its midnight. nullopt when the text is not such a date-time.
std::optional<qint64> parseIsoInstant(const QString &text, const QTimeZone &zone);

} // namespace sb::cli
