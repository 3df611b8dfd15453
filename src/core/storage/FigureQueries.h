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

/**
 * The statement queryHeadlineCounts runs for [from, to], for benchmarks (named parameters
 * :from, :to — the extreme dates 0000-01-01 / 9999-12-31 for an open end — and :fm, the
 * start month or 0000-00): an open end from the 1st of a month reads the report counts.
 */
QString headlineCountsStatement(QDate from = {}, QDate to = {});

} // namespace yg
