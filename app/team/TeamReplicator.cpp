#include "team/TeamReplicator.h"

#include "store/Ingest.h"
#include "store/SearchTerms.h"
#include "store/Sqlite.h"
#include "store/WorkspaceSettings.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <set>

Q_LOGGING_CATEGORY(lcTeam, "switchboard.team")

namespace sb::team {

namespace {

QString q(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

QString columnList(const QStringList &columns)
{
    QStringList out;
    for (const QString &c : columns) {
        out << q(c);
    }
    return out.join(QLatin1String(", "));
}

// "a = ? AND b = ?" (SQLite) or "a = $n AND b = $n+1" (PostgreSQL, from `first`).
QString keyMatch(const QStringList &key, int first = 0)
{
    QStringList out;
    for (int i = 0; i < key.size(); ++i) {
        out << q(key[i]) + (first > 0 ? QStringLiteral(" = $%1").arg(first + i) : QStringLiteral(" = ?"));
    }
    return out.join(QLatin1String(" AND "));
}

void bindValue(Statement &st, int index, const PgValue &v)
{
    if (!v) {
        st.bindNull(index);
    } else if (v->isEmpty()) {
        st.bind(index, "");
    } else {
        st.bind(index, *v);
    }
}

PgValue columnValue(const Statement &st, int col)
{
    if (st.isNull(col)) {
        return std::nullopt;
    }
    const QString v = st.text(col);
    return v.isNull() ? QString(QLatin1String("")) : v;
}

bool sameValue(const PgValue &a, const PgValue &b, const QString &type)
{
    if (!a || !b) {
        return !a && !b;
    }
    if (type == QLatin1String("double precision")) {
        return qFuzzyCompare(1.0 + a->toDouble(), 1.0 + b->toDouble());
    }
    return *a == *b;
}

std::vector<PgValue> keyParams(const QStringList &key)
{
    std::vector<PgValue> out;
    for (const QString &k : key) {
        out.emplace_back(k);
    }
    return out;
}

} // namespace

struct TeamReplicator::Pending {
    QString table;
    QString rowKey;
    QStringList columns; // '*' new row, '-' deleted, else changed columns
    QHash<QString, PgValue> bases;
};

TeamReplicator::TeamReplicator(SqliteDb &db, PgConnection &pg, QString workstationId, std::vector<SharedColumns> tables)
    : m_db(db), m_pg(pg), m_workstation(std::move(workstationId)), m_tables(std::move(tables)),
      m_terms(std::make_unique<SearchTermWriter>(db))
{
}

TeamReplicator::~TeamReplicator() = default;

Status TeamReplicator::begin()
{
    SB_TRY(m_pg.exec(QStringLiteral("BEGIN")));
    // The stamp trigger records it as _origin: a workstation skips its own changes when it pulls.
    if (auto s = m_pg.exec(QStringLiteral("SELECT set_config('sb.origin', $1, true)"), {m_workstation}); !s.ok()) {
        (void)m_pg.exec(QStringLiteral("ROLLBACK"));
        return s.error();
    }
    return success();
}

Statement &TeamReplicator::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto prepared = m_db.prepare(sql);
        auto holder = std::make_unique<Statement>();
        if (prepared.ok()) {
            *holder = std::move(prepared.value());
        } else {
            qCWarning(lcTeam) << "cannot prepare" << sql << prepared.error().message;
        }
        it = m_statements.emplace(sql, std::move(holder)).first;
    }
    it->second->reset();
    return *it->second;
}

const SharedColumns *TeamReplicator::columnsOf(const QString &table) const
{
    for (const SharedColumns &t : m_tables) {
        if (t.table->name == table) {
            return &t;
        }
    }
    return nullptr;
}

Result<std::optional<PgRow>> TeamReplicator::localRow(const SharedColumns &t, const QStringList &key)
{
    Statement &st = statement(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columnList(t.columns), t.table->name, keyMatch(t.table->key)));
    for (int i = 0; i < key.size(); ++i) {
        st.bind(i + 1, key[i]);
    }
    if (!st.next()) {
        if (st.failed()) {
            return st.error();
        }
        return std::optional<PgRow>();
    }
    PgRow row;
    for (int c = 0; c < t.columns.size(); ++c) {
        row.push_back(columnValue(st, c));
    }
    st.reset();
    return std::optional<PgRow>(std::move(row));
}

Result<std::optional<PgRow>> TeamReplicator::teamRow(const SharedColumns &t, const QStringList &key, bool forUpdate)
{
    auto r = m_pg.exec(QStringLiteral("SELECT %1, _origin FROM sb.%2 WHERE %3%4")
                           .arg(columnList(t.columns), t.table->name, keyMatch(t.table->key, 1),
                                forUpdate ? QStringLiteral(" FOR UPDATE") : QString()),
                       keyParams(key));
    SB_TRY(r);
    if (r.value().rows.empty()) {
        return std::optional<PgRow>();
    }
    return std::optional<PgRow>(std::move(r.value().rows.front()));
}

Status TeamReplicator::recordEvent(const QString &action, const SharedColumns &t, const QStringList &key,
                                   const QVariantMap &details)
{
    QVariantMap all = details;
    all.insert(QStringLiteral("table"), t.table->name);
    all.insert(QStringLiteral("workstation"), m_workstation);
    Statement &st = m_db.cached("INSERT INTO events(id, at, actor_kind, actor_id, action, subject_type, subject_id, "
                                "conversation_id, details) VALUES (?, ?, 'system', NULL, ?, ?, ?, ?, ?)");
    const bool conversation = t.table->name == QLatin1String("conversations");
    st.bindAll(QUuid::createUuid().toString(QUuid::WithoutBraces), QDateTime::currentMSecsSinceEpoch(), action,
               t.table->name, key.join(QLatin1Char('/')), conversation ? key.value(0) : QString(),
               QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(all)).toJson(QJsonDocument::Compact)));
    return st.exec();
}

Result<TeamReplicator::PushOutcome> TeamReplicator::push(int maxRows)
{
    PushOutcome outcome;
    std::vector<Pending> groups;
    {
        Statement &st = m_db.cached("SELECT tbl, row_key, col, base FROM team_pending ORDER BY tbl, row_key, col "
                                    "LIMIT ?");
        st.bind(1, maxRows);
        while (st.next()) {
            const QString table = st.text(0);
            const QString rowKey = st.text(1);
            if (groups.empty() || groups.back().table != table || groups.back().rowKey != rowKey) {
                groups.push_back({table, rowKey, {}, {}});
            }
            groups.back().columns << st.text(2);
            groups.back().bases.insert(st.text(2), columnValue(st, 3));
        }
        if (st.failed()) {
            return st.error();
        }
    }
    if (groups.empty()) {
        return outcome;
    }

    struct Done {
        const Pending *pending;
        const SharedColumns *table;
        QStringList key;
        std::optional<PgRow> pushed; // the local row as sent
        bool refresh = false; // take the team's row (conflict, refusal)
        bool duplicate = false;
        QVariantMap refusal;
        std::vector<QVariantMap> conflicts;
    };
    std::vector<Done> done;
    done.reserve(groups.size());

    SB_TRY(begin());
    auto rollback = [this] { (void)m_pg.exec(QStringLiteral("ROLLBACK")); };
    for (const Pending &p : groups) {
        Done d {&p, columnsOf(p.table), rowKeyValues(p.rowKey), {}, false, false, {}, {}};
        if (!d.table) {
            done.push_back(std::move(d)); // a table this version does not share: nothing to send
            continue;
        }
        const SharedColumns &t = *d.table;
        const QString table = t.table->name;
        if (auto s = m_pg.exec(QStringLiteral("SAVEPOINT row_change")); !s.ok()) {
            rollback();
            return s.error();
        }
        std::optional<PgError> failure;
        PgResult res;
        if (p.columns.contains(QLatin1String("-"))) {
            failure
                = m_pg.execChecked(QStringLiteral("DELETE FROM sb.%1 WHERE %2").arg(table, keyMatch(t.table->key, 1)),
                                   keyParams(d.key), &res);
            if (!failure && res.affected == 0) {
                // Row-level security hides a row it will not let this login delete: still there means refused.
                auto still = teamRow(t, d.key, false);
                if (still.ok() && still.value()) {
                    d.refresh = true;
                    d.refusal.insert(QStringLiteral("reason"), QStringLiteral("delete not allowed"));
                }
            }
        } else {
            auto local = localRow(t, d.key);
            if (!local.ok()) {
                rollback();
                return local.error();
            }
            d.pushed = local.value();
            if (d.pushed) {
                const PgRow &row = *d.pushed;
                std::vector<PgValue> params(row.begin(), row.end());
                bool inserted = false;
                if (p.columns.contains(QLatin1String("*"))) {
                    QStringList placeholders;
                    for (int i = 1; i <= t.columns.size(); ++i) {
                        placeholders << QStringLiteral("$%1").arg(i);
                    }
                    failure = m_pg.execChecked(
                        QStringLiteral("INSERT INTO sb.%1(%2) VALUES (%3) ON CONFLICT DO NOTHING")
                            .arg(table, columnList(t.columns), placeholders.join(QLatin1String(", "))),
                        params, &res);
                    inserted = !failure && res.affected == 1;
                }
                if (!failure && !inserted) {
                    PgResult current;
                    failure = m_pg.execChecked(QStringLiteral("SELECT %1 FROM sb.%2 WHERE %3 FOR UPDATE")
                                                   .arg(columnList(t.columns), table, keyMatch(t.table->key, 1)),
                                               keyParams(d.key), &current);
                    if (!failure && current.rows.empty()) {
                        if (p.columns.contains(QLatin1String("*"))) {
                            d.duplicate = true; // another workstation's row holds its natural key
                        }
                        // else: the team deleted the row; its tombstone removes it here
                    } else if (!failure) {
                        const PgRow &team = current.rows.front();
                        const bool whole = p.columns.contains(QLatin1String("*"));
                        QStringList sets;
                        std::vector<PgValue> values = keyParams(d.key);
                        for (int c = int(t.table->key.size()); c < t.columns.size(); ++c) {
                            const QString &col = t.columns[c];
                            if (!whole && !p.columns.contains(col)) {
                                continue;
                            }
                            const QString &type = t.pgTypes[c];
                            if (sameValue(team[size_t(c)], row[size_t(c)], type)) {
                                continue;
                            }
                            if (col == QLatin1String("updated_at")) {
                                if (team[size_t(c)] && row[size_t(c)]
                                    && team[size_t(c)]->toLongLong() >= row[size_t(c)]->toLongLong()) {
                                    continue;
                                }
                            } else if (!whole && !sameValue(team[size_t(c)], p.bases.value(col), type)) {
                                // Changed by someone else since this workstation last saw it: the first stays.
                                d.refresh = true;
                                QVariantMap conflict;
                                conflict.insert(QStringLiteral("column"), col);
                                conflict.insert(QStringLiteral("kept"), team[size_t(c)].value_or(QString()));
                                conflict.insert(QStringLiteral("lost"), row[size_t(c)].value_or(QString()));
                                d.conflicts.push_back(conflict);
                                continue;
                            }
                            values.push_back(row[size_t(c)]);
                            sets << QStringLiteral("%1 = $%2").arg(q(col)).arg(values.size());
                        }
                        if (!sets.isEmpty()) {
                            failure = m_pg.execChecked(
                                QStringLiteral("UPDATE sb.%1 SET %2 WHERE %3")
                                    .arg(table, sets.join(QLatin1String(", ")), keyMatch(t.table->key, 1)),
                                values, &res);
                            if (!failure && res.affected == 0) {
                                failure = PgError {QStringLiteral("42501"),
                                                   QStringLiteral("row-level security hides the row"), false};
                            }
                        }
                    }
                }
            }
        }
        if (failure) {
            if (failure->connectionLost) {
                rollback();
                return toError(*failure);
            }
            if (auto s = m_pg.exec(QStringLiteral("ROLLBACK TO SAVEPOINT row_change")); !s.ok()) {
                rollback();
                return s.error();
            }
            qCWarning(lcTeam) << "team refused" << table << p.rowKey << failure->sqlState << failure->message;
            d.refresh = true;
            d.conflicts.clear();
            d.refusal.insert(QStringLiteral("reason"), failure->message);
            d.refusal.insert(QStringLiteral("sqlstate"), failure->sqlState);
        } else if (auto s = m_pg.exec(QStringLiteral("RELEASE SAVEPOINT row_change")); !s.ok()) {
            rollback();
            return s.error();
        }
        qCDebug(lcTeam) << "push" << table << p.rowKey << p.columns
                        << (failure           ? "refused"
                                : d.refresh   ? "conflict"
                                : d.duplicate ? "duplicate"
                                              : "shared");
        done.push_back(std::move(d));
    }
    SB_TRY(m_pg.exec(QStringLiteral("COMMIT")));

    // The team's rows for what this workstation must take back, read after the commit.
    std::vector<std::optional<PgRow>> teamRows(done.size());
    for (size_t i = 0; i < done.size(); ++i) {
        if (done[i].refresh && done[i].table) {
            auto row = teamRow(*done[i].table, done[i].key, false);
            SB_TRY(row);
            teamRows[i] = row.value();
        }
    }

    Transaction tx(m_db);
    SB_TRY(tx.began());
    for (size_t i = 0; i < done.size(); ++i) {
        Done &d = done[i];
        for (const QString &col : d.pending->columns) {
            Statement &del = m_db.cached("DELETE FROM team_pending WHERE tbl = ? AND row_key = ? AND col = ?");
            del.bindAll(d.pending->table, d.pending->rowKey, col);
            SB_TRY(del.exec());
        }
        if (!d.table) {
            continue;
        }
        ++outcome.rows;
        SB_TRY(m_db.exec("UPDATE team_apply SET applying = 1"));
        if (d.duplicate) {
            ++outcome.duplicates;
            SB_TRY(deleteLocal(*d.table, d.key));
        } else if (d.refresh) {
            if (teamRows[i]) {
                SB_TRY(deleteLocalPending(*d.table, d.key));
                SB_TRY(applyRow(*d.table, *teamRows[i]));
            } else {
                SB_TRY(deleteLocal(*d.table, d.key));
            }
        } else if (d.pushed) {
            // Changed again while it was being sent: what differs from the sent row waits for the next push.
            auto now = localRow(*d.table, d.key);
            SB_TRY(now);
            if (now.value()) {
                for (int c = int(d.table->table->key.size()); c < d.table->columns.size(); ++c) {
                    if (sameValue((*now.value())[size_t(c)], (*d.pushed)[size_t(c)], d.table->pgTypes[c])) {
                        continue;
                    }
                    Statement &again = m_db.cached("INSERT OR REPLACE INTO team_pending(tbl, row_key, col, base) "
                                                   "VALUES (?, ?, ?, ?)");
                    again.bindAll(d.pending->table, d.pending->rowKey, d.table->columns[c]);
                    bindValue(again, 4, (*d.pushed)[size_t(c)]);
                    SB_TRY(again.exec());
                }
            }
        }
        SB_TRY(m_db.exec("UPDATE team_apply SET applying = 0"));
        for (const QVariantMap &conflict : d.conflicts) {
            ++outcome.conflicts;
            SB_TRY(recordEvent(QStringLiteral("team_conflict"), *d.table, d.key, conflict));
        }
        if (!d.refusal.isEmpty()) {
            ++outcome.refused;
            SB_TRY(recordEvent(QStringLiteral("team_refused"), *d.table, d.key, d.refusal));
        }
    }
    SB_TRY(tx.commit());
    m_terms->committed();
    return outcome;
}

Status TeamReplicator::deleteLocalPending(const SharedColumns &t, const QStringList &key)
{
    Statement &del = statement(QStringLiteral("DELETE FROM team_pending WHERE tbl = ? AND row_key = json_array(%1)")
                                   .arg(QStringList(key.size(), QStringLiteral("?")).join(QLatin1String(", "))));
    del.bind(1, t.table->name);
    for (int i = 0; i < key.size(); ++i) {
        del.bind(i + 2, key[i]);
    }
    return del.exec();
}

Status TeamReplicator::deleteLocal(const SharedColumns &t, const QStringList &key)
{
    SB_TRY(deleteLocalPending(t, key));
    if (t.table->name == QLatin1String("events")) {
        return success(); // append-only
    }
    Statement &del = statement(QStringLiteral("DELETE FROM %1 WHERE %2").arg(t.table->name, keyMatch(t.table->key)));
    for (int i = 0; i < key.size(); ++i) {
        del.bind(i + 1, key[i]);
    }
    return del.exec();
}

Status TeamReplicator::applyItem(const SharedColumns &t, const PgRow &row, const QStringList &excluded)
{
    Statement &existing = m_db.cached("SELECT seq FROM items WHERE account_id = ? AND remote_id = ?");
    bindValue(existing, 1, row[0]);
    bindValue(existing, 2, row[1]);
    const bool found = existing.next();
    const qint64 seq = found ? existing.int64(0) : 0;
    existing.reset();
    if (found) {
        QStringList sets;
        std::vector<PgValue> values;
        for (int c = 2; c < t.columns.size(); ++c) {
            if (!excluded.contains(t.columns[c])) {
                sets << q(t.columns[c]) + QStringLiteral(" = ?");
                values.push_back(row[size_t(c)]);
            }
        }
        if (sets.isEmpty()) {
            return success();
        }
        Statement &up
            = statement(QStringLiteral("UPDATE items SET %1 WHERE seq = ?").arg(sets.join(QLatin1String(", "))));
        int i = 1;
        for (const PgValue &v : values) {
            bindValue(up, i++, v);
        }
        up.bind(i, seq);
        return up.exec();
    }
    const int createdCol = int(t.columns.indexOf(QStringLiteral("created_at")));
    const qint64 createdAt = createdCol >= 0 && row[size_t(createdCol)] ? row[size_t(createdCol)]->toLongLong() : 0;
    const qint64 slotSeq = freeItemSeq(m_db, createdAt);
    QStringList placeholders(t.columns.size() + 1, QStringLiteral("?"));
    Statement &ins = statement(QStringLiteral("INSERT INTO items(seq, %1) VALUES (%2)")
                                   .arg(columnList(t.columns), placeholders.join(QLatin1String(", "))));
    ins.bind(1, slotSeq);
    for (int c = 0; c < t.columns.size(); ++c) {
        bindValue(ins, c + 2, row[size_t(c)]);
    }
    SB_TRY(ins.exec());
    const int textCol = int(t.columns.indexOf(QStringLiteral("text")));
    const QString text = row[size_t(textCol)].value_or(QString());
    Statement &fts = m_db.cached("INSERT INTO item_fts(rowid, text) VALUES (?, ?)");
    fts.bindAll(slotSeq, text);
    SB_TRY(fts.exec());
    SB_TRY(m_terms->add(text));
    const int directionCol = int(t.columns.indexOf(QStringLiteral("direction")));
    if (row[size_t(directionCol)] == QStringLiteral("out")) {
        Statement &mark = m_db.cached("INSERT OR IGNORE INTO engagement_dirty(bucket) VALUES (?)");
        mark.bind(1, createdAt - createdAt % kEngagementBucketMs);
        SB_TRY(mark.exec());
    }
    return success();
}

Status TeamReplicator::applyRow(const SharedColumns &t, const PgRow &row)
{
    const QString table = t.table->name;
    const int keySize = int(t.table->key.size());
    QStringList key;
    for (int i = 0; i < keySize; ++i) {
        key << row[size_t(i)].value_or(QString());
    }
    // Columns changed here and not shared yet keep their local value; a row made or deleted here and not shared
    // yet is left alone (the push settles it).
    QStringList excluded;
    {
        Statement &pending
            = statement(QStringLiteral("SELECT col FROM team_pending WHERE tbl = ? AND row_key = json_array(%1)")
                            .arg(QStringList(keySize, QStringLiteral("?")).join(QLatin1String(", "))));
        pending.bind(1, table);
        for (int i = 0; i < keySize; ++i) {
            pending.bind(i + 2, key[i]);
        }
        while (pending.next()) {
            excluded << pending.text(0);
        }
        if (pending.failed()) {
            return pending.error();
        }
    }
    if (excluded.contains(QLatin1String("*")) || excluded.contains(QLatin1String("-"))) {
        return success();
    }
    if (table == QLatin1String("events")) {
        QStringList placeholders(t.columns.size(), QStringLiteral("?"));
        Statement &ins = statement(QStringLiteral("INSERT OR IGNORE INTO events(%1) VALUES (%2)")
                                       .arg(columnList(t.columns), placeholders.join(QLatin1String(", "))));
        for (int c = 0; c < t.columns.size(); ++c) {
            bindValue(ins, c + 1, row[size_t(c)]);
        }
        return ins.exec();
    }
    // Another local row holding one of this row's natural keys was a duplicate made here: the team's row wins.
    for (const QStringList &unique : t.table->unique) {
        QStringList match;
        for (const QString &c : unique) {
            match << q(c) + QStringLiteral(" IS ?");
        }
        Statement &del = statement(QStringLiteral("DELETE FROM %1 WHERE %2 AND NOT (%3)")
                                       .arg(table, match.join(QLatin1String(" AND ")), keyMatch(t.table->key)));
        int i = 1;
        for (const QString &c : unique) {
            bindValue(del, i++, row[size_t(t.columns.indexOf(c))]);
        }
        for (const QString &k : key) {
            del.bind(i++, k);
        }
        SB_TRY(del.exec());
    }
    if (table == QLatin1String("items")) {
        return applyItem(t, row, excluded);
    }
    // UPDATE, else INSERT; not an upsert: an upsert's conflict policy would override the OR IGNORE of the
    // triggers it fires (engagement rollups), which then fail on rows they mean to skip.
    QStringList sets;
    std::vector<PgValue> values;
    for (int c = keySize; c < t.columns.size(); ++c) {
        if (!excluded.contains(t.columns[c])) {
            sets << q(t.columns[c]) + QStringLiteral(" = ?");
            values.push_back(row[size_t(c)]);
        }
    }
    if (!sets.isEmpty()) {
        Statement &up = statement(QStringLiteral("UPDATE %1 SET %2 WHERE %3")
                                      .arg(table, sets.join(QLatin1String(", ")), keyMatch(t.table->key)));
        int i = 1;
        for (const PgValue &v : values) {
            bindValue(up, i++, v);
        }
        for (const QString &k : key) {
            up.bind(i++, k);
        }
        SB_TRY(up.exec());
        if (m_db.changes() > 0) {
            return success();
        }
    } else {
        auto here = localRow(t, key);
        SB_TRY(here);
        if (here.value()) {
            return success(); // every column has a local change waiting
        }
    }
    QStringList placeholders(t.columns.size(), QStringLiteral("?"));
    Statement &ins = statement(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                   .arg(table, columnList(t.columns), placeholders.join(QLatin1String(", "))));
    for (int c = 0; c < t.columns.size(); ++c) {
        bindValue(ins, c + 1, row[size_t(c)]);
    }
    return ins.exec();
}

Result<int> TeamReplicator::pull(int window)
{
    int applied = 0;
    for (;;) {
        const qint64 from = WorkspaceSettings::value(m_db, QStringLiteral("team_cursor")).toLongLong();
        SB_TRY(m_pg.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")));
        auto fail = [this](const Error &e) {
            (void)m_pg.exec(QStringLiteral("ROLLBACK"));
            return e;
        };
        auto head = m_pg.exec(QStringLiteral("SELECT seq FROM sb.clock"));
        if (!head.ok() || head.value().rows.empty()) {
            return fail(head.ok() ? makeError(ErrorKind::Corrupt, QStringLiteral("sb.clock is empty")) : head.error());
        }
        const qint64 last = head.value().rows.front()[0].value_or(QString()).toLongLong();
        if (last <= from) {
            SB_TRY(m_pg.exec(QStringLiteral("COMMIT")));
            return applied;
        }
        const qint64 upto = std::min(last, from + window);
        const std::vector<PgValue> range {QString::number(from), QString::number(upto)};
        // Which tables changed in the window: one round trip, an index probe per table.
        QStringList probes;
        for (const SharedColumns &t : m_tables) {
            probes << QStringLiteral("SELECT '%1' WHERE EXISTS(SELECT 1 FROM sb.%1 WHERE _seq > $1 AND _seq <= $2)")
                          .arg(t.table->name);
        }
        auto changed = m_pg.exec(probes.join(QLatin1String(" UNION ALL ")), range);
        if (!changed.ok()) {
            return fail(changed.error());
        }
        QSet<QString> changedTables;
        for (const PgRow &r : changed.value().rows) {
            changedTables.insert(r[0].value_or(QString()));
        }
        std::vector<PgResult> rows;
        for (const SharedColumns &t : m_tables) {
            if (!changedTables.contains(t.table->name)) {
                rows.emplace_back();
                continue;
            }
            auto r = m_pg.exec(QStringLiteral("SELECT %1, _origin FROM sb.%2 WHERE _seq > $1 AND _seq <= $2 "
                                              "ORDER BY _seq")
                                   .arg(columnList(t.columns), t.table->name),
                               range);
            if (!r.ok()) {
                return fail(r.error());
            }
            rows.push_back(std::move(r.value()));
        }
        auto tombs = m_pg.exec(QStringLiteral("SELECT tbl, row_key, _origin FROM sb.tombstones WHERE _seq > $1 AND "
                                              "_seq <= $2 ORDER BY _seq"),
                               range);
        if (!tombs.ok()) {
            return fail(tombs.error());
        }
        SB_TRY(m_pg.exec(QStringLiteral("COMMIT")));

        Transaction tx(m_db);
        SB_TRY(tx.began());
        SB_TRY(m_db.exec("PRAGMA defer_foreign_keys = ON"));
        SB_TRY(m_db.exec("UPDATE team_apply SET applying = 1"));
        m_terms->begin();
        for (const PgRow &tomb : tombs.value().rows) {
            if (tomb[2] == m_workstation) {
                continue;
            }
            if (const SharedColumns *t = columnsOf(tomb[0].value_or(QString()))) {
                SB_TRY(deleteLocal(*t, rowKeyValues(tomb[1].value_or(QString()))));
                ++applied;
            }
        }
        for (size_t i = 0; i < m_tables.size(); ++i) {
            for (const PgRow &row : rows[i].rows) {
                if (row.back() == m_workstation) {
                    continue; // this workstation's own change, already here
                }
                SB_TRY(applyRow(m_tables[i], row));
                ++applied;
            }
        }
        SB_TRY(m_terms->write());
        SB_TRY(setLocalSetting(m_db, QStringLiteral("team_cursor"), QString::number(upto)));
        SB_TRY(m_db.exec("UPDATE team_apply SET applying = 0"));
        SB_TRY(tx.commit());
        m_terms->committed();
    }
}

Result<int> TeamReplicator::uploadAll()
{
    int uploaded = 0;
    SB_TRY(begin());
    auto fail = [this](const Error &e) {
        (void)m_pg.exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    constexpr int kBatch = 200;
    for (const SharedColumns &t : m_tables) {
        const QString local = localRowsCondition(*t.table, "");
        const QString where = local.isEmpty() ? QString() : QStringLiteral(" WHERE NOT (%1)").arg(local);
        auto st = m_db.prepare(QStringLiteral("SELECT %1 FROM %2%3").arg(columnList(t.columns), t.table->name, where));
        if (!st.ok()) {
            return fail(st.error());
        }
        std::vector<PgValue> params;
        QStringList tuples;
        auto flush = [&]() -> Status {
            if (tuples.isEmpty()) {
                return success();
            }
            auto r = m_pg.exec(QStringLiteral("INSERT INTO sb.%1(%2) VALUES %3 ON CONFLICT DO NOTHING")
                                   .arg(t.table->name, columnList(t.columns), tuples.join(QLatin1String(", "))),
                               params);
            params.clear();
            tuples.clear();
            SB_TRY(r);
            return success();
        };
        while (st.value().next()) {
            QStringList ph;
            for (int c = 0; c < t.columns.size(); ++c) {
                params.push_back(columnValue(st.value(), c));
                ph << QStringLiteral("$%1").arg(params.size());
            }
            tuples << QLatin1Char('(') + ph.join(QLatin1String(", ")) + QLatin1Char(')');
            ++uploaded;
            if (tuples.size() >= kBatch) {
                if (auto s = flush(); !s.ok()) {
                    return fail(s.error());
                }
            }
        }
        if (st.value().failed()) {
            return fail(st.value().error());
        }
        if (auto s = flush(); !s.ok()) {
            return fail(s.error());
        }
    }
    SB_TRY(m_pg.exec(QStringLiteral("COMMIT")));
    SB_TRY(m_db.exec("DELETE FROM team_pending"));
    return uploaded;
}

Result<TeamReplicator::Claim> TeamReplicator::claimJob(const QString &jobId, qint64 leaseMs)
{
    const SharedColumns *t = columnsOf(QStringLiteral("outbox_jobs"));
    if (!t) {
        return makeError(ErrorKind::Corrupt, QStringLiteral("outbox_jobs is not shared"));
    }
    PgResult res;
    SB_TRY(begin());
    const auto error = m_pg.execChecked(
        QStringLiteral("WITH free AS (SELECT id FROM sb.outbox_jobs WHERE id = $1 "
                       "AND state IN ('pending', 'sending', 'maybe_committed') "
                       "AND (claimed_by IS NULL OR claimed_by = $2 OR claim_until < sb.now_ms()) "
                       "FOR UPDATE SKIP LOCKED) "
                       "UPDATE sb.outbox_jobs j SET claimed_by = $2, claim_until = sb.now_ms() + $3 FROM free "
                       "WHERE j.id = free.id RETURNING %1, j._origin")
            .arg([&] {
                QStringList cols;
                for (const QString &c : t->columns) {
                    cols << QStringLiteral("j.") + q(c);
                }
                return cols.join(QLatin1String(", "));
            }()),
        {jobId, m_workstation, QString::number(leaseMs)}, &res);
    if (error) {
        (void)m_pg.exec(QStringLiteral("ROLLBACK"));
        if (error->connectionLost) {
            return toError(*error);
        }
        return error->sqlState == QLatin1String("42501") ? Claim::Refused : Claim::Taken;
    }
    SB_TRY(m_pg.exec(QStringLiteral("COMMIT")));
    if (res.rows.empty()) {
        auto exists = m_pg.exec(QStringLiteral("SELECT 1 FROM sb.outbox_jobs WHERE id = $1"), {jobId});
        SB_TRY(exists);
        return exists.value().rows.empty() ? Claim::NotShared : Claim::Taken;
    }
    // The team's row, with the caution of both sides: a job that was on its way here or there is reconciled first.
    PgRow row = res.rows.front();
    const int stateCol = int(t->columns.indexOf(QStringLiteral("state")));
    auto local = localRow(*t, {jobId});
    SB_TRY(local);
    const QString localState = local.value() ? (*local.value())[size_t(stateCol)].value_or(QString()) : QString();
    const QString teamState = row[size_t(stateCol)].value_or(QString());
    const auto inFlight
        = [](const QString &s) { return s == QLatin1String("sending") || s == QLatin1String("maybe_committed"); };
    if (inFlight(localState) || inFlight(teamState)) {
        row[size_t(stateCol)] = QStringLiteral("maybe_committed");
    }
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(m_db.exec("UPDATE team_apply SET applying = 1"));
    SB_TRY(deleteLocalPending(*t, {jobId}));
    SB_TRY(applyRow(*t, row));
    SB_TRY(m_db.exec("UPDATE team_apply SET applying = 0"));
    if (row[size_t(stateCol)] != teamState) {
        // The team hears that this job is being reconciled.
        Statement &mark = m_db.cached("INSERT OR IGNORE INTO team_pending(tbl, row_key, col, base) "
                                      "VALUES ('outbox_jobs', json_array(?1), 'state', ?2)");
        mark.bindAll(jobId, teamState);
        SB_TRY(mark.exec());
    }
    SB_TRY(tx.commit());
    return Claim::Claimed;
}

} // namespace sb::team
