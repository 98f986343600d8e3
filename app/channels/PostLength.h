#pragma once

#include <QString>

namespace sb {

// How long a post is by its network's rules: Bluesky counts grapheme clusters; Mastodon counts characters, every
// http(s) URL as 23 of them.
int postLength(const QString &text, const QString &network);
// The largest image a network takes, in bytes: Bluesky's 1 MB; Mastodon's default (an instance may allow less: the
// publish then fails with the instance's own reason).
qint64 maxImageBytes(const QString &network);

} // namespace sb
