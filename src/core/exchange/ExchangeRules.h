#pragma once

#include "domain/Entities.h"
#include "services/Permissions.h"
#include "storage/ExchangeStore.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace yg {

class Database;

/**
 * What a records file from a paired laptop may change here: exactly what the laptop's
 * accounts (named when it was paired) could change on this database through the services
 * themselves, with the same permission checks and the same lifecycle. A signature proves
 * which database wrote a file, not that a person with that database's file did not edit and
 * re-sign it; so nothing in a file is believed because of who signed it — every change is
 * checked as if one of those accounts made it here.
 *
 * - a visit: recorded or edited by one of them (on it, or as the supervisor of its author's
 *   group — rights from the visit as stored here), valid, not dated after tomorrow;
 * - an issue: new only as raised at a visit, its owner on that visit, valid; its own fields
 *   changed only by staff (the spreadsheet import is the only other way to change them);
 * - an issue step: by one of them, allowed to that actor at that point of the laptop's own
 *   history of the issue (replayed through Lifecycle: no confirm without the feedback before
 *   it, satisfaction only on a follow-up, dates in order and not in the future), recording
 *   exactly the result the rules give, attributed to a meeting only by its supervisor;
 * - an enterprise: added or changed only by staff or an administrator;
 * - a quarterly note: its own author's (a reflection by a cadre or supervisor, a town
 *   assessment by staff).
 */
class ExchangeAuthority
{
public:
    ExchangeAuthority(Database& db, ExchangeStore& store, const QList<RowId>& accounts);

    /** The laptop's enabled accounts by name, for messages. */
    QString names() const;
    bool empty() const { return m_accounts.isEmpty(); }

    /**
     * Why none of the laptop's accounts could make `incoming` what this database holds
     * (`here`: the record as stored, nullopt when new); empty if one could. References are
     * resolved by uuid through the store (records earlier in the file are written by then).
     */
    QString recordRefusal(const ExchangeTable& table, const std::optional<ExchangeRecord>& here,
                          const ExchangeRecord& incoming);

    /**
     * The laptop's own history of an issue (its steps in its order, as stored here) replayed
     * through the lifecycle: why a step in `newSteps` (uuids) is not one its actor could take
     * then; empty if every one is.
     */
    QString stepsRefusal(const Issue& issue, const QList<IssueEvent>& laptopHistory, const QSet<QString>& newSteps);

private:
    const Cadre* account(RowId id) const;
    bool anyCan(Capability capability) const;
    QString visitRefusal(const std::optional<ExchangeRecord>& here, const ExchangeRecord& incoming);
    QString issueRefusal(const std::optional<ExchangeRecord>& here, const ExchangeRecord& incoming);
    QString enterpriseRefusal(const ExchangeRecord& incoming);
    QString noteRefusal(const ExchangeRecord& incoming);
    QString stepRefusal(const Issue& issue, const QList<IssueEvent>& before, const IssueEvent& step);
    Visit visitOf(const QJsonObject& fields);
    Issue issueOf(const QJsonObject& fields);
    RowId idOf(const char* table, const QJsonValue& uuid);

    Database& m_db;
    ExchangeStore& m_store;
    QList<Cadre> m_accounts;
    QDate m_latest; ///< the latest date a visit or step may carry (today plus the clock skew)
};

} // namespace yg
