#pragma once

#include "domain/Entities.h"

#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace yg {

/**
 * Issue steps against the audit trail. Every step written through the lifecycle has an audit
 * `create` entry holding its fields; steps written in bulk without one (the demo district,
 * a spreadsheet import, the steps of a database upgraded from before version 14) are
 * *sealed*: one `bulk` entry holds the SHA-256 of each run of kChunk of them. The chain of
 * entries cannot be changed unnoticed, so a step edited with the database's triggers dropped
 * no longer matches its entry or its seal, and problems() names it (or its run of steps).
 */
class AuditedSteps
{
public:
    static constexpr int kChunk = 512;

    explicit AuditedSteps(const QSqlDatabase& connection) : m_connection(connection) {}

    /**
     * Seals every step after the last seal that has no create entry (in the caller's
     * transaction); writes nothing when there is none. `what` says which write made them.
     */
    void sealUnaudited(std::optional<RowId> actor, const QString& what);

    /**
     * Compares every step with its create entry or its seal, and every create entry with
     * its step (streaming): one sentence per step (issue number, position, action) or run of
     * sealed steps that differs, is missing, or has no entry at all.
     */
    QStringList problems();

private:
    QSqlDatabase m_connection;
};

} // namespace yg
