#pragma once

#include "domain/Entities.h"

#include <QStringList>

namespace yg {

class Database;

/**
 * Backups and restores. A backup is a consistent copy made with SQLite's online backup
 * API while the app keeps working, one owner-only file named yuegong-YYYYMMDD-HHMMSS.sqlite.
 * A restore checks the backup first (SQLite integrity and references, our format and
 * version, every issue's history, the audit chain) and replaces nothing if anything is
 * wrong; the database it replaces is kept as a backup of its own.
 */
class BackupService
{
public:
    explicit BackupService(Database& db);

    /** Backs up now into `dir` (administrators). Returns the new file. */
    QString backupNow(const Cadre& actor, const QString& dir);
    /**
     * On the first start of a day: today's backup into `dir` unless there is one, then
     * only the newest `keep` backups are kept. Returns the new file, or empty if none was due.
     */
    QString dailyBackup(const QString& dir, int keep);

    /** <folder of the database>/backups */
    static QString defaultDirectory(const QString& databasePath);
    /** Problems of a backup file in plain words, empty when it can be restored; never changes it. */
    static QStringList verify(const QString& backupPath);
    /**
     * Replaces the database at `target` (not open anywhere) by `backupPath` after verify();
     * the replaced database is first saved as "<target>.replaced-<time>". Returns that path.
     */
    static QString restore(const QString& backupPath, const QString& target);

private:
    QString writeBackup(const QString& dir);
    Database& m_db;
};

} // namespace yg
