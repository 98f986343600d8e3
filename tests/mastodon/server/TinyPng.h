#pragma once

#include <QByteArray>

namespace sb::mastodontest {

// A valid 1x1 PNG: the avatars, headers, previews and control-made pictures this instance serves.
inline const QByteArray &tinyPng()
{
    static const QByteArray png = QByteArray::fromHex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2d"
        "b40000000049454e44ae426082");
    return png;
}

} // namespace sb::mastodontest
