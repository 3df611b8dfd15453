#pragma once

#include "domain/Period.h"
#include "reporting/Rate.h"
#include "storage/ReportQueries.h"

#include <QJsonObject>

namespace yg {

class Database;

/**
 * The two ways the union counts, both offered and labelled in every report:
 * - CollectedInPeriod: issues received in the period, in their state now;
 * - CumulativeAsOf: issues received from a start date up to the period's last day, in
 *   their state on that day (how "since April 2023: 925 collected, 876 resolved" is counted).
 */
enum class CountingMode
{
    CollectedInPeriod,
    CumulativeAsOf
};

struct ReportRequest
{
    Period period;
    ReportScope scope;
    QString scopeLabel; ///< e.g. "稽山街道"; empty for the district
    CountingMode mode = CountingMode::CollectedInPeriod;
    QDate cumulativeStart = QDate(2023, 4, 1); ///< CumulativeAsOf only
    QDate today;                               ///< "now" for CollectedInPeriod (default: Clock::today())
};

/** One column of figures with the rates the union publishes. */
struct ReportFigures
{
    QDate from;
    QDate to;
    QDate stateAsOf;
    /**
     * Each issue's state on stateAsOf is the one stored on it (the replay of all its steps):
     * no step is dated after stateAsOf. Otherwise its events are replayed up to that day.
     */
    bool stateNow = false;
    ReportCounts counts;
    Rate resolution;   ///< resolved / collected (withdrawn stay collected and are not resolved)
    Rate coverage;     ///< key enterprises visited / key enterprises
    Rate withinDue;    ///< closed on or before the due date / closed with a due date
    Rate quotaMet;     ///< cadre-weeks meeting the quota / cadre-weeks
    Rate satisfaction; ///< satisfied or basically satisfied / follow-ups
};

struct Report
{
    ReportRequest request;
    ReportFigures current;
    ReportFigures previous;
    QList<ReportBreakdownRow> byTown;
    QList<ReportBreakdownRow> byCategory;
    QList<ReportBreakdownRow> byCadre;
    QList<ReportBreakdownRow> byMonth;

    /** Stable keys, documented in docs/reports.md. */
    QJsonObject toJson() const;
};

class ReportEngine
{
public:
    static Report build(Database& db, const ReportRequest& request);
    static ReportFigures figures(Database& db, const ReportRequest& request, const Period& period);

    /**
     * Parses "town=稽山街道", "group=第一联络组", "cadre=王建国", "category=wage_dispute",
     * "department=区人力资源和社会保障局" or "district"; throws yg::Error listing what is accepted.
     */
    static ReportScope parseScope(Database& db, const QString& text, QString* label);
    static QString modeKey(CountingMode mode);
};

} // namespace yg
