#pragma once

#include <QStringList>

class QTextStream;

namespace sb::cli {

// Runs one switchboard-cli invocation. arguments excludes the program name. Output goes to out (JSON with --json),
// errors to err. Returns the process exit code: 0 success, 2 usage error, 1 any other failure.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace sb::cli
