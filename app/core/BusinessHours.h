#pragma once

#include <QByteArray>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace sb {

// The workspace's working week in its time zone. SLA due times and first-response metrics count only these hours.
struct BusinessHours {
    QTimeZone zone = QTimeZone("UTC");
    quint8 dayMask = 0b0011111; // bit 0 = Monday ... bit 6 = Sunday
    QTime start = QTime(9, 0);
    QTime end = QTime(17, 0);

    bool isWorkingDay(int isoDayOfWeek) const { return dayMask & (1u << (isoDayOfWeek - 1)); }

    // The instant `minutes` business minutes after `fromMs` (an instant outside hours starts at the next opening).
    qint64 addBusinessMinutes(qint64 fromMs, qint64 minutes) const;
    // Business seconds in [fromMs, toMs); 0 when toMs <= fromMs.
    qint64 businessSecondsBetween(qint64 fromMs, qint64 toMs) const;

    QByteArray toJson() const;
    static std::optional<BusinessHours> fromJson(const QByteArray &json);
};

} // namespace sb
