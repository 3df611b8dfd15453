#include "TestSupport.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/Sql.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;

namespace {

class Repositories : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 8, 6), QTime(2, 30), Qt::UTC));
        f = test::makeFixture(t.db());
    }
    void TearDown() override { Clock::setFixedNow({}); }

    Visit makeVisit()
    {
        Visit v;
        v.date = QDate(2024, 8, 5);
        v.cadreIds = {f.cadre.meta.id, f.supervisor.meta.id};
        v.enterpriseId = f.enterprise.meta.id;
        v.kind = VisitKind::WorkshopTalk;
        v.checklist[0] = {CheckState::Fine, QString()};
        v.checklist[2] = {CheckState::Concern, QStringLiteral("部分职工未签劳动合同")};
        v.summary = QStringLiteral("深入车间与一线职工交流。");
        v.nextVisitDate = QDate(2024, 9, 2);
        return v;
    }

    Issue makeIssue(RowId visitId)
    {
        Issue i;
        i.visitId = visitId;
        i.enterpriseId = f.enterprise.meta.id;
        i.categoryId = f.category.meta.id;
        i.title = QStringLiteral("职工反映工资拖欠");
        i.description = QStringLiteral("12名职工反映近两个月工资未按时发放。");
        i.raisedBy = QStringLiteral("李娟");
        i.ownerId = f.cadre.meta.id;
        i.receivedOn = QDate(2024, 8, 5);
        return i;
    }

    test::TempDatabase t;
    test::Fixture f;
};

} // namespace

TEST_F(Repositories, ReferenceDataRoundTrips)
{
    ReferenceRepository refs(t.db());
    const auto town = refs.town(f.town.meta.id);
    ASSERT_TRUE(town);
    EXPECT_EQ(town->name, QStringLiteral("稽山街道"));
    EXPECT_EQ(town->code, QStringLiteral("jishan"));
    EXPECT_EQ(town->meta.uuid, f.town.meta.uuid);
    EXPECT_EQ(town->meta.uuid.size(), 36);
    EXPECT_EQ(town->meta.version, 1);
    EXPECT_EQ(town->meta.createdAt, Clock::nowUtc());
    EXPECT_EQ(refs.townByName(QStringLiteral("稽山街道"))->meta.id, f.town.meta.id);
    const auto category = refs.category(f.category.meta.id);
    ASSERT_TRUE(category);
    EXPECT_EQ(category->defaultDueDays, 5);
    EXPECT_EQ(category->name, QStringLiteral("欠薪与劳动争议"));
    ASSERT_EQ(refs.departments().size(), 1);
    EXPECT_EQ(refs.departments().first().name, QStringLiteral("区人力资源和社会保障局"));
}

TEST_F(Repositories, CadreAndGroupRoundTrip)
{
    CadreRepository cadres(t.db());
    const auto c = cadres.cadre(f.cadre.meta.id);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->name, QStringLiteral("王建国"));
    EXPECT_EQ(c->role, Role::Cadre);
    EXPECT_EQ(c->groupId, f.group.meta.id);
    EXPECT_EQ(c->townIds, QList<RowId>{f.town.meta.id});
    EXPECT_EQ(c->activeFrom, QDate(2023, 4, 1));
    EXPECT_FALSE(c->activeTo.isValid());
    EXPECT_EQ(c->weeklyQuota, 4);
    EXPECT_TRUE(c->resident);
    const auto g = cadres.group(f.group.meta.id);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->supervisorId, f.supervisor.meta.id);

    Cadre changed = *c;
    changed.activeTo = QDate(2024, 12, 31);
    changed.townIds.clear();
    cadres.update(changed, f.supervisor.meta.id);
    const auto again = cadres.cadre(f.cadre.meta.id);
    EXPECT_EQ(again->activeTo, QDate(2024, 12, 31));
    EXPECT_TRUE(again->townIds.isEmpty());
    EXPECT_EQ(again->meta.version, 2);
}

TEST_F(Repositories, CadreValidationRefusesAndChangesNothing)
{
    CadreRepository cadres(t.db());
    const QByteArray before = test::contentHash(t.db().connection());
    Cadre bad;
    bad.name = QStringLiteral("张三");
    bad.activeFrom = QDate(2024, 5, 1);
    bad.activeTo = QDate(2024, 4, 1);
    const QString message = errorOf([&] { cadres.insert(bad); });
    EXPECT_TRUE(message.contains(QStringLiteral("ends (2024-04-01) before it starts"))) << message.toStdString();
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(Repositories, EnterpriseRoundTripAndUpdate)
{
    EnterpriseRepository enterprises(t.db());
    auto e = enterprises.enterprise(f.enterprise.meta.id);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->name, QStringLiteral("绍兴越州纺织有限公司"));
    EXPECT_EQ(e->creditCode, QStringLiteral("91330100799655058B"));
    EXPECT_TRUE(e->isKey);
    EXPECT_EQ(e->unionStatus, UnionStatus::Established);
    EXPECT_EQ(e->unionMembers, 100);
    EXPECT_EQ(e->assignedCadreId, f.cadre.meta.id);
    EXPECT_EQ(enterprises.byCreditCode(QStringLiteral("91330100799655058b"))->meta.id, e->meta.id);

    e->isNewForm = true;
    e->contactPhone = QStringLiteral("13800000000");
    enterprises.update(*e, f.cadre.meta.id);
    const auto again = enterprises.enterprise(e->meta.id);
    EXPECT_TRUE(again->isNewForm);
    EXPECT_EQ(again->contactPhone, QStringLiteral("13800000000"));
    EXPECT_EQ(again->meta.version, 2);
}

TEST_F(Repositories, EnterpriseWithWrongCreditCodeIsRefusedNamingTheCharacter)
{
    EnterpriseRepository enterprises(t.db());
    const QByteArray before = test::contentHash(t.db().connection());
    Enterprise e = f.enterprise;
    e.meta = {};
    e.name = QStringLiteral("绍兴鉴湖机械有限公司");
    e.creditCode = QStringLiteral("9144030O71526726XG");
    const QString message = errorOf([&] { enterprises.insert(e); });
    EXPECT_TRUE(message.contains(QStringLiteral("Character 8 'O'"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("绍兴鉴湖机械有限公司")));
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(Repositories, DuplicateCreditCodeIsRefusedNamingTheOwner)
{
    EnterpriseRepository enterprises(t.db());
    Enterprise e = f.enterprise;
    e.meta = {};
    e.name = QStringLiteral("另一家公司");
    const QString message = errorOf([&] { enterprises.insert(e); });
    EXPECT_TRUE(message.contains(QStringLiteral("already belongs to 绍兴越州纺织有限公司"))) << message.toStdString();
    EXPECT_EQ(enterprises.count({}), 1);
}

TEST_F(Repositories, StaleUpdateIsRefusedWithWhoAndWhen)
{
    EnterpriseRepository enterprises(t.db());
    auto first = *enterprises.enterprise(f.enterprise.meta.id);
    auto second = first; // a second window on the same record
    first.employees = 130;
    Clock::setFixedNow(QDateTime(QDate(2024, 8, 6), QTime(3, 5), Qt::UTC));
    enterprises.update(first, f.supervisor.meta.id);
    second.employees = 140;
    const QString message = errorOf([&] { enterprises.update(second, f.cadre.meta.id); });
    EXPECT_TRUE(message.contains(QStringLiteral("changed by 沈国平 at 2024-08-06 11:05"))) << message.toStdString();
    EXPECT_EQ(enterprises.enterprise(f.enterprise.meta.id)->employees, 130) << "the first change is kept";
}

TEST_F(Repositories, VisitRoundTripWithChecklistAndCompanions)
{
    VisitRepository visits(t.db());
    Visit v = makeVisit();
    {
        WriteTransaction tx(t.db().connection());
        visits.insert(v);
        tx.commit();
    }
    const auto back = visits.visit(v.meta.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->date, QDate(2024, 8, 5));
    EXPECT_EQ(back->cadreIds, (QList<RowId>{f.cadre.meta.id, f.supervisor.meta.id}));
    EXPECT_EQ(back->kind, VisitKind::WorkshopTalk);
    EXPECT_EQ(back->checklist[0].state, CheckState::Fine);
    EXPECT_EQ(back->checklist[1].state, CheckState::NotChecked);
    EXPECT_EQ(back->checklist[2].state, CheckState::Concern);
    EXPECT_EQ(back->checklist[2].note, QStringLiteral("部分职工未签劳动合同"));
    EXPECT_EQ(back->summary, QStringLiteral("深入车间与一线职工交流。"));
    EXPECT_EQ(back->nextVisitDate, QDate(2024, 9, 2));

    Visit changed = *back;
    changed.cadreIds = {f.cadre.meta.id};
    changed.kind = VisitKind::Mediation;
    visits.update(changed);
    EXPECT_EQ(visits.visit(v.meta.id)->cadreIds, QList<RowId>{f.cadre.meta.id});
    EXPECT_EQ(visits.visit(v.meta.id)->kind, VisitKind::Mediation);
}

TEST_F(Repositories, VisitOfUnknownEnterpriseIsRefusedByTheDatabase)
{
    VisitRepository visits(t.db());
    Visit v = makeVisit();
    v.enterpriseId = 999;
    WriteTransaction tx(t.db().connection());
    const QString message = errorOf([&] { visits.insert(v); });
    EXPECT_TRUE(message.contains(QStringLiteral("FOREIGN KEY"))) << message.toStdString();
}

TEST_F(Repositories, IssueRoundTripNumbersAndEvents)
{
    VisitRepository visits(t.db());
    IssueRepository issues(t.db());
    Visit v = makeVisit();
    Issue a = makeIssue(0), b = makeIssue(0), c = makeIssue(0);
    {
        WriteTransaction tx(t.db().connection());
        visits.insert(v);
        a.visitId = b.visitId = v.meta.id;
        issues.insert(a);
        issues.insert(b);
        c.receivedOn = QDate(2025, 1, 2);
        c.visitId.reset();
        issues.insert(c);
        tx.commit();
    }
    EXPECT_EQ(a.number, QStringLiteral("2024-0001"));
    EXPECT_EQ(b.number, QStringLiteral("2024-0002"));
    EXPECT_EQ(c.number, QStringLiteral("2025-0001"));
    const auto back = issues.byNumber(QStringLiteral("2024-0002"));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->visitId, v.meta.id);
    EXPECT_EQ(back->title, QStringLiteral("职工反映工资拖欠"));
    EXPECT_EQ(back->raisedBy, QStringLiteral("李娟"));
    EXPECT_EQ(back->stage, Stage::Intake);
    EXPECT_EQ(back->outcome, Outcome::None);
    EXPECT_FALSE(issues.issue(c.meta.id)->visitId.has_value());

    IssueEvent record;
    record.issueId = a.meta.id;
    record.action = QStringLiteral("record");
    record.toStage = Stage::Intake;
    record.actorId = f.cadre.meta.id;
    IssueEvent submit = record;
    submit.action = QStringLiteral("submit");
    submit.fromStage = Stage::Intake;
    submit.toStage = Stage::Consultation;
    submit.dueDate = QDate(2024, 8, 12);
    submit.departmentId = f.department.meta.id;
    issues.appendEvent(record);
    issues.appendEvent(submit);
    const auto events = issues.events(a.meta.id);
    ASSERT_EQ(events.size(), 2);
    EXPECT_EQ(events[0].seq, 1);
    EXPECT_EQ(events[1].seq, 2);
    EXPECT_FALSE(events[0].fromStage.has_value());
    EXPECT_EQ(events[1].fromStage, Stage::Intake);
    EXPECT_EQ(events[1].toStage, Stage::Consultation);
    EXPECT_EQ(events[1].dueDate, QDate(2024, 8, 12));
    EXPECT_EQ(events[1].departmentId, f.department.meta.id);
    EXPECT_EQ(events[1].eventDate, QDate(2024, 8, 6)) << "the district's date of the (pinned) clock";
}

TEST_F(Repositories, IssueEventsAreAppendOnly)
{
    IssueRepository issues(t.db());
    Issue i = makeIssue(0);
    i.visitId.reset();
    issues.insert(i);
    IssueEvent e;
    e.issueId = i.meta.id;
    e.action = QStringLiteral("record");
    e.actorId = f.cadre.meta.id;
    issues.appendEvent(e);
    QSqlQuery q(t.db().connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE issue_events SET note = 'x'")));
    EXPECT_TRUE(q.lastError().text().contains(QStringLiteral("append-only")));
    EXPECT_FALSE(q.exec(QStringLiteral("DELETE FROM issue_events")));
    EXPECT_EQ(issues.events(i.meta.id).size(), 1);
}

TEST_F(Repositories, ClosedIssueNeedsOutcomeAndDate)
{
    IssueRepository issues(t.db());
    Issue i = makeIssue(0);
    i.visitId.reset();
    i.stage = Stage::Closed;
    const QString message = errorOf([&] { issues.insert(i); });
    EXPECT_TRUE(message.contains(QStringLiteral("needs an outcome"))) << message.toStdString();
    EXPECT_EQ(issues.count(), 0);
}

TEST_F(Repositories, TransactionWithoutCommitLeavesNothing)
{
    ReferenceRepository refs(t.db());
    const QByteArray before = test::contentHash(t.db().connection());
    {
        WriteTransaction tx(t.db().connection());
        Town extra{{}, QStringLiteral("fusheng"), QStringLiteral("富盛镇"), 2};
        refs.insert(extra);
        // no commit: an exception or early return rolls back
    }
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(Repositories, EnterpriseListFiltersSortsAndPagesInSql)
{
    EnterpriseRepository enterprises(t.db());
    WriteTransaction tx(t.db().connection());
    const char* names[] = {"绍兴兰亭黄酒有限公司", "绍兴鉴湖电子有限公司", "绍兴稽山食品有限公司"};
    const char* codes[] = {"91350100M000100Y43", "914403001922038216", "9144030071526726XG"};
    for (int i = 0; i < 3; ++i) {
        Enterprise e;
        e.name = QString::fromUtf8(names[i]);
        e.creditCode = QString::fromLatin1(codes[i]);
        e.townId = f.town.meta.id;
        e.employees = 10 * (i + 1);
        enterprises.insert(e);
    }
    tx.commit();
    EXPECT_EQ(enterprises.count({}), 4);
    EXPECT_EQ(enterprises.count(test::textFilter(QStringLiteral("鉴湖"))), 1);
    EXPECT_EQ(enterprises.count(test::textFilter(QStringLiteral("914403"))), 2);
    EXPECT_EQ(enterprises.count(test::keyOnlyFilter()), 1);
    EXPECT_EQ(enterprises.count(test::textFilter(QStringLiteral("100%"))), 0) << "% is literal";
    const auto page = enterprises.page({}, EnterpriseSort::Employees, true, 0, 2);
    ASSERT_EQ(page.size(), 2);
    EXPECT_EQ(page[0].employees, 120);
    EXPECT_EQ(page[1].employees, 30);
    EXPECT_EQ(page[0].town, QStringLiteral("稽山街道"));
    EXPECT_EQ(page[0].cadre, QStringLiteral("王建国"));
    const auto next = enterprises.page({}, EnterpriseSort::Employees, true, 2, 2);
    ASSERT_EQ(next.size(), 2);
    EXPECT_EQ(next[1].employees, 10);
}
