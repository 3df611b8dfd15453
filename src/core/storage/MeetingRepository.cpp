#include "MeetingRepository.h"

#include "storage/Sql.h"
#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

namespace {

const QString kSelectMeeting = QStringLiteral("SELECT id, uuid, created_at, updated_at, version, group_id, month, "
                                              "held_on, chair_id, other_attendees, minutes FROM meetings");

const QString kSelectItem = QStringLiteral(
    "SELECT mi.id, mi.uuid, mi.created_at, mi.updated_at, mi.version, mi.meeting_id, mi.issue_id, mi.reasons, "
    "mi.position, mi.decision, mi.department_id, mi.due_date, mi.note, mi.event_id, i.number, i.title, e.name, "
    "c.name, o.name, i.stage, i.outcome, i.due_date, i.version, d.name FROM meeting_items mi "
    "JOIN issues i ON i.id = mi.issue_id JOIN enterprises e ON e.id = i.enterprise_id "
    "JOIN categories c ON c.id = i.category_id JOIN cadres o ON o.id = i.owner_id "
    "LEFT JOIN departments d ON d.id = mi.department_id");

// The issues of one group's cadres: cadres(group_id) then issues(owner_id, stage).
const QString kGroupIssues = QStringLiteral("FROM issues i JOIN cadres o ON o.id = i.owner_id WHERE o.group_id = :g");

// NOT NULL text columns: a null QString would bind as NULL.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString what(const Meeting& m)
{
    return QCoreApplication::translate("yg::Storage", "Meeting of %1").arg(m.month);
}

void bindMeeting(QSqlQuery& q, const Meeting& m)
{
    q.bindValue(QStringLiteral(":group_id"), m.groupId);
    q.bindValue(QStringLiteral(":month"), m.month);
    q.bindValue(QStringLiteral(":held_on"), sql::dateValue(m.heldOn));
    q.bindValue(QStringLiteral(":chair_id"), sql::idValue(m.chairId));
    q.bindValue(QStringLiteral(":other_attendees"), notNull(m.otherAttendees.trimmed()));
    q.bindValue(QStringLiteral(":minutes"), notNull(m.minutes));
}

void bindItem(QSqlQuery& q, const AgendaItem& i)
{
    q.bindValue(QStringLiteral(":reasons"), reasonsKey(i.reasons));
    q.bindValue(QStringLiteral(":position"), i.position);
    q.bindValue(QStringLiteral(":decision"), toKey(i.decision));
    q.bindValue(QStringLiteral(":department_id"), sql::idValue(i.departmentId));
    q.bindValue(QStringLiteral(":due_date"), sql::dateValue(i.dueDate));
    q.bindValue(QStringLiteral(":note"), notNull(i.note.trimmed()));
    q.bindValue(QStringLiteral(":event_id"), sql::idValue(i.eventId));
}

AgendaCandidate readCandidate(const QSqlQuery& r)
{
    AgendaCandidate c;
    c.issueId = r.value(0).toLongLong();
    c.number = r.value(1).toString();
    c.stage = fromKey<Stage>(r.value(2).toString()).value_or(Stage::Intake);
    c.dueDate = sql::toDate(r.value(3));
    c.pausedSince = sql::toDate(r.value(4));
    return c;
}

const QString kCandidateColumns = QStringLiteral("SELECT i.id, i.number, i.stage, i.due_date, i.paused_since ");

} // namespace

void MeetingRepository::insert(Meeting& m)
{
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("INSERT INTO meetings (uuid, group_id, month, held_on, chair_id, "
                                                  "other_attendees, minutes, created_at, updated_at) VALUES (:uuid, "
                                                  ":group_id, :month, :held_on, :chair_id, :other_attendees, :minutes, "
                                                  ":created_at, :updated_at)"));
    prepareNewMeta(m.meta, q);
    bindMeeting(q, m);
    sql::exec(q);
    m.meta.id = q.lastInsertId().toLongLong();
    QSqlQuery a =
        sql::prepare(connection(),
                     QStringLiteral("INSERT INTO meeting_attendees (meeting_id, cadre_id, position) VALUES (?, ?, ?)"));
    for (int i = 0; i < m.attendeeIds.size(); ++i) {
        a.addBindValue(m.meta.id);
        a.addBindValue(m.attendeeIds[i]);
        a.addBindValue(i);
        sql::exec(a);
    }
    auditCreated("meetings", m.meta.id, m.meta.uuid);
}

void MeetingRepository::update(Meeting& m, std::optional<RowId> actor)
{
    QSqlQuery q = sql::prepare(
        connection(), QStringLiteral("UPDATE meetings SET group_id = :group_id, month = :month, held_on = :held_on, "
                                     "chair_id = :chair_id, other_attendees = :other_attendees, minutes = :minutes, "
                                     "updated_at = :updated_at, updated_by = :updated_by, version = version + 1 "
                                     "WHERE id = :id AND version = :version"));
    bindMeeting(q, m);
    const RowId id = m.meta.id;
    const QList<RowId> attendees = m.attendeeIds;
    execOptimisticUpdate(q, "meetings", m.meta, what(m), actor, [&] {
        QSqlQuery del =
            sql::prepare(connection(), QStringLiteral("DELETE FROM meeting_attendees WHERE meeting_id = ?"));
        del.addBindValue(id);
        sql::exec(del);
        QSqlQuery a = sql::prepare(
            connection(),
            QStringLiteral("INSERT INTO meeting_attendees (meeting_id, cadre_id, position) VALUES (?, ?, ?)"));
        for (int i = 0; i < attendees.size(); ++i) {
            a.addBindValue(id);
            a.addBindValue(attendees[i]);
            a.addBindValue(i);
            sql::exec(a);
        }
    });
}

void MeetingRepository::touch(Meeting& m, std::optional<RowId> actor)
{
    update(m, actor);
}

std::optional<Meeting> MeetingRepository::meeting(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectMeeting + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    auto read = [](const QSqlQuery& r) {
        Meeting m;
        m.meta = readMeta(r);
        m.groupId = r.value(5).toLongLong();
        m.month = r.value(6).toString();
        m.heldOn = sql::toDate(r.value(7));
        m.chairId = sql::toOptionalId(r.value(8));
        m.otherAttendees = r.value(9).toString();
        m.minutes = r.value(10).toString();
        return m;
    };
    auto m = firstOf(readAll<Meeting>(q, read));
    if (m) {
        QSqlQuery a = sql::prepare(
            connection(),
            QStringLiteral("SELECT cadre_id FROM meeting_attendees WHERE meeting_id = ? ORDER BY position"));
        a.addBindValue(id);
        m->attendeeIds = readAll<RowId>(a, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    }
    return m;
}

std::optional<Meeting> MeetingRepository::byGroupMonth(RowId groupId, const QString& month)
{
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT id FROM meetings WHERE group_id = ? AND month = ?"));
    q.addBindValue(groupId);
    q.addBindValue(month);
    const auto ids = readAll<RowId>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    if (ids.isEmpty())
        return std::nullopt;
    return meeting(ids.first());
}

QList<MeetingListRow> MeetingRepository::list(std::optional<RowId> visibleTo)
{
    QString statement = QStringLiteral(
        "SELECT m.id, m.month, g.name, m.held_on, ch.name, "
        "(SELECT count(*) FROM meeting_items x WHERE x.meeting_id = m.id), "
        "(SELECT count(*) FROM meeting_items x WHERE x.meeting_id = m.id AND x.event_id IS NOT NULL) "
        "FROM meetings m JOIN cadre_groups g ON g.id = m.group_id LEFT JOIN cadres ch ON ch.id = m.chair_id");
    if (visibleTo) {
        statement += QStringLiteral(" WHERE m.group_id IN (SELECT group_id FROM cadres WHERE id = :me) "
                                    "OR m.group_id IN (SELECT id FROM cadre_groups WHERE supervisor_id = :me)");
    }
    statement += QStringLiteral(" ORDER BY m.month DESC, g.name");
    QSqlQuery q = sql::prepare(connection(), statement);
    if (visibleTo)
        q.bindValue(QStringLiteral(":me"), *visibleTo);
    return readAll<MeetingListRow>(q, [](const QSqlQuery& r) {
        MeetingListRow row;
        row.id = r.value(0).toLongLong();
        row.month = r.value(1).toString();
        row.group = r.value(2).toString();
        row.heldOn = sql::toDate(r.value(3));
        row.chair = r.value(4).toString();
        row.items = r.value(5).toInt();
        row.decided = r.value(6).toInt();
        return row;
    });
}

void MeetingRepository::insertItem(AgendaItem& i)
{
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("INSERT INTO meeting_items (uuid, meeting_id, issue_id, reasons, position, decision, "
                       "department_id, due_date, note, event_id, created_at, updated_at) VALUES (:uuid, :meeting_id, "
                       ":issue_id, :reasons, :position, :decision, :department_id, :due_date, :note, :event_id, "
                       ":created_at, :updated_at)"));
    prepareNewMeta(i.meta, q);
    q.bindValue(QStringLiteral(":meeting_id"), i.meetingId);
    q.bindValue(QStringLiteral(":issue_id"), i.issueId);
    bindItem(q, i);
    sql::exec(q);
    i.meta.id = q.lastInsertId().toLongLong();
    auditCreated("meeting_items", i.meta.id, i.meta.uuid);
}

void MeetingRepository::updateItem(AgendaItem& i, std::optional<RowId> actor)
{
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("UPDATE meeting_items SET reasons = :reasons, position = :position, decision = :decision, "
                       "department_id = :department_id, due_date = :due_date, note = :note, event_id = :event_id, "
                       "updated_at = :updated_at, updated_by = :updated_by, version = version + 1 "
                       "WHERE id = :id AND version = :version"));
    bindItem(q, i);
    execOptimisticUpdate(q, "meeting_items", i.meta,
                         QCoreApplication::translate("yg::Storage", "Agenda item %1").arg(i.issueNumber), actor);
}

void MeetingRepository::removeItem(const AgendaItem& i)
{
    const QVariantMap before = m_db.auditing() ? snapshot("meeting_items", i.meta.id) : QVariantMap();
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("DELETE FROM meeting_items WHERE id = ? AND version = ?"));
    q.addBindValue(i.meta.id);
    q.addBindValue(i.meta.version);
    sql::exec(q);
    if (q.numRowsAffected() != 1)
        throwStale("meeting_items", i.meta.id,
                   QCoreApplication::translate("yg::Storage", "Agenda item %1").arg(i.issueNumber));
    if (m_db.auditing())
        auditChanged("meeting_items", i.meta.id, i.meta.uuid, before, {}, QStringLiteral("delete"));
}

static AgendaItem readItem(const QSqlQuery& r)
{
    AgendaItem i;
    i.meta.id = r.value(0).toLongLong();
    i.meta.uuid = r.value(1).toString();
    i.meta.version = r.value(4).toInt();
    i.meetingId = r.value(5).toLongLong();
    i.issueId = r.value(6).toLongLong();
    i.reasons = reasonsFromKey(r.value(7).toString());
    i.position = r.value(8).toInt();
    i.decision = fromKey<MeetingDecision>(r.value(9).toString()).value_or(MeetingDecision::None);
    i.departmentId = sql::toOptionalId(r.value(10));
    i.dueDate = sql::toDate(r.value(11));
    i.note = r.value(12).toString();
    i.eventId = sql::toOptionalId(r.value(13));
    i.issueNumber = r.value(14).toString();
    i.issueTitle = r.value(15).toString();
    i.enterprise = r.value(16).toString();
    i.category = r.value(17).toString();
    i.owner = r.value(18).toString();
    i.stage = fromKey<Stage>(r.value(19).toString()).value_or(Stage::Intake);
    i.outcome = fromKey<Outcome>(r.value(20).toString()).value_or(Outcome::None);
    i.issueDueDate = sql::toDate(r.value(21));
    i.issueVersion = r.value(22).toInt();
    i.department = r.value(23).toString();
    return i;
}

std::optional<AgendaItem> MeetingRepository::item(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelectItem + QStringLiteral(" WHERE mi.id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<AgendaItem>(q, readItem));
}

QList<AgendaItem> MeetingRepository::items(RowId meetingId)
{
    QSqlQuery q = sql::prepare(connection(),
                               kSelectItem + QStringLiteral(" WHERE mi.meeting_id = ? ORDER BY mi.position, mi.id"));
    q.addBindValue(meetingId);
    return readAll<AgendaItem>(q, readItem);
}

QList<AgendaCandidate> MeetingRepository::receivedIn(RowId groupId, QDate from, QDate to)
{
    QSqlQuery q = sql::prepare(connection(), kCandidateColumns + kGroupIssues +
                                                 QStringLiteral(" AND i.received_on BETWEEN :from AND :to"));
    q.bindValue(QStringLiteral(":g"), groupId);
    q.bindValue(QStringLiteral(":from"), sql::dateValue(from));
    q.bindValue(QStringLiteral(":to"), sql::dateValue(to));
    return readAll<AgendaCandidate>(q, readCandidate);
}

QList<AgendaCandidate> MeetingRepository::withEventIn(RowId groupId, const QStringList& actions, QDate from, QDate to)
{
    QStringList marks;
    for (int i = 0; i < actions.size(); ++i)
        marks << QStringLiteral(":a%1").arg(i);
    QSqlQuery q = sql::prepare(
        connection(), kCandidateColumns + kGroupIssues +
                          QStringLiteral(" AND EXISTS (SELECT 1 FROM issue_events x WHERE x.issue_id = i.id AND "
                                         "x.action IN (%1) AND x.event_date BETWEEN :from AND :to)")
                              .arg(marks.join(QStringLiteral(", "))));
    q.bindValue(QStringLiteral(":g"), groupId);
    for (int i = 0; i < actions.size(); ++i)
        q.bindValue(marks[i], actions[i]);
    q.bindValue(QStringLiteral(":from"), sql::dateValue(from));
    q.bindValue(QStringLiteral(":to"), sql::dateValue(to));
    return readAll<AgendaCandidate>(q, readCandidate);
}

QList<AgendaCandidate> MeetingRepository::openCandidates(RowId groupId, QDate asOf)
{
    // Entering consultation: submit, reopen, reject (from another stage); a transfer or return stays in it.
    QSqlQuery q = sql::prepare(
        connection(), QStringLiteral("SELECT i.id, i.number, i.stage, i.due_date, i.paused_since, "
                                     "(SELECT max(x.event_date) FROM issue_events x WHERE x.issue_id = i.id AND "
                                     "x.to_stage = 'consultation' AND coalesce(x.from_stage, '') <> 'consultation') ") +
                          kGroupIssues +
                          QStringLiteral(" AND i.stage <> 'closed' AND (i.stage = 'consultation' OR "
                                         "(i.paused_since IS NULL AND i.due_date < :asof))"));
    q.bindValue(QStringLiteral(":g"), groupId);
    q.bindValue(QStringLiteral(":asof"), sql::dateValue(asOf));
    return readAll<AgendaCandidate>(q, [](const QSqlQuery& r) {
        AgendaCandidate c = readCandidate(r);
        c.inConsultationSince = sql::toDate(r.value(5));
        return c;
    });
}

} // namespace yg
