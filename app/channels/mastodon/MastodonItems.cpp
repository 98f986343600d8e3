#include "channels/mastodon/MastodonItems.h"

#include "channels/HtmlSanitizer.h"

#include <QRegularExpression>

namespace sb::mastodon {

namespace {

const QString kDm = QStringLiteral("dm");
const QString kQuote = QStringLiteral("quote");
const QString kReply = QStringLiteral("reply");
const QString kMention = QStringLiteral("mention");
const QString kPost = QStringLiteral("post");

} // namespace

QString handleOf(const Account &account, const QString &instanceDomain)
{
    QString acct = account.acct.isEmpty() ? account.username : account.acct;
    if (acct.startsWith(QLatin1Char('@'))) {
        acct.remove(0, 1);
    }
    if (!acct.contains(QLatin1Char('@')) && !instanceDomain.isEmpty()) {
        acct += QLatin1Char('@') + instanceDomain;
    }
    return QLatin1Char('@') + acct;
}

RemotePerson personOf(const Account &account, const QString &instanceDomain)
{
    RemotePerson person;
    person.remoteId = account.id;
    person.handle = handleOf(account, instanceDomain);
    person.displayName = account.displayName.isEmpty() ? account.username : account.displayName;
    person.avatarUrl = account.avatarUrl;
    return person;
}

bool isOutbound(const Status &status, const ItemContext &ctx)
{
    return !ctx.selfId.isEmpty() && status.account.id == ctx.selfId;
}

bool isDirect(const Status &status)
{
    return status.visibility == QLatin1String("direct");
}

bool mentionsAccount(const Status &status, const QString &accountId)
{
    if (accountId.isEmpty()) {
        return false;
    }
    for (const StatusMention &m : status.mentions) {
        if (m.id == accountId) {
            return true;
        }
    }
    return false;
}

QString itemKind(const Status &status, const ItemContext &ctx, const QString &notificationType)
{
    if (isDirect(status)) {
        return kDm;
    }
    if (isOutbound(status, ctx)) {
        return status.inReplyToId.isEmpty() ? kPost : kReply;
    }
    const bool quotesUs = notificationType == kQuote
        || (!status.quotedStatusId.isEmpty() && !ctx.selfId.isEmpty() && status.quotedAccountId == ctx.selfId);
    if (quotesUs) {
        return kQuote;
    }
    if (!ctx.selfId.isEmpty() && status.inReplyToAccountId == ctx.selfId) {
        return kReply;
    }
    if (mentionsAccount(status, ctx.selfId)) {
        return kMention;
    }
    if (!status.inReplyToId.isEmpty()) {
        return kReply;
    }
    if (notificationType == kMention) {
        return kMention;
    }
    return kPost;
}

bool isAddressedToUs(const Status &status, const ItemContext &ctx)
{
    if (isOutbound(status, ctx) || ctx.selfId.isEmpty()) {
        return false;
    }
    return isDirect(status) || status.quotedAccountId == ctx.selfId || status.inReplyToAccountId == ctx.selfId
        || mentionsAccount(status, ctx.selfId);
}

IncomingItem toItem(const Status &status, const ItemContext &ctx, const QString &threadKey, const QString &kind)
{
    IncomingItem item;
    item.accountId = ctx.accountId;
    item.remoteId = status.id;
    item.threadKey = threadKey;
    item.kind = kind;
    item.outbound = isOutbound(status, ctx);
    item.parentRemoteId = status.inReplyToId;
    auto [html, text] = Html::sanitizeWithText(status.content);
    if (!status.spoilerText.isEmpty()) {
        // A content warning is part of what the author wrote: keep it in front, as Mastodon shows it.
        const QString spoiler = status.spoilerText.left(Html::kMaxInput);
        text = spoiler + QStringLiteral("\n\n") + text;
        html = QStringLiteral("<p>") + spoiler.toHtmlEscaped() + QStringLiteral("</p>") + html;
    }
    item.text = text;
    item.html = html;
    item.lang = status.language;
    item.url = status.url.isEmpty() ? status.uri : status.url;
    item.createdAt = status.createdAt;
    item.author = personOf(status.account, ctx.instanceDomain);
    item.likes = status.favouritesCount;
    item.reposts = status.reblogsCount;
    item.replies = status.repliesCount;
    return item;
}

NotificationUse notificationUse(const Notification &notification, const ItemContext &ctx)
{
    const QString &type = notification.type;
    if (!notification.status || !notification.status->reblogOfId.isEmpty()) {
        return NotificationUse::Skip;
    }
    const Status &status = *notification.status;
    if (type == QLatin1String("reblog") || type == QLatin1String("favourite")) {
        return isOutbound(status, ctx) || ctx.selfId.isEmpty() ? NotificationUse::Counters : NotificationUse::Skip;
    }
    const bool carriesItem = type == QLatin1String("mention") || type == QLatin1String("status")
        || type == QLatin1String("quote") || type == QLatin1String("update");
    if (!carriesItem || isDirect(status)) {
        return NotificationUse::Skip;
    }
    if (type == QLatin1String("update") && !isAddressedToUs(status, ctx)) {
        return NotificationUse::Skip;
    }
    return NotificationUse::Item;
}

ItemCounters countersOf(const Status &status)
{
    return ItemCounters {status.id, status.favouritesCount, status.reblogsCount, status.repliesCount};
}

QString threadRootOf(const Status &focus, const Context &context)
{
    return context.ancestors.empty() ? focus.id : context.ancestors.front().id;
}

std::vector<IncomingItem> threadItems(const Status &focus, const Context &context, const ItemContext &ctx)
{
    const QString root = threadRootOf(focus, context);
    std::vector<IncomingItem> items;
    items.reserve(context.ancestors.size() + context.descendants.size() + 1);
    const auto add = [&](const Status &s) {
        if (s.reblogOfId.isEmpty()) {
            items.push_back(toItem(s, ctx, root, itemKind(s, ctx)));
        }
    };
    for (const Status &s : context.ancestors) {
        add(s);
    }
    add(focus);
    for (const Status &s : context.descendants) {
        add(s);
    }
    return items;
}

std::optional<IncomingItem> conversationItem(const Conversation &conversation, const ItemContext &ctx)
{
    if (!conversation.lastStatus || !conversation.lastStatus->reblogOfId.isEmpty()) {
        return std::nullopt;
    }
    return toItem(*conversation.lastStatus, ctx, conversation.id, kDm);
}

bool textMentions(const QString &text, const QString &acct, const QString &instanceDomain)
{
    if (acct.isEmpty()) {
        return false;
    }
    // A mention starts after a non-word character and ends where a username cannot go on ("@bob." is @bob).
    const QString user = QRegularExpression::escape(acct.section(QLatin1Char('@'), 0, 0));
    QString domain = acct.section(QLatin1Char('@'), 1);
    QString pattern;
    if (domain.isEmpty()) {
        const QString own = instanceDomain.isEmpty()
            ? QString()
            : QStringLiteral("(@") + QRegularExpression::escape(instanceDomain) + QLatin1Char(')');
        pattern = QStringLiteral("(?<![\\w/@])@") + user + (own.isEmpty() ? QString() : own + QLatin1Char('?'))
            + QStringLiteral("(?![\\w@]|[.-]\\w)");
    } else {
        pattern = QStringLiteral("(?<![\\w/@])@") + user + QLatin1Char('@') + QRegularExpression::escape(domain)
            + QStringLiteral("(?![\\w]|[.-]\\w)");
    }
    const QRegularExpression re(
        pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

QString replyTextWithRecipients(const QString &text, const Status &parent, const QString &visibility,
                                const QString &selfId, const QString &instanceDomain)
{
    QStringList recipients;
    const auto add = [&](const QString &id, const QString &acct) {
        if (id == selfId || acct.isEmpty() || recipients.contains(acct, Qt::CaseInsensitive)) {
            return;
        }
        recipients.append(acct);
    };
    add(parent.account.id, parent.account.acct);
    if (visibility == QLatin1String("direct")) {
        for (const StatusMention &m : parent.mentions) {
            add(m.id, m.acct);
        }
    }
    QString prefix;
    for (const QString &acct : std::as_const(recipients)) {
        if (!textMentions(text, acct, instanceDomain)) {
            prefix += QLatin1Char('@') + acct + QLatin1Char(' ');
        }
    }
    return prefix + text;
}

namespace {
QString comparable(const QString &text)
{
    static const QRegularExpression mention(QStringLiteral("(?<![\\w/])@[\\w.-]+(@[\\w.:-]+)?"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    QString t = text;
    t.remove(mention);
    return t.simplified();
}
} // namespace

bool statusMatchesRequest(const Status &status, const PublishRequest &request)
{
    if (status.inReplyToId != request.inReplyToRemoteId || !status.reblogOfId.isEmpty()) {
        return false;
    }
    if (status.spoilerText.simplified() != request.spoilerText.simplified()) {
        return false;
    }
    QStringList wanted = request.mediaIds;
    QStringList have = status.mediaIds;
    wanted.sort();
    have.sort();
    if (wanted != have) {
        return false;
    }
    const QString text = comparable(request.text);
    if (text.isEmpty() && wanted.isEmpty()) {
        return false; // nothing to recognise it by
    }
    return comparable(Html::toPlainText(status.content)) == text;
}

} // namespace sb::mastodon
