#include "Database.h"

#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "util/Error.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QThread>

#include <atomic>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

struct Probe
{
    int applicationId = 0;
    int version = 0;
    int tables = 0;
};

/** Reads what we need to know about an existing file without any chance of writing it. */
Probe probe(const QString& path)
{
    const QString name = QStringLiteral("yg-probe-%1").arg(quintptr(QThread::currentThreadId()));
    Probe p;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDialect::driverName(), name);
        db.setDatabaseName(path);
        db.setConnectOptions(SqliteDialect::connectOptions(true));
        if (!db.open()) {
            const QString why = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            throw Error(QCoreApplication::translate("yg::Database", "The file %1 cannot be opened as a database: %2")
                            .arg(path, why));
        }
        try {
            p.applicationId = SqliteDialect::applicationId(db);
            p.version = SqliteDialect::schemaVersion(db);
            p.tables = SqliteDialect::userTableCount(db);
        } catch (const Error& e) {
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            throw Error(QCoreApplication::translate("yg::Database", "The file %1 is damaged or not a database: %2")
                            .arg(path, e.message()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return p;
}

} // namespace

QString Database::nextConnectionName(const char* kind)
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("yg-%1-%2").arg(QLatin1String(kind)).arg(counter.fetchAndAddRelaxed(1));
}

std::unique_ptr<Database> Database::open(const QString& path, const Options& options)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    const bool exists = info.exists();
    if (exists && !info.isFile())
        throw Error(QCoreApplication::translate("yg::Database", "%1 is not a file.").arg(shown));
    if (!exists && (!options.createIfMissing || options.readOnly))
        throw Error(QCoreApplication::translate("yg::Database", "The database %1 does not exist.").arg(shown));

    if (exists) {
        const QString why = SqliteDialect::checkFileHeader(path);
        if (!why.isEmpty())
            throw Error(QCoreApplication::translate("yg::Database", "%1 %2; it was left untouched.").arg(shown, why));
    }

    std::unique_ptr<Database> self(new Database);
    self->m_path = info.absoluteFilePath();
    self->m_readOnly = options.readOnly;
    self->m_ownerThread = QThread::currentThread();

    if (!options.readOnly) {
        self->m_lock = std::make_unique<QLockFile>(self->m_path + QStringLiteral(".lock"));
        self->m_lock->setStaleLockTime(0); // stale only when its process is gone
        if (!self->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            self->m_lock->getLockInfo(&pid, &host, &app);
            if (self->m_lock->error() == QLockFile::LockFailedError) {
                throw Error(QCoreApplication::translate(
                                "yg::Database",
                                "The database %1 is already open in another YueGong program (%2, process %3 on %4). "
                                "Close it there first, or open this file read-only.")
                                .arg(shown, app.isEmpty() ? QStringLiteral("?") : app)
                                .arg(pid)
                                .arg(host.isEmpty() ? QStringLiteral("?") : host));
            }
            throw Error(
                QCoreApplication::translate(
                    "yg::Database", "The database %1 cannot be locked for writing (no permission in its folder?).")
                    .arg(shown));
        }
    }

    const int latest = Migrator::latestVersion();
    if (exists) {
        const Probe p = probe(path);
        if (p.applicationId != SqliteDialect::kApplicationId) {
            throw Error(QCoreApplication::translate(
                            "yg::Database",
                            "%1 is an SQLite database of another program, not a YueGong database; it was left "
                            "untouched.")
                            .arg(shown));
        }
        if (p.version > latest) {
            throw Error(QCoreApplication::translate(
                            "yg::Database",
                            "%1 was written by a newer version of YueGong (database version %2; this program knows "
                            "up to %3). Install the newer YueGong to open it; the file was left untouched.")
                            .arg(shown)
                            .arg(p.version)
                            .arg(latest));
        }
        if (p.version < latest && options.readOnly) {
            throw Error(
                QCoreApplication::translate(
                    "yg::Database", "%1 has database version %2 and needs an upgrade to %3; open it once for writing.")
                    .arg(shown)
                    .arg(p.version)
                    .arg(latest));
        }
    }

    if (!exists) {
        // Create the file owner-only before SQLite opens it: the -wal and -shm files SQLite
        // makes later take the database file's permissions.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            throw Error(QCoreApplication::translate("yg::Database", "The database %1 cannot be created: %2")
                            .arg(shown, file.errorString()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    self->m_connectionName = nextConnectionName(options.readOnly ? "ro" : "rw");
    QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDialect::driverName(), self->m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(SqliteDialect::connectOptions(options.readOnly));
    if (!db.open())
        throw Error(QCoreApplication::translate("yg::Database", "The database %1 cannot be opened: %2")
                        .arg(shown, db.lastError().text()));
    SqliteDialect::configure(db, options.readOnly);
    if (!options.readOnly) {
        Migrator::migrate(db, Migrator::builtInSteps(), latest);
    }
    spdlog::info("opened database (schema {}, {})", SqliteDialect::schemaVersion(db),
                 options.readOnly ? "read-only" : "writer");
    return self;
}

Database::~Database()
{
    m_cache.clear();
    // Readers of other threads cannot be fetched from this one; removing them closes them.
    for (const QString& name : std::as_const(m_readerConnections))
        QSqlDatabase::removeDatabase(name);
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    // m_lock unlocks when destroyed, after the last connection has closed.
}

QSqlDatabase Database::connection() const
{
    if (QThread::currentThread() != m_ownerThread)
        return const_cast<Database*>(this)->readerForCurrentThread();
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlDatabase Database::readerForCurrentThread()
{
    QMutexLocker locker(&m_readerMutex);
    if (QThread::currentThread() == m_ownerThread && m_readOnly)
        return QSqlDatabase::database(m_connectionName, false);
    // One reader per thread and database, named by a counter: thread ids are reused after a
    // thread ends, and a connection of a finished thread must never be handed to a new one.
    thread_local QHash<QString, QString> readers;
    static std::atomic<quint64> counter{0};
    if (const auto it = readers.constFind(m_connectionName); it != readers.constEnd() && QSqlDatabase::contains(*it))
        return QSqlDatabase::database(*it, false);
    const QString name = QStringLiteral("%1-reader-%2").arg(m_connectionName).arg(++counter);
    readers.insert(m_connectionName, name);
    QSqlDatabase db = QSqlDatabase::addDatabase(SqliteDialect::driverName(), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(SqliteDialect::connectOptions(true));
    if (!db.open())
        throw Error(QCoreApplication::translate("yg::Database", "A reading connection to %1 cannot be opened: %2")
                        .arg(m_path, db.lastError().text()));
    SqliteDialect::configure(db, true);
    m_readerConnections.append(name);
    return db;
}

QSqlQuery& Database::cachedQuery(const QString& statement)
{
    if (QThread::currentThread() != m_ownerThread)
        throw Error(QStringLiteral("internal: cached statements belong to the thread that opened the database"));
    auto it = m_cache.find(statement);
    if (it == m_cache.end())
        it = m_cache.insert(statement, sql::prepare(connection(), statement));
    return it.value();
}

int Database::schemaVersion() const
{
    return SqliteDialect::schemaVersion(connection());
}

void Database::checkpoint()
{
    if (!m_readOnly)
        sql::execDirect(connection(), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).finish();
}

} // namespace yg
