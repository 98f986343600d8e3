#pragma once

#include <QRandomGenerator>

#include <array>
#include <cmath>
#include <initializer_list>
#include <numbers>
#include <vector>

namespace sb::demo {

// The demo's only source of chance: a seeded generator plus the few distributions the simulation needs, written
// out here (not <random>'s distributions) so the same seed gives the same workspace with any standard library.
class Random {
public:
    explicit Random(quint64 seed) : m_rng(std::array<quint32, 2> {quint32(seed), quint32(seed >> 32)}.data(), 2) { }

    quint32 below(quint32 n) { return n == 0 ? 0 : m_rng.bounded(n); }
    int between(int lo, int hiInclusive) { return lo + int(below(quint32(hiInclusive - lo + 1))); }
    double uniform() { return m_rng.generateDouble(); }
    bool chance(double p) { return uniform() < p; }
    quint64 bits64() { return m_rng.generate64(); }

    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]: log() stays finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    // Heavy right tail around a median: how long people take to answer.
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    template <typename T> const T &pick(const std::vector<T> &values) { return values[below(quint32(values.size()))]; }

    // Index drawn with the given relative weights.
    int weighted(std::initializer_list<double> weights)
    {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = uniform() * total;
        int i = 0;
        for (double w : weights) {
            if (x < w) {
                return i;
            }
            x -= w;
            ++i;
        }
        return int(weights.size()) - 1;
    }

private:
    QRandomGenerator m_rng;
};

} // namespace sb::demo
