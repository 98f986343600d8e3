#include "engine/AuditLog.h"

#include "core/Domain.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <limits>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::AuditLog", text);
}

// An equality filter that matches at most this many events goes through its index (and the page is sorted from
// those rows); a broader one is cheaper found by walking the log backwards, where matches are dense.
constexpr int kProbeCap = 20000;
constexpr int kMaxLimit = 5000;
constexpr int kExportPage = 1000;
constexpr int kSummaryValueChars = 80;

struct Bounds {
    qint64 before = std::numeric_limits<qint64>::max();
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
};

// How many events (up to kProbeCap) one equality filter matches within the bounds, counted in its index alone.
int probe(SqliteDb &db, const char *sql, const QString &value, const Bounds &b)
{
    Statement &st = db.cached(sql);
    st.bindAll(value, b.from, b.to, b.before, kProbeCap);
    const int n = st.next() ? st.integer(0) : kProbeCap;
    st.reset();
    return n;
}

const char *const kSubjectName
    = "CASE ev.subject_type "
      "WHEN 'employee' THEN (SELECT name FROM employees WHERE id = ev.subject_id) "
      "WHEN 'team' THEN (SELECT name FROM teams WHERE id = ev.subject_id) "
      "WHEN 'account' THEN (SELECT handle FROM accounts WHERE id = ev.subject_id) "
      "WHEN 'routing_rule' THEN (SELECT name FROM routing_rules WHERE id = ev.subject_id) "
      "WHEN 'campaign' THEN (SELECT name FROM campaigns WHERE id = ev.subject_id) "
      "WHEN 'canned_reply' THEN (SELECT title FROM canned_replies WHERE id = ev.subject_id) "
      "WHEN 'saved_view' THEN (SELECT name FROM saved_views WHERE id = ev.subject_id) "
      "WHEN 'post' THEN (SELECT substr(text, 1, 120) FROM post_variants WHERE post_id = ev.subject_id "
      "  ORDER BY account_id LIMIT 1) "
      "WHEN 'post_variant' THEN (SELECT substr(text, 1, 120) FROM post_variants WHERE id = ev.subject_id) "
      "ELSE (SELECT coalesce(nullif(ct.display_name, ''), ct.handle) FROM conversations c "
      "  JOIN contacts ct ON ct.id = c.contact_id WHERE c.id = ev.conversation_id) END";

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// One index seek per distinct value: min(column) > previous, walked through an index that leads with the column.
Result<QStringList> distinctValues(SqliteDb &db, const char *sql)
{
    QStringList out;
    QString previous;
    for (;;) {
        Statement &st = db.cached(sql);
        st.bind(1, previous);
        if (!st.next()) {
            Error e = st.error();
            st.reset();
            return e;
        }
        const bool done = st.isNull(0);
        previous = st.text(0);
        st.reset();
        if (done) {
            return out;
        }
        out.append(previous);
    }
}

// An id nobody here has a name for (a post's, an outgoing message's): the subject column already says what it is.
bool isBareId(const QString &key, const QJsonValue &value, const AuditNames &names)
{
    return key.endsWith(QLatin1String("_id")) && value.isString() && !names.contains(value.toString())
        && value.toString().size() == 36 && value.toString().count(QLatin1Char('-')) == 4;
}

// "post_state" -> "post state", "author_id" -> "author"
QString keyWords(QString key)
{
    if (key.endsWith(QLatin1String("_id")) && key.size() > 3) {
        key.chop(3);
    }
    return key.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString valueText(const QString &key, const QJsonValue &value, const AuditNames &names)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return tr("none");
    case QJsonValue::Bool: return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double:
        if (key.endsWith(QLatin1String("_at"))) {
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble())).toLocalTime(),
                                      QLocale::ShortFormat);
        }
        return QLocale().toString(value.toDouble(), 'g', 12);
    case QJsonValue::String: {
        const QString s = value.toString();
        if (s.isEmpty()) {
            return tr("none");
        }
        QString name = names.value(s);
        if (name.isEmpty()) {
            if (const auto status = statusFromName(s)) {
                name = statusLabel(*status);
            } else if (const auto state = postStateFromName(s)) {
                name = postStateLabel(*state);
            }
        }
        const QString text = (name.isEmpty() ? s : name).simplified();
        return text.size() > kSummaryValueChars ? text.left(kSummaryValueChars - 1) + QChar(0x2026) : text;
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray()) {
            parts.append(valueText(key, v, names));
        }
        return parts.isEmpty() ? tr("none") : parts.join(QLatin1String(", "));
    }
    case QJsonValue::Object: {
        const QString text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        return text.size() > kSummaryValueChars ? text.left(kSummaryValueChars - 1) + QChar(0x2026) : text;
    }
    }
    return {};
}

// A spreadsheet would run a cell that starts like a formula: such text is kept as text.
QString csvField(QString value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front())) {
        value.prepend(QLatin1Char('\''));
    }
    if (value.contains(QLatin1Char('"')) || value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

struct Label {
    const char *name;
    const char *text;
};

const Label kActionLabels[] = {
    {"account_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Account added")},
    {"account_archived", QT_TRANSLATE_NOOP("sb::AuditLog", "Account archived")},
    {"account_owner_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Account owner changed")},
    {"account_removed", QT_TRANSLATE_NOOP("sb::AuditLog", "Account removed")},
    {"account_signed_in", QT_TRANSLATE_NOOP("sb::AuditLog", "Account signed in")},
    {"account_sla_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Account SLA changed")},
    {"assigned", QT_TRANSLATE_NOOP("sb::AuditLog", "Assigned")},
    {"campaign_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Campaign added")},
    {"canned_reply_removed", QT_TRANSLATE_NOOP("sb::AuditLog", "Canned reply removed")},
    {"canned_reply_saved", QT_TRANSLATE_NOOP("sb::AuditLog", "Canned reply saved")},
    {"employee_activated", QT_TRANSLATE_NOOP("sb::AuditLog", "Employee reactivated")},
    {"employee_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Employee added")},
    {"employee_deactivated", QT_TRANSLATE_NOOP("sb::AuditLog", "Employee deactivated")},
    {"employee_updated", QT_TRANSLATE_NOOP("sb::AuditLog", "Employee updated")},
    {"goal_removed", QT_TRANSLATE_NOOP("sb::AuditLog", "Goal removed")},
    {"goal_set", QT_TRANSLATE_NOOP("sb::AuditLog", "Goal set")},
    {"item_deleted", QT_TRANSLATE_NOOP("sb::AuditLog", "Message deleted on the network")},
    {"marked_spam", QT_TRANSLATE_NOOP("sb::AuditLog", "Marked as spam")},
    {"note_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Note added")},
    {"post_created", QT_TRANSLATE_NOOP("sb::AuditLog", "Post created")},
    {"post_edited", QT_TRANSLATE_NOOP("sb::AuditLog", "Post edited")},
    {"post_failed", QT_TRANSLATE_NOOP("sb::AuditLog", "Post failed")},
    {"post_media_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Media added to post")},
    {"post_missed", QT_TRANSLATE_NOOP("sb::AuditLog", "Post missed its time")},
    {"post_queued", QT_TRANSLATE_NOOP("sb::AuditLog", "Post queued for sending")},
    {"post_rescheduled", QT_TRANSLATE_NOOP("sb::AuditLog", "Post rescheduled")},
    {"post_variant_retried", QT_TRANSLATE_NOOP("sb::AuditLog", "Post retried")},
    {"priority_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Priority changed")},
    {"publish_failed", QT_TRANSLATE_NOOP("sb::AuditLog", "Sending failed")},
    {"published", QT_TRANSLATE_NOOP("sb::AuditLog", "Published")},
    {"read", QT_TRANSLATE_NOOP("sb::AuditLog", "Read")},
    {"replied", QT_TRANSLATE_NOOP("sb::AuditLog", "Replied")},
    {"reply_approved", QT_TRANSLATE_NOOP("sb::AuditLog", "Reply approved")},
    {"reply_rejected", QT_TRANSLATE_NOOP("sb::AuditLog", "Reply rejected")},
    {"reply_submitted", QT_TRANSLATE_NOOP("sb::AuditLog", "Reply submitted for review")},
    {"rule_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Routing rule added")},
    {"rule_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Routing rule changed")},
    {"rule_removed", QT_TRANSLATE_NOOP("sb::AuditLog", "Routing rule removed")},
    {"setting_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Setting changed")},
    {"sla_breached", QT_TRANSLATE_NOOP("sb::AuditLog", "SLA breached")},
    {"status_changed", QT_TRANSLATE_NOOP("sb::AuditLog", "Status changed")},
    {"sync_paused", QT_TRANSLATE_NOOP("sb::AuditLog", "Sync paused")},
    {"sync_resumed", QT_TRANSLATE_NOOP("sb::AuditLog", "Sync resumed")},
    {"tagged", QT_TRANSLATE_NOOP("sb::AuditLog", "Tagged")},
    {"team_added", QT_TRANSLATE_NOOP("sb::AuditLog", "Team added")},
    {"team_assigned", QT_TRANSLATE_NOOP("sb::AuditLog", "Team assigned")},
    {"team_conflict", QT_TRANSLATE_NOOP("sb::AuditLog", "Team conflict: another change kept")},
    {"team_refused", QT_TRANSLATE_NOOP("sb::AuditLog", "Refused by the team database")},
    {"unassigned", QT_TRANSLATE_NOOP("sb::AuditLog", "Unassigned")},
    {"unmarked_spam", QT_TRANSLATE_NOOP("sb::AuditLog", "No longer spam")},
    {"untagged", QT_TRANSLATE_NOOP("sb::AuditLog", "Tag removed")},
    {"view_removed", QT_TRANSLATE_NOOP("sb::AuditLog", "Saved view removed")},
    {"view_saved", QT_TRANSLATE_NOOP("sb::AuditLog", "Saved view saved")},
};

const Label kSubjectLabels[] = {
    {"account", QT_TRANSLATE_NOOP("sb::AuditLog", "Account")},
    {"campaign", QT_TRANSLATE_NOOP("sb::AuditLog", "Campaign")},
    {"canned_reply", QT_TRANSLATE_NOOP("sb::AuditLog", "Canned reply")},
    {"conversation", QT_TRANSLATE_NOOP("sb::AuditLog", "Conversation")},
    {"employee", QT_TRANSLATE_NOOP("sb::AuditLog", "Employee")},
    {"goal", QT_TRANSLATE_NOOP("sb::AuditLog", "Goal")},
    {"item", QT_TRANSLATE_NOOP("sb::AuditLog", "Message")},
    {"note", QT_TRANSLATE_NOOP("sb::AuditLog", "Note")},
    {"outbox_job", QT_TRANSLATE_NOOP("sb::AuditLog", "Outgoing message")},
    {"post", QT_TRANSLATE_NOOP("sb::AuditLog", "Post")},
    {"post_variant", QT_TRANSLATE_NOOP("sb::AuditLog", "Post (one account)")},
    {"reply_draft", QT_TRANSLATE_NOOP("sb::AuditLog", "Reply draft")},
    {"routing_rule", QT_TRANSLATE_NOOP("sb::AuditLog", "Routing rule")},
    {"saved_view", QT_TRANSLATE_NOOP("sb::AuditLog", "Saved view")},
    {"setting", QT_TRANSLATE_NOOP("sb::AuditLog", "Setting")},
    {"team", QT_TRANSLATE_NOOP("sb::AuditLog", "Team")},
};

template <size_t N> QString labelFor(const Label (&labels)[N], const QString &name)
{
    for (const Label &l : labels) {
        if (name == QLatin1String(l.name)) {
            return tr(l.text);
        }
    }
    QString words = name;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty()) {
        words[0] = words[0].toUpper();
    }
    return words;
}

} // namespace

Result<std::vector<AuditEntry>> auditLog(SqliteDb &db, const AuditFilter &filter)
{
    std::vector<AuditEntry> out;
    const int limit = qMin(filter.limit, kMaxLimit);
    if (limit <= 0) {
        return out;
    }
    Bounds b;
    if (filter.beforeSeq > 0) {
        b.before = filter.beforeSeq;
    }
    if (filter.fromMs) {
        b.from = *filter.fromMs;
    }
    if (filter.toMs) {
        b.to = *filter.toMs;
    }

    // The most selective equality filter picks the index, if it is selective at all.
    const char *index = nullptr;
    int fewest = kProbeCap;
    auto consider = [&](const QString &value, const char *indexName, const char *sql) {
        if (value.isEmpty()) {
            return;
        }
        const int n = probe(db, sql, value, b);
        if (n < fewest) {
            fewest = n;
            index = indexName;
        }
    };
    consider(filter.employeeId, "events_actor",
             "SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_actor WHERE actor_id = ?1 "
             "AND at >= ?2 AND at < ?3 AND seq < ?4 LIMIT ?5)");
    consider(filter.action, "events_action",
             "SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_action WHERE action = ?1 "
             "AND at >= ?2 AND at < ?3 AND seq < ?4 LIMIT ?5)");
    consider(filter.subjectType, "events_subject",
             "SELECT count(*) FROM (SELECT 1 FROM events INDEXED BY events_subject WHERE subject_type = ?1 "
             "AND seq < ?4 LIMIT ?5)"); // the time is not in this index

    QString sql
        = QStringLiteral("SELECT ev.seq, ev.id, ev.at, ev.actor_kind, coalesce(ev.actor_id, ''), "
                         "coalesce(e.name, r.name, ''), ev.action, ev.subject_type, ev.subject_id, "
                         "coalesce(%1, ''), coalesce(ev.conversation_id, ''), ev.details FROM events ev %2 "
                         "LEFT JOIN employees e ON ev.actor_kind = 'employee' AND e.id = ev.actor_id "
                         "LEFT JOIN routing_rules r ON ev.actor_kind = 'rule' AND r.id = ev.actor_id "
                         "WHERE ev.seq < ?1 AND ev.at >= ?2 AND ev.at < ?3")
              .arg(QLatin1String(kSubjectName),
                   index ? QStringLiteral("INDEXED BY %1").arg(QLatin1String(index)) : QStringLiteral("NOT INDEXED"));
    if (!filter.employeeId.isEmpty()) {
        sql += QLatin1String(" AND ev.actor_kind = 'employee' AND ev.actor_id = ?4");
    }
    if (!filter.action.isEmpty()) {
        sql += QLatin1String(" AND ev.action = ?5");
    }
    if (!filter.subjectType.isEmpty()) {
        sql += QLatin1String(" AND ev.subject_type = ?6");
    }
    if (!filter.text.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND (ev.details LIKE ?7 ESCAPE '\\' OR ev.subject_id LIKE ?7 ESCAPE '\\' "
                              "OR (%1) LIKE ?7 ESCAPE '\\')")
                   .arg(QLatin1String(kSubjectName));
    }
    sql += QLatin1String(" ORDER BY ev.seq DESC LIMIT ?8");

    auto prepared = db.prepare(sql);
    SB_TRY(prepared);
    Statement &st = prepared.value();
    st.bindAll(b.before, b.from, b.to, filter.employeeId, filter.action, filter.subjectType,
               likePattern(filter.text.trimmed()), limit);
    out.reserve(size_t(limit));
    while (st.next()) {
        AuditEntry e;
        e.seq = st.int64(0);
        e.id = st.text(1);
        e.atMs = st.int64(2);
        e.actorKind = st.text(3);
        e.actorId = st.text(4);
        e.actorName = st.text(5);
        if (e.actorKind == QLatin1String("system")) {
            e.actorName = tr("System");
        } else if (e.actorName.isEmpty()) {
            e.actorName = e.actorKind == QLatin1String("rule") ? tr("Removed rule") : e.actorId;
        }
        e.action = st.text(6);
        e.subjectType = st.text(7);
        e.subjectId = st.text(8);
        e.subjectName = st.text(9).simplified();
        e.conversationId = st.text(10);
        e.details = st.text(11);
        out.push_back(std::move(e));
    }
    if (st.failed()) {
        return st.error();
    }
    return out;
}

Result<QStringList> auditActions(SqliteDb &db)
{
    return distinctValues(db, "SELECT min(action) FROM events WHERE action > coalesce(?, '')");
}

Result<QStringList> auditSubjectTypes(SqliteDb &db)
{
    return distinctValues(db, "SELECT min(subject_type) FROM events WHERE subject_type > coalesce(?, '')");
}

AuditNames auditNames(SqliteDb &db)
{
    AuditNames names;
    auto st = db.prepare(QStringLiteral("SELECT id, name FROM employees UNION ALL SELECT id, name FROM teams "
                                        "UNION ALL SELECT id, handle FROM accounts UNION ALL "
                                        "SELECT id, name FROM routing_rules UNION ALL SELECT id, name FROM campaigns"));
    if (st.ok()) {
        while (st.value().next()) {
            names.insert(st.value().text(0), st.value().text(1));
        }
    }
    return names;
}

QString auditActionLabel(const QString &action)
{
    return labelFor(kActionLabels, action);
}

QString auditSubjectTypeLabel(const QString &subjectType)
{
    return labelFor(kSubjectLabels, subjectType);
}

QString auditDetailsSummary(const AuditEntry &entry, const AuditNames &names)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(entry.details.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return entry.details.simplified().left(kSummaryValueChars);
    }
    const QJsonObject o = doc.object();
    QStringList parts;
    const QString from = QStringLiteral("from");
    const QString to = QStringLiteral("to");
    if (o.contains(from) && o.contains(to)) {
        parts.append(tr("from %1 to %2").arg(valueText(from, o.value(from), names), valueText(to, o.value(to), names)));
    } else if (o.contains(to)) {
        parts.append(tr("to %1").arg(valueText(to, o.value(to), names)));
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == to || (it.key() == from && o.contains(to)) || isBareId(it.key(), it.value(), names)) {
            continue;
        }
        parts.append(tr("%1: %2").arg(keyWords(it.key()), valueText(it.key(), it.value(), names)));
    }
    return parts.join(QLatin1String("; "));
}

Status exportAuditCsv(SqliteDb &db, const AuditFilter &filter, const QTimeZone &zone, QIODevice &out)
{
    const AuditNames names = auditNames(db);
    const auto line = [&out](const QStringList &fields) {
        QStringList cells;
        for (const QString &f : fields) {
            cells.append(csvField(f));
        }
        const QByteArray bytes = (cells.join(QLatin1Char(',')) + QLatin1String("\r\n")).toUtf8();
        return out.write(bytes) == bytes.size();
    };
    const auto writeFailed = [&out] {
        return makeError(ErrorKind::NotWritable, tr("Could not write the export: %1").arg(out.errorString()));
    };
    if (!line({QStringLiteral("time"), QStringLiteral("actor"), QStringLiteral("actor_kind"), QStringLiteral("action"),
               QStringLiteral("subject_type"), QStringLiteral("subject_id"), QStringLiteral("subject"),
               QStringLiteral("conversation_id"), QStringLiteral("summary"), QStringLiteral("details")})) {
        return writeFailed();
    }
    AuditFilter page = filter;
    page.limit = kExportPage;
    page.beforeSeq = 0;
    for (;;) {
        auto entries = auditLog(db, page);
        SB_TRY(entries);
        for (const AuditEntry &e : entries.value()) {
            const QString time = QDateTime::fromMSecsSinceEpoch(e.atMs, zone).toString(Qt::ISODateWithMs);
            if (!line({time, e.actorName, e.actorKind, e.action, e.subjectType, e.subjectId, e.subjectName,
                       e.conversationId, auditDetailsSummary(e, names), e.details})) {
                return writeFailed();
            }
        }
        if (int(entries.value().size()) < page.limit) {
            return success();
        }
        page.beforeSeq = entries.value().back().seq;
    }
}

} // namespace sb
