#pragma once

#include "domain/Entities.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QSqlQuery>

#include <QVariantMap>

#include <functional>
#include <optional>

namespace yg {

/**
 * Shared plumbing of the repositories. Convention: every SELECT of a record starts with
 * the columns id, uuid, created_at, updated_at, version (kMetaColumns), so readMeta()
 * reads them from column 0. Repositories do not open transactions of their own; their
 * callers wrap related writes in one WriteTransaction.
 */
class RepositoryBase
{
public:
    static constexpr const char* kMetaColumns = "id, uuid, created_at, updated_at, version";

protected:
    explicit RepositoryBase(Database& db) : m_db(db) {}

    QSqlDatabase connection() const { return m_db.connection(); }
    QSqlQuery& cached(const QString& statement) { return m_db.cachedQuery(statement); }

    /** Fills uuid (if empty), timestamps and version 1, and binds :uuid :created_at :updated_at. */
    static void prepareNewMeta(RecordMeta& meta, QSqlQuery& q);
    static RecordMeta readMeta(const QSqlQuery& q);

    /**
     * Runs an UPDATE ... WHERE id = :id AND version = :version prepared by the caller
     * (which must also set version = version + 1, updated_at, updated_by). If no row
     * changed, the copy was stale: throws "changed by X at T". On success bumps meta.
     */
    void execOptimisticUpdate(QSqlQuery& q, const char* table, RecordMeta& meta, const QString& what,
                              std::optional<RowId> actor, const std::function<void()>& alsoWrite = {});

    /**
     * The audited values of a row: its columns minus bookkeeping and secrets, plus the
     * linked ids of a cadre (towns) or a visit (cadres).
     */
    QVariantMap snapshot(const char* table, RowId id);
    /** Audits a new row (call after the row and its links are written). */
    void auditCreated(const char* table, RowId id, const QString& uuid);
    /** Audits the changed fields between two snapshots, if any changed. */
    void auditChanged(const char* table, RowId id, const QString& uuid, const QVariantMap& before,
                      const QVariantMap& after, const QString& action = QStringLiteral("update"));
    /** Throws "what was changed by X at T ..." (or "no longer exists") for a stale copy of the row. */
    [[noreturn]] void throwStale(const char* table, RowId id, const QString& what);

    /** Executes q and reads every row with read(q); finishes the statement. */
    template<typename T, typename Read> static QList<T> readAll(QSqlQuery& q, Read read)
    {
        sql::exec(q);
        QList<T> out;
        while (q.next())
            out.append(read(q));
        q.finish();
        return out;
    }

    template<typename T> static std::optional<T> firstOf(QList<T> list)
    {
        if (list.isEmpty())
            return std::nullopt;
        return std::move(list.first());
    }

    Database& m_db;
};

} // namespace yg
