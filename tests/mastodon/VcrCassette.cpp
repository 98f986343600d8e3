#include "VcrCassette.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sb::testing {

namespace {
struct Line {
    int indent = 0;
    QString text; // without the indentation
};

class YamlReader {
public:
    explicit YamlReader(const QString &text)
    {
        for (const QString &raw : text.split(u'\n')) {
            int indent = 0;
            while (indent < raw.size() && raw.at(indent) == u' ') {
                ++indent;
            }
            m_lines.append({indent, raw.mid(indent).trimmed().isEmpty() ? QString() : raw.mid(indent)});
        }
    }

    QJsonValue document()
    {
        skipBlank();
        return m_pos < m_lines.size() ? block(m_lines.at(m_pos).indent) : QJsonValue();
    }

    QString error;

private:
    void skipBlank()
    {
        while (m_pos < m_lines.size() && m_lines.at(m_pos).text.isEmpty()) {
            ++m_pos;
        }
    }

    bool atItem(int indent) const
    {
        return m_pos < m_lines.size() && m_lines.at(m_pos).indent == indent
            && (m_lines.at(m_pos).text == u"-"_s || m_lines.at(m_pos).text.startsWith(u"- "_s));
    }

    QJsonValue block(int indent)
    {
        skipBlank();
        if (atItem(indent)) {
            QJsonArray array;
            while (atItem(indent)) {
                Line &line = m_lines[m_pos];
                const QString rest = line.text.mid(2);
                const bool quoted = rest.startsWith(u'\'') || rest.startsWith(u'"');
                if (!quoted && (rest.contains(u": "_s) || rest.endsWith(u':'))) {
                    // "- key: value" starts a mapping two columns in.
                    line = Line {indent + 2, rest};
                    array.append(block(indent + 2));
                } else {
                    ++m_pos;
                    array.append(scalar(rest, indent));
                }
                skipBlank();
            }
            return array;
        }
        QJsonObject object;
        while (m_pos < m_lines.size() && m_lines.at(m_pos).indent == indent && !atItem(indent)) {
            const QString text = m_lines.at(m_pos).text;
            const qsizetype colon = text.indexOf(u':');
            if (colon <= 0) {
                error = u"line %1: expected \"key:\""_s.arg(m_pos + 1);
                return object;
            }
            const QString key = text.left(colon);
            const QString rest = text.mid(colon + 1).trimmed();
            ++m_pos;
            if (rest.isEmpty()) {
                skipBlank();
                const bool nested = m_pos < m_lines.size() && (m_lines.at(m_pos).indent > indent || atItem(indent));
                object.insert(key, nested ? block(m_lines.at(m_pos).indent) : QJsonValue());
            } else {
                object.insert(key, scalar(rest, indent));
            }
            skipBlank();
        }
        return object;
    }

    // A scalar starting with `first`; continuation lines are the following lines indented deeper than `indent`.
    QJsonValue scalar(const QString &first, int indent)
    {
        QStringList pieces {first};
        const bool quoted = first.startsWith(u'\'') || first.startsWith(u'"');
        while (m_pos < m_lines.size()) {
            const Line &next = m_lines.at(m_pos);
            if (quoted ? closed(pieces) : (next.text.isEmpty() || next.indent <= indent)) {
                break;
            }
            pieces.append(next.text.trimmed());
            ++m_pos;
        }
        // Folding: one line break becomes a space, each blank line a newline.
        QString folded;
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            const QString &piece = pieces.at(i);
            if (i > 0 && !piece.isEmpty() && !pieces.at(i - 1).isEmpty()) {
                folded += u' ';
            } else if (i > 0 && piece.isEmpty()) {
                folded += u'\n';
            }
            folded += piece;
        }
        if (folded.startsWith(u'\'')) {
            return folded.mid(1, folded.size() - 2).replace(u"''"_s, u"'"_s);
        }
        if (folded.startsWith(u'"')) {
            QString out;
            const QString inner = folded.mid(1, folded.size() - 2);
            for (qsizetype i = 0; i < inner.size(); ++i) {
                if (inner.at(i) == u'\\' && i + 1 < inner.size()) {
                    const QChar c = inner.at(++i);
                    out += c == u'n' ? u'\n' : c == u't' ? u'\t' : c;
                } else {
                    out += inner.at(i);
                }
            }
            return out;
        }
        return folded == u"null"_s ? QJsonValue() : QJsonValue(folded);
    }

    // Whether the quoted scalar made of these lines has reached its closing quote.
    static bool closed(const QStringList &pieces)
    {
        const QString joined = pieces.join(u' ');
        const QChar quote = joined.at(0);
        for (qsizetype i = 1; i < joined.size(); ++i) {
            if (quote == u'\'' && joined.at(i) == u'\'') {
                if (i + 1 < joined.size() && joined.at(i + 1) == u'\'') {
                    ++i;
                    continue;
                }
                return true;
            }
            if (quote == u'"' && joined.at(i) == u'\\') {
                ++i;
            } else if (quote == u'"' && joined.at(i) == u'"') {
                return true;
            }
        }
        return false;
    }

    QList<Line> m_lines;
    qsizetype m_pos = 0;
};
} // namespace

QJsonValue VcrCassette::parseYaml(const QString &text, QString *error)
{
    YamlReader reader(text);
    const QJsonValue doc = reader.document();
    *error = reader.error;
    return doc;
}

QList<RecordedExchange> VcrCassette::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QJsonValue doc = parseYaml(QString::fromUtf8(file.readAll()), error);
    if (!error->isEmpty()) {
        return {};
    }
    QList<RecordedExchange> out;
    const QJsonArray interactions = doc.toObject().value(u"interactions"_s).toArray();
    for (const QJsonValue &v : interactions) {
        const QJsonObject request = v.toObject().value(u"request"_s).toObject();
        const QJsonObject response = v.toObject().value(u"response"_s).toObject();
        RecordedExchange e;
        e.method = request.value(u"method"_s).toString();
        e.uri = request.value(u"uri"_s).toString();
        e.status = response.value(u"status"_s).toObject().value(u"code"_s).toString().toInt();
        e.body = response.value(u"body"_s).toObject().value(u"string"_s).toString().toUtf8();
        const QJsonObject headers = response.value(u"headers"_s).toObject();
        for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
            for (const QJsonValue &h : it->toArray()) {
                e.headers[it.key().toLower()].append(h.toString());
            }
        }
        out.append(e);
    }
    if (out.isEmpty()) {
        *error = u"no interactions in "_s + path;
    }
    return out;
}

} // namespace sb::testing
