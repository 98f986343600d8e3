#pragma once

#include <QString>

namespace sb {

// How long a post is by its network's rules: Bluesky counts grapheme clusters; Mastodon counts characters, every
// http(s) URL as 23 of them.
int postLength(const QString &text, const QString &network);

} // namespace sb
