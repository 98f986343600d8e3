#include "store/StoreWriter.h"

#include "core/Ids.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QObject>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace sb {

StoreWriter::StoreWriter(QString databasePath, const Clock &clock, Options options)
    : m_path(std::move(databasePath)), m_clock(clock), m_options(options)
{
}

StoreWriter::~StoreWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

Status StoreWriter::start()
{
    if (m_thread.joinable()) {
        return success();
    }
    std::promise<Status> opened;
    std::future<Status> result = opened.get_future();
    m_thread = std::thread([this, promise = std::move(opened)]() mutable { run(std::move(promise)); });
    Status status = result.get();
    if (!status.ok()) {
        m_thread.join();
    }
    return status;
}

void StoreWriter::refuse(IngestBatch batch, QObject *context, Done done)
{
    Job job {std::move(batch), context, context != nullptr, std::move(done)};
    deliver(
        job,
        makeError(ErrorKind::Storage, QCoreApplication::translate("StoreWriter", "The store writer is not running.")));
}

void StoreWriter::submit(IngestBatch batch, QObject *context, Done done)
{
    const qint64 items = qint64(batch.items.size());
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable() || m_stop) {
        lock.unlock();
        refuse(std::move(batch), context, std::move(done));
        return;
    }
    // Backpressure: a producer that parses faster than the disk writes waits here instead of queueing without end.
    m_progress.wait(lock, [this] { return m_queuedItems < m_options.maxQueuedItems || m_stop; });
    if (m_stop) { // stopping meanwhile: the writer may have left its loop, so this page would never be stored
        lock.unlock();
        refuse(std::move(batch), context, std::move(done));
        return;
    }
    m_queue.push_back({std::move(batch), context, context != nullptr, std::move(done)});
    m_queuedItems += items;
    ++m_submitted;
    lock.unlock();
    m_wake.notify_one();
}

void StoreWriter::flush()
{
    std::unique_lock lock(m_mutex);
    const qint64 target = m_submitted;
    m_progress.wait(lock, [this, target] { return m_finished >= target || !m_thread.joinable(); });
}

StoreWriter::Stats StoreWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void StoreWriter::run(std::promise<Status> opened)
{
    SqliteDb db;
    Status status = db.open(m_path, SqliteDb::Mode::ReadWrite);
    if (status.ok()) {
        status = configureConnection(db);
    }
    if (status.ok()) {
        // Checkpoint less often than every 1000 pages: a sync writes many pages per transaction, and each
        // checkpoint syncs the database file.
        status = db.exec("PRAGMA wal_autocheckpoint = 4000");
    }
    const bool ok = status.ok();
    opened.set_value(std::move(status));
    if (!ok) {
        return;
    }
    Ingestor ingestor(db, m_clock, RandomIdSource::instance());
    for (;;) {
        std::vector<Job> jobs;
        qint64 items = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty()) {
                break; // stopping, and everything queued is stored
            }
            while (!m_queue.empty()
                   && (jobs.empty() || items + qint64(m_queue.front().batch.items.size()) <= m_options.maxBatchItems)) {
                items += qint64(m_queue.front().batch.items.size());
                jobs.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
        }
        QElapsedTimer busy;
        busy.start();
        process(ingestor, jobs);
        const qint64 busyNs = busy.nsecsElapsed();
        {
            std::lock_guard lock(m_mutex);
            m_queuedItems -= items;
            m_finished += qint64(jobs.size());
            m_stats.batches += qint64(jobs.size());
            m_stats.items += items;
            m_stats.busyNs += busyNs;
        }
        m_progress.notify_all();
    }
    db.close();
}

void StoreWriter::process(Ingestor &ingestor, std::vector<Job> &jobs)
{
    std::vector<const IngestBatch *> batches;
    batches.reserve(jobs.size());
    for (const Job &job : jobs) {
        batches.push_back(&job.batch);
    }
    auto results = ingestor.ingest(batches);
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.transactions;
    }
    if (results.ok()) {
        for (size_t i = 0; i < jobs.size(); ++i) {
            deliver(jobs[i], results.value()[i]);
        }
        return;
    }
    if (jobs.size() == 1) {
        deliver(jobs.front(), results.error());
        return;
    }
    // Something in the coalesced transaction failed and nothing of it was written: page by page, so only the
    // page at fault fails.
    qCInfo(lcStore) << "coalesced ingest failed, retrying page by page:" << results.error().message;
    for (Job &job : jobs) {
        auto one = ingestor.ingest(std::vector<const IngestBatch *> {&job.batch});
        {
            std::lock_guard lock(m_mutex);
            ++m_stats.transactions;
        }
        if (one.ok()) {
            deliver(job, one.value().front());
        } else {
            deliver(job, one.error());
        }
    }
}

void StoreWriter::deliver(Job &job, const Result<IngestResult> &result)
{
    if (!job.done) {
        return;
    }
    if (!job.hasContext) {
        job.done(result);
        return;
    }
    if (!job.context) {
        return; // the sender is gone
    }
    QMetaObject::invokeMethod(
        job.context.data(), [done = std::move(job.done), result]() { done(result); }, Qt::QueuedConnection);
}

} // namespace sb
