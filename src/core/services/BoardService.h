#pragma once

#include "storage/BoardQueries.h"

#include <QJsonObject>
#include <QList>

#include <array>

namespace yg {

class Database;

/** A named filter set a person saved on the board (kept per account in the settings table). */
struct SavedBoardFilter
{
    QString name;
    BoardFilter filter;
    friend bool operator==(const SavedBoardFilter&, const SavedBoardFilter&) = default;
};

/**
 * The supervisor's monthly issue board (看板): which cards each column holds for the acting
 * person and a filter, the counts the filter bar and the column headers show, what dragging a
 * card to another column means and doing it, and the person's saved filter sets.
 *
 * Visibility is the issue rule (IssueRepository::visibleToCondition): staff and
 * administrators see every issue, a supervisor the issues of their own and supervised
 * groups, a cadre those of their group. The open columns always hold the issues open now
 * (the board is where work is moved on); the month only chooses the closed column.
 * Escalation levels are as of today.
 */
class BoardService
{
public:
    explicit BoardService(Database& db);

    /** The fixed part of the queries for this person and month (escalation bounds as of `today`). */
    BoardScope scope(RowId actorId, const BoardFilter& filter, QDate today = {});

    QList<BoardCard> cards(RowId actorId, const BoardFilter& filter, BoardColumn column);
    std::array<int, 4> columnCounts(RowId actorId, const BoardFilter& filter);
    QList<FacetCount> facetCounts(RowId actorId, const BoardFilter& filter, BoardFacet facet);

    /** What moving one card to a column would do for this person. */
    struct MoveOptions
    {
        BoardColumn from = BoardColumn::Intake;
        /** The actions the move means that this person may take now, usual one first. */
        QList<LifecycleAction> actions;
        /** Why the card cannot go there (empty when `actions` is not). */
        QString refusal;
        Issue issue;
        IssueState state;
        ActorContext actor;
        int defaultDueDays = 10;
    };
    MoveOptions moveOptions(RowId issueId, BoardColumn to, RowId actorId);

    /**
     * Moves a card: the action must be one the move means (boardMoveActions), then it is
     * IssueService::act with the same checks, one transaction and one event. Throws yg::Error
     * with the reason and changes nothing otherwise.
     */
    Issue move(RowId issueId, int expectedVersion, BoardColumn to, RowId actorId, ActionInput input);

    /** The person's saved filter sets, by name. */
    QList<SavedBoardFilter> filterSets(RowId actorId);
    /** Saves (or replaces) a named filter set of the acting person. */
    void saveFilterSet(RowId actorId, const QString& name, const BoardFilter& filter);
    void renameFilterSet(RowId actorId, const QString& name, const QString& newName);
    void deleteFilterSet(RowId actorId, const QString& name);

    static QString settingsKey(RowId actorId);
    static QJsonObject toJson(const BoardFilter& filter);
    static BoardFilter filterFromJson(const QJsonObject& json);

private:
    void writeFilterSets(RowId actorId, const QList<SavedBoardFilter>& sets);
    Database& m_db;
};

} // namespace yg
