#include "ReportQueries.h"

#include "storage/Sql.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <functional>

namespace yg {

namespace {

using Kind = ReportScope::Kind;

// Scope clauses; the scope's id is bound as :sid. Aliases: i issue, e its enterprise, o its
// owner; v visit, ve its enterprise, a its author; k key enterprise, kc its cadre; c cadre.
QString issueScope(Kind k)
{
    switch (k) {
    case Kind::District:
        return {};
    case Kind::Group:
        return QStringLiteral(" AND o.group_id = :sid");
    case Kind::Town:
        return QStringLiteral(" AND e.town_id = :sid");
    case Kind::Cadre:
        return QStringLiteral(" AND i.owner_id = :sid");
    case Kind::Category:
        return QStringLiteral(" AND i.category_id = :sid");
    case Kind::Department:
        return QStringLiteral(" AND EXISTS (SELECT 1 FROM issue_events t WHERE t.issue_id = i.id AND "
                              "t.action = 'transfer' AND t.department_id = :sid)");
    }
    return {};
}

/** Visits have no category or department: those scopes count no visits. */
std::optional<QString> visitScope(Kind k)
{
    switch (k) {
    case Kind::District:
        return QString();
    case Kind::Group:
        return QStringLiteral(" AND a.group_id = :sid");
    case Kind::Town:
        return QStringLiteral(" AND ve.town_id = :sid");
    case Kind::Cadre:
        return QStringLiteral(" AND EXISTS (SELECT 1 FROM visit_cadres vc WHERE vc.visit_id = v.id AND "
                              "vc.cadre_id = :sid)");
    default:
        return std::nullopt;
    }
}

std::optional<QString> keyScope(Kind k)
{
    switch (k) {
    case Kind::District:
        return QString();
    case Kind::Group:
        return QStringLiteral(" AND kc.group_id = :sid");
    case Kind::Town:
        return QStringLiteral(" AND k.town_id = :sid");
    case Kind::Cadre:
        return QStringLiteral(" AND k.assigned_cadre_id = :sid");
    default:
        return std::nullopt;
    }
}

std::optional<QString> cadreScope(Kind k)
{
    switch (k) {
    case Kind::District:
        return QString();
    case Kind::Group:
        return QStringLiteral(" AND c.group_id = :sid");
    case Kind::Town:
        return QStringLiteral(" AND EXISTS (SELECT 1 FROM cadre_towns ct WHERE ct.cadre_id = c.id AND "
                              "ct.town_id = :sid)");
    case Kind::Cadre:
        return QStringLiteral(" AND c.id = :sid");
    default:
        return std::nullopt;
    }
}

/**
 * Issues received in [:from, :to] in scope, with their stage, outcome and the date of
 * their last event on or before :asof. {key} adds a breakdown key column.
 */
QString issueStates(Kind k, bool stateNow, const QString& keyColumn = QStringLiteral("NULL"))
{
    // The enterprise and owner are joined only when the scope or the breakdown key needs them.
    const bool needJoins =
        k != Kind::District || keyColumn.startsWith(QLatin1String("e.")) || keyColumn.startsWith(QLatin1String("o."));
    const QString joins = needJoins ? QStringLiteral("JOIN enterprises e ON e.id = i.enterprise_id "
                                                     "JOIN cadres o ON o.id = i.owner_id ")
                                    : QString();
    if (stateNow) {
        return QStringLiteral("WITH s AS (SELECT i.id, i.received_on, i.due_date, i.paused_since, %1 AS key, "
                              "i.stage AS stage, i.outcome AS outcome, i.closed_on AS last_date "
                              "FROM issues i %2WHERE i.received_on BETWEEN :from AND :to%3) ")
            .arg(keyColumn, joins, issueScope(k));
    }
    return QStringLiteral(
               "WITH s AS (SELECT i.id, i.received_on, i.due_date, i.paused_since, %1 AS key, "
               "le.to_stage AS stage, le.outcome AS outcome, le.event_date AS last_date "
               "FROM issues i %2JOIN issue_events le ON le.id = (SELECT x.id FROM issue_events x WHERE "
               "x.issue_id = i.id AND x.event_date <= :asof AND x.action <> 'note' ORDER BY x.seq DESC LIMIT 1) "
               "WHERE i.received_on BETWEEN :from AND :to%3) ")
        .arg(keyColumn, joins, issueScope(k));
}

const QString kWorkingDaysToClose = QStringLiteral(
    "(SELECT ordinal FROM work_days WHERE day = last_date) - (SELECT ordinal FROM work_days WHERE day = received_on)");

QString issueCountsSql(Kind k, bool stateNow)
{
    return issueStates(k, stateNow) +
           QStringLiteral("SELECT count(*), total(outcome = 'resolved'), total(outcome = 'unresolved'), "
                          "total(outcome = 'withdrawn'), total(stage <> 'closed'), "
                          "total(stage <> 'closed' AND paused_since IS NULL AND due_date < :asof), "
                          "total(stage = 'closed' AND due_date IS NOT NULL), "
                          "total(stage = 'closed' AND due_date IS NOT NULL AND last_date <= due_date), "
                          "total(stage = 'closed'), avg(CASE WHEN stage = 'closed' THEN %1 END) FROM s")
               .arg(kWorkingDaysToClose);
}

QString medianSql(Kind k, bool stateNow)
{
    return issueStates(k, stateNow) + QStringLiteral(", d AS (SELECT %1 AS days FROM s WHERE stage = 'closed') "
                                                     "SELECT avg(days) FROM (SELECT days FROM d ORDER BY days "
                                                     "LIMIT 2 - (SELECT count(*) FROM d) % 2 "
                                                     "OFFSET (SELECT (count(*) - 1) / 2 FROM d))")
                                          .arg(kWorkingDaysToClose);
}

QString followUpSql(Kind k)
{
    const QString counts =
        QStringLiteral("SELECT total(x.action = 'confirm' AND x.satisfaction = 'satisfied'), "
                       "total(x.action = 'confirm' AND x.satisfaction = 'basically_satisfied'), "
                       "total(x.action = 'reject'), total(x.action = 'return') FROM issue_events x ");
    const QString period =
        QStringLiteral("WHERE x.event_date BETWEEN :from AND :to AND x.action IN ('confirm', 'reject', 'return')");
    if (k == Kind::District) // every issue is in scope: no join, the index answers alone
        return counts + period;
    return counts +
           QStringLiteral("JOIN issues i ON i.id = x.issue_id JOIN enterprises e ON e.id = i.enterprise_id "
                          "JOIN cadres o ON o.id = i.owner_id ") +
           period + issueScope(k);
}

std::optional<QString> visitSql(Kind k)
{
    if (k == Kind::District) {
        return QStringLiteral("SELECT count(*), count(DISTINCT v.enterprise_id) FROM visits v "
                              "WHERE v.visit_date BETWEEN :from AND :to");
    }
    const auto scope = visitScope(k);
    if (!scope)
        return std::nullopt;
    return QStringLiteral("SELECT count(*), count(DISTINCT v.enterprise_id) FROM visits v "
                          "JOIN enterprises ve ON ve.id = v.enterprise_id JOIN cadres a ON a.id = v.author_id "
                          "WHERE v.visit_date BETWEEN :from AND :to") +
           *scope;
}

std::optional<QString> keySql(Kind k)
{
    const auto scope = keyScope(k);
    if (!scope)
        return std::nullopt;
    return QStringLiteral("SELECT count(*), total(EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = k.id AND "
                          "v.visit_date BETWEEN :from AND :to)) FROM enterprises k LEFT JOIN cadres kc ON "
                          "kc.id = k.assigned_cadre_id WHERE k.is_key = 1") +
           *scope;
}

std::optional<QString> quotaSql(Kind k, bool perCadre = false)
{
    const auto scope = cadreScope(k);
    if (!scope)
        return std::nullopt;
    // ISO weeks whose Monday falls in the period, for every cadre active in that week.
    return QStringLiteral("WITH RECURSIVE w(monday) AS (SELECT date(:from, '-6 days', 'weekday 1') "
                          "UNION ALL SELECT date(monday, '+7 days') FROM w WHERE date(monday, '+7 days') <= :to) "
                          "SELECT %1count(*), total((SELECT count(*) FROM visits v WHERE v.author_id = c.id "
                          "AND v.visit_date BETWEEN w.monday AND date(w.monday, '+6 days')) >= c.weekly_quota) "
                          "FROM w JOIN cadres c ON c.role = 'cadre' AND c.weekly_quota > 0 AND "
                          "c.active_from <= date(w.monday, '+6 days') AND (c.active_to IS NULL OR c.active_to >= "
                          "w.monday) WHERE w.monday >= :from")
               .arg(perCadre ? QStringLiteral("c.id, ") : QString()) +
           *scope + (perCadre ? QStringLiteral(" GROUP BY c.id") : QString());
}

QSqlQuery run(const QSqlDatabase& db, const QString& statement, const ReportQueryInput& in)
{
    QSqlQuery q = sql::prepare(db, statement);
    auto bindIfUsed = [&](const QString& name, const QVariant& value) {
        if (statement.contains(name))
            q.bindValue(name, value);
    };
    bindIfUsed(QStringLiteral(":from"), in.from.toString(Qt::ISODate));
    bindIfUsed(QStringLiteral(":to"), in.to.toString(Qt::ISODate));
    bindIfUsed(QStringLiteral(":asof"), in.stateAsOf.toString(Qt::ISODate));
    bindIfUsed(QStringLiteral(":sid"), in.scope.id);
    sql::exec(q);
    return q;
}

} // namespace

QStringList reportCountStatements(ReportScope::Kind k, bool stateNow)
{
    QStringList out{issueCountsSql(k, stateNow), medianSql(k, stateNow), followUpSql(k)};
    for (const auto& optional : {visitSql(k), keySql(k), quotaSql(k)}) {
        if (optional)
            out << *optional;
    }
    return out;
}

ReportCounts queryReportCounts(const QSqlDatabase& db, const ReportQueryInput& in)
{
    ReportCounts c;
    const Kind k = in.scope.kind;
    {
        QSqlQuery q = run(db, issueCountsSql(k, in.stateNow), in);
        if (q.next()) {
            c.collected = q.value(0).toLongLong();
            c.resolved = q.value(1).toLongLong();
            c.unresolved = q.value(2).toLongLong();
            c.withdrawn = q.value(3).toLongLong();
            c.open = q.value(4).toLongLong();
            c.overdue = q.value(5).toLongLong();
            c.closedWithDue = q.value(6).toLongLong();
            c.closedWithinDue = q.value(7).toLongLong();
            c.closedCount = q.value(8).toLongLong();
            if (!q.value(9).isNull())
                c.averageDaysToClose = q.value(9).toDouble();
        }
        q.finish();
    }
    if (c.closedCount > 0) {
        // The median: the middle one or the mean of the middle two, still in SQL.
        QSqlQuery q = run(db, medianSql(k, in.stateNow), in);
        if (q.next() && !q.value(0).isNull())
            c.medianDaysToClose = q.value(0).toDouble();
        q.finish();
    }
    {
        QSqlQuery q = run(db, followUpSql(k), in);
        if (q.next()) {
            c.satisfied = q.value(0).toLongLong();
            c.basicallySatisfied = q.value(1).toLongLong();
            c.dissatisfied = q.value(2).toLongLong();
            c.departmentReturns = q.value(3).toLongLong();
        }
        q.finish();
    }
    if (const auto statement = visitSql(k)) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.visits = q.value(0).toLongLong();
            c.enterprisesVisited = q.value(1).toLongLong();
        }
        q.finish();
    }
    if (const auto statement = keySql(k)) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.keyEnterprises = q.value(0).toLongLong();
            c.keyEnterprisesVisited = q.value(1).toLongLong();
        }
        q.finish();
    }
    if (const auto statement = quotaSql(k)) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.cadreWeeks = q.value(0).toLongLong();
            c.cadreWeeksMet = q.value(1).toLongLong();
        }
        q.finish();
    }
    return c;
}

QList<ReportBreakdownRow> queryReportBreakdown(const QSqlDatabase& db, const ReportQueryInput& in,
                                               ReportDimension dimension)
{
    const Kind k = in.scope.kind;
    QString issueKey, visitKey, label;
    switch (dimension) {
    case ReportDimension::Town:
        issueKey = QStringLiteral("e.town_id");
        visitKey = QStringLiteral("ve.town_id");
        label = QStringLiteral("SELECT name FROM towns WHERE id = :key");
        break;
    case ReportDimension::Category:
        issueKey = QStringLiteral("i.category_id");
        label = QStringLiteral("SELECT name FROM categories WHERE id = :key");
        break;
    case ReportDimension::Cadre:
        issueKey = QStringLiteral("i.owner_id");
        visitKey = QStringLiteral("v.author_id");
        label = QStringLiteral("SELECT name FROM cadres WHERE id = :key");
        break;
    case ReportDimension::Month:
        issueKey = QStringLiteral("substr(i.received_on, 1, 7)");
        visitKey = QStringLiteral("substr(v.visit_date, 1, 7)");
        break;
    }
    QMap<QString, ReportBreakdownRow> rows;
    {
        QSqlQuery q = run(db,
                          issueStates(k, in.stateNow, issueKey) +
                              QStringLiteral("SELECT key, count(*), total(outcome = 'resolved') "
                                             "FROM s GROUP BY key"),
                          in);
        while (q.next()) {
            ReportBreakdownRow& r = rows[q.value(0).toString()];
            r.key = q.value(0).toString();
            r.collected = q.value(1).toLongLong();
            r.resolved = q.value(2).toLongLong();
        }
        q.finish();
    }
    const auto vScope = visitScope(k);
    if (!visitKey.isEmpty() && vScope) {
        QSqlQuery q = run(db,
                          QStringLiteral("SELECT %1, count(*) FROM visits v JOIN enterprises ve ON ve.id = "
                                         "v.enterprise_id JOIN cadres a ON a.id = v.author_id WHERE v.visit_date "
                                         "BETWEEN :from AND :to%2 GROUP BY 1")
                              .arg(visitKey, *vScope),
                          in);
        while (q.next()) {
            ReportBreakdownRow& r = rows[q.value(0).toString()];
            r.key = q.value(0).toString();
            r.visits = q.value(1).toLongLong();
        }
        q.finish();
    }
    QList<ReportBreakdownRow> out;
    QSqlQuery name = label.isEmpty() ? QSqlQuery() : sql::prepare(db, label);
    for (ReportBreakdownRow r : rows) {
        if (!visitKey.isEmpty() && vScope && !r.visits)
            r.visits = 0;
        r.label = r.key;
        if (!label.isEmpty()) {
            name.bindValue(QStringLiteral(":key"), r.key.toLongLong());
            sql::exec(name);
            if (name.next())
                r.label = name.value(0).toString();
            name.finish();
        }
        out.append(r);
    }
    return out;
}

QList<CadreEvaluationRow> queryCadreEvaluation(const QSqlDatabase& db, const ReportQueryInput& in)
{
    const Kind k = in.scope.kind;
    QList<CadreEvaluationRow> rows;
    QHash<RowId, qsizetype> at;
    {
        QSqlQuery q = run(db,
                          QStringLiteral("SELECT c.id, c.name, ifnull(g.name, '') FROM cadres c LEFT JOIN "
                                         "cadre_groups g ON g.id = c.group_id WHERE c.role = 'cadre' AND "
                                         "c.active_from <= :to AND (c.active_to IS NULL OR c.active_to >= :from)") +
                              cadreScope(k).value_or(QString()) +
                              QStringLiteral(" ORDER BY g.name IS NULL, g.name, c.name, c.id"),
                          in);
        while (q.next()) {
            CadreEvaluationRow r;
            r.cadreId = q.value(0).toLongLong();
            r.name = q.value(1).toString();
            r.group = q.value(2).toString();
            at.insert(r.cadreId, rows.size());
            rows.append(r);
        }
        q.finish();
    }
    auto each = [&](const QString& statement, const std::function<void(CadreEvaluationRow&, const QSqlQuery&)>& read) {
        QSqlQuery q = run(db, statement, in);
        while (q.next()) {
            const auto it = at.constFind(q.value(0).toLongLong());
            if (it != at.constEnd())
                read(rows[*it], q);
        }
        q.finish();
    };
    each(QStringLiteral("SELECT vc.cadre_id, count(*), count(DISTINCT v.enterprise_id), "
                        "total(v.author_id = vc.cadre_id) FROM visits v JOIN visit_cadres vc ON vc.visit_id = v.id "
                        "WHERE v.visit_date BETWEEN :from AND :to GROUP BY vc.cadre_id"),
         [](CadreEvaluationRow& r, const QSqlQuery& q) {
             r.visits = q.value(1).toLongLong();
             r.enterprises = q.value(2).toLongLong();
             r.recorded = q.value(3).toLongLong();
         });
    each(issueStates(k, in.stateNow, QStringLiteral("i.owner_id")) +
             QStringLiteral("SELECT key, count(*), total(outcome = 'resolved'), total(stage <> 'closed' AND "
                            "paused_since IS NULL AND due_date < :asof) FROM s GROUP BY key"),
         [](CadreEvaluationRow& r, const QSqlQuery& q) {
             r.collected = q.value(1).toLongLong();
             r.resolved = q.value(2).toLongLong();
             r.overdue = q.value(3).toLongLong();
         });
    if (const auto quota = quotaSql(k, true)) {
        each(*quota, [](CadreEvaluationRow& r, const QSqlQuery& q) {
            r.weeks = q.value(1).toLongLong();
            r.weeksMet = q.value(2).toLongLong();
        });
    }
    return rows;
}

QList<ReportVisitLine> queryReportVisits(const QSqlDatabase& db, const ReportQueryInput& in, int limit)
{
    const auto scope = visitScope(in.scope.kind);
    if (!scope)
        return {};
    QSqlQuery q = run(db,
                      QStringLiteral("SELECT v.id, v.visit_date, ve.name, t.name, v.kind, (SELECT group_concat(name, "
                                     "'、') FROM (SELECT x.name FROM visit_cadres y JOIN cadres x ON x.id = "
                                     "y.cadre_id WHERE y.visit_id = v.id ORDER BY y.position)), ifnull(v.summary, '') "
                                     "FROM visits v JOIN enterprises ve ON ve.id = v.enterprise_id JOIN towns t ON "
                                     "t.id = ve.town_id JOIN cadres a ON a.id = v.author_id WHERE v.visit_date "
                                     "BETWEEN :from AND :to") +
                          *scope + QStringLiteral(" ORDER BY v.visit_date, v.id LIMIT %1").arg(limit),
                      in);
    QList<ReportVisitLine> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                    q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                    q.value(6).toString()});
    }
    q.finish();
    return out;
}

QList<ReportIssueLine> queryReportIssues(const QSqlDatabase& db, const ReportQueryInput& in,
                                         ReportIssueSelection selection, int limit)
{
    QString where, order;
    switch (selection) {
    case ReportIssueSelection::Received:
        where = QStringLiteral("i.received_on BETWEEN :from AND :to");
        order = QStringLiteral("i.received_on, i.id");
        break;
    case ReportIssueSelection::Closed:
        where = QStringLiteral("i.closed_on BETWEEN :from AND :to");
        order = QStringLiteral("i.closed_on, i.id");
        break;
    case ReportIssueSelection::Overdue:
        where = QStringLiteral("i.stage <> 'closed' AND i.paused_since IS NULL AND i.due_date < :asof");
        order = QStringLiteral("i.due_date, i.id");
        break;
    case ReportIssueSelection::Open:
        where = QStringLiteral("i.stage <> 'closed'");
        order = QStringLiteral("i.due_date IS NULL, i.due_date, i.id");
        break;
    }
    QSqlQuery q = run(db,
                      QStringLiteral("SELECT i.id, i.number, i.received_on, e.name, cat.name, i.title, o.name, "
                                     "i.stage, i.outcome, i.due_date, i.closed_on FROM issues i JOIN enterprises e ON "
                                     "e.id = i.enterprise_id JOIN cadres o ON o.id = i.owner_id JOIN categories cat "
                                     "ON cat.id = i.category_id WHERE ") +
                          where + issueScope(in.scope.kind) + QStringLiteral(" ORDER BY ") + order +
                          QStringLiteral(" LIMIT %1").arg(limit),
                      in);
    QList<ReportIssueLine> out;
    while (q.next()) {
        ReportIssueLine l;
        l.id = q.value(0).toLongLong();
        l.number = q.value(1).toString();
        l.received = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        l.enterprise = q.value(3).toString();
        l.category = q.value(4).toString();
        l.title = q.value(5).toString();
        l.owner = q.value(6).toString();
        l.stage = q.value(7).toString();
        l.outcome = q.value(8).toString();
        l.due = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        l.closed = QDate::fromString(q.value(10).toString(), Qt::ISODate);
        out.append(l);
    }
    q.finish();
    return out;
}

} // namespace yg
