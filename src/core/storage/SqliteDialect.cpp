#include "SqliteDialect.h"

#include "storage/Sql.h"

#include <QCoreApplication>
#include <QFile>

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

} // namespace yg
