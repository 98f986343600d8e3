#include "channels/HtmlSanitizer.h"

#include <QList>
#include <QStringView>

#include <array>

namespace sb::Html {

namespace {

constexpr std::array<QStringView, 16> kAllowed {u"p",    u"br", u"span",   u"a",         u"del", u"pre",
                                                u"code", u"em", u"strong", u"b",         u"i",   u"u",
                                                u"ul",   u"ol", u"li",     u"blockquote"};
// Elements whose content is not text for a reader and is dropped whole.
constexpr std::array<QStringView, 9> kDropContent {u"script", u"style",    u"template", u"iframe",  u"object",
                                                   u"embed",  u"textarea", u"title",    u"noscript"};
constexpr std::array<QStringView, 5> kSpanClasses {u"invisible", u"ellipsis", u"mention", u"hashtag", u"h-card"};

template <std::size_t N> bool contains(const std::array<QStringView, N> &list, QStringView name)
{
    for (QStringView v : list) {
        if (v == name) {
            return true;
        }
    }
    return false;
}

// Appends `in` with its character references decoded.
void appendDecoded(QString &out, QStringView in)
{
    if (!in.contains(QLatin1Char('&'))) {
        out.append(in);
        return;
    }
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        if (c != QLatin1Char('&')) {
            out.append(c);
            continue;
        }
        const qsizetype semi = in.indexOf(QLatin1Char(';'), i + 1);
        if (semi < 0 || semi - i > 12) {
            out.append(c);
            continue;
        }
        const QStringView entity = in.mid(i + 1, semi - i - 1);
        char32_t code = 0;
        if (entity.startsWith(u"#x") || entity.startsWith(u"#X")) {
            bool ok = false;
            code = entity.mid(2).toUInt(&ok, 16);
            if (!ok) {
                code = 0;
            }
        } else if (entity.startsWith(u'#')) {
            bool ok = false;
            code = entity.mid(1).toUInt(&ok, 10);
            if (!ok) {
                code = 0;
            }
        } else if (entity == u"amp") {
            code = '&';
        } else if (entity == u"lt") {
            code = '<';
        } else if (entity == u"gt") {
            code = '>';
        } else if (entity == u"quot") {
            code = '"';
        } else if (entity == u"apos" || entity == u"#39") {
            code = '\'';
        } else if (entity == u"nbsp") {
            code = 0xA0;
        }
        // Control characters and surrogates from numeric references are not text.
        const bool valid
            = code >= 0x20 ? (code < 0xD800 || (code > 0xDFFF && code <= 0x10FFFF)) : (code == '\n' || code == '\t');
        if (code == 0 || !valid) {
            out.append(c);
            continue;
        }
        out.append(QString::fromUcs4(&code, 1));
        i = semi;
    }
}

QString decodeEntities(QStringView in)
{
    QString out;
    out.reserve(in.size());
    appendDecoded(out, in);
    return out;
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

// Appends `text` escaped for HTML (as QString::toHtmlEscaped), without a copy when there is nothing to escape.
void appendEscaped(QString &out, QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'<' || u == u'>' || u == u'&' || u == u'"') {
            out.append(text.toString().toHtmlEscaped());
            return;
        }
    }
    out.append(text);
}

struct Tag {
    QString name;
    bool closing = false;
    bool selfClosing = false;
    QList<std::pair<QString, QString>> attributes;
};

// Parses the tag starting at in[pos] == '<'. Returns the index after '>' or -1 when this is not a tag.
qsizetype parseTag(QStringView in, qsizetype pos, Tag &tag)
{
    qsizetype i = pos + 1;
    if (i < in.size() && in[i] == QLatin1Char('/')) {
        tag.closing = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < in.size() && (in[i].isLetterOrNumber() || in[i] == QLatin1Char('-'))) {
        ++i;
    }
    if (i == nameStart || !in[nameStart].isLetter()) {
        return -1;
    }
    tag.name = in.mid(nameStart, i - nameStart).toString().toLower();
    while (i < in.size()) {
        while (i < in.size() && in[i].isSpace()) {
            ++i;
        }
        if (i >= in.size()) {
            break;
        }
        if (in[i] == QLatin1Char('>')) {
            return i + 1;
        }
        if (in[i] == QLatin1Char('/')) {
            tag.selfClosing = true;
            ++i;
            continue;
        }
        const qsizetype attrStart = i;
        while (i < in.size() && !in[i].isSpace() && in[i] != QLatin1Char('=') && in[i] != QLatin1Char('>')
               && in[i] != QLatin1Char('/')) {
            ++i;
        }
        QString attrName = in.mid(attrStart, i - attrStart).toString().toLower();
        QString value;
        while (i < in.size() && in[i].isSpace()) {
            ++i;
        }
        if (i < in.size() && in[i] == QLatin1Char('=')) {
            ++i;
            while (i < in.size() && in[i].isSpace()) {
                ++i;
            }
            if (i < in.size() && (in[i] == QLatin1Char('"') || in[i] == QLatin1Char('\''))) {
                const QChar quote = in[i];
                const qsizetype end = in.indexOf(quote, i + 1);
                if (end < 0) {
                    return -1;
                }
                value = decodeEntities(in.mid(i + 1, end - i - 1));
                i = end + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < in.size() && !in[i].isSpace() && in[i] != QLatin1Char('>')) {
                    ++i;
                }
                value = decodeEntities(in.mid(valueStart, i - valueStart));
            }
        }
        if (attrName.isEmpty()) {
            ++i; // stray character: skip it rather than loop
            continue;
        }
        tag.attributes.append({attrName, value});
    }
    return -1;
}

bool isSafeLink(const QString &href)
{
    QString trimmed;
    for (QChar c : href) {
        if (!c.isSpace() && c.unicode() >= 0x20) {
            trimmed.append(c); // browsers ignore embedded whitespace and controls in schemes ("java\tscript:")
        }
    }
    return trimmed.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
        || trimmed.startsWith(QLatin1String("http://"), Qt::CaseInsensitive);
}

// One pass over the input, writing the sanitized HTML, the plain text, or both (a null pointer skips one).
void run(const QString &html, QString *htmlOut, QString *textOut)
{
    const QStringView in = QStringView(html).left(kMaxInput);
    if (htmlOut) {
        htmlOut->reserve(in.size());
    }
    if (textOut) {
        textOut->reserve(in.size());
    }
    QList<QString> open;
    QString dropUntil; // inside a dropped element: its name
    QString decoded;
    qsizetype i = 0;
    auto newline = [textOut](int count) {
        QString &out = *textOut;
        int have = 0;
        for (qsizetype k = out.size() - 1; k >= 0 && out[k] == QLatin1Char('\n'); --k) {
            ++have;
        }
        if (out.isEmpty()) {
            return;
        }
        for (; have < count; ++have) {
            out.append(QLatin1Char('\n'));
        }
    };
    while (i < in.size()) {
        const qsizetype lt = in.indexOf(QLatin1Char('<'), i);
        const qsizetype textEnd = lt < 0 ? in.size() : lt;
        if (textEnd > i && dropUntil.isEmpty()) {
            const QStringView raw = in.mid(i, textEnd - i);
            QStringView text = raw;
            if (raw.contains(QLatin1Char('&'))) {
                decoded.clear();
                appendDecoded(decoded, raw);
                text = decoded;
            }
            if (htmlOut) {
                appendEscaped(*htmlOut, text);
            }
            if (textOut) {
                textOut->append(text);
            }
        }
        if (lt < 0) {
            break;
        }
        i = lt;
        if (in.mid(i).startsWith(u"<!--")) {
            const qsizetype end = in.indexOf(u"-->", i + 4);
            i = end < 0 ? in.size() : end + 3;
            continue;
        }
        if (in.mid(i).startsWith(u"<!") || in.mid(i).startsWith(u"<?")) {
            const qsizetype end = in.indexOf(QLatin1Char('>'), i);
            i = end < 0 ? in.size() : end + 1;
            continue;
        }
        Tag tag;
        const qsizetype after = parseTag(in, i, tag);
        if (after < 0) {
            // A lone '<' is text.
            if (dropUntil.isEmpty()) {
                if (htmlOut) {
                    htmlOut->append(QLatin1String("&lt;"));
                }
                if (textOut) {
                    textOut->append(QLatin1Char('<'));
                }
            }
            ++i;
            continue;
        }
        i = after;
        if (!dropUntil.isEmpty()) {
            if (tag.closing && tag.name == dropUntil) {
                dropUntil.clear();
            }
            continue;
        }
        if (!tag.closing && contains(kDropContent, tag.name)) {
            if (!tag.selfClosing) {
                dropUntil = tag.name;
            }
            continue;
        }
        if (!contains(kAllowed, tag.name)) {
            continue; // unknown tag: dropped, its text content stays
        }
        if (textOut) {
            if (tag.name == u"br") {
                textOut->append(QLatin1Char('\n'));
            } else if (tag.name == u"p" || tag.name == u"blockquote" || tag.name == u"pre" || tag.name == u"ul"
                       || tag.name == u"ol") {
                newline(tag.closing ? 2 : (textOut->isEmpty() ? 0 : 2));
            } else if (tag.name == u"li" && !tag.closing) {
                newline(1);
                textOut->append(QStringLiteral("• "));
            }
        }
        if (!htmlOut) {
            continue;
        }
        QString &out = *htmlOut;
        if (tag.name == u"br") {
            out.append(QLatin1String("<br>"));
            continue;
        }
        if (tag.closing) {
            const qsizetype at = open.lastIndexOf(tag.name);
            if (at < 0) {
                continue; // stray end tag
            }
            while (open.size() > at) {
                out.append(QLatin1String("</")).append(open.takeLast()).append(QLatin1Char('>'));
            }
            continue;
        }
        if (tag.selfClosing) {
            continue; // <p/> and friends carry nothing
        }
        QString attrs;
        if (tag.name == u"a") {
            for (const auto &[name, value] : std::as_const(tag.attributes)) {
                if (name == u"href" && isSafeLink(value)) {
                    attrs = QStringLiteral(" href=\"") + escape(value)
                        + QStringLiteral("\" rel=\"nofollow noopener "
                                         "noreferrer\"");
                }
            }
        } else if (tag.name == u"span") {
            for (const auto &[name, value] : std::as_const(tag.attributes)) {
                if (name != u"class") {
                    continue;
                }
                QStringList kept;
                for (const QString &cls : value.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                    if (contains(kSpanClasses, cls)) {
                        kept << cls;
                    }
                }
                if (!kept.isEmpty()) {
                    attrs = QStringLiteral(" class=\"") + kept.join(QLatin1Char(' ')) + QLatin1Char('"');
                }
            }
        }
        out.append(QLatin1Char('<')).append(tag.name).append(attrs).append(QLatin1Char('>'));
        open.append(tag.name);
    }
    if (htmlOut) {
        while (!open.isEmpty()) {
            htmlOut->append(QLatin1String("</")).append(open.takeLast()).append(QLatin1Char('>'));
        }
    }
    if (textOut) {
        *textOut = textOut->trimmed();
    }
}

} // namespace

QString sanitize(const QString &html)
{
    QString out;
    run(html, &out, nullptr);
    return out;
}

QString toPlainText(const QString &html)
{
    QString out;
    run(html, nullptr, &out);
    return out;
}

Sanitized sanitizeWithText(const QString &html)
{
    Sanitized result;
    run(html, &result.html, &result.text);
    return result;
}

} // namespace sb::Html
