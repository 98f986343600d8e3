#include "engine/CalendarIcs.h"

#include "store/Sqlite.h"

#include <QDateTime>
#include <QTimeZone>

namespace sb {

namespace {

QByteArray utcStamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

void line(QByteArray &out, const QByteArray &content)
{
    out += icsFold(content);
    out += "\r\n";
}

void textLine(QByteArray &out, const char *name, const QString &value)
{
    line(out, QByteArray(name) + ':' + icsEscape(value).toUtf8());
}

// Calendar apps show these in their lists: what kind of entry it is, at a glance.
QString stateLabel(const QString &state)
{
    if (state == QLatin1String("published")) {
        return QStringLiteral("published");
    }
    if (state == QLatin1String("in_review")) {
        return QStringLiteral("in review");
    }
    if (state == QLatin1String("partially_published")) {
        return QStringLiteral("partly published");
    }
    return state;
}

} // namespace

QString icsEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\': out += QStringLiteral("\\\\"); break;
        case u';': out += QStringLiteral("\\;"); break;
        case u',': out += QStringLiteral("\\,"); break;
        case u'\n': out += QStringLiteral("\\n"); break;
        case u'\r': break;
        default:
            if (c.unicode() >= 0x20 || c == QLatin1Char('\t')) {
                out += c; // other control characters are not allowed in iCalendar text
            }
        }
    }
    return out;
}

QByteArray icsFold(const QByteArray &content)
{
    if (content.size() <= 75) {
        return content;
    }
    QByteArray out;
    qsizetype start = 0;
    qsizetype limit = 75; // the first line holds 75 octets, continuation lines a space and 74
    while (content.size() - start > limit) {
        qsizetype cut = start + limit;
        while (cut > start && (uchar(content.at(cut)) & 0xC0) == 0x80) {
            --cut; // never inside a UTF-8 sequence
        }
        out += content.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = 74;
    }
    out += content.mid(start);
    return out;
}

Result<QByteArray> calendarIcs(SqliteDb &db, const IcsOptions &options)
{
    QByteArray out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Switchboard//Publishing calendar//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:Switchboard publishing calendar");
    const QByteArray stamp = utcStamp(options.nowMs);
    const qint64 fromMs
        = options.from.isValid() ? QDateTime(options.from, QTime(0, 0), options.zone).toMSecsSinceEpoch() : 0;
    const qint64 toMs = options.to.isValid()
        ? QDateTime(options.to.addDays(1), QTime(0, 0), options.zone).toMSecsSinceEpoch()
        : std::numeric_limits<qint64>::max();

    auto posts = db.prepare(QStringLiteral(
        "SELECT p.id, p.state, p.scheduled_at, coalesce(p.time_zone, ''), coalesce(p.local_time, ''), e.name, "
        "coalesce(c.name, ''), p.updated_at, p.published_at FROM posts p JOIN employees e ON e.id = p.author_id "
        "LEFT JOIN campaigns c ON c.id = p.campaign_id WHERE p.scheduled_at IS NOT NULL AND p.scheduled_at >= ?1 "
        "AND p.scheduled_at < ?2 AND (?3 OR p.state != 'draft') ORDER BY p.scheduled_at, p.id"));
    SB_TRY(posts);
    auto variants = db.prepare(QStringLiteral("SELECT a.handle, v.text, v.state, coalesce(v.remote_url, '') FROM "
                                              "post_variants v JOIN accounts a ON a.id = v.account_id WHERE "
                                              "v.post_id = ? ORDER BY a.handle"));
    SB_TRY(variants);
    Statement &p = posts.value();
    p.bindAll(fromMs, toMs, options.includeDrafts ? 1 : 0);
    while (p.next()) {
        const QString id = p.text(0);
        const QString state = p.text(1);
        const qint64 at = p.int64(2);
        Statement &v = variants.value();
        v.bind(1, id);
        QStringList handles;
        QStringList texts;
        QString firstText;
        QString url;
        while (v.next()) {
            handles << v.text(0);
            texts << v.text(0) + QStringLiteral(": ") + v.text(1);
            if (firstText.isEmpty()) {
                firstText = v.text(1);
            }
            if (url.isEmpty()) {
                url = v.text(3);
            }
        }
        v.reset();
        QString summary = firstText.simplified();
        if (summary.size() > 60) {
            summary = summary.left(59) + QChar(0x2026);
        }
        if (state != QLatin1String("scheduled") && state != QLatin1String("publishing")) {
            summary = QLatin1Char('[') + stateLabel(state) + QStringLiteral("] ") + summary;
        }
        QStringList description;
        description << texts.join(QStringLiteral("\n\n"));
        QString when = QStringLiteral("State: %1").arg(stateLabel(state));
        if (!p.text(3).isEmpty()) {
            const QTimeZone zone(p.text(3).toUtf8());
            const QString local = zone.isValid()
                ? QDateTime::fromMSecsSinceEpoch(at, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                : p.text(4);
            when += QStringLiteral("\nScheduled for %1 %2").arg(local, p.text(3));
        }
        description << when;
        description << QStringLiteral("Author: %1").arg(p.text(5));
        if (!p.text(6).isEmpty()) {
            description << QStringLiteral("Campaign: %1").arg(p.text(6));
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + id.toUtf8() + "@switchboard");
        line(out, "DTSTAMP:" + stamp);
        line(out, "LAST-MODIFIED:" + utcStamp(p.int64(7)));
        line(out, "DTSTART:" + utcStamp(at));
        line(out, "DURATION:PT15M");
        textLine(out, "SUMMARY", summary.isEmpty() ? QStringLiteral("(post without text)") : summary);
        textLine(out, "DESCRIPTION", description.join(QStringLiteral("\n")));
        if (!handles.isEmpty()) {
            textLine(out, "LOCATION", handles.join(QStringLiteral(", ")));
        }
        if (!p.text(6).isEmpty()) {
            textLine(out, "CATEGORIES", p.text(6));
        }
        if (!url.isEmpty() && (url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://")))) {
            line(out, "URL:" + url.toUtf8());
        }
        line(out,
             state == QLatin1String("draft") || state == QLatin1String("in_review")     ? "STATUS:TENTATIVE"
                 : state == QLatin1String("missed") || state == QLatin1String("failed") ? "STATUS:CANCELLED"
                                                                                        : "STATUS:CONFIRMED");
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    }
    if (p.failed()) {
        return p.error();
    }

    // Campaigns: all-day events over their dates (DTEND is exclusive).
    auto campaigns = db.prepare(QStringLiteral("SELECT id, name, starts_on, ends_on, description, updated_at FROM "
                                               "campaigns WHERE ends_on >= ?1 AND starts_on <= ?2 ORDER BY starts_on"));
    SB_TRY(campaigns);
    Statement &c = campaigns.value();
    c.bindAll(options.from.isValid() ? options.from.toString(Qt::ISODate) : QStringLiteral("0000-01-01"),
              options.to.isValid() ? options.to.toString(Qt::ISODate) : QStringLiteral("9999-12-31"));
    while (c.next()) {
        const QDate starts = QDate::fromString(c.text(2), Qt::ISODate);
        const QDate ends = QDate::fromString(c.text(3), Qt::ISODate);
        if (!starts.isValid() || !ends.isValid()) {
            continue;
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:campaign-" + c.text(0).toUtf8() + "@switchboard");
        line(out, "DTSTAMP:" + stamp);
        line(out, "LAST-MODIFIED:" + utcStamp(c.int64(5)));
        line(out, "DTSTART;VALUE=DATE:" + starts.toString(QStringLiteral("yyyyMMdd")).toLatin1());
        line(out, "DTEND;VALUE=DATE:" + ends.addDays(1).toString(QStringLiteral("yyyyMMdd")).toLatin1());
        textLine(out, "SUMMARY", QStringLiteral("Campaign: %1").arg(c.text(1)));
        if (!c.text(4).isEmpty()) {
            textLine(out, "DESCRIPTION", c.text(4));
        }
        textLine(out, "CATEGORIES", c.text(1));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
    }
    if (c.failed()) {
        return c.error();
    }
    line(out, "END:VCALENDAR");
    return out;
}

} // namespace sb
