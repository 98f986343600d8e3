#pragma once

#include "core/Result.h"

#include <QDate>

#include <functional>

namespace sb {

class Workspace;

struct DemoOptions {
    quint64 seed = 20261123;
    qint64 items = 5000; // "small" ~5k, "large" 1M
    QDate anchor;        // last day of the 90 days of history; invalid = today (UTC)
    static constexpr qint64 kSmall = 5'000;
    static constexpr qint64 kLarge = 1'000'000;
};

struct DemoStats {
    qint64 items = 0;
    qint64 conversations = 0;
    qint64 events = 0;
    qint64 posts = 0;
    double seconds = 0;
};

// Fills an empty workspace with a deterministic, realistic team: the same seed and anchor give the same rows
// (ids included). progress(done, total) is called now and then with item counts.
Result<DemoStats> generateDemo(Workspace &workspace, const DemoOptions &options,
                               const std::function<void(qint64, qint64)> &progress = {});

} // namespace sb
