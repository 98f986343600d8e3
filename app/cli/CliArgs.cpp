#include "cli/CliArgs.h"

#include "cli/CliText.h"

#include <algorithm>

namespace sb::cli {

namespace {
const OptionDef *findOption(const std::vector<OptionDef> &defs, const QString &name)
{
    const auto it = std::find_if(defs.begin(), defs.end(), [&name](const OptionDef &d) { return d.name == name; });
    return it == defs.end() ? nullptr : &*it;
}

bool looksLikeOption(const QString &arg)
{
    return arg.size() > 1 && arg.startsWith(QLatin1Char('-'));
}
} // namespace

Result<ParsedArgs> parseArgs(const QStringList &args, const std::vector<OptionDef> &defs)
{
    ParsedArgs parsed;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (optionsEnded || !looksLikeOption(arg)) {
            parsed.addPositional(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (arg == QLatin1String("-h")) {
            parsed.setOption(QStringLiteral("help"), {});
            continue;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            return makeError(ErrorKind::Invalid, CliText::tr("unknown option %1").arg(arg));
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
        const OptionDef *def = findOption(defs, name);
        if (!def) {
            return makeError(ErrorKind::Invalid, CliText::tr("unknown option --%1").arg(name));
        }
        if (!def->takesValue) {
            if (eq >= 0) {
                return makeError(ErrorKind::Invalid, CliText::tr("option --%1 takes no value").arg(name));
            }
            parsed.setOption(name, {});
            continue;
        }
        if (eq >= 0) {
            parsed.setOption(name, arg.mid(eq + 1));
            continue;
        }
        if (i + 1 >= args.size()) {
            return makeError(ErrorKind::Invalid, CliText::tr("option --%1 needs a value").arg(name));
        }
        parsed.setOption(name, args.at(++i));
    }
    return parsed;
}

CommandWords splitCommandWords(const QStringList &args, const std::vector<OptionDef> &globals, int maxWords)
{
    CommandWords result;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (result.words.size() >= maxWords) {
            result.rest.append(args.mid(i));
            break;
        }
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
            result.rest.append(arg);
            continue;
        }
        if (optionsEnded || !looksLikeOption(arg)) {
            result.words.append(arg);
            continue;
        }
        result.rest.append(arg);
        // A global option's value is not a command word.
        if (arg.startsWith(QLatin1String("--")) && !arg.contains(QLatin1Char('='))) {
            const OptionDef *def = findOption(globals, arg.mid(2));
            if (def && def->takesValue && i + 1 < args.size()) {
                result.rest.append(args.at(++i));
            }
        }
    }
    return result;
}

std::optional<qint64> parsePositive(const QString &text)
{
    if (text.isEmpty() || text.size() > 18) {
        return std::nullopt;
    }
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            return std::nullopt;
        }
    }
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value <= 0) {
        return std::nullopt;
    }
    return value;
}

} // namespace sb::cli
