#include "IssueRepository.h"

#include "domain/Validation.h"
#include "storage/Sql.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Uuid.h"

#include <QCoreApplication>

namespace yg {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, uuid, created_at, updated_at, version, number, visit_id, enterprise_id, category_id, title, "
    "description, raised_by, owner_id, department_id, stage, outcome, received_on, due_date, closed_on, paused_since "
    "FROM issues");

void bindIssue(QSqlQuery& q, const Issue& i)
{
    q.bindValue(QStringLiteral(":visit_id"), sql::idValue(i.visitId));
    q.bindValue(QStringLiteral(":enterprise_id"), i.enterpriseId);
    q.bindValue(QStringLiteral(":category_id"), i.categoryId);
    q.bindValue(QStringLiteral(":title"), i.title.trimmed());
    q.bindValue(QStringLiteral(":description"), i.description);
    q.bindValue(QStringLiteral(":raised_by"), sql::textOrNull(i.raisedBy.trimmed()));
    q.bindValue(QStringLiteral(":owner_id"), i.ownerId);
    q.bindValue(QStringLiteral(":department_id"), sql::idValue(i.departmentId));
    q.bindValue(QStringLiteral(":stage"), toKey(i.stage));
    q.bindValue(QStringLiteral(":outcome"), toKey(i.outcome));
    q.bindValue(QStringLiteral(":received_on"), sql::dateValue(i.receivedOn));
    q.bindValue(QStringLiteral(":due_date"), sql::dateValue(i.dueDate));
    q.bindValue(QStringLiteral(":closed_on"), sql::dateValue(i.closedOn));
    q.bindValue(QStringLiteral(":paused_since"), sql::dateValue(i.pausedSince));
}

Issue readIssue(const QSqlQuery& r, RecordMeta meta)
{
    Issue i;
    i.meta = std::move(meta);
    i.number = r.value(5).toString();
    i.visitId = sql::toOptionalId(r.value(6));
    i.enterpriseId = r.value(7).toLongLong();
    i.categoryId = r.value(8).toLongLong();
    i.title = r.value(9).toString();
    i.description = r.value(10).toString();
    i.raisedBy = r.value(11).toString();
    i.ownerId = r.value(12).toLongLong();
    i.departmentId = sql::toOptionalId(r.value(13));
    i.stage = fromKey<Stage>(r.value(14).toString()).value_or(Stage::Intake);
    i.outcome = fromKey<Outcome>(r.value(15).toString()).value_or(Outcome::None);
    i.receivedOn = sql::toDate(r.value(16));
    i.dueDate = sql::toDate(r.value(17));
    i.closedOn = sql::toDate(r.value(18));
    i.pausedSince = sql::toDate(r.value(19));
    return i;
}

} // namespace

QString IssueRepository::nextNumber(int year)
{
    QSqlQuery& q = cached(QStringLiteral("SELECT coalesce(max(number_seq), 0) + 1 FROM issues WHERE number_year = ?"));
    q.addBindValue(year);
    sql::exec(q);
    const int seq = q.next() ? q.value(0).toInt() : 1;
    q.finish();
    return QStringLiteral("%1-%2").arg(year).arg(seq, 4, 10, QLatin1Char('0'));
}

void IssueRepository::insert(Issue& i)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Issue %1").arg(i.title), validate(i));
    if (i.number.isEmpty())
        i.number = nextNumber(i.receivedOn.year());
    const qsizetype dash = i.number.indexOf(QLatin1Char('-'));
    bool yearOk = false, seqOk = false;
    const int year = i.number.left(dash).toInt(&yearOk);
    const int seq = i.number.mid(dash + 1).toInt(&seqOk);
    if (dash <= 0 || !yearOk || !seqOk || seq <= 0)
        throw Error(QCoreApplication::translate("yg::Storage",
                                                "Issue number '%1' is not of the form YEAR-SEQUENCE (e.g. 2024-0123).")
                        .arg(i.number));
    QSqlQuery& q = cached(QStringLiteral(
        "INSERT INTO issues (uuid, number, number_year, number_seq, visit_id, enterprise_id, category_id, title, "
        "description, raised_by, owner_id, department_id, stage, outcome, received_on, due_date, closed_on, "
        "paused_since, created_at, updated_at) VALUES (:uuid, :number, :year, :seq, :visit_id, :enterprise_id, "
        ":category_id, :title, :description, :raised_by, :owner_id, :department_id, :stage, :outcome, :received_on, "
        ":due_date, :closed_on, :paused_since, :created_at, :updated_at)"));
    prepareNewMeta(i.meta, q);
    q.bindValue(QStringLiteral(":number"), i.number);
    q.bindValue(QStringLiteral(":year"), year);
    q.bindValue(QStringLiteral(":seq"), seq);
    bindIssue(q, i);
    sql::exec(q);
    i.meta.id = q.lastInsertId().toLongLong();
    auditCreated("issues", i.meta.id, i.meta.uuid);
}

void IssueRepository::update(Issue& i, std::optional<RowId> actor)
{
    throwIfInvalid(QCoreApplication::translate("yg::Storage", "Issue %1").arg(i.number), validate(i));
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("UPDATE issues SET visit_id = :visit_id, enterprise_id = :enterprise_id, "
                       "category_id = :category_id, title = :title, description = :description, "
                       "raised_by = :raised_by, owner_id = :owner_id, department_id = :department_id, "
                       "stage = :stage, outcome = :outcome, received_on = :received_on, due_date = :due_date, "
                       "closed_on = :closed_on, paused_since = :paused_since, updated_at = :updated_at, "
                       "updated_by = :updated_by, "
                       "version = version + 1 WHERE id = :id AND version = :version"));
    bindIssue(q, i);
    execOptimisticUpdate(q, "issues", i.meta, QCoreApplication::translate("yg::Storage", "Issue %1").arg(i.number),
                         actor);
}

std::optional<Issue> IssueRepository::issue(RowId id)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    return firstOf(readAll<Issue>(q, [](const QSqlQuery& r) { return readIssue(r, readMeta(r)); }));
}

std::optional<Issue> IssueRepository::byNumber(const QString& number)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE number = ?"));
    q.addBindValue(number.trimmed());
    return firstOf(readAll<Issue>(q, [](const QSqlQuery& r) { return readIssue(r, readMeta(r)); }));
}

qint64 IssueRepository::count()
{
    return sql::scalar(connection(), QStringLiteral("SELECT count(*) FROM issues")).toLongLong();
}

void IssueRepository::appendEvent(IssueEvent& e)
{
    QSqlQuery& next = cached(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM issue_events WHERE issue_id = ?"));
    next.addBindValue(e.issueId);
    sql::exec(next);
    e.seq = next.next() ? next.value(0).toInt() : 1;
    next.finish();
    if (e.uuid.isEmpty())
        e.uuid = newUuid();
    if (!e.occurredAt.isValid())
        e.occurredAt = Clock::nowUtc();
    if (!e.eventDate.isValid())
        e.eventDate = e.occurredAt.toTimeZone(Clock::districtZone()).date();
    QSqlQuery& q = cached(QStringLiteral(
        "INSERT INTO issue_events (uuid, issue_id, seq, action, from_stage, to_stage, outcome, actor_id, "
        "occurred_at, event_date, note, department_id, due_date, satisfaction, meeting_id) VALUES (?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.uuid);
    q.addBindValue(e.issueId);
    q.addBindValue(e.seq);
    q.addBindValue(e.action);
    q.addBindValue(e.fromStage ? QVariant(toKey(*e.fromStage)) : QVariant(QMetaType(QMetaType::QString)));
    q.addBindValue(toKey(e.toStage));
    q.addBindValue(toKey(e.outcome));
    q.addBindValue(e.actorId);
    q.addBindValue(Clock::toStorage(e.occurredAt));
    q.addBindValue(sql::dateValue(e.eventDate));
    q.addBindValue(sql::textOrNull(e.note));
    q.addBindValue(sql::idValue(e.departmentId));
    q.addBindValue(sql::dateValue(e.dueDate));
    q.addBindValue(sql::textOrNull(e.satisfaction));
    q.addBindValue(sql::idValue(e.meetingId));
    sql::exec(q);
    e.id = q.lastInsertId().toLongLong();
    auditCreated("issue_events", e.id, e.uuid);
}

static const QString kSelectEvents = QStringLiteral(
    "SELECT id, uuid, issue_id, seq, action, from_stage, to_stage, outcome, actor_id, occurred_at, event_date, note, "
    "department_id, due_date, satisfaction, meeting_id FROM issue_events");

static IssueEvent readEvent(const QSqlQuery& r)
{
    IssueEvent e;
    e.id = r.value(0).toLongLong();
    e.uuid = r.value(1).toString();
    e.issueId = r.value(2).toLongLong();
    e.seq = r.value(3).toInt();
    e.action = r.value(4).toString();
    if (!r.value(5).isNull())
        e.fromStage = fromKey<Stage>(r.value(5).toString());
    e.toStage = fromKey<Stage>(r.value(6).toString()).value_or(Stage::Intake);
    e.outcome = fromKey<Outcome>(r.value(7).toString()).value_or(Outcome::None);
    e.actorId = r.value(8).toLongLong();
    e.occurredAt = Clock::fromStorage(r.value(9).toString());
    e.eventDate = sql::toDate(r.value(10));
    e.note = r.value(11).toString();
    e.departmentId = sql::toOptionalId(r.value(12));
    e.dueDate = sql::toDate(r.value(13));
    e.satisfaction = r.value(14).toString();
    e.meetingId = sql::toOptionalId(r.value(15));
    return e;
}

QList<IssueEvent> IssueRepository::events(RowId issueId)
{
    QSqlQuery q = sql::prepare(connection(), kSelectEvents + QStringLiteral(" WHERE issue_id = ? ORDER BY seq"));
    q.addBindValue(issueId);
    return readAll<IssueEvent>(q, readEvent);
}

/** The issue rule of docs/permissions.md on the issues aliased `i` for the person `me`. */
static QString visibleIssues(const QString& i, const QString& me)
{
    return QStringLiteral("(%1.owner_id = %2 OR %1.visit_id IN (SELECT vc.visit_id FROM visit_cadres vc WHERE "
                          "vc.cadre_id = %2) OR %1.owner_id IN (SELECT m.id FROM cadres m JOIN cadre_groups g ON "
                          "g.id = m.group_id WHERE g.supervisor_id = %2 OR g.id = (SELECT group_id FROM cadres "
                          "WHERE id = %2)))")
        .arg(i, me);
}

QString IssueRepository::visibleToCondition()
{
    return visibleIssues(QStringLiteral("i"), QStringLiteral("?"));
}

QString IssueRepository::visibleToCondition(const QString& alias, RowId person)
{
    return visibleIssues(alias, QString::number(person));
}

static QString issueWhere(const IssueFilter& f, QVariantList* values)
{
    QStringList parts;
    if (f.stage) {
        parts << QStringLiteral("i.stage = ?");
        *values << toKey(*f.stage);
    }
    if (f.ownerId) {
        parts << QStringLiteral("i.owner_id = ?");
        *values << *f.ownerId;
    }
    if (f.townId) {
        parts << QStringLiteral("e.town_id = ?");
        *values << *f.townId;
    }
    if (f.visibleTo) {
        parts << IssueRepository::visibleToCondition();
        for (int n = 0; n < IssueRepository::kVisibleToBindings; ++n)
            *values << *f.visibleTo;
    }
    if (f.enterpriseId) {
        parts << QStringLiteral("i.enterprise_id = ?");
        *values << *f.enterpriseId;
    }
    if (f.openOnly)
        parts << QStringLiteral("i.stage <> 'closed'");
    if (f.overdueOn.isValid()) {
        parts << QStringLiteral("i.stage <> 'closed' AND i.paused_since IS NULL AND i.due_date < ?");
        *values << f.overdueOn.toString(Qt::ISODate);
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

qint64 IssueRepository::count(const IssueFilter& filter)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT count(*) FROM issues i JOIN enterprises e ON "
                                                            "e.id = i.enterprise_id") +
                                                 issueWhere(filter, &values));
    for (const QVariant& v : values)
        q.addBindValue(v);
    const auto n = readAll<qint64>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    return n.isEmpty() ? 0 : n.first();
}

QList<IssueListRow> IssueRepository::list(const IssueFilter& filter, int offset, int limit)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(
        connection(),
        QStringLiteral("SELECT i.id, i.version, i.number, i.title, e.name, t.name, c.name, k.name, i.stage, i.outcome, "
                       "i.received_on, i.due_date, i.paused_since FROM issues i "
                       "JOIN enterprises e ON e.id = i.enterprise_id JOIN towns t ON t.id = e.town_id "
                       "JOIN cadres c ON c.id = i.owner_id JOIN categories k ON k.id = i.category_id") +
            issueWhere(filter, &values) +
            (filter.byDueDate ? QStringLiteral(" ORDER BY i.due_date IS NULL, i.due_date, i.id LIMIT ? OFFSET ?")
                              : QStringLiteral(" ORDER BY i.received_on DESC, i.number_year DESC, i.number_seq DESC "
                                               "LIMIT ? OFFSET ?")));
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return readAll<IssueListRow>(q, [](const QSqlQuery& r) {
        IssueListRow row;
        row.id = r.value(0).toLongLong();
        row.version = r.value(1).toInt();
        row.number = r.value(2).toString();
        row.title = r.value(3).toString();
        row.enterprise = r.value(4).toString();
        row.town = r.value(5).toString();
        row.owner = r.value(6).toString();
        row.category = r.value(7).toString();
        row.stage = fromKey<Stage>(r.value(8).toString()).value_or(Stage::Intake);
        row.outcome = fromKey<Outcome>(r.value(9).toString()).value_or(Outcome::None);
        row.receivedOn = sql::toDate(r.value(10));
        row.dueDate = sql::toDate(r.value(11));
        row.pausedSince = sql::toDate(r.value(12));
        return row;
    });
}

void IssueRepository::checkVersion(RowId id, int expectedVersion, const QString& what)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT version FROM issues WHERE id = ?"));
    q.addBindValue(id);
    const auto v = readAll<int>(q, [](const QSqlQuery& r) { return r.value(0).toInt(); });
    if (v.isEmpty() || v.first() != expectedVersion)
        throwStale("issues", id, what);
}

bool IssueRepository::isCadreOnVisit(RowId visitId, RowId cadreId)
{
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT 1 FROM visit_cadres WHERE visit_id = ? AND cadre_id = ?"));
    q.addBindValue(visitId);
    q.addBindValue(cadreId);
    return !readAll<int>(q, [](const QSqlQuery&) { return 1; }).isEmpty();
}

void IssueRepository::forEachIssueWithEvents(const std::function<void(const Issue&, const QList<IssueEvent>&)>& fn)
{
    QSqlQuery issues = sql::prepare(connection(), kSelect + QStringLiteral(" ORDER BY id"));
    QSqlQuery events = sql::prepare(connection(), kSelectEvents + QStringLiteral(" ORDER BY issue_id, seq"));
    sql::exec(issues);
    sql::exec(events);
    bool haveEvent = events.next();
    while (issues.next()) {
        const Issue issue = readIssue(issues, readMeta(issues));
        QList<IssueEvent> list;
        while (haveEvent && events.value(2).toLongLong() <= issue.meta.id) {
            if (events.value(2).toLongLong() == issue.meta.id)
                list.append(readEvent(events));
            haveEvent = events.next();
        }
        fn(issue, list);
    }
    issues.finish();
    events.finish();
}

void IssueRepository::forEachOpenIssue(const std::function<void(const Issue&)>& fn)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE stage <> 'closed'"));
    sql::exec(q);
    while (q.next())
        fn(readIssue(q, readMeta(q)));
    q.finish();
}

void IssueRepository::forEachEvent(const QStringList& actions, QDate from, QDate to,
                                   const std::function<void(const IssueEvent&)>& fn)
{
    QStringList marks;
    for (qsizetype i = 0; i < actions.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery q = sql::prepare(connection(), kSelectEvents + QStringLiteral(" WHERE action IN (%1) AND event_date "
                                                                            "BETWEEN ? AND ? ORDER BY issue_id, seq")
                                                                 .arg(marks.join(QStringLiteral(", "))));
    for (const QString& a : actions)
        q.addBindValue(a);
    q.addBindValue(from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("0000-01-01"));
    q.addBindValue(to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-12-31"));
    sql::exec(q);
    while (q.next())
        fn(readEvent(q));
    q.finish();
}

} // namespace yg
