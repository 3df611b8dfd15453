#include "TestSupport.h"
#include "reporting/HeadlineFigures.h"
#include "reporting/ReportEngine.h"
#include "services/IssueService.h"
#include "services/MeetingService.h"
#include "storage/AuditLog.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/IssueRepository.h"
#include "storage/MeetingRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;
using A = LifecycleAction;
using R = AgendaReason;

namespace {

/**
 * A hand-built July 2024 for the group 第一联络组 (supervisor 沈国平, cadre 王建国), seen on
 * 5 August 2024 (so states are as of 31 July). Each agenda reason is present, with the
 * boundaries: received on 1 July and on 30 June; resolved on 1 and 31 July and on 28 June;
 * in consultation for 11 and for exactly 10 working days (the setting's default).
 */
class MeetingTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 8, 5), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        CadreRepository cadres(t.db());
        WriteTransaction tx(t.db().connection());
        otherSupervisor.name = QStringLiteral("周敏");
        otherSupervisor.role = Role::Supervisor;
        otherSupervisor.activeFrom = QDate(2023, 4, 1);
        cadres.insert(otherSupervisor);
        stranger.name = QStringLiteral("赵强");
        stranger.activeFrom = QDate(2023, 4, 1);
        cadres.insert(stranger);
        staff.name = QStringLiteral("钱静");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 4, 1);
        cadres.insert(staff);
        tx.commit();

        newOnFirst = record(QDate(2024, 7, 1));
        newBefore = record(QDate(2024, 6, 30));
        resolvedLast = explain(record(QDate(2024, 6, 3)), QDate(2024, 7, 31));
        resolvedFirst = explain(record(QDate(2024, 6, 3)), QDate(2024, 7, 1));
        resolvedJune = explain(record(QDate(2024, 6, 3)), QDate(2024, 6, 28));
        long11 = submit(record(QDate(2024, 6, 14)), QDate(2024, 7, 16), QDate(2024, 9, 30));
        long10 = submit(record(QDate(2024, 6, 14)), QDate(2024, 7, 17), QDate(2024, 9, 30));
        overdue = submit(record(QDate(2024, 6, 14)), QDate(2024, 7, 22), QDate(2024, 7, 29));
        talk = submit(record(QDate(2024, 6, 17)), QDate(2024, 6, 17), QDate(2024, 6, 24));
        returned = submit(record(QDate(2024, 6, 14)), QDate(2024, 7, 1), QDate(2024, 9, 30));
        returned = act(returned, A::Transfer, QDate(2024, 7, 2));
        returned = act(returned, A::Return, QDate(2024, 7, 3));
        returned = act(returned, A::Feedback, QDate(2024, 7, 4));
        strangers = issues.record(draft(stranger.meta.id), stranger.meta.id, QDate(2024, 7, 10));
    }
    void TearDown() override { Clock::setFixedNow({}); }

    Issue draft(RowId owner)
    {
        Issue i;
        i.enterpriseId = f.enterprise.meta.id;
        i.categoryId = f.category.meta.id;
        i.title = QStringLiteral("职工反映工资拖欠");
        i.description = QStringLiteral("12名职工反映近两个月工资未按时发放。");
        i.ownerId = owner;
        return i;
    }
    Issue record(QDate on) { return issues.record(draft(f.cadre.meta.id), f.cadre.meta.id, on); }
    Issue act(const Issue& i, A a, QDate on, QDate due = {})
    {
        ActionInput in;
        in.action = a;
        in.date = on;
        in.note = QStringLiteral("说明");
        in.departmentId = f.department.meta.id;
        in.dueDate = due;
        return issues.act(i.meta.id, i.meta.version, f.cadre.meta.id, in);
    }
    Issue explain(const Issue& i, QDate on) { return act(i, A::Explain, on); }
    Issue submit(const Issue& i, QDate on, QDate due) { return act(i, A::Submit, on, due); }

    QMap<QString, QList<R>> agendaByNumber(const QList<AgendaItem>& items)
    {
        QMap<QString, QList<R>> out;
        for (const AgendaItem& i : items)
            out.insert(i.issueNumber, i.reasons);
        return out;
    }
    AgendaItem itemOf(RowId meetingId, const Issue& issue)
    {
        for (const AgendaItem& i : MeetingRepository(t.db()).items(meetingId)) {
            if (i.issueId == issue.meta.id)
                return i;
        }
        ADD_FAILURE() << "issue " << issue.number.toStdString() << " is not on the agenda";
        return {};
    }
    Meeting heldMeeting()
    {
        Meeting m = meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id);
        m.heldOn = QDate(2024, 8, 2);
        m.attendeeIds = {f.supervisor.meta.id, f.cadre.meta.id};
        m.otherAttendees = QStringLiteral("区人社局 陈科长");
        m.minutes = QStringLiteral("逐一通报问题进展，协调相关部门。");
        return meetings.save(m, f.supervisor.meta.id);
    }

    test::TempDatabase t;
    test::Fixture f;
    Cadre otherSupervisor, stranger, staff;
    IssueService issues{t.db()};
    MeetingService meetings{t.db()};
    Issue newOnFirst, newBefore, resolvedLast, resolvedFirst, resolvedJune, long11, long10, overdue, talk, returned,
        strangers;
};

} // namespace

TEST_F(MeetingTest, TheCalendarOfTheBoundariesIsWhatTheTestAssumes)
{
    const WorkCalendar c = issues.calendar();
    EXPECT_EQ(c.workingDaysBetween(QDate(2024, 7, 16), QDate(2024, 7, 31)), 11);
    EXPECT_EQ(c.workingDaysBetween(QDate(2024, 7, 17), QDate(2024, 7, 31)), 10);
    EXPECT_EQ(meetings.longConsultationDays(), 10);
}

TEST_F(MeetingTest, AgendaHasEveryReasonWithItsBoundaries)
{
    const QList<AgendaProposal> proposed = meetings.proposeAgenda(f.group.meta.id, QStringLiteral("2024-07"));
    QMap<QString, QList<R>> got;
    for (const AgendaProposal& p : proposed)
        got.insert(p.number, p.reasons);
    const QMap<QString, QList<R>> expected{
        {newOnFirst.number, {R::New}},         {resolvedLast.number, {R::Resolved}},
        {resolvedFirst.number, {R::Resolved}}, {long11.number, {R::LongConsultation}},
        {overdue.number, {R::Overdue}},        {talk.number, {R::LongConsultation, R::Overdue, R::Escalated}},
        {returned.number, {R::Returned}},
    };
    EXPECT_EQ(got, expected);
    EXPECT_FALSE(got.contains(newBefore.number)) << "received 30 June";
    EXPECT_FALSE(got.contains(resolvedJune.number)) << "resolved 28 June";
    EXPECT_FALSE(got.contains(long10.number)) << "exactly 10 working days is not longer than 10";
    EXPECT_FALSE(got.contains(strangers.number)) << "another group's issue";
    // Listed by first reason, then number.
    for (qsizetype i = 1; i < proposed.size(); ++i)
        EXPECT_LE(proposed[i - 1].reasons.first(), proposed[i].reasons.first());

    // The setting moves the boundary.
    CalendarRepository(t.db()).setSetting(QStringLiteral("meetings.long_consultation_days"), QStringLiteral("9"));
    got.clear();
    for (const AgendaProposal& p : meetings.proposeAgenda(f.group.meta.id, QStringLiteral("2024-07")))
        got.insert(p.number, p.reasons);
    EXPECT_EQ(got.value(long10.number), QList<R>{R::LongConsultation});
}

TEST_F(MeetingTest, CreatingAMeetingStoresTheAgendaOnceAndOnlyOncePerMonth)
{
    const Meeting m = meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id);
    const QList<AgendaItem> items = meetings.agenda(m.meta.id, f.supervisor.meta.id);
    EXPECT_EQ(items.size(), 7);
    EXPECT_EQ(agendaByNumber(items).value(talk.number), (QList<R>{R::LongConsultation, R::Overdue, R::Escalated}));
    for (qsizetype i = 0; i < items.size(); ++i)
        EXPECT_EQ(items[i].position, i + 1);
    const QString twice =
        errorOf([&] { meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id); });
    EXPECT_TRUE(twice.contains(QStringLiteral("already has"))) << twice.toStdString();
    EXPECT_TRUE(errorOf([&] {
                    meetings.create(f.group.meta.id, QStringLiteral("2024-13"), f.supervisor.meta.id);
                }).contains(QStringLiteral("not a month")));
}

TEST_F(MeetingTest, TheAgendaIsEditable)
{
    const Meeting m = meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id);
    const AgendaItem added = meetings.addIssue(m.meta.id, long10.number, f.supervisor.meta.id);
    EXPECT_EQ(added.reasons, QList<R>{R::Added});
    EXPECT_EQ(added.position, 8);
    EXPECT_TRUE(errorOf([&] {
                    meetings.addIssue(m.meta.id, long10.number, f.supervisor.meta.id);
                }).contains(QStringLiteral("already on the agenda")));
    EXPECT_TRUE(errorOf([&] {
                    meetings.addIssue(m.meta.id, strangers.number, f.supervisor.meta.id);
                }).contains(QStringLiteral("may see")))
        << "another group's issue is not the supervisor's";
    meetings.moveItem(added.meta.id, -1, f.supervisor.meta.id);
    QList<AgendaItem> items = meetings.agenda(m.meta.id, f.supervisor.meta.id);
    EXPECT_EQ(items[6].issueNumber, long10.number);
    EXPECT_EQ(items[6].position, 7);
    EXPECT_EQ(items[7].position, 8);
    meetings.removeItem(items[6].meta.id, f.supervisor.meta.id);
    items = meetings.agenda(m.meta.id, f.supervisor.meta.id);
    EXPECT_EQ(items.size(), 7);
    EXPECT_FALSE(agendaByNumber(items).contains(long10.number));
}

TEST_F(MeetingTest, DecisionsBecomeEventsAttributedToTheMeetingInOneGo)
{
    const Meeting m = heldMeeting();
    const AgendaItem toTransfer = itemOf(m.meta.id, long11);
    const AgendaItem toReschedule = itemOf(m.meta.id, overdue);
    const AgendaItem toNote = itemOf(m.meta.id, resolvedLast);
    meetings.setDecision(toTransfer.meta.id, MeetingDecision::Transfer, f.department.meta.id, QDate(2024, 8, 30),
                         QStringLiteral("请区人社局牵头协调"), f.supervisor.meta.id);
    meetings.setDecision(toReschedule.meta.id, MeetingDecision::Reschedule, {}, QDate(2024, 8, 16),
                         QStringLiteral("企业资金周转，延期两周"), f.supervisor.meta.id);
    meetings.setDecision(toNote.meta.id, MeetingDecision::Note, {}, {}, QStringLiteral("作为典型案例推广"),
                         f.supervisor.meta.id);

    EXPECT_EQ(meetings.recordDecisions(m.meta.id, f.supervisor.meta.id), 3);

    struct Expect
    {
        Issue issue;
        const char* action;
    } expects[] = {{long11, "transfer"}, {overdue, "reschedule"}, {resolvedLast, "note"}};
    for (const auto& e : expects) {
        const IssueEvent last = IssueRepository(t.db()).events(e.issue.meta.id).constLast();
        EXPECT_EQ(last.action, QLatin1String(e.action));
        EXPECT_EQ(last.meetingId, m.meta.id);
        EXPECT_EQ(last.eventDate, QDate(2024, 8, 2)) << "dated the meeting's day";
        EXPECT_EQ(last.actorId, f.supervisor.meta.id);
        EXPECT_EQ(itemOf(m.meta.id, e.issue).eventId, last.id);
    }
    EXPECT_EQ(IssueRepository(t.db()).issue(overdue.meta.id)->dueDate, QDate(2024, 8, 16));
    EXPECT_EQ(IssueRepository(t.db()).issue(long11.meta.id)->departmentId, f.department.meta.id);
    EXPECT_EQ(IssueRepository(t.db()).issue(resolvedLast.meta.id)->stage, Stage::Closed);
    EXPECT_TRUE(issues.checkConsistency().isEmpty());
    // Events not decided at a meeting carry none.
    EXPECT_FALSE(IssueRepository(t.db()).events(long11.meta.id).constFirst().meetingId.has_value());

    // Recorded once: a second run writes nothing, a decided item can be neither changed nor removed.
    EXPECT_EQ(meetings.recordDecisions(m.meta.id, f.supervisor.meta.id), 0);
    EXPECT_TRUE(errorOf([&] {
                    meetings.setDecision(toNote.meta.id, MeetingDecision::Note, {}, {}, QStringLiteral("再议"),
                                         f.supervisor.meta.id);
                }).contains(QStringLiteral("already recorded")));
    EXPECT_TRUE(errorOf([&] {
                    meetings.removeItem(toNote.meta.id, f.supervisor.meta.id);
                }).contains(QStringLiteral("already recorded")));
}

TEST_F(MeetingTest, ARefusedDecisionWritesNothingAndNamesTheIssue)
{
    const Meeting m = heldMeeting();
    meetings.setDecision(itemOf(m.meta.id, long11).meta.id, MeetingDecision::Transfer, f.department.meta.id, {},
                         QStringLiteral("请协调"), f.supervisor.meta.id);
    // The new issue is still in intake: a transfer is refused by the lifecycle.
    meetings.setDecision(itemOf(m.meta.id, newOnFirst).meta.id, MeetingDecision::Transfer, f.department.meta.id, {},
                         QStringLiteral("请协调"), f.supervisor.meta.id);
    const QByteArray before = test::contentHash(t.db().connection());
    const QString why = errorOf([&] { meetings.recordDecisions(m.meta.id, f.supervisor.meta.id); });
    EXPECT_TRUE(why.contains(newOnFirst.number)) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("Intake"))) << why.toStdString();
    EXPECT_TRUE(why.contains(QStringLiteral("No decision of the meeting was recorded"))) << why.toStdString();
    EXPECT_EQ(test::contentHash(t.db().connection()), before) << "the transfer of the other issue is not kept either";

    // A meeting without its date cannot date the events.
    Meeting undated = meetings.create(f.group.meta.id, QStringLiteral("2024-06"), f.supervisor.meta.id);
    EXPECT_TRUE(errorOf([&] {
                    meetings.recordDecisions(undated.meta.id, f.supervisor.meta.id);
                }).contains(QStringLiteral("date")));
}

TEST_F(MeetingTest, OnlyTheGroupsSupervisorWritesTheGroupAndStaffRead)
{
    const Meeting m = meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id);
    const QByteArray before = test::contentHash(t.db().connection());
    for (RowId who : {f.cadre.meta.id, staff.meta.id, otherSupervisor.meta.id}) {
        EXPECT_FALSE(errorOf([&] { meetings.create(f.group.meta.id, QStringLiteral("2024-08"), who); }).isEmpty());
        EXPECT_FALSE(errorOf([&] { meetings.addIssue(m.meta.id, long10.number, who); }).isEmpty());
        EXPECT_FALSE(errorOf([&] { meetings.recordDecisions(m.meta.id, who); }).isEmpty());
        Meeting copy = meetings.meeting(m.meta.id, f.supervisor.meta.id);
        copy.minutes = QStringLiteral("改");
        EXPECT_FALSE(errorOf([&] { meetings.save(copy, who); }).isEmpty());
        EXPECT_FALSE(meetings.canEdit(m.meta.id, who));
    }
    EXPECT_TRUE(meetings.canEdit(m.meta.id, f.supervisor.meta.id));
    EXPECT_EQ(test::contentHash(t.db().connection()), before);

    // Readers: the group's supervisor and cadres, staff; not another group's cadre or supervisor.
    for (RowId who : {f.supervisor.meta.id, f.cadre.meta.id, staff.meta.id}) {
        EXPECT_TRUE(errorOf([&] { meetings.agenda(m.meta.id, who); }).isEmpty());
        EXPECT_EQ(meetings.meetings(who).size(), 1);
    }
    for (RowId who : {stranger.meta.id, otherSupervisor.meta.id}) {
        EXPECT_FALSE(errorOf([&] { meetings.agenda(m.meta.id, who); }).isEmpty());
        EXPECT_TRUE(meetings.meetings(who).isEmpty());
    }
}

// The audit trail a supervisor may read holds their groups' meetings, not another group's minutes.
TEST_F(MeetingTest, AnotherGroupsSupervisorDoesNotReadTheMinutesInTheAuditTrail)
{
    t.db().setAuditing(true);
    Meeting m = meetings.create(f.group.meta.id, QStringLiteral("2024-07"), f.supervisor.meta.id);
    m.minutes = QStringLiteral("会议纪要：只给本组看");
    meetings.save(m, f.supervisor.meta.id);
    auto meetingEntries = [&](RowId who) {
        AuditFilter filter;
        filter.visibleTo = who;
        int n = 0;
        for (const AuditEntry& e : AuditLog(t.db()).entries(filter, 0, 1000))
            n += e.table == QLatin1String("meetings") || e.table == QLatin1String("meeting_items");
        return n;
    };
    EXPECT_GT(meetingEntries(f.supervisor.meta.id), 0);
    EXPECT_GT(meetingEntries(f.cadre.meta.id), 0) << "the group's cadres read its meetings";
    EXPECT_EQ(meetingEntries(otherSupervisor.meta.id), 0);
}

TEST_F(MeetingTest, NotesAndNewDueDatesLeaveTheReportedFiguresAsDocumented)
{
    auto figures = [&] {
        ReportRequest r;
        r.period = Period::month(2024, 7);
        r.mode = CountingMode::CumulativeAsOf;
        r.cumulativeStart = QDate(2024, 1, 1);
        return ReportEngine::figures(t.db(), r, r.period);
    };
    const ReportFigures before = figures();
    const auto headlineBefore = HeadlineFigures::compute(t.db(), {}, QDate(2024, 7, 31));
    const Meeting m = heldMeeting();
    meetings.setDecision(itemOf(m.meta.id, resolvedLast).meta.id, MeetingDecision::Note, {}, {},
                         QStringLiteral("作为典型案例推广"), f.supervisor.meta.id);
    meetings.setDecision(itemOf(m.meta.id, returned).meta.id, MeetingDecision::Note, {}, {}, QStringLiteral("跟进"),
                         f.supervisor.meta.id);
    meetings.recordDecisions(m.meta.id, f.supervisor.meta.id);
    // A note dated in the period itself, on a closed issue: its closing date must not move.
    issues.act(resolvedFirst.meta.id, IssueRepository(t.db()).issue(resolvedFirst.meta.id)->meta.version,
               f.cadre.meta.id, [] {
                   ActionInput in;
                   in.action = A::Note;
                   in.date = QDate(2024, 7, 31);
                   in.note = QStringLiteral("企业来电致谢");
                   return in;
               }());
    const ReportFigures after = figures();
    EXPECT_EQ(after.counts.resolved, before.counts.resolved);
    EXPECT_EQ(after.counts.closedWithinDue, before.counts.closedWithinDue);
    EXPECT_EQ(after.counts.averageDaysToClose, before.counts.averageDaysToClose);
    EXPECT_EQ(after.counts.medianDaysToClose, before.counts.medianDaysToClose);
    EXPECT_EQ(after.counts.open, before.counts.open);
    EXPECT_EQ(after.counts.overdue, before.counts.overdue);
    EXPECT_EQ(after.resolution.percentText(), before.resolution.percentText());
    EXPECT_EQ(HeadlineFigures::compute(t.db(), {}, QDate(2024, 7, 31)).counts.issuesResolved,
              headlineBefore.counts.issuesResolved);
    EXPECT_TRUE(issues.checkConsistency().isEmpty());

    // A new due date changes the due-date figures, and nothing else: the reports read the
    // issue's due date as it is now (docs/lifecycle.md), so July's overdue count loses it.
    const ReportFigures overdueBefore = figures();
    const AgendaItem item = itemOf(m.meta.id, overdue);
    EXPECT_FALSE(item.decided());
    meetings.setDecision(item.meta.id, MeetingDecision::Reschedule, {}, QDate(2024, 8, 30), QStringLiteral("延期"),
                         f.supervisor.meta.id);
    EXPECT_EQ(meetings.recordDecisions(m.meta.id, f.supervisor.meta.id), 1);
    const ReportFigures overdueAfter = figures();
    EXPECT_EQ(overdueAfter.counts.overdue, overdueBefore.counts.overdue - 1);
    EXPECT_EQ(overdueAfter.counts.open, overdueBefore.counts.open);
    EXPECT_EQ(overdueAfter.counts.resolved, overdueBefore.counts.resolved);
    EXPECT_EQ(overdueAfter.counts.collected, overdueBefore.counts.collected);
    EXPECT_EQ(overdueAfter.counts.closedWithinDue, overdueBefore.counts.closedWithinDue);
    EXPECT_TRUE(issues.checkConsistency().isEmpty());
}
