#include "WeekQueries.h"

#include "storage/Sql.h"
#include "storage/VisitRepository.h"

namespace yg {

qint64 WeekQueries::visitCount(RowId cadreId, QDate from, QDate to)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT count(*) FROM visit_cadres vc JOIN visits v ON "
                                                            "v.id = vc.visit_id WHERE vc.cadre_id = ? AND "
                                                            "v.visit_date BETWEEN ? AND ?"));
    q.addBindValue(cadreId);
    q.addBindValue(sql::dateValue(from));
    q.addBindValue(sql::dateValue(to));
    const auto n = readAll<qint64>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    return n.isEmpty() ? 0 : n.first();
}

QDate WeekQueries::lastVisitDate(RowId cadreId)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT max(v.visit_date) FROM visit_cadres vc JOIN visits "
                                                            "v ON v.id = vc.visit_id WHERE vc.cadre_id = ?"));
    q.addBindValue(cadreId);
    const auto d = readAll<QDate>(q, [](const QSqlQuery& r) { return sql::toDate(r.value(0)); });
    return d.isEmpty() ? QDate() : d.first();
}

QList<WeekVisit> WeekQueries::visits(RowId cadreId, QDate from, QDate to)
{
    QSqlQuery q = sql::prepare(
        connection(), QStringLiteral("SELECT v.id, e.name, t.name FROM visit_cadres vc JOIN visits v ON v.id = "
                                     "vc.visit_id JOIN enterprises e ON e.id = v.enterprise_id JOIN towns t "
                                     "ON t.id = e.town_id WHERE vc.cadre_id = ? AND v.visit_date BETWEEN ? "
                                     "AND ? ORDER BY v.visit_date, v.id"));
    q.addBindValue(cadreId);
    q.addBindValue(sql::dateValue(from));
    q.addBindValue(sql::dateValue(to));
    QList<WeekVisit> out = readAll<WeekVisit>(q, [](const QSqlQuery& r) {
        WeekVisit w;
        w.visit.meta.id = r.value(0).toLongLong();
        w.enterprise = r.value(1).toString();
        w.town = r.value(2).toString();
        return w;
    });
    VisitRepository repo(m_db);
    QSqlQuery& names = cached(QStringLiteral("SELECT c.name FROM visit_cadres vc JOIN cadres c ON c.id = vc.cadre_id "
                                             "WHERE vc.visit_id = ? AND vc.cadre_id <> ? ORDER BY vc.position"));
    for (WeekVisit& w : out) {
        if (auto v = repo.visit(w.visit.meta.id))
            w.visit = *v;
        names.addBindValue(w.visit.meta.id);
        names.addBindValue(cadreId);
        w.companions = readAll<QString>(names, [](const QSqlQuery& r) { return r.value(0).toString(); });
    }
    return out;
}

QList<WeekIssue> WeekQueries::issuesOfVisits(const QList<RowId>& visitIds)
{
    QList<WeekIssue> out;
    QSqlQuery& q =
        cached(QStringLiteral("SELECT i.id, i.visit_id, i.number, i.title, k.name, i.raised_by FROM issues i "
                              "JOIN categories k ON k.id = i.category_id WHERE i.visit_id = ? ORDER BY i.id"));
    for (RowId id : visitIds) {
        q.addBindValue(id);
        out.append(readAll<WeekIssue>(q, [](const QSqlQuery& r) {
            return WeekIssue{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                             r.value(3).toString(),   r.value(4).toString(),   r.value(5).toString()};
        }));
    }
    return out;
}

QList<WeekIssueEvent> WeekQueries::events(RowId cadreId, QDate from, QDate to)
{
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("SELECT ev.issue_id, i.visit_id, i.number, i.title, e.name, ev.action, ev.event_date, d.name, "
                       "ev.due_date, ev.satisfaction FROM issues i JOIN issue_events ev ON ev.issue_id = i.id "
                       "JOIN enterprises e ON e.id = i.enterprise_id LEFT JOIN departments d ON d.id = "
                       "ev.department_id WHERE i.owner_id = ? AND ev.event_date BETWEEN ? AND ? "
                       "ORDER BY ev.event_date, ev.issue_id, ev.seq"));
    q.addBindValue(cadreId);
    q.addBindValue(sql::dateValue(from));
    q.addBindValue(sql::dateValue(to));
    return readAll<WeekIssueEvent>(q, [](const QSqlQuery& r) {
        WeekIssueEvent e;
        e.issueId = r.value(0).toLongLong();
        e.visitId = sql::toOptionalId(r.value(1));
        e.number = r.value(2).toString();
        e.title = r.value(3).toString();
        e.enterprise = r.value(4).toString();
        e.action = r.value(5).toString();
        e.date = sql::toDate(r.value(6));
        e.department = r.value(7).toString();
        e.dueDate = sql::toDate(r.value(8));
        e.satisfaction = r.value(9).toString();
        return e;
    });
}

QList<DueKeyEnterprise> WeekQueries::keyEnterprisesDue(RowId cadreId, QDate notVisitedSince, int limit)
{
    // Per enterprise the last visit is one step down visits_enterprise_date.
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("SELECT id, name, town, last_visit FROM (SELECT e.id AS id, e.name AS name, t.name AS town, "
                       "(SELECT max(v.visit_date) FROM visits v WHERE v.enterprise_id = e.id) AS last_visit "
                       "FROM enterprises e JOIN towns t ON t.id = e.town_id WHERE e.assigned_cadre_id = ? AND "
                       "e.is_key = 1) WHERE last_visit IS NULL OR last_visit < ? "
                       "ORDER BY last_visit IS NOT NULL, last_visit, name LIMIT ?"));
    q.addBindValue(cadreId);
    q.addBindValue(sql::dateValue(notVisitedSince));
    q.addBindValue(limit);
    return readAll<DueKeyEnterprise>(q, [](const QSqlQuery& r) {
        return DueKeyEnterprise{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                                sql::toDate(r.value(3))};
    });
}

} // namespace yg
