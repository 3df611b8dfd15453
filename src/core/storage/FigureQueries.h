#pragma once

#include <QDate>
#include <QSqlDatabase>

namespace yg {

/** Raw counts behind the union's headline figures (DOMAIN.md), for [from, to]. */
struct HeadlineCounts
{
    qint64 visits = 0;             ///< visit events (家次), not distinct enterprises
    qint64 enterprisesVisited = 0; ///< distinct enterprises with a visit
    qint64 issuesCollected = 0;    ///< issues received in the period
    qint64 issuesResolved = 0;     ///< of those, closed as resolved by `to`
    qint64 keyEnterprises = 0;     ///< all key enterprises
    qint64 keyEnterprisesVisited = 0;
};

/**
 * SQL aggregates over indexed columns; nothing is loaded row by row. An invalid `from`
 * or `to` leaves that end open ("the whole history").
 */
HeadlineCounts queryHeadlineCounts(const QSqlDatabase& db, QDate from, QDate to);

/** The statement behind queryHeadlineCounts (named parameters :from and :to), for benchmarks. */
QString headlineCountsStatement();

} // namespace yg
