#pragma once

#include "reporting/ReportDocument.h"
#include "reporting/ReportEngine.h"

#include <optional>

namespace yg {

class Database;

/**
 * The union's report layouts, each a ReportDocument every format shows the same way:
 * - summary: the figures of any period and scope with their breakdowns;
 * - weekly: a cadre's week (visits, quota, issues) — period an ISO week, scope a cadre;
 * - monthly: a group's month, the figures of the exchange meeting — period a month,
 *   scope a group or the district;
 * - quarterly: a town's quarter with the quarterly analysis texts — period a quarter,
 *   scope a town or the district;
 * - annual: the annual evaluation (年终评议), per cadre, with the nominations — period a
 *   year, scope the district or a group.
 */
enum class ReportKind
{
    Summary,
    Weekly,
    Monthly,
    Quarterly,
    Annual
};

QString toKey(ReportKind kind);
std::optional<ReportKind> reportKindFromKey(const QString& key);
QStringList reportKindKeys();
QString displayName(ReportKind kind);

class ReportLayouts
{
public:
    /** The period kind and scopes a report needs: empty if the request fits, else a sentence saying what is accepted.
     */
    static QString requestProblem(ReportKind kind, const ReportRequest& request);
    /**
     * Whether this person may take this report (empty: yes). Supervisors take the weekly
     * and monthly reports, which list cases, only for the groups they lead; every layout of
     * counts and rates is open to every reporting role. Reporting itself needs
     * Capability::ExportReports, checked by the caller.
     */
    static QString actorProblem(Database& db, const Cadre& actor, ReportKind kind, const ReportRequest& request);
    /**
     * Builds the document (and, if asked, hands back the engine's Report it is made of); throws
     * yg::Error with requestProblem() if the request does not fit.
     */
    static ReportDocument build(Database& db, ReportKind kind, const ReportRequest& request, Report* report = nullptr);
    /** The most rows a listing table holds (the note says when more exist). */
    static constexpr int kListLimit = 1000;
};

} // namespace yg
