#include "core/BusinessHours.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {
constexpr int kMaxDays = 3 * 366; // bound for the day walk: a workspace with no working day must not spin

struct Window {
    qint64 open;
    qint64 close;
};

std::optional<Window> windowOn(const BusinessHours &bh, QDate date)
{
    if (!bh.isWorkingDay(date.dayOfWeek()) || bh.end <= bh.start) {
        return std::nullopt;
    }
    const qint64 open = QDateTime(date, bh.start, bh.zone).toMSecsSinceEpoch();
    const qint64 close = QDateTime(date, bh.end, bh.zone).toMSecsSinceEpoch();
    if (close <= open) {
        return std::nullopt;
    }
    return Window {open, close};
}

QDate localDate(const BusinessHours &bh, qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, bh.zone).date();
}
} // namespace

qint64 BusinessHours::addBusinessMinutes(qint64 fromMs, qint64 minutes) const
{
    qint64 remaining = minutes * 60'000;
    QDate date = localDate(*this, fromMs);
    for (int i = 0; i < kMaxDays; ++i, date = date.addDays(1)) {
        const auto w = windowOn(*this, date);
        if (!w || w->close <= fromMs) {
            continue;
        }
        const qint64 begin = std::max(fromMs, w->open);
        const qint64 available = w->close - begin;
        if (remaining <= available) {
            return begin + remaining;
        }
        remaining -= available;
    }
    return fromMs + minutes * 60'000; // no business hours configured: wall-clock time
}

qint64 BusinessHours::businessSecondsBetween(qint64 fromMs, qint64 toMs) const
{
    if (toMs <= fromMs) {
        return 0;
    }
    qint64 total = 0;
    QDate date = localDate(*this, fromMs);
    const QDate last = localDate(*this, toMs);
    for (int i = 0; i < kMaxDays * 4 && date <= last; ++i, date = date.addDays(1)) {
        const auto w = windowOn(*this, date);
        if (!w) {
            continue;
        }
        const qint64 begin = std::max(fromMs, w->open);
        const qint64 finish = std::min(toMs, w->close);
        if (finish > begin) {
            total += finish - begin;
        }
    }
    return total / 1000;
}

QByteArray BusinessHours::toJson() const
{
    QJsonArray days;
    for (int d = 1; d <= 7; ++d) {
        if (isWorkingDay(d)) {
            days.append(d);
        }
    }
    const QJsonObject o {{QStringLiteral("zone"), QString::fromUtf8(zone.id())},
                         {QStringLiteral("days"), days},
                         {QStringLiteral("start"), start.toString(QStringLiteral("HH:mm"))},
                         {QStringLiteral("end"), end.toString(QStringLiteral("HH:mm"))}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<BusinessHours> BusinessHours::fromJson(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    BusinessHours bh;
    bh.zone = QTimeZone(o.value(QStringLiteral("zone")).toString().toUtf8());
    bh.start = QTime::fromString(o.value(QStringLiteral("start")).toString(), QStringLiteral("HH:mm"));
    bh.end = QTime::fromString(o.value(QStringLiteral("end")).toString(), QStringLiteral("HH:mm"));
    bh.dayMask = 0;
    for (const QJsonValue &d : o.value(QStringLiteral("days")).toArray()) {
        const int day = d.toInt();
        if (day < 1 || day > 7) {
            return std::nullopt;
        }
        bh.dayMask |= quint8(1u << (day - 1));
    }
    if (!bh.zone.isValid() || !bh.start.isValid() || !bh.end.isValid() || bh.end <= bh.start) {
        return std::nullopt;
    }
    return bh;
}

} // namespace sb
