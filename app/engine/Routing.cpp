#include "engine/Routing.h"

#include "engine/Engine.h"
#include "store/Sqlite.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRouting, "switchboard.routing")

namespace sb {

namespace {

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString clean = part.simplified();
        if (!clean.isEmpty()) {
            out << clean;
        }
    }
    return out;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// `needle` occurs in `haystack` on word boundaries (both already folded).
bool containsWord(const QString &haystack, const QString &needle)
{
    if (needle.isEmpty()) {
        return false;
    }
    qsizetype from = 0;
    while ((from = haystack.indexOf(needle, from)) >= 0) {
        const qsizetype end = from + needle.size();
        const bool startOk = from == 0 || !isWordChar(haystack.at(from - 1)) || !isWordChar(needle.front());
        const bool endOk = end == haystack.size() || !isWordChar(haystack.at(end)) || !isWordChar(needle.back());
        if (startOk && endOk) {
            return true;
        }
        ++from;
    }
    return false;
}

QString bareHandle(QString handle)
{
    handle = handle.trimmed().toLower();
    while (handle.startsWith(QLatin1Char('@'))) {
        handle.remove(0, 1);
    }
    return handle;
}

} // namespace

bool RoutingRule::hasCondition() const
{
    return !accountId.isEmpty() || !keywords.isEmpty() || !language.isEmpty() || !author.isEmpty() || !kind.isEmpty();
}

bool RoutingRule::hasAction() const
{
    return !teamId.isEmpty() || !assigneeId.isEmpty() || !tags.isEmpty() || priority.has_value();
}

QString foldForMatching(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing) {
            continue;
        }
        out.append(c);
    }
    return out.toCaseFolded();
}

bool ruleMatches(const RoutingRule &rule, const RoutedMessage &message)
{
    if (!rule.enabled) {
        return false;
    }
    if (!rule.accountId.isEmpty() && rule.accountId != message.accountId) {
        return false;
    }
    if (!rule.kind.isEmpty() && rule.kind.compare(message.kind, Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (!rule.language.isEmpty()) {
        const QString want = rule.language.toLower();
        const QString have = message.lang.toLower();
        if (have != want && !have.startsWith(want + QLatin1Char('-')) && !have.startsWith(want + QLatin1Char('_'))) {
            return false;
        }
    }
    if (!rule.author.isEmpty()) {
        const QString want = bareHandle(rule.author);
        const QString have = bareHandle(message.authorHandle);
        if (have != want && !have.startsWith(want + QLatin1Char('@')) && !have.startsWith(want + QLatin1Char('.'))) {
            return false;
        }
    }
    if (!rule.keywords.isEmpty()) {
        const QString text = foldForMatching(message.text);
        const bool any = std::any_of(rule.keywords.cbegin(), rule.keywords.cend(), [&text](const QString &keyword) {
            return containsWord(text, foldForMatching(keyword.simplified()));
        });
        if (!any) {
            return false;
        }
    }
    return true;
}

Result<std::vector<RoutingRule>> loadRoutingRules(SqliteDb &db, bool enabledOnly)
{
    Statement &st = db.cached("SELECT id, name, enabled, position, coalesce(account_id, ''), keywords, language, "
                              "author, kind, coalesce(team_id, ''), coalesce(assignee_id, ''), tags, priority "
                              "FROM routing_rules WHERE enabled = 1 OR ?1 = 0 ORDER BY position, created_at, id");
    st.bind(1, enabledOnly);
    std::vector<RoutingRule> rules;
    while (st.next()) {
        RoutingRule rule;
        rule.id = st.text(0);
        rule.name = st.text(1);
        rule.enabled = st.integer(2) != 0;
        rule.position = st.integer(3);
        rule.accountId = st.text(4);
        rule.keywords = splitList(st.text(5));
        rule.language = st.text(6);
        rule.author = st.text(7);
        rule.kind = st.text(8);
        rule.teamId = st.text(9);
        rule.assigneeId = st.text(10);
        rule.tags = splitList(st.text(11));
        if (!st.isNull(12)) {
            rule.priority = st.integer(12);
        }
        rules.push_back(std::move(rule));
    }
    if (st.failed()) {
        Error e = st.error();
        st.reset();
        return e;
    }
    st.reset();
    return rules;
}

int applyRoutingRules(Engine &engine, const std::vector<RoutingRule> &rules, const QString &conversationId,
                      const RoutedMessage &message)
{
    int changes = 0;
    bool read = false;
    QString assignee;
    QString team;
    int priority = 0;
    QStringList tags;
    auto readConversation = [&] {
        Statement &st = engine.db().cached(
            "SELECT coalesce(assignee_id, ''), coalesce(team_id, ''), priority, "
            "(SELECT group_concat(tag, char(10)) FROM conversation_tags WHERE conversation_id = ?1) "
            "FROM conversations WHERE id = ?1");
        st.bind(1, conversationId);
        const bool found = st.next();
        if (found) {
            assignee = st.text(0);
            team = st.text(1);
            priority = st.integer(2);
            tags = st.text(3).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        st.reset();
        return found;
    };
    auto report = [&](const RoutingRule &rule, const Status &status, const char *what) {
        if (status.ok()) {
            ++changes;
        } else {
            qCWarning(lcRouting).noquote() << "rule" << rule.name << "could not" << what << "conversation"
                                           << conversationId << ":" << status.error().message;
        }
    };
    for (const RoutingRule &rule : rules) {
        if (!ruleMatches(rule, message)) {
            continue;
        }
        if (!read) {
            if (!readConversation()) {
                return changes;
            }
            read = true;
        }
        const Actor actor = Actor::rule(rule.id);
        if (!rule.teamId.isEmpty() && team.isEmpty()) {
            const Status s = engine.assignTeam(actor, conversationId, rule.teamId);
            report(rule, s, "route to a team");
            if (s.ok()) {
                team = rule.teamId;
            }
        }
        if (!rule.assigneeId.isEmpty() && assignee.isEmpty()) {
            const Status s = engine.assign(actor, conversationId, rule.assigneeId);
            report(rule, s, "assign");
            if (s.ok()) {
                assignee = rule.assigneeId;
            }
        }
        for (const QString &tag : rule.tags) {
            if (!tags.contains(tag, Qt::CaseInsensitive)) {
                const Status s = engine.addTag(actor, conversationId, tag);
                report(rule, s, "tag");
                if (s.ok()) {
                    tags << tag;
                }
            }
        }
        if (rule.priority && *rule.priority > priority) {
            const Status s = engine.setPriority(actor, conversationId, *rule.priority);
            report(rule, s, "raise the priority of");
            if (s.ok()) {
                priority = *rule.priority;
            }
        }
    }
    return changes;
}

} // namespace sb
