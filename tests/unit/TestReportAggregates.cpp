// The report aggregates of migration 12 (storage/ReportAggregates.h) against the records:
// after every kind of write the triggers must leave exactly what a fresh count gives, and
// every report figure read from them must equal the same figure counted from the records.
#include "TestSupport.h"
#include "reporting/ReportEngine.h"
#include "storage/CalendarRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/FigureQueries.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/ReportAggregates.h"
#include "storage/ReportQueries.h"
#include "storage/Sql.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

#include <functional>

using namespace yg;

namespace {

struct Dataset
{
    test::Fixture f;
    Town otherTown;
    Category otherCategory;
    Cadre otherCadre;
    RowId otherEnterprise = 0;
    QList<RowId> issues;
    QList<RowId> visits;
};

struct Mutation
{
    const char* name;
    std::function<void(QSqlDatabase&, Dataset&)> apply;
};

void exec(QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q = sql::prepare(db, statement);
    for (const QVariant& v : values)
        q.addBindValue(v);
    sql::exec(q);
    q.finish();
}

class ReportAggregatesTest : public ::testing::TestWithParam<Mutation>
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(2, 0), Qt::UTC));
        d.f = test::makeFixture(t.db());
        t.db().setAuditing(false);
        WriteTransaction tx(t.db().connection());
        ReferenceRepository refs(t.db());
        d.otherTown = Town{{}, QStringLiteral("fusheng"), QStringLiteral("富盛镇"), 2};
        refs.insert(d.otherTown);
        d.otherCategory = Category{{}, QStringLiteral("fire_safety"), QStringLiteral("消防安全"), 10, 2};
        refs.insert(d.otherCategory);
        Enterprise e;
        e.name = QStringLiteral("绍兴富盛建材有限公司");
        e.creditCode = QStringLiteral("91350100M000100Y43");
        e.townId = d.otherTown.meta.id;
        e.isKey = true;
        EnterpriseRepository(t.db()).insert(e);
        d.otherEnterprise = e.meta.id;
        QSqlDatabase db = t.db().connection();
        // A second cadre in the fixture's group with a quota of 2.
        exec(db,
             QStringLiteral("INSERT INTO cadres (uuid, name, role, group_id, active_from, weekly_quota, created_at, "
                            "updated_at) VALUES ('c2', '李晓梅', 'cadre', ?, '2024-03-01', 2, 'x', 'x')"),
             {d.f.group.meta.id});
        d.otherCadre.meta.id = sql::scalar(db, QStringLiteral("SELECT id FROM cadres WHERE uuid = 'c2'")).toLongLong();
        // Issues over a winter, a spring festival and a summer, in every state.
        const RowId ent = d.f.enterprise.meta.id, cat = d.f.category.meta.id;
        addIssue(ent, cat, d.f.cadre.meta.id, QDate(2024, 1, 30), QDate(2024, 2, 21), "resolved", QDate(2024, 2, 20));
        addIssue(ent, cat, d.f.cadre.meta.id, QDate(2024, 2, 5), QDate(2024, 2, 6), "resolved", QDate(2024, 2, 9));
        addIssue(d.otherEnterprise, cat, d.otherCadre.meta.id, QDate(2024, 2, 1), QDate(2024, 2, 29), "unresolved", {});
        addIssue(d.otherEnterprise, d.otherCategory.meta.id, d.otherCadre.meta.id, QDate(2024, 3, 31),
                 QDate(2024, 4, 2), "withdrawn", {});
        addIssue(ent, d.otherCategory.meta.id, d.f.cadre.meta.id, QDate(2024, 7, 3), {}, {}, QDate(2024, 7, 10));
        addIssue(d.otherEnterprise, cat, d.otherCadre.meta.id, QDate(2024, 7, 15), {}, {}, QDate(2025, 1, 10));
        addIssue(ent, cat, d.f.cadre.meta.id, QDate(2023, 12, 29), QDate(2024, 1, 3), "resolved", QDate(2024, 1, 2));
        // Visits: several per week for the fixture cadre (quota 4), some for the other.
        for (int n = 0; n < 14; ++n)
            addVisit(n % 3 ? ent : d.otherEnterprise, d.f.cadre.meta.id, QDate(2024, 7, 1).addDays(n / 4 * 7 + n % 4),
                     n % 2 ? QList<RowId>{d.otherCadre.meta.id} : QList<RowId>{});
        for (const QDate day : {QDate(2024, 3, 31), QDate(2024, 4, 1), QDate(2024, 4, 2), QDate(2024, 12, 30),
                                QDate(2024, 12, 31), QDate(2025, 1, 1)})
            addVisit(d.otherEnterprise, d.otherCadre.meta.id, day);
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    void addIssue(RowId enterprise, RowId category, RowId owner, QDate received, QDate closed, const char* outcome,
                  QDate due)
    {
        Issue i;
        i.enterpriseId = enterprise;
        i.categoryId = category;
        i.title = QStringLiteral("问题");
        i.description = QStringLiteral("描述");
        i.ownerId = owner;
        i.receivedOn = received;
        i.dueDate = due;
        i.stage = closed.isValid() ? Stage::Closed : Stage::Consultation;
        if (closed.isValid()) {
            i.closedOn = closed;
            i.outcome = *fromKey<Outcome>(QLatin1String(outcome));
        }
        IssueRepository issues(t.db());
        issues.insert(i);
        d.issues << i.meta.id;
        // Its history, as the lifecycle would have written it: recorded, then explained
        // (closed) or submitted to consultation.
        IssueEvent e;
        e.issueId = i.meta.id;
        e.actorId = owner;
        e.action = QStringLiteral("record");
        e.eventDate = received;
        issues.appendEvent(e);
        e.uuid.clear();
        e.action = closed.isValid() ? QStringLiteral("explain") : QStringLiteral("submit");
        e.eventDate = closed.isValid() ? closed : received;
        e.toStage = i.stage;
        e.outcome = i.outcome;
        issues.appendEvent(e);
    }

    void addVisit(RowId enterprise, RowId author, QDate date, const QList<RowId>& companions = {})
    {
        Visit v;
        v.date = date;
        v.cadreIds = QList<RowId>{author} + companions;
        v.enterpriseId = enterprise;
        VisitRepository(t.db()).insert(v);
        d.visits << v.meta.id;
    }

    /** The headline up to now (an open end) from the counts and counted from the records. */
    void expectHeadlineLikeTheRecords()
    {
        QSqlDatabase db = t.db().connection();
        // 1 August: a month after the quarters of the year (whose keys sort after the months').
        for (const QDate from : {QDate(), QDate(2024, 1, 1), QDate(2024, 2, 1), QDate(2024, 8, 1)}) {
            const HeadlineCounts a = queryHeadlineCounts(db, from, {});
            // An end after every record: the statement over the records, the state from the events.
            const HeadlineCounts b = queryHeadlineCounts(db, from, QDate(2030, 12, 31));
            const std::string where = from.toString(Qt::ISODate).toStdString();
            EXPECT_EQ(a.visits, b.visits) << where;
            EXPECT_EQ(a.enterprisesVisited, b.enterprisesVisited) << where;
            EXPECT_EQ(a.issuesCollected, b.issuesCollected) << where;
            EXPECT_EQ(a.issuesResolved, b.issuesResolved) << where;
            EXPECT_EQ(a.keyEnterprisesVisited, b.keyEnterprisesVisited) << where;
        }
    }

    /** Every figure, breakdown and per-cadre line equal with and without the aggregates. */
    void expectAggregatesAnswerLikeTheRecords()
    {
        QSqlDatabase db = t.db().connection();
        EXPECT_EQ(ReportAggregates::problems(db), QStringList{});
        const QList<std::pair<QDate, QDate>> periods{
            {QDate(2024, 2, 1), QDate(2024, 2, 29)}, {QDate(2024, 1, 1), QDate(2024, 3, 31)},
            {QDate(2024, 4, 1), QDate(2024, 6, 30)}, {QDate(2024, 1, 1), QDate(2024, 12, 31)},
            {QDate(2024, 7, 1), QDate(2024, 7, 31)}, {QDate(2023, 12, 1), QDate(2024, 3, 31)},
            {QDate(2024, 7, 8), QDate(2024, 7, 21)}};
        const QList<ReportScope> scopes{{},
                                        {ReportScope::Kind::Town, d.f.town.meta.id},
                                        {ReportScope::Kind::Town, d.otherTown.meta.id},
                                        {ReportScope::Kind::Category, d.f.category.meta.id},
                                        {ReportScope::Kind::Group, d.f.group.meta.id},
                                        {ReportScope::Kind::Cadre, d.otherCadre.meta.id}};
        for (const auto& [from, to] : periods) {
            for (const ReportScope& scope : scopes) {
                ReportQueryInput cube{from, to, QDate(2024, 12, 2), scope, true, true};
                ReportQueryInput records = cube;
                records.useAggregates = false;
                const QString where = QStringLiteral("%1..%2 scope %3/%4")
                                          .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))
                                          .arg(int(scope.kind))
                                          .arg(scope.id);
                const ReportCounts a = queryReportCounts(db, cube), b = queryReportCounts(db, records);
                EXPECT_EQ(a.visits, b.visits) << qPrintable(where);
                EXPECT_EQ(a.enterprisesVisited, b.enterprisesVisited) << qPrintable(where);
                EXPECT_EQ(a.keyEnterprises, b.keyEnterprises) << qPrintable(where);
                EXPECT_EQ(a.keyEnterprisesVisited, b.keyEnterprisesVisited) << qPrintable(where);
                EXPECT_EQ(a.collected, b.collected) << qPrintable(where);
                EXPECT_EQ(a.resolved, b.resolved) << qPrintable(where);
                EXPECT_EQ(a.unresolved, b.unresolved) << qPrintable(where);
                EXPECT_EQ(a.withdrawn, b.withdrawn) << qPrintable(where);
                EXPECT_EQ(a.open, b.open) << qPrintable(where);
                EXPECT_EQ(a.overdue, b.overdue) << qPrintable(where);
                EXPECT_EQ(a.closedWithDue, b.closedWithDue) << qPrintable(where);
                EXPECT_EQ(a.closedWithinDue, b.closedWithinDue) << qPrintable(where);
                EXPECT_EQ(a.closedCount, b.closedCount) << qPrintable(where);
                EXPECT_EQ(a.averageDaysToClose, b.averageDaysToClose) << qPrintable(where);
                EXPECT_EQ(a.medianDaysToClose, b.medianDaysToClose) << qPrintable(where);
                EXPECT_EQ(a.cadreWeeks, b.cadreWeeks) << qPrintable(where);
                EXPECT_EQ(a.cadreWeeksMet, b.cadreWeeksMet) << qPrintable(where);
                for (ReportDimension dim : {ReportDimension::Town, ReportDimension::Category, ReportDimension::Cadre,
                                            ReportDimension::Month}) {
                    const auto x = queryReportBreakdown(db, cube, dim), y = queryReportBreakdown(db, records, dim);
                    ASSERT_EQ(x.size(), y.size()) << qPrintable(where) << " dimension " << int(dim);
                    for (qsizetype n = 0; n < x.size(); ++n) {
                        EXPECT_EQ(x[n].key, y[n].key) << qPrintable(where);
                        EXPECT_EQ(x[n].visits, y[n].visits) << qPrintable(where) << " " << qPrintable(x[n].key);
                        EXPECT_EQ(x[n].collected, y[n].collected) << qPrintable(where) << " " << qPrintable(x[n].key);
                        EXPECT_EQ(x[n].resolved, y[n].resolved) << qPrintable(where) << " " << qPrintable(x[n].key);
                    }
                }
                const auto x = queryCadreEvaluation(db, cube), y = queryCadreEvaluation(db, records);
                ASSERT_EQ(x.size(), y.size()) << qPrintable(where);
                for (qsizetype n = 0; n < x.size(); ++n) {
                    EXPECT_EQ(x[n].cadreId, y[n].cadreId) << qPrintable(where);
                    EXPECT_EQ(x[n].visits, y[n].visits) << qPrintable(where);
                    EXPECT_EQ(x[n].enterprises, y[n].enterprises) << qPrintable(where);
                    EXPECT_EQ(x[n].recorded, y[n].recorded) << qPrintable(where);
                    EXPECT_EQ(x[n].collected, y[n].collected) << qPrintable(where);
                    EXPECT_EQ(x[n].resolved, y[n].resolved) << qPrintable(where);
                    EXPECT_EQ(x[n].overdue, y[n].overdue) << qPrintable(where);
                    EXPECT_EQ(x[n].weeks, y[n].weeks) << qPrintable(where);
                    EXPECT_EQ(x[n].weeksMet, y[n].weeksMet) << qPrintable(where);
                }
            }
        }
    }

    test::TempDatabase t;
    Dataset d;
};

const Mutation kMutations[] = {
    {"nothing", [](QSqlDatabase&, Dataset&) {}},
    {"an issue moves on to follow-up",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE issues SET stage = 'follow_up' WHERE id = ?"), {d.issues[4]});
     }},
    {"an open issue is closed after its due date",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db,
              QStringLiteral("UPDATE issues SET stage = 'closed', outcome = 'resolved', closed_on = '2024-11-29' "
                             "WHERE id = ?"),
              {d.issues[4]});
     }},
    {"a closed issue is reopened",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db,
              QStringLiteral("UPDATE issues SET stage = 'consultation', outcome = '', closed_on = NULL WHERE id = ?"),
              {d.issues[0]});
     }},
    {"a new due date on a closed issue",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE issues SET due_date = '2024-02-05' WHERE id = ?"), {d.issues[1]});
     }},
    {"category, owner and receiving date corrected",
     [](QSqlDatabase& db, Dataset& d) {
         exec(
             db,
             QStringLiteral("UPDATE issues SET category_id = ?, owner_id = ?, received_on = '2024-01-25' WHERE id = ?"),
             {d.otherCategory.meta.id, d.otherCadre.meta.id, d.issues[1]});
     }},
    {"an issue moves to another town's enterprise",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE issues SET enterprise_id = ? WHERE id = ?"), {d.otherEnterprise, d.issues[0]});
     }},
    {"an enterprise moves to another town",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE enterprises SET town_id = ? WHERE id = ?"),
              {d.otherTown.meta.id, d.f.enterprise.meta.id});
     }},
    {"an issue without history is deleted (the lifecycle never does; an import rolled back may)",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db,
              QStringLiteral("INSERT INTO issues (uuid, number, number_year, number_seq, enterprise_id, category_id, "
                             "title, owner_id, stage, outcome, received_on, due_date, closed_on, created_at, "
                             "updated_at) VALUES ('x1', '2024-9001', 2024, 9001, ?, ?, 'x', ?, 'closed', 'resolved', "
                             "'2024-02-02', '2024-02-09', '2024-02-07', 'x', 'x')"),
              {d.otherEnterprise, d.f.category.meta.id, d.otherCadre.meta.id});
         exec(db, QStringLiteral("DELETE FROM issues WHERE uuid = 'x1'"));
     }},
    {"a visit moves to another week, month and enterprise",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE visits SET visit_date = '2024-08-01', enterprise_id = ? WHERE id = ?"),
              {d.otherEnterprise, d.visits[0]});
     }},
    {"a visit gets another author",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE visits SET author_id = ? WHERE id = ?"), {d.otherCadre.meta.id, d.visits[1]});
     }},
    {"the only visit of an enterprise in a month is deleted",
     [](QSqlDatabase& db, Dataset& d) {
         const RowId last = d.visits.last(); // 1 January 2025
         exec(db, QStringLiteral("DELETE FROM visit_cadres WHERE visit_id = ?"), {last});
         exec(db, QStringLiteral("DELETE FROM visits WHERE id = ?"), {last});
         const RowId march = d.visits[14]; // 31 March 2024, alone in its month and quarter
         exec(db, QStringLiteral("DELETE FROM visit_cadres WHERE visit_id = ?"), {march});
         exec(db, QStringLiteral("DELETE FROM visits WHERE id = ?"), {march});
     }},
    {"a visit is deleted with its cadres (foreign-key cascade)",
     [](QSqlDatabase& db, Dataset& d) { exec(db, QStringLiteral("DELETE FROM visits WHERE id = ?"), {d.visits[3]}); }},
    {"a companion is removed from a visit and another added",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("DELETE FROM visit_cadres WHERE visit_id = ? AND position > 0"), {d.visits[1]});
         exec(db, QStringLiteral("INSERT INTO visit_cadres (visit_id, cadre_id, position) VALUES (?, ?, 1)"),
              {d.visits[2], d.otherCadre.meta.id});
     }},
    {"a cadre's quota changes",
     [](QSqlDatabase& db, Dataset& d) {
         exec(db, QStringLiteral("UPDATE cadres SET weekly_quota = 3 WHERE id = ?"), {d.f.cadre.meta.id});
     }},
};

} // namespace

TEST_P(ReportAggregatesTest, EveryFigureFromTheAggregatesEqualsTheRecordsAfterAWrite)
{
    QSqlDatabase db = t.db().connection();
    WriteTransaction tx(db);
    GetParam().apply(db, d);
    tx.commit();
    expectAggregatesAnswerLikeTheRecords();
}

INSTANTIATE_TEST_SUITE_P(Writes, ReportAggregatesTest, ::testing::ValuesIn(kMutations),
                         [](const ::testing::TestParamInfo<Mutation>& info) {
                             QString name = QString::fromLatin1(info.param.name);
                             name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("_"));
                             return name.toStdString();
                         });

TEST_F(ReportAggregatesTest, TheHeadlineUpToNowFromTheCountsEqualsTheRecords)
{
    expectHeadlineLikeTheRecords();
    EXPECT_EQ(queryHeadlineCounts(t.db().connection(), {}, {}).issuesResolved, 3);
    // A resolved issue reopened (its event and its stored stage, as IssueService writes them).
    WriteTransaction tx(t.db().connection());
    IssueRepository issues(t.db());
    IssueEvent e;
    e.issueId = d.issues[0];
    e.actorId = d.f.supervisor.meta.id;
    e.action = QStringLiteral("reopen");
    e.eventDate = QDate(2024, 11, 1);
    e.toStage = Stage::Consultation;
    issues.appendEvent(e);
    QSqlDatabase db = t.db().connection();
    exec(db, QStringLiteral("UPDATE issues SET stage = 'consultation', outcome = '', closed_on = NULL WHERE id = ?"),
         {d.issues[0]});
    tx.commit();
    EXPECT_EQ(queryHeadlineCounts(db, {}, {}).issuesResolved, 2);
    expectHeadlineLikeTheRecords();
}

TEST_F(ReportAggregatesTest, AReportOfTheCurrentYearReadsTheCountsUnlessAStepIsDatedAfterItsStateDay)
{
    // Today is 2 December 2024: the state on 31 December is today's, no step being later.
    ReportRequest year;
    year.period = Period::year(2024);
    const ReportFigures f = ReportEngine::figures(t.db(), year, year.period);
    EXPECT_EQ(f.stateAsOf, QDate(2024, 12, 31));
    EXPECT_TRUE(f.stateNow);
    ReportQueryInput replay{f.from, f.to, f.stateAsOf, {}, false, false};
    const ReportCounts r = queryReportCounts(t.db().connection(), replay);
    EXPECT_EQ(f.counts.collected, r.collected);
    EXPECT_EQ(f.counts.resolved, r.resolved);
    EXPECT_EQ(f.counts.open, r.open);
    EXPECT_EQ(f.counts.overdue, r.overdue) << "due before 31 December";
    EXPECT_EQ(f.counts.medianDaysToClose, r.medianDaysToClose);
    // A step dated after the state day (a laptop's wrong clock, through an exchange): the
    // events decide.
    WriteTransaction tx(t.db().connection());
    IssueEvent e;
    e.issueId = d.issues[4];
    e.actorId = d.f.cadre.meta.id;
    e.action = QStringLiteral("feedback");
    e.eventDate = QDate(2025, 1, 6);
    e.toStage = Stage::FollowUp;
    IssueRepository(t.db()).appendEvent(e);
    tx.commit();
    const ReportFigures later = ReportEngine::figures(t.db(), year, year.period);
    EXPECT_FALSE(later.stateNow);
    EXPECT_EQ(later.counts.collected, r.collected);
}

TEST_F(ReportAggregatesTest, AHolidayAddedToTheCalendarChangesTheWorkingDaysToClose)
{
    ReportQueryInput in{QDate(2024, 2, 1), QDate(2024, 2, 29), QDate(2024, 12, 2), {}, true, true};
    const auto before = queryReportCounts(t.db().connection(), in).averageDaysToClose;
    {
        WriteTransaction tx(t.db().connection());
        CalendarRepository calendar(t.db());
        calendar.setDay(QDate(2024, 2, 6), WorkCalendar::DayKind::Holiday, QStringLiteral("测试"));
        calendar.rebuildIndexIfChanged();
        tx.commit();
    }
    const auto after = queryReportCounts(t.db().connection(), in).averageDaysToClose;
    ASSERT_TRUE(before && after);
    EXPECT_LT(*after, *before) << "the issue open from 5 to 6 February took one working day, now none";
    expectAggregatesAnswerLikeTheRecords();
}

TEST_F(ReportAggregatesTest, ABulkWritePausesTheCountsAndRebuildCountsItOnce)
{
    QSqlDatabase db = t.db().connection();
    {
        WriteTransaction tx(db);
        ReportAggregates::pause(db);
        addVisit(d.otherEnterprise, d.otherCadre.meta.id, QDate(2024, 5, 6));
        exec(db, QStringLiteral("UPDATE issues SET stage = 'follow_up' WHERE id = ?"), {d.issues[4]});
        tx.commit();
    }
    const QStringList paused = ReportAggregates::problems(db);
    ASSERT_GE(paused.size(), 2) << "paused, and the counts missed the visit";
    EXPECT_TRUE(paused[0].contains(QLatin1String("paused"))) << qPrintable(paused[0]);
    // Meanwhile the reports count from the records: the new visit is there.
    const ReportQueryInput year{QDate(2024, 1, 1), QDate(2024, 12, 31), QDate(2024, 12, 2), {}, true, true};
    ReportQueryInput records = year;
    records.useAggregates = false;
    EXPECT_EQ(queryReportCounts(db, year).visits, queryReportCounts(db, records).visits);
    EXPECT_EQ(queryHeadlineCounts(db, {}, {}).visits, queryHeadlineCounts(db, {}, QDate(2030, 1, 1)).visits);
    WriteTransaction tx(db);
    ReportAggregates::rebuild(db);
    tx.commit();
    expectAggregatesAnswerLikeTheRecords();
    // Resumed: the next write is counted by the triggers again.
    addVisit(d.otherEnterprise, d.otherCadre.meta.id, QDate(2024, 5, 7));
    EXPECT_EQ(ReportAggregates::problems(db), QStringList{});
}

TEST_F(ReportAggregatesTest, CheckFindsDamagedCountsAndRebuildRepairsThem)
{
    QSqlDatabase db = t.db().connection();
    exec(db, QStringLiteral("UPDATE report_issue_cube SET n = n + 1 WHERE month = (SELECT min(month) FROM "
                            "report_issue_cube)"));
    exec(db, QStringLiteral("DELETE FROM report_cadre_weeks"));
    const QStringList problems = ReportAggregates::problems(db);
    ASSERT_EQ(problems.size(), 2);
    EXPECT_TRUE(problems[0].contains(QLatin1String("report_issue_cube"))) << qPrintable(problems[0]);
    EXPECT_TRUE(problems[1].contains(QLatin1String("report_cadre_weeks"))) << qPrintable(problems[1]);
    WriteTransaction tx(db);
    ReportAggregates::rebuild(db);
    tx.commit();
    expectAggregatesAnswerLikeTheRecords();
}
