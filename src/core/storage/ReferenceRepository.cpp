#include "ReferenceRepository.h"

#include "domain/Validation.h"
#include "storage/Sql.h"

#include <QCoreApplication>

namespace yg {

namespace {

const QString kSelectTown = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, code, name, sort_order "
                                           "FROM towns");
const QString kSelectCategory = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, code, name, "
                                               "default_due_days, sort_order FROM categories");
const QString kSelectDepartment = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, name, sort_order "
                                                 "FROM departments");

} // namespace

// --- towns -------------------------------------------------------------------------

static Town readTown(const QSqlQuery& q, RecordMeta meta)
{
    Town t;
    t.meta = std::move(meta);
    t.code = q.value(5).toString();
    t.name = q.value(6).toString();
    t.sortOrder = q.value(7).toInt();
    return t;
}

void ReferenceRepository::insert(Town& town)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Town"), validate(town));
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO towns (uuid, code, name, sort_order, created_at, updated_at) "
                                         "VALUES (:uuid, :code, :name, :sort_order, :created_at, :updated_at)"));
    prepareNewMeta(town.meta, q);
    q.bindValue(QStringLiteral(":code"), town.code.trimmed());
    q.bindValue(QStringLiteral(":name"), town.name.trimmed());
    q.bindValue(QStringLiteral(":sort_order"), town.sortOrder);
    sql::exec(q);
    town.meta.id = q.lastInsertId().toLongLong();
    auditCreated("towns", town.meta.id, town.meta.uuid);
}

void ReferenceRepository::update(Town& town, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Town"), validate(town));
    QSqlQuery q = sql::prepare(connection(),
                               QStringLiteral("UPDATE towns SET code = :code, name = :name, sort_order = :sort_order, "
                                              "updated_at = :updated_at, updated_by = :updated_by, "
                                              "version = version + 1 WHERE id = :id AND version = :version"));
    q.bindValue(QStringLiteral(":code"), town.code.trimmed());
    q.bindValue(QStringLiteral(":name"), town.name.trimmed());
    q.bindValue(QStringLiteral(":sort_order"), town.sortOrder);
    execOptimisticUpdate(q, "towns", town.meta,
                         QCoreApplication::translate("yg::Storage", "The town %1").arg(town.name), actor);
}

std::optional<Town> ReferenceRepository::town(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectTown + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<Town>(q, [](const QSqlQuery& r) { return readTown(r, readMeta(r)); }));
}

std::optional<Town> ReferenceRepository::townByName(const QString& name)
{
    QSqlQuery q = sql::prepare(connection(), kSelectTown + QStringLiteral(" WHERE name = ?"));
    q.addBindValue(name.trimmed());
    return firstOf(readAll<Town>(q, [](const QSqlQuery& r) { return readTown(r, readMeta(r)); }));
}

QList<Town> ReferenceRepository::towns()
{
    QSqlQuery q = sql::prepare(connection(), kSelectTown + QStringLiteral(" ORDER BY sort_order, id"));
    return readAll<Town>(q, [](const QSqlQuery& r) { return readTown(r, readMeta(r)); });
}

// --- categories ----------------------------------------------------------------------

static Category readCategory(const QSqlQuery& q, RecordMeta meta)
{
    Category c;
    c.meta = std::move(meta);
    c.code = q.value(5).toString();
    c.name = q.value(6).toString();
    c.defaultDueDays = q.value(7).toInt();
    c.sortOrder = q.value(8).toInt();
    return c;
}

static QStringList validateCategory(const Category& c)
{
    QStringList p;
    if (c.code.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Storage", "the category code is empty");
    if (c.name.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Storage", "the category name is empty");
    if (c.defaultDueDays <= 0)
        p << QCoreApplication::translate("yg::Storage", "the default due days must be at least 1");
    return p;
}

void ReferenceRepository::insert(Category& c)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Category"), validateCategory(c));
    QSqlQuery& q = cached(QStringLiteral(
        "INSERT INTO categories (uuid, code, name, default_due_days, sort_order, created_at, updated_at) "
        "VALUES (:uuid, :code, :name, :days, :sort_order, :created_at, :updated_at)"));
    prepareNewMeta(c.meta, q);
    q.bindValue(QStringLiteral(":code"), c.code.trimmed());
    q.bindValue(QStringLiteral(":name"), c.name.trimmed());
    q.bindValue(QStringLiteral(":days"), c.defaultDueDays);
    q.bindValue(QStringLiteral(":sort_order"), c.sortOrder);
    sql::exec(q);
    c.meta.id = q.lastInsertId().toLongLong();
    auditCreated("categories", c.meta.id, c.meta.uuid);
}

void ReferenceRepository::update(Category& c, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Category"), validateCategory(c));
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE categories SET code = :code, name = :name, "
                                                            "default_due_days = :days, sort_order = :sort_order, "
                                                            "updated_at = :updated_at, updated_by = :updated_by, "
                                                            "version = version + 1 "
                                                            "WHERE id = :id AND version = :version"));
    q.bindValue(QStringLiteral(":code"), c.code.trimmed());
    q.bindValue(QStringLiteral(":name"), c.name.trimmed());
    q.bindValue(QStringLiteral(":days"), c.defaultDueDays);
    q.bindValue(QStringLiteral(":sort_order"), c.sortOrder);
    execOptimisticUpdate(q, "categories", c.meta,
                         QCoreApplication::translate("yg::Storage", "The category %1").arg(c.name), actor);
}

std::optional<Category> ReferenceRepository::category(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectCategory + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<Category>(q, [](const QSqlQuery& r) { return readCategory(r, readMeta(r)); }));
}

QList<Category> ReferenceRepository::categories()
{
    QSqlQuery q = sql::prepare(connection(), kSelectCategory + QStringLiteral(" ORDER BY sort_order, id"));
    return readAll<Category>(q, [](const QSqlQuery& r) { return readCategory(r, readMeta(r)); });
}

// --- departments ---------------------------------------------------------------------

static Department readDepartment(const QSqlQuery& q, RecordMeta meta)
{
    Department d;
    d.meta = std::move(meta);
    d.name = q.value(5).toString();
    d.sortOrder = q.value(6).toInt();
    return d;
}

void ReferenceRepository::insert(Department& d)
{
    if (d.name.trimmed().isEmpty())
        throwIfInvalid(QCoreApplication::translate("yg::Storage", "Department"),
                       {QCoreApplication::translate("yg::Storage", "the department name is empty")});
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO departments (uuid, name, sort_order, created_at, updated_at) "
                                         "VALUES (:uuid, :name, :sort_order, :created_at, :updated_at)"));
    prepareNewMeta(d.meta, q);
    q.bindValue(QStringLiteral(":name"), d.name.trimmed());
    q.bindValue(QStringLiteral(":sort_order"), d.sortOrder);
    sql::exec(q);
    d.meta.id = q.lastInsertId().toLongLong();
    auditCreated("departments", d.meta.id, d.meta.uuid);
}

void ReferenceRepository::update(Department& d, std::optional<RowId> actor)
{
    if (d.name.trimmed().isEmpty())
        throwIfInvalid(QCoreApplication::translate("yg::Storage", "Department"),
                       {QCoreApplication::translate("yg::Storage", "the department name is empty")});
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE departments SET name = :name, "
                                                            "sort_order = :sort_order, updated_at = :updated_at, "
                                                            "updated_by = :updated_by, version = version + 1 "
                                                            "WHERE id = :id AND version = :version"));
    q.bindValue(QStringLiteral(":name"), d.name.trimmed());
    q.bindValue(QStringLiteral(":sort_order"), d.sortOrder);
    execOptimisticUpdate(q, "departments", d.meta,
                         QCoreApplication::translate("yg::Storage", "The department %1").arg(d.name), actor);
}

std::optional<Department> ReferenceRepository::department(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectDepartment + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<Department>(q, [](const QSqlQuery& r) { return readDepartment(r, readMeta(r)); }));
}

QList<Department> ReferenceRepository::departments()
{
    QSqlQuery q = sql::prepare(connection(), kSelectDepartment + QStringLiteral(" ORDER BY sort_order, id"));
    return readAll<Department>(q, [](const QSqlQuery& r) { return readDepartment(r, readMeta(r)); });
}

} // namespace yg
