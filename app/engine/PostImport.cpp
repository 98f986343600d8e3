#include "engine/PostImport.h"

#include "channels/PostLength.h"
#include "core/LocalTime.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMimeDatabase>
#include <QRegularExpression>

namespace sb::PostImport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PostImport", text);
}

struct Account {
    QString id;
    QString network;
    QString handle;
    int maxChars = 0;
};

} // namespace

QStringList Plan::invalidRows() const
{
    QStringList out;
    for (const Problem &p : problems) {
        const QString row = QString::number(p.row);
        if (!out.contains(row)) {
            out << row;
        }
    }
    return out;
}

Result<std::vector<QStringList>> parseCsv(const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1); // a byte order mark, as spreadsheets write it
    }
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
                ++i;
            }
            record << field;
            field.clear();
            fieldStarted = false;
            if (!(record.size() == 1 && record.first().isEmpty())) { // blank lines are skipped
                records.push_back(record);
            }
            record.clear();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        return makeError(ErrorKind::Invalid, tr("A quoted field is never closed (a \" is missing)."));
    }
    if (fieldStarted || !record.isEmpty()) {
        record << field;
        records.push_back(record);
    }
    return records;
}

Plan plan(SqliteDb &db, const QByteArray &csv, const QTimeZone &defaultZone, qint64 nowMs)
{
    Plan out;
    const auto parsed = parseCsv(csv);
    if (!parsed.ok()) {
        out.problems.push_back({0, {}, parsed.error().message});
        return out;
    }
    const std::vector<QStringList> &records = parsed.value();
    if (records.empty()) {
        out.problems.push_back({0, {}, tr("The file is empty: it needs a header row and one row per post.")});
        return out;
    }
    QHash<QString, int> column;
    const QStringList known {QStringLiteral("date"),    QStringLiteral("time"), QStringLiteral("zone"),
                             QStringLiteral("account"), QStringLiteral("text"), QStringLiteral("media"),
                             QStringLiteral("campaign")};
    for (int i = 0; i < records.front().size(); ++i) {
        const QString name = records.front().at(i).trimmed().toLower();
        if (known.contains(name)) {
            column.insert(name, i);
        } else if (!name.isEmpty()) {
            out.problems.push_back(
                {0, name, tr("Unknown column \"%1\" (known: %2).").arg(name, known.join(QStringLiteral(", ")))});
        }
    }
    for (const char *required : {"date", "time", "account", "text"}) {
        if (!column.contains(QLatin1String(required))) {
            out.problems.push_back(
                {0, QLatin1String(required), tr("The header has no %1 column.").arg(QLatin1String(required))});
        }
    }
    if (!out.problems.empty()) {
        return out;
    }

    QHash<QString, Account> accounts; // by id and by lower-case handle
    if (auto st = db.prepare(QStringLiteral("SELECT id, network, handle, coalesce(max_chars, 0) FROM accounts WHERE "
                                            "archived = 0"));
        st.ok()) {
        while (st.value().next()) {
            Account a {st.value().text(0), st.value().text(1), st.value().text(2), st.value().integer(3)};
            if (a.maxChars <= 0) {
                a.maxChars = a.network == QLatin1String("bluesky") ? 300 : 500;
            }
            accounts.insert(a.id, a);
            accounts.insert(a.handle.toLower(), a);
        }
    }
    QHash<QString, QString> campaigns; // id and lower-case name -> id
    if (auto st = db.prepare(QStringLiteral("SELECT id, name FROM campaigns")); st.ok()) {
        while (st.value().next()) {
            campaigns.insert(st.value().text(0), st.value().text(0));
            campaigns.insert(st.value().text(1).toLower(), st.value().text(0));
        }
    }

    static const QRegularExpression timeForm(
        QStringLiteral(R"(^(\d{1,2}:\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:\d{2})?$)"));
    const QMimeDatabase mimes;
    for (size_t r = 1; r < records.size(); ++r) {
        const int row = int(r) + 1; // as a spreadsheet numbers it: the header is row 1
        const QStringList &fields = records[r];
        ++out.rows;
        const auto value = [&](const char *name) {
            const int i = column.value(QLatin1String(name), -1);
            return i >= 0 && i < fields.size() ? fields.at(i).trimmed() : QString();
        };
        const size_t before = out.problems.size();
        const auto problem = [&](const char *col, const QString &message) {
            out.problems.push_back({row, QLatin1String(col), message});
        };
        PlannedPost planned;
        planned.row = row;

        QTimeZone zone = defaultZone;
        if (const QString z = value("zone"); !z.isEmpty()) {
            zone = QTimeZone(z.toUtf8());
            if (!zone.isValid()) {
                problem("zone", tr("\"%1\" is not a time zone (use IANA names such as Europe/Berlin).").arg(z));
            }
        }
        const QDate date = QDate::fromString(value("date"), Qt::ISODate);
        if (!date.isValid()) {
            problem("date", tr("\"%1\" is not a date like 2026-12-01.").arg(value("date")));
        }
        const auto m = timeForm.match(value("time"));
        QTime time;
        if (m.hasMatch()) {
            time = QTime::fromString(m.captured(1).rightJustified(5, QLatin1Char('0')), QStringLiteral("HH:mm"));
            if (!m.captured(2).isEmpty() && time.isValid()) {
                time = time.addSecs(m.captured(2).toInt());
            }
        }
        if (!time.isValid()) {
            problem("time", tr("\"%1\" is not a time like 09:30.").arg(value("time")));
        }
        if (date.isValid() && time.isValid() && zone.isValid()) {
            const LocalTimeResolution resolved = resolveLocalTime(date, time, zone);
            const QString when = date.toString(Qt::ISODate) + QLatin1Char(' ') + time.toString(QStringLiteral("HH:mm"));
            const QString zoneName = QString::fromUtf8(zone.id());
            if (resolved.isGap()) {
                problem("time",
                        tr("%1 does not exist in %2: the clocks skip it for daylight saving.").arg(when, zoneName));
            } else {
                qint64 instant = resolved.instants.front();
                if (resolved.isAmbiguous()) {
                    const QString offset = m.captured(3);
                    instant = 0;
                    for (const qint64 candidate : resolved.instants) {
                        const QDateTime at = QDateTime::fromMSecsSinceEpoch(candidate, zone);
                        if (!offset.isEmpty() && at.toString(Qt::ISODate).endsWith(offset)) {
                            instant = candidate;
                        }
                    }
                    if (instant == 0) {
                        problem("time",
                                tr("%1 happens twice in %2 (the clocks go back): add the offset, %3 or %4.")
                                    .arg(when, zoneName,
                                         QDateTime::fromMSecsSinceEpoch(resolved.instants[0], zone)
                                             .toString(Qt::ISODate)
                                             .right(6),
                                         QDateTime::fromMSecsSinceEpoch(resolved.instants[1], zone)
                                             .toString(Qt::ISODate)
                                             .right(6)));
                    }
                }
                if (instant != 0 && instant <= nowMs) {
                    problem("time", tr("%1 in %2 has passed.").arg(when, zoneName));
                }
                planned.post.scheduledAtMs = instant;
                planned.post.timeZone = zoneName;
            }
        }

        const QString accountText = value("account");
        auto account = accounts.constFind(accountText); // an id
        if (account == accounts.constEnd()) {
            account = accounts.constFind(accountText.toLower()); // a handle, as shown
        }
        if (account == accounts.constEnd() && !accountText.startsWith(QLatin1Char('@'))) {
            account = accounts.constFind(QLatin1Char('@') + accountText.toLower()); // a handle without its @
        }
        const QString text = value("text");
        if (account == accounts.constEnd()) {
            problem("account", tr("No account \"%1\" in this workspace.").arg(accountText));
        } else {
            if (text.isEmpty()) {
                problem("text", tr("The post has no text."));
            } else if (const int length = postLength(text, account->network); length > account->maxChars) {
                problem("text",
                        tr("%1 characters; %2 allows %3.").arg(length).arg(account->handle).arg(account->maxChars));
            }
            planned.post.variants.push_back({account->id, text});
        }
        if (account == accounts.constEnd() && text.isEmpty()) {
            problem("text", tr("The post has no text."));
        }

        if (const QString media = value("media"); !media.isEmpty()) {
            const QFileInfo file(media);
            if (!file.isFile() || !file.isReadable()) {
                problem("media", tr("The image %1 cannot be read.").arg(media));
            } else {
                const QString mime = mimes.mimeTypeForFile(file).name();
                if (!mime.startsWith(QLatin1String("image/"))) {
                    problem("media", tr("%1 is not an image (%2).").arg(file.fileName(), mime));
                } else if (account != accounts.constEnd() && file.size() > maxImageBytes(account->network)) {
                    problem("media",
                            tr("%1 is larger than %2 takes (%3 KB).")
                                .arg(file.fileName(), account->handle)
                                .arg(maxImageBytes(account->network) / 1000));
                }
                planned.mediaPath = file.absoluteFilePath();
                planned.mediaMime = mime;
                planned.mediaBytes = file.size();
            }
        }
        if (const QString campaign = value("campaign"); !campaign.isEmpty()) {
            const QString id = campaigns.value(campaign, campaigns.value(campaign.toLower()));
            if (id.isEmpty()) {
                problem("campaign", tr("No campaign \"%1\".").arg(campaign));
            }
            planned.post.campaignId = id;
        }
        if (out.problems.size() == before) {
            out.valid.push_back(std::move(planned));
        }
    }
    if (out.rows == 0) {
        out.problems.push_back({0, {}, tr("The file has a header but no rows.")});
    }
    return out;
}

Result<QStringList> apply(Engine &engine, const Actor &actor, const Plan &plan)
{
    SqliteDb &db = engine.db();
    Transaction tx(db);
    SB_TRY(tx.began());
    Statement &roleOf = db.cached("SELECT role FROM employees WHERE id = ?");
    roleOf.bind(1, actor.id);
    const auto role = roleOf.next() ? roleFromName(roleOf.text(0)) : std::nullopt;
    roleOf.reset();
    QStringList ids;
    for (const PlannedPost &p : plan.valid) {
        const auto created = engine.createPost(actor, p.post);
        if (!created.ok()) {
            return Error {created.error().kind, tr("Row %1: %2").arg(p.row).arg(created.error().message), {}};
        }
        if (!p.mediaPath.isEmpty()) {
            SB_TRY(engine.addPostMedia(actor, created.value(), p.mediaPath, p.mediaMime, p.mediaBytes, QString()));
        }
        SB_TRY(engine.submitPost(actor, created.value()));
        if (role && canApprove(*role)) {
            SB_TRY(engine.approvePost(actor, created.value()));
        }
        ids << created.value();
    }
    SB_TRY(tx.commit());
    return ids;
}

} // namespace sb::PostImport
