#include "metrics/EngagementMetrics.h"

#include "core/BusinessHours.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace sb::metrics {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Metrics", text);
}

// Running totals for one employee (or for the team) while the queries are read.
struct Tally {
    int replies = 0;
    QSet<QString> handled;
    QSet<QString> resolved;
    std::vector<qint64> firstResponseSecs;
    std::vector<qint64> resolutionSecs;
    int slaMet = 0;
    int slaMissed = 0;
    int workload = 0;
    int notes = 0;
    int posts = 0;

    bool hasActivity() const
    {
        return replies || !handled.isEmpty() || !firstResponseSecs.empty() || slaMet || slaMissed || workload || notes
            || posts;
    }
};

void fill(Figures &f, const Tally &t)
{
    f.repliesSent = t.replies;
    f.conversationsHandled = int(t.handled.size());
    f.conversationsResolved = int(t.resolved.size());
    f.firstResponses = int(t.firstResponseSecs.size());
    f.medianFirstResponseSecs = median(t.firstResponseSecs);
    f.p90FirstResponseSecs = percentile(t.firstResponseSecs, 90);
    f.medianResolutionSecs = median(t.resolutionSecs);
    f.slaMet = t.slaMet;
    f.slaMissed = t.slaMissed;
    f.openWorkload = t.workload;
    f.notesWritten = t.notes;
    f.postsPublished = t.posts;
}

// Runs `sql` with the range bound to ?1 and ?2 and calls `row` for each result row.
template <typename Row> Status eachRow(SqliteDb &db, const char *sql, const TimeRange &range, Row &&row)
{
    auto prepared = db.prepare(QString::fromUtf8(sql));
    if (!prepared.ok()) {
        return prepared.error();
    }
    Statement &st = prepared.value();
    st.bind(1, range.fromMs).bind(2, range.toMs);
    while (st.next()) {
        row(st);
    }
    if (st.failed()) {
        return st.error();
    }
    return success();
}

// A reply is counted once: by its publish event when it left through the outbox, else by the outbound item
// attributed to an employee (sent before Switchboard, or imported).
const char *const kPublishedReplies
    = "SELECT coalesce(json_extract(details, '$.author_id'), ''), conversation_id FROM events "
      "WHERE action = 'published' AND subject_type = 'outbox_job' AND coalesce(conversation_id, '') != '' "
      "AND at >= ?1 AND at < ?2";
const char *const kItemReplies
    = "SELECT i.author_employee_id, coalesce(i.conversation_id, '') FROM items i "
      "WHERE i.direction = 'out' AND i.kind != 'post' AND i.author_employee_id IS NOT NULL "
      "AND i.created_at >= ?1 AND i.created_at < ?2 AND (i.account_id, i.remote_id) NOT IN "
      "(SELECT account_id, remote_id FROM outbox_jobs WHERE state = 'done' AND remote_id IS NOT NULL)";
const char *const kResolutions
    = "SELECT e.actor_id, e.conversation_id, e.at, c.first_inbound_at FROM events e "
      "JOIN conversations c ON c.id = e.conversation_id "
      "WHERE e.action = 'status_changed' AND e.actor_kind = 'employee' AND e.at >= ?1 AND e.at < ?2 "
      "AND json_extract(e.details, '$.to') = 'resolved'";
// The first response is the conversation's, whoever wrote it; it counts for its author, else the assignee.
const char *const kFirstResponses
    = "SELECT c.first_inbound_at, c.sla_due_at, coalesce(c.assignee_id, ''), "
      "coalesce(c.first_response_at, (SELECT min(i.created_at) FROM items i WHERE i.conversation_id = c.id "
      "  AND i.direction = 'out' AND i.created_at >= c.first_inbound_at)), "
      "coalesce((SELECT json_extract(e.details, '$.author_id') FROM events e WHERE e.conversation_id = c.id "
      "  AND e.action = 'published' ORDER BY e.seq LIMIT 1), "
      " (SELECT i.author_employee_id FROM items i WHERE i.conversation_id = c.id AND i.direction = 'out' "
      "  AND i.author_employee_id IS NOT NULL AND i.created_at >= c.first_inbound_at ORDER BY i.seq LIMIT 1), '') "
      "FROM conversations c WHERE c.spam = 0 AND c.last_inbound_at IS NOT NULL "
      "AND c.first_inbound_at >= ?1 AND c.first_inbound_at < ?2";
const char *const kNotes = "SELECT actor_id, count(*) FROM events WHERE action = 'note_added' "
                           "AND actor_kind = 'employee' AND at >= ?1 AND at < ?2 GROUP BY actor_id";
const char *const kPosts = "SELECT author_id, count(*) FROM posts WHERE state IN ('published', 'partially_published') "
                           "AND published_at >= ?1 AND published_at < ?2 GROUP BY author_id";
// Workload is the present state, whatever the range: ?1 and ?2 are unused.
const char *const kWorkload = "SELECT coalesce(assignee_id, ''), count(*) FROM conversations "
                              "WHERE status IN ('open', 'pending') AND spam = 0 AND ?1 <= ?2 GROUP BY 1";

} // namespace

TimeRange dayRange(QDate firstDay, QDate lastDay, const QTimeZone &zone)
{
    TimeRange r;
    r.firstDay = firstDay;
    r.lastDay = lastDay;
    r.fromMs = firstDay.startOfDay(zone).toMSecsSinceEpoch();
    r.toMs = lastDay.addDays(1).startOfDay(zone).toMSecsSinceEpoch();
    return r;
}

TimeRange presetRange(RangePreset preset, qint64 nowMs, const QTimeZone &zone)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    switch (preset) {
    case RangePreset::ThisWeek: return dayRange(today.addDays(1 - today.dayOfWeek()), today, zone);
    case RangePreset::Last30Days: return dayRange(today.addDays(-29), today, zone);
    case RangePreset::Last90Days: return dayRange(today.addDays(-89), today, zone);
    }
    return dayRange(today, today, zone);
}

const Figures *EngagementReport::find(const QString &employeeId) const
{
    const auto it = std::find_if(employees.begin(), employees.end(),
                                 [&](const Figures &f) { return f.employeeId == employeeId; });
    return it == employees.end() ? nullptr : &*it;
}

Result<EngagementReport> EngagementMetrics::compute(SqliteDb &db, qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    const QTimeZone zone(WorkspaceSettings::timeZoneId(db).toUtf8());
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    TimeRange range;
    range.fromMs = fromMs;
    range.toMs = toMs;
    range.firstDay = QDateTime::fromMSecsSinceEpoch(fromMs, valid).date();
    range.lastDay = QDateTime::fromMSecsSinceEpoch(std::max(fromMs, toMs - 1), valid).date();
    return compute(db, range, nowMs);
}

Result<EngagementReport> EngagementMetrics::compute(SqliteDb &db, const TimeRange &range, qint64 nowMs)
{
    const BusinessHours hours = WorkspaceSettings::businessHours(db);
    QHash<QString, Tally> byEmployee;
    Tally team;

    SB_TRY(eachRow(db, kPublishedReplies, range, [&](Statement &st) {
        const QString author = st.text(0);
        const QString conversation = st.text(1);
        ++team.replies;
        team.handled.insert(conversation);
        if (!author.isEmpty()) {
            Tally &t = byEmployee[author];
            ++t.replies;
            t.handled.insert(conversation);
        }
    }));
    SB_TRY(eachRow(db, kItemReplies, range, [&](Statement &st) {
        const QString conversation = st.text(1);
        Tally &t = byEmployee[st.text(0)];
        ++t.replies;
        ++team.replies;
        if (!conversation.isEmpty()) {
            t.handled.insert(conversation);
            team.handled.insert(conversation);
        }
    }));
    SB_TRY(eachRow(db, kResolutions, range, [&](Statement &st) {
        const QString conversation = st.text(1);
        const qint64 secs = hours.businessSecondsBetween(st.int64(3), st.int64(2));
        Tally &t = byEmployee[st.text(0)];
        t.resolved.insert(conversation);
        t.handled.insert(conversation);
        t.resolutionSecs.push_back(secs);
        team.resolved.insert(conversation);
        team.handled.insert(conversation);
        team.resolutionSecs.push_back(secs);
    }));
    SB_TRY(eachRow(db, kFirstResponses, range, [&](Statement &st) {
        const qint64 firstInbound = st.int64(0);
        // Plain values and flags (not std::optional): GCC 12 reports a false maybe-uninitialized on optionals here.
        const bool hasDue = !st.isNull(1);
        const qint64 due = hasDue ? st.int64(1) : 0;
        const QString assignee = st.text(2);
        const bool hasResponse = !st.isNull(3);
        const qint64 responded = hasResponse ? st.int64(3) : 0;
        const QString author = st.text(4);
        const QString owner = author.isEmpty() ? assignee : author;
        Tally *t = owner.isEmpty() ? nullptr : &byEmployee[owner];
        if (hasResponse) {
            const qint64 secs = hours.businessSecondsBetween(firstInbound, responded);
            team.firstResponseSecs.push_back(secs);
            if (t) {
                t->firstResponseSecs.push_back(secs);
            }
        }
        if (hasDue) {
            const bool met = hasResponse && responded <= due;
            const bool missed = hasResponse ? responded > due : nowMs > due;
            if (met || missed) {
                (met ? team.slaMet : team.slaMissed) += 1;
                if (t) {
                    (met ? t->slaMet : t->slaMissed) += 1;
                }
            }
        }
    }));
    SB_TRY(eachRow(db, kNotes, range, [&](Statement &st) {
        byEmployee[st.text(0)].notes += st.integer(1);
        team.notes += st.integer(1);
    }));
    SB_TRY(eachRow(db, kPosts, range, [&](Statement &st) {
        byEmployee[st.text(0)].posts += st.integer(1);
        team.posts += st.integer(1);
    }));
    SB_TRY(eachRow(db, kWorkload, range, [&](Statement &st) {
        if (!st.text(0).isEmpty()) {
            byEmployee[st.text(0)].workload += st.integer(1);
        }
        team.workload += st.integer(1);
    }));

    EngagementReport report;
    report.range = range;
    auto employees = db.prepare(QStringLiteral("SELECT id, name, role, coalesce(team_id, ''), active FROM employees "
                                               "ORDER BY name COLLATE NOCASE, id"));
    if (!employees.ok()) {
        return employees.error();
    }
    Statement &st = employees.value();
    while (st.next()) {
        Figures f;
        f.employeeId = st.text(0);
        f.name = st.text(1);
        f.role = roleFromName(st.text(2)).value_or(Role::Contributor);
        f.teamId = st.text(3);
        f.active = st.integer(4) != 0;
        const auto it = byEmployee.constFind(f.employeeId);
        if (it != byEmployee.constEnd()) {
            fill(f, *it);
        }
        if (f.active || (it != byEmployee.constEnd() && it->hasActivity())) {
            report.employees.push_back(std::move(f));
        }
    }
    if (st.failed()) {
        return st.error();
    }
    report.team.name = tr("Team");
    fill(report.team, team);
    return report;
}

std::optional<qint64> median(std::vector<qint64> values)
{
    if (values.empty()) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    if (n % 2 == 1) {
        return values[n / 2];
    }
    // Round half up, so 1 s and 2 s give 2 s, not 1 s.
    return (values[n / 2 - 1] + values[n / 2] + 1) / 2;
}

std::optional<qint64> percentile(std::vector<qint64> values, double p)
{
    if (values.empty() || p <= 0 || p > 100) {
        return std::nullopt;
    }
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::ceil(p / 100.0 * double(values.size())));
    return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60) {
        return tr("under 1 min");
    }
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 90) {
        return tr("%1 min").arg(minutes);
    }
    return tr("%1 h").arg(QLocale().toString(double(seconds) / 3600.0, 'f', 1));
}

QString definitionsText()
{
    return tr("<p><b>Replies</b>: replies sent to customers in the range, counted for the person who wrote them "
              "(a contributor's reply approved by a manager is the contributor's).</p>"
              "<p><b>First response</b>: from the conversation's first inbound message to the first reply, counted "
              "in business hours only, for conversations that started in the range. It counts for whoever wrote "
              "the first reply, or the assignee when nobody in the team did. p90: nine in ten were answered "
              "within this time.</p>"
              "<p><b>SLA attainment</b>: share of conversations answered before their due time; a conversation "
              "still unanswered after its due time counts as missed, one not yet due is left out.</p>"
              "<p><b>Resolved</b>: conversations the person marked resolved in the range; a reopened conversation "
              "resolved again counts once per person.</p>"
              "<p><b>Open workload</b>: open and pending conversations assigned now, whatever the range.</p>"
              "<p><b>Notes</b> and <b>posts published</b>: written or published in the range. Spam is "
              "excluded everywhere.</p>"
              "<p><b>Team</b>: the team's row and the chart's team median count every conversation, whoever "
              "answered it, so they are not an average of the rows above.</p>");
}

QString goalMetricLabel(const QString &metric)
{
    if (metric == QLatin1String("replies_per_week")) {
        return tr("Replies per week");
    }
    if (metric == QLatin1String("resolved_per_week")) {
        return tr("Resolved per week");
    }
    if (metric == QLatin1String("posts_per_week")) {
        return tr("Posts per week");
    }
    if (metric == QLatin1String("median_first_response_minutes")) {
        return tr("Median first response");
    }
    if (metric == QLatin1String("sla_attainment_percent")) {
        return tr("SLA attainment");
    }
    return metric;
}

Result<std::vector<GoalProgress>> goalProgress(SqliteDb &db, const Figures &figures, const TimeRange &range)
{
    auto prepared = db.prepare(QStringLiteral("SELECT metric, target FROM goals WHERE employee_id = ? ORDER BY "
                                              "CASE metric WHEN 'replies_per_week' THEN 0 "
                                              "WHEN 'median_first_response_minutes' THEN 1 "
                                              "WHEN 'sla_attainment_percent' THEN 2 WHEN 'resolved_per_week' THEN 3 "
                                              "ELSE 4 END"));
    if (!prepared.ok()) {
        return prepared.error();
    }
    Statement &st = prepared.value();
    st.bind(1, figures.employeeId);
    const double weeks = std::max(1.0, range.days() / 7.0);
    const QLocale locale;
    auto number = [&](double v) { return locale.toString(v, 'f', v == std::floor(v) ? 0 : 1); };
    std::vector<GoalProgress> goals;
    while (st.next()) {
        GoalProgress g;
        g.metric = st.text(0);
        g.target = st.real(1);
        g.label = goalMetricLabel(g.metric);
        if (g.metric.endsWith(QLatin1String("_per_week"))) {
            const int count = g.metric.startsWith(QLatin1String("replies")) ? figures.repliesSent
                : g.metric.startsWith(QLatin1String("resolved"))            ? figures.conversationsResolved
                                                                            : figures.postsPublished;
            g.actual = std::round(10.0 * count / weeks) / 10.0;
            g.summary = tr("%1 of %2 a week").arg(number(*g.actual), number(g.target));
        } else if (g.metric == QLatin1String("median_first_response_minutes")) {
            g.lowerIsBetter = true;
            if (figures.medianFirstResponseSecs) {
                g.actual = double(*figures.medianFirstResponseSecs) / 60.0;
                g.summary = tr("%1, goal under %2 min")
                                .arg(formatDuration(*figures.medianFirstResponseSecs), number(g.target));
            } else {
                g.summary = tr("No first responses yet, goal under %1 min").arg(number(g.target));
            }
        } else if (g.metric == QLatin1String("sla_attainment_percent")) {
            g.actual = figures.slaAttainmentPercent();
            g.summary = g.actual ? tr("%1 %, goal %2 %").arg(number(std::round(*g.actual)), number(g.target))
                                 : tr("Nothing due yet, goal %1 %").arg(number(g.target));
        }
        if (g.actual) {
            if (g.lowerIsBetter) {
                g.met = *g.actual <= g.target;
                g.fraction = g.met ? 1.0 : (*g.actual > 0 ? g.target / *g.actual : 0.0);
            } else {
                g.met = *g.actual >= g.target;
                g.fraction = g.target > 0 ? std::min(1.0, *g.actual / g.target) : 1.0;
            }
        }
        goals.push_back(std::move(g));
    }
    if (st.failed()) {
        return st.error();
    }
    return goals;
}

} // namespace sb::metrics
