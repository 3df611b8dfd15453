#include "TestSupport.h"
#include "reporting/ReportEngine.h"
#include "reporting/ReportLayouts.h"
#include "reporting/XlsxExport.h"
#include "services/EvaluationService.h"
#include "services/ReportService.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/EvaluationRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QThread>

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

namespace {

ReportRequest requestFor(Database& db, const char* period, const char* scope)
{
    ReportRequest r;
    r.period = *Period::parse(QString::fromLatin1(period));
    r.scope = ReportEngine::parseScope(db, QString::fromUtf8(scope), &r.scopeLabel);
    return r;
}

/** A table's rows as display texts, for readable expectations. */
QList<QStringList> texts(const ReportTable* table)
{
    QList<QStringList> out;
    if (!table)
        return out;
    for (const auto& row : table->rows) {
        QStringList cells;
        for (const ReportCell& c : row)
            cells << c.display();
        out << cells;
    }
    return out;
}

Cadre addStaff(Database& db)
{
    Cadre staff;
    staff.name = QStringLiteral("李文");
    staff.role = Role::Staff;
    staff.activeFrom = QDate(2023, 1, 1);
    WriteTransaction tx(db.connection());
    CadreRepository(db).insert(staff);
    tx.commit();
    return staff;
}

} // namespace

TEST_F(Reports, LayoutsRefuseRequestsThatDoNotFitAndSayWhatIsAccepted)
{
    struct Case
    {
        ReportKind kind;
        const char* period;
        const char* scope;
        bool fits;
    } cases[] = {
        {ReportKind::Summary, "2023-04-01..2024-11-30", "category=wage_dispute", true},
        {ReportKind::Weekly, "2024-W32", "cadre=王建国", true},
        {ReportKind::Weekly, "2024-08", "cadre=王建国", false},
        {ReportKind::Weekly, "2024-W32", "district", false},
        {ReportKind::Monthly, "2024-07", "group=第一联络组", true},
        {ReportKind::Monthly, "2024-07", "district", true},
        {ReportKind::Monthly, "2024-Q3", "district", false},
        {ReportKind::Monthly, "2024-07", "town=稽山街道", false},
        {ReportKind::Quarterly, "2024-Q3", "town=稽山街道", true},
        {ReportKind::Quarterly, "2024", "town=稽山街道", false},
        {ReportKind::Quarterly, "2024-Q3", "cadre=王建国", false},
        {ReportKind::Annual, "2024", "district", true},
        {ReportKind::Annual, "2024", "group=第一联络组", true},
        {ReportKind::Annual, "2024-Q4", "district", false},
        {ReportKind::Annual, "2024", "town=稽山街道", false},
    };
    for (const Case& c : cases) {
        const ReportRequest r = requestFor(t.db(), c.period, c.scope);
        const QString problem = ReportLayouts::requestProblem(c.kind, r);
        EXPECT_EQ(problem.isEmpty(), c.fits) << toKey(c.kind).toStdString() << " " << c.period << " " << c.scope;
        if (!c.fits) {
            EXPECT_EQ(test::errorOf([&] { ReportLayouts::build(t.db(), c.kind, r); }), problem);
        }
    }
    EXPECT_EQ(reportKindFromKey(QStringLiteral("yearly")), std::nullopt);
    EXPECT_EQ(reportKindKeys(),
              (QStringList{QStringLiteral("summary"), QStringLiteral("weekly"), QStringLiteral("monthly"),
                           QStringLiteral("quarterly"), QStringLiteral("annual")}));
}

// 2024-W32 is 5–11 August 2024. 王建国 (quota 4) visits twice, raises two issues: one
// explained on the spot, one still open and due on 20 August.
TEST_F(Reports, WeeklyReportIsTheCadresWeek)
{
    {
        WriteTransaction tx(t.db().connection());
        addVisit(QDate(2024, 8, 6));
        addVisit(QDate(2024, 8, 8), otherEnterprise);
        addVisit(QDate(2024, 8, 12)); // the next week
        addIssue(QDate(2024, 8, 6), kResolvedOnTheSpot(QDate(2024, 8, 6)));
        addIssue(QDate(2024, 8, 7), {{"submit", QDate(2024, 8, 7), Stage::Consultation, Outcome::None}}, 0, 0,
                 QDate(2024, 8, 20));
        tx.commit();
    }
    const ReportDocument doc =
        ReportLayouts::build(t.db(), ReportKind::Weekly, requestFor(t.db(), "2024-W32", "cadre=王建国"));
    EXPECT_EQ(doc.kind, QStringLiteral("weekly"));
    EXPECT_TRUE(doc.title.contains(QStringLiteral("王建国")));
    const auto week = texts(doc.table(QStringLiteral("week")));
    ASSERT_EQ(week.size(), 7);
    EXPECT_EQ(week[0][1], QStringLiteral("2")) << "visits";
    EXPECT_EQ(week[1][1], QStringLiteral("2")) << "recorded by the cadre";
    EXPECT_EQ(week[2][1], QStringLiteral("4")) << "quota";
    EXPECT_EQ(week[3][1], QCoreApplication::translate("yg::ReportLayouts", "no")) << "2 of 4";
    EXPECT_EQ(week[4][1], QStringLiteral("2")) << "enterprises";
    EXPECT_EQ(week[5][1], QStringLiteral("2")) << "collected";
    EXPECT_EQ(week[6][1], QStringLiteral("1")) << "resolved";

    // Counted cumulatively, the figures run from the start date, but the week's tables stay the week's.
    ReportRequest cumulative = requestFor(t.db(), "2024-W32", "cadre=王建国");
    cumulative.mode = CountingMode::CumulativeAsOf;
    cumulative.cumulativeStart = QDate(2024, 1, 1);
    const ReportDocument since = ReportLayouts::build(t.db(), ReportKind::Weekly, cumulative);
    EXPECT_EQ(texts(since.table(QStringLiteral("week"))), week);
    EXPECT_EQ(texts(since.table(QStringLiteral("visits"))).size(), 2);
    const auto visits = texts(doc.table(QStringLiteral("visits")));
    ASSERT_EQ(visits.size(), 2);
    EXPECT_EQ(visits[0][0], QStringLiteral("2024-08-06"));
    EXPECT_EQ(visits[1][1], QStringLiteral("绍兴富盛建材有限公司"));
    EXPECT_EQ(visits[1][2], QStringLiteral("富盛镇"));
    EXPECT_EQ(texts(doc.table(QStringLiteral("issues-received"))).size(), 2);
    const auto open = texts(doc.table(QStringLiteral("issues-open")));
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0][7], QStringLiteral("2024-08-20"));
}

TEST_F(Reports, AnnualEvaluationPerCadreWithScoredAndSelectedNominations)
{
    {
        WriteTransaction tx(t.db().connection());
        for (int week = 0; week < 3; ++week) { // three weeks of January with four visits each: quota met
            for (int d = 0; d < 4; ++d)
                addVisit(QDate(2024, 1, 1).addDays(week * 7 + d));
        }
        addVisit(QDate(2024, 2, 6), otherEnterprise); // one visit in a later week: not met
        addIssue(QDate(2024, 3, 1), kResolvedOnTheSpot(QDate(2024, 3, 1)));
        addIssue(QDate(2024, 3, 4), kResolvedOnTheSpot(QDate(2024, 3, 4)));
        addIssue(QDate(2024, 3, 5), {{"submit", QDate(2024, 3, 5), Stage::Consultation, Outcome::None}}, 0, 0,
                 QDate(2024, 3, 19));
        tx.commit();
    }
    t.db().setAuditing(true);
    const Cadre staff = addStaff(t.db());
    EvaluationService evaluation(t.db());
    Nomination research;
    research.year = 2024;
    research.kind = NominationKind::Research;
    research.cadreId = f.cadre.meta.id;
    research.title = QStringLiteral("小微企业工会经费返还政策知晓情况调研");
    research = evaluation.addNomination(staff, research);
    Nomination suggestion = research;
    suggestion.kind = NominationKind::Suggestion;
    suggestion.title = QStringLiteral("建议开设政策专场解读会");
    suggestion = evaluation.addNomination(staff, suggestion);

    const QByteArray before = test::contentHash(t.db().connection());
    EXPECT_FALSE(test::errorOf([&] { evaluation.selectNomination(staff, research.meta.id, true); }).isEmpty())
        << "only a scored nomination can be selected";
    EXPECT_FALSE(test::errorOf([&] { evaluation.scoreNomination(staff, research.meta.id, 101); }).isEmpty());
    EXPECT_FALSE(test::errorOf([&] { evaluation.addNomination(f.cadre, research); }).isEmpty()) << "staff only";
    Nomination untitled = research;
    untitled.title = QStringLiteral("  ");
    EXPECT_TRUE(test::errorOf([&] { evaluation.addNomination(staff, untitled); }).contains(QStringLiteral("title")));
    EXPECT_EQ(test::contentHash(t.db().connection()), before) << "a refusal changes nothing";
    evaluation.scoreNomination(staff, research.meta.id, 92.5);
    evaluation.selectNomination(staff, research.meta.id, true);
    evaluation.scoreNomination(staff, suggestion.meta.id, 80);

    const ReportDocument doc = ReportLayouts::build(t.db(), ReportKind::Annual, requestFor(t.db(), "2024", "district"));
    const auto rows = texts(doc.table(QStringLiteral("evaluation")));
    ASSERT_EQ(rows.size(), 1) << "one cadre; supervisors and staff are not evaluated";
    // Cadre, group, visits, enterprises, collected, resolved, rate, weeks met, weeks, share, overdue
    EXPECT_EQ(rows[0],
              (QStringList{QStringLiteral("王建国"), QStringLiteral("第一联络组"), QStringLiteral("13"),
                           QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("66.67%"),
                           QStringLiteral("3"), QStringLiteral("53"), QStringLiteral("5.66%"), QStringLiteral("1")}))
        << "2024 has 53 Mondays (1 January to 30 December): 3 / 53 = 5.66%";
    const auto nominations = texts(doc.table(QStringLiteral("nominations")));
    ASSERT_EQ(nominations.size(), 2);
    EXPECT_EQ(nominations[0][1], research.title);
    EXPECT_EQ(nominations[0][3], QStringLiteral("92.5"));
    EXPECT_FALSE(nominations[0][4].isEmpty()) << "selected";
    EXPECT_EQ(nominations[1][3], QStringLiteral("80.0"));
    EXPECT_TRUE(nominations[1][4].isEmpty());
}

TEST_F(Reports, QuarterlyReportCarriesTheQuarterlyAnalysisTexts)
{
    t.db().setAuditing(true);
    const Cadre staff = addStaff(t.db());
    EvaluationService evaluation(t.db());
    evaluation.saveReflection(f.cadre, QStringLiteral("2024-Q3"), QStringLiteral("小微企业普遍不了解经费返还政策。"));
    evaluation.saveReflection(f.cadre, QStringLiteral("2024-Q3"),
                              QStringLiteral("小微企业普遍不了解经费返还政策，"
                                             "建议开专场解读会。"));
    evaluation.saveTownAssessment(staff, QStringLiteral("2024-Q3"), f.town.meta.id,
                                  QStringLiteral("稽山街道走访扎实。"));
    evaluation.saveTownAssessment(staff, QStringLiteral("2024-Q3"), otherTown.meta.id,
                                  QStringLiteral("富盛镇待加强。"));
    EXPECT_FALSE(test::errorOf([&] {
                     evaluation.saveReflection(staff, QStringLiteral("2024-Q3"), QStringLiteral("x"));
                 }).isEmpty());
    EXPECT_FALSE(test::errorOf([&] {
                     evaluation.saveTownAssessment(f.cadre, QStringLiteral("2024-Q3"), f.town.meta.id,
                                                   QStringLiteral("x"));
                 }).isEmpty());
    EXPECT_FALSE(test::errorOf([&] {
                     evaluation.saveReflection(f.cadre, QStringLiteral("2024-Q5"), QStringLiteral("x"));
                 }).isEmpty());

    const ReportDocument town =
        ReportLayouts::build(t.db(), ReportKind::Quarterly, requestFor(t.db(), "2024-Q3", "town=稽山街道"));
    ASSERT_EQ(town.texts.size(), 2) << "the town's assessment and the reflections of its cadres";
    EXPECT_EQ(town.texts[0].body, QStringLiteral("稽山街道走访扎实。"));
    EXPECT_EQ(town.texts[1].author, QStringLiteral("王建国"));
    EXPECT_TRUE(town.texts[1].body.endsWith(QStringLiteral("建议开专场解读会。"))) << "the second save replaced it";
    EXPECT_EQ(town.table(QStringLiteral("by-town")), nullptr) << "one town: no per-town table";

    const ReportDocument district =
        ReportLayouts::build(t.db(), ReportKind::Quarterly, requestFor(t.db(), "2024-Q3", "district"));
    EXPECT_EQ(district.texts.size(), 3);
    EXPECT_NE(district.table(QStringLiteral("by-town")), nullptr);
}

// The quarterly analysis compares a town's quarter with the one before: counts as
// differences, rates in percentage points, "—" where a side has nothing to count.
TEST_F(Reports, QuarterlyReportShowsTheChangeAgainstThePreviousQuarter)
{
    Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(9, 0), Qt::UTC));
    {
        WriteTransaction tx(t.db().connection());
        addVisit(QDate(2024, 6, 28)); // Q2: one visit, two issues, one resolved (50.00%)
        addIssue(QDate(2024, 6, 28), kResolvedOnTheSpot(QDate(2024, 6, 28)));
        addIssue(QDate(2024, 6, 28), {{"submit", QDate(2024, 6, 28), Stage::Consultation, Outcome::None}}, 0, 0,
                 QDate(2024, 7, 5));
        addVisit(QDate(2024, 7, 1)); // Q3: three visits, three issues, all resolved (100.00%)
        addVisit(QDate(2024, 8, 1));
        addVisit(QDate(2024, 9, 30));
        for (QDate d : {QDate(2024, 7, 1), QDate(2024, 8, 1), QDate(2024, 9, 30)})
            addIssue(d, kResolvedOnTheSpot(d));
        tx.commit();
    }
    const ReportDocument doc =
        ReportLayouts::build(t.db(), ReportKind::Quarterly, requestFor(t.db(), "2024-Q3", "town=稽山街道"));
    const ReportTable* figures = doc.table(QStringLiteral("figures"));
    ASSERT_NE(figures, nullptr);
    ASSERT_EQ(figures->columns.size(), 4) << "figure, this quarter, previous quarter, change";
    QHash<QString, QStringList> byLabel;
    for (const QStringList& row : texts(figures))
        byLabel.insert(row[0], row);
    EXPECT_EQ(
        byLabel.value(QStringLiteral("Visits (家次)")),
        (QStringList{QStringLiteral("Visits (家次)"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("2")}));
    EXPECT_EQ(byLabel.value(QStringLiteral("Issues collected")).value(3), QStringLiteral("1"));
    EXPECT_EQ(byLabel.value(QStringLiteral("Resolution rate (化解率)")).mid(1),
              (QStringList{QStringLiteral("100.00%"), QStringLiteral("50.00%"), QStringLiteral("+50.00 pp")}));
    EXPECT_EQ(byLabel.value(QStringLiteral("Open")).value(3), QStringLiteral("-1")) << "0 now, 1 before";
    EXPECT_EQ(byLabel.value(QStringLiteral("Returns by departments")).value(3), QStringLiteral("0"));
    EXPECT_EQ(byLabel.value(QStringLiteral("Follow-ups satisfied or basically satisfied")).value(3),
              QStringLiteral("—"))
        << "no follow-ups in either quarter: no change to show";
    EXPECT_EQ(ReportLayouts::build(t.db(), ReportKind::Summary, requestFor(t.db(), "2024-Q3", "district"))
                  .table(QStringLiteral("figures"))
                  ->columns.size(),
              3)
        << "other reports keep their two columns";
}

// The 季分析 page's figures are aggregates open to every enabled account, for a real town.
TEST_F(Reports, QuarterlyAnalysisIsOpenToEveryEnabledAccountForARealTown)
{
    const Period q3 = *Period::parse(QStringLiteral("2024-Q3"));
    const ReportDocument doc = ReportService(t.db()).quarterlyAnalysis(f.cadre, q3, f.town.meta.id);
    EXPECT_EQ(doc.kind, QStringLiteral("quarterly"));
    EXPECT_EQ(doc.scopeText, f.town.name);
    EXPECT_TRUE(test::errorOf([&] {
                    ReportService(t.db()).quarterlyAnalysis(f.cadre, q3, 9999);
                }).contains(QStringLiteral("9999")));
    EXPECT_FALSE(test::errorOf([&] {
                     ReportService(t.db()).quarterlyAnalysis(f.cadre, *Period::parse(QStringLiteral("2024")),
                                                             f.town.meta.id);
                 }).isEmpty())
        << "a year is not a quarter";
    EvaluationService(t.db()).saveReflection(f.cadre, QStringLiteral("2024-Q3"), QStringLiteral("心得一"));
    const auto mine = EvaluationRepository(t.db()).quarterlyNote(QStringLiteral("2024-Q3"),
                                                                 QuarterlyNoteKind::Reflection, f.cadre.meta.id);
    ASSERT_TRUE(mine.has_value());
    EXPECT_EQ(mine->body, QStringLiteral("心得一"));
    EXPECT_FALSE(EvaluationRepository(t.db())
                     .quarterlyNote(QStringLiteral("2024-Q2"), QuarterlyNoteKind::Reflection, f.cadre.meta.id)
                     .has_value());
}

// The spreadsheet, read back from its XML, holds exactly the numbers of the JSON.
TEST_F(Reports, XlsxHoldsTheSameNumbersAsTheJson)
{
    {
        WriteTransaction tx(t.db().connection());
        addVisit(QDate(2024, 7, 2));
        addVisit(QDate(2024, 8, 8), otherEnterprise);
        addIssue(QDate(2024, 7, 2), kResolvedOnTheSpot(QDate(2024, 7, 2)));
        addIssue(QDate(2024, 7, 3), {{"submit", QDate(2024, 7, 3), Stage::Consultation, Outcome::None}}, 0, 0,
                 QDate(2024, 7, 10));
        addIssue(QDate(2024, 8, 1), kResolvedOnTheSpot(QDate(2024, 8, 1)), otherEnterprise, otherCategory.meta.id);
        tx.commit();
    }
    const ReportDocument doc =
        ReportLayouts::build(t.db(), ReportKind::Monthly, requestFor(t.db(), "2024-07", "district"));
    const QJsonObject json = doc.toJson();
    const QString path = t.dir() + QStringLiteral("/monthly.xlsx");
    writeDocumentXlsx(doc, path);

    const QByteArray shared = test::zipEntry(path, QStringLiteral("xl/sharedStrings.xml"));
    QStringList strings;
    static const QRegularExpression si(QStringLiteral("<si><t[^>]*>([^<]*)</t></si>"));
    for (auto it = si.globalMatch(QString::fromUtf8(shared)); it.hasNext();)
        strings << it.next().captured(1);
    ASSERT_FALSE(strings.isEmpty());
    const QByteArray styles = test::zipEntry(path, QStringLiteral("xl/styles.xml"));
    EXPECT_TRUE(styles.contains("formatCode=\"0.00%\"")) << "rates in percent format";
    EXPECT_TRUE(styles.contains("formatCode=\"yyyy\\-mm\\-dd\"") || styles.contains("formatCode=\"yyyy-mm-dd\""))
        << "dates as dates";

    const QJsonArray tables = json[QStringLiteral("tables")].toArray();
    ASSERT_EQ(tables.size(), doc.tables.size());
    static const QRegularExpression cellRe(
        QStringLiteral("<c r=\"([A-Z]+)(\\d+)\"(?: s=\"\\d+\")?(?: t=\"(\\w+)\")?><v>([^<]*)</v></c>"));
    int compared = 0;
    for (qsizetype i = 0; i < tables.size(); ++i) {
        const QString sheet =
            QString::fromUtf8(test::zipEntry(path, QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1)));
        ASSERT_FALSE(sheet.isEmpty()) << "sheet " << i + 1;
        EXPECT_TRUE(sheet.contains(QStringLiteral("ySplit=\"1\""))) << "frozen header row";
        QHash<QString, QPair<QString, QString>> cells; // "B3" → (type, value)
        for (auto it = cellRe.globalMatch(sheet); it.hasNext();) {
            const auto m = it.next();
            cells.insert(m.captured(1) + m.captured(2), {m.captured(3), m.captured(4)});
        }
        const QJsonArray rows = tables[i].toObject()[QStringLiteral("rows")].toArray();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonArray row = rows[r].toArray();
            for (qsizetype c = 0; c < row.size(); ++c) {
                const QString ref = QString(QChar(char16_t(u'A' + c))) + QString::number(r + 2);
                ASSERT_TRUE(cells.contains(ref)) << "table " << i << " cell " << ref.toStdString();
                const auto [type, value] = cells.value(ref);
                const QJsonValue expected = row[c];
                if (expected.isDouble()) {
                    EXPECT_TRUE(type.isEmpty()) << ref.toStdString() << ": numbers are stored as numbers";
                    EXPECT_DOUBLE_EQ(value.toDouble(), expected.toDouble()) << ref.toStdString();
                } else if (expected.isObject()) { // a rate: the published percentage as a fraction
                    EXPECT_DOUBLE_EQ(value.toDouble() * 100, expected.toObject()[QStringLiteral("percent")].toDouble())
                        << ref.toStdString();
                } else if (expected.isString() && QDate::fromString(expected.toString(), Qt::ISODate).isValid()) {
                    EXPECT_EQ(QDate(1899, 12, 30).addDays(value.toLongLong()),
                              QDate::fromString(expected.toString(), Qt::ISODate))
                        << ref.toStdString() << ": dates are Excel serial dates";
                } else {
                    ASSERT_EQ(type, QStringLiteral("s")) << ref.toStdString();
                    EXPECT_EQ(strings.value(value.toInt()),
                              expected.isNull() ? QStringLiteral("—") : expected.toString().toHtmlEscaped())
                        << ref.toStdString();
                }
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 50);
}

// The app builds reports on a worker thread: there the database hands out that thread's
// read-only connection, so the figures are the same and nothing can be written.
TEST_F(Reports, AWorkerThreadReadsThroughItsOwnReadOnlyConnection)
{
    {
        WriteTransaction tx(t.db().connection());
        addVisit(QDate(2024, 7, 2));
        addIssue(QDate(2024, 7, 2), kResolvedOnTheSpot(QDate(2024, 7, 2)));
        tx.commit();
    }
    const ReportRequest request = requestFor(t.db(), "2024", "district");
    QJsonObject here = ReportLayouts::build(t.db(), ReportKind::Annual, request).toJson();
    Database* db = &t.db();
    QJsonObject there;
    QString refused;
    // A thread of its own (QFuture::result() may run a task that has not started in the caller).
    std::unique_ptr<QThread> worker(QThread::create([&] {
        there = ReportLayouts::build(*db, ReportKind::Annual, request).toJson();
        refused = test::errorOf([db] {
            WriteTransaction tx(db->connection());
            CalendarRepository(*db).setSetting(QStringLiteral("x"), QStringLiteral("y"));
            tx.commit();
        });
    }));
    worker->start();
    ASSERT_TRUE(worker->wait(60000));
    here.remove(QStringLiteral("generatedAt"));
    there.remove(QStringLiteral("generatedAt"));
    EXPECT_EQ(here, there);
    EXPECT_FALSE(refused.isEmpty()) << "no writing from another thread";
}

// Supervisors take the layouts that list cases only for the groups they lead.
TEST_F(Reports, SupervisorsTakeCaseListingsOnlyForTheirGroups)
{
    CadreGroup other{{}, QStringLiteral("第二联络组"), std::nullopt};
    Cadre stranger;
    stranger.name = QStringLiteral("陈立");
    stranger.role = Role::Cadre;
    stranger.activeFrom = QDate(2023, 4, 1);
    {
        WriteTransaction tx(t.db().connection());
        CadreRepository(t.db()).insert(other);
        stranger.groupId = other.meta.id;
        CadreRepository(t.db()).insert(stranger);
        tx.commit();
    }
    struct Case
    {
        ReportKind kind;
        const char* period;
        const char* scope;
        bool allowed;
    } cases[] = {
        {ReportKind::Weekly, "2024-W32", "cadre=王建国", true},
        {ReportKind::Weekly, "2024-W32", "cadre=陈立", false},
        {ReportKind::Monthly, "2024-07", "group=第一联络组", true},
        {ReportKind::Monthly, "2024-07", "group=第二联络组", false},
        {ReportKind::Monthly, "2024-07", "district", false},
        {ReportKind::Annual, "2024", "district", true},
        {ReportKind::Summary, "2024", "group=第二联络组", true},
    };
    Cadre staff;
    staff.role = Role::Staff;
    for (const Case& c : cases) {
        const ReportRequest r = requestFor(t.db(), c.period, c.scope);
        EXPECT_EQ(ReportLayouts::actorProblem(t.db(), f.supervisor, c.kind, r).isEmpty(), c.allowed)
            << toKey(c.kind).toStdString() << " " << c.scope;
        EXPECT_TRUE(ReportLayouts::actorProblem(t.db(), staff, c.kind, r).isEmpty()) << "staff: all";
    }
    // Through the service every caller uses: refused before any figure is read.
    ReportService reports(t.db());
    const ReportRequest otherGroup = requestFor(t.db(), "2024-07", "group=第二联络组");
    EXPECT_FALSE(test::errorOf([&] { reports.build(f.supervisor, ReportKind::Monthly, otherGroup); }).isEmpty());
    EXPECT_FALSE(test::errorOf([&] { reports.build(f.cadre, ReportKind::Summary, otherGroup); }).isEmpty())
        << "cadres do not take reports";
    EXPECT_EQ(reports.build(f.supervisor, ReportKind::Monthly, requestFor(t.db(), "2024-07", "group=第一联络组")).kind,
              QStringLiteral("monthly"));
}
