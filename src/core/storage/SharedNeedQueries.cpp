#include "SharedNeedQueries.h"

#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/VisitQueries.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace yg {

namespace {

/** The candidate issues: open now (any age) or received in the window, and not yet answered by a briefing. */
const char* const kCandidates =
    "SELECT id, enterprise_id, category_id, title FROM issues WHERE stage IN ('intake', 'consultation', "
    "'follow_up') AND id NOT IN (SELECT issue_id FROM visit_issues) UNION SELECT id, enterprise_id, category_id, "
    "title FROM issues WHERE received_on BETWEEN ? AND ? AND id NOT IN (SELECT issue_id FROM visit_issues)";

/** One bound value for a list of ids: a JSON array read by json_each. */
QString idArray(const QList<RowId>& ids)
{
    QJsonArray a;
    for (RowId id : ids)
        a.append(id);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<RowId> readIds(QSqlQuery& q)
{
    sql::exec(q);
    QList<RowId> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    q.finish();
    return out;
}

} // namespace

QString SharedNeedQueries::termsStatement()
{
    return QStringLiteral("WITH cand(id, enterprise_id, category_id, title) AS (%1) SELECT category_id, substr(title, "
                          "n, 4) AS term, COUNT(DISTINCT id), COUNT(DISTINCT enterprise_id), group_concat(DISTINCT id) "
                          "FROM cand JOIN "
                          "search_positions ON n <= length(title) - 3 GROUP BY category_id, term HAVING COUNT(DISTINCT "
                          "id) >= ? AND COUNT(DISTINCT enterprise_id) >= ?")
        .arg(QLatin1String(kCandidates));
}

QString SharedNeedQueries::membersStatement()
{
    return QStringLiteral(
        "WITH cand(id) AS (SELECT id FROM issues WHERE stage IN ('intake', 'consultation', 'follow_up') AND "
        "category_id = ? UNION SELECT id FROM issues WHERE category_id = ? AND received_on BETWEEN ? AND ? EXCEPT "
        "SELECT issue_id FROM visit_issues) SELECT i.id, i.enterprise_id, e.town_id FROM cand JOIN issues i ON i.id "
        "= cand.id JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id IN (SELECT rowid FROM search_issues "
        "WHERE search_issues MATCH ?) ORDER BY i.id");
}

QString SharedNeedQueries::matchExpression(const QString& wording)
{
    QString phrase = wording;
    phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QStringLiteral("{title description} : \"%1\"").arg(phrase);
}

QList<SharedTerm> SharedNeedQueries::sharedTerms(const SharedNeedWindow& window, int minIssues, int minEnterprises)
{
    // search_positions (1..20000, migration 8) cuts every title into its 4-character pieces in SQL.
    QSqlQuery q = sql::prepare(connection(), termsStatement());
    q.addBindValue(sql::dateValue(window.since));
    q.addBindValue(sql::dateValue(window.today));
    q.addBindValue(minIssues);
    q.addBindValue(minEnterprises);
    return readAll<SharedTerm>(q, [](const QSqlQuery& r) {
        SharedTerm t{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toInt(), r.value(3).toInt(), {}};
        const auto parts = r.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.issueIds.reserve(parts.size());
        for (const QString& p : parts)
            t.issueIds.append(p.toLongLong());
        std::sort(t.issueIds.begin(), t.issueIds.end());
        return t;
    });
}

QList<SharedNeedMember> SharedNeedQueries::members(const SharedNeedWindow& window, RowId categoryId,
                                                   const QString& wording)
{
    // The phrase's matches are read from the trigram index once (a doclist walk: 83,000 matches
    // of a common wording at scale 500 take 80 ms) and joined with the category's candidates;
    // checking each candidate by rowid instead repeats the walk per candidate.
    QSqlQuery q = sql::prepare(connection(), membersStatement());
    q.addBindValue(categoryId);
    q.addBindValue(categoryId);
    q.addBindValue(sql::dateValue(window.since));
    q.addBindValue(sql::dateValue(window.today));
    q.addBindValue(matchExpression(wording));
    return readAll<SharedNeedMember>(q, [](const QSqlQuery& r) {
        return SharedNeedMember{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong()};
    });
}

QList<SharedNeedIssueRow> SharedNeedQueries::issueRows(const QList<RowId>& ids, std::optional<RowId> visibleTo)
{
    QString statement = QStringLiteral("SELECT i.id, i.number, i.title, i.stage, i.enterprise_id, e.name, i.version "
                                       "FROM issues i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id IN "
                                       "(SELECT value FROM json_each(?))");
    if (visibleTo)
        statement += QStringLiteral(" AND ") + IssueRepository::visibleToCondition();
    statement += QStringLiteral(" ORDER BY i.number_year, i.number_seq");
    QSqlQuery q = sql::prepare(connection(), statement);
    q.addBindValue(idArray(ids));
    if (visibleTo) {
        for (int n = 0; n < IssueRepository::kVisibleToBindings; ++n)
            q.addBindValue(*visibleTo);
    }
    return readAll<SharedNeedIssueRow>(q, [](const QSqlQuery& r) {
        SharedNeedIssueRow row;
        row.id = r.value(0).toLongLong();
        row.number = r.value(1).toString();
        row.title = r.value(2).toString();
        row.stage = fromKey<Stage>(r.value(3).toString()).value_or(Stage::Intake);
        row.enterpriseId = r.value(4).toLongLong();
        row.enterpriseName = r.value(5).toString();
        row.version = r.value(6).toInt();
        return row;
    });
}

QList<SharedNeedEnterpriseRow> SharedNeedQueries::enterpriseRows(const QList<RowId>& ids)
{
    QSqlQuery q = sql::prepare(connection(),
                               QStringLiteral("SELECT e.id, e.name, t.name, e.is_small_micro FROM enterprises e JOIN "
                                              "towns t ON t.id = e.town_id WHERE e.id IN (SELECT value FROM "
                                              "json_each(?)) ORDER BY t.sort_order, e.name"));
    q.addBindValue(idArray(ids));
    return readAll<SharedNeedEnterpriseRow>(q, [](const QSqlQuery& r) {
        return SharedNeedEnterpriseRow{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                                       r.value(3).toBool()};
    });
}

QHash<RowId, QString> SharedNeedQueries::titles(const QList<RowId>& ids)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT id, title FROM issues WHERE id IN (SELECT value "
                                                            "FROM json_each(?))"));
    q.addBindValue(idArray(ids));
    sql::exec(q);
    QHash<RowId, QString> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString());
    q.finish();
    return out;
}

QHash<QString, SharedNeedDismissal> SharedNeedQueries::latestDismissals(const QStringList& keys)
{
    QHash<QString, SharedNeedDismissal> out;
    if (keys.isEmpty())
        return out;
    QJsonArray a;
    for (const QString& k : keys)
        a.append(k);
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("SELECT d.id, d.uuid, d.created_at, d.updated_at, d.version, d.alert_key, d.category_id, "
                       "d.town_id, d.wording, d.issue_count, d.enterprise_count, d.reason, d.dismissed_by, c.name, "
                       "d.dismissed_on FROM shared_need_dismissals d JOIN cadres c ON c.id = d.dismissed_by WHERE "
                       "d.id IN (SELECT max(id) FROM shared_need_dismissals WHERE alert_key IN (SELECT value FROM "
                       "json_each(?)) GROUP BY alert_key)"));
    q.addBindValue(QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
    const auto rows = readAll<SharedNeedDismissal>(q, [](const QSqlQuery& r) {
        SharedNeedDismissal d;
        d.meta = readMeta(r);
        d.alertKey = r.value(5).toString();
        d.categoryId = r.value(6).toLongLong();
        d.townId = sql::toOptionalId(r.value(7));
        d.wording = r.value(8).toString();
        d.issueCount = r.value(9).toInt();
        d.enterpriseCount = r.value(10).toInt();
        d.reason = r.value(11).toString();
        d.dismissedBy = r.value(12).toLongLong();
        d.dismissedByName = r.value(13).toString();
        d.dismissedOn = sql::toDate(r.value(14));
        return d;
    });
    for (const auto& d : rows)
        out.insert(d.alertKey, d);
    return out;
}

void SharedNeedQueries::insertDismissal(SharedNeedDismissal& d)
{
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("INSERT INTO shared_need_dismissals (uuid, alert_key, category_id, town_id, wording, "
                       "issue_count, enterprise_count, reason, dismissed_by, dismissed_on, created_at, updated_at, "
                       "updated_by) VALUES (:uuid, :alert_key, :category_id, :town_id, :wording, :issue_count, "
                       ":enterprise_count, :reason, :dismissed_by, :dismissed_on, :created_at, :updated_at, "
                       ":dismissed_by)"));
    prepareNewMeta(d.meta, q);
    q.bindValue(QStringLiteral(":alert_key"), d.alertKey);
    q.bindValue(QStringLiteral(":category_id"), d.categoryId);
    q.bindValue(QStringLiteral(":town_id"), sql::idValue(d.townId));
    q.bindValue(QStringLiteral(":wording"), d.wording);
    q.bindValue(QStringLiteral(":issue_count"), d.issueCount);
    q.bindValue(QStringLiteral(":enterprise_count"), d.enterpriseCount);
    q.bindValue(QStringLiteral(":reason"), d.reason);
    q.bindValue(QStringLiteral(":dismissed_by"), d.dismissedBy);
    q.bindValue(QStringLiteral(":dismissed_on"), sql::dateValue(d.dismissedOn));
    sql::exec(q);
    d.meta.id = q.lastInsertId().toLongLong();
    auditCreated("shared_need_dismissals", d.meta.id, d.meta.uuid);
}

void SharedNeedQueries::linkVisit(RowId visitId, const QList<RowId>& enterpriseIds, const QList<RowId>& issueIds)
{
    QSqlQuery e = sql::prepare(connection(), QStringLiteral("INSERT OR IGNORE INTO visit_enterprises (visit_id, "
                                                            "enterprise_id) VALUES (?, ?)"));
    for (RowId id : enterpriseIds) {
        e.addBindValue(visitId);
        e.addBindValue(id);
        sql::exec(e);
    }
    QSqlQuery i = sql::prepare(connection(),
                               QStringLiteral("INSERT OR IGNORE INTO visit_issues (visit_id, issue_id) VALUES (?, ?)"));
    for (RowId id : issueIds) {
        i.addBindValue(visitId);
        i.addBindValue(id);
        sql::exec(i);
    }
}

QList<BriefingRow> SharedNeedQueries::briefings(std::optional<RowId> visibleTo, int limit)
{
    QString statement = QStringLiteral(
        "SELECT v.id, v.visit_date, e.name, (SELECT count(*) FROM visit_enterprises ve WHERE ve.visit_id = v.id), "
        "(SELECT count(*) FROM visit_issues vi WHERE vi.visit_id = v.id), (SELECT count(*) FROM visit_issues vi "
        "JOIN issues i ON i.id = vi.issue_id WHERE vi.visit_id = v.id AND i.stage <> 'closed'), v.summary FROM "
        "visits v JOIN enterprises e ON e.id = v.enterprise_id WHERE v.kind = 'policy_briefing' AND v.id IN (SELECT "
        "visit_id FROM visit_issues)");
    if (visibleTo)
        statement += QStringLiteral(" AND ") + VisitQueries::visibleToCondition();
    statement += QStringLiteral(" ORDER BY v.visit_date DESC, v.id DESC LIMIT ?");
    QSqlQuery q = sql::prepare(connection(), statement);
    for (int n = 0; visibleTo && n < VisitQueries::kVisibleToBindings; ++n)
        q.addBindValue(*visibleTo);
    q.addBindValue(limit);
    return readAll<BriefingRow>(q, [](const QSqlQuery& r) {
        BriefingRow b;
        b.visitId = r.value(0).toLongLong();
        b.date = sql::toDate(r.value(1));
        b.hostName = r.value(2).toString();
        b.enterprises = r.value(3).toInt();
        b.issues = r.value(4).toInt();
        b.openIssues = r.value(5).toInt();
        b.summary = r.value(6).toString();
        return b;
    });
}

QList<RowId> SharedNeedQueries::linkedEnterprises(RowId visitId)
{
    QSqlQuery q = sql::prepare(
        connection(), QStringLiteral("SELECT enterprise_id FROM visit_enterprises WHERE visit_id = ? ORDER BY 1"));
    q.addBindValue(visitId);
    return readIds(q);
}

QList<RowId> SharedNeedQueries::linkedIssues(RowId visitId)
{
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT issue_id FROM visit_issues WHERE visit_id = ? ORDER BY 1"));
    q.addBindValue(visitId);
    return readIds(q);
}

} // namespace yg
