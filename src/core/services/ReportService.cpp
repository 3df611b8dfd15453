#include "ReportService.h"

#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/ReferenceRepository.h"
#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

QString ReportService::refusal(const Cadre& actor, ReportKind kind, const ReportRequest& request)
{
    if (QString why = Permissions::refusal(actor, Capability::ExportReports); !why.isEmpty())
        return why;
    if (QString why = ReportLayouts::requestProblem(kind, request); !why.isEmpty())
        return why;
    return ReportLayouts::actorProblem(m_db, actor, kind, request);
}

ReportDocument ReportService::build(const Cadre& actor, ReportKind kind, const ReportRequest& request, Report* report)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    if (const QString why = refusal(actor, kind, request); !why.isEmpty())
        throw Error(why);
    return ReportLayouts::build(m_db, kind, request, report);
}

ReportDocument ReportService::quarterlyAnalysis(const Cadre& actor, const Period& quarter, RowId townId)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    const auto town = ReferenceRepository(m_db).town(townId);
    if (!town)
        throw Error(
            QCoreApplication::translate("yg::ReportService", "There is no town with the number %1.").arg(townId));
    ReportRequest request;
    request.period = quarter;
    request.scope = {ReportScope::Kind::Town, townId};
    request.scopeLabel = town->name;
    if (const QString why = ReportLayouts::requestProblem(ReportKind::Quarterly, request); !why.isEmpty())
        throw Error(why);
    return ReportLayouts::build(m_db, ReportKind::Quarterly, request);
}

} // namespace yg
