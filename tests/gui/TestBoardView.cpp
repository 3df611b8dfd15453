#include "ActionDialog.h"
#include "BoardColumnModel.h"
#include "BoardView.h"
#include "IssueTableModel.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/BoardService.h"
#include "storage/CadreRepository.h"
#include "storage/IssueRepository.h"
#include "util/Clock.h"
#include "util/Translations.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace yg;
using C = BoardColumn;

namespace {

class BoardViewTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        DemoGenerator::generateFile(s_dir->filePath(QStringLiteral("demo.yuegong")), {5, 1});
    }
    static void TearDownTestSuite() { delete s_dir; }

    void SetUp() override
    {
        installTranslations(QStringLiteral("en"));
        path = dir.filePath(QStringLiteral("copy.yuegong"));
        ASSERT_TRUE(QFile::copy(s_dir->filePath(QStringLiteral("demo.yuegong")), path));
        db = Database::open(path);
        staff = test::cadreWithUsername(*db, QStringLiteral("staff1"));
    }

    /** The first card of a column on a staff board, and its owner. */
    std::pair<RowId, RowId> firstCard(C column)
    {
        BoardView all(*db, staff.meta.id);
        EXPECT_TRUE(all.waitForBoard());
        BoardColumnModel* model = all.columnModel(column);
        if (model->rowCount() == 0)
            return {0, 0};
        const RowId id = model->card(0).id;
        return {id, IssueRepository(*db).issue(id)->ownerId};
    }
    int eventCount(RowId issue) { return static_cast<int>(IssueRepository(*db).events(issue).size()); }

    /** Drops the card with this id from one column onto another, as a drag would end. */
    static void drop(BoardView& board, RowId id, C from, C to)
    {
        BoardColumnModel* source = board.columnModel(from);
        const int row = source->rowOf(id);
        ASSERT_GE(row, 0);
        std::unique_ptr<QMimeData> data(source->mimeData({source->index(row)}));
        ASSERT_TRUE(data);
        BoardColumnModel* target = board.columnModel(to);
        EXPECT_TRUE(target->canDropMimeData(data.get(), Qt::MoveAction, -1, -1, {}));
        EXPECT_FALSE(target->dropMimeData(data.get(), Qt::MoveAction, -1, -1, {}))
            << "a drop never moves the row itself";
        QCoreApplication::processEvents(); // the move is asked for once the drag has ended
        EXPECT_TRUE(board.waitForBoard());
    }

    static QTemporaryDir* s_dir;
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Database> db;
    Cadre staff;
};

QTemporaryDir* BoardViewTest::s_dir = nullptr;

} // namespace

TEST_F(BoardViewTest, ColumnModelsPassTheModelTesterAndHeadersCountTheirCards)
{
    BoardView board(*db, staff.meta.id);
    ASSERT_TRUE(board.waitForBoard());
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    for (C column : kAllBoardColumns) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            board.columnModel(column), QAbstractItemModelTester::FailureReportingMode::Fatal));
    }
    board.refresh();
    ASSERT_TRUE(board.waitForBoard());
    int open = 0;
    for (C column : kAllBoardColumns) {
        const int n = board.columnModel(column)->rowCount();
        EXPECT_TRUE(board.columnTitle(column).endsWith(QStringLiteral("(%1)").arg(n)))
            << board.columnTitle(column).toStdString();
        if (column != C::ClosedThisMonth)
            open += n;
    }
    IssueFilter openOnly;
    openOnly.openOnly = true;
    EXPECT_EQ(open, IssueRepository(*db).count(openOnly)) << "staff see every open issue";
    EXPECT_GT(open, 0);
}

TEST_F(BoardViewTest, FilterItemsShowTheirCountsAndNarrowTheColumns)
{
    BoardView board(*db, staff.meta.id);
    ASSERT_TRUE(board.waitForBoard());
    auto* towns = board.findChild<QComboBox*>(QStringLiteral("townComboBox"));
    ASSERT_TRUE(towns);
    ASSERT_GE(towns->count(), 2);
    int total = 0;
    for (C column : kAllBoardColumns)
        total += board.columnModel(column)->rowCount();
    EXPECT_TRUE(towns->itemText(0).endsWith(QStringLiteral("(%1)").arg(total))) << towns->itemText(0).toStdString();
    const QString item = towns->itemText(1);
    const int count = item.section(QLatin1Char('('), -1).chopped(1).toInt();
    const QString town = item.section(QStringLiteral(" ("), 0, 0);
    towns->setCurrentIndex(1);
    ASSERT_TRUE(board.waitForBoard());
    int shown = 0;
    for (C column : kAllBoardColumns) {
        BoardColumnModel* model = board.columnModel(column);
        for (int row = 0; row < model->rowCount(); ++row)
            EXPECT_EQ(model->card(row).town, town);
        shown += model->rowCount();
    }
    EXPECT_EQ(shown, count) << "the item's count is what choosing it shows";
    EXPECT_EQ(board.filter().townId, towns->currentData().toLongLong());
    EXPECT_EQ(towns->currentIndex(), 1) << "the choice stays after the counts are refilled";
}

TEST_F(BoardViewTest, ASavedSetAppliesItsFiltersAndAChangeByHandLeavesIt)
{
    BoardFilter mine;
    {
        BoardView probe(*db, staff.meta.id);
        ASSERT_TRUE(probe.waitForBoard());
        auto* towns = probe.findChild<QComboBox*>(QStringLiteral("townComboBox"));
        ASSERT_GE(towns->count(), 2);
        mine.townId = towns->itemData(1).toLongLong();
    }
    BoardService(*db).saveFilterSet(staff.meta.id, QStringLiteral("我的镇街"), mine);
    BoardView board(*db, staff.meta.id);
    ASSERT_TRUE(board.waitForBoard());
    auto* saved = board.findChild<QComboBox*>(QStringLiteral("savedFiltersComboBox"));
    auto* rename = board.findChild<QPushButton*>(QStringLiteral("renameFilterButton"));
    ASSERT_TRUE(saved && rename);
    const int row = saved->findData(QStringLiteral("我的镇街"));
    ASSERT_GT(row, 0);
    saved->setCurrentIndex(row);
    emit saved->activated(row);
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(board.filter().townId, mine.townId);
    EXPECT_TRUE(rename->isEnabled());
    auto* categories = board.findChild<QComboBox*>(QStringLiteral("categoryComboBox"));
    ASSERT_GE(categories->count(), 2);
    categories->setCurrentIndex(1);
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(saved->currentIndex(), 0) << "the filters shown are no longer the saved set";
    EXPECT_FALSE(rename->isEnabled());
    EXPECT_EQ(board.filter().townId, mine.townId) << "the other filters stay";
}

TEST_F(BoardViewTest, DroppingACardAsksForTheActionAndWritesItsEvent)
{
    const auto [id, owner] = firstCard(C::Intake);
    ASSERT_NE(id, 0) << "the demo district has an issue in intake";
    BoardView board(*db, owner);
    ASSERT_TRUE(board.waitForBoard());
    const int before = eventCount(id);
    int forms = 0;
    board.setFormHook([&](ActionDialog& form) {
        ++forms;
        EXPECT_TRUE(form.problem().isEmpty()) << form.problem().toStdString();
        EXPECT_EQ(form.input().action, LifecycleAction::Submit);
        return true;
    });
    drop(board, id, C::Intake, C::Consultation);
    EXPECT_EQ(forms, 1);
    EXPECT_EQ(eventCount(id), before + 1);
    EXPECT_EQ(IssueRepository(*db).issue(id)->stage, Stage::Consultation);
    EXPECT_GE(board.columnModel(C::Consultation)->rowOf(id), 0);
    EXPECT_LT(board.columnModel(C::Intake)->rowOf(id), 0);
    EXPECT_TRUE(board.message().isEmpty());
}

TEST_F(BoardViewTest, ARefusedDragSnapsBackAndSaysWhy)
{
    const auto [id, owner] = firstCard(C::Intake);
    ASSERT_NE(id, 0);
    BoardView board(*db, owner);
    ASSERT_TRUE(board.waitForBoard());
    board.setFormHook([](ActionDialog&) {
        ADD_FAILURE() << "no form for a move that means nothing";
        return false;
    });
    const QByteArray before = test::contentHash(db->connection());
    drop(board, id, C::Intake, C::FollowUp);
    EXPECT_FALSE(board.message().isEmpty());
    EXPECT_TRUE(board.message().contains(displayName(C::FollowUp))) << board.message().toStdString();
    EXPECT_GE(board.columnModel(C::Intake)->rowOf(id), 0) << "the card is still in intake";
    EXPECT_EQ(test::contentHash(db->connection()), before);

    // The rules refuse: a cadre may not reopen a closed issue (staff's board, the cadre acts).
    BoardFilter any;
    BoardView staffBoard(*db, staff.meta.id);
    ASSERT_TRUE(staffBoard.waitForBoard());
    for (int back = 0; back < 36 && staffBoard.columnModel(C::ClosedThisMonth)->rowCount() == 0; ++back) {
        any.month = Clock::today().addMonths(-back);
        staffBoard.setFilter(any);
        ASSERT_TRUE(staffBoard.waitForBoard());
    }
    ASSERT_GT(staffBoard.columnModel(C::ClosedThisMonth)->rowCount(), 0);
    const RowId closed = staffBoard.columnModel(C::ClosedThisMonth)->card(0).id;
    BoardView ownerBoard(*db, IssueRepository(*db).issue(closed)->ownerId);
    ASSERT_TRUE(ownerBoard.waitForBoard());
    ownerBoard.setFilter(any);
    ASSERT_TRUE(ownerBoard.waitForBoard());
    ownerBoard.setFormHook([](ActionDialog&) {
        ADD_FAILURE() << "no form for a refused move";
        return false;
    });
    EXPECT_FALSE(ownerBoard.requestMove(closed, C::Consultation));
    ASSERT_TRUE(ownerBoard.waitForBoard());
    EXPECT_FALSE(ownerBoard.message().isEmpty());
    EXPECT_GE(ownerBoard.columnModel(C::ClosedThisMonth)->rowOf(closed), 0);
    EXPECT_EQ(test::contentHash(db->connection()), before);
}

TEST_F(BoardViewTest, CtrlArrowsMoveTheSelectedCardThroughTheSamePath)
{
    const auto [id, owner] = firstCard(C::Intake);
    ASSERT_NE(id, 0);
    BoardView board(*db, owner);
    ASSERT_TRUE(board.waitForBoard());
    int forms = 0;
    board.setFormHook([&](ActionDialog&) {
        ++forms;
        return true;
    });
    QListView* intake = board.columnView(C::Intake);
    intake->setCurrentIndex(board.columnModel(C::Intake)->index(board.columnModel(C::Intake)->rowOf(id)));
    QTest::keyClick(intake, Qt::Key_Right, Qt::ControlModifier);
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(forms, 1);
    EXPECT_EQ(IssueRepository(*db).issue(id)->stage, Stage::Consultation);
    QListView* consultation = board.columnView(C::Consultation);
    ASSERT_TRUE(consultation->currentIndex().isValid()) << "the moved card stays selected";
    EXPECT_EQ(consultation->currentIndex().data(BoardColumnModel::IdRole).toLongLong(), id);
    // Back to intake means nothing: refused with the reason, no form.
    QTest::keyClick(consultation, Qt::Key_Left, Qt::ControlModifier);
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(forms, 1);
    EXPECT_FALSE(board.message().isEmpty());
    EXPECT_EQ(IssueRepository(*db).issue(id)->stage, Stage::Consultation);
}

TEST_F(BoardViewTest, SeveralActionsToClosedAreChosenThenAsked)
{
    const auto [id, owner] = firstCard(C::Consultation);
    ASSERT_NE(id, 0);
    BoardView board(*db, owner);
    ASSERT_TRUE(board.waitForBoard());
    QList<LifecycleAction> offered;
    board.setActionChooser([&](const QList<LifecycleAction>& actions) {
        offered = actions;
        return std::optional(LifecycleAction::Withdraw);
    });
    board.setFormHook([](ActionDialog& form) {
        form.setNote(QStringLiteral("企业已自行解决，撤回"));
        EXPECT_TRUE(form.problem().isEmpty()) << form.problem().toStdString();
        return true;
    });
    EXPECT_TRUE(board.requestMove(id, C::ClosedThisMonth));
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(offered, (QList<LifecycleAction>{LifecycleAction::Close, LifecycleAction::Withdraw}));
    const auto issue = IssueRepository(*db).issue(id);
    EXPECT_EQ(issue->stage, Stage::Closed);
    EXPECT_EQ(issue->outcome, Outcome::Withdrawn);
    EXPECT_GE(board.columnModel(C::ClosedThisMonth)->rowOf(id), 0) << "closed today: in this month's column";
}

TEST_F(BoardViewTest, TheAlertBannerSlotIsAtTheTop)
{
    BoardView board(*db, staff.meta.id);
    ASSERT_TRUE(board.waitForBoard());
    auto* banner = new QLabel(QStringLiteral("banner"));
    board.setAlertBanner(banner);
    EXPECT_EQ(board.alertBanner(), banner);
    EXPECT_EQ(banner->parentWidget(), &board);
    board.setAlertBanner(nullptr);
    EXPECT_EQ(board.alertBanner(), nullptr);
}

TEST_F(BoardViewTest, EveryRoleHasTheBoardPageAndAMoveThereReloadsTheIssueList)
{
    const auto [id, owner] = firstCard(C::Intake);
    ASSERT_NE(id, 0);
    const auto ownerCadre = CadreRepository(*db).cadre(owner);
    ASSERT_TRUE(ownerCadre);
    MainWindow window(std::move(db), *ownerCadre);
    ASSERT_TRUE(window.showPage(QStringLiteral("board")));
    EXPECT_EQ(window.currentPageId(), QStringLiteral("board"));
    auto* board = window.findChild<BoardView*>();
    ASSERT_TRUE(board);
    ASSERT_TRUE(board->waitForBoard());
    board->setFormHook([](ActionDialog&) { return true; });
    ASSERT_TRUE(board->requestMove(id, C::Consultation));
    ASSERT_TRUE(board->waitForBoard());
    IssueTableModel* issues = window.issueModel();
    bool found = false;
    for (int row = 0; row < issues->rowCount(); ++row) {
        if (issues->index(row, 0).data(IssueTableModel::IdRole).toLongLong() == id) {
            found = true;
            EXPECT_EQ(issues->index(row, IssueTableModel::StageColumn).data().toString(),
                      displayName(Stage::Consultation))
                << "the issue list was reloaded after the move";
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(BoardViewTest, CtrlLeftOnAClosedCardReopensItPastTheFollowUpColumn)
{
    BoardView board(*db, staff.meta.id);
    ASSERT_TRUE(board.waitForBoard());
    BoardFilter month;
    for (int back = 0; back < 36 && board.columnModel(C::ClosedThisMonth)->rowCount() == 0; ++back) {
        month.month = Clock::today().addMonths(-back);
        board.setFilter(month);
        ASSERT_TRUE(board.waitForBoard());
    }
    ASSERT_GT(board.columnModel(C::ClosedThisMonth)->rowCount(), 0);
    const RowId id = board.columnModel(C::ClosedThisMonth)->card(0).id;
    QList<LifecycleAction> asked;
    board.setFormHook([&](ActionDialog& form) {
        asked << form.input().action;
        form.setNote(QStringLiteral("企业反映问题再次出现"));
        return form.problem().isEmpty();
    });
    QListView* closed = board.columnView(C::ClosedThisMonth);
    closed->setCurrentIndex(board.columnModel(C::ClosedThisMonth)->index(0));
    QTest::keyClick(closed, Qt::Key_Left, Qt::ControlModifier);
    ASSERT_TRUE(board.waitForBoard());
    EXPECT_EQ(asked, QList<LifecycleAction>{LifecycleAction::Reopen}) << board.message().toStdString();
    EXPECT_EQ(IssueRepository(*db).issue(id)->stage, Stage::Consultation);
    EXPECT_GE(board.columnModel(C::Consultation)->rowOf(id), 0);
}
