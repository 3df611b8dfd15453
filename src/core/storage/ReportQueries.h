#pragma once

#include "domain/Entities.h"

#include <QDate>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QVariant>

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
    /**
     * Read the report aggregates of migration 12 where they answer the question exactly
     * (state now, whole months, a district, town or category scope; quota weeks always).
     * Off: the same figures from the records (the tests compare both; benchmarks time both).
     */
    bool useAggregates = true;
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

/** The date of the latest lifecycle step of any issue (invalid when there is none). */
QDate queryLatestStepDate(const QSqlDatabase& db);

/** All by SQL aggregation over indexed columns; nothing is loaded row by row. */
ReportCounts queryReportCounts(const QSqlDatabase& db, const ReportQueryInput& input);
/** The statements queryReportCounts runs for `input`, for benchmarks; their parameters: reportParameters. */
QStringList reportCountStatements(const ReportQueryInput& input);
/** The named parameters (":from", ":to", ...) of the report statements for `input`, as bound. */
QList<QPair<QString, QVariant>> reportParameters(const ReportQueryInput& input);
QList<ReportBreakdownRow> queryReportBreakdown(const QSqlDatabase& db, const ReportQueryInput& input,
                                               ReportDimension dimension);
/** The statements queryReportBreakdown runs, for benchmarks (parameters: reportParameters). */
QStringList reportBreakdownStatements(const ReportQueryInput& input, ReportDimension dimension);

/** One cadre's line in the annual evaluation (年终评议). */
struct CadreEvaluationRow
{
    RowId cadreId = 0;
    QString name;
    QString group;
    qint64 visits = 0;      ///< visits dated in the period the cadre took part in (author or companion)
    qint64 enterprises = 0; ///< distinct enterprises of those visits
    qint64 recorded = 0;    ///< of those visits, the ones the cadre recorded (author): what the quota counts
    qint64 collected = 0;   ///< issues received in the period the cadre owns
    qint64 resolved = 0;
    qint64 overdue = 0;  ///< of those, open and past due on the state day
    qint64 weeks = 0;    ///< ISO weeks starting in the period while active, with a quota
    qint64 weeksMet = 0; ///< of those, with visits authored ≥ the quota
};

/** Cadres (role cadre) in scope active during the period, by group then name; SQL aggregates per cadre. */
QList<CadreEvaluationRow> queryCadreEvaluation(const QSqlDatabase& db, const ReportQueryInput& input);

/** A visit as listed in a report. */
struct ReportVisitLine
{
    RowId id = 0;
    QDate date;
    QString enterprise;
    QString town;
    QString kind;   ///< key, e.g. "on_site"
    QString cadres; ///< names, "、"-separated, author first
    QString summary;
};

/** Visits in [from, to] in scope, by date; at most `limit`. */
QList<ReportVisitLine> queryReportVisits(const QSqlDatabase& db, const ReportQueryInput& input, int limit);

/** An issue as listed in a report. */
struct ReportIssueLine
{
    RowId id = 0;
    QString number;
    QDate received;
    QString enterprise;
    QString category;
    QString title;
    QString owner;
    QString stage;   ///< key
    QString outcome; ///< key, empty while open
    QDate due;
    QDate closed;
};

enum class ReportIssueSelection
{
    Received, ///< received in [from, to]
    Closed,   ///< closed in [from, to]
    Overdue,  ///< open now (stored stage), not paused, due before stateAsOf — whenever received
    Open      ///< open now, whenever received, by due date
};

/** Issues in scope of one selection, ordered by date; at most `limit`. */
QList<ReportIssueLine> queryReportIssues(const QSqlDatabase& db, const ReportQueryInput& input,
                                         ReportIssueSelection selection, int limit);

} // namespace yg
