#include "ExchangeConflictsDialog.h"
#include "ExchangeSupport.h"
#include "TestSupport.h"
#include "exchange/Exchange.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace yg;

namespace {

Cadre person(Database& db, const QString& name, Role role)
{
    Cadre c;
    c.name = name;
    c.role = role;
    c.activeFrom = QDate(2023, 4, 1);
    WriteTransaction tx(db.connection());
    CadreRepository(db).insert(c);
    tx.commit();
    return c;
}

void setContact(Database& db, const QString& uuid, const QString& person)
{
    EnterpriseRepository repo(db);
    const RowId id = *ExchangeStore(db).idOf(QStringLiteral("enterprises"), uuid);
    Enterprise e = *repo.enterprise(id);
    e.contactPerson = person;
    WriteTransaction tx(db.connection());
    repo.update(e);
    tx.commit();
}

/**
 * Pairs the laptop as a staff member's (钱静 works on it): enterprises are edited by staff, so
 * the enterprise changes the tests make on the laptop are ones its file may bring.
 */
void pairStaffLaptop(Database& office, const Cadre& staff, Database& laptop, const Cadre& laptopAdmin)
{
    {
        WriteTransaction tx(office.connection());
        AccountRepository(office).setCredentials(staff.meta.id, QStringLiteral("qianjing"),
                                                 QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA"));
        tx.commit();
    }
    test::pairLaptop(office, staff, laptop, laptopAdmin, {QStringLiteral("qianjing")});
}

} // namespace

TEST(ExchangeConflictsDialog, ShowsBothVersionsAndKeepsTheChosenOne)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
    test::TempDatabase office, laptop;
    QTemporaryDir dir;
    const test::Fixture f = test::makeFixture(office.db());
    const Cadre staff = person(office.db(), QStringLiteral("钱静"), Role::Staff);
    const Cadre admin = person(laptop.db(), QStringLiteral("本机管理员"), Role::Admin);
    pairStaffLaptop(office.db(), staff, laptop.db(), admin);
    ExchangeExportOptions ref;
    ref.reference = true;
    ref.to = Exchange::databaseId(laptop.db());
    Exchange::exportFile(office.db(), staff, dir.filePath(QStringLiteral("ref.yxf")), ref);
    ASSERT_TRUE(Exchange::importFile(laptop.db(), admin, dir.filePath(QStringLiteral("ref.yxf")), false).ok());

    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    setContact(laptop.db(), f.enterprise.meta.uuid, QStringLiteral("周海燕"));
    setContact(office.db(), f.enterprise.meta.uuid, QStringLiteral("王平"));
    const Cadre laptopCadre =
        *CadreRepository(laptop.db())
             .cadre(*ExchangeStore(laptop.db()).idOf(QStringLiteral("cadres"), f.cadre.meta.uuid));
    Exchange::exportFile(laptop.db(), laptopCadre, dir.filePath(QStringLiteral("rec.yxf")), {});
    ASSERT_EQ(Exchange::importFile(office.db(), staff, dir.filePath(QStringLiteral("rec.yxf")), false).conflicts(), 1);

    ExchangeConflictsDialog dialog(office.db(), staff);
    ASSERT_EQ(dialog.conflictCount(), 1);
    EXPECT_TRUE(dialog.findChild<QLabel*>(QStringLiteral("mergedLabel"))->isHidden())
        << "one registration edited on both sides is no merge";
    auto* fields = dialog.findChild<QTableWidget*>(QStringLiteral("fieldsTableWidget"));
    ASSERT_NE(fields, nullptr);
    // The differing field comes first, both versions side by side; references read as names.
    EXPECT_EQ(fields->item(0, 0)->text(), QStringLiteral("Contact person"));
    EXPECT_EQ(fields->item(0, 1)->text(), QStringLiteral("王平"));
    EXPECT_EQ(fields->item(0, 2)->text(), QStringLiteral("周海燕"));
    bool townShownByName = false;
    for (int row = 0; row < fields->rowCount(); ++row)
        townShownByName = townShownByName || fields->item(row, 1)->text() == f.town.name;
    EXPECT_TRUE(townShownByName);

    const Cadre cadre = *CadreRepository(office.db()).cadre(f.cadre.meta.id);
    ExchangeConflictsDialog cadresView(office.db(), cadre);
    EXPECT_EQ(cadresView.conflictCount(), 0) << "the office's conflicts are not a cadre's to see or decide";
    EXPECT_FALSE(cadresView.decide(0, true));

    EXPECT_TRUE(dialog.decide(0, true));
    EXPECT_EQ(dialog.conflictCount(), 0);
    EXPECT_EQ(EnterpriseRepository(office.db()).enterprise(f.enterprise.meta.id)->contactPerson,
              QStringLiteral("周海燕"));
    Clock::setFixedNow({});
}

// An enterprise registered on the laptop and at the office (same credit code): one record at
// the office, and the dialog says so above the fields that differ.
TEST(ExchangeConflictsDialog, SaysWhenAnEnterpriseWasRegisteredOnBothSides)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
    test::TempDatabase office, laptop;
    QTemporaryDir dir;
    const test::Fixture f = test::makeFixture(office.db());
    const Cadre staff = person(office.db(), QStringLiteral("钱静"), Role::Staff);
    const Cadre admin = person(laptop.db(), QStringLiteral("本机管理员"), Role::Admin);
    pairStaffLaptop(office.db(), staff, laptop.db(), admin);
    ExchangeExportOptions ref;
    ref.reference = true;
    ref.to = Exchange::databaseId(laptop.db());
    Exchange::exportFile(office.db(), staff, dir.filePath(QStringLiteral("ref.yxf")), ref);
    ASSERT_TRUE(Exchange::importFile(laptop.db(), admin, dir.filePath(QStringLiteral("ref.yxf")), false).ok());

    Clock::setFixedNow(QDateTime(QDate(2026, 11, 24), QTime(2, 0), Qt::UTC));
    for (auto [db, phone] : {std::pair{&office.db(), "0575-88000001"}, std::pair{&laptop.db(), "0575-88000002"}}) {
        Enterprise e;
        e.name = QStringLiteral("绍兴迅达快递有限公司");
        e.creditCode = QString::fromLatin1(test::kValidCreditCodes[3]);
        e.townId = *ExchangeStore(*db).idOf(QStringLiteral("towns"), f.town.meta.uuid);
        e.contactPhone = QString::fromLatin1(phone);
        WriteTransaction tx(db->connection());
        EnterpriseRepository(*db).insert(e);
        tx.commit();
    }
    const Cadre laptopCadre =
        *CadreRepository(laptop.db())
             .cadre(*ExchangeStore(laptop.db()).idOf(QStringLiteral("cadres"), f.cadre.meta.uuid));
    Exchange::exportFile(laptop.db(), laptopCadre, dir.filePath(QStringLiteral("rec.yxf")), {});
    const auto r = Exchange::importFile(office.db(), staff, dir.filePath(QStringLiteral("rec.yxf")), false);
    ASSERT_EQ(r.conflicts(), 1);
    EXPECT_EQ(r.merged, 1);

    ExchangeConflictsDialog dialog(office.db(), staff);
    ASSERT_EQ(dialog.conflictCount(), 1);
    EXPECT_FALSE(dialog.findChild<QLabel*>(QStringLiteral("mergedLabel"))->isHidden());
    auto* fields = dialog.findChild<QTableWidget*>(QStringLiteral("fieldsTableWidget"));
    EXPECT_EQ(fields->item(0, 0)->text(), QStringLiteral("Contact phone"));
    // With YG_SCREENSHOT_DIR set, the user guide's pictures in both languages.
    const QString out = qEnvironmentVariable("YG_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            installTranslations(language);
            ExchangeConflictsDialog shown(office.db(), staff);
            shown.resize(900, 560);
            shown.show();
            QCoreApplication::processEvents();
            shown.grab().save(QDir(out).filePath(
                QStringLiteral("exchange-conflicts-merged-%1.png")
                    .arg(language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh"))));
        }
    }
    EXPECT_TRUE(dialog.decide(0, false));
    EXPECT_EQ(dialog.conflictCount(), 0);
    Clock::setFixedNow({});
}
