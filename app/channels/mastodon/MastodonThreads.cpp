#include "channels/mastodon/MastodonThreads.h"

#include "channels/mastodon/MastodonChannel.h"

namespace sb::mastodon {

QString ThreadIndex::knownRoot(const Status &status) const
{
    if (status.inReplyToId.isEmpty()) {
        return status.id;
    }
    if (const auto it = m_roots.constFind(status.id); it != m_roots.cend()) {
        return it.value();
    }
    return m_roots.value(status.inReplyToId);
}

void ThreadIndex::setRoot(const QString &statusId, const QString &rootId)
{
    if (statusId.isEmpty() || rootId.isEmpty()) {
        return;
    }
    if (m_roots.size() >= kMaxEntries && !m_roots.contains(statusId)) {
        m_roots.clear();
    }
    m_roots.insert(statusId, rootId);
}

void ThreadIndex::setConversation(const QString &statusId, const QString &conversationId)
{
    if (statusId.isEmpty() || conversationId.isEmpty()) {
        return;
    }
    if (m_conversations.size() >= kMaxEntries && !m_conversations.contains(statusId)) {
        m_conversations.clear();
    }
    m_conversations.insert(statusId, conversationId);
}

struct MastodonChannel::ItemsRun {
    std::vector<PendingItem> pending;
    std::vector<IncomingItem> items;
    size_t next = 0;
    Callback<std::vector<IncomingItem>> done;
};

void MastodonChannel::resolveItems(std::vector<PendingItem> pending, Callback<std::vector<IncomingItem>> done)
{
    auto run = std::make_shared<ItemsRun>();
    run->pending = std::move(pending);
    run->items.reserve(run->pending.size());
    run->done = std::move(done);
    resolveNext(std::move(run));
}

// One status at a time, so a page of replies in one thread costs one /context request, not one each.
void MastodonChannel::resolveNext(std::shared_ptr<ItemsRun> run)
{
    const ItemContext ctx = itemContext();
    while (run->next < run->pending.size()) {
        const PendingItem &p = run->pending[run->next];
        QString key = p.threadKey;
        if (key.isEmpty()) {
            key = m_threads.knownRoot(p.status);
            if (key.isEmpty() && !isSafeId(p.status.id)) {
                key = p.status.inReplyToId; // no id we could ask about; its parent is the best guess
            }
            m_threads.setRoot(p.status.id, key);
        }
        if (!key.isEmpty()) {
            run->items.push_back(toItem(p.status, ctx, key, p.kind));
            ++run->next;
            continue;
        }
        const QString id = p.status.id;
        m_api->get(
            QStringLiteral("/api/v1/statuses/") + id + QStringLiteral("/context"), {},
            [this, run, id](Result<ApiResponse> r) {
                if (!r.ok()) {
                    std::exchange(run->done, {})(r.error());
                    return;
                }
                const Status &status = run->pending[run->next].status;
                QString root;
                if (r.value().status == 200) {
                    auto context = parseContext(r.value().body);
                    if (!context.ok()) {
                        std::exchange(run->done, {})(context.error());
                        return;
                    }
                    root = threadRootOf(status, context.value());
                    for (const Status &s : context.value().ancestors) {
                        m_threads.setRoot(s.id, root);
                    }
                    for (const Status &s : context.value().descendants) {
                        m_threads.setRoot(s.id, root);
                    }
                } else {
                    // Deleted or hidden meanwhile: its parent is the best root we know.
                    qCInfo(lcMastodon) << "no thread context for" << id << "- filed under its parent";
                    root = status.inReplyToId;
                }
                m_threads.setRoot(id, root.isEmpty() ? id : root);
                resolveNext(run);
            },
            true);
        return;
    }
    std::exchange(run->done, {})(std::move(run->items));
}

// Conversations only carry their last status. When its parent was never seen, the thread is read once so that
// two DMs arriving between polls are both kept; afterwards a conversation's new last status follows a known one.
void MastodonChannel::expandConversations(std::vector<Conversation> conversations, std::vector<PendingItem> pending,
                                          size_t next, Callback<std::vector<PendingItem>> done)
{
    for (size_t i = next; i < conversations.size(); ++i) {
        const Status &last = *conversations[i].lastStatus;
        if (last.inReplyToId.isEmpty() || !m_threads.conversationOf(last.inReplyToId).isEmpty() || !isSafeId(last.id)) {
            continue;
        }
        const QString lastId = last.id;
        m_api->get(
            QStringLiteral("/api/v1/statuses/") + lastId + QStringLiteral("/context"), {},
            [this, conversations = std::move(conversations), pending = std::move(pending), i,
             done](Result<ApiResponse> r) mutable {
                if (!r.ok()) {
                    done(r.error());
                    return;
                }
                if (r.value().status == 200) {
                    auto context = parseContext(r.value().body);
                    if (!context.ok()) {
                        done(context.error());
                        return;
                    }
                    const Conversation &conversation = conversations[i];
                    const QString root = threadRootOf(*conversation.lastStatus, context.value());
                    m_threads.setRoot(conversation.lastStatus->id, root);
                    const auto take = [&](const Status &s) {
                        m_threads.setRoot(s.id, root);
                        if (isDirect(s) && s.reblogOfId.isEmpty()) {
                            m_threads.setConversation(s.id, conversation.id);
                            pending.push_back(PendingItem {s, QStringLiteral("dm"), conversation.id});
                        }
                    };
                    for (const Status &s : context.value().ancestors) {
                        take(s);
                    }
                    for (const Status &s : context.value().descendants) {
                        take(s);
                    }
                }
                expandConversations(std::move(conversations), std::move(pending), i + 1, std::move(done));
            },
            true);
        return;
    }
    done(std::move(pending));
}

} // namespace sb::mastodon
