#include "EvaluationService.h"

#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/EvaluationRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

namespace {

QString nothingChanged()
{
    return QLatin1Char(' ') + QCoreApplication::translate("yg::EvaluationService", "Nothing was changed.");
}

} // namespace

Nomination EvaluationService::addNomination(const Cadre& actor, Nomination n)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::Nominations);
    n.meta = {};
    WriteTransaction tx(m_db.connection());
    EvaluationRepository(m_db).insert(n);
    tx.commit();
    return n;
}

Nomination EvaluationService::change(const Cadre& actor, RowId id, const std::function<void(Nomination&)>& edit)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::Nominations);
    WriteTransaction tx(m_db.connection());
    EvaluationRepository repo(m_db);
    auto n = repo.nomination(id);
    if (!n)
        throw Error(QCoreApplication::translate("yg::EvaluationService", "There is no nomination with id %1.").arg(id) +
                    nothingChanged());
    edit(*n);
    repo.update(*n, actor.meta.id);
    tx.commit();
    return *n;
}

Nomination EvaluationService::scoreNomination(const Cadre& actor, RowId id, std::optional<double> score)
{
    return change(actor, id, [&](Nomination& n) {
        n.score = score;
        if (!score)
            n.selected = false;
    });
}

Nomination EvaluationService::selectNomination(const Cadre& actor, RowId id, bool selected)
{
    return change(actor, id, [&](Nomination& n) { n.selected = selected; });
}

QList<Nomination> EvaluationService::nominations(int year)
{
    return EvaluationRepository(m_db).nominations(year);
}

QuarterlyNote EvaluationService::saveReflection(const Cadre& actor, const QString& quarter, const QString& text)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    if (actor.role != Role::Cadre && actor.role != Role::Supervisor)
        throw Error(QCoreApplication::translate("yg::EvaluationService",
                                                "Reflections are written by cadres and supervisors about their "
                                                "own work.") +
                    nothingChanged());
    QuarterlyNote n;
    n.quarter = quarter.trimmed();
    n.kind = QuarterlyNoteKind::Reflection;
    n.authorId = actor.meta.id;
    n.body = text;
    WriteTransaction tx(m_db.connection());
    EvaluationRepository(m_db).save(n, actor.meta.id);
    tx.commit();
    return n;
}

QuarterlyNote EvaluationService::saveTownAssessment(const Cadre& actor, const QString& quarter, RowId townId,
                                                    const QString& text)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::QuarterlyAnalysis);
    QuarterlyNote n;
    n.quarter = quarter.trimmed();
    n.kind = QuarterlyNoteKind::TownAssessment;
    n.authorId = actor.meta.id;
    n.townId = townId;
    n.body = text;
    WriteTransaction tx(m_db.connection());
    EvaluationRepository(m_db).save(n, actor.meta.id);
    tx.commit();
    return n;
}

} // namespace yg
