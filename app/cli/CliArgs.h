#pragma once

#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace sb::cli {

struct OptionDef {
    QString name; // without the leading dashes
    bool takesValue = false;
};

// The outcome of parsing one command's arguments: options by name (the last occurrence wins) and positionals in
// order. Options may come before or after positionals; "--" ends the options.
class ParsedArgs {
public:
    bool has(const QString &name) const { return m_options.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const { return m_options.value(name, fallback); }
    const QStringList &positionals() const { return m_positionals; }

    void setOption(const QString &name, const QString &value) { m_options.insert(name, value); }
    void addPositional(const QString &value) { m_positionals.append(value); }

private:
    QHash<QString, QString> m_options;
    QStringList m_positionals;
};

// Parses GNU-style long options (--name value, --name=value) and "-h" for --help. A lone "-" is a positional.
// An unknown option, a missing value or a value given to a flag is an ErrorKind::Invalid error.
Result<ParsedArgs> parseArgs(const QStringList &args, const std::vector<OptionDef> &defs);

// Splits the command words (e.g. "inbox", "list") from the rest, skipping global options and their values so that
// `--workspace DIR inbox list` works. At most `maxWords` words are taken.
struct CommandWords {
    QStringList words;
    QStringList rest;
};
CommandWords splitCommandWords(const QStringList &args, const std::vector<OptionDef> &globals, int maxWords);

// Parses a positive decimal integer; nullopt for anything else (signs, spaces, overflow).
std::optional<qint64> parsePositive(const QString &text);

} // namespace sb::cli
