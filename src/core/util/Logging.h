#pragma once

#include <QString>

#include <spdlog/spdlog.h>

namespace yg {

/**
 * Logging for the app (rotating file in the app data folder) and the CLI (console).
 * Rule: no worker names, issue descriptions, passwords or other personal data at info
 * level or above; log record ids and counts instead.
 */
struct LogOptions
{
    QString directory;    ///< rotating file here when non-empty
    bool console = false; ///< also to standard error
    spdlog::level::level_enum level = spdlog::level::info;
};

void initLogging(const LogOptions& options);

/** Parses trace/debug/info/warn/error/off; returns false for anything else. */
bool parseLogLevel(const QString& text, spdlog::level::level_enum* level);

} // namespace yg
