#include "EvaluationRepository.h"

#include "domain/Validation.h"

#include <QCoreApplication>

namespace yg {

namespace {

const QString kSelectNomination = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, year, kind, "
                                                 "cadre_id, title, summary, score, selected FROM nominations");
const QString kSelectNote = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, quarter, kind, "
                                           "author_id, town_id, body FROM quarterly_notes");

QString what(const Nomination& n)
{
    return QCoreApplication::translate("yg::Storage", "Nomination '%1'").arg(n.title);
}

void bindNomination(QSqlQuery& q, const Nomination& n)
{
    q.bindValue(QStringLiteral(":year"), n.year);
    q.bindValue(QStringLiteral(":kind"), toKey(n.kind));
    q.bindValue(QStringLiteral(":cadre"), n.cadreId);
    q.bindValue(QStringLiteral(":title"), n.title.trimmed());
    q.bindValue(QStringLiteral(":summary"), n.summary.isNull() ? QStringLiteral("") : n.summary.trimmed());
    q.bindValue(QStringLiteral(":score"), n.score ? QVariant(*n.score) : QVariant(QMetaType(QMetaType::Double)));
    q.bindValue(QStringLiteral(":selected"), n.selected ? 1 : 0);
}

Nomination readNomination(const QSqlQuery& q, RecordMeta meta)
{
    Nomination n;
    n.meta = std::move(meta);
    n.year = q.value(5).toInt();
    n.kind = nominationKindFromKey(q.value(6).toString()).value_or(NominationKind::Research);
    n.cadreId = q.value(7).toLongLong();
    n.title = q.value(8).toString();
    n.summary = q.value(9).toString();
    if (!q.value(10).isNull())
        n.score = q.value(10).toDouble();
    n.selected = q.value(11).toInt() != 0;
    return n;
}

QuarterlyNote readNote(const QSqlQuery& q, RecordMeta meta)
{
    QuarterlyNote n;
    n.meta = std::move(meta);
    n.quarter = q.value(5).toString();
    n.kind = q.value(6).toString() == QLatin1String("town_assessment") ? QuarterlyNoteKind::TownAssessment
                                                                       : QuarterlyNoteKind::Reflection;
    n.authorId = q.value(7).toLongLong();
    n.townId = sql::toOptionalId(q.value(8));
    n.body = q.value(9).toString();
    return n;
}

} // namespace

void EvaluationRepository::insert(Nomination& n)
{
    throwIfInvalid(what(n), validate(n));
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO nominations (uuid, year, kind, cadre_id, title, summary, score, "
                                         "selected, created_at, updated_at) VALUES (:uuid, :year, :kind, :cadre, "
                                         ":title, :summary, :score, :selected, :created_at, :updated_at)"));
    prepareNewMeta(n.meta, q);
    bindNomination(q, n);
    sql::exec(q);
    n.meta.id = q.lastInsertId().toLongLong();
    auditCreated("nominations", n.meta.id, n.meta.uuid);
}

void EvaluationRepository::update(Nomination& n, std::optional<RowId> actor)
{
    throwIfInvalid(what(n), validate(n));
    QSqlQuery q = sql::prepare(connection(),
                               QStringLiteral("UPDATE nominations SET year = :year, kind = :kind, cadre_id = :cadre, "
                                              "title = :title, summary = :summary, score = :score, selected = "
                                              ":selected, updated_at = :updated_at, updated_by = :updated_by, "
                                              "version = version + 1 WHERE id = :id AND version = :version"));
    bindNomination(q, n);
    execOptimisticUpdate(q, "nominations", n.meta, what(n), actor);
}

std::optional<Nomination> EvaluationRepository::nomination(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectNomination + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    const auto all = readAll<Nomination>(q, [](const QSqlQuery& r) { return readNomination(r, readMeta(r)); });
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

QList<Nomination> EvaluationRepository::nominations(int year)
{
    QSqlQuery q =
        sql::prepare(connection(), kSelectNomination + QStringLiteral(" WHERE year = ? ORDER BY kind, score IS NULL, "
                                                                      "score DESC, title, id"));
    q.addBindValue(year);
    return readAll<Nomination>(q, [](const QSqlQuery& r) { return readNomination(r, readMeta(r)); });
}

void EvaluationRepository::save(QuarterlyNote& n, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Quarterly analysis %1").arg(n.quarter), validate(n));
    const QString kind =
        n.kind == QuarterlyNoteKind::TownAssessment ? QStringLiteral("town_assessment") : QStringLiteral("reflection");
    QSqlQuery find = sql::prepare(connection(), QStringLiteral("SELECT id, version FROM quarterly_notes WHERE "
                                                               "quarter = ? AND kind = ? AND author_id = ? AND "
                                                               "ifnull(town_id, 0) = ?"));
    find.addBindValue(n.quarter);
    find.addBindValue(kind);
    find.addBindValue(n.authorId);
    find.addBindValue(n.townId.value_or(0));
    sql::exec(find);
    if (find.next()) {
        const RowId id = find.value(0).toLongLong();
        find.finish();
        if (n.meta.id == 0) { // a new text for a subject that has one: replace it
            QSqlQuery cur = sql::prepare(connection(), kSelectNote + QStringLiteral(" WHERE id = ?"));
            cur.addBindValue(id);
            n.meta =
                readAll<QuarterlyNote>(cur, [](const QSqlQuery& r) { return readNote(r, readMeta(r)); }).first().meta;
        }
        QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE quarterly_notes SET body = :body, "
                                                                "updated_at = :updated_at, updated_by = :updated_by, "
                                                                "version = version + 1 WHERE id = :id AND version = "
                                                                ":version"));
        q.bindValue(QStringLiteral(":body"), n.body.trimmed());
        execOptimisticUpdate(q, "quarterly_notes", n.meta,
                             QCoreApplication::translate("yg::Storage", "Quarterly analysis %1").arg(n.quarter), actor);
        return;
    }
    find.finish();
    QSqlQuery& q = cached(QStringLiteral("INSERT INTO quarterly_notes (uuid, quarter, kind, author_id, town_id, body, "
                                         "created_at, updated_at) VALUES (:uuid, :quarter, :kind, :author, :town, "
                                         ":body, :created_at, :updated_at)"));
    prepareNewMeta(n.meta, q);
    q.bindValue(QStringLiteral(":quarter"), n.quarter);
    q.bindValue(QStringLiteral(":kind"), kind);
    q.bindValue(QStringLiteral(":author"), n.authorId);
    q.bindValue(QStringLiteral(":town"), sql::idValue(n.townId));
    q.bindValue(QStringLiteral(":body"), n.body.trimmed());
    sql::exec(q);
    n.meta.id = q.lastInsertId().toLongLong();
    auditCreated("quarterly_notes", n.meta.id, n.meta.uuid);
}

std::optional<QuarterlyNote> EvaluationRepository::quarterlyNote(const QString& quarter, QuarterlyNoteKind kind,
                                                                 RowId authorId, std::optional<RowId> townId)
{
    QSqlQuery q = sql::prepare(connection(), kSelectNote + QStringLiteral(" WHERE quarter = ? AND kind = ? AND "
                                                                          "author_id = ? AND ifnull(town_id, 0) = ?"));
    q.addBindValue(quarter);
    q.addBindValue(kind == QuarterlyNoteKind::TownAssessment ? QStringLiteral("town_assessment")
                                                             : QStringLiteral("reflection"));
    q.addBindValue(authorId);
    q.addBindValue(townId.value_or(0));
    const auto notes = readAll<QuarterlyNote>(q, [](const QSqlQuery& r) { return readNote(r, readMeta(r)); });
    if (notes.isEmpty())
        return std::nullopt;
    return notes.first();
}

QList<QuarterlyNote> EvaluationRepository::quarterlyNotes(const QString& quarter, std::optional<RowId> townId)
{
    QString where = QStringLiteral(" WHERE quarter = :quarter");
    if (townId) {
        where += QStringLiteral(" AND (town_id = :town OR (kind = 'reflection' AND EXISTS (SELECT 1 FROM cadre_towns "
                                "ct WHERE ct.cadre_id = author_id AND ct.town_id = :town)))");
    }
    QSqlQuery q = sql::prepare(connection(), kSelectNote + where +
                                                 QStringLiteral(" ORDER BY kind DESC, town_id, "
                                                                "author_id"));
    q.bindValue(QStringLiteral(":quarter"), quarter);
    if (townId)
        q.bindValue(QStringLiteral(":town"), *townId);
    return readAll<QuarterlyNote>(q, [](const QSqlQuery& r) { return readNote(r, readMeta(r)); });
}

} // namespace yg
