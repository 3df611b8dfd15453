#include "SqliteBulkLoad.h"

#include "storage/Database.h"
#include "storage/Sql.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

/** (name, CREATE statement) of a table's own indexes, in creation order. */
QList<std::pair<QString, QString>> indexesOf(const QSqlDatabase& c, const QString& table)
{
    // Constraint indexes (sqlite_autoindex_*) have no SQL and cannot be dropped.
    QSqlQuery q = sql::prepare(c, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                                 "tbl_name = ? AND sql IS NOT NULL ORDER BY rowid"));
    q.addBindValue(table);
    sql::exec(q);
    QList<std::pair<QString, QString>> indexes;
    while (q.next())
        indexes.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    return indexes;
}

} // namespace

SqliteBulkLoad::SqliteBulkLoad(Database& db, SearchKind kind, const QStringList& tables)
    : m_db(db), m_kind(kind), m_tables(tables)
{}

qint64 SqliteBulkLoad::rowCount(Database& db, const QString& table)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table)).toLongLong();
}

QStringList SqliteBulkLoad::secondaryIndexes(Database& db, const QString& table)
{
    QStringList statements;
    for (const auto& index : indexesOf(db.connection(), table))
        statements << index.second;
    return statements;
}

void SqliteBulkLoad::begin()
{
    if (m_begun)
        throw Error(QStringLiteral("SqliteBulkLoad::begin called twice"));
    const QSqlDatabase c = m_db.connection();
    m_lastIdBefore =
        sql::scalar(c, QStringLiteral("SELECT coalesce(max(id), 0) FROM \"%1\"").arg(m_tables.value(0))).toLongLong();
    m_deferredHere = !sql::scalar(c, QStringLiteral("SELECT 1 FROM settings WHERE key = 'search.deferred'")).isValid();
    if (m_deferredHere)
        SqliteSearch(m_db).setIndexingDeferred(true);
    for (const QString& table : std::as_const(m_tables)) {
        for (const auto& [name, statement] : indexesOf(c, table)) {
            sql::execDirect(c, QStringLiteral("DROP INDEX \"%1\"").arg(name)).finish();
            m_indexes << statement;
        }
    }
    m_begun = true;
    spdlog::info("bulk load: {} indexes dropped, new rows after id {}", m_indexes.size(), m_lastIdBefore);
}

void SqliteBulkLoad::finish(const std::function<void()>& tick)
{
    if (!m_begun)
        throw Error(QStringLiteral("SqliteBulkLoad::finish without begin"));
    const QSqlDatabase c = m_db.connection();
    QElapsedTimer t;
    t.start();
    for (const QString& statement : std::as_const(m_indexes)) {
        sql::execDirect(c, statement).finish();
        if (tick)
            tick();
    }
    const qint64 indexMs = t.restart();
    if (m_deferredHere) {
        SqliteSearch search(m_db);
        search.indexRecordsAfter(m_kind, m_lastIdBefore, tick);
        search.setIndexingDeferred(false);
    }
    m_begun = false;
    spdlog::info("bulk load: {} indexes created again in {} ms, search fed in {} ms", m_indexes.size(), indexMs,
                 t.elapsed());
    m_indexes.clear();
}

} // namespace yg
