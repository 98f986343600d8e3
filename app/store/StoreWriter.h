#pragma once

#include "core/Result.h"
#include "store/Ingest.h"

#include <QPointer>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

class QObject;

namespace sb {

class Clock;

// The one writer of synced items: a thread with its own connection that takes the pages the channels parsed and
// stores them. Whatever is queued when it wakes up is coalesced into one transaction (up to maxBatchItems items),
// each page's cursor in that same transaction; readers (GUI, CLI) read the WAL snapshot and never wait for it.
// A coalesced transaction that fails (an invalid item, an account removed meanwhile) is retried page by page, so
// one bad page fails only its own sender.
class StoreWriter {
public:
    struct Options {
        int maxBatchItems = 4000; // items per transaction
        int maxQueuedItems = 20000; // submit() blocks above this (a producer faster than the disk)
    };
    using Done = std::function<void(const Result<IngestResult> &)>;

    // Keys of new rows come from RandomIdSource (safe on the writer's thread).
    StoreWriter(QString databasePath, const Clock &clock, Options options);
    explicit StoreWriter(QString databasePath, const Clock &clock) : StoreWriter(std::move(databasePath), clock, {}) { }
    // Stores everything still queued, then stops.
    ~StoreWriter();
    StoreWriter(const StoreWriter &) = delete;
    StoreWriter &operator=(const StoreWriter &) = delete;

    // Opens the writer's connection (on its thread) and reports whether that worked.
    Status start();

    // Queues a page. `done` runs after the transaction that stored it (or failed to): on `context`'s thread through
    // its event loop, and not at all when `context` is destroyed before that. `context` must not be destroyed while
    // the writer may be delivering to it (delete it after flush(), or let it outlive the writer; SyncService
    // passes itself). With a null `context`, `done` runs on the writer thread and must not call submit() or
    // flush().
    void submit(IngestBatch batch, QObject *context, Done done);
    // Blocks until everything submitted so far is committed (or has failed).
    void flush();

    struct Stats {
        qint64 transactions = 0;
        qint64 batches = 0;
        qint64 items = 0;
        qint64 busyNs = 0; // time spent storing
    };
    Stats stats() const;

private:
    struct Job {
        IngestBatch batch;
        QPointer<QObject> context;
        bool hasContext = false;
        Done done;
    };
    void run(std::promise<Status> opened);
    void process(Ingestor &ingestor, std::vector<Job> &jobs);
    static void deliver(Job &job, const Result<IngestResult> &result);
    // A page that cannot be queued (not started, or stopping): its sender hears so.
    static void refuse(IngestBatch batch, QObject *context, Done done);

    const QString m_path;
    const Clock &m_clock;
    const Options m_options;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // the writer: work or stop
    std::condition_variable m_progress; // producers and flush(): room in the queue, or work finished
    std::deque<Job> m_queue;
    qint64 m_queuedItems = 0;
    qint64 m_submitted = 0;
    qint64 m_finished = 0;
    bool m_stop = false;
    Stats m_stats;
};

} // namespace sb
