#include "Validation.h"

#include "domain/CreditCode.h"
#include "util/Error.h"

#include <QCoreApplication>

namespace yg {

QStringList validate(const Town& town)
{
    QStringList p;
    if (town.name.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the town name is empty");
    if (town.code.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the town code is empty");
    return p;
}

QStringList validate(const Cadre& cadre)
{
    QStringList p;
    if (cadre.name.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the name is empty");
    if (!cadre.activeFrom.isValid())
        p << QCoreApplication::translate("yg::Validation", "the start of residency (active from) is missing");
    if (cadre.activeTo.isValid() && cadre.activeFrom.isValid() && cadre.activeTo < cadre.activeFrom)
        p << QCoreApplication::translate("yg::Validation", "the residency ends (%1) before it starts (%2)")
                 .arg(cadre.activeTo.toString(Qt::ISODate), cadre.activeFrom.toString(Qt::ISODate));
    if (cadre.weeklyQuota < 0 || cadre.weeklyQuota > 50)
        p << QCoreApplication::translate("yg::Validation", "the weekly visit quota %1 is outside 0 to 50")
                 .arg(cadre.weeklyQuota);
    return p;
}

QStringList validate(const Enterprise& e)
{
    QStringList p;
    if (e.name.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the enterprise name is empty");
    const CreditCode::Check check = CreditCode::validate(e.creditCode);
    if (!check.ok)
        p << check.message;
    if (e.townId <= 0)
        p << QCoreApplication::translate("yg::Validation", "the town is missing");
    if (e.employees < 0)
        p << QCoreApplication::translate("yg::Validation", "the number of employees is negative");
    if (e.unionMembers < 0)
        p << QCoreApplication::translate("yg::Validation", "the number of union members is negative");
    if (e.unionMembers > 0 && e.employees > 0 && e.unionMembers > e.employees)
        p << QCoreApplication::translate("yg::Validation", "there are more union members (%1) than employees (%2)")
                 .arg(e.unionMembers)
                 .arg(e.employees);
    return p;
}

QStringList validate(const Visit& v)
{
    QStringList p;
    if (!v.date.isValid())
        p << QCoreApplication::translate("yg::Validation", "the visit date is missing");
    if (v.cadreIds.isEmpty())
        p << QCoreApplication::translate("yg::Validation", "no cadre is named for the visit");
    for (qsizetype i = 0; i < v.cadreIds.size(); ++i) {
        if (v.cadreIds.indexOf(v.cadreIds[i]) != i) {
            p << QCoreApplication::translate("yg::Validation", "a cadre is listed twice on the visit");
            break;
        }
    }
    if (v.enterpriseId <= 0)
        p << QCoreApplication::translate("yg::Validation", "the enterprise is missing");
    if (v.nextVisitDate.isValid() && v.date.isValid() && v.nextVisitDate < v.date)
        p << QCoreApplication::translate("yg::Validation", "the next visit date (%1) is before the visit (%2)")
                 .arg(v.nextVisitDate.toString(Qt::ISODate), v.date.toString(Qt::ISODate));
    return p;
}

QStringList validate(const Issue& i)
{
    QStringList p;
    if (i.enterpriseId <= 0)
        p << QCoreApplication::translate("yg::Validation", "the enterprise is missing");
    if (i.categoryId <= 0)
        p << QCoreApplication::translate("yg::Validation", "the category is missing");
    if (i.title.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the title is empty");
    if (i.description.trimmed().isEmpty())
        p << QCoreApplication::translate("yg::Validation", "the description is empty");
    if (i.ownerId <= 0)
        p << QCoreApplication::translate("yg::Validation", "the owning cadre is missing");
    if (!i.receivedOn.isValid())
        p << QCoreApplication::translate("yg::Validation", "the intake date is missing");
    if ((i.stage == Stage::Closed) != (i.outcome != Outcome::None))
        p << QCoreApplication::translate("yg::Validation",
                                         "a closed issue needs an outcome and an open one must not have one");
    if (i.stage == Stage::Closed && !i.closedOn.isValid())
        p << QCoreApplication::translate("yg::Validation", "the closing date is missing");
    if (i.closedOn.isValid() && i.receivedOn.isValid() && i.closedOn < i.receivedOn)
        p << QCoreApplication::translate("yg::Validation", "the issue is closed (%1) before it was received (%2)")
                 .arg(i.closedOn.toString(Qt::ISODate), i.receivedOn.toString(Qt::ISODate));
    return p;
}

void throwIfInvalid(const QString& what, const QStringList& problems)
{
    if (!problems.isEmpty())
        throw Error(QStringLiteral("%1: %2.").arg(what, problems.join(QStringLiteral("; "))));
}

} // namespace yg
