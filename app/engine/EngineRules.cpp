#include "core/Clock.h"
#include "core/Domain.h"
#include "core/Ids.h"
#include "engine/Engine.h"
#include "engine/Routing.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sb::Engine", text);
}

const QStringList &routableKinds()
{
    static const QStringList kinds {QStringLiteral("mention"), QStringLiteral("reply"), QStringLiteral("dm"),
                                    QStringLiteral("comment"), QStringLiteral("quote")};
    return kinds;
}

bool exists(SqliteDb &db, const char *sql, const QString &id)
{
    Statement &st = db.cached(sql);
    st.bind(1, id);
    const bool found = st.next();
    st.reset();
    return found;
}

// The rule as the events describe it: enough to read the log without the rule (it may be removed later).
QJsonObject describe(const RoutingRule &rule)
{
    QJsonObject out {{QStringLiteral("name"), rule.name}, {QStringLiteral("enabled"), rule.enabled}};
    auto put = [&out](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            out.insert(QLatin1String(key), value);
        }
    };
    put("account", rule.accountId);
    put("keywords", rule.keywords.join(QStringLiteral(", ")));
    put("language", rule.language);
    put("author", rule.author);
    put("kind", rule.kind);
    put("team", rule.teamId);
    put("assignee", rule.assigneeId);
    put("tags", rule.tags.join(QStringLiteral(", ")));
    if (rule.priority) {
        out.insert(QStringLiteral("priority"), *rule.priority);
    }
    return out;
}

Status validate(SqliteDb &db, const RoutingRule &rule)
{
    if (rule.name.simplified().isEmpty() || rule.name.simplified().size() > 80) {
        return makeError(ErrorKind::Invalid, tr("A rule needs a name of at most 80 characters."));
    }
    if (!rule.hasAction()) {
        return makeError(ErrorKind::Invalid,
                         tr("A rule needs something to do: a team, an assignee, tags or a priority."));
    }
    if (!rule.kind.isEmpty() && !routableKinds().contains(rule.kind)) {
        return makeError(ErrorKind::Invalid,
                         tr("Unknown message kind \"%1\"; use one of: %2.")
                             .arg(rule.kind, routableKinds().join(QStringLiteral(", "))));
    }
    if (rule.priority && (*rule.priority < 0 || *rule.priority > 3)) {
        return makeError(ErrorKind::Invalid, tr("Priority goes from 0 (none) to 3 (urgent)."));
    }
    for (const QString &tag : rule.tags) {
        if (tag.size() > 64 || tag.contains(QLatin1Char(' '))) {
            return makeError(ErrorKind::Invalid, tr("A tag is one word of at most 64 characters."));
        }
    }
    if (!rule.accountId.isEmpty() && !exists(db, "SELECT 1 FROM accounts WHERE id = ?", rule.accountId)) {
        return makeError(ErrorKind::NotFound, tr("There is no account %1.").arg(rule.accountId));
    }
    if (!rule.teamId.isEmpty() && !exists(db, "SELECT 1 FROM teams WHERE id = ?", rule.teamId)) {
        return makeError(ErrorKind::NotFound, tr("There is no team %1.").arg(rule.teamId));
    }
    if (!rule.assigneeId.isEmpty()
        && !exists(db, "SELECT 1 FROM employees WHERE id = ? AND active = 1", rule.assigneeId)) {
        return makeError(ErrorKind::NotFound, tr("There is no active employee %1.").arg(rule.assigneeId));
    }
    return success();
}

QString joined(const QStringList &list, bool lower)
{
    QStringList clean;
    for (const QString &item : list) {
        const QString s = lower ? item.simplified().toLower() : item.simplified();
        if (!s.isEmpty() && !clean.contains(s)) {
            clean << s;
        }
    }
    return clean.join(QLatin1Char(','));
}

// A null QString binds as NULL; these columns hold '' for "no condition".
QString orEmpty(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void bindRule(Statement &st, const RoutingRule &rule)
{
    // ?2 name, ?3 enabled, ?4 account, ?5 keywords, ?6 language, ?7 author, ?8 kind, ?9 team, ?10 assignee,
    // ?11 tags, ?12 priority
    st.bind(2, rule.name.simplified()).bind(3, rule.enabled);
    auto textOrNull = [&st](int index, const QString &value) {
        if (value.isEmpty()) {
            st.bindNull(index);
        } else {
            st.bind(index, value);
        }
    };
    textOrNull(4, rule.accountId);
    st.bind(5, orEmpty(joined(rule.keywords, false)))
        .bind(6, orEmpty(rule.language.trimmed().toLower()))
        .bind(7, orEmpty(rule.author.trimmed()))
        .bind(8, orEmpty(rule.kind.trimmed().toLower()));
    textOrNull(9, rule.teamId);
    textOrNull(10, rule.assigneeId);
    st.bind(11, orEmpty(joined(rule.tags, true)));
    if (rule.priority) {
        st.bind(12, *rule.priority);
    } else {
        st.bindNull(12);
    }
}

} // namespace

Result<QString> Engine::addRule(const Actor &actor, const RoutingRule &rule)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("change routing rules")));
    SB_TRY(validate(m_db, rule));
    const QString id = m_ids.next();
    const qint64 now = m_clock.nowMs();
    Statement &ins = m_db.cached(
        "INSERT INTO routing_rules(id, name, enabled, account_id, keywords, language, author, kind, team_id, "
        "assignee_id, tags, priority, position, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9, ?10, ?11, ?12, (SELECT coalesce(max(position), 0) + 1 FROM routing_rules), ?13, ?14, ?14)");
    ins.bind(1, id);
    bindRule(ins, rule);
    if (actor.kind == Actor::Kind::Employee) {
        ins.bind(13, actor.id);
    } else {
        ins.bindNull(13);
    }
    ins.bind(14, now);
    SB_TRY(ins.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("rule_added"), QStringLiteral("routing_rule"), id, {}, describe(rule)));
    SB_TRY(tx.commit());
    return id;
}

Status Engine::updateRule(const Actor &actor, const RoutingRule &rule)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("change routing rules")));
    if (!exists(m_db, "SELECT 1 FROM routing_rules WHERE id = ?", rule.id)) {
        return makeError(ErrorKind::NotFound, tr("There is no routing rule %1.").arg(rule.id));
    }
    SB_TRY(validate(m_db, rule));
    Statement &up = m_db.cached("UPDATE routing_rules SET name = ?2, enabled = ?3, account_id = ?4, keywords = ?5, "
                                "language = ?6, author = ?7, kind = ?8, team_id = ?9, assignee_id = ?10, tags = ?11, "
                                "priority = ?12, updated_at = ?13 WHERE id = ?1");
    up.bind(1, rule.id);
    bindRule(up, rule);
    up.bind(13, m_clock.nowMs());
    SB_TRY(up.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("rule_changed"), QStringLiteral("routing_rule"), rule.id, {},
                       describe(rule)));
    return tx.commit();
}

Status Engine::removeRule(const Actor &actor, const QString &ruleId)
{
    Transaction tx(m_db);
    SB_TRY(tx.began());
    SB_TRY(requireRole(actor, canManageRoster, tr("change routing rules")));
    Statement &cur = m_db.cached("SELECT name FROM routing_rules WHERE id = ?");
    cur.bind(1, ruleId);
    if (!cur.next()) {
        cur.reset();
        return makeError(ErrorKind::NotFound, tr("There is no routing rule %1.").arg(ruleId));
    }
    const QString name = cur.text(0);
    cur.reset();
    Statement &del = m_db.cached("DELETE FROM routing_rules WHERE id = ?");
    del.bind(1, ruleId);
    SB_TRY(del.exec());
    SB_TRY(appendEvent(actor, QStringLiteral("rule_removed"), QStringLiteral("routing_rule"), ruleId, {},
                       {{QStringLiteral("name"), name}}));
    return tx.commit();
}

} // namespace sb
