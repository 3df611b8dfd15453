#include "ImportQueries.h"

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

} // namespace yg
