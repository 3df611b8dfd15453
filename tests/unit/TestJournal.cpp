// The journal entry (周记) in the core: a visit and its issues saved in one transaction,
// the "my week" queries and the weekly journal composed from them.
#include "TestSupport.h"
#include "reporting/WeeklyJournal.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "services/VisitService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WeekQueries.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Translations.h"

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;

namespace {

class JournalTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 11, 22), QTime(6, 0), Qt::UTC)); // Friday of 2024-W47
        f = test::makeFixture(t.db());
        WriteTransaction tx(t.db().connection());
        CadreRepository cadres(t.db());
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
        tx.commit();
    }
    void TearDown() override
    {
        Clock::setFixedNow({});
        installTranslations(QStringLiteral("en"));
    }

    JournalEntry entry(QDate date = QDate(2024, 11, 18))
    {
        JournalEntry e;
        e.visit.date = date;
        e.visit.cadreIds = {f.cadre.meta.id, companion.meta.id};
        e.visit.enterpriseId = f.enterprise.meta.id;
        e.visit.checklist[0] = {CheckState::Fine, {}};
        e.visit.checklist[2] = {CheckState::Concern, QStringLiteral("部分员工未签劳动合同")};
        e.visit.summary = QStringLiteral("企业生产正常，工会活动开展较好");
        RaisedIssue explained;
        explained.categoryId = f.category.meta.id;
        explained.title = QStringLiteral("小微企业工会经费返还");
        explained.description = QStringLiteral("企业不了解经费返还政策。");
        explained.disposition = IssueDisposition::Explain;
        explained.explanation = QStringLiteral("当场讲解返还政策和申请流程");
        RaisedIssue submitted;
        submitted.categoryId = f.category.meta.id;
        submitted.title = QStringLiteral("职工反映加班费计算有误");
        submitted.description = QStringLiteral("12名职工反映十月加班费少算。");
        submitted.raisedBy = QStringLiteral("张师傅");
        submitted.disposition = IssueDisposition::Submit;
        submitted.dueDate = QDate(2024, 11, 29);
        e.issues = {explained, submitted};
        return e;
    }

    test::TempDatabase t;
    test::Fixture f;
    Cadre companion;
    Cadre stranger;
    Cadre staff;
};

} // namespace

TEST_F(JournalTest, SavesTheVisitAndItsIssuesWithTheirLifecycleSteps)
{
    const VisitService::Saved saved = VisitService(t.db()).save(f.cadre, entry());
    ASSERT_GT(saved.visit.meta.id, 0);
    ASSERT_EQ(saved.issues.size(), 2);

    const auto visit = VisitRepository(t.db()).visit(saved.visit.meta.id);
    ASSERT_TRUE(visit);
    EXPECT_EQ(visit->cadreIds, (QList<RowId>{f.cadre.meta.id, companion.meta.id}));
    EXPECT_EQ(visit->checklist[2].state, CheckState::Concern);
    EXPECT_EQ(visit->checklist[2].note, QStringLiteral("部分员工未签劳动合同"));

    IssueRepository issues(t.db());
    const auto explained = issues.issue(saved.issues[0].meta.id);
    ASSERT_TRUE(explained);
    EXPECT_EQ(explained->visitId, saved.visit.meta.id);
    EXPECT_EQ(explained->ownerId, f.cadre.meta.id);
    EXPECT_EQ(explained->stage, Stage::Closed);
    EXPECT_EQ(explained->outcome, Outcome::Resolved);
    EXPECT_EQ(explained->closedOn, QDate(2024, 11, 18));
    const QList<IssueEvent> explainedEvents = issues.events(explained->meta.id);
    ASSERT_EQ(explainedEvents.size(), 2);
    EXPECT_EQ(explainedEvents[0].action, QStringLiteral("record"));
    EXPECT_EQ(explainedEvents[1].action, QStringLiteral("explain"));
    EXPECT_EQ(explainedEvents[1].note, QStringLiteral("当场讲解返还政策和申请流程"));

    const auto submitted = issues.issue(saved.issues[1].meta.id);
    ASSERT_TRUE(submitted);
    EXPECT_EQ(submitted->stage, Stage::Consultation);
    EXPECT_EQ(submitted->dueDate, QDate(2024, 11, 29));
    EXPECT_EQ(submitted->raisedBy, QStringLiteral("张师傅"));
    EXPECT_EQ(issues.events(submitted->meta.id).size(), 2);
    EXPECT_TRUE(IssueService(t.db()).checkConsistency().isEmpty());
}

TEST_F(JournalTest, ASubmittedIssueWithoutADueDateGetsTheCategoryDefault)
{
    JournalEntry e = entry();
    e.issues[1].dueDate = QDate();
    const VisitService::Saved saved = VisitService(t.db()).save(f.cadre, e);
    // 5 working days from Monday 18 November 2024.
    EXPECT_EQ(saved.issues[1].dueDate, QDate(2024, 11, 25));
}

// Each of these breaks the second issue only; the first one, and the visit, must not be written either.
TEST_F(JournalTest, AFailureOnTheSecondIssueWritesNothing)
{
    struct Case
    {
        const char* name;
        std::function<void(RaisedIssue&)> breakIt;
        const char* expected;
    };
    const QList<Case> cases = {
        {"empty title", [](RaisedIssue& r) { r.title = QStringLiteral("  "); }, "the title is empty"},
        {"unknown category", [](RaisedIssue& r) { r.categoryId = 999999; }, "FOREIGN KEY"},
        {"explained without saying what",
         [](RaisedIssue& r) {
             r.disposition = IssueDisposition::Explain;
             r.explanation.clear();
         },
         ""},
        {"due before the visit", [](RaisedIssue& r) { r.dueDate = QDate(2024, 11, 1); }, ""},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const QByteArray before = test::contentHash(t.db().connection());
        JournalEntry e = entry();
        c.breakIt(e.issues[1]);
        const QString error = errorOf([&] { VisitService(t.db()).save(f.cadre, e); });
        EXPECT_FALSE(error.isEmpty());
        EXPECT_TRUE(error.contains(QLatin1String(c.expected))) << error.toStdString();
        EXPECT_EQ(test::contentHash(t.db().connection()), before);
    }
    EXPECT_EQ(VisitRepository(t.db()).count(), 0);
    EXPECT_EQ(IssueRepository(t.db()).count(), 0);
}

TEST_F(JournalTest, OnlyTheVisitsCadresOrTheirSupervisorMaySaveIt)
{
    const QByteArray before = test::contentHash(t.db().connection());
    for (const Cadre* who : {&stranger, &staff}) {
        const QString error = errorOf([&] { VisitService(t.db()).save(*who, entry()); });
        EXPECT_TRUE(error.contains(QStringLiteral("Nothing was changed"))) << error.toStdString();
    }
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
    const VisitService::Saved bySupervisor = VisitService(t.db()).save(f.supervisor, entry());
    EXPECT_EQ(bySupervisor.issues[0].ownerId, f.cadre.meta.id) << "the author owns what a supervisor records";

    // An edit is judged by the visit as stored: a stranger cannot put themselves on it.
    JournalEntry edit{bySupervisor.visit, {}};
    edit.visit.cadreIds.append(stranger.meta.id);
    EXPECT_FALSE(errorOf([&] { VisitService(t.db()).save(stranger, edit); }).isEmpty());
}

TEST_F(JournalTest, AnEditUpdatesTheVisitAddsNewIssuesAndRefusesAStaleCopy)
{
    const VisitService::Saved first = VisitService(t.db()).save(f.cadre, entry());
    JournalEntry edit{first.visit, {entry().issues[0]}};
    edit.visit.summary = QStringLiteral("补充：已约定下周回访");
    const VisitService::Saved second = VisitService(t.db()).save(companion, edit);
    EXPECT_EQ(second.visit.meta.version, first.visit.meta.version + 1);
    EXPECT_EQ(VisitRepository(t.db()).visit(first.visit.meta.id)->summary, QStringLiteral("补充：已约定下周回访"));
    EXPECT_EQ(IssueRepository(t.db()).count(), 3);
    EXPECT_EQ(second.issues[0].ownerId, companion.meta.id);

    JournalEntry stale{first.visit, {}}; // still at the first version
    stale.visit.summary = QStringLiteral("过时的副本");
    const QString error = errorOf([&] { VisitService(t.db()).save(f.cadre, stale); });
    EXPECT_TRUE(error.contains(QStringLiteral("changed by"))) << error.toStdString();
}

TEST_F(JournalTest, WeekQueriesCountTheCadresVisitsAndFindKeyEnterprisesDue)
{
    EXPECT_EQ(AdminService(t.db()).keyVisitWeeks(), 4);
    VisitService(t.db()).save(f.cadre, entry(QDate(2024, 11, 18)));
    VisitService(t.db()).save(f.cadre, entry(QDate(2024, 11, 11)));
    WeekQueries q(t.db());
    EXPECT_EQ(q.visitCount(f.cadre.meta.id, QDate(2024, 11, 18), QDate(2024, 11, 24)), 1);
    EXPECT_EQ(q.visitCount(companion.meta.id, QDate(2024, 11, 11), QDate(2024, 11, 24)), 2);
    EXPECT_EQ(q.visitCount(stranger.meta.id, QDate(2024, 11, 11), QDate(2024, 11, 24)), 0);

    // A second key enterprise, never visited; the first was visited on the 18th.
    Enterprise other = f.enterprise;
    other.meta = {};
    other.name = QStringLiteral("绍兴鉴湖酿酒有限公司");
    other.creditCode = QString::fromLatin1(test::kValidCreditCodes[1]);
    {
        WriteTransaction tx(t.db().connection());
        EnterpriseRepository(t.db()).insert(other);
        tx.commit();
    }
    const QList<DueKeyEnterprise> due = q.keyEnterprisesDue(f.cadre.meta.id, QDate(2024, 10, 28));
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due[0].id, other.meta.id);
    EXPECT_FALSE(due[0].lastVisit.isValid());
    EXPECT_EQ(q.keyEnterprisesDue(f.cadre.meta.id, QDate(2024, 11, 25)).size(), 2);
    EXPECT_TRUE(q.keyEnterprisesDue(companion.meta.id, QDate(2024, 11, 25)).isEmpty());

    EXPECT_FALSE(errorOf([&] { AdminService(t.db()).setKeyVisitWeeks(f.cadre, 6); }).isEmpty());
    EXPECT_FALSE(errorOf([&] { AdminService(t.db()).setKeyVisitWeeks(staff, 0); }).isEmpty());
    AdminService(t.db()).setKeyVisitWeeks(staff, 6);
    EXPECT_EQ(AdminService(t.db()).keyVisitWeeks(), 6);
}

TEST_F(JournalTest, TheWeeklyJournalTellsTheWeekInChinese)
{
    const VisitService::Saved saved = VisitService(t.db()).save(f.cadre, entry());
    // An older issue that moved on this week.
    Clock::setFixedNow(QDateTime(QDate(2024, 11, 22), QTime(6, 0), Qt::UTC));
    JournalEntry older = entry(QDate(2024, 11, 4));
    older.issues = {older.issues[1]};
    older.issues[0].title = QStringLiteral("食堂就餐环境差");
    older.issues[0].dueDate = QDate(2024, 11, 15);
    const VisitService::Saved earlier = VisitService(t.db()).save(f.cadre, older);
    ActionInput transfer;
    transfer.action = LifecycleAction::Transfer;
    transfer.date = QDate(2024, 11, 20);
    transfer.note = QStringLiteral("请协调");
    transfer.departmentId = f.department.meta.id;
    transfer.dueDate = QDate(2024, 11, 29);
    IssueService(t.db()).act(earlier.issues[0].meta.id, earlier.issues[0].meta.version, f.cadre.meta.id, transfer);

    installTranslations(QStringLiteral("zh_CN"));
    const WeekJournalData data = WeeklyJournal::load(t.db(), f.cadre.meta.id, IsoWeek{2024, 47});
    EXPECT_EQ(data.visits.size(), 1);
    EXPECT_EQ(data.raised.size(), 2);
    const QString text = WeeklyJournal::compose(data);
    SCOPED_TRACE(text.toStdString());
    EXPECT_TRUE(text.startsWith(QStringLiteral("王建国的周记（2024年第47周，11月18日至11月24日）")));
    EXPECT_TRUE(text.contains(
        QStringLiteral("本周走访企业1家次，其中本人登记1家次（定额4家次），收集问题诉求2个，其中当场解释化解1个。")));
    EXPECT_TRUE(text.contains(QStringLiteral("11月18日走访了绍兴越州纺织有限公司（稽山街道），与李丽华同行。")));
    EXPECT_TRUE(text.contains(QStringLiteral("需关注：劳动用工是否规范（部分员工未签劳动合同）。")));
    EXPECT_TRUE(text.contains(QStringLiteral("收集问题诉求2个：（1）小微企业工会经费返还")));
    EXPECT_TRUE(text.contains(QStringLiteral("已当场解释化解")));
    EXPECT_TRUE(text.contains(QStringLiteral("由张师傅反映")));
    EXPECT_TRUE(text.contains(QStringLiteral("已提交会诊，限11月29日前办结")));
    EXPECT_TRUE(text.contains(
        QStringLiteral("问题诉求跟进：\n11月20日，") + earlier.issues[0].number +
        QStringLiteral("“食堂就餐环境差”（绍兴越州纺织有限公司）：流转至区人力资源和社会保障局，限11月29日前办结")));
    EXPECT_FALSE(text.contains(QStringLiteral("11月4日"))) << "last week's visit is not in this week's journal";

    const QString empty = WeeklyJournal::compose(WeeklyJournal::load(t.db(), stranger.meta.id, IsoWeek{2024, 47}));
    EXPECT_TRUE(empty.contains(QStringLiteral("本周没有走访记录。")));
    (void)saved;
}

TEST_F(JournalTest, ThePickersFindEnterprisesByNameCodeOrTownAndCadresByName)
{
    Enterprise other = f.enterprise;
    other.meta = {};
    other.name = QStringLiteral("越州鉴湖酿酒有限公司");
    other.creditCode = QString::fromLatin1(test::kValidCreditCodes[1]);
    {
        WriteTransaction tx(t.db().connection());
        EnterpriseRepository(t.db()).insert(other);
        tx.commit();
    }
    EnterpriseRepository repo(t.db());
    struct Case
    {
        QString typed;
        int limit;
        QStringList expected;
    };
    const QList<Case> cases = {
        {QStringLiteral("鉴湖"), 15, {other.name}},
        {QStringLiteral("越州"), 15, {other.name, f.enterprise.name}}, // the name that starts with it first
        {QStringLiteral("稽山"), 15, {f.enterprise.name, other.name}}, // the town
        {f.enterprise.creditCode.left(10).toLower(), 15, {f.enterprise.name}},
        {QStringLiteral("有限公司"), 1, {}}, // one of the two, at most one
        {QStringLiteral("100%"), 15, {}},    // wildcards are literal
        {QStringLiteral("  "), 15, {}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.typed.toStdString());
        QStringList names;
        for (const EnterpriseMatch& m : repo.search(c.typed, c.limit))
            names << m.name;
        if (c.typed == QStringLiteral("有限公司"))
            EXPECT_EQ(names.size(), 1);
        else
            EXPECT_EQ(names, c.expected);
    }
    QStringList cadres;
    for (const Cadre& c : CadreRepository(t.db()).search(QStringLiteral("李"), 5))
        cadres << c.name;
    EXPECT_EQ(cadres, QStringList{QStringLiteral("李丽华")});
    EXPECT_TRUE(CadreRepository(t.db()).search(QStringLiteral("钱"), 5).isEmpty()) << "staff do not go on visits";
}
