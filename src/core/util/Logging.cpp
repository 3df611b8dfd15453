#include "Logging.h"

#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <chrono>
#include <vector>

namespace yg {

void initLogging(const LogOptions& options)
{
    std::vector<spdlog::sink_ptr> sinks;
    if (options.console)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!options.directory.isEmpty()) {
        QDir().mkpath(options.directory);
        const QString file = QDir(options.directory).filePath(QStringLiteral("yuegong.log"));
        try {
            sinks.push_back(
                std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.toStdString(), 5 * 1024 * 1024, 5));
        } catch (const spdlog::spdlog_ex&) {
            // An unwritable log folder must not stop the app; fall back to the console.
            sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
        }
    }
    auto logger = std::make_shared<spdlog::logger>("yuegong", sinks.begin(), sinks.end());
    logger->set_level(options.level);
    logger->flush_on(spdlog::level::warn);
    logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ [%t] %v");
    spdlog::set_default_logger(logger);
    // A killed process keeps at most the last two seconds of log unwritten.
    spdlog::flush_every(std::chrono::seconds(2));
}

bool parseLogLevel(const QString& text, spdlog::level::level_enum* level)
{
    static const struct
    {
        const char* name;
        spdlog::level::level_enum level;
    } levels[] = {{"trace", spdlog::level::trace}, {"debug", spdlog::level::debug}, {"info", spdlog::level::info},
                  {"warn", spdlog::level::warn},   {"error", spdlog::level::err},   {"off", spdlog::level::off}};
    for (const auto& l : levels) {
        if (text.compare(QLatin1String(l.name), Qt::CaseInsensitive) == 0) {
            *level = l.level;
            return true;
        }
    }
    return false;
}

} // namespace yg
