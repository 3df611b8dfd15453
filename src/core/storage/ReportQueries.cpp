#include "ReportQueries.h"

#include "storage/ReportAggregates.h"
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
    // Issues whose dates fall outside the work-day index have no duration (as in the average).
    return issueStates(k, stateNow) +
           QStringLiteral(
               ", d AS (SELECT days FROM (SELECT %1 AS days FROM s WHERE stage = 'closed') WHERE days IS NOT "
               "NULL) SELECT avg(days) FROM (SELECT days FROM d ORDER BY days "
               "LIMIT 2 - (SELECT count(*) FROM d) % 2 OFFSET (SELECT (count(*) - 1) / 2 FROM d))")
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

// ---- The report aggregates of migration 12 (storage/ReportAggregates.h) -------------------

bool wholeMonths(const ReportQueryInput& in)
{
    return in.useAggregates && in.from.isValid() && in.to.isValid() && in.from <= in.to && in.from.day() == 1 &&
           in.to.day() == in.to.daysInMonth();
}

/** The issue counts by month, town and category answer exactly: state now, whole months, such a scope. */
bool issueCubeAnswers(const ReportQueryInput& in)
{
    const Kind k = in.scope.kind;
    return wholeMonths(in) && in.stateNow && (k == Kind::District || k == Kind::Town || k == Kind::Category);
}

/** The visit counts by month, town and author answer: whole months, district or town. */
bool visitCubeAnswers(const ReportQueryInput& in)
{
    return wholeMonths(in) && (in.scope.kind == Kind::District || in.scope.kind == Kind::Town);
}

QString cubeScope(Kind k)
{
    switch (k) {
    case Kind::Town:
        return QStringLiteral(" AND town_id = :sid");
    case Kind::Category:
        return QStringLiteral(" AND category_id = :sid");
    default:
        return {};
    }
}

/** The key of report_enterprise_periods when [from, to] is exactly a calendar year, quarter or month. */
QString calendarPeriodKey(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || from.day() != 1 || to.day() != to.daysInMonth() || from.year() != to.year())
        return {};
    if (from.month() == to.month())
        return from.toString(QStringLiteral("yyyy-MM"));
    if (from.month() == 1 && to.month() == 12)
        return QString::number(from.year());
    if ((from.month() - 1) % 3 == 0 && to.month() == from.month() + 2)
        return QStringLiteral("%1-Q%2").arg(from.year()).arg((from.month() + 2) / 3);
    return {};
}

const QString kOpenStages = QStringLiteral("i.stage IN ('intake', 'consultation', 'follow_up')");

/** The same ten columns as issueCountsSql, from the issue counts; overdue still from the (few) open issues. */
QString cubeCountsSql(Kind k)
{
    const QString joins = k == Kind::Town ? QStringLiteral("JOIN enterprises e ON e.id = i.enterprise_id ") : QString();
    return QStringLiteral("SELECT total(n), total(CASE WHEN outcome = 'resolved' THEN n END), total(CASE WHEN outcome "
                          "= 'unresolved' THEN n END), total(CASE WHEN outcome = 'withdrawn' THEN n END), total(CASE "
                          "WHEN stage <> 'closed' THEN n END), (SELECT count(*) FROM issues i %1WHERE %2 AND "
                          "i.paused_since IS NULL AND i.due_date < :asof AND i.received_on BETWEEN :from AND :to%3), "
                          "total(CASE WHEN due_state IN (2, 3) THEN n END), total(CASE WHEN due_state = 2 THEN n END), "
                          "total(CASE WHEN stage = 'closed' THEN n END), total(CASE WHEN close_days >= 0 THEN n * "
                          "close_days END) / nullif(total(CASE WHEN close_days >= 0 THEN n END), 0) FROM "
                          "report_issue_cube WHERE month BETWEEN :fm AND :tm%4")
        .arg(joins, kOpenStages, issueScope(k), cubeScope(k));
}

/** The median from the histogram of working days to close: the middle one or the mean of the middle two. */
QString cubeMedianSql(Kind k)
{
    return QStringLiteral(
               "WITH h AS (SELECT close_days AS days, sum(n) AS n FROM report_issue_cube WHERE month "
               "BETWEEN :fm AND :tm AND stage = 'closed' AND close_days >= 0%1 GROUP BY close_days), c AS "
               "(SELECT days, sum(n) OVER (ORDER BY days) AS upto FROM h), t AS (SELECT sum(n) AS total "
               "FROM h) SELECT CASE WHEN (SELECT total FROM t) > 0 THEN ((SELECT min(days) FROM c WHERE upto "
               ">= (SELECT (total + 1) / 2 FROM t)) + (SELECT min(days) FROM c WHERE upto >= (SELECT total / "
               "2 + 1 FROM t))) / 2.0 END")
        .arg(cubeScope(k));
}

/** Visits from the visit counts, distinct enterprises from the enterprises of the calendar period. */
QString cubeVisitSql(Kind k)
{
    const bool town = k == Kind::Town;
    return QStringLiteral("SELECT (SELECT total(n) FROM report_visit_cube WHERE month BETWEEN :fm AND :tm%1), (SELECT "
                          "count(*) FROM report_enterprise_periods p %2WHERE p.period = :period AND p.n > 0%3)")
        .arg(town ? QStringLiteral(" AND town_id = :sid") : QString(),
             town ? QStringLiteral("JOIN enterprises ve ON ve.id = p.enterprise_id ") : QString(),
             town ? QStringLiteral(" AND ve.town_id = :sid") : QString());
}

/**
 * Quota weeks from the visits each cadre recorded per ISO week: for every active cadre with
 * a quota, the Mondays in the period while active (arithmetic), and those weeks with
 * visits ≥ the quota (an index range per cadre).
 */
std::optional<QString> cubeQuotaSql(Kind k, bool perCadre)
{
    const auto scope = cadreScope(k);
    if (!scope)
        return std::nullopt;
    const QString weeks =
        QStringLiteral("max(0, CAST(round(julianday(r.last) - julianday(r.first)) AS INTEGER) / 7 + 1)");
    const QString met =
        QStringLiteral("(SELECT count(*) FROM report_cadre_weeks x WHERE x.cadre_id = r.id AND x.monday "
                       "BETWEEN r.first AND r.last AND x.n >= r.quota)");
    return QStringLiteral("WITH r AS (SELECT c.id, c.weekly_quota AS quota, max(date(:from, 'weekday 1'), "
                          "date(c.active_from, '-6 days', 'weekday 1')) AS first, CASE WHEN c.active_to IS NULL THEN "
                          "date(:to, '-6 days', 'weekday 1') ELSE min(date(:to, '-6 days', 'weekday 1'), "
                          "date(c.active_to, '-6 days', 'weekday 1')) END AS last FROM cadres c WHERE c.role = 'cadre' "
                          "AND c.weekly_quota > 0%1) ")
               .arg(*scope) +
           (perCadre ? QStringLiteral("SELECT r.id, %1, %2 FROM r").arg(weeks, met)
                     : QStringLiteral("SELECT total(%1), total(%2) FROM r").arg(weeks, met));
}

/** The statements of queryReportCounts, in its order: counts, median, follow-ups, visits, key, quota. */
struct CountStatements
{
    QString counts, median, followUps;
    std::optional<QString> visits, key, quota;
};

CountStatements countStatements(const ReportQueryInput& in)
{
    const Kind k = in.scope.kind;
    CountStatements s;
    const bool cube = issueCubeAnswers(in);
    s.counts = cube ? cubeCountsSql(k) : issueCountsSql(k, in.stateNow);
    s.median = cube ? cubeMedianSql(k) : medianSql(k, in.stateNow);
    s.followUps = followUpSql(k);
    s.visits = visitCubeAnswers(in) && !calendarPeriodKey(in.from, in.to).isEmpty() ? cubeVisitSql(k) : visitSql(k);
    s.key = keySql(k);
    s.quota = in.useAggregates ? cubeQuotaSql(k, false) : quotaSql(k);
    return s;
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
    bindIfUsed(QStringLiteral(":fm"), in.from.toString(QStringLiteral("yyyy-MM")));
    bindIfUsed(QStringLiteral(":tm"), in.to.toString(QStringLiteral("yyyy-MM")));
    bindIfUsed(QStringLiteral(":period"), calendarPeriodKey(in.from, in.to));
    sql::exec(q);
    return q;
}

} // namespace

QStringList reportCountStatements(const ReportQueryInput& in)
{
    const CountStatements s = countStatements(in);
    QStringList out{s.counts, s.median, s.followUps};
    for (const auto& optional : {s.visits, s.key, s.quota}) {
        if (optional)
            out << *optional;
    }
    return out;
}

QList<QPair<QString, QVariant>> reportParameters(const ReportQueryInput& in)
{
    return {{QStringLiteral(":from"), in.from.toString(Qt::ISODate)},
            {QStringLiteral(":to"), in.to.toString(Qt::ISODate)},
            {QStringLiteral(":asof"), in.stateAsOf.toString(Qt::ISODate)},
            {QStringLiteral(":sid"), in.scope.id},
            {QStringLiteral(":fm"), in.from.toString(QStringLiteral("yyyy-MM"))},
            {QStringLiteral(":tm"), in.to.toString(QStringLiteral("yyyy-MM"))},
            {QStringLiteral(":period"), calendarPeriodKey(in.from, in.to)}};
}

QDate queryLatestStepDate(const QSqlDatabase& db)
{
    return QDate::fromString(sql::scalar(db, QStringLiteral("SELECT max(event_date) FROM issue_events")).toString(),
                             Qt::ISODate);
}

namespace {

/** The input as it can be answered: from the records while the report counts are paused. */
ReportQueryInput answerable(const QSqlDatabase& db, ReportQueryInput in)
{
    if (in.useAggregates && ReportAggregates::paused(db))
        in.useAggregates = false;
    return in;
}

} // namespace

ReportCounts queryReportCounts(const QSqlDatabase& db, const ReportQueryInput& input)
{
    const ReportQueryInput in = answerable(db, input);
    ReportCounts c;
    const CountStatements statements = countStatements(in);
    {
        QSqlQuery q = run(db, statements.counts, in);
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
        QSqlQuery q = run(db, statements.median, in);
        if (q.next() && !q.value(0).isNull())
            c.medianDaysToClose = q.value(0).toDouble();
        q.finish();
    }
    {
        QSqlQuery q = run(db, statements.followUps, in);
        if (q.next()) {
            c.satisfied = q.value(0).toLongLong();
            c.basicallySatisfied = q.value(1).toLongLong();
            c.dissatisfied = q.value(2).toLongLong();
            c.departmentReturns = q.value(3).toLongLong();
        }
        q.finish();
    }
    if (const auto& statement = statements.visits) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.visits = q.value(0).toLongLong();
            c.enterprisesVisited = q.value(1).toLongLong();
        }
        q.finish();
    }
    if (const auto& statement = statements.key) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.keyEnterprises = q.value(0).toLongLong();
            c.keyEnterprisesVisited = q.value(1).toLongLong();
        }
        q.finish();
    }
    if (const auto& statement = statements.quota) {
        QSqlQuery q = run(db, *statement, in);
        if (q.next()) {
            c.cadreWeeks = q.value(0).toLongLong();
            c.cadreWeeksMet = q.value(1).toLongLong();
        }
        q.finish();
    }
    return c;
}

namespace {

/** A breakdown's statements: issues (key, collected, resolved, label), visits (key, visits, label) or none. */
struct BreakdownStatements
{
    QString issues, visits;
};

BreakdownStatements breakdownStatements(const ReportQueryInput& in, ReportDimension dimension)
{
    const Kind k = in.scope.kind;
    QString issueKey, visitKey, label;
    switch (dimension) {
    case ReportDimension::Town:
        issueKey = QStringLiteral("e.town_id");
        visitKey = QStringLiteral("ve.town_id");
        label = QStringLiteral("(SELECT name FROM towns WHERE id = b.key)");
        break;
    case ReportDimension::Category:
        issueKey = QStringLiteral("i.category_id");
        label = QStringLiteral("(SELECT name FROM categories WHERE id = b.key)");
        break;
    case ReportDimension::Cadre:
        issueKey = QStringLiteral("i.owner_id");
        visitKey = QStringLiteral("v.author_id");
        label = QStringLiteral("(SELECT name FROM cadres WHERE id = b.key)");
        break;
    case ReportDimension::Month:
        issueKey = QStringLiteral("substr(i.received_on, 1, 7)");
        visitKey = QStringLiteral("substr(v.visit_date, 1, 7)");
        label = QStringLiteral("b.key");
        break;
    }
    // From the aggregates where they hold the key: issues by town, category and month in
    // the issue counts, by owner in the owner counts (district only: they know no town or
    // category); visits by town, author and month in the visit counts.
    QString issueStatement, visitStatement;
    if (issueCubeAnswers(in) && dimension != ReportDimension::Cadre) {
        const QString cubeKey = dimension == ReportDimension::Town       ? QStringLiteral("town_id")
                                : dimension == ReportDimension::Category ? QStringLiteral("category_id")
                                                                         : QStringLiteral("month");
        issueStatement =
            QStringLiteral("SELECT %1, total(n), total(CASE WHEN outcome = 'resolved' THEN n END) FROM "
                           "report_issue_cube WHERE month BETWEEN :fm AND :tm%2 GROUP BY 1 HAVING total(n) > 0")
                .arg(cubeKey, cubeScope(k));
    } else if (issueCubeAnswers(in) && k == Kind::District) {
        issueStatement =
            QStringLiteral("SELECT owner_id, total(n), total(CASE WHEN outcome = 'resolved' THEN n END) "
                           "FROM report_owner_cube WHERE month BETWEEN :fm AND :tm GROUP BY 1 HAVING total(n) > 0");
    } else {
        issueStatement = issueStates(k, in.stateNow, issueKey) +
                         QStringLiteral("SELECT key, count(*), total(outcome = 'resolved') FROM s GROUP BY key");
    }
    const auto vScope = visitScope(k);
    if (!visitKey.isEmpty() && vScope) {
        if (visitCubeAnswers(in)) {
            const QString cubeKey = dimension == ReportDimension::Town    ? QStringLiteral("town_id")
                                    : dimension == ReportDimension::Cadre ? QStringLiteral("author_id")
                                                                          : QStringLiteral("month");
            visitStatement = QStringLiteral("SELECT %1, total(n) FROM report_visit_cube WHERE month BETWEEN :fm AND "
                                            ":tm%2 GROUP BY 1 HAVING total(n) > 0")
                                 .arg(cubeKey, cubeScope(k));
        } else {
            visitStatement = QStringLiteral("SELECT %1, count(*) FROM visits v JOIN enterprises ve ON ve.id = "
                                            "v.enterprise_id JOIN cadres a ON a.id = v.author_id WHERE v.visit_date "
                                            "BETWEEN :from AND :to%2 GROUP BY 1")
                                 .arg(visitKey, *vScope);
        }
    }
    // The label of each key read in the same statement.
    BreakdownStatements out;
    out.issues = QStringLiteral("WITH b(key, collected, resolved) AS (%2) SELECT b.key, b.collected, b.resolved, %1 "
                                "FROM b")
                     .arg(label, issueStatement);
    if (!visitStatement.isEmpty())
        out.visits =
            QStringLiteral("WITH b(key, visits) AS (%2) SELECT b.key, b.visits, %1 FROM b").arg(label, visitStatement);
    return out;
}

} // namespace

QStringList reportBreakdownStatements(const ReportQueryInput& input, ReportDimension dimension)
{
    const BreakdownStatements s = breakdownStatements(input, dimension);
    return s.visits.isEmpty() ? QStringList{s.issues} : QStringList{s.issues, s.visits};
}

QList<ReportBreakdownRow> queryReportBreakdown(const QSqlDatabase& db, const ReportQueryInput& input,
                                               ReportDimension dimension)
{
    const ReportQueryInput in = answerable(db, input);
    const BreakdownStatements statements = breakdownStatements(in, dimension);
    QMap<QString, ReportBreakdownRow> rows;
    {
        QSqlQuery q = run(db, statements.issues, in);
        while (q.next()) {
            ReportBreakdownRow& r = rows[q.value(0).toString()];
            r.key = q.value(0).toString();
            r.collected = q.value(1).toLongLong();
            r.resolved = q.value(2).toLongLong();
            r.label = q.value(3).isNull() ? r.key : q.value(3).toString();
        }
        q.finish();
    }
    if (!statements.visits.isEmpty()) {
        QSqlQuery q = run(db, statements.visits, in);
        while (q.next()) {
            ReportBreakdownRow& r = rows[q.value(0).toString()];
            r.key = q.value(0).toString();
            r.visits = q.value(1).toLongLong();
            r.label = q.value(2).isNull() ? r.key : q.value(2).toString();
        }
        q.finish();
    }
    QList<ReportBreakdownRow> out;
    for (ReportBreakdownRow r : rows) {
        if (!statements.visits.isEmpty() && !r.visits)
            r.visits = 0;
        out.append(r);
    }
    return out;
}

QList<CadreEvaluationRow> queryCadreEvaluation(const QSqlDatabase& db, const ReportQueryInput& input)
{
    const ReportQueryInput in = answerable(db, input);
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
    // A calendar year, quarter or month: from each cadre's enterprises of the period.
    const bool calendarPeriod = in.useAggregates && !calendarPeriodKey(in.from, in.to).isEmpty();
    each(calendarPeriod ? QStringLiteral("SELECT cadre_id, total(n), count(*), total(recorded) FROM "
                                         "report_cadre_enterprise_periods WHERE period = :period AND n > 0 GROUP BY "
                                         "cadre_id")
                        : QStringLiteral("SELECT vc.cadre_id, count(*), count(DISTINCT v.enterprise_id), "
                                         "total(v.author_id = vc.cadre_id) FROM visits v JOIN visit_cadres vc ON "
                                         "vc.visit_id = v.id WHERE v.visit_date BETWEEN :from AND :to GROUP BY "
                                         "vc.cadre_id"),
         [](CadreEvaluationRow& r, const QSqlQuery& q) {
             r.visits = q.value(1).toLongLong();
             r.enterprises = q.value(2).toLongLong();
             r.recorded = q.value(3).toLongLong();
         });
    // The owner counts hold every issue of a cadre: they answer for the district and for a
    // group's or one cadre's lines, not for a town or category scope.
    if (wholeMonths(in) && in.stateNow && (k == Kind::District || k == Kind::Group || k == Kind::Cadre)) {
        each(QStringLiteral("SELECT owner_id, total(n), total(CASE WHEN outcome = 'resolved' THEN n END) FROM "
                            "report_owner_cube WHERE month BETWEEN :fm AND :tm GROUP BY 1"),
             [](CadreEvaluationRow& r, const QSqlQuery& q) {
                 r.collected = q.value(1).toLongLong();
                 r.resolved = q.value(2).toLongLong();
             });
        each(QStringLiteral("SELECT i.owner_id, count(*) FROM issues i WHERE %1 AND i.paused_since IS NULL AND "
                            "i.due_date < :asof AND i.received_on BETWEEN :from AND :to GROUP BY 1")
                 .arg(kOpenStages),
             [](CadreEvaluationRow& r, const QSqlQuery& q) { r.overdue = q.value(1).toLongLong(); });
    } else {
        each(issueStates(k, in.stateNow, QStringLiteral("i.owner_id")) +
                 QStringLiteral("SELECT key, count(*), total(outcome = 'resolved'), total(stage <> 'closed' AND "
                                "paused_since IS NULL AND due_date < :asof) FROM s GROUP BY key"),
             [](CadreEvaluationRow& r, const QSqlQuery& q) {
                 r.collected = q.value(1).toLongLong();
                 r.resolved = q.value(2).toLongLong();
                 r.overdue = q.value(3).toLongLong();
             });
    }
    if (const auto quota = in.useAggregates ? cubeQuotaSql(k, true) : quotaSql(k, true)) {
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
