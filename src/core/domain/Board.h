#pragma once

#include "domain/Lifecycle.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace yg {

/**
 * The columns of the supervisor's monthly issue board (看板): the three open lifecycle
 * stages, and the issues closed within the chosen month.
 */
enum class BoardColumn
{
    Intake,
    Consultation,
    FollowUp,
    ClosedThisMonth
};

inline constexpr std::array kAllBoardColumns{BoardColumn::Intake, BoardColumn::Consultation, BoardColumn::FollowUp,
                                             BoardColumn::ClosedThisMonth};

QString displayName(BoardColumn column);
/** The column a card of this stage stands in (a closed issue: the closed column). */
BoardColumn boardColumnOf(Stage stage);

/**
 * What dragging a card from one column to another means: the lifecycle actions that take
 * an issue there, in the order offered (the first is the usual one). Empty when the move
 * has no meaning (e.g. back to intake). See the table in docs/lifecycle.md ("The board").
 */
QList<LifecycleAction> boardMoveActions(BoardColumn from, BoardColumn to);

/** The sentence shown when a card cannot go from one column to another at all. */
QString boardMoveMeaningless(BoardColumn from, BoardColumn to);

} // namespace yg
