// inbox list / show / assign / status / note. Reads are SELECTs; every change goes through the Engine.
#include "cli/CliCommands.h"
#include "cli/CliContext.h"
#include "cli/CliFormat.h"
#include "cli/CliText.h"
#include "core/Domain.h"
#include "store/InboxSearch.h"
#include "store/SearchTerms.h"
#include "store/Sqlite.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace sb::cli {

namespace {
constexpr qint64 kDefaultLimit = 50;
constexpr qsizetype kTableTextWidth = 60;

// One conversation as inbox list prints it. Column order matches kSummarySelect.
const char *const kSummarySelect
    = "SELECT c.id, a.handle, a.network, ct.handle, ct.display_name, "
      "coalesce((SELECT i.text FROM items i WHERE i.conversation_id = c.id AND i.direction = 'in' "
      "ORDER BY i.seq DESC LIMIT 1), c.snippet), "
      "c.status, c.assignee_id, e.name, c.created_at, c.updated_at, c.last_item_at, c.priority, "
      "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM conversation_tags WHERE conversation_id = c.id "
      "ORDER BY tag)), "
      "c.sla_due_at, c.unread, c.kind, c.snoozed_until, c.item_count, c.account_id, c.first_inbound_at, c.spam, "
      "c.first_response_at, c.resolved_at, tm.name "
      "FROM conversations c JOIN accounts a ON a.id = c.account_id "
      "LEFT JOIN contacts ct ON ct.id = c.contact_id "
      "LEFT JOIN employees e ON e.id = c.assignee_id "
      "LEFT JOIN teams tm ON tm.id = c.team_id ";

QJsonValue textOrNull(const Statement &q, int col)
{
    return q.isNull(col) ? QJsonValue() : QJsonValue(q.text(col));
}

QJsonObject summaryJson(const Statement &q)
{
    QJsonArray tags;
    if (!q.isNull(13)) {
        for (const QString &tag : q.text(13).split(QChar(31), Qt::SkipEmptyParts)) {
            tags.append(tag);
        }
    }
    return QJsonObject {
        {QStringLiteral("id"), q.text(0)},
        {QStringLiteral("account"), q.text(1)},
        {QStringLiteral("account_id"), q.text(19)},
        {QStringLiteral("network"), q.text(2)},
        {QStringLiteral("kind"), q.text(16)},
        {QStringLiteral("author"), textOrNull(q, 3)},
        {QStringLiteral("author_name"), textOrNull(q, 4)},
        {QStringLiteral("text"), q.text(5)},
        {QStringLiteral("status"), q.text(6)},
        {QStringLiteral("snoozed_until"), isoOrNull(q.int64(17), !q.isNull(17))},
        {QStringLiteral("assignee"), textOrNull(q, 8)},
        {QStringLiteral("assignee_id"), textOrNull(q, 7)},
        {QStringLiteral("team"), textOrNull(q, 24)},
        {QStringLiteral("priority"), q.integer(12)},
        {QStringLiteral("tags"), tags},
        {QStringLiteral("sla_due_at"), isoOrNull(q.int64(14), !q.isNull(14))},
        {QStringLiteral("unread"), q.integer(15) != 0},
        {QStringLiteral("spam"), q.integer(21) != 0},
        {QStringLiteral("item_count"), q.integer(18)},
        {QStringLiteral("first_item_at"), isoOrNull(q.int64(20))},
        {QStringLiteral("last_item_at"), isoOrNull(q.int64(11))},
        {QStringLiteral("first_response_at"), isoOrNull(q.int64(22), !q.isNull(22))},
        {QStringLiteral("resolved_at"), isoOrNull(q.int64(23), !q.isNull(23))},
        {QStringLiteral("created_at"), isoOrNull(q.int64(9))},
        {QStringLiteral("updated_at"), isoOrNull(q.int64(10))},
    };
}

QString authorLabel(const Statement &q)
{
    if (!q.isNull(3)) {
        return q.text(3);
    }
    return QStringLiteral("-");
}

Result<QJsonObject> conversationSummary(SqliteDb &db, const QString &id)
{
    auto st = db.prepare(QString::fromLatin1(kSummarySelect) + QStringLiteral("WHERE c.id = ?"));
    SB_TRY(st);
    st.value().bind(1, id);
    if (!st.value().next()) {
        if (st.value().failed()) {
            return st.value().error();
        }
        return makeError(ErrorKind::NotFound, CliText::tr("No conversation with the id %1.").arg(id));
    }
    return summaryJson(st.value());
}

// Words of a search become quoted FTS5 strings (the inbox's own rule), so no input can be read as query syntax. A
// trailing * on a word keeps its meaning: a prefix search. Words are ANDed. With `db`, prefixes are looked up in
// the index's terms.
QString ftsQuery(const QString &search, SqliteDb *db = nullptr)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    std::optional<PrefixExpander> prefixes;
    if (db) {
        prefixes.emplace(*db);
    }
    return ftsMatchExpression(search.split(whitespace, Qt::SkipEmptyParts), false, prefixes ? &*prefixes : nullptr);
}

// Names of employees and teams by id, for the history people read.
QHash<QString, QString> rosterNames(SqliteDb &db)
{
    QHash<QString, QString> names;
    if (auto st = db.prepare(QStringLiteral("SELECT id, name FROM employees UNION ALL SELECT id, name FROM teams"));
        st.ok()) {
        while (st.value().next()) {
            names.insert(st.value().text(0), st.value().text(1));
        }
    }
    return names;
}

// Prints the conversation's summary after a change, as JSON or as one confirming line.
int reportChange(Context &ctx, const QString &conversationId, const QString &message)
{
    if (!ctx.json()) {
        ctx.out() << message << '\n';
        return ExitOk;
    }
    auto summary = conversationSummary(ctx.db(), conversationId);
    if (!summary.ok()) {
        return ctx.fail(summary.error());
    }
    printJson(ctx.out(), summary.value());
    return ExitOk;
}
} // namespace

int runInboxList(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    qint64 limit = kDefaultLimit;
    if (args.has(QStringLiteral("limit"))) {
        const auto n = parsePositive(args.value(QStringLiteral("limit")));
        if (!n) {
            return ctx.usageError(
                CliText::tr("--limit takes a positive number, not \"%1\"").arg(args.value(QStringLiteral("limit"))));
        }
        limit = *n;
    }
    QString status;
    if (args.has(QStringLiteral("status"))) {
        const auto parsed = statusFromName(args.value(QStringLiteral("status")).trimmed().toLower());
        if (!parsed) {
            return ctx.usageError(CliText::tr("--status takes open, pending, snoozed or resolved, not \"%1\"")
                                      .arg(args.value(QStringLiteral("status"))));
        }
        status = statusName(*parsed);
    }
    QString match;
    if (args.has(QStringLiteral("search"))) {
        match = ftsQuery(args.value(QStringLiteral("search")));
        if (match.isEmpty()) {
            return ctx.usageError(CliText::tr("--search needs at least one word"));
        }
    }
    const QString assigneeArg = args.value(QStringLiteral("assignee")).trimmed();
    if (args.has(QStringLiteral("assignee")) && assigneeArg.isEmpty()) {
        return ctx.usageError(CliText::tr("--assignee needs an employee (or none)"));
    }
    const QString accountArg = args.value(QStringLiteral("account")).trimmed();
    if (args.has(QStringLiteral("account")) && accountArg.isEmpty()) {
        return ctx.usageError(CliText::tr("--account needs an account id or handle"));
    }

    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    if (!match.isEmpty()) {
        match = ftsQuery(args.value(QStringLiteral("search")), &ctx.db());
    }
    QStringList where {QStringLiteral("c.spam = 0")}; // as in the app's list (and its index is of those only)
    QStringList binds;
    if (!status.isEmpty()) {
        where << QStringLiteral("c.status = ?");
        binds << status;
    }
    if (!assigneeArg.isEmpty()) {
        if (assigneeArg.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 || assigneeArg == QLatin1String("-")) {
            where << QStringLiteral("c.assignee_id IS NULL");
        } else {
            auto employee = ctx.resolveEmployee(assigneeArg);
            if (!employee.ok()) {
                return ctx.fail(employee.error());
            }
            where << QStringLiteral("c.assignee_id = ?");
            binds << employee.value().id;
        }
    }
    if (!accountArg.isEmpty()) {
        auto account = ctx.resolveAccount(accountArg);
        if (!account.ok()) {
            return ctx.fail(account.error());
        }
        where << QStringLiteral("c.account_id = ?");
        binds << account.value();
    }
    if (!match.isEmpty()) {
        where << QStringLiteral(
            "c.id IN (SELECT i.conversation_id FROM item_fts JOIN items i ON i.seq = item_fts.rowid "
            "WHERE item_fts MATCH ?)");
        binds << match;
    }
    QString sql = QString::fromLatin1(kSummarySelect);
    if (!where.isEmpty()) {
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + QLatin1Char(' ');
    }
    sql += QStringLiteral("ORDER BY c.last_item_at DESC, c.id LIMIT ?");
    auto st = ctx.db().prepare(sql);
    if (!st.ok()) {
        return ctx.fail(st.error());
    }
    Statement &q = st.value();
    int index = 1;
    for (const QString &value : binds) {
        q.bind(index++, value);
    }
    q.bind(index, limit);

    QJsonArray array;
    Table table({CliText::tr("ID"), CliText::tr("LAST"), CliText::tr("STATUS"), CliText::tr("ACCOUNT"),
                 CliText::tr("AUTHOR"), CliText::tr("ASSIGNEE"), CliText::tr("TEXT")});
    const QTimeZone zone = ctx.timeZone();
    while (q.next()) {
        if (ctx.json()) {
            array.append(summaryJson(q));
            continue;
        }
        table.addRow({shortId(q.text(0)), localTime(q.int64(11), zone), q.text(6), oneLine(q.text(1), 28),
                      oneLine(authorLabel(q), 28), q.isNull(8) ? QStringLiteral("-") : oneLine(q.text(8), 20),
                      oneLine(q.text(5), kTableTextWidth)});
    }
    if (q.failed()) {
        const Error e = q.error();
        if (!match.isEmpty()) {
            return ctx.fail(
                CliText::tr("The search \"%1\" failed: %2").arg(args.value(QStringLiteral("search")), e.message));
        }
        return ctx.fail(e);
    }
    if (ctx.json()) {
        printJson(ctx.out(), array);
    } else if (table.isEmpty()) {
        ctx.out() << CliText::tr("No conversations match.") << '\n';
    } else {
        table.print(ctx.out());
    }
    return ExitOk;
}

int runInboxShow(Context &ctx)
{
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto id = ctx.resolveConversation(ctx.args().positionals().at(0));
    if (!id.ok()) {
        return ctx.fail(id.error());
    }
    SqliteDb &db = ctx.db();
    auto summary = conversationSummary(db, id.value());
    if (!summary.ok()) {
        return ctx.fail(summary.error());
    }
    QJsonObject conversation = summary.value();

    auto items = db.prepare(QStringLiteral(
        "SELECT i.remote_id, i.direction, i.kind, i.text, i.created_at, ct.handle, ct.display_name, e.name, i.url, "
        "i.parent_remote_id FROM items i LEFT JOIN contacts ct ON ct.id = i.contact_id "
        "LEFT JOIN employees e ON e.id = i.author_employee_id WHERE i.conversation_id = ? ORDER BY i.seq"));
    if (!items.ok()) {
        return ctx.fail(items.error());
    }
    items.value().bind(1, id.value());
    QJsonArray itemArray;
    while (items.value().next()) {
        const Statement &q = items.value();
        const QString author = !q.isNull(5)
            ? q.text(5)
            : (!q.isNull(7) ? q.text(7) : conversation.value(QStringLiteral("account")).toString());
        itemArray.append(QJsonObject {
            {QStringLiteral("remote_id"), q.text(0)},
            {QStringLiteral("direction"), q.text(1)},
            {QStringLiteral("kind"), q.text(2)},
            {QStringLiteral("author"), author},
            {QStringLiteral("author_name"), textOrNull(q, 6)},
            {QStringLiteral("employee"), textOrNull(q, 7)},
            {QStringLiteral("text"), q.text(3)},
            {QStringLiteral("url"), textOrNull(q, 8)},
            {QStringLiteral("parent_remote_id"), textOrNull(q, 9)},
            {QStringLiteral("created_at"), isoOrNull(q.int64(4))},
        });
    }
    if (items.value().failed()) {
        return ctx.fail(items.value().error());
    }

    auto notes = db.prepare(
        QStringLiteral("SELECT n.id, n.author_id, e.name, n.body, n.created_at FROM notes n LEFT JOIN employees e "
                       "ON e.id = n.author_id WHERE n.conversation_id = ? ORDER BY n.created_at, n.rowid"));
    if (!notes.ok()) {
        return ctx.fail(notes.error());
    }
    notes.value().bind(1, id.value());
    QJsonArray noteArray;
    while (notes.value().next()) {
        const Statement &q = notes.value();
        noteArray.append(QJsonObject {
            {QStringLiteral("id"), q.text(0)},
            {QStringLiteral("author"), q.isNull(2) ? q.text(1) : q.text(2)},
            {QStringLiteral("author_id"), q.text(1)},
            {QStringLiteral("body"), q.text(3)},
            {QStringLiteral("created_at"), isoOrNull(q.int64(4))},
        });
    }
    if (notes.value().failed()) {
        return ctx.fail(notes.value().error());
    }

    auto events = db.prepare(QStringLiteral(
        "SELECT ev.id, ev.at, ev.actor_kind, ev.actor_id, coalesce(e.name, 'rule \"' || r.name || '\"'), ev.action, "
        "ev.subject_type, ev.subject_id, ev.details FROM events ev "
        "LEFT JOIN employees e ON ev.actor_kind = 'employee' AND e.id = ev.actor_id "
        "LEFT JOIN routing_rules r ON ev.actor_kind = 'rule' AND r.id = ev.actor_id "
        "WHERE ev.conversation_id = ? ORDER BY ev.seq"));
    if (!events.ok()) {
        return ctx.fail(events.error());
    }
    events.value().bind(1, id.value());
    QJsonArray eventArray;
    while (events.value().next()) {
        const Statement &q = events.value();
        QString actor = q.text(2);
        if (!q.isNull(4)) {
            actor = q.text(4);
        } else if (!q.isNull(3) && !q.text(3).isEmpty()) {
            actor = q.text(2) + QLatin1Char(':') + q.text(3);
        }
        const QJsonDocument details = QJsonDocument::fromJson(q.text(8).toUtf8());
        eventArray.append(QJsonObject {
            {QStringLiteral("id"), q.text(0)},
            {QStringLiteral("at"), isoOrNull(q.int64(1))},
            {QStringLiteral("actor"), actor},
            {QStringLiteral("actor_kind"), q.text(2)},
            {QStringLiteral("actor_id"), textOrNull(q, 3)},
            {QStringLiteral("action"), q.text(5)},
            {QStringLiteral("subject_type"), q.text(6)},
            {QStringLiteral("subject_id"), q.text(7)},
            {QStringLiteral("details"), details.isObject() ? QJsonValue(details.object()) : QJsonValue(QJsonObject())},
        });
    }
    if (events.value().failed()) {
        return ctx.fail(events.value().error());
    }

    if (ctx.json()) {
        conversation.insert(QStringLiteral("items"), itemArray);
        conversation.insert(QStringLiteral("notes"), noteArray);
        conversation.insert(QStringLiteral("events"), eventArray);
        printJson(ctx.out(), conversation);
        return ExitOk;
    }

    // For people: a header, the thread, notes and the history, times in the workspace's zone.
    const QTimeZone zone = ctx.timeZone();
    auto when = [&zone](const QJsonValue &iso) {
        const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
        return t.isValid() ? t.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
    };
    auto field = [&conversation](const char *key) {
        const QJsonValue v = conversation.value(QLatin1String(key));
        return v.isNull() || v.isUndefined() ? QStringLiteral("-") : oneLine(v.toVariant().toString());
    };
    QTextStream &out = ctx.out();
    QStringList tags;
    for (const QJsonValue &tag : conversation.value(QStringLiteral("tags")).toArray()) {
        tags << tag.toString();
    }
    out << CliText::tr("Conversation %1").arg(field("id")) << '\n'
        << CliText::tr("  %1 on %2 (%3) from %4")
               .arg(field("kind"), field("account"), field("network"), field("author"))
        << '\n'
        << CliText::tr("  Status: %1   Assignee: %2   Priority: %3   Unread: %4")
               .arg(field("status"), field("assignee"), field("priority"),
                    conversation.value(QStringLiteral("unread")).toBool() ? CliText::tr("yes") : CliText::tr("no"))
        << '\n'
        << CliText::tr("  Tags: %1   SLA due: %2")
               .arg(tags.isEmpty() ? QStringLiteral("-") : tags.join(QStringLiteral(", ")),
                    when(conversation.value(QStringLiteral("sla_due_at"))))
        << '\n';
    if (field("status") == QLatin1String("snoozed")) {
        out << CliText::tr("  Snoozed until: %1").arg(when(conversation.value(QStringLiteral("snoozed_until"))))
            << '\n';
    }
    out << '\n' << CliText::tr("Thread (%n item(s)):", nullptr, int(itemArray.size())) << '\n';
    for (const QJsonValue &v : itemArray) {
        const QJsonObject item = v.toObject();
        const bool inbound = item.value(QStringLiteral("direction")).toString() == QLatin1String("in");
        out << "  " << when(item.value(QStringLiteral("created_at"))) << (inbound ? "  <- " : "  -> ")
            << oneLine(item.value(QStringLiteral("author")).toString()) << ": "
            << oneLine(item.value(QStringLiteral("text")).toString()) << '\n';
    }
    if (!noteArray.isEmpty()) {
        out << '\n' << CliText::tr("Notes:") << '\n';
        for (const QJsonValue &v : noteArray) {
            const QJsonObject note = v.toObject();
            out << "  " << when(note.value(QStringLiteral("created_at"))) << "  "
                << oneLine(note.value(QStringLiteral("author")).toString()) << ": "
                << oneLine(note.value(QStringLiteral("body")).toString()) << '\n';
        }
    }
    if (!eventArray.isEmpty()) {
        out << '\n' << CliText::tr("History:") << '\n';
        Table table({CliText::tr("AT"), CliText::tr("ACTOR"), CliText::tr("ACTION"), CliText::tr("DETAILS")});
        const QHash<QString, QString> names = rosterNames(db);
        for (const QJsonValue &v : eventArray) {
            const QJsonObject event = v.toObject();
            // People read names where the log keeps ids (assigned from/to, team, author_id...).
            QJsonObject details = event.value(QStringLiteral("details")).toObject();
            for (auto it = details.begin(); it != details.end(); ++it) {
                if (const auto name = names.constFind(it.value().toString()); name != names.cend()) {
                    it.value() = *name;
                }
            }
            table.addRow(
                {when(event.value(QStringLiteral("at"))), oneLine(event.value(QStringLiteral("actor")).toString(), 24),
                 event.value(QStringLiteral("action")).toString(),
                 oneLine(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), kTableTextWidth)});
        }
        table.print(out);
    }
    return ExitOk;
}

int runInboxAssign(Context &ctx)
{
    const QStringList &positionals = ctx.args().positionals();
    const QString who = positionals.at(1).trimmed();
    if (who.isEmpty()) {
        return ctx.usageError(CliText::tr("EMPLOYEE is empty (use \"none\" to unassign)"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto id = ctx.resolveConversation(positionals.at(0));
    if (!id.ok()) {
        return ctx.fail(id.error());
    }
    EmployeeRef assignee;
    if (who.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0 && who != QLatin1String("-")) {
        auto employee = ctx.resolveEmployee(who);
        if (!employee.ok()) {
            return ctx.fail(employee.error());
        }
        assignee = employee.value();
    }
    auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    if (Status s = ctx.engine().assign(actor.value(), id.value(), assignee.id); !s.ok()) {
        return ctx.fail(s.error());
    }
    return reportChange(
        ctx, id.value(),
        assignee.id.isEmpty()
            ? CliText::tr("Conversation %1 is unassigned.").arg(shortId(id.value()))
            : CliText::tr("Conversation %1 is assigned to %2.").arg(shortId(id.value()), assignee.name));
}

int runInboxStatus(Context &ctx)
{
    const ParsedArgs &args = ctx.args();
    const QString statusText = args.positionals().at(1);
    const auto status = statusFromName(statusText.trimmed().toLower());
    if (!status) {
        return ctx.usageError(
            CliText::tr("STATUS is one of open, pending, snoozed or resolved, not \"%1\"").arg(statusText));
    }
    const bool snooze = *status == ConversationStatus::Snoozed;
    const QString untilText = args.value(QStringLiteral("until"));
    if (snooze && !args.has(QStringLiteral("until"))) {
        return ctx.usageError(CliText::tr("snoozed needs --until ISO (when the conversation comes back)"));
    }
    if (!snooze && args.has(QStringLiteral("until"))) {
        return ctx.usageError(CliText::tr("--until goes with snoozed only"));
    }
    if (snooze && !parseIsoInstant(untilText, QTimeZone::utc())) {
        return ctx.usageError(
            CliText::tr("--until takes an ISO 8601 date-time such as 2025-06-01T09:00, not \"%1\"").arg(untilText));
    }

    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto id = ctx.resolveConversation(args.positionals().at(0));
    if (!id.ok()) {
        return ctx.fail(id.error());
    }
    const qint64 until = snooze ? parseIsoInstant(untilText, ctx.timeZone()).value_or(0) : 0;
    auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    if (Status s = ctx.engine().setStatus(actor.value(), id.value(), *status, until); !s.ok()) {
        return ctx.fail(s.error());
    }
    const QString message = snooze
        ? CliText::tr("Conversation %1 is snoozed until %2 (%3).")
              .arg(shortId(id.value()), localTime(until, ctx.timeZone()), QString::fromUtf8(ctx.timeZone().id()))
        : CliText::tr("Conversation %1 is %2.").arg(shortId(id.value()), statusName(*status));
    return reportChange(ctx, id.value(), message);
}

int runInboxNote(Context &ctx)
{
    const QStringList &positionals = ctx.args().positionals();
    QString text = positionals.mid(1).join(QLatin1Char(' '));
    if (text == QLatin1String("-")) {
        QTextStream in(stdin);
        text = in.readAll();
    }
    if (text.trimmed().isEmpty()) {
        return ctx.usageError(CliText::tr("the note is empty"));
    }
    if (Status s = ctx.openWorkspace(); !s.ok()) {
        return ctx.fail(s.error());
    }
    auto id = ctx.resolveConversation(positionals.at(0));
    if (!id.ok()) {
        return ctx.fail(id.error());
    }
    auto actor = ctx.actor();
    if (!actor.ok()) {
        return ctx.fail(actor.error());
    }
    auto note = ctx.engine().addNote(actor.value(), id.value(), text);
    if (!note.ok()) {
        return ctx.fail(note.error());
    }
    return reportChange(
        ctx, id.value(),
        CliText::tr("Added note %1 to conversation %2.").arg(shortId(note.value()), shortId(id.value())));
}

} // namespace sb::cli
