// An exchange file is untrusted input (docs/exchange.md "Pairing and signatures", "What a file
// may do"): the forged files of the security test report, the permission matrix of the
// exchange commands, and a property test over random files from a paired laptop.

#include "ExchangeSupport.h"
#include "TestSupport.h"
#include "exchange/Exchange.h"
#include "exchange/ExchangePairing.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "services/VisitService.h"
#include "storage/AccountRepository.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/ExchangeStore.h"
#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Uuid.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

#include <gtest/gtest.h>

using namespace yg;
using test::contentHash;
using test::errorOf;

namespace {

const QString kSomeHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA");

/**
 * An office with two groups (王建国 cadre01 and 李娜 cadre02, each with a supervisor), staff
 * and an administrator, each group with a visit and an issue of its own; a laptop that is
 * cadre01's, paired both ways, holding the office's reference file, on which cadre01 has
 * recorded a visit with an issue that the office has imported. Everything since is what the
 * tests forge or do.
 */
class SecurityTest : public ::testing::Test
{
public: // the forgeries below edit files with the fixture's records
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(office.db());
        supervisor2 = person(office.db(), QStringLiteral("陆海明"), Role::Supervisor, std::nullopt);
        {
            WriteTransaction tx(office.db().connection());
            group2 = CadreGroup{{}, QStringLiteral("第二联络组"), supervisor2.meta.id};
            CadreRepository(office.db()).insert(group2);
            tx.commit();
        }
        cadre2 = person(office.db(), QStringLiteral("李娜"), Role::Cadre, group2.meta.id);
        staff = person(office.db(), QStringLiteral("钱静"), Role::Staff, std::nullopt);
        admin = person(office.db(), QStringLiteral("朱杰"), Role::Admin, std::nullopt);
        {
            WriteTransaction tx(office.db().connection());
            AccountRepository accounts(office.db());
            accounts.setCredentials(f.cadre.meta.id, QStringLiteral("cadre01"), kSomeHash);
            accounts.setCredentials(cadre2.meta.id, QStringLiteral("cadre02"), kSomeHash);
            accounts.setCredentials(f.supervisor.meta.id, QStringLiteral("supervisor1"), kSomeHash);
            accounts.setCredentials(supervisor2.meta.id, QStringLiteral("supervisor2"), kSomeHash);
            accounts.setCredentials(staff.meta.id, QStringLiteral("staff1"), kSomeHash);
            accounts.setCredentials(admin.meta.id, QStringLiteral("admin"), kSomeHash);
            tx.commit();
        }
        f.cadre = *CadreRepository(office.db()).cadre(f.cadre.meta.id);
        f.supervisor = *CadreRepository(office.db()).cadre(f.supervisor.meta.id);
        group2Issue = raise(office.db(), cadre2, f.enterprise.meta.id, f.category.meta.id, QDate(2026, 11, 2),
                            QStringLiteral("第二组的问题"));
        ownIssue = raise(office.db(), f.cadre, f.enterprise.meta.id, f.category.meta.id, QDate(2026, 11, 3),
                         QStringLiteral("王建国的问题"));

        ladmin = person(laptop.db(), QStringLiteral("本机管理员"), Role::Admin, std::nullopt);
        test::pairLaptop(office.db(), staff, laptop.db(), ladmin, {QStringLiteral("cadre01")});
        reference({QStringLiteral("cadre01")});
        laptopCadre = onLaptop(f.cadre);
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
        laptopIssue = raise(laptop.db(), laptopCadre, idOn(laptop.db(), "enterprises", f.enterprise.meta.uuid),
                            idOn(laptop.db(), "categories", f.category.meta.uuid), QDate(2026, 11, 20),
                            QStringLiteral("笔记本上的问题"));
        const auto first = importAtOffice(exportFromLaptop());
        ASSERT_TRUE(first.ok()) << first.problems.join(QLatin1Char('\n')).toStdString();
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(4, 0), Qt::UTC));
    }
    void TearDown() override { Clock::setFixedNow({}); }

    static Cadre person(Database& db, const QString& name, Role role, std::optional<RowId> group)
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
    static RowId idOn(Database& db, const char* table, const QString& uuid)
    {
        return ExchangeStore(db).idOf(QLatin1String(table), uuid).value_or(0);
    }
    Cadre onLaptop(const Cadre& office) const
    {
        return *CadreRepository(const_cast<test::TempDatabase&>(laptop).db())
                    .cadre(idOn(const_cast<test::TempDatabase&>(laptop).db(), "cadres", office.meta.uuid));
    }
    /** A visit recorded through the journal with one issue raised and submitted. */
    static Issue raise(Database& db, const Cadre& by, RowId enterprise, RowId category, QDate date,
                       const QString& title)
    {
        JournalEntry entry;
        entry.visit.date = date;
        entry.visit.cadreIds = {by.meta.id};
        entry.visit.enterpriseId = enterprise;
        entry.visit.summary = QStringLiteral("走访：") + title;
        RaisedIssue i;
        i.categoryId = category;
        i.title = title;
        i.description = QStringLiteral("职工反映加班费未按规定支付。");
        i.disposition = IssueDisposition::Submit;
        entry.issues = {i};
        return VisitService(db).save(by, entry).issues.first();
    }
    void reference(const QStringList& cadres = {})
    {
        ExchangeExportOptions o;
        o.reference = true;
        o.cadres = cadres;
        const QString path = dir.filePath(QStringLiteral("reference-%1.yxf").arg(++files));
        Exchange::exportFile(office.db(), staff, path, o);
        const auto r = Exchange::importFile(laptop.db(), ladmin, path, false);
        ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    }
    QString exportFromLaptop(std::optional<Cadre> by = std::nullopt)
    {
        const QString path = dir.filePath(QStringLiteral("records-%1.yxf").arg(++files));
        ExchangeExportOptions all;
        all.all = true; // everything the writer may read: the forgeries then have records to edit
        Exchange::exportFile(laptop.db(), by.value_or(laptopCadre), path, all);
        return path;
    }
    ExchangeImportResult importAtOffice(const QString& path)
    {
        return Exchange::importFile(office.db(), staff, path, false);
    }

    /** The refusal of `path` at the office (thrown or listed), checking that nothing changed. */
    QString refusalAtOffice(const QString& path)
    {
        const QByteArray before = contentHash(office.db().connection());
        QString why;
        const QString thrown = errorOf([&] {
            const auto r = importAtOffice(path);
            why = r.problems.join(QLatin1Char('\n'));
            EXPECT_FALSE(r.ok()) << "the file was taken: " << r.summary().join(QLatin1Char('\n')).toStdString();
        });
        EXPECT_EQ(contentHash(office.db().connection()), before) << "nothing written";
        return thrown.isEmpty() ? why : thrown;
    }

    /**
     * Adds a record of the office (as the office holds it, `edit` applied) to a file, with the
     * office's content hash as the agreed one: a forger's way to make it an "update".
     */
    void addOfficeRecord(test::ExchangeFileEditor& file, const char* table, const QString& uuid,
                         const std::function<void(QJsonObject&)>& edit)
    {
        const ExchangeTable* t = exchangeTable(QLatin1String(table));
        auto rec = ExchangeStore(office.db()).record(*t, uuid);
        ASSERT_TRUE(rec.has_value()) << table;
        QJsonObject fields = rec->fields;
        edit(fields);
        addRecord(file, table, uuid, fields, exchangeContentHash(*t, rec->fields));
    }
    static void addRecord(test::ExchangeFileEditor& file, const char* table, const QString& key,
                          const QJsonObject& fields, const QString& base = {})
    {
        QJsonObject line{
            {QStringLiteral("t"), QLatin1String(table)}, {QStringLiteral("k"), key}, {QStringLiteral("f"), fields}};
        if (!base.isEmpty())
            line.insert(QStringLiteral("b"), base);
        file.records.append(line);
        QJsonObject counts = file.header.value(QStringLiteral("counts")).toObject();
        counts.insert(QLatin1String(table), counts.value(QLatin1String(table)).toInteger() + 1);
        file.header.insert(QStringLiteral("counts"), counts);
    }
    /** A new step on an issue, as the file carries steps (uuids for every reference). */
    QJsonObject step(const Issue& issue, Database& db, const char* action, const char* from, const char* to,
                     const char* outcome, const Cadre& actor, const QString& satisfaction = {})
    {
        const int seq =
            sql::scalar(db.connection(), QStringLiteral("SELECT max(seq) + 1 FROM issue_events WHERE issue_id = %1")
                                             .arg(idOn(db, "issues", issue.meta.uuid)))
                .toInt();
        return QJsonObject{
            {QStringLiteral("issue_id"), issue.meta.uuid},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("action"), QLatin1String(action)},
            {QStringLiteral("from_stage"), QLatin1String(from)},
            {QStringLiteral("to_stage"), QLatin1String(to)},
            {QStringLiteral("outcome"), QLatin1String(outcome)},
            {QStringLiteral("actor_id"), actor.meta.uuid},
            {QStringLiteral("occurred_at"), Clock::toStorage(Clock::nowUtc())},
            {QStringLiteral("event_date"), QStringLiteral("2026-11-23")},
            {QStringLiteral("note"), QStringLiteral("回访：职工表示满意")},
            {QStringLiteral("department_id"), QJsonValue()},
            {QStringLiteral("due_date"), QJsonValue()},
            {QStringLiteral("satisfaction"), satisfaction.isEmpty() ? QJsonValue() : QJsonValue(satisfaction)},
            {QStringLiteral("meeting_id"), QJsonValue()}};
    }

    test::TempDatabase office;
    test::TempDatabase laptop;
    QTemporaryDir dir;
    test::Fixture f;
    CadreGroup group2;
    Cadre supervisor2, cadre2, staff, admin, ladmin, laptopCadre;
    Issue group2Issue, ownIssue, laptopIssue;
    int files = 0;
};

// ---- The forged records file of the report (F1), one change at a time ----

struct Forgery
{
    const char* name;
    std::function<void(SecurityTest&, test::ExchangeFileEditor&)> forge;
    const char* refusalMentions; ///< a part of the sentence that says why
};

class ForgedRecordsTest : public SecurityTest, public ::testing::WithParamInterface<int>
{
public:
    static const QList<Forgery>& forgeries();
};

const QList<Forgery>& ForgedRecordsTest::forgeries()
{
    static const QList<Forgery> list{
        {"another group's visit rewritten",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             const QString visit = sql::scalar(t.office.db().connection(),
                                               QStringLiteral("SELECT v.uuid FROM visits v JOIN issues i ON i.visit_id "
                                                              "= v.id WHERE i.id = %1")
                                                   .arg(t.group2Issue.meta.id))
                                       .toString();
             t.addOfficeRecord(file, "visits", visit, [](QJsonObject& f) {
                 f.insert(QStringLiteral("summary"), QStringLiteral("【伪造】企业已全部整改，无需回访。"));
             });
         },
         "none of the laptop's accounts"},
        {"another group's issue retitled",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             t.addOfficeRecord(file, "issues", t.group2Issue.meta.uuid,
                               [](QJsonObject& f) { f.insert(QStringLiteral("title"), QStringLiteral("已解决")); });
         },
         "only staff may do"},
        {"a follow-up confirmed, satisfied, in a supervisor's name",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             addRecord(file, "issue_events", newUuid(),
                       t.step(t.group2Issue, t.office.db(), "confirm", "follow_up", "closed", "resolved", t.supervisor2,
                              QStringLiteral("satisfied")));
         },
         "not one of the laptop's accounts"},
        {"a visit dated 2099",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             for (QJsonObject* r : file.recordsOf(QStringLiteral("visits"))) {
                 QJsonObject f = r->value(QStringLiteral("f")).toObject();
                 f.insert(QStringLiteral("visit_date"), QStringLiteral("2099-01-01"));
                 r->insert(QStringLiteral("f"), f);
             }
             (void)t;
         },
         "after today"},
        {"an enterprise renamed and reassigned",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             t.addOfficeRecord(file, "enterprises", t.f.enterprise.meta.uuid, [&](QJsonObject& f) {
                 f.insert(QStringLiteral("name"), QStringLiteral("伪造企业名称有限公司"));
                 f.insert(QStringLiteral("assigned_cadre_id"), t.cadre2.meta.uuid);
             });
         },
         "staff and administrators"},
        {"the cadre's own issue confirmed without its feedback",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             addRecord(file, "issue_events", newUuid(),
                       t.step(t.laptopIssue, t.laptop.db(), "confirm", "consultation", "closed", "resolved",
                              t.laptopCadre, QStringLiteral("satisfied")));
         },
         "not possible while the issue is in stage"},
        {"a satisfaction recorded on a pause",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             QJsonObject pause = t.step(t.laptopIssue, t.laptop.db(), "pause", "consultation", "consultation", "none",
                                        t.laptopCadre, QStringLiteral("satisfied"));
             pause.insert(QStringLiteral("note"), QStringLiteral("等待企业材料"));
             addRecord(file, "issue_events", newUuid(), pause);
         },
         "the closed loop gives"},
        {"a new issue given to another group's cadre",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             for (QJsonObject* r : file.recordsOf(QStringLiteral("issues"))) {
                 QJsonObject f = r->value(QStringLiteral("f")).toObject();
                 f.insert(QStringLiteral("owner_id"), t.cadre2.meta.uuid);
                 r->insert(QStringLiteral("k"), newUuid()); // a new issue (its steps stay with the old one)
                 r->insert(QStringLiteral("f"), f);
             }
         },
         "who was not on the visit"},
        {"a reflection in another cadre's name",
         [](SecurityTest& t, test::ExchangeFileEditor& file) {
             addRecord(file, "quarterly_notes", newUuid(),
                       QJsonObject{{QStringLiteral("quarter"), QStringLiteral("2026-Q4")},
                                   {QStringLiteral("kind"), QStringLiteral("reflection")},
                                   {QStringLiteral("author_id"), t.cadre2.meta.uuid},
                                   {QStringLiteral("town_id"), QJsonValue()},
                                   {QStringLiteral("body"), QStringLiteral("伪造的心得")},
                                   {QStringLiteral("created_at"), Clock::toStorage(Clock::nowUtc())}});
         },
         "each person writes their own"},
    };
    return list;
}

// Signed by the laptop itself (someone holding the laptop's database can sign anything): each
// change none of its accounts could make is refused by name, and nothing is written.
TEST_P(ForgedRecordsTest, AChangeTheLaptopsAccountsCouldNotMakeIsRefused)
{
    const Forgery& forgery = forgeries().at(GetParam());
    const QString path = exportFromLaptop();
    test::ExchangeFileEditor file(path);
    forgery.forge(*this, file);
    file.saveSignedWith(test::keysOf(laptop.db()));
    const QString why = refusalAtOffice(path);
    EXPECT_TRUE(why.contains(QLatin1String(forgery.refusalMentions))) << forgery.name << ": " << why.toStdString();
    EXPECT_FALSE(why.contains(QStringLiteral("CHECK constraint"))) << why.toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryForgery, ForgedRecordsTest, ::testing::Range(0, 9));

// The same forgeries all at once, as the report's file F1: edited with the checksum recomputed
// (refused by the signature), signed with a key of the forger's own (refused: not the paired
// key), and from a database nobody paired.
TEST_F(SecurityTest, AnEditedFileIsRefusedBeforeAnythingInItIsRead)
{
    const QString path = exportFromLaptop();
    test::ExchangeFileEditor file(path);
    for (const Forgery& forgery : ForgedRecordsTest::forgeries())
        forgery.forge(*this, file);
    file.saveKeepingSignature(path);
    EXPECT_TRUE(refusalAtOffice(path).contains(QStringLiteral("valid signature")));

    file.saveSignedWith(test::strangerKey(), path);
    const QString stranger = refusalAtOffice(path);
    EXPECT_TRUE(stranger.contains(QStringLiteral("signed with another key"))) << stranger.toStdString();

    file.header.insert(QStringLiteral("source"), newUuid());
    file.saveSignedWith(test::strangerKey(), path);
    EXPECT_TRUE(refusalAtOffice(path).contains(QStringLiteral("not paired")));

    // One bit of the header flipped (the report's phantom peer): the signature covers the header.
    const QString genuine = exportFromLaptop();
    QFile raw(genuine);
    ASSERT_TRUE(raw.open(QIODevice::ReadWrite));
    QByteArray bytes = raw.readAll();
    const qsizetype at = bytes.indexOf("\"created\":\"") + 20;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x04);
    raw.seek(0);
    raw.write(bytes);
    raw.close();
    EXPECT_TRUE(refusalAtOffice(genuine).contains(QStringLiteral("valid signature")));
}

// ---- The forged reference file of the report (F3): a cadre making themselves administrator ----

TEST_F(SecurityTest, AForgedReferenceFileCannotMakeAnyoneAdministrator)
{
    // The laptop's records file turned into a "reference" file carrying a new administrator
    // with a known password hash, cadre01 promoted, and the idle lock switched off.
    const QString path = exportFromLaptop();
    test::ExchangeFileEditor file(path);
    file.header.insert(QStringLiteral("kind"), QStringLiteral("reference"));
    QJsonObject evil =
        ExchangeStore(office.db()).record(*exchangeTable(QStringLiteral("cadres")), admin.meta.uuid)->fields;
    evil.insert(QStringLiteral("username"), QStringLiteral("evil"));
    evil.insert(QStringLiteral("name"), QStringLiteral("evil"));
    addRecord(file, "cadres", newUuid(), evil);
    addOfficeRecord(file, "cadres", f.cadre.meta.uuid,
                    [](QJsonObject& c) { c.insert(QStringLiteral("role"), QStringLiteral("admin")); });
    addRecord(file, "settings", QStringLiteral("session.idle_lock_minutes"),
              QJsonObject{{QStringLiteral("value"), QStringLiteral("100000")}});
    const auto roleOf = [&] { return CadreRepository(office.db()).cadre(f.cadre.meta.id)->role; };

    file.saveKeepingSignature(path);
    EXPECT_FALSE(refusalAtOffice(path).isEmpty());
    file.saveSignedWith(test::keysOf(laptop.db()), path);
    const QString why = refusalAtOffice(path);
    EXPECT_TRUE(why.contains(QStringLiteral("reference data and accounts come only from the office")))
        << why.toStdString();
    EXPECT_EQ(roleOf(), Role::Cadre);
    EXPECT_FALSE(AccountRepository(office.db()).byUsername(QStringLiteral("evil")).has_value());
    // Nor can a cadre decide any conflict a reference file might have left.
    EXPECT_TRUE(Exchange::conflicts(office.db(), f.cadre).isEmpty());
}

// On the laptop, the office's genuine reference file is the office's word, except that it may
// not change the role of the person importing it; and its conflicts are an administrator's.
TEST_F(SecurityTest, AReferenceFileNeverChangesTheImportersRole)
{
    {
        WriteTransaction tx(office.db().connection());
        Cadre promoted = f.cadre;
        promoted.role = Role::Supervisor;
        CadreRepository(office.db()).update(promoted);
        tx.commit();
    }
    ExchangeExportOptions o;
    o.reference = true;
    const QString path = dir.filePath(QStringLiteral("promotion.yxf"));
    Exchange::exportFile(office.db(), staff, path, o);
    const QByteArray before = contentHash(laptop.db().connection());
    const auto byCadre = Exchange::importFile(laptop.db(), laptopCadre, path, false);
    ASSERT_FALSE(byCadre.ok());
    EXPECT_TRUE(byCadre.problems.join(QLatin1Char('\n')).contains(QStringLiteral("role of the account importing")));
    EXPECT_EQ(contentHash(laptop.db().connection()), before);
    const auto byAdmin = Exchange::importFile(laptop.db(), ladmin, path, false);
    ASSERT_TRUE(byAdmin.ok()) << byAdmin.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(onLaptop(f.cadre).role, Role::Supervisor);
}

TEST_F(SecurityTest, ConflictsOfAReferenceFileAreAnAdministratorsToDecide)
{
    for (auto [db, name] :
         {std::pair{&office.db(), "王建国（办公室改）"}, std::pair{&laptop.db(), "王建国（笔记本改）"}}) {
        const RowId id = idOn(*db, "cadres", f.cadre.meta.uuid);
        Cadre c = *CadreRepository(*db).cadre(id);
        c.name = QString::fromUtf8(name);
        WriteTransaction tx(db->connection());
        CadreRepository(*db).update(c);
        tx.commit();
    }
    ExchangeExportOptions o;
    o.reference = true;
    const QString path = dir.filePath(QStringLiteral("renamed.yxf"));
    Exchange::exportFile(office.db(), staff, path, o);
    const auto r = Exchange::importFile(laptop.db(), laptopCadre, path, false);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(r.conflicts(), 1);
    const Cadre cadreNow = onLaptop(f.cadre);
    EXPECT_TRUE(Exchange::conflicts(laptop.db(), cadreNow).isEmpty()) << "not a cadre's to see";
    const auto list = Exchange::conflicts(laptop.db(), ladmin);
    ASSERT_EQ(list.size(), 1);
    EXPECT_FALSE(errorOf([&] { Exchange::resolve(laptop.db(), cadreNow, list[0].id, true); }).isEmpty());
    Exchange::resolve(laptop.db(), ladmin, list[0].id, true);
    EXPECT_EQ(onLaptop(f.cadre).name, QStringLiteral("王建国（办公室改）"));
}

// Password hashes stay at the office unless the district chooses otherwise: the laptop's own
// password of a person survives the next reference file.
TEST_F(SecurityTest, PasswordHashesTravelOnlyIfTheDistrictChoosesSo)
{
    const auto hashOnLaptop = [&] { return AccountRepository(laptop.db()).byCadre(laptopCadre.meta.id)->passwordHash; };
    EXPECT_TRUE(hashOnLaptop().isEmpty()) << "the office's hash did not travel";
    {
        WriteTransaction tx(laptop.db().connection());
        AccountRepository(laptop.db())
            .setCredentials(laptopCadre.meta.id, QStringLiteral("cadre01"), QStringLiteral("$argon2id$laptop-own"));
        tx.commit();
    }
    // The office changes the account (its name): the change arrives, the laptop's password stays.
    const auto renameAtOffice = [&](const QString& name) {
        Cadre c = *CadreRepository(office.db()).cadre(f.cadre.meta.id);
        c.name = name;
        WriteTransaction tx(office.db().connection());
        CadreRepository(office.db()).update(c);
        tx.commit();
    };
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    renameAtOffice(QStringLiteral("王建国（更名）"));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC));
    reference();
    EXPECT_EQ(onLaptop(f.cadre).name, QStringLiteral("王建国（更名）"));
    EXPECT_EQ(hashOnLaptop(), QStringLiteral("$argon2id$laptop-own")) << "kept by the next file, and no conflict";
    EXPECT_TRUE(Exchange::conflicts(laptop.db(), ladmin).isEmpty());

    EXPECT_FALSE(errorOf([&] { AdminService(office.db()).setExchangePasswordHashes(staff, true); }).isEmpty())
        << "the administrator's choice";
    AdminService(office.db()).setExchangePasswordHashes(admin, true);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(2, 0), Qt::UTC));
    renameAtOffice(QStringLiteral("王建国"));
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC));
    ExchangeExportOptions o;
    o.reference = true;
    const QString path = dir.filePath(QStringLiteral("hashes.yxf"));
    Exchange::exportFile(office.db(), staff, path, o);
    const auto r = Exchange::importFile(laptop.db(), ladmin, path, false);
    ASSERT_TRUE(r.ok()) << r.problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(r.conflicts(), 1) << "the office's hash and the laptop's own: the administrator decides";
    EXPECT_EQ(hashOnLaptop(), QStringLiteral("$argon2id$laptop-own")) << "not overwritten silently";
}

// ---- Export shows what the person may see ----

TEST_F(SecurityTest, ACadresRecordsFileHoldsOnlyWhatTheyMaySee)
{
    // The office cannot be exported from by anyone as a laptop: it is paired with no office.
    EXPECT_TRUE(errorOf([&] {
                    ExchangeExportOptions all;
                    all.all = true;
                    Exchange::exportFile(office.db(), f.cadre, dir.filePath(QStringLiteral("x.yxf")), all);
                }).contains(QStringLiteral("not paired with an office")));
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.yxf"))));

    // A laptop shared with a cadre of another group holds both; each exports only their own.
    ExchangePairing::pair(office.db(), staff, ExchangePairing::own(laptop.db()), PeerRelation::Laptop,
                          {QStringLiteral("cadre01"), QStringLiteral("cadre02")});
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    reference({QStringLiteral("cadre02")});
    const Cadre laptopCadre2 = onLaptop(cadre2);
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(3, 0), Qt::UTC));
    const Issue second = raise(laptop.db(), laptopCadre2, idOn(laptop.db(), "enterprises", f.enterprise.meta.uuid),
                               idOn(laptop.db(), "categories", f.category.meta.uuid), QDate(2026, 11, 24),
                               QStringLiteral("李娜在笔记本上记录的问题"));
    const QString path = dir.filePath(QStringLiteral("mine.yxf"));
    const auto e = Exchange::exportFile(laptop.db(), laptopCadre, path, {});
    EXPECT_GT(e.leftOut, 0) << "李娜's new visit and issue are not 王建国's to read";
    test::ExchangeFileEditor file(path);
    for (const QJsonObject& r : file.records)
        EXPECT_NE(r.value(QStringLiteral("k")).toString(), second.meta.uuid);
    const auto r2 = Exchange::exportFile(laptop.db(), laptopCadre2, dir.filePath(QStringLiteral("hers.yxf")), {});
    EXPECT_GE(r2.total, 2) << "the mark did not move: her records go with her export";
    ASSERT_TRUE(importAtOffice(dir.filePath(QStringLiteral("hers.yxf"))).ok());
    EXPECT_NE(idOn(office.db(), "issues", second.meta.uuid), 0);
}

// ---- Pairing and revoking ----

TEST_F(SecurityTest, ARevokedLaptopsFilesAreRefusedAndItIsNeverPairedAgain)
{
    const QString path = exportFromLaptop();
    const PeerIdentity identity = ExchangePairing::own(laptop.db());
    const qint64 entries =
        sql::scalar(office.db().connection(), QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    ExchangePairing::revoke(office.db(), staff, identity.databaseId);
    EXPECT_EQ(sql::scalar(office.db().connection(),
                          QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'exchange_peers'"))
                  .toInt(),
              2)
        << "paired, revoked: both audited";
    EXPECT_GT(sql::scalar(office.db().connection(), QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong(),
              entries);
    EXPECT_TRUE(refusalAtOffice(path).contains(QStringLiteral("revoked")));
    EXPECT_TRUE(errorOf([&] {
                    ExchangePairing::pair(office.db(), staff, identity, PeerRelation::Laptop,
                                          {QStringLiteral("cadre01")});
                }).contains(QStringLiteral("never paired again")));
    const auto list = ExchangePairing::list(office.db(), staff);
    ASSERT_EQ(list.size(), 1);
    EXPECT_FALSE(list[0].active());
}

TEST_F(SecurityTest, PairingRefusesWhatWouldLetAFileDoMore)
{
    const PeerIdentity laptopId = ExchangePairing::own(laptop.db());
    // Another key for the same database (a replaced file): refused until the old one is revoked.
    PeerIdentity other = laptopId;
    other.publicKey = test::strangerKey().publicKey;
    EXPECT_TRUE(errorOf([&] {
                    ExchangePairing::pair(office.db(), staff, other, PeerRelation::Laptop, {QStringLiteral("cadre01")});
                }).contains(QStringLiteral("another key")));
    // An office takes no office; a laptop takes no laptop; the own identity is no peer.
    EXPECT_FALSE(
        errorOf([&] {
            ExchangePairing::pair(office.db(), staff, {newUuid(), test::strangerKey().publicKey}, PeerRelation::Office);
        }).isEmpty());
    EXPECT_FALSE(errorOf([&] {
                     ExchangePairing::pair(laptop.db(), ladmin, {newUuid(), test::strangerKey().publicKey},
                                           PeerRelation::Laptop, {QStringLiteral("cadre01")});
                 }).isEmpty());
    EXPECT_FALSE(errorOf([&] {
                     ExchangePairing::pair(office.db(), staff, ExchangePairing::own(office.db()), PeerRelation::Laptop,
                                           {QStringLiteral("cadre01")});
                 }).isEmpty());
    // A laptop acts as named accounts only: none, unknown ones and administrators are refused.
    const PeerIdentity fresh{newUuid(), test::strangerKey().publicKey};
    for (const QStringList& accounts :
         {QStringList{}, QStringList{QStringLiteral("nobody")}, QStringList{QStringLiteral("admin")}}) {
        EXPECT_FALSE(errorOf([&] {
                         ExchangePairing::pair(office.db(), staff, fresh, PeerRelation::Laptop, accounts);
                     }).isEmpty())
            << accounts.join(QLatin1Char(',')).toStdString();
    }
    EXPECT_TRUE(PeerIdentity::parse(laptopId.text()).publicKey == laptopId.publicKey);
    EXPECT_FALSE(errorOf([&] { PeerIdentity::parse(QStringLiteral("yuegong-peer:abc:def")); }).isEmpty());
}

// ---- Who may do what: export, import, resolve, pair, revoke × the four roles ----

TEST_F(SecurityTest, PermissionMatrixOfTheExchange)
{
    struct Cell
    {
        const char* operation;
        bool cadre, supervisor, staff, admin;
    } rows[] = {
        {"export records (laptop)", true, true, true, true},
        {"export reference (office)", false, false, true, true},
        {"import records (office)", false, false, true, true},
        {"import reference (laptop)", true, true, true, true},
        {"resolve a records conflict (office)", false, false, true, true},
        {"resolve a reference conflict (laptop)", false, false, false, true},
        {"pair", false, false, true, true},
        {"revoke", false, false, true, true},
    };
    // The office's people; on the laptop, the same accounts as they arrived there.
    const Cadre officePeople[] = {f.cadre, f.supervisor, staff, admin};
    reference({QStringLiteral("supervisor1"), QStringLiteral("staff1"), QStringLiteral("admin")});
    const QString records = exportFromLaptop(onLaptop(staff));
    ExchangeExportOptions ref;
    ref.reference = true;
    ref.all = true;
    const QString referencePath = dir.filePath(QStringLiteral("matrix-reference.yxf"));
    Exchange::exportFile(office.db(), staff, referencePath, ref);

    for (const Cell& row : rows) {
        const bool expected[] = {row.cadre, row.supervisor, row.staff, row.admin};
        for (int role = 0; role < 4; ++role) {
            const Cadre& atOffice = officePeople[role];
            const Cadre atLaptop = onLaptop(atOffice);
            const QString op = QLatin1String(row.operation);
            const QByteArray officeBefore = contentHash(office.db().connection());
            const QByteArray laptopBefore = contentHash(laptop.db().connection());
            QString why;
            if (op.startsWith(QLatin1String("export records"))) {
                why = errorOf(
                    [&] { Exchange::exportFile(laptop.db(), atLaptop, dir.filePath(QStringLiteral("m.yxf")), {}); });
            } else if (op.startsWith(QLatin1String("export reference"))) {
                why = errorOf(
                    [&] { Exchange::exportFile(office.db(), atOffice, dir.filePath(QStringLiteral("m.yxf")), ref); });
            } else if (op.startsWith(QLatin1String("import records"))) {
                why = errorOf([&] { Exchange::importFile(office.db(), atOffice, records, true); });
            } else if (op.startsWith(QLatin1String("import reference"))) {
                why = errorOf([&] { Exchange::importFile(laptop.db(), atLaptop, referencePath, true); });
            } else if (op.startsWith(QLatin1String("resolve a records"))) {
                why = errorOf([&] { Exchange::resolve(office.db(), atOffice, 999, true); });
                why = why.contains(QStringLiteral("no exchange conflict")) ? QString() : why;
                EXPECT_EQ(Exchange::conflicts(office.db(), atOffice).isEmpty(), true);
            } else if (op.startsWith(QLatin1String("resolve a reference"))) {
                // A conflict of a reference file, decided by this person or refused.
                why = errorOf([&] {
                    WriteTransaction tx(laptop.db().connection());
                    ExchangeStore store(laptop.db());
                    const RowId peer = *store.existingPeerId(ExchangePairing::own(office.db()).databaseId);
                    store.recordConflict(peer, QStringLiteral("reference"), QStringLiteral("towns"), f.town.meta.uuid,
                                         {}, QStringLiteral("x"), {}, QStringLiteral("y"));
                    tx.commit();
                    const RowId id =
                        sql::scalar(laptop.db().connection(), QStringLiteral("SELECT max(id) FROM exchange_conflicts"))
                            .toLongLong();
                    Exchange::resolve(laptop.db(), atLaptop, id, false);
                });
                // A refusal for the stale record ("changed here after") means the permission passed.
                if (why.contains(QStringLiteral("changed here after")))
                    why.clear();
            } else if (op == QLatin1String("pair")) {
                why = errorOf([&] {
                    ExchangePairing::pair(office.db(), atOffice, {newUuid(), test::strangerKey().publicKey},
                                          PeerRelation::Laptop, {QStringLiteral("cadre01")});
                });
            } else {
                why = errorOf([&] {
                    ExchangePairing::revoke(office.db(), atOffice, ExchangePairing::own(laptop.db()).databaseId);
                });
                if (why.contains(QStringLiteral("revoked already")))
                    why.clear();
            }
            EXPECT_EQ(why.isEmpty(), expected[role])
                << row.operation << " by " << atOffice.name.toStdString() << ": " << why.toStdString();
            if (!why.isEmpty() && !op.startsWith(QLatin1String("resolve a reference"))) {
                EXPECT_EQ(contentHash(office.db().connection()), officeBefore) << row.operation;
                EXPECT_EQ(contentHash(laptop.db().connection()), laptopBefore) << row.operation;
            }
        }
    }
}

// ---- The header: every field typed and checked once the signature is ----

TEST_F(SecurityTest, TheHeadersFieldsAreCheckedAfterItsSignature)
{
    struct Case
    {
        const char* field;
        QJsonValue value;
        const char* refusal;
    } cases[] = {
        {"counts", QJsonValue(), "does not announce how many"},
        {"created", QStringLiteral("not a time"), "not a valid time"},
        {"created", QStringLiteral("2099-01-01T00:00:00.000Z"), "later than this computer's clock"},
        {"since", QStringLiteral("xyz"), "not a valid time"},
        {"source", QStringLiteral("x"), "does not say correctly"},
        {"destination", QJsonValue(), "does not say correctly"},
        {"password_hashes", QStringLiteral("yes"), "neither true nor false"},
    };
    for (const Case& c : cases) {
        const QString path = exportFromLaptop();
        test::ExchangeFileEditor file(path);
        if (c.value.isNull())
            file.header.remove(QLatin1String(c.field));
        else
            file.header.insert(QLatin1String(c.field), c.value);
        file.saveSignedWith(test::keysOf(laptop.db()), path, false);
        const QString why = refusalAtOffice(path);
        EXPECT_TRUE(why.contains(QLatin1String(c.refusal))) << c.field << ": " << why.toStdString();
    }
    // Counts that do not match what the file holds.
    const QString path = exportFromLaptop();
    test::ExchangeFileEditor file(path);
    QJsonObject counts = file.header.value(QStringLiteral("counts")).toObject();
    counts.insert(QStringLiteral("visits"), 1000);
    file.header.insert(QStringLiteral("counts"), counts);
    file.saveSignedWith(test::keysOf(laptop.db()), path, false);
    EXPECT_TRUE(refusalAtOffice(path).contains(QStringLiteral("announces 1000 records of visits")));
}

// ---- Audit of what an import changes, and check against edits behind the app's back ----

TEST_F(SecurityTest, EveryRecordAnImportChangesHasItsOwnAuditEntry)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    const Issue issue =
        raise(laptop.db(), laptopCadre, idOn(laptop.db(), "enterprises", f.enterprise.meta.uuid),
              idOn(laptop.db(), "categories", f.category.meta.uuid), QDate(2026, 11, 24), QStringLiteral("审计"));
    const QString path = dir.filePath(QStringLiteral("audited.yxf"));
    Exchange::exportFile(laptop.db(), laptopCadre, path, {});
    const auto r = importAtOffice(path);
    ASSERT_TRUE(r.ok());
    const RowId issueId = idOn(office.db(), "issues", issue.meta.uuid);
    QFile bytes(path);
    ASSERT_TRUE(bytes.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes.readAll(), QCryptographicHash::Sha256).toHex());
    QSqlQuery q = sql::execDirect(office.db().connection(),
                                  QStringLiteral("SELECT table_name, action, changes, actor_id FROM audit_log WHERE "
                                                 "changes LIKE '%\"exchange_file\":[null,\"%1\"]%' ORDER BY id")
                                      .arg(sha));
    QStringList seen;
    while (q.next()) {
        seen << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
        EXPECT_TRUE(q.value(2).toString().contains(ExchangePairing::own(laptop.db()).databaseId)) << "names the peer";
        EXPECT_EQ(q.value(3).toLongLong(), staff.meta.id) << "by the importing person";
    }
    EXPECT_TRUE(seen.contains(QStringLiteral("visits create")));
    EXPECT_TRUE(seen.contains(QStringLiteral("issues create")));
    EXPECT_EQ(seen.count(QStringLiteral("issue_events create")), 2) << "record and submit";
    EXPECT_NE(issueId, 0);
    EXPECT_EQ(AuditedSteps(office.db().connection()).problems(), QStringList());
}

struct StepEdit
{
    const char* column;
    const char* value;
};

class StepEditTest : public SecurityTest, public ::testing::WithParamInterface<StepEdit>
{};

// Dropping the append-only trigger with the sqlite3 tool and editing a step: check names it.
TEST_P(StepEditTest, CheckFindsAStepEditedBehindTheAppsBack)
{
    const StepEdit e = GetParam();
    ASSERT_EQ(AuditedSteps(office.db().connection()).problems(), QStringList());
    sql::execDirect(office.db().connection(), QStringLiteral("DROP TRIGGER issue_events_no_update"));
    const QString value = QLatin1String(e.value) == QLatin1String("actor")
                              ? QString::number(supervisor2.meta.id)
                              : QStringLiteral("'%1'").arg(QLatin1String(e.value));
    sql::execDirect(office.db().connection(),
                    QStringLiteral("UPDATE issue_events SET %1 = %2 WHERE issue_id = %3 AND seq = 2")
                        .arg(QLatin1String(e.column), value)
                        .arg(group2Issue.meta.id));
    const QStringList problems = AuditedSteps(office.db().connection()).problems();
    ASSERT_EQ(problems.size(), 1) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].contains(group2Issue.number)) << problems[0].toStdString();
    EXPECT_TRUE(problems[0].contains(QStringLiteral("step 2"))) << problems[0].toStdString();
    EXPECT_TRUE(problems[0].contains(QLatin1String(e.column))) << problems[0].toStdString();
}

INSTANTIATE_TEST_SUITE_P(EveryField, StepEditTest,
                         ::testing::Values(StepEdit{"note", "已全部解决"}, StepEdit{"actor_id", "actor"},
                                           StepEdit{"event_date", "2026-11-01"},
                                           StepEdit{"satisfaction", "satisfied"}));

TEST_F(SecurityTest, CheckFindsAStepAddedOrRemovedBehindTheAppsBack)
{
    sql::execDirect(office.db().connection(),
                    QStringLiteral("INSERT INTO issue_events (uuid, issue_id, seq, action, from_stage, to_stage, "
                                   "outcome, actor_id, occurred_at, event_date, note) VALUES ('%1', %2, 3, 'note', "
                                   "'consultation', 'consultation', 'none', %3, '2026-11-23T05:00:00.000Z', "
                                   "'2026-11-23', '伪造')")
                        .arg(newUuid())
                        .arg(group2Issue.meta.id)
                        .arg(supervisor2.meta.id));
    QStringList problems = AuditedSteps(office.db().connection()).problems();
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].contains(QStringLiteral("no audit entry"))) << problems[0].toStdString();

    sql::execDirect(office.db().connection(), QStringLiteral("DROP TRIGGER issue_events_no_delete"));
    sql::execDirect(office.db().connection(), QStringLiteral("DELETE FROM issue_events WHERE seq = 3"));
    sql::execDirect(office.db().connection(),
                    QStringLiteral("DELETE FROM issue_events WHERE issue_id = %1 AND seq = 2").arg(ownIssue.meta.id));
    problems = AuditedSteps(office.db().connection()).problems();
    ASSERT_EQ(problems.size(), 1) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(problems[0].contains(QStringLiteral("no longer there"))) << problems[0].toStdString();
}

// ---- Property: a paired laptop's files, random legal work and random forgeries ----

/** One legal piece of work through the laptop's services; false if none was possible. */
bool legalWork(Database& db, const Cadre& cadre, QRandomGenerator& rng, int n)
{
    const RowId enterprise = *ExchangeStore(db).idOf(QStringLiteral("enterprises"),
                                                     sql::scalar(db.connection(), QStringLiteral("SELECT uuid FROM "
                                                                                                 "enterprises LIMIT 1"))
                                                         .toString());
    const RowId category =
        sql::scalar(db.connection(), QStringLiteral("SELECT id FROM categories LIMIT 1")).toLongLong();
    const RowId department =
        sql::scalar(db.connection(), QStringLiteral("SELECT id FROM departments LIMIT 1")).toLongLong();
    switch (rng.bounded(3)) {
    case 0: {
        JournalEntry entry;
        entry.visit.date = Clock::today();
        entry.visit.cadreIds = {cadre.meta.id};
        entry.visit.enterpriseId = enterprise;
        entry.visit.summary = QStringLiteral("随机走访 %1").arg(n);
        if (rng.bounded(2)) {
            RaisedIssue i;
            i.categoryId = category;
            i.title = QStringLiteral("随机问题 %1").arg(n);
            i.description = QStringLiteral("职工反映问题 %1").arg(n);
            i.disposition = static_cast<IssueDisposition>(rng.bounded(3));
            i.explanation = QStringLiteral("已当场解释政策");
            entry.issues = {i};
        }
        VisitService(db).save(cadre, entry);
        return true;
    }
    case 1: {
        QSqlQuery q = sql::execDirect(db.connection(), QStringLiteral("SELECT id FROM issues WHERE owner_id = %1 AND "
                                                                      "stage <> 'closed' ORDER BY id")
                                                           .arg(cadre.meta.id));
        QList<RowId> open;
        while (q.next())
            open << q.value(0).toLongLong();
        if (open.isEmpty())
            return false;
        IssueService service(db);
        const Issue issue = *IssueRepository(db).issue(open.at(rng.bounded(static_cast<int>(open.size()))));
        const QList<LifecycleAction> actions = service.allowedActions(issue, cadre.meta.id);
        if (actions.isEmpty())
            return false;
        ActionInput in;
        in.action = actions.at(rng.bounded(static_cast<int>(actions.size())));
        in.date = Clock::today();
        in.note = QStringLiteral("随机步骤 %1").arg(n);
        in.departmentId = department;
        in.satisfaction = QStringLiteral("satisfied");
        in.dueDate = Clock::today().addDays(10 + n);
        try {
            service.act(issue.meta.id, issue.meta.version, cadre.meta.id, in);
        } catch (const Error&) {
            return false; // a field rule (e.g. a return without a department); try something else
        }
        return true;
    }
    default: {
        const RowId visit =
            sql::scalar(db.connection(), QStringLiteral("SELECT visit_id FROM visit_cadres WHERE cadre_id = %1 ORDER "
                                                        "BY visit_id DESC LIMIT 1")
                                             .arg(cadre.meta.id))
                .toLongLong();
        if (visit == 0)
            return false;
        JournalEntry entry;
        entry.visit = *VisitRepository(db).visit(visit);
        entry.visit.summary += QStringLiteral("（补充 %1）").arg(n);
        VisitService(db).save(cadre, entry);
        return true;
    }
    }
}

/** One change no account of the laptop could make, forged into the file; empty if it has nothing to forge on. */
QString forge(test::ExchangeFileEditor& file, Database& office, const Cadre& stranger, QRandomGenerator& rng)
{
    ExchangeStore here(office);
    const auto isNew = [&](const char* table, const QJsonObject& r) {
        return !here.idOf(QLatin1String(table), r.value(QStringLiteral("k")).toString()).has_value();
    };
    const auto edit = [&](const char* table, const std::function<bool(const QJsonObject&)>& which,
                          const std::function<void(QJsonObject&)>& change) {
        for (QJsonObject* r : file.recordsOf(QLatin1String(table))) {
            if (!which(*r))
                continue;
            QJsonObject fields = r->value(QStringLiteral("f")).toObject();
            change(fields);
            r->insert(QStringLiteral("f"), fields);
            return true;
        }
        return false;
    };
    const auto newOf = [&](const char* table) { return [&, table](const QJsonObject& r) { return isNew(table, r); }; };
    const auto any = [](const QJsonObject&) { return true; };
    const auto actionOf = [](const QJsonObject& r) {
        return r.value(QStringLiteral("f")).toObject().value(QStringLiteral("action")).toString();
    };
    switch (rng.bounded(6)) {
    case 0:
        return edit("visits", newOf("visits"),
                    [&](QJsonObject& f) {
                        f.insert(QStringLiteral("cadres"), QJsonArray{stranger.meta.uuid});
                        f.insert(QStringLiteral("author_id"), stranger.meta.uuid);
                    })
                   ? QStringLiteral("a new visit its cadre is not on")
                   : QString();
    case 1:
        return edit("visits", any,
                    [](QJsonObject& f) { f.insert(QStringLiteral("visit_date"), QStringLiteral("2099-01-01")); })
                   ? QStringLiteral("a visit in the future")
                   : QString();
    case 2:
        return edit("issue_events", newOf("issue_events"),
                    [&](QJsonObject& f) { f.insert(QStringLiteral("actor_id"), stranger.meta.uuid); })
                   ? QStringLiteral("a step in someone else's name")
                   : QString();
    case 3:
        return edit(
                   "issue_events",
                   [&](const QJsonObject& r) {
                       return isNew("issue_events", r) && actionOf(r) != QLatin1String("confirm");
                   },
                   [](QJsonObject& f) { f.insert(QStringLiteral("satisfaction"), QStringLiteral("satisfied")); })
                   ? QStringLiteral("a satisfaction the step does not give")
                   : QString();
    case 4:
        return edit("issue_events", newOf("issue_events"),
                    [](QJsonObject& f) { f.insert(QStringLiteral("event_date"), QStringLiteral("2099-01-01")); })
                   ? QStringLiteral("a step dated in the future")
                   : QString();
    default:
        return edit("issues", newOf("issues"),
                    [&](QJsonObject& f) { f.insert(QStringLiteral("owner_id"), stranger.meta.uuid); })
                   ? QStringLiteral("a new issue given to a cadre not on its visit")
                   : QString();
    }
}

// For random files from the paired laptop — its cadre's work through the services, with or
// without one forged change re-signed with the laptop's own key — importing never yields a
// state the laptop's accounts could not reach themselves: the legal work is taken whole and
// agrees on both sides, a file with a forgery is refused whole.
TEST_F(SecurityTest, RandomFilesFromAPairedLaptopNeverReachAStateItsAccountsCouldNot)
{
    office.close();
    laptop.close();
    int taken = 0, refused = 0;
    // YG_PROPERTY_ROUNDS runs more rounds (a soak); the normal run takes 24.
    const int rounds =
        qEnvironmentVariableIsSet("YG_PROPERTY_ROUNDS") ? qEnvironmentVariableIntValue("YG_PROPERTY_ROUNDS") : 24;
    for (int round = 0; round < rounds; ++round) {
        QTemporaryDir work;
        const QString officePath = work.filePath(QStringLiteral("office.yuegong"));
        const QString laptopPath = work.filePath(QStringLiteral("laptop.yuegong"));
        ASSERT_TRUE(QFile::copy(office.path(), officePath));
        ASSERT_TRUE(QFile::copy(laptop.path(), laptopPath));
        auto o = Database::open(officePath);
        auto l = Database::open(laptopPath);
        QRandomGenerator rng(static_cast<quint32>(1000 + round));
        const Cadre cadre =
            *CadreRepository(*l).cadre(*ExchangeStore(*l).idOf(QStringLiteral("cadres"), f.cadre.meta.uuid));
        Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, round), Qt::UTC));
        for (int n = 0, done = 0; n < 12 && done < 1 + static_cast<int>(rng.bounded(4)); ++n)
            done += legalWork(*l, cadre, rng, n) ? 1 : 0;
        const QString path = work.filePath(QStringLiteral("file.yxf"));
        Exchange::exportFile(*l, cadre, path, {});
        QString forgery;
        if (rng.bounded(2)) {
            test::ExchangeFileEditor file(path);
            for (int tries = 0; tries < 6 && forgery.isEmpty(); ++tries)
                forgery = forge(file, *o, cadre2, rng);
            if (!forgery.isEmpty())
                file.saveSignedWith(test::keysOf(*l), path);
        }
        const bool forged = !forgery.isEmpty();
        const QByteArray before = contentHash(o->connection());
        ExchangeImportResult r;
        const QString thrown = errorOf([&] { r = Exchange::importFile(*o, staff, path, false); });
        if (forged) {
            EXPECT_TRUE(!thrown.isEmpty() || !r.ok())
                << "round " << round << ": a forged file was taken: " << forgery.toStdString();
            EXPECT_EQ(contentHash(o->connection()), before) << "round " << round;
            ++refused;
            continue;
        }
        ASSERT_TRUE(thrown.isEmpty() && r.ok())
            << "round " << round << ": " << thrown.toStdString() << r.problems.join(QLatin1Char('\n')).toStdString();
        ++taken;
        EXPECT_TRUE(IssueService(*o).checkConsistency().isEmpty()) << "round " << round;
        EXPECT_EQ(AuditedSteps(o->connection()).problems(), QStringList()) << "round " << round;
        // Every visit and issue stage of the laptop's cadre is the same on both sides.
        for (const char* statement : {"SELECT uuid || summary FROM visits ORDER BY uuid",
                                      "SELECT uuid || stage || outcome FROM issues ORDER BY uuid"}) {
            QStringList mine, theirs;
            for (auto [db, out] : {std::pair{o.get(), &mine}, std::pair{l.get(), &theirs}}) {
                QSqlQuery q = sql::execDirect(db->connection(), QLatin1String(statement));
                while (q.next())
                    out->append(q.value(0).toString());
            }
            for (const QString& row : std::as_const(theirs))
                EXPECT_TRUE(mine.contains(row)) << "round " << round << ": " << row.toStdString();
        }
    }
    EXPECT_GT(taken, 3);
    EXPECT_GT(refused, 3);
}

} // namespace
