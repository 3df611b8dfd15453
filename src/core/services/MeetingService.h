#pragma once

#include "domain/Meeting.h"
#include "reporting/ReportDocument.h"
#include "storage/MeetingRepository.h"

#include <QList>

namespace yg {

class Database;

/** An issue the data puts on a month's agenda, with every reason (see docs/lifecycle.md, "Monthly exchange meeting").
 */
struct AgendaProposal
{
    RowId issueId = 0;
    QString number;
    QList<AgendaReason> reasons;
};

/**
 * The monthly exchange meeting (月度交流会) of a group: the agenda prepared from the data
 * and edited, the record (date, chair, attendees, minutes) and the decisions, which become
 * lifecycle events attributed to the meeting, all in ONE transaction through
 * IssueService::actWithin. Writing needs Capability::Meetings and being the group's
 * supervisor; reading: the group's supervisor and cadres, staff and administrators.
 * Every refusal throws yg::Error and changes nothing.
 */
class MeetingService
{
public:
    explicit MeetingService(Database& db);

    /** The setting meetings.long_consultation_days (default 10). */
    int longConsultationDays();
    /** The agenda the data gives for a group and month ("2024-07"), as of min(month's last day, today). */
    QList<AgendaProposal> proposeAgenda(RowId groupId, const QString& month);
    /** The same for a person, who must be allowed to read the group's meetings. */
    QList<AgendaProposal> proposeAgenda(RowId groupId, const QString& month, RowId actorId);

    /** Creates the meeting with the proposed agenda; one meeting per group and month. */
    Meeting create(RowId groupId, const QString& month, RowId actorId);
    /** Saves date, chair, attendees, other attendees and minutes of a copy seen at meeting.meta.version. */
    Meeting save(Meeting meeting, RowId actorId);

    /** Adds an issue by its number (reason "added"), at the end. */
    AgendaItem addIssue(RowId meetingId, const QString& issueNumber, RowId actorId);
    /** Removes an item whose decision is not recorded yet. */
    void removeItem(RowId itemId, RowId actorId);
    /** Moves an item one place up (-1) or down (+1). */
    void moveItem(RowId itemId, int delta, RowId actorId);
    /** Stores the decision on an item (not yet applied); the item must not be decided already. */
    AgendaItem setDecision(RowId itemId, MeetingDecision decision, std::optional<RowId> departmentId, QDate dueDate,
                           const QString& note, RowId actorId);
    /**
     * Applies every stored decision that has no event yet, dated the meeting's date, in one
     * transaction; each event carries the meeting's id. If any is refused nothing is written
     * and the message names the issue and why. Returns the number of events written.
     */
    int recordDecisions(RowId meetingId, RowId actorId);

    /** Meetings the actor may read, newest month first. */
    QList<MeetingListRow> meetings(RowId actorId);
    /** A meeting and its agenda, if the actor may read it (throws otherwise). */
    Meeting meeting(RowId meetingId, RowId actorId);
    QList<AgendaItem> agenda(RowId meetingId, RowId actorId);
    /** Whether the actor may change the meeting (supervisor of its group, enabled). */
    bool canEdit(RowId meetingId, RowId actorId);
    /** The record for paper: header with the union, group and month; date, chair, attendees, minutes, agenda by reason.
     */
    ReportDocument recordDocument(RowId meetingId, RowId actorId);

    /** "2024-07" → first and last day; throws for anything else. */
    static std::pair<QDate, QDate> monthRange(const QString& month);

private:
    void requireWriter(RowId groupId, RowId actorId);
    void requireReader(RowId groupId, RowId actorId);
    Database& m_db;
};

} // namespace yg
