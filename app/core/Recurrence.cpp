#include "core/Recurrence.h"

#include "core/LocalTime.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

std::optional<Recurrence::Frequency> Recurrence::frequencyFromName(const QString &name)
{
    if (name == QLatin1String("daily")) {
        return Frequency::Daily;
    }
    if (name == QLatin1String("weekly")) {
        return Frequency::Weekly;
    }
    if (name == QLatin1String("monthly")) {
        return Frequency::Monthly;
    }
    return std::nullopt;
}

QString Recurrence::frequencyName(Frequency frequency)
{
    switch (frequency) {
    case Frequency::Daily: return QStringLiteral("daily");
    case Frequency::Weekly: return QStringLiteral("weekly");
    case Frequency::Monthly: return QStringLiteral("monthly");
    }
    return {};
}

QString Recurrence::toJson(const QString &series, int index) const
{
    QJsonObject o {{QStringLiteral("series"), series},
                   {QStringLiteral("frequency"), frequencyName(frequency)},
                   {QStringLiteral("interval"), interval},
                   {QStringLiteral("index"), index}};
    if (count > 0) {
        o.insert(QStringLiteral("count"), count);
    } else {
        o.insert(QStringLiteral("until"), until.toString(Qt::ISODate));
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::vector<Occurrence> occurrences(QDate first, QTime time, const QTimeZone &zone, const Recurrence &rule)
{
    std::vector<Occurrence> out;
    if (!first.isValid() || !time.isValid() || !zone.isValid() || rule.interval < 1
        || (rule.count <= 0 && !rule.until.isValid())) {
        return out;
    }
    const int limit = rule.count > 0 ? std::min(rule.count, Recurrence::kMaxOccurrences) : Recurrence::kMaxOccurrences;
    for (int n = 0; int(out.size()) < limit; ++n) {
        Occurrence o;
        switch (rule.frequency) {
        case Recurrence::Frequency::Daily: o.date = first.addDays(qint64(n) * rule.interval); break;
        case Recurrence::Frequency::Weekly: o.date = first.addDays(qint64(n) * 7 * rule.interval); break;
        case Recurrence::Frequency::Monthly: {
            // addMonths clamps to the month's last day (31 Jan + 1 month = 28/29 Feb).
            o.date = first.addMonths(n * rule.interval);
            if (o.date.day() != first.day()) {
                o.note = Occurrence::Note::MonthTooShort;
            }
            break;
        }
        }
        if (rule.until.isValid() && o.date > rule.until) {
            break;
        }
        const LocalTimeResolution resolved = resolveLocalTime(o.date, time, zone);
        if (resolved.isGap()) {
            // The clocks jump over this time: the moment they land, which is where the time would have been.
            o.instant = QDateTime(o.date, time, zone).toMSecsSinceEpoch();
            const LocalTimeResolution before = resolveLocalTime(o.date, time.addSecs(-3600), zone);
            if (!before.isGap()) {
                o.instant = before.instants.back() + 3'600'000;
            }
            o.note = Occurrence::Note::SkippedTime;
        } else {
            o.instant = resolved.instants.front();
            if (resolved.isAmbiguous()) {
                o.note = Occurrence::Note::RepeatedTime;
            }
        }
        out.push_back(o);
    }
    return out;
}

} // namespace sb
