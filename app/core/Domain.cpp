#include "core/Domain.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace sb {

namespace {
template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name)
{
    for (const auto &[value, text] : table) {
        if (name == QLatin1String(text)) {
            return value;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString toName(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[v, text] : table) {
        if (v == value) {
            return QLatin1String(text);
        }
    }
    return {};
}

constexpr std::array<std::pair<Role, const char *>, 4> kRoles {{{Role::Admin, "admin"},
                                                                {Role::Manager, "manager"},
                                                                {Role::CommunityManager, "community_manager"},
                                                                {Role::Contributor, "contributor"}}};
constexpr std::array<std::pair<ConversationStatus, const char *>, 4> kStatuses {
    {{ConversationStatus::Open, "open"},
     {ConversationStatus::Pending, "pending"},
     {ConversationStatus::Snoozed, "snoozed"},
     {ConversationStatus::Resolved, "resolved"}}};
constexpr std::array<std::pair<PostState, const char *>, 9> kPostStates {
    {{PostState::Draft, "draft"},
     {PostState::InReview, "in_review"},
     {PostState::Approved, "approved"},
     {PostState::Scheduled, "scheduled"},
     {PostState::Publishing, "publishing"},
     {PostState::Published, "published"},
     {PostState::Failed, "failed"},
     {PostState::PartiallyPublished, "partially_published"},
     {PostState::Missed, "missed"}}};
constexpr std::array<std::pair<Network, const char *>, 2> kNetworks {
    {{Network::Mastodon, "mastodon"}, {Network::Bluesky, "bluesky"}}};
} // namespace

QString roleName(Role role)
{
    return toName(kRoles, role);
}
std::optional<Role> roleFromName(const QString &name)
{
    return fromName(kRoles, name);
}
QString roleLabel(Role role)
{
    switch (role) {
    case Role::Admin: return QCoreApplication::translate("Domain", "Admin");
    case Role::Manager: return QCoreApplication::translate("Domain", "Manager");
    case Role::CommunityManager: return QCoreApplication::translate("Domain", "Community manager");
    case Role::Contributor: return QCoreApplication::translate("Domain", "Contributor");
    }
    return {};
}

QString statusName(ConversationStatus status)
{
    return toName(kStatuses, status);
}
std::optional<ConversationStatus> statusFromName(const QString &name)
{
    return fromName(kStatuses, name);
}
QString statusLabel(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open: return QCoreApplication::translate("Domain", "Open");
    case ConversationStatus::Pending: return QCoreApplication::translate("Domain", "Pending");
    case ConversationStatus::Snoozed: return QCoreApplication::translate("Domain", "Snoozed");
    case ConversationStatus::Resolved: return QCoreApplication::translate("Domain", "Resolved");
    }
    return {};
}

QString postStateName(PostState state)
{
    return toName(kPostStates, state);
}
std::optional<PostState> postStateFromName(const QString &name)
{
    return fromName(kPostStates, name);
}
QString postStateLabel(PostState state)
{
    switch (state) {
    case PostState::Draft: return QCoreApplication::translate("Domain", "Draft");
    case PostState::InReview: return QCoreApplication::translate("Domain", "In review");
    case PostState::Approved: return QCoreApplication::translate("Domain", "Approved");
    case PostState::Scheduled: return QCoreApplication::translate("Domain", "Scheduled");
    case PostState::Publishing: return QCoreApplication::translate("Domain", "Publishing");
    case PostState::Published: return QCoreApplication::translate("Domain", "Published");
    case PostState::Failed: return QCoreApplication::translate("Domain", "Failed");
    case PostState::PartiallyPublished: return QCoreApplication::translate("Domain", "Partially published");
    case PostState::Missed: return QCoreApplication::translate("Domain", "Missed");
    }
    return {};
}

QString networkName(Network network)
{
    return toName(kNetworks, network);
}
std::optional<Network> networkFromName(const QString &name)
{
    return fromName(kNetworks, name);
}
QString networkLabel(Network network)
{
    return network == Network::Mastodon ? QStringLiteral("Mastodon") : QStringLiteral("Bluesky");
}

} // namespace sb
