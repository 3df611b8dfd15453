#include "MeetingsView.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "services/MeetingService.h"
#include "storage/CadreRepository.h"
#include "storage/IssueRepository.h"
#include "storage/MeetingRepository.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class MeetingsViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        installTranslations(QStringLiteral("en"));
        DemoGenerator::generateFile(dir.filePath(QStringLiteral("demo.yuegong")), {11, 1});
        db = Database::open(dir.filePath(QStringLiteral("demo.yuegong")));
        supervisor = test::cadreWithUsername(*db, QStringLiteral("supervisor1"));
        for (const CadreGroup& g : CadreRepository(*db).groups()) {
            if (g.supervisorId == supervisor.meta.id)
                group = g;
        }
    }

    std::unique_ptr<MeetingsView> viewAs(const Cadre& who)
    {
        auto v = std::make_unique<MeetingsView>(*db, who.meta.id);
        v->setConfirmations(false);
        v->resize(1200, 760);
        v->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(v.get()));
        return v;
    }

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    Cadre supervisor;
    CadreGroup group;
};

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_F(MeetingsViewTest, TheSupervisorPreparesAMeetingRecordsADecisionAndExportsTheRecord)
{
    auto view = viewAs(supervisor);
    auto* month = view->findChild<QDateEdit*>(QStringLiteral("monthDateEdit"));
    auto* groups = view->findChild<QComboBox*>(QStringLiteral("groupComboBox"));
    ASSERT_TRUE(month && groups);
    ASSERT_TRUE(groups->isVisible());
    ASSERT_EQ(groups->count(), 1);
    EXPECT_EQ(groups->currentData().toLongLong(), group.meta.id);
    month->setDate(QDate(2024, 12, 1));
    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("createButton")), Qt::LeftButton);
    ASSERT_TRUE(view->problem().isEmpty()) << view->problem().toStdString();
    ASSERT_NE(view->currentMeetingId(), 0);
    ASSERT_GT(view->agendaRowCount(), 0);
    EXPECT_EQ(view->agendaRowCount(),
              MeetingService(*db).proposeAgenda(group.meta.id, QStringLiteral("2024-12")).size());

    // The record, then a decision on the first issue, recorded as a step attributed to the meeting.
    view->findChild<QDateEdit*>(QStringLiteral("heldOnDateEdit"))->setDate(QDate(2024, 12, 27));
    view->findChild<QPlainTextEdit*>(QStringLiteral("minutesPlainTextEdit"))
        ->setPlainText(QStringLiteral("逐一通报问题进展。"));
    QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    ASSERT_TRUE(view->problem().isEmpty()) << view->problem().toStdString();
    ASSERT_TRUE(view->setDecision(0, MeetingDecision::Note, {}, {}, QStringLiteral("作为典型案例推广")))
        << view->problem().toStdString();
    auto* record = view->findChild<QPushButton*>(QStringLiteral("recordDecisionsButton"));
    ASSERT_TRUE(record->isEnabled());
    QTest::mouseClick(record, Qt::LeftButton);
    EXPECT_TRUE(view->problem().contains(QStringLiteral("1 decision(s) recorded"))) << view->problem().toStdString();
    EXPECT_FALSE(record->isEnabled()) << "nothing left to record";
    const AgendaItem first = MeetingRepository(*db).items(view->currentMeetingId()).constFirst();
    ASSERT_TRUE(first.eventId.has_value());
    const IssueEvent last = IssueRepository(*db).events(first.issueId).constLast();
    EXPECT_EQ(last.id, *first.eventId);
    EXPECT_EQ(last.action, QStringLiteral("note"));
    EXPECT_EQ(last.meetingId, view->currentMeetingId());
    EXPECT_EQ(last.eventDate, QDate(2024, 12, 27));
    // A recorded decision is not changed again.
    EXPECT_FALSE(view->setDecision(0, MeetingDecision::Note, {}, {}, QStringLiteral("再议")));
    EXPECT_TRUE(view->problem().contains(QStringLiteral("already recorded"))) << view->problem().toStdString();

    const QString pdf = dir.filePath(QStringLiteral("meeting.pdf"));
    ASSERT_TRUE(view->exportPdf(pdf)) << view->problem().toStdString();
    // Noto CJK maps some characters to compatibility forms (一 → ⼀) in the text layer, and table
    // cells wrap: compare NFKC without white space.
    const QString text =
        pdfText(pdf).normalized(QString::NormalizationForm_KC).remove(QRegularExpression(QStringLiteral("\\s+")));
    EXPECT_TRUE(text.contains(QStringLiteral("绍兴市越城区总工会"))) << text.left(300).toStdString();
    EXPECT_TRUE(text.contains(group.name)) << "the group in the header";
    EXPECT_TRUE(text.contains(QStringLiteral("Monthlyexchangemeetingrecord")));
    EXPECT_TRUE(text.contains(QStringLiteral("逐一通报问题进展")));
    EXPECT_TRUE(text.contains(QStringLiteral("作为典型案例推广")));
    EXPECT_TRUE(text.contains(QRegularExpression(QStringLiteral("Page\\d*of")))) << text.right(300).toStdString();
    EXPECT_TRUE(text.contains(first.issueNumber));
}

TEST_F(MeetingsViewTest, OthersReadTheGroupsMeetingsButChangeNothing)
{
    const Meeting m = MeetingService(*db).create(group.meta.id, QStringLiteral("2024-11"), supervisor.meta.id);
    Cadre member;
    for (const Cadre& c : CadreRepository(*db).cadres()) {
        if (c.groupId == group.meta.id && c.role == Role::Cadre)
            member = c;
    }
    ASSERT_NE(member.meta.id, 0);
    for (const Cadre& who : {member, test::cadreWithUsername(*db, QStringLiteral("staff1"))}) {
        auto view = viewAs(who);
        EXPECT_FALSE(view->findChild<QPushButton*>(QStringLiteral("createButton"))->isVisible());
        EXPECT_EQ(view->currentMeetingId(), m.meta.id) << who.name.toStdString();
        EXPECT_GT(view->agendaRowCount(), 0);
        EXPECT_FALSE(view->findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
        EXPECT_FALSE(view->findChild<QPushButton*>(QStringLiteral("addIssueButton"))->isEnabled());
        EXPECT_TRUE(view->findChild<QPushButton*>(QStringLiteral("exportButton"))->isEnabled());
        // The service refuses even when asked directly.
        EXPECT_FALSE(view->setDecision(0, MeetingDecision::Note, {}, {}, QStringLiteral("改")));
        EXPECT_FALSE(view->problem().isEmpty());
    }
}
