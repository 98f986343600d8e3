#include "store/InboxSearch.h"

#include "store/SearchTerms.h"
#include "store/Sqlite.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace sb {

namespace {

// Splits on whitespace; double quotes group, and a quote may start after "key:" (from:"Ada L").
QStringList tokens(const QString &text)
{
    QStringList out;
    QString current;
    bool quoted = false;
    bool any = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
            any = true;
            continue;
        }
        if (c.isSpace() && !quoted) {
            if (any) {
                out << current;
            }
            current.clear();
            any = false;
            continue;
        }
        current.append(c);
        any = true;
    }
    if (any) {
        out << current;
    }
    return out;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QString tr(const char *text)
{
    return QCoreApplication::translate("InboxSearch", text);
}

QString quoted(QString word)
{
    word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + word + QLatin1Char('"');
}

// A prefix as FTS5 prefix query, or as the OR of the terms it stands for.
QString prefixExpression(const QString &word, PrefixExpander *prefixes)
{
    if (prefixes) {
        auto terms = prefixes->terms(word);
        if (!terms.ok()) {
            // Only slower: the prefix query finds the same.
            qCWarning(lcStore) << "search terms unavailable:" << terms.error().message;
        } else if (terms.value().size() == 1) {
            return quoted(terms.value().front());
        } else if (!terms.value().isEmpty()) {
            QStringList alternatives;
            for (const QString &term : terms.value()) {
                alternatives << quoted(term);
            }
            return QLatin1Char('(') + alternatives.join(QLatin1String(" OR ")) + QLatin1Char(')');
        }
    }
    return quoted(word) + QLatin1Char('*');
}

} // namespace

QString ftsMatchExpression(const QStringList &words, bool lastIsPrefix, PrefixExpander *prefixes)
{
    QStringList terms;
    bool grouped = false;
    for (qsizetype n = 0; n < words.size(); ++n) {
        QString word = words.at(n);
        bool prefix = lastIsPrefix && n == words.size() - 1;
        while (word.endsWith(QLatin1Char('*'))) {
            word.chop(1);
            prefix = true;
        }
        if (word.trimmed().isEmpty()) {
            continue;
        }
        terms << (prefix ? prefixExpression(word, prefixes) : quoted(word));
        grouped = grouped || terms.last().startsWith(QLatin1Char('('));
    }
    // FTS5 reads juxtaposed phrases as AND, but a parenthesised group needs the AND spelt out.
    return terms.join(grouped ? QStringLiteral(" AND ") : QStringLiteral(" "));
}

InboxSearch parseInboxSearch(const QString &text, const QString &currentEmployeeId, const QTimeZone &zone,
                             int firstParameter, PrefixExpander *prefixes)
{
    InboxSearch search;
    search.firstParameter = firstParameter;
    auto param = [&search](std::variant<qint64, QString> value) {
        search.values.push_back(std::move(value));
        return QStringLiteral("?%1").arg(search.firstParameter + int(search.values.size()) - 1);
    };
    QList<std::pair<QString, qint64>> dates;
    for (const QString &token : tokens(text)) {
        const qsizetype colon = token.indexOf(QLatin1Char(':'));
        const QString key = colon > 0 ? token.left(colon).toLower() : QString();
        const QString value = colon > 0 ? token.mid(colon + 1).trimmed() : QString();
        if (key == QLatin1String("from") && !value.isEmpty()) {
            const QString p = param(likePattern(value));
            search.conditions += QStringLiteral(" AND (ct.handle LIKE %1 ESCAPE '\\' OR ct.display_name LIKE %1 "
                                                "ESCAPE '\\')")
                                     .arg(p);
        } else if (key == QLatin1String("account") && !value.isEmpty()) {
            const QString p = param(likePattern(value));
            search.conditions
                += QStringLiteral(" AND (a.handle LIKE %1 ESCAPE '\\' OR a.display_name LIKE %1 ESCAPE '\\')").arg(p);
        } else if (key == QLatin1String("tag") && !value.isEmpty()) {
            search.conditions += QStringLiteral(" AND EXISTS (SELECT 1 FROM conversation_tags t WHERE "
                                                "t.conversation_id = c.id AND t.tag = %1)")
                                     .arg(param(value.toLower()));
        } else if (key == QLatin1String("is") && !value.isEmpty()) {
            const QString v = value.toLower();
            if (v == QLatin1String("open") || v == QLatin1String("pending") || v == QLatin1String("snoozed")
                || v == QLatin1String("resolved")) {
                search.conditions += QStringLiteral(" AND c.status = %1").arg(param(v));
            } else if (v == QLatin1String("unread")) {
                search.conditions += QStringLiteral(" AND c.unread = 1");
            } else if (v == QLatin1String("unassigned")) {
                search.conditions += QStringLiteral(" AND c.assignee_id IS NULL");
            } else if (v == QLatin1String("mine")) {
                search.conditions += QStringLiteral(" AND c.assignee_id = %1").arg(param(currentEmployeeId));
            } else {
                search.problems << tr("is: takes open, pending, snoozed, resolved, unread, unassigned or mine, not "
                                      "\"%1\".")
                                       .arg(value);
            }
        } else if (key == QLatin1String("assignee") && !value.isEmpty()) {
            const QString v = value.toLower();
            if (v == QLatin1String("none")) {
                search.conditions += QStringLiteral(" AND c.assignee_id IS NULL");
            } else if (v == QLatin1String("me")) {
                search.conditions += QStringLiteral(" AND c.assignee_id = %1").arg(param(currentEmployeeId));
            } else {
                search.conditions += QStringLiteral(" AND e.name LIKE %1 ESCAPE '\\'").arg(param(likePattern(value)));
            }
        } else if ((key == QLatin1String("before") || key == QLatin1String("after")) && !value.isEmpty()) {
            const QDate day = QDate::fromString(value, Qt::ISODate);
            if (!day.isValid()) {
                search.problems << tr("%1: takes a date like 2026-05-31, not \"%2\".").arg(key, value);
                continue;
            }
            dates.append({key, QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch()});
        } else {
            search.words << token;
        }
    }
    search.match = ftsMatchExpression(search.words, true, prefixes);
    const QString time = search.match.isEmpty() ? QStringLiteral("c.last_item_at") : QStringLiteral("i.created_at");
    for (const auto &[key, ms] : dates) {
        search.conditions
            += QStringLiteral(" AND %1 %2 %3")
                   .arg(time, key == QLatin1String("before") ? QStringLiteral("<") : QStringLiteral(">="), param(ms));
    }
    return search;
}

void InboxSearch::bind(Statement &statement) const
{
    int index = firstParameter;
    for (const auto &value : values) {
        if (const auto *n = std::get_if<qint64>(&value)) {
            statement.bind(index++, *n);
        } else {
            statement.bind(index++, std::get<QString>(value));
        }
    }
}

} // namespace sb
