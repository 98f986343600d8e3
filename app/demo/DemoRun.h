#pragma once

// Internal to the demo generator: one run of the simulation, split over DemoGenerator.cpp (set-up, main loop),
// DemoConversations.cpp (the inbox) and DemoPosts.cpp (the calendar).

#include "core/BusinessHours.h"
#include "core/Clock.h"
#include "core/Domain.h"
#include "core/Ids.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoRandom.h"
#include "demo/DemoTexts.h"
#include "engine/Engine.h"
#include "store/Ingest.h"

#include <QElapsedTimer>
#include <queue>

#include <map>
#include <memory>
#include <vector>

namespace sb {
class SqliteDb;
class Transaction;
} // namespace sb

namespace sb::demo {

// Business-hours arithmetic over the simulated range, precomputed per day: the engine's BusinessHours builds
// QDateTimes for every call, which is too slow for millions of simulated delays.
class WorkCalendar {
public:
    WorkCalendar() = default;
    WorkCalendar(const BusinessHours &hours, QDate first, QDate last);
    qint64 addBusinessMinutes(qint64 fromMs, double minutes) const;
    int localHour(qint64 ms) const;
    int isoWeekday(qint64 ms) const;
    // The instant a local date and time in the workspace's zone stands for.
    qint64 at(QDate date, QTime time) const;

private:
    qsizetype dayIndex(qint64 ms) const;
    QDate m_first;
    QTimeZone m_zone;
    std::vector<qint64> m_dayStart; // local midnight of each day, plus one past the last
    std::vector<qint64> m_open; // 0 on days off
    std::vector<qint64> m_close;
};

// UUIDs in the version 7 layout: the simulated millisecond, then seeded random bits. Same seed and anchor, same
// ids; and because they rise with time, rows keyed by them are appended to their indexes instead of scattered over
// them, which keeps a million-item demo in the page cache.
class TimeOrderedIds final : public IdSource {
public:
    TimeOrderedIds(const Clock &clock, quint64 seed) : m_clock(clock), m_rng(seed) { }
    QString next() override;

private:
    const Clock &m_clock;
    Random m_rng;
};

struct Staff {
    QString id;
    QString first;
    QString initials;
    Role role = Role::CommunityManager;
    int team = 0; // 0 Support, 1 Brand
    double speed = 1.0; // multiplies response delays
};

enum StaffIndex { kAdmin, kManager, kJonas, kAylin, kSofia, kTom, kFelix, kPriya, kLukas, kStaffCount };

struct BrandAccount {
    QString id;
    Network network = Network::Mastodon;
    QString handle; // as the workspace stores it
    QString mention; // as customers write it in a post
    QString profileUrl; // base of our own items' URLs
    QString did; // Bluesky only
    std::vector<QString> recentPosts; // remote ids of our published posts, for customers replying to them
};

struct Customer {
    RemotePerson person;
    QString first;
    bool german = false;
    bool vip = false;
    int network = 0; // 0 Mastodon, 1 Bluesky
    QString instance;
};

// One inbound thread: what was planned when it was drawn, and where the simulation has got to.
struct Conversation {
    qint64 arrival = 0;
    quint32 customer = 0;
    quint8 account = 0;
    quint8 kind = 0; // 0 mention, 1 reply, 2 dm
    Topic topic = Topic::Shipping;
    quint8 turns = 1; // customer turns
    quint8 doubles = 0; // bit i: the customer sends a quick second message in turn i
    quint8 replies = 0; // bit i: the team answers turn i
    bool reopen = false; // the last turn comes after the conversation was resolved
    bool unassigned = false;

    quint8 turn = 0; // current customer turn
    quint8 sentInTurn = 0;
    quint8 revisions = 0;
    qint8 assignee = -1;
    qint8 handler = -1; // who answers: the assignee, or the person who triaged it
    qint8 author = -1; // who wrote the reply in flight
    qint8 triager = -1;
    qint8 escalateTo = -1; // a contributor the conversation is handed to after triage
    bool triaged = false;
    bool agentQueued = false;
    bool reopenPending = false;
    bool unread = false; // a customer message arrived since someone last opened the conversation
    ConversationStatus status = ConversationStatus::Open;
    qint64 secondMessageAt = 0;
    TextContext ctx;
    QString id;
    QString threadKey;
    QString lastRemote;
    QString pending; // outbox job or reply draft in flight
    QString replyText;
};

struct PostPlan {
    enum class Goal { Draft, InReview, Rejected, Approved, Scheduled, Published };
    Goal goal = Goal::Published;
    int campaign = -1; // index into the run's campaigns
    int author = kTom;
    qint64 createAt = 0;
    qint64 submitAt = 0;
    qint64 reviewAt = 0;
    qint64 scheduledAt = 0; // 0: not scheduled
    std::vector<int> accounts;
    std::vector<QString> texts; // one per account
    double reach = 1; // relative engagement once published
    QString id;
    std::vector<QString> variantIds;
    std::vector<QString> remoteIds; // once published
    int step = 0;
};

class DemoRun {
public:
    DemoRun(Workspace &workspace, const DemoOptions &options, const std::function<void(qint64, qint64)> &progress);
    ~DemoRun();
    Result<DemoStats> run();

    enum class Step : quint8 {
        Message,
        Poll,
        Triage, // open and read it
        Sort, // team, assignee, tags, priority
        Note,
        Escalate,
        Reply, // open the thread
        Compose, // the answer is written
        Review,
        Send,
        Resolve,
        Wake,
        Post,
    };

private:
    struct Action {
        qint64 at;
        quint64 order;
        quint32 subject;
        Step step;
        bool operator>(const Action &other) const { return at != other.at ? at > other.at : order > other.order; }
    };

    // DemoGenerator.cpp
    Status setUpWorkspace();
    void drawCustomers(qint64 expectedConversations);
    void schedule(qint64 at, Step step, quint32 subject);
    Status dispatch(const Action &action);
    Status commitBatch(bool reopen);
    Result<DemoStats> collectStats();

    // DemoConversations.cpp
    void planConversations();
    qint64 drawArrival();
    Topic drawTopic(qint64 at, int account);
    int chooseTriager(Topic topic);
    int chooseAssignee(Topic topic, int triager);
    int closerFor(const Conversation &c) const;
    qint64 businessDelay(qint64 from, int staff, double medianMinutes, double sigma = 1.0);
    Status customerMessage(quint32 index);
    Status poll();
    Status onInbound(quint32 index);
    Status triage(quint32 index);
    Status sort(quint32 index);
    Status note(quint32 index);
    void afterTriage(quint32 index);
    Status escalate(quint32 index);
    Status reply(quint32 index);
    Status compose(quint32 index);
    Status review(quint32 index);
    Status send(quint32 index);
    Status resolve(quint32 index);
    Status wake(quint32 index);
    QString nextRemoteId(int account, const Customer *author, QString *url);
    TextContext &textFor(Conversation &c, int writer);
    Status open(Conversation &c, const Actor &reader);
    // A few seconds to minutes later: one person's pause is a later step, never a jump of the shared clock.
    qint64 later(int minSeconds, int maxSeconds);

    // DemoPosts.cpp
    void planPosts();
    void addPost(PostPlan::Goal goal, int campaign, int author, qint64 scheduledAt, std::vector<int> accounts,
                 const QString &text, double reach);
    Status postStep(quint32 index);
    Status finishPosts();

    Workspace &m_workspace;
    SqliteDb &m_db;
    DemoOptions m_options;
    std::function<void(qint64, qint64)> m_progress;
    QElapsedTimer m_timer;

    ManualClock m_clock;
    TimeOrderedIds m_ids;
    Random m_rng;
    Engine m_engine;
    Ingestor m_ingestor;
    std::unique_ptr<Transaction> m_tx;

    qint64 m_startMs = 0; // first instant of the 90 days
    qint64 m_endMs = 0; // the demo's "now"
    QDate m_endDate;
    QDate m_launchDay;
    WorkCalendar m_calendar;
    std::vector<double> m_hourWeights; // cumulative arrival weight per hour from m_startMs

    std::vector<Staff> m_staff;
    std::vector<BrandAccount> m_accounts;
    std::vector<QString> m_teams;
    std::vector<Customer> m_customers;
    std::vector<quint32> m_customersByNetwork[2];
    std::vector<QString> m_campaigns;
    std::vector<Conversation> m_conversations;
    std::vector<PostPlan> m_posts;

    std::priority_queue<Action, std::vector<Action>, std::greater<>> m_queue;
    quint64 m_order = 0;
    size_t m_nextArrival = 0;

    std::vector<IncomingItem> m_inbox; // fetched by the next poll
    std::vector<quint32> m_inboxOwners;
    qint64 m_nextPollAt = 0;
    quint64 m_remoteCounter = 0;

    std::map<QString, int> m_repliesToPosts; // our posts' remote ids -> customer replies to them
    qint64 m_plannedItems = 0;
    qint64 m_ingested = 0;
    qint64 m_sinceCommit = 0;
    qint64 m_actionsSinceCommit = 0;
};

} // namespace sb::demo
