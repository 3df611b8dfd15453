#pragma once

#include <QStringList>
#include <QTextStream>

namespace yg::cli {

/** Exit codes of yuegong-cli: 0 done, 1 refused or failed (with the reason), 2 wrong usage. */
enum ExitCode
{
    Ok = 0,
    Failed = 1,
    Usage = 2
};

/**
 * Runs one command line (arguments without the program name). Output goes to out, errors
 * and the reason for a refusal to err. Separate from main() so tests can call it.
 */
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace yg::cli
