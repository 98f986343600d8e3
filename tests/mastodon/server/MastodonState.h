#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace sb::mastodontest {

// Knobs a test may turn through /_test/config. Defaults are a stock Mastodon 4.x instance.
struct ServerConfig {
    int maxCharacters = 500;
    int maxMediaAttachments = 4;
    qint64 imageSizeLimit = 16 * 1024 * 1024;
    qint64 videoSizeLimit = 99 * 1024 * 1024;
    int mediaProcessingMs = 300;
    int rateLimit = 300; // requests per period, per account (or per IP without a token)
    int pagingRateLimit = 100; // list endpoints that page (notifications, conversations, ...): a lower budget
    int mediaRateLimit = 30; // POST /api/v2/media, per 30 minutes on a real server
    int deleteRateLimit = 30; // DELETE /api/v1/statuses/:id, per 30 minutes on a real server
    int ratePeriodSeconds = 300;
    int slowPeriodSeconds = 1800;
    bool denyAuthorization = false; // the signed-in user clicks "Deny" on the consent page
};

struct Account {
    qint64 id = 0;
    QString username;
    QString domain; // empty for accounts of this instance
    QString displayName;
    QString note; // HTML
    bool bot = false;
    bool locked = false;
    bool hasAvatar = true;
    QDateTime createdAt;
    bool isLocal() const { return domain.isEmpty(); }
};

struct App {
    qint64 id = 0;
    QString name;
    QString website;
    QStringList redirectUris;
    QStringList scopes;
    QString clientId;
    QString clientSecret;
};

struct Token {
    QString token;
    qint64 accountId = 0; // 0: an application token (client_credentials), no user behind it
    qint64 appId = 0; // 0: made by the control API
    QStringList scopes;
    QDateTime createdAt;
    bool revoked = false;
};

struct AuthCode {
    QString code;
    qint64 appId = 0;
    qint64 accountId = 0;
    QString redirectUri;
    QStringList scopes;
    QString codeChallenge;
    QString codeChallengeMethod;
    QDateTime expiresAt;
    bool used = false;
};

struct Media {
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 statusId = 0;
    QString type; // image, gifv, video, audio, unknown
    QByteArray mimeType;
    QString fileName;
    QByteArray data;
    QString description;
    int width = 0;
    int height = 0;
    QDateTime createdAt;
    QDateTime readyAt;
    bool isReady(const QDateTime &now) const { return now >= readyAt; }
};

struct Status {
    qint64 id = 0;
    qint64 accountId = 0;
    QDateTime createdAt;
    QDateTime editedAt;
    QString text; // source text as posted
    QString content; // rendered HTML
    QString spoilerText;
    QString visibility = QStringLiteral("public");
    QString language;
    bool sensitive = false;
    qint64 inReplyToId = 0;
    qint64 inReplyToAccountId = 0;
    qint64 reblogOfId = 0;
    qint64 quoteOfId = 0;
    QList<qint64> mentionIds;
    QStringList tags;
    QList<qint64> mediaIds;
    qint64 appId = 0;
    bool deleted = false;
};

struct Favourite {
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 statusId = 0;
};

struct Notification {
    qint64 id = 0;
    qint64 recipientId = 0;
    QString type;
    QDateTime createdAt;
    qint64 fromAccountId = 0;
    qint64 statusId = 0;
};

// A local account's view of a direct-message thread (Mastodon's AccountConversation).
struct Conversation {
    qint64 id = 0;
    qint64 ownerId = 0;
    qint64 rootStatusId = 0;
    QList<qint64> participantIds; // everyone but the owner
    qint64 lastStatusId = 0;
    bool unread = false;
};

// The in-memory instance. Mutations announce what happened through signals; the streaming server listens.
class MastodonState final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MastodonState)

public:
    explicit MastodonState(QObject *parent = nullptr);

    void reset();

    // Ids: snowflake-like (milliseconds << 16 | sequence) for statuses, accounts and media; small increasing
    // integers for notifications, conversations, favourites and apps, as on a real server.
    qint64 snowflakeId(const QDateTime &at);
    qint64 nextSerial() { return ++m_serial; }

    Account &addAccount(Account account);
    const Account *account(qint64 id) const;
    const Account *accountByAcct(const QString &username, const QString &domain) const;
    QList<const Account *> accounts() const;
    int statusesCount(qint64 accountId) const;
    std::optional<QDateTime> lastStatusAt(qint64 accountId) const;

    App &addApp(App app);
    const App *appByClientId(const QString &clientId) const;
    const App *app(qint64 id) const;
    // What an admin deleting the applications does: their client ids are refused from then on.
    int deleteApps();

    Token &issueToken(qint64 accountId, qint64 appId, const QStringList &scopes);
    Token *token(const QString &token);
    QStringList userTokens() const; // valid tokens with a user behind them
    int revokeTokensOf(qint64 accountId);

    AuthCode &addAuthCode(AuthCode code);
    AuthCode *authCode(const QString &code);

    Media &addMedia(Media media);
    Media *media(qint64 id);
    const Media *media(qint64 id) const;

    // Creates the status with its side effects: notifications for mentioned and subscribed local accounts, quote
    // notifications, conversations for direct messages. Emits statusCreated, then notificationCreated for each.
    Status &addStatus(Status status);
    Status *status(qint64 id);
    const Status *status(qint64 id) const;
    QList<const Status *> statuses() const;
    QList<const Status *> replies(qint64 statusId) const;
    bool canSee(qint64 viewerId, const Status &status) const;
    // Mastodon sends "update" notifications to the local accounts that reblogged or quoted the edited status;
    // alsoNotify adds recipients a test wants to see notified anyway.
    void editStatus(Status &status, const QString &text, const QString &content, const QString &spoiler,
                    const QString &language, const QList<qint64> &alsoNotify);
    void deleteStatus(Status &status);

    const Favourite *favourite(qint64 accountId, qint64 statusId) const;
    const Favourite &addFavourite(qint64 accountId, qint64 statusId);
    QList<const Favourite *> favouritesOf(qint64 statusId) const;
    int favouritesCount(qint64 statusId) const;
    int reblogsCount(qint64 statusId) const;
    int quotesCount(qint64 statusId) const;
    int repliesCount(qint64 statusId) const;
    const Status *reblogBy(qint64 accountId, qint64 statusId) const;

    bool follows(qint64 followerId, qint64 followedId) const { return m_follows.contains({followerId, followedId}); }
    void addFollow(qint64 followerId, qint64 followedId, bool notify);
    bool subscribed(qint64 followerId, qint64 followedId) const
    {
        return m_subscriptions.contains({followerId, followedId});
    }
    int followersCount(qint64 accountId) const;
    int followingCount(qint64 accountId) const;

    const Notification &addNotification(qint64 recipientId, const QString &type, qint64 fromAccountId, qint64 statusId,
                                        const QDateTime &at);
    const Notification *notification(qint64 id) const;
    QList<const Notification *> notificationsFor(qint64 recipientId) const;

    const Conversation *conversation(qint64 id) const;
    QList<const Conversation *> conversationsOf(qint64 ownerId) const;

    // Idempotency-Key: Mastodon keeps key -> status id for an hour, per account.
    std::optional<qint64> idempotentStatus(qint64 accountId, const QString &key, const QDateTime &now) const;
    void rememberIdempotency(qint64 accountId, const QString &key, qint64 statusId, const QDateTime &now);

signals:
    void statusCreated(qint64 statusId);
    void statusEdited(qint64 statusId);
    void statusDeleted(qint64 statusId, QSet<qint64> couldSee);
    void notificationCreated(qint64 notificationId);
    void conversationUpdated(qint64 conversationId);

private:
    void fanOutNewStatus(const Status &status);
    void touchConversation(qint64 ownerId, const Status &status);

    qint64 m_lastSnowflake = 0;
    qint64 m_serial = 0;
    QMap<qint64, Account> m_accounts;
    QMap<qint64, App> m_apps;
    QHash<QString, Token> m_tokens;
    QHash<QString, AuthCode> m_codes;
    QMap<qint64, Media> m_media;
    QMap<qint64, Status> m_statuses;
    QMap<qint64, Favourite> m_favourites;
    QMap<qint64, Notification> m_notifications;
    QMap<qint64, Conversation> m_conversations;
    QSet<std::pair<qint64, qint64>> m_follows;
    QSet<std::pair<qint64, qint64>> m_subscriptions;
    QHash<QString, std::pair<qint64, QDateTime>> m_idempotency;
};

} // namespace sb::mastodontest
