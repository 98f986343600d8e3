#include "engine/CannedReplies.h"

#include "store/Sqlite.h"

#include <QCoreApplication>

namespace sb {

namespace {

QString firstWord(const QString &text)
{
    const QString clean = text.simplified();
    const qsizetype space = clean.indexOf(QLatin1Char(' '));
    return space > 0 ? clean.left(space) : clean;
}

// "@anna@shoes.example" -> "anna", "anna.bsky.social" -> "anna"
QString handleUser(QString handle)
{
    while (handle.startsWith(QLatin1Char('@'))) {
        handle.remove(0, 1);
    }
    const qsizetype at = handle.indexOf(QLatin1Char('@'));
    if (at > 0) {
        return handle.left(at);
    }
    const qsizetype dot = handle.indexOf(QLatin1Char('.'));
    return dot > 0 ? handle.left(dot) : handle;
}

} // namespace

QStringList cannedVariableNames()
{
    return {QStringLiteral("first_name"),       QStringLiteral("name"),
            QStringLiteral("handle"),           QStringLiteral("agent"),
            QStringLiteral("agent_first_name"), QStringLiteral("account")};
}

ExpandedReply expandCannedReply(const QString &body, const CannedVariables &v)
{
    ExpandedReply out;
    out.text.reserve(body.size() + 32);
    qsizetype i = 0;
    while (i < body.size()) {
        const QChar c = body.at(i);
        if (c == QLatin1Char('{') && i + 1 < body.size() && body.at(i + 1) == QLatin1Char('{')) {
            out.text.append(QLatin1Char('{'));
            i += 2;
            continue;
        }
        if (c != QLatin1Char('{')) {
            out.text.append(c);
            ++i;
            continue;
        }
        const qsizetype close = body.indexOf(QLatin1Char('}'), i + 1);
        if (close < 0 || close - i > 40) {
            out.text.append(c);
            ++i;
            continue;
        }
        const QString name = body.mid(i + 1, close - i - 1).trimmed().toLower();
        const QString *value = nullptr;
        if (name == QLatin1String("first_name")) {
            value = &v.firstName;
        } else if (name == QLatin1String("name")) {
            value = &v.name;
        } else if (name == QLatin1String("handle")) {
            value = &v.handle;
        } else if (name == QLatin1String("agent")) {
            value = &v.agent;
        } else if (name == QLatin1String("agent_first_name")) {
            value = &v.agentFirstName;
        } else if (name == QLatin1String("account")) {
            value = &v.account;
        }
        if (value) {
            out.text.append(*value);
        } else {
            out.text.append(body.mid(i, close - i + 1));
            out.unknown.append(body.mid(i, close - i + 1));
        }
        i = close + 1;
    }
    return out;
}

Result<CannedVariables> cannedVariables(SqliteDb &db, const QString &conversationId, const QString &employeeId)
{
    Statement &st = db.cached("SELECT coalesce(ct.display_name, ''), coalesce(ct.handle, ''), a.handle, "
                              "(SELECT name FROM employees WHERE id = ?2) FROM conversations c "
                              "JOIN accounts a ON a.id = c.account_id LEFT JOIN contacts ct ON ct.id = c.contact_id "
                              "WHERE c.id = ?1");
    st.bindAll(conversationId, employeeId);
    if (!st.next()) {
        Error e = st.failed()
            ? st.error()
            : Error {ErrorKind::NotFound,
                     QCoreApplication::translate("sb::Engine", "There is no conversation %1.").arg(conversationId),
                     {}};
        st.reset();
        return e;
    }
    CannedVariables v;
    const QString display = st.text(0).simplified();
    v.handle = st.text(1);
    v.name = display.isEmpty() ? v.handle : display;
    v.firstName = display.isEmpty() ? handleUser(v.handle) : firstWord(display);
    v.account = st.text(2);
    v.agent = st.text(3);
    v.agentFirstName = firstWord(v.agent);
    st.reset();
    return v;
}

} // namespace sb
