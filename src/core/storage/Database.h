#pragma once

#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

class QThread;

#include <memory>
#include <optional>

#include "domain/Entities.h"

namespace yg {

/**
 * One YueGong database file and this process's connections to it.
 *
 * Safety on Debian's SQLite 3.40.1 (WAL-reset bug, see docs/architecture.md): the file
 * runs in WAL mode and exactly one connection of one process ever writes or checkpoints.
 * A writable Database takes the lock file "<file>.lock" first; a second process (app or
 * CLI) gets a clear "in use by" message instead of a connection. Connections for other
 * threads, and every connection of a read-only Database, are opened SQLITE_OPEN_READONLY.
 *
 * Opening never changes a file that is not ours: the header, application id and schema
 * version are read through a read-only connection before anything is written.
 *
 * Threading: the writer connection belongs to the thread that called open().
 */
class Database
{
public:
    struct Options
    {
        bool createIfMissing = true;
        bool readOnly = false;
    };

    /** Opens (creating or upgrading as needed); throws yg::Error with a plain message. */
    static std::unique_ptr<Database> open(const QString& path, const Options& options);
    static std::unique_ptr<Database> open(const QString& path) { return open(path, Options{}); }
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /**
     * The connection of the opening thread (the only writer unless read-only). Called from
     * any other thread it returns that thread's read-only connection, so code that only
     * reads (reports, figures) can run on a worker thread and can never write there.
     */
    QSqlDatabase connection() const;
    /** A read-only connection for the calling thread (created on first use). */
    QSqlDatabase readerForCurrentThread();

    /**
     * A prepared statement kept for the life of this Database (hot paths such as bulk
     * inserts). Do not nest two uses of the same key; call finish() after a SELECT.
     */
    QSqlQuery& cachedQuery(const QString& statement);

    QString path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    /** Runs a WAL checkpoint (TRUNCATE) on the writer connection. */
    void checkpoint();

    /**
     * The signed-in person whose changes the storage layer writes to the audit trail
     * (none: the system itself, e.g. a migration). Set once after sign-in.
     */
    void setActor(std::optional<RowId> actor) { m_actor = actor; }
    std::optional<RowId> actor() const { return m_actor; }
    /** Per-record audit entries on (default) or off for bulk generation, which audits itself. */
    void setAuditing(bool on) { m_auditing = on; }
    bool auditing() const { return m_auditing; }

private:
    Database() = default;
    static QString nextConnectionName(const char* kind);

    QString m_path;
    QString m_connectionName;
    bool m_readOnly = false;
    std::unique_ptr<QLockFile> m_lock;
    QHash<QString, QSqlQuery> m_cache;
    QStringList m_readerConnections;
    mutable QMutex m_readerMutex;
    QThread* m_ownerThread = nullptr;
    std::optional<RowId> m_actor;
    bool m_auditing = true;
};

} // namespace yg
