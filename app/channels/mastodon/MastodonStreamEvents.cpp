#include "channels/mastodon/MastodonChannel.h"

namespace sb::mastodon {

void MastodonChannel::onStreamFrame(const StreamEvent &event)
{
    // Bounded: a stream that floods faster than threads resolve loses the excess; the next REST poll covers it.
    constexpr size_t kMaxQueued = 1000;
    if (m_streamQueue.size() >= kMaxQueued) {
        qCWarning(lcMastodon) << "streaming: too many events queued, dropping one; the next poll catches up";
        return;
    }
    m_streamQueue.push_back(event);
    if (!m_streamBusy) {
        processStreamQueue();
    }
}

// One event at a time and in order, so a `delete` is never overtaken by the `update` it follows.
void MastodonChannel::processStreamQueue()
{
    while (!m_streamQueue.empty() && !m_streamBusy) {
        const StreamEvent event = std::move(m_streamQueue.front());
        m_streamQueue.pop_front();
        const ItemContext ctx = itemContext();
        std::vector<PendingItem> pending;

        if (event.event == QLatin1String("delete")) {
            const QString id = QString::fromUtf8(event.payload).trimmed();
            if (isSafeId(id)) {
                FeedPage page;
                page.deletedRemoteIds.append(id);
                emit streamed(page);
            }
            continue;
        }
        if (event.event == QLatin1String("notification")) {
            auto n = parseNotification(event.payload);
            if (!n.ok()) {
                qCDebug(lcMastodon) << "streaming: unreadable notification:" << n.error().message;
                continue;
            }
            if (notificationUse(n.value(), ctx) == NotificationUse::Item) {
                const QString kind = itemKind(*n.value().status, ctx, n.value().type);
                pending.push_back(PendingItem {*n.value().status, kind, {}});
            }
        } else if (event.event == QLatin1String("update") || event.event == QLatin1String("status.update")) {
            auto status = parseStatus(event.payload);
            if (!status.ok()) {
                qCDebug(lcMastodon) << "streaming: unreadable status:" << status.error().message;
                continue;
            }
            const Status &s = status.value();
            const bool edit = event.event == QLatin1String("status.update");
            if (!s.reblogOfId.isEmpty()) {
                continue; // boosts in the home timeline are not conversations
            }
            if (isDirect(s)) {
                // DMs arrive as `conversation` events; an edit updates the item of a known conversation.
                if (const QString conversation = m_threads.conversationOf(s.id); edit && !conversation.isEmpty()) {
                    pending.push_back(PendingItem {s, QStringLiteral("dm"), conversation});
                }
            } else if (isOutbound(s, ctx) && !s.inReplyToId.isEmpty()) {
                pending.push_back(PendingItem {s, itemKind(s, ctx), {}}); // our reply, written elsewhere
            } else if (edit && isAddressedToUs(s, ctx)) {
                pending.push_back(PendingItem {s, itemKind(s, ctx), {}});
            }
            // Other home-timeline statuses are not addressed to us; mentions come as notifications.
        } else if (event.event == QLatin1String("conversation")) {
            auto conversation = parseConversation(event.payload);
            if (!conversation.ok()) {
                qCDebug(lcMastodon) << "streaming: unreadable conversation:" << conversation.error().message;
                continue;
            }
            const Conversation &c = conversation.value();
            if (c.lastStatus && c.lastStatus->reblogOfId.isEmpty()) {
                m_threads.setConversation(c.lastStatus->id, c.id);
                pending.push_back(PendingItem {*c.lastStatus, QStringLiteral("dm"), c.id});
            }
        }
        if (pending.empty()) {
            continue; // filters_changed, announcement and other events: nothing for the inbox
        }
        m_streamBusy = true;
        resolveItems(std::move(pending), [this](Result<std::vector<IncomingItem>> items) {
            m_streamBusy = false;
            if (!items.ok()) {
                qCInfo(lcMastodon) << "streaming: cannot place an item in its thread:" << items.error().message;
            } else if (!items.value().empty()) {
                FeedPage page;
                page.items = std::move(items).value();
                emit streamed(page);
            }
            processStreamQueue();
        });
    }
}

} // namespace sb::mastodon
