#include "VisitService.h"

#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "storage/Database.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <spdlog/spdlog.h>

namespace yg {

VisitService::VisitService(Database& db) : m_db(db) {}

QString VisitService::refusal(const Cadre& actor, const Visit& visit)
{
    if (visit.meta.id > 0) {
        // Rights come from the visit as stored, not from the cadres the edit would put on it.
        const auto stored = VisitRepository(m_db).visit(visit.meta.id);
        if (!stored)
            return QCoreApplication::translate("yg::AdminService", "There is no visit with id %1.").arg(visit.meta.id);
        return AdminService(m_db).visitRefusal(actor, *stored);
    }
    return AdminService(m_db).visitRefusal(actor, visit);
}

VisitService::Saved VisitService::save(const Cadre& actor, JournalEntry entry)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    const QString why = refusal(actor, entry.visit);
    if (!why.isEmpty())
        throw Error(why + QLatin1Char(' ') + QCoreApplication::translate("yg::AdminService", "Nothing was changed."));

    Saved saved;
    WriteTransaction tx(m_db.connection());
    VisitRepository visits(m_db);
    if (entry.visit.meta.id > 0)
        visits.update(entry.visit, actor.meta.id);
    else
        visits.insert(entry.visit);
    saved.visit = entry.visit;

    // The issue belongs to the signed-in cadre when they are on the visit, otherwise
    // (a supervisor recording for their group) to the visit's author.
    const RowId owner =
        entry.visit.cadreIds.contains(actor.meta.id) ? actor.meta.id : entry.visit.cadreIds.value(0, actor.meta.id);
    IssueService issues(m_db);
    for (const RaisedIssue& r : std::as_const(entry.issues)) {
        Issue draft;
        draft.visitId = entry.visit.meta.id;
        draft.enterpriseId = entry.visit.enterpriseId;
        draft.categoryId = r.categoryId;
        draft.title = r.title.trimmed();
        draft.description = r.description.trimmed();
        draft.raisedBy = r.raisedBy.trimmed();
        draft.ownerId = owner;
        Issue issue = issues.recordWithin(draft, actor.meta.id, entry.visit.date);
        if (r.disposition != IssueDisposition::Intake) {
            ActionInput input;
            input.date = entry.visit.date;
            if (r.disposition == IssueDisposition::Explain) {
                input.action = LifecycleAction::Explain;
                input.note = r.explanation.trimmed();
            } else {
                input.action = LifecycleAction::Submit;
                input.dueDate = r.dueDate;
            }
            issue = issues.actWithin(issue.meta.id, issue.meta.version, actor.meta.id, input);
        }
        saved.issues.append(issue);
    }
    tx.commit();
    spdlog::info("visit {} saved by user {} with {} new issue(s)", saved.visit.meta.id, actor.meta.id,
                 saved.issues.size());
    return saved;
}

} // namespace yg
