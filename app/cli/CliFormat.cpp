#include "cli/CliFormat.h"

#include "core/Ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

namespace sb::cli {

qsizetype displayWidth(const QString &text)
{
    qsizetype width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate()) {
            ++width;
        }
    }
    return width;
}

QString oneLine(const QString &text, qsizetype width)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QString line = text;
    line.replace(whitespace, QStringLiteral(" "));
    // Remote text must not drive the terminal (escape sequences, carriage returns).
    for (QChar &c : line) {
        if (c.category() == QChar::Other_Control) {
            c = QChar(0xFFFD);
        }
    }
    line = line.trimmed();
    if (width < 0 || displayWidth(line) <= width) {
        return line;
    }
    // Cut on a code point boundary so no half surrogate pair is printed.
    QString cut;
    qsizetype shown = 0;
    for (qsizetype i = 0; i < line.size() && shown < width - 1; ++i) {
        cut.append(line.at(i));
        if (line.at(i).isHighSurrogate() && i + 1 < line.size()) {
            cut.append(line.at(++i));
        }
        ++shown;
    }
    return cut.trimmed() + QChar(0x2026);
}

QString shortId(const QString &id)
{
    return id.left(8);
}

QJsonValue isoOrNull(qint64 ms, bool present)
{
    if (!present || ms == 0) {
        return QJsonValue::Null;
    }
    return isoUtc(ms);
}

QString localTime(qint64 ms, const QTimeZone &zone, bool present)
{
    if (!present || ms == 0) {
        return QStringLiteral("-");
    }
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

void Table::print(QTextStream &out) const
{
    std::vector<qsizetype> widths(size_t(m_headers.size()), 0);
    auto measure = [&widths](const QStringList &cells) {
        for (qsizetype c = 0; c < cells.size() && size_t(c) < widths.size(); ++c) {
            widths[size_t(c)] = std::max(widths[size_t(c)], displayWidth(cells.at(c)));
        }
    };
    measure(m_headers);
    for (const QStringList &row : m_rows) {
        measure(row);
    }
    auto printRow = [&](const QStringList &cells) {
        QString line;
        for (qsizetype c = 0; c < cells.size() && size_t(c) < widths.size(); ++c) {
            const QString &cell = cells.at(c);
            line += cell;
            if (c + 1 < cells.size()) {
                line += QString(widths[size_t(c)] - displayWidth(cell) + 2, QLatin1Char(' '));
            }
        }
        while (line.endsWith(QLatin1Char(' '))) {
            line.chop(1);
        }
        out << line << '\n';
    };
    printRow(m_headers);
    for (const QStringList &row : m_rows) {
        printRow(row);
    }
}

void printJson(QTextStream &out, const QJsonArray &array)
{
    out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

std::optional<qint64> parseIsoInstant(const QString &text, const QTimeZone &zone)
{
    static const QRegularExpression iso(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?))?(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = iso.match(text.trimmed());
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date = QDate::fromString(m.captured(1), Qt::ISODate);
    QTime time(0, 0);
    if (m.hasCaptured(2)) {
        QString clock = m.captured(2);
        clock.replace(QLatin1Char(','), QLatin1Char('.'));
        // QTime reads at most milliseconds.
        if (const qsizetype dot = clock.indexOf(QLatin1Char('.')); dot >= 0) {
            clock = clock.left(dot + 4);
        }
        time = QTime::fromString(clock, Qt::ISODateWithMs);
    }
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    QTimeZone where = zone.isValid() ? zone : QTimeZone::utc();
    if (m.hasCaptured(3)) {
        const QString offset = m.captured(3);
        if (offset.compare(QLatin1String("Z"), Qt::CaseInsensitive) == 0) {
            where = QTimeZone::utc();
        } else {
            const QString digits = offset.mid(1).remove(QLatin1Char(':'));
            const int hours = digits.left(2).toInt();
            const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
            if (hours > 14 || minutes > 59) {
                return std::nullopt;
            }
            const int seconds = (hours * 60 + minutes) * 60;
            where = QTimeZone(offset.startsWith(QLatin1Char('-')) ? -seconds : seconds);
        }
    }
    const QDateTime result(date, time, where);
    if (!result.isValid()) {
        return std::nullopt;
    }
    return result.toMSecsSinceEpoch();
}

} // namespace sb::cli
