#pragma once

#include "domain/Entities.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>

#include <functional>
#include <optional>

namespace yg {

class Database;

/** One entry of the audit trail. */
struct AuditEntry
{
    RowId id = 0;
    QDateTime at;
    std::optional<RowId> actorId;
    QString actorName;
    QString table;
    std::optional<RowId> recordId;
    QString recordUuid;
    QString action;      ///< create, update, delete, sign_in, account, bulk
    QJsonObject changes; ///< field → [old, new]
    QString prevHash;
    QString hash;
};

struct AuditFilter
{
    QString table;
    std::optional<RowId> recordId;
    std::optional<RowId> actorId;
    QDate from;
    QDate to;
    /**
     * For a supervisor: only entries of issues, issue steps and visits of the groups they
     * may see (other records — reference data, accounts — stay visible).
     */
    std::optional<RowId> visibleTo;
};

/**
 * The append-only audit trail. Entries are written by the storage layer in the caller's
 * transaction (so a change without its entry cannot be committed); the database refuses
 * UPDATE and DELETE of entries; each entry's hash covers its content and the previous
 * entry's hash, so editing or removing one behind the app's back breaks the chain.
 */
class AuditLog
{
public:
    explicit AuditLog(Database& db);

    void append(std::optional<RowId> actor, const QString& table, std::optional<RowId> recordId,
                const QString& recordUuid, const QString& action, const QJsonObject& changes);
    /** The same on a bare connection (the migrator's, before a Database exists). */
    static void append(const QSqlDatabase& connection, std::optional<RowId> actor, const QString& table,
                       std::optional<RowId> recordId, const QString& recordUuid, const QString& action,
                       const QJsonObject& changes);

    /**
     * The audited values of a row: its columns minus bookkeeping and secrets, plus the
     * linked ids of a cadre (towns) or a visit (cadres). Empty if there is no such row.
     */
    static QVariantMap snapshot(const QSqlDatabase& connection, const QString& table, RowId id);
    /** Field → [old, new] of the values that differ; for a new record only the fields that are set. */
    static QJsonObject changesBetween(const QVariantMap& before, const QVariantMap& after, bool creating);

    qint64 count(const AuditFilter& filter);
    QList<AuditEntry> entries(const AuditFilter& filter, int offset, int limit);

    /** The number of entries and the newest hash (to compare between checks). */
    std::pair<qint64, QString> head();
    /** Walks the whole chain (streaming); returns the id of the first broken entry, or 0. */
    RowId firstBrokenEntry();

    static QString hashOf(const QString& prevHash, const QString& at, std::optional<RowId> actor, const QString& table,
                          std::optional<RowId> recordId, const QString& recordUuid, const QString& action,
                          const QString& changesJson);

private:
    Database& m_db;
};

} // namespace yg
