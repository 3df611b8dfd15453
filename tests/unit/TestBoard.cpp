#include "TestSupport.h"
#include "domain/Board.h"
#include "services/BoardService.h"
#include "services/IssueService.h"
#include "storage/BoardQueries.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <gtest/gtest.h>

#include <set>

using namespace yg;
using test::errorOf;
using A = LifecycleAction;
using C = BoardColumn;

// The drag → action table (docs/lifecycle.md, "The board"), every pair of columns.
struct MoveCase
{
    C from;
    C to;
    QList<A> actions;
};

class BoardMoveTable : public ::testing::TestWithParam<MoveCase>
{};

TEST_P(BoardMoveTable, EachPairOfColumnsMeansItsActions)
{
    const MoveCase& c = GetParam();
    EXPECT_EQ(boardMoveActions(c.from, c.to), c.actions)
        << displayName(c.from).toStdString() << " → " << displayName(c.to).toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    AllPairs, BoardMoveTable,
    ::testing::Values(
        MoveCase{C::Intake, C::Intake, {}}, MoveCase{C::Intake, C::Consultation, {A::Submit}},
        MoveCase{C::Intake, C::FollowUp, {}},
        MoveCase{C::Intake, C::ClosedThisMonth, {A::Explain, A::Close, A::Withdraw}},
        MoveCase{C::Consultation, C::Intake, {}}, MoveCase{C::Consultation, C::Consultation, {}},
        MoveCase{C::Consultation, C::FollowUp, {A::Feedback}},
        MoveCase{C::Consultation, C::ClosedThisMonth, {A::Close, A::Withdraw}}, MoveCase{C::FollowUp, C::Intake, {}},
        MoveCase{C::FollowUp, C::Consultation, {A::Reject}}, MoveCase{C::FollowUp, C::FollowUp, {}},
        MoveCase{C::FollowUp, C::ClosedThisMonth, {A::Confirm, A::Close}}, MoveCase{C::ClosedThisMonth, C::Intake, {}},
        MoveCase{C::ClosedThisMonth, C::Consultation, {A::Reopen}}, MoveCase{C::ClosedThisMonth, C::FollowUp, {}},
        MoveCase{C::ClosedThisMonth, C::ClosedThisMonth, {}}),
    [](const ::testing::TestParamInfo<MoveCase>& info) {
        return "from" + std::to_string(static_cast<int>(info.param.from)) + "to" +
               std::to_string(static_cast<int>(info.param.to));
    });

namespace {

/**
 * Two groups in two towns. Today is Monday 2 December 2024 (reminder: due within 2 working
 * days; talk: overdue by more than 5 working days).
 */
class BoardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2024, 12, 2), QTime(2, 0), Qt::UTC));
        f = test::makeFixture(t.db());
        WriteTransaction tx(t.db().connection());
        ReferenceRepository refs(t.db());
        CadreRepository cadres(t.db());
        town2 = Town{{}, QStringLiteral("tashan"), QStringLiteral("塔山街道"), 2};
        refs.insert(town2);
        category2 = Category{{}, QStringLiteral("fire_safety"), QStringLiteral("消防安全"), 10, 2};
        refs.insert(category2);
        supervisor2.name = QStringLiteral("陈立新");
        supervisor2.role = Role::Supervisor;
        supervisor2.activeFrom = QDate(2023, 4, 1);
        cadres.insert(supervisor2);
        group2 = CadreGroup{{}, QStringLiteral("第二联络组"), supervisor2.meta.id};
        cadres.insert(group2);
        cadre2.name = QStringLiteral("孙晓燕");
        cadre2.groupId = group2.meta.id;
        cadre2.activeFrom = QDate(2023, 4, 1);
        cadres.insert(cadre2);
        staff.name = QStringLiteral("钱静");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 4, 1);
        cadres.insert(staff);
        enterprise2.name = QStringLiteral("绍兴塔山印刷有限公司");
        enterprise2.creditCode = QString::fromLatin1(test::kValidCreditCodes[1]);
        enterprise2.townId = town2.meta.id;
        enterprise2.employees = 40;
        EnterpriseRepository(t.db()).insert(enterprise2);
        tx.commit();

        // Group 1, town 1, category 1 unless said otherwise.
        intake = record(QDate(2024, 11, 20));
        warning = submit(record(QDate(2024, 11, 20)), QDate(2024, 12, 2));
        talk = submit(record(QDate(2024, 10, 30)), QDate(2024, 11, 8));
        supervision = submit(record(QDate(2024, 11, 20)), QDate(2024, 11, 28));
        reminder = submit(record(QDate(2024, 11, 20)), QDate(2024, 12, 4));
        followUp = act(submit(record(QDate(2024, 11, 20)), QDate(2025, 1, 10)), A::Feedback, QDate(2024, 11, 25));
        closedNov30 = act(record(QDate(2024, 11, 20)), A::Explain, QDate(2024, 11, 30));
        closedDec1 = act(record(QDate(2024, 11, 20)), A::Explain, QDate(2024, 12, 1));
        closedOct = act(record(QDate(2024, 10, 8)), A::Explain, QDate(2024, 10, 31));
        // Group 2, town 2, category 2, with a department, no escalation.
        other = record(QDate(2024, 11, 21), cadre2, enterprise2.meta.id, category2.meta.id);
        other = submit(other, QDate(2025, 2, 1), cadre2.meta.id);
        other = act(other, A::Transfer, QDate(2024, 11, 22), cadre2.meta.id);
    }
    void TearDown() override { Clock::setFixedNow({}); }

    Issue record(QDate on, const Cadre& owner = {}, RowId enterprise = 0, RowId category = 0)
    {
        Issue i;
        i.enterpriseId = enterprise ? enterprise : f.enterprise.meta.id;
        i.categoryId = category ? category : f.category.meta.id;
        i.title = QStringLiteral("职工反映的问题");
        i.description = QStringLiteral("说明");
        i.ownerId = owner.meta.id ? owner.meta.id : f.cadre.meta.id;
        return issues.record(i, i.ownerId, on);
    }
    Issue act(const Issue& i, A action, QDate on, RowId actor = 0, QDate due = {})
    {
        ActionInput in;
        in.action = action;
        in.date = on;
        in.note = QStringLiteral("说明");
        in.dueDate = due;
        in.departmentId = f.department.meta.id;
        in.satisfaction = kSatisfied;
        return issues.act(i.meta.id, i.meta.version, actor ? actor : i.ownerId, in);
    }
    Issue submit(const Issue& i, QDate due, RowId actor = 0) { return act(i, A::Submit, i.receivedOn, actor, due); }

    std::set<QString> numbers(RowId actor, const BoardFilter& filter)
    {
        std::set<QString> out;
        for (C column : kAllBoardColumns) {
            for (const BoardCard& c : board.cards(actor, filter, column))
                out.insert(c.number);
        }
        return out;
    }
    std::set<QString> numbers(C column, const BoardFilter& filter = {}, RowId actor = 0)
    {
        std::set<QString> out;
        for (const BoardCard& c : board.cards(actor ? actor : staff.meta.id, filter, column))
            out.insert(c.number);
        return out;
    }

    test::TempDatabase t;
    test::Fixture f;
    Town town2;
    Category category2;
    CadreGroup group2;
    Cadre supervisor2, cadre2, staff;
    Enterprise enterprise2;
    Issue intake, warning, talk, supervision, reminder, followUp, closedNov30, closedDec1, closedOct, other;
    IssueService issues{t.db()};
    BoardService board{t.db()};
};

} // namespace

TEST_F(BoardTest, OpenColumnsHoldTheIssuesOpenNowAndTheClosedColumnTheChosenMonth)
{
    EXPECT_EQ(numbers(C::Intake), (std::set{intake.number}));
    EXPECT_EQ(numbers(C::Consultation),
              (std::set{warning.number, talk.number, supervision.number, reminder.number, other.number}));
    EXPECT_EQ(numbers(C::FollowUp), (std::set{followUp.number}));
    EXPECT_EQ(numbers(C::ClosedThisMonth), (std::set{closedDec1.number})) << "this month: December";
    BoardFilter november;
    november.month = QDate(2024, 11, 15);
    EXPECT_EQ(numbers(C::ClosedThisMonth, november), (std::set{closedNov30.number})) << "30 November is November";
    EXPECT_EQ(numbers(C::Consultation, november).size(), 5u) << "the open columns do not depend on the month";
    BoardFilter october;
    october.month = QDate(2024, 10, 1);
    EXPECT_EQ(numbers(C::ClosedThisMonth, october), (std::set{closedOct.number}));
}

TEST_F(BoardTest, CardsShowAgeInWorkingDaysAndOrderByEscalation)
{
    const QList<BoardCard> cards = board.cards(staff.meta.id, {}, C::Consultation);
    ASSERT_EQ(cards.size(), 5);
    EXPECT_EQ(cards.first().number, talk.number) << "most escalated first";
    EXPECT_EQ(cards.first().escalation, Escalation::Talk);
    EXPECT_EQ(cards.first().ageDays, 23) << "after 30 Oct up to 2 Dec: 31 Oct, 21 in November, 2 Dec";
    EXPECT_EQ(cards.first().ageDays, issues.calendar().workingDaysBetween(QDate(2024, 10, 30), QDate(2024, 12, 2)));
    EXPECT_EQ(cards.first().enterprise, f.enterprise.name);
    EXPECT_EQ(cards.first().owner, f.cadre.name);
    EXPECT_EQ(cards.first().category, f.category.name);
    EXPECT_EQ(cards.last().number, other.number) << "no escalation last";
    const QList<BoardCard> closed = board.cards(staff.meta.id, {}, C::ClosedThisMonth);
    ASSERT_EQ(closed.size(), 1);
    EXPECT_EQ(closed.first().ageDays, 7) << "after 20 Nov up to the closing day, Sunday 1 Dec: 21–29 Nov";
}

TEST_F(BoardTest, EscalationLevelsInSqlAreTheLaddersLevels)
{
    const QHash<RowId, Escalation> ladder = issues.escalationLevels(Clock::today());
    int checked = 0;
    for (C column : {C::Intake, C::Consultation, C::FollowUp}) {
        for (const BoardCard& c : board.cards(staff.meta.id, {}, column)) {
            EXPECT_EQ(c.escalation, ladder.value(c.id, Escalation::None)) << c.number.toStdString();
            ++checked;
        }
    }
    EXPECT_EQ(checked, 7);
    EXPECT_EQ(ladder.value(talk.meta.id), Escalation::Talk);
    EXPECT_EQ(ladder.value(supervision.meta.id), Escalation::Supervision);
    EXPECT_EQ(ladder.value(warning.meta.id), Escalation::Warning);
    EXPECT_EQ(ladder.value(reminder.meta.id), Escalation::Reminder);
}

TEST_F(BoardTest, EachFilterNarrowsTheBoard)
{
    struct Case
    {
        const char* name;
        std::function<void(BoardFilter&)> set;
        std::set<QString> expected;
    };
    const std::set<QString> group1{intake.number,   warning.number,  talk.number,      supervision.number,
                                   reminder.number, followUp.number, closedDec1.number};
    const QList<Case> cases{
        {"group 1", [&](BoardFilter& b) { b.groupId = f.group.meta.id; }, group1},
        {"group 2", [&](BoardFilter& b) { b.groupId = group2.meta.id; }, {other.number}},
        {"town 2", [&](BoardFilter& b) { b.townId = town2.meta.id; }, {other.number}},
        {"town 1", [&](BoardFilter& b) { b.townId = f.town.meta.id; }, group1},
        {"cadre 2", [&](BoardFilter& b) { b.ownerId = cadre2.meta.id; }, {other.number}},
        {"category 2", [&](BoardFilter& b) { b.categoryId = category2.meta.id; }, {other.number}},
        {"department", [&](BoardFilter& b) { b.departmentId = f.department.meta.id; }, {other.number}},
        {"talk", [&](BoardFilter& b) { b.escalation = Escalation::Talk; }, {talk.number}},
        {"supervision", [&](BoardFilter& b) { b.escalation = Escalation::Supervision; }, {supervision.number}},
        {"warning", [&](BoardFilter& b) { b.escalation = Escalation::Warning; }, {warning.number}},
        {"reminder", [&](BoardFilter& b) { b.escalation = Escalation::Reminder; }, {reminder.number}},
        {"none",
         [&](BoardFilter& b) { b.escalation = Escalation::None; },
         {intake.number, followUp.number, other.number, closedDec1.number}},
        {"town 1 and talk",
         [&](BoardFilter& b) {
             b.townId = f.town.meta.id;
             b.escalation = Escalation::Talk;
         },
         {talk.number}},
        {"town 2 and talk",
         [&](BoardFilter& b) {
             b.townId = town2.meta.id;
             b.escalation = Escalation::Talk;
         },
         {}},
    };
    for (const Case& c : cases) {
        BoardFilter filter;
        c.set(filter);
        EXPECT_EQ(numbers(staff.meta.id, filter), c.expected) << c.name;
        const auto counts = board.columnCounts(staff.meta.id, filter);
        size_t total = 0;
        for (int n : counts)
            total += static_cast<size_t>(n);
        EXPECT_EQ(total, c.expected.size()) << c.name << ": the column counts add up to the cards";
    }
}

TEST_F(BoardTest, ColumnCountsAreTheCardsOfEachColumn)
{
    const auto counts = board.columnCounts(staff.meta.id, {});
    EXPECT_EQ(counts, (std::array<int, 4>{1, 5, 1, 1}));
    BoardFilter november;
    november.month = QDate(2024, 11, 1);
    EXPECT_EQ(board.columnCounts(staff.meta.id, november), (std::array<int, 4>{1, 5, 1, 1}));
    november.escalation = Escalation::Warning;
    EXPECT_EQ(board.columnCounts(staff.meta.id, november), (std::array<int, 4>{0, 1, 0, 0}));
}

TEST_F(BoardTest, FacetCountsTellWhatEachValueWouldShowWithTheOtherFilters)
{
    BoardFilter filter;
    filter.townId = f.town.meta.id;
    // The town facet ignores the town filter itself: both towns are offered with their counts.
    const QList<FacetCount> towns = board.facetCounts(staff.meta.id, filter, BoardFacet::Town);
    ASSERT_EQ(towns.size(), 2);
    QHash<RowId, int> byTown;
    for (const FacetCount& c : towns)
        byTown.insert(*c.key, c.count);
    EXPECT_EQ(byTown.value(f.town.meta.id), 7);
    EXPECT_EQ(byTown.value(town2.meta.id), 1);
    // The other facets count within town 1.
    const QList<FacetCount> categories = board.facetCounts(staff.meta.id, filter, BoardFacet::Category);
    ASSERT_EQ(categories.size(), 1);
    EXPECT_EQ(categories.first().label, f.category.name);
    EXPECT_EQ(categories.first().count, 7);
    const QList<FacetCount> levels = board.facetCounts(staff.meta.id, filter, BoardFacet::Escalation);
    QHash<int, int> byLevel;
    for (const FacetCount& c : levels)
        byLevel.insert(static_cast<int>(*c.key), c.count);
    EXPECT_EQ(byLevel.value(int(Escalation::Talk)), 1);
    EXPECT_EQ(byLevel.value(int(Escalation::Supervision)), 1);
    EXPECT_EQ(byLevel.value(int(Escalation::Warning)), 1);
    EXPECT_EQ(byLevel.value(int(Escalation::Reminder)), 1);
    EXPECT_EQ(byLevel.value(int(Escalation::None)), 3);
    const QList<FacetCount> departments = board.facetCounts(staff.meta.id, {}, BoardFacet::Department);
    ASSERT_EQ(departments.size(), 2);
    EXPECT_EQ(departments.first().label, f.department.name);
    EXPECT_EQ(departments.first().count, 1);
    EXPECT_FALSE(departments.last().key.has_value()) << "issues with no department come last";
    const QList<FacetCount> groups = board.facetCounts(staff.meta.id, {}, BoardFacet::Group);
    ASSERT_EQ(groups.size(), 2);
    const QList<FacetCount> owners = board.facetCounts(staff.meta.id, {}, BoardFacet::Owner);
    ASSERT_EQ(owners.size(), 2);
}

TEST_F(BoardTest, EachPersonSeesTheBoardOfWhatTheyMaySee)
{
    EXPECT_EQ(numbers(f.supervisor.meta.id, {}).count(other.number), 0u) << "supervisor 1: not group 2";
    EXPECT_EQ(numbers(f.supervisor.meta.id, {}).size(), 7u);
    EXPECT_EQ(numbers(supervisor2.meta.id, {}), (std::set{other.number}));
    EXPECT_EQ(numbers(cadre2.meta.id, {}), (std::set{other.number})) << "a cadre: their group's";
    EXPECT_EQ(numbers(f.cadre.meta.id, {}).size(), 7u);
    EXPECT_EQ(numbers(staff.meta.id, {}).size(), 8u);
    const auto counts = board.columnCounts(supervisor2.meta.id, {});
    EXPECT_EQ(counts, (std::array<int, 4>{0, 1, 0, 0}));
    const QList<FacetCount> towns = board.facetCounts(supervisor2.meta.id, {}, BoardFacet::Town);
    ASSERT_EQ(towns.size(), 1) << "the counts too are limited to what the person sees";
}

TEST_F(BoardTest, AMoveMeansItsLifecycleActionAndWritesOneEvent)
{
    const auto options = board.moveOptions(intake.meta.id, C::Consultation, f.cadre.meta.id);
    EXPECT_TRUE(options.refusal.isEmpty()) << options.refusal.toStdString();
    EXPECT_EQ(options.actions, QList<A>{A::Submit});
    EXPECT_EQ(options.from, C::Intake);
    ActionInput in;
    in.action = A::Submit;
    const Issue moved = board.move(intake.meta.id, intake.meta.version, C::Consultation, f.cadre.meta.id, in);
    EXPECT_EQ(moved.stage, Stage::Consultation);
    EXPECT_EQ(IssueRepository(t.db()).events(intake.meta.id).size(), 2);
    EXPECT_EQ(numbers(C::Consultation).count(intake.number), 1u);

    // To closed, several actions fit: the board asks which.
    EXPECT_EQ(board.moveOptions(followUp.meta.id, C::ClosedThisMonth, f.cadre.meta.id).actions,
              (QList<A>{A::Confirm, A::Close}));
    EXPECT_EQ(board.moveOptions(talk.meta.id, C::ClosedThisMonth, f.cadre.meta.id).actions,
              (QList<A>{A::Close, A::Withdraw}));
}

TEST_F(BoardTest, ARefusedMoveSaysWhyAndChangesNothing)
{
    const QByteArray before = test::contentHash(t.db().connection());
    // No meaning: back to intake.
    auto options = board.moveOptions(warning.meta.id, C::Intake, f.cadre.meta.id);
    EXPECT_TRUE(options.actions.isEmpty());
    EXPECT_TRUE(options.refusal.contains(displayName(C::Intake))) << options.refusal.toStdString();
    // The rules: only a supervisor or staff reopens.
    options = board.moveOptions(closedDec1.meta.id, C::Consultation, f.cadre.meta.id);
    EXPECT_TRUE(options.actions.isEmpty());
    EXPECT_FALSE(options.refusal.isEmpty());
    EXPECT_EQ(board.moveOptions(closedDec1.meta.id, C::Consultation, f.supervisor.meta.id).actions,
              QList<A>{A::Reopen});
    // Someone who cannot see the issue.
    options = board.moveOptions(warning.meta.id, C::FollowUp, cadre2.meta.id);
    EXPECT_TRUE(options.actions.isEmpty());
    EXPECT_FALSE(options.refusal.isEmpty());
    // The service refuses an action the move does not mean, and one the rules refuse.
    ActionInput in;
    in.action = A::Feedback;
    in.note = QStringLiteral("已解决");
    EXPECT_FALSE(
        errorOf([&] { board.move(intake.meta.id, intake.meta.version, C::FollowUp, f.cadre.meta.id, in); }).isEmpty());
    in.action = A::Reopen;
    in.note = QStringLiteral("重新办理");
    EXPECT_FALSE(errorOf([&] {
                     board.move(closedDec1.meta.id, closedDec1.meta.version, C::Consultation, f.cadre.meta.id, in);
                 }).isEmpty());
    EXPECT_FALSE(
        errorOf([&] { board.move(warning.meta.id, warning.meta.version, C::FollowUp, cadre2.meta.id, in); }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before);
}

TEST_F(BoardTest, SavedFilterSetsAreNamedPerAccount)
{
    BoardFilter mine;
    mine.month = QDate(2024, 11, 1);
    mine.townId = town2.meta.id;
    mine.escalation = Escalation::Talk;
    mine.departmentId = f.department.meta.id;
    board.saveFilterSet(f.supervisor.meta.id, QStringLiteral(" 塔山约谈 "), mine);
    BoardFilter second;
    second.groupId = f.group.meta.id;
    second.ownerId = f.cadre.meta.id;
    second.categoryId = f.category.meta.id;
    board.saveFilterSet(f.supervisor.meta.id, QStringLiteral("第一组"), second);

    QList<SavedBoardFilter> sets = board.filterSets(f.supervisor.meta.id);
    ASSERT_EQ(sets.size(), 2);
    const auto find = [&](const QString& name) {
        for (const SavedBoardFilter& s : board.filterSets(f.supervisor.meta.id)) {
            if (s.name == name)
                return std::optional<BoardFilter>(s.filter);
        }
        return std::optional<BoardFilter>();
    };
    EXPECT_EQ(find(QStringLiteral("塔山约谈")), mine) << "trimmed name; every field comes back";
    EXPECT_EQ(find(QStringLiteral("第一组")), second);
    EXPECT_TRUE(board.filterSets(supervisor2.meta.id).isEmpty()) << "another account has its own";

    // Saving under the same name replaces; renaming keeps the filter.
    second.escalation = Escalation::Warning;
    board.saveFilterSet(f.supervisor.meta.id, QStringLiteral("第一组"), second);
    EXPECT_EQ(board.filterSets(f.supervisor.meta.id).size(), 2);
    board.renameFilterSet(f.supervisor.meta.id, QStringLiteral("第一组"), QStringLiteral("王建国的"));
    EXPECT_EQ(find(QStringLiteral("王建国的")), second);
    EXPECT_FALSE(find(QStringLiteral("第一组")));

    const QByteArray before = test::contentHash(t.db().connection());
    EXPECT_FALSE(errorOf([&] {
                     board.renameFilterSet(f.supervisor.meta.id, QStringLiteral("王建国的"),
                                           QStringLiteral("塔山约谈"));
                 }).isEmpty());
    EXPECT_FALSE(errorOf([&] { board.saveFilterSet(f.supervisor.meta.id, QStringLiteral("  "), mine); }).isEmpty());
    EXPECT_FALSE(errorOf([&] { board.deleteFilterSet(f.supervisor.meta.id, QStringLiteral("不存在")); }).isEmpty());
    EXPECT_EQ(test::contentHash(t.db().connection()), before) << "refusals change nothing";

    board.deleteFilterSet(f.supervisor.meta.id, QStringLiteral("塔山约谈"));
    sets = board.filterSets(f.supervisor.meta.id);
    ASSERT_EQ(sets.size(), 1);
    EXPECT_EQ(sets.first().name, QStringLiteral("王建国的"));

    // Applying a saved set gives the same board as the filter it holds.
    EXPECT_EQ(numbers(f.supervisor.meta.id, sets.first().filter), numbers(f.supervisor.meta.id, second));
}

TEST_F(BoardTest, TheOnePassBoardAndFacetsEqualTheStatementsPerColumnAndFacet)
{
    QList<BoardFilter> filters(6);
    filters[1].townId = f.town.meta.id;
    filters[2].escalation = Escalation::Talk;
    filters[3].groupId = group2.meta.id;
    filters[3].departmentId = f.department.meta.id;
    filters[4].month = QDate(2024, 11, 1);
    filters[4].categoryId = f.category.meta.id;
    filters[5].ownerId = f.cadre.meta.id;
    filters[5].escalation = Escalation::None;
    const auto ids = [](const QList<BoardCard>& cards) {
        QList<RowId> out;
        for (const BoardCard& c : cards)
            out << c.id;
        return out;
    };
    const auto same = [](const QList<FacetCount>& a, const QList<FacetCount>& b) {
        if (a.size() != b.size())
            return false;
        for (int n = 0; n < a.size(); ++n) {
            if (a[n].key != b[n].key || a[n].label != b[n].label || a[n].count != b[n].count)
                return false;
        }
        return true;
    };
    BoardQueries queries(t.db());
    for (RowId who : {staff.meta.id, f.supervisor.meta.id, cadre2.meta.id}) {
        for (int n = 0; n < filters.size(); ++n) {
            const BoardScope scope = board.scope(who, filters[n]);
            const auto all = queries.allCards(scope, filters[n]);
            for (C column : kAllBoardColumns) {
                EXPECT_EQ(ids(all[static_cast<int>(column)]), ids(queries.cards(scope, filters[n], column)))
                    << "filter " << n << ", column " << static_cast<int>(column);
            }
            const auto facets = queries.allFacetCounts(scope, filters[n]);
            for (BoardFacet facet : {BoardFacet::Group, BoardFacet::Town, BoardFacet::Owner, BoardFacet::Category,
                                     BoardFacet::Department, BoardFacet::Escalation}) {
                EXPECT_TRUE(same(facets.at(facet), queries.facetCounts(scope, filters[n], facet)))
                    << "filter " << n << ", facet " << static_cast<int>(facet);
            }
        }
    }
}
