#include "Lifecycle.h"

#include <QCoreApplication>

namespace yg {

namespace {

struct ActionEntry
{
    const char* key;
    const char* name;
};

constexpr ActionEntry kActions[] = {
    {"record", QT_TRANSLATE_NOOP("yg::Lifecycle", "Record (intake)")},
    {"explain", QT_TRANSLATE_NOOP("yg::Lifecycle", "Explain on the spot")},
    {"submit", QT_TRANSLATE_NOOP("yg::Lifecycle", "Submit")},
    {"transfer", QT_TRANSLATE_NOOP("yg::Lifecycle", "Transfer to a department")},
    {"return", QT_TRANSLATE_NOOP("yg::Lifecycle", "Returned by the department")},
    {"feedback", QT_TRANSLATE_NOOP("yg::Lifecycle", "Feedback")},
    {"confirm", QT_TRANSLATE_NOOP("yg::Lifecycle", "Confirm on follow-up")},
    {"reject", QT_TRANSLATE_NOOP("yg::Lifecycle", "Follow-up: not solved")},
    {"close", QT_TRANSLATE_NOOP("yg::Lifecycle", "Close unresolved")},
    {"withdraw", QT_TRANSLATE_NOOP("yg::Lifecycle", "Withdraw")},
    {"reopen", QT_TRANSLATE_NOOP("yg::Lifecycle", "Reopen")},
    {"pause", QT_TRANSLATE_NOOP("yg::Lifecycle", "Pause the clock")},
    {"resume", QT_TRANSLATE_NOOP("yg::Lifecycle", "Resume the clock")},
    {"reschedule", QT_TRANSLATE_NOOP("yg::Lifecycle", "New due date")},
    {"note", QT_TRANSLATE_NOOP("yg::Lifecycle", "Note")},
};

bool oneOf(Stage s, std::initializer_list<Stage> stages)
{
    for (Stage x : stages) {
        if (x == s)
            return true;
    }
    return false;
}

} // namespace

QString toKey(LifecycleAction a)
{
    return QLatin1String(kActions[static_cast<int>(a)].key);
}

QString displayName(LifecycleAction a)
{
    return QCoreApplication::translate("yg::Lifecycle", kActions[static_cast<int>(a)].name);
}

template<> std::optional<LifecycleAction> fromKey<LifecycleAction>(const QString& key)
{
    for (std::size_t i = 0; i < std::size(kActions); ++i) {
        if (key == QLatin1String(kActions[i].key))
            return static_cast<LifecycleAction>(i);
    }
    return std::nullopt;
}

QString satisfactionName(const QString& key)
{
    if (key == kSatisfied)
        return QCoreApplication::translate("yg::Lifecycle", "satisfied");
    if (key == kBasicallySatisfied)
        return QCoreApplication::translate("yg::Lifecycle", "basically satisfied");
    if (key == kDissatisfied)
        return QCoreApplication::translate("yg::Lifecycle", "dissatisfied");
    return key;
}

QString Lifecycle::stageRefusal(const IssueState& s, LifecycleAction a)
{
    using A = LifecycleAction;
    if (a == A::Record)
        return s.exists ? QCoreApplication::translate("yg::Lifecycle", "The issue is already recorded.") : QString();
    if (!s.exists)
        return QCoreApplication::translate("yg::Lifecycle", "The issue does not exist yet; record it first.");
    bool allowed = false;
    switch (a) {
    case A::Explain:
    case A::Submit:
        allowed = s.stage == Stage::Intake;
        break;
    case A::Transfer:
    case A::Return:
    case A::Feedback:
        allowed = s.stage == Stage::Consultation;
        break;
    case A::Confirm:
    case A::Reject:
        allowed = s.stage == Stage::FollowUp;
        break;
    case A::Close:
        allowed = oneOf(s.stage, {Stage::Intake, Stage::Consultation, Stage::FollowUp});
        break;
    case A::Withdraw:
        allowed = oneOf(s.stage, {Stage::Intake, Stage::Consultation});
        break;
    case A::Reopen:
        allowed = s.stage == Stage::Closed;
        break;
    case A::Pause:
        allowed = oneOf(s.stage, {Stage::Consultation, Stage::FollowUp}) && !s.isPaused();
        if (oneOf(s.stage, {Stage::Consultation, Stage::FollowUp}) && s.isPaused()) {
            return QCoreApplication::translate("yg::Lifecycle",
                                               "“%1” is not possible: the clock is already paused since %2.")
                .arg(displayName(a), s.pausedSince.toString(Qt::ISODate));
        }
        break;
    case A::Reschedule:
        allowed = oneOf(s.stage, {Stage::Consultation, Stage::FollowUp});
        break;
    case A::Note:
        return {}; // on any recorded issue, closed or paused too
    case A::Resume:
        if (!s.isPaused())
            return QCoreApplication::translate("yg::Lifecycle", "“%1” is not possible: the clock is not paused.")
                .arg(displayName(a));
        allowed = true;
        break;
    case A::Record:
        break;
    }
    if (!allowed) {
        QString stage = displayName(s.stage);
        if (s.stage == Stage::Closed)
            stage += QStringLiteral("（") + displayName(s.outcome) + QStringLiteral("）");
        return QCoreApplication::translate("yg::Lifecycle", "“%1” is not possible while the issue is in stage “%2”.")
            .arg(displayName(a), stage);
    }
    if (s.isPaused() && a != A::Resume && a != A::Close && a != A::Withdraw) {
        return QCoreApplication::translate(
                   "yg::Lifecycle", "“%1” is not possible while the clock is paused (since %2); resume it first.")
            .arg(displayName(a), s.pausedSince.toString(Qt::ISODate));
    }
    return {};
}

QString Lifecycle::actorRefusal(const ActorContext& actor, LifecycleAction a)
{
    if (actor.role == Role::Admin) {
        return QCoreApplication::translate("yg::Lifecycle",
                                           "%1 is an administrator; administrators do not act on case content.")
            .arg(actor.name);
    }
    if (a == LifecycleAction::Record)
        return {};
    if (a == LifecycleAction::Reopen || a == LifecycleAction::Reschedule) {
        if (actor.role == Role::Staff || actor.supervisesOwner)
            return {};
        return QCoreApplication::translate("yg::Lifecycle",
                                           "“%1” is for the supervisor of the owner's group or staff; %2 is neither.")
            .arg(displayName(a), actor.name);
    }
    if (actor.role == Role::Staff || actor.supervisesOwner || actor.isOwner || actor.onVisit)
        return {};
    return QCoreApplication::translate(
               "yg::Lifecycle",
               "%1 may not act on this issue: only the owning cadre, the cadres on its visit, the supervisor of "
               "the owner's group and staff may.")
        .arg(actor.name);
}

QString Lifecycle::fieldRefusal(const IssueState& s, const ActionInput& in, QDate today)
{
    using A = LifecycleAction;
    const QString what = displayName(in.action);
    if (!in.date.isValid())
        return QCoreApplication::translate("yg::Lifecycle", "“%1” needs the date it happened.").arg(what);
    if (in.date > today)
        return QCoreApplication::translate("yg::Lifecycle", "“%1” on %2 is in the future.")
            .arg(what, in.date.toString(Qt::ISODate));
    if (s.lastEventDate.isValid() && in.date < s.lastEventDate) {
        return QCoreApplication::translate("yg::Lifecycle", "“%1” on %2 is before the issue's last step (%3).")
            .arg(what, in.date.toString(Qt::ISODate), s.lastEventDate.toString(Qt::ISODate));
    }
    auto needNote = [&](const char* field) -> QString {
        if (in.note.trimmed().isEmpty())
            return QCoreApplication::translate("yg::Lifecycle", "“%1” needs %2.")
                .arg(what, QCoreApplication::translate("yg::Lifecycle", field));
        return {};
    };
    switch (in.action) {
    case A::Record:
        return {};
    case A::Explain:
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "what was explained"));
    case A::Submit:
    case A::Reopen:
        if (in.dueDate.isValid() && in.dueDate < in.date)
            return QCoreApplication::translate("yg::Lifecycle", "“%1”: the due date %2 is before %3.")
                .arg(what, in.dueDate.toString(Qt::ISODate), in.date.toString(Qt::ISODate));
        return in.action == A::Reopen ? needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "the reason")) : QString();
    case A::Transfer:
        if (!in.departmentId)
            return QCoreApplication::translate("yg::Lifecycle", "“%1” needs the department.").arg(what);
        if (in.dueDate.isValid() && in.dueDate < in.date)
            return QCoreApplication::translate("yg::Lifecycle", "“%1”: the due date %2 is before %3.")
                .arg(what, in.dueDate.toString(Qt::ISODate), in.date.toString(Qt::ISODate));
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "a note for the department"));
    case A::Return:
        if (!s.departmentId)
            return QCoreApplication::translate("yg::Lifecycle",
                                               "“%1” is not possible: the issue is not with a department.")
                .arg(what);
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "the department's reason"));
    case A::Feedback:
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "what was done and by whom"));
    case A::Confirm:
        if (in.satisfaction != kSatisfied && in.satisfaction != kBasicallySatisfied)
            return QCoreApplication::translate("yg::Lifecycle",
                                               "“%1” needs the satisfaction: satisfied or basically satisfied.")
                .arg(what);
        return {};
    case A::Reject:
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "what is still unsolved"));
    case A::Close:
    case A::Withdraw:
    case A::Pause:
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "the reason"));
    case A::Resume:
        return {};
    case A::Reschedule:
        if (!in.dueDate.isValid())
            return QCoreApplication::translate("yg::Lifecycle", "“%1” needs the new due date.").arg(what);
        if (in.dueDate < in.date)
            return QCoreApplication::translate("yg::Lifecycle", "“%1”: the due date %2 is before %3.")
                .arg(what, in.dueDate.toString(Qt::ISODate), in.date.toString(Qt::ISODate));
        if (in.dueDate == s.dueDate)
            return QCoreApplication::translate("yg::Lifecycle", "“%1”: the issue is already due on %2.")
                .arg(what, in.dueDate.toString(Qt::ISODate));
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "the reason"));
    case A::Note:
        return needNote(QT_TRANSLATE_NOOP("yg::Lifecycle", "the note"));
    }
    return {};
}

QString Lifecycle::refusal(const IssueState& state, const ActorContext& actor, const ActionInput& input, QDate today)
{
    QString why = stageRefusal(state, input.action);
    if (why.isEmpty())
        why = actorRefusal(actor, input.action);
    if (why.isEmpty())
        why = fieldRefusal(state, input, today);
    return why;
}

QList<LifecycleAction> Lifecycle::allowedActions(const IssueState& state, const ActorContext& actor)
{
    QList<LifecycleAction> out;
    for (LifecycleAction a : kAllLifecycleActions) {
        if (a != LifecycleAction::Record && stageRefusal(state, a).isEmpty() && actorRefusal(actor, a).isEmpty())
            out.append(a);
    }
    return out;
}

std::pair<IssueState, IssueEvent> Lifecycle::apply(const IssueState& s, const ActionInput& in,
                                                   const WorkCalendar& calendar, int defaultDueDays)
{
    using A = LifecycleAction;
    IssueState next = s;
    IssueEvent e;
    e.action = toKey(in.action);
    e.eventDate = in.date;
    e.note = in.note.trimmed();
    e.departmentId = in.departmentId;
    if (s.exists)
        e.fromStage = s.stage;
    next.exists = true;
    // A note changes nothing, not even the date later steps may not precede: a meeting's
    // decision or a briefing's outcome dated before a colleague's later note stays possible.
    if (in.action != LifecycleAction::Note)
        next.lastEventDate = in.date;
    auto close = [&](Outcome outcome) {
        next.stage = Stage::Closed;
        next.outcome = outcome;
        next.closedOn = in.date;
        next.pausedSince = QDate();
    };
    auto dueOr = [&](QDate given) {
        return given.isValid() ? given : calendar.addWorkingDays(in.date, defaultDueDays);
    };
    switch (in.action) {
    case A::Record:
        next.stage = Stage::Intake;
        next.outcome = Outcome::None;
        next.receivedOn = in.date;
        break;
    case A::Explain:
        close(Outcome::Resolved);
        break;
    case A::Submit:
        next.stage = Stage::Consultation;
        next.dueDate = dueOr(in.dueDate);
        e.dueDate = next.dueDate;
        break;
    case A::Transfer:
        next.departmentId = in.departmentId;
        if (in.dueDate.isValid()) {
            next.dueDate = in.dueDate;
            e.dueDate = in.dueDate;
        }
        break;
    case A::Return:
        e.departmentId = s.departmentId; // counted against the department that returned it
        next.departmentId.reset();
        break;
    case A::Feedback:
        next.stage = Stage::FollowUp;
        if (!e.departmentId)
            e.departmentId = s.departmentId;
        break;
    case A::Confirm:
        e.satisfaction = in.satisfaction;
        close(Outcome::Resolved);
        break;
    case A::Reject:
        e.satisfaction = kDissatisfied;
        next.stage = Stage::Consultation;
        break;
    case A::Close:
        close(Outcome::Unresolved);
        break;
    case A::Withdraw:
        close(Outcome::Withdrawn);
        break;
    case A::Reopen:
        next.stage = Stage::Consultation;
        next.outcome = Outcome::None;
        next.closedOn = QDate();
        next.reopenCount += 1;
        next.dueDate = dueOr(in.dueDate);
        e.dueDate = next.dueDate;
        break;
    case A::Pause:
        next.pausedSince = in.date;
        break;
    case A::Resume:
        if (s.dueDate.isValid()) {
            next.dueDate = calendar.addWorkingDays(s.dueDate, calendar.workingDaysBetween(s.pausedSince, in.date));
            e.dueDate = next.dueDate;
        }
        next.pausedSince = QDate();
        break;
    case A::Reschedule:
        next.dueDate = in.dueDate;
        e.dueDate = in.dueDate;
        break;
    case A::Note:
        break;
    }
    e.toStage = next.stage;
    e.outcome = next.outcome;
    return {next, e};
}

IssueState Lifecycle::replay(const QList<IssueEvent>& events, QDate asOf)
{
    IssueState s;
    for (const IssueEvent& e : events) {
        if (asOf.isValid() && e.eventDate > asOf)
            break;
        const auto action = fromKey<LifecycleAction>(e.action);
        if (s.exists && action == LifecycleAction::Note)
            continue; // a note changes nothing (a closed issue keeps its closing date; later steps may precede it)
        if (!s.exists) {
            s.exists = true;
            s.receivedOn = e.eventDate;
        }
        s.stage = e.toStage;
        s.outcome = e.outcome;
        s.lastEventDate = e.eventDate;
        if (e.dueDate.isValid())
            s.dueDate = e.dueDate;
        if (!action)
            continue;
        switch (*action) {
        case LifecycleAction::Transfer:
            s.departmentId = e.departmentId;
            break;
        case LifecycleAction::Return:
            s.departmentId.reset();
            break;
        case LifecycleAction::Pause:
            s.pausedSince = e.eventDate;
            break;
        case LifecycleAction::Resume:
            s.pausedSince = QDate();
            break;
        case LifecycleAction::Reopen:
            s.reopenCount += 1;
            s.closedOn = QDate();
            break;
        default:
            break;
        }
        if (s.stage == Stage::Closed) {
            s.closedOn = e.eventDate;
            s.pausedSince = QDate();
        } else {
            s.closedOn = QDate(); // whatever moved it out of closed (reopen, or a merged history)
        }
    }
    return s;
}

QString toKey(Escalation e)
{
    static const char* const keys[] = {"none", "reminder", "warning", "supervision", "talk"};
    return QLatin1String(keys[static_cast<int>(e)]);
}

QString displayName(Escalation e)
{
    switch (e) {
    case Escalation::None:
        return QCoreApplication::translate("yg::Lifecycle", "On time");
    case Escalation::Reminder:
        return QCoreApplication::translate("yg::Lifecycle", "Reminder");
    case Escalation::Warning:
        return QCoreApplication::translate("yg::Lifecycle", "Warning");
    case Escalation::Supervision:
        return QCoreApplication::translate("yg::Lifecycle", "Supervision");
    case Escalation::Talk:
        return QCoreApplication::translate("yg::Lifecycle", "Talk");
    }
    return {};
}

Escalation escalationOf(const IssueState& s, QDate asOf, const WorkCalendar& calendar,
                        const EscalationThresholds& thresholds)
{
    if (!s.exists || s.stage == Stage::Closed || s.isPaused() || !s.dueDate.isValid())
        return Escalation::None;
    if (asOf > s.dueDate) {
        const int overdue = calendar.workingDaysBetween(s.dueDate, asOf);
        return overdue > thresholds.talkAfterDays ? Escalation::Talk : Escalation::Supervision;
    }
    if (asOf == s.dueDate)
        return Escalation::Warning;
    return calendar.workingDaysBetween(asOf, s.dueDate) <= thresholds.reminderDays ? Escalation::Reminder
                                                                                   : Escalation::None;
}

IssueFigures figuresOf(const QList<IssueEvent>& events, QDate asOf, const WorkCalendar& calendar)
{
    IssueFigures f;
    IssueState s;
    QDate stageStart;
    for (const IssueEvent& e : events) {
        if (asOf.isValid() && e.eventDate > asOf)
            break;
        if (s.exists && e.action == toKey(LifecycleAction::Note))
            continue; // no stage change: the stage's time runs on, a closed issue's figures stay
        if (s.exists && s.stage != Stage::Closed)
            f.daysInStage[static_cast<int>(s.stage)] += calendar.workingDaysBetween(stageStart, e.eventDate);
        const IssueState before = s;
        s = Lifecycle::replay({e}, {}); // the event's own effect on stage/outcome/due
        s.exists = true;
        s.receivedOn = before.exists ? before.receivedOn : e.eventDate;
        s.dueDate = e.dueDate.isValid() ? e.dueDate : before.dueDate;
        s.reopenCount = before.reopenCount + (e.action == toKey(LifecycleAction::Reopen) ? 1 : 0);
        stageStart = e.eventDate;
        if (s.stage == Stage::Closed) {
            f.daysToClose = calendar.workingDaysBetween(s.receivedOn, e.eventDate);
            f.closedWithinDue = !s.dueDate.isValid() || e.eventDate <= s.dueDate;
        } else {
            f.daysToClose.reset();
            f.closedWithinDue.reset();
        }
    }
    if (s.exists && s.stage != Stage::Closed && asOf.isValid())
        f.daysInStage[static_cast<int>(s.stage)] += calendar.workingDaysBetween(stageStart, asOf);
    f.reopenCount = s.reopenCount;
    return f;
}

} // namespace yg
