#include "AppStartup.h"
#include "ImportWizard.h"
#include "TestSupport.h"
#include "services/AccountService.h"
#include "storage/CadreRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/AppPaths.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStringEncoder>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace yg;
using namespace yg::test;

namespace {

class ImportWizardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        f = makeFixture(t.db());
        WriteTransaction tx(t.db().connection());
        staff.name = QStringLiteral("周文");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 1, 1);
        CadreRepository(t.db()).insert(staff);
        tx.commit();
    }

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = QDir(t.dir()).filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(bytes);
        return path;
    }

    /** A visits file of n rows (Chinese headers) in GB18030, as Chinese Excel saves it. */
    QString visits(int n, const QString& cadre = QStringLiteral("王建国"))
    {
        QString text = QStringLiteral("走访编号,走访日期,干部,企业,走访情况,备注\r\n");
        for (int i = 0; i < n; ++i)
            text += QStringLiteral("W%1,2024/5/%2,%3,%4,第%1次走访,x\r\n")
                        .arg(i)
                        .arg(1 + i % 28)
                        .arg(cadre, f.enterprise.creditCode);
        QStringEncoder gb("GB18030");
        return write(QStringLiteral("visits.csv"), gb.encode(text));
    }

    TempDatabase t;
    Fixture f;
    Cadre staff;
};

} // namespace

TEST_F(ImportWizardTest, PreviewShowsEncodingMappingAndFirstRows)
{
    ImportWizard wizard(t.db(), staff);
    wizard.show();
    wizard.setFile(ImportKind::Visits, visits(30));
    EXPECT_TRUE(wizard.previewLabel()->text().contains(QStringLiteral("GB18030")))
        << wizard.previewLabel()->text().toStdString();
    EXPECT_TRUE(wizard.previewLabel()->text().contains(QStringLiteral("备注"))) << "the ignored column is named";
    QTableWidget* table = wizard.previewTable();
    EXPECT_EQ(table->rowCount(), 10);
    EXPECT_EQ(table->columnCount(), 6);
    EXPECT_EQ(table->horizontalHeaderItem(0)->text(), QStringLiteral("走访编号 → visit_ref"));
    EXPECT_TRUE(table->horizontalHeaderItem(5)->text().contains(QStringLiteral("备注")));
    EXPECT_EQ(table->item(0, 4)->text(), QStringLiteral("第0次走访"));
}

TEST_F(ImportWizardTest, ProblemsAreListedAndNothingIsWrittenThenTheImportRuns)
{
    ImportWizard wizard(t.db(), staff);
    wizard.show();
    wizard.setFile(ImportKind::Visits, visits(5, QStringLiteral("无名氏")));
    const QByteArray before = contentHash(t.db().connection());
    QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
    EXPECT_EQ(wizard.problemList()->count(), 5);
    EXPECT_TRUE(wizard.problemList()->item(0)->text().contains(QStringLiteral("visits.csv:2: column “cadre”")))
        << wizard.problemList()->item(0)->text().toStdString();
    EXPECT_EQ(contentHash(t.db().connection()), before);

    wizard.setFile(ImportKind::Visits, visits(5));
    bool reloaded = false;
    QObject::connect(&wizard, &ImportWizard::imported, [&] { reloaded = true; });
    // Once every row is written the bar moves without a value (indexes, search), then ends at 100 %.
    bool busySeen = false;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] { busySeen = busySeen || wizard.progressBar()->maximum() == 0; });
    watch.start(0);
    QTest::mouseClick(wizard.findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
    watch.stop();
    EXPECT_TRUE(reloaded);
    EXPECT_TRUE(busySeen) << "the bar was busy after the last row";
    EXPECT_EQ(wizard.progressBar()->maximum(), 100);
    EXPECT_EQ(wizard.progressBar()->value(), 100);
    EXPECT_TRUE(wizard.statusLabel()->text().contains(QStringLiteral("5 added")))
        << wizard.statusLabel()->text().toStdString();
    EXPECT_EQ(VisitRepository(t.db()).count(), 5);
}

TEST_F(ImportWizardTest, CancelDuringTheImportLeavesTheDatabaseExactlyAsBefore)
{
    ImportWizard wizard(t.db(), staff);
    wizard.show();
    wizard.setFile(ImportKind::Visits, visits(20000));
    const QByteArray before = contentHash(t.db().connection());
    QPushButton* cancel = wizard.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    EXPECT_FALSE(cancel->isEnabled());
    // Clicked once the import is running and writing (the progress callback keeps the window live).
    bool clicked = false;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (!clicked && cancel->isEnabled() && wizard.progressBar()->value() > 60) {
            clicked = true;
            QTest::mouseClick(cancel, Qt::LeftButton);
        }
    });
    poll.start(0);
    const ImportResult r = wizard.runImport();
    EXPECT_TRUE(clicked);
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(wizard.statusLabel()->text().contains(QStringLiteral("Cancelled")));
    EXPECT_EQ(contentHash(t.db().connection()), before);
    EXPECT_EQ(VisitRepository(t.db()).count(), 0);
}

TEST_F(ImportWizardTest, SavesTheTemplateFiles)
{
    ImportWizard wizard(t.db(), staff);
    const QStringList paths = wizard.saveTemplates(QDir(t.dir()).filePath(QStringLiteral("templates")));
    ASSERT_EQ(paths.size(), 4);
    for (const QString& p : paths)
        EXPECT_TRUE(QFile::exists(p)) << p.toStdString();
}

TEST(FirstStart, OffersANewEmptyDatabaseBesideTheDemo)
{
    // QStandardPaths is in test mode (TestMain): the default database lives in a test folder.
    const QString path = AppPaths::defaultDatabase();
    auto removeAll = [&] {
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
            QFile::remove(path + suffix);
    };
    removeAll();
    QString note;
    EXPECT_EQ(openStartupDatabase({}, &note, [] { return FirstStartChoice::Quit; }), nullptr);
    EXPECT_FALSE(QFile::exists(path));
    {
        auto db = openStartupDatabase({}, &note, [] { return FirstStartChoice::Empty; });
        ASSERT_NE(db, nullptr);
        EXPECT_TRUE(note.contains(QStringLiteral("empty"))) << note.toStdString();
        EXPECT_EQ(ReferenceRepository(*db).towns().size(), 17);
        EXPECT_EQ(CadreRepository(*db).count(), 0);
        EXPECT_TRUE(AccountService(*db).needsFirstAdmin()); // the existing first-administrator path follows
    }
    removeAll();
}
