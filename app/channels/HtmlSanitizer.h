#pragma once

#include <QString>

namespace sb {

// Remote HTML (Mastodon status content, profile notes) passes through here before anything displays it.
// An allow-list, Mastodon's own: p, br, span, a, del, pre, code, em, strong, b, i, u, ul, ol, li, blockquote.
// Links keep only http/https targets; every other tag and attribute is dropped (the text inside harmless tags is
// kept, the content of script/style and similar is not). Images are never kept, so rendering the result can
// never fetch a remote resource. The output is well-formed: every open tag is closed.
namespace Html {

QString sanitize(const QString &html);
// Plain text of remote HTML: paragraphs and line breaks become newlines, entities are decoded.
QString toPlainText(const QString &html);
// Both at once, in one pass.
struct Sanitized {
    QString html;
    QString text;
};
Sanitized sanitizeWithText(const QString &html);

// Longest input considered; the rest of a larger payload is cut off before parsing.
constexpr qsizetype kMaxInput = 512 * 1024;

} // namespace Html
} // namespace sb
