#pragma once

#include "channels/Channel.h"

#include <QMap>
#include <QTimer>

#include <deque>
#include <memory>

// An in-process network for unit-testing the sync engine's logic (cursors, backoff, outbox states) with exact
// control over every answer. Integration tests use the Mastodon test server and the real Bluesky network instead.
struct ScriptedNetwork {
    struct Post {
        QString key;
        QString text;
        QString inReplyTo;
    };
    QList<sb::IncomingItem> items; // ids "1000".."N", ascending
    std::map<QString, Post> posts; // by remote id
    std::deque<sb::Error> failNextCalls; // next calls (any kind) fail with these
    bool commitThenFail = false; // next publish stores the post, then reports MaybeCommitted
    std::deque<sb::Error> failNextPublish; // next publishes fail with these (without storing)
    int publishCalls = 0;
    int reconcileCalls = 0;
    int pageSize = 20;
    int nextPostId = 90000;

    void addItem(qint64 atMs, const QString &text, const QString &thread = {})
    {
        sb::IncomingItem item;
        item.remoteId = QString::number(1000 + items.size());
        item.threadKey = thread.isEmpty() ? item.remoteId : thread;
        item.kind = QStringLiteral("mention");
        item.text = text;
        item.createdAt = atMs;
        item.author = {QStringLiteral("p%1").arg(items.size() % 7),
                       QStringLiteral("@p%1@remote").arg(items.size() % 7),
                       QStringLiteral("Person %1").arg(items.size() % 7),
                       {}};
        items.append(item);
    }
    int postsWithKey(const QString &key) const
    {
        int n = 0;
        for (const auto &[id, p] : posts) {
            n += p.key == key ? 1 : 0;
        }
        return n;
    }
};

class ScriptedChannel final : public sb::Channel {
public:
    explicit ScriptedChannel(std::shared_ptr<ScriptedNetwork> net) : m_net(std::move(net)) { }

    sb::ChannelCapabilities capabilities() const override { return {}; }
    QStringList feeds() const override { return {QStringLiteral("notifications")}; }

    void verify(Callback<sb::ChannelIdentity> done) override
    {
        answer(std::move(done), [] {
            return sb::ChannelIdentity {
                QStringLiteral("brand-1"), QStringLiteral("@brand"), QStringLiteral("Brand"), {}};
        });
    }

    void pollNewer(const QString &, const QString &cursor, Callback<sb::FeedPage> done) override
    {
        answer(std::move(done), [this, cursor] {
            sb::FeedPage page;
            const qint64 after = cursor.isEmpty() ? 0 : cursor.toLongLong();
            for (const auto &item : std::as_const(m_net->items)) {
                if (item.remoteId.toLongLong() > after && int(page.items.size()) < m_net->pageSize) {
                    page.items.push_back(item); // oldest first, like min_id paging
                }
            }
            if (!page.items.empty()) {
                page.newestCursor = page.items.back().remoteId;
            }
            return page;
        });
    }

    void backfillOlder(const QString &, const QString &cursor, Callback<sb::FeedPage> done) override
    {
        answer(std::move(done), [this, cursor] {
            sb::FeedPage page;
            const qint64 before = cursor.isEmpty() ? std::numeric_limits<qint64>::max() : cursor.toLongLong();
            for (auto it = m_net->items.crbegin(); it != m_net->items.crend(); ++it) {
                if (it->remoteId.toLongLong() < before && int(page.items.size()) < m_net->pageSize) {
                    page.items.push_back(*it); // newest first, like max_id paging
                }
            }
            if (!page.items.empty()) {
                page.newestCursor = page.items.front().remoteId;
                page.olderCursor = page.items.back().remoteId;
                page.oldestItemAtMs = page.items.back().createdAt;
            }
            return page;
        });
    }

    void fetchThread(const QString &, Callback<std::vector<sb::IncomingItem>> done) override
    {
        answer(std::move(done), [] { return std::vector<sb::IncomingItem> {}; });
    }
    void uploadMedia(const sb::MediaUpload &, Callback<QString> done) override
    {
        answer(std::move(done), [] { return QStringLiteral("media-1"); });
    }

    void publish(const sb::PublishRequest &request, Callback<sb::PublishResult> done) override
    {
        ++m_net->publishCalls;
        if (!m_net->failNextPublish.empty()) {
            sb::Error e = m_net->failNextPublish.front();
            m_net->failNextPublish.pop_front();
            QTimer::singleShot(0, [done = std::move(done), e] { done(e); });
            return;
        }
        if (m_net->commitThenFail) {
            m_net->commitThenFail = false;
            store(request);
            QTimer::singleShot(0, [done = std::move(done)] {
                done(sb::Error {sb::ErrorKind::MaybeCommitted, QStringLiteral("timeout after sending"), {}});
            });
            return;
        }
        answer(std::move(done), [this, request] { return store(request); });
    }

    void reconcile(const sb::PublishRequest &request, Callback<sb::PublishResult> done) override
    {
        ++m_net->reconcileCalls;
        if (!m_net->failNextCalls.empty()) {
            answer(std::move(done), [] { return sb::PublishResult {}; });
            return;
        }
        for (const auto &[id, post] : m_net->posts) {
            if (post.key == request.idempotencyKey) {
                const QString found = id;
                QTimer::singleShot(0, [this, found, done = std::move(done)] { done(result(found)); });
                return;
            }
        }
        QTimer::singleShot(0, [done = std::move(done)] {
            done(sb::Error {sb::ErrorKind::NotFound, QStringLiteral("not published"), {}});
        });
    }

    void fetchCounters(const QStringList &, Callback<std::vector<sb::ItemCounters>> done) override
    {
        answer(std::move(done), [] { return std::vector<sb::ItemCounters> {}; });
    }

private:
    template <typename T, typename F> void answer(Callback<T> done, F make)
    {
        if (!m_net->failNextCalls.empty()) {
            sb::Error e = m_net->failNextCalls.front();
            m_net->failNextCalls.pop_front();
            QTimer::singleShot(0, [done = std::move(done), e] { done(e); });
            return;
        }
        T value = make();
        QTimer::singleShot(0, [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); });
    }

    sb::PublishResult store(const sb::PublishRequest &request)
    {
        const QString id = QString::number(m_net->nextPostId++);
        m_net->posts[id] = {request.idempotencyKey, request.text, request.inReplyToRemoteId};
        return result(id);
    }

    sb::PublishResult result(const QString &id) const
    {
        const auto &post = m_net->posts.at(id);
        sb::PublishResult r;
        r.remoteId = id;
        r.url = QStringLiteral("https://social.example/@brand/") + id;
        sb::IncomingItem item;
        item.remoteId = id;
        item.threadKey = id;
        item.kind = QStringLiteral("reply");
        item.outbound = true;
        item.text = post.text;
        item.parentRemoteId = post.inReplyTo;
        item.createdAt = 1'780'000'500'000;
        item.author = {QStringLiteral("brand-1"), QStringLiteral("@brand"), QStringLiteral("Brand"), {}};
        r.item = item;
        return r;
    }

    std::shared_ptr<ScriptedNetwork> m_net;
};
