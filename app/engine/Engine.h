#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace sb {

class Clock;
class IdSource;
class SqliteDb;
struct BusinessHours;
struct RoutingRule;

// Who performs a state change. Rules and the system act too (routing, sync), and are logged as such.
struct Actor {
    enum class Kind { Employee, Rule, System };
    Kind kind = Kind::Employee;
    QString id; // employee id, rule id, or empty for the system

    static Actor employee(const QString &id) { return {Kind::Employee, id}; }
    static Actor rule(const QString &id) { return {Kind::Rule, id}; }
    static Actor system() { return {Kind::System, {}}; }
};

struct NewEmployee {
    QString name;
    QString email;
    Role role = Role::Contributor;
    QString teamId;
};

struct NewAccount {
    Network network = Network::Mastodon;
    QString handle;
    QString displayName;
    QString serviceUrl; // instance or PDS base URL
    QString remoteId; // the account's id on the network, when known
    int slaMinutes = 240; // promised first response, in business minutes
    int maxChars = 0; // 0: the network's default
    QString credentialRef = QStringLiteral("keychain"); // or "env:NAME": where the secret is found at run time
    int backfillDays = 30;
};

struct NewCampaign {
    QString name;
    QString color; // #rrggbb
    QDate startsOn;
    QDate endsOn;
    QString description;
};

struct NewPostVariant {
    QString accountId;
    QString text;
};

struct NewPost {
    QString campaignId;
    qint64 scheduledAtMs = 0; // 0: not scheduled yet
    QString timeZone; // IANA id the author scheduled in
    QString recurrence; // JSON (Recurrence::toJson) for a post of a repeating series
    std::vector<NewPostVariant> variants;
};

// The one API for state changes. Every call checks the actor's role, changes the rows and appends exactly one
// event (actor, action, subject, time, details) in the same transaction. ui/ and models/ write nothing else.
class Engine {
public:
    Engine(SqliteDb &db, const Clock &clock, IdSource &ids);

    // Triage
    Status assign(const Actor &actor, const QString &conversationId, const QString &assigneeId);
    Status assignTeam(const Actor &actor, const QString &conversationId, const QString &teamId);
    Status setStatus(const Actor &actor, const QString &conversationId, ConversationStatus status,
                     qint64 snoozeUntilMs = 0);
    Status addTag(const Actor &actor, const QString &conversationId, const QString &tag);
    Status removeTag(const Actor &actor, const QString &conversationId, const QString &tag);
    Status setPriority(const Actor &actor, const QString &conversationId, int priority);
    Status markSpam(const Actor &actor, const QString &conversationId, bool spam);
    Status markRead(const Actor &actor, const QString &conversationId);
    Result<QString> addNote(const Actor &actor, const QString &conversationId, const QString &body);

    // Replies: a community manager's reply goes to the outbox; a contributor's waits for approval.
    struct ReplyOutcome {
        QString outboxJobId; // set when the reply was queued
        QString replyDraftId; // set when it awaits approval
    };
    Result<ReplyOutcome> submitReply(const Actor &actor, const QString &conversationId, const QString &text);
    // Approving queues the reply (optionally edited by the approver) in the outbox; returns the job id.
    Result<QString> approveReply(const Actor &actor, const QString &draftId, const QString &editedText = {});
    Status rejectReply(const Actor &actor, const QString &draftId, const QString &comment);
    // The channel layer reports a job's outcome. Marks the conversation's first response on success.
    Status completeOutboxJob(const QString &jobId, const QString &remoteId, qint64 itemSeq);
    // The channel refused the job for good (permanent error): it stays visible as failed, with the reason.
    Status failOutboxJob(const QString &jobId, const QString &reason);

    // Accounts
    Result<QString> addAccount(const Actor &actor, const NewAccount &account);
    Status setAccountPaused(const Actor &actor, const QString &accountId, bool paused);
    // The account's promised first response, in business minutes (managers). New conversations get the new due
    // time; open ones keep theirs.
    static constexpr int kMinSlaMinutes = 5;
    static constexpr int kMaxSlaMinutes = 5 * 8 * 60; // a working week
    Status setAccountSla(const Actor &actor, const QString &accountId, int minutes);
    // Advocacy: marks the account as an employee's own (empty employeeId: the brand's again). Its posts then count
    // in that employee's engagement figures. An employee may claim an unclaimed account for themselves or give up
    // their own; managers may link any account to anyone.
    Status setAccountOwner(const Actor &actor, const QString &accountId, const QString &employeeId);
    // Removes an account. keepData archives it instead: sync stops, its conversations stay readable.
    Status removeAccount(const Actor &actor, const QString &accountId, bool keepData);
    // After a new sign-in: where the secret now lives; clears an auth_expired health.
    Status setAccountCredential(const Actor &actor, const QString &accountId, const QString &credentialRef);

    // Posts and campaigns
    Result<QString> addCampaign(const Actor &actor, const NewCampaign &campaign);
    Result<QString> createPost(const Actor &actor, const NewPost &post);
    Status submitPost(const Actor &actor, const QString &postId);
    // New text for the post's variant on one account. Its author or a manager may edit a post until it goes out;
    // an approved or scheduled post goes back to review, whoever edited it (what was approved is not what goes
    // out any more).
    Status editPostText(const Actor &actor, const QString &postId, const QString &accountId, const QString &text);
    Status approvePost(const Actor &actor, const QString &postId);
    Status rejectPost(const Actor &actor, const QString &postId, const QString &comment);
    // The channel layer reports one variant live on its network. The post becomes published once every variant
    // is (publishing while some are still pending, partially_published when another one failed).
    Status markVariantPublished(const QString &variantId, const QString &remoteId, const QString &remoteUrl);

    // The scheduler (engine/EngineScheduler.cpp). Posts scheduled for now or earlier become outbox jobs, one per
    // variant not yet out, in the same transaction that moves them to `publishing`, so a post is queued once
    // whichever process gets there first. A post later than graceMs (nothing was running at its time) is marked
    // `missed` instead, for a person to decide.
    struct DuePosts {
        int queued = 0; // posts
        int jobs = 0;
        int missed = 0;
    };
    Result<DuePosts> enqueueDuePosts(qint64 graceMs);
    // How late a post may still go out by itself: the workspace setting publish_grace_minutes (default 60).
    static qint64 publishGraceMs(SqliteDb &db);
    // A failed variant of a failed or partly published post is sent again through a new outbox job.
    Status retryVariant(const Actor &actor, const QString &variantId);
    // A missed post goes out now, after a person decided so.
    Status publishMissedNow(const Actor &actor, const QString &postId);
    // Gives a post a new time (ahead of now). Its author or a manager may move a draft or a post in review; an
    // approved or scheduled post moved by anyone but a manager goes back to review (a new time is an edit of what
    // was approved); a missed post gets a new time from a manager; a post going out or out cannot move.
    Status reschedulePost(const Actor &actor, const QString &postId, qint64 atMs);
    // Attaches an image (a local file, with its alt text) to every variant of a post that is not out yet.
    Status addPostMedia(const Actor &actor, const QString &postId, const QString &path, const QString &mime,
                        qint64 bytes, const QString &altText);

    // Roster and workspace settings
    Result<QString> addTeam(const Actor &actor, const QString &name);
    Result<QString> addEmployee(const Actor &actor, const NewEmployee &employee);
    Status updateEmployee(const Actor &actor, const QString &employeeId, const NewEmployee &changes);
    Status setEmployeeActive(const Actor &actor, const QString &employeeId, bool active);
    Status setBusinessHours(const Actor &actor, const BusinessHours &hours);
    Status setSetting(const Actor &actor, const QString &key, const QString &value);
    // metric is one of the goals table's metrics (replies_per_week, median_first_response_minutes, ...).
    Result<QString> setGoal(const Actor &actor, const QString &employeeId, const QString &metric, double target);
    // Removes the employee's goal for `metric` (managers); nothing to remove is fine.
    Status removeGoal(const Actor &actor, const QString &employeeId, const QString &metric);

    // What time does by itself, run every minute by the process that syncs: snoozed conversations whose time came
    // are open again, and conversations past their first-response due time without an answer are recorded as SLA
    // breaches, once each. One event per change, by the system.
    // A search kept as a view of one's own (listed under "Saved searches"). Anyone signed in may keep views;
    // only their owner (or a manager, for a shared one) removes them.
    Result<QString> saveView(const Actor &actor, const QString &name, const QString &query);
    Status removeView(const Actor &actor, const QString &viewId);

    // Canned replies everyone can insert; people who triage write them (`id` empty: a new one). The body may use
    // the variables of CannedReplies.h.
    Result<QString> saveCannedReply(const Actor &actor, const QString &id, const QString &title, const QString &body);
    Status removeCannedReply(const Actor &actor, const QString &id);

    // Routing rules (managers and admins): a rule needs a name and at least one action; the id of `rule` is
    // ignored by addRule. Removing a rule keeps the events it wrote.
    Result<QString> addRule(const Actor &actor, const RoutingRule &rule);
    Status updateRule(const Actor &actor, const RoutingRule &rule);
    Status removeRule(const Actor &actor, const QString &ruleId);

    struct TimerOutcome {
        int woken = 0;
        int breached = 0;
    };
    Result<TimerOutcome> runTimers();

    // Bootstrap: the first admin of an empty workspace (no actor exists yet). Refused once anyone exists.
    Result<QString> createFirstAdmin(const QString &name, const QString &email = {});

    const Clock &clock() const { return m_clock; }
    IdSource &ids() { return m_ids; }
    SqliteDb &db() { return m_db; }

    // Appends an event; callers hold the transaction. Public for the ingest path and the demo generator, which
    // batch their own transactions.
    Status appendEvent(const Actor &actor, const QString &action, const QString &subjectType, const QString &subjectId,
                       const QString &conversationId, const QJsonObject &details = {});

private:
    Result<Role> requireEmployee(const Actor &actor);
    Status requireRole(const Actor &actor, bool (*allowed)(Role), const QString &what);
    Status requireConversation(const QString &conversationId);
    Result<QString> queueReply(const Actor &actor, const QString &conversationId, const QString &text,
                               const QString &draftId);
    Status changePostState(const Actor &actor, const QString &postId, PostState from, PostState to,
                           const QString &action, const QString &comment);

    SqliteDb &m_db;
    const Clock &m_clock;
    IdSource &m_ids;
};

} // namespace sb
