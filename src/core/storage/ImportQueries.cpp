#include "ImportQueries.h"

#include <algorithm>

namespace yg {

void ImportQueries::forEachEnterpriseKey(const std::function<void(RowId, const QString&, const QString&)>& fn)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT id, credit_code, name FROM enterprises"));
    q.setForwardOnly(true);
    sql::exec(q);
    while (q.next())
        fn(q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString());
    q.finish();
}

namespace {

std::optional<RowId> idOf(QSqlQuery& q, const QString& uuid)
{
    q.addBindValue(uuid);
    sql::exec(q);
    std::optional<RowId> id;
    if (q.next())
        id = q.value(0).toLongLong();
    q.finish();
    return id;
}

} // namespace

std::optional<RowId> ImportQueries::visitIdByUuid(const QString& uuid)
{
    return idOf(cached(QStringLiteral("SELECT id FROM visits WHERE uuid = ?")), uuid);
}

std::optional<RowId> ImportQueries::issueIdByUuid(const QString& uuid)
{
    return idOf(cached(QStringLiteral("SELECT id FROM issues WHERE uuid = ?")), uuid);
}

std::optional<ImportQueries::StoredVisit> ImportQueries::visitByUuid(const QString& uuid)
{
    QSqlQuery& q = cached(QStringLiteral(
        "SELECT v.id, v.visit_date, v.enterprise_id, v.kind, v.summary, v.author_id, "
        "(SELECT group_concat(cadre_id) FROM visit_cadres WHERE visit_id = v.id) FROM visits v WHERE v.uuid = ?"));
    q.addBindValue(uuid);
    sql::exec(q);
    std::optional<StoredVisit> found;
    if (q.next()) {
        StoredVisit v;
        v.id = q.value(0).toLongLong();
        v.date = sql::toDate(q.value(1));
        v.enterpriseId = q.value(2).toLongLong();
        v.kind = q.value(3).toString();
        v.summary = q.value(4).toString();
        v.authorId = q.value(5).toLongLong();
        for (const QString& id : q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            v.cadreIds.append(id.toLongLong());
        std::sort(v.cadreIds.begin(), v.cadreIds.end());
        found = std::move(v);
    }
    q.finish();
    return found;
}

} // namespace yg
