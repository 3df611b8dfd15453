#pragma once

#include "domain/Entities.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace yg {

/**
 * Why an issue is on a monthly exchange meeting's agenda (月度交流会). An issue can have
 * several reasons; it is listed once, under its first reason in this order, with all of them.
 */
enum class AgendaReason
{
    New,              ///< received (接诊) in the month
    Resolved,         ///< resolved in the month (explained on the spot or confirmed on follow-up)
    LongConsultation, ///< in consultation longer than meetings.long_consultation_days working days
    Overdue,          ///< open and past its due date (督办 and above on the escalation ladder)
    Escalated,        ///< overdue by more than escalation.talk_after_days working days (约谈)
    Returned,         ///< returned by a department (退回) in the month
    Added             ///< added to the agenda by hand
};

inline constexpr std::array kAllAgendaReasons{
    AgendaReason::New,     AgendaReason::Resolved,  AgendaReason::LongConsultation,
    AgendaReason::Overdue, AgendaReason::Escalated, AgendaReason::Returned,
    AgendaReason::Added};

QString toKey(AgendaReason r);
QString displayName(AgendaReason r);
template<> std::optional<AgendaReason> fromKey<AgendaReason>(const QString& key);
/** "new,overdue" ⇄ list, in the fixed order; unknown keys are dropped. */
QString reasonsKey(const QList<AgendaReason>& reasons);
QList<AgendaReason> reasonsFromKey(const QString& key);
/** The reasons as a person reads them, e.g. "本月新增、逾期". */
QString reasonsText(const QList<AgendaReason>& reasons);

/** What the meeting decided on one issue; each becomes one lifecycle event. */
enum class MeetingDecision
{
    None,
    Transfer,   ///< 流转 to a department (the lifecycle's transfer: consultation only)
    Reschedule, ///< a new due date (the lifecycle's reschedule)
    Note        ///< a note on the issue's record (the lifecycle's note)
};
QString toKey(MeetingDecision d);
QString displayName(MeetingDecision d);
template<> std::optional<MeetingDecision> fromKey<MeetingDecision>(const QString& key);

/** One monthly exchange meeting of a group. */
struct Meeting
{
    RecordMeta meta;
    RowId groupId = 0;
    QString month; ///< "2024-07"
    QDate heldOn;  ///< invalid until set
    std::optional<RowId> chairId;
    QList<RowId> attendeeIds; ///< people of the database, in the order listed
    QString otherAttendees;   ///< department representatives and others, free text
    QString minutes;
};

/** One issue on a meeting's agenda, with its decision (joined with the issue for showing). */
struct AgendaItem
{
    RecordMeta meta;
    RowId meetingId = 0;
    RowId issueId = 0;
    QList<AgendaReason> reasons;
    int position = 0;
    MeetingDecision decision = MeetingDecision::None;
    std::optional<RowId> departmentId;
    QDate dueDate;
    QString note;
    std::optional<RowId> eventId; ///< set once the decision was recorded as a lifecycle event

    // Read-only, joined:
    QString issueNumber;
    QString issueTitle;
    QString enterprise;
    QString category;
    QString owner;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
    QDate issueDueDate;
    int issueVersion = 0;
    QString department; ///< the decision's department

    bool decided() const { return eventId.has_value(); }
};

/** "Transfer to 区人社局, due 2024-08-15: 请协调" — the decision as the record prints it. */
QString decisionText(const AgendaItem& item);

} // namespace yg
