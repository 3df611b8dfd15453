#include "ExchangeSupport.h"
#include "TestSupport.h"
#include "exchange/Exchange.h"
#include "exchange/ExchangePairing.h"
#include "reporting/HeadlineFigures.h"
#include "services/IssueService.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ExchangeStore.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SharedNeedQueries.h"
#include "storage/Sql.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace yg;
using test::contentHash;
using test::errorOf;

namespace {

QVariant scalarOf(Database& db, const QString& statement)
{
    return sql::scalar(db.connection(), statement);
}

Cadre addPerson(Database& db, const QString& name, Role role, std::optional<RowId> group = std::nullopt)
{
    Cadre c;
    c.name = name;
    c.role = role;
    c.groupId = group;
    c.activeFrom = QDate(2023, 4, 1);
    WriteTransaction tx(db.connection());
    CadreRepository(db).insert(c);
    tx.commit();
    return c;
}

/** A password hash for accounts the tests never sign in with. */
const QString kSomeHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA");

/** The local id of a record by uuid. */
RowId idOf(Database& db, const QString& table, const QString& uuid)
{
    return *ExchangeStore(db).idOf(table, uuid);
}

/**
 * An office database (fixture, staff, one visit and issue of its own) and a laptop that
 * got its people and reference data from the office's reference file. The laptop has its
 * own administrator and department created first, so every local id differs.
 */
class ExchangeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(office.db());
        staff = addPerson(office.db(), QStringLiteral("钱静"), Role::Staff);
        officeCadre = addPerson(office.db(), QStringLiteral("陈晓燕"), Role::Cadre, f.group.meta.id);
        // The office's own record: issue number 2024-0001 is taken there.
        officeVisit = visitOn(office.db(), officeCadre.meta.id, f.enterprise.meta.id, QDate(2024, 11, 4),
                              QStringLiteral("办公室录入的走访"));
        issueOn(office.db(), officeCadre.meta.id, officeVisit, f.enterprise.meta.id, f.category.meta.id,
                QStringLiteral("办公室的问题"), false);

        // The accounts: the laptop is the cadre's (王建国, cadre01); staff pair it at the office.
        {
            WriteTransaction tx(office.db().connection());
            AccountRepository(office.db()).setCredentials(f.cadre.meta.id, QStringLiteral("cadre01"), kSomeHash);
            AccountRepository(office.db()).setCredentials(staff.meta.id, QStringLiteral("qianjing"), kSomeHash);
            tx.commit();
        }
        laptopAdmin = addPerson(laptop.db(), QStringLiteral("本机管理员"), Role::Admin);
        test::pairLaptop(office.db(), staff, laptop.db(), laptopAdmin, {QStringLiteral("cadre01")});
        {
            WriteTransaction tx(laptop.db().connection());
            Department d{{}, QStringLiteral("本机先有的部门"), 9};
            ReferenceRepository(laptop.db()).insert(d);
            tx.commit();
        }
        const QString ref = dir.filePath(QStringLiteral("reference.yxf"));
        ExchangeExportOptions o;
        o.reference = true;
        o.to = Exchange::databaseId(laptop.db());
        Exchange::exportFile(office.db(), staff, ref, o);
        const auto r = Exchange::importFile(laptop.db(), laptopAdmin, ref, false);
        ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
        laptopCadreId = idOf(laptop.db(), QStringLiteral("cadres"), f.cadre.meta.uuid);
        laptopCadre = *CadreRepository(laptop.db()).cadre(laptopCadreId);
        laptopEnterpriseId = idOf(laptop.db(), QStringLiteral("enterprises"), f.enterprise.meta.uuid);
        laptopCategoryId = idOf(laptop.db(), QStringLiteral("categories"), f.category.meta.uuid);
    }
    void TearDown() override { Clock::setFixedNow({}); }

    static Visit visitOn(Database& db, RowId cadre, RowId enterprise, QDate date, const QString& summary)
    {
        Visit v;
        v.date = date;
        v.cadreIds = {cadre};
        v.enterpriseId = enterprise;
        v.summary = summary;
        WriteTransaction tx(db.connection());
        VisitRepository(db).insert(v);
        tx.commit();
        return v;
    }
    static Issue issueOn(Database& db, RowId cadre, const Visit& visit, RowId enterprise, RowId category,
                         const QString& title, bool submit)
    {
        Issue i;
        i.visitId = visit.meta.id;
        i.enterpriseId = enterprise;
        i.categoryId = category;
        i.title = title;
        i.description = QStringLiteral("职工反映近两个月工资未按时发放。");
        i.ownerId = cadre;
        IssueService service(db);
        Issue issue = service.record(i, cadre, visit.date);
        if (submit) {
            ActionInput in;
            in.action = LifecycleAction::Submit;
            in.date = visit.date;
            issue = service.act(issue.meta.id, issue.meta.version, cadre, in);
        }
        return issue;
    }

    /** The laptop's cadre records two visits and two issues (one submitted) and exports them. */
    QString laptopRecordsAndExports()
    {
        laptopVisit = visitOn(laptop.db(), laptopCadreId, laptopEnterpriseId, QDate(2024, 11, 5),
                              QStringLiteral("笔记本上的第一次走访"));
        const Visit second = visitOn(laptop.db(), laptopCadreId, laptopEnterpriseId, QDate(2024, 11, 12),
                                     QStringLiteral("笔记本上的第二次走访"));
        laptopIssue = issueOn(laptop.db(), laptopCadreId, laptopVisit, laptopEnterpriseId, laptopCategoryId,
                              QStringLiteral("工资拖欠"), true);
        issueOn(laptop.db(), laptopCadreId, second, laptopEnterpriseId, laptopCategoryId, QStringLiteral("消防培训"),
                false);
        return exportFromLaptop();
    }
    /** The office writes a reference file for the laptop (the one peer it knows), and the laptop imports it. */
    ExchangeImportResult officeToLaptop(const QStringList& cadres = {})
    {
        ExchangeExportOptions o;
        o.reference = true;
        o.cadres = cadres;
        const QString path = dir.filePath(QStringLiteral("reference-%1.yxf").arg(++files));
        Exchange::exportFile(office.db(), staff, path, o);
        return Exchange::importFile(laptop.db(), laptopAdmin, path, false);
    }
    QString exportFromLaptop()
    {
        const QString path = dir.filePath(QStringLiteral("records-%1.yxf").arg(++files));
        Exchange::exportFile(laptop.db(), laptopCadre, path, {});
        return path;
    }
    ExchangeImportResult importIntoOffice(const QString& path)
    {
        return Exchange::importFile(office.db(), staff, path, false);
    }
    static const ExchangeTableCounts& countsOf(const ExchangeImportResult& r, const QString& table)
    {
        static const ExchangeTableCounts none;
        for (const auto& [t, c] : r.counts) {
            if (t == table)
                return c;
        }
        return none;
    }
    void editVisitSummary(Database& db, const QString& uuid, const QString& summary)
    {
        VisitRepository visits(db);
        Visit v = *visits.visit(idOf(db, QStringLiteral("visits"), uuid));
        v.summary = summary;
        WriteTransaction tx(db.connection());
        visits.update(v);
        tx.commit();
    }
    QString officeSummaryOf(const QString& uuid)
    {
        return VisitRepository(office.db()).visit(idOf(office.db(), QStringLiteral("visits"), uuid))->summary;
    }

    test::TempDatabase office;
    test::TempDatabase laptop;
    QTemporaryDir dir;
    test::Fixture f;
    Cadre staff, officeCadre, laptopAdmin, laptopCadre;
    Visit officeVisit, laptopVisit;
    Issue laptopIssue;
    RowId laptopCadreId = 0, laptopEnterpriseId = 0, laptopCategoryId = 0;
    int files = 0;
};

TEST_F(ExchangeTest, ReferenceDataReachesTheLaptopUnderOtherLocalIds)
{
    EXPECT_NE(laptopCadreId, f.cadre.meta.id) << "the test must build databases whose ids differ";
    EXPECT_EQ(laptopCadre.name, f.cadre.name);
    EXPECT_EQ(laptopCadre.groupId, idOf(laptop.db(), QStringLiteral("cadre_groups"), f.group.meta.uuid));
    EXPECT_EQ(laptopCadre.townIds, QList<RowId>{idOf(laptop.db(), QStringLiteral("towns"), f.town.meta.uuid)});
    EXPECT_EQ(
        scalarOf(laptop.db(),
                 QStringLiteral("SELECT assigned_cadre_id FROM enterprises WHERE id = %1").arg(laptopEnterpriseId))
            .toLongLong(),
        laptopCadreId);
    // The group's supervisor, a cadre written before the group, is resolved too.
    EXPECT_EQ(scalarOf(laptop.db(), QStringLiteral("SELECT s.uuid FROM cadre_groups g JOIN cadres s ON s.id = "
                                                   "g.supervisor_id WHERE g.uuid = '%1'")
                                        .arg(f.group.meta.uuid))
                  .toString(),
              f.supervisor.meta.uuid);
}

TEST_F(ExchangeTest, RoundTripAddsTheLaptopsRecordsToTheOfficeFigures)
{
    const auto before = HeadlineFigures::compute(office.db()).counts;
    const auto laptopFigures = [&] {
        laptopRecordsAndExports();
        return HeadlineFigures::compute(laptop.db()).counts;
    }();
    const auto r = importIntoOffice(dir.filePath(QStringLiteral("records-1.yxf")));
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).inserted, 2);
    EXPECT_EQ(countsOf(r, QStringLiteral("issues")).inserted, 2);
    EXPECT_EQ(countsOf(r, QStringLiteral("issue_events")).inserted, 3);
    EXPECT_EQ(r.conflicts(), 0);
    EXPECT_EQ(countsOf(r, QStringLiteral("enterprises")).unchanged, 0) << "what came from the office is not sent back";
    EXPECT_EQ(r.renumbered, 2) << "the laptop's 2024-0001 is taken at the office, and so is 2024-0002 then";

    const auto after = HeadlineFigures::compute(office.db()).counts;
    EXPECT_EQ(after.visits, before.visits + laptopFigures.visits);
    EXPECT_EQ(after.issuesCollected, before.issuesCollected + laptopFigures.issuesCollected);
    EXPECT_EQ(after.issuesResolved, before.issuesResolved + laptopFigures.issuesResolved);
    EXPECT_TRUE(IssueService(office.db()).checkConsistency().isEmpty());

    // Foreign keys were resolved by uuid into the office's own ids.
    const RowId officeIssue = idOf(office.db(), QStringLiteral("issues"), laptopIssue.meta.uuid);
    const auto issue = *IssueRepository(office.db()).issue(officeIssue);
    EXPECT_EQ(issue.ownerId, f.cadre.meta.id);
    EXPECT_EQ(issue.enterpriseId, f.enterprise.meta.id);
    EXPECT_EQ(issue.stage, Stage::Consultation);
    EXPECT_EQ(VisitRepository(office.db()).visit(*issue.visitId)->meta.uuid, laptopVisit.meta.uuid);
    EXPECT_EQ(VisitRepository(office.db()).visit(*issue.visitId)->cadreIds, QList<RowId>{f.cadre.meta.id});
}

// A policy briefing's invited enterprises travel with the visit (resolved by uuid). The office
// registers enterprises (a cadre's laptop cannot); the new one reaches the laptop first.
TEST_F(ExchangeTest, ABriefingsInvitedEnterprisesTravelWithTheVisit)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC)); // after the first reference file
    Enterprise invited;
    invited.name = QStringLiteral("绍兴笔记本新登记企业有限公司");
    invited.creditCode = QStringLiteral("91330602MA2D0BXX4F");
    invited.townId = f.town.meta.id;
    {
        WriteTransaction tx(office.db().connection());
        EnterpriseRepository(office.db()).insert(invited);
        tx.commit();
    }
    ASSERT_TRUE(officeToLaptop().ok());
    invited.meta.id = idOf(laptop.db(), QStringLiteral("enterprises"), invited.meta.uuid);
    const Visit briefing = visitOn(laptop.db(), laptopCadreId, laptopEnterpriseId, QDate(2024, 12, 20),
                                   QStringLiteral("工会经费返还政策专场解读会"));
    {
        WriteTransaction tx(laptop.db().connection());
        for (RowId e : {laptopEnterpriseId, invited.meta.id}) {
            QSqlQuery q(laptop.db().connection());
            q.prepare(QStringLiteral("INSERT INTO visit_enterprises (visit_id, enterprise_id) VALUES (?, ?)"));
            q.addBindValue(briefing.meta.id);
            q.addBindValue(e);
            ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        }
        tx.commit();
    }
    const auto r = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    QSqlQuery q(office.db().connection());
    q.prepare(QStringLiteral("SELECT e.uuid FROM visit_enterprises ve JOIN visits v ON v.id = ve.visit_id JOIN "
                             "enterprises e ON e.id = ve.enterprise_id WHERE v.uuid = ? ORDER BY e.uuid"));
    q.addBindValue(briefing.meta.uuid);
    ASSERT_TRUE(q.exec());
    QStringList linked;
    while (q.next())
        linked << q.value(0).toString();
    QStringList expected{f.enterprise.meta.uuid, invited.meta.uuid};
    expected.sort();
    EXPECT_EQ(linked, expected) << "both invited enterprises";
}

// The office closes an issue; meanwhile the laptop, not knowing, pauses it. Merging the pause
// would reopen the issue behind both sides' backs: the file is refused, naming the issue.
TEST_F(ExchangeTest, ALaptopStepOnAnIssueTheOfficeClosedMeanwhileIsRefusedByName)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const RowId officeIssue = idOf(office.db(), QStringLiteral("issues"), laptopIssue.meta.uuid);
    {
        const Issue i = *IssueRepository(office.db()).issue(officeIssue);
        ActionInput close;
        close.action = LifecycleAction::Close;
        close.date = QDate(2024, 11, 20);
        close.note = QStringLiteral("企业已搬迁，无法继续办理");
        IssueService(office.db()).act(i.meta.id, i.meta.version, staff.meta.id, close);
    }
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC)); // recorded after the close
    {
        const Issue i = *IssueRepository(laptop.db()).issue(laptopIssue.meta.id);
        ActionInput pause;
        pause.action = LifecycleAction::Pause;
        pause.date = QDate(2024, 11, 21);
        pause.note = QStringLiteral("等待企业提供工资表");
        IssueService(laptop.db()).act(i.meta.id, i.meta.version, laptopCadreId, pause);
    }
    const QByteArray before = contentHash(office.db().connection());
    const auto r = importIntoOffice(exportFromLaptop());
    EXPECT_FALSE(r.ok());
    const QString problems = r.problems.join(QLatin1Char('\n'));
    EXPECT_TRUE(problems.contains(IssueRepository(office.db()).issue(officeIssue)->number)) << problems.toStdString();
    EXPECT_FALSE(problems.contains(QStringLiteral("CHECK constraint"))) << problems.toStdString();
    EXPECT_EQ(contentHash(office.db().connection()), before) << "nothing written";
    EXPECT_EQ(IssueRepository(office.db()).issue(officeIssue)->stage, Stage::Closed);

    // The way out the message gives: reopen here, import again (the reopen is recorded after
    // the laptop's step; the merge puts the laptop's step after it, where it fits).
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(4, 0), Qt::UTC));
    {
        const Issue i = *IssueRepository(office.db()).issue(officeIssue);
        ActionInput reopen;
        reopen.action = LifecycleAction::Reopen;
        reopen.date = QDate(2024, 11, 21);
        reopen.note = QStringLiteral("笔记本上仍在办理");
        IssueService(office.db()).act(i.meta.id, i.meta.version, staff.meta.id, reopen);
    }
    const auto again = importIntoOffice(dir.filePath(QStringLiteral("records-%1.yxf").arg(files)));
    EXPECT_TRUE(again.ok()) << again.problems.join(QLatin1Char('\n')).toStdString();
    const Issue merged = *IssueRepository(office.db()).issue(officeIssue);
    EXPECT_EQ(merged.stage, Stage::Consultation);
    EXPECT_TRUE(merged.pausedSince.isValid()) << "the laptop's pause followed on";
    EXPECT_TRUE(IssueService(office.db()).checkConsistency().isEmpty());
}

TEST_F(ExchangeTest, ImportingTheSameFileAgainChangesNothing)
{
    const QString file = laptopRecordsAndExports();
    ASSERT_TRUE(importIntoOffice(file).ok());
    const QByteArray hash = contentHash(office.db().connection());
    const auto again = importIntoOffice(file);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(countsOf(again, QStringLiteral("visits")).unchanged, 2);
    EXPECT_EQ(countsOf(again, QStringLiteral("visits")).inserted, 0);
    EXPECT_EQ(countsOf(again, QStringLiteral("issue_events")).inserted, 0);
    EXPECT_EQ(contentHash(office.db().connection()), hash);
}

TEST_F(ExchangeTest, NextExportSendsOnlyWhatChangedSince)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    editVisitSummary(laptop.db(), laptopVisit.meta.uuid, QStringLiteral("补充：已约谈企业负责人"));
    const QString next = dir.filePath(QStringLiteral("next.yxf"));
    const auto e = Exchange::exportFile(laptop.db(), laptopCadre, next, {});
    EXPECT_EQ(e.total, 1) << e.summary().toStdString();
    const auto r = importIntoOffice(next);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).updated, 1) << "changed only on the laptop: applied";
    EXPECT_EQ(officeSummaryOf(laptopVisit.meta.uuid), QStringLiteral("补充：已约谈企业负责人"));
}

class ConflictTest : public ExchangeTest
{
protected:
    /** One visit edited on both sides since they last met; the office imports the laptop's version. */
    ExchangeImportResult makeConflict()
    {
        EXPECT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
        editVisitSummary(laptop.db(), laptopVisit.meta.uuid, QStringLiteral("笔记本：工资已补发一半"));
        editVisitSummary(office.db(), laptopVisit.meta.uuid, QStringLiteral("办公室：已转人社局"));
        // Both sides also took a step on the same issue: events merge, no conflict.
        const RowId officeIssue = idOf(office.db(), QStringLiteral("issues"), laptopIssue.meta.uuid);
        const auto oi = *IssueRepository(office.db()).issue(officeIssue);
        ActionInput transfer;
        transfer.action = LifecycleAction::Transfer;
        transfer.date = QDate(2026, 11, 24);
        transfer.departmentId = f.department.meta.id;
        transfer.note = QStringLiteral("请协调");
        IssueService(office.db()).act(officeIssue, oi.meta.version, staff.meta.id, transfer);
        const auto li = *IssueRepository(laptop.db()).issue(laptopIssue.meta.id);
        ActionInput pause;
        pause.action = LifecycleAction::Pause;
        pause.date = QDate(2026, 11, 24);
        pause.note = QStringLiteral("等待企业材料");
        IssueService(laptop.db()).act(laptopIssue.meta.id, li.meta.version, laptopCadreId, pause);
        return importIntoOffice(exportFromLaptop());
    }
};

TEST_F(ConflictTest, ChangedOnBothSidesIsOneConflictAndNothingIsOverwritten)
{
    const auto r = makeConflict();
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.conflicts(), 1);
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).conflicts, 1);
    EXPECT_EQ(countsOf(r, QStringLiteral("issues")).conflicts, 0) << "events on both sides merge";
    EXPECT_EQ(countsOf(r, QStringLiteral("issue_events")).inserted, 1);
    EXPECT_EQ(officeSummaryOf(laptopVisit.meta.uuid), QStringLiteral("办公室：已转人社局"));
    EXPECT_TRUE(IssueService(office.db()).checkConsistency().isEmpty());
    const auto merged =
        *IssueRepository(office.db()).issue(idOf(office.db(), QStringLiteral("issues"), laptopIssue.meta.uuid));
    EXPECT_TRUE(merged.pausedSince.isValid()) << "the laptop's pause was replayed onto the office's row";
    EXPECT_EQ(IssueRepository(office.db()).events(merged.meta.id).size(), 4);

    const auto list = Exchange::conflicts(office.db(), staff);
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].table, QStringLiteral("visits"));
    EXPECT_EQ(list[0].mine.value(QStringLiteral("summary")).toString(), QStringLiteral("办公室：已转人社局"));
    EXPECT_EQ(list[0].theirs.value(QStringLiteral("summary")).toString(), QStringLiteral("笔记本：工资已补发一半"));

    // The same file again lists no second conflict.
    const QByteArray hash = contentHash(office.db().connection());
    EXPECT_EQ(importIntoOffice(dir.filePath(QStringLiteral("records-2.yxf"))).conflicts(), 1);
    EXPECT_EQ(contentHash(office.db().connection()), hash);
}

TEST_F(ConflictTest, KeepMineLeavesTheOfficeVersionAndClosesTheConflict)
{
    makeConflict();
    const RowId id = Exchange::conflicts(office.db(), staff).at(0).id;
    Exchange::resolve(office.db(), staff, id, false);
    EXPECT_EQ(officeSummaryOf(laptopVisit.meta.uuid), QStringLiteral("办公室：已转人社局"));
    EXPECT_TRUE(Exchange::conflicts(office.db(), staff).isEmpty());
    EXPECT_EQ(Exchange::conflicts(office.db(), staff, false).at(0).decision, QStringLiteral("mine"));
    EXPECT_FALSE(errorOf([&] { Exchange::resolve(office.db(), staff, id, true); }).isEmpty())
        << "a decided conflict cannot be decided again";
    // The laptop sending the same version again is no new conflict.
    const auto again = importIntoOffice(dir.filePath(QStringLiteral("records-2.yxf")));
    EXPECT_EQ(again.conflicts(), 0);
    EXPECT_EQ(officeSummaryOf(laptopVisit.meta.uuid), QStringLiteral("办公室：已转人社局"));
}

TEST_F(ConflictTest, KeepTheirsAppliesTheLaptopVersion)
{
    makeConflict();
    const RowId id = Exchange::conflicts(office.db(), staff).at(0).id;
    EXPECT_FALSE(errorOf([&] { Exchange::resolve(office.db(), f.cadre, id, true); }).isEmpty())
        << "a cadre may not decide the office's conflicts";
    EXPECT_TRUE(Exchange::conflicts(office.db(), f.cadre).isEmpty()) << "nor list them";
    Exchange::resolve(office.db(), staff, id, true);
    EXPECT_EQ(officeSummaryOf(laptopVisit.meta.uuid), QStringLiteral("笔记本：工资已补发一半"));
    EXPECT_EQ(Exchange::conflicts(office.db(), staff, false).at(0).decision, QStringLiteral("theirs"));
}

class RefusedFileTest : public ExchangeTest
{
protected:
    /** Rewrites the file's bytes through `change` and expects the import to refuse it, writing nothing. */
    QString refusal(const std::function<void(QByteArray&)>& change)
    {
        const QString path = laptopRecordsAndExports();
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        change(bytes);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        return refusalOf(path);
    }
    /**
     * Edits the header and signs the file again with the laptop's own key (what someone holding
     * the laptop's database can do), so that the checks after the signature are reached.
     */
    QString resignedRefusal(const std::function<void(test::ExchangeFileEditor&)>& change)
    {
        const QString path = laptopRecordsAndExports();
        test::ExchangeFileEditor file(path);
        change(file);
        file.saveSignedWith(test::keysOf(laptop.db()), path, false);
        return refusalOf(path);
    }
    QString refusalOf(const QString& path)
    {
        const QByteArray hash = contentHash(office.db().connection());
        const QString message = errorOf([&] { importIntoOffice(path); });
        EXPECT_EQ(contentHash(office.db().connection()), hash);
        return message;
    }
    static void setHeader(QByteArray& bytes, const QString& key, const QJsonValue& value)
    {
        const qsizetype nl = bytes.indexOf('\n');
        QJsonObject h = QJsonDocument::fromJson(bytes.left(nl)).object();
        h.insert(key, value);
        bytes = QJsonDocument(h).toJson(QJsonDocument::Compact) + bytes.mid(nl);
    }
};

// The payload is streamed after room left for the header; a file whose header line is not
// padded reads the same (when signed so).
TEST_F(RefusedFileTest, AHeaderWithoutPaddingReadsTheSame)
{
    const QString path = laptopRecordsAndExports();
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        EXPECT_EQ(bytes.at(bytes.indexOf('\n') - 1), ' ') << "the header is padded to its room";
    }
    test::ExchangeFileEditor(path).saveSignedWith(test::keysOf(laptop.db()), path, false);
    const auto r = importIntoOffice(path);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).inserted, 2);
}

TEST_F(RefusedFileTest, TamperedPayloadFailsTheChecksum)
{
    const QString why = refusal([](QByteArray& b) {
        const qsizetype at = b.indexOf("笔记本上的第一次走访");
        ASSERT_GT(at, 0);
        b.replace(at, QByteArray("笔记本上的第一次走访").size(), "笔记本上的第九次走访");
    });
    EXPECT_TRUE(why.contains(QStringLiteral("checksum"))) << why.toStdString();
}

TEST_F(RefusedFileTest, TruncatedFileIsRefused)
{
    const QString why = refusal([](QByteArray& b) { b.chop(40); });
    EXPECT_TRUE(why.contains(QStringLiteral("incomplete"))) << why.toStdString();
    EXPECT_TRUE(refusal([](QByteArray& b) { b = b.left(20); }).contains(QStringLiteral("not a YueGong exchange file")));
}

TEST_F(RefusedFileTest, WrongFormatOrSchemaVersionIsRefused)
{
    EXPECT_TRUE(refusal([](QByteArray& b) {
                    setHeader(b, QStringLiteral("format_version"), 3);
                }).contains(QStringLiteral("exchange format 3")));
    EXPECT_TRUE(refusal([](QByteArray& b) {
                    setHeader(b, QStringLiteral("format_version"), 1);
                }).contains(QStringLiteral("without a signature")));
    EXPECT_TRUE(refusal([](QByteArray& b) {
                    setHeader(b, QStringLiteral("format_version"), 1.9);
                }).contains(QStringLiteral("not a whole number")));
    EXPECT_TRUE(resignedRefusal([](test::ExchangeFileEditor& e) {
                    e.header.insert(QStringLiteral("schema_version"), 8);
                }).contains(QStringLiteral("version 8")));
    // A number written as text is not read as version 0.
    const QString text = resignedRefusal([&](test::ExchangeFileEditor& e) {
        e.header.insert(QStringLiteral("schema_version"), QString::number(office.db().schemaVersion()));
    });
    EXPECT_TRUE(text.contains(QStringLiteral("schema version is not a whole number"))) << text.toStdString();
}

TEST_F(RefusedFileTest, FileForAnotherDatabaseIsRefused)
{
    EXPECT_TRUE(refusal([](QByteArray& b) {
                    setHeader(b, QStringLiteral("destination"), QStringLiteral("00000000-0000-4000-8000-000000000000"));
                }).contains(QStringLiteral("another database")));
}

TEST_F(ExchangeTest, CadreCannotImportRecordsIntoTheOffice)
{
    const QString file = laptopRecordsAndExports();
    const QByteArray hash = contentHash(office.db().connection());
    EXPECT_FALSE(errorOf([&] { Exchange::importFile(office.db(), f.cadre, file, false); }).isEmpty());
    EXPECT_EQ(contentHash(office.db().connection()), hash);
}

TEST_F(ExchangeTest, DryRunCountsButWritesNothing)
{
    const QString file = laptopRecordsAndExports();
    const QByteArray hash = contentHash(office.db().connection());
    const auto r = Exchange::importFile(office.db(), staff, file, true);
    EXPECT_TRUE(r.ok());
    EXPECT_FALSE(r.written);
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).inserted, 2);
    EXPECT_EQ(contentHash(office.db().connection()), hash);
}

TEST_F(ExchangeTest, UnknownReferenceIsAProblemAndNothingIsWritten)
{
    // A visit to an enterprise the office never heard of (created on the laptop, then its
    // row left out of the file by exporting only visits is impossible, so remove it at the office).
    const QString file = laptopRecordsAndExports();
    {
        test::ExchangeFileEditor edit(file);
        int replaced = 0;
        for (QJsonObject* r : edit.recordsOf(QStringLiteral("visits"))) {
            QJsonObject fields = r->value(QStringLiteral("f")).toObject();
            if (fields.value(QStringLiteral("author_id")).toString() == f.cadre.meta.uuid) {
                fields.insert(QStringLiteral("author_id"), QStringLiteral("11111111-1111-4111-8111-111111111111"));
                r->insert(QStringLiteral("f"), fields);
                ++replaced;
            }
        }
        ASSERT_GT(replaced, 0);
        edit.saveSignedWith(test::keysOf(laptop.db())); // as someone holding the laptop's database could
    }
    const QByteArray hash = contentHash(office.db().connection());
    const auto r = importIntoOffice(file);
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.written);
    ASSERT_GE(r.problems.size(), 2) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(r.problems[0].contains(QStringLiteral("neither in this database nor in the file")));
    EXPECT_EQ(contentHash(office.db().connection()), hash);
}

TEST_F(ExchangeTest, OfficeSendsChangedReferenceDataAndAssignments)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    {
        WriteTransaction tx(office.db().connection());
        ReferenceRepository refs(office.db());
        Category c = *refs.category(f.category.meta.id);
        c.defaultDueDays = 7;
        refs.update(c);
        CalendarRepository cal(office.db());
        cal.setSetting(QStringLiteral("escalation.reminder_days"), QStringLiteral("3"));
        cal.setDay(QDate(2027, 1, 1), WorkCalendar::DayKind::Holiday, QStringLiteral("元旦"));
        tx.commit();
    }
    {
        EnterpriseRepository enterprises(office.db());
        Enterprise e = *enterprises.enterprise(f.enterprise.meta.id);
        e.assignedCadreId = officeCadre.meta.id;
        WriteTransaction tx(office.db().connection());
        enterprises.update(e);
        tx.commit();
    }
    ExchangeExportOptions o;
    o.reference = true; // to the one peer the office knows: only what changed since the first file
    const QString path = dir.filePath(QStringLiteral("reference-2.yxf"));
    const auto e = Exchange::exportFile(office.db(), staff, path, o);
    EXPECT_EQ(e.destinationId, Exchange::databaseId(laptop.db()));
    EXPECT_LE(e.total, 6) << e.summary().toStdString();
    const auto r = Exchange::importFile(laptop.db(), laptopAdmin, path, false);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.conflicts(), 0);
    EXPECT_EQ(ReferenceRepository(laptop.db()).category(laptopCategoryId)->defaultDueDays, 7);
    EXPECT_EQ(CalendarRepository(laptop.db()).textSetting(QStringLiteral("escalation.reminder_days")),
              QStringLiteral("3"));
    EXPECT_FALSE(CalendarRepository(laptop.db()).load().isWorkingDay(QDate(2027, 1, 1))) << "a Friday made a holiday";
    const auto ordinal = [&](const char* day) {
        return sql::scalar(laptop.db().connection(),
                           QStringLiteral("SELECT ordinal FROM work_days WHERE day = '%1'").arg(QLatin1String(day)))
            .toInt();
    };
    EXPECT_EQ(ordinal("2027-01-04") - ordinal("2026-12-31"), 1)
        << "the working-day index the reports count with knows the holiday the exchange brought";
    EXPECT_EQ(EnterpriseRepository(laptop.db()).enterprise(laptopEnterpriseId)->assignedCadreId,
              idOf(laptop.db(), QStringLiteral("cadres"), officeCadre.meta.uuid));
}

// ---- The exchange both ways: the office's steps travel back to the laptop ----

class BothWaysTest : public ExchangeTest
{
protected:
    RowId officeIssueId() { return idOf(office.db(), QStringLiteral("issues"), laptopIssue.meta.uuid); }
    void act(Database& db, RowId issueId, RowId actor, ActionInput in)
    {
        const Issue i = *IssueRepository(db).issue(issueId);
        IssueService(db).act(issueId, i.meta.version, actor, in);
    }
    static QStringList eventUuids(Database& db, RowId issueId)
    {
        QStringList out;
        for (const IssueEvent& e : IssueRepository(db).events(issueId))
            out.append(e.uuid);
        return out;
    }
    /** Everything but the exchange marks (an export moves its own "last sent" mark). */
    static QByteArray stateOf(Database& db) { return contentHash(db.connection(), {QStringLiteral("exchange_peers")}); }
    void officeTransfers(const QDate& date)
    {
        ActionInput transfer;
        transfer.action = LifecycleAction::Transfer;
        transfer.date = date;
        transfer.departmentId = f.department.meta.id;
        transfer.note = QStringLiteral("转人社局办理");
        act(office.db(), officeIssueId(), staff.meta.id, transfer);
    }
    void laptopPauses(const QDate& date)
    {
        ActionInput pause;
        pause.action = LifecycleAction::Pause;
        pause.date = date;
        pause.note = QStringLiteral("等待企业提供工资表");
        act(laptop.db(), laptopIssue.meta.id, laptopCadreId, pause);
    }
};

TEST_F(BothWaysTest, AnOfficeStepReachesTheLaptop)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    officeTransfers(QDate(2026, 11, 24));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    const auto r = officeToLaptop();
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(r, QStringLiteral("issue_events")).inserted, 1) << "the transfer";
    EXPECT_EQ(r.conflicts(), 0);
    const Issue onLaptop = *IssueRepository(laptop.db()).issue(laptopIssue.meta.id);
    EXPECT_EQ(onLaptop.departmentId, idOf(laptop.db(), QStringLiteral("departments"), f.department.meta.uuid))
        << "the department the office transferred it to";
    EXPECT_EQ(eventUuids(laptop.db(), laptopIssue.meta.id), eventUuids(office.db(), officeIssueId()));
    EXPECT_TRUE(IssueService(laptop.db()).checkConsistency().isEmpty());
    EXPECT_EQ(countsOf(r, QStringLiteral("issues")).inserted, 0) << "the office's own issue is not the laptop's";
}

TEST_F(BothWaysTest, StepsOnBothSidesMergeInBothDirectionsAndTheRoundTripConverges)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    officeTransfers(QDate(2026, 11, 24));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC));
    laptopPauses(QDate(2026, 11, 24)); // recorded after the office's transfer

    const auto atOffice = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(atOffice.ok()) << atOffice.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(atOffice.conflicts(), 0);
    EXPECT_EQ(countsOf(atOffice, QStringLiteral("issue_events")).inserted, 1);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    const auto atLaptop = officeToLaptop();
    ASSERT_TRUE(atLaptop.ok()) << atLaptop.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(atLaptop.conflicts(), 0);
    EXPECT_EQ(countsOf(atLaptop, QStringLiteral("issue_events")).inserted, 1);
    EXPECT_EQ(atLaptop.issuesReordered, 1) << "the office's earlier transfer goes before the laptop's pause";

    // One history, in one order, and the same state on both sides.
    EXPECT_EQ(eventUuids(laptop.db(), laptopIssue.meta.id), eventUuids(office.db(), officeIssueId()));
    EXPECT_EQ(eventUuids(laptop.db(), laptopIssue.meta.id).size(), 4);
    const Issue l = *IssueRepository(laptop.db()).issue(laptopIssue.meta.id);
    const Issue o = *IssueRepository(office.db()).issue(officeIssueId());
    EXPECT_EQ(l.stage, o.stage);
    EXPECT_EQ(l.pausedSince, o.pausedSince);
    EXPECT_TRUE(l.pausedSince.isValid());
    EXPECT_EQ(ExchangeStore(laptop.db()).labelOf(QStringLiteral("departments"), f.department.meta.uuid),
              f.department.name);
    EXPECT_TRUE(IssueService(laptop.db()).checkConsistency().isEmpty());
    EXPECT_TRUE(IssueService(office.db()).checkConsistency().isEmpty());

    // Exchanging again changes nothing on either side.
    const QByteArray laptopBefore = stateOf(laptop.db()), officeBefore = stateOf(office.db());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 26), QTime(2, 0), Qt::UTC));
    const auto again = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(countsOf(again, QStringLiteral("issue_events")).inserted, 0);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC));
    ASSERT_TRUE(officeToLaptop().ok());
    EXPECT_EQ(stateOf(office.db()), officeBefore);
    EXPECT_EQ(stateOf(laptop.db()), laptopBefore);
}

// The same, the other way: the laptop's step recorded first reaches the office after the
// office recorded its own; both end up with one order.
TEST_F(BothWaysTest, BothOrdersOfRecordingGiveOneHistory)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    laptopPauses(QDate(2026, 11, 24));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC));
    officeTransfers(QDate(2026, 11, 24));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    const auto atLaptop = officeToLaptop();
    ASSERT_TRUE(atLaptop.ok()) << atLaptop.problems.join(QLatin1Char('\n')).toStdString();
    const auto atOffice = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(atOffice.ok()) << atOffice.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(atOffice.issuesReordered, 1) << "the laptop's earlier pause goes before the office's transfer";
    EXPECT_EQ(eventUuids(laptop.db(), laptopIssue.meta.id), eventUuids(office.db(), officeIssueId()));
    EXPECT_EQ(IssueRepository(laptop.db()).issue(laptopIssue.meta.id)->departmentId.has_value(),
              IssueRepository(office.db()).issue(officeIssueId())->departmentId.has_value());
    EXPECT_TRUE(IssueService(laptop.db()).checkConsistency().isEmpty());
    EXPECT_TRUE(IssueService(office.db()).checkConsistency().isEmpty());
}

// docs/exchange.md's refused step (the laptop pauses an issue the office closed): once the
// office's close has reached the laptop, the laptop cannot take that step at all.
TEST_F(BothWaysTest, AfterARoundTripTheLaptopKnowsTheOfficeClosedTheIssue)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    ActionInput close;
    close.action = LifecycleAction::Close;
    close.date = QDate(2026, 11, 24);
    close.note = QStringLiteral("企业已搬迁，无法继续办理");
    act(office.db(), officeIssueId(), staff.meta.id, close);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    ASSERT_TRUE(officeToLaptop().ok());
    EXPECT_EQ(IssueRepository(laptop.db()).issue(laptopIssue.meta.id)->stage, Stage::Closed);
    EXPECT_FALSE(errorOf([&] { laptopPauses(QDate(2026, 11, 25)); }).isEmpty())
        << "a closed issue cannot be paused on the laptop either";
    const auto back = importIntoOffice(exportFromLaptop());
    EXPECT_TRUE(back.ok()) << back.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(IssueRepository(office.db()).issue(officeIssueId())->stage, Stage::Closed);
}

// A new laptop: the office's reference file carries the named cadre's open issues (their
// assignments) with their steps and visits, and later files carry what changes on them.
TEST_F(BothWaysTest, ANewLaptopGetsItsCadresOpenIssues)
{
    {
        WriteTransaction tx(office.db().connection());
        AccountRepository(office.db())
            .setCredentials(officeCadre.meta.id, QStringLiteral("chenxy"),
                            QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA"));
        tx.commit();
    }
    test::TempDatabase fresh;
    const Cadre admin = addPerson(fresh.db(), QStringLiteral("本机管理员"), Role::Admin);
    test::pairLaptop(office.db(), staff, fresh.db(), admin, {QStringLiteral("chenxy")});
    ExchangeExportOptions o;
    o.reference = true;
    o.to = Exchange::databaseId(fresh.db());
    o.cadres = {QStringLiteral("chenxy")};
    const QString path = dir.filePath(QStringLiteral("new-laptop.yxf"));
    const auto e = Exchange::exportFile(office.db(), staff, path, o);
    const auto r = Exchange::importFile(fresh.db(), admin, path, false);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(r, QStringLiteral("issues")).inserted, 1) << e.summary().toStdString();
    EXPECT_EQ(countsOf(r, QStringLiteral("visits")).inserted, 1) << "the issue's visit";
    EXPECT_EQ(scalarOf(fresh.db(), QStringLiteral("SELECT count(*) FROM issues i JOIN cadres c ON c.id = i.owner_id "
                                                  "WHERE c.uuid = '%1'")
                                       .arg(officeCadre.meta.uuid))
                  .toInt(),
              1);
    EXPECT_TRUE(IssueService(fresh.db()).checkConsistency().isEmpty());

    // The office takes a step on it: the next reference file (no cadre named again) carries it.
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const RowId officeOwn =
        scalarOf(office.db(),
                 QStringLiteral("SELECT i.id FROM issues i WHERE i.owner_id = %1").arg(officeCadre.meta.id))
            .toLongLong();
    ActionInput submit;
    submit.action = LifecycleAction::Submit;
    submit.date = QDate(2026, 11, 24);
    act(office.db(), officeOwn, staff.meta.id, submit);
    ExchangeExportOptions next;
    next.reference = true;
    next.to = o.to;
    const QString path2 = dir.filePath(QStringLiteral("new-laptop-2.yxf"));
    Exchange::exportFile(office.db(), staff, path2, next);
    const auto r2 = Exchange::importFile(fresh.db(), admin, path2, false);
    ASSERT_TRUE(r2.ok()) << r2.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(countsOf(r2, QStringLiteral("issue_events")).inserted, 1);
    EXPECT_EQ(scalarOf(fresh.db(), QStringLiteral("SELECT stage FROM issues")).toString(),
              QStringLiteral("consultation"));
}

// An assigned issue raised at a briefing: the briefing travels with it, and so do the issues
// the briefing answers (other cadres' too), or its links could not be made on the laptop.
TEST_F(BothWaysTest, AnIssueRaisedAtABriefingTravelsWithTheIssuesTheBriefingAnswers)
{
    {
        WriteTransaction tx(office.db().connection());
        AccountRepository(office.db())
            .setCredentials(officeCadre.meta.id, QStringLiteral("chenxy"),
                            QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA"));
        tx.commit();
    }
    const Issue answered = issueOn(office.db(), f.cadre.meta.id, officeVisit, f.enterprise.meta.id, f.category.meta.id,
                                   QStringLiteral("小微企业不了解经费返还政策"), true);
    const Visit briefing = visitOn(office.db(), officeCadre.meta.id, f.enterprise.meta.id, QDate(2024, 12, 20),
                                   QStringLiteral("工会经费返还政策专场解读会"));
    {
        WriteTransaction tx(office.db().connection());
        SharedNeedQueries(office.db()).linkVisit(briefing.meta.id, {}, {answered.meta.id}); // the briefing answers it
        tx.commit();
    }
    const Issue raised = issueOn(office.db(), officeCadre.meta.id, briefing, f.enterprise.meta.id, f.category.meta.id,
                                 QStringLiteral("会上企业提出建会需求"), false);

    test::TempDatabase fresh;
    const Cadre admin = addPerson(fresh.db(), QStringLiteral("本机管理员"), Role::Admin);
    test::pairLaptop(office.db(), staff, fresh.db(), admin, {QStringLiteral("chenxy")});
    ExchangeExportOptions o;
    o.reference = true;
    o.to = Exchange::databaseId(fresh.db());
    o.cadres = {QStringLiteral("chenxy")};
    const QString path = dir.filePath(QStringLiteral("briefing-laptop.yxf"));
    Exchange::exportFile(office.db(), staff, path, o);
    const auto r = Exchange::importFile(fresh.db(), admin, path, false);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(ExchangeStore(fresh.db()).idOf(QStringLiteral("issues"), raised.meta.uuid).has_value());
    EXPECT_TRUE(ExchangeStore(fresh.db()).idOf(QStringLiteral("issues"), answered.meta.uuid).has_value())
        << "answered by the briefing, though another cadre's";
    EXPECT_EQ(scalarOf(fresh.db(), QStringLiteral("SELECT count(*) FROM visit_issues")).toInt(), 1);
    EXPECT_TRUE(IssueService(fresh.db()).checkConsistency().isEmpty());
}

// ---- The same enterprise registered on both sides (same credit code, two uuids) ----

class SameEnterpriseTest : public BothWaysTest
{
protected:
    /**
     * The office and the laptop each register the enterprise (the laptop's with `laptopAddress`), and visit it.
     * Enterprises are registered by staff: this laptop is used by a staff member (钱静) too.
     */
    void registerOnBothSides(const QString& laptopAddress)
    {
        ExchangePairing::pair(office.db(), staff, ExchangePairing::own(laptop.db()), PeerRelation::Laptop,
                              {QStringLiteral("cadre01"), QStringLiteral("qianjing")});
        Enterprise e;
        e.name = QStringLiteral("绍兴迅达快递有限公司");
        e.creditCode = QString::fromLatin1(test::kValidCreditCodes[3]);
        e.address = QStringLiteral("越城区解放北路88号");
        e.industry = QStringLiteral("快递物流");
        e.employees = 70;
        e.isNewForm = true;
        officeOne = e;
        officeOne.townId = f.town.meta.id;
        laptopOne = e;
        laptopOne.townId = idOf(laptop.db(), QStringLiteral("towns"), f.town.meta.uuid);
        laptopOne.address = laptopAddress;
        for (auto [db, rec] : {std::pair{&office.db(), &officeOne}, std::pair{&laptop.db(), &laptopOne}}) {
            WriteTransaction tx(db->connection());
            EnterpriseRepository(*db).insert(*rec);
            tx.commit();
        }
        ASSERT_NE(officeOne.meta.uuid, laptopOne.meta.uuid);
        visitOn(office.db(), officeCadre.meta.id, officeOne.meta.id, QDate(2024, 11, 6), QStringLiteral("办公室走访"));
        laptopVisit = visitOn(laptop.db(), laptopCadreId, laptopOne.meta.id, QDate(2024, 11, 7),
                              QStringLiteral("笔记本走访：640名快递员尚未入会"));
    }
    int registrations(Database& db)
    {
        return scalarOf(db, QStringLiteral("SELECT count(*) FROM enterprises WHERE credit_code = '%1'")
                                .arg(QLatin1String(test::kValidCreditCodes[3])))
            .toInt();
    }
    int visitsTo(Database& db, RowId enterprise)
    {
        return scalarOf(db, QStringLiteral("SELECT count(*) FROM visits WHERE enterprise_id = %1").arg(enterprise))
            .toInt();
    }
    Enterprise officeOne, laptopOne;
};

TEST_F(SameEnterpriseTest, SameFieldsAreOneEnterpriseWithTheVisitsOfBothSides)
{
    registerOnBothSides(QStringLiteral("越城区解放北路88号"));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const auto atOffice = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(atOffice.ok()) << atOffice.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(atOffice.merged, 1);
    EXPECT_EQ(atOffice.conflicts(), 0);
    EXPECT_EQ(registrations(office.db()), 1);
    EXPECT_EQ(visitsTo(office.db(), officeOne.meta.id), 2) << "the laptop's visit names its own uuid";
    EXPECT_TRUE(ExchangeStore(office.db()).hasAlias(QStringLiteral("enterprises"), officeOne.meta.uuid));

    // The office's registration reaches the laptop: merged there the same way.
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    const auto atLaptop = officeToLaptop();
    ASSERT_TRUE(atLaptop.ok()) << atLaptop.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(atLaptop.conflicts(), 0);
    EXPECT_EQ(registrations(laptop.db()), 1);
    EXPECT_EQ(visitsTo(laptop.db(), laptopOne.meta.id), 1);

    // Another round changes nothing on either side (the two uuids do not ping-pong).
    const QByteArray laptopBefore = stateOf(laptop.db()), officeBefore = stateOf(office.db());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 26), QTime(2, 0), Qt::UTC));
    ASSERT_TRUE(importIntoOffice(exportFromLaptop()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 27), QTime(2, 0), Qt::UTC));
    ASSERT_TRUE(officeToLaptop().ok());
    EXPECT_EQ(stateOf(office.db()), officeBefore);
    EXPECT_EQ(stateOf(laptop.db()), laptopBefore);

    // A later change on the laptop is applied at the office, not a conflict.
    {
        Enterprise e = *EnterpriseRepository(laptop.db()).enterprise(laptopOne.meta.id);
        e.unionMembers = 60;
        WriteTransaction tx(laptop.db().connection());
        EnterpriseRepository(laptop.db()).update(e);
        tx.commit();
    }
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));
    const auto change = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(change.ok());
    EXPECT_EQ(countsOf(change, QStringLiteral("enterprises")).updated, 1);
    EXPECT_EQ(change.conflicts(), 0);
    EXPECT_EQ(EnterpriseRepository(office.db()).enterprise(officeOne.meta.id)->unionMembers, 60);
}

TEST_F(SameEnterpriseTest, DifferentFieldsAreOneConflictAndNothingIsOverwritten)
{
    registerOnBothSides(QStringLiteral("越城区解放北路90号（新址）"));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const auto r = importIntoOffice(exportFromLaptop());
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.merged, 1);
    EXPECT_EQ(countsOf(r, QStringLiteral("enterprises")).conflicts, 1);
    EXPECT_EQ(registrations(office.db()), 1);
    EXPECT_EQ(visitsTo(office.db(), officeOne.meta.id), 2);
    EXPECT_EQ(EnterpriseRepository(office.db()).enterprise(officeOne.meta.id)->address,
              QStringLiteral("越城区解放北路88号"));
    const auto list = Exchange::conflicts(office.db(), staff);
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].table, QStringLiteral("enterprises"));
    EXPECT_EQ(list[0].key, officeOne.meta.uuid) << "listed on the office's own record";
    EXPECT_EQ(list[0].theirs.value(QStringLiteral("address")).toString(), QStringLiteral("越城区解放北路90号（新址）"));

    // The same file again: no second conflict, nothing changes.
    const QByteArray hash = contentHash(office.db().connection());
    EXPECT_EQ(importIntoOffice(dir.filePath(QStringLiteral("records-%1.yxf").arg(files))).conflicts(), 1);
    EXPECT_EQ(contentHash(office.db().connection()), hash);

    Exchange::resolve(office.db(), staff, list[0].id, true);
    EXPECT_EQ(EnterpriseRepository(office.db()).enterprise(officeOne.meta.id)->address,
              QStringLiteral("越城区解放北路90号（新址）"));
    EXPECT_EQ(registrations(office.db()), 1);
}

// ---- A briefing's links to issues, and the meeting a step is attributed to ----

// The briefing and the issue it answers are both new on the laptop; the issue comes after the
// visit in the file, so the link is made once every table is written.
TEST_F(BothWaysTest, ABriefingsLinksToIssuesTravel)
{
    laptopVisit = visitOn(laptop.db(), laptopCadreId, laptopEnterpriseId, QDate(2024, 11, 5),
                          QStringLiteral("笔记本上的第一次走访"));
    laptopIssue = issueOn(laptop.db(), laptopCadreId, laptopVisit, laptopEnterpriseId, laptopCategoryId,
                          QStringLiteral("小微企业不了解工会经费返还政策"), true);
    const Visit briefing = visitOn(laptop.db(), laptopCadreId, laptopEnterpriseId, QDate(2024, 12, 20),
                                   QStringLiteral("工会经费返还政策专场解读会"));
    {
        WriteTransaction tx(laptop.db().connection());
        SharedNeedQueries(laptop.db())
            .linkVisit(briefing.meta.id, {}, {laptopIssue.meta.id}); // the briefing answers it
        tx.commit();
    }
    const QString file = dir.filePath(QStringLiteral("with-briefing.yxf"));
    Exchange::exportFile(laptop.db(), laptopCadre, file, {});
    const auto r = importIntoOffice(file);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    const auto linked = [&](Database& db) {
        return scalarOf(db, QStringLiteral("SELECT i.uuid FROM visit_issues vi JOIN visits v ON v.id = vi.visit_id "
                                           "JOIN issues i ON i.id = vi.issue_id WHERE v.uuid = '%1'")
                                .arg(briefing.meta.uuid))
            .toString();
    };
    EXPECT_EQ(linked(office.db()), laptopIssue.meta.uuid);

    // The same file again changes nothing; the office's reference file sends nothing back.
    const QByteArray hash = contentHash(office.db().connection());
    ASSERT_TRUE(importIntoOffice(file).ok());
    EXPECT_EQ(contentHash(office.db().connection()), hash);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const QByteArray laptopBefore = stateOf(laptop.db());
    const auto back = officeToLaptop();
    ASSERT_TRUE(back.ok()) << back.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(back.conflicts(), 0);
    EXPECT_EQ(stateOf(laptop.db()), laptopBefore);
}

// Meetings stay at the office: a step decided at a monthly meeting reaches the laptop without
// the meeting, counted in the summary, and the office keeps its attribution.
TEST_F(BothWaysTest, AStepDecidedAtAMeetingReachesTheLaptopWithoutTheMeeting)
{
    ASSERT_TRUE(importIntoOffice(laptopRecordsAndExports()).ok());
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    {
        WriteTransaction tx(office.db().connection());
        QSqlQuery q(office.db().connection());
        q.prepare(QStringLiteral("INSERT INTO meetings (uuid, group_id, month, held_on, created_at, updated_at) VALUES "
                                 "('6f1c0f5e-0000-4000-8000-000000000001', ?, '2026-11', '2026-11-24', ?, ?)"));
        q.addBindValue(f.group.meta.id);
        q.addBindValue(Clock::toStorage(Clock::nowUtc()));
        q.addBindValue(Clock::toStorage(Clock::nowUtc()));
        ASSERT_TRUE(q.exec()) << q.lastError().text().toStdString();
        const RowId meeting = q.lastInsertId().toLongLong();
        const Issue i = *IssueRepository(office.db()).issue(officeIssueId());
        ActionInput transfer;
        transfer.action = LifecycleAction::Transfer;
        transfer.date = QDate(2026, 11, 24);
        transfer.departmentId = f.department.meta.id;
        transfer.note = QStringLiteral("月度交流会决定转人社局");
        IssueService(office.db()).actWithin(i.meta.id, i.meta.version, staff.meta.id, transfer, meeting);
        tx.commit();
    }
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    const auto r = officeToLaptop();
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.meetingsNotHere, 1);
    EXPECT_TRUE(r.summary().join(QLatin1Char('\n')).contains(QStringLiteral("monthly meeting")));
    EXPECT_EQ(IssueRepository(laptop.db()).events(laptopIssue.meta.id).size(), 3) << "record, submit, transfer";
    EXPECT_TRUE(IssueService(laptop.db()).checkConsistency().isEmpty());

    Clock::setFixedNow(QDateTime(QDate(2026, 11, 26), QTime(2, 0), Qt::UTC));
    ASSERT_TRUE(importIntoOffice(exportFromLaptop()).ok());
    EXPECT_EQ(
        scalarOf(office.db(), QStringLiteral("SELECT count(*) FROM issue_events WHERE meeting_id IS NOT NULL")).toInt(),
        1)
        << "the office keeps the meeting its step was decided at";
}

TEST(ExchangeTables, EveryExchangedTableAndColumnExists)
{
    test::TempDatabase t;
    for (const ExchangeTable& table : exchangeTables()) {
        QSqlQuery q = sql::execDirect(t.db().connection(), QStringLiteral("PRAGMA table_info(%1)").arg(table.name));
        QStringList columns;
        while (q.next())
            columns.append(q.value(1).toString());
        ASSERT_FALSE(columns.isEmpty()) << table.name.toStdString();
        EXPECT_TRUE(columns.contains(table.key)) << table.name.toStdString();
        for (const ExchangeColumn& c : table.columns)
            EXPECT_TRUE(columns.contains(c.name)) << table.name.toStdString() << "." << c.name.toStdString();
        for (const ExchangeColumn& c : table.columns) {
            if (c.refTable.isEmpty())
                continue;
            if (c.optional) {
                // A key to a table that does not travel (meetings): it must exist, and not travel.
                EXPECT_EQ(exchangeTable(c.refTable), nullptr) << c.refTable.toStdString();
                EXPECT_TRUE(
                    scalarOf(t.db(),
                             QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'").arg(c.refTable))
                        .toBool())
                    << c.refTable.toStdString();
                continue;
            }
            const ExchangeTable* ref = exchangeTable(c.refTable);
            ASSERT_NE(ref, nullptr) << c.refTable.toStdString();
            const auto pos = [](const QString& n) {
                for (qsizetype i = 0; i < exchangeTables().size(); ++i) {
                    if (exchangeTables()[i].name == n)
                        return i;
                }
                return qsizetype(-1);
            };
            EXPECT_TRUE(c.deferred || pos(c.refTable) < pos(table.name))
                << table.name.toStdString() << "." << c.name.toStdString() << " refers to a later table";
        }
    }
}

} // namespace

// A conflict shown to a person never shows a password hash, only whether the two differ.
TEST(ExchangeFields, PasswordHashesAreNeverShown)
{
    yg::test::TempDatabase t;
    const QString hash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$abcdef");
    const QJsonObject mine = Exchange::readableFields(t.db(), QStringLiteral("cadres"),
                                                      QJsonObject{{QStringLiteral("password_hash"), hash}});
    const QJsonObject theirs = Exchange::readableFields(
        t.db(), QStringLiteral("cadres"), QJsonObject{{QStringLiteral("password_hash"), hash + QStringLiteral("x")}});
    const QString shown = mine.value(QStringLiteral("password_hash")).toString();
    EXPECT_FALSE(shown.contains(QStringLiteral("argon2"))) << shown.toStdString();
    EXPECT_TRUE(shown.startsWith(QStringLiteral("••••••")));
    EXPECT_NE(shown, theirs.value(QStringLiteral("password_hash")).toString()) << "a difference stays visible";
}
