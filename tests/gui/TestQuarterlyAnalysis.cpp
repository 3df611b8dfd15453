#include "QuarterlyAnalysisView.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "storage/EvaluationRepository.h"
#include "util/Translations.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class QuarterlyAnalysisTest : public ::testing::Test
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

    std::unique_ptr<QuarterlyAnalysisView> viewAs(const char* username)
    {
        actor = test::cadreWithUsername(*db, QString::fromLatin1(username));
        auto v = std::make_unique<QuarterlyAnalysisView>(*db, actor.meta.id);
        v->resize(1200, 760);
        v->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(v.get()));
        EXPECT_TRUE(v->waitForFigures());
        return v;
    }
    template<typename T> static T* child(QWidget& w, const char* name)
    {
        T* found = w.findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }
    static bool hasText(const ReportDocument& doc, const QString& body)
    {
        return std::any_of(doc.texts.begin(), doc.texts.end(), [&](const ReportText& t) { return t.body == body; });
    }

    static QTemporaryDir* s_dir;
    std::unique_ptr<Database> db;
    Cadre actor;
};

QTemporaryDir* QuarterlyAnalysisTest::s_dir = nullptr;

} // namespace

TEST_F(QuarterlyAnalysisTest, ACadreWritesReflectionsBesideTheFiguresOfTheirTown)
{
    auto view = viewAs("cadre01");
    ASSERT_FALSE(actor.townIds.isEmpty());
    EXPECT_EQ(view->townId(), actor.townIds.first()) << "the cadre's own town comes first";
    EXPECT_EQ(view->quarter(), QStringLiteral("2024-Q4")) << "it opens on the quarter of the district's latest visit";
    ASSERT_TRUE(view->setSubject(QStringLiteral("2024-Q3"), actor.townIds.first()));
    ASSERT_TRUE(view->waitForFigures());
    ASSERT_TRUE(view->document().has_value());
    const ReportTable* figures = view->document()->table(QStringLiteral("figures"));
    ASSERT_NE(figures, nullptr);
    EXPECT_EQ(figures->columns.size(), 4) << "this quarter, the previous one and the change";
    EXPECT_TRUE(child<QTextBrowser>(*view, "figuresBrowser")->toPlainText().contains(QStringLiteral("Visits")));

    EXPECT_TRUE(child<QGroupBox>(*view, "reflectionGroupBox")->isVisible());
    EXPECT_FALSE(child<QGroupBox>(*view, "assessmentGroupBox")->isVisible()) << "towns are assessed by staff";
    EXPECT_FALSE(child<QPushButton>(*view, "exportButton")->isVisible()) << "cadres do not export reports";

    auto* edit = child<QPlainTextEdit>(*view, "reflectionEdit");
    auto* save = child<QPushButton>(*view, "saveReflectionButton");
    EXPECT_FALSE(save->isEnabled()) << "nothing written yet";
    edit->setPlainText(QStringLiteral("   "));
    EXPECT_FALSE(save->isEnabled()) << "blanks are not reflections";
    const QString text = QStringLiteral("小微企业普遍不了解工会经费返还政策，建议开专场解读会。");
    edit->setPlainText(text);
    ASSERT_TRUE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_FALSE(save->isEnabled()) << "saved: nothing new to save";
    EXPECT_TRUE(child<QLabel>(*view, "reflectionStateLabel")->text().startsWith(QStringLiteral("Saved")));
    const auto stored = EvaluationRepository(*db).quarterlyNote(QStringLiteral("2024-Q3"),
                                                                QuarterlyNoteKind::Reflection, actor.meta.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->body, text);
    ASSERT_TRUE(view->waitForFigures());
    EXPECT_TRUE(hasText(*view->document(), text)) << "the quarterly report carries the reflection";

    // Another quarter has its own (empty) text; coming back shows the saved one.
    ASSERT_TRUE(view->setSubject(QStringLiteral("2024-Q2"), actor.townIds.first()));
    EXPECT_TRUE(edit->toPlainText().isEmpty());
    EXPECT_EQ(child<QLabel>(*view, "reflectionStateLabel")->text(), QStringLiteral("Not written yet."));
    ASSERT_TRUE(view->setSubject(QStringLiteral("2024-Q3"), actor.townIds.first()));
    EXPECT_EQ(edit->toPlainText(), text);
    EXPECT_FALSE(view->setSubject(QStringLiteral("2031-Q1"), actor.townIds.first())) << "not a quarter offered";
}

TEST_F(QuarterlyAnalysisTest, StaffAssessTheTownReadColleaguesAndExportTheQuarterlyReport)
{
    const Cadre cadre = test::cadreWithUsername(*db, QStringLiteral("cadre01"));
    ASSERT_FALSE(cadre.townIds.isEmpty());
    const RowId town = cadre.townIds.first();
    {
        auto cadreView = viewAs("cadre01");
        ASSERT_TRUE(cadreView->setSubject(QStringLiteral("2024-Q4"), town));
        child<QPlainTextEdit>(*cadreView, "reflectionEdit")->setPlainText(QStringLiteral("四季度心得"));
        ASSERT_TRUE(cadreView->saveReflection());
        ASSERT_TRUE(cadreView->waitForFigures());
    }

    auto view = viewAs("staff1");
    ASSERT_TRUE(view->setSubject(QStringLiteral("2024-Q4"), town));
    ASSERT_TRUE(view->waitForFigures());
    EXPECT_FALSE(child<QGroupBox>(*view, "reflectionGroupBox")->isVisible()) << "staff assess, they do not reflect";
    EXPECT_TRUE(child<QGroupBox>(*view, "assessmentGroupBox")->isVisible());
    EXPECT_TRUE(child<QTextBrowser>(*view, "othersBrowser")->toPlainText().contains(QStringLiteral("四季度心得")))
        << "the town's cadre's reflections are beside the figures";

    const QString assessment = QStringLiteral("塔山街道四季度走访扎实，经费返还政策宣传需加强。");
    child<QPlainTextEdit>(*view, "assessmentEdit")->setPlainText(assessment);
    ASSERT_TRUE(view->saveAssessment());
    ASSERT_TRUE(view->waitForFigures());
    EXPECT_TRUE(hasText(*view->document(), assessment));
    EXPECT_TRUE(hasText(*view->document(), QStringLiteral("四季度心得")));

    auto* exportButton = child<QPushButton>(*view, "exportButton");
    EXPECT_TRUE(exportButton->isVisible());
    EXPECT_TRUE(exportButton->isEnabled());
    QTemporaryDir out;
    for (const char* name : {"q4.pdf", "q4.xlsx", "q4.json"}) {
        const QString path = out.filePath(QString::fromLatin1(name));
        EXPECT_TRUE(view->exportTo(path)) << name;
        EXPECT_GT(QFileInfo(path).size(), 0) << name;
    }
    QFile json(out.filePath(QStringLiteral("q4.json")));
    ASSERT_TRUE(json.open(QIODevice::ReadOnly));
    EXPECT_TRUE(QString::fromUtf8(json.readAll()).contains(assessment)) << "exported with the quarterly report";
    EXPECT_FALSE(view->exportTo(out.filePath(QStringLiteral("q4.doc")))) << "an ending no format has";
    EXPECT_FALSE(QFileInfo::exists(out.filePath(QStringLiteral("q4.doc"))));
}
