#include "TestSupport.h"
#include "domain/Lifecycle.h"

#include <gtest/gtest.h>

using namespace yg;
using A = LifecycleAction;

namespace {

enum class Who
{
    Owner,
    VisitCadre,
    OtherCadre,
    GroupSupervisor,
    OtherSupervisor,
    Staff,
    Admin
};
const Who kAllWho[] = {Who::Owner,           Who::VisitCadre, Who::OtherCadre, Who::GroupSupervisor,
                       Who::OtherSupervisor, Who::Staff,      Who::Admin};

const char* nameOf(Who w)
{
    static const char* const names[] = {"owner", "visit-cadre", "other-cadre", "group-supervisor", "other-supervisor",
                                        "staff", "admin"};
    return names[static_cast<int>(w)];
}

ActorContext actor(Who w)
{
    ActorContext a;
    a.id = 7;
    a.name = QString::fromLatin1(nameOf(w));
    a.role = Role::Cadre;
    switch (w) {
    case Who::Owner:
        a.isOwner = true;
        break;
    case Who::VisitCadre:
        a.onVisit = true;
        break;
    case Who::OtherCadre:
        break;
    case Who::GroupSupervisor:
        a.role = Role::Supervisor;
        a.supervisesOwner = true;
        break;
    case Who::OtherSupervisor:
        a.role = Role::Supervisor;
        break;
    case Who::Staff:
        a.role = Role::Staff;
        break;
    case Who::Admin:
        a.role = Role::Admin;
        break;
    }
    return a;
}

enum class At
{
    Intake,
    Consultation,
    FollowUp,
    Closed,
    Paused
};
const At kAllAt[] = {At::Intake, At::Consultation, At::FollowUp, At::Closed, At::Paused};

IssueState state(At at)
{
    IssueState s;
    s.exists = true;
    s.receivedOn = QDate(2024, 3, 1);
    s.lastEventDate = QDate(2024, 3, 1);
    switch (at) {
    case At::Intake:
        s.stage = Stage::Intake;
        break;
    case At::Consultation:
    case At::Paused:
        s.stage = Stage::Consultation;
        s.dueDate = QDate(2024, 3, 15);
        s.departmentId = 3;
        if (at == At::Paused)
            s.pausedSince = QDate(2024, 3, 4);
        break;
    case At::FollowUp:
        s.stage = Stage::FollowUp;
        s.dueDate = QDate(2024, 3, 15);
        break;
    case At::Closed:
        s.stage = Stage::Closed;
        s.outcome = Outcome::Resolved;
        s.closedOn = QDate(2024, 3, 1);
        break;
    }
    return s;
}

/** Written out by hand from the issue's table, independent of the implementation. */
bool stageAllows(At at, A a)
{
    switch (at) {
    case At::Intake:
        return a == A::Explain || a == A::Submit || a == A::Close || a == A::Withdraw || a == A::Note;
    case At::Consultation:
        return a == A::Transfer || a == A::Return || a == A::Feedback || a == A::Close || a == A::Withdraw ||
               a == A::Pause || a == A::Reschedule || a == A::Note;
    case At::FollowUp:
        return a == A::Confirm || a == A::Reject || a == A::Close || a == A::Pause || a == A::Reschedule ||
               a == A::Note;
    case At::Closed:
        return a == A::Reopen || a == A::Note;
    case At::Paused:
        return a == A::Resume || a == A::Close || a == A::Withdraw || a == A::Note;
    }
    return false;
}

bool roleAllows(Who w, A a)
{
    switch (w) {
    case Who::Staff:
    case Who::GroupSupervisor:
        return true;
    case Who::Owner:
    case Who::VisitCadre:
        return a != A::Reopen && a != A::Reschedule;
    default:
        return false;
    }
}

ActionInput complete(A a)
{
    ActionInput in;
    in.action = a;
    in.date = QDate(2024, 3, 8);
    in.note = QStringLiteral("已说明");
    in.departmentId = 3;
    in.satisfaction = kSatisfied;
    if (a == A::Reschedule)
        in.dueDate = QDate(2024, 3, 29);
    return in;
}

struct Triple
{
    At at;
    A action;
    Who who;
};

void PrintTo(const Triple& t, std::ostream* os)
{
    static const char* const stages[] = {"intake", "consultation", "follow_up", "closed", "paused"};
    *os << stages[static_cast<int>(t.at)] << "/" << toKey(t.action).toStdString() << "/" << nameOf(t.who);
}

std::vector<Triple> allTriples()
{
    std::vector<Triple> out;
    for (At at : kAllAt) {
        for (A a : kAllLifecycleActions) {
            if (a == A::Record)
                continue;
            for (Who w : kAllWho)
                out.push_back({at, a, w});
        }
    }
    return out;
}

class LifecycleMatrix : public ::testing::TestWithParam<Triple>
{};

} // namespace

// Every (stage, action, role) triple: allowed exactly when both the stage and the role
// allow it; a refusal is a sentence, and a stage refusal names the action.
TEST_P(LifecycleMatrix, AllowedExactlyWhenStageAndRoleAllow)
{
    const Triple t = GetParam();
    const bool expected = stageAllows(t.at, t.action) && roleAllows(t.who, t.action);
    const QString why = Lifecycle::refusal(state(t.at), actor(t.who), complete(t.action), QDate(2024, 3, 8));
    EXPECT_EQ(why.isEmpty(), expected) << why.toStdString();
    if (!stageAllows(t.at, t.action)) {
        EXPECT_TRUE(why.contains(displayName(t.action))) << why.toStdString();
    }
    const QList<A> allowed = Lifecycle::allowedActions(state(t.at), actor(t.who));
    EXPECT_EQ(allowed.contains(t.action), expected);
}

INSTANTIATE_TEST_SUITE_P(AllTriples, LifecycleMatrix, ::testing::ValuesIn(allTriples()));

TEST(Lifecycle, RefusalsNameTheStageTheActionAndWhy)
{
    const QString why =
        Lifecycle::refusal(state(At::Intake), actor(Who::Owner), complete(A::Confirm), QDate(2024, 3, 8));
    EXPECT_TRUE(why.contains(QStringLiteral("Confirm on follow-up"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("Intake"))) << why.toStdString();
    const QString who =
        Lifecycle::refusal(state(At::Closed), actor(Who::Owner), complete(A::Reopen), QDate(2024, 3, 8));
    EXPECT_TRUE(who.contains(QStringLiteral("supervisor of the owner's group or staff"))) << who.toStdString();
}

TEST(Lifecycle, RequiredFieldsAreChecked)
{
    const QDate today(2024, 3, 8);
    struct Case
    {
        At at;
        A action;
        std::function<void(ActionInput&)> spoil;
        const char* says;
    } cases[] = {
        {At::Intake, A::Explain, [](ActionInput& i) { i.note.clear(); }, "what was explained"},
        {At::Consultation, A::Transfer, [](ActionInput& i) { i.departmentId.reset(); }, "needs the department"},
        {At::Consultation, A::Transfer, [](ActionInput& i) { i.note = QStringLiteral("  "); }, "a note"},
        {At::Consultation, A::Feedback, [](ActionInput& i) { i.note.clear(); }, "what was done and by whom"},
        {At::FollowUp, A::Confirm, [](ActionInput& i) { i.satisfaction = kDissatisfied; }, "satisfaction"},
        {At::FollowUp, A::Reject, [](ActionInput& i) { i.note.clear(); }, "still unsolved"},
        {At::Consultation, A::Close, [](ActionInput& i) { i.note.clear(); }, "the reason"},
        {At::Intake, A::Withdraw, [](ActionInput& i) { i.note.clear(); }, "the reason"},
        {At::Closed, A::Reopen, [](ActionInput& i) { i.note.clear(); }, "the reason"},
        {At::Consultation, A::Pause, [](ActionInput& i) { i.note.clear(); }, "the reason"},
        {At::Intake, A::Submit, [](ActionInput& i) { i.dueDate = QDate(2024, 3, 1); }, "is before"},
        {At::Consultation, A::Reschedule, [](ActionInput& i) { i.dueDate = QDate(); }, "the new due date"},
        {At::FollowUp, A::Reschedule, [](ActionInput& i) { i.dueDate = QDate(2024, 3, 7); }, "is before"},
        {At::Consultation, A::Reschedule, [](ActionInput& i) { i.dueDate = QDate(2024, 3, 15); }, "already due"},
        {At::Consultation, A::Reschedule, [](ActionInput& i) { i.note.clear(); }, "the reason"},
        {At::Closed, A::Note, [](ActionInput& i) { i.note = QStringLiteral(" "); }, "the note"},
        {At::Paused, A::Note, [](ActionInput& i) { i.date = QDate(2024, 2, 29); }, "before the issue's last step"},
        {At::Intake, A::Submit, [](ActionInput& i) { i.date = QDate(2024, 3, 9); }, "in the future"},
        {At::Intake, A::Submit, [](ActionInput& i) { i.date = QDate(2024, 2, 29); }, "before the issue's last step"},
    };
    for (auto& c : cases) {
        ActionInput in = complete(c.action);
        ASSERT_TRUE(Lifecycle::refusal(state(c.at), actor(Who::Staff), in, today).isEmpty());
        c.spoil(in);
        const QString why = Lifecycle::refusal(state(c.at), actor(Who::Staff), in, today);
        EXPECT_TRUE(why.contains(QString::fromUtf8(c.says)))
            << toKey(c.action).toStdString() << ": " << why.toStdString();
    }
    IssueState noDept = state(At::Consultation);
    noDept.departmentId.reset();
    EXPECT_TRUE(Lifecycle::refusal(noDept, actor(Who::Staff), complete(A::Return), today)
                    .contains(QStringLiteral("not with a department")));
}

namespace {

WorkCalendar chineseCalendar()
{
    // The official 2024 Spring Festival and 2025 Spring Festival arrangements.
    WorkCalendar c;
    for (int d : {12, 13, 14, 15, 16})
        c.setException(QDate(2024, 2, d), WorkCalendar::DayKind::Holiday, QStringLiteral("春节"));
    c.setException(QDate(2024, 2, 4), WorkCalendar::DayKind::MakeUpWorkday, QStringLiteral("春节调休"));
    c.setException(QDate(2024, 2, 18), WorkCalendar::DayKind::MakeUpWorkday, QStringLiteral("春节调休"));
    for (QDate d : {QDate(2025, 1, 28), QDate(2025, 1, 29), QDate(2025, 1, 30), QDate(2025, 1, 31), QDate(2025, 2, 3),
                    QDate(2025, 2, 4)})
        c.setException(d, WorkCalendar::DayKind::Holiday, QStringLiteral("春节"));
    c.setException(QDate(2025, 1, 26), WorkCalendar::DayKind::MakeUpWorkday, QStringLiteral("春节调休"));
    c.setException(QDate(2025, 2, 8), WorkCalendar::DayKind::MakeUpWorkday, QStringLiteral("春节调休"));
    return c;
}

} // namespace

TEST(WorkCalendar, DueDatesAcrossTheSpringFestivalAndMakeUpDays)
{
    const WorkCalendar c = chineseCalendar();
    EXPECT_FALSE(c.isWorkingDay(QDate(2024, 2, 12)));
    EXPECT_TRUE(c.isWorkingDay(QDate(2024, 2, 18))) << "a Sunday worked in exchange (调休)";
    EXPECT_FALSE(c.isWorkingDay(QDate(2024, 2, 17))) << "an ordinary Saturday";
    // Thu 8 Feb 2024 + 5 working days: 9 Feb, (holidays), Sun 18 Feb, 19, 20, 21.
    EXPECT_EQ(c.addWorkingDays(QDate(2024, 2, 8), 5), QDate(2024, 2, 21));
    // Thu 23 Jan 2025 + 15: 24, Sun 26, 27, (28 Jan-4 Feb off), 5, 6, 7, Sat 8, 10 ... 19 Feb.
    EXPECT_EQ(c.addWorkingDays(QDate(2025, 1, 23), 15), QDate(2025, 2, 19));
    EXPECT_EQ(c.addWorkingDays(QDate(2024, 2, 8), 0), QDate(2024, 2, 8));
    EXPECT_EQ(c.workingDaysBetween(QDate(2024, 2, 8), QDate(2024, 2, 21)), 5);
    EXPECT_EQ(c.workingDaysBetween(QDate(2024, 2, 21), QDate(2024, 2, 8)), 0);
}

TEST(Lifecycle, SubmitDefaultsTheDueDateInWorkingDays)
{
    IssueState s = state(At::Intake);
    s.lastEventDate = QDate(2024, 2, 8);
    ActionInput in = complete(A::Submit);
    in.date = QDate(2024, 2, 8);
    const auto [next, event] = Lifecycle::apply(s, in, chineseCalendar(), 5);
    EXPECT_EQ(next.stage, Stage::Consultation);
    EXPECT_EQ(next.dueDate, QDate(2024, 2, 21));
    EXPECT_EQ(event.dueDate, QDate(2024, 2, 21));
    EXPECT_EQ(event.fromStage, Stage::Intake);
    EXPECT_EQ(event.toStage, Stage::Consultation);
}

TEST(Lifecycle, PauseAndResumeMoveTheDueDateByThePausedWorkingDays)
{
    const WorkCalendar c = chineseCalendar();
    IssueState s = state(At::Consultation); // due Fri 15 Mar 2024
    ActionInput pause = complete(A::Pause);
    pause.date = QDate(2024, 3, 5);
    auto [paused, e1] = Lifecycle::apply(s, pause, c, 5);
    EXPECT_TRUE(paused.isPaused());
    EXPECT_EQ(escalationOf(paused, QDate(2024, 3, 20), c, {}), Escalation::None) << "no escalation while paused";
    ActionInput resume = complete(A::Resume);
    resume.date = QDate(2024, 3, 12); // paused working days: 6, 7, 8, 11, 12 March = 5
    auto [running, e2] = Lifecycle::apply(paused, resume, c, 5);
    EXPECT_FALSE(running.isPaused());
    EXPECT_EQ(running.dueDate, QDate(2024, 3, 22));
    EXPECT_EQ(e2.dueDate, QDate(2024, 3, 22));
    EXPECT_EQ(Lifecycle::replay({e1, e2}).dueDate, QDate(2024, 3, 22));
}

struct EscalationCase
{
    QDate asOf;
    Escalation level;
};

void PrintTo(const EscalationCase& c, std::ostream* os)
{
    *os << c.asOf.toString(Qt::ISODate).toStdString();
}

class EscalationLadder : public ::testing::TestWithParam<EscalationCase>
{};

TEST_P(EscalationLadder, LevelOnTheDate)
{
    IssueState s = state(At::Consultation);
    s.dueDate = QDate(2024, 3, 20); // a Wednesday
    EXPECT_EQ(escalationOf(s, GetParam().asOf, WorkCalendar(), {2, 5}), GetParam().level);
}

INSTANTIATE_TEST_SUITE_P(
    Dates, EscalationLadder,
    ::testing::Values(EscalationCase{QDate(2024, 3, 15), Escalation::None},     // 3 working days before
                      EscalationCase{QDate(2024, 3, 18), Escalation::Reminder}, // 2 before: 提醒
                      EscalationCase{QDate(2024, 3, 19), Escalation::Reminder},
                      EscalationCase{QDate(2024, 3, 20), Escalation::Warning},     // due today: 预警
                      EscalationCase{QDate(2024, 3, 21), Escalation::Supervision}, // overdue: 督办
                      EscalationCase{QDate(2024, 3, 27), Escalation::Supervision}, // 5 working days late
                      EscalationCase{QDate(2024, 3, 28), Escalation::Talk}));      // 6 late: 约谈

TEST(Lifecycle, ReplayAsOfADateRecomputesThePast)
{
    const WorkCalendar c;
    IssueState s;
    QList<IssueEvent> events;
    auto step = [&](A a, QDate date) {
        ActionInput in = complete(a);
        in.date = date;
        auto [next, e] = Lifecycle::apply(s, in, c, 10);
        e.seq = static_cast<int>(events.size()) + 1;
        events.append(e);
        s = next;
    };
    step(A::Record, QDate(2024, 5, 6));
    step(A::Submit, QDate(2024, 5, 6));
    step(A::Transfer, QDate(2024, 5, 7));
    step(A::Feedback, QDate(2024, 6, 3));
    step(A::Confirm, QDate(2024, 6, 10));
    step(A::Reopen, QDate(2024, 7, 1));
    EXPECT_EQ(Lifecycle::replay(events), s) << "replay of all events = the state the actions produced";
    const IssueState june = Lifecycle::replay(events, QDate(2024, 6, 30));
    EXPECT_EQ(june.stage, Stage::Closed);
    EXPECT_EQ(june.outcome, Outcome::Resolved);
    EXPECT_EQ(june.closedOn, QDate(2024, 6, 10));
    const IssueState july = Lifecycle::replay(events, QDate(2024, 7, 2));
    EXPECT_EQ(july.stage, Stage::Consultation);
    EXPECT_EQ(july.reopenCount, 1);
    EXPECT_FALSE(july.closedOn.isValid());

    const IssueFigures atJune = figuresOf(events, QDate(2024, 6, 30), c);
    EXPECT_EQ(atJune.daysToClose, 25) << "6 May → 10 June: 25 weekdays";
    EXPECT_EQ(atJune.closedWithinDue, false) << "due 20 May (10 working days)";
    EXPECT_EQ(atJune.daysInStage[static_cast<int>(Stage::Consultation)], 20);
    EXPECT_EQ(atJune.daysInStage[static_cast<int>(Stage::FollowUp)], 5);
    EXPECT_EQ(atJune.reopenCount, 0);
    const IssueFigures atJuly = figuresOf(events, QDate(2024, 7, 5), c);
    EXPECT_FALSE(atJuly.daysToClose.has_value());
    EXPECT_EQ(atJuly.reopenCount, 1);
}

// A note changes nothing the figures read; a new due date changes the due date and what
// depends on it (closed within the due date, escalation), nothing else (docs/lifecycle.md).
// A meeting held on the 25th records its decisions on the 28th, after a colleague's note of
// the 26th: the note must not make the meeting's date "before the issue's last step".
TEST(Lifecycle, ANoteDoesNotBlockAStepDatedBeforeIt)
{
    const WorkCalendar c;
    IssueState s;
    for (const auto& [a, date] : QList<std::pair<A, QDate>>{
             {A::Record, QDate(2024, 11, 4)}, {A::Submit, QDate(2024, 11, 4)}, {A::Note, QDate(2024, 11, 26)}}) {
        ActionInput in = complete(a);
        in.date = date;
        s = Lifecycle::apply(s, in, c, 10).first;
    }
    EXPECT_EQ(s.lastEventDate, QDate(2024, 11, 4)) << "the note is not a step later ones must follow";
    ActionInput reschedule = complete(A::Reschedule);
    reschedule.date = QDate(2024, 11, 25);
    reschedule.dueDate = QDate(2024, 12, 13);
    EXPECT_EQ(Lifecycle::refusal(s, actor(Who::Staff), reschedule, QDate(2024, 11, 28)), QString());
    ActionInput early = reschedule;
    early.date = QDate(2024, 11, 1);
    EXPECT_TRUE(
        Lifecycle::refusal(s, actor(Who::Staff), early, QDate(2024, 11, 28)).contains(QStringLiteral("last step")))
        << "a real step still may not be backdated before the last real one";
}

// A merged history that leaves "closed" without a reopen (a laptop's step after the office
// closed the issue) must not keep a closing date on an open issue.
TEST(Lifecycle, ReplayClearsTheClosingDateWhenTheStageLeavesClosed)
{
    IssueEvent record;
    record.action = QStringLiteral("record");
    record.eventDate = QDate(2024, 11, 4);
    record.toStage = Stage::Intake;
    IssueEvent explain = record;
    explain.action = QStringLiteral("explain");
    explain.toStage = Stage::Closed;
    explain.outcome = Outcome::Resolved;
    IssueEvent submit = record;
    submit.action = QStringLiteral("submit");
    submit.eventDate = QDate(2024, 11, 5);
    submit.toStage = Stage::Consultation;
    const IssueState s = Lifecycle::replay({record, explain, submit});
    EXPECT_EQ(s.stage, Stage::Consultation);
    EXPECT_FALSE(s.closedOn.isValid());
}

TEST(Lifecycle, NotesAndNewDueDatesLeaveTheFiguresAsDocumented)
{
    const WorkCalendar c;
    auto run = [&](const QList<std::pair<A, QDate>>& steps) {
        IssueState s;
        QList<IssueEvent> events;
        for (const auto& [a, date] : steps) {
            ActionInput in = complete(a);
            in.date = date;
            in.dueDate = a == A::Reschedule ? QDate(2024, 6, 14) : QDate();
            EXPECT_TRUE(a == A::Record || Lifecycle::refusal(s, actor(Who::Staff), in, date).isEmpty())
                << toKey(a).toStdString();
            auto [next, e] = Lifecycle::apply(s, in, c, 10);
            e.seq = static_cast<int>(events.size()) + 1;
            events.append(e);
            s = next;
        }
        EXPECT_EQ(Lifecycle::replay(events), s);
        return events;
    };
    const QList<std::pair<A, QDate>> plain = {{A::Record, QDate(2024, 5, 6)},
                                              {A::Submit, QDate(2024, 5, 6)},
                                              {A::Transfer, QDate(2024, 5, 7)},
                                              {A::Feedback, QDate(2024, 6, 3)},
                                              {A::Confirm, QDate(2024, 6, 10)}};
    QList<std::pair<A, QDate>> noted = plain;
    noted.insert(3, {A::Note, QDate(2024, 5, 20)});
    noted.append({A::Note, QDate(2024, 7, 1)}); // on the closed issue
    const auto base = run(plain);
    const auto withNotes = run(noted);
    for (QDate asOf : {QDate(2024, 5, 31), QDate(2024, 6, 30), QDate(2024, 7, 31)}) {
        const IssueFigures a = figuresOf(base, asOf, c);
        const IssueFigures b = figuresOf(withNotes, asOf, c);
        EXPECT_EQ(a.daysInStage, b.daysInStage) << asOf.toString(Qt::ISODate).toStdString();
        EXPECT_EQ(a.daysToClose, b.daysToClose);
        EXPECT_EQ(a.closedWithinDue, b.closedWithinDue);
        EXPECT_EQ(a.reopenCount, b.reopenCount);
    }
    const IssueState closed = Lifecycle::replay(withNotes);
    EXPECT_EQ(closed.closedOn, QDate(2024, 6, 10)) << "a later note does not move the closing date";
    EXPECT_EQ(closed.outcome, Outcome::Resolved);

    QList<std::pair<A, QDate>> rescheduled = plain;
    rescheduled.insert(3, {A::Reschedule, QDate(2024, 5, 20)}); // due 20 May → 14 June
    const auto later = run(rescheduled);
    EXPECT_EQ(figuresOf(base, QDate(2024, 6, 30), c).closedWithinDue, false) << "due 20 May, closed 10 June";
    EXPECT_EQ(figuresOf(later, QDate(2024, 6, 30), c).closedWithinDue, true) << "due 14 June, closed 10 June";
    EXPECT_EQ(figuresOf(later, QDate(2024, 6, 30), c).daysToClose, figuresOf(base, QDate(2024, 6, 30), c).daysToClose);
    EXPECT_EQ(figuresOf(later, QDate(2024, 6, 30), c).daysInStage, figuresOf(base, QDate(2024, 6, 30), c).daysInStage);
    EXPECT_EQ(Lifecycle::replay(later, QDate(2024, 5, 31)).dueDate, QDate(2024, 6, 14));
    EXPECT_EQ(Lifecycle::replay(later, QDate(2024, 5, 19)).dueDate, QDate(2024, 5, 20));
}
