#pragma once

#include "domain/Meeting.h"
#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

/** One row of the meeting list (joined, ready to show). */
struct MeetingListRow
{
    RowId id = 0;
    QString month;
    QString group;
    QDate heldOn;
    QString chair;
    int items = 0;
    int decided = 0; ///< items whose decision was recorded as an event
};

/** An issue the agenda may list, with the dates the agenda's rules need (storage gives candidates, the service
 * decides). */
struct AgendaCandidate
{
    RowId issueId = 0;
    QString number;
    Stage stage = Stage::Intake;
    QDate dueDate;
    QDate pausedSince;
    QDate inConsultationSince; ///< when it last entered consultation (submit, reopen, reject)
};

/**
 * Monthly exchange meetings (月度交流会), their attendees and agenda items, and the SQL
 * that finds the agenda's candidates among the issues of one group's cadres.
 */
class MeetingRepository : public RepositoryBase
{
public:
    explicit MeetingRepository(Database& db) : RepositoryBase(db) {}

    void insert(Meeting& meeting);
    /** Date, chair, attendees, other attendees, minutes; optimistic on meta.version. */
    void update(Meeting& meeting, std::optional<RowId> actor = std::nullopt);
    std::optional<Meeting> meeting(RowId id);
    std::optional<Meeting> byGroupMonth(RowId groupId, const QString& month);
    /** Newest month first; `visibleTo`: only the meetings of that person's group and the groups they supervise. */
    QList<MeetingListRow> list(std::optional<RowId> visibleTo);
    /** Touches the meeting (version + 1) so a stale copy elsewhere is refused; used when its agenda changes. */
    void touch(Meeting& meeting, std::optional<RowId> actor);

    void insertItem(AgendaItem& item);
    /** Position, reasons, decision fields and event; optimistic on meta.version. */
    void updateItem(AgendaItem& item, std::optional<RowId> actor = std::nullopt);
    void removeItem(const AgendaItem& item);
    std::optional<AgendaItem> item(RowId id);
    /** The agenda in order, joined with the issues. */
    QList<AgendaItem> items(RowId meetingId);

    /** Issues of the group's cadres received in [from, to]. */
    QList<AgendaCandidate> receivedIn(RowId groupId, QDate from, QDate to);
    /** Issues of the group's cadres with an event of one of `actions` in [from, to]. */
    QList<AgendaCandidate> withEventIn(RowId groupId, const QStringList& actions, QDate from, QDate to);
    /** Open issues of the group's cadres: in consultation, or not paused and due before `asOf`. */
    QList<AgendaCandidate> openCandidates(RowId groupId, QDate asOf);
};

} // namespace yg
