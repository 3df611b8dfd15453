#include "VisitRepository.h"

#include "domain/Validation.h"
#include "storage/Sql.h"

#include <QCoreApplication>

namespace yg {

namespace {

/** "chk_worker_spirit, chk_worker_spirit_note, ..." built from the checklist keys. */
QString checklistColumns()
{
    QStringList cols;
    for (CheckItem item : kAllCheckItems)
        cols << QStringLiteral("chk_") + toKey(item) << QStringLiteral("chk_") + toKey(item) + QStringLiteral("_note");
    return cols.join(QStringLiteral(", "));
}

QString checklistPlaceholders()
{
    QStringList p;
    for (CheckItem item : kAllCheckItems)
        p << QStringLiteral(":chk_") + toKey(item) << QStringLiteral(":chk_") + toKey(item) + QStringLiteral("_note");
    return p.join(QStringLiteral(", "));
}

QString checklistAssignments()
{
    QStringList p;
    for (CheckItem item : kAllCheckItems) {
        const QString c = QStringLiteral("chk_") + toKey(item);
        p << c + QStringLiteral(" = :") + c << c + QStringLiteral("_note = :") + c + QStringLiteral("_note");
    }
    return p.join(QStringLiteral(", "));
}

void bindVisit(QSqlQuery& q, const Visit& v)
{
    q.bindValue(QStringLiteral(":visit_date"), sql::dateValue(v.date));
    q.bindValue(QStringLiteral(":author_id"), v.cadreIds.value(0));
    q.bindValue(QStringLiteral(":enterprise_id"), v.enterpriseId);
    q.bindValue(QStringLiteral(":kind"), toKey(v.kind));
    for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
        const QString c = QStringLiteral(":chk_") + toKey(kAllCheckItems[i]);
        q.bindValue(c, toKey(v.checklist[i].state));
        q.bindValue(c + QStringLiteral("_note"), sql::textOrNull(v.checklist[i].note));
    }
    q.bindValue(QStringLiteral(":summary"), sql::textOrNull(v.summary));
    q.bindValue(QStringLiteral(":next_visit_date"), sql::dateValue(v.nextVisitDate));
}

} // namespace

void VisitRepository::insert(Visit& v)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Visit"), validate(v));
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO visits (uuid, visit_date, author_id, enterprise_id, kind, %1, "
                                         "summary, next_visit_date, created_at, updated_at) VALUES (:uuid, "
                                         ":visit_date, :author_id, :enterprise_id, :kind, %2, :summary, "
                                         ":next_visit_date, :created_at, :updated_at)")
                              .arg(checklistColumns(), checklistPlaceholders()));
    prepareNewMeta(v.meta, q);
    bindVisit(q, v);
    sql::exec(q);
    v.meta.id = q.lastInsertId().toLongLong();
    writeCadres(v);
    auditCreated("visits", v.meta.id, v.meta.uuid);
}

void VisitRepository::update(Visit& v, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Visit"), validate(v));
    QSqlQuery q = sql::prepare(connection(),
                               QStringLiteral("UPDATE visits SET visit_date = :visit_date, author_id = :author_id, "
                                              "enterprise_id = :enterprise_id, kind = :kind, %1, summary = :summary, "
                                              "next_visit_date = :next_visit_date, updated_at = :updated_at, "
                                              "updated_by = :updated_by, version = version + 1 "
                                              "WHERE id = :id AND version = :version")
                                   .arg(checklistAssignments()));
    bindVisit(q, v);
    execOptimisticUpdate(
        q, "visits", v.meta,
        QCoreApplication::translate("yg::Storage", "The visit of %1").arg(v.date.toString(Qt::ISODate)), actor, [&] {
            QSqlQuery& del = cached(QStringLiteral("DELETE FROM visit_cadres WHERE visit_id = ?"));
            del.addBindValue(v.meta.id);
            sql::exec(del);
            writeCadres(v);
        });
}

void VisitRepository::writeCadres(const Visit& v)
{
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO visit_cadres (visit_id, cadre_id, position) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < v.cadreIds.size(); ++i) {
        q.addBindValue(v.meta.id);
        q.addBindValue(v.cadreIds[i]);
        q.addBindValue(static_cast<int>(i));
        sql::exec(q);
    }
}

std::optional<Visit> VisitRepository::visit(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT id, uuid, created_at, updated_at, version, "
                                                            "visit_date, enterprise_id, kind, %1, summary, "
                                                            "next_visit_date FROM visits WHERE id = ?")
                                                 .arg(checklistColumns()));
    q.addBindValue(id);
    auto found = firstOf(readAll<Visit>(q, [](const QSqlQuery& r) {
        Visit v;
        v.meta = readMeta(r);
        v.date = sql::toDate(r.value(5));
        v.enterpriseId = r.value(6).toLongLong();
        v.kind = fromKey<VisitKind>(r.value(7).toString()).value_or(VisitKind::OnSite);
        int col = 8;
        for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
            v.checklist[i].state = fromKey<CheckState>(r.value(col++).toString()).value_or(CheckState::NotChecked);
            v.checklist[i].note = r.value(col++).toString();
        }
        v.summary = r.value(col++).toString();
        v.nextVisitDate = sql::toDate(r.value(col));
        return v;
    }));
    if (found) {
        QSqlQuery c = sql::prepare(connection(), QStringLiteral("SELECT cadre_id FROM visit_cadres WHERE visit_id = ? "
                                                                "ORDER BY position"));
        c.addBindValue(id);
        found->cadreIds = readAll<RowId>(c, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    }
    return found;
}

qint64 VisitRepository::count()
{
    return sql::scalar(connection(), QStringLiteral("SELECT count(*) FROM visits")).toLongLong();
}

} // namespace yg
