#include "SqliteDialect.h"

#include <cstdlib>

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDriver>

#include <sqlite3.h>

#include "util/Error.h"

#include <spdlog/spdlog.h>

namespace yg {

QString SqliteDialect::connectOptions(bool readOnly)
{
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    return options;
}

void SqliteDialect::configure(QSqlDatabase& db, bool readOnly)
{
    sql::execDirect(db, QStringLiteral("PRAGMA foreign_keys = ON"));
    sql::execDirect(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs));
    if (!readOnly) {
        // WAL lets the GUI read while it writes; only this one connection of this one
        // process ever writes or checkpoints (see Database and docs/architecture.md).
        sql::execDirect(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        // Case records must survive a power cut: FULL syncs the WAL on every commit.
        sql::execDirect(db, QStringLiteral("PRAGMA synchronous = FULL"));
    }
}

QString SqliteDialect::checkFileHeader(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("yg::Database", "cannot be read (%1)").arg(f.errorString());
    const QByteArray head = f.read(100);
    if (head.isEmpty())
        return QCoreApplication::translate("yg::Database", "is an empty file, not a YueGong database");
    if (head.size() < 100 || !head.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return QCoreApplication::translate("yg::Database", "is not an SQLite database file");
    return {};
}

int SqliteDialect::applicationId(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("PRAGMA application_id")).toInt();
}

void SqliteDialect::setApplicationId(QSqlDatabase& db, int id)
{
    sql::execDirect(db, QStringLiteral("PRAGMA application_id = %1").arg(id));
}

int SqliteDialect::schemaVersion(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("PRAGMA user_version")).toInt();
}

void SqliteDialect::setSchemaVersion(QSqlDatabase& db, int version)
{
    sql::execDirect(db, QStringLiteral("PRAGMA user_version = %1").arg(version));
}

int SqliteDialect::userTableCount(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                          "AND name NOT LIKE 'sqlite_%'"))
        .toInt();
}

QString SqliteDialect::journalMode(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("PRAGMA journal_mode")).toString();
}

void SqliteDialect::backupTo(const QSqlDatabase& db, const QString& dest)
{
    // Qt's documented way to reach the driver's sqlite3 handle.
    const QVariant handle = db.driver()->handle();
    sqlite3* source = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                          ? *static_cast<sqlite3* const*>(handle.constData())
                          : nullptr;
    if (!source)
        throw Error(QCoreApplication::translate("yg::Database", "The database is not open."));
    const QString part = dest + QStringLiteral(".part");
    QFile::remove(part);
    sqlite3* target = nullptr;
    auto fail = [&](const QString& why) {
        if (target)
            sqlite3_close(target);
        QFile::remove(part);
        throw Error(
            QCoreApplication::translate("yg::Database", "The backup %1 could not be written: %2").arg(dest, why));
    };
    if (sqlite3_open_v2(QFile::encodeName(part).constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK)
        fail(QString::fromUtf8(sqlite3_errmsg(target)));
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (!backup)
        fail(QString::fromUtf8(sqlite3_errmsg(target)));
    int rc = SQLITE_OK;
    // Copy in steps so other work on the source can go on between them.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        fail(QString::fromUtf8(sqlite3_errstr(rc)));
    // A backup is one self-contained file: a rollback journal, no -wal beside it.
    sqlite3_exec(target, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (sqlite3_close(target) != SQLITE_OK)
        fail(QStringLiteral("close"));
    target = nullptr;
    QFile::setPermissions(part, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(dest);
    if (!QFile::rename(part, dest))
        fail(QStringLiteral("rename"));
}

int SqliteDialect::setCacheSizeKiB(QSqlDatabase& db, int kib)
{
    // Negative values are KiB in SQLite; positive ones are pages.
    const int before = sql::scalar(db, QStringLiteral("PRAGMA cache_size")).toInt();
    sql::execDirect(db, QStringLiteral("PRAGMA cache_size = %1").arg(-std::abs(kib))).finish();
    return before < 0 ? -before : before * 4;
}

SqliteDialect::ScopedCacheSize::ScopedCacheSize(QSqlDatabase& db, int kib)
    : m_db(db), m_before(SqliteDialect::setCacheSizeKiB(db, kib))
{}

SqliteDialect::ScopedCacheSize::~ScopedCacheSize()
{
    try {
        SqliteDialect::setCacheSizeKiB(m_db, m_before);
    } catch (const Error& e) {
        spdlog::warn("the page cache size could not be restored: {}", e.what());
    }
}

void SqliteDialect::useRollbackJournal(QSqlDatabase& db)
{
    sql::execDirect(db, QStringLiteral("PRAGMA journal_mode = DELETE")).finish();
}

void SqliteDialect::rebuildWorkDayIndex(QSqlDatabase& db)
{
    sql::execDirect(db, QStringLiteral("DELETE FROM work_days"));
    sql::execDirect(
        db, QStringLiteral("WITH RECURSIVE d(day) AS (SELECT '2020-01-01' UNION ALL SELECT date(day, '+1 day') FROM d "
                           "WHERE day < '2040-12-31') INSERT INTO work_days (day, ordinal) SELECT d.day, SUM(CASE "
                           "WHEN c.kind = 'holiday' THEN 0 WHEN c.kind = 'workday' THEN 1 WHEN strftime('%w', d.day) "
                           "IN ('0', '6') THEN 0 ELSE 1 END) OVER (ORDER BY d.day) FROM d LEFT JOIN calendar_days c "
                           "ON c.day = d.day"));
}

QStringList SqliteDialect::integrityProblems(const QSqlDatabase& db)
{
    QStringList problems;
    QSqlQuery q = sql::execDirect(db, QStringLiteral("PRAGMA integrity_check"));
    while (q.next()) {
        if (q.value(0).toString() != QLatin1String("ok"))
            problems << q.value(0).toString();
    }
    q.finish();
    QSqlQuery fk = sql::execDirect(db, QStringLiteral("PRAGMA foreign_key_check"));
    while (fk.next()) {
        problems << QCoreApplication::translate("yg::Database", "row %1 of table %2 points to a missing row of %3")
                        .arg(fk.value(1).toString(), fk.value(0).toString(), fk.value(2).toString());
    }
    fk.finish();
    return problems;
}

int SqliteDialect::activeStatementCount(const QSqlDatabase& db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return 0;
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.constData());
    int busy = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(connection, nullptr); s; s = sqlite3_next_stmt(connection, s))
        busy += sqlite3_stmt_busy(s) ? 1 : 0;
    return busy;
}

} // namespace yg
