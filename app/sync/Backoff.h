#pragma once

#include <QRandomGenerator>
#include <QtGlobal>

#include <algorithm>

namespace sb {

// Exponential backoff with jitter: base * 2^failures, capped, spread by +-20% so many clients do not retry in step.
class Backoff {
public:
    explicit Backoff(qint64 baseMs = 2'000, qint64 maxMs = 15 * 60'000,
                     quint32 seed = QRandomGenerator::global()->generate())
        : m_baseMs(baseMs), m_maxMs(maxMs), m_rng(seed)
    {
    }

    qint64 nextDelayMs()
    {
        const int shift = std::min(m_failures, 20);
        const qint64 raw = std::min(m_maxMs, m_baseMs << shift);
        ++m_failures;
        const double jitter = 0.8 + 0.4 * m_rng.generateDouble();
        return std::max<qint64>(1, qint64(double(raw) * jitter));
    }

    // A small random spread to add to a server-given retry time.
    qint64 jitterMs(qint64 upToMs) { return upToMs > 0 ? qint64(m_rng.bounded(double(upToMs))) : 0; }

    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    qint64 m_baseMs;
    qint64 m_maxMs;
    int m_failures = 0;
    QRandomGenerator m_rng;
};

} // namespace sb
