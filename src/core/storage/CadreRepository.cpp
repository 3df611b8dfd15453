#include "CadreRepository.h"

#include "domain/Validation.h"
#include "storage/Sql.h"

#include <QCoreApplication>

namespace yg {

namespace {

const QString kSelectGroup = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, name, supervisor_id "
                                            "FROM cadre_groups");
const QString kSelectCadre = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, name, role, group_id, "
                                            "active_from, active_to, weekly_quota, resident FROM cadres");

} // namespace

void CadreRepository::insert(CadreGroup& g)
{
    if (g.name.trimmed().isEmpty())
        throwIfInvalid(QCoreApplication::translate("yg::Storage", "Group"),
                       {QCoreApplication::translate("yg::Storage", "the group name is empty")});
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO cadre_groups (uuid, name, supervisor_id, created_at, updated_at) "
                                         "VALUES (:uuid, :name, :supervisor, :created_at, :updated_at)"));
    prepareNewMeta(g.meta, q);
    q.bindValue(QStringLiteral(":name"), g.name.trimmed());
    q.bindValue(QStringLiteral(":supervisor"), sql::idValue(g.supervisorId));
    sql::exec(q);
    g.meta.id = q.lastInsertId().toLongLong();
    auditCreated("cadre_groups", g.meta.id, g.meta.uuid);
}

void CadreRepository::update(CadreGroup& g, std::optional<RowId> actor)
{
    if (g.name.trimmed().isEmpty())
        throwIfInvalid(QCoreApplication::translate("yg::Storage", "Group"),
                       {QCoreApplication::translate("yg::Storage", "the group name is empty")});
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadre_groups SET name = :name, "
                                                            "supervisor_id = :supervisor, updated_at = :updated_at, "
                                                            "updated_by = :updated_by, version = version + 1 "
                                                            "WHERE id = :id AND version = :version"));
    q.bindValue(QStringLiteral(":name"), g.name.trimmed());
    q.bindValue(QStringLiteral(":supervisor"), sql::idValue(g.supervisorId));
    execOptimisticUpdate(q, "cadre_groups", g.meta,
                         QCoreApplication::translate("yg::Storage", "The group %1").arg(g.name), actor);
}

static CadreGroup readGroup(const QSqlQuery& q, RecordMeta meta)
{
    CadreGroup g;
    g.meta = std::move(meta);
    g.name = q.value(5).toString();
    g.supervisorId = sql::toOptionalId(q.value(6));
    return g;
}

std::optional<CadreGroup> CadreRepository::group(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectGroup + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<CadreGroup>(q, [](const QSqlQuery& r) { return readGroup(r, readMeta(r)); }));
}

QList<CadreGroup> CadreRepository::groups()
{
    QSqlQuery q = sql::prepare(connection(), kSelectGroup + QStringLiteral(" ORDER BY id"));
    return readAll<CadreGroup>(q, [](const QSqlQuery& r) { return readGroup(r, readMeta(r)); });
}

static void bindCadre(QSqlQuery& q, const Cadre& c)
{
    q.bindValue(QStringLiteral(":name"), c.name.trimmed());
    q.bindValue(QStringLiteral(":role"), toKey(c.role));
    q.bindValue(QStringLiteral(":group_id"), sql::idValue(c.groupId));
    q.bindValue(QStringLiteral(":active_from"), sql::dateValue(c.activeFrom));
    q.bindValue(QStringLiteral(":active_to"), sql::dateValue(c.activeTo));
    q.bindValue(QStringLiteral(":quota"), c.weeklyQuota);
    q.bindValue(QStringLiteral(":resident"), c.resident ? 1 : 0);
}

void CadreRepository::insert(Cadre& c)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Cadre %1").arg(c.name), validate(c));
    QSqlQuery& q = cached(QStringLiteral(
        "INSERT INTO cadres (uuid, name, role, group_id, active_from, active_to, weekly_quota, resident, "
        "created_at, updated_at) VALUES (:uuid, :name, :role, :group_id, :active_from, :active_to, :quota, "
        ":resident, :created_at, :updated_at)"));
    prepareNewMeta(c.meta, q);
    bindCadre(q, c);
    sql::exec(q);
    c.meta.id = q.lastInsertId().toLongLong();
    writeTowns(c);
    auditCreated("cadres", c.meta.id, c.meta.uuid);
}

void CadreRepository::update(Cadre& c, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Cadre %1").arg(c.name), validate(c));
    QSqlQuery q = sql::prepare(
        connection(), QStringLiteral("UPDATE cadres SET name = :name, role = :role, group_id = :group_id, "
                                     "active_from = :active_from, active_to = :active_to, weekly_quota = :quota, "
                                     "resident = :resident, updated_at = :updated_at, updated_by = :updated_by, "
                                     "version = version + 1 WHERE id = :id AND version = :version"));
    bindCadre(q, c);
    execOptimisticUpdate(q, "cadres", c.meta, QCoreApplication::translate("yg::Storage", "The cadre %1").arg(c.name),
                         actor, [&] { writeTowns(c); });
}

void CadreRepository::writeTowns(const Cadre& c)
{
    QSqlQuery& del = cached(QStringLiteral("DELETE FROM cadre_towns WHERE cadre_id = ?"));
    del.addBindValue(c.meta.id);
    sql::exec(del);
    QSqlQuery& ins = cached(QStringLiteral("INSERT INTO cadre_towns (cadre_id, town_id) VALUES (?, ?)"));
    for (RowId town : c.townIds) {
        ins.addBindValue(c.meta.id);
        ins.addBindValue(town);
        sql::exec(ins);
    }
}

QList<RowId> CadreRepository::townsOf(RowId cadreId)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT town_id FROM cadre_towns WHERE cadre_id = ? "
                                                            "ORDER BY town_id"));
    q.addBindValue(cadreId);
    return readAll<RowId>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
}

QList<Cadre> CadreRepository::select(const QString& where, const QVariantList& values)
{
    QSqlQuery q = sql::prepare(connection(), kSelectCadre + where);
    for (const QVariant& v : values)
        q.addBindValue(v);
    QList<Cadre> out = readAll<Cadre>(q, [](const QSqlQuery& r) {
        Cadre c;
        c.meta = readMeta(r);
        c.name = r.value(5).toString();
        c.role = fromKey<Role>(r.value(6).toString()).value_or(Role::Cadre);
        c.groupId = sql::toOptionalId(r.value(7));
        c.activeFrom = sql::toDate(r.value(8));
        c.activeTo = sql::toDate(r.value(9));
        c.weeklyQuota = r.value(10).toInt();
        c.resident = r.value(11).toInt() != 0;
        return c;
    });
    for (Cadre& c : out)
        c.townIds = townsOf(c.meta.id);
    return out;
}

std::optional<Cadre> CadreRepository::cadre(RowId id)
{
    return firstOf(select(QStringLiteral(" WHERE id = ?"), {id}));
}

QList<Cadre> CadreRepository::search(const QString& text, int limit)
{
    QString t = text.trimmed();
    if (t.isEmpty() || limit <= 0)
        return {};
    t.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return select(QStringLiteral(" WHERE role IN ('cadre', 'supervisor') AND name LIKE ? ESCAPE '\\' ORDER BY name, id "
                                 "LIMIT ?"),
                  {QLatin1Char('%') + t + QLatin1Char('%'), limit});
}

std::optional<Cadre> CadreRepository::cadreByName(const QString& name)
{
    return firstOf(select(QStringLiteral(" WHERE name = ? ORDER BY id"), {name.trimmed()}));
}

QList<Cadre> CadreRepository::cadres()
{
    return select(QStringLiteral(" ORDER BY id"), {});
}

qint64 CadreRepository::count()
{
    return sql::scalar(connection(), QStringLiteral("SELECT count(*) FROM cadres")).toLongLong();
}

} // namespace yg
