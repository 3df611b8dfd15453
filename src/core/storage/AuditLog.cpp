#include "AuditLog.h"

#include "storage/Database.h"
#include "storage/Sql.h"
#include "util/Clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

namespace yg {

namespace {

const QString kGenesis = QStringLiteral("0000000000000000000000000000000000000000000000000000000000000000");

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString whereOf(const AuditFilter& f, QVariantList* values)
{
    QStringList parts;
    if (!f.table.isEmpty()) {
        parts << QStringLiteral("a.table_name = ?");
        *values << f.table;
    }
    if (f.recordId) {
        parts << QStringLiteral("a.record_id = ?");
        *values << *f.recordId;
    }
    if (f.actorId) {
        parts << QStringLiteral("a.actor_id = ?");
        *values << *f.actorId;
    }
    if (f.visibleTo) {
        const QString seen = QStringLiteral(
            "(i.owner_id = :me OR i.owner_id IN (SELECT m.id FROM cadres m JOIN cadre_groups g ON g.id = m.group_id "
            "WHERE g.supervisor_id = :me OR g.id = (SELECT group_id FROM cadres WHERE id = :me)))");
        QString clause =
            QStringLiteral("(a.table_name NOT IN ('issues', 'issue_events', 'visits', 'meetings', 'meeting_items') "
                           "OR (a.table_name = 'issues' AND a.record_id IN (SELECT i.id FROM issues i WHERE %1)) "
                           "OR (a.table_name = 'issue_events' AND a.record_id IN (SELECT x.id FROM issue_events x "
                           "JOIN issues i ON i.id = x.issue_id WHERE %1)) "
                           "OR (a.table_name = 'visits' AND a.record_id IN (SELECT v.id FROM visits v JOIN cadres m "
                           "ON m.id = v.author_id JOIN cadre_groups g ON g.id = m.group_id WHERE g.supervisor_id = "
                           ":me OR g.id = (SELECT group_id FROM cadres WHERE id = :me))) "
                           // a group's meetings: its supervisor and its cadres (MeetingService's readers)
                           "OR (a.table_name = 'meetings' AND a.record_id IN (SELECT mt.id FROM meetings mt JOIN "
                           "cadre_groups g ON g.id = mt.group_id WHERE g.supervisor_id = :me OR g.id = (SELECT "
                           "group_id FROM cadres WHERE id = :me))) "
                           "OR (a.table_name = 'meeting_items' AND a.record_id IN (SELECT mi.id FROM meeting_items mi "
                           "JOIN meetings mt ON mt.id = mi.meeting_id JOIN cadre_groups g ON g.id = mt.group_id WHERE "
                           "g.supervisor_id = :me OR g.id = (SELECT group_id FROM cadres WHERE id = :me))))")
                .arg(seen);
        // Positional binding: expand the named marker into one ? per use.
        const int uses = static_cast<int>(clause.count(QStringLiteral(":me")));
        clause.replace(QStringLiteral(":me"), QStringLiteral("?"));
        parts << clause;
        for (int n = 0; n < uses; ++n)
            *values << *f.visibleTo;
    }
    if (f.from.isValid()) {
        parts << QStringLiteral("a.at >= ?");
        *values << QDateTime(f.from, QTime(0, 0), Clock::districtZone()).toUTC().toString(Qt::ISODateWithMs);
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("a.at < ?");
        *values << QDateTime(f.to.addDays(1), QTime(0, 0), Clock::districtZone()).toUTC().toString(Qt::ISODateWithMs);
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

AuditLog::AuditLog(Database& db) : m_db(db) {}

QString AuditLog::hashOf(const QString& prevHash, const QString& at, std::optional<RowId> actor, const QString& table,
                         std::optional<RowId> recordId, const QString& recordUuid, const QString& action,
                         const QString& changesJson)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QStringList parts{prevHash,
                            at,
                            actor ? QString::number(*actor) : QString(),
                            table,
                            recordId ? QString::number(*recordId) : QString(),
                            recordUuid,
                            action,
                            changesJson};
    h.addData(parts.join(QChar(0x1f)).toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

namespace {

/** Appends one entry through the two statements given (cached or prepared by the caller). */
void appendThrough(QSqlQuery& last, QSqlQuery& insert, std::optional<RowId> actor, const QString& table,
                   std::optional<RowId> recordId, const QString& recordUuid, const QString& action,
                   const QJsonObject& changes)
{
    // What is hashed must be exactly what is stored: ids <= 0 are stored as NULL.
    if (actor && *actor <= 0)
        actor.reset();
    if (recordId && *recordId <= 0)
        recordId.reset();
    sql::exec(last);
    const QString prev = last.next() ? last.value(0).toString() : kGenesis;
    last.finish();
    const QString at = Clock::toStorage(Clock::nowUtc());
    const QString json = compact(changes);
    insert.addBindValue(at);
    insert.addBindValue(sql::idValue(actor));
    insert.addBindValue(table);
    insert.addBindValue(sql::idValue(recordId));
    insert.addBindValue(sql::textOrNull(recordUuid));
    insert.addBindValue(action);
    insert.addBindValue(json);
    insert.addBindValue(prev);
    insert.addBindValue(AuditLog::hashOf(prev, at, actor, table, recordId, recordUuid, action, json));
    sql::exec(insert);
}

const QString kLastHash = QStringLiteral("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
const QString kInsertEntry =
    QStringLiteral("INSERT INTO audit_log (at, actor_id, table_name, record_id, record_uuid, action, changes, "
                   "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

} // namespace

void AuditLog::append(std::optional<RowId> actor, const QString& table, std::optional<RowId> recordId,
                      const QString& recordUuid, const QString& action, const QJsonObject& changes)
{
    appendThrough(m_db.cachedQuery(kLastHash), m_db.cachedQuery(kInsertEntry), actor, table, recordId, recordUuid,
                  action, changes);
}

void AuditLog::append(const QSqlDatabase& connection, std::optional<RowId> actor, const QString& table,
                      std::optional<RowId> recordId, const QString& recordUuid, const QString& action,
                      const QJsonObject& changes)
{
    QSqlQuery last = sql::prepare(connection, kLastHash);
    QSqlQuery insert = sql::prepare(connection, kInsertEntry);
    appendThrough(last, insert, actor, table, recordId, recordUuid, action, changes);
}

QVariantMap AuditLog::snapshot(const QSqlDatabase& connection, const QString& table, RowId id)
{
    static const QStringList skipped{QStringLiteral("id"),
                                     QStringLiteral("uuid"),
                                     QStringLiteral("created_at"),
                                     QStringLiteral("updated_at"),
                                     QStringLiteral("updated_by"),
                                     QStringLiteral("version"),
                                     QStringLiteral("password_hash"),
                                     QStringLiteral("failed_sign_ins"),
                                     QStringLiteral("last_failed_sign_in")};
    QVariantMap values;
    QSqlQuery q = sql::prepare(connection, QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table));
    q.addBindValue(id);
    sql::exec(q);
    if (!q.next())
        return values;
    const QSqlRecord r = q.record();
    for (int i = 0; i < r.count(); ++i) {
        if (!skipped.contains(r.fieldName(i)))
            values.insert(r.fieldName(i), q.value(i));
    }
    q.finish();
    auto linked = [&](const QString& statement, const QString& key) {
        QSqlQuery l = sql::prepare(connection, statement);
        l.addBindValue(id);
        sql::exec(l);
        QVariantList ids;
        while (l.next())
            ids << l.value(0);
        l.finish();
        values.insert(key, ids);
    };
    if (table == QLatin1String("cadres"))
        linked(QStringLiteral("SELECT town_id FROM cadre_towns WHERE cadre_id = ? ORDER BY town_id"),
               QStringLiteral("towns"));
    else if (table == QLatin1String("visits"))
        linked(QStringLiteral("SELECT cadre_id FROM visit_cadres WHERE visit_id = ? ORDER BY position"),
               QStringLiteral("cadres"));
    else if (table == QLatin1String("meetings"))
        linked(QStringLiteral("SELECT cadre_id FROM meeting_attendees WHERE meeting_id = ? ORDER BY position"),
               QStringLiteral("attendees"));
    return values;
}

QJsonObject AuditLog::changesBetween(const QVariantMap& before, const QVariantMap& after, bool creating)
{
    QJsonObject changes;
    QStringList keys = after.keys();
    for (const QString& k : before.keys()) {
        if (!after.contains(k))
            keys << k;
    }
    for (const QString& key : keys) {
        const QVariant old = before.value(key);
        const QVariant now = after.value(key);
        if (old == now && old.isNull() == now.isNull())
            continue;
        if (creating && now.isNull())
            continue;
        changes.insert(key, QJsonArray{QJsonValue::fromVariant(old), QJsonValue::fromVariant(now)});
    }
    return changes;
}

qint64 AuditLog::count(const AuditFilter& filter)
{
    QVariantList values;
    QSqlQuery q =
        sql::prepare(m_db.connection(), QStringLiteral("SELECT count(*) FROM audit_log a") + whereOf(filter, &values));
    for (const QVariant& v : values)
        q.addBindValue(v);
    sql::exec(q);
    const qint64 n = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return n;
}

QList<AuditEntry> AuditLog::entries(const AuditFilter& filter, int offset, int limit)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(
        m_db.connection(), QStringLiteral("SELECT a.id, a.at, a.actor_id, c.name, a.table_name, a.record_id, "
                                          "a.record_uuid, a.action, a.changes, a.prev_hash, a.hash FROM audit_log a "
                                          "LEFT JOIN cadres c ON c.id = a.actor_id") +
                               whereOf(filter, &values) + QStringLiteral(" ORDER BY a.id DESC LIMIT ? OFFSET ?"));
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    sql::exec(q);
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.value(0).toLongLong();
        e.at = Clock::fromStorage(q.value(1).toString());
        e.actorId = sql::toOptionalId(q.value(2));
        e.actorName = q.value(3).toString();
        e.table = q.value(4).toString();
        e.recordId = sql::toOptionalId(q.value(5));
        e.recordUuid = q.value(6).toString();
        e.action = q.value(7).toString();
        e.changes = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
        e.prevHash = q.value(9).toString();
        e.hash = q.value(10).toString();
        out.append(e);
    }
    q.finish();
    return out;
}

std::pair<qint64, QString> AuditLog::head()
{
    QSqlQuery q = sql::execDirect(m_db.connection(), QStringLiteral("SELECT (SELECT count(*) FROM audit_log), "
                                                                    "(SELECT hash FROM audit_log ORDER BY id DESC "
                                                                    "LIMIT 1)"));
    std::pair<qint64, QString> h;
    if (q.next())
        h = {q.value(0).toLongLong(), q.value(1).toString()};
    q.finish();
    return h;
}

RowId AuditLog::firstBrokenEntry()
{
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("SELECT id, at, actor_id, table_name, record_id, record_uuid, action, "
                                              "changes, prev_hash, hash FROM audit_log ORDER BY id"));
    sql::exec(q);
    QString prev = kGenesis;
    RowId broken = 0;
    while (q.next()) {
        const QString expected =
            hashOf(prev, q.value(1).toString(), sql::toOptionalId(q.value(2)), q.value(3).toString(),
                   sql::toOptionalId(q.value(4)), q.value(5).toString(), q.value(6).toString(), q.value(7).toString());
        if (q.value(8).toString() != prev || q.value(9).toString() != expected) {
            broken = q.value(0).toLongLong();
            break;
        }
        prev = q.value(9).toString();
    }
    q.finish();
    return broken;
}

} // namespace yg
