#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

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
};

} // namespace yg
