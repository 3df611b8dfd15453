#pragma once

#include "district/CalendarImport.h"
#include "domain/Entities.h"
#include "storage/AuditLog.h"

#include <QList>

namespace yg {

class Database;

/**
 * Reference data, settings, visits and the audit trail as guarded services: every call
 * takes the acting user and is checked against the role matrix (Permissions) before
 * anything is read or written; a refusal throws yg::Error and changes nothing.
 */
class AdminService
{
public:
    explicit AdminService(Database& db);

    void setCategoryDueDays(const Cadre& actor, const QString& code, int days);
    CalendarImportResult importCalendar(const Cadre& actor, const QString& csvPath);
    void setEscalationThresholds(const Cadre& actor, std::optional<int> reminderDays, std::optional<int> talkAfterDays);
    void setIdleLockMinutes(const Cadre& actor, int minutes);
    /**
     * Whether the office's reference files carry the accounts' password hashes (administrators;
     * off by default: a laptop's administrator then sets each person's laptop password).
     */
    void setExchangePasswordHashes(const Cadre& actor, bool on);
    bool exchangePasswordHashes();
    int idleLockMinutes();

    /** Records a visit: cadres and supervisors, who must be on it or supervise its author. */
    Visit createVisit(const Cadre& actor, Visit visit);
    /** Edits a visit: its cadres, or the supervisor of the author's group. */
    Visit updateVisit(const Cadre& actor, Visit visit);
    /** Why `actor` may not record or edit `visit` (as given); empty when they may. */
    QString visitRefusal(const Cadre& actor, const Visit& visit);

    /** "My week": a key enterprise is due a visit after this many weeks without one (default 4). */
    void setKeyVisitWeeks(const Cadre& actor, int weeks);
    int keyVisitWeeks();

    qint64 auditCount(const Cadre& actor, const AuditFilter& filter);
    QList<AuditEntry> auditEntries(const Cadre& actor, const AuditFilter& filter, int offset, int limit);
    /**
     * Writes the filtered trail as CSV (UTF-8 with BOM, what Excel and WPS open) through a
     * temporary file renamed when complete; the file is readable by the owner only.
     * Returns the number of entries written.
     */
    qint64 exportAudit(const Cadre& actor, const AuditFilter& filter, const QString& path);
    /** "field: old → new; ..." for showing an entry's changes. */
    static QString describeChanges(const QJsonObject& changes);

private:
    Database& m_db;
};

} // namespace yg
