#include "TestSupport.h"
#include "domain/CreditCode.h"
#include "reporting/ReportEngine.h"
#include "services/IssueService.h"
#include "services/SharedNeedService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;

namespace {

const QString kRefundTitle = QStringLiteral("不了解工会经费返还政策");
const QDate kToday(2024, 12, 2);

/**
 * A district of two towns with 8 + 4 small enterprises, two categories, a cadre, her
 * supervisor, a staff member, an administrator and a cadre of no group.
 */
class SharedNeedTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(kToday, QTime(2, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        ReferenceRepository refs(t.db());
        CadreRepository cadres(t.db());
        EnterpriseRepository enterprises(t.db());
        WriteTransaction tx(t.db().connection());
        town2 = Town{{}, QStringLiteral("fushan"), QStringLiteral("府山街道"), 2};
        refs.insert(town2);
        fund = Category{{}, QStringLiteral("fund_refund"), QStringLiteral("工会经费"), 10, 2};
        refs.insert(fund);
        auto person = [&](Cadre& c, const char* name, Role role) {
            c.name = QString::fromUtf8(name);
            c.role = role;
            c.activeFrom = QDate(2023, 4, 1);
            cadres.insert(c);
        };
        person(staff, "钱静", Role::Staff);
        person(admin, "管理员", Role::Admin);
        person(stranger, "赵强", Role::Cadre);
        for (int n = 0; n < 12; ++n) {
            Enterprise e;
            e.name = QStringLiteral("越城小微企业%1有限公司").arg(n + 1);
            const QString first17 = QStringLiteral("9133060200000%1").arg(n + 1, 4, 10, QLatin1Char('0'));
            e.creditCode = first17 + CreditCode::checkCharacter(first17);
            e.townId = n < 8 ? f.town.meta.id : town2.meta.id;
            e.isSmallMicro = true;
            enterprises.insert(e);
            ents.append(e.meta.id);
        }
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    /** An issue of enterprise `e` (index), recorded by the cadre on `received`; `explain` closes it at once. */
    Issue issue(int e, const QString& title, QDate received = kToday, bool explain = false, RowId category = 0,
                const QString& description = QStringLiteral("企业希望了解相关政策。"))
    {
        Issue i;
        i.enterpriseId = ents.at(e);
        i.categoryId = category ? category : fund.meta.id;
        i.title = title;
        i.description = description;
        i.ownerId = f.cadre.meta.id;
        Issue stored = IssueService(t.db()).record(i, f.cadre.meta.id, received);
        if (explain) {
            ActionInput in;
            in.action = LifecycleAction::Explain;
            in.date = received;
            in.note = QStringLiteral("现场讲解政策");
            stored = IssueService(t.db()).act(stored.meta.id, stored.meta.version, f.cadre.meta.id, in);
        }
        return stored;
    }

    /** `issues` refund issues spread round-robin over the first `enterprises` enterprises of town 1. */
    void spread(int issues, int enterprises)
    {
        for (int n = 0; n < issues; ++n)
            issue(n % enterprises, kRefundTitle);
    }

    QList<SharedNeedAlert> detect(bool byTown = true)
    {
        SharedNeedSettings s;
        s.byTown = byTown;
        return SharedNeedService(t.db()).detect(s, kToday);
    }

    test::TempDatabase t;
    test::Fixture f;
    Town town2;
    Category fund;
    Cadre staff, admin, stranger;
    QList<RowId> ents;
};

struct Threshold
{
    int issues;
    int enterprises;
    bool alert;
};

class SharedNeedThresholds : public SharedNeedTest, public ::testing::WithParamInterface<Threshold>
{};

TEST_P(SharedNeedThresholds, AlertAtNIssuesFromMEnterprises)
{
    const Threshold p = GetParam();
    spread(p.issues, p.enterprises);
    const auto alerts = detect();
    if (!p.alert) {
        EXPECT_TRUE(alerts.isEmpty()) << alerts.value(0).wording.toStdString();
        return;
    }
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].wording, kRefundTitle);
    EXPECT_EQ(alerts[0].issueCount(), p.issues);
    EXPECT_EQ(alerts[0].enterpriseCount(), p.enterprises);
    EXPECT_EQ(alerts[0].categoryId, fund.meta.id);
    // All in one town: the town's alert stands for the district's identical one.
    EXPECT_EQ(alerts[0].townId, f.town.meta.id);
}

// Defaults N = 5 issues, M = 4 enterprises: just below, at and above each.
INSTANTIATE_TEST_SUITE_P(Defaults, SharedNeedThresholds,
                         ::testing::Values(Threshold{4, 4, false}, Threshold{5, 4, true}, Threshold{6, 4, true},
                                           Threshold{5, 3, false}, Threshold{5, 5, true}, Threshold{6, 5, true}));

TEST_F(SharedNeedTest, PeriodEdgeCountsClosedIssuesOnlyInsideThePeriod)
{
    const QDate since = kToday.addDays(-89); // 90 days including today
    for (int n = 0; n < 4; ++n)
        issue(n, kRefundTitle, since, true);
    issue(4, kRefundTitle, since.addDays(-1), true); // closed, one day before the period
    EXPECT_TRUE(detect().isEmpty());
    issue(5, kRefundTitle, since, true);
    ASSERT_EQ(detect().size(), 1);
    EXPECT_EQ(detect()[0].issueCount(), 5);
}

TEST_F(SharedNeedTest, OpenIssuesCountWhateverTheirAge)
{
    for (int n = 0; n < 5; ++n)
        issue(n, kRefundTitle, QDate(2023, 6, 1));
    ASSERT_EQ(detect().size(), 1);
}

TEST_F(SharedNeedTest, TownFilter)
{
    // 3 + 3 in two towns: a district alert only.
    for (int n = 0; n < 3; ++n)
        issue(n, kRefundTitle);
    for (int n = 8; n < 11; ++n)
        issue(n, kRefundTitle);
    auto alerts = detect();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_FALSE(alerts[0].townId.has_value());
    EXPECT_EQ(alerts[0].issueCount(), 6);

    // Two more in town 1: the town has its own alert (5 issues) beside the district's (8).
    issue(3, kRefundTitle);
    issue(4, kRefundTitle);
    alerts = detect();
    ASSERT_EQ(alerts.size(), 2);
    EXPECT_FALSE(alerts[0].townId.has_value());
    EXPECT_EQ(alerts[0].issueCount(), 8);
    EXPECT_EQ(alerts[1].townId, f.town.meta.id);
    EXPECT_EQ(alerts[1].townName, QStringLiteral("稽山街道"));
    EXPECT_EQ(alerts[1].issueCount(), 5);

    // Towns off: the district only.
    alerts = detect(false);
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_FALSE(alerts[0].townId.has_value());
}

TEST_F(SharedNeedTest, DifferentWordingOrCategoryIsNotGrouped)
{
    const QStringList titles{QStringLiteral("职工反映工资拖欠"), QStringLiteral("消防安全隐患整改"),
                             QStringLiteral("季节性招工困难"),   QStringLiteral("青年职工交友需求"),
                             QStringLiteral("一线职工技能培训"), QStringLiteral("户外劳动者驿站")};
    for (int n = 0; n < titles.size(); ++n)
        issue(n, titles[n]);
    EXPECT_TRUE(detect().isEmpty());
    // The same wording in two categories: 3 + 3 is below N in each.
    for (int n = 0; n < 3; ++n)
        issue(n, kRefundTitle);
    for (int n = 3; n < 6; ++n)
        issue(n, kRefundTitle, kToday, false, f.category.meta.id);
    EXPECT_TRUE(detect().isEmpty());
}

TEST_F(SharedNeedTest, SharedWordingOfDifferentTitlesAndDescriptions)
{
    issue(0, QStringLiteral("不了解工会经费返还政策"));
    issue(1, QStringLiteral("不了解工会经费返还政策"));
    issue(2, QStringLiteral("小微企业工会经费返还"));
    issue(3, QStringLiteral("小微企业工会经费返还"));
    // Worded differently in the title, but the description says it (found through the FTS index).
    issue(4, QStringLiteral("咨询经费申请"), kToday, false, 0, QStringLiteral("企业询问工会经费返还怎么申请。"));
    const auto alerts = detect();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].wording, QStringLiteral("工会经费返还"));
    EXPECT_EQ(alerts[0].issueCount(), 5);
    EXPECT_EQ(alerts[0].enterpriseCount(), 5);
}

TEST_F(SharedNeedTest, KeyIsStableAcrossRuns)
{
    spread(5, 4);
    const auto first = detect();
    const auto second = detect();
    ASSERT_EQ(first.size(), 1);
    ASSERT_EQ(second.size(), 1);
    EXPECT_EQ(first[0].key, second[0].key);
    EXPECT_TRUE(first[0].key.contains(fund.meta.uuid));
    EXPECT_TRUE(first[0].key.contains(f.town.meta.uuid));
}

TEST_F(SharedNeedTest, DismissedAlertReturnsOnlyWhenItGrows)
{
    spread(5, 4);
    SharedNeedService service(t.db());
    auto alerts = service.alerts(staff);
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_FALSE(alerts[0].dismissal.has_value());

    EXPECT_FALSE(errorOf([&] { service.dismiss(staff, alerts[0], QStringLiteral("  ")); }).isEmpty());
    const SharedNeedDismissal d = service.dismiss(staff, alerts[0], QStringLiteral("已在上月专场解读会讲解"));
    EXPECT_EQ(d.issueCount, 5);
    EXPECT_EQ(d.enterpriseCount, 4);
    EXPECT_EQ(d.dismissedBy, staff.meta.id);
    EXPECT_TRUE(service.alerts(staff).isEmpty());
    EXPECT_TRUE(service.alerts(f.supervisor).isEmpty()); // dismissed for everyone

    // Closing one and raising another keeps the size: still dismissed.
    const auto rows = service.issuesOf(staff, alerts[0]);
    ASSERT_EQ(rows.size(), 5);
    ActionInput withdraw;
    withdraw.action = LifecycleAction::Withdraw;
    withdraw.date = kToday;
    withdraw.note = QStringLiteral("企业撤回");
    IssueService(t.db()).act(rows[0].id, rows[0].version, f.cadre.meta.id, withdraw); // recent: still a candidate
    EXPECT_TRUE(service.alerts(staff).isEmpty());

    // One more issue: it grew, so it is back, with the earlier dismissal attached.
    issue(0, kRefundTitle);
    alerts = service.alerts(staff);
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].issueCount(), 6);
    ASSERT_TRUE(alerts[0].dismissal.has_value());
    EXPECT_EQ(alerts[0].dismissal->reason, QStringLiteral("已在上月专场解读会讲解"));
    EXPECT_EQ(alerts[0].dismissal->dismissedByName, staff.name);
}

TEST_F(SharedNeedTest, WhoMaySeeAndDismiss)
{
    spread(5, 4);
    SharedNeedService service(t.db());
    EXPECT_FALSE(errorOf([&] { service.alerts(f.cadre); }).isEmpty());
    EXPECT_EQ(service.alerts(f.supervisor).size(), 1);
    const auto alerts = service.alerts(admin);
    ASSERT_EQ(alerts.size(), 1);
    const QByteArray before = test::contentHash(t.db().connection());
    EXPECT_FALSE(errorOf([&] { service.dismiss(admin, alerts[0], QStringLiteral("不需要")); }).isEmpty());
    EXPECT_FALSE(errorOf([&] { service.dismiss(f.cadre, alerts[0], QStringLiteral("不需要")); }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(SharedNeedTest, ThresholdsAreSettingsThatStaffChange)
{
    SharedNeedService service(t.db());
    EXPECT_EQ(service.settings().minIssues, 5);
    EXPECT_EQ(service.settings().minEnterprises, 4);
    EXPECT_EQ(service.settings().periodDays, 90);
    EXPECT_TRUE(service.settings().byTown);
    spread(5, 4);
    ASSERT_EQ(service.alerts(staff).size(), 1);

    SharedNeedSettings s = service.settings();
    s.minIssues = 6;
    const QByteArray before = test::contentHash(t.db().connection());
    EXPECT_FALSE(errorOf([&] { service.saveSettings(f.supervisor, s); }).isEmpty());
    SharedNeedSettings invalid = s;
    invalid.minEnterprises = 7; // more enterprises than issues
    EXPECT_FALSE(errorOf([&] { service.saveSettings(staff, invalid); }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before);

    service.saveSettings(staff, s);
    EXPECT_EQ(service.settings().minIssues, 6);
    EXPECT_TRUE(service.alerts(staff).isEmpty()); // 5 issues are now below the threshold
}

TEST_F(SharedNeedTest, SupervisorSeesOnlyTheirGroupsIssuesBehindAnAlert)
{
    spread(5, 4);
    Cadre other;
    other.name = QStringLiteral("周敏");
    other.role = Role::Supervisor;
    other.activeFrom = QDate(2023, 4, 1);
    {
        WriteTransaction tx(t.db().connection());
        CadreRepository(t.db()).insert(other);
        tx.commit();
    }
    SharedNeedService service(t.db());
    const auto alerts = service.alerts(other);
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_TRUE(service.issuesOf(other, alerts[0]).isEmpty());
    EXPECT_EQ(service.issuesOf(f.supervisor, alerts[0]).size(), 5);
    EXPECT_EQ(service.enterprisesOf(alerts[0]).size(), 4);
}

TEST_F(SharedNeedTest, BriefingVisitIsLinkedToTheEnterprisesAndIssues)
{
    spread(6, 5);
    SharedNeedService service(t.db());
    const auto alert = service.alerts(staff).value(0);
    ASSERT_EQ(alert.enterpriseCount(), 5);
    SharedNeedService::BriefingPlan plan;
    plan.date = kToday;
    plan.cadreIds = {f.cadre.meta.id};
    plan.hostEnterpriseId = ents[7]; // a host that raised none of the issues
    plan.summary = QStringLiteral("工会经费返还政策专场解读会");
    plan.enterpriseIds = alert.enterpriseIds;
    plan.issueIds = alert.issueIds;

    // Staff do not record visits; nothing is written.
    const QByteArray before = test::contentHash(t.db().connection());
    EXPECT_FALSE(errorOf([&] { service.planBriefing(staff, plan); }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before);

    const Visit v = service.planBriefing(f.cadre, plan);
    EXPECT_EQ(VisitRepository(t.db()).visit(v.meta.id)->kind, VisitKind::PolicyBriefing);
    QList<RowId> expected = alert.enterpriseIds;
    expected.append(ents[7]);
    EXPECT_EQ(service.linkedEnterprises(v.meta.id), expected);
    EXPECT_EQ(service.linkedIssues(v.meta.id), alert.issueIds);
    // Issues answered by a briefing leave detection: the alert is gone, the briefing is listed.
    EXPECT_TRUE(service.alerts(staff).isEmpty());
    const auto briefings = service.briefings(staff);
    ASSERT_EQ(briefings.size(), 1);
    EXPECT_EQ(briefings[0].visitId, v.meta.id);
    EXPECT_EQ(briefings[0].issues, 6);
    EXPECT_EQ(briefings[0].enterprises, 6);
    EXPECT_EQ(briefings[0].openIssues, 6);
}

TEST_F(SharedNeedTest, BriefingCountsAsOneVisitToItsHostInReports)
{
    spread(5, 4);
    ReportRequest r;
    r.period = *Period::parse(QStringLiteral("2024-12"));
    const ReportCounts before = ReportEngine::build(t.db(), r).current.counts;
    SharedNeedService service(t.db());
    const auto alert = service.alerts(staff).value(0);
    SharedNeedService::BriefingPlan plan;
    plan.date = kToday;
    plan.cadreIds = {f.cadre.meta.id};
    plan.hostEnterpriseId = ents[0];
    plan.enterpriseIds = alert.enterpriseIds;
    plan.issueIds = alert.issueIds;
    service.planBriefing(f.cadre, plan);
    const ReportCounts after = ReportEngine::build(t.db(), r).current.counts;
    // One visit event (家次) to the host: the four invited enterprises are not counted as visited.
    EXPECT_EQ(*after.visits, *before.visits + 1);
    EXPECT_EQ(*after.enterprisesVisited, *before.enterprisesVisited + 1);
    EXPECT_EQ(after.collected, before.collected);
}

class BriefingOutcomeTest : public SharedNeedTest
{
protected:
    void SetUp() override
    {
        SharedNeedTest::SetUp();
        IssueService svc(t.db());
        const QDate d = kToday.addDays(-10);
        for (int n = 0; n < 3; ++n)
            intake.append(issue(n, kRefundTitle, d));
        auto act = [&](Issue i, LifecycleAction a) {
            ActionInput in;
            in.action = a;
            in.date = d;
            in.note = QStringLiteral("已办理");
            in.departmentId = f.department.meta.id;
            return svc.act(i.meta.id, i.meta.version, f.cadre.meta.id, in);
        };
        consultation = act(issue(3, kRefundTitle, d), LifecycleAction::Submit);
        followUp = act(act(issue(4, kRefundTitle, d), LifecycleAction::Submit), LifecycleAction::Feedback);
        closed = issue(5, kRefundTitle, d, true);

        SharedNeedService::BriefingPlan plan;
        plan.date = kToday.addDays(-1);
        plan.cadreIds = {f.cadre.meta.id};
        plan.hostEnterpriseId = ents[0];
        for (int n = 0; n < 6; ++n)
            plan.enterpriseIds.append(ents[n]);
        plan.issueIds = {intake[0].meta.id,    intake[1].meta.id, intake[2].meta.id,
                         consultation.meta.id, followUp.meta.id,  closed.meta.id};
        briefing = SharedNeedService(t.db()).planBriefing(f.cadre, plan);
    }

    QStringList actionsOf(const Issue& i)
    {
        QStringList out;
        for (const IssueEvent& e : IssueRepository(t.db()).events(i.meta.id))
            out << e.action;
        return out;
    }

    QList<Issue> intake;
    Issue consultation, followUp, closed;
    Visit briefing;
};

TEST_F(BriefingOutcomeTest, RefusedIssueIsReportedAndNothingIsWritten)
{
    SharedNeedService service(t.db());
    const auto lines = service.previewOutcome(f.cadre, briefing.meta.id, QStringLiteral("专场讲解"), kSatisfied);
    ASSERT_EQ(lines.size(), 6);
    const QByteArray before = test::contentHash(t.db().connection());
    const QString error =
        errorOf([&] { service.applyOutcome(f.cadre, briefing.meta.id, QStringLiteral("专场讲解"), kSatisfied); });
    EXPECT_TRUE(error.contains(closed.number)) << error.toStdString();
    EXPECT_FALSE(error.contains(intake[0].number)) << error.toStdString();
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
    // A cadre with no part in the issues is refused for every one of them; nothing is written.
    EXPECT_FALSE(errorOf([&] {
                     service.applyOutcome(stranger, briefing.meta.id, QStringLiteral("专场讲解"), kSatisfied,
                                          {closed.meta.id});
                 }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

// Only those who may edit the briefing see its issues and apply its outcome.
TEST_F(BriefingOutcomeTest, OthersDoNotReadOrApplyABriefingsOutcome)
{
    SharedNeedService service(t.db());
    for (const Cadre* who : {&staff, &admin, &stranger}) {
        EXPECT_FALSE(errorOf([&] {
                         service.previewOutcome(*who, briefing.meta.id, QStringLiteral("专场讲解"), kSatisfied);
                     }).isEmpty())
            << who->name.toStdString();
    }
    EXPECT_FALSE(errorOf([&] {
                     service.previewOutcome(f.cadre, intake[0].visitId.value_or(0), QString(), kSatisfied);
                 }).isEmpty())
        << "not a briefing";
}

TEST_F(BriefingOutcomeTest, EachIssueGetsItsOwnEventOfTheRightAction)
{
    SharedNeedService service(t.db());
    const auto done = service.applyOutcome(f.cadre, briefing.meta.id, QStringLiteral("专场讲解工会经费返还政策"),
                                           kSatisfied, {closed.meta.id});
    ASSERT_EQ(done.size(), 5);
    for (const Issue& i : intake) {
        EXPECT_EQ(actionsOf(i).last(), QStringLiteral("explain"));
        EXPECT_EQ(IssueRepository(t.db()).issue(i.meta.id)->outcome, Outcome::Resolved);
    }
    EXPECT_EQ(actionsOf(consultation).last(), QStringLiteral("feedback"));
    EXPECT_EQ(IssueRepository(t.db()).issue(consultation.meta.id)->stage, Stage::FollowUp); // its own follow-up next
    EXPECT_EQ(actionsOf(followUp).last(), QStringLiteral("confirm"));
    EXPECT_EQ(actionsOf(closed), QStringList({QStringLiteral("record"), QStringLiteral("explain")}));
    for (const Issue& i : done)
        EXPECT_EQ(IssueRepository(t.db()).events(i.meta.id).last().eventDate, briefing.date);
}

TEST_F(BriefingOutcomeTest, FutureBriefingCannotBeAppliedYet)
{
    SharedNeedService service(t.db());
    SharedNeedService::BriefingPlan plan;
    plan.date = kToday.addDays(7);
    plan.cadreIds = {f.cadre.meta.id};
    plan.hostEnterpriseId = ents[0];
    plan.issueIds = {intake[0].meta.id};
    const Visit future = service.planBriefing(f.cadre, plan);
    const auto lines = service.previewOutcome(f.cadre, future.meta.id, QStringLiteral("讲解"), kSatisfied);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_FALSE(lines[0].refusal.isEmpty());
}

} // namespace
