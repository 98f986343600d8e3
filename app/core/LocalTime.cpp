#include "core/LocalTime.h"

#include <algorithm>

namespace sb {

LocalTimeResolution resolveLocalTime(QDate date, QTime time, const QTimeZone &zone)
{
    LocalTimeResolution out;
    if (!date.isValid() || !time.isValid() || !zone.isValid()) {
        return out;
    }
    // The wall time read as if it were UTC; an instant is wall - offset for an offset the zone has at that instant.
    const qint64 wall = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    std::vector<int> offsets;
    for (const qint64 probe : {wall - 36 * 3'600'000LL, wall, wall + 36 * 3'600'000LL}) {
        const int offset = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(probe, QTimeZone::utc()));
        if (std::find(offsets.begin(), offsets.end(), offset) == offsets.end()) {
            offsets.push_back(offset);
        }
    }
    for (const int offset : offsets) {
        const qint64 instant = wall - qint64(offset) * 1000;
        if (zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(instant, QTimeZone::utc())) == offset) {
            out.instants.push_back(instant);
        }
    }
    std::sort(out.instants.begin(), out.instants.end());
    out.instants.erase(std::unique(out.instants.begin(), out.instants.end()), out.instants.end());
    return out;
}

} // namespace sb
