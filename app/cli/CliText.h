#pragma once

#include <QCoreApplication>

namespace sb::cli {

// Translation context for every user-facing string of switchboard-cli: CliText::tr("...").
class CliText {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace sb::cli
