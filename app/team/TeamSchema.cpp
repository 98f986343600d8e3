#include "team/TeamSchema.h"

#include "store/Sqlite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb::team {

namespace {

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *n : names) {
        out << QLatin1String(n);
    }
    return out;
}

SharedTable byId(const char *name)
{
    return SharedTable {QLatin1String(name), keys({"id"}), {}, {}, {}};
}

QString quotedName(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

// "NEW.a, NEW.b" for a key.
QString keyArgs(const QStringList &key, const char *prefix)
{
    QStringList parts;
    for (const QString &k : key) {
        parts << QLatin1String(prefix) + QLatin1Char('.') + quotedName(k);
    }
    return parts.join(QLatin1String(", "));
}

QString localCondition(const SharedTable &t, const char *prefix)
{
    const QString c = localRowsCondition(t, prefix);
    return c.isEmpty() ? QString() : QStringLiteral(" AND NOT (%1)").arg(c);
}

} // namespace

QString localRowsCondition(const SharedTable &table, const char *prefix)
{
    QString c = table.localRows;
    return c.replace(QLatin1String("$."), *prefix ? QLatin1String(prefix) + QLatin1Char('.') : QString());
}

qint64 pendingChanges(SqliteDb &db)
{
    return db.scalarInt(QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT tbl, row_key FROM team_pending)"));
}

Status setLocalSetting(SqliteDb &db, const QString &key, const QString &value)
{
    Statement &st = db.cached("INSERT INTO settings(key, value, updated_at) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT(key) DO UPDATE SET value = ?2, updated_at = ?3");
    st.bindAll(key, value, QDateTime::currentMSecsSinceEpoch());
    return st.exec();
}

const std::vector<SharedTable> &sharedTables()
{
    static const std::vector<SharedTable> tables = [] {
        std::vector<SharedTable> t;
        // Workspace settings are the team's, except what names this workstation and its team connection.
        t.push_back({QStringLiteral("settings"),
                     keys({"key"}),
                     {},
                     {},
                     QStringLiteral("$.key = 'workspace_id' OR substr($.key, 1, 5) = 'team_'")});
        t.push_back({QStringLiteral("teams"), keys({"id"}), {}, {keys({"name"})}, {}});
        t.push_back(byId("employees"));
        t.push_back({QStringLiteral("accounts"), keys({"id"}), {}, {keys({"network", "service_url", "handle"})}, {}});
        t.push_back(
            {QStringLiteral("contacts"), keys({"id"}), keys({"avatar_path"}), {keys({"network", "remote_id"})}, {}});
        t.push_back({QStringLiteral("conversations"), keys({"id"}), {}, {keys({"account_id", "thread_key"})}, {}});
        t.push_back({QStringLiteral("conversation_tags"), keys({"conversation_id", "tag"}), {}, {}, {}});
        t.push_back({QStringLiteral("items"), keys({"account_id", "remote_id"}), keys({"seq"}), {}, {}});
        t.push_back(byId("notes"));
        t.push_back({QStringLiteral("events"), keys({"id"}), keys({"seq"}), {}, {}});
        t.push_back({QStringLiteral("sync_cursors"), keys({"account_id", "feed"}), {}, {}, {}});
        t.push_back({QStringLiteral("own_posts"), keys({"account_id", "remote_id"}), {}, {}, {}});
        t.push_back(byId("campaigns"));
        t.push_back(byId("posts"));
        t.push_back({QStringLiteral("post_variants"), keys({"id"}), {}, {keys({"post_id", "account_id"})}, {}});
        t.push_back(byId("media"));
        t.push_back(byId("reply_drafts"));
        t.push_back({QStringLiteral("outbox_jobs"), keys({"id"}), {}, {keys({"idempotency_key"})}, {}});
        t.push_back(byId("canned_replies"));
        t.push_back(byId("saved_views"));
        t.push_back({QStringLiteral("goals"), keys({"id"}), {}, {keys({"employee_id", "metric"})}, {}});
        t.push_back(byId("routing_rules"));
        t.push_back({QStringLiteral("presence"), keys({"conversation_id", "session_id"}), {}, {}, {}});
        return t;
    }();
    return tables;
}

const SharedTable *sharedTable(const QString &name)
{
    for (const SharedTable &t : sharedTables()) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

Result<std::vector<SharedColumns>> sharedColumns(SqliteDb &db)
{
    std::vector<SharedColumns> out;
    for (const SharedTable &t : sharedTables()) {
        auto st = db.prepare(
            QStringLiteral("SELECT name, upper(type) FROM pragma_table_info('%1') ORDER BY cid").arg(t.name));
        SB_TRY(st);
        SharedColumns c;
        c.table = &t;
        QStringList names;
        QStringList types;
        while (st.value().next()) {
            const QString name = st.value().text(0);
            if (t.localColumns.contains(name)) {
                continue;
            }
            const QString type = st.value().text(1);
            names << name;
            types << (type.contains(QLatin1String("INT"))        ? QStringLiteral("bigint")
                          : type.contains(QLatin1String("REAL")) ? QStringLiteral("double precision")
                                                                 : QStringLiteral("text"));
        }
        if (st.value().failed()) {
            return st.value().error();
        }
        if (names.isEmpty()) {
            return makeError(ErrorKind::Corrupt, QStringLiteral("the workspace has no table %1").arg(t.name));
        }
        // Key columns first: rows are addressed by the leading columns everywhere.
        for (int k = int(t.key.size()) - 1; k >= 0; --k) {
            const qsizetype at = names.indexOf(t.key[k]);
            if (at < 0) {
                return makeError(ErrorKind::Corrupt, QStringLiteral("%1 has no column %2").arg(t.name, t.key[k]));
            }
            names.move(at, 0);
            types.move(at, 0);
        }
        c.columns = names;
        c.pgTypes = types;
        out.push_back(std::move(c));
    }
    return out;
}

QString pgSchemaSql(const std::vector<SharedColumns> &tables, int localSchemaVersion)
{
    QString sql = QStringLiteral(R"SQL(
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sb_member') THEN CREATE ROLE sb_member NOLOGIN; END IF;
END $$;
CREATE SCHEMA sb;
GRANT USAGE ON SCHEMA sb TO sb_member;
CREATE TABLE sb.meta(key text PRIMARY KEY, value text NOT NULL);
INSERT INTO sb.meta VALUES ('schema_version', '%1'), ('team_id', gen_random_uuid()::text);
-- The change sequence. Taking the next value locks this row until the transaction ends, so values are handed out
-- in commit order: a workstation that has read up to N never misses a change committed later with a smaller one.
CREATE TABLE sb.clock(id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL);
INSERT INTO sb.clock VALUES (1, 0);
CREATE TABLE sb.tombstones(_seq bigint PRIMARY KEY, tbl text NOT NULL, row_key text NOT NULL, _origin text);
-- Which employee each PostgreSQL login is: roles are enforced for the login, whatever the client claims.
CREATE TABLE sb.logins(login text PRIMARY KEY, employee_id text NOT NULL);
CREATE FUNCTION sb.now_ms() RETURNS bigint LANGUAGE sql VOLATILE
    AS $f$ SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint $f$;
CREATE FUNCTION sb.next_seq() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = sb, pg_temp
    AS $f$ UPDATE sb.clock SET seq = seq + 1 WHERE id = 1 RETURNING seq $f$;
CREATE FUNCTION sb.stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = sb, pg_temp AS $f$
BEGIN
    NEW._seq := sb.next_seq();
    NEW._origin := current_setting('sb.origin', true);
    RETURN NEW;
END $f$;
CREATE FUNCTION sb.tombstone() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = sb, pg_temp AS $f$
DECLARE
    k jsonb := '[]'::jsonb;
BEGIN
    FOR i IN 0 .. TG_NARGS - 1 LOOP
        k := k || jsonb_build_array(to_jsonb(OLD) ->> TG_ARGV[i]);
    END LOOP;
    INSERT INTO sb.tombstones VALUES (sb.next_seq(), TG_TABLE_NAME, k::text, current_setting('sb.origin', true));
    RETURN OLD;
END $f$;
CREATE FUNCTION sb.announce() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM pg_notify('sb_changes', '');
    RETURN NULL;
END $f$;
GRANT SELECT ON sb.meta, sb.tombstones, sb.logins, sb.clock TO sb_member;
)SQL")
                      .arg(localSchemaVersion);

    for (const SharedColumns &t : tables) {
        const QString name = t.table->name;
        QStringList cols;
        for (int i = 0; i < t.columns.size(); ++i) {
            cols << quotedName(t.columns[i]) + QLatin1Char(' ') + t.pgTypes[i];
        }
        if (name == QLatin1String("outbox_jobs")) {
            // Which workstation sends the job, until when (ms): see TeamReplicator::claimJob.
            cols << QStringLiteral("claimed_by text") << QStringLiteral("claim_until bigint");
        }
        QStringList quotedKey;
        QStringList keyArgsPg;
        for (const QString &k : t.table->key) {
            quotedKey << quotedName(k);
            keyArgsPg << QLatin1Char('\'') + k + QLatin1Char('\'');
        }
        sql += QStringLiteral(
                   "CREATE TABLE sb.%1(%2, _seq bigint NOT NULL DEFAULT 0, _origin text, PRIMARY KEY(%3));\n")
                   .arg(name, cols.join(QLatin1String(", ")), quotedKey.join(QLatin1String(", ")));
        sql += QStringLiteral("CREATE INDEX %1_seq ON sb.%1(_seq);\n").arg(name);
        int u = 0;
        for (const QStringList &unique : t.table->unique) {
            QStringList q;
            for (const QString &c : unique) {
                q << quotedName(c);
            }
            sql += QStringLiteral("CREATE UNIQUE INDEX %1_u%2 ON sb.%1(%3);\n")
                       .arg(name)
                       .arg(++u)
                       .arg(q.join(QLatin1String(", ")));
        }
        sql += QStringLiteral("CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON sb.%1 FOR EACH ROW "
                              "EXECUTE FUNCTION sb.stamp();\n"
                              "CREATE TRIGGER tombstone AFTER DELETE ON sb.%1 FOR EACH ROW "
                              "EXECUTE FUNCTION sb.tombstone(%2);\n"
                              "CREATE TRIGGER announce AFTER INSERT OR UPDATE OR DELETE ON sb.%1 "
                              "FOR EACH STATEMENT EXECUTE FUNCTION sb.announce();\n"
                              "ALTER TABLE sb.%1 ENABLE ROW LEVEL SECURITY;\n")
                   .arg(name, keyArgsPg.join(QLatin1String(", ")));
        if (name == QLatin1String("events")) {
            sql += QStringLiteral("GRANT SELECT, INSERT ON sb.events TO sb_member;\n");
        } else {
            sql += QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON sb.%1 TO sb_member;\n").arg(name);
        }
    }

    // Who may do what, for the login's employee (sb.logins), whatever the client claims. Contributors draft and
    // triage their notes; they do not approve, schedule or publish, and the log shows their own name only.
    sql += QStringLiteral(R"SQL(
CREATE FUNCTION sb.my_employee() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sb, pg_temp
    AS $f$ SELECT employee_id FROM sb.logins WHERE login = session_user $f$;
CREATE FUNCTION sb.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = sb, pg_temp
    AS $f$ SELECT e.role FROM sb.logins l JOIN sb.employees e ON e.id = l.employee_id
           WHERE l.login = session_user AND e.active = 1 $f$;
CREATE FUNCTION sb.may_publish() RETURNS boolean LANGUAGE sql STABLE
    AS $f$ SELECT coalesce(sb.my_role() IN ('admin', 'manager', 'community_manager'), false) $f$;
CREATE FUNCTION sb.may_approve() RETURNS boolean LANGUAGE sql STABLE
    AS $f$ SELECT coalesce(sb.my_role() IN ('admin', 'manager'), false) $f$;
GRANT EXECUTE ON FUNCTION sb.my_employee(), sb.my_role(), sb.may_publish(), sb.may_approve(), sb.now_ms()
    TO sb_member;
)SQL");
    const QStringList restricted {QStringLiteral("settings"),     QStringLiteral("employees"),
                                  QStringLiteral("posts"),        QStringLiteral("post_variants"),
                                  QStringLiteral("reply_drafts"), QStringLiteral("outbox_jobs"),
                                  QStringLiteral("events"),       QStringLiteral("goals")};
    for (const SharedColumns &t : tables) {
        if (!restricted.contains(t.table->name)) {
            sql += QStringLiteral("CREATE POLICY member ON sb.%1 TO sb_member USING (true) WITH CHECK (true);\n")
                       .arg(t.table->name);
        }
    }
    sql += QStringLiteral(R"SQL(
CREATE POLICY read ON sb.settings FOR SELECT TO sb_member USING (true);
CREATE POLICY manage ON sb.settings TO sb_member USING (sb.may_approve()) WITH CHECK (sb.may_approve());
CREATE POLICY read ON sb.employees FOR SELECT TO sb_member USING (true);
CREATE POLICY manage ON sb.employees TO sb_member USING (sb.may_approve()) WITH CHECK (sb.may_approve());
CREATE POLICY read ON sb.goals FOR SELECT TO sb_member USING (true);
CREATE POLICY manage ON sb.goals TO sb_member USING (sb.may_approve()) WITH CHECK (sb.may_approve());
CREATE POLICY read ON sb.posts FOR SELECT TO sb_member USING (true);
CREATE POLICY draft ON sb.posts FOR INSERT TO sb_member
    WITH CHECK (sb.may_publish() OR (state IN ('draft', 'in_review') AND author_id = sb.my_employee()));
CREATE POLICY edit ON sb.posts FOR UPDATE TO sb_member
    USING (sb.may_publish() OR author_id = sb.my_employee())
    WITH CHECK (sb.may_publish() OR state IN ('draft', 'in_review'));
CREATE POLICY remove ON sb.posts FOR DELETE TO sb_member
    USING (sb.may_publish() OR (author_id = sb.my_employee() AND state IN ('draft', 'in_review')));
CREATE POLICY read ON sb.post_variants FOR SELECT TO sb_member USING (true);
CREATE POLICY draft ON sb.post_variants FOR INSERT TO sb_member WITH CHECK (sb.may_publish() OR state = 'pending');
CREATE POLICY edit ON sb.post_variants FOR UPDATE TO sb_member USING (true)
    WITH CHECK (sb.may_publish() OR state = 'pending');
CREATE POLICY remove ON sb.post_variants FOR DELETE TO sb_member USING (sb.may_publish() OR state = 'pending');
CREATE POLICY read ON sb.reply_drafts FOR SELECT TO sb_member USING (true);
CREATE POLICY draft ON sb.reply_drafts FOR INSERT TO sb_member
    WITH CHECK (sb.may_approve() OR (state = 'in_review' AND author_id = sb.my_employee()));
CREATE POLICY review ON sb.reply_drafts FOR UPDATE TO sb_member
    USING (sb.may_approve() OR author_id = sb.my_employee())
    WITH CHECK (sb.may_approve() OR state = 'in_review');
CREATE POLICY remove ON sb.reply_drafts FOR DELETE TO sb_member USING (sb.may_approve());
CREATE POLICY read ON sb.outbox_jobs FOR SELECT TO sb_member USING (true);
CREATE POLICY publish ON sb.outbox_jobs TO sb_member USING (sb.may_publish()) WITH CHECK (sb.may_publish());
CREATE POLICY read ON sb.events FOR SELECT TO sb_member USING (true);
CREATE POLICY log ON sb.events FOR INSERT TO sb_member
    WITH CHECK (actor_kind <> 'employee' OR actor_id = sb.my_employee() OR sb.may_publish());
-- The audit view: the event log with the login's employee behind each entry, for reports and for psql users.
CREATE VIEW sb.audit WITH (security_barrier) AS
    SELECT e.at, to_timestamp(e.at / 1000.0) AS at_time, e.actor_kind, e.actor_id, emp.name AS actor_name, e.action,
           e.subject_type, e.subject_id, e.conversation_id, e.details, e._origin AS workstation
    FROM sb.events e LEFT JOIN sb.employees emp ON emp.id = e.actor_id;
GRANT SELECT ON sb.audit TO sb_member;
)SQL");
    return sql;
}

Status installLocalTriggers(SqliteDb &db, const std::vector<SharedColumns> &tables)
{
    SB_TRY(dropLocalTriggers(db));
    for (const SharedColumns &t : tables) {
        const QString name = t.table->name;
        const QString when = QStringLiteral("(SELECT applying FROM team_apply) = 0");
        QString sql = QStringLiteral("CREATE TRIGGER team_%1_insert AFTER INSERT ON %1 WHEN %2%3 BEGIN "
                                     "INSERT OR REPLACE INTO team_pending(tbl, row_key, col, base) "
                                     "VALUES ('%1', json_array(%4), '*', NULL); END;\n")
                          .arg(name, when, localCondition(*t.table, "NEW"), keyArgs(t.table->key, "NEW"));
        if (name != QLatin1String("events")) { // append-only
            QString body;
            for (const QString &c : t.columns) {
                if (t.table->key.contains(c)) {
                    continue;
                }
                body += QStringLiteral("INSERT OR IGNORE INTO team_pending(tbl, row_key, col, base) "
                                       "SELECT '%1', json_array(%2), '%3', OLD.%4 WHERE OLD.%4 IS NOT NEW.%4; ")
                            .arg(name, keyArgs(t.table->key, "NEW"), c, quotedName(c));
            }
            sql += QStringLiteral("CREATE TRIGGER team_%1_update AFTER UPDATE ON %1 WHEN %2%3 BEGIN %4END;\n")
                       .arg(name, when, localCondition(*t.table, "NEW"), body);
            sql += QStringLiteral("CREATE TRIGGER team_%1_delete AFTER DELETE ON %1 WHEN %2%3 BEGIN "
                                  "DELETE FROM team_pending WHERE tbl = '%1' AND row_key = json_array(%4); "
                                  "INSERT INTO team_pending(tbl, row_key, col, base) "
                                  "VALUES ('%1', json_array(%4), '-', NULL); END;\n")
                       .arg(name, when, localCondition(*t.table, "OLD"), keyArgs(t.table->key, "OLD"));
        }
        SB_TRY(db.exec(sql));
    }
    return success();
}

Status dropLocalTriggers(SqliteDb &db)
{
    auto st = db.prepare(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE "
                                        "'team\\_%' ESCAPE '\\'"));
    SB_TRY(st);
    QStringList names;
    while (st.value().next()) {
        names << st.value().text(0);
    }
    if (st.value().failed()) {
        return st.value().error();
    }
    for (const QString &n : names) {
        SB_TRY(db.exec(QStringLiteral("DROP TRIGGER %1").arg(quotedName(n))));
    }
    return success();
}

QString rowKeyJson(const QStringList &values)
{
    QJsonArray a;
    for (const QString &v : values) {
        a.append(v);
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QStringList rowKeyValues(const QString &json)
{
    QStringList out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : a) {
        out << (v.isString() ? v.toString() : v.isDouble() ? QString::number(qint64(v.toDouble())) : QString());
    }
    return out;
}

} // namespace sb::team
