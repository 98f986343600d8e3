// switchboard-cli post new / post list: scheduled posts from the command line. `serve` (or the app) publishes them.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Clock.h"
#include "core/Domain.h"
#include "core/Ids.h"
#include "core/LocalTime.h"
#include "core/Recurrence.h"
#include "engine/Engine.h"
#include "engine/PostChecks.h"
#include "engine/PostImport.h"
#include "store/Sqlite.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <optional>

namespace sb::cli {

namespace {

QString isoInZone(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODateWithMs);
}

// "2026-11-25 10:00" or "2026-11-25T10:00[:ss]" in `zone`; an explicit offset ("...+01:00") picks one of two
// instants when the clocks go back. A time the clocks skip is refused, never shifted.
Result<qint64> parseWhen(const QString &text, const QTimeZone &zone)
{
    static const QRegularExpression form(
        QStringLiteral(R"(^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$)"));
    const auto m = form.match(text.trimmed());
    const QDate date = m.hasMatch() ? QDate::fromString(m.captured(1), Qt::ISODate) : QDate();
    const QTime time = m.hasMatch()
        ? QTime::fromString(m.captured(2),
                            m.captured(2).size() > 5 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"))
        : QTime();
    if (!date.isValid() || !time.isValid()) {
        return makeError(ErrorKind::Invalid, CliText::tr("--at takes a local date and time like 2026-11-25T10:00"));
    }
    const LocalTimeResolution resolved = resolveLocalTime(date, time, zone);
    const QString zoneName = QString::fromUtf8(zone.id());
    if (resolved.isGap()) {
        return makeError(ErrorKind::Invalid,
                         CliText::tr("%1 %2 does not exist in %3: the clocks skip it for daylight saving. Pick "
                                     "another time.")
                             .arg(date.toString(Qt::ISODate), time.toString(QStringLiteral("HH:mm")), zoneName));
    }
    if (!m.captured(3).isEmpty()) {
        const QDateTime withOffset
            = QDateTime::fromString(text.trimmed().replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODate);
        const qint64 instant = withOffset.toMSecsSinceEpoch();
        if (!withOffset.isValid()
            || std::find(resolved.instants.begin(), resolved.instants.end(), instant) == resolved.instants.end()) {
            return makeError(ErrorKind::Invalid,
                             CliText::tr("%1 is not a time %2 has at that date").arg(text.trimmed(), zoneName));
        }
        return instant;
    }
    if (resolved.isAmbiguous()) {
        return makeError(ErrorKind::Invalid,
                         CliText::tr("%1 %2 happens twice in %3 (the clocks go back): add the offset, %4 or %5")
                             .arg(date.toString(Qt::ISODate), time.toString(QStringLiteral("HH:mm")), zoneName,
                                  isoInZone(resolved.instants[0], zone).right(6),
                                  isoInZone(resolved.instants[1], zone).right(6)));
    }
    return resolved.instants.front();
}

// --zone, or the workspace's zone without it; nullopt when --zone names no zone.
std::optional<QTimeZone> zoneFromOption(Context &ctx)
{
    if (!ctx.args().has(QStringLiteral("zone"))) {
        return ctx.timeZone();
    }
    const QTimeZone zone(ctx.args().value(QStringLiteral("zone")).toUtf8());
    return zone.isValid() ? std::optional<QTimeZone>(zone) : std::nullopt;
}

QJsonObject postJson(SqliteDb &db, const QString &postId, const QTimeZone &zone)
{
    QJsonObject o;
    auto st = db.prepare(QStringLiteral("SELECT p.id, p.state, p.scheduled_at, coalesce(p.time_zone, ''), "
                                        "e.name, coalesce(c.name, ''), p.published_at FROM posts p "
                                        "JOIN employees e ON e.id = p.author_id "
                                        "LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.id = ?"));
    if (!st.ok()) {
        return o;
    }
    Statement &p = st.value();
    p.bind(1, postId);
    if (!p.next()) {
        return o;
    }
    const QTimeZone postZone(p.text(3).toUtf8());
    o.insert(QStringLiteral("id"), p.text(0));
    o.insert(QStringLiteral("state"), p.text(1));
    o.insert(QStringLiteral("scheduled_at"),
             p.isNull(2) ? QJsonValue() : QJsonValue(isoInZone(p.int64(2), postZone.isValid() ? postZone : zone)));
    o.insert(QStringLiteral("time_zone"), postZone.isValid() ? p.text(3) : QString::fromUtf8(zone.id()));
    o.insert(QStringLiteral("author"), p.text(4));
    o.insert(QStringLiteral("campaign"), p.text(5).isEmpty() ? QJsonValue() : QJsonValue(p.text(5)));
    o.insert(QStringLiteral("published_at"), p.isNull(6) ? QJsonValue() : QJsonValue(isoInZone(p.int64(6), zone)));
    auto vs = db.prepare(QStringLiteral("SELECT a.handle, v.text, v.state, coalesce(v.remote_url, ''), "
                                        "coalesce(v.error, '') FROM post_variants v JOIN accounts a ON a.id = "
                                        "v.account_id WHERE v.post_id = ? ORDER BY a.handle"));
    QJsonArray variants;
    if (vs.ok()) {
        Statement &v = vs.value();
        v.bind(1, postId);
        while (v.next()) {
            variants.append(QJsonObject {{QStringLiteral("account"), v.text(0)},
                                         {QStringLiteral("text"), v.text(1)},
                                         {QStringLiteral("state"), v.text(2)},
                                         {QStringLiteral("url"), v.text(3)},
                                         {QStringLiteral("error"), v.text(4)}});
        }
    }
    o.insert(QStringLiteral("variants"), variants);
    return o;
}

} // namespace

int runPostNew(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    const QString text = args.value(QStringLiteral("text"));
    if (text.trimmed().isEmpty()) {
        return ctx.usageError(CliText::tr("--text is the post's text"));
    }
    const QStringList accounts = args.value(QStringLiteral("account")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (accounts.isEmpty()) {
        return ctx.usageError(CliText::tr("--account names the account(s) to post to, separated by commas"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    const auto zoneOption = zoneFromOption(ctx);
    if (!zoneOption) {
        return ctx.usageError(CliText::tr("--zone takes an IANA time zone such as Europe/Berlin"));
    }
    const QTimeZone zone = *zoneOption;
    NewPost post;
    post.timeZone = QString::fromUtf8(zone.id());
    if (args.has(QStringLiteral("at"))) {
        const auto when = parseWhen(args.value(QStringLiteral("at")), zone);
        if (!when.ok()) {
            return ctx.usageError(when.error().message);
        }
        post.scheduledAtMs = when.value();
    }
    for (const QString &account : accounts) {
        const auto id = ctx.resolveAccount(account.trimmed());
        if (!id.ok()) {
            return ctx.fail(id.error());
        }
        post.variants.push_back({id.value(), text});
    }
    if (args.has(QStringLiteral("campaign"))) {
        auto st = ctx.db().prepare(QStringLiteral("SELECT id FROM campaigns WHERE id = ?1 OR name = ?1"));
        if (st.ok()) {
            st.value().bind(1, args.value(QStringLiteral("campaign")));
            if (st.value().next()) {
                post.campaignId = st.value().text(0);
            }
        }
        if (post.campaignId.isEmpty()) {
            return ctx.fail(CliText::tr("No campaign %1.").arg(args.value(QStringLiteral("campaign"))));
        }
    }
    Engine &engine = ctx.engine();
    Statement &roleOf = ctx.db().cached("SELECT role FROM employees WHERE id = ?");
    roleOf.bind(1, actor.value().id);
    const auto role = roleOf.next() ? roleFromName(roleOf.text(0)) : std::nullopt;
    roleOf.reset();
    // One post, or one per occurrence of a repeating one.
    std::vector<Occurrence> times;
    std::optional<Recurrence> rule;
    if (args.has(QStringLiteral("repeat"))) {
        rule = Recurrence();
        const auto frequency = Recurrence::frequencyFromName(args.value(QStringLiteral("repeat")));
        if (!frequency) {
            return ctx.usageError(CliText::tr("--repeat is daily, weekly or monthly"));
        }
        rule->frequency = *frequency;
        if (args.has(QStringLiteral("every"))) {
            const auto every = parsePositive(args.value(QStringLiteral("every")));
            if (!every || *every > 365) {
                return ctx.usageError(CliText::tr("--every takes a number (1-365)"));
            }
            rule->interval = int(*every);
        }
        if (args.has(QStringLiteral("count")) == args.has(QStringLiteral("until"))) {
            return ctx.usageError(CliText::tr("a repeating post needs exactly one of --count N and --until DATE"));
        }
        if (args.has(QStringLiteral("count"))) {
            const auto count = parsePositive(args.value(QStringLiteral("count")));
            if (!count || *count > Recurrence::kMaxOccurrences) {
                return ctx.usageError(CliText::tr("--count takes a number (1-%1)").arg(Recurrence::kMaxOccurrences));
            }
            rule->count = int(*count);
        } else {
            rule->until = QDate::fromString(args.value(QStringLiteral("until")), Qt::ISODate);
            if (!rule->until.isValid()) {
                return ctx.usageError(CliText::tr("--until takes a date like 2026-12-31"));
            }
        }
        if (!post.scheduledAtMs) {
            return ctx.usageError(CliText::tr("a repeating post needs its first time (--at)"));
        }
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(post.scheduledAtMs, zone);
        times = occurrences(first.date(), first.time(), zone, *rule);
        if (times.empty()) {
            return ctx.usageError(CliText::tr("--until is before the first time"));
        }
        times.front().instant = post.scheduledAtMs; // the first is exactly the time given (an offset chose it)
    } else {
        times.push_back({{}, post.scheduledAtMs, Occurrence::Note::None});
    }
    // The same text to the same account a few days apart reads like a mistake to followers: say so.
    if (post.scheduledAtMs) {
        for (const NewPostVariant &v : post.variants) {
            for (const PostChecks::Duplicate &d :
                 PostChecks::duplicates(ctx.db(), v.accountId, v.text, times.front().instant, times.back().instant)) {
                ctx.err() << "switchboard-cli: "
                          << CliText::tr("warning: the same text already goes to %1 on %2 (post %3), within %4 "
                                         "days (setting duplicate_window_days)")
                                 .arg(d.handle, isoInZone(d.scheduledAt, zone), d.postId.left(8))
                                 .arg(PostChecks::duplicateWindowDays(ctx.db()))
                          << '\n';
            }
        }
    }
    Transaction tx(ctx.db());
    if (Status s = tx.began(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const QString series = RandomIdSource::instance().next();
    QJsonArray created;
    for (size_t i = 0; i < times.size(); ++i) {
        NewPost one = post;
        one.scheduledAtMs = times[i].instant;
        if (rule) {
            one.recurrence = rule->toJson(series, int(i));
        }
        const auto id = engine.createPost(actor.value(), one);
        if (!id.ok()) {
            return ctx.fail(id.error());
        }
        if (!args.has(QStringLiteral("draft"))) {
            if (Status s = engine.submitPost(actor.value(), id.value()); !s.ok()) {
                return ctx.fail(s.error());
            }
            // Whoever may approve posts schedules their own at once; anyone else's waits for review.
            if (role && canApprove(*role)) {
                if (Status s = engine.approvePost(actor.value(), id.value()); !s.ok()) {
                    return ctx.fail(s.error());
                }
            }
        }
        QJsonObject result = postJson(ctx.db(), id.value(), zone);
        switch (times[i].note) {
        case Occurrence::Note::MonthTooShort:
            result.insert(QStringLiteral("note"), CliText::tr("the month has no such day: its last day"));
            break;
        case Occurrence::Note::SkippedTime:
            result.insert(QStringLiteral("note"),
                          CliText::tr("the clocks skip that time that day: it goes out as they jump"));
            break;
        case Occurrence::Note::RepeatedTime:
            result.insert(QStringLiteral("note"), CliText::tr("that time happens twice that day: the first"));
            break;
        case Occurrence::Note::None: break;
        }
        created.append(result);
    }
    if (Status s = tx.commit(); !s.ok()) {
        return ctx.fail(s.error());
    }
    if (ctx.json()) {
        if (rule) {
            printJson(ctx.out(), created);
        } else {
            printJson(ctx.out(), created.first().toObject());
        }
        return ExitOk;
    }
    for (const QJsonValue &v : created) {
        const QJsonObject result = v.toObject();
        ctx.out() << CliText::tr("Post %1 is %2%3.")
                         .arg(result.value(QStringLiteral("id")).toString(),
                              result.value(QStringLiteral("state")).toString(),
                              result.value(QStringLiteral("scheduled_at")).isString()
                                  ? CliText::tr(", due %1 (%2)")
                                        .arg(result.value(QStringLiteral("scheduled_at")).toString(), post.timeZone)
                                  : QString());
        if (result.contains(QStringLiteral("note"))) {
            ctx.out() << " (" << result.value(QStringLiteral("note")).toString() << ')';
        }
        ctx.out() << '\n';
    }
    return ExitOk;
}

int runPostList(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    static const QStringList states {
        QStringLiteral("draft"),     QStringLiteral("in_review"),           QStringLiteral("approved"),
        QStringLiteral("scheduled"), QStringLiteral("publishing"),          QStringLiteral("published"),
        QStringLiteral("failed"),    QStringLiteral("partially_published"), QStringLiteral("missed")};
    const QString state = args.value(QStringLiteral("state"));
    if (!state.isEmpty() && !states.contains(state)) {
        return ctx.usageError(CliText::tr("--state is one of %1").arg(states.join(QStringLiteral(", "))));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const QTimeZone zone = ctx.timeZone();
    qint64 fromMs = std::numeric_limits<qint64>::min();
    qint64 toMs = std::numeric_limits<qint64>::max();
    for (const char *name : {"from", "to"}) {
        const QString key = QString::fromLatin1(name);
        if (!args.has(key)) {
            continue;
        }
        const QDate day = QDate::fromString(args.value(key), Qt::ISODate);
        if (!day.isValid()) {
            return ctx.usageError(CliText::tr("--%1 takes a date like 2026-11-01").arg(key));
        }
        (key == QLatin1String("from") ? fromMs : toMs)
            = (key == QLatin1String("from") ? day : day.addDays(1)).startOfDay(zone).toMSecsSinceEpoch();
    }
    auto st = ctx.db().prepare(QStringLiteral("SELECT id FROM posts WHERE (coalesce(?1, '') = '' OR state = ?1) AND "
                                              "coalesce(scheduled_at, created_at) >= ?2 AND "
                                              "coalesce(scheduled_at, created_at) < ?3 "
                                              "ORDER BY coalesce(scheduled_at, created_at), id LIMIT 10000"));
    if (!st.ok()) {
        return ctx.fail(st.error());
    }
    st.value().bind(1, state).bind(2, fromMs).bind(3, toMs);
    QJsonArray posts;
    while (st.value().next()) {
        posts.append(postJson(ctx.db(), st.value().text(0), zone));
    }
    if (ctx.json()) {
        printJson(ctx.out(), posts);
        return ExitOk;
    }
    for (const QJsonValue &v : posts) {
        const QJsonObject p = v.toObject();
        QStringList where;
        QString first;
        for (const QJsonValue &variant : p.value(QStringLiteral("variants")).toArray()) {
            where << variant.toObject().value(QStringLiteral("account")).toString();
            if (first.isEmpty()) {
                first = variant.toObject().value(QStringLiteral("text")).toString();
            }
        }
        ctx.out()
            << p.value(QStringLiteral("id")).toString().left(8) << "  "
            << p.value(QStringLiteral("scheduled_at")).toString().left(16).replace(QLatin1Char('T'), QLatin1Char(' '))
            << "  " << p.value(QStringLiteral("state")).toString() << "  " << where.join(QStringLiteral(", ")) << "  "
            << oneLine(first, 60) << '\n';
    }
    if (posts.isEmpty()) {
        ctx.out() << CliText::tr("No posts.") << '\n';
    }
    return ExitOk;
}

int runPostImport(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    QFile file(args.positionals().value(0));
    if (!file.open(QIODevice::ReadOnly)) {
        return ctx.fail(CliText::tr("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    }
    if (file.size() > 32 * 1024 * 1024) {
        return ctx.fail(CliText::tr("%1 is larger than 32 MB; split it into several files").arg(file.fileName()));
    }
    const QByteArray csv = file.readAll();
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    const auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    const auto zoneOption = zoneFromOption(ctx);
    if (!zoneOption) {
        return ctx.usageError(CliText::tr("--zone takes an IANA time zone such as Europe/Berlin"));
    }
    const QTimeZone zone = *zoneOption;
    const PostImport::Plan plan = PostImport::plan(ctx.db(), csv, zone, SystemClock::instance().nowMs());
    const bool validOnly = args.has(QStringLiteral("valid-only"));
    const bool refused = !plan.problems.empty() && (!validOnly || plan.valid.empty());
    QStringList imported;
    if (!refused && !plan.valid.empty()) {
        const auto applied = PostImport::apply(ctx.engine(), actor.value(), plan);
        if (!applied.ok()) {
            return ctx.fail(applied.error());
        }
        imported = applied.value();
    }
    if (ctx.json()) {
        QJsonArray problems;
        for (const PostImport::Problem &p : plan.problems) {
            problems.append(QJsonObject {{QStringLiteral("row"), p.row},
                                         {QStringLiteral("column"), p.column},
                                         {QStringLiteral("message"), p.message}});
        }
        printJson(ctx.out(),
                  QJsonObject {{QStringLiteral("rows"), plan.rows},
                               {QStringLiteral("valid"), int(plan.valid.size())},
                               {QStringLiteral("imported"), int(imported.size())},
                               {QStringLiteral("posts"), QJsonArray::fromStringList(imported)},
                               {QStringLiteral("problems"), problems}});
    } else {
        for (const PostImport::Problem &p : plan.problems) {
            ctx.out() << (p.row > 0 ? CliText::tr("row %1").arg(p.row) : CliText::tr("file"))
                      << (p.column.isEmpty() ? QString() : QStringLiteral(", ") + p.column) << ": " << p.message
                      << '\n';
        }
        ctx.out() << CliText::tr("%1 row(s), %2 valid, %3 imported.")
                         .arg(plan.rows)
                         .arg(plan.valid.size())
                         .arg(imported.size())
                  << '\n';
    }
    if (refused) {
        return ctx.fail(plan.valid.empty()
                            ? CliText::tr("nothing was imported: no row is valid")
                            : CliText::tr("nothing was imported: %n row(s) have problems (--valid-only imports the "
                                          "others)",
                                          nullptr, int(plan.invalidRows().size())));
    }
    return ExitOk;
}

} // namespace sb::cli
