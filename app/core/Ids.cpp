#include "core/Ids.h"

#include "core/Clock.h"

#include <QDateTime>
#include <QUuid>

namespace sb {

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

QString RandomIdSource::next()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

RandomIdSource &RandomIdSource::instance()
{
    static RandomIdSource source;
    return source;
}

QString SeededIdSource::next()
{
    return uuidFromBytes(m_rng.generate64(), m_rng.generate64());
}

QString uuidFromBytes(quint64 hi, quint64 lo)
{
    hi = (hi & ~quint64(0xF000)) | quint64(0x4000);
    lo = (lo & ~(quint64(0xC0) << 56)) | (quint64(0x80) << 56);
    const QString h = QStringLiteral("%1").arg(hi, 16, 16, QLatin1Char('0'));
    const QString l = QStringLiteral("%1").arg(lo, 16, 16, QLatin1Char('0'));
    return h.left(8) + QLatin1Char('-') + h.mid(8, 4) + QLatin1Char('-') + h.mid(12, 4) + QLatin1Char('-') + l.left(4)
        + QLatin1Char('-') + l.mid(4);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace sb
