#include "StatusText.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
constexpr int urlCharacters = 23;
constexpr qsizetype linkDisplayLimit = 30;

const QRegularExpression &tokenPattern()
{
    // 1: URL, 2+3: mention (username, optional domain), 4: hashtag.
    static const QRegularExpression re(
        uR"((https?://[^\s<>"']+)|(?<![\w/@])@(\w+)(?:@([\w.-]*\w))?|(?<![\w/&#])#(\w*[^\W\d_]\w*))"_s,
        QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// A URL does not end with sentence punctuation or an unbalanced closing parenthesis.
QString trimUrl(QString url)
{
    while (!url.isEmpty()) {
        const QChar last = url.back();
        if (QStringView(u".,;:!?'\"").contains(last) || (last == u')' && url.count(u'(') < url.count(u')'))) {
            url.chop(1);
        } else {
            break;
        }
    }
    return url;
}

QString linkHtml(const QString &url)
{
    const qsizetype schemeEnd = url.indexOf(u"://"_s) + 3;
    QString prefix = url.left(schemeEnd);
    QString rest = url.mid(schemeEnd);
    if (rest.startsWith(u"www."_s)) {
        prefix += u"www."_s;
        rest = rest.mid(4);
    }
    const QString shown = rest.left(linkDisplayLimit);
    const QString hidden = rest.mid(linkDisplayLimit);
    return u"<a href=\""_s + escapeHtml(url) + u"\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">"_s
        + u"<span class=\"invisible\">"_s + escapeHtml(prefix) + u"</span><span class=\""_s
        + (hidden.isEmpty() ? QString() : u"ellipsis"_s) + u"\">"_s + escapeHtml(shown)
        + u"</span><span class=\"invisible\">"_s + escapeHtml(hidden) + u"</span></a>"_s;
}
} // namespace

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += u"&amp;"_s; break;
        case u'<': out += u"&lt;"_s; break;
        case u'>': out += u"&gt;"_s; break;
        case u'"': out += u"&quot;"_s; break;
        case u'\'': out += u"&#39;"_s; break;
        default: out += c;
        }
    }
    return out;
}

RenderedText renderStatusText(const QString &rawText, const AccountLookup &lookup, const InstanceUrls &urls)
{
    RenderedText out;
    QString text = rawText;
    text.replace(u"\r\n"_s, u"\n"_s);
    if (text.trimmed().isEmpty()) {
        return out;
    }
    QString inline_;
    qsizetype pos = 0;
    auto it = tokenPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QString replacement;
        qsizetype length = m.capturedLength(0);
        if (m.capturedLength(1) > 0) {
            const QString url = trimUrl(m.captured(1));
            length = url.size();
            replacement = linkHtml(url);
        } else if (m.capturedLength(2) > 0) {
            const Account *a = lookup(m.captured(2), m.captured(3));
            if (!a) {
                continue;
            }
            if (!out.mentionIds.contains(a->id)) {
                out.mentionIds.append(a->id);
            }
            replacement = u"<span class=\"h-card\" translate=\"no\"><a href=\""_s + escapeHtml(urls.accountUrl(*a))
                + u"\" class=\"u-url mention\">@<span>"_s + escapeHtml(a->username) + u"</span></a></span>"_s;
        } else {
            const QString tag = m.captured(4);
            if (!out.tags.contains(tag.toLower())) {
                out.tags.append(tag.toLower());
            }
            replacement = u"<a href=\""_s + escapeHtml(urls.tagUrl(tag.toLower()))
                + u"\" class=\"mention hashtag\" rel=\"tag\">#<span>"_s + escapeHtml(tag) + u"</span></a>"_s;
        }
        inline_ += escapeHtml(text.mid(pos, m.capturedStart(0) - pos)) + replacement;
        pos = m.capturedStart(0) + length;
    }
    inline_ += escapeHtml(text.mid(pos));

    // Rails' simple_format with the newlines removed afterwards, as Mastodon's TextFormatter does.
    static const QRegularExpression paragraphBreak(u"\n{2,}"_s);
    const QStringList paragraphs = inline_.split(paragraphBreak, Qt::SkipEmptyParts);
    for (const QString &paragraph : paragraphs) {
        out.html += u"<p>"_s + QString(paragraph).replace(u'\n', u"<br />"_s) + u"</p>"_s;
    }
    return out;
}

int countStatusCharacters(const QString &text, const QString &spoilerText)
{
    QString countable;
    qsizetype pos = 0;
    auto it = tokenPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        countable += text.mid(pos, m.capturedStart(0) - pos);
        qsizetype length = m.capturedLength(0);
        if (m.capturedLength(1) > 0) {
            length = trimUrl(m.captured(1)).size();
            countable += QString(urlCharacters, u'x');
        } else if (m.capturedLength(2) > 0) {
            countable += u'@' + m.captured(2);
        } else {
            countable += m.captured(0);
        }
        pos = m.capturedStart(0) + length;
    }
    countable += text.mid(pos) + spoilerText;

    int graphemes = 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, countable);
    while (finder.toNextBoundary() >= 0) {
        ++graphemes;
    }
    return graphemes;
}

} // namespace sb::mastodontest
