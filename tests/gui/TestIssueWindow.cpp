#include "ActionDialog.h"
#include "IssueTableModel.h"
#include "IssueWindow.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/IssueService.h"
#include "storage/CadreRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "util/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class IssueWindowTest : public ::testing::Test
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
        // Each test gets its own copy: the tests change issues.
        path = dir.filePath(QStringLiteral("copy.yuegong"));
        ASSERT_TRUE(QFile::copy(s_dir->filePath(QStringLiteral("demo.yuegong")), path));
        db = Database::open(path);
        IssueFilter intake;
        intake.stage = Stage::Intake;
        const auto rows = IssueRepository(*db).list(intake, 0, 1);
        ASSERT_FALSE(rows.isEmpty());
        issue = *IssueRepository(*db).issue(rows.first().id);
        const auto owner = CadreRepository(*db).cadre(issue.ownerId);
        for (const Cadre& c : CadreRepository(*db).cadres()) {
            if (c.role != Role::Cadre || c.meta.id == issue.ownerId ||
                IssueRepository(*db).isCadreOnVisit(issue.visitId.value_or(0), c.meta.id))
                continue;
            if (c.groupId == owner->groupId && !colleague)
                colleague = c.meta.id; // sees the issue, may not act on it
            if (c.groupId != owner->groupId && !stranger)
                stranger = c.meta.id; // another group: may not even see it
        }
    }

    QStringList buttonNames(const IssueWindow& w)
    {
        QStringList names;
        for (QPushButton* b : w.actionButtons())
            names << b->objectName();
        return names;
    }

    static QTemporaryDir* s_dir;
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Database> db;
    Issue issue;
    RowId stranger = 0;
    RowId colleague = 0;
};

QTemporaryDir* IssueWindowTest::s_dir = nullptr;

} // namespace

TEST_F(IssueWindowTest, ShowsExactlyTheActionsTheRulesAllowThisPerson)
{
    IssueWindow owner(*db, issue.meta.id, issue.ownerId);
    EXPECT_EQ(buttonNames(owner), (QStringList{QStringLiteral("explainButton"), QStringLiteral("submitButton"),
                                               QStringLiteral("closeButton"), QStringLiteral("withdrawButton"),
                                               QStringLiteral("noteButton")}));
    ASSERT_GT(colleague, 0);
    ASSERT_GT(stranger, 0);
    IssueWindow sameGroup(*db, issue.meta.id, colleague);
    EXPECT_TRUE(sameGroup.actionButtons().isEmpty());
    EXPECT_TRUE(sameGroup.findChild<QLabel*>(QStringLiteral("actionsCaptionLabel"))
                    ->text()
                    .contains(QStringLiteral("No step")));
    IssueWindow otherGroup(*db, issue.meta.id, stranger);
    EXPECT_TRUE(otherGroup.actionButtons().isEmpty());
    EXPECT_TRUE(otherGroup.errorText().contains(QStringLiteral("another group")))
        << otherGroup.errorText().toStdString();
}

TEST_F(IssueWindowTest, SubmittingThroughTheFormMovesTheIssueAndExtendsTheTimeline)
{
    IssueWindow w(*db, issue.meta.id, issue.ownerId);
    QSignalSpy changed(&w, &IssueWindow::issueChanged);
    w.setFormHook([](ActionDialog& form) {
        EXPECT_TRUE(form.problem().isEmpty()) << form.problem().toStdString();
        return true;
    });
    auto* tree = w.findChild<QTreeWidget*>(QStringLiteral("timelineTreeWidget"));
    const int before = tree->topLevelItemCount();
    w.findChild<QPushButton*>(QStringLiteral("submitButton"))->click();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(tree->topLevelItemCount(), before + 1);
    EXPECT_EQ(tree->topLevelItem(0)->text(1), QStringLiteral("Submit")) << "newest first";
    EXPECT_EQ(IssueRepository(*db).issue(issue.meta.id)->stage, Stage::Consultation);
    EXPECT_TRUE(buttonNames(w).contains(QStringLiteral("transferButton")));
    EXPECT_FALSE(buttonNames(w).contains(QStringLiteral("submitButton")));
    EXPECT_TRUE(IssueService(*db).checkConsistency().isEmpty());
}

TEST_F(IssueWindowTest, TheFormValidatesWithTheCoreRulesAsYouType)
{
    IssueService service(*db);
    issue =
        service.act(issue.meta.id, issue.meta.version, issue.ownerId, {LifecycleAction::Submit, {}, {}, {}, {}, {}});
    const IssueState state = Lifecycle::replay(IssueRepository(*db).events(issue.meta.id));
    const QList<Department> departments = ReferenceRepository(*db).departments();
    ActionDialog form(LifecycleAction::Transfer, state, service.actorContext(issue, issue.ownerId), departments,
                      service.calendar(), 10);
    QPushButton* ok = form.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_TRUE(form.findChild<QLabel*>(QStringLiteral("problemLabel"))->text().contains(QStringLiteral("department")));
    form.setDepartment(departments.first().meta.id);
    EXPECT_FALSE(ok->isEnabled()) << "the note is still missing";
    form.setNote(QStringLiteral("请协调解决"));
    EXPECT_TRUE(ok->isEnabled()) << form.problem().toStdString();
    form.setDate(QDate(2020, 1, 1));
    EXPECT_FALSE(ok->isEnabled()) << "before the issue's last step";
    EXPECT_EQ(form.input().departmentId, departments.first().meta.id);
}

TEST_F(IssueWindowTest, AStaleWindowIsRefusedShowsWhyAndReloads)
{
    IssueWindow w(*db, issue.meta.id, issue.ownerId);
    const int seen = w.seenVersion();
    // Meanwhile someone else submits it.
    Cadre staff;
    for (const Cadre& c : CadreRepository(*db).cadres()) {
        if (c.role == Role::Staff)
            staff = c;
    }
    IssueService(*db).act(issue.meta.id, seen, staff.meta.id, {LifecycleAction::Submit, {}, {}, {}, {}, {}});
    ActionInput explain;
    explain.action = LifecycleAction::Explain;
    explain.note = QStringLiteral("已解释政策");
    EXPECT_FALSE(w.perform(explain));
    EXPECT_TRUE(w.errorText().contains(QStringLiteral("changed by ") + staff.name)) << w.errorText().toStdString();
    EXPECT_GT(w.seenVersion(), seen) << "reloaded";
    EXPECT_FALSE(buttonNames(w).contains(QStringLiteral("explainButton")));
    EXPECT_EQ(IssueRepository(*db).events(issue.meta.id).size(), 2) << "record + submit only";
}

TEST_F(IssueWindowTest, MainWindowListsIssuesFiltersOverdueAndOpensThem)
{
    QSettings().clear();
    auto readOnly = Database::open(dir.filePath(QStringLiteral("copy.yuegong")), {false, true});
    const Cadre staff = test::cadreWithUsername(*readOnly, QStringLiteral("staff1"));
    MainWindow window(std::move(readOnly), staff);
    IssueTableModel* model = window.issueModel();
    const qint64 all = model->totalCount();
    EXPECT_EQ(all, IssueRepository(*db).count());
    window.findChild<QCheckBox*>(QStringLiteral("overdueOnlyCheckBox"))->setChecked(true);
    EXPECT_GT(model->totalCount(), 0);
    EXPECT_LT(model->totalCount(), all);
    for (int r = 0; r < model->rowCount(); ++r)
        EXPECT_GE(model->escalationAt(r), Escalation::Supervision) << "overdue means at least 督办";
    EXPECT_TRUE(model->index(0, IssueTableModel::Level).data().toString().startsWith(QStringLiteral("●")))
        << "readable without colour";
    IssueWindow* opened = window.openIssue(model->index(0, 0).data(IssueTableModel::IdRole).toLongLong());
    ASSERT_NE(opened, nullptr);
    EXPECT_TRUE(opened->windowTitle().contains(model->index(0, IssueTableModel::Number).data().toString()));
}
