#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace sb {

// Injectable time source, so SLA timers, the scheduler and event timestamps are testable.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    static const SystemClock &instance();
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 ms = 0) : m_ms(ms) { }
    qint64 nowMs() const override { return m_ms.load(std::memory_order_relaxed); }
    void setMs(qint64 ms) { m_ms.store(ms, std::memory_order_relaxed); }
    void advance(qint64 ms) { m_ms.fetch_add(ms, std::memory_order_relaxed); }

private:
    std::atomic<qint64> m_ms; // read by the store writer's thread too
};

} // namespace sb
