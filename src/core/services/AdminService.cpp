#include "AdminService.h"

#include "exchange/Exchange.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

#include "util/Clock.h"

namespace yg {

AdminService::AdminService(Database& db) : m_db(db) {}

void AdminService::setCategoryDueDays(const Cadre& actor, const QString& code, int days)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageReference);
    if (days < 1 || days > 365)
        throw Error(
            QCoreApplication::translate("yg::AdminService", "The due days must be 1 to 365, not %1.").arg(days));
    ReferenceRepository refs(m_db);
    QStringList codes;
    for (Category c : refs.categories()) {
        codes << c.code;
        if (c.code != code)
            continue;
        c.defaultDueDays = days;
        WriteTransaction tx(m_db.connection());
        refs.update(c, actor.meta.id);
        tx.commit();
        return;
    }
    throw Error(QCoreApplication::translate("yg::AdminService", "Unknown category code '%1'; the codes are: %2.")
                    .arg(code, codes.join(QStringLiteral(", "))));
}

CalendarImportResult AdminService::importCalendar(const Cadre& actor, const QString& csvPath)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageReference);
    return yg::importCalendar(m_db, csvPath);
}

void AdminService::setEscalationThresholds(const Cadre& actor, std::optional<int> reminderDays,
                                           std::optional<int> talkAfterDays)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageSettings);
    for (const auto& v : {reminderDays, talkAfterDays}) {
        if (v && (*v < 1 || *v > 60))
            throw Error(
                QCoreApplication::translate("yg::AdminService", "A threshold must be 1 to 60 working days, not %1.")
                    .arg(*v));
    }
    CalendarRepository settings(m_db);
    WriteTransaction tx(m_db.connection());
    if (reminderDays)
        settings.setSetting(QStringLiteral("escalation.reminder_days"), QString::number(*reminderDays));
    if (talkAfterDays)
        settings.setSetting(QStringLiteral("escalation.talk_after_days"), QString::number(*talkAfterDays));
    tx.commit();
}

void AdminService::setIdleLockMinutes(const Cadre& actor, int minutes)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageSettings);
    if (minutes < 1 || minutes > 240)
        throw Error(QCoreApplication::translate("yg::AdminService", "The idle lock must be 1 to 240 minutes, not %1.")
                        .arg(minutes));
    WriteTransaction tx(m_db.connection());
    CalendarRepository(m_db).setSetting(QStringLiteral("session.idle_lock_minutes"), QString::number(minutes));
    tx.commit();
}

void AdminService::setExchangePasswordHashes(const Cadre& actor, bool on)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageAccounts);
    WriteTransaction tx(m_db.connection());
    CalendarRepository(m_db).setSetting(QLatin1String(Exchange::kPasswordHashesSetting),
                                        on ? QStringLiteral("1") : QStringLiteral("0"));
    tx.commit();
}

bool AdminService::exchangePasswordHashes()
{
    return CalendarRepository(m_db).textSetting(QLatin1String(Exchange::kPasswordHashesSetting)) == QLatin1String("1");
}

int AdminService::idleLockMinutes()
{
    return CalendarRepository(m_db).intSetting(QStringLiteral("session.idle_lock_minutes"), 15);
}

void AdminService::setKeyVisitWeeks(const Cadre& actor, int weeks)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::ManageSettings);
    if (weeks < 1 || weeks > 52)
        throw Error(
            QCoreApplication::translate("yg::AdminService", "The weeks without a visit must be 1 to 52, not %1.")
                .arg(weeks));
    WriteTransaction tx(m_db.connection());
    CalendarRepository(m_db).setSetting(QStringLiteral("week.key_visit_weeks"), QString::number(weeks));
    tx.commit();
}

int AdminService::keyVisitWeeks()
{
    return CalendarRepository(m_db).intSetting(QStringLiteral("week.key_visit_weeks"), 4);
}

QString AdminService::visitRefusal(const Cadre& actor, const Visit& visit)
{
    if (!Permissions::can(actor.role, Capability::CreateVisit))
        return Permissions::refusal(actor, Capability::CreateVisit);
    if (visit.cadreIds.contains(actor.meta.id))
        return {};
    if (actor.role == Role::Supervisor && !visit.cadreIds.isEmpty()) {
        CadreRepository cadres(m_db);
        const auto author = cadres.cadre(visit.cadreIds.first());
        const auto group = author && author->groupId ? cadres.group(*author->groupId) : std::nullopt;
        if (group && group->supervisorId == actor.meta.id)
            return {};
    }
    return QCoreApplication::translate("yg::AdminService",
                                       "%1 may only record and edit visits they are on, or, as a supervisor, the "
                                       "visits of their group's cadres.")
        .arg(actor.name);
}

Visit AdminService::createVisit(const Cadre& actor, Visit visit)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    const QString why = visitRefusal(actor, visit);
    if (!why.isEmpty())
        throw Error(why + QLatin1Char(' ') + QCoreApplication::translate("yg::AdminService", "Nothing was changed."));
    WriteTransaction tx(m_db.connection());
    VisitRepository(m_db).insert(visit);
    tx.commit();
    return visit;
}

Visit AdminService::updateVisit(const Cadre& actor, Visit visit)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    const auto stored = VisitRepository(m_db).visit(visit.meta.id);
    if (!stored)
        throw Error(
            QCoreApplication::translate("yg::AdminService", "There is no visit with id %1.").arg(visit.meta.id));
    // Rights come from the visit as stored, not from the cadres the edit would put on it.
    const QString why = visitRefusal(actor, *stored);
    if (!why.isEmpty())
        throw Error(why + QLatin1Char(' ') + QCoreApplication::translate("yg::AdminService", "Nothing was changed."));
    WriteTransaction tx(m_db.connection());
    VisitRepository(m_db).update(visit, actor.meta.id);
    tx.commit();
    return visit;
}

namespace {

/** A supervisor reads the trail of the records they may see; an administrator all of it. */
AuditFilter scoped(const Cadre& actor, AuditFilter filter)
{
    if (actor.role != Role::Admin)
        filter.visibleTo = actor.meta.id;
    return filter;
}

} // namespace

qint64 AdminService::auditCount(const Cadre& actor, const AuditFilter& filter)
{
    Permissions::require(actor, Capability::ReadAudit);
    return AuditLog(m_db).count(scoped(actor, filter));
}

QList<AuditEntry> AdminService::auditEntries(const Cadre& actor, const AuditFilter& filter, int offset, int limit)
{
    Permissions::require(actor, Capability::ReadAudit);
    return AuditLog(m_db).entries(scoped(actor, filter), offset, limit);
}

QString AdminService::describeChanges(const QJsonObject& changes)
{
    auto text = [](const QJsonValue& v) {
        if (v.isNull() || v.isUndefined())
            return QStringLiteral("—");
        if (v.isArray()) {
            QStringList parts;
            for (const QJsonValue& x : v.toArray())
                parts << x.toVariant().toString();
            return QStringLiteral("[") + parts.join(QLatin1Char(',')) + QStringLiteral("]");
        }
        return v.toVariant().toString();
    };
    QStringList parts;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QJsonArray pair = it.value().toArray();
        if (pair.size() == 2)
            parts << it.key() + QStringLiteral(": ") + text(pair.at(0)) + QStringLiteral(" → ") + text(pair.at(1));
        else
            parts << it.key() + QStringLiteral(": ") + text(it.value());
    }
    return parts.join(QStringLiteral("; "));
}

qint64 AdminService::exportAudit(const Cadre& actor, const AuditFilter& filter, const QString& path)
{
    Permissions::require(actor, Capability::ReadAudit);
    const AuditFilter visible = scoped(actor, filter);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(
            QCoreApplication::translate("yg::AdminService", "%1 cannot be written: %2").arg(path, file.errorString()));
    auto csv = [](QString v) {
        if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')))
            v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return v;
    };
    QByteArray out("\xEF\xBB\xBF");
    out += "id,time,user,table,record,action,changes,hash\r\n";
    file.write(out);
    AuditLog log(m_db);
    qint64 written = 0;
    for (int offset = 0;; offset += 1000) {
        const QList<AuditEntry> page = log.entries(visible, offset, 1000);
        for (const AuditEntry& e : page) {
            const QStringList cells{
                QString::number(e.id),
                e.at.toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                e.actorName,
                e.table,
                e.recordId ? QString::number(*e.recordId) : e.recordUuid,
                e.action,
                describeChanges(e.changes),
                e.hash};
            QStringList escaped;
            for (const QString& c : cells)
                escaped << csv(c);
            file.write(escaped.join(QLatin1Char(',')).toUtf8() + "\r\n");
            ++written;
        }
        if (page.size() < 1000)
            break;
    }
    if (!file.commit())
        throw Error(
            QCoreApplication::translate("yg::AdminService", "%1 cannot be written: %2").arg(path, file.errorString()));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return written;
}

} // namespace yg
