#pragma once

#include <QDateTime>
#include <QTimeZone>

#include <vector>

namespace sb {

// A wall-clock date and time in a named zone, resolved to instants without guessing: a time that daylight saving
// skips has none (a gap), one it repeats has two (an overlap, earlier first). The composer and the CLI show both
// cases to the person instead of shifting the post silently.
struct LocalTimeResolution {
    std::vector<qint64> instants; // 0: gap; 1: the usual case; 2: overlap, earlier first
    bool isGap() const { return instants.empty(); }
    bool isAmbiguous() const { return instants.size() > 1; }
};

LocalTimeResolution resolveLocalTime(QDate date, QTime time, const QTimeZone &zone);

} // namespace sb
