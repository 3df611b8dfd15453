#pragma once

#include "domain/Period.h"
#include "storage/WeekQueries.h"

namespace yg {

class Database;

/** Everything a cadre's weekly journal (周记) is written from. */
struct WeekJournalData
{
    IsoWeek week;
    RowId cadreId = 0;
    QString cadreName;
    int quota = 0;
    QList<WeekVisit> visits;
    QList<WeekIssue> raised;      ///< issues raised in those visits
    QList<WeekIssueEvent> events; ///< steps that week on the cadre's issues
};

/**
 * The week's journal composed as readable prose from the week's visits and issue steps,
 * e.g. "11月18日走访了越州纺织有限公司（稽山街道），与李丽华同行……收集问题诉求2个：……".
 * compose() is a pure function (tested with hand-built data); load() reads one cadre's
 * week through WeekQueries. The text follows the installed translation (Chinese on a
 * Chinese locale).
 */
class WeeklyJournal
{
public:
    static WeekJournalData load(Database& db, RowId cadreId, IsoWeek week);
    static QString compose(const WeekJournalData& data);
};

} // namespace yg
