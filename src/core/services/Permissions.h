#pragma once

#include "domain/Entities.h"

#include <QString>

namespace yg {

/** What a role may do (docs/permissions.md is the same table in words). */
enum class Capability
{
    ReadAllRecords,     ///< every group's visits and issues (staff, admin; supervisors and cadres: their group)
    CreateVisit,        ///< cadres, supervisors
    ManageReference,    ///< towns, categories, departments, holidays, quotas (staff)
    ManageSettings,     ///< escalation thresholds, idle lock and other settings (admin, staff)
    ManageAccounts,     ///< create accounts, reset passwords, disable (admin)
    BackupRestore,      ///< (admin)
    ReadAudit,          ///< browse and export the audit trail (supervisor, admin)
    ExportReports,      ///< reports and exports (staff, supervisor, admin)
    Meetings,           ///< monthly exchange meetings and board decisions (supervisor)
    Nominations,        ///< annual evaluation nominations: record, score, select (staff)
    QuarterlyAnalysis,  ///< town assessments of the quarterly analysis (staff); reflections: each cadre their own
    ImportData,         ///< spreadsheet import of cadres, enterprises, visits and issues (staff, admin)
    EditEnterprises,    ///< add and edit enterprises in the registry (staff, admin)
    SharedNeeds,        ///< see shared-need alerts (supervisor, staff, admin)
    DismissSharedNeeds, ///< dismiss a shared-need alert with a reason (supervisor, staff)
    PairDatabases,      ///< pair and revoke laptops and the office for the exchange (staff, admin)
    DecideReference,    ///< decide conflicts of reference data and accounts from the office (admin)
};

/**
 * The role matrix, enforced by the core services on every call with the acting user.
 * refusal() returns the sentence a person reads; empty means allowed.
 */
class Permissions
{
public:
    static bool can(Role role, Capability capability);
    static QString refusal(const Cadre& actor, Capability capability);
    /** Throws yg::Error with refusal() unless allowed (and the account is enabled). */
    static void require(const Cadre& actor, Capability capability);
    static QString capabilityName(Capability capability);
};

} // namespace yg
