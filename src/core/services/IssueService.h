#pragma once

#include "domain/Lifecycle.h"

#include <QHash>
#include <QList>

namespace yg {

class Database;

/**
 * The closed loop as a service: every lifecycle action goes through here (GUI, CLI,
 * imports), in one write transaction that checks the copy the person saw is current,
 * applies the rules of Lifecycle for this actor, appends exactly one event and stores
 * the stage the events imply. A refusal throws yg::Error naming the issue, the stage,
 * the action and why; nothing is changed.
 */
class IssueService
{
public:
    explicit IssueService(Database& db);

    /** 接诊: stores a new issue in intake with its "record" event; returns it (number assigned). */
    Issue record(Issue draft, RowId actorId, QDate date = {});

    /**
     * Performs an action on an issue the person saw at `expectedVersion`. A stale copy is
     * refused with "changed by X at T"; the action date defaults to today.
     */
    Issue act(RowId issueId, int expectedVersion, RowId actorId, ActionInput input);

    /**
     * record() and act() for a caller that already holds the WriteTransaction (a visit
     * saved together with the issues raised in it): same checks, same events, no
     * transaction of their own and no check that the account is enabled (the caller did).
     */
    Issue recordWithin(Issue draft, RowId actorId, QDate date = {});
    /** `meetingId`: the monthly exchange meeting the action was decided at (stored on the event). */
    Issue actWithin(RowId issueId, int expectedVersion, RowId actorId, ActionInput input,
                    std::optional<RowId> meetingId = std::nullopt);

    /** How the actor relates to the issue (owner, on its visit, supervisor of the owner's group). */
    ActorContext actorContext(const Issue& issue, RowId actorId);
    /** The actions the actor may take on the issue now. */
    QList<LifecycleAction> allowedActions(const Issue& issue, RowId actorId);

    /** The filter part that limits lists to what the actor may see (none for staff and admins). */
    std::optional<RowId> visibilityFor(const Cadre& actor);
    /** Whether the actor may see this issue (throws nothing). */
    bool canSee(const Cadre& actor, const Issue& issue);

    WorkCalendar calendar();
    EscalationThresholds thresholds();
    /** The escalation level of every open issue as of a date (issues without one are omitted). */
    QHash<RowId, Escalation> escalationLevels(QDate asOf);

    /** Per department, over events in [from, to]: transfers received, returns, time to feedback. */
    struct DepartmentFigures
    {
        RowId departmentId = 0;
        QString name;
        int received = 0;
        int returned = 0;
        int feedbacks = 0;
        double averageDaysToFeedback = 0; ///< working days from transfer to feedback
    };
    QList<DepartmentFigures> departmentFigures(QDate from = {}, QDate to = {});

    /** An issue whose stored stage, outcome or due date differs from what its events imply. */
    struct Inconsistency
    {
        QString number;
        QString problem;
    };
    /** Checks every issue against the replay of its events (streaming, whole database). */
    QList<Inconsistency> checkConsistency();

private:
    Database& m_db;
};

} // namespace yg
