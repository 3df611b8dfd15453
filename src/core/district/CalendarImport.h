#pragma once

#include <QString>

namespace yg {

class Database;

/**
 * Imports working-day calendar exceptions from a CSV file (UTF-8, BOM allowed) with the
 * header `date,kind,name`: kind is `holiday` (放假) for a weekday off or `workday`
 * (上班/调休) for a weekend day worked. The whole file is checked first; any bad line
 * refuses the import with every problem listed (file, line, field, reason) and nothing
 * is written. Otherwise all days are written in one transaction.
 */
struct CalendarImportResult
{
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

CalendarImportResult importCalendar(Database& db, const QString& path);

} // namespace yg
