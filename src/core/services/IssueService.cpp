#include "IssueService.h"

#include "domain/Validation.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QMap>
#include <spdlog/spdlog.h>

namespace yg {

IssueService::IssueService(Database& db) : m_db(db) {}

ActorContext IssueService::actorContext(const Issue& issue, RowId actorId)
{
    CadreRepository cadres(m_db);
    const auto actor = cadres.cadre(actorId);
    if (!actor)
        throw Error(QCoreApplication::translate("yg::IssueService", "There is no user with id %1.").arg(actorId));
    ActorContext ctx;
    ctx.id = actor->meta.id;
    ctx.name = actor->name;
    ctx.role = actor->role;
    ctx.isOwner = issue.ownerId == actorId;
    ctx.onVisit = issue.visitId && IssueRepository(m_db).isCadreOnVisit(*issue.visitId, actorId);
    if (actor->role == Role::Supervisor) {
        const auto owner = cadres.cadre(issue.ownerId);
        if (owner && owner->groupId) {
            const auto group = cadres.group(*owner->groupId);
            ctx.supervisesOwner = group && group->supervisorId == actorId;
        }
    }
    return ctx;
}

QList<LifecycleAction> IssueService::allowedActions(const Issue& issue, RowId actorId)
{
    const IssueState state = Lifecycle::replay(IssueRepository(m_db).events(issue.meta.id));
    return Lifecycle::allowedActions(state, actorContext(issue, actorId));
}

Issue IssueService::record(Issue draft, RowId actorId, QDate date)
{
    AccountService::requireEnabled(m_db, actorId);
    WriteTransaction tx(m_db.connection());
    Issue issue = recordWithin(std::move(draft), actorId, date);
    tx.commit();
    return issue;
}

Issue IssueService::recordWithin(Issue draft, RowId actorId, QDate date)
{
    IssueRepository issues(m_db);
    if (!date.isValid())
        date = draft.receivedOn.isValid() ? draft.receivedOn : Clock::today();
    draft.receivedOn = date;
    draft.stage = Stage::Intake;
    draft.outcome = Outcome::None;
    draft.dueDate = QDate();
    draft.closedOn = QDate();
    draft.pausedSince = QDate();
    const ActorContext actor = actorContext(draft, actorId);
    const ActionInput input{LifecycleAction::Record, date, {}, {}, {}, {}};
    const QString why = Lifecycle::refusal({}, actor, input, Clock::today());
    if (!why.isEmpty())
        throw Error(QCoreApplication::translate("yg::IssueService", "The issue “%1” was not recorded: %2")
                        .arg(draft.title, why));
    throwIfInvalid(QCoreApplication::translate("yg::IssueService", "Issue “%1”").arg(draft.title), validate(draft));
    issues.insert(draft);
    auto [state, event] = Lifecycle::apply({}, input, WorkCalendar(), 0);
    event.issueId = draft.meta.id;
    event.actorId = actorId;
    event.occurredAt = Clock::nowUtc();
    issues.appendEvent(event);
    spdlog::info("issue {} recorded by user {}", draft.meta.id, actorId);
    return draft;
}

Issue IssueService::act(RowId issueId, int expectedVersion, RowId actorId, ActionInput input)
{
    AccountService::requireEnabled(m_db, actorId);
    WriteTransaction tx(m_db.connection());
    Issue issue = actWithin(issueId, expectedVersion, actorId, std::move(input));
    tx.commit();
    return issue;
}

Issue IssueService::actWithin(RowId issueId, int expectedVersion, RowId actorId, ActionInput input,
                              std::optional<RowId> meetingId)
{
    IssueRepository issues(m_db);
    auto issue = issues.issue(issueId);
    if (!issue)
        throw Error(QCoreApplication::translate("yg::IssueService", "There is no issue with id %1.").arg(issueId));
    const QString what = QCoreApplication::translate("yg::IssueService", "Issue %1").arg(issue->number);
    issues.checkVersion(issueId, expectedVersion, what);
    if (!input.date.isValid())
        input.date = Clock::today();

    const IssueState state = Lifecycle::replay(issues.events(issueId));
    const ActorContext actor = actorContext(*issue, actorId);
    const QString why = Lifecycle::refusal(state, actor, input, Clock::today());
    if (!why.isEmpty())
        throw Error(QCoreApplication::translate("yg::IssueService", "%1: %2 Nothing was changed.").arg(what, why));
    if (input.departmentId && !ReferenceRepository(m_db).department(*input.departmentId)) {
        throw Error(QCoreApplication::translate("yg::IssueService", "%1: there is no department with id %2.")
                        .arg(what)
                        .arg(*input.departmentId));
    }

    const auto category = ReferenceRepository(m_db).category(issue->categoryId);
    const WorkCalendar calendar = CalendarRepository(m_db).load();
    auto [next, event] = Lifecycle::apply(state, input, calendar, category ? category->defaultDueDays : 10);
    event.issueId = issueId;
    event.actorId = actorId;
    event.occurredAt = Clock::nowUtc();
    event.meetingId = meetingId;
    issues.appendEvent(event);

    issue->stage = next.stage;
    issue->outcome = next.outcome;
    issue->dueDate = next.dueDate;
    issue->departmentId = next.departmentId;
    issue->closedOn = next.closedOn;
    issue->pausedSince = next.pausedSince;
    issues.update(*issue, actorId);
    spdlog::info("issue {} {} by user {} (now {})", issueId, toKey(input.action).toStdString(), actorId,
                 toKey(next.stage).toStdString());
    return *issue;
}

std::optional<RowId> IssueService::visibilityFor(const Cadre& actor)
{
    if (Permissions::can(actor.role, Capability::ReadAllRecords))
        return std::nullopt;
    return actor.meta.id;
}

bool IssueService::canSee(const Cadre& actor, const Issue& issue)
{
    const auto scope = visibilityFor(actor);
    if (!scope)
        return true;
    const ActorContext ctx = actorContext(issue, actor.meta.id);
    if (ctx.isOwner || ctx.onVisit || ctx.supervisesOwner)
        return true;
    const auto owner = CadreRepository(m_db).cadre(issue.ownerId);
    return owner && owner->groupId && owner->groupId == actor.groupId;
}

WorkCalendar IssueService::calendar()
{
    return CalendarRepository(m_db).load();
}

EscalationThresholds IssueService::thresholds()
{
    CalendarRepository settings(m_db);
    EscalationThresholds t;
    t.reminderDays = settings.intSetting(QStringLiteral("escalation.reminder_days"), t.reminderDays);
    t.talkAfterDays = settings.intSetting(QStringLiteral("escalation.talk_after_days"), t.talkAfterDays);
    return t;
}

QHash<RowId, Escalation> IssueService::escalationLevels(QDate asOf)
{
    const WorkCalendar cal = calendar();
    const EscalationThresholds t = thresholds();
    QHash<RowId, Escalation> levels;
    IssueRepository(m_db).forEachOpenIssue([&](const Issue& i) {
        const Escalation e = escalationOf(IssueState::ofStored(i.stage, i.dueDate, i.pausedSince), asOf, cal, t);
        if (e != Escalation::None)
            levels.insert(i.meta.id, e);
    });
    return levels;
}

QList<IssueService::DepartmentFigures> IssueService::departmentFigures(QDate from, QDate to)
{
    const WorkCalendar cal = calendar();
    QMap<RowId, DepartmentFigures> byDept;
    QMap<RowId, qint64> totalDays;
    RowId currentIssue = 0;
    std::optional<RowId> holder;
    QDate transferredOn;
    IssueRepository(m_db).forEachEvent(
        {QStringLiteral("transfer"), QStringLiteral("return"), QStringLiteral("feedback")}, from, to,
        [&](const IssueEvent& e) {
            if (e.issueId != currentIssue) {
                currentIssue = e.issueId;
                holder.reset();
            }
            if (!e.departmentId)
                return;
            DepartmentFigures& d = byDept[*e.departmentId];
            d.departmentId = *e.departmentId;
            if (e.action == QLatin1String("transfer")) {
                ++d.received;
                holder = e.departmentId;
                transferredOn = e.eventDate;
            } else if (e.action == QLatin1String("return")) {
                ++d.returned;
                holder.reset();
            } else if (holder && *holder == *e.departmentId) {
                ++d.feedbacks;
                totalDays[*e.departmentId] += cal.workingDaysBetween(transferredOn, e.eventDate);
                holder.reset();
            }
        });
    QList<DepartmentFigures> out;
    ReferenceRepository refs(m_db);
    for (auto it = byDept.begin(); it != byDept.end(); ++it) {
        DepartmentFigures d = it.value();
        if (const auto dept = refs.department(d.departmentId))
            d.name = dept->name;
        if (d.feedbacks > 0)
            d.averageDaysToFeedback = double(totalDays.value(d.departmentId)) / d.feedbacks;
        out.append(d);
    }
    return out;
}

QList<IssueService::Inconsistency> IssueService::checkConsistency()
{
    QList<Inconsistency> out;
    IssueRepository(m_db).forEachIssueWithEvents([&](const Issue& issue, const QList<IssueEvent>& events) {
        auto report = [&](const QString& problem) { out.append({issue.number, problem}); };
        if (events.isEmpty()) {
            report(QCoreApplication::translate("yg::IssueService", "has no events"));
            return;
        }
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events[i].seq != i + 1) {
                report(QCoreApplication::translate("yg::IssueService", "event sequence has a gap at %1").arg(i + 1));
                return;
            }
        }
        const IssueState s = Lifecycle::replay(events);
        if (s.stage != issue.stage || s.outcome != issue.outcome) {
            report(QCoreApplication::translate("yg::IssueService", "stored stage %1/%2 but its events say %3/%4")
                       .arg(toKey(issue.stage), toKey(issue.outcome), toKey(s.stage), toKey(s.outcome)));
        } else if (s.dueDate != issue.dueDate) {
            report(QCoreApplication::translate("yg::IssueService", "stored due date %1 but its events say %2")
                       .arg(issue.dueDate.toString(Qt::ISODate), s.dueDate.toString(Qt::ISODate)));
        } else if (s.closedOn != issue.closedOn) {
            report(QCoreApplication::translate("yg::IssueService", "stored closing date %1 but its events say %2")
                       .arg(issue.closedOn.toString(Qt::ISODate), s.closedOn.toString(Qt::ISODate)));
        } else if (s.pausedSince != issue.pausedSince) {
            report(QCoreApplication::translate("yg::IssueService", "stored pause %1 but its events say %2")
                       .arg(issue.pausedSince.toString(Qt::ISODate), s.pausedSince.toString(Qt::ISODate)));
        }
    });
    return out;
}

} // namespace yg
