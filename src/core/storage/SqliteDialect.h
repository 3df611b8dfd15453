#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace yg {

/**
 * Everything that is specific to SQLite lives here (and in resources/sql/sqlite): the
 * driver, connection pragmas, how a write transaction starts, the file header, how the
 * schema version and application id are stored. A PostgreSQL backend will get its own
 * dialect; the rest of the code does not know which one it talks to.
 */
class SqliteDialect
{
public:
    /** PRAGMA application_id of a YueGong database ("YGJ1"). */
    static constexpr int kApplicationId = 0x59474A31;
    static constexpr int kBusyTimeoutMs = 5000;

    static QString driverName() { return QStringLiteral("QSQLITE"); }
    static QString migrationsDirectory() { return QStringLiteral(":/sql/sqlite"); }

    /** Connect options for Qt's driver; readOnly opens with SQLITE_OPEN_READONLY. */
    static QString connectOptions(bool readOnly);
    /** Pragmas run on every connection (foreign keys, busy timeout, journal, sync). */
    static void configure(QSqlDatabase& db, bool readOnly);

    static QString beginWriteStatement() { return QStringLiteral("BEGIN IMMEDIATE"); }

    /**
     * Reads the first bytes of an existing file without opening it through SQLite.
     * Returns an empty string when it is an SQLite 3 database, otherwise why not.
     */
    static QString checkFileHeader(const QString& path);

    static int applicationId(const QSqlDatabase& db);
    static void setApplicationId(QSqlDatabase& db, int id);
    static int schemaVersion(const QSqlDatabase& db);
    static void setSchemaVersion(QSqlDatabase& db, int version);
    static int userTableCount(const QSqlDatabase& db);
    static QString journalMode(const QSqlDatabase& db);
    /**
     * Copies the open database into a new file with SQLite's online backup API (the app
     * keeps working meanwhile), through `<dest>.part` renamed when complete; the file is
     * owner-only. Throws yg::Error if it fails (nothing is left at `dest`).
     */
    static void backupTo(const QSqlDatabase& db, const QString& dest);
    /**
     * The page cache of a connection in KiB (SQLite's default is 2 MiB). A bulk import
     * raises it for its transaction so that index pages stay in memory instead of being
     * spilled to the WAL and read back; returns the previous value to restore.
     */
    static int setCacheSizeKiB(QSqlDatabase& db, int kib);
    /** A larger page cache for one bulk write; the previous size comes back when it goes. */
    class ScopedCacheSize
    {
    public:
        ScopedCacheSize(QSqlDatabase& db, int kib);
        ~ScopedCacheSize();
        ScopedCacheSize(const ScopedCacheSize&) = delete;
        ScopedCacheSize& operator=(const ScopedCacheSize&) = delete;

    private:
        QSqlDatabase& m_db;
        int m_before;
    };
    /** Switches a finished file to a rollback journal, so it is one self-contained file. */
    static void useRollbackJournal(QSqlDatabase& db);

    /**
     * Statements of this connection that have started and not been reset or finished: an
     * idle program must have none (an open SELECT holds a read transaction that stalls WAL
     * checkpoints).
     */
    static int activeStatementCount(const QSqlDatabase& db);

    /** Rebuilds work_days from calendar_days (after the calendar changed). */
    static void rebuildWorkDayIndex(QSqlDatabase& db);
    /** SQLite's own checks (integrity_check, foreign_key_check); empty when the file is healthy. */
    static QStringList integrityProblems(const QSqlDatabase& db);
};

} // namespace yg
