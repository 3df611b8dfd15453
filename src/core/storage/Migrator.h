#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace yg {

/** One schema step: brings the schema from version-1 to version. */
struct MigrationStep
{
    int version = 0;
    QString name;
    QString script; ///< SQL statements separated by ';'
};

/**
 * Versioned schema upgrades. The version lives in the database (PRAGMA user_version);
 * the ordered steps are the files resources/sql/sqlite/NNN_name.sql. An upgrade from
 * version a to b runs every step a+1..b in ONE write transaction together with the new
 * version number, so it either completes or leaves the file exactly as it was.
 */
class Migrator
{
public:
    /** The steps compiled into this program, ordered; throws if the set has a gap. */
    static const QList<MigrationStep>& builtInSteps();
    static int latestVersion();

    /**
     * Upgrades db from its current version to target using steps. Throws yg::Error (after a
     * complete rollback) if a step fails. A fresh database also gets our application id.
     */
    static void migrate(QSqlDatabase& db, const QList<MigrationStep>& steps, int target);

    /** Splits an SQL script into statements (handles quotes, comments, trigger bodies). */
    static QStringList splitScript(const QString& script);
};

} // namespace yg
