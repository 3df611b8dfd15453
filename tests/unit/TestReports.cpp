#include "TestSupport.h"
#include "reporting/ReportEngine.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class Reports : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        t.db().setAuditing(false); // hand-built history, not user changes
        ReferenceRepository refs(t.db());
        WriteTransaction tx(t.db().connection());
        otherTown = Town{{}, QStringLiteral("fusheng"), QStringLiteral("富盛镇"), 2};
        refs.insert(otherTown);
        otherCategory = Category{{}, QStringLiteral("fire_safety"), QStringLiteral("消防安全"), 10, 2};
        refs.insert(otherCategory);
        Enterprise e;
        e.name = QStringLiteral("绍兴富盛建材有限公司");
        e.creditCode = QStringLiteral("91350100M000100Y43");
        e.townId = otherTown.meta.id;
        EnterpriseRepository(t.db()).insert(e);
        otherEnterprise = e.meta.id;
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    /** An issue with its events: record on `received`, then each (action, date, to stage, outcome). */
    RowId addIssue(QDate received, const QList<std::tuple<const char*, QDate, Stage, Outcome>>& steps,
                   RowId enterprise = 0, RowId category = 0, QDate due = {})
    {
        IssueRepository issues(t.db());
        Issue i;
        i.enterpriseId = enterprise ? enterprise : f.enterprise.meta.id;
        i.categoryId = category ? category : f.category.meta.id;
        i.title = QStringLiteral("问题");
        i.description = QStringLiteral("描述");
        i.ownerId = f.cadre.meta.id;
        i.receivedOn = received;
        i.dueDate = due;
        if (!steps.isEmpty()) {
            i.stage = std::get<2>(steps.last());
            i.outcome = std::get<3>(steps.last());
            if (i.stage == Stage::Closed)
                i.closedOn = std::get<1>(steps.last());
        }
        issues.insert(i);
        IssueEvent record;
        record.issueId = i.meta.id;
        record.action = QStringLiteral("record");
        record.actorId = f.cadre.meta.id;
        record.eventDate = received;
        issues.appendEvent(record);
        for (const auto& [action, date, stage, outcome] : steps) {
            IssueEvent e = record;
            e.uuid.clear();
            e.action = QLatin1String(action);
            e.eventDate = date;
            e.toStage = stage;
            e.outcome = outcome;
            if (e.action == QLatin1String("confirm"))
                e.satisfaction = QStringLiteral("satisfied");
            issues.appendEvent(e);
        }
        return i.meta.id;
    }

    void addVisit(QDate date, RowId enterprise = 0)
    {
        Visit v;
        v.date = date;
        v.cadreIds = {f.cadre.meta.id};
        v.enterpriseId = enterprise ? enterprise : f.enterprise.meta.id;
        VisitRepository(t.db()).insert(v);
    }

    Report report(const char* period, CountingMode mode = CountingMode::CollectedInPeriod,
                  QDate start = QDate(2023, 4, 1), ReportScope scope = {})
    {
        ReportRequest r;
        r.period = *Period::parse(QString::fromLatin1(period));
        r.mode = mode;
        r.cumulativeStart = start;
        r.scope = scope;
        return ReportEngine::build(t.db(), r);
    }

    test::TempDatabase t;
    test::Fixture f;
    Town otherTown;
    Category otherCategory;
    RowId otherEnterprise = 0;
};

const auto kResolvedOnTheSpot = [](QDate d) {
    return QList<std::tuple<const char*, QDate, Stage, Outcome>>{{"explain", d, Stage::Closed, Outcome::Resolved}};
};

} // namespace

// "Since April 2023: 1833 enterprise visits, 925 problems collected and recorded, 876
// solved, a resolution rate of 94.70%", rebuilt and counted the union's way.
TEST_F(Reports, ReproducesTheUnionsHeadlineExactly)
{
    WriteTransaction tx(t.db().connection());
    const QDate start(2023, 4, 3);
    for (int n = 0; n < 1833; ++n)
        addVisit(start.addDays(n % 450));
    for (int n = 0; n < 925; ++n) {
        const QDate d = start.addDays(n % 440);
        if (n < 876)
            addIssue(d, kResolvedOnTheSpot(d));
        else if (n < 900)
            addIssue(d, {{"submit", d, Stage::Consultation, Outcome::None}});
        else if (n < 915)
            addIssue(d, {{"close", d.addDays(3), Stage::Closed, Outcome::Unresolved}});
        else
            addIssue(d, {{"withdraw", d.addDays(1), Stage::Closed, Outcome::Withdrawn}});
    }
    tx.commit();
    const Report r = report("2023-04-01..2024-06-30", CountingMode::CumulativeAsOf, QDate(2023, 4, 1));
    EXPECT_EQ(r.current.counts.visits, 1833);
    EXPECT_EQ(r.current.counts.collected, 925);
    EXPECT_EQ(r.current.counts.resolved, 876);
    EXPECT_EQ(r.current.resolution.percentText(), QStringLiteral("94.70%"));
    EXPECT_EQ(r.current.counts.open, 24);
    EXPECT_EQ(r.current.counts.unresolved, 15);
    EXPECT_EQ(r.current.counts.withdrawn, 10) << "withdrawn stay collected and are not resolved";
    EXPECT_EQ(r.current.coverage.percentText(), QStringLiteral("100.00%"));
    const QJsonObject json = r.toJson();
    EXPECT_EQ(json[QStringLiteral("current")][QStringLiteral("resolutionRate")][QStringLiteral("text")].toString(),
              QStringLiteral("94.70%"));
    EXPECT_DOUBLE_EQ(
        json[QStringLiteral("current")][QStringLiteral("resolutionRate")][QStringLiteral("percent")].toDouble(), 94.70);
    qint64 monthly = 0;
    for (const ReportBreakdownRow& m : r.byMonth)
        monthly += m.collected;
    EXPECT_EQ(monthly, 925) << "the months add up to the total";
}

TEST_F(Reports, PeriodBoundariesAndTheTwoWaysOfCounting)
{
    // Raised on 31 March, closed on 2 April.
    addIssue(QDate(2024, 3, 29), {{"submit", QDate(2024, 3, 29), Stage::Consultation, Outcome::None},
                                  {"feedback", QDate(2024, 4, 1), Stage::FollowUp, Outcome::None},
                                  {"confirm", QDate(2024, 4, 2), Stage::Closed, Outcome::Resolved}});
    const Report march = report("2024-03");
    EXPECT_EQ(march.current.counts.collected, 1);
    EXPECT_EQ(march.current.counts.resolved, 1) << "collected in March, resolved now";
    EXPECT_EQ(report("2024-Q2").current.counts.collected, 0) << "it was not collected in the second quarter";
    const Report asOfMarch = report("2024-03", CountingMode::CumulativeAsOf, QDate(2024, 1, 1));
    EXPECT_EQ(asOfMarch.current.counts.collected, 1);
    EXPECT_EQ(asOfMarch.current.counts.resolved, 0) << "on 31 March it was still open";
    EXPECT_EQ(asOfMarch.current.counts.open, 1);
    EXPECT_EQ(report("2024-04", CountingMode::CumulativeAsOf, QDate(2024, 1, 1)).current.counts.resolved, 1);
    // Follow-ups are activity: counted in the period they happened in (2 April), for issues in scope.
    EXPECT_EQ(asOfMarch.current.counts.satisfied, 0);
    EXPECT_EQ(march.current.counts.satisfied, 0);
    EXPECT_EQ(report("2024-04").current.counts.satisfied, 1);
    EXPECT_EQ(report("2024-04", CountingMode::CumulativeAsOf, QDate(2024, 1, 1)).current.counts.satisfied, 1);
}

TEST_F(Reports, ReopenedIssuesCountAsTheyStoodOnTheDay)
{
    addIssue(QDate(2024, 5, 6), {{"explain", QDate(2024, 6, 10), Stage::Closed, Outcome::Resolved},
                                 {"reopen", QDate(2024, 7, 1), Stage::Consultation, Outcome::None}});
    EXPECT_EQ(report("2024-06", CountingMode::CumulativeAsOf, QDate(2024, 1, 1)).current.counts.resolved, 1);
    EXPECT_EQ(report("2024-07", CountingMode::CumulativeAsOf, QDate(2024, 1, 1)).current.counts.resolved, 0);
    EXPECT_EQ(report("2024-05").current.counts.resolved, 0) << "in its state now it is open again";
}

TEST_F(Reports, AnEmptyPeriodHasNoRates)
{
    const Report r = report("2022-Q1");
    EXPECT_EQ(r.current.counts.collected, 0);
    EXPECT_EQ(r.current.resolution.percentText(), QStringLiteral("—"));
    EXPECT_EQ(r.current.withinDue.percentText(), QStringLiteral("—"));
    EXPECT_FALSE(r.current.counts.averageDaysToClose.has_value());
    EXPECT_TRUE(
        r.toJson()[QStringLiteral("current")][QStringLiteral("resolutionRate")][QStringLiteral("percent")].isNull());
}

TEST_F(Reports, WorkingDaysToCloseAverageMedianAndWithinDue)
{
    // Thu 8 Feb 2024 → Wed 21 Feb: 5 working days across the Spring Festival (18 Feb worked).
    addIssue(QDate(2024, 2, 8), {{"explain", QDate(2024, 2, 21), Stage::Closed, Outcome::Resolved}}, 0, 0,
             QDate(2024, 2, 20));
    addIssue(QDate(2024, 2, 5), {{"explain", QDate(2024, 2, 6), Stage::Closed, Outcome::Resolved}}, 0, 0,
             QDate(2024, 2, 9)); // 1 day, within due
    // 1 → 29 Feb: 17 working days (Sunday 4 Feb and Sunday 18 Feb were worked, 12-16 Feb off).
    addIssue(QDate(2024, 2, 1), {{"close", QDate(2024, 2, 29), Stage::Closed, Outcome::Unresolved}});
    const Report r = report("2024-02");
    EXPECT_EQ(r.current.counts.closedCount, 3);
    ASSERT_TRUE(r.current.counts.averageDaysToClose);
    EXPECT_DOUBLE_EQ(*r.current.counts.averageDaysToClose, 23.0 / 3);
    EXPECT_DOUBLE_EQ(*r.current.counts.medianDaysToClose, 5.0);
    EXPECT_EQ(r.current.withinDue.percentText(), QStringLiteral("50.00%")) << "1 of the 2 that had a due date";
    addIssue(QDate(2024, 2, 26), kResolvedOnTheSpot(QDate(2024, 2, 28))); // 2 days: median of 1, 2, 5, 17 = 3.5
    EXPECT_DOUBLE_EQ(*report("2024-02").current.counts.medianDaysToClose, 3.5);
}

TEST_F(Reports, ScopeNarrowsEveryFigureAndBreakdownsAddUp)
{
    addIssue(QDate(2024, 7, 2), kResolvedOnTheSpot(QDate(2024, 7, 2)));
    addIssue(QDate(2024, 7, 3), {{"submit", QDate(2024, 7, 3), Stage::Consultation, Outcome::None}}, otherEnterprise,
             otherCategory.meta.id, QDate(2024, 7, 10));
    addVisit(QDate(2024, 7, 2));
    addVisit(QDate(2024, 7, 3), otherEnterprise);
    addVisit(QDate(2024, 7, 4), otherEnterprise);
    const Report all = report("2024-07");
    EXPECT_EQ(all.current.counts.collected, 2);
    EXPECT_EQ(all.current.counts.visits, 3);
    EXPECT_EQ(all.current.counts.overdue, 1) << "due 10 July, open now";
    const Report town =
        report("2024-07", CountingMode::CollectedInPeriod, {}, {ReportScope::Kind::Town, otherTown.meta.id});
    EXPECT_EQ(town.current.counts.collected, 1);
    EXPECT_EQ(town.current.counts.visits, 2);
    EXPECT_EQ(town.current.counts.keyEnterprises, 0);
    const Report category =
        report("2024-07", CountingMode::CollectedInPeriod, {}, {ReportScope::Kind::Category, f.category.meta.id});
    EXPECT_EQ(category.current.counts.collected, 1);
    EXPECT_FALSE(category.current.counts.visits.has_value()) << "visits have no category";
    ASSERT_EQ(all.byTown.size(), 2);
    qint64 visits = 0, collected = 0;
    for (const ReportBreakdownRow& r : all.byTown) {
        visits += r.visits.value_or(0);
        collected += r.collected;
    }
    EXPECT_EQ(visits, 3);
    EXPECT_EQ(collected, 2);
    EXPECT_EQ(all.previous.from, QDate(2024, 6, 1)) << "compared with the month before";
    EXPECT_EQ(all.previous.counts.collected, 0);
}

TEST_F(Reports, CadresMeetingTheirWeeklyQuota)
{
    // The fixture cadre has a quota of 4; July 2024 has 5 weeks starting on a Monday in July.
    for (int week : {0, 1, 2})
        for (int n = 0; n < 4; ++n)
            addVisit(QDate(2024, 7, 1).addDays(7 * week + n));
    addVisit(QDate(2024, 7, 22)); // a fourth week with one visit only
    const Report r = report("2024-07");
    EXPECT_EQ(r.current.counts.cadreWeeks, 5);
    EXPECT_EQ(r.current.counts.cadreWeeksMet, 3);
    EXPECT_EQ(r.current.quotaMet.percentText(), QStringLiteral("60.00%"));
}

TEST_F(Reports, ScopesAreParsedOrRefusedWithWhatIsAccepted)
{
    QString label;
    const ReportScope town = ReportEngine::parseScope(t.db(), QStringLiteral("town=稽山街道"), &label);
    EXPECT_EQ(town.kind, ReportScope::Kind::Town);
    EXPECT_EQ(label, QStringLiteral("稽山街道"));
    EXPECT_EQ(ReportEngine::parseScope(t.db(), QStringLiteral("category=wage_dispute"), &label).kind,
              ReportScope::Kind::Category);
    EXPECT_EQ(ReportEngine::parseScope(t.db(), QStringLiteral("district"), &label).kind, ReportScope::Kind::District);
    try {
        ReportEngine::parseScope(t.db(), QStringLiteral("street=x"), &label);
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("accepted: district, town=NAME"))) << e.message().toStdString();
    }
    EXPECT_THROW(ReportEngine::parseScope(t.db(), QStringLiteral("town=不存在"), &label), Error);
}
