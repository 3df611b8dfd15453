#pragma once

#include "domain/Entities.h"

#include <QList>

namespace yg {

class Database;

/** What happens at once to an issue raised during a visit. */
enum class IssueDisposition
{
    Intake,  ///< recorded (接诊) and left in intake
    Explain, ///< explained on the spot (解释): closed as resolved
    Submit,  ///< submitted (提交) to consultation with a due date
};

/** An issue as the journal form collects it (enterprise, visit and owner come from the visit). */
struct RaisedIssue
{
    RowId categoryId = 0;
    QString title;
    QString description;
    QString raisedBy; ///< empty: the enterprise itself
    IssueDisposition disposition = IssueDisposition::Intake;
    QString explanation; ///< Explain: what was explained
    QDate dueDate;       ///< Submit: explicit due date, or null for the category's default
};

/** A journal entry (周记): one visit and the issues newly raised in it. */
struct JournalEntry
{
    Visit visit; ///< meta.id 0: a new visit; otherwise an edit of the stored one at meta.version
    QList<RaisedIssue> issues;
};

/**
 * Saves journal entries: the visit and every issue raised in it in ONE write transaction,
 * the issues through IssueService's lifecycle (a record event each, then explain or
 * submit). Any refusal or failure, on any issue, rolls back everything.
 */
class VisitService
{
public:
    explicit VisitService(Database& db);

    struct Saved
    {
        Visit visit;
        QList<Issue> issues;
    };
    /** Creates or updates the visit and records its new issues; throws yg::Error and changes nothing on refusal. */
    Saved save(const Cadre& actor, JournalEntry entry);

    /** Why `actor` may not record or edit this visit (as stored, for an edit); empty if they may. */
    QString refusal(const Cadre& actor, const Visit& visit);

private:
    Database& m_db;
};

} // namespace yg
