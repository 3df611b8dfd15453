#include "ReportLayouts.h"

#include "domain/Enums.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/EvaluationRepository.h"
#include "storage/ReadSnapshot.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QHash>

namespace yg {

namespace {

QString t(const char* text)
{
    return QCoreApplication::translate("yg::ReportLayouts", text);
}

struct KindInfo
{
    ReportKind kind;
    const char* key;
};

constexpr KindInfo kKinds[] = {{ReportKind::Summary, "summary"},
                               {ReportKind::Weekly, "weekly"},
                               {ReportKind::Monthly, "monthly"},
                               {ReportKind::Quarterly, "quarterly"},
                               {ReportKind::Annual, "annual"}};

using Cell = ReportCell;
using Row = QList<ReportCell>;

std::optional<double> percentOf(const Rate& r)
{
    const auto h = r.hundredthsOfPercent();
    return h ? std::optional<double>(*h / 100.0) : std::nullopt;
}

ReportTable figuresTable(const Report& r)
{
    const ReportFigures& c = r.current;
    const ReportFigures& p = r.previous;
    ReportTable table;
    table.key = QStringLiteral("figures");
    table.title = QCoreApplication::translate("yg::ReportLayouts", "Figures");
    table.columns = {QCoreApplication::translate("yg::ReportLayouts", "Figure"),
                     QCoreApplication::translate("yg::ReportLayouts", "This period (%1 to %2)")
                         .arg(c.from.toString(Qt::ISODate), c.to.toString(Qt::ISODate)),
                     QCoreApplication::translate("yg::ReportLayouts", "Previous period (%1 to %2)")
                         .arg(p.from.toString(Qt::ISODate), p.to.toString(Qt::ISODate))};
    auto add = [&](const char* label, const Cell& a, const Cell& b) { table.rows.append({Cell::of(t(label)), a, b}); };
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Visits (家次)"), Cell::of(c.counts.visits), Cell::of(p.counts.visits));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Enterprises visited"), Cell::of(c.counts.enterprisesVisited),
        Cell::of(p.counts.enterprisesVisited));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Key-enterprise coverage"), Cell::of(c.coverage), Cell::of(p.coverage));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Issues collected"), Cell::of(c.counts.collected),
        Cell::of(p.counts.collected));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Resolved"), Cell::of(c.counts.resolved), Cell::of(p.counts.resolved));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Resolution rate (化解率)"), Cell::of(c.resolution),
        Cell::of(p.resolution));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Closed unresolved"), Cell::of(c.counts.unresolved),
        Cell::of(p.counts.unresolved));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Withdrawn"), Cell::of(c.counts.withdrawn),
        Cell::of(p.counts.withdrawn));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Open"), Cell::of(c.counts.open), Cell::of(p.counts.open));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Overdue"), Cell::of(c.counts.overdue), Cell::of(p.counts.overdue));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Closed within the due date"), Cell::of(c.withinDue),
        Cell::of(p.withinDue));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Average working days to close"),
        Cell::days(c.counts.averageDaysToClose), Cell::days(p.counts.averageDaysToClose));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Median working days to close"), Cell::days(c.counts.medianDaysToClose),
        Cell::days(p.counts.medianDaysToClose));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Follow-ups satisfied or basically satisfied"), Cell::of(c.satisfaction),
        Cell::of(p.satisfaction));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Returns by departments"), Cell::of(c.counts.departmentReturns),
        Cell::of(p.counts.departmentReturns));
    add(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Cadre-weeks meeting the visit quota"), Cell::of(c.quotaMet),
        Cell::of(p.quotaMet));
    table.note = QCoreApplication::translate(
        "yg::ReportLayouts",
        "Resolution rate = resolved / collected, two decimals rounded half up; withdrawn issues stay "
        "collected and are not resolved. \"—\": nothing to count.");
    return table;
}

/**
 * The figures with a third column, the change against the previous period (the quarterly
 * analysis compares quarters): counts and working days as differences, rates in percentage
 * points ("+1.45 pp"); "—" where either side has nothing to count.
 */
ReportTable withChange(ReportTable table)
{
    table.columns.append(QCoreApplication::translate("yg::ReportLayouts", "Change"));
    for (QList<Cell>& row : table.rows) {
        const Cell& now = row.value(1);
        const Cell& before = row.value(2);
        Cell change = Cell::empty();
        if (now.type == Cell::Type::Integer && before.type == Cell::Type::Integer) {
            change = Cell::of(now.integer - before.integer);
        } else if (now.type == Cell::Type::Decimal && before.type == Cell::Type::Decimal) {
            change = Cell::days(now.decimal - before.decimal);
        } else if (now.type == Cell::Type::Percent && before.type == Cell::Type::Percent) {
            const auto a = now.rate.hundredthsOfPercent();
            const auto b = before.rate.hundredthsOfPercent();
            if (a && b) {
                const qint64 d = *a - *b;
                const QString number = QStringLiteral("%1%2.%3")
                                           .arg(d > 0   ? QStringLiteral("+")
                                                : d < 0 ? QStringLiteral("-")
                                                        : QString())
                                           .arg(qAbs(d) / 100)
                                           .arg(qAbs(d) % 100, 2, 10, QLatin1Char('0'));
                change = Cell::of(QCoreApplication::translate("yg::ReportLayouts", "%1 pp").arg(number));
            }
        }
        row.append(change);
    }
    table.note += QLatin1Char(' ') + QCoreApplication::translate("yg::ReportLayouts",
                                                                 "Change: this period minus the previous one; rates "
                                                                 "in percentage points (pp).");
    return table;
}

ReportTable breakdownTable(const QString& key, const QString& title, const QString& keyHeader,
                           const QList<ReportBreakdownRow>& rows)
{
    ReportTable table;
    table.key = key;
    table.title = title;
    table.columns = {keyHeader, QCoreApplication::translate("yg::ReportLayouts", "Visits"),
                     QCoreApplication::translate("yg::ReportLayouts", "Issues collected"),
                     QCoreApplication::translate("yg::ReportLayouts", "Resolved"),
                     QCoreApplication::translate("yg::ReportLayouts", "Resolution rate")};
    for (const ReportBreakdownRow& r : rows) {
        table.rows.append({Cell::of(r.label), Cell::of(r.visits), Cell::of(r.collected), Cell::of(r.resolved),
                           Cell::of(Rate{r.resolved, r.collected})});
    }
    return table;
}

ReportChart monthlyTrend(const Report& r)
{
    ReportChart chart;
    chart.key = QStringLiteral("trend");
    chart.title = QCoreApplication::translate("yg::ReportLayouts", "Visits and resolution rate by month");
    chart.kind = ReportChart::Kind::BarsWithRateLine;
    ReportChart::Series visits{QCoreApplication::translate("yg::ReportLayouts", "Visits"), {}};
    ReportChart::Series rate{QCoreApplication::translate("yg::ReportLayouts", "Resolution rate (%)"), {}};
    // Months of one year are labelled 01…12 (the year is in the title); otherwise yy-MM.
    const bool oneYear = !r.byMonth.isEmpty() && r.byMonth.first().key.left(4) == r.byMonth.last().key.left(4);
    if (oneYear)
        chart.title += QStringLiteral(" (%1)").arg(r.byMonth.first().key.left(4));
    for (const ReportBreakdownRow& m : r.byMonth) {
        chart.categories << (oneYear ? m.key.mid(5) : m.key.mid(2));
        visits.values << (m.visits ? std::optional<double>(double(*m.visits)) : std::nullopt);
        rate.values << percentOf(Rate{m.resolved, m.collected});
    }
    chart.series = {visits, rate};
    return chart;
}

ReportChart issueBars(const QString& key, const QString& title, const QList<ReportBreakdownRow>& rows, bool visits)
{
    ReportChart chart;
    chart.key = key;
    chart.title = title;
    ReportChart::Series v{QCoreApplication::translate("yg::ReportLayouts", "Visits"), {}};
    ReportChart::Series collected{QCoreApplication::translate("yg::ReportLayouts", "Issues collected"), {}};
    ReportChart::Series resolved{QCoreApplication::translate("yg::ReportLayouts", "Resolved"), {}};
    for (const ReportBreakdownRow& r : rows) {
        chart.categories << r.label;
        v.values << (r.visits ? std::optional<double>(double(*r.visits)) : std::nullopt);
        collected.values << double(r.collected);
        resolved.values << double(r.resolved);
    }
    if (visits)
        chart.series << v;
    chart.series << collected << resolved;
    return chart;
}

QString stageText(const QString& stage, const QString& outcome)
{
    if (!outcome.isEmpty()) {
        if (const auto o = fromKey<Outcome>(outcome))
            return displayName(*o);
    }
    if (const auto s = fromKey<Stage>(stage))
        return displayName(*s);
    return stage;
}

ReportTable issueTable(const QString& key, const QString& title, const QList<ReportIssueLine>& lines)
{
    ReportTable table;
    table.key = key;
    table.title = title;
    table.columns = {QCoreApplication::translate("yg::ReportLayouts", "Number"),
                     QCoreApplication::translate("yg::ReportLayouts", "Received"),
                     QCoreApplication::translate("yg::ReportLayouts", "Enterprise"),
                     QCoreApplication::translate("yg::ReportLayouts", "Category"),
                     QCoreApplication::translate("yg::ReportLayouts", "Title"),
                     QCoreApplication::translate("yg::ReportLayouts", "Owner"),
                     QCoreApplication::translate("yg::ReportLayouts", "State"),
                     QCoreApplication::translate("yg::ReportLayouts", "Due date"),
                     QCoreApplication::translate("yg::ReportLayouts", "Closed")};
    for (const ReportIssueLine& l : lines) {
        table.rows.append({Cell::of(l.number), Cell::of(l.received), Cell::of(l.enterprise), Cell::of(l.category),
                           Cell::of(l.title), Cell::of(l.owner), Cell::of(stageText(l.stage, l.outcome)),
                           Cell::of(l.due), Cell::of(l.closed)});
    }
    if (lines.size() >= ReportLayouts::kListLimit)
        table.note = QCoreApplication::translate("yg::ReportLayouts", "Only the first %1 are listed.")
                         .arg(ReportLayouts::kListLimit);
    return table;
}

ReportTable evaluationTable(const QList<CadreEvaluationRow>& rows, const QString& key, const QString& title)
{
    ReportTable table;
    table.key = key;
    table.title = title;
    table.columns = {QCoreApplication::translate("yg::ReportLayouts", "Cadre"),
                     QCoreApplication::translate("yg::ReportLayouts", "Group"),
                     QCoreApplication::translate("yg::ReportLayouts", "Visits (家次)"),
                     QCoreApplication::translate("yg::ReportLayouts", "Enterprises visited"),
                     QCoreApplication::translate("yg::ReportLayouts", "Collected"),
                     QCoreApplication::translate("yg::ReportLayouts", "Resolved"),
                     QCoreApplication::translate("yg::ReportLayouts", "Resolution rate"),
                     QCoreApplication::translate("yg::ReportLayouts", "Weeks meeting the quota"),
                     QCoreApplication::translate("yg::ReportLayouts", "Weeks with a quota"),
                     QCoreApplication::translate("yg::ReportLayouts", "Share of weeks met"),
                     QCoreApplication::translate("yg::ReportLayouts", "Overdue")};
    for (const CadreEvaluationRow& r : rows) {
        table.rows.append({Cell::of(r.name), Cell::of(r.group), Cell::of(r.visits), Cell::of(r.enterprises),
                           Cell::of(r.collected), Cell::of(r.resolved), Cell::of(Rate{r.resolved, r.collected}),
                           Cell::of(r.weeksMet), Cell::of(r.weeks), Cell::of(Rate{r.weeksMet, r.weeks}),
                           Cell::of(r.overdue)});
    }
    table.note = QCoreApplication::translate(
        "yg::ReportLayouts",
        "Visits: visits the cadre took part in (as author or companion). Issues: those the cadre owns, "
        "received in the period. Quota weeks: ISO weeks starting in the period while the cadre was "
        "active, met when the visits the cadre recorded reach the weekly quota.");
    return table;
}

/**
 * The listings and the per-cadre table cover the period itself in both ways of counting
 * (the cumulative count changes only the figures table): the week's visits are that week's.
 */
ReportQueryInput inputOf(const Report& r)
{
    return {r.request.period.first(), r.request.period.last(), r.current.stateAsOf, r.request.scope,
            r.current.stateNow};
}

QString periodText(const Period& p)
{
    return QStringLiteral("%1 (%2 – %3)")
        .arg(p.toString(), p.first().toString(Qt::ISODate), p.last().toString(Qt::ISODate));
}

QString countingText(const ReportRequest& r)
{
    if (r.mode == CountingMode::CollectedInPeriod)
        return QCoreApplication::translate("yg::ReportLayouts", "issues collected in the period, in their state now");
    return QCoreApplication::translate("yg::ReportLayouts", "cumulative since %1, as of %2")
        .arg(r.cumulativeStart.toString(Qt::ISODate), r.period.last().toString(Qt::ISODate));
}

QStringList definitions()
{
    return {
        QCoreApplication::translate("yg::ReportLayouts", "Visits (家次) count visit events, not distinct enterprises."),
        QCoreApplication::translate(
            "yg::ReportLayouts",
            "Key-enterprise coverage = key enterprises visited at least once in the period / all key enterprises "
            "in scope."),
        QCoreApplication::translate(
            "yg::ReportLayouts",
            "Resolution rate (化解率) = resolved / collected, as a percentage with two decimals rounded half up; "
            "\"—\" when nothing was collected."),
        QCoreApplication::translate(
            "yg::ReportLayouts",
            "Working days exclude weekends and public holidays and include make-up working days (调休)."),
        QCoreApplication::translate("yg::ReportLayouts",
                                    "Overdue: open, not paused, and past the due date on the day the state is taken.")};
}

void addWeekly(Database& db, const Report& r, ReportDocument& doc)
{
    const ReportQueryInput in = inputOf(r);
    const auto cadre = CadreRepository(db).cadre(r.request.scope.id);
    const qint64 quota = cadre ? cadre->weeklyQuota : 0;
    // The cadre's own line of the per-cadre table: the week itself whatever the counting.
    CadreEvaluationRow me;
    for (const CadreEvaluationRow& row : queryCadreEvaluation(db.connection(), in)) {
        if (row.cadreId == r.request.scope.id)
            me = row;
    }
    ReportTable week;
    week.key = QStringLiteral("week");
    week.title = QCoreApplication::translate("yg::ReportLayouts", "The week against the quota");
    week.columns = {QCoreApplication::translate("yg::ReportLayouts", "Figure"),
                    QCoreApplication::translate("yg::ReportLayouts", "Value")};
    week.rows.append({Cell::of(t(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Visits (家次)"))), Cell::of(me.visits)});
    week.rows.append({Cell::of(QCoreApplication::translate("yg::ReportLayouts",
                                                           "Visits recorded by the cadre (the quota counts these)")),
                      Cell::of(me.recorded)});
    week.rows.append(
        {Cell::of(QCoreApplication::translate("yg::ReportLayouts", "Weekly visit quota")), Cell::of(quota)});
    week.rows.append({Cell::of(QCoreApplication::translate("yg::ReportLayouts", "Quota met")),
                      Cell::of(quota <= 0        ? QCoreApplication::translate("yg::ReportLayouts", "no quota")
                               : me.weeksMet > 0 ? QCoreApplication::translate("yg::ReportLayouts", "yes")
                                                 : QCoreApplication::translate("yg::ReportLayouts", "no"))});
    week.rows.append(
        {Cell::of(t(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Enterprises visited"))), Cell::of(me.enterprises)});
    week.rows.append({Cell::of(t(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Issues collected"))), Cell::of(me.collected)});
    week.rows.append({Cell::of(t(QT_TRANSLATE_NOOP("yg::ReportLayouts", "Resolved"))), Cell::of(me.resolved)});
    doc.tables.append(week);

    ReportTable visits;
    visits.key = QStringLiteral("visits");
    visits.title = QCoreApplication::translate("yg::ReportLayouts", "Visits of the week");
    visits.columns = {QCoreApplication::translate("yg::ReportLayouts", "Date"),
                      QCoreApplication::translate("yg::ReportLayouts", "Enterprise"),
                      QCoreApplication::translate("yg::ReportLayouts", "Town"),
                      QCoreApplication::translate("yg::ReportLayouts", "Kind"),
                      QCoreApplication::translate("yg::ReportLayouts", "Cadres"),
                      QCoreApplication::translate("yg::ReportLayouts", "What was found")};
    for (const ReportVisitLine& v : queryReportVisits(db.connection(), in, ReportLayouts::kListLimit)) {
        const auto kind = fromKey<VisitKind>(v.kind);
        visits.rows.append({Cell::of(v.date), Cell::of(v.enterprise), Cell::of(v.town),
                            Cell::of(kind ? displayName(*kind) : v.kind), Cell::of(v.cadres), Cell::of(v.summary)});
    }
    doc.tables.append(visits);
    doc.tables.append(
        issueTable(QStringLiteral("issues-received"),
                   QCoreApplication::translate("yg::ReportLayouts", "Issues collected this week"),
                   queryReportIssues(db.connection(), in, ReportIssueSelection::Received, ReportLayouts::kListLimit)));
    doc.tables.append(issueTable(
        QStringLiteral("issues-open"), QCoreApplication::translate("yg::ReportLayouts", "Open issues by due date"),
        queryReportIssues(db.connection(), in, ReportIssueSelection::Open, ReportLayouts::kListLimit)));
    doc.tables.append(figuresTable(r));
}

} // namespace

QString toKey(ReportKind kind)
{
    for (const KindInfo& k : kKinds) {
        if (k.kind == kind)
            return QLatin1String(k.key);
    }
    return {};
}

std::optional<ReportKind> reportKindFromKey(const QString& key)
{
    for (const KindInfo& k : kKinds) {
        if (key == QLatin1String(k.key))
            return k.kind;
    }
    return std::nullopt;
}

QStringList reportKindKeys()
{
    QStringList out;
    for (const KindInfo& k : kKinds)
        out << QLatin1String(k.key);
    return out;
}

QString displayName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Summary:
        return QCoreApplication::translate("yg::ReportLayouts", "Summary");
    case ReportKind::Weekly:
        return QCoreApplication::translate("yg::ReportLayouts", "Weekly report (a cadre's week)");
    case ReportKind::Monthly:
        return QCoreApplication::translate("yg::ReportLayouts", "Monthly report (exchange meeting)");
    case ReportKind::Quarterly:
        return QCoreApplication::translate("yg::ReportLayouts", "Quarterly report (quarterly analysis)");
    case ReportKind::Annual:
        return QCoreApplication::translate("yg::ReportLayouts", "Annual evaluation (年终评议)");
    }
    return {};
}

QString ReportLayouts::actorProblem(Database& db, const Cadre& actor, ReportKind kind, const ReportRequest& r)
{
    // Supervisors see the cases of their own groups (docs/permissions.md): the layouts that
    // list cases (the week's and the month's) are for those groups only; the others hold
    // counts and rates, which every reporting role may read district-wide.
    if (actor.role != Role::Supervisor || (kind != ReportKind::Weekly && kind != ReportKind::Monthly))
        return {};
    CadreRepository cadres(db);
    QList<RowId> mine;
    for (const CadreGroup& g : cadres.groups()) {
        if (g.supervisorId == actor.meta.id || (actor.groupId && g.meta.id == *actor.groupId))
            mine << g.meta.id;
    }
    std::optional<RowId> group;
    if (r.scope.kind == ReportScope::Kind::Group)
        group = r.scope.id;
    else if (r.scope.kind == ReportScope::Kind::Cadre) {
        if (const auto c = cadres.cadre(r.scope.id))
            group = c->groupId;
    }
    if (group && mine.contains(*group))
        return {};
    return QCoreApplication::translate("yg::ReportLayouts",
                                       "The weekly and monthly reports list cases; a supervisor may take them for "
                                       "the groups they lead and their cadres only.");
}

QString ReportLayouts::requestProblem(ReportKind kind, const ReportRequest& r)
{
    using K = ReportScope::Kind;
    const K s = r.scope.kind;
    switch (kind) {
    case ReportKind::Summary:
        return {};
    case ReportKind::Weekly:
        if (r.period.kind() != Period::Kind::Week || s != K::Cadre)
            return QCoreApplication::translate(
                "yg::ReportLayouts",
                "The weekly report is a cadre's week: give an ISO week (e.g. 2024-W32) and cadre=NAME.");
        return {};
    case ReportKind::Monthly:
        if (r.period.kind() != Period::Kind::Month || (s != K::Group && s != K::District))
            return QCoreApplication::translate(
                "yg::ReportLayouts", "The monthly report needs a month (e.g. 2024-07) and the district or group=NAME.");
        return {};
    case ReportKind::Quarterly:
        if (r.period.kind() != Period::Kind::Quarter || (s != K::Town && s != K::District))
            return QCoreApplication::translate(
                "yg::ReportLayouts",
                "The quarterly report needs a quarter (e.g. 2024-Q3) and the district or town=NAME.");
        return {};
    case ReportKind::Annual:
        if (r.period.kind() != Period::Kind::Year || (s != K::Group && s != K::District))
            return QCoreApplication::translate(
                "yg::ReportLayouts", "The annual evaluation needs a year (e.g. 2024) and the district or group=NAME.");
        return {};
    }
    return {};
}

ReportDocument ReportLayouts::build(Database& db, ReportKind kind, const ReportRequest& request, Report* report)
{
    const QString problem = requestProblem(kind, request);
    if (!problem.isEmpty())
        throw Error(problem);
    const ReadSnapshot snapshot(db.connection()); // every table of the report from one state of the file
    const Report r = ReportEngine::build(db, request);
    const ReportQueryInput in = inputOf(r);
    ReportDocument doc;
    doc.kind = toKey(kind);
    {
        // The union named by the district profile; else "<district>总工会"; databases made
        // before profiles stored it are Yuecheng's.
        CalendarRepository settings(db);
        const QString district = settings.textSetting(QStringLiteral("district.name"));
        doc.organisation = settings.textSetting(QStringLiteral("district.union_name"),
                                                district.isEmpty() ? QStringLiteral("绍兴市越城区总工会")
                                                                   : district + QStringLiteral("总工会"));
    }
    doc.periodText = periodText(request.period);
    doc.scopeText = request.scopeLabel.isEmpty()
                        ? QCoreApplication::translate("yg::ReportLayouts", "the whole district")
                        : request.scopeLabel;
    doc.countingText = countingText(request);
    doc.generatedAt = Clock::nowUtc().toTimeZone(Clock::districtZone());
    doc.title = displayName(kind);
    doc.notes = definitions();
    const ReportTable byTown =
        breakdownTable(QStringLiteral("by-town"), QCoreApplication::translate("yg::ReportLayouts", "By town"),
                       QCoreApplication::translate("yg::ReportLayouts", "Town"), r.byTown);
    const ReportTable byCategory =
        breakdownTable(QStringLiteral("by-category"), QCoreApplication::translate("yg::ReportLayouts", "By category"),
                       QCoreApplication::translate("yg::ReportLayouts", "Category"), r.byCategory);
    const ReportTable byCadre =
        breakdownTable(QStringLiteral("by-cadre"), QCoreApplication::translate("yg::ReportLayouts", "By cadre"),
                       QCoreApplication::translate("yg::ReportLayouts", "Cadre"), r.byCadre);
    const ReportTable byMonth =
        breakdownTable(QStringLiteral("by-month"), QCoreApplication::translate("yg::ReportLayouts", "By month"),
                       QCoreApplication::translate("yg::ReportLayouts", "Month"), r.byMonth);
    const ReportChart categoryChart =
        issueBars(QStringLiteral("categories"), QCoreApplication::translate("yg::ReportLayouts", "Issues by category"),
                  r.byCategory, false);
    const ReportChart townChart =
        issueBars(QStringLiteral("towns"),
                  QCoreApplication::translate("yg::ReportLayouts", "Visits and issues by town"), r.byTown, true);

    switch (kind) {
    case ReportKind::Summary:
        doc.tables = {figuresTable(r), byTown, byCategory, byCadre, byMonth};
        doc.charts = {monthlyTrend(r), categoryChart, townChart};
        break;
    case ReportKind::Weekly:
        doc.title = QCoreApplication::translate("yg::ReportLayouts", "Weekly report — %1 — %2")
                        .arg(request.scopeLabel, request.period.toString());
        addWeekly(db, r, doc);
        break;
    case ReportKind::Monthly:
        doc.title = QCoreApplication::translate("yg::ReportLayouts", "Monthly report — %1 — %2")
                        .arg(doc.scopeText, request.period.toString());
        doc.tables = {figuresTable(r),
                      evaluationTable(queryCadreEvaluation(db.connection(), in), QStringLiteral("cadres"),
                                      QCoreApplication::translate("yg::ReportLayouts", "Cadres this month")),
                      byCategory,
                      issueTable(QStringLiteral("issues-received"),
                                 QCoreApplication::translate("yg::ReportLayouts", "Issues new this month"),
                                 queryReportIssues(db.connection(), in, ReportIssueSelection::Received, kListLimit)),
                      issueTable(QStringLiteral("issues-closed"),
                                 QCoreApplication::translate("yg::ReportLayouts", "Issues closed this month"),
                                 queryReportIssues(db.connection(), in, ReportIssueSelection::Closed, kListLimit)),
                      issueTable(QStringLiteral("issues-overdue"),
                                 QCoreApplication::translate("yg::ReportLayouts", "Overdue issues"),
                                 queryReportIssues(db.connection(), in, ReportIssueSelection::Overdue, kListLimit))};
        doc.charts = {categoryChart};
        break;
    case ReportKind::Quarterly: {
        doc.title = QCoreApplication::translate("yg::ReportLayouts", "Quarterly report — %1 — %2")
                        .arg(doc.scopeText, request.period.toString());
        doc.tables = {withChange(figuresTable(r)), byCategory, byMonth};
        doc.charts = {monthlyTrend(r), categoryChart};
        if (request.scope.kind == ReportScope::Kind::District) {
            doc.tables.insert(1, byTown);
            doc.charts.append(townChart);
        }
        const std::optional<RowId> town =
            request.scope.kind == ReportScope::Kind::Town ? std::optional(request.scope.id) : std::nullopt;
        CadreRepository cadres(db);
        QHash<RowId, QString> names;
        auto nameOf = [&](RowId id) {
            if (!names.contains(id)) {
                const auto c = cadres.cadre(id);
                names.insert(id, c ? c->name : QString());
            }
            return names.value(id);
        };
        ReferenceRepository refs(db);
        for (const QuarterlyNote& n : EvaluationRepository(db).quarterlyNotes(request.period.toString(), town)) {
            QString title = QCoreApplication::translate("yg::ReportLayouts", "Reflections");
            if (n.kind == QuarterlyNoteKind::TownAssessment) {
                const auto tw = refs.town(*n.townId);
                title =
                    QCoreApplication::translate("yg::ReportLayouts", "Assessment of %1").arg(tw ? tw->name : QString());
            }
            doc.texts.append({title, nameOf(n.authorId), n.body});
        }
        break;
    }
    case ReportKind::Annual: {
        doc.title = QCoreApplication::translate("yg::ReportLayouts", "Annual evaluation — %1 — %2")
                        .arg(doc.scopeText, request.period.toString());
        ReportTable nominations;
        nominations.key = QStringLiteral("nominations");
        nominations.title = QCoreApplication::translate(
            "yg::ReportLayouts", "Nominations: excellent research results and reasonable suggestions");
        nominations.columns = {QCoreApplication::translate("yg::ReportLayouts", "Kind"),
                               QCoreApplication::translate("yg::ReportLayouts", "Title"),
                               QCoreApplication::translate("yg::ReportLayouts", "Cadre"),
                               QCoreApplication::translate("yg::ReportLayouts", "Score"),
                               QCoreApplication::translate("yg::ReportLayouts", "Selected")};
        CadreRepository cadres(db);
        for (const Nomination& n : EvaluationRepository(db).nominations(request.period.first().year())) {
            const auto c = cadres.cadre(n.cadreId);
            if (request.scope.kind == ReportScope::Kind::Group && (!c || c->groupId != request.scope.id))
                continue;
            ReportCell score = Cell::empty();
            if (n.score) {
                score.type = ReportCell::Type::Decimal;
                score.decimal = *n.score;
            }
            nominations.rows.append(
                {Cell::of(displayName(n.kind)), Cell::of(n.title), Cell::of(c ? c->name : QString()), score,
                 Cell::of(n.selected ? QCoreApplication::translate("yg::ReportLayouts", "selected") : QString())});
        }
        nominations.note = QCoreApplication::translate("yg::ReportLayouts",
                                                       "Scored by staff from 0 to 100; the selected ones are marked.");
        doc.tables = {figuresTable(r),
                      evaluationTable(queryCadreEvaluation(db.connection(), in), QStringLiteral("evaluation"),
                                      QCoreApplication::translate("yg::ReportLayouts", "Per-cadre evaluation")),
                      nominations,
                      byMonth,
                      byTown,
                      byCategory};
        doc.charts = {monthlyTrend(r), categoryChart, townChart};
        break;
    }
    }
    if (report)
        *report = r;
    return doc;
}

} // namespace yg
