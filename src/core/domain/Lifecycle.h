#pragma once

#include "domain/Entities.h"
#include "domain/WorkCalendar.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace yg {

/** The steps of the closed loop 接诊 → 会诊 → 回访 (see the table in docs/lifecycle.md). */
enum class LifecycleAction
{
    Record,     ///< 接诊: the issue is recorded (creates it, in intake)
    Explain,    ///< 解释: solved on the spot by explaining a policy → closed, resolved
    Submit,     ///< 提交: to the district union → consultation, with a due date
    Transfer,   ///< 流转: to a responsible department (may repeat)
    Return,     ///< 退回: the department returns it (counted per department)
    Feedback,   ///< 反馈: the solution is reported → follow-up
    Confirm,    ///< 回访: the follow-up visit confirms it solved → closed, resolved
    Reject,     ///< the follow-up finds it unsolved → back to consultation
    Close,      ///< closed unresolved, with the reason
    Withdraw,   ///< the raiser withdrew it
    Reopen,     ///< a closed issue back to consultation (supervisor or staff)
    Pause,      ///< the deadline clock stops (waiting on the enterprise or an outside body)
    Resume,     ///< the clock runs again; the due date moves by the paused working days
    Reschedule, ///< a new due date with a reason (supervisor or staff, e.g. at the monthly meeting)
    Note,       ///< a note on the record; changes nothing else (any stage, paused or not)
};

inline constexpr std::array kAllLifecycleActions{
    LifecycleAction::Record, LifecycleAction::Explain,    LifecycleAction::Submit,  LifecycleAction::Transfer,
    LifecycleAction::Return, LifecycleAction::Feedback,   LifecycleAction::Confirm, LifecycleAction::Reject,
    LifecycleAction::Close,  LifecycleAction::Withdraw,   LifecycleAction::Reopen,  LifecycleAction::Pause,
    LifecycleAction::Resume, LifecycleAction::Reschedule, LifecycleAction::Note};

QString toKey(LifecycleAction a);
QString displayName(LifecycleAction a);
template<> std::optional<LifecycleAction> fromKey<LifecycleAction>(const QString& key);

/** Satisfaction recorded on a follow-up (回访). */
inline const QString kSatisfied = QStringLiteral("satisfied");
inline const QString kBasicallySatisfied = QStringLiteral("basically_satisfied");
inline const QString kDissatisfied = QStringLiteral("dissatisfied");
QString satisfactionName(const QString& key);

/** The lifecycle state of one issue, as its events imply. */
struct IssueState
{
    bool exists = false;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
    QDate receivedOn;
    QDate dueDate;
    std::optional<RowId> departmentId;
    QDate pausedSince; ///< valid while the clock is paused
    QDate closedOn;
    QDate lastEventDate;
    int reopenCount = 0;

    bool isPaused() const { return pausedSince.isValid(); }
    /** The part of the state stored on an issue row (enough for escalation). */
    static IssueState ofStored(Stage stage, QDate dueDate, QDate pausedSince)
    {
        IssueState s;
        s.exists = true;
        s.stage = stage;
        s.dueDate = dueDate;
        s.pausedSince = pausedSince;
        return s;
    }
    friend bool operator==(const IssueState&, const IssueState&) = default;
};

/** How the acting person relates to the issue (worked out by the service from the database). */
struct ActorContext
{
    RowId id = 0;
    QString name;
    Role role = Role::Cadre;
    bool isOwner = false;         ///< the owning cadre
    bool onVisit = false;         ///< one of the cadres on the visit the issue was raised in
    bool supervisesOwner = false; ///< supervisor of the owner's group
};

/** What a person asks for: the action and the fields it requires. */
struct ActionInput
{
    LifecycleAction action = LifecycleAction::Record;
    QDate date; ///< the day it happened (district calendar)
    QString note;
    std::optional<RowId> departmentId;
    QDate dueDate; ///< submit/transfer/reopen: explicit due date (otherwise the category default); reschedule: the new
                   ///< one
    QString satisfaction;
};

/**
 * The rules of the closed loop, free of storage: which action is allowed from which stage
 * and by whom, what each requires, and what it changes. Every refusal is a sentence that
 * names the stage, the action and why.
 */
class Lifecycle
{
public:
    /** Empty when allowed; otherwise why not. `today` bounds the action date. */
    static QString refusal(const IssueState& state, const ActorContext& actor, const ActionInput& input, QDate today);

    /** The actions this actor may take now (field requirements aside). */
    static QList<LifecycleAction> allowedActions(const IssueState& state, const ActorContext& actor);

    /**
     * The state after an allowed action and the event that records it (issue id, actor and
     * timestamps are filled in by the service). Due dates count working days.
     */
    static std::pair<IssueState, IssueEvent> apply(const IssueState& state, const ActionInput& input,
                                                   const WorkCalendar& calendar, int defaultDueDays);

    /** The state implied by events in order, optionally only those on or before asOf. */
    static IssueState replay(const QList<IssueEvent>& events, QDate asOf = {});

private:
    static QString stageRefusal(const IssueState& state, LifecycleAction action);
    static QString actorRefusal(const ActorContext& actor, LifecycleAction action);
    static QString fieldRefusal(const IssueState& state, const ActionInput& input, QDate today);
};

/** The provincial union's escalation ladder: 提醒 → 预警 → 督办 → 约谈. */
enum class Escalation
{
    None,
    Reminder,
    Warning,
    Supervision,
    Talk
};
QString toKey(Escalation e);
QString displayName(Escalation e);

struct EscalationThresholds
{
    int reminderDays = 2;  ///< reminder this many working days (or fewer) before the due date
    int talkAfterDays = 5; ///< talk (约谈) when overdue by more than this many working days
};

/** The level of one issue as of a date; closed, paused and undated issues have none. */
Escalation escalationOf(const IssueState& state, QDate asOf, const WorkCalendar& calendar,
                        const EscalationThresholds& thresholds);

/** Figures derived from an issue's events, as of a date (all counts in working days). */
struct IssueFigures
{
    std::array<int, 4> daysInStage{}; ///< per Stage (Closed: 0)
    std::optional<int> daysToClose;   ///< intake → closed, if closed as of the date
    std::optional<bool> closedWithinDue;
    int reopenCount = 0;
};
IssueFigures figuresOf(const QList<IssueEvent>& events, QDate asOf, const WorkCalendar& calendar);

} // namespace yg
