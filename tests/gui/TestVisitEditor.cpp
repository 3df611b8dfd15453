// The cadre's week in the GUI: the journal form (validation, save with issues, drafts,
// undo), the "my week" screen and the navigation, on hand-built temporary databases.
#include "IssueTableModel.h"
#include "MainWindow.h"
#include "MyWeekView.h"
#include "TestSupport.h"
#include "VisitEditor.h"
#include "services/VisitService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace yg;

namespace {

/** Types text (Chinese too) into a widget key by key, as a cadre's input method would deliver it. */
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

class CadreWeekTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // ctest runs test processes in parallel: this test's settings live in its own folder.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        QSettings().clear();
        installTranslations(QStringLiteral("en"));
        Clock::setFixedNow(QDateTime(QDate(2024, 11, 22), QTime(6, 0), Qt::UTC)); // Friday of 2024-W47
        f = test::makeFixture(t.db());
        WriteTransaction tx(t.db().connection());
        companion.name = QStringLiteral("李丽华");
        companion.groupId = f.group.meta.id;
        companion.activeFrom = QDate(2023, 4, 1);
        CadreRepository(t.db()).insert(companion);
        second = f.enterprise;
        second.meta = {};
        second.name = QStringLiteral("绍兴鉴湖酿酒有限公司");
        second.creditCode = QString::fromLatin1(test::kValidCreditCodes[1]);
        EnterpriseRepository(t.db()).insert(second);
        tx.commit();
        t.close();
        openWindow();
    }
    void TearDown() override
    {
        window.reset();
        Clock::setFixedNow({});
        installTranslations(QStringLiteral("en"));
    }

    void openWindow()
    {
        window = std::make_unique<MainWindow>(Database::open(t.path()), f.cadre);
        window->resize(1200, 760);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    Database& db() { return window->database(); }

    template<typename T> static T* child(QWidget* parent, const char* name)
    {
        T* w = parent->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    /** Types into the enterprise box and picks the first suggestion, as a cadre would. */
    void pickEnterprise(VisitEditor* editor, const QString& typed)
    {
        auto* edit = child<QLineEdit>(editor, "enterpriseLineEdit");
        edit->setFocus();
        typeText(edit, typed);
        QCompleter* completer = editor->enterpriseCompleter();
        QTRY_VERIFY_WITH_TIMEOUT(completer->model()->rowCount() > 0, 3000);
        emit completer->activated(completer->model()->index(0, 0));
    }

    void fillIssue(IssueRowWidget* row, const QString& title, const QString& disposition)
    {
        row->categoryComboBox->setCurrentIndex(1);
        typeText(row->titleLineEdit, title);
        typeText(row->descriptionEdit, title + QStringLiteral("，职工反映强烈。"));
        row->dispositionComboBox->setCurrentIndex(row->dispositionComboBox->findData(disposition));
        if (disposition == QLatin1String("explain"))
            typeText(row->explanationLineEdit, QStringLiteral("讲解政策"));
    }

    VisitService::Saved saveVisit(QDate date, RowId enterpriseId, int explained, int submitted)
    {
        JournalEntry e;
        e.visit.date = date;
        e.visit.cadreIds = {f.cadre.meta.id, companion.meta.id};
        e.visit.enterpriseId = enterpriseId;
        e.visit.summary = QStringLiteral("生产正常");
        for (int i = 0; i < explained + submitted; ++i) {
            RaisedIssue r;
            r.categoryId = f.category.meta.id;
            r.title = QStringLiteral("问题%1").arg(i + 1);
            r.description = QStringLiteral("描述");
            r.disposition = i < explained ? IssueDisposition::Explain : IssueDisposition::Submit;
            r.explanation = QStringLiteral("讲解");
            e.issues << r;
        }
        return VisitService(db()).save(f.cadre, e);
    }

    QTemporaryDir settingsDir;
    test::TempDatabase t;
    test::Fixture f;
    Cadre companion;
    Enterprise second;
    std::unique_ptr<MainWindow> window;
};

} // namespace

TEST_F(CadreWeekTest, ANewVisitWithTwoIssuesIsSavedThroughTheForm)
{
    QApplication::setActiveWindow(window.get());
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
    VisitEditor* editor = window->findChild<VisitEditor*>();
    ASSERT_NE(editor, nullptr) << "Ctrl+N opens the journal form";
    EXPECT_EQ(child<QDateEdit>(editor, "dateEdit")->date(), QDate(2024, 11, 22)) << "today by default";
    pickEnterprise(editor, QStringLiteral("鉴湖"));
    EXPECT_TRUE(child<QLabel>(editor, "enterpriseInfoLabel")->text().contains(second.creditCode));

    auto* companionEdit = child<QLineEdit>(editor, "companionLineEdit");
    companionEdit->setFocus();
    typeText(companionEdit, QStringLiteral("李"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->companionCompleter()->model()->rowCount() > 0, 3000);
    emit editor->companionCompleter()->activated(editor->companionCompleter()->model()->index(0, 0));
    EXPECT_EQ(child<QListWidget>(editor, "companionsListWidget")->count(), 1);

    child<QComboBox>(editor, "checkState0ComboBox")->setCurrentIndex(1); // fine
    typeText(child<QPlainTextEdit>(editor, "summaryPlainTextEdit"), QStringLiteral("企业生产经营正常"));
    QTest::mouseClick(child<QPushButton>(editor, "addIssueButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(editor, "addIssueButton"), Qt::LeftButton);
    ASSERT_EQ(editor->issueRows().size(), 2);
    fillIssue(editor->issueRows()[0], QStringLiteral("工会经费返还政策咨询"), QStringLiteral("explain"));
    fillIssue(editor->issueRows()[1], QStringLiteral("加班费计算有误"), QStringLiteral("submit"));
    EXPECT_TRUE(editor->problems().isEmpty()) << editor->problems().join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(child<QPushButton>(editor, "saveButton")->isEnabled());

    editor->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(editor));
    QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
    EXPECT_TRUE(editor->lastError().isEmpty()) << editor->lastError().toStdString();

    EXPECT_EQ(VisitRepository(db()).count(), 1);
    IssueRepository issues(db());
    IssueFilter all;
    const QList<IssueListRow> rows = issues.list(all, 0, 10);
    ASSERT_EQ(rows.size(), 2);
    for (const IssueListRow& r : rows) {
        const auto issue = issues.issue(r.id);
        EXPECT_EQ(issue->enterpriseId, second.meta.id);
        EXPECT_EQ(issue->ownerId, f.cadre.meta.id);
        if (r.title == QStringLiteral("工会经费返还政策咨询"))
            EXPECT_EQ(issue->outcome, Outcome::Resolved);
        else
            EXPECT_EQ(issue->stage, Stage::Consultation);
    }
    const auto visit = VisitRepository(db()).visit(issues.issue(rows[0].id)->visitId.value());
    EXPECT_EQ(visit->cadreIds, (QList<RowId>{f.cadre.meta.id, companion.meta.id}));
    EXPECT_EQ(visit->summary, QStringLiteral("企业生产经营正常"));
    EXPECT_FALSE(QFile::exists(VisitEditor::draftPathFor(db().path(), f.cadre.meta.id, 0)))
        << "saving deletes the draft";
}

TEST_F(CadreWeekTest, ValidationSaysWhatIsMissingNextToTheFieldAndSaveWaits)
{
    VisitEditor* editor = window->newVisit();
    auto* save = child<QPushButton>(editor, "saveButton");
    auto* enterpriseError = child<QLabel>(editor, "enterpriseErrorLabel");
    EXPECT_FALSE(save->isEnabled());
    EXPECT_EQ(enterpriseError->text(), QStringLiteral("Choose the enterprise you visited."));
    typeText(child<QLineEdit>(editor, "enterpriseLineEdit"), QStringLiteral("没有这家"));
    EXPECT_EQ(enterpriseError->text(),
              QStringLiteral("Pick the enterprise from the suggestions that appear as you type."));
    editor->chooseEnterprise(f.enterprise.meta.id);
    EXPECT_TRUE(enterpriseError->text().isEmpty());
    EXPECT_TRUE(save->isEnabled());

    child<QDateEdit>(editor, "dateEdit")->setDate(QDate(2024, 11, 23));
    EXPECT_EQ(child<QLabel>(editor, "dateErrorLabel")->text(),
              QStringLiteral("The visit date cannot be later than today."));
    EXPECT_FALSE(save->isEnabled());
    child<QDateEdit>(editor, "dateEdit")->setDate(QDate(2024, 11, 21));

    child<QComboBox>(editor, "checkState2ComboBox")->setCurrentIndex(2); // concern, no note
    EXPECT_TRUE(child<QLabel>(editor, "checklistErrorLabel")
                    ->text()
                    .startsWith(QStringLiteral("Write a note for each point marked as a concern")));
    typeText(child<QLineEdit>(editor, "checkNote2LineEdit"), QStringLiteral("未签合同"));
    EXPECT_TRUE(child<QLabel>(editor, "checklistErrorLabel")->text().isEmpty());

    IssueRowWidget* row = editor->addIssueRow();
    EXPECT_FALSE(save->isEnabled());
    EXPECT_TRUE(row->errorLabel->text().contains(QStringLiteral("Give the issue a short title.")));
    EXPECT_TRUE(row->errorLabel->text().contains(QStringLiteral("Say what was explained on the spot.")));
    fillIssue(row, QStringLiteral("青年交友活动需求"), QStringLiteral("submit"));
    row->dueDateEdit->setDate(QDate(2024, 11, 20));
    EXPECT_EQ(row->errorLabel->text(), QStringLiteral("The due date cannot be before the visit."));
    row->dueDateEdit->setDate(QDate(2024, 11, 29));
    EXPECT_TRUE(editor->problems().isEmpty());
    EXPECT_TRUE(save->isEnabled());
}

TEST_F(CadreWeekTest, ADraftSurvivesTheWindowBeingDestroyedWithoutSaving)
{
    VisitEditor* editor = window->newVisit();
    editor->chooseEnterprise(second.meta.id);
    typeText(child<QPlainTextEdit>(editor, "summaryPlainTextEdit"), QStringLiteral("谈了招工难的问题"));
    IssueRowWidget* row = editor->addIssueRow();
    fillIssue(row, QStringLiteral("招工难"), QStringLiteral("intake"));
    const QString draft = editor->draftPath();
    EXPECT_TRUE(editor->draftPending()) << "typing schedules a draft write";

    window.reset(); // no save, no close: the window is just gone
    ASSERT_TRUE(QFile::exists(draft));
    openWindow();
    EXPECT_EQ(window->offerDrafts(), 1);
    VisitEditor* restored = window->findChild<VisitEditor*>();
    ASSERT_NE(restored, nullptr);
    EXPECT_TRUE(restored->restoredFromDraft());
    EXPECT_TRUE(child<QWidget>(restored, "draftFrame")->isVisible());
    EXPECT_EQ(child<QLineEdit>(restored, "enterpriseLineEdit")->text(), second.name);
    EXPECT_EQ(child<QPlainTextEdit>(restored, "summaryPlainTextEdit")->toPlainText(),
              QStringLiteral("谈了招工难的问题"));
    ASSERT_EQ(restored->issueRows().size(), 1);
    EXPECT_EQ(restored->issueRows()[0]->titleLineEdit->text(), QStringLiteral("招工难"));
    EXPECT_TRUE(restored->problems().isEmpty());

    QTest::mouseClick(child<QPushButton>(restored, "discardDraftButton"), Qt::LeftButton);
    EXPECT_FALSE(QFile::exists(draft));
    EXPECT_TRUE(child<QPlainTextEdit>(restored, "summaryPlainTextEdit")->toPlainText().isEmpty());
    EXPECT_TRUE(restored->issueRows().isEmpty());
    EXPECT_EQ(VisitRepository(db()).count(), 0);
}

TEST_F(CadreWeekTest, SavingAnEditIsUndoneAndRedoneAndAStaleUndoIsRefused)
{
    const RowId id = saveVisit(QDate(2024, 11, 19), f.enterprise.meta.id, 0, 0).visit.meta.id;
    VisitEditor* editor = window->openVisit(id);
    ASSERT_FALSE(editor->isReadOnly());
    auto* summary = child<QPlainTextEdit>(editor, "summaryPlainTextEdit");
    summary->selectAll();
    typeText(summary, QStringLiteral("补记：食堂卫生需改进"));
    ASSERT_TRUE(editor->save()) << editor->lastError().toStdString();
    EXPECT_EQ(VisitRepository(db()).visit(id)->summary, QStringLiteral("补记：食堂卫生需改进"));
    ASSERT_EQ(window->undoStack()->count(), 1);

    QApplication::setActiveWindow(window.get());
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(VisitRepository(db()).visit(id)->summary, QStringLiteral("生产正常"));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(VisitRepository(db()).visit(id)->summary, QStringLiteral("补记：食堂卫生需改进"));

    // Someone else edits the visit; undoing our edit now would overwrite theirs.
    Visit theirs = *VisitRepository(db()).visit(id);
    theirs.summary = QStringLiteral("李丽华的修改");
    VisitService(db()).save(companion, JournalEntry{theirs, {}});
    window->undoStack()->undo();
    EXPECT_TRUE(window->lastUndoError().contains(QStringLiteral("changed by")))
        << window->lastUndoError().toStdString();
    EXPECT_EQ(VisitRepository(db()).visit(id)->summary, QStringLiteral("李丽华的修改"));
    EXPECT_EQ(window->undoStack()->count(), 0) << "the refused command leaves the stack";
}

TEST_F(CadreWeekTest, AnotherCadresVisitOpensReadOnly)
{
    Cadre other;
    other.name = QStringLiteral("赵强");
    other.activeFrom = QDate(2023, 4, 1);
    {
        WriteTransaction tx(db().connection());
        CadreRepository(db()).insert(other);
        tx.commit();
    }
    JournalEntry e;
    e.visit.date = QDate(2024, 11, 19);
    e.visit.cadreIds = {other.meta.id};
    e.visit.enterpriseId = f.enterprise.meta.id;
    const RowId id = VisitService(db()).save(other, e).visit.meta.id;
    VisitEditor* editor = window->openVisit(id);
    EXPECT_TRUE(editor->isReadOnly());
    EXPECT_TRUE(child<QLabel>(editor, "readOnlyLabel")->isVisible());
    EXPECT_FALSE(child<QPushButton>(editor, "saveButton")->isVisible());
}

TEST_F(CadreWeekTest, MyWeekCountsAHandBuiltWeek)
{
    saveVisit(QDate(2024, 11, 18), f.enterprise.meta.id, 1, 1); // this week
    saveVisit(QDate(2024, 11, 20), f.enterprise.meta.id, 0, 1); // this week
    saveVisit(QDate(2024, 11, 12), f.enterprise.meta.id, 1, 0); // last week
    MyWeekView* week = window->weekView();
    week->refresh();
    EXPECT_EQ(week->week(), (IsoWeek{2024, 47}));
    EXPECT_EQ(child<QLabel>(week, "quotaLabel")->text(),
              QStringLiteral("Visits: 2 recorded by you (the quota counts these), 2 in all; weekly quota 4"));
    auto* bar = child<QProgressBar>(week, "quotaProgressBar");
    EXPECT_EQ(bar->value(), 2);
    EXPECT_EQ(bar->maximum(), 4);
    EXPECT_EQ(child<QTableWidget>(week, "visitsTableWidget")->rowCount(), 2);
    auto* due = child<QTableWidget>(week, "dueTableWidget");
    ASSERT_EQ(due->rowCount(), 1) << "the key enterprise never visited";
    EXPECT_EQ(due->item(0, 0)->text(), second.name);
    EXPECT_EQ(week->issueModel()->totalCount(), 2) << "two submitted issues are open";
    {
        QAbstractItemModelTester tester(week->issueModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        EXPECT_EQ(week->issueModel()->rowCount(), 2);
    }
    const QString journal = week->journalText();
    EXPECT_TRUE(journal.contains(QStringLiteral("This week: 2 visit(s), 2 of them recorded by me against a quota of 4; "
                                                "3 issue(s) collected, 1 resolved on the spot by explaining.")))
        << journal.toStdString();

    child<QToolButton>(week, "previousWeekButton")->click();
    EXPECT_EQ(week->week(), (IsoWeek{2024, 46}));
    EXPECT_EQ(child<QTableWidget>(week, "visitsTableWidget")->rowCount(), 1);
    EXPECT_EQ(bar->value(), 1);
    child<QPushButton>(week, "thisWeekButton")->click();
    EXPECT_EQ(week->week(), (IsoWeek{2024, 47}));
    auto* jump = child<QDateEdit>(week, "weekDateEdit");
    jump->setFocus();
    jump->setDate(QDate(2024, 11, 6)); // a Wednesday of week 45
    EXPECT_EQ(week->week(), (IsoWeek{2024, 45}));
    child<QPushButton>(week, "thisWeekButton")->click();

    // The cadre's edit of the journal is what gets exported.
    auto* text = child<QPlainTextEdit>(week, "journalTextEdit");
    text->appendPlainText(QStringLiteral("下周重点：回访加班费问题。"));
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("journal.pdf"));
    ASSERT_TRUE(week->exportPdf(pdf));
    QFile file(pdf);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_TRUE(file.read(5) == "%PDF-");
    EXPECT_TRUE(week->journalDocument()->toPlainText().contains(QStringLiteral("下周重点：回访加班费问题。")));

    // The edit is kept: another week and back, or a new window, shows it; "Compose again" drops it.
    window.reset();
    openWindow();
    week = window->weekView();
    week->setWeek(IsoWeek{2024, 47});
    EXPECT_TRUE(week->journalText().endsWith(QStringLiteral("下周重点：回访加班费问题。")));
    child<QPushButton>(week, "regenerateButton")->click();
    EXPECT_FALSE(week->journalText().contains(QStringLiteral("下周重点")));
    EXPECT_FALSE(QFile::exists(week->editedJournalPath(IsoWeek{2024, 47})));
}

TEST_F(CadreWeekTest, NavigationSwitchesPagesAndTheLastOneIsRemembered)
{
    auto* stack = child<QStackedWidget>(window.get(), "pageStack");
    EXPECT_EQ(window->currentPageId(), QStringLiteral("week"));
    QApplication::setActiveWindow(window.get());
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(window->currentPageId(), QStringLiteral("issues"));
    EXPECT_EQ(stack->currentWidget()->objectName(), QStringLiteral("issuesPage"));
    auto* extra = new QWidget;
    extra->setObjectName(QStringLiteral("reportsPage"));
    window->addPage(QStringLiteral("reports"), QStringLiteral("Reports"), QIcon(), extra);
    // A cadre's pages: week, issues, board, visits, enterprises, search, quarterly analysis, meetings; the added
    // one is the ninth.
    QTest::keyClick(window.get(), Qt::Key_9, Qt::ControlModifier);
    EXPECT_EQ(stack->currentWidget(), extra);
    // A page on the common contract opens records through this window.
    const RowId visitId = saveVisit(QDate(2024, 11, 19), f.enterprise.meta.id, 0, 0).visit.meta.id;
    auto* contractPage = new MyWeekView(db(), f.cadre.meta.id);
    window->addPage(QStringLiteral("contract"), QStringLiteral("Contract"), QIcon(), contractPage);
    emit contractPage->openVisitRequested(visitId);
    VisitEditor* opened = window->findChild<VisitEditor*>();
    ASSERT_NE(opened, nullptr);
    EXPECT_EQ(opened->visitId(), visitId);
    opened->close();
    child<QListWidget>(window.get(), "navigationListWidget")->setCurrentRow(4);
    EXPECT_EQ(window->currentPageId(), QStringLiteral("enterprises"));

    window->close();
    window.reset();
    openWindow();
    EXPECT_EQ(window->currentPageId(), QStringLiteral("enterprises"));
}

TEST_F(CadreWeekTest, ADraftOfAnEditIsRefusedWhenTheVisitChangedSince)
{
    const RowId id = saveVisit(QDate(2024, 11, 19), f.enterprise.meta.id, 0, 0).visit.meta.id;
    VisitEditor* editor = window->openVisit(id);
    auto* summary = child<QPlainTextEdit>(editor, "summaryPlainTextEdit");
    summary->selectAll();
    typeText(summary, QStringLiteral("我的草稿"));
    window.reset(); // the draft stays

    openWindow();
    Visit theirs = *VisitRepository(db()).visit(id);
    theirs.summary = QStringLiteral("李丽华的修改");
    VisitService(db()).save(companion, JournalEntry{theirs, {}});

    VisitEditor* restored = window->openVisit(id);
    ASSERT_TRUE(restored->restoredFromDraft());
    EXPECT_TRUE(child<QLabel>(restored, "draftLabel")->text().contains(QStringLiteral("changed by someone since")));
    EXPECT_FALSE(restored->save());
    EXPECT_TRUE(restored->lastError().contains(QStringLiteral("changed by"))) << restored->lastError().toStdString();
    EXPECT_EQ(VisitRepository(db()).visit(id)->summary, QStringLiteral("李丽华的修改"));
    restored->discardDraft();
}
