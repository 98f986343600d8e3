#pragma once

#include "core/Result.h"

#include <QDate>

#include <functional>

namespace sb {

class Workspace;

struct DemoOptions {
    quint64 seed = 20261123;
    qint64 items = 5000; // "small" ~5k, "large" 1M
    // Last day of the 90 days of history, which end at its midnight (UTC). Invalid: history ends now, so a fresh
    // demo looks live (and is then reproducible only through an explicit anchor).
    QDate anchor;
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
// (ids and timestamps included). Every state change goes through the ingest path or the engine at simulated
// times, so the event log explains every row. progress(done, total) is called after each batch with item counts
// (total is the number planned; a few planned for after the end of history never arrive). A workspace that
// already has employees is refused (Conflict).
Result<DemoStats> generateDemo(Workspace &workspace, const DemoOptions &options,
                               const std::function<void(qint64, qint64)> &progress = {});

} // namespace sb
