#include "HeadlineFigures.h"

#include "storage/Database.h"

namespace yg {

HeadlineFigures HeadlineFigures::compute(Database& db, QDate from, QDate to)
{
    HeadlineFigures f;
    f.counts = queryHeadlineCounts(db.connection(), from, to);
    f.resolution = {f.counts.issuesResolved, f.counts.issuesCollected};
    f.keyCoverage = {f.counts.keyEnterprisesVisited, f.counts.keyEnterprises};
    return f;
}

} // namespace yg
