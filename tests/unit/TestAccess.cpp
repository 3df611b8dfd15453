#include "TestSupport.h"
#include "district/CalendarImport.h"
#include "security/PasswordHasher.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "services/Permissions.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLog.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;

// --- passwords -----------------------------------------------------------------------

TEST(Passwords, Argon2idAtLeastOwaspCostVerifiesAndRefuses)
{
    const QString h = PasswordHasher::hash(QStringLiteral("稽山街道2024"));
    EXPECT_TRUE(h.startsWith(QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$"))) << h.toStdString();
    EXPECT_TRUE(PasswordHasher::verify(h, QStringLiteral("稽山街道2024")));
    EXPECT_FALSE(PasswordHasher::verify(h, QStringLiteral("稽山街道2025")));
    EXPECT_FALSE(PasswordHasher::verify(QString(), QStringLiteral("x")));
    EXPECT_FALSE(PasswordHasher::needsRehash(h));
    EXPECT_NE(PasswordHasher::hash(QStringLiteral("稽山街道2024")), h) << "a fresh salt every time";
    const QString salted = PasswordHasher::hashWithSalt(QStringLiteral("yuegong2024"), QByteArray(16, 'a'));
    EXPECT_TRUE(PasswordHasher::verify(salted, QStringLiteral("yuegong2024"))) << "our own encoding is libsodium's";
    EXPECT_EQ(salted, PasswordHasher::hashWithSalt(QStringLiteral("yuegong2024"), QByteArray(16, 'a')));
    EXPECT_TRUE(PasswordHasher::needsRehash(PasswordHasher::hashAtCost(QStringLiteral("x"), 1, 8192)));
    EXPECT_FALSE(PasswordHasher::weakness(QStringLiteral("short")).isEmpty());
    EXPECT_FALSE(PasswordHasher::weakness(QStringLiteral(" padded password")).isEmpty());
    EXPECT_TRUE(PasswordHasher::weakness(QStringLiteral("long enough")).isEmpty());
}

TEST(Passwords, DelayGrowsAfterTheThirdFailure)
{
    const int expected[] = {0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
    for (int n = 0; n < 13; ++n)
        EXPECT_EQ(AccountService::delayAfter(n), expected[n]) << n << " failures";
}

namespace {

class Access : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 6, 3), QTime(1, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        CadreRepository cadres(t.db());
        WriteTransaction tx(t.db().connection());
        for (auto [who, role, name] :
             {std::tuple{&other, Role::Cadre, "赵强"}, std::tuple{&staff, Role::Staff, "钱静"},
              std::tuple{&admin, Role::Admin, "孙磊"}, std::tuple{&otherSupervisor, Role::Supervisor, "周平"}}) {
            who->name = QString::fromUtf8(name);
            who->role = role;
            who->activeFrom = QDate(2023, 4, 1);
            cadres.insert(*who);
        }
        CadreGroup second{{}, QStringLiteral("第二联络组"), otherSupervisor.meta.id};
        cadres.insert(second);
        other.groupId = second.meta.id;
        cadres.update(other);
        tx.commit();
    }
    void TearDown() override { Clock::setFixedNow({}); }

    /** The call is refused with a message and the database content is exactly as before. */
    void expectRefusedUnchanged(const char* what, const std::function<void()>& fn)
    {
        const QByteArray before = test::contentHash(t.db().connection());
        const QString message = errorOf(fn);
        EXPECT_FALSE(message.isEmpty()) << what << " was allowed";
        EXPECT_EQ(test::contentHash(t.db().connection()), before)
            << what << " changed something: " << message.toStdString();
    }

    Issue issueDraft()
    {
        Issue draft;
        draft.enterpriseId = f.enterprise.meta.id;
        draft.categoryId = f.category.meta.id;
        draft.title = QStringLiteral("欠薪");
        draft.description = QStringLiteral("职工反映工资拖欠。");
        draft.ownerId = f.cadre.meta.id;
        return draft;
    }

    Visit visitBy(RowId author)
    {
        Visit v;
        v.date = QDate(2024, 6, 3);
        v.cadreIds = {author};
        v.enterpriseId = f.enterprise.meta.id;
        return v;
    }

    test::TempDatabase t;
    test::Fixture f;
    Cadre other, staff, admin, otherSupervisor;
};

} // namespace

TEST_F(Access, MatrixOfRolesAndCapabilities)
{
    // Written out from docs/permissions.md.
    struct Row
    {
        Capability c;
        bool cadre, supervisor, staff, admin;
    } rows[] = {
        {Capability::ReadAllRecords, false, false, true, true},
        {Capability::CreateVisit, true, true, false, false},
        {Capability::ManageReference, false, false, true, false},
        {Capability::ManageSettings, false, false, true, true},
        {Capability::ManageAccounts, false, false, false, true},
        {Capability::BackupRestore, false, false, false, true},
        {Capability::ReadAudit, false, true, false, true},
        {Capability::ExportReports, false, true, true, true},
        {Capability::Meetings, false, true, false, false},
        {Capability::Nominations, false, false, true, false},
        {Capability::QuarterlyAnalysis, false, false, true, false},
        {Capability::ImportData, false, false, true, true},
        {Capability::PairDatabases, false, false, true, true},
        {Capability::DecideReference, false, false, false, true},
    };
    for (const Row& r : rows) {
        EXPECT_EQ(Permissions::can(Role::Cadre, r.c), r.cadre) << Permissions::capabilityName(r.c).toStdString();
        EXPECT_EQ(Permissions::can(Role::Supervisor, r.c), r.supervisor)
            << Permissions::capabilityName(r.c).toStdString();
        EXPECT_EQ(Permissions::can(Role::Staff, r.c), r.staff) << Permissions::capabilityName(r.c).toStdString();
        EXPECT_EQ(Permissions::can(Role::Admin, r.c), r.admin) << Permissions::capabilityName(r.c).toStdString();
    }
}

TEST_F(Access, ReferenceDataAndSettingsOnlyForTheirRoles)
{
    AdminService svc(t.db());
    for (const Cadre* who : {&f.cadre, &f.supervisor, &admin})
        expectRefusedUnchanged("category due days",
                               [&] { svc.setCategoryDueDays(*who, QStringLiteral("wage_dispute"), 3); });
    svc.setCategoryDueDays(staff, QStringLiteral("wage_dispute"), 3);
    EXPECT_EQ(IssueService(t.db()).calendar().exceptionCount() > 0, true);
    for (const Cadre* who : {&f.cadre, &f.supervisor})
        expectRefusedUnchanged("escalation thresholds", [&] { svc.setEscalationThresholds(*who, 3, std::nullopt); });
    svc.setEscalationThresholds(staff, 3, std::nullopt);
    svc.setEscalationThresholds(admin, std::nullopt, 7);
    EXPECT_EQ(IssueService(t.db()).thresholds().reminderDays, 3);
    EXPECT_EQ(IssueService(t.db()).thresholds().talkAfterDays, 7);
    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("2027.csv")));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("date,kind,name\n2027-01-01,holiday,元旦\n");
    csv.close();
    expectRefusedUnchanged("calendar import", [&] { svc.importCalendar(f.cadre, csv.fileName()); });
    EXPECT_EQ(svc.importCalendar(staff, csv.fileName()).added, 1);
}

TEST_F(Access, VisitsByTheirCadresAndTheGroupSupervisor)
{
    AdminService svc(t.db());
    const Visit mine = svc.createVisit(f.cadre, visitBy(f.cadre.meta.id));
    EXPECT_GT(mine.meta.id, 0);
    svc.createVisit(f.supervisor, visitBy(f.cadre.meta.id)); // supervisor of the author's group
    expectRefusedUnchanged("a cadre recording another's visit",
                           [&] { svc.createVisit(other, visitBy(f.cadre.meta.id)); });
    expectRefusedUnchanged("another group's supervisor",
                           [&] { svc.createVisit(otherSupervisor, visitBy(f.cadre.meta.id)); });
    expectRefusedUnchanged("staff recording a visit", [&] { svc.createVisit(staff, visitBy(f.cadre.meta.id)); });
    expectRefusedUnchanged("admin recording a visit", [&] { svc.createVisit(admin, visitBy(admin.meta.id)); });

    Visit edit = mine;
    edit.summary = QStringLiteral("补充走访情况");
    expectRefusedUnchanged("another cadre editing", [&] {
        Visit e = edit;
        e.cadreIds = {other.meta.id}; // cannot take the visit over either
        svc.updateVisit(other, e);
    });
    svc.updateVisit(f.supervisor, edit);
    EXPECT_EQ(svc.auditCount(admin, {QStringLiteral("visits"), mine.meta.id, {}, {}, {}, {}}), 2);
}

TEST_F(Access, CadresSeeTheirGroupsIssuesStaffSeesAll)
{
    IssueService issues(t.db());
    Issue draft = issueDraft();
    const Issue mine = issues.record(draft, f.cadre.meta.id, QDate(2024, 6, 3));
    draft.ownerId = other.meta.id;
    const Issue theirs = issues.record(draft, other.meta.id, QDate(2024, 6, 3));
    IssueRepository repo(t.db());
    auto visibleCount = [&](const Cadre& who) {
        IssueFilter filter;
        filter.visibleTo = issues.visibilityFor(who);
        return repo.count(filter);
    };
    EXPECT_EQ(visibleCount(f.cadre), 1);
    EXPECT_EQ(visibleCount(other), 1);
    EXPECT_EQ(visibleCount(f.supervisor), 1);
    EXPECT_EQ(visibleCount(otherSupervisor), 1);
    EXPECT_EQ(visibleCount(staff), 2);
    EXPECT_TRUE(issues.canSee(f.cadre, mine));
    EXPECT_FALSE(issues.canSee(f.cadre, theirs));
    EXPECT_TRUE(issues.canSee(otherSupervisor, theirs));
    EXPECT_TRUE(issues.canSee(admin, theirs));
}

TEST_F(Access, AuditTrailIsForSupervisorsAndAdmins)
{
    AdminService svc(t.db());
    EXPECT_GT(svc.auditCount(admin, {}), 0);
    EXPECT_GE(svc.auditCount(f.supervisor, {}), 0);
    EXPECT_THROW(svc.auditCount(f.cadre, {}), Error);
    EXPECT_THROW(svc.auditEntries(staff, {}, 0, 10), Error);
}

TEST_F(Access, SignInRecordsAttemptsSlowsDownAndRehashes)
{
    AccountService accounts(t.db());
    EXPECT_TRUE(accounts.needsFirstAdmin());
    const Cadre first =
        accounts.createFirstAdmin(QStringLiteral("管理员"), QStringLiteral("root"), QStringLiteral("first-admin-pw"));
    EXPECT_FALSE(accounts.needsFirstAdmin());
    EXPECT_THROW(accounts.createFirstAdmin(QStringLiteral("x"), QStringLiteral("x"), QStringLiteral("xxxxxxxxxx")),
                 Error);
    expectRefusedUnchanged("staff setting passwords", [&] {
        accounts.setCredentials(staff, f.cadre.meta.id, QStringLiteral("wang"), QStringLiteral("password1"));
    });
    EXPECT_THROW(accounts.setCredentials(first, f.cadre.meta.id, QStringLiteral("wang"), QStringLiteral("short")),
                 Error);
    accounts.setCredentials(first, f.cadre.meta.id, QStringLiteral("wang"), QStringLiteral("password1"));
    EXPECT_EQ(accounts.signIn(QStringLiteral("wang"), QStringLiteral("password1")).meta.id, f.cadre.meta.id);

    for (int i = 0; i < 3; ++i)
        EXPECT_TRUE(errorOf([&] {
                        accounts.signIn(QStringLiteral("wang"), QStringLiteral("wrong"));
                    }).contains(QStringLiteral("user name or the password is wrong")));
    const QString wait = errorOf([&] { accounts.signIn(QStringLiteral("wang"), QStringLiteral("password1")); });
    EXPECT_TRUE(wait.contains(QStringLiteral("try again in 2 second"))) << wait.toStdString();
    Clock::setFixedNow(Clock::nowUtc().addSecs(3));
    EXPECT_EQ(accounts.signIn(QStringLiteral("wang"), QStringLiteral("password1")).meta.id, f.cadre.meta.id);
    EXPECT_EQ(AccountRepository(t.db()).byCadre(f.cadre.meta.id)->failedSignIns, 0) << "reset by a success";
    EXPECT_EQ(
        sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM sign_in_attempts WHERE succeeded = 0"))
            .toInt(),
        4);
    EXPECT_TRUE(errorOf([&] {
                    accounts.signIn(QStringLiteral("nobody"), QStringLiteral("password1"));
                }).contains(QStringLiteral("user name or the password is wrong")))
        << "an unknown user gets the same message";

    // An old, cheaper hash is replaced at the next successful sign-in.
    AccountRepository(t.db()).replaceHash(f.cadre.meta.id,
                                          PasswordHasher::hashAtCost(QStringLiteral("password1"), 1, 8192));
    accounts.signIn(QStringLiteral("wang"), QStringLiteral("password1"));
    EXPECT_FALSE(PasswordHasher::needsRehash(AccountRepository(t.db()).byCadre(f.cadre.meta.id)->passwordHash));

    accounts.setDisabled(first, f.cadre.meta.id, true);
    EXPECT_TRUE(errorOf([&] {
                    accounts.signIn(QStringLiteral("wang"), QStringLiteral("password1"));
                }).contains(QStringLiteral("disabled")));
    EXPECT_THROW(accounts.setDisabled(first, first.meta.id, true), Error) << "not oneself";
}

TEST_F(Access, EveryKindOfChangeIsAuditedWithWhoAndOldToNew)
{
    t.db().setActor(staff.meta.id);
    AuditLog log(t.db());
    const qint64 before = log.count({});
    EnterpriseRepository enterprises(t.db());
    Enterprise e = *enterprises.enterprise(f.enterprise.meta.id);
    e.employees = 150;
    {
        WriteTransaction tx(t.db().connection());
        enterprises.update(e);
        tx.commit();
    }
    const AuditEntry update = log.entries({QStringLiteral("enterprises"), e.meta.id, {}, {}, {}, {}}, 0, 1).first();
    EXPECT_EQ(update.action, QStringLiteral("update"));
    EXPECT_EQ(update.actorId, staff.meta.id);
    EXPECT_EQ(update.actorName, QStringLiteral("钱静"));
    EXPECT_EQ(update.changes.keys(), QStringList{QStringLiteral("employees")}) << "only the changed field";
    EXPECT_EQ(update.changes.value(QStringLiteral("employees")).toArray(), (QJsonArray{120, 150}));

    Issue draft = issueDraft();
    IssueService issues(t.db());
    const Issue i = issues.record(draft, f.cadre.meta.id, QDate(2024, 6, 3));
    issues.act(i.meta.id, i.meta.version, f.cadre.meta.id, {LifecycleAction::Submit, {}, {}, {}, {}, {}});
    EXPECT_EQ(log.count({QStringLiteral("issues"), i.meta.id, {}, {}, {}, {}}), 2) << "create + update";
    EXPECT_EQ(log.count({QStringLiteral("issue_events"), {}, {}, {}, {}, {}}), 2);

    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("2027.csv")));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-20,workday,调休\n");
    csv.close();
    importCalendar(t.db(), csv.fileName());
    EXPECT_EQ(log.count({QStringLiteral("calendar_days"), {}, {}, {}, {}, {}}), 2) << "an import is audited row by row";

    AccountService(t.db()).setCredentials(admin, f.cadre.meta.id, QStringLiteral("wang"), QStringLiteral("password1"));
    const QString json =
        sql::scalar(t.db().connection(), QStringLiteral("SELECT group_concat(changes) FROM audit_log")).toString();
    EXPECT_FALSE(json.contains(QStringLiteral("argon2"))) << "no password hash in the trail";
    EXPECT_FALSE(json.contains(QStringLiteral("password1")));
    EXPECT_GT(log.count({}), before + 5);
    EXPECT_EQ(log.firstBrokenEntry(), 0);
}

TEST_F(Access, TheChainCheckFindsAnEntryAlteredOrRemovedInSql)
{
    AuditLog log(t.db());
    ASSERT_GT(log.count({}), 3);
    QSqlQuery q(t.db().connection());
    EXPECT_FALSE(q.exec(QStringLiteral("UPDATE audit_log SET changes = '{}' WHERE id = 2")))
        << "refused by the database";
    EXPECT_EQ(log.firstBrokenEntry(), 0);
    // Someone with the sqlite3 tool drops the guard and edits an entry.
    sql::execDirect(t.db().connection(), QStringLiteral("DROP TRIGGER audit_log_no_update"));
    sql::execDirect(t.db().connection(), QStringLiteral("UPDATE audit_log SET changes = '{}' WHERE id = 2"));
    EXPECT_EQ(log.firstBrokenEntry(), 2);
    sql::execDirect(t.db().connection(), QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    test::TempDatabase fresh;
    test::makeFixture(fresh.db());
    sql::execDirect(fresh.db().connection(), QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    sql::execDirect(fresh.db().connection(), QStringLiteral("DELETE FROM audit_log WHERE id = 3"));
    EXPECT_EQ(AuditLog(fresh.db()).firstBrokenEntry(), 4) << "the entry after a removed one no longer links";
}

TEST_F(Access, SupervisorsReadTheTrailOfTheirGroupsOnly)
{
    AdminService svc(t.db());
    const Visit mine = svc.createVisit(f.cadre, visitBy(f.cadre.meta.id)); // f.supervisor's group
    const Visit theirs = svc.createVisit(other, visitBy(other.meta.id));   // otherSupervisor's group
    auto count = [&](const Cadre& who, RowId visit) {
        return svc.auditCount(who, {QStringLiteral("visits"), visit, {}, {}, {}, {}});
    };
    EXPECT_EQ(count(f.supervisor, mine.meta.id), 1);
    EXPECT_EQ(count(f.supervisor, theirs.meta.id), 0) << "another group's visit";
    EXPECT_EQ(count(otherSupervisor, theirs.meta.id), 1);
    EXPECT_EQ(count(admin, theirs.meta.id), 1) << "administrators read everything";
    EXPECT_GT(svc.auditCount(f.supervisor, {QStringLiteral("towns"), {}, {}, {}, {}, {}}), 0) << "reference data";
}

TEST_F(Access, UnknownUserNamesAreNotStoredAsTyped)
{
    AccountService accounts(t.db());
    EXPECT_THROW(accounts.signIn(QStringLiteral("my-secret-password"), QStringLiteral("x")), Error);
    const QString stored =
        sql::scalar(t.db().connection(), QStringLiteral("SELECT group_concat(username) FROM sign_in_attempts"))
            .toString();
    EXPECT_FALSE(stored.contains(QStringLiteral("my-secret-password")));
    EXPECT_EQ(stored, QStringLiteral("(unknown)"));
}

TEST_F(Access, TheHeadOfTheChainShowsEntriesRemovedFromTheEnd)
{
    AuditLog log(t.db());
    const auto before = log.head();
    sql::execDirect(t.db().connection(), QStringLiteral("DROP TRIGGER audit_log_no_delete"));
    sql::execDirect(t.db().connection(),
                    QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"));
    EXPECT_EQ(log.firstBrokenEntry(), 0) << "a shorter chain is still a valid chain...";
    EXPECT_EQ(log.head().first, before.first - 1) << "...which only the recorded head reveals";
    EXPECT_NE(log.head().second, before.second);
}

TEST_F(Access, ADisabledAccountLosesItsRightsInAnOpenSession)
{
    AccountService accounts(t.db());
    const Cadre first =
        accounts.createFirstAdmin(QStringLiteral("管理员"), QStringLiteral("root"), QStringLiteral("first-admin-pw"));
    accounts.setCredentials(first, staff.meta.id, QStringLiteral("qian"), QStringLiteral("password1"));
    AdminService svc(t.db());
    svc.setCategoryDueDays(staff, QStringLiteral("wage_dispute"), 4); // still enabled: fine
    accounts.setDisabled(first, staff.meta.id, true);                 // while staff's window stays open
    expectRefusedUnchanged("a disabled account's change",
                           [&] { svc.setCategoryDueDays(staff, QStringLiteral("wage_dispute"), 6); });
}
