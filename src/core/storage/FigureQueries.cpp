#include "FigureQueries.h"

#include "storage/ReportAggregates.h"
#include "storage/Sql.h"

namespace yg {

namespace {

// Open ends are bound as the extreme ISO dates so one statement serves every period.
const QString kMinDate = QStringLiteral("0000-01-01");
const QString kMaxDate = QStringLiteral("9999-12-31");

const QString kHeadline =
    QStringLiteral("SELECT "
                   " (SELECT count(*) FROM visits WHERE visit_date BETWEEN :from AND :to), "
                   " (SELECT count(DISTINCT enterprise_id) FROM visits WHERE visit_date BETWEEN :from AND :to), "
                   " (SELECT count(*) FROM issues WHERE received_on BETWEEN :from AND :to), "
                   // resolved as of :to = the last event on or before :to left it resolved (a later
                   // reopening does not rewrite the past)
                   " (SELECT count(*) FROM issues i WHERE i.received_on BETWEEN :from AND :to AND "
                   "    (SELECT e.outcome FROM issue_events e WHERE e.issue_id = i.id AND e.event_date <= :to "
                   "     AND e.action <> 'note' ORDER BY e.seq DESC LIMIT 1) = 'resolved'), "
                   " (SELECT count(*) FROM enterprises WHERE is_key = 1), "
                   " (SELECT count(*) FROM enterprises e WHERE e.is_key = 1 AND EXISTS (SELECT 1 FROM visits v "
                   "    WHERE v.enterprise_id = e.id AND v.visit_date BETWEEN :from AND :to))");

// The whole history up to now from the report counts of migration 12 (docs/reports.md):
// with an open end, "resolved by then" is each issue's stored outcome; a start on the 1st
// of a month (or none) keeps to whole months; distinct enterprises from the calendar
// years (a start on 1 January or none) or months.
QString countsHeadline(bool wholeYears)
{
    return QStringLiteral(
               "SELECT "
               " (SELECT total(n) FROM report_visit_cube WHERE month >= :fm), "
               " (SELECT count(DISTINCT enterprise_id) FROM report_enterprise_periods WHERE period GLOB '%1' AND "
               "    period >= %2 AND n > 0), "
               " (SELECT total(n) FROM report_issue_cube WHERE month >= :fm), "
               " (SELECT total(n) FROM report_issue_cube WHERE month >= :fm AND outcome = 'resolved'), "
               " (SELECT count(*) FROM enterprises WHERE is_key = 1), "
               " (SELECT count(*) FROM enterprises e WHERE e.is_key = 1 AND EXISTS (SELECT 1 FROM visits v "
               "    WHERE v.enterprise_id = e.id AND v.visit_date BETWEEN :from AND :to))")
        .arg(wholeYears ? QStringLiteral("[0-9][0-9][0-9][0-9]") : QStringLiteral("[0-9][0-9][0-9][0-9]-[0-9][0-9]"))
        .arg(wholeYears ? QStringLiteral("substr(:fm, 1, 4)") : QStringLiteral(":fm"));
}

bool answeredByCounts(QDate from, QDate to)
{
    return !to.isValid() && (!from.isValid() || from.day() == 1);
}

} // namespace

QString headlineCountsStatement(QDate from, QDate to)
{
    return answeredByCounts(from, to) ? countsHeadline(!from.isValid() || (from.day() == 1 && from.month() == 1))
                                      : kHeadline;
}

HeadlineCounts queryHeadlineCounts(const QSqlDatabase& db, QDate from, QDate to)
{
    // While the report counts are paused (a bulk write), from the records: an end after every record.
    if (answeredByCounts(from, to) && ReportAggregates::paused(db))
        to = QDate(9999, 12, 31);
    const bool fromCounts = answeredByCounts(from, to);
    QSqlQuery q = sql::prepare(db, headlineCountsStatement(from, to));
    q.bindValue(QStringLiteral(":from"), from.isValid() ? from.toString(Qt::ISODate) : kMinDate);
    q.bindValue(QStringLiteral(":to"), to.isValid() ? to.toString(Qt::ISODate) : kMaxDate);
    if (fromCounts)
        q.bindValue(QStringLiteral(":fm"),
                    from.isValid() ? from.toString(QStringLiteral("yyyy-MM")) : QStringLiteral("0000-00"));
    sql::exec(q);
    HeadlineCounts c;
    if (q.next()) {
        c.visits = q.value(0).toLongLong();
        c.enterprisesVisited = q.value(1).toLongLong();
        c.issuesCollected = q.value(2).toLongLong();
        c.issuesResolved = q.value(3).toLongLong();
        c.keyEnterprises = q.value(4).toLongLong();
        c.keyEnterprisesVisited = q.value(5).toLongLong();
    }
    q.finish();
    return c;
}

} // namespace yg
