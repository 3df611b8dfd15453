#include "ReportService.h"

#include "services/AccountService.h"
#include "services/Permissions.h"
#include "util/Error.h"

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

} // namespace yg
