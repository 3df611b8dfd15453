#include "EnterpriseRegistryView.h"
#include "EnterpriseTableModel.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "reporting/HeadlineFigures.h"
#include "util/Translations.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class MainWindowTest : public ::testing::Test
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
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        auto db = Database::open(s_dir->filePath(QStringLiteral("demo.yuegong")));
        const Cadre staff = test::cadreWithUsername(*db, QStringLiteral("staff1"));
        window = std::make_unique<MainWindow>(std::move(db), staff);
        window->resize(1200, 760);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    void TearDown() override
    {
        window.reset();
        installTranslations(QStringLiteral("en"));
    }

    /** The enterprise registry's list (the 企业 page). */
    EnterpriseTableModel* enterpriseModel()
    {
        auto* registry = window->findChild<EnterpriseRegistryView*>();
        return registry ? registry->model() : nullptr;
    }

    template<typename T> T* find(const char* name)
    {
        T* w = window->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    static QTemporaryDir* s_dir;
    std::unique_ptr<MainWindow> window;
};

QTemporaryDir* MainWindowTest::s_dir = nullptr;

} // namespace

TEST_F(MainWindowTest, ShowsTheHeadlineFiguresFromTheDatabase)
{
    const HeadlineFigures f = HeadlineFigures::compute(window->database());
    EXPECT_EQ(find<QLabel>("rateValueLabel")->text(), f.resolution.percentText());
    EXPECT_EQ(find<QLabel>("coverageValueLabel")->text(), QStringLiteral("100.00%"));
    EXPECT_EQ(find<QLabel>("visitsValueLabel")->text(), QLocale().toString(f.counts.visits));
    EXPECT_EQ(find<QLabel>("collectedValueLabel")->text(), QLocale().toString(f.counts.issuesCollected));
    EXPECT_TRUE(find<QLabel>("coverageNoteLabel")->text().contains(QStringLiteral("87 of 87")));
}

// QAbstractItemModelTester runs its checks (and fetchMore) from its modelReset handler
// before it marks the reset finished, so a lazily fetching model cannot be followed
// across a reset by one tester (qtbase 6.4). Each state gets a fresh tester instead,
// which still checks every insert made by fetchMore.
TEST_F(MainWindowTest, EnterpriseModelPassesTheModelTester)
{
    EnterpriseTableModel model(window->database());
    auto checkAllRows = [&] {
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        while (model.canFetchMore({}))
            model.fetchMore({});
        EXPECT_EQ(model.rowCount(), model.totalCount());
    };
    checkAllRows();
    model.sort(EnterpriseTableModel::Employees, Qt::DescendingOrder);
    checkAllRows();
    model.setFilter(test::textFilter(QStringLiteral("纺织")));
    checkAllRows();
    EXPECT_GT(model.rowCount(), 0);
    model.setFilter(test::textFilter(QStringLiteral("没有这样的企业")));
    checkAllRows();
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(MainWindowTest, ListLoadsLazilyInWindows)
{
    EnterpriseTableModel* model = enterpriseModel();
    EXPECT_GT(model->totalCount(), EnterpriseTableModel::kBatch);
    EXPECT_LE(model->rowCount(), 2 * EnterpriseTableModel::kBatch) << "only the first windows are fetched";
}

TEST_F(MainWindowTest, TypingInTheSearchBoxFiltersTheList)
{
    EnterpriseTableModel* model = enterpriseModel();
    const qint64 all = model->totalCount();
    const QString code = model->index(0, EnterpriseTableModel::CreditCode).data().toString();
    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(window->currentPageId(), QStringLiteral("search"));
    EXPECT_TRUE(find<QLineEdit>("searchLineEdit")->hasFocus()) << "Ctrl+F goes to the one search box";
    window->showPage(QStringLiteral("enterprises"));
    QLineEdit* search = find<QLineEdit>("registrySearchLineEdit");
    QTest::keyClicks(search, code.left(16));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), qint64(1), 2000);
    EXPECT_EQ(model->index(0, EnterpriseTableModel::CreditCode).data().toString(), code);
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), all, 2000);

    window->findChild<EnterpriseRegistryView*>()
        ->findChild<QCheckBox*>(QStringLiteral("keyCheckBox"))
        ->setChecked(true);
    EXPECT_EQ(model->totalCount(), 87);
    QComboBox* towns =
        window->findChild<EnterpriseRegistryView*>()->findChild<QComboBox*>(QStringLiteral("townComboBox"));
    EXPECT_GE(towns->count(), 17) << "every town of the district";
    towns->setCurrentIndex(towns->findText(QStringLiteral("稽山街道")));
    EXPECT_GT(model->totalCount(), 0);
    EXPECT_LT(model->totalCount(), 87);
    for (int r = 0; r < model->rowCount(); ++r)
        EXPECT_EQ(model->index(r, EnterpriseTableModel::Town).data().toString(), QStringLiteral("稽山街道"));
}

TEST_F(MainWindowTest, ClickingAHeaderSortsInSql)
{
    EnterpriseTableModel* model = enterpriseModel();
    QTableView* view = nullptr;
    for (QTableView* v : window->findChildren<QTableView*>(QStringLiteral("enterpriseTableView"))) {
        if (v->model() == model)
            view = v;
    }
    ASSERT_NE(view, nullptr);
    view->sortByColumn(EnterpriseTableModel::Employees, Qt::DescendingOrder);
    auto employees = [&](int row) {
        return QLocale().toInt(model->index(row, EnterpriseTableModel::Employees).data().toString());
    };
    ASSERT_GT(model->rowCount(), 10);
    for (int r = 1; r < model->rowCount(); ++r)
        ASSERT_GE(employees(r - 1), employees(r)) << "row " << r;
    EXPECT_GE(employees(0), 150) << "the largest enterprise comes first, not the largest fetched so far";
}

TEST_F(MainWindowTest, SwitchingToChineseTranslatesTheWindow)
{
    window->setLanguage(QStringLiteral("zh_CN"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(window->windowTitle().startsWith(QStringLiteral("越工周记")));
    EXPECT_EQ(find<QLabel>("rateCaptionLabel")->text(), QStringLiteral("化解率"));
    EXPECT_EQ(enterpriseModel()->headerData(EnterpriseTableModel::Town, Qt::Horizontal).toString(),
              QStringLiteral("镇街"));
    EXPECT_EQ(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    const QImage shot = window->grab().toImage();
    EXPECT_EQ(shot.width(), window->width());
    EXPECT_FALSE(shot.isNull());
    window->setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    EXPECT_EQ(find<QLabel>("rateCaptionLabel")->text(), QStringLiteral("Resolution rate"));
}
