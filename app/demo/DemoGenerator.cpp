#include "demo/DemoGenerator.h"

#include "demo/DemoRun.h"
#include "engine/Routing.h"
#include "metrics/EngagementRollups.h"
#include "store/Sqlite.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <limits>

Q_LOGGING_CATEGORY(lcDemo, "switchboard.demo")

namespace sb {

namespace demo {

namespace {
constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kHistoryDays = 90;
// Items per outer transaction. Engine calls nest inside as savepoints; a commit every few thousand items keeps the
// WAL small without paying for a commit per call.
constexpr qint64 kBatchItems = 5000;
constexpr qint64 kBatchActions = 20000;

struct StaffSeed {
    const char *name;
    Role role;
    int team; // -1 none, 0 Support, 1 Brand
    double speed;
};

constexpr StaffSeed kStaffSeeds[kStaffCount] = {
    {"Katrin Vogel", Role::Admin, -1, 1.5},
    {"Miriam Hoffmann", Role::Manager, 1, 1.2},
    {"Jonas Becker", Role::CommunityManager, 0, 0.7},
    {"Aylin Demir", Role::CommunityManager, 0, 1.0},
    {"Sofia Lindqvist", Role::CommunityManager, 0, 0.85},
    {"Tom Richter", Role::CommunityManager, 1, 1.35},
    {"Felix Wagner", Role::Contributor, 1, 2.0},
    {"Priya Nair", Role::Contributor, 0, 1.7},
    {"Lukas Schneider", Role::Contributor, 0, 2.3},
};

// Generation touches every index at random places (UUID keys), so a page cache much larger than the connection's
// default keeps a large demo in memory instead of re-reading pages; the previous size comes back afterwards.
class ScopedCacheSize {
public:
    ScopedCacheSize(SqliteDb &db, qint64 kib) : m_db(db), m_previous(db.scalarInt(QStringLiteral("PRAGMA cache_size")))
    {
        const qint64 previousKib = m_previous < 0 ? -m_previous : m_previous * 4;
        if (kib > previousKib) {
            (void)m_db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(-kib));
        }
    }
    ~ScopedCacheSize() { (void)m_db.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_previous)); }
    ScopedCacheSize(const ScopedCacheSize &) = delete;
    ScopedCacheSize &operator=(const ScopedCacheSize &) = delete;

private:
    SqliteDb &m_db;
    qint64 m_previous;
};

// Some engine calls step a cached SELECT and leave it unreset until its next use. A statement left that way keeps
// the connection's read transaction open past COMMIT, and SQLite then skips the automatic WAL checkpoint: the WAL
// would grow by gigabytes over a large demo and every page read would get slower. Between batches nothing is
// running, so resetting whatever is still active is safe.
void releaseReads(SqliteDb &db)
{
    for (sqlite3_stmt *st = sqlite3_next_stmt(db.handle(), nullptr); st; st = sqlite3_next_stmt(db.handle(), st)) {
        if (sqlite3_stmt_busy(st)) {
            sqlite3_reset(st);
        }
    }
}

QString emailFor(const QString &name)
{
    QString local = name.toLower();
    local.replace(QLatin1Char(' '), QLatin1Char('.'));
    return local + QStringLiteral("@northwind-outfitters.example");
}
} // namespace

QString TimeOrderedIds::next()
{
    const quint64 hi = (quint64(m_clock.nowMs()) & 0xFFFF'FFFF'FFFFull) << 16 | 0x7000 | (m_rng.bits64() & 0x0FFF);
    const quint64 lo = (m_rng.bits64() & 0x3FFF'FFFF'FFFF'FFFFull) | 0x8000'0000'0000'0000ull;
    static const char kHex[] = "0123456789abcdef";
    char text[36];
    int at = 0;
    for (int nibble = 0; nibble < 32; ++nibble) {
        if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) {
            text[at++] = '-';
        }
        const quint64 word = nibble < 16 ? hi : lo;
        text[at++] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xF];
    }
    return QString::fromLatin1(text, 36);
}

WorkCalendar::WorkCalendar(const BusinessHours &hours, QDate first, QDate last) : m_first(first), m_zone(hours.zone)
{
    for (QDate d = first; d <= last.addDays(1); d = d.addDays(1)) {
        m_dayStart.push_back(QDateTime(d, QTime(0, 0), m_zone).toMSecsSinceEpoch());
        const bool working = d <= last && hours.isWorkingDay(d.dayOfWeek());
        m_open.push_back(working ? QDateTime(d, hours.start, m_zone).toMSecsSinceEpoch() : 0);
        m_close.push_back(working ? QDateTime(d, hours.end, m_zone).toMSecsSinceEpoch() : 0);
    }
}

qsizetype WorkCalendar::dayIndex(qint64 ms) const
{
    const auto it = std::upper_bound(m_dayStart.begin(), m_dayStart.end(), ms);
    return std::clamp<qsizetype>(it - m_dayStart.begin() - 1, 0, qsizetype(m_dayStart.size()) - 2);
}

qint64 WorkCalendar::addBusinessMinutes(qint64 fromMs, double minutes) const
{
    qint64 remaining = qint64(minutes * double(kMinute));
    for (qsizetype d = dayIndex(fromMs); d < qsizetype(m_open.size()); ++d) {
        if (m_close[d] == 0 || m_close[d] <= fromMs) {
            continue;
        }
        const qint64 begin = std::max(fromMs, m_open[d]);
        if (remaining <= m_close[d] - begin) {
            return begin + remaining;
        }
        remaining -= m_close[d] - begin;
    }
    return fromMs + remaining;
}

int WorkCalendar::localHour(qint64 ms) const
{
    const qsizetype d = dayIndex(ms);
    const qint64 dayLength = m_dayStart[d + 1] - m_dayStart[d]; // 23 or 25 hours on daylight-saving days
    return int(std::clamp<qint64>((ms - m_dayStart[d]) * 24 / dayLength, 0, 23));
}

int WorkCalendar::isoWeekday(qint64 ms) const
{
    return m_first.addDays(dayIndex(ms)).dayOfWeek();
}

qint64 WorkCalendar::at(QDate date, QTime time) const
{
    return QDateTime(date, time, m_zone).toMSecsSinceEpoch();
}

DemoRun::DemoRun(Workspace &workspace, const DemoOptions &options, const std::function<void(qint64, qint64)> &progress)
    : m_workspace(workspace), m_db(workspace.db()), m_options(options), m_progress(progress),
      m_ids(m_clock, options.seed), m_rng(options.seed * 0x9E3779B97F4A7C15ull + 0x5eed),
      m_engine(m_db, m_clock, m_ids), m_ingestor(m_db, m_clock, m_ids)
{
    if (options.anchor.isValid()) {
        m_endDate = options.anchor;
        m_endMs = QDateTime(options.anchor.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - 1;
    } else {
        m_endMs = QDateTime::currentMSecsSinceEpoch();
        m_endDate = QDateTime::fromMSecsSinceEpoch(m_endMs, Qt::UTC).date();
    }
    m_startMs = m_endMs - kHistoryDays * kDay;
    m_launchDay = m_endDate.addDays(-12);

    BusinessHours hours;
    hours.zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
    hours.start = QTime(9, 0);
    hours.end = QTime(17, 30);
    m_calendar = WorkCalendar(hours, m_endDate.addDays(-kHistoryDays - 30), m_endDate.addDays(90));
}

DemoRun::~DemoRun() = default;

void DemoRun::schedule(qint64 at, Step step, quint32 subject)
{
    m_queue.push(Action {at, m_order++, subject, step});
}

void DemoRun::drawCustomers(qint64 expectedConversations)
{
    const TextBank &bank = TextBank::instance();
    const qint64 perNetwork[2] = {std::max<qint64>(40, expectedConversations * 65 / 100 / 2),
                                  std::max<qint64>(30, expectedConversations * 35 / 100 / 2)};
    static const char *const kSuffixes[] = {"", "", "", "_", "x", "hikes", "outdoors", "trails", ".berlin", "88"};
    for (int network = 0; network < 2; ++network) {
        for (qint64 i = 0; i < perNetwork[network]; ++i) {
            Customer c;
            c.network = network;
            c.first = bank.firstNames()[m_rng.below(quint32(bank.firstNames().size()))];
            const QString last = bank.lastNames()[m_rng.below(quint32(bank.lastNames().size()))];
            c.german = m_rng.chance(0.3);
            c.vip = m_rng.chance(0.02);
            QString base;
            switch (m_rng.below(5)) {
            case 0: base = c.first + last; break;
            case 1: base = c.first + QLatin1Char('_') + last; break;
            case 2: base = c.first + last.left(1); break;
            case 3: base = c.first + QString::number(m_rng.between(1, 99)); break;
            default: base = last + c.first.left(1); break;
            }
            // Handles are ASCII: fold umlauts and accents the way people do.
            base = base.toLower()
                       .replace(QStringLiteral("ä"), QStringLiteral("ae"))
                       .replace(QStringLiteral("ö"), QStringLiteral("oe"))
                       .replace(QStringLiteral("ü"), QStringLiteral("ue"))
                       .replace(QStringLiteral("ß"), QStringLiteral("ss"));
            base = base.normalized(QString::NormalizationForm_KD);
            base.removeIf([](QChar ch) { return ch.unicode() > 127 || ch == QLatin1Char('\'') || ch.isSpace(); });
            base += QLatin1String(kSuffixes[m_rng.below(std::size(kSuffixes))]);
            base += QString::number(i); // keeps handles distinct across the pool

            switch (m_rng.below(6)) {
            case 0: c.person.displayName = c.first; break;
            case 1: c.person.displayName = c.first + QLatin1Char(' ') + last.left(1) + QLatin1Char('.'); break;
            case 2: c.person.displayName = c.first.toLower() + QStringLiteral(" 🏔️"); break;
            default: c.person.displayName = c.first + QLatin1Char(' ') + last; break;
            }
            if (network == 0) {
                c.instance = bank.mastodonInstances()[m_rng.below(quint32(bank.mastodonInstances().size()))];
                c.person.handle = QLatin1Char('@') + base + QLatin1Char('@') + c.instance;
                c.person.remoteId = QString::number(109000000000000000ull + m_rng.bits64() % 900000000000000ull);
            } else {
                const bool ownDomain = m_rng.chance(0.12);
                c.person.handle = base + (ownDomain ? QStringLiteral(".de") : QStringLiteral(".bsky.social"));
                QString did = QStringLiteral("did:plc:");
                for (int k = 0; k < 24; ++k) {
                    did += QLatin1Char("abcdefghijklmnopqrstuvwxyz234567"[m_rng.below(32)]);
                }
                c.person.remoteId = did;
            }
            m_customersByNetwork[network].push_back(quint32(m_customers.size()));
            m_customers.push_back(std::move(c));
        }
    }
}

Status DemoRun::setUpWorkspace()
{
    m_clock.setMs(m_calendar.at(QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC).date().addDays(-21), QTime(10, 0)));
    auto admin = m_engine.createFirstAdmin(QString::fromUtf8(kStaffSeeds[kAdmin].name),
                                           emailFor(QString::fromUtf8(kStaffSeeds[kAdmin].name)));
    SB_TRY(admin);
    const Actor boss = Actor::employee(admin.value());
    m_clock.advance(4 * kMinute);
    SB_TRY(m_engine.setSetting(boss, QStringLiteral("workspace_name"), QStringLiteral("Northwind Outfitters")));
    SB_TRY(m_engine.setSetting(boss, QStringLiteral("time_zone"), QStringLiteral("Europe/Berlin")));
    BusinessHours hours;
    hours.zone = QTimeZone(QByteArrayLiteral("Europe/Berlin"));
    hours.start = QTime(9, 0);
    hours.end = QTime(17, 30);
    SB_TRY(m_engine.setBusinessHours(boss, hours));
    for (const char *team : {"Support", "Brand"}) {
        m_clock.advance(kMinute);
        auto id = m_engine.addTeam(boss, QString::fromUtf8(team));
        SB_TRY(id);
        m_teams.push_back(id.value());
    }
    for (int i = 0; i < kStaffCount; ++i) {
        const StaffSeed &seed = kStaffSeeds[i];
        Staff s;
        const QString name = QString::fromUtf8(seed.name);
        s.first = name.section(QLatin1Char(' '), 0, 0);
        s.initials = name.left(1) + name.section(QLatin1Char(' '), 1, 1).left(1);
        s.role = seed.role;
        s.team = seed.team;
        s.speed = seed.speed;
        if (i == kAdmin) {
            s.id = admin.value();
        } else {
            m_clock.advance(2 * kMinute);
            auto id = m_engine.addEmployee(
                boss, {name, emailFor(name), seed.role, seed.team < 0 ? QString() : m_teams[seed.team]});
            SB_TRY(id);
            s.id = id.value();
        }
        m_staff.push_back(s);
    }

    struct AccountSeed {
        Network network;
        const char *handle, *mention, *display, *service, *remote, *profile;
        int sla;
    };
    const AccountSeed seeds[] = {
        {Network::Mastodon, "@northwind@mastodon.social", "@northwind", "Northwind Outfitters",
         "https://mastodon.social", "109348761200117345", "https://mastodon.social/@northwind", 240},
        {Network::Bluesky, "northwind.bsky.social", "@northwind.bsky.social", "Northwind Outfitters",
         "https://bsky.social", "did:plc:n7wkq3vd5hx2ru4lmf6yzpct", "https://bsky.app/profile/northwind.bsky.social",
         240},
        {Network::Mastodon, "@northwindhelp@fosstodon.org", "@northwindhelp", "Northwind Help", "https://fosstodon.org",
         "110082334507711902", "https://fosstodon.org/@northwindhelp", 120},
    };
    for (const AccountSeed &seed : seeds) {
        m_clock.advance(6 * kMinute);
        NewAccount account;
        account.network = seed.network;
        account.handle = QString::fromUtf8(seed.handle);
        account.displayName = QString::fromUtf8(seed.display);
        account.serviceUrl = QString::fromUtf8(seed.service);
        account.remoteId = QString::fromUtf8(seed.remote);
        account.slaMinutes = seed.sla;
        account.maxChars = seed.network == Network::Bluesky ? 300 : 500;
        auto id = m_engine.addAccount(boss, account);
        SB_TRY(id);
        BrandAccount brand;
        brand.id = id.value();
        brand.network = seed.network;
        brand.handle = account.handle;
        brand.mention = QString::fromUtf8(seed.mention);
        brand.profileUrl = QString::fromUtf8(seed.profile);
        brand.did = seed.network == Network::Bluesky ? account.remoteId : QString();
        m_accounts.push_back(brand);
    }

    // The manager sets goals the next morning, sized to the volume this workspace will see.
    m_clock.setMs(m_calendar.addBusinessMinutes(m_clock.nowMs() + 18 * kHour, 30));
    const Actor manager = Actor::employee(m_staff[kManager].id);
    const double weeks = kHistoryDays / 7.0;
    double outbound = 0;
    for (const Conversation &c : m_conversations) {
        outbound += std::popcount(c.replies);
    }
    const double perResponderWeek = outbound / weeks / 5.5;
    const auto roundTo5 = [](double v) { return std::max(5.0, std::round(v / 5) * 5); };
    for (int i = kJonas; i < kStaffCount; ++i) {
        const bool contributor = m_staff[i].role == Role::Contributor;
        const double share = contributor ? 0.25 : 1.0 / m_staff[i].speed;
        const struct {
            const char *metric;
            double target;
        } goals[] = {
            {"replies_per_week", roundTo5(perResponderWeek * share * 1.1)},
            {"median_first_response_minutes", contributor ? 120.0 : 45.0},
            {"resolved_per_week", roundTo5(perResponderWeek * share * 0.7)},
            {"sla_attainment_percent", contributor ? 80.0 : 90.0},
            {"posts_per_week",
             i == kTom         ? 3.0
                 : i == kFelix ? 1.0
                               : 0.0},
        };
        for (const auto &goal : goals) {
            if (goal.target <= 0) {
                continue;
            }
            m_clock.advance(kMinute);
            SB_TRY(m_engine.setGoal(manager, m_staff[i].id, QString::fromUtf8(goal.metric), goal.target));
        }
    }
    m_clock.advance(10 * kMinute);
    SB_TRY(m_engine.setGoal(manager, m_staff[kManager].id, QStringLiteral("sla_attainment_percent"), 92));

    // The answers the team gives every day, and two routing rules for what arrives from now on.
    const struct {
        const char *title, *body;
    } canned[] = {
        {"Where is my order",
         "Hi {first_name}, sorry for the wait! Could you send us your order number by DM? We "
         "will check with the carrier right away. {agent_first_name} from Northwind"},
        {"Refund started",
         "Hi {first_name}, your refund is on its way: it takes 3-5 business days to show on your "
         "statement. Thanks for your patience! {agent_first_name}"},
        {"Size advice",
         "Hi {first_name}, our boots run true to size; if you are between sizes, take the larger "
         "one. Happy hiking! {agent_first_name}"},
        {"Danke (DE)",
         "Hallo {first_name}, vielen Dank für deine Nachricht! Wir kümmern uns sofort darum. "
         "Viele Grüße, {agent_first_name} von Northwind"},
    };
    for (const auto &c : canned) {
        m_clock.advance(kMinute);
        SB_TRY(m_engine.saveCannedReply(manager, {}, QString::fromUtf8(c.title), QString::fromUtf8(c.body)));
    }
    RoutingRule refunds;
    refunds.name = QStringLiteral("Refunds to Support");
    refunds.keywords = {QStringLiteral("refund"), QStringLiteral("money back"), QStringLiteral("Erstattung"),
                        QStringLiteral("Geld zurück")};
    refunds.teamId = m_teams[0];
    refunds.tags = {QStringLiteral("refund")};
    refunds.priority = 2;
    RoutingRule german;
    german.name = QStringLiteral("German DMs to Aylin");
    german.language = QStringLiteral("de");
    german.kind = QStringLiteral("dm");
    german.assigneeId = m_staff[kAylin].id;
    for (const RoutingRule &rule : {refunds, german}) {
        m_clock.advance(kMinute);
        SB_TRY(m_engine.addRule(manager, rule));
    }

    NewCampaign launch;
    launch.name = QStringLiteral("Trailblazer 3 launch");
    launch.color = QStringLiteral("#e4572e");
    launch.startsOn = m_launchDay.addDays(-14);
    launch.endsOn = m_launchDay.addDays(30);
    launch.description
        = QStringLiteral("Teasers, launch day and the first month of the new Trailblazer 3 hiking boot.");
    NewCampaign event;
    event.name = QStringLiteral("Trail Days Innsbruck");
    event.color = QStringLiteral("#2f9e8f");
    event.startsOn = m_endDate.addDays(14);
    event.endsOn = m_endDate.addDays(16);
    event.description = QStringLiteral("Our community weekend in Innsbruck: guided hikes, repair café, boot testing.");
    for (const NewCampaign &campaign : {launch, event}) {
        m_clock.advance(25 * kMinute);
        auto id = m_engine.addCampaign(manager, campaign);
        SB_TRY(id);
        m_campaigns.push_back(id.value());
    }
    return success();
}

Status DemoRun::dispatch(const Action &action)
{
    switch (action.step) {
    case Step::Message: return customerMessage(action.subject);
    case Step::Poll: return poll();
    case Step::Triage: return triage(action.subject);
    case Step::Sort: return sort(action.subject);
    case Step::Note: return note(action.subject);
    case Step::Escalate: return escalate(action.subject);
    case Step::Reply: return reply(action.subject);
    case Step::Compose: return compose(action.subject);
    case Step::Review: return review(action.subject);
    case Step::Send: return send(action.subject);
    case Step::Resolve: return resolve(action.subject);
    case Step::Wake: return wake(action.subject);
    case Step::Post: return postStep(action.subject);
    }
    return success();
}

Status DemoRun::commitBatch(bool reopen)
{
    if (m_tx) {
        releaseReads(m_db);
        SB_TRY(m_tx->commit());
        m_tx.reset();
    }
    m_sinceCommit = 0;
    m_actionsSinceCommit = 0;
    if (m_progress) {
        m_progress(std::min(m_ingested, m_plannedItems), m_plannedItems);
    }
    if (reopen) {
        m_tx = std::make_unique<Transaction>(m_db);
        SB_TRY(m_tx->began());
    }
    return success();
}

Result<DemoStats> DemoRun::run()
{
    m_timer.start();
    const ScopedCacheSize cache(m_db, std::min<qint64>(1 << 20, m_options.items * 2)); // KiB, at most 1 GiB
    planConversations();
    planPosts();
    SB_TRY(commitBatch(true));
    SB_TRY(setUpWorkspace());
    for (quint32 i = 0; i < m_posts.size(); ++i) {
        schedule(m_posts[i].createAt, Step::Post, i);
    }

    constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    for (;;) {
        const qint64 arrivalAt
            = m_nextArrival < m_conversations.size() ? m_conversations[m_nextArrival].arrival : kNever;
        const qint64 queuedAt = m_queue.empty() ? kNever : m_queue.top().at;
        if (std::min(arrivalAt, queuedAt) > m_endMs) {
            break;
        }
        Action action {};
        if (arrivalAt <= queuedAt) {
            action = Action {arrivalAt, 0, quint32(m_nextArrival++), Step::Message};
        } else {
            action = m_queue.top();
            m_queue.pop();
        }
        m_clock.setMs(std::max(action.at, m_clock.nowMs()));
        SB_TRY(dispatch(action));
        if (m_sinceCommit >= kBatchItems || ++m_actionsSinceCommit >= kBatchActions) {
            SB_TRY(commitBatch(true));
        }
    }
    m_clock.setMs(std::max(m_endMs, m_clock.nowMs()));
    SB_TRY(poll()); // whatever arrived since the last sync
    SB_TRY(finishPosts());
    SB_TRY(commitBatch(false));
    // The engagement panel opens on rollups already built rather than building them on first sight.
    SB_TRY(metrics::EngagementRollups::refresh(m_db));
    SB_TRY(m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)")); // hand over one tidy file
    return collectStats();
}

Result<DemoStats> DemoRun::collectStats()
{
    DemoStats stats;
    stats.items = m_db.scalarInt(QStringLiteral("SELECT count(*) FROM items"));
    stats.conversations = m_db.scalarInt(QStringLiteral("SELECT count(*) FROM conversations"));
    stats.events = m_db.scalarInt(QStringLiteral("SELECT count(*) FROM events"));
    stats.posts = m_db.scalarInt(QStringLiteral("SELECT count(*) FROM posts"));
    stats.seconds = double(m_timer.nsecsElapsed()) / 1e9;
    qCInfo(lcDemo) << "demo workspace:" << stats.items << "items," << stats.conversations << "conversations,"
                   << stats.events << "events," << stats.posts << "posts in" << stats.seconds << "s";
    return stats;
}

} // namespace demo

Result<DemoStats> generateDemo(Workspace &workspace, const DemoOptions &options,
                               const std::function<void(qint64, qint64)> &progress)
{
    if (options.items <= 0 || options.items > 100 * DemoOptions::kLarge) {
        return makeError(ErrorKind::Invalid,
                         QCoreApplication::translate("Demo", "A demo workspace has between 1 and 100 million items."));
    }
    if (workspace.db().scalarInt(QStringLiteral("SELECT count(*) FROM employees")) > 0) {
        return makeError(ErrorKind::Conflict,
                         QCoreApplication::translate("Demo",
                                                     "The demo fills an empty workspace; "
                                                     "this one already has people in it."));
    }
    demo::DemoRun run(workspace, options, progress);
    return run.run();
}

} // namespace sb
