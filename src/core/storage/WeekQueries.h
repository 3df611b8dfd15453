#pragma once

#include "storage/RepositoryBase.h"

#include <QList>
#include <QStringList>

namespace yg {

/** One of a cadre's visits in a week, with the names a journal needs. */
struct WeekVisit
{
    Visit visit;
    QString enterprise;
    QString town;
    QStringList companions; ///< the other cadres on the visit, in their order
};

/** An issue raised in one of the week's visits. */
struct WeekIssue
{
    RowId id = 0;
    RowId visitId = 0;
    QString number;
    QString title;
    QString category;
    QString raisedBy;
};

/** A step on one of the cadre's issues during the week. */
struct WeekIssueEvent
{
    RowId issueId = 0;
    std::optional<RowId> visitId; ///< the visit the issue was raised in
    QString number;
    QString title;
    QString enterprise;
    QString action; ///< lifecycle key: record, explain, submit, transfer, ...
    QDate date;
    QString department;
    QDate dueDate;
    QString satisfaction;
};

/** A key enterprise assigned to the cadre that is due a visit. */
struct DueKeyEnterprise
{
    RowId id = 0;
    QString name;
    QString town;
    QDate lastVisit; ///< null: never visited
};

/**
 * The read side of the "my week" screen: one cadre, one date range. Every query goes
 * through the cadre's indexes (visit_cadres by cadre, enterprises by assigned cadre,
 * issues by owner) and reads a handful of rows, never a whole table.
 */
class WeekQueries : public RepositoryBase
{
public:
    explicit WeekQueries(Database& db) : RepositoryBase(db) {}

    /** The date of the cadre's latest visit (null if none). */
    QDate lastVisitDate(RowId cadreId);
    /** Visits (家次) the cadre was on in [from, to]. */
    qint64 visitCount(RowId cadreId, QDate from, QDate to);
    /** Those visits in date order, with enterprise, town and companions. */
    QList<WeekVisit> visits(RowId cadreId, QDate from, QDate to);
    /** The issues raised in the given visits, by visit and id. */
    QList<WeekIssue> issuesOfVisits(const QList<RowId>& visitIds);
    /** Steps in [from, to] on issues the cadre owns, in date order. */
    QList<WeekIssueEvent> events(RowId cadreId, QDate from, QDate to);
    /**
     * Key enterprises assigned to the cadre whose last visit (by anyone) is before
     * `notVisitedSince`, or that were never visited; longest-unvisited first.
     */
    QList<DueKeyEnterprise> keyEnterprisesDue(RowId cadreId, QDate notVisitedSince, int limit = 200);
};

} // namespace yg
