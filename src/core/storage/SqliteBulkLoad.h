#pragma once

#include "storage/SqliteSearch.h"

#include <QStringList>

#include <functional>

namespace yg {

class Database;

/**
 * Loads many new records into a table and its link tables inside the caller's write
 * transaction the way SQLite does it fastest — SQLite only (a PostgreSQL backend would use
 * COPY and its own index handling here).
 *
 * begin() drops the secondary indexes of the tables (CREATE INDEX sorts once instead of
 * inserting every row into every B-tree at a random place) and defers the search index of
 * the records (the insert trigger does not run, see migration 8's search.deferred);
 * finish() creates the same indexes again and feeds the search index once, set-based, with
 * the records added since begin() (ids above the largest id before it: SQLite gives new
 * rows ids above every stored one). Updates and deletes in between keep their triggers, so
 * records stored before begin() stay correctly indexed; a record added in between must not
 * be changed in between.
 *
 * Both halves are statements of the caller's transaction: a rollback (an error, a cancel,
 * a killed process) leaves the database exactly as before, indexes included. Without
 * finish() the transaction must not commit.
 */
class SqliteBulkLoad
{
public:
    /** tables: the base table of `kind` first, then its link tables (e.g. visits, visit_cadres). */
    SqliteBulkLoad(Database& db, SearchKind kind, const QStringList& tables);
    SqliteBulkLoad(const SqliteBulkLoad&) = delete;
    SqliteBulkLoad& operator=(const SqliteBulkLoad&) = delete;

    void begin();
    /** `tick` is called after each index and every few thousand records fed to the search (progress; may throw). */
    void finish(const std::function<void()>& tick = {});

    /** Rows of a table (for the caller's rule of when to load in bulk). */
    static qint64 rowCount(Database& db, const QString& table);
    /** The CREATE INDEX statements of a table's own indexes, not those of its PRIMARY KEY or UNIQUE constraints. */
    static QStringList secondaryIndexes(Database& db, const QString& table);

private:
    Database& m_db;
    SearchKind m_kind;
    QStringList m_tables;
    QStringList m_indexes; ///< dropped by begin(), created by finish()
    RowId m_lastIdBefore = 0;
    bool m_deferredHere = false; ///< search.deferred was set by begin() (not already set by someone else)
    bool m_begun = false;
};

} // namespace yg
