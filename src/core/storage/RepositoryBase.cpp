#include "RepositoryBase.h"

#include "storage/AuditLog.h"
#include "storage/Sql.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Uuid.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlRecord>

namespace yg {

void RepositoryBase::prepareNewMeta(RecordMeta& meta, QSqlQuery& q)
{
    if (meta.uuid.isEmpty())
        meta.uuid = newUuid();
    if (!meta.createdAt.isValid())
        meta.createdAt = Clock::nowUtc();
    if (!meta.updatedAt.isValid())
        meta.updatedAt = meta.createdAt;
    meta.version = 1;
    q.bindValue(QStringLiteral(":uuid"), meta.uuid);
    q.bindValue(QStringLiteral(":created_at"), Clock::toStorage(meta.createdAt));
    q.bindValue(QStringLiteral(":updated_at"), Clock::toStorage(meta.updatedAt));
}

RecordMeta RepositoryBase::readMeta(const QSqlQuery& q)
{
    RecordMeta m;
    m.id = q.value(0).toLongLong();
    m.uuid = q.value(1).toString();
    m.createdAt = Clock::fromStorage(q.value(2).toString());
    m.updatedAt = Clock::fromStorage(q.value(3).toString());
    m.version = q.value(4).toInt();
    return m;
}

void RepositoryBase::execOptimisticUpdate(QSqlQuery& q, const char* table, RecordMeta& meta, const QString& what,
                                          std::optional<RowId> actor, const std::function<void()>& alsoWrite)
{
    const QVariantMap before = m_db.auditing() ? snapshot(table, meta.id) : QVariantMap();
    if (!actor)
        actor = m_db.actor();
    const QDateTime now = Clock::nowUtc();
    q.bindValue(QStringLiteral(":id"), meta.id);
    q.bindValue(QStringLiteral(":version"), meta.version);
    q.bindValue(QStringLiteral(":updated_at"), Clock::toStorage(now));
    q.bindValue(QStringLiteral(":updated_by"), sql::idValue(actor));
    sql::exec(q);
    if (q.numRowsAffected() == 1) {
        meta.version += 1;
        meta.updatedAt = now;
        if (alsoWrite)
            alsoWrite();
        if (m_db.auditing())
            auditChanged(table, meta.id, meta.uuid, before, snapshot(table, meta.id));
        return;
    }
    // Nothing changed: the row is gone or someone saved a newer version first.
    throwStale(table, meta.id, what);
}

QVariantMap RepositoryBase::snapshot(const char* table, RowId id)
{
    return AuditLog::snapshot(connection(), QLatin1String(table), id);
}

void RepositoryBase::auditCreated(const char* table, RowId id, const QString& uuid)
{
    if (m_db.auditing())
        auditChanged(table, id, uuid, {}, snapshot(table, id), QStringLiteral("create"));
}

void RepositoryBase::auditChanged(const char* table, RowId id, const QString& uuid, const QVariantMap& before,
                                  const QVariantMap& after, const QString& action)
{
    const QJsonObject changes = AuditLog::changesBetween(before, after, action == QLatin1String("create"));
    if (changes.isEmpty() && action == QLatin1String("update"))
        return;
    AuditLog(m_db).append(m_db.actor(), QLatin1String(table), id > 0 ? std::optional<RowId>(id) : std::nullopt, uuid,
                          action, changes);
}

void RepositoryBase::throwStale(const char* table, RowId id, const QString& what)
{
    QSqlQuery s = sql::prepare(connection(), QStringLiteral("SELECT t.version, t.updated_at, c.name FROM %1 t "
                                                            "LEFT JOIN cadres c ON c.id = t.updated_by WHERE t.id = ?")
                                                 .arg(QLatin1String(table)));
    s.addBindValue(id);
    sql::exec(s);
    if (!s.next())
        throw Error(QCoreApplication::translate("yg::Storage", "%1 no longer exists.").arg(what));
    const QString who =
        s.value(2).isNull() ? QCoreApplication::translate("yg::Storage", "someone else") : s.value(2).toString();
    const QDateTime at = Clock::fromStorage(s.value(1).toString()).toTimeZone(Clock::districtZone());
    throw Error(QCoreApplication::translate("yg::Storage",
                                            "%1 was changed by %2 at %3 after you opened it; nothing was saved. "
                                            "Reload it and make your change again.")
                    .arg(what, who, at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
}

} // namespace yg
