#pragma once

#include <QRandomGenerator>
#include <QString>

namespace sb {

// Source of the UUIDs that key every shared row. The demo generator seeds one so workspaces are reproducible.
class IdSource {
public:
    virtual ~IdSource() = default;
    virtual QString next() = 0;
};

class RandomIdSource final : public IdSource {
public:
    QString next() override;
    static RandomIdSource &instance();
};

class SeededIdSource final : public IdSource {
public:
    explicit SeededIdSource(quint64 seed) : m_rng(static_cast<quint32>(seed ^ (seed >> 32))) { }
    QString next() override;

private:
    QRandomGenerator m_rng;
};

// UUID text from 16 random bytes, version 4 / RFC 4122 variant.
QString uuidFromBytes(quint64 hi, quint64 lo);

// ISO 8601 UTC text with milliseconds, the form every timestamp takes outside the database.
QString isoUtc(qint64 ms);

} // namespace sb
