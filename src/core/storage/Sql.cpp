#include "Sql.h"

#include "util/Error.h"

#include <QCoreApplication>
#include <QSqlError>

namespace yg::sql {

namespace {

[[noreturn]] void fail(const QSqlError& error, const QString& statement)
{
    QString text = error.databaseText();
    if (text.isEmpty())
        text = error.text();
    throw Error(QCoreApplication::translate("yg::Sql", "Database error: %1 (in: %2)")
                    .arg(text, statement.simplified().left(160)));
}

} // namespace

QSqlQuery prepare(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(statement))
        fail(q.lastError(), statement);
    return q;
}

void exec(QSqlQuery& query)
{
    if (!query.exec())
        fail(query.lastError(), query.lastQuery());
}

QSqlQuery execDirect(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(statement))
        fail(q.lastError(), statement);
    return q;
}

QVariant scalar(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q = execDirect(db, statement);
    QVariant v;
    if (q.next())
        v = q.value(0);
    q.finish();
    return v;
}

QVariant dateValue(const QDate& d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant idValue(const std::optional<RowId>& id)
{
    return id && *id > 0 ? QVariant(*id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

QDate toDate(const QVariant& v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

std::optional<RowId> toOptionalId(const QVariant& v)
{
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

} // namespace yg::sql
