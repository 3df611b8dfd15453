#pragma once

#include "reporting/Rate.h"
#include "storage/FigureQueries.h"

#include <QDate>

namespace yg {

class Database;

/**
 * The figures the union publishes (DOMAIN.md): visits (家次), issues collected and
 * resolved, resolution rate (化解率), key-enterprise coverage. Counted over issues
 * received in [from, to] in their state as of `to` (open ends: the whole history).
 * Withdrawn issues count as collected and not resolved (the reports issue revisits this).
 */
struct HeadlineFigures
{
    HeadlineCounts counts;
    Rate resolution;
    Rate keyCoverage;

    static HeadlineFigures compute(Database& db, QDate from = {}, QDate to = {});
};

} // namespace yg
