// The inbox half of the demo: customers write in, the team triages, answers (contributors through approval),
// and resolves, all through the ingest path and the engine at simulated times.
#include "demo/DemoRun.h"
#include "store/Sqlite.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace sb::demo {

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kPollInterval = 2 * kMinute; // how often the simulated sync fetches notifications

// Relative arrival rate by local hour and by ISO weekday (index 1 = Monday).
constexpr double kHourCurve[24] = {0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 0.5,  0.8, 1.0,  1.1, 1.1,
                                   1.0,  1.0,  1.05, 1.0,  0.95, 0.85, 0.8,  0.85, 0.9, 0.75, 0.5, 0.3};
constexpr double kWeekdayFactor[8] = {0, 1.1, 1.0, 1.0, 1.0, 0.9, 0.55, 0.5};
constexpr int kAccountNetwork[3] = {0, 1, 0}; // brand Mastodon, brand Bluesky, help desk Mastodon

QString kindName(int kind)
{
    switch (kind) {
    case 1: return QStringLiteral("reply");
    case 2: return QStringLiteral("dm");
    default: return QStringLiteral("mention");
    }
}

// AT Protocol record key: 64 bits of microseconds and clock id in base32-sortable, 13 characters.
QString tid(qint64 ms, quint64 n)
{
    static const char kAlphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
    const quint64 micros = quint64(ms) * 1000 + n % 1000;
    const quint64 value = ((micros << 10) | (n & 1023)) & 0x7FFFFFFFFFFFFFFFull;
    QString out(13, QLatin1Char('2'));
    for (int i = 0; i < 13; ++i) {
        out[i] = QLatin1Char(kAlphabet[(value >> (60 - 5 * i)) & 31]);
    }
    return out;
}

int topicTeam(Topic topic)
{
    switch (topic) {
    case Topic::Praise:
    case Topic::Feature:
    case Topic::Launch:
    case Topic::Event: return 1;
    default: return 0;
    }
}
} // namespace

void DemoRun::planConversations()
{
    const qint64 hours = (m_endMs - m_startMs) / kHour + 1;
    const qint64 launchStart = m_calendar.at(m_launchDay, QTime(0, 0));
    double total = 0;
    m_hourWeights.reserve(size_t(hours));
    for (qint64 h = 0; h < hours; ++h) {
        const qint64 t = m_startMs + h * kHour + kHour / 2;
        double w = kHourCurve[m_calendar.localHour(t)] * kWeekdayFactor[m_calendar.isoWeekday(t)];
        w *= 0.85 + 0.3 * double(h) / double(hours); // the brand grows over the quarter
        if (t >= launchStart) {
            const qint64 day = (t - launchStart) / kDay;
            w *= day == 0 ? 2.4 : day <= 2 ? 1.7 : day <= 7 ? 1.25 : 1.0;
        }
        total += w;
        m_hourWeights.push_back(total);
    }

    const qint64 expected = std::max<qint64>(1, m_options.items * 10 / 34);
    drawCustomers(expected);
    m_conversations.reserve(size_t(expected + expected / 5));
    while (m_plannedItems < m_options.items) {
        Conversation c;
        c.arrival = drawArrival();
        c.account = quint8(m_rng.weighted({0.4, 0.35, 0.25}));
        c.topic = drawTopic(c.arrival, c.account);
        const bool help = c.account == 2;
        c.kind = c.topic == Topic::Spam ? quint8(m_rng.chance(0.3) ? 2 : 0)
                                        : quint8(m_rng.weighted({0.5, help ? 0.1 : 0.28, help ? 0.4 : 0.22}));
        const auto &pool = m_customersByNetwork[kAccountNetwork[c.account]];
        // Skewed: a few regulars write again and again, most people once.
        c.customer = pool[std::min(pool.size() - 1, size_t(std::pow(m_rng.uniform(), 1.7) * double(pool.size())))];
        c.ctx = TextContext::draw(m_rng, m_customers[c.customer].german);

        const bool noReply
            = c.topic == Topic::Spam || (c.topic == Topic::Praise && m_rng.chance(0.45)) || m_rng.chance(0.03);
        if (noReply) {
            c.turns = 1;
            c.replies = 0;
        } else {
            int turns = 1;
            for (double p = 0.45; turns < 4 && m_rng.chance(p); p *= 0.7) {
                ++turns;
            }
            c.turns = quint8(turns);
            c.replies = 1;
            for (int i = 1; i < turns; ++i) {
                if (i < turns - 1 || m_rng.chance(0.5)) {
                    c.replies |= quint8(1u << i);
                }
            }
            c.reopen = turns >= 2 && m_rng.chance(0.08);
        }
        for (int i = 0; i < c.turns; ++i) {
            if (c.topic != Topic::Spam && m_rng.chance(i == 0 ? 0.22 : 0.12)) {
                c.doubles |= quint8(1u << i);
            }
        }
        c.unassigned = m_rng.chance(0.04);
        m_plannedItems += c.turns + std::popcount(c.doubles) + std::popcount(c.replies);
        m_conversations.push_back(std::move(c));
    }
    std::stable_sort(m_conversations.begin(), m_conversations.end(),
                     [](const Conversation &a, const Conversation &b) { return a.arrival < b.arrival; });
}

qint64 DemoRun::drawArrival()
{
    const double x = m_rng.uniform() * m_hourWeights.back();
    const auto hour = std::lower_bound(m_hourWeights.begin(), m_hourWeights.end(), x) - m_hourWeights.begin();
    return std::min(m_endMs, m_startMs + hour * kHour + qint64(m_rng.uniform() * double(kHour)));
}

Topic DemoRun::drawTopic(qint64 at, int account)
{
    const bool help = account == 2;
    const qint64 launch = m_calendar.at(m_launchDay, QTime(0, 0));
    double launchWeight = 0;
    if (at >= launch + 7 * kDay) {
        launchWeight = 0.08;
    } else if (at >= launch) {
        launchWeight = 0.22;
    } else if (at >= launch - 21 * kDay) {
        launchWeight = 0.05;
    }
    const double eventWeight = at >= m_endMs - 24 * kDay ? 0.06 : 0.0;
    const double h = help ? 1.5 : 1.0;
    const double weights[kTopicCount] = {
        0.20 * h,
        0.08 * h,
        0.08 * h,
        0.05 * h,
        0.13,
        0.06,
        help ? 0.04 : 0.10,
        0.08,
        0.04 * h,
        help ? 0.025 : 0.04,
        launchWeight * (help ? 0.5 : 1.0),
        eventWeight,
        0.025,
    };
    double sum = 0;
    for (double w : weights) {
        sum += w;
    }
    double x = m_rng.uniform() * sum;
    for (int i = 0; i < kTopicCount; ++i) {
        if (x < weights[i]) {
            return Topic(i);
        }
        x -= weights[i];
    }
    return Topic::Shipping;
}

int DemoRun::chooseTriager(Topic topic)
{
    if (m_rng.chance(0.05)) {
        return kManager;
    }
    if (topicTeam(topic) == 1 && m_rng.chance(0.7)) {
        return kTom;
    }
    return kJonas + m_rng.weighted({0.4, 0.3, 0.3});
}

int DemoRun::chooseAssignee(Topic topic, int triager)
{
    const bool triagerIsSupport = triager >= kJonas && triager <= kSofia;
    const int support = triagerIsSupport && m_rng.chance(0.6) ? triager : kJonas + m_rng.weighted({0.4, 0.3, 0.3});
    switch (topic) {
    case Topic::Shipping: return m_rng.chance(0.15) ? int(kPriya) : support;
    case Topic::Billing: return m_rng.chance(0.4) ? int(kLukas) : support;
    case Topic::Product: {
        const int pick = m_rng.weighted({0.4, 0.3, 0.3});
        return pick == 0 ? int(kFelix) : pick == 1 ? int(kTom) : support;
    }
    case Topic::Sizing: {
        const int pick = m_rng.weighted({0.2, 0.3, 0.5});
        return pick == 0 ? int(kFelix) : pick == 1 ? int(kTom) : support;
    }
    case Topic::Praise:
    case Topic::Launch:
    case Topic::Event:
    case Topic::Feature: {
        const int pick = m_rng.weighted({0.7, 0.2, 0.1});
        const bool product = topic == Topic::Feature || topic == Topic::Launch;
        return pick == 0 ? int(kTom) : pick == 1 ? support : product ? int(kFelix) : int(kTom);
    }
    case Topic::Complaint: return m_rng.chance(0.25) ? int(kManager) : support;
    case Topic::Bug: return m_rng.chance(0.3) ? int(kFelix) : support;
    default: return support;
    }
}

int DemoRun::closerFor(const Conversation &c) const
{
    // Contributors may not change a conversation's status: the person who triaged it closes it for them.
    return canTriage(m_staff[c.handler].role) ? c.handler : c.triager;
}

qint64 DemoRun::businessDelay(qint64 from, int staff, double medianMinutes, double sigma)
{
    const double minutes = m_rng.logNormal(medianMinutes * m_staff[staff].speed, sigma);
    const qint64 jitter = qint64(m_rng.below(60)) * kSecond;
    if (m_rng.chance(0.07)) {
        // On call: someone picks it up from their phone in the evening or at the weekend.
        return from + qint64(std::min(minutes, 90.0) * double(kMinute)) + jitter;
    }
    return m_calendar.addBusinessMinutes(from, minutes) + jitter;
}

TextContext &DemoRun::textFor(Conversation &c, int writer)
{
    TextContext &ctx = c.ctx;
    ctx.name = m_customers[c.customer].first;
    ctx.brand = m_accounts[c.account].mention;
    if (writer >= 0) {
        ctx.agent = m_staff[writer].first;
        ctx.initials = m_staff[writer].initials;
    }
    return ctx;
}

QString DemoRun::nextRemoteId(int account, const Customer *author, QString *url)
{
    const BrandAccount &brand = m_accounts[account];
    const qint64 now = m_clock.nowMs();
    const quint64 n = m_remoteCounter++;
    if (brand.network == Network::Mastodon) {
        // Mastodon ids are snowflakes: milliseconds shifted left 16 bits plus a sequence.
        const QString id = QString::number((quint64(now) << 16) | (n & 0xffff));
        if (url) {
            *url = author ? QString(QStringLiteral("https://") + author->instance + QStringLiteral("/@")
                                    + author->person.handle.section(QLatin1Char('@'), 1, 1) + QLatin1Char('/') + id)
                          : QString(brand.profileUrl + QLatin1Char('/') + id);
        }
        return id;
    }
    const QString key = tid(now, n);
    if (url) {
        *url = QStringLiteral("https://bsky.app/profile/") + (author ? author->person.handle : brand.handle)
            + QStringLiteral("/post/") + key;
    }
    return QStringLiteral("at://") + (author ? author->person.remoteId : brand.did)
        + QStringLiteral("/app.bsky.feed.post/") + key;
}

Status DemoRun::customerMessage(quint32 index)
{
    Conversation &c = m_conversations[index];
    const Customer &who = m_customers[c.customer];
    BrandAccount &brand = m_accounts[c.account];
    const TextBank &bank = TextBank::instance();
    const qint64 now = m_clock.nowMs();
    const bool first = c.threadKey.isEmpty();
    TextContext &ctx = textFor(c, c.handler);

    QString text;
    if (first) {
        text = bank.customerOpening(c.topic, ctx, m_rng);
    } else if (c.sentInTurn > 0) {
        text = bank.customerAddendum(c.topic, ctx, m_rng);
    } else {
        const bool satisfied = c.turn == c.turns - 1 && !c.reopen;
        text = bank.customerFollowUp(c.topic, satisfied, ctx, m_rng);
    }
    if (c.kind != 2 || brand.network == Network::Mastodon) {
        text = brand.mention + QLatin1Char(' ') + text; // Mastodon direct messages are mentions too
    }

    IncomingItem item;
    item.accountId = brand.id;
    item.kind = kindName(c.kind);
    if (c.kind == 2 && brand.network == Network::Bluesky) {
        if (first) {
            c.threadKey = QStringLiteral("chat:") + tid(now, m_remoteCounter++);
        }
        item.remoteId = c.threadKey + QLatin1Char('/') + tid(now, m_remoteCounter++);
    } else {
        item.remoteId = nextRemoteId(c.account, &who, &item.url);
        if (first) {
            c.threadKey = item.remoteId;
        }
    }
    if (first && c.kind == 1) {
        if (brand.recentPosts.empty()) {
            item.parentRemoteId = nextRemoteId(c.account, nullptr, nullptr); // a post from before our history
        } else {
            const size_t back = m_rng.below(quint32(std::min<size_t>(4, brand.recentPosts.size())));
            item.parentRemoteId = brand.recentPosts[brand.recentPosts.size() - 1 - back];
            ++m_repliesToPosts[item.parentRemoteId];
        }
    } else if (!first) {
        item.parentRemoteId = c.lastRemote;
    }
    item.threadKey = c.threadKey;
    item.text = text;
    item.lang = ctx.german ? QStringLiteral("de") : QStringLiteral("en");
    item.createdAt = now;
    item.author = who.person;
    c.lastRemote = item.remoteId;
    m_inbox.push_back(std::move(item));
    m_inboxOwners.push_back(index);

    if (++c.sentInTurn == 1 && (c.doubles >> c.turn) & 1) {
        c.secondMessageAt = now + qint64(m_rng.logNormal(3, 0.6) * double(kMinute)) + kSecond;
        schedule(c.secondMessageAt, Step::Message, index);
    }
    const qint64 tick = (now / kPollInterval + 1) * kPollInterval;
    if (m_nextPollAt != tick) {
        schedule(tick, Step::Poll, 0);
        m_nextPollAt = tick;
    }
    return success();
}

Status DemoRun::poll()
{
    if (m_inbox.empty()) {
        return success();
    }
    // Each account's newest id goes into its sync cursor, in the same transaction as the items.
    std::vector<CursorUpdate> cursors;
    for (const IncomingItem &item : m_inbox) {
        const QString feed = item.remoteId.startsWith(QLatin1String("chat:")) ? QStringLiteral("chat")
                                                                              : QStringLiteral("notifications");
        auto it = std::find_if(cursors.begin(), cursors.end(),
                               [&](const CursorUpdate &u) { return u.accountId == item.accountId && u.feed == feed; });
        if (it == cursors.end()) {
            CursorUpdate cursor;
            cursor.accountId = item.accountId;
            cursor.feed = feed;
            cursor.newest = item.remoteId;
            cursors.push_back(std::move(cursor));
        } else {
            it->newest = item.remoteId;
        }
    }
    SB_TRY(m_ingestor.ingest(m_inbox, cursors));
    m_ingested += qint64(m_inbox.size());
    m_sinceCommit += qint64(m_inbox.size());
    m_inbox.clear();
    const std::vector<quint32> owners = std::exchange(m_inboxOwners, {});
    for (quint32 index : owners) {
        SB_TRY(onInbound(index));
    }
    return success();
}

Status DemoRun::open(Conversation &c, const Actor &reader)
{
    if (!c.unread) {
        return success(); // the engine would find nothing to mark
    }
    c.unread = false;
    return m_engine.markRead(reader, c.id);
}

qint64 DemoRun::later(int minSeconds, int maxSeconds)
{
    return m_clock.nowMs() + m_rng.between(minSeconds * 1000, maxSeconds * 1000);
}

Status DemoRun::onInbound(quint32 index)
{
    Conversation &c = m_conversations[index];
    c.unread = true;
    if (c.id.isEmpty()) {
        Statement &st = m_db.cached("SELECT id FROM conversations WHERE account_id = ? AND thread_key = ?");
        st.bindAll(m_accounts[c.account].id, c.threadKey);
        if (!st.next()) {
            return makeError(ErrorKind::Storage,
                             QStringLiteral("demo: ingested thread %1 has no conversation").arg(c.threadKey));
        }
        c.id = st.text(0);
        st.reset();
    }
    if (c.status == ConversationStatus::Resolved || c.status == ConversationStatus::Snoozed) {
        c.status = ConversationStatus::Open; // the ingest path reopened it
    }
    if (c.agentQueued) {
        return success();
    }
    c.agentQueued = true;
    const qint64 now = m_clock.nowMs();
    const qint64 afterSecond = c.secondMessageAt + 3 * kMinute;
    if (!c.triaged) {
        c.triager = qint8(chooseTriager(c.topic));
        c.handler = c.triager;
        schedule(std::max(businessDelay(now, c.triager, 12, 1.0), afterSecond), Step::Triage, index);
        return success();
    }
    const bool answer = (c.replies >> c.turn) & 1;
    const qint64 at = businessDelay(now, answer ? c.handler : closerFor(c), answer ? 22 : 30, 0.9);
    schedule(std::max(at, afterSecond), answer ? Step::Reply : Step::Resolve, index);
    return success();
}

Status DemoRun::triage(quint32 index)
{
    Conversation &c = m_conversations[index];
    c.triaged = true;
    SB_TRY(open(c, Actor::employee(m_staff[c.triager].id)));
    schedule(later(5, 40), Step::Sort, index); // reading it
    return success();
}

Status DemoRun::sort(quint32 index)
{
    Conversation &c = m_conversations[index];
    const Actor actor = Actor::employee(m_staff[c.triager].id);
    if (c.topic == Topic::Spam) {
        SB_TRY(m_engine.markSpam(actor, c.id, true));
        schedule(later(3, 20), Step::Resolve, index);
        return success();
    }
    SB_TRY(m_engine.assignTeam(actor, c.id, m_teams[topicTeam(c.topic)]));
    if (!c.unassigned) {
        const int assignee = chooseAssignee(c.topic, c.triager);
        const bool handOver = m_staff[assignee].role == Role::Contributor && m_rng.chance(0.5);
        const int first = handOver ? int(c.triager) : assignee;
        SB_TRY(m_engine.assign(actor, c.id, m_staff[first].id));
        c.assignee = qint8(first);
        c.handler = qint8(first);
        c.escalateTo = handOver ? qint8(assignee) : qint8(-1);
    }

    SB_TRY(m_engine.addTag(actor, c.id, topicTag(c.topic)));
    int priority = 0;
    switch (c.topic) {
    case Topic::Complaint: priority = m_rng.chance(0.25) ? 3 : 2; break;
    case Topic::Bug: priority = 2; break;
    case Topic::Billing: priority = 1; break;
    case Topic::Shipping: priority = m_rng.chance(0.2) ? 1 : 0; break;
    case Topic::Launch: priority = 1; break;
    default: break;
    }
    if (priority > 0) {
        SB_TRY(m_engine.setPriority(actor, c.id, priority));
    }
    if (priority == 3) {
        SB_TRY(m_engine.addTag(actor, c.id, QStringLiteral("urgent")));
    }
    if (m_customers[c.customer].vip) {
        SB_TRY(m_engine.addTag(actor, c.id, QStringLiteral("vip")));
    }
    if (c.topic == Topic::Complaint && m_rng.chance(0.3)) {
        SB_TRY(m_engine.addTag(actor, c.id, QStringLiteral("warranty")));
    }
    if (c.topic == Topic::Shipping && m_rng.chance(0.15)) {
        SB_TRY(m_engine.addTag(actor, c.id, QStringLiteral("carrier-delay")));
    }
    if (m_rng.chance(0.12)) {
        schedule(later(20, 120), Step::Note, index); // writing it
    } else {
        afterTriage(index);
    }
    return success();
}

Status DemoRun::note(quint32 index)
{
    Conversation &c = m_conversations[index];
    TextContext &ctx = textFor(c, c.triager);
    int colleague = kManager + int(m_rng.below(kStaffCount - kManager));
    if (colleague == c.triager) {
        colleague = colleague == kManager ? int(kJonas) : int(kManager);
    }
    ctx.colleague = m_staff[colleague].first;
    SB_TRY(m_engine.addNote(Actor::employee(m_staff[c.triager].id), c.id,
                            TextBank::instance().note(c.topic, false, ctx, m_rng)));
    afterTriage(index);
    return success();
}

void DemoRun::afterTriage(quint32 index)
{
    Conversation &c = m_conversations[index];
    const qint64 now = m_clock.nowMs();
    if (c.escalateTo >= 0) {
        schedule(businessDelay(now, c.handler, 15, 1.0), Step::Escalate, index);
    } else if (c.replies & 1) {
        schedule(std::max(businessDelay(now, c.handler, 25, 0.9), c.secondMessageAt + 3 * kMinute), Step::Reply, index);
    } else {
        schedule(businessDelay(now, c.handler, 20, 1.0), Step::Resolve, index);
    }
}

Status DemoRun::escalate(quint32 index)
{
    Conversation &c = m_conversations[index];
    const Actor actor = Actor::employee(m_staff[c.handler].id);
    TextContext &ctx = textFor(c, c.handler);
    ctx.colleague = m_staff[c.escalateTo].first;
    SB_TRY(m_engine.addNote(actor, c.id, TextBank::instance().note(c.topic, true, ctx, m_rng)));
    SB_TRY(m_engine.assign(actor, c.id, m_staff[c.escalateTo].id));
    c.assignee = c.escalateTo;
    c.handler = c.escalateTo;
    c.escalateTo = -1;
    schedule(businessDelay(m_clock.nowMs(), c.handler, 40, 0.9), Step::Reply, index);
    return success();
}

Status DemoRun::reply(quint32 index)
{
    Conversation &c = m_conversations[index];
    if (c.status == ConversationStatus::Pending) {
        SB_TRY(m_engine.setStatus(Actor::employee(m_staff[closerFor(c)].id), c.id, ConversationStatus::Open));
        c.status = ConversationStatus::Open;
    }
    SB_TRY(open(c, Actor::employee(m_staff[c.handler].id)));
    schedule(later(30, 240), Step::Compose, index); // reading the thread, typing the answer
    return success();
}

Status DemoRun::compose(quint32 index)
{
    Conversation &c = m_conversations[index];
    const int writer = c.handler;
    const bool closing = c.turn > 0 && c.turn == c.turns - 1 && !c.reopen;
    c.replyText = TextBank::instance().agentReply(c.topic, c.turn, closing, textFor(c, writer), m_rng);
    auto outcome = m_engine.submitReply(Actor::employee(m_staff[writer].id), c.id, c.replyText);
    SB_TRY(outcome);
    c.author = qint8(writer);
    if (!outcome.value().outboxJobId.isEmpty()) {
        c.pending = outcome.value().outboxJobId;
        schedule(later(15, 90), Step::Send, index);
    } else {
        c.pending = outcome.value().replyDraftId;
        schedule(businessDelay(m_clock.nowMs(), kManager, 25, 0.8), Step::Review, index);
    }
    return success();
}

Status DemoRun::review(quint32 index)
{
    Conversation &c = m_conversations[index];
    const Actor manager = Actor::employee(m_staff[kManager].id);
    if (c.revisions == 0 && m_rng.chance(0.1)) {
        SB_TRY(m_engine.rejectReply(manager, c.pending, TextBank::instance().replyRejection(m_rng)));
        ++c.revisions;
        c.pending.clear();
        schedule(businessDelay(m_clock.nowMs(), c.author, 30, 0.8), Step::Reply, index);
        return success();
    }
    QString edited;
    if (m_rng.chance(0.12)) {
        edited = TextBank::instance().agentReply(c.topic, c.turn, false, textFor(c, c.author), m_rng);
    }
    auto job = m_engine.approveReply(manager, c.pending, edited);
    SB_TRY(job);
    if (!edited.isEmpty()) {
        c.replyText = edited;
    }
    c.pending = job.value();
    schedule(m_clock.nowMs() + m_rng.between(30, 150) * kSecond, Step::Send, index);
    return success();
}

Status DemoRun::send(quint32 index)
{
    Conversation &c = m_conversations[index];
    const BrandAccount &brand = m_accounts[c.account];
    const qint64 now = m_clock.nowMs();

    // What the channel layer does once the network accepted the reply: store our own item, complete the job.
    IncomingItem item;
    item.accountId = brand.id;
    item.outbound = true;
    item.kind = c.kind == 2 ? QStringLiteral("dm") : QStringLiteral("reply");
    item.remoteId = c.kind == 2 && brand.network == Network::Bluesky
        ? c.threadKey + QLatin1Char('/') + tid(now, m_remoteCounter++)
        : nextRemoteId(c.account, nullptr, &item.url);
    item.threadKey = c.threadKey;
    item.parentRemoteId = c.lastRemote;
    item.text = c.replyText;
    item.lang = c.ctx.german ? QStringLiteral("de") : QStringLiteral("en");
    item.createdAt = now;
    item.authorEmployeeId = m_staff[c.author].id;
    SB_TRY(m_ingestor.ingest({item}));
    ++m_ingested;
    ++m_sinceCommit;
    Statement &seq = m_db.cached("SELECT seq FROM items WHERE account_id = ? AND remote_id = ?");
    seq.bindAll(brand.id, item.remoteId);
    const qint64 itemSeq = seq.next() ? seq.int64(0) : 0;
    seq.reset();
    SB_TRY(m_engine.completeOutboxJob(c.pending, item.remoteId, itemSeq));
    c.pending.clear();
    c.replyText.clear();
    c.revisions = 0;
    c.lastRemote = item.remoteId;
    c.sentInTurn = 0;
    ++c.turn;

    const int closer = closerFor(c);
    const Actor closerActor = Actor::employee(m_staff[closer].id);
    if (c.turn < c.turns) {
        if (c.reopen && c.turn == c.turns - 1) {
            // Looks settled: resolved now, and the customer comes back days later.
            c.reopenPending = true;
            schedule(businessDelay(now, closer, 60, 1.0), Step::Resolve, index);
            return success();
        }
        if (m_rng.chance(0.3)) {
            SB_TRY(m_engine.setStatus(closerActor, c.id, ConversationStatus::Pending));
            c.status = ConversationStatus::Pending;
        }
        c.agentQueued = false;
        const double minutes = std::min(m_rng.logNormal(45, 1.3), 3.0 * 24 * 60);
        schedule(now + qint64(minutes * double(kMinute)) + m_rng.below(60) * kSecond, Step::Message, index);
        return success();
    }
    switch (m_rng.weighted({0.8, 0.07, 0.06, 0.07})) {
    case 0: schedule(businessDelay(now, closer, 90, 1.0), Step::Resolve, index); break;
    case 1: // waiting for an answer that never comes; closed after a few days
        SB_TRY(m_engine.setStatus(closerActor, c.id, ConversationStatus::Pending));
        c.status = ConversationStatus::Pending;
        schedule(m_calendar.addBusinessMinutes(now + m_rng.between(3, 5) * kDay, 30), Step::Resolve, index);
        break;
    case 2: { // "we'll check back when the restock arrives"
        const qint64 until = now + m_rng.between(2, 7) * kDay;
        SB_TRY(m_engine.setStatus(closerActor, c.id, ConversationStatus::Snoozed, until));
        c.status = ConversationStatus::Snoozed;
        schedule(until, Step::Wake, index);
        break;
    }
    default:
        schedule(m_calendar.addBusinessMinutes(now + qint64(m_rng.logNormal(1.5, 0.7) * double(kDay)), 10),
                 Step::Resolve, index);
        break;
    }
    return success();
}

Status DemoRun::resolve(quint32 index)
{
    Conversation &c = m_conversations[index];
    c.agentQueued = false;
    const Actor actor = Actor::employee(m_staff[closerFor(c)].id);
    SB_TRY(open(c, actor));
    SB_TRY(m_engine.setStatus(actor, c.id, ConversationStatus::Resolved));
    c.status = ConversationStatus::Resolved;
    if (c.reopenPending) {
        c.reopenPending = false;
        schedule(m_clock.nowMs() + m_rng.between(1, 6) * kDay + m_rng.below(12) * kHour, Step::Message, index);
    }
    return success();
}

Status DemoRun::wake(quint32 index)
{
    Conversation &c = m_conversations[index];
    if (c.status != ConversationStatus::Snoozed) {
        return success();
    }
    // The snooze ran out: the system puts it back in the inbox and its owner closes it.
    SB_TRY(m_engine.setStatus(Actor::system(), c.id, ConversationStatus::Open));
    c.status = ConversationStatus::Open;
    schedule(businessDelay(m_clock.nowMs(), closerFor(c), 45, 1.0), Step::Resolve, index);
    return success();
}

} // namespace sb::demo
