#include "metrics/EngagementDrillDown.h"

#include "metrics/EngagementMetrics.h"
#include "metrics/EngagementTally.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

namespace sb::metrics {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Metrics", text);
}

QString interactions(const Fact &f)
{
    return tr("likes %1, reposts %2, replies %3").arg(f.likes).arg(f.reposts).arg(f.replies);
}

// "@ana@example.org: Where is my parcel?" for a conversation; a post's first text.
void describe(SqliteDb &db, DrillRow &row)
{
    if (!row.conversationId.isEmpty()) {
        Statement &st = db.cached("SELECT coalesce(ct.handle, ''), c.snippet FROM conversations c "
                                  "LEFT JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ?");
        st.bind(1, row.conversationId);
        if (st.next()) {
            row.about = st.text(0).isEmpty() ? st.text(1) : QString(st.text(0) + QStringLiteral(": ") + st.text(1));
        }
        st.reset();
    } else if (!row.postId.isEmpty()) {
        Statement &st = db.cached("SELECT text FROM post_variants WHERE post_id = ? ORDER BY account_id LIMIT 1");
        st.bind(1, row.postId);
        if (st.next()) {
            row.about = st.text(0);
        }
        st.reset();
    }
    row.about = row.about.simplified().left(160);
}

} // namespace

Result<DrillDown> drillDown(SqliteDb &db, const TimeRange &range, const QString &employeeId, DrillFigure figure,
                            qint64 nowMs)
{
    const bool team = employeeId.isEmpty();
    QHash<QString, Tally> tallies;
    std::vector<Fact> facts;
    SB_TRY(collectFacts(
        db, range.fromMs, range.toMs, WorkspaceSettings::businessHours(db),
        [&](const QString &id, qint64) -> Tally & { return tallies[team ? QString() : id]; },
        [&](const Fact &f) {
            if (team || f.employeeId == employeeId) {
                facts.push_back(f);
            }
        }));
    Figures figures;
    int workload = 0;
    SB_TRY(collectWorkload(db, [&](const QString &id, int count) {
        if (team || id == employeeId) {
            workload += count;
        }
    }));
    fillFigures(figures, tallies.value(team ? QString() : employeeId), workload, nowMs);

    DrillDown out;
    const QLocale locale;
    const QTimeZone zone = [&] {
        const QTimeZone configured(WorkspaceSettings::timeZoneId(db).toUtf8());
        return configured.isValid() ? configured : QTimeZone::utc();
    }();
    auto local
        = [&](qint64 ms) { return locale.toString(QDateTime::fromMSecsSinceEpoch(ms, zone), QLocale::ShortFormat); };
    using Kind = Fact::Kind;
    auto add = [&](const Fact &f, const QString &what, const QString &value = {},
                   std::optional<qint64> sortValue = std::nullopt) {
        DrillRow row;
        row.atMs = f.atMs;
        row.conversationId = f.conversationId;
        if (f.kind == Kind::PostDrafted || f.kind == Kind::PostApproved || f.kind == Kind::PostPublished) {
            row.postId = f.subjectId;
        }
        row.what = what;
        row.value = value;
        row.sortValue = sortValue;
        out.rows.push_back(std::move(row));
    };
    bool byValue = false;
    switch (figure) {
    case DrillFigure::Replies:
        for (const Fact &f : facts) {
            if (f.kind == Kind::Reply) {
                add(f, f.viaOutbox ? tr("Reply sent through Switchboard") : tr("Reply sent on the network"));
            }
        }
        out.summary = tr("Replies counted: %1").arg(figures.repliesSent);
        break;
    case DrillFigure::Handled: {
        // One line per conversation: its latest reply or resolution in the range.
        QHash<QString, size_t> seen;
        for (const Fact &f : facts) {
            if (f.kind != Kind::Reply && f.kind != Kind::Resolution) {
                continue;
            }
            const QString what = f.kind == Kind::Reply ? tr("Replied") : tr("Resolved");
            const auto it = seen.constFind(f.conversationId);
            if (it == seen.constEnd()) {
                seen.insert(f.conversationId, out.rows.size());
                add(f, what);
            } else if (DrillRow &row = out.rows[*it]; f.atMs > row.atMs) {
                row.atMs = f.atMs;
                row.what = what;
            }
        }
        out.summary = tr("Conversations replied to or resolved: %1").arg(figures.conversationsHandled);
        break;
    }
    case DrillFigure::Resolved:
    case DrillFigure::Resolution:
        for (const Fact &f : facts) {
            if (f.kind == Kind::Resolution) {
                add(f, tr("Resolved"), formatDuration(f.seconds.value_or(0)), f.seconds);
            }
        }
        if (figure == DrillFigure::Resolved) {
            out.summary = tr("Conversations resolved: %1, in %2 resolutions")
                              .arg(figures.conversationsResolved)
                              .arg(out.rows.size());
        } else {
            byValue = true;
            out.summary = figures.medianResolutionSecs ? tr("Median of %1 resolutions: %2")
                                                             .arg(out.rows.size())
                                                             .arg(formatDuration(*figures.medianResolutionSecs))
                                                       : tr("No resolutions in this range");
        }
        break;
    case DrillFigure::FirstResponse:
        byValue = true;
        for (const Fact &f : facts) {
            if (f.kind == Kind::FirstResponse && f.seconds) {
                add(f, tr("First response"), formatDuration(*f.seconds), f.seconds);
            }
        }
        out.summary = figures.medianFirstResponseSecs
            ? tr("%1 first responses: median %2, p90 %3")
                  .arg(figures.firstResponses)
                  .arg(formatDuration(*figures.medianFirstResponseSecs),
                       formatDuration(figures.p90FirstResponseSecs.value_or(0)))
            : tr("No first responses in this range");
        break;
    case DrillFigure::Sla:
        for (const Fact &f : facts) {
            if (f.kind != Kind::FirstResponse || f.sla == Fact::Sla::None) {
                continue;
            }
            const QString due = tr("due %1").arg(local(f.dueMs));
            switch (f.sla) {
            case Fact::Sla::Met: add(f, tr("Answered in time"), due); break;
            case Fact::Sla::Late: add(f, tr("Answered late"), due); break;
            case Fact::Sla::Pending:
                add(f, nowMs > f.dueMs ? tr("Not answered, overdue") : tr("Not due yet (not counted)"), due);
                break;
            case Fact::Sla::None: break;
            }
        }
        out.summary = tr("%1 in time, %2 late or overdue").arg(figures.slaMet).arg(figures.slaMissed);
        break;
    case DrillFigure::Workload: {
        Statement &st = db.cached("SELECT id, status, last_item_at FROM conversations WHERE (status = 'open' OR "
                                  "status = 'pending') AND spam = 0 AND (?1 = '' OR assignee_id = ?1) "
                                  "ORDER BY last_item_at DESC LIMIT 5000");
        st.bind(1, employeeId);
        while (st.next()) {
            DrillRow row;
            row.conversationId = st.text(0);
            row.atMs = st.int64(2);
            row.what = st.text(1) == QLatin1String("open") ? tr("Open") : tr("Pending");
            out.rows.push_back(std::move(row));
        }
        if (st.failed()) {
            return st.error();
        }
        out.summary = tr("Open or pending now: %1").arg(figures.openWorkload);
        break;
    }
    case DrillFigure::Notes:
        for (const Fact &f : facts) {
            if (f.kind == Kind::Note) {
                add(f, tr("Note written"));
            }
        }
        out.summary = tr("Notes: %1").arg(figures.notesWritten);
        break;
    case DrillFigure::Drafted:
    case DrillFigure::Approved:
    case DrillFigure::Published: {
        const Kind wanted = figure == DrillFigure::Drafted ? Kind::PostDrafted
            : figure == DrillFigure::Approved              ? Kind::PostApproved
                                                           : Kind::PostPublished;
        for (const Fact &f : facts) {
            if (f.kind == wanted) {
                add(f,
                    wanted == Kind::PostDrafted        ? tr("Post drafted")
                        : wanted == Kind::PostApproved ? tr("Post approved")
                                                       : tr("Post published"),
                    wanted == Kind::PostPublished ? interactions(f) : QString());
            }
        }
        const int count = figure == DrillFigure::Drafted ? figures.postsDrafted
            : figure == DrillFigure::Approved            ? figures.postsApproved
                                                         : figures.postsPublished;
        out.summary = tr("Posts: %1").arg(count);
        break;
    }
    case DrillFigure::Engagement:
        byValue = true;
        for (const Fact &f : facts) {
            const qint64 sum = f.likes + f.reposts + f.replies;
            if ((f.kind == Kind::ReplyEngagement || f.kind == Kind::PostPublished) && sum > 0) {
                add(f, f.kind == Kind::ReplyEngagement ? tr("Reply") : tr("Published post"), interactions(f), sum);
            }
        }
        out.summary = tr("likes %1, reposts %2, replies %3")
                          .arg(figures.likesEarned)
                          .arg(figures.repostsEarned)
                          .arg(figures.repliesEarned);
        break;
    case DrillFigure::OwnPosts:
        for (const Fact &f : facts) {
            if (f.kind == Kind::OwnPost) {
                add(f, tr("Post on their own account"), interactions(f), f.likes + f.reposts + f.replies);
            }
        }
        out.summary = tr("%1 posts, %2 interactions").arg(figures.ownPosts).arg(figures.ownPostEngagement);
        break;
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [byValue](const DrillRow &a, const DrillRow &b) {
        if (byValue && a.sortValue != b.sortValue) {
            return a.sortValue.value_or(-1) > b.sortValue.value_or(-1);
        }
        return a.atMs > b.atMs;
    });
    for (DrillRow &row : out.rows) {
        describe(db, row);
        row.when = row.atMs ? local(row.atMs) : QString();
    }
    return out;
}

} // namespace sb::metrics
