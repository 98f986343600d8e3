#pragma once

#include "InstanceUrls.h"
#include "MastodonState.h"

#include <QJsonObject>

namespace sb::mastodontest {

// Entities in the exact shape a Mastodon 4.6 server sends (fields as in the recorded responses under fixtures/).
// Statuses are rendered for a viewer: favourited/reblogged/pinned and visibility depend on who asks.
class EntityJson {
public:
    EntityJson(const MastodonState &state, const InstanceUrls &urls) : m_state(state), m_urls(urls) { }

    QJsonObject account(const Account &a) const;
    QJsonObject credentialAccount(const Account &a) const;
    QJsonObject status(const Status &s, qint64 viewerId, bool withSource = false) const;
    QJsonObject notification(const Notification &n, qint64 viewerId) const;
    QJsonObject conversation(const Conversation &c) const;
    QJsonObject media(const Media &m) const;
    QJsonObject mention(const Account &a) const;

    // "2026-08-01T13:51:39.138Z", the form of every created_at.
    static QString timestamp(const QDateTime &at);

private:
    QJsonObject statusAt(const Status &s, qint64 viewerId, bool withSource, int depth) const;

    const MastodonState &m_state;
    const InstanceUrls &m_urls;
};

} // namespace sb::mastodontest
