#include "ReportEngine.h"

#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace yg {

QString ReportEngine::modeKey(CountingMode mode)
{
    return mode == CountingMode::CollectedInPeriod ? QStringLiteral("collected_in_period")
                                                   : QStringLiteral("cumulative_as_of");
}

ReportFigures ReportEngine::figures(Database& db, const ReportRequest& r, const Period& period)
{
    ReportFigures f;
    const QDate today = r.today.isValid() ? r.today : Clock::today();
    if (r.mode == CountingMode::CollectedInPeriod) {
        f.from = period.first();
        f.to = period.last();
        f.stateAsOf = std::max(today, period.last());
    } else {
        f.from = r.cumulativeStart;
        f.to = period.last();
        f.stateAsOf = period.last();
    }
    // The state stored on each issue is the replay of all its steps: it is the state on the
    // state day when no step is dated after that day (the lifecycle refuses steps after
    // today, so this holds for a period still running too — unless an exchange brought a
    // step from a laptop's wrong clock).
    f.stateNow = r.mode == CountingMode::CollectedInPeriod && queryLatestStepDate(db.connection()) <= f.stateAsOf;
    f.counts = queryReportCounts(db.connection(), {f.from, f.to, f.stateAsOf, r.scope, f.stateNow});
    const ReportCounts& c = f.counts;
    f.resolution = {c.resolved, c.collected};
    f.coverage = {c.keyEnterprisesVisited.value_or(0), c.keyEnterprises.value_or(0)};
    f.withinDue = {c.closedWithinDue, c.closedWithDue};
    f.quotaMet = {c.cadreWeeksMet, c.cadreWeeks};
    f.satisfaction = {c.satisfied + c.basicallySatisfied, c.satisfied + c.basicallySatisfied + c.dissatisfied};
    return f;
}

Report ReportEngine::build(Database& db, const ReportRequest& request)
{
    Report report;
    report.request = request;
    report.current = figures(db, request, request.period);
    report.previous = figures(db, request, request.period.previous());
    const ReportQueryInput in{report.current.from, report.current.to, report.current.stateAsOf, request.scope,
                              report.current.stateNow};
    report.byTown = queryReportBreakdown(db.connection(), in, ReportDimension::Town);
    report.byCategory = queryReportBreakdown(db.connection(), in, ReportDimension::Category);
    report.byCadre = queryReportBreakdown(db.connection(), in, ReportDimension::Cadre);
    report.byMonth = queryReportBreakdown(db.connection(), in, ReportDimension::Month);
    return report;
}

ReportScope ReportEngine::parseScope(Database& db, const QString& text, QString* label)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("district")) {
        if (label)
            label->clear();
        return {};
    }
    const qsizetype eq = t.indexOf(QLatin1Char('='));
    const QString kind = t.left(eq);
    const QString value = t.mid(eq + 1).trimmed();
    auto fail = [&]() -> ReportScope {
        throw Error(QCoreApplication::translate("yg::ReportEngine",
                                                "Unknown scope '%1'; accepted: district, town=NAME, group=NAME, "
                                                "cadre=NAME, category=CODE or NAME, department=NAME.")
                        .arg(t));
    };
    if (eq <= 0 || value.isEmpty())
        return fail();
    ReferenceRepository refs(db);
    CadreRepository cadres(db);
    auto found = [&](ReportScope::Kind k, RowId id, const QString& name) {
        if (label)
            *label = name;
        return ReportScope{k, id};
    };
    if (kind == QLatin1String("town")) {
        if (const auto town = refs.townByName(value))
            return found(ReportScope::Kind::Town, town->meta.id, town->name);
    } else if (kind == QLatin1String("group")) {
        for (const CadreGroup& g : cadres.groups()) {
            if (g.name == value)
                return found(ReportScope::Kind::Group, g.meta.id, g.name);
        }
    } else if (kind == QLatin1String("cadre")) {
        if (const auto c = cadres.cadreByName(value))
            return found(ReportScope::Kind::Cadre, c->meta.id, c->name);
    } else if (kind == QLatin1String("category")) {
        for (const Category& c : refs.categories()) {
            if (c.code == value || c.name == value)
                return found(ReportScope::Kind::Category, c.meta.id, c.name);
        }
    } else if (kind == QLatin1String("department")) {
        for (const Department& d : refs.departments()) {
            if (d.name == value)
                return found(ReportScope::Kind::Department, d.meta.id, d.name);
        }
    } else {
        return fail();
    }
    throw Error(QCoreApplication::translate("yg::ReportEngine", "There is no %1 named '%2'.").arg(kind, value));
}

namespace {

QJsonValue optionalNumber(const std::optional<qint64>& v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue optionalReal(const std::optional<double>& v)
{
    return v ? QJsonValue(qRound(*v * 100) / 100.0) : QJsonValue();
}

QJsonObject rateJson(const Rate& r)
{
    const auto h = r.hundredthsOfPercent();
    return {{QStringLiteral("numerator"), r.numerator},
            {QStringLiteral("denominator"), r.denominator},
            {QStringLiteral("percent"), h ? QJsonValue(*h / 100.0) : QJsonValue()},
            {QStringLiteral("text"), r.percentText()}};
}

QJsonObject figuresJson(const ReportFigures& f)
{
    const ReportCounts& c = f.counts;
    return {{QStringLiteral("from"), f.from.toString(Qt::ISODate)},
            {QStringLiteral("to"), f.to.toString(Qt::ISODate)},
            {QStringLiteral("stateAsOf"), f.stateAsOf.toString(Qt::ISODate)},
            {QStringLiteral("visits"), optionalNumber(c.visits)},
            {QStringLiteral("enterprisesVisited"), optionalNumber(c.enterprisesVisited)},
            {QStringLiteral("keyEnterprises"), optionalNumber(c.keyEnterprises)},
            {QStringLiteral("keyEnterprisesVisited"), optionalNumber(c.keyEnterprisesVisited)},
            {QStringLiteral("coverage"), rateJson(f.coverage)},
            {QStringLiteral("collected"), c.collected},
            {QStringLiteral("resolved"), c.resolved},
            {QStringLiteral("unresolved"), c.unresolved},
            {QStringLiteral("withdrawn"), c.withdrawn},
            {QStringLiteral("open"), c.open},
            {QStringLiteral("overdue"), c.overdue},
            {QStringLiteral("resolutionRate"), rateJson(f.resolution)},
            {QStringLiteral("closedWithinDue"), rateJson(f.withinDue)},
            {QStringLiteral("averageWorkingDaysToClose"), optionalReal(c.averageDaysToClose)},
            {QStringLiteral("medianWorkingDaysToClose"), optionalReal(c.medianDaysToClose)},
            {QStringLiteral("followUps"), QJsonObject{{QStringLiteral("satisfied"), c.satisfied},
                                                      {QStringLiteral("basicallySatisfied"), c.basicallySatisfied},
                                                      {QStringLiteral("dissatisfied"), c.dissatisfied}}},
            {QStringLiteral("satisfaction"), rateJson(f.satisfaction)},
            {QStringLiteral("departmentReturns"), c.departmentReturns},
            {QStringLiteral("quotaMet"), rateJson(f.quotaMet)}};
}

QJsonArray breakdownJson(const QList<ReportBreakdownRow>& rows)
{
    QJsonArray out;
    for (const ReportBreakdownRow& r : rows) {
        out.append(QJsonObject{{QStringLiteral("key"), r.key},
                               {QStringLiteral("label"), r.label},
                               {QStringLiteral("visits"), optionalNumber(r.visits)},
                               {QStringLiteral("collected"), r.collected},
                               {QStringLiteral("resolved"), r.resolved},
                               {QStringLiteral("resolutionRate"), rateJson({r.resolved, r.collected})}});
    }
    return out;
}

} // namespace

QJsonObject Report::toJson() const
{
    static const char* const kinds[] = {"district", "group", "town", "cadre", "category", "department"};
    return {{QStringLiteral("format"), QStringLiteral("yuegong-report")},
            {QStringLiteral("formatVersion"), 1},
            {QStringLiteral("period"), request.period.toString()},
            {QStringLiteral("scope"),
             QJsonObject{{QStringLiteral("kind"), QLatin1String(kinds[static_cast<int>(request.scope.kind)])},
                         {QStringLiteral("label"), request.scopeLabel}}},
            {QStringLiteral("counting"), ReportEngine::modeKey(request.mode)},
            {QStringLiteral("current"), figuresJson(current)},
            {QStringLiteral("previous"), figuresJson(previous)},
            {QStringLiteral("byTown"), breakdownJson(byTown)},
            {QStringLiteral("byCategory"), breakdownJson(byCategory)},
            {QStringLiteral("byCadre"), breakdownJson(byCadre)},
            {QStringLiteral("byMonth"), breakdownJson(byMonth)}};
}

} // namespace yg
