#include "core/Tid.h"

#include <QRandomGenerator>

namespace sb {

namespace {
constexpr char kAlphabet[] = "234567abcdefghijklmnopqrstuvwxyz";

int digitOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'2' && u <= u'7') {
        return u - u'2';
    }
    if (u >= u'a' && u <= u'z') {
        return u - u'a' + 6;
    }
    return -1;
}
} // namespace

QString encodeTid(qint64 micros, int clockId)
{
    const quint64 value = ((quint64(micros) & ((quint64(1) << 53) - 1)) << 10) | (quint64(clockId) & 0x3FF);
    QString out(13, QLatin1Char('2'));
    quint64 rest = value;
    for (int i = 12; i >= 0; --i) {
        out[i] = QLatin1Char(kAlphabet[rest & 31]);
        rest >>= 5;
    }
    return out;
}

QString tidFrom(qint64 nowMs, const QString &randomId)
{
    QString hex = randomId;
    hex.remove(QLatin1Char('-'));
    bool ok = false;
    const quint32 bits = hex.left(5).toUInt(&ok, 16);
    const quint32 random = ok ? bits : QRandomGenerator::global()->bounded(1u << 20);
    return encodeTid(nowMs * 1000 + qint64((random >> 10) % 1000), int(random & 0x3FF));
}

bool isTid(const QString &text)
{
    if (text.size() != 13) {
        return false;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const int d = digitOf(text.at(i));
        if (d < 0 || (i == 0 && d > 15)) { // the first character is one of 2-7, a-j
            return false;
        }
    }
    return true;
}

qint64 tidMicros(const QString &tid)
{
    if (!isTid(tid)) {
        return -1;
    }
    quint64 value = 0;
    for (const QChar c : tid) {
        value = (value << 5) | quint64(digitOf(c));
    }
    return qint64(value >> 10);
}

} // namespace sb
