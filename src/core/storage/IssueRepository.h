#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

#include <functional>

namespace yg {

/** What the issue list can be narrowed to; applied in SQL. */
struct IssueFilter
{
    std::optional<Stage> stage;
    std::optional<RowId> ownerId;
    std::optional<RowId> townId;
    QDate overdueOn; ///< open, not paused, and due before this date
    /** Only issues this person may see: owned by them, by their group, or by a group they supervise. */
    std::optional<RowId> visibleTo;
    std::optional<RowId> enterpriseId;
    bool openOnly = false;  ///< not closed
    bool byDueDate = false; ///< earliest due date first (undated last) instead of newest intake first
};

/** One row of the issue list (joined, ready to show). */
struct IssueListRow
{
    RowId id = 0;
    int version = 0;
    QString number;
    QString title;
    QString enterprise;
    QString town;
    QString owner;
    QString category;
    Stage stage = Stage::Intake;
    Outcome outcome = Outcome::None;
    QDate receivedOn;
    QDate dueDate;
    QDate pausedSince;
};

/**
 * Issues (问题诉求) and their append-only event log. The rules of which event may follow
 * which belong to the lifecycle engine; this class only stores and reads.
 */
class IssueRepository : public RepositoryBase
{
public:
    explicit IssueRepository(Database& db) : RepositoryBase(db) {}

    /** The next free number of a year, e.g. "2024-0124". */
    QString nextNumber(int year);

    /** Inserts the issue; assigns the next number of its intake year when none is set. */
    void insert(Issue& issue);
    void update(Issue& issue, std::optional<RowId> actor = std::nullopt);
    std::optional<Issue> issue(RowId id);
    std::optional<Issue> byNumber(const QString& number);
    qint64 count();

    /** Appends an event with the next sequence number of its issue (sets id, uuid, seq). */
    void appendEvent(IssueEvent& event);
    QList<IssueEvent> events(RowId issueId);

    qint64 count(const IssueFilter& filter);
    /** A window of the list, newest intake first. */
    QList<IssueListRow> list(const IssueFilter& filter, int offset, int limit);

    /**
     * The condition (on alias `i`) that limits issues to what a person may see; bind the
     * person's id kVisibleToBindings times. One definition for lists, search and timelines.
     */
    static QString visibleToCondition();
    static constexpr int kVisibleToBindings = 4;
    /** The same condition on the issues aliased `alias`, for one person (no bindings). */
    static QString visibleToCondition(const QString& alias, RowId person);

    /** Throws "changed by X at T" unless the issue is still at `expectedVersion`. */
    void checkVersion(RowId id, int expectedVersion, const QString& what);
    bool isCadreOnVisit(RowId visitId, RowId cadreId);

    /** Every issue in id order with its events, in one streaming pass (for checks). */
    void forEachIssueWithEvents(const std::function<void(const Issue&, const QList<IssueEvent>&)>& fn);
    /** Every open issue's lifecycle columns (for escalation), streaming. */
    void forEachOpenIssue(const std::function<void(const Issue&)>& fn);
    /** Events with one of `actions` in [from, to] (open ends allowed), by issue and sequence. */
    void forEachEvent(const QStringList& actions, QDate from, QDate to,
                      const std::function<void(const IssueEvent&)>& fn);
};

} // namespace yg
