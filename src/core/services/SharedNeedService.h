#pragma once

#include "domain/Lifecycle.h"
#include "storage/SharedNeedQueries.h"

#include <QList>
#include <QString>

#include <optional>

namespace yg {

class Database;

/** The thresholds of shared-need detection (settings shared_need.*, migration 10). */
struct SharedNeedSettings
{
    int minIssues = 5;      ///< N: at least this many issues ...
    int minEnterprises = 4; ///< M: ... from at least this many distinct enterprises
    int periodDays = 90;    ///< issues open now or received in the last this many days
    bool byTown = true;     ///< also look within each town
};

/**
 * 共性需求提醒: at least N open or recent issues of one category, sharing a wording, from at
 * least M enterprises (district-wide or within one town). Alerts are computed, not stored;
 * their key (category uuid, town uuid or "district", wording) is stable across runs.
 */
struct SharedNeedAlert
{
    QString key;
    RowId categoryId = 0;
    QString categoryName;
    std::optional<RowId> townId; ///< none: district-wide
    QString townName;
    QString wording; ///< the text the issues share, e.g. 工会经费返还
    QList<RowId> issueIds;
    QList<RowId> enterpriseIds;
    /** The newest dismissal of this alert; present on an alert shown again because it grew. */
    std::optional<SharedNeedDismissal> dismissal;

    int issueCount() const { return static_cast<int>(issueIds.size()); }
    int enterpriseCount() const { return static_cast<int>(enterpriseIds.size()); }
};

/** How a briefing's outcome applies to each linked issue (one line per issue). */
struct BriefingOutcomeLine
{
    RowId issueId = 0;
    QString number;
    QString title;
    Stage stage = Stage::Intake;
    std::optional<LifecycleAction> action; ///< explain (intake), feedback (consultation), confirm (follow-up)
    QString refusal;                       ///< why the rules refuse it; empty when it can be applied
};

/**
 * Shared-need alerts and the policy briefings (专场解读会) planned from them. Detection is
 * SQL aggregation (storage/SharedNeedQueries): the 4-character pieces of candidate titles
 * shared widely enough per category, then the members of each wording checked against the
 * FTS5 trigram index (title and description). Permissions: seeing alerts needs
 * Capability::SharedNeeds, dismissing Capability::DismissSharedNeeds, planning a briefing
 * the right to record that visit (AdminService::visitRefusal), applying its outcome the
 * lifecycle rights on each issue (IssueService).
 */
class SharedNeedService
{
public:
    explicit SharedNeedService(Database& db);

    SharedNeedSettings settings();
    /** Stores the thresholds (Capability::ManageSettings); throws and changes nothing when refused or invalid. */
    void saveSettings(const Cadre& actor, const SharedNeedSettings& settings);

    /** Every alert as of `today` under these thresholds, dismissed or not (no permission check; benchmarks). */
    QList<SharedNeedAlert> detect(const SharedNeedSettings& settings, QDate today);

    /** The alerts the actor sees now: dismissed ones only when they grew since. */
    QList<SharedNeedAlert> alerts(const Cadre& actor);

    /** The issues behind an alert that the actor may see (a supervisor: their groups'). */
    QList<SharedNeedIssueRow> issuesOf(const Cadre& actor, const SharedNeedAlert& alert);
    QList<SharedNeedEnterpriseRow> enterprisesOf(const SharedNeedAlert& alert);

    /** Dismisses an alert with a reason, recording its size; it comes back only when it grows. */
    SharedNeedDismissal dismiss(const Cadre& actor, const SharedNeedAlert& alert, const QString& reason);

    /** A policy briefing to plan: one visit of kind policy_briefing at the host enterprise. */
    struct BriefingPlan
    {
        QDate date;
        QList<RowId> cadreIds; ///< the first is the author
        RowId hostEnterpriseId = 0;
        QString summary;
        QList<RowId> enterpriseIds; ///< invited (linked) enterprises; the host is added
        QList<RowId> issueIds;      ///< the issues it answers
    };
    /** Records the briefing visit and its links in one transaction; returns the visit. */
    Visit planBriefing(const Cadre& actor, const BriefingPlan& plan);

    /** The newest briefings linked to issues that the actor may see (Capability::SharedNeeds). */
    QList<BriefingRow> briefings(const Cadre& actor, int limit = 50);

    /** The enterprises and issues linked to a visit. */
    QList<RowId> linkedEnterprises(RowId visitId);
    QList<RowId> linkedIssues(RowId visitId);

    /**
     * What "apply the outcome" would do to each linked issue, as of the briefing's date:
     * intake → explain, consultation → feedback (it then needs its own follow-up),
     * follow-up → confirm (with `satisfaction`); the rules' refusal otherwise.
     */
    QList<BriefingOutcomeLine> previewOutcome(const Cadre& actor, RowId visitId, const QString& note,
                                              const QString& satisfaction);

    /**
     * Applies the outcome to every linked issue except `leaveOut`, each through
     * IssueService::actWithin (its own event), in ONE transaction. If any remaining issue is
     * refused, throws listing them by number with the reason; nothing is written.
     */
    QList<Issue> applyOutcome(const Cadre& actor, RowId visitId, const QString& note, const QString& satisfaction,
                              const QList<RowId>& leaveOut = {});

private:
    Database& m_db;
};

} // namespace yg
