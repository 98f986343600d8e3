#pragma once

#include <QDate>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>
#include <vector>

namespace sb {

// A post that repeats: every `interval` days, weeks or months, `count` times or until a date (inclusive).
struct Recurrence {
    enum class Frequency { Daily, Weekly, Monthly };
    Frequency frequency = Frequency::Weekly;
    int interval = 1;
    int count = 0; // 0: until `until`
    QDate until;

    static constexpr int kMaxOccurrences = 366;
    static std::optional<Frequency> frequencyFromName(const QString &name);
    static QString frequencyName(Frequency frequency);
    // What a post of the series keeps (posts.recurrence): the series' id, the rule and its place in the series.
    QString toJson(const QString &series, int index) const;
};

// One occurrence: its local date and the instant it goes out, with what had to be decided about it.
struct Occurrence {
    QDate date;
    qint64 instant = 0;
    enum class Note { None, MonthTooShort, SkippedTime, RepeatedTime } note = Note::None;
};

// The occurrences of a post first due on `first` at `time` in `zone`, wall-clock time kept across daylight saving.
// Nothing is shifted silently, every decision is noted: a month without the first date's day uses its last day
// (MonthTooShort); a time the clocks skip that day goes out when the clocks jump (SkippedTime, the same instant the
// skipped time would have been an hour later); a time that happens twice goes out at the first (RepeatedTime).
// At most kMaxOccurrences.
std::vector<Occurrence> occurrences(QDate first, QTime time, const QTimeZone &zone, const Recurrence &rule);

} // namespace sb
