#include "engine/Mentions.h"

#include "store/Sqlite.h"

#include <QHash>
#include <QRegularExpression>

namespace sb {

namespace {

struct Person {
    QString id;
    QString name;
};

std::vector<Person> activeEmployees(SqliteDb &db)
{
    std::vector<Person> people;
    Statement &st = db.cached("SELECT id, name FROM employees WHERE active = 1 ORDER BY created_at, id");
    while (st.next()) {
        people.push_back({st.text(0), st.text(1)});
    }
    st.reset();
    return people;
}

// Lowercase letters and digits only: "Mia Manager", "mia.manager" and "MiaManager" all become "miamanager".
QString squash(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
        }
    }
    return out;
}

QString firstName(const QString &name)
{
    return name.simplified().section(QLatin1Char(' '), 0, 0);
}

} // namespace

QStringList mentionedEmployees(SqliteDb &db, const QString &text)
{
    if (!text.contains(QLatin1Char('@'))) {
        return {};
    }
    static const QRegularExpression token(QStringLiteral("(?<![\\w@])@([\\w][\\w.\\-]*)"),
                                          QRegularExpression::UseUnicodePropertiesOption);
    const std::vector<Person> people = activeEmployees(db);
    QHash<QString, QString> byFullName;
    QHash<QString, QStringList> byFirstName;
    for (const Person &p : people) {
        byFullName.insert(squash(p.name), p.id);
        byFirstName[squash(firstName(p.name))].append(p.id);
    }
    QStringList ids;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString word = m.captured(1);
        const qsizetype end = m.capturedEnd(0);
        if (end < text.size() && text.at(end) == QLatin1Char('@')) {
            continue; // @user@server: a handle on a network
        }
        while (word.endsWith(QLatin1Char('.')) || word.endsWith(QLatin1Char('-'))) {
            word.chop(1); // "thanks @mia." ends a sentence
        }
        const QString key = squash(word);
        QString id = byFullName.value(key);
        if (id.isEmpty()) {
            const QStringList firsts = byFirstName.value(key);
            if (firsts.size() == 1) {
                id = firsts.front();
            }
        }
        if (!id.isEmpty() && !ids.contains(id)) {
            ids.append(id);
        }
    }
    return ids;
}

QString mentionFor(SqliteDb &db, const QString &employeeId)
{
    const std::vector<Person> people = activeEmployees(db);
    const auto me = std::find_if(people.cbegin(), people.cend(), [&](const Person &p) { return p.id == employeeId; });
    if (me == people.cend()) {
        return {};
    }
    const QString first = firstName(me->name);
    const auto sameFirst = std::count_if(people.cbegin(), people.cend(),
                                         [&](const Person &p) { return squash(firstName(p.name)) == squash(first); });
    // Letters and digits only, so that the whole mention is one token ("O'Brien" becomes "OBrien").
    auto keep = [](const QString &part) {
        QString out;
        for (const QChar c : part) {
            if (c.isLetterOrNumber()) {
                out.append(c);
            }
        }
        return out;
    };
    if (sameFirst == 1 && !keep(first).isEmpty()) {
        return QLatin1Char('@') + keep(first);
    }
    QStringList parts;
    for (const QString &part : me->name.simplified().split(QLatin1Char(' '))) {
        if (!keep(part).isEmpty()) {
            parts << keep(part);
        }
    }
    return QLatin1Char('@') + parts.join(QLatin1Char('.'));
}

} // namespace sb
