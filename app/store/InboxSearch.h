#pragma once

#include <QString>
#include <QStringList>

#include <variant>
#include <vector>

class QTimeZone;

namespace sb {

class PrefixExpander;
class Statement;

// What someone typed in the inbox's search box: words for the full-text index, and filters.
//   from:NAME          the conversation's contact (handle or name contains NAME)
//   account:HANDLE     the brand account (handle or name contains HANDLE)
//   tag:TAG            tagged TAG
//   is:open|pending|snoozed|resolved|unread|unassigned|mine
//   assignee:NAME|me|none
//   before:YYYY-MM-DD  after:YYYY-MM-DD   (the matching message's day in the workspace's time zone; without words,
//                                           the conversation's last activity). after: includes the day.
// Double quotes group words ("late parcel", from:"Ada L"). A word ending in * is a prefix, and so is the last
// word. Words are quoted for FTS5, so no input can be read as query syntax. A prefix the list above does not know
// ("http:") is searched as a word.
struct InboxSearch {
    QString match; // FTS5 expression, empty when there are no words
    QStringList words; // the words, for highlighting
    QString conditions; // " AND ..." over c (conversations), a (accounts), ct (the conversation's contact),
                        // e (its assignee) and, when `match` is set, i (the matching item)
    std::vector<std::variant<qint64, QString>> values; // bound from `firstParameter` on
    int firstParameter = 0;
    QStringList problems; // filters that could not be read, in words

    bool isEmpty() const { return match.isEmpty() && conditions.isEmpty(); }
    void bind(Statement &statement) const;
};

// `firstParameter`: the number of the first SQL parameter the conditions use (?N, ?N+1, ...). `prefixes`, when
// given, turns prefixes into the exact terms they stand for (see ftsMatchExpression).
InboxSearch parseInboxSearch(const QString &text, const QString &currentEmployeeId, const QTimeZone &zone,
                             int firstParameter, PrefixExpander *prefixes = nullptr);

// Free text as a safe FTS5 expression: every word quoted, words ANDed; a trailing * (and the last word) a prefix.
// With `prefixes`, a prefix that stands for a few terms of the index becomes their OR ("order"* -> ("order" OR
// "orders")): the same matches, found newest first without FTS5 merging every matching term's doclist first.
QString ftsMatchExpression(const QStringList &words, bool lastIsPrefix = true, PrefixExpander *prefixes = nullptr);

} // namespace sb
