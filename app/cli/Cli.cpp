#include "cli/Cli.h"

#include <QTextStream>

namespace sb::cli {

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Q_UNUSED(out);
    err << "usage: switchboard-cli [--workspace DIR] COMMAND ...\n" << arguments.join(QLatin1Char(' ')) << '\n';
    return 2;
}

} // namespace sb::cli
