#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/BackupService.h"
#include "storage/CadreRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/Sql.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

using namespace yg;

namespace {

QByteArray contentOf(const QString& path)
{
    auto db = Database::open(path, {false, true});
    return test::contentHash(db->connection());
}

class Backups : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir.filePath(QStringLiteral("district.sqlite"));
        DemoGenerator::generateFile(path, {4, 1});
        db = Database::open(path);
        admin = test::cadreWithUsername(*db, QStringLiteral("admin"));
        staff = test::cadreWithUsername(*db, QStringLiteral("staff1"));
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Database> db;
    Cadre admin, staff;
};

} // namespace

TEST_F(Backups, AnOnlineBackupIsAConsistentOwnerOnlyCopy)
{
    const QByteArray live = test::contentHash(db->connection());
    const QString folder = dir.filePath(QStringLiteral("backups"));
    EXPECT_THROW(BackupService(*db).backupNow(staff, folder), Error) << "administrators only";
    const QString file = BackupService(*db).backupNow(admin, folder); // the database stays open meanwhile
    ASSERT_TRUE(QFileInfo::exists(file));
    EXPECT_FALSE(QFileInfo::exists(file + QStringLiteral(".part")));
    EXPECT_FALSE(QFileInfo::exists(file + QStringLiteral("-wal"))) << "one self-contained file";
    EXPECT_FALSE(QFileInfo(file).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther));
    EXPECT_EQ(contentOf(file), live);
    EXPECT_TRUE(BackupService::verify(file).isEmpty())
        << BackupService::verify(file).join(QLatin1Char('\n')).toStdString();
    // The live database keeps working after the backup.
    Town extra{{}, QStringLiteral("x"), QStringLiteral("新镇街"), 99};
    WriteTransaction tx(db->connection());
    ReferenceRepository(*db).insert(extra);
    tx.commit();
    EXPECT_NE(test::contentHash(db->connection()), live);
}

TEST_F(Backups, OneAutomaticBackupADayKeepingTheNewest)
{
    const QString folder = dir.filePath(QStringLiteral("backups"));
    QDir().mkpath(folder);
    for (const char* old :
         {"yuegong-20240101-080000.sqlite", "yuegong-20240102-080000.sqlite", "yuegong-20240103-080000.sqlite"}) {
        QFile f(QDir(folder).filePath(QLatin1String(old)));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    BackupService service(*db);
    EXPECT_FALSE(service.dailyBackup(folder, 2).isEmpty());
    EXPECT_TRUE(service.dailyBackup(folder, 2).isEmpty()) << "already done today";
    const QStringList left = QDir(folder).entryList({QStringLiteral("yuegong-*.sqlite")}, QDir::Files, QDir::Name);
    ASSERT_EQ(left.size(), 2);
    EXPECT_EQ(left.first(), QStringLiteral("yuegong-20240103-080000.sqlite")) << "the newest two are kept";
}

TEST_F(Backups, ACorruptedBackupIsRefusedAndNothingIsReplaced)
{
    const QString file = BackupService(*db).backupNow(admin, dir.filePath(QStringLiteral("backups")));
    db.reset();
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write(QByteArray(4096 * 4, '\x5a')); // damage pages in the middle
    }
    const QByteArray backupBytes = test::fileHash(file);
    const QByteArray before = test::fileHash(path);
    EXPECT_FALSE(BackupService::verify(file).isEmpty());
    try {
        BackupService::restore(file, path);
        FAIL() << "a damaged backup was restored";
    } catch (const Error& e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("nothing was replaced"))) << e.message().toStdString();
    }
    EXPECT_EQ(test::fileHash(path), before) << "the database is untouched";
    EXPECT_EQ(test::fileHash(file), backupBytes) << "checking does not change the backup";
}

TEST_F(Backups, RestoreReplacesTheDatabaseAndKeepsTheReplacedOne)
{
    const QString file = BackupService(*db).backupNow(admin, dir.filePath(QStringLiteral("backups")));
    const QByteArray atBackup = contentOf(file);
    {
        WriteTransaction tx(db->connection());
        Town extra{{}, QStringLiteral("x"), QStringLiteral("新镇街"), 99};
        ReferenceRepository(*db).insert(extra);
        tx.commit();
    }
    const QByteArray afterChange = test::contentHash(db->connection());
    EXPECT_THROW(BackupService::restore(file, path), Error) << "refused while the database is open";
    db.reset();
    const QString replaced = BackupService::restore(file, path);
    EXPECT_EQ(contentOf(path), atBackup);
    ASSERT_FALSE(replaced.isEmpty());
    EXPECT_EQ(contentOf(replaced), afterChange) << "the replaced database is kept";
}
