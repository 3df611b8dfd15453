#include "MeetingService.h"

#include "services/AccountService.h"
#include "services/IssueService.h"
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
#include <QRegularExpression>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace yg {

namespace {

Cadre actorOf(Database& db, RowId actorId)
{
    const auto actor = CadreRepository(db).cadre(actorId);
    if (!actor)
        throw Error(QCoreApplication::translate("yg::MeetingService", "There is no user with id %1.").arg(actorId));
    return *actor;
}

} // namespace

MeetingService::MeetingService(Database& db) : m_db(db) {}

std::pair<QDate, QDate> MeetingService::monthRange(const QString& month)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = form.match(month.trimmed());
    const QDate first = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
    if (!first.isValid())
        throw Error(QCoreApplication::translate("yg::MeetingService",
                                                "“%1” is not a month; write it as YEAR-MONTH, e.g. 2024-07.")
                        .arg(month));
    return {first, first.addMonths(1).addDays(-1)};
}

int MeetingService::longConsultationDays()
{
    return CalendarRepository(m_db).intSetting(QStringLiteral("meetings.long_consultation_days"), 10);
}

void MeetingService::requireWriter(RowId groupId, RowId actorId)
{
    AccountService::requireEnabled(m_db, actorId);
    const Cadre actor = actorOf(m_db, actorId);
    Permissions::require(actor, Capability::Meetings);
    const auto group = CadreRepository(m_db).group(groupId);
    if (!group || group->supervisorId != actorId) {
        throw Error(QCoreApplication::translate(
                        "yg::MeetingService",
                        "%1 does not lead the group %2; only its supervisor holds its exchange meetings. Nothing was "
                        "changed.")
                        .arg(actor.name, group ? group->name : QString::number(groupId)));
    }
}

void MeetingService::requireReader(RowId groupId, RowId actorId)
{
    const Cadre actor = actorOf(m_db, actorId);
    if (Permissions::can(actor.role, Capability::ReadAllRecords))
        return;
    const auto group = CadreRepository(m_db).group(groupId);
    if (group && (group->supervisorId == actorId || actor.groupId == groupId))
        return;
    throw Error(QCoreApplication::translate(
                    "yg::MeetingService",
                    "%1 may not read the exchange meetings of the group %2: they are for its supervisor and cadres, "
                    "staff and administrators.")
                    .arg(actor.name, group ? group->name : QString::number(groupId)));
}

QList<AgendaProposal> MeetingService::proposeAgenda(RowId groupId, const QString& month)
{
    const auto [first, last] = monthRange(month);
    const QDate asOf = std::min(last, Clock::today());
    MeetingRepository repo(m_db);
    IssueService issues(m_db);
    const WorkCalendar calendar = issues.calendar();
    const EscalationThresholds thresholds = issues.thresholds();
    const int longDays = longConsultationDays();

    QMap<RowId, AgendaProposal> byIssue;
    auto add = [&](const AgendaCandidate& c, AgendaReason r) {
        AgendaProposal& p = byIssue[c.issueId];
        p.issueId = c.issueId;
        p.number = c.number;
        if (!p.reasons.contains(r))
            p.reasons << r;
    };
    for (const auto& c : repo.receivedIn(groupId, first, last))
        add(c, AgendaReason::New);
    for (const auto& c : repo.withEventIn(groupId, {QStringLiteral("explain"), QStringLiteral("confirm")}, first, last))
        add(c, AgendaReason::Resolved);
    for (const auto& c : repo.openCandidates(groupId, asOf)) {
        if (c.stage == Stage::Consultation && c.inConsultationSince.isValid() &&
            calendar.workingDaysBetween(c.inConsultationSince, asOf) > longDays)
            add(c, AgendaReason::LongConsultation);
        const Escalation level =
            escalationOf(IssueState::ofStored(c.stage, c.dueDate, c.pausedSince), asOf, calendar, thresholds);
        if (level == Escalation::Supervision || level == Escalation::Talk)
            add(c, AgendaReason::Overdue);
        if (level == Escalation::Talk)
            add(c, AgendaReason::Escalated);
    }
    for (const auto& c : repo.withEventIn(groupId, {QStringLiteral("return")}, first, last))
        add(c, AgendaReason::Returned);

    QList<AgendaProposal> out = byIssue.values();
    for (AgendaProposal& p : out)
        std::sort(p.reasons.begin(), p.reasons.end());
    std::stable_sort(out.begin(), out.end(), [](const AgendaProposal& a, const AgendaProposal& b) {
        if (a.reasons.first() != b.reasons.first())
            return a.reasons.first() < b.reasons.first();
        return a.number < b.number;
    });
    return out;
}

QList<AgendaProposal> MeetingService::proposeAgenda(RowId groupId, const QString& month, RowId actorId)
{
    requireReader(groupId, actorId);
    return proposeAgenda(groupId, month);
}

Meeting MeetingService::create(RowId groupId, const QString& month, RowId actorId)
{
    monthRange(month);
    requireWriter(groupId, actorId);
    WriteTransaction tx(m_db.connection());
    MeetingRepository repo(m_db);
    if (repo.byGroupMonth(groupId, month.trimmed())) {
        const auto group = CadreRepository(m_db).group(groupId);
        throw Error(QCoreApplication::translate(
                        "yg::MeetingService",
                        "The group %1 already has an exchange meeting for %2; open it instead. Nothing was changed.")
                        .arg(group ? group->name : QString::number(groupId), month.trimmed()));
    }
    Meeting m;
    m.groupId = groupId;
    m.month = month.trimmed();
    m.chairId = actorId;
    m.attendeeIds = {actorId};
    repo.insert(m);
    int position = 0;
    for (const AgendaProposal& p : proposeAgenda(groupId, m.month)) {
        AgendaItem item;
        item.meetingId = m.meta.id;
        item.issueId = p.issueId;
        item.reasons = p.reasons;
        item.position = ++position;
        repo.insertItem(item);
    }
    tx.commit();
    spdlog::info("meeting {} created by user {} with {} agenda items", m.meta.id, actorId, position);
    return m;
}

Meeting MeetingService::save(Meeting edited, RowId actorId)
{
    MeetingRepository repo(m_db);
    const auto current = repo.meeting(edited.meta.id);
    if (!current)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no meeting with id %1.").arg(edited.meta.id));
    requireWriter(current->groupId, actorId);
    if (edited.heldOn.isValid() && edited.heldOn > Clock::today())
        throw Error(QCoreApplication::translate("yg::MeetingService",
                                                "The meeting date %1 is in the future. Nothing was changed.")
                        .arg(edited.heldOn.toString(Qt::ISODate)));
    edited.groupId = current->groupId; // a meeting stays with its group and month
    edited.month = current->month;
    WriteTransaction tx(m_db.connection());
    repo.update(edited, actorId);
    tx.commit();
    return edited;
}

AgendaItem MeetingService::addIssue(RowId meetingId, const QString& issueNumber, RowId actorId)
{
    MeetingRepository repo(m_db);
    auto meeting = repo.meeting(meetingId);
    if (!meeting)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no meeting with id %1.").arg(meetingId));
    requireWriter(meeting->groupId, actorId);
    const auto issue = IssueRepository(m_db).byNumber(issueNumber);
    if (!issue)
        throw Error(QCoreApplication::translate("yg::MeetingService", "There is no issue %1. Nothing was changed.")
                        .arg(issueNumber.trimmed()));
    if (!IssueService(m_db).canSee(actorOf(m_db, actorId), *issue))
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "Issue %1 is not one you may see. Nothing was changed.")
                .arg(issue->number));
    const QList<AgendaItem> items = repo.items(meetingId);
    for (const AgendaItem& i : items) {
        if (i.issueId == issue->meta.id)
            throw Error(QCoreApplication::translate("yg::MeetingService",
                                                    "Issue %1 is already on the agenda. Nothing was changed.")
                            .arg(issue->number));
    }
    WriteTransaction tx(m_db.connection());
    AgendaItem item;
    item.meetingId = meetingId;
    item.issueId = issue->meta.id;
    item.reasons = {AgendaReason::Added};
    item.position = items.isEmpty() ? 1 : items.last().position + 1;
    repo.insertItem(item);
    repo.touch(*meeting, actorId);
    tx.commit();
    return *repo.item(item.meta.id);
}

void MeetingService::removeItem(RowId itemId, RowId actorId)
{
    MeetingRepository repo(m_db);
    const auto item = repo.item(itemId);
    if (!item)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no agenda item with id %1.").arg(itemId));
    auto meeting = repo.meeting(item->meetingId);
    requireWriter(meeting->groupId, actorId);
    if (item->decided())
        throw Error(QCoreApplication::translate(
                        "yg::MeetingService",
                        "Issue %1 cannot leave the agenda: its decision is already recorded. Nothing was changed.")
                        .arg(item->issueNumber));
    WriteTransaction tx(m_db.connection());
    repo.removeItem(*item);
    repo.touch(*meeting, actorId);
    tx.commit();
}

void MeetingService::moveItem(RowId itemId, int delta, RowId actorId)
{
    MeetingRepository repo(m_db);
    const auto item = repo.item(itemId);
    if (!item)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no agenda item with id %1.").arg(itemId));
    auto meeting = repo.meeting(item->meetingId);
    requireWriter(meeting->groupId, actorId);
    QList<AgendaItem> items = repo.items(item->meetingId);
    const qsizetype from =
        std::find_if(items.begin(), items.end(), [&](const AgendaItem& i) { return i.meta.id == itemId; }) -
        items.begin();
    const qsizetype to = from + (delta < 0 ? -1 : 1);
    if (to < 0 || to >= items.size())
        return;
    items.move(from, to);
    WriteTransaction tx(m_db.connection());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items[i].position != i + 1) {
            items[i].position = static_cast<int>(i + 1);
            repo.updateItem(items[i], actorId);
        }
    }
    repo.touch(*meeting, actorId);
    tx.commit();
}

AgendaItem MeetingService::setDecision(RowId itemId, MeetingDecision decision, std::optional<RowId> departmentId,
                                       QDate dueDate, const QString& note, RowId actorId)
{
    MeetingRepository repo(m_db);
    auto item = repo.item(itemId);
    if (!item)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no agenda item with id %1.").arg(itemId));
    auto meeting = repo.meeting(item->meetingId);
    requireWriter(meeting->groupId, actorId);
    if (item->decided())
        throw Error(QCoreApplication::translate(
                        "yg::MeetingService",
                        "The decision on issue %1 is already recorded; record a new step on the issue instead. Nothing "
                        "was changed.")
                        .arg(item->issueNumber));
    if (departmentId && !ReferenceRepository(m_db).department(*departmentId))
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no department with id %1.").arg(*departmentId));
    item->decision = decision;
    item->departmentId = decision == MeetingDecision::Transfer ? departmentId : std::nullopt;
    item->dueDate = decision == MeetingDecision::Note || decision == MeetingDecision::None ? QDate() : dueDate;
    item->note = note;
    WriteTransaction tx(m_db.connection());
    repo.updateItem(*item, actorId);
    tx.commit();
    return *repo.item(itemId);
}

int MeetingService::recordDecisions(RowId meetingId, RowId actorId)
{
    MeetingRepository repo(m_db);
    auto meeting = repo.meeting(meetingId);
    if (!meeting)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no meeting with id %1.").arg(meetingId));
    requireWriter(meeting->groupId, actorId);
    if (!meeting->heldOn.isValid())
        throw Error(QCoreApplication::translate(
            "yg::MeetingService",
            "Set the date the meeting was held first: the decisions are dated with it. Nothing was "
            "changed."));
    IssueService issues(m_db);
    WriteTransaction tx(m_db.connection());
    int written = 0;
    for (AgendaItem& item : repo.items(meetingId)) {
        if (item.decision == MeetingDecision::None || item.decided())
            continue;
        ActionInput in;
        in.date = meeting->heldOn;
        in.note = item.note;
        switch (item.decision) {
        case MeetingDecision::Transfer:
            in.action = LifecycleAction::Transfer;
            in.departmentId = item.departmentId;
            in.dueDate = item.dueDate;
            break;
        case MeetingDecision::Reschedule:
            in.action = LifecycleAction::Reschedule;
            in.dueDate = item.dueDate;
            break;
        case MeetingDecision::Note:
            in.action = LifecycleAction::Note;
            break;
        case MeetingDecision::None:
            continue;
        }
        try {
            issues.actWithin(item.issueId, item.issueVersion, actorId, in, meetingId);
        } catch (const Error& e) {
            throw Error(QCoreApplication::translate("yg::MeetingService", "No decision of the meeting was recorded: %1")
                            .arg(e.message()));
        }
        const IssueEvent last = IssueRepository(m_db).events(item.issueId).constLast();
        item.eventId = last.id;
        repo.updateItem(item, actorId);
        ++written;
    }
    repo.touch(*meeting, actorId);
    tx.commit();
    spdlog::info("meeting {}: {} decisions recorded by user {}", meetingId, written, actorId);
    return written;
}

QList<MeetingListRow> MeetingService::meetings(RowId actorId)
{
    const Cadre actor = actorOf(m_db, actorId);
    return MeetingRepository(m_db).list(
        Permissions::can(actor.role, Capability::ReadAllRecords) ? std::nullopt : std::optional<RowId>(actorId));
}

Meeting MeetingService::meeting(RowId meetingId, RowId actorId)
{
    const auto m = MeetingRepository(m_db).meeting(meetingId);
    if (!m)
        throw Error(
            QCoreApplication::translate("yg::MeetingService", "There is no meeting with id %1.").arg(meetingId));
    requireReader(m->groupId, actorId);
    return *m;
}

QList<AgendaItem> MeetingService::agenda(RowId meetingId, RowId actorId)
{
    meeting(meetingId, actorId);
    return MeetingRepository(m_db).items(meetingId);
}

bool MeetingService::canEdit(RowId meetingId, RowId actorId)
{
    const auto m = MeetingRepository(m_db).meeting(meetingId);
    if (!m)
        return false;
    try {
        requireWriter(m->groupId, actorId);
        return true;
    } catch (const Error&) {
        return false;
    }
}

ReportDocument MeetingService::recordDocument(RowId meetingId, RowId actorId)
{
    const Meeting m = meeting(meetingId, actorId);
    const QList<AgendaItem> items = MeetingRepository(m_db).items(meetingId);
    CadreRepository cadres(m_db);
    CalendarRepository settings(m_db);
    const auto group = cadres.group(m.groupId);
    auto nameOf = [&](RowId id) {
        const auto c = cadres.cadre(id);
        return c ? c->name : QString();
    };

    ReportDocument doc;
    doc.kind = QStringLiteral("meeting");
    doc.title = QCoreApplication::translate("yg::MeetingService", "Monthly exchange meeting record");
    const QString district = settings.textSetting(QStringLiteral("district.name"));
    doc.organisation = settings.textSetting(QStringLiteral("district.union_name"),
                                            district.isEmpty() ? QStringLiteral("绍兴市越城区总工会")
                                                               : district + QStringLiteral("总工会"));
    const auto [first, last] = monthRange(m.month);
    doc.periodText = QCoreApplication::translate("yg::MeetingService", "%1 (%2 – %3)")
                         .arg(m.month, first.toString(Qt::ISODate), last.toString(Qt::ISODate));
    doc.scopeText = group ? group->name : QString();
    doc.generatedAt = Clock::nowUtc();

    ReportTable info;
    info.key = QStringLiteral("meeting");
    info.title = QCoreApplication::translate("yg::MeetingService", "Meeting");
    info.columns = {QCoreApplication::translate("yg::MeetingService", "Item"),
                    QCoreApplication::translate("yg::MeetingService", "Details")};
    QStringList attendees;
    for (RowId id : m.attendeeIds)
        attendees << nameOf(id);
    if (!m.otherAttendees.trimmed().isEmpty())
        attendees << m.otherAttendees.trimmed();
    info.rows.append(
        {ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Group")), ReportCell::of(doc.scopeText)});
    info.rows.append(
        {ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Month")), ReportCell::of(m.month)});
    info.rows.append({ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Held on")),
                      m.heldOn.isValid() ? ReportCell::of(m.heldOn) : ReportCell::empty()});
    info.rows.append({ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Chair")),
                      m.chairId ? ReportCell::of(nameOf(*m.chairId)) : ReportCell::empty()});
    info.rows.append({ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Attendees")),
                      ReportCell::of(attendees.join(QStringLiteral("、")))});
    info.rows.append({ReportCell::of(QCoreApplication::translate("yg::MeetingService", "Issues on the agenda")),
                      ReportCell::of(qint64(items.size()))});
    doc.tables.append(info);

    for (AgendaReason r : kAllAgendaReasons) {
        ReportTable t;
        t.key = QStringLiteral("agenda_") + toKey(r);
        t.title = displayName(r);
        t.columns = {QCoreApplication::translate("yg::MeetingService", "Issue"),
                     QCoreApplication::translate("yg::MeetingService", "Enterprise"),
                     QCoreApplication::translate("yg::MeetingService", "Category"),
                     QCoreApplication::translate("yg::MeetingService", "Owner"),
                     QCoreApplication::translate("yg::MeetingService", "Stage"),
                     QCoreApplication::translate("yg::MeetingService", "Also"),
                     QCoreApplication::translate("yg::MeetingService", "Decision")};
        for (const AgendaItem& i : items) {
            if (i.reasons.isEmpty() || i.reasons.first() != r)
                continue;
            QList<AgendaReason> also = i.reasons.mid(1);
            QString stage = displayName(i.stage);
            if (i.stage == Stage::Closed)
                stage += QStringLiteral("（") + displayName(i.outcome) + QStringLiteral("）");
            QString decision = decisionText(i);
            if (!decision.isEmpty() && !i.decided())
                decision +=
                    QStringLiteral(" ") + QCoreApplication::translate("yg::MeetingService", "(not yet recorded)");
            t.rows.append({ReportCell::of(i.issueNumber + QStringLiteral(" ") + i.issueTitle),
                           ReportCell::of(i.enterprise), ReportCell::of(i.category), ReportCell::of(i.owner),
                           ReportCell::of(stage),
                           also.isEmpty() ? ReportCell::empty() : ReportCell::of(reasonsText(also)),
                           decision.isEmpty() ? ReportCell::empty() : ReportCell::of(decision)});
        }
        if (!t.rows.isEmpty())
            doc.tables.append(t);
    }
    if (!m.minutes.trimmed().isEmpty()) {
        doc.textsTitle = QCoreApplication::translate("yg::MeetingService", "Minutes");
        doc.texts.append({{}, {}, m.minutes});
    }
    doc.notes << QCoreApplication::translate(
                     "yg::MeetingService",
                     "Each issue is listed once, under its first reason; “Also” names its other reasons. Long in "
                     "consultation: more than %1 working days since it last entered consultation. Overdue: past its "
                     "due date (督办); escalated to a talk (约谈): overdue by more than %2 working days. The reasons "
                     "are those of "
                     "the day the agenda was prepared.")
                     .arg(longConsultationDays())
                     .arg(IssueService(m_db).thresholds().talkAfterDays);
    return doc;
}

} // namespace yg
