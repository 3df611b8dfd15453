#include "domain/Board.h"

#include <QCoreApplication>

namespace yg {

QString displayName(BoardColumn column)
{
    switch (column) {
    case BoardColumn::Intake:
        return QCoreApplication::translate("yg::Board", "Intake");
    case BoardColumn::Consultation:
        return QCoreApplication::translate("yg::Board", "Consultation");
    case BoardColumn::FollowUp:
        return QCoreApplication::translate("yg::Board", "Follow-up");
    case BoardColumn::ClosedThisMonth:
        return QCoreApplication::translate("yg::Board", "Closed this month");
    }
    return {};
}

BoardColumn boardColumnOf(Stage stage)
{
    switch (stage) {
    case Stage::Intake:
        return BoardColumn::Intake;
    case Stage::Consultation:
        return BoardColumn::Consultation;
    case Stage::FollowUp:
        return BoardColumn::FollowUp;
    case Stage::Closed:
        return BoardColumn::ClosedThisMonth;
    }
    return BoardColumn::Intake;
}

QList<LifecycleAction> boardMoveActions(BoardColumn from, BoardColumn to)
{
    using A = LifecycleAction;
    using C = BoardColumn;
    if (from == C::Intake && to == C::Consultation)
        return {A::Submit};
    if (from == C::Consultation && to == C::FollowUp)
        return {A::Feedback};
    if (from == C::FollowUp && to == C::Consultation)
        return {A::Reject};
    if (from == C::ClosedThisMonth && to == C::Consultation)
        return {A::Reopen};
    if (to == C::ClosedThisMonth) {
        switch (from) {
        case C::Intake:
            return {A::Explain, A::Close, A::Withdraw};
        case C::Consultation:
            return {A::Close, A::Withdraw};
        case C::FollowUp:
            return {A::Confirm, A::Close};
        case C::ClosedThisMonth:
            break;
        }
    }
    return {};
}

QString boardMoveMeaningless(BoardColumn from, BoardColumn to)
{
    return QCoreApplication::translate("yg::Board",
                                       "A card cannot move from “%1” to “%2”: no step of the closed loop leads there.")
        .arg(displayName(from), displayName(to));
}

} // namespace yg
