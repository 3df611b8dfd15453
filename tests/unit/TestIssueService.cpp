#include "TestSupport.h"
#include "reporting/HeadlineFigures.h"
#include "services/IssueService.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;
using A = LifecycleAction;

namespace {

class IssueServiceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        CadreRepository cadres(t.db());
        WriteTransaction tx(t.db().connection());
        companion.name = QStringLiteral("李丽华");
        companion.groupId = f.group.meta.id;
        companion.activeFrom = QDate(2023, 4, 1);
        cadres.insert(companion);
        stranger.name = QStringLiteral("赵强");
        stranger.activeFrom = QDate(2023, 4, 1);
        cadres.insert(stranger);
        staff.name = QStringLiteral("钱静");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 4, 1);
        cadres.insert(staff);
        Visit v;
        v.date = QDate(2024, 3, 1);
        v.cadreIds = {f.cadre.meta.id, companion.meta.id};
        v.enterpriseId = f.enterprise.meta.id;
        VisitRepository(t.db()).insert(v);
        visit = v;
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    Issue draft()
    {
        Issue i;
        i.visitId = visit.meta.id;
        i.enterpriseId = f.enterprise.meta.id;
        i.categoryId = f.category.meta.id; // 5 working days by default
        i.title = QStringLiteral("职工反映工资拖欠");
        i.description = QStringLiteral("12名职工反映近两个月工资未按时发放。");
        i.ownerId = f.cadre.meta.id;
        return i;
    }

    ActionInput input(A a, QDate date, const QString& note = QStringLiteral("说明"))
    {
        ActionInput in;
        in.action = a;
        in.date = date;
        in.note = note;
        in.departmentId = f.department.meta.id;
        in.satisfaction = kSatisfied;
        return in;
    }

    Issue act(const Issue& i, RowId actor, A a, QDate date)
    {
        return service.act(i.meta.id, i.meta.version, actor, input(a, date));
    }

    test::TempDatabase t;
    test::Fixture f;
    Cadre companion, stranger, staff;
    Visit visit;
    IssueService service{t.db()};
};

} // namespace

TEST_F(IssueServiceTest, TheWholeLoopAppendsOneEventPerActionAndStoresWhatTheyImply)
{
    Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1));
    EXPECT_EQ(i.number, QStringLiteral("2024-0001"));
    EXPECT_EQ(i.stage, Stage::Intake);
    i = act(i, f.cadre.meta.id, A::Submit, QDate(2024, 3, 1));
    EXPECT_EQ(i.dueDate, QDate(2024, 3, 8)) << "5 working days";
    i = act(i, companion.meta.id, A::Transfer, QDate(2024, 3, 4));
    EXPECT_EQ(i.departmentId, f.department.meta.id);
    i = act(i, f.cadre.meta.id, A::Return, QDate(2024, 3, 5));
    EXPECT_FALSE(i.departmentId.has_value());
    i = act(i, f.supervisor.meta.id, A::Transfer, QDate(2024, 3, 5));
    i = act(i, f.cadre.meta.id, A::Feedback, QDate(2024, 3, 7));
    EXPECT_EQ(i.stage, Stage::FollowUp);
    i = act(i, f.cadre.meta.id, A::Reject, QDate(2024, 3, 11));
    EXPECT_EQ(i.stage, Stage::Consultation);
    i = act(i, staff.meta.id, A::Feedback, QDate(2024, 3, 13));
    i = act(i, f.cadre.meta.id, A::Confirm, QDate(2024, 3, 15));
    EXPECT_EQ(i.stage, Stage::Closed);
    EXPECT_EQ(i.outcome, Outcome::Resolved);
    EXPECT_EQ(i.closedOn, QDate(2024, 3, 15));

    const QList<IssueEvent> events = IssueRepository(t.db()).events(i.meta.id);
    QStringList actions;
    for (const IssueEvent& e : events)
        actions << e.action;
    EXPECT_EQ(actions.join(QLatin1Char(',')),
              QStringLiteral("record,submit,transfer,return,transfer,feedback,reject,feedback,confirm"));
    EXPECT_EQ(events[6].satisfaction, kDissatisfied);
    EXPECT_EQ(events[8].satisfaction, kSatisfied);
    EXPECT_EQ(events[2].actorId, companion.meta.id);
    EXPECT_EQ(events[3].departmentId, f.department.meta.id) << "the return is counted against the department";
    EXPECT_EQ(i.meta.version, 9);
    EXPECT_TRUE(service.checkConsistency().isEmpty());

    const auto depts = service.departmentFigures();
    ASSERT_EQ(depts.size(), 1);
    EXPECT_EQ(depts[0].received, 2);
    EXPECT_EQ(depts[0].returned, 1);
    EXPECT_EQ(depts[0].feedbacks, 1);
    EXPECT_DOUBLE_EQ(depts[0].averageDaysToFeedback, 2.0) << "transferred 5 March, feedback 7 March";
}

TEST_F(IssueServiceTest, RefusedActionChangesNothing)
{
    const Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1));
    const QByteArray before = test::contentHash(t.db().connection());
    const QString stage = errorOf([&] { act(i, f.cadre.meta.id, A::Confirm, QDate(2024, 3, 2)); });
    EXPECT_TRUE(stage.contains(QStringLiteral("2024-0001"))) << stage.toStdString();
    EXPECT_TRUE(stage.contains(QStringLiteral("Intake"))) << stage.toStdString();
    EXPECT_TRUE(stage.contains(QStringLiteral("Nothing was changed"))) << stage.toStdString();
    const QString who = errorOf([&] { act(i, stranger.meta.id, A::Submit, QDate(2024, 3, 2)); });
    EXPECT_TRUE(who.contains(QStringLiteral("赵强 may not act"))) << who.toStdString();
    const QString field = errorOf([&] { service.act(i.meta.id, 1, f.cadre.meta.id, input(A::Explain, {}, {})); });
    EXPECT_TRUE(field.contains(QStringLiteral("what was explained"))) << field.toStdString();
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(IssueServiceTest, ActionOnAStaleCopyIsRefusedWithWhoAndWhen)
{
    const Issue seen = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1)); // two windows open at v1
    Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(3, 15), Qt::UTC));
    service.act(seen.meta.id, seen.meta.version, companion.meta.id, input(A::Submit, QDate(2024, 3, 1)));
    const QString message = errorOf(
        [&] { service.act(seen.meta.id, seen.meta.version, f.cadre.meta.id, input(A::Submit, QDate(2024, 3, 1))); });
    EXPECT_TRUE(message.contains(QStringLiteral("changed by 李丽华 at 2024-12-02 11:15"))) << message.toStdString();
    EXPECT_EQ(IssueRepository(t.db()).events(seen.meta.id).size(), 2) << "nothing lost or doubled";
}

TEST_F(IssueServiceTest, WhoMayReopen)
{
    Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1));
    i = service.act(i.meta.id, i.meta.version, f.cadre.meta.id, input(A::Explain, QDate(2024, 3, 1)));
    EXPECT_FALSE(errorOf([&] { act(i, f.cadre.meta.id, A::Reopen, QDate(2024, 4, 1)); }).isEmpty());
    EXPECT_FALSE(errorOf([&] { act(i, companion.meta.id, A::Reopen, QDate(2024, 4, 1)); }).isEmpty());
    EXPECT_EQ(service.allowedActions(i, f.supervisor.meta.id), (QList<A>{A::Reopen, A::Note}));
    EXPECT_EQ(service.allowedActions(i, f.cadre.meta.id), QList<A>{A::Note}) << "a closed issue takes only notes";
    i = act(i, f.supervisor.meta.id, A::Reopen, QDate(2024, 4, 1));
    EXPECT_EQ(i.stage, Stage::Consultation);
    EXPECT_FALSE(i.closedOn.isValid());
    // 5 working days from 1 April 2024: 2, 3, (4-5 Qingming off), Sunday 7 worked, 8, 9.
    EXPECT_EQ(i.dueDate, QDate(2024, 4, 9)) << "a new due date from the category default";
}

TEST_F(IssueServiceTest, DueDatesUseTheHolidayCalendarInTheDatabase)
{
    // Seeded from the State Council notice: 12-16 Feb 2024 off, Sunday 18 Feb worked.
    Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 2, 8));
    i = act(i, f.cadre.meta.id, A::Submit, QDate(2024, 2, 8));
    EXPECT_EQ(i.dueDate, QDate(2024, 2, 21));
    CalendarRepository calendar(t.db());
    EXPECT_THROW(calendar.setDay(QDate(2024, 2, 17), WorkCalendar::DayKind::Holiday, QStringLiteral("x")), Error);
    calendar.setDay(QDate(2024, 2, 19), WorkCalendar::DayKind::Holiday, QStringLiteral("加休"));
    EXPECT_FALSE(service.calendar().isWorkingDay(QDate(2024, 2, 19)));
}

TEST_F(IssueServiceTest, PausedClockAndEscalationLevels)
{
    Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1));
    i = act(i, f.cadre.meta.id, A::Submit, QDate(2024, 3, 1)); // due Fri 8 March
    EXPECT_EQ(service.escalationLevels(QDate(2024, 3, 6)).value(i.meta.id), Escalation::Reminder);
    EXPECT_EQ(service.escalationLevels(QDate(2024, 3, 8)).value(i.meta.id), Escalation::Warning);
    EXPECT_EQ(service.escalationLevels(QDate(2024, 3, 11)).value(i.meta.id), Escalation::Supervision);
    EXPECT_EQ(service.escalationLevels(QDate(2024, 3, 18)).value(i.meta.id), Escalation::Talk);
    i = act(i, f.cadre.meta.id, A::Pause, QDate(2024, 3, 4));
    EXPECT_FALSE(service.escalationLevels(QDate(2024, 3, 18)).contains(i.meta.id)) << "paused: no escalation";
    EXPECT_FALSE(errorOf([&] { act(i, f.cadre.meta.id, A::Transfer, QDate(2024, 3, 5)); }).isEmpty());
    i = act(i, f.cadre.meta.id, A::Resume, QDate(2024, 3, 7)); // 5, 6, 7 March paused
    EXPECT_EQ(i.dueDate, QDate(2024, 3, 13));
    EXPECT_TRUE(service.checkConsistency().isEmpty());

    CalendarRepository(t.db()).setSetting(QStringLiteral("escalation.talk_after_days"), QStringLiteral("20"));
    EXPECT_EQ(service.escalationLevels(QDate(2024, 3, 25)).value(i.meta.id), Escalation::Supervision);
}

TEST_F(IssueServiceTest, FiguresCanBeRecomputedAsOfAnyDate)
{
    Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 5, 6));
    i = service.act(i.meta.id, i.meta.version, f.cadre.meta.id, input(A::Explain, QDate(2024, 5, 6)));
    i = act(i, staff.meta.id, A::Reopen, QDate(2024, 7, 1));
    const auto june = HeadlineFigures::compute(t.db(), {}, QDate(2024, 6, 30));
    EXPECT_EQ(june.counts.issuesResolved, 1) << "on 30 June it was resolved";
    EXPECT_EQ(june.resolution.percentText(), QStringLiteral("100.00%"));
    const auto july = HeadlineFigures::compute(t.db(), {}, QDate(2024, 7, 2));
    EXPECT_EQ(july.counts.issuesResolved, 0) << "reopened on 1 July";
    EXPECT_EQ(july.resolution.percentText(), QStringLiteral("0.00%"));
}

TEST_F(IssueServiceTest, CheckFindsAStageThatDisagreesWithTheEvents)
{
    const Issue i = service.record(draft(), f.cadre.meta.id, QDate(2024, 3, 1));
    sql::execDirect(t.db().connection(),
                    QStringLiteral("UPDATE issues SET stage = 'follow_up' WHERE id = %1").arg(i.meta.id));
    const auto problems = service.checkConsistency();
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems[0].number, QStringLiteral("2024-0001"));
    EXPECT_TRUE(problems[0].problem.contains(QStringLiteral("follow_up"))) << problems[0].problem.toStdString();
}

TEST_F(IssueServiceTest, AdministratorsDoNotActOnCaseContent)
{
    Cadre admin;
    admin.name = QStringLiteral("管理员");
    admin.role = Role::Admin;
    admin.activeFrom = QDate(2023, 4, 1);
    CadreRepository(t.db()).insert(admin);
    EXPECT_THROW(service.record(draft(), admin.meta.id, QDate(2024, 3, 1)), Error);
    EXPECT_EQ(IssueRepository(t.db()).count(), 0);
}
