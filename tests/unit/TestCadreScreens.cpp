// Storage and services behind the cadre's screens: the visit list (filters, sorts,
// visibility), the enterprise registry's filters and timeline, and search.
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "domain/Period.h"
#include "domain/SearchText.h"
#include "services/EnterpriseService.h"
#include "services/IssueService.h"
#include "services/SearchService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/Migrator.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/VisitQueries.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class CadreScreensTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        f = test::makeFixture(t.db());
        Database& db = t.db();
        ReferenceRepository refs(db);
        CadreRepository cadres(db);
        WriteTransaction tx(db.connection());
        tashan = Town{{}, QStringLiteral("tashan"), QStringLiteral("塔山街道"), 2};
        refs.insert(tashan);
        companion = person(QStringLiteral("李丽华"), Role::Cadre, f.group.meta.id);
        otherSupervisor = person(QStringLiteral("孙海燕"), Role::Supervisor, std::nullopt);
        otherGroup = CadreGroup{{}, QStringLiteral("第二联络组"), otherSupervisor.meta.id};
        cadres.insert(otherGroup);
        other = person(QStringLiteral("赵强"), Role::Cadre, otherGroup.meta.id);
        stranger = person(QStringLiteral("周敏"), Role::Cadre, std::nullopt);
        staff = person(QStringLiteral("钱静"), Role::Staff, std::nullopt);
        dyeing.name = QStringLiteral("绍兴稽山印染有限公司");
        dyeing.creditCode = QString::fromLatin1(test::kValidCreditCodes[1]);
        dyeing.townId = tashan.meta.id;
        dyeing.employees = 60;
        dyeing.isSmallMicro = true;
        dyeing.unionStatus = UnionStatus::Building;
        dyeing.contactPerson = QStringLiteral("陈晓东");
        EnterpriseRepository(db).insert(dyeing);
        v1 = visit(QDate(2024, 3, 1), {f.cadre.meta.id, companion.meta.id}, f.enterprise.meta.id, VisitKind::OnSite,
                   QStringLiteral("走访了解职工工资发放情况"));
        v2 = visit(QDate(2024, 5, 10), {other.meta.id}, dyeing.meta.id, VisitKind::Mediation,
                   QStringLiteral("调解劳动争议，涉及薪酬结算"));
        v3 = visit(QDate(2024, 7, 2), {companion.meta.id}, dyeing.meta.id, VisitKind::WorkshopTalk,
                   QStringLiteral("车间座谈"), QStringLiteral("加班费计算不规范"));
        v4 = visit(QDate(2023, 12, 20), {f.cadre.meta.id}, f.enterprise.meta.id, VisitKind::PhoneFollowUp,
                   QStringLiteral("电话回访"));
        tx.commit();
        IssueService issues(db);
        i1 = issues.record(issue(v1, f.enterprise.meta.id, QStringLiteral("职工反映工资拖欠"),
                                 QStringLiteral("12名职工反映近两个月工资未按时发放。"), f.cadre.meta.id),
                           f.cadre.meta.id, QDate(2024, 3, 1));
        i2 = issues.record(issue(v2, dyeing.meta.id, QStringLiteral("新业态企业建会"),
                                 QStringLiteral("快递网点70个，骑手640名，尚未建会。"), other.meta.id),
                           other.meta.id, QDate(2024, 5, 10));
    }

    Cadre person(const QString& name, Role role, std::optional<RowId> group)
    {
        Cadre c;
        c.name = name;
        c.role = role;
        c.groupId = group;
        c.activeFrom = QDate(2023, 4, 1);
        CadreRepository(t.db()).insert(c);
        return c;
    }

    Visit visit(QDate date, QList<RowId> cadres, RowId enterprise, VisitKind kind, const QString& summary,
                const QString& lawfulNote = {})
    {
        Visit v;
        v.date = date;
        v.cadreIds = cadres;
        v.enterpriseId = enterprise;
        v.kind = kind;
        v.summary = summary;
        v.checklist[static_cast<int>(CheckItem::LawfulEmployment)] = {CheckState::Concern, lawfulNote};
        VisitRepository(t.db()).insert(v);
        return v;
    }

    Issue issue(const Visit& v, RowId enterprise, const QString& title, const QString& description, RowId owner)
    {
        Issue i;
        i.visitId = v.meta.id;
        i.enterpriseId = enterprise;
        i.categoryId = f.category.meta.id;
        i.title = title;
        i.description = description;
        i.ownerId = owner;
        return i;
    }

    QList<RowId> ids(const VisitFilter& filter, VisitSort sort = VisitSort::Date, bool descending = true)
    {
        QList<RowId> out;
        for (const VisitListRow& r : VisitQueries(t.db()).page(filter, sort, descending, 0, 100))
            out << r.id;
        EXPECT_EQ(VisitQueries(t.db()).count(filter), out.size()) << "count and rows agree";
        return out;
    }

    QList<RowId> found(const Cadre& who, SearchKind kind, const QString& query)
    {
        QList<RowId> out;
        for (const SearchHit& h : SearchService(t.db()).search(who, kind, query).hits)
            out << h.id;
        return out;
    }

    test::TempDatabase t;
    test::Fixture f;
    Town tashan;
    Cadre companion, otherSupervisor, other, stranger, staff;
    CadreGroup otherGroup;
    Enterprise dyeing;
    Visit v1, v2, v3, v4;
    Issue i1, i2;
};

using Ids = QList<RowId>;

} // namespace

// --- the visit list ------------------------------------------------------------------

TEST_F(CadreScreensTest, VisitListFiltersInSql)
{
    const RowId a = v1.meta.id, b = v2.meta.id, c = v3.meta.id, d = v4.meta.id;
    EXPECT_EQ(ids({}), (Ids{c, b, a, d})) << "newest first";
    const Period q1 = *Period::parse(QStringLiteral("2024-Q1"));
    VisitFilter period;
    period.from = q1.first();
    period.to = q1.last();
    EXPECT_EQ(ids(period), (Ids{a}));
    VisitFilter byCadre;
    byCadre.cadreId = companion.meta.id;
    EXPECT_EQ(ids(byCadre), (Ids{c, a})) << "as author or as companion";
    VisitFilter byTown;
    byTown.townId = tashan.meta.id;
    EXPECT_EQ(ids(byTown), (Ids{c, b}));
    VisitFilter byEnterprise;
    byEnterprise.enterpriseId = f.enterprise.meta.id;
    EXPECT_EQ(ids(byEnterprise), (Ids{a, d}));
    VisitFilter byName;
    byName.enterpriseText = QStringLiteral("越州");
    EXPECT_EQ(ids(byName), (Ids{a, d}));
    byName.enterpriseText = QStringLiteral("50%_"); // LIKE wildcards are plain characters
    EXPECT_EQ(ids(byName), (Ids{}));
    VisitFilter byKind;
    byKind.kind = VisitKind::Mediation;
    EXPECT_EQ(ids(byKind), (Ids{b}));
    VisitFilter combined = byTown;
    combined.from = QDate(2024, 6, 1);
    EXPECT_EQ(ids(combined), (Ids{c}));
}

TEST_F(CadreScreensTest, VisitListSortsByEveryColumnInBothDirections)
{
    const RowId a = v1.meta.id, b = v2.meta.id, c = v3.meta.id, d = v4.meta.id;
    struct Case
    {
        VisitSort sort;
        Ids ascending;
    };
    // Enterprise names and cadre names compare by code point: 稽 < 越, 李 < 王 < 赵.
    const Case cases[] = {
        {VisitSort::Date, {d, a, b, c}},
        {VisitSort::Enterprise, {b, c, d, a}},
        {VisitSort::Town, {d, a, b, c}}, // 稽山街道 (1) before 塔山街道 (2)
        {VisitSort::Author, {c, d, a, b}},
        {VisitSort::Kind, {b, a, d, c}}, // mediation, on_site, phone_follow_up, workshop_talk
    };
    for (const Case& k : cases) {
        EXPECT_EQ(ids({}, k.sort, false), k.ascending) << static_cast<int>(k.sort);
        Ids descending(k.ascending.rbegin(), k.ascending.rend());
        EXPECT_EQ(ids({}, k.sort, true), descending) << static_cast<int>(k.sort);
        // A narrow filter takes the other plan (start from the few rows, then sort): same order.
        VisitFilter mine;
        mine.visibleTo = f.cadre.meta.id;
        Ids visible = k.ascending;
        visible.removeAll(b);
        EXPECT_EQ(ids(mine, k.sort, false), visible) << static_cast<int>(k.sort);
    }
}

TEST_F(CadreScreensTest, VisitListShowsEachPersonWhatThePermissionsSay)
{
    const RowId a = v1.meta.id, b = v2.meta.id, c = v3.meta.id, d = v4.meta.id;
    struct Case
    {
        const Cadre* who;
        Ids visible;
    };
    const Case cases[] = {
        {&f.cadre, {c, a, d}},      // own visits and the group's (李丽华 authored v3)
        {&companion, {c, a, d}},    // same group
        {&other, {b}},              // the other group
        {&f.supervisor, {c, a, d}}, // the group they supervise
        {&otherSupervisor, {b}},    //
        {&stranger, {}},            // no group: only visits they are on
        {&staff, {c, b, a, d}},     // everything
    };
    for (const Case& k : cases) {
        VisitFilter filter;
        filter.visibleTo = IssueService(t.db()).visibilityFor(*k.who);
        EXPECT_EQ(ids(filter), k.visible) << k.who->name.toStdString();
    }
}

TEST_F(CadreScreensTest, WindowsOfTheVisitListDoNotOverlap)
{
    VisitQueries q(t.db());
    Ids all;
    for (int offset = 0; offset < 4; offset += 3) {
        for (const VisitListRow& r : q.page({}, VisitSort::Author, false, offset, 3))
            all << r.id;
    }
    EXPECT_EQ(all, ids({}, VisitSort::Author, false));
    const auto rows = q.page({}, VisitSort::Date, true, 0, 10);
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows[2].enterprise, f.enterprise.name);
    EXPECT_EQ(rows[2].town, f.town.name);
    EXPECT_EQ(rows[2].author, f.cadre.name);
    EXPECT_EQ(rows[2].companions, 1);
    EXPECT_EQ(rows[2].kind, VisitKind::OnSite);
}

// --- the enterprise registry -------------------------------------------------------------

TEST_F(CadreScreensTest, EnterpriseRegistryFilters)
{
    EnterpriseRepository repo(t.db());
    auto names = [&](const EnterpriseFilter& filter) {
        QStringList out;
        for (const EnterpriseListRow& r : repo.page(filter, EnterpriseSort::Name, false, 0, 50))
            out << r.name;
        EXPECT_EQ(repo.count(filter), out.size());
        return out;
    };
    const QStringList both{dyeing.name, f.enterprise.name};
    EXPECT_EQ(names({}), both);
    EnterpriseFilter small;
    small.smallMicroOnly = true;
    EXPECT_EQ(names(small), QStringList{dyeing.name});
    EnterpriseFilter newForm;
    newForm.newFormOnly = true;
    EXPECT_EQ(names(newForm), QStringList{});
    EnterpriseFilter building;
    building.unionStatus = UnionStatus::Building;
    EXPECT_EQ(names(building), QStringList{dyeing.name});
    EnterpriseFilter assigned;
    assigned.assignedCadreId = f.cadre.meta.id;
    EXPECT_EQ(names(assigned), QStringList{f.enterprise.name});
    EnterpriseFilter stale;
    stale.notVisitedSince = QDate(2024, 6, 1); // 越州 last visited 2024-03-01, 稽山印染 2024-07-02
    EXPECT_EQ(names(stale), QStringList{f.enterprise.name});
    stale.notVisitedSince = QDate(2024, 8, 1);
    EXPECT_EQ(names(stale), both);
    EnterpriseFilter key;
    key.keyOnly = true;
    key.notVisitedSince = QDate(2024, 1, 1);
    EXPECT_EQ(names(key), QStringList{});
}

TEST_F(CadreScreensTest, EnterpriseTimelineIsNewestFirstAndVisible)
{
    VisitQueries q(t.db());
    const auto all = q.timeline(f.enterprise.meta.id, std::nullopt, 0, 50);
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(q.timelineCount(f.enterprise.meta.id, std::nullopt), 3);
    EXPECT_EQ(all[0].kind, TimelineRow::Kind::Issue) << "the issue raised in a visit comes before that visit";
    EXPECT_EQ(all[0].id, i1.meta.id);
    EXPECT_TRUE(all[0].title.contains(i1.number));
    EXPECT_EQ(all[1].id, v1.meta.id);
    EXPECT_EQ(all[2].id, v4.meta.id);
    EXPECT_EQ(all[2].date, QDate(2023, 12, 20));
    EXPECT_EQ(q.timeline(f.enterprise.meta.id, std::nullopt, 2, 50).size(), 1) << "windows";
    EXPECT_EQ(q.timelineCount(f.enterprise.meta.id, other.meta.id), 0) << "another group sees nothing of it";
    EXPECT_EQ(q.timelineCount(dyeing.meta.id, f.cadre.meta.id), 1) << "only 李丽华's visit of the group";
    const VisitCount y2024 = q.visitsBetween(f.enterprise.meta.id, QDate(2024, 1, 1), QDate(2024, 12, 31));
    EXPECT_EQ(y2024.visits, 1);
    EXPECT_EQ(y2024.last, QDate(2024, 3, 1));
}

TEST_F(CadreScreensTest, OnlyStaffAndAdministratorsEditTheRegistry)
{
    EnterpriseService service(t.db());
    Enterprise e = *EnterpriseRepository(t.db()).enterprise(dyeing.meta.id);
    e.contactPhone = QStringLiteral("13800000000");
    for (const Cadre* who : {&f.cadre, &f.supervisor}) {
        EXPECT_FALSE(EnterpriseService::canEdit(*who));
        EXPECT_FALSE(test::errorOf([&] { service.save(*who, e); }).isEmpty()) << who->name.toStdString();
    }
    EXPECT_TRUE(EnterpriseService::canEdit(staff));
    const Enterprise saved = service.save(staff, e);
    EXPECT_EQ(saved.meta.version, 2);
    const Cadre admin = person(QStringLiteral("管理员"), Role::Admin, std::nullopt);
    Enterprise again = saved;
    again.contactPhone = QStringLiteral("13900000000");
    EXPECT_EQ(service.save(admin, again).meta.version, 3) << "the registry is not case content";
    EXPECT_TRUE(test::errorOf([&] { service.save(staff, saved); }).contains(QStringLiteral("changed by")))
        << "a stale copy is refused";
    Enterprise fresh;
    fresh.name = QStringLiteral("绍兴镜湖快递服务有限公司");
    fresh.creditCode = QStringLiteral("91330100799655058A"); // wrong check character
    fresh.townId = f.town.meta.id;
    EXPECT_TRUE(test::errorOf([&] { service.save(staff, fresh); }).contains(QStringLiteral("18")));
    fresh.creditCode = QString::fromLatin1(test::kValidCreditCodes[2]);
    EXPECT_GT(service.save(staff, fresh).meta.id, 0);
}

// --- search --------------------------------------------------------------------------

TEST_F(CadreScreensTest, SearchFindsChineseSubstringsOfEveryLength)
{
    struct Case
    {
        const char* query;
        SearchKind kind;
        QList<RowId> expected;
    };
    const Case cases[] = {
        {"稽山印染", SearchKind::Enterprise, {dyeing.meta.id}}, // trigram
        {"稽山", SearchKind::Enterprise, {dyeing.meta.id}},     // two characters
        {"M000100", SearchKind::Enterprise, {dyeing.meta.id}},  // part of the credit code
        {"晓东", SearchKind::Enterprise, {dyeing.meta.id}},     // the contact person
        {"工资", SearchKind::Visit, {v1.meta.id}},              // two characters
        {"工资", SearchKind::Issue, {i1.meta.id}},              //
        {"薪", SearchKind::Visit, {v2.meta.id}},                // one character
        {"薪", SearchKind::Issue, {}},                          //
        {"加班费", SearchKind::Visit, {v3.meta.id}},            // a checklist note
        {"工资拖欠", SearchKind::Issue, {i1.meta.id}},          //
        {"骑手640", SearchKind::Issue, {i2.meta.id}},           // the description
        {"工资 两个月", SearchKind::Issue, {i1.meta.id}},       // every term must match
        {"工资 建会", SearchKind::Issue, {}},                   //
        {"建会", SearchKind::Issue, {i2.meta.id}},              // title and description, once
        {"\"建会", SearchKind::Issue, {i2.meta.id}},            // FTS syntax is plain text
        {"AND", SearchKind::Issue, {}},                         //
    };
    for (const Case& k : cases) {
        EXPECT_EQ(found(staff, k.kind, QString::fromUtf8(k.query)), k.expected) << k.query;
    }
    const QList<RowId> numbered = found(staff, SearchKind::Issue, i2.number);
    EXPECT_EQ(numbered, (QList<RowId>{i2.meta.id}));
}

TEST_F(CadreScreensTest, SearchMarksTheMatchInTheSnippet)
{
    const auto group = SearchService(t.db()).search(staff, SearchKind::Issue, QStringLiteral("工资"));
    ASSERT_EQ(group.hits.size(), 1);
    const QString marked = SearchText::kMatchStart + QStringLiteral("工资") + SearchText::kMatchEnd;
    EXPECT_TRUE(group.hits[0].snippet.contains(marked)) << group.hits[0].snippet.toStdString();
    EXPECT_TRUE(group.hits[0].title.contains(marked));
    EXPECT_TRUE(group.hits[0].context.contains(f.enterprise.name));
    EXPECT_FALSE(group.more);
}

TEST_F(CadreScreensTest, SearchShowsOnlyWhatThePersonMaySee)
{
    EXPECT_EQ(found(other, SearchKind::Visit, QStringLiteral("工资")), QList<RowId>{});
    EXPECT_EQ(found(other, SearchKind::Issue, QStringLiteral("工资")), QList<RowId>{});
    EXPECT_EQ(found(other, SearchKind::Visit, QStringLiteral("薪")), QList<RowId>{v2.meta.id});
    EXPECT_EQ(found(other, SearchKind::Issue, QStringLiteral("骑手640")), QList<RowId>{i2.meta.id});
    EXPECT_EQ(found(f.cadre, SearchKind::Visit, QStringLiteral("薪")), QList<RowId>{});
    EXPECT_EQ(found(f.cadre, SearchKind::Issue, QStringLiteral("骑手640")), QList<RowId>{});
    EXPECT_EQ(found(f.supervisor, SearchKind::Issue, QStringLiteral("工资拖欠")), QList<RowId>{i1.meta.id});
    EXPECT_EQ(found(stranger, SearchKind::Visit, QStringLiteral("走访")), QList<RowId>{});
    EXPECT_EQ(found(stranger, SearchKind::Enterprise, QStringLiteral("稽山")), QList<RowId>{dyeing.meta.id})
        << "the registry is district-wide";
}

TEST_F(CadreScreensTest, SearchPagesThroughLargeGroups)
{
    {
        WriteTransaction tx(t.db().connection());
        for (int n = 0; n < 7; ++n)
            visit(QDate(2024, 8, 1 + n), {f.cadre.meta.id}, f.enterprise.meta.id, VisitKind::OnSite,
                  QStringLiteral("宣讲工会经费返还政策"));
        tx.commit();
    }
    SearchService service(t.db());
    for (const QString& query : {QStringLiteral("经费返还"), QStringLiteral("返还")}) {
        const auto first = service.search(staff, SearchKind::Visit, query, 0, 5);
        EXPECT_EQ(first.hits.size(), 5);
        EXPECT_TRUE(first.more);
        const auto rest = service.search(staff, SearchKind::Visit, query, 5, 5);
        EXPECT_EQ(rest.hits.size(), 2);
        EXPECT_FALSE(rest.more);
        EXPECT_GT(first.hits.last().id, rest.hits.first().id) << "newest first, windows in order";
        const auto limited = service.search(f.cadre, SearchKind::Visit, query, 5, 5);
        EXPECT_EQ(limited.hits.size(), 2) << "the same windows for a cadre of the group";
    }
}

TEST_F(CadreScreensTest, TriggersKeepTheIndexRightOnUpdateAndDelete)
{
    Visit changed = *VisitRepository(t.db()).visit(v1.meta.id);
    changed.cadreIds = v1.cadreIds;
    changed.summary = QStringLiteral("走访了解安全生产");
    {
        WriteTransaction tx(t.db().connection());
        VisitRepository(t.db()).update(changed);
        tx.commit();
    }
    EXPECT_EQ(found(staff, SearchKind::Visit, QStringLiteral("工资")), QList<RowId>{});
    EXPECT_EQ(found(staff, SearchKind::Visit, QStringLiteral("安全生产")), QList<RowId>{v1.meta.id});
    EXPECT_EQ(found(staff, SearchKind::Visit, QStringLiteral("安全")), QList<RowId>{v1.meta.id});

    Enterprise renamed = *EnterpriseRepository(t.db()).enterprise(dyeing.meta.id);
    renamed.name = QStringLiteral("绍兴镜湖印染有限公司");
    EnterpriseService(t.db()).save(staff, renamed);
    EXPECT_EQ(found(staff, SearchKind::Enterprise, QStringLiteral("稽山")), QList<RowId>{});
    EXPECT_EQ(found(staff, SearchKind::Enterprise, QStringLiteral("镜湖")), QList<RowId>{dyeing.meta.id});

    // A lifecycle action rewrites the issue row but not its text: the index stays as it was.
    IssueService issues(t.db());
    ActionInput explain;
    explain.action = LifecycleAction::Explain;
    explain.date = QDate(2024, 3, 1);
    explain.note = QStringLiteral("现场解释");
    issues.act(i1.meta.id, i1.meta.version, f.cadre.meta.id, explain);
    EXPECT_EQ(found(staff, SearchKind::Issue, QStringLiteral("工资拖欠")), QList<RowId>{i1.meta.id});

    sql::execDirect(t.db().connection(), QStringLiteral("DELETE FROM visits WHERE id = %1").arg(v4.meta.id));
    EXPECT_EQ(found(staff, SearchKind::Visit, QStringLiteral("电话回访")), QList<RowId>{});
    EXPECT_EQ(found(staff, SearchKind::Visit, QStringLiteral("回访")), QList<RowId>{});
    EXPECT_EQ(SqliteSearch(t.db()).checkIndexes(), QStringList{});
}

TEST(SearchMigration, FillsTheIndexForRecordsThatWereThereBefore)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.yuegong"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("search-v6"));
        raw.setDatabaseName(path);
        ASSERT_TRUE(raw.open());
        Migrator::migrate(raw, Migrator::builtInSteps(), 6);
        for (const char* s :
             {"INSERT INTO towns (uuid, code, name, created_at, updated_at) VALUES ('t1', 'jishan', '稽山街道', "
              "'2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')",
              "INSERT INTO cadres (uuid, name, role, active_from, created_at, updated_at) VALUES ('c1', '王建国', "
              "'cadre', '2023-04-01', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')",
              "INSERT INTO categories (uuid, code, name, created_at, updated_at) VALUES ('k1', 'other', "
              "'其他诉求', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')",
              "INSERT INTO enterprises (uuid, name, credit_code, town_id, created_at, updated_at) VALUES ('e1', "
              "'绍兴越州纺织有限公司', '91330100799655058B', 1, '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')",
              "INSERT INTO visits (uuid, visit_date, author_id, enterprise_id, kind, summary, created_at, "
              "updated_at) VALUES ('v1', '2023-04-03', 1, 1, 'on_site', '了解工会经费返还情况', "
              "'2023-04-03T01:00:00Z', '2023-04-03T01:00:00Z')",
              "INSERT INTO visit_cadres (visit_id, cadre_id, position) VALUES (1, 1, 0)",
              "INSERT INTO issues (uuid, number, number_year, number_seq, visit_id, enterprise_id, category_id, "
              "title, owner_id, stage, received_on, created_at, updated_at) VALUES ('i1', '2023-0001', 2023, 1, "
              "1, 1, 1, '职工反映工资拖欠', 1, 'intake', '2023-04-03', '2023-04-03T01:00:00Z', "
              "'2023-04-03T01:00:00Z')"})
            sql::execDirect(raw, QString::fromUtf8(s));
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("search-v6"));
    }
    auto db = Database::open(path);
    ASSERT_EQ(db->schemaVersion(), Migrator::latestVersion());
    SqliteSearch search(*db);
    using S = QStringList;
    EXPECT_EQ(search.matchingIds(SearchKind::Enterprise, S{QStringLiteral("越州纺织")}, std::nullopt, 0, 10),
              QList<RowId>{1});
    EXPECT_EQ(search.matchingIds(SearchKind::Enterprise, S{QStringLiteral("纺")}, std::nullopt, 0, 10),
              QList<RowId>{1});
    EXPECT_EQ(search.matchingIds(SearchKind::Visit, S{QStringLiteral("经费返还")}, std::nullopt, 0, 10),
              QList<RowId>{1});
    EXPECT_EQ(search.matchingIds(SearchKind::Visit, S{QStringLiteral("经费")}, std::nullopt, 0, 10), QList<RowId>{1});
    EXPECT_EQ(search.matchingIds(SearchKind::Issue, S{QStringLiteral("2023-0001")}, std::nullopt, 0, 10),
              QList<RowId>{1});
    EXPECT_EQ(search.matchingIds(SearchKind::Issue, S{QStringLiteral("拖欠")}, std::nullopt, 0, 10), QList<RowId>{1});
    EXPECT_EQ(search.checkIndexes(), QStringList{});
}

TEST(SearchText, TermsSnippetsAndMatchExpressions)
{
    EXPECT_EQ(SearchText::terms(QStringLiteral("  工资  拖欠 工资\t\"薪\" ")),
              (QStringList{QStringLiteral("工资"), QStringLiteral("拖欠"), QStringLiteral("薪")}));
    EXPECT_TRUE(SearchText::isShort(QStringLiteral("工资")));
    EXPECT_FALSE(SearchText::isShort(QStringLiteral("加班费")));
    EXPECT_EQ(SearchText::matchExpression({QStringLiteral("a\"b"), QStringLiteral("工资")}),
              QStringLiteral("\"a\"\"b\" AND \"工资\""));
    const QString s =
        SearchText::snippet(QString(80, QChar(u'甲')) + QStringLiteral("拖欠工资") + QString(80, QChar(u'乙')),
                            {QStringLiteral("工资")}, 30);
    EXPECT_TRUE(s.startsWith(QStringLiteral("…")));
    EXPECT_TRUE(s.endsWith(QStringLiteral("…")));
    EXPECT_TRUE(s.contains(SearchText::kMatchStart + QStringLiteral("工资") + SearchText::kMatchEnd));
    EXPECT_EQ(SearchText::snippet(QStringLiteral("Wage ARREARS"), {QStringLiteral("arrears")}),
              QStringLiteral("Wage ") + SearchText::kMatchStart + QStringLiteral("ARREARS") + SearchText::kMatchEnd);
}

TEST_F(CadreScreensTest, ListsAndSearchLeaveNoStatementOpen)
{
    QSqlDatabase c = t.db().connection();
    QSqlQuery open = sql::execDirect(c, QStringLiteral("SELECT id FROM visits"));
    ASSERT_TRUE(open.next());
    EXPECT_EQ(SqliteDialect::activeStatementCount(c), 1) << "the check sees an open SELECT";
    open.finish();
    EXPECT_EQ(SqliteDialect::activeStatementCount(c), 0);
    VisitQueries(t.db()).page({}, VisitSort::Author, false, 0, 2);
    VisitQueries(t.db()).count({});
    VisitQueries(t.db()).timeline(f.enterprise.meta.id, f.cadre.meta.id, 0, 1);
    SearchService(t.db()).searchAll(f.cadre, QStringLiteral("工资 职工"));
    SearchService(t.db()).searchAll(staff, QStringLiteral("薪"));
    EXPECT_EQ(SqliteDialect::activeStatementCount(c), 0);
}

TEST(SearchDemo, TheGeneratorIndexesEverythingOnceAtTheEnd)
{
    test::TempDatabase t;
    DemoGenerator::generate(t.db(), {7, 1});
    SqliteSearch search(t.db());
    EXPECT_EQ(search.checkIndexes(), QStringList{});
    EXPECT_FALSE(
        sql::scalar(t.db().connection(), QStringLiteral("SELECT 1 FROM settings WHERE key = 'search.deferred'"))
            .isValid())
        << "indexing is on again";
    const qint64 wages =
        sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM issues WHERE title LIKE '%工资%'"))
            .toLongLong();
    ASSERT_GT(wages, 0);
    EXPECT_EQ(search.matchingIds(SearchKind::Issue, {QStringLiteral("工资")}, std::nullopt, 0, 100000).size(), wages);
    EXPECT_EQ(
        search.matchingIds(SearchKind::Issue, {QStringLiteral("职工反映工资拖欠")}, std::nullopt, 0, 100000).size(),
        wages);
    // Records written after generation are indexed by the triggers again.
    Enterprise e;
    e.name = QStringLiteral("绍兴镜湖快递服务有限公司");
    e.creditCode = QString::fromLatin1(test::kValidCreditCodes[2]);
    e.townId = 1;
    EnterpriseRepository(t.db()).insert(e);
    const QList<RowId> couriers =
        search.matchingIds(SearchKind::Enterprise, {QStringLiteral("快递")}, std::nullopt, 0, 10);
    ASSERT_FALSE(couriers.isEmpty());
    EXPECT_EQ(couriers.first(), e.meta.id) << "the newest enterprise first";
}
