#include "metrics/EngagementRollups.h"

#include "core/BusinessHours.h"
#include "metrics/EngagementTally.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

Q_LOGGING_CATEGORY(lcRollups, "switchboard.metrics.rollups")

namespace sb::metrics {

namespace {

constexpr qint64 kBucketMs = 15 * 60 * 1000;
// Days recomputed per transaction: a rebuild of years of history holds the write lock a few seconds at most at a
// time, and the sync's writer gets its turn in between.
constexpr int kDaysPerChunk = 31;

QTimeZone workspaceZone(SqliteDb &db)
{
    const QTimeZone zone(WorkspaceSettings::timeZoneId(db).toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString dayKey(QDate day)
{
    return day.toString(Qt::ISODate);
}

// The rollups stand for one time zone and one set of business hours; another one means other days and durations.
QString fingerprint(SqliteDb &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(workspaceZone(db).id());
    hash.addData(WorkspaceSettings::businessHours(db).toJson());
    return QStringLiteral("v1:") + QString::fromLatin1(hash.result().toHex().left(16));
}

// Maps instants to local days, remembering each quarter hour's day (facts cluster, conversions are slow).
class DayOf {
public:
    explicit DayOf(QTimeZone zone) : m_zone(std::move(zone)) { }
    QDate operator()(qint64 ms)
    {
        const qint64 bucket = ms - (((ms % kBucketMs) + kBucketMs) % kBucketMs);
        auto it = m_days.constFind(bucket);
        if (it == m_days.constEnd()) {
            it = m_days.insert(bucket, QDateTime::fromMSecsSinceEpoch(bucket, m_zone).date());
        }
        return *it;
    }
    const QTimeZone &zone() const { return m_zone; }

private:
    QTimeZone m_zone;
    QHash<qint64, QDate> m_days;
};

QString storedState(SqliteDb &db)
{
    Statement &st = db.cached("SELECT fingerprint FROM engagement_state WHERE id = 1");
    const QString value = st.next() ? st.text(0) : QString();
    st.reset();
    return value;
}

Status setState(SqliteDb &db, const QString &value)
{
    Statement &st = db.cached("INSERT OR REPLACE INTO engagement_state(id, fingerprint) VALUES (1, ?)");
    st.bind(1, value);
    return st.exec();
}

// Recomputes the days [first, last] in one transaction: their rows are replaced, and the dirty marks inside them
// are cleared in the same transaction, so a change committed meanwhile by another connection is either in the
// facts read here or still marked.
Status recomputeDays(SqliteDb &db, DayOf &dayOf, const BusinessHours &hours, QDate first, QDate last)
{
    const qint64 fromMs = first.startOfDay(dayOf.zone()).toMSecsSinceEpoch();
    const qint64 toMs = last.addDays(1).startOfDay(dayOf.zone()).toMSecsSinceEpoch();
    Transaction tx(db);
    SB_TRY(tx.began());
    std::map<std::pair<qint64, QString>, Tally> rows;
    SB_TRY(collectFacts(db, fromMs, toMs, hours, [&](const QString &employeeId, qint64 atMs) -> Tally & {
        return rows[{dayOf(atMs).toJulianDay(), employeeId}];
    }));
    Statement &del = db.cached("DELETE FROM engagement_days WHERE day >= ? AND day <= ?");
    del.bindAll(dayKey(first), dayKey(last));
    SB_TRY(del.exec());
    for (auto &[key, tally] : rows) {
        if (tally.isEmpty()) {
            continue;
        }
        tally.compact();
        Statement &ins = db.cached("INSERT INTO engagement_days(day, employee_id, tally) VALUES (?, ?, ?)");
        ins.bindAll(dayKey(QDate::fromJulianDay(key.first)), key.second, tally.serialize());
        SB_TRY(ins.exec());
    }
    Statement &clean = db.cached("DELETE FROM engagement_dirty WHERE bucket >= ? AND bucket < ?");
    clean.bindAll(fromMs, toMs);
    SB_TRY(clean.exec());
    return tx.commit();
}

// Splits a sorted set of days into runs of consecutive days, each at most kDaysPerChunk long.
std::vector<std::pair<QDate, QDate>> chunks(const std::set<qint64> &julianDays)
{
    std::vector<std::pair<QDate, QDate>> out;
    for (const qint64 day : julianDays) {
        if (!out.empty() && out.back().second.toJulianDay() + 1 == day
            && out.back().first.daysTo(out.back().second) + 1 < kDaysPerChunk) {
            out.back().second = QDate::fromJulianDay(day);
        } else {
            out.emplace_back(QDate::fromJulianDay(day), QDate::fromJulianDay(day));
        }
    }
    return out;
}

// The span of instants any fact can be dated by: the earliest and latest of the dated columns.
std::pair<qint64, qint64> historySpan(SqliteDb &db)
{
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    auto take = [&](const char *sql) {
        Statement &st = db.cached(sql);
        if (st.next() && !st.isNull(0)) {
            lo = std::min(lo, st.int64(0));
            hi = std::max(hi, st.int64(1));
        }
        st.reset();
    };
    take("SELECT min(first_inbound_at), max(first_inbound_at) FROM conversations");
    take("SELECT min(seq) >> 10, max(seq) >> 10 FROM items");
    take("SELECT min(created_at), max(coalesce(published_at, created_at)) FROM posts");
    take("SELECT min(published_at), max(published_at) FROM posts");
    take("SELECT min(published_at), max(published_at) FROM post_variants");
    take("SELECT min(created_at), max(created_at) FROM own_posts");
    for (const char *sql : {"SELECT min(at), max(at) FROM events WHERE action = 'published'",
                            "SELECT min(at), max(at) FROM events WHERE action = 'status_changed'",
                            "SELECT min(at), max(at) FROM events WHERE action = 'note_added'",
                            "SELECT min(at), max(at) FROM events WHERE action = 'post_approved'"}) {
        take(sql);
    }
    return {lo, hi};
}

Status rebuild(SqliteDb &db, DayOf &dayOf, const BusinessHours &hours, const QString &state, RollupRefresh &stats)
{
    {
        Transaction tx(db);
        SB_TRY(tx.began());
        SB_TRY(db.exec("DELETE FROM engagement_days"));
        // Marked "building" until the last chunk: a rebuild cut short starts over.
        SB_TRY(setState(db, state + QStringLiteral(":building")));
        SB_TRY(tx.commit());
    }
    const auto [lo, hi] = historySpan(db);
    if (lo <= hi) {
        const QDate first = dayOf(lo);
        const QDate last = dayOf(hi);
        for (QDate day = first; day <= last; day = day.addDays(kDaysPerChunk)) {
            const QDate end = std::min(last, day.addDays(kDaysPerChunk - 1));
            SB_TRY(recomputeDays(db, dayOf, hours, day, end));
            stats.daysRecomputed += int(day.daysTo(end)) + 1;
        }
    }
    // Marks outside the history's span stay: they may be a change committed while this ran (a reply newer than
    // the span's end); the next refresh recomputes their days.
    Transaction tx(db);
    SB_TRY(tx.began());
    SB_TRY(setState(db, state));
    stats.rebuilt = true;
    return tx.commit();
}

bool wholeDays(const TimeRange &range, const QTimeZone &zone)
{
    return range.firstDay.isValid() && range.lastDay.isValid() && range.firstDay <= range.lastDay
        && range.fromMs == range.firstDay.startOfDay(zone).toMSecsSinceEpoch()
        && range.toMs == range.lastDay.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
}

// Brings the rollups up to date and merges the rows of [first, last] into target(day, employee). The rows are
// derived data: an unreadable one makes the whole table be rebuilt from the store once (clear() forgets what was
// merged so far) before the error is given up on.
template <typename Target, typename Clear>
Status readDays(SqliteDb &db, QDate first, QDate last, const Target &target, const Clear &clear)
{
    for (int attempt = 0;; ++attempt) {
        SB_TRY(EngagementRollups::refresh(db));
        Statement &st = db.cached("SELECT day, employee_id, tally FROM engagement_days WHERE day >= ? AND day <= ?");
        st.bindAll(dayKey(first), dayKey(last));
        QString corrupt;
        QDate day;
        QString dayText;
        while (st.next()) {
            // Rows come in day order: parse each day's date once.
            const QString text = st.text(0);
            if (text != dayText) {
                dayText = text;
                day = QDate::fromString(text, Qt::ISODate);
            }
            if (!target(day, st.text(1)).mergeSerialized(st.blob(2))) {
                corrupt = QStringLiteral("engagement rollup of %1 for '%2' is not readable").arg(text, st.text(1));
                st.reset();
                break;
            }
        }
        if (st.failed()) {
            return st.error();
        }
        if (corrupt.isEmpty()) {
            return success();
        }
        clear();
        if (attempt > 0) {
            return Error {ErrorKind::Storage, corrupt, {}};
        }
        qCWarning(lcRollups) << corrupt << "- rebuilding the engagement rollups";
        Statement &forget = db.cached("DELETE FROM engagement_state");
        SB_TRY(forget.exec());
    }
}

} // namespace

Result<RollupRefresh> EngagementRollups::refresh(SqliteDb &db)
{
    RollupRefresh stats;
    DayOf dayOf(workspaceZone(db));
    const BusinessHours hours = WorkspaceSettings::businessHours(db);
    const QString state = fingerprint(db);
    if (storedState(db) != state) {
        SB_TRY(rebuild(db, dayOf, hours, state, stats));
        qCInfo(lcRollups) << "rebuilt engagement rollups:" << stats.daysRecomputed << "days";
        return stats;
    }
    std::set<qint64> days;
    {
        Statement &st = db.cached("SELECT bucket FROM engagement_dirty");
        while (st.next()) {
            days.insert(dayOf(st.int64(0)).toJulianDay());
        }
        if (st.failed()) {
            return st.error();
        }
    }
    for (const auto &[first, last] : chunks(days)) {
        SB_TRY(recomputeDays(db, dayOf, hours, first, last));
        stats.daysRecomputed += int(first.daysTo(last)) + 1;
    }
    return stats;
}

Result<EngagementReport> EngagementRollups::report(SqliteDb &db, const TimeRange &range, qint64 nowMs)
{
    if (!wholeDays(range, workspaceZone(db))) {
        return EngagementMetrics::compute(db, range, nowMs);
    }
    QHash<QString, Tally> tallies;
    SB_TRY(readDays(
        db, range.firstDay, range.lastDay,
        [&](QDate, const QString &employeeId) -> Tally & { return tallies[employeeId]; }, [&] { tallies.clear(); }));
    return EngagementMetrics::assemble(db, range, std::move(tallies), nowMs);
}

Result<std::vector<DaySeriesPoint>> EngagementRollups::series(SqliteDb &db, const TimeRange &range,
                                                              Granularity granularity, qint64 nowMs)
{
    if (!range.firstDay.isValid() || !range.lastDay.isValid() || range.firstDay > range.lastDay) {
        return std::vector<DaySeriesPoint>();
    }
    // The points: each day, or each ISO week cut at the range's ends.
    std::vector<std::pair<QDate, QDate>> spans;
    for (QDate day = range.firstDay; day <= range.lastDay;) {
        QDate end = day;
        if (granularity == Granularity::Week) {
            end = std::min(range.lastDay, day.addDays(7 - day.dayOfWeek()));
        }
        spans.emplace_back(day, end);
        day = end.addDays(1);
    }
    std::vector<QHash<QString, Tally>> perSpan(spans.size());
    Tally outside; // a row before the first span cannot be, but has somewhere to go
    SB_TRY(readDays(
        db, range.firstDay, range.lastDay,
        [&](QDate day, const QString &employeeId) -> Tally & {
            const auto it = std::upper_bound(spans.begin(), spans.end(), day,
                                             [](QDate d, const std::pair<QDate, QDate> &s) { return d < s.first; });
            return it == spans.begin() ? outside : perSpan[size_t(it - spans.begin() - 1)][employeeId];
        },
        [&] {
            for (auto &span : perSpan) {
                span.clear();
            }
        }));
    // The employees listed are the whole range's, so every point has the same rows in the same order. Only
    // whether someone did anything decides whether an inactive employee is listed: a marker stands for the merge.
    QHash<QString, Tally> whole;
    for (const auto &span : perSpan) {
        for (auto it = span.cbegin(); it != span.cend(); ++it) {
            if (!it->isEmpty()) {
                whole[it.key()].notes = 1;
            }
        }
    }
    auto listed = EngagementMetrics::assemble(db, range, std::move(whole), nowMs);
    if (!listed.ok()) {
        return listed.error();
    }
    std::vector<DaySeriesPoint> points;
    points.reserve(spans.size());
    for (size_t i = 0; i < spans.size(); ++i) {
        DaySeriesPoint p;
        p.first = spans[i].first;
        p.last = spans[i].second;
        Tally team;
        for (auto it = perSpan[i].cbegin(); it != perSpan[i].cend(); ++it) {
            team.merge(*it);
        }
        for (const Figures &listedFigures : listed.value().employees) {
            Figures f;
            f.employeeId = listedFigures.employeeId;
            f.name = listedFigures.name;
            f.role = listedFigures.role;
            f.teamId = listedFigures.teamId;
            f.active = listedFigures.active;
            auto it = perSpan[i].find(f.employeeId);
            fillFigures(f, it != perSpan[i].end() ? std::move(*it) : Tally(), 0, nowMs);
            p.employees.push_back(std::move(f));
        }
        p.team.name = listed.value().team.name;
        fillFigures(p.team, std::move(team), 0, nowMs);
        points.push_back(std::move(p));
    }
    return points;
}

} // namespace sb::metrics
