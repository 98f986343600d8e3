#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sb {

class Engine;
class SqliteDb;

// A routing rule: when a new inbound message matches every condition that is set, its conversation goes to the
// rule's team and assignee, gets its tags and at least its priority. Rules never undo a person's decision: a
// conversation that already has an assignee (or team) keeps it, a priority is only ever raised.
struct RoutingRule {
    QString id;
    QString name;
    bool enabled = true;
    int position = 0; // rules run in this order; the first to assign wins

    // Conditions; an empty one always holds.
    QString accountId;
    QStringList keywords; // any of these words or phrases, whole words, ignoring case and accents
    QString language; // "de" holds for "de" and "de-AT"
    QString author; // the author's handle, without "@"; "anna" holds for anna and anna@server
    QString kind; // mention, reply, dm, comment, quote

    // Actions; an empty one does nothing.
    QString teamId;
    QString assigneeId;
    QStringList tags;
    std::optional<int> priority;

    bool hasCondition() const;
    bool hasAction() const;
};

// What a rule looks at: one new message from a customer.
struct RoutedMessage {
    QString accountId;
    QString kind;
    QString text;
    QString lang;
    QString authorHandle;
};

// Lowercase without accents, the form keywords and texts are compared in.
QString foldForMatching(const QString &text);

bool ruleMatches(const RoutingRule &rule, const RoutedMessage &message);

// The rules in their order (enabled ones only, or all for the settings screen).
Result<std::vector<RoutingRule>> loadRoutingRules(SqliteDb &db, bool enabledOnly);

// Applies every matching rule to the conversation through the engine, each change an event by that rule. An action
// that cannot be taken (a deactivated assignee) is skipped and logged: routing never stops a message from being
// stored. Returns how many changes were made.
int applyRoutingRules(Engine &engine, const std::vector<RoutingRule> &rules, const QString &conversationId,
                      const RoutedMessage &message);

} // namespace sb
