#pragma once

#include <QSqlDatabase>
#include <QStringList>

namespace yg {

/**
 * The report aggregates of migration 12: counts of issues and visits by month, town,
 * category, owner and week, kept by triggers (docs/reports.md "How the figures are
 * computed"). They are derived data: `check` compares them with a fresh count and
 * `rebuild` recomputes them.
 */
class ReportAggregates
{
public:
    /** Every aggregate table recomputed from the records (inside the caller's transaction); resumes the triggers. */
    static void rebuild(QSqlDatabase& db);
    /**
     * Pauses the triggers for a bulk write (setting `report.deferred`); call rebuild at its
     * end in the same transaction. A database left paused is reported by `problems`.
     */
    static bool pause(QSqlDatabase& db); ///< false when they were paused already
    /** Paused: the reports then count from the records. */
    static bool paused(const QSqlDatabase& db);
    /** Ends a pause during which nothing was written (no recount needed). */
    static void resume(QSqlDatabase& db);
    /** The issue counts hold working days to close: recomputed after the work-day index changed. */
    static void rebuildIssueCounts(QSqlDatabase& db);
    /** One line per aggregate table that differs from a fresh count of the records; empty when all agree. */
    static QStringList problems(const QSqlDatabase& db);
};

} // namespace yg
