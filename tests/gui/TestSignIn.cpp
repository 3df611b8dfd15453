#include "AuditDialog.h"
#include "IssueTableModel.h"
#include "IssueWindow.h"
#include "MainWindow.h"
#include "SignInDialog.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/AccountService.h"
#include "services/BackupService.h"
#include "services/IssueService.h"
#include "storage/AuditLog.h"
#include "storage/IssueRepository.h"
#include "util/Translations.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class SignInTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        DemoGenerator::generateFile(s_dir->filePath(QStringLiteral("demo.yuegong")), {9, 1});
    }
    static void TearDownTestSuite() { delete s_dir; }
    void SetUp() override
    {
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        const QString path = dir.filePath(QStringLiteral("copy.yuegong"));
        ASSERT_TRUE(QFile::copy(s_dir->filePath(QStringLiteral("demo.yuegong")), path));
        db = Database::open(path);
    }

    static QTemporaryDir* s_dir;
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
};

QTemporaryDir* SignInTest::s_dir = nullptr;

} // namespace

TEST_F(SignInTest, WrongPasswordIsRefusedRightOneSignsInAndTheNameIsRemembered)
{
    SignInDialog dialog(*db, SignInDialog::Mode::SignIn);
    dialog.setUsername(QStringLiteral("cadre01"));
    dialog.setPassword(QStringLiteral("not-the-password"));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("user name or the password is wrong")));
    dialog.setPassword(QLatin1String(DemoGenerator::kDemoPassword));
    EXPECT_TRUE(dialog.submit());
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.user().role, Role::Cadre);
    EXPECT_EQ(db->actor(), dialog.user().meta.id);
    EXPECT_EQ(QSettings().value(QStringLiteral("session/lastUser")).toString(), QStringLiteral("cadre01"));
    const QString stored = QSettings().allKeys().join(QLatin1Char(' '));
    EXPECT_FALSE(stored.contains(QStringLiteral("password"), Qt::CaseInsensitive)) << "never the password";
    SignInDialog again(*db, SignInDialog::Mode::SignIn);
    EXPECT_EQ(again.findChild<QLineEdit*>(QStringLiteral("usernameLineEdit"))->text(), QStringLiteral("cadre01"));
}

TEST_F(SignInTest, AnEmptyDatabaseAsksForTheFirstAdministrator)
{
    test::TempDatabase empty;
    ASSERT_TRUE(AccountService(empty.db()).needsFirstAdmin());
    SignInDialog dialog(empty.db(), SignInDialog::Mode::FirstAdmin);
    dialog.setNewAccount(QStringLiteral("孙磊"), QStringLiteral("admin"), QStringLiteral("first-admin-pw"),
                         QStringLiteral("first-admin-pw-typo"));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("differ")));
    dialog.setNewAccount(QStringLiteral("孙磊"), QStringLiteral("admin"), QStringLiteral("short"),
                         QStringLiteral("short"));
    EXPECT_FALSE(dialog.submit());
    EXPECT_TRUE(dialog.message().contains(QStringLiteral("at least 8")));
    dialog.setNewAccount(QStringLiteral("孙磊"), QStringLiteral("admin"), QStringLiteral("first-admin-pw"),
                         QStringLiteral("first-admin-pw"));
    EXPECT_TRUE(dialog.submit());
    EXPECT_EQ(dialog.user().role, Role::Admin);
    EXPECT_FALSE(AccountService(empty.db()).needsFirstAdmin());
    EXPECT_EQ(AccountService(empty.db()).signIn(QStringLiteral("admin"), QStringLiteral("first-admin-pw")).name,
              QStringLiteral("孙磊"));
}

TEST_F(SignInTest, LockHidesEverythingUntilThePasswordIsGiven)
{
    const Cadre cadre =
        AccountService(*db).signIn(QStringLiteral("cadre01"), QLatin1String(DemoGenerator::kDemoPassword));
    auto* raw = db.get();
    MainWindow window(std::move(db), cadre);
    window.show();
    IssueWindow* issue = nullptr;
    IssueFilter mine;
    mine.visibleTo = cadre.meta.id;
    const auto rows = IssueRepository(*raw).list(mine, 0, 1);
    ASSERT_FALSE(rows.isEmpty());
    issue = window.openIssue(rows.first().id);
    ASSERT_TRUE(issue->isVisible());
    window.lockNow();
    EXPECT_TRUE(window.isLocked());
    EXPECT_FALSE(window.centralWidget()->isVisible()) << "the figures and lists are hidden";
    EXPECT_FALSE(issue->isVisible()) << "so are open issue windows";
    EXPECT_TRUE(window.findChild<QWidget*>(QStringLiteral("lockPanel"))->isVisible());
    EXPECT_FALSE(window.unlock(QStringLiteral("wrong-password")));
    EXPECT_TRUE(window.isLocked());
    EXPECT_TRUE(window.unlock(QLatin1String(DemoGenerator::kDemoPassword)));
    EXPECT_TRUE(window.centralWidget()->isVisible());
    EXPECT_TRUE(issue->isVisible());
}

TEST_F(SignInTest, AuditTrailForSupervisorsAndAdminsOnlyAndExportIsOwnerOnly)
{
    const Cadre cadre =
        AccountService(*db).signIn(QStringLiteral("cadre01"), QLatin1String(DemoGenerator::kDemoPassword));
    const Cadre supervisor =
        AccountService(*db).signIn(QStringLiteral("supervisor1"), QLatin1String(DemoGenerator::kDemoPassword));
    const Cadre admin = test::cadreWithUsername(*db, QStringLiteral("admin"));
    AccountService(*db).setDisabled(admin, cadre.meta.id, true); // two audited account changes of cadre01
    AccountService(*db).setDisabled(admin, cadre.meta.id, false);
    {
        auto second = Database::open(dir.filePath(QStringLiteral("copy.yuegong")), {false, true});
        MainWindow cadreWindow(std::move(second), cadre);
        QAction* audit = cadreWindow.findChild<QAction*>(QStringLiteral("auditAction"));
        EXPECT_FALSE(audit->isEnabled());
        EXPECT_TRUE(audit->toolTip().contains(QStringLiteral("may not"))) << "says why";
    }
    MainWindow window(std::move(db), supervisor);
    AuditDialog* dialog = window.openAudit();
    ASSERT_NE(dialog, nullptr);
    EXPECT_GT(dialog->model()->totalCount(), 0) << "the sign-ins above wrote account entries at least";
    EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("chainLabel"))->text().contains(QStringLiteral("intact")));
    // Narrowed to one record: the cadre01 account, disabled and enabled again above.
    const qint64 all = dialog->model()->totalCount();
    dialog->setFilterControls(QStringLiteral("cadres"), cadre.meta.id, std::nullopt);
    EXPECT_EQ(dialog->model()->totalCount(), 2);
    EXPECT_LT(dialog->model()->totalCount(), all);
    for (int r = 0; r < dialog->model()->rowCount(); ++r)
        EXPECT_TRUE(dialog->model()
                        ->index(r, AuditTableModel::Record)
                        .data()
                        .toString()
                        .endsWith(QStringLiteral("#%1").arg(cadre.meta.id)));
    dialog->setFilterControls(QString(), std::nullopt, std::nullopt);
    EXPECT_EQ(dialog->model()->totalCount(), all);
    const QString csv = dir.filePath(QStringLiteral("audit.csv"));
    EXPECT_EQ(dialog->exportTo(csv), dialog->model()->totalCount());
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().startsWith("\xEF\xBB\xBFid,time,user,table,record,action,changes,hash"));
    EXPECT_FALSE(QFileInfo(csv).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther));
}

TEST_F(SignInTest, ACadreSeesOnlyTheirGroupsIssuesInTheWindow)
{
    const Cadre cadre =
        AccountService(*db).signIn(QStringLiteral("cadre01"), QLatin1String(DemoGenerator::kDemoPassword));
    IssueRepository issues(*db);
    IssueFilter mine;
    mine.visibleTo = cadre.meta.id;
    const qint64 visible = issues.count(mine);
    const qint64 all = issues.count({});
    ASSERT_LT(visible, all);
    // An issue of another group.
    RowId foreign = 0;
    IssueService service(*db);
    for (const IssueListRow& r : issues.list({}, 0, 200)) {
        if (!service.canSee(cadre, *issues.issue(r.id))) {
            foreign = r.id;
            break;
        }
    }
    ASSERT_GT(foreign, 0);
    auto* raw = db.get();
    MainWindow window(std::move(db), cadre);
    EXPECT_EQ(window.issueModel()->totalCount(), visible);
    window.findChild<QCheckBox*>(QStringLiteral("overdueOnlyCheckBox"))->setChecked(true);
    EXPECT_LE(window.issueModel()->totalCount(), visible) << "a filter never widens the scope";
    IssueWindow* w = window.openIssue(foreign);
    EXPECT_TRUE(w->actionButtons().isEmpty());
    EXPECT_TRUE(w->errorText().contains(QStringLiteral("another group"))) << w->errorText().toStdString();
    EXPECT_FALSE(
        w->findChild<QLabel*>(QStringLiteral("titleLabel"))
            ->text()
            .contains(issues.issue(foreign)->title.isEmpty() ? QStringLiteral("\x01") : issues.issue(foreign)->number));
    Q_UNUSED(raw);
}

TEST_F(SignInTest, AdministratorsBackUpWhileTheAppIsOpen)
{
    const Cadre admin =
        AccountService(*db).signIn(QStringLiteral("admin"), QLatin1String(DemoGenerator::kDemoPassword));
    const Cadre staff = test::cadreWithUsername(*db, QStringLiteral("staff1"));
    {
        MainWindow staffWindow(Database::open(dir.filePath(QStringLiteral("copy.yuegong")), {false, true}), staff);
        EXPECT_FALSE(staffWindow.findChild<QAction*>(QStringLiteral("backupAction"))->isEnabled());
    }
    MainWindow window(std::move(db), admin);
    QAction* backup = window.findChild<QAction*>(QStringLiteral("backupAction"));
    ASSERT_TRUE(backup->isEnabled());
    const QString file = window.backupNow();
    ASSERT_FALSE(file.isEmpty());
    EXPECT_TRUE(QFileInfo(file).absolutePath().endsWith(QStringLiteral("/backups")));
    EXPECT_TRUE(BackupService::verify(file).isEmpty());
}
