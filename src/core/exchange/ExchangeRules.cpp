#include "exchange/ExchangeRules.h"

#include "domain/Lifecycle.h"
#include "domain/Validation.h"
#include "exchange/ExchangeFile.h"
#include "services/AdminService.h"
#include "services/IssueService.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace yg {

namespace {

QDate dateOf(const QJsonValue& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

ExchangeAuthority::ExchangeAuthority(Database& db, ExchangeStore& store, const QList<RowId>& accounts)
    : m_db(db), m_store(store), m_latest(Clock::today().addDays(ExchangeFile::kClockSkewDays))
{
    CadreRepository cadres(db);
    AccountRepository logins(db);
    for (const RowId id : accounts) {
        const auto cadre = cadres.cadre(id);
        const auto login = logins.byCadre(id);
        // A disabled account changes nothing through the services; nor through a file.
        if (cadre && !(login && login->disabled))
            m_accounts.append(*cadre);
    }
}

QString ExchangeAuthority::names() const
{
    QStringList out;
    for (const Cadre& c : m_accounts)
        out.append(c.name);
    return out.isEmpty() ? QCoreApplication::translate("yg::ExchangeRules", "none") : out.join(QStringLiteral("、"));
}

const Cadre* ExchangeAuthority::account(RowId id) const
{
    for (const Cadre& c : m_accounts) {
        if (c.meta.id == id)
            return &c;
    }
    return nullptr;
}

bool ExchangeAuthority::anyCan(Capability capability) const
{
    for (const Cadre& c : m_accounts) {
        if (Permissions::can(c.role, capability))
            return true;
    }
    return false;
}

RowId ExchangeAuthority::idOf(const char* table, const QJsonValue& uuid)
{
    if (!uuid.isString())
        return 0;
    return m_store.idOf(QLatin1String(table), uuid.toString()).value_or(0);
}

Visit ExchangeAuthority::visitOf(const QJsonObject& f)
{
    Visit v;
    v.date = dateOf(f.value(QStringLiteral("visit_date")));
    v.nextVisitDate = dateOf(f.value(QStringLiteral("next_visit_date")));
    v.enterpriseId = idOf("enterprises", f.value(QStringLiteral("enterprise_id")));
    v.summary = f.value(QStringLiteral("summary")).toString();
    for (const QJsonValue& c : f.value(QStringLiteral("cadres")).toArray())
        v.cadreIds.append(idOf("cadres", c));
    if (v.cadreIds.isEmpty() && f.value(QStringLiteral("author_id")).isString())
        v.cadreIds.append(idOf("cadres", f.value(QStringLiteral("author_id"))));
    return v;
}

Issue ExchangeAuthority::issueOf(const QJsonObject& f)
{
    Issue i;
    if (const RowId visit = idOf("visits", f.value(QStringLiteral("visit_id"))))
        i.visitId = visit;
    i.enterpriseId = idOf("enterprises", f.value(QStringLiteral("enterprise_id")));
    i.categoryId = idOf("categories", f.value(QStringLiteral("category_id")));
    i.ownerId = idOf("cadres", f.value(QStringLiteral("owner_id")));
    i.title = f.value(QStringLiteral("title")).toString();
    i.description = f.value(QStringLiteral("description")).toString();
    i.raisedBy = f.value(QStringLiteral("raised_by")).toString();
    i.receivedOn = dateOf(f.value(QStringLiteral("received_on")));
    return i;
}

QString ExchangeAuthority::recordRefusal(const ExchangeTable& table, const std::optional<ExchangeRecord>& here,
                                         const ExchangeRecord& incoming)
{
    if (table.name == QLatin1String("visits"))
        return visitRefusal(here, incoming);
    if (table.name == QLatin1String("issues"))
        return issueRefusal(here, incoming);
    if (table.name == QLatin1String("enterprises"))
        return enterpriseRefusal(incoming);
    if (table.name == QLatin1String("quarterly_notes"))
        return noteRefusal(incoming);
    // Only the tables above travel from a laptop (ExchangeRecords); anything else is no change a laptop makes.
    return QCoreApplication::translate("yg::ExchangeRules", "records of %1 do not come from a laptop.").arg(table.name);
}

QString ExchangeAuthority::visitRefusal(const std::optional<ExchangeRecord>& here, const ExchangeRecord& incoming)
{
    const Visit theirs = visitOf(incoming.fields);
    const QString what = QCoreApplication::translate("yg::ExchangeRules", "the visit of %1 (%2)")
                             .arg(theirs.date.toString(Qt::ISODate), incoming.key);
    const QStringList invalid = validate(theirs);
    if (!invalid.isEmpty())
        return QCoreApplication::translate("yg::ExchangeRules", "%1: %2.")
            .arg(what, invalid.join(QStringLiteral("; ")));
    if (theirs.date > m_latest)
        return QCoreApplication::translate("yg::ExchangeRules",
                                           "%1 is dated after today; a visit is recorded once it took place.")
            .arg(what);
    // Rights come from the visit as stored here, not from the cadres the file puts on it.
    const Visit basis = here ? visitOf(here->fields) : theirs;
    AdminService admin(m_db);
    QString why;
    for (const Cadre& a : std::as_const(m_accounts)) {
        why = admin.visitRefusal(a, basis);
        if (why.isEmpty())
            return {};
    }
    return QCoreApplication::translate("yg::ExchangeRules", "%1: none of the laptop's accounts (%2) may %3 it. %4")
        .arg(what, names(),
             here ? QCoreApplication::translate("yg::ExchangeRules", "change")
                  : QCoreApplication::translate("yg::ExchangeRules", "record"),
             why);
}

QString ExchangeAuthority::issueRefusal(const std::optional<ExchangeRecord>& here, const ExchangeRecord& incoming)
{
    Issue theirs = issueOf(incoming.fields);
    const QString what =
        QCoreApplication::translate("yg::ExchangeRules", "issue “%1” (%2)").arg(theirs.title, incoming.key);
    if (here) {
        // No service lets a cadre or supervisor change an issue's own fields; staff do, by the import.
        if (anyCan(Capability::ImportData))
            return {};
        return QCoreApplication::translate(
                   "yg::ExchangeRules",
                   "%1: its own fields (title, description, category, enterprise, owner, who raised it, intake date) "
                   "were changed on the laptop, which only staff may do; none of the laptop's accounts (%2) is staff.")
            .arg(what, names());
    }
    const QStringList invalid = validate(theirs);
    if (!invalid.isEmpty())
        return QCoreApplication::translate("yg::ExchangeRules", "%1: %2.")
            .arg(what, invalid.join(QStringLiteral("; ")));
    if (theirs.receivedOn > m_latest)
        return QCoreApplication::translate("yg::ExchangeRules", "%1 is recorded on %2, after today.")
            .arg(what, theirs.receivedOn.toString(Qt::ISODate));
    if (anyCan(Capability::ImportData))
        return {}; // staff record issues of any owner (the spreadsheet import)
    // A cadre or supervisor raises an issue at a visit it records; it belongs to someone on that visit.
    const auto visit = theirs.visitId ? VisitRepository(m_db).visit(*theirs.visitId) : std::nullopt;
    if (!visit)
        return QCoreApplication::translate("yg::ExchangeRules", "%1 was not raised at a visit.").arg(what);
    if (!visit->cadreIds.contains(theirs.ownerId)) {
        const auto owner = CadreRepository(m_db).cadre(theirs.ownerId);
        return QCoreApplication::translate("yg::ExchangeRules",
                                           "%1 belongs to %2, who was not on the visit it was raised at.")
            .arg(what, owner ? owner->name : QString::number(theirs.ownerId));
    }
    return {};
}

QString ExchangeAuthority::enterpriseRefusal(const ExchangeRecord& incoming)
{
    const QJsonObject& f = incoming.fields;
    const QString what =
        QCoreApplication::translate("yg::ExchangeRules", "enterprise %1 (%2)")
            .arg(f.value(QStringLiteral("name")).toString(), f.value(QStringLiteral("credit_code")).toString());
    if (!anyCan(Capability::EditEnterprises)) {
        return QCoreApplication::translate(
                   "yg::ExchangeRules",
                   "%1 was registered or changed on the laptop, but adding and editing enterprises is for staff and "
                   "administrators; none of the laptop's accounts (%2) is.")
            .arg(what, names());
    }
    Enterprise e;
    e.name = f.value(QStringLiteral("name")).toString();
    e.creditCode = f.value(QStringLiteral("credit_code")).toString();
    e.townId = idOf("towns", f.value(QStringLiteral("town_id")));
    e.employees = f.value(QStringLiteral("employees")).toInt();
    e.unionMembers = f.value(QStringLiteral("union_members")).toInt();
    const QStringList invalid = validate(e);
    return invalid.isEmpty() ? QString()
                             : QCoreApplication::translate("yg::ExchangeRules", "%1: %2.")
                                   .arg(what, invalid.join(QStringLiteral("; ")));
}

QString ExchangeAuthority::noteRefusal(const ExchangeRecord& incoming)
{
    const QJsonObject& f = incoming.fields;
    const RowId authorId = idOf("cadres", f.value(QStringLiteral("author_id")));
    const QString what = QCoreApplication::translate("yg::ExchangeRules", "the quarterly note of %1 (%2)")
                             .arg(f.value(QStringLiteral("quarter")).toString(), incoming.key);
    const Cadre* author = account(authorId);
    if (!author)
        return QCoreApplication::translate(
                   "yg::ExchangeRules", "%1 is not by one of the laptop's accounts (%2); each person writes their own.")
            .arg(what, names());
    const bool reflection = f.value(QStringLiteral("kind")).toString() == QLatin1String("reflection");
    const bool allowed = reflection ? (author->role == Role::Cadre || author->role == Role::Supervisor)
                                    : Permissions::can(author->role, Capability::QuarterlyAnalysis);
    if (!allowed)
        return QCoreApplication::translate("yg::ExchangeRules", "%1: %2 may not write it.").arg(what, author->name);
    return {};
}

QString ExchangeAuthority::stepsRefusal(const Issue& issue, const QList<IssueEvent>& laptopHistory,
                                        const QSet<QString>& newSteps)
{
    QList<IssueEvent> before;
    for (const IssueEvent& e : laptopHistory) {
        if (newSteps.contains(e.uuid)) {
            const QString why = stepRefusal(issue, before, e);
            if (!why.isEmpty()) {
                const auto action = fromKey<LifecycleAction>(e.action);
                const auto actor = CadreRepository(m_db).cadre(e.actorId);
                return QCoreApplication::translate(
                           "yg::ExchangeRules",
                           "Issue %1: the step “%2” of %3 by %4 is not one that could be taken: %5")
                    .arg(issue.number, action ? displayName(*action) : e.action, e.eventDate.toString(Qt::ISODate),
                         actor ? actor->name : QString::number(e.actorId), why);
            }
        }
        before.append(e);
    }
    return {};
}

QString ExchangeAuthority::stepRefusal(const Issue& issue, const QList<IssueEvent>& before, const IssueEvent& e)
{
    const Cadre* actor = account(e.actorId);
    if (!actor)
        return QCoreApplication::translate("yg::ExchangeRules", "its actor is not one of the laptop's accounts (%1).")
            .arg(names());
    const auto action = fromKey<LifecycleAction>(e.action);
    if (!action)
        return QCoreApplication::translate("yg::ExchangeRules", "“%1” is no step of the closed loop.").arg(e.action);
    using A = LifecycleAction;
    ActionInput in;
    in.action = *action;
    in.date = e.eventDate;
    in.note = e.note;
    in.satisfaction = e.satisfaction;
    if (*action == A::Transfer)
        in.departmentId = e.departmentId;
    if (*action == A::Submit || *action == A::Transfer || *action == A::Reopen || *action == A::Reschedule)
        in.dueDate = e.dueDate;

    // The laptop's view: the state its own steps of the issue reached before this one.
    const IssueState state = Lifecycle::replay(before);
    IssueService service(m_db);
    const ActorContext context = service.actorContext(issue, actor->meta.id);
    QString why = Lifecycle::refusal(state, context, in, m_latest);
    if (!why.isEmpty())
        return why;
    if (*action == A::Record) {
        if (e.eventDate != issue.receivedOn)
            return QCoreApplication::translate("yg::ExchangeRules", "an issue is recorded on its intake date (%1).")
                .arg(issue.receivedOn.toString(Qt::ISODate));
        if (issue.visitId && !anyCan(Capability::ImportData)) {
            const auto visit = VisitRepository(m_db).visit(*issue.visitId);
            why = visit ? AdminService(m_db).visitRefusal(*actor, *visit)
                        : QCoreApplication::translate("yg::ExchangeRules", "its visit is not here.");
            if (!why.isEmpty())
                return why;
        }
    }
    // The step must record what the rules make of it, not a result of its own.
    const auto category = ReferenceRepository(m_db).category(issue.categoryId);
    const IssueEvent expected =
        Lifecycle::apply(state, in, CalendarRepository(m_db).load(), category ? category->defaultDueDays : 10).second;
    if (expected.fromStage != e.fromStage || expected.toStage != e.toStage || expected.outcome != e.outcome ||
        expected.satisfaction != e.satisfaction) {
        return QCoreApplication::translate(
                   "yg::ExchangeRules",
                   "it records the result %1 → %2 (%3%4), but the closed loop gives %5 → %6 (%7%8).")
            .arg(e.fromStage ? displayName(*e.fromStage) : QStringLiteral("—"), displayName(e.toStage),
                 displayName(e.outcome),
                 e.satisfaction.isEmpty() ? QString() : QStringLiteral(", ") + satisfactionName(e.satisfaction),
                 expected.fromStage ? displayName(*expected.fromStage) : QStringLiteral("—"),
                 displayName(expected.toStage), displayName(expected.outcome),
                 expected.satisfaction.isEmpty() ? QString()
                                                 : QStringLiteral(", ") + satisfactionName(expected.satisfaction));
    }
    // A step decided at a monthly meeting is recorded by the supervisor who held it.
    if (e.meetingId && m_store.meetingSupervisor(*e.meetingId) != actor->meta.id)
        return QCoreApplication::translate("yg::ExchangeRules", "it is attributed to a monthly meeting %1 did not hold.")
            .arg(actor->name);
    return {};
}

} // namespace yg
