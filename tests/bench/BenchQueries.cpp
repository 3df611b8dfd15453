// yuegong_bench DB [RUNS]: times the core's queries on a database (e.g. `yuegong-cli demo
// --scale 500`) next to the same SQL run through the bare SQLite C API, the physical limit
// of our storage. Prints a Markdown table for docs/performance.md.
#include "BenchSupport.h"
#include "reporting/HeadlineFigures.h"
#include "reporting/ReportEngine.h"
#include "reporting/ReportLayouts.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"
#include "storage/FigureQueries.h"
#include "storage/ReportQueries.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using yg::bench::medianMs;

namespace {

/** Runs a statement to completion on a bare read-only SQLite connection; returns rows. */
long long bare(sqlite3* db, const QByteArray& sql, const std::vector<std::pair<const char*, QByteArray>>& params)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        fprintf(stderr, "bare prepare failed: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
    for (const auto& [name, value] : params)
        sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt, name), value.constData(), -1, SQLITE_TRANSIENT);
    long long rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ++rows;
    sqlite3_finalize(stmt);
    return rows;
}

/** The named parameters of the report statements for `in`, as the engine binds them. */
struct BareParameters
{
    explicit BareParameters(const yg::ReportQueryInput& in)
    {
        for (const auto& [name, value] : yg::reportParameters(in)) {
            keys.push_back(name.toUtf8());
            values.push_back(value.toString().toUtf8());
        }
        for (size_t i = 0; i < keys.size(); ++i)
            list.emplace_back(keys[i].constData(), values[i]);
    }
    std::vector<QByteArray> keys, values;
    std::vector<std::pair<const char*, QByteArray>> list;
};

/** Runs the statements of a report's figures bare (or only statement `only`). */
void bareReport(sqlite3* db, const yg::ReportQueryInput& in, qsizetype only = -1)
{
    const BareParameters params(in);
    const QStringList statements = yg::reportCountStatements(in);
    for (qsizetype n = 0; n < statements.size(); ++n) {
        if (only < 0 || n == only)
            bare(db, statements[n].toUtf8(), params.list);
    }
}

/** Runs the statements of the four breakdowns bare. */
void bareBreakdowns(sqlite3* db, const yg::ReportQueryInput& in)
{
    const BareParameters params(in);
    for (const auto dimension : {yg::ReportDimension::Town, yg::ReportDimension::Category, yg::ReportDimension::Cadre,
                                 yg::ReportDimension::Month}) {
        for (const QString& s : yg::reportBreakdownStatements(in, dimension))
            bare(db, s.toUtf8(), params.list);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: yuegong_bench DATABASE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    auto db = yg::Database::open(path, {false, true});
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    const auto counts = yg::queryHeadlineCounts(db->connection(), {}, {});
    printf("Database: %s — %lld visits, %lld issues\n\n", argv[1], counts.visits, counts.issuesCollected);
    printf("| work | YueGong (ms) | bare SQLite (ms) | ratio |\n|---|---:|---:|---:|\n");
    auto row = [&](const char* name, double ours, double limit) {
        printf("| %s | %.1f | %.1f | %.2f× |\n", name, ours, limit, ours / limit);
        fflush(stdout);
    };

    // The whole history reads the report counts; a quarter, the records (the same statements bare).
    const QByteArray wholeHistory = yg::headlineCountsStatement().toUtf8();
    const QByteArray quarter = yg::headlineCountsStatement(QDate(2024, 7, 1), QDate(2024, 9, 30)).toUtf8();
    row("headline figures, whole history", medianMs(runs, [&] { yg::HeadlineFigures::compute(*db); }),
        medianMs(runs, [&] {
            bare(raw, wholeHistory, {{":from", "0000-01-01"}, {":to", "9999-12-31"}, {":fm", "0000-00"}});
        }));
    row("headline figures, 2024-Q3",
        medianMs(runs, [&] { yg::HeadlineFigures::compute(*db, QDate(2024, 7, 1), QDate(2024, 9, 30)); }),
        medianMs(runs, [&] {
            bare(raw, quarter, {{":from", "2024-07-01"}, {":to", "2024-09-30"}});
        }));

    yg::EnterpriseRepository enterprises(*db);
    const QByteArray firstPage =
        "SELECT e.id, e.name, e.credit_code, t.name, e.employees, e.is_key, e.is_small_micro, e.is_new_form, "
        "e.union_status, c.name, (SELECT max(v.visit_date) FROM visits v WHERE v.enterprise_id = e.id) "
        "FROM enterprises e JOIN towns t ON t.id = e.town_id LEFT JOIN cadres c ON c.id = e.assigned_cadre_id "
        "ORDER BY e.name ASC, e.id ASC LIMIT 200 OFFSET 0";
    row("enterprise list: count + first 200 by name",
        medianMs(runs,
                 [&] {
                     enterprises.count({});
                     enterprises.page({}, yg::EnterpriseSort::Name, false, 0, 200);
                 }),
        medianMs(runs, [&] {
            bare(raw, "SELECT count(*) FROM enterprises e", {});
            bare(raw, firstPage, {});
        }));
    // The annual district report (issues of 2024 in their state now): our engine (Qt SQL,
    // all figures and the previous year) next to the same statements through the bare C API.
    yg::ReportRequest annual;
    annual.period = yg::Period::year(2024);
    annual.today = QDate(2025, 1, 1);
    // The bare side runs the statements our engine runs (reportCountStatements) with the
    // same parameters: the report aggregates of migration 12 where they answer.
    auto annualInput = [](int year) {
        return yg::ReportQueryInput{QDate(year, 1, 1), QDate(year, 12, 31), QDate(2025, 1, 1), {}, true, true};
    };
    row("annual report 2024: figures only",
        medianMs(runs, [&] { yg::ReportEngine::figures(*db, annual, annual.period); }),
        medianMs(runs, [&] { bareReport(raw, annualInput(2024)); }));
    row("annual report 2024: figures + previous year + 4 breakdowns",
        medianMs(runs, [&] { yg::ReportEngine::build(*db, annual); }), medianMs(runs, [&] {
            bareReport(raw, annualInput(2024));
            bareReport(raw, annualInput(2023));
            bareBreakdowns(raw, annualInput(2024));
        }));
    // The whole annual evaluation document (figures, previous year, breakdowns, per-cadre
    // table, nominations) as the app, the PDF and the XLSX get it; the bare side runs the
    // report's statements but not the per-cadre table's.
    row("annual evaluation document 2024 (all tables)*",
        medianMs(runs, [&] { yg::ReportLayouts::build(*db, yg::ReportKind::Annual, annual); }), medianMs(runs, [&] {
            bareReport(raw, annualInput(2024));
            bareReport(raw, annualInput(2023));
            bareBreakdowns(raw, annualInput(2024));
        }));
    // Where the time goes: each statement of the annual figures on its own, bare, with the
    // aggregates (as the engine runs them) and without (the same figures from the records).
    static const char* const names[] = {"issue counts",
                                        "median",
                                        "follow-ups and returns",
                                        "visits",
                                        "key-enterprise coverage",
                                        "cadre-weeks meeting the quota"};
    for (const bool aggregates : {true, false}) {
        const yg::ReportQueryInput in{QDate(2024, 1, 1), QDate(2024, 12, 31), QDate(2025, 1, 1), {}, true, aggregates};
        const qsizetype count = yg::reportCountStatements(in).size();
        for (qsizetype n = 0; n < count; ++n) {
            const double ms = medianMs(runs, [&] { bareReport(raw, in, n); });
            printf("| bare statement%s: %s | | %.1f | |\n", aggregates ? "" : " (from the records)",
                   n < 6 ? names[n] : "?", ms);
            fflush(stdout);
        }
    }
    {
        // The engine without the aggregates, for comparison.
        const yg::ReportQueryInput in{QDate(2024, 1, 1), QDate(2024, 12, 31), QDate(2025, 1, 1), {}, true, false};
        row("annual figures 2024 from the records (no aggregates)",
            medianMs(runs, [&] { yg::queryReportCounts(db->connection(), in); }),
            medianMs(runs, [&] { bareReport(raw, in); }));
    }
    sqlite3_close(raw);
    return 0;
}
