#include "EnterpriseRepository.h"

#include "domain/CreditCode.h"
#include "domain/Validation.h"
#include "storage/Sql.h"
#include "util/Error.h"

#include <QCoreApplication>

#include <algorithm>

namespace yg {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, uuid, created_at, updated_at, version, name, credit_code, town_id, address, industry, employees, "
    "is_key, is_small_micro, is_new_form, union_status, union_members, contact_person, contact_phone, "
    "assigned_cadre_id, notes FROM enterprises");

void bindEnterprise(QSqlQuery& q, const Enterprise& e)
{
    q.bindValue(QStringLiteral(":name"), e.name.trimmed());
    q.bindValue(QStringLiteral(":credit_code"), CreditCode::normalized(e.creditCode));
    q.bindValue(QStringLiteral(":town_id"), e.townId);
    q.bindValue(QStringLiteral(":address"), sql::textOrNull(e.address));
    q.bindValue(QStringLiteral(":industry"), sql::textOrNull(e.industry));
    q.bindValue(QStringLiteral(":employees"), e.employees);
    q.bindValue(QStringLiteral(":is_key"), e.isKey ? 1 : 0);
    q.bindValue(QStringLiteral(":is_small_micro"), e.isSmallMicro ? 1 : 0);
    q.bindValue(QStringLiteral(":is_new_form"), e.isNewForm ? 1 : 0);
    q.bindValue(QStringLiteral(":union_status"), toKey(e.unionStatus));
    q.bindValue(QStringLiteral(":union_members"), e.unionMembers);
    q.bindValue(QStringLiteral(":contact_person"), sql::textOrNull(e.contactPerson));
    q.bindValue(QStringLiteral(":contact_phone"), sql::textOrNull(e.contactPhone));
    q.bindValue(QStringLiteral(":cadre"), sql::idValue(e.assignedCadreId));
    q.bindValue(QStringLiteral(":notes"), sql::textOrNull(e.notes));
}

Enterprise readEnterprise(const QSqlQuery& r, RecordMeta meta)
{
    Enterprise e;
    e.meta = std::move(meta);
    e.name = r.value(5).toString();
    e.creditCode = r.value(6).toString();
    e.townId = r.value(7).toLongLong();
    e.address = r.value(8).toString();
    e.industry = r.value(9).toString();
    e.employees = r.value(10).toInt();
    e.isKey = r.value(11).toInt() != 0;
    e.isSmallMicro = r.value(12).toInt() != 0;
    e.isNewForm = r.value(13).toInt() != 0;
    e.unionStatus = fromKey<UnionStatus>(r.value(14).toString()).value_or(UnionStatus::None);
    e.unionMembers = r.value(15).toInt();
    e.contactPerson = r.value(16).toString();
    e.contactPhone = r.value(17).toString();
    e.assignedCadreId = sql::toOptionalId(r.value(18));
    e.notes = r.value(19).toString();
    return e;
}

/** `text` with LIKE's wildcards escaped (used with ESCAPE '\\'). */
QString likeEscaped(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
}

/** WHERE clause and its values for a filter (only bound parameters reach SQL). */
QString whereOf(const EnterpriseFilter& f, QVariantList* values)
{
    QStringList parts;
    if (!f.text.trimmed().isEmpty()) {
        const QString like = QLatin1Char('%') + likeEscaped(f.text.trimmed()) + QLatin1Char('%');
        parts << QStringLiteral("(e.name LIKE ? ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\')");
        *values << like << like.toUpper();
    }
    if (f.townId) {
        parts << QStringLiteral("e.town_id = ?");
        *values << *f.townId;
    }
    if (f.keyOnly)
        parts << QStringLiteral("e.is_key = 1");
    if (f.smallMicroOnly)
        parts << QStringLiteral("e.is_small_micro = 1");
    if (f.newFormOnly)
        parts << QStringLiteral("e.is_new_form = 1");
    if (f.unionStatus) {
        parts << QStringLiteral("e.union_status = ?");
        *values << toKey(*f.unionStatus);
    }
    if (f.assignedCadreId) {
        parts << QStringLiteral("e.assigned_cadre_id = ?");
        *values << *f.assignedCadreId;
    }
    if (f.notVisitedSince.isValid()) {
        // visits_enterprise_date answers this per enterprise without reading the visits.
        parts << QStringLiteral("NOT EXISTS (SELECT 1 FROM visits v WHERE v.enterprise_id = e.id AND "
                                "v.visit_date >= ?)");
        *values << f.notVisitedSince.toString(Qt::ISODate);
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

void EnterpriseRepository::checkUniqueCode(const Enterprise& e)
{
    const auto other = byCreditCode(e.creditCode);
    if (other && other->meta.id != e.meta.id) {
        throw Error(
            QCoreApplication::translate("yg::Storage", "Enterprise %1: the credit code %2 already belongs to %3.")
                .arg(e.name, CreditCode::normalized(e.creditCode), other->name));
    }
}

void EnterpriseRepository::insert(Enterprise& e)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Enterprise %1").arg(e.name), validate(e));
    checkUniqueCode(e);
    QSqlQuery& q = cached(QStringLiteral(
        "INSERT INTO enterprises (uuid, name, credit_code, town_id, address, industry, employees, is_key, "
        "is_small_micro, is_new_form, union_status, union_members, contact_person, contact_phone, "
        "assigned_cadre_id, notes, created_at, updated_at) VALUES (:uuid, :name, :credit_code, :town_id, :address, "
        ":industry, :employees, :is_key, :is_small_micro, :is_new_form, :union_status, :union_members, "
        ":contact_person, :contact_phone, :cadre, :notes, :created_at, :updated_at)"));
    prepareNewMeta(e.meta, q);
    bindEnterprise(q, e);
    sql::exec(q);
    e.meta.id = q.lastInsertId().toLongLong();
    e.creditCode = CreditCode::normalized(e.creditCode);
    auditCreated("enterprises", e.meta.id, e.meta.uuid);
}

void EnterpriseRepository::update(Enterprise& e, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Enterprise %1").arg(e.name), validate(e));
    checkUniqueCode(e);
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("UPDATE enterprises SET name = :name, credit_code = :credit_code, town_id = :town_id, "
                       "address = :address, industry = :industry, employees = :employees, is_key = :is_key, "
                       "is_small_micro = :is_small_micro, is_new_form = :is_new_form, union_status = :union_status, "
                       "union_members = :union_members, contact_person = :contact_person, "
                       "contact_phone = :contact_phone, assigned_cadre_id = :cadre, notes = :notes, "
                       "updated_at = :updated_at, updated_by = :updated_by, version = version + 1 "
                       "WHERE id = :id AND version = :version"));
    bindEnterprise(q, e);
    execOptimisticUpdate(q, "enterprises", e.meta,
                         QCoreApplication::translate("yg::Storage", "The enterprise %1").arg(e.name), actor);
    e.creditCode = CreditCode::normalized(e.creditCode);
}

std::optional<Enterprise> EnterpriseRepository::enterprise(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<Enterprise>(q, [](const QSqlQuery& r) { return readEnterprise(r, readMeta(r)); }));
}

std::optional<Enterprise> EnterpriseRepository::byCreditCode(const QString& code)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE credit_code = ?"));
    q.addBindValue(CreditCode::normalized(code));
    return firstOf(readAll<Enterprise>(q, [](const QSqlQuery& r) { return readEnterprise(r, readMeta(r)); }));
}

qint64 EnterpriseRepository::count(const EnterpriseFilter& filter)
{
    QVariantList values;
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT count(*) FROM enterprises e") + whereOf(filter, &values));
    for (const QVariant& v : values)
        q.addBindValue(v);
    const auto rows = readAll<qint64>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    return rows.isEmpty() ? 0 : rows.first();
}

QList<EnterpriseListRow> EnterpriseRepository::page(const EnterpriseFilter& filter, EnterpriseSort sort,
                                                    bool descending, int offset, int limit)
{
    QString order;
    switch (sort) {
    case EnterpriseSort::Name:
        order = QStringLiteral("e.name");
        break;
    case EnterpriseSort::CreditCode:
        order = QStringLiteral("e.credit_code");
        break;
    case EnterpriseSort::Town:
        order = QStringLiteral("t.sort_order");
        break;
    case EnterpriseSort::Employees:
        order = QStringLiteral("e.employees");
        break;
    case EnterpriseSort::Key:
        order = QStringLiteral("e.is_key");
        break;
    case EnterpriseSort::UnionStatus:
        order = QStringLiteral("e.union_status");
        break;
    case EnterpriseSort::Cadre:
        order = QStringLiteral("c.name");
        break;
    case EnterpriseSort::LastVisit:
        order = QStringLiteral("last_visit");
        break;
    }
    const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QVariantList values;
    const QString statement =
        QStringLiteral("SELECT e.id, e.name, e.credit_code, t.name, e.employees, e.is_key, e.is_small_micro, "
                       "e.is_new_form, e.union_status, c.name, "
                       "(SELECT max(v.visit_date) FROM visits v WHERE v.enterprise_id = e.id) AS last_visit "
                       "FROM enterprises e JOIN towns t ON t.id = e.town_id "
                       "LEFT JOIN cadres c ON c.id = e.assigned_cadre_id") +
        whereOf(filter, &values) + QStringLiteral(" ORDER BY ") + order + dir + QStringLiteral(", e.id") + dir +
        QStringLiteral(" LIMIT ? OFFSET ?");
    QSqlQuery q = sql::prepare(connection(), statement);
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return readAll<EnterpriseListRow>(q, [](const QSqlQuery& r) {
        EnterpriseListRow row;
        row.id = r.value(0).toLongLong();
        row.name = r.value(1).toString();
        row.creditCode = r.value(2).toString();
        row.town = r.value(3).toString();
        row.employees = r.value(4).toInt();
        row.isKey = r.value(5).toInt() != 0;
        row.isSmallMicro = r.value(6).toInt() != 0;
        row.isNewForm = r.value(7).toInt() != 0;
        row.unionStatus = fromKey<UnionStatus>(r.value(8).toString()).value_or(UnionStatus::None);
        row.cadre = r.value(9).toString();
        row.lastVisit = sql::toDate(r.value(10));
        return row;
    });
}

QList<EnterpriseMatch> EnterpriseRepository::search(const QString& text, int limit)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || limit <= 0)
        return {};
    const QString escaped = likeEscaped(t);
    // No ORDER BY: the scan stops at the limit, so a common term answers in well under a
    // millisecond; only a term matching nothing reads the whole table (docs/performance.md).
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT e.id, e.name, e.credit_code, t.name FROM enterprises "
                                                  "e JOIN towns t ON t.id = e.town_id WHERE e.name LIKE ? "
                                                  "ESCAPE '\\' OR e.credit_code LIKE ? ESCAPE '\\' OR "
                                                  "t.name LIKE ? ESCAPE '\\' LIMIT ?"));
    q.addBindValue(QLatin1Char('%') + escaped + QLatin1Char('%'));
    q.addBindValue(escaped.toUpper() + QLatin1Char('%'));
    q.addBindValue(QLatin1Char('%') + escaped + QLatin1Char('%'));
    q.addBindValue(limit);
    QList<EnterpriseMatch> out = readAll<EnterpriseMatch>(q, [](const QSqlQuery& r) {
        return EnterpriseMatch{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(),
                               r.value(3).toString()};
    });
    // Names that start with what was typed first, then by name.
    std::sort(out.begin(), out.end(), [&t](const EnterpriseMatch& a, const EnterpriseMatch& b) {
        const bool pa = a.name.startsWith(t);
        const bool pb = b.name.startsWith(t);
        return pa != pb ? pa : a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    return out;
}

} // namespace yg
