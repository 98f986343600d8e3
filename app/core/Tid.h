#pragma once

#include <QString>

namespace sb {

// AT Protocol timestamp identifiers (TIDs): 64 bits, top bit zero, 53 bits of microseconds since the Unix epoch and
// 10 bits of clock id, written as 13 characters of base32-sortable ("234567abcdefghijklmnopqrstuvwxyz"), so that
// they sort as the times they encode. Bluesky posts are stored under a TID record key that the client may choose:
// choosing it (and storing it) before the first attempt makes a resend collide instead of posting twice.
QString encodeTid(qint64 micros, int clockId);
// A TID for the time `nowMs` whose microseconds within the millisecond and clock id come from 20 bits of a random
// id (a UUID from the engine's IdSource): as unique as those bits, and reproducible for a seeded IdSource.
QString tidFrom(qint64 nowMs, const QString &randomId);
// Whether `text` has the form of a TID (13 base32-sortable characters, first one from 2-j).
bool isTid(const QString &text);
// The microseconds a TID encodes, or -1 when it is not one.
qint64 tidMicros(const QString &tid);

} // namespace sb
