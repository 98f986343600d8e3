#include "MastodonState.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sb::mastodontest {

namespace {
QString randomSecret()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

MastodonState::MastodonState(QObject *parent) : QObject(parent)
{
}

void MastodonState::reset()
{
    m_accounts.clear();
    m_apps.clear();
    m_tokens.clear();
    m_codes.clear();
    m_media.clear();
    m_statuses.clear();
    m_favourites.clear();
    m_notifications.clear();
    m_conversations.clear();
    m_follows.clear();
    m_subscriptions.clear();
    m_idempotency.clear();
}

qint64 MastodonState::snowflakeId(const QDateTime &at)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    qint64 id = (ms << 16) | static_cast<qint64>(QRandomGenerator::global()->bounded(1 << 12));
    // Ids made "now" must keep increasing even within one millisecond; backdated ones only need to be unique.
    if (id <= m_lastSnowflake && ms >= (m_lastSnowflake >> 16)) {
        id = m_lastSnowflake + 1;
    }
    while (m_statuses.contains(id) || m_accounts.contains(id) || m_media.contains(id)) {
        ++id;
    }
    m_lastSnowflake = std::max(m_lastSnowflake, id);
    return id;
}

Account &MastodonState::addAccount(Account account)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    account.id = snowflakeId(now);
    if (!account.createdAt.isValid()) {
        // Mastodon reports account creation to the day: "2026-08-01T00:00:00.000Z".
        account.createdAt = QDateTime(now.date(), QTime(0, 0), Qt::UTC);
    }
    return m_accounts[account.id] = account;
}

const Account *MastodonState::account(qint64 id) const
{
    const auto it = m_accounts.constFind(id);
    return it == m_accounts.cend() ? nullptr : &*it;
}

const Account *MastodonState::accountByAcct(const QString &username, const QString &domain) const
{
    for (const Account &a : m_accounts) {
        if (a.username.compare(username, Qt::CaseInsensitive) == 0
            && a.domain.compare(domain, Qt::CaseInsensitive) == 0) {
            return &a;
        }
    }
    return nullptr;
}

QList<const Account *> MastodonState::accounts() const
{
    QList<const Account *> out;
    for (const Account &a : m_accounts) {
        out.append(&a);
    }
    return out;
}

int MastodonState::statusesCount(qint64 accountId) const
{
    return static_cast<int>(std::count_if(m_statuses.cbegin(), m_statuses.cend(), [accountId](const Status &s) {
        return s.accountId == accountId && !s.deleted;
    }));
}

std::optional<QDateTime> MastodonState::lastStatusAt(qint64 accountId) const
{
    std::optional<QDateTime> last;
    for (const Status &s : m_statuses) {
        if (s.accountId == accountId && !s.deleted && (!last || s.createdAt > *last)) {
            last = s.createdAt;
        }
    }
    return last;
}

App &MastodonState::addApp(App app)
{
    app.id = nextSerial();
    app.clientId = randomSecret();
    app.clientSecret = randomSecret();
    return m_apps[app.id] = app;
}

const App *MastodonState::appByClientId(const QString &clientId) const
{
    for (const App &a : m_apps) {
        if (a.clientId == clientId) {
            return &a;
        }
    }
    return nullptr;
}

int MastodonState::deleteApps()
{
    const int n = int(m_apps.size());
    m_apps.clear();
    return n;
}

const App *MastodonState::app(qint64 id) const
{
    const auto it = m_apps.constFind(id);
    return it == m_apps.cend() ? nullptr : &*it;
}

Token &MastodonState::issueToken(qint64 accountId, qint64 appId, const QStringList &scopes)
{
    Token t;
    t.token = randomSecret();
    t.accountId = accountId;
    t.appId = appId;
    t.scopes = scopes;
    t.createdAt = QDateTime::currentDateTimeUtc();
    return m_tokens[t.token] = t;
}

Token *MastodonState::token(const QString &token)
{
    const auto it = m_tokens.find(token);
    return it == m_tokens.end() ? nullptr : &*it;
}

QStringList MastodonState::userTokens() const
{
    QStringList out;
    for (const Token &t : m_tokens) {
        if (!t.revoked && t.accountId != 0) {
            out.append(t.token);
        }
    }
    return out;
}

int MastodonState::revokeTokensOf(qint64 accountId)
{
    int n = 0;
    for (Token &t : m_tokens) {
        if (t.accountId == accountId && !t.revoked) {
            t.revoked = true;
            ++n;
        }
    }
    return n;
}

AuthCode &MastodonState::addAuthCode(AuthCode code)
{
    code.code = randomSecret();
    return m_codes[code.code] = code;
}

AuthCode *MastodonState::authCode(const QString &code)
{
    const auto it = m_codes.find(code);
    return it == m_codes.end() ? nullptr : &*it;
}

Media &MastodonState::addMedia(Media media)
{
    media.id = snowflakeId(media.createdAt);
    return m_media[media.id] = media;
}

Media *MastodonState::media(qint64 id)
{
    const auto it = m_media.find(id);
    return it == m_media.end() ? nullptr : &*it;
}

const Media *MastodonState::media(qint64 id) const
{
    const auto it = m_media.constFind(id);
    return it == m_media.cend() ? nullptr : &*it;
}

Status &MastodonState::addStatus(Status status)
{
    if (!status.createdAt.isValid()) {
        status.createdAt = QDateTime::currentDateTimeUtc();
    }
    status.id = snowflakeId(status.createdAt);
    for (qint64 mediaId : std::as_const(status.mediaIds)) {
        if (Media *m = media(mediaId)) {
            m->statusId = status.id;
        }
    }
    const Status &stored = m_statuses[status.id] = status;
    emit statusCreated(stored.id);
    fanOutNewStatus(stored);
    return m_statuses[status.id];
}

void MastodonState::fanOutNewStatus(const Status &status)
{
    const qint64 author = status.accountId;
    const auto isLocalOther = [this, author](qint64 accountId) {
        const Account *a = account(accountId);
        return a && a->isLocal() && accountId != author;
    };
    if (status.reblogOfId != 0) {
        const Status *original = this->status(status.reblogOfId);
        if (original && isLocalOther(original->accountId)) {
            addNotification(original->accountId, u"reblog"_s, author, original->id, status.createdAt);
        }
        return;
    }
    for (qint64 mentioned : status.mentionIds) {
        if (isLocalOther(mentioned)) {
            addNotification(mentioned, u"mention"_s, author, status.id, status.createdAt);
        }
    }
    if (status.quoteOfId != 0) {
        const Status *quoted = this->status(status.quoteOfId);
        if (quoted && isLocalOther(quoted->accountId)) {
            addNotification(quoted->accountId, u"quote"_s, author, status.id, status.createdAt);
        }
    }
    if (status.visibility != u"direct"_s) {
        const Status *parent = this->status(status.inReplyToId);
        const bool replyToOthers = parent && parent->accountId != author;
        for (const auto &[follower, followed] : std::as_const(m_subscriptions)) {
            if (followed == author && !replyToOthers && isLocalOther(follower) && canSee(follower, status)) {
                addNotification(follower, u"status"_s, author, status.id, status.createdAt);
            }
        }
        return;
    }
    QList<qint64> owners = status.mentionIds;
    owners.append(author);
    for (qint64 owner : std::as_const(owners)) {
        const Account *a = account(owner);
        if (a && a->isLocal()) {
            touchConversation(owner, status);
        }
    }
}

void MastodonState::touchConversation(qint64 ownerId, const Status &status)
{
    const Status *root = &status;
    while (const Status *parent = this->status(root->inReplyToId)) {
        root = parent;
    }
    QList<qint64> participants = status.mentionIds;
    participants.append(status.accountId);
    participants.removeAll(ownerId);
    std::sort(participants.begin(), participants.end());
    participants.erase(std::unique(participants.begin(), participants.end()), participants.end());

    Conversation *found = nullptr;
    for (Conversation &c : m_conversations) {
        if (c.ownerId == ownerId && c.rootStatusId == root->id && c.participantIds == participants) {
            found = &c;
        }
    }
    if (!found) {
        Conversation c;
        c.id = nextSerial();
        c.ownerId = ownerId;
        c.rootStatusId = root->id;
        c.participantIds = participants;
        found = &(m_conversations[c.id] = c);
    }
    found->lastStatusId = status.id;
    found->unread = status.accountId != ownerId;
    emit conversationUpdated(found->id);
}

Status *MastodonState::status(qint64 id)
{
    const auto it = m_statuses.find(id);
    return it == m_statuses.end() ? nullptr : &*it;
}

const Status *MastodonState::status(qint64 id) const
{
    const auto it = m_statuses.constFind(id);
    return it == m_statuses.cend() ? nullptr : &*it;
}

QList<const Status *> MastodonState::statuses() const
{
    QList<const Status *> out;
    for (const Status &s : m_statuses) {
        out.append(&s);
    }
    return out;
}

QList<const Status *> MastodonState::replies(qint64 statusId) const
{
    QList<const Status *> out;
    for (const Status &s : m_statuses) {
        if (s.inReplyToId == statusId && !s.deleted) {
            out.append(&s);
        }
    }
    return out;
}

bool MastodonState::canSee(qint64 viewerId, const Status &status) const
{
    if (status.deleted) {
        return false;
    }
    if (status.reblogOfId != 0) {
        const Status *original = this->status(status.reblogOfId);
        return original && canSee(viewerId, *original);
    }
    if (status.visibility == u"public"_s || status.visibility == u"unlisted"_s) {
        return true;
    }
    if (viewerId == 0) {
        return false;
    }
    if (status.accountId == viewerId || status.mentionIds.contains(viewerId)) {
        return true;
    }
    return status.visibility == u"private"_s && follows(viewerId, status.accountId);
}

void MastodonState::editStatus(Status &status, const QString &text, const QString &content, const QString &spoiler,
                               const QString &language, const QList<qint64> &alsoNotify)
{
    status.text = text;
    status.content = content;
    status.spoilerText = spoiler;
    status.sensitive = status.sensitive || !spoiler.isEmpty();
    if (!language.isEmpty()) {
        status.language = language;
    }
    status.editedAt = QDateTime::currentDateTimeUtc();
    emit statusEdited(status.id);

    QList<qint64> recipients = alsoNotify;
    for (const Status &s : std::as_const(m_statuses)) {
        if (!s.deleted && (s.reblogOfId == status.id || s.quoteOfId == status.id)) {
            recipients.append(s.accountId);
        }
    }
    std::sort(recipients.begin(), recipients.end());
    recipients.erase(std::unique(recipients.begin(), recipients.end()), recipients.end());
    for (qint64 recipient : std::as_const(recipients)) {
        const Account *a = account(recipient);
        if (a && a->isLocal() && recipient != status.accountId) {
            addNotification(recipient, u"update"_s, status.accountId, status.id, status.editedAt);
        }
    }
}

void MastodonState::deleteStatus(Status &status)
{
    QSet<qint64> couldSee;
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.isLocal() && canSee(a.id, status)) {
            couldSee.insert(a.id);
        }
    }
    status.deleted = true;
    // Notifications about a deleted status disappear with it, as on a real server.
    for (auto it = m_notifications.begin(); it != m_notifications.end();) {
        it = it->statusId == status.id ? m_notifications.erase(it) : std::next(it);
    }
    emit statusDeleted(status.id, couldSee);
}

const Favourite *MastodonState::favourite(qint64 accountId, qint64 statusId) const
{
    for (const Favourite &f : m_favourites) {
        if (f.accountId == accountId && f.statusId == statusId) {
            return &f;
        }
    }
    return nullptr;
}

const Favourite &MastodonState::addFavourite(qint64 accountId, qint64 statusId)
{
    if (const Favourite *existing = favourite(accountId, statusId)) {
        return *existing;
    }
    Favourite f {nextSerial(), accountId, statusId};
    const Favourite &stored = m_favourites[f.id] = f;
    const Status *s = status(statusId);
    const Account *owner = s ? account(s->accountId) : nullptr;
    if (owner && owner->isLocal() && owner->id != accountId) {
        addNotification(owner->id, u"favourite"_s, accountId, statusId, QDateTime::currentDateTimeUtc());
    }
    return stored;
}

QList<const Favourite *> MastodonState::favouritesOf(qint64 statusId) const
{
    QList<const Favourite *> out;
    for (const Favourite &f : m_favourites) {
        if (f.statusId == statusId) {
            out.append(&f);
        }
    }
    return out;
}

int MastodonState::favouritesCount(qint64 statusId) const
{
    return static_cast<int>(favouritesOf(statusId).size());
}

int MastodonState::reblogsCount(qint64 statusId) const
{
    return static_cast<int>(std::count_if(m_statuses.cbegin(), m_statuses.cend(), [statusId](const Status &s) {
        return s.reblogOfId == statusId && !s.deleted;
    }));
}

int MastodonState::quotesCount(qint64 statusId) const
{
    return static_cast<int>(std::count_if(m_statuses.cbegin(), m_statuses.cend(), [statusId](const Status &s) {
        return s.quoteOfId == statusId && !s.deleted;
    }));
}

int MastodonState::repliesCount(qint64 statusId) const
{
    return static_cast<int>(replies(statusId).size());
}

const Status *MastodonState::reblogBy(qint64 accountId, qint64 statusId) const
{
    for (const Status &s : m_statuses) {
        if (s.reblogOfId == statusId && s.accountId == accountId && !s.deleted) {
            return &s;
        }
    }
    return nullptr;
}

void MastodonState::addFollow(qint64 followerId, qint64 followedId, bool notify)
{
    if (m_follows.contains({followerId, followedId})) {
        return;
    }
    m_follows.insert({followerId, followedId});
    if (notify) {
        m_subscriptions.insert({followerId, followedId});
    }
    const Account *followed = account(followedId);
    if (followed && followed->isLocal()) {
        addNotification(followedId, u"follow"_s, followerId, 0, QDateTime::currentDateTimeUtc());
    }
}

int MastodonState::followersCount(qint64 accountId) const
{
    return static_cast<int>(std::count_if(m_follows.cbegin(), m_follows.cend(),
                                          [accountId](const auto &f) { return f.second == accountId; }));
}

int MastodonState::followingCount(qint64 accountId) const
{
    return static_cast<int>(std::count_if(m_follows.cbegin(), m_follows.cend(),
                                          [accountId](const auto &f) { return f.first == accountId; }));
}

const Notification &MastodonState::addNotification(qint64 recipientId, const QString &type, qint64 fromAccountId,
                                                   qint64 statusId, const QDateTime &at)
{
    Notification n {nextSerial(), recipientId, type, at, fromAccountId, statusId};
    const Notification &stored = m_notifications[n.id] = n;
    emit notificationCreated(stored.id);
    return stored;
}

const Notification *MastodonState::notification(qint64 id) const
{
    const auto it = m_notifications.constFind(id);
    return it == m_notifications.cend() ? nullptr : &*it;
}

QList<const Notification *> MastodonState::notificationsFor(qint64 recipientId) const
{
    QList<const Notification *> out;
    for (const Notification &n : m_notifications) {
        if (n.recipientId == recipientId) {
            out.append(&n);
        }
    }
    return out;
}

const Conversation *MastodonState::conversation(qint64 id) const
{
    const auto it = m_conversations.constFind(id);
    return it == m_conversations.cend() ? nullptr : &*it;
}

QList<const Conversation *> MastodonState::conversationsOf(qint64 ownerId) const
{
    QList<const Conversation *> out;
    for (const Conversation &c : m_conversations) {
        const Status *last = status(c.lastStatusId);
        if (c.ownerId == ownerId && last && !last->deleted) {
            out.append(&c);
        }
    }
    return out;
}

std::optional<qint64> MastodonState::idempotentStatus(qint64 accountId, const QString &key, const QDateTime &now) const
{
    const auto it = m_idempotency.constFind(QString::number(accountId) + u':' + key);
    if (it == m_idempotency.cend() || it->second.secsTo(now) > 3600) {
        return std::nullopt;
    }
    const Status *s = status(it->first);
    if (!s || s->deleted) {
        return std::nullopt;
    }
    return it->first;
}

void MastodonState::rememberIdempotency(qint64 accountId, const QString &key, qint64 statusId, const QDateTime &now)
{
    m_idempotency.insert(QString::number(accountId) + u':' + key, {statusId, now});
}

} // namespace sb::mastodontest
