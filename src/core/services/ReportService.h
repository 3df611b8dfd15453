#pragma once

#include "reporting/ReportLayouts.h"

namespace yg {

class Database;

/**
 * Reports taken by a person: the one place that checks who may take which report before
 * any figure is read (an enabled account with Capability::ExportReports; supervisors take
 * the case-listing layouts only for their groups, ReportLayouts::actorProblem). The app's
 * reports page and `yuegong-cli report` both come through here.
 */
class ReportService
{
public:
    explicit ReportService(Database& db) : m_db(db) {}

    /** Why this person may not take this report (empty: they may); requests that do not fit come first. */
    QString refusal(const Cadre& actor, ReportKind kind, const ReportRequest& request);
    /** Builds the report; throws yg::Error with refusal() when it is not theirs to take. */
    ReportDocument build(const Cadre& actor, ReportKind kind, const ReportRequest& request, Report* report = nullptr);

    /**
     * A town's quarter for the quarterly analysis page (季分析): the quarterly report's figures
     * (with the previous quarter beside them) and its texts. Open to every enabled account:
     * it holds aggregates and the analysis texts, no case lists (docs/permissions.md).
     */
    ReportDocument quarterlyAnalysis(const Cadre& actor, const Period& quarter, RowId townId);

private:
    Database& m_db;
};

} // namespace yg
