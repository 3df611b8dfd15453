#include "Permissions.h"

#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

bool Permissions::can(Role role, Capability c)
{
    switch (c) {
    case Capability::ReadAllRecords:
        return role == Role::Staff || role == Role::Admin;
    case Capability::CreateVisit:
        return role == Role::Cadre || role == Role::Supervisor;
    case Capability::ManageReference:
    case Capability::Nominations:
    case Capability::QuarterlyAnalysis:
        return role == Role::Staff;
    case Capability::ManageSettings:
    case Capability::ImportData:
    case Capability::PairDatabases:
        return role == Role::Staff || role == Role::Admin;
    case Capability::ManageAccounts:
    case Capability::BackupRestore:
    case Capability::DecideReference:
        return role == Role::Admin;
    case Capability::ReadAudit:
        return role == Role::Supervisor || role == Role::Admin;
    case Capability::ExportReports:
        return role == Role::Staff || role == Role::Supervisor || role == Role::Admin;
    case Capability::Meetings:
        return role == Role::Supervisor;
    case Capability::EditEnterprises:
        return role == Role::Staff || role == Role::Admin;
    case Capability::SharedNeeds:
        return role == Role::Staff || role == Role::Supervisor || role == Role::Admin;
    case Capability::DismissSharedNeeds:
        return role == Role::Staff || role == Role::Supervisor;
    }
    return false;
}

QString Permissions::capabilityName(Capability c)
{
    switch (c) {
    case Capability::ReadAllRecords:
        return QCoreApplication::translate("yg::Permissions", "reading every group's records");
    case Capability::CreateVisit:
        return QCoreApplication::translate("yg::Permissions", "recording visits");
    case Capability::ManageReference:
        return QCoreApplication::translate("yg::Permissions",
                                           "changing reference data (towns, categories, departments, holidays)");
    case Capability::ManageSettings:
        return QCoreApplication::translate("yg::Permissions", "changing settings");
    case Capability::ManageAccounts:
        return QCoreApplication::translate("yg::Permissions", "managing accounts");
    case Capability::BackupRestore:
        return QCoreApplication::translate("yg::Permissions", "backup and restore");
    case Capability::ReadAudit:
        return QCoreApplication::translate("yg::Permissions", "reading the audit trail");
    case Capability::ExportReports:
        return QCoreApplication::translate("yg::Permissions", "reports and exports");
    case Capability::Meetings:
        return QCoreApplication::translate("yg::Permissions", "exchange meetings");
    case Capability::Nominations:
        return QCoreApplication::translate("yg::Permissions", "annual evaluation nominations");
    case Capability::QuarterlyAnalysis:
        return QCoreApplication::translate("yg::Permissions", "town assessments of the quarterly analysis");
    case Capability::ImportData:
        return QCoreApplication::translate("yg::Permissions", "importing spreadsheets");
    case Capability::EditEnterprises:
        return QCoreApplication::translate("yg::Permissions", "adding and editing enterprises");
    case Capability::SharedNeeds:
        return QCoreApplication::translate("yg::Permissions", "shared-need alerts");
    case Capability::DismissSharedNeeds:
        return QCoreApplication::translate("yg::Permissions", "dismissing shared-need alerts");
    case Capability::PairDatabases:
        return QCoreApplication::translate("yg::Permissions", "pairing computers for the exchange");
    case Capability::DecideReference:
        return QCoreApplication::translate("yg::Permissions",
                                           "deciding conflicts of accounts and reference data from the office");
    }
    return {};
}

QString Permissions::refusal(const Cadre& actor, Capability c)
{
    if (can(actor.role, c))
        return {};
    return QCoreApplication::translate("yg::Permissions", "%1 (%2) may not do this: %3 is not part of the %2's role.")
        .arg(actor.name, displayName(actor.role), capabilityName(c));
}

void Permissions::require(const Cadre& actor, Capability c)
{
    const QString why = refusal(actor, c);
    if (!why.isEmpty())
        throw Error(why + QLatin1Char(' ') + QCoreApplication::translate("yg::Permissions", "Nothing was changed."));
}

} // namespace yg
