#include "MainWindow.h"
#include "NominationsDialog.h"
#include "ReportsView.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "render/ReportCharts.h"
#include "render/ReportPdf.h"
#include "util/Translations.h"

#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPdfWriter>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class ReportsViewTest : public ::testing::Test
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
        db = Database::open(s_dir->filePath(QStringLiteral("demo.yuegong")));
    }
    void TearDown() override { installTranslations(QStringLiteral("en")); }

    std::unique_ptr<ReportsView> viewAs(const char* username)
    {
        auto v =
            std::make_unique<ReportsView>(*db, test::cadreWithUsername(*db, QString::fromLatin1(username)).meta.id);
        v->resize(1200, 760);
        v->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(v.get()));
        return v;
    }

    static QTemporaryDir* s_dir;
    std::unique_ptr<Database> db;
};

QTemporaryDir* ReportsViewTest::s_dir = nullptr;

} // namespace

TEST_F(ReportsViewTest, ShowsFiguresAndChartsOfTheChosenReport)
{
    auto view = viewAs("staff1");
    auto* show = view->findChild<QPushButton*>(QStringLiteral("showButton"));
    auto* period = view->findChild<QLineEdit*>(QStringLiteral("periodLineEdit"));
    ASSERT_TRUE(show && period);

    view->setRequest(ReportKind::Annual, QStringLiteral("2024-Q3"));
    EXPECT_FALSE(show->isEnabled()) << "the annual evaluation needs a year";
    EXPECT_TRUE(view->problem().contains(QStringLiteral("2024"))) << view->problem().toStdString();
    QTest::keyClicks(period, QStringLiteral("x"));
    EXPECT_FALSE(show->isEnabled());

    view->setRequest(ReportKind::Annual, QStringLiteral("2024"));
    EXPECT_TRUE(show->isEnabled()) << view->problem().toStdString();
    QTest::mouseClick(show, Qt::LeftButton);
    EXPECT_TRUE(view->isBuilding() || view->document().has_value());
    ASSERT_TRUE(view->waitForReport());
    ASSERT_TRUE(view->document().has_value());
    EXPECT_EQ(view->document()->kind, QStringLiteral("annual"));
    const QString html = view->findChild<QTextBrowser*>(QStringLiteral("reportBrowser"))->toPlainText();
    EXPECT_TRUE(html.contains(QStringLiteral("Per-cadre evaluation")));
    EXPECT_EQ(view->findChildren<QChartView*>().size(), 3) << "trend, categories, towns";

    const QString pdf = s_dir->filePath(QStringLiteral("annual.pdf"));
    ASSERT_TRUE(view->exportTo(pdf));
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().startsWith("%PDF-"));
    EXPECT_FALSE(view->exportTo(s_dir->filePath(QStringLiteral("annual.docx")))) << "unknown extension";
}

TEST_F(ReportsViewTest, CadresAreToldReportsAreNotTheirs)
{
    auto view = viewAs("cadre01");
    EXPECT_FALSE(view->findChild<QPushButton*>(QStringLiteral("showButton"))->isEnabled());
    EXPECT_FALSE(view->problem().isEmpty());
    EXPECT_FALSE(view->showReport());
    EXPECT_FALSE(view->findChild<QPushButton*>(QStringLiteral("nominationsButton"))->isVisible());
}

TEST_F(ReportsViewTest, StaffScoreAndSelectNominations)
{
    const Cadre staff = test::cadreWithUsername(*db, QStringLiteral("staff1"));
    const Cadre cadre = test::cadreWithUsername(*db, QStringLiteral("cadre01"));
    NominationsDialog dialog(*db, staff, 2024);
    const int before = dialog.rowCount();
    ASSERT_TRUE(dialog.add(NominationKind::Suggestion, cadre.name, QStringLiteral("建议开设经费返还政策专场解读会")))
        << dialog.errorText().toStdString();
    EXPECT_EQ(dialog.rowCount(), before + 1);
    int row = -1;
    for (int r = 0; r < dialog.rowCount(); ++r) {
        if (dialog.findChild<QTableWidget*>()->item(r, 1)->text() == QStringLiteral("建议开设经费返还政策专场解读会"))
            row = r;
    }
    ASSERT_GE(row, 0);
    EXPECT_FALSE(dialog.select(row, true)) << "not scored yet";
    EXPECT_FALSE(dialog.errorText().isEmpty());
    ASSERT_TRUE(dialog.score(row, 88));
    // Scores reorder the list: find the row again.
    for (int r = 0; r < dialog.rowCount(); ++r) {
        if (dialog.findChild<QTableWidget*>()->item(r, 1)->text() == QStringLiteral("建议开设经费返还政策专场解读会"))
            row = r;
    }
    ASSERT_TRUE(dialog.select(row, true)) << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.findChild<QTableWidget*>()->item(row, 4)->text().isEmpty());
    EXPECT_FALSE(dialog.add(NominationKind::Research, QStringLiteral("无此人"), QStringLiteral("x")));
}

// The chart and the page are drawn, not blank, with the Chinese font.
TEST_F(ReportsViewTest, ChartsAndPagesAreDrawnWithAChineseFont)
{
    ReportChart chart;
    chart.title = QStringLiteral("各类别问题");
    chart.categories = {QStringLiteral("欠薪"), QStringLiteral("安全")};
    chart.series = {{QStringLiteral("收集"), {12.0, 7.0}}, {QStringLiteral("化解"), {10.0, 7.0}}};
    const QImage image = renderChart(chart, QSize(400, 200));
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2)
            dark += qGray(image.pixel(x, y)) < 160;
    }
    EXPECT_GT(dark, 500) << "bars, axes and labels";
    EXPECT_TRUE(reportFontFamily().contains(QStringLiteral("CJK")) || reportFontFamily().contains(QStringLiteral("SC")))
        << reportFontFamily().toStdString();

    ReportDocument doc;
    doc.title = QStringLiteral("年终评议");
    ReportTable t;
    t.key = QStringLiteral("long");
    t.title = QStringLiteral("长表");
    t.columns = {QStringLiteral("序号"), QStringLiteral("企业")};
    for (int i = 0; i < 200; ++i)
        t.rows.append({ReportCell::of(qint64(i)), ReportCell::of(QStringLiteral("绍兴越州纺织有限公司"))});
    doc.tables = {t};
    const QString path = s_dir->filePath(QStringLiteral("long.pdf"));
    QFile out(path);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    QPdfWriter writer(&out);
    writer.setResolution(300);
    EXPECT_GE(ReportPaper(doc).paint(writer), 3) << "200 rows break across pages";
}

TEST_F(ReportsViewTest, TheMainWindowOffersReportsToThoseWhoMayExportThem)
{
    db.reset();
    for (const auto& [username, expected] :
         {std::pair{"staff1", true}, std::pair{"supervisor1", true}, std::pair{"cadre01", false}}) {
        auto opened = Database::open(s_dir->filePath(QStringLiteral("demo.yuegong")));
        const Cadre user = test::cadreWithUsername(*opened, QString::fromLatin1(username));
        MainWindow window(std::move(opened), user);
        EXPECT_EQ(window.showPage(QStringLiteral("reports")), expected) << username;
        EXPECT_EQ(window.findChild<ReportsView*>() != nullptr, expected) << username;
    }
}

// After File → Open database signs in someone else, the window follows their role.
TEST_F(ReportsViewTest, TheWindowFollowsTheRoleOfWhoeverSignsInToAnotherDatabase)
{
    db.reset();
    // Two files: the one open stays locked until the window lets it go.
    const QString path = s_dir->filePath(QStringLiteral("demo.yuegong"));
    const QString other = s_dir->filePath(QStringLiteral("other.yuegong"));
    QFile::remove(other);
    ASSERT_TRUE(QFile::copy(path, other));
    auto first = Database::open(path);
    const Cadre staff = test::cadreWithUsername(*first, QStringLiteral("staff1"));
    const Cadre cadre = test::cadreWithUsername(*first, QStringLiteral("cadre01"));
    MainWindow window(std::move(first), staff);
    ASSERT_TRUE(window.showPage(QStringLiteral("reports")));
    auto* importAction = window.findChild<QAction*>(QStringLiteral("importAction"));
    ASSERT_NE(importAction, nullptr);
    EXPECT_TRUE(importAction->isEnabled());

    window.switchDatabase(Database::open(other), cadre);
    EXPECT_FALSE(window.showPage(QStringLiteral("reports"))) << "cadres do not report";
    EXPECT_NE(window.currentPageId(), QStringLiteral("reports"));
    EXPECT_FALSE(importAction->isEnabled());
    EXPECT_TRUE(window.findChild<QLabel*>(QStringLiteral("lockTitleLabel"))->text().contains(cadre.name));

    window.switchDatabase(Database::open(path), staff);
    EXPECT_TRUE(window.showPage(QStringLiteral("reports")));
    EXPECT_TRUE(importAction->isEnabled());
}
