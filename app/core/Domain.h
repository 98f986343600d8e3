#pragma once

#include <QString>

#include <optional>

namespace sb {

enum class Role { Admin, Manager, CommunityManager, Contributor };
enum class ConversationStatus { Open, Pending, Snoozed, Resolved };
enum class PostState {
    Draft,
    InReview,
    Approved,
    Scheduled,
    Publishing,
    Published,
    Failed,
    PartiallyPublished,
    Missed
};
enum class Network { Mastodon, Bluesky };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
// Translated label for people.
QString roleLabel(Role role);

QString statusName(ConversationStatus status);
std::optional<ConversationStatus> statusFromName(const QString &name);
QString statusLabel(ConversationStatus status);

QString postStateName(PostState state);
std::optional<PostState> postStateFromName(const QString &name);
QString postStateLabel(PostState state);

QString networkName(Network network);
std::optional<Network> networkFromName(const QString &name);
QString networkLabel(Network network);

// Permission checks live here, in the engine, not in the UI.
inline bool canTriage(Role role)
{
    return role != Role::Contributor;
}
inline bool canPublish(Role role)
{
    return role != Role::Contributor;
}
inline bool canApprove(Role role)
{
    return role == Role::Admin || role == Role::Manager;
}
inline bool canManageRoster(Role role)
{
    return role == Role::Admin || role == Role::Manager;
}
// Who did what, for everyone: the event log is for the people who manage the team.
inline bool canReviewAuditLog(Role role)
{
    return role == Role::Admin || role == Role::Manager;
}

} // namespace sb
