#include "PairingDialog.h"
#include "TestSupport.h"
#include "exchange/ExchangePairing.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Translations.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

#include <gtest/gtest.h>

using namespace yg;

namespace {

Cadre person(Database& db, const QString& name, Role role, const QString& username)
{
    Cadre c;
    c.name = name;
    c.role = role;
    c.activeFrom = QDate(2023, 4, 1);
    WriteTransaction tx(db.connection());
    CadreRepository(db).insert(c);
    AccountRepository(db).setCredentials(c.meta.id, username, QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$eA$eA"));
    tx.commit();
    return c;
}

} // namespace

// Staff at the office pair a laptop: the laptop's line pasted, its fingerprint shown, Pair only
// once an account is named and the numbers are confirmed; then the laptop is listed and revoked.
TEST(PairingDialog, PairsALaptopOnlyOnceTheNumbersAreConfirmedAndRevokesIt)
{
    Clock::setFixedNow(QDateTime(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC));
    test::TempDatabase office, laptop;
    test::makeFixture(office.db());
    const Cadre staff = person(office.db(), QStringLiteral("钱静"), Role::Staff, QStringLiteral("staff1"));
    person(office.db(), QStringLiteral("王建国"), Role::Cadre, QStringLiteral("cadre01"));
    const PeerIdentity laptopId = ExchangePairing::own(laptop.db());

    PairingDialog dialog(office.db(), staff);
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("ownFingerprintLabel"))->text(),
              ExchangePairing::own(office.db()).fingerprint());
    auto* pair = dialog.findChild<QPushButton*>(QStringLiteral("pairButton"));
    dialog.setPeerIdentity(QStringLiteral("yuegong-peer:not-a-line"));
    EXPECT_FALSE(dialog.messageText().isEmpty()) << "a damaged line is named as such";
    dialog.setPeerIdentity(laptopId.text());
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("peerFingerprintLabel"))->text(), laptopId.fingerprint());
    EXPECT_FALSE(pair->isEnabled()) << "no account named, numbers not confirmed";
    dialog.checkAccounts({QStringLiteral("cadre01")});
    EXPECT_FALSE(pair->isEnabled()) << "numbers not confirmed";
    dialog.confirmSameNumbers(true);
    EXPECT_TRUE(pair->isEnabled());

    // With YG_SCREENSHOT_DIR set, the user guide's pictures in both languages (before pairing).
    const QString out = qEnvironmentVariable("YG_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            installTranslations(language);
            PairingDialog shown(office.db(), staff);
            shown.setPeerIdentity(laptopId.text());
            shown.checkAccounts({QStringLiteral("cadre01")});
            shown.confirmSameNumbers(true);
            shown.resize(760, 640);
            shown.show();
            QCoreApplication::processEvents();
            shown.grab().save(QDir(out).filePath(QStringLiteral("exchange-pairing-%1.png")
                                                     .arg(language == QLatin1String("en") ? QStringLiteral("en")
                                                                                          : QStringLiteral("zh"))));
        }
        installTranslations(QStringLiteral("en"));
    }

    ASSERT_TRUE(dialog.pairNow()) << dialog.messageText().toStdString();
    EXPECT_EQ(dialog.pairedCount(), 1);
    EXPECT_TRUE(dialog.messageText().contains(laptopId.fingerprint()));
    const auto listed = ExchangePairing::list(office.db(), staff);
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0].databaseId, laptopId.databaseId);
    EXPECT_TRUE(listed[0].accounts.join(QString()).contains(QStringLiteral("cadre01")));

    EXPECT_TRUE(dialog.revokeRow(0));
    EXPECT_FALSE(ExchangePairing::list(office.db(), staff).at(0).active());
    Clock::setFixedNow({});
}

// A cadre sees this computer's identity (to give to staff) but cannot pair or revoke.
TEST(PairingDialog, ACadreSeesTheIdentityButCannotPair)
{
    test::TempDatabase db;
    const test::Fixture f = test::makeFixture(db.db());
    PairingDialog dialog(db.db(), f.cadre);
    EXPECT_FALSE(dialog.findChild<QLineEdit*>(QStringLiteral("ownIdentityLineEdit"))->text().isEmpty());
    EXPECT_FALSE(dialog.findChild<QWidget*>(QStringLiteral("peerGroupBox"))->isEnabled());
    dialog.setPeerIdentity(ExchangePairing::own(db.db()).text());
    dialog.confirmSameNumbers(true);
    EXPECT_FALSE(dialog.canPair());
    EXPECT_FALSE(dialog.pairNow());
    EXPECT_FALSE(dialog.messageText().isEmpty());
}
