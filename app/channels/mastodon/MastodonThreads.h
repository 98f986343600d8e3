#pragma once

#include "channels/mastodon/MastodonParse.h"

#include <QHash>
#include <QString>

namespace sb::mastodon {

// What the connector has learnt about threads: the root of each status it has seen, and the DM conversation a
// direct status belongs to. Bounded: when full it starts over, and a forgotten root costs one /context request.
class ThreadIndex {
public:
    static constexpr qsizetype kMaxEntries = 50'000;

    // The root of `status` when it is known without asking the server: a status that replies to nothing is its own
    // root; otherwise the root recorded for it or for its parent. Empty when unknown.
    QString knownRoot(const Status &status) const;
    void setRoot(const QString &statusId, const QString &rootId);

    QString conversationOf(const QString &statusId) const { return m_conversations.value(statusId); }
    void setConversation(const QString &statusId, const QString &conversationId);

private:
    QHash<QString, QString> m_roots;
    QHash<QString, QString> m_conversations;
};

} // namespace sb::mastodon
