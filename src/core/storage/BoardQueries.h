#pragma once

#include "domain/Board.h"
#include "storage/RepositoryBase.h"

#include <QList>

#include <array>
#include <map>

namespace yg {

/** What the board is narrowed to (the filter bar); every field optional. Applied in SQL. */
struct BoardFilter
{
    QDate month;                  ///< any day of the month whose closed issues show; invalid: the current month
    std::optional<RowId> groupId; ///< the owner's group
    std::optional<RowId> townId;  ///< the enterprise's town
    std::optional<RowId> ownerId; ///< the owning cadre
    std::optional<RowId> categoryId;
    std::optional<RowId> departmentId; ///< the department the issue was last transferred to
    std::optional<Escalation> escalation;

    friend bool operator==(const BoardFilter&, const BoardFilter&) = default;
};

/**
 * The fixed part of one board query, worked out by BoardService: who looks (visibility),
 * the month of the closed column, and the escalation thresholds turned into due-date
 * bounds as of `today` (so the level is a date comparison in SQL, not a per-row count).
 */
struct BoardScope
{
    std::optional<RowId> visibleTo; ///< none: everything (staff, admin)
    QDate today;
    QDate monthFirst;
    QDate monthLast;
    QDate reminderUntil;  ///< due after today and on or before this: 提醒
    QDate talkOnOrBefore; ///< due on or before this: 约谈 (overdue by more than the threshold)
};

/** One card of the board (joined, ready to paint). */
struct BoardCard
{
    RowId id = 0;
    int version = 0;
    QString number;
    QString title;
    QString enterprise;
    QString town;
    QString category;
    QString owner;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
    QDate receivedOn;
    QDate dueDate;
    QDate pausedSince;
    QDate closedOn;
    int ageDays = 0; ///< working days from intake to today (closed: to the closing day)
    Escalation escalation = Escalation::None;
};

/** The dimensions the filter bar counts by. */
enum class BoardFacet
{
    Group,
    Town,
    Owner,
    Category,
    Department,
    Escalation
};

/** How many cards one value of a facet would show (the other filters applied). */
struct FacetCount
{
    std::optional<RowId> key; ///< the id (escalation: the level as a number); none: no department
    QString label;            ///< the name (empty for escalation levels)
    int count = 0;
};

/** The board's statements: cards of one column, counts per column and per facet value. */
class BoardQueries : public RepositoryBase
{
public:
    explicit BoardQueries(Database& db) : RepositoryBase(db) {}

    /** The cards of one column, most escalated and earliest due first (closed: latest closed first). */
    QList<BoardCard> cards(const BoardScope& scope, const BoardFilter& filter, BoardColumn column);
    /** Cards per column with every filter applied. */
    std::array<int, 4> columnCounts(const BoardScope& scope, const BoardFilter& filter);
    /** Cards per value of a facet, with every filter but that facet's own applied (GROUP BY). */
    QList<FacetCount> facetCounts(const BoardScope& scope, const BoardFilter& filter, BoardFacet facet);

    /**
     * The whole board in one statement (what cards() gives per column), and every facet's
     * counts from one GROUP BY over all six dimensions, folded here: a board reload is two
     * passes over the issues in scope instead of ten.
     */
    std::array<QList<BoardCard>, 4> allCards(const BoardScope& scope, const BoardFilter& filter);
    std::map<BoardFacet, QList<FacetCount>> allFacetCounts(const BoardScope& scope, const BoardFilter& filter);

    /**
     * The WHERE clause (with its values) of a board query; `except` leaves that facet's filter
     * out. Public so the benchmark can run the very same statements on bare SQLite.
     */
    static QString where(const BoardScope& scope, const BoardFilter& filter, std::optional<BoardFacet> except,
                         QVariantList* values);
    /** The escalation level (0–4, as Escalation) of alias `i` as an SQL expression; appends its values. */
    static QString escalationExpression(const BoardScope& scope, QVariantList* values);
    static QString cardsStatement(const BoardScope& scope, const BoardFilter& filter, BoardColumn column,
                                  QVariantList* values);
    static QString columnCountsStatement(const BoardScope& scope, const BoardFilter& filter, QVariantList* values);
    static QString allCardsStatement(const BoardScope& scope, const BoardFilter& filter, QVariantList* values);
    static QString allFacetsStatement(const BoardScope& scope, QVariantList* values);
    static QString facetStatement(const BoardScope& scope, const BoardFilter& filter, BoardFacet facet,
                                  QVariantList* values);

private:
    static QString cardsSelect(const BoardScope& scope, QVariantList* values);
    static BoardCard readCard(const QSqlQuery& r);
};

} // namespace yg
