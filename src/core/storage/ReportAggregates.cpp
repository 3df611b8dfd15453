#include "ReportAggregates.h"

#include "storage/Sql.h"
#include "util/Clock.h"

#include <QCoreApplication>

namespace yg {

namespace {

struct Aggregate
{
    const char* table;
    const char* columns; ///< key columns, then n
    const char* fresh;   ///< the same rows counted from the records
    bool issues;         ///< counts issues (depends on the work-day index)
};

// The same expressions as the triggers of resources/sql/sqlite/012_report_aggregates.sql;
// TestReportAggregates checks that triggers and these agree after every kind of write.
const Aggregate kAggregates[] = {
    {"report_issue_cube", "month, town_id, category_id, stage, outcome, due_state, close_days, n",
     "SELECT substr(i.received_on, 1, 7), e.town_id, i.category_id, i.stage, i.outcome, CASE WHEN i.stage <> "
     "'closed' THEN 0 WHEN i.due_date IS NULL THEN 1 WHEN i.closed_on <= i.due_date THEN 2 ELSE 3 END, CASE WHEN "
     "i.stage <> 'closed' THEN -1 ELSE coalesce((SELECT ordinal FROM work_days WHERE day = i.closed_on) - (SELECT "
     "ordinal FROM work_days WHERE day = i.received_on), -2) END, count(*) FROM issues i JOIN enterprises e ON e.id "
     "= i.enterprise_id GROUP BY 1, 2, 3, 4, 5, 6, 7",
     true},
    {"report_owner_cube", "month, owner_id, outcome, n",
     "SELECT substr(received_on, 1, 7), owner_id, outcome, count(*) FROM issues GROUP BY 1, 2, 3", true},
    {"report_visit_cube", "month, town_id, author_id, n",
     "SELECT substr(v.visit_date, 1, 7), e.town_id, v.author_id, count(*) FROM visits v JOIN enterprises e ON e.id "
     "= v.enterprise_id GROUP BY 1, 2, 3",
     false},
    {"report_enterprise_periods", "period, enterprise_id, n",
     "SELECT p, enterprise_id, count(*) FROM (SELECT substr(visit_date, 1, 4) AS p, enterprise_id FROM visits UNION "
     "ALL SELECT substr(visit_date, 1, 4) || '-Q' || ((CAST(substr(visit_date, 6, 2) AS INTEGER) + 2) / 3), "
     "enterprise_id FROM visits UNION ALL SELECT substr(visit_date, 1, 7), enterprise_id FROM visits) GROUP BY 1, 2",
     false},
    {"report_cadre_enterprise_periods", "period, cadre_id, enterprise_id, n, recorded",
     "SELECT CASE x.k WHEN 1 THEN substr(v.visit_date, 1, 4) WHEN 2 THEN substr(v.visit_date, 1, 4) || '-Q' || "
     "((CAST(substr(v.visit_date, 6, 2) AS INTEGER) + 2) / 3) ELSE substr(v.visit_date, 1, 7) END, vc.cadre_id, "
     "v.enterprise_id, count(*), sum(v.author_id = vc.cadre_id) FROM visit_cadres vc JOIN visits v ON v.id = "
     "vc.visit_id JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) x GROUP BY 1, 2, 3",
     false},
    {"report_cadre_weeks", "monday, cadre_id, n",
     "SELECT date(visit_date, '-6 days', 'weekday 1'), author_id, count(*) FROM visits GROUP BY 1, 2", false},
};

void refill(QSqlDatabase& db, const Aggregate& a)
{
    sql::execDirect(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(a.table))).finish();
    sql::execDirect(db, QStringLiteral("INSERT INTO %1 (%2) %3")
                            .arg(QLatin1String(a.table), QLatin1String(a.columns), QLatin1String(a.fresh)))
        .finish();
}

} // namespace

void ReportAggregates::rebuild(QSqlDatabase& db)
{
    for (const Aggregate& a : kAggregates)
        refill(db, a);
    resume(db);
}

void ReportAggregates::resume(QSqlDatabase& db)
{
    sql::execDirect(db, QStringLiteral("DELETE FROM settings WHERE key = 'report.deferred'")).finish();
}

bool ReportAggregates::pause(QSqlDatabase& db)
{
    if (paused(db))
        return false;
    QSqlQuery q = sql::prepare(db, QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES "
                                                  "('report.deferred', '1', ?)"));
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    q.finish();
    return true;
}

void ReportAggregates::rebuildIssueCounts(QSqlDatabase& db)
{
    for (const Aggregate& a : kAggregates) {
        if (a.issues)
            refill(db, a);
    }
}

bool ReportAggregates::paused(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM settings WHERE key = 'report.deferred'")).toInt() > 0;
}

QStringList ReportAggregates::problems(const QSqlDatabase& db)
{
    QStringList out;
    if (paused(db)) {
        out << QCoreApplication::translate("yg::ReportAggregates",
                                           "report counts are paused: a bulk write did not finish (repair: "
                                           "yuegong-cli check --repair)");
    }
    for (const Aggregate& a : kAggregates) {
        // Rows whose count fell to 0 may stay: they add nothing.
        const QString stored =
            QStringLiteral("SELECT %1 FROM %2 WHERE n <> 0").arg(QLatin1String(a.columns), QLatin1String(a.table));
        const qint64 differing =
            sql::scalar(db, QStringLiteral("SELECT (SELECT count(*) FROM (%1 EXCEPT %2)) + (SELECT count(*) FROM (%2 "
                                           "EXCEPT %1))")
                                .arg(stored, QLatin1String(a.fresh)))
                .toLongLong();
        if (differing > 0) {
            out << QCoreApplication::translate("yg::ReportAggregates",
                                               "report counts %1 differ from the records in %2 rows (repair: "
                                               "yuegong-cli check --repair)")
                       .arg(QLatin1String(a.table))
                       .arg(differing);
        }
    }
    return out;
}

} // namespace yg
