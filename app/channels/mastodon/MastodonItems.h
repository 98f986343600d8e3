#pragma once

#include "channels/Channel.h"
#include "channels/mastodon/MastodonParse.h"
#include "store/Ingest.h"

#include <QString>

#include <optional>
#include <vector>

// Parsed Mastodon entities -> the items every connector produces. Pure functions.
//
// What becomes an item:
//  - notifications of type mention, status, quote and update carry a status that becomes an item, except:
//    direct (DM) statuses, which are read from the conversations feed so that they are grouped by the Mastodon
//    conversation id; and `update` (an edited status we boosted) unless the status is addressed to us.
//  - reblog and favourite notifications carry one of our statuses with its new counters: they become counter
//    updates (NotificationUse::Counters), not inbox items.
//  - follow, follow_request, poll, admin.*, severed_relationships, moderation_warning, quoted_update and any type
//    this code does not know are skipped. Paging still moves past them.
//  - conversations become a "dm" item from their last status, grouped by the conversation id.
//  - boosts (a status wrapping another) never become items.
namespace sb::mastodon {

// Who "we" are while converting.
struct ItemContext {
    QString accountId; // the local account id copied into every item
    QString selfId; // the signed-in Mastodon account's id (empty: unknown, nothing counts as ours)
    QString instanceDomain; // completes handles of accounts on our instance: "admin" -> "@admin@domain"
};

// "@user@domain" for everyone, also for accounts on our own instance.
QString handleOf(const Account &account, const QString &instanceDomain);
RemotePerson personOf(const Account &account, const QString &instanceDomain);

bool isOutbound(const Status &status, const ItemContext &ctx);
bool isDirect(const Status &status);
bool mentionsAccount(const Status &status, const QString &accountId);

// dm, quote, reply, mention or post; `notificationType` says how the status reached us, when it did.
//  inbound:  direct -> dm; quotes one of ours (or a quote notification) -> quote; replies to us -> reply;
//            mentions us -> mention; replies to someone else -> reply; a mention notification -> mention;
//            otherwise -> post (a subscribed account's post, a thread's root by someone else)
//  outbound: direct -> dm; a reply -> reply; otherwise -> post
QString itemKind(const Status &status, const ItemContext &ctx, const QString &notificationType = {});

// True when an inbound status is addressed to us (a DM, a quote of ours, a reply to us or a mention of us).
bool isAddressedToUs(const Status &status, const ItemContext &ctx);

IncomingItem toItem(const Status &status, const ItemContext &ctx, const QString &threadKey, const QString &kind);

enum class NotificationUse { Item, Counters, Skip };
NotificationUse notificationUse(const Notification &notification, const ItemContext &ctx);

ItemCounters countersOf(const Status &status);

// The thread's root per the context: the first ancestor, or the status itself when it has none.
QString threadRootOf(const Status &focus, const Context &context);
// Every status of a thread (ancestors, the focus, descendants) as items of the thread's root. Direct statuses get
// kind "dm" but the same root; the caller files them under the DM conversation it knows.
std::vector<IncomingItem> threadItems(const Status &focus, const Context &context, const ItemContext &ctx);

// The conversation's last status as a "dm" item grouped by the conversation id; nullopt without one (or a boost).
std::optional<IncomingItem> conversationItem(const Conversation &conversation, const ItemContext &ctx);

// Publishing.
// Whether `text` already mentions the account `acct` ("user" on our instance, or "user@domain"); a local account
// also counts as mentioned by "@user@ourDomain".
bool textMentions(const QString &text, const QString &acct, const QString &instanceDomain);
// The text of a reply to `parent`, with "@acct " put in front for each recipient the text does not mention yet:
// the parent's author, and for a direct reply everyone the parent mentions; never ourselves.
QString replyTextWithRecipients(const QString &text, const Status &parent, const QString &visibility,
                                const QString &selfId, const QString &instanceDomain);
// Whether `status` is what `request` published: same parent, same content warning, same attachments, and the same
// text once mentions and whitespace are set aside (Mastodon renders mentions as links without the domain).
bool statusMatchesRequest(const Status &status, const PublishRequest &request);

} // namespace sb::mastodon
