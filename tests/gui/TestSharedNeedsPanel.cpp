#include "BoardView.h"
#include "BriefingDialog.h"
#include "MainWindow.h"
#include "SharedNeedsPanel.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "storage/CadreRepository.h"
#include "storage/IssueRepository.h"
#include "util/Translations.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace yg;

namespace {

/** The demo district (its one real shared need: small enterprises of one town and the fund refund policy). */
class SharedNeedsPanelTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        DemoGenerator::generateFile(s_dir->filePath(QStringLiteral("demo.yuegong")), {11, 1});
    }
    static void TearDownTestSuite() { delete s_dir; }

    void SetUp() override
    {
        installTranslations(QStringLiteral("en"));
        // Every test writes: each gets its own copy of the demo file.
        const QString path = m_dir.filePath(QStringLiteral("demo.yuegong"));
        ASSERT_TRUE(QFile::copy(s_dir->filePath(QStringLiteral("demo.yuegong")), path));
        db = Database::open(path);
    }

    std::unique_ptr<SharedNeedsPanel> panelAs(RowId actor)
    {
        auto p = std::make_unique<SharedNeedsPanel>(*db, actor);
        p->resize(1200, 760);
        p->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(p.get()));
        EXPECT_TRUE(p->waitForAlerts());
        return p;
    }

    /** The row of the town alert of the demo's shared need. */
    static int townAlertRow(const SharedNeedsPanel& p)
    {
        for (int row = 0; row < p.alerts().size(); ++row) {
            const auto& a = p.alerts()[row];
            if (a.townId && a.wording.contains(QStringLiteral("工会经费返还")))
                return row;
        }
        return -1;
    }

    static QTemporaryDir* s_dir;
    QTemporaryDir m_dir;
    std::unique_ptr<Database> db;
};

QTemporaryDir* SharedNeedsPanelTest::s_dir = nullptr;

TEST_F(SharedNeedsPanelTest, ListsTheDemoAlertWithItsEnterprisesAndIssues)
{
    auto panel = panelAs(test::cadreWithUsername(*db, QStringLiteral("staff1")).meta.id);
    const int row = townAlertRow(*panel);
    ASSERT_GE(row, 0);
    const SharedNeedAlert alert = panel->alerts()[row];
    EXPECT_EQ(alert.issueCount(), 6);
    EXPECT_EQ(alert.enterpriseCount(), 6);
    panel->selectAlert(row);
    EXPECT_EQ(panel->alertsTable()->item(row, 2)->text(), alert.townName);
    EXPECT_EQ(panel->alertsTable()->item(row, 3)->data(Qt::DisplayRole).toInt(), 6);
    EXPECT_EQ(panel->enterprisesTable()->rowCount(), 6);
    EXPECT_EQ(panel->issuesTable()->rowCount(), 6); // staff see every issue
    EXPECT_EQ(panel->issuesTable()->item(0, 1)->text(), QStringLiteral("不了解工会经费返还政策"));
    // Staff do not record visits: no briefing from them; they may dismiss.
    EXPECT_FALSE(panel->planButton()->isEnabled());
    EXPECT_TRUE(panel->dismissButton()->isEnabled());

    QSignalSpy opened(panel.get(), &SharedNeedsPanel::openIssueRequested);
    emit panel->issuesTable()->itemDoubleClicked(panel->issuesTable()->item(0, 1));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened[0][0].toLongLong(), panel->issuesTable()->item(0, 0)->data(Qt::UserRole).toLongLong());
}

TEST_F(SharedNeedsPanelTest, DismissWithAReason)
{
    auto panel = panelAs(test::cadreWithUsername(*db, QStringLiteral("staff1")).meta.id);
    const int row = townAlertRow(*panel);
    ASSERT_GE(row, 0);
    const QString key = panel->alerts()[row].key;
    const auto before = panel->alerts().size();
    panel->selectAlert(row);
    EXPECT_FALSE(panel->dismissSelected(QStringLiteral("   ")));
    EXPECT_FALSE(panel->findChild<QLabel*>(QStringLiteral("sharedNeedsErrorLabel"))->isHidden());
    EXPECT_EQ(panel->alerts().size(), before);

    EXPECT_TRUE(panel->dismissSelected(QStringLiteral("鉴于上月已开专场解读会")));
    ASSERT_TRUE(panel->waitForAlerts()) << "detection runs again on the worker thread";
    EXPECT_EQ(panel->alerts().size(), before - 1);
    for (const auto& a : panel->alerts())
        EXPECT_NE(a.key, key);
    // Another person's panel: gone for them too.
    auto other = panelAs(test::cadreWithUsername(*db, QStringLiteral("staff2")).meta.id);
    EXPECT_EQ(other->alerts().size(), before - 1);
}

TEST_F(SharedNeedsPanelTest, PlanABriefingAndApplyItsOutcome)
{
    // The supervisor of the cadre who recorded the shared need.
    RowId supervisor = 0;
    {
        auto staff = panelAs(test::cadreWithUsername(*db, QStringLiteral("staff1")).meta.id);
        const int row = townAlertRow(*staff);
        ASSERT_GE(row, 0);
        const auto issue = IssueRepository(*db).issue(staff->alerts()[row].issueIds.first());
        const auto owner = CadreRepository(*db).cadre(issue->ownerId);
        supervisor = *CadreRepository(*db).group(*owner->groupId)->supervisorId;
    }
    auto panel = panelAs(supervisor);
    const int row = townAlertRow(*panel);
    ASSERT_GE(row, 0);
    const SharedNeedAlert alert = panel->alerts()[row];
    panel->selectAlert(row);
    ASSERT_TRUE(panel->planButton()->isEnabled());
    BriefingDialog* dialog = panel->planBriefing();
    ASSERT_NE(dialog, nullptr);
    dialog->show();
    ASSERT_TRUE(dialog->plan()) << dialog->errorLabel()->text().toStdString();
    ASSERT_GT(dialog->visitId(), 0);
    EXPECT_EQ(SharedNeedService(*db).linkedEnterprises(dialog->visitId()), alert.enterpriseIds);
    ASSERT_TRUE(panel->waitForAlerts());
    // The panel refreshed: the answered issues left the alert, the briefing is listed.
    EXPECT_EQ(townAlertRow(*panel), -1);
    ASSERT_EQ(panel->briefingsTable()->rowCount(), 1);
    EXPECT_EQ(panel->briefingsTable()->item(0, 3)->data(Qt::DisplayRole).toInt(), 6);

    ASSERT_EQ(dialog->outcomeTable()->rowCount(), 6);
    dialog->noteEdit()->setPlainText(QStringLiteral("专场讲解小微企业工会经费返还政策和申请流程"));
    ASSERT_TRUE(dialog->applyOutcome()) << dialog->errorLabel()->text().toStdString();
    for (RowId id : alert.issueIds)
        EXPECT_EQ(IssueRepository(*db).issue(id)->stage, Stage::Closed);
    ASSERT_TRUE(panel->waitForAlerts());
    EXPECT_EQ(panel->briefingsTable()->item(0, 4)->data(Qt::DisplayRole).toInt(), 0);
    dialog->close();
}

TEST_F(SharedNeedsPanelTest, BannerCountsAndAsksToShow)
{
    // The banner hides itself when there is nothing to say; its parent (the board) shows it otherwise.
    SharedNeedBanner banner(*db, test::cadreWithUsername(*db, QStringLiteral("staff1")).meta.id);
    auto panel = panelAs(test::cadreWithUsername(*db, QStringLiteral("staff1")).meta.id);
    EXPECT_EQ(banner.count(), panel->alerts().size());
    EXPECT_GT(banner.count(), 0);
    EXPECT_FALSE(banner.isHidden());
    EXPECT_TRUE(banner.text().contains(QString::number(banner.count())));
    QSignalSpy show(&banner, &SharedNeedBanner::showRequested);
    emit banner.linkActivated(QStringLiteral("show"));
    EXPECT_EQ(show.size(), 1);

    SharedNeedBanner cadreBanner(*db, test::cadreWithUsername(*db, QStringLiteral("cadre01")).meta.id);
    EXPECT_EQ(cadreBanner.count(), 0);
    EXPECT_TRUE(cadreBanner.isHidden());
}

} // namespace

namespace {

// The board carries the banner for those who see alerts; "View" opens the 共性需求 page.
TEST_F(SharedNeedsPanelTest, TheBoardShowsTheBannerAndViewOpensTheAlerts)
{
    const QString path = db->path();
    db.reset();
    const Cadre staff = test::cadreWithUsername(*Database::open(path), QStringLiteral("staff1"));
    MainWindow window(Database::open(path), staff);
    auto* board = window.findChild<BoardView*>();
    auto* panel = window.findChild<SharedNeedsPanel*>();
    ASSERT_NE(board, nullptr);
    ASSERT_NE(panel, nullptr);
    auto* banner = qobject_cast<SharedNeedBanner*>(board->alertBanner());
    ASSERT_NE(banner, nullptr);
    ASSERT_TRUE(panel->waitForAlerts()) << "detection runs on a worker thread; the window opened without waiting";
    EXPECT_GT(banner->count(), 0);
    EXPECT_EQ(banner->count(), panel->alerts().size()) << "the panel's count, not a second detection";
    EXPECT_TRUE(banner->text().contains(QString::number(banner->count())));
    ASSERT_TRUE(window.showPage(QStringLiteral("board")));
    emit banner->linkActivated(QStringLiteral("show"));
    EXPECT_EQ(window.currentPageId(), QStringLiteral("sharedNeeds"));
}

TEST_F(SharedNeedsPanelTest, ACadresBoardHasNoBanner)
{
    const QString path = db->path();
    db.reset();
    const Cadre cadre = test::cadreWithUsername(*Database::open(path), QStringLiteral("cadre01"));
    MainWindow window(Database::open(path), cadre);
    auto* board = window.findChild<BoardView*>();
    ASSERT_NE(board, nullptr);
    EXPECT_EQ(board->alertBanner(), nullptr);
    EXPECT_EQ(window.findChild<SharedNeedsPanel*>(), nullptr);
}

} // namespace
