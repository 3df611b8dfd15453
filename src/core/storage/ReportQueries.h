#pragma once

#include "domain/Entities.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace yg {

/** What a report counts over: the scope narrows visits and issues (unset parts: the whole district). */
struct ReportScope
{
    enum class Kind
    {
        District,
        Group,
        Town,
        Cadre,
        Category,
        Department
    };
    Kind kind = Kind::District;
    RowId id = 0;
};

/**
 * The raw counts of one report cell. Issues are those received in [from, to]; their state
 * is taken as of `stateAsOf` from their events (a later reopening or closing does not
 * change a past report). Visits are those dated in [from, to].
 */
struct ReportCounts
{
    std::optional<qint64> visits; ///< unset when the scope has no visits (category, department)
    std::optional<qint64> enterprisesVisited;
    std::optional<qint64> keyEnterprises;
    std::optional<qint64> keyEnterprisesVisited;
    qint64 collected = 0;
    qint64 resolved = 0;
    qint64 unresolved = 0;
    qint64 withdrawn = 0;
    qint64 open = 0;
    qint64 overdue = 0;                       ///< open, not paused, due before stateAsOf
    qint64 closedWithDue = 0;                 ///< closed and had a due date
    qint64 closedWithinDue = 0;               ///< of those, closed on or before it
    qint64 closedCount = 0;                   ///< closed (any outcome), for the duration figures
    std::optional<double> averageDaysToClose; ///< working days intake → closed
    std::optional<double> medianDaysToClose;
    qint64 satisfied = 0; ///< follow-ups in the period, by satisfaction
    qint64 basicallySatisfied = 0;
    qint64 dissatisfied = 0;
    qint64 departmentReturns = 0; ///< returns by departments in the period
    qint64 cadreWeeks = 0;        ///< (cadre, ISO week starting in the period) pairs of active cadres
    qint64 cadreWeeksMet = 0;     ///< of those, with visits authored ≥ the weekly quota
};

struct ReportQueryInput
{
    QDate from;
    QDate to;
    QDate stateAsOf;
    ReportScope scope;
    /**
     * The state is today's: read the stage, outcome and closing date stored on the issue
     * (kept equal to the replay of its events by IssueService, verified by `check`)
     * instead of looking up each issue's last event.
     */
    bool stateNow = false;
};

/** One row of a breakdown: the key's label and its counts (visits and issues only). */
struct ReportBreakdownRow
{
    QString key;
    QString label;
    std::optional<qint64> visits;
    qint64 collected = 0;
    qint64 resolved = 0;
};

enum class ReportDimension
{
    Town,
    Category,
    Cadre,
    Month
};

/** All by SQL aggregation over indexed columns; nothing is loaded row by row. */
ReportCounts queryReportCounts(const QSqlDatabase& db, const ReportQueryInput& input);
/** The statements queryReportCounts runs (named parameters :from :to :asof :sid), for benchmarks. */
QStringList reportCountStatements(ReportScope::Kind kind, bool stateNow);
QList<ReportBreakdownRow> queryReportBreakdown(const QSqlDatabase& db, const ReportQueryInput& input,
                                               ReportDimension dimension);

} // namespace yg
