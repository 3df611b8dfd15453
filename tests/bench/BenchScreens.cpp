// yuegong_bench_screens DB [RUNS]: the cadre's screens on a large database (e.g. a copy of
// `yuegong-cli demo --scale 500`), offscreen: time to the first painted visit and enterprise
// lists, to apply a filter, to sort, search latency and peak memory, each next to the bare
// SQL of the same statements through the SQLite C API. Opens DB writable (a schema-6 copy
// is upgraded first, and the upgrade is timed). Prints Markdown for docs/performance.md.
#include "BenchSupport.h"
#include "EnterprisePage.h"
#include "EnterpriseRegistryView.h"
#include "EnterpriseTableModel.h"
#include "SearchView.h"
#include "VisitListView.h"
#include "VisitTableModel.h"
#include "domain/SearchText.h"
#include "services/IssueService.h"
#include "services/SearchService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/VisitQueries.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace yg;

using yg::bench::medianTiming;
using yg::bench::Timing;

namespace {

QString plan(sqlite3* db, const QString& statement, const QVariantList& values)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray sql = (QStringLiteral("EXPLAIN QUERY PLAN ") + statement).toUtf8();
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(db));
    for (int i = 0; i < values.size(); ++i) {
        const QByteArray text = values[i].toString().toUtf8();
        if (values[i].typeId() == QMetaType::QString)
            sqlite3_bind_text(stmt, i + 1, text.constData(), -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_int64(stmt, i + 1, values[i].toLongLong());
    }
    QStringList lines;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        lines << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 3)));
    sqlite3_finalize(stmt);
    return lines.join(QStringLiteral("; "));
}

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

/** Paints the table's visible rows now (what the person sees). */
void paint(QTableView* table)
{
    QCoreApplication::processEvents();
    table->viewport()->grab();
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: yuegong_bench_screens DATABASE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QElapsedTimer opening;
    opening.start();
    auto db = Database::open(path, {false, false});
    printf("Opening %s: %.1f s (includes upgrading to schema %d if it was older)\n\n", argv[1],
           opening.nsecsElapsed() / 1e9, db->schemaVersion());
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    const Cadre staff = yg::bench::firstWithRole(raw, *db, "staff");
    const Cadre cadre = yg::bench::firstWithRole(raw, *db, "cadre");
    const std::optional<RowId> cadreScope = IssueService(*db).visibilityFor(cadre);

    printf("| work | YueGong wall (ms) | YueGong CPU (ms) | bare SQLite wall (ms) | bare SQLite CPU (ms) |\n"
           "|---|---:|---:|---:|---:|\n");
    auto row = [&](const QString& name, Timing ours, Timing limit) {
        if (limit.wallMs < 0)
            printf("| %s | %.1f | %.1f | | |\n", name.toUtf8().constData(), ours.wallMs, ours.cpuMs);
        else
            printf("| %s | %.1f | %.1f | %.1f | %.1f |\n", name.toUtf8().constData(), ours.wallMs, ours.cpuMs,
                   limit.wallMs, limit.cpuMs);
        fflush(stdout);
    };
    auto bareVisits = [&](const VisitFilter& f, VisitSort sort, bool desc) {
        QVariantList c, p;
        const QString count = VisitQueries::countStatement(f, &c);
        const QString page = VisitQueries::pageStatement(f, sort, desc, &p);
        p << 200 << 0;
        bench::bareRows(raw, count, c);
        bench::bareRows(raw, page, p);
    };

    // Time to the first painted list: build the view (count + first window) and paint it.
    for (const Cadre* who : {&staff, &cadre}) {
        const QString as = who == &staff ? QStringLiteral("staff") : QStringLiteral("a cadre");
        VisitFilter scope;
        scope.visibleTo = IssueService(*db).visibilityFor(*who);
        row(QStringLiteral("visit list, first painted (%1)").arg(as),
            medianTiming(runs,
                         [&] {
                             VisitListView view(*db, who->meta.id);
                             view.resize(1200, 700);
                             view.show();
                             paint(view.tableView());
                         }),
            medianTiming(runs, [&] { bareVisits(scope, VisitSort::Date, true); }));
    }
    {
        VisitTableModel check(*db, staff);
        VisitFilter all;
        QVariantList c;
        printf("visits in the list: %lld (model), %lld rows fetched; count statement returns a row: %lld\n",
               check.totalCount(), static_cast<long long>(check.rowCount()),
               bench::bareRows(raw, VisitQueries::countStatement(all, &c), c));
    }
    row(QStringLiteral("visit model alone: count + first 200 rows (staff)"),
        medianTiming(runs, [&] { VisitTableModel model(*db, staff); }),
        medianTiming(runs, [&] { bareVisits({}, VisitSort::Date, true); }));
    row(QStringLiteral("cadre choices for the filter (staff: every cadre)"),
        medianTiming(runs, [&] { VisitQueries(*db).cadreChoices(std::nullopt); }), Timing{-1, -1});
    {
        // A key enterprise with the most issues: its page's open issues, timeline and coverage.
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw,
                           "SELECT i.enterprise_id FROM issues i GROUP BY i.enterprise_id ORDER BY count(*) DESC "
                           "LIMIT 1",
                           -1, &st, nullptr);
        const RowId busiest = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 1;
        sqlite3_finalize(st);
        for (const Cadre* who : {&staff, &cadre}) {
            row(QStringLiteral("enterprise page with the most issues, first painted (%1)")
                    .arg(who == &staff ? QStringLiteral("staff") : QStringLiteral("a cadre")),
                medianTiming(runs,
                             [&] {
                                 EnterprisePage page(*db, who->meta.id, busiest);
                                 page.resize(1100, 700);
                                 page.show();
                                 QCoreApplication::processEvents();
                                 page.grab();
                             }),
                Timing{-1, -1});
        }
    }
    row(QStringLiteral("enterprise registry, first painted"),
        medianTiming(runs,
                     [&] {
                         EnterpriseRegistryView view(*db, staff.meta.id);
                         view.resize(1200, 700);
                         view.show();
                         paint(view.tableView());
                     }),
        medianTiming(runs, [&] {
            bench::bareRows(raw, QStringLiteral("SELECT count(*) FROM enterprises e"), {});
            bench::bareRows(
                raw,
                QStringLiteral("SELECT e.id, e.name, e.credit_code, t.name, e.employees, e.is_key, e.is_small_micro, "
                               "e.is_new_form, e.union_status, c.name, (SELECT max(v.visit_date) FROM visits v WHERE "
                               "v.enterprise_id = e.id) AS last_visit FROM enterprises e JOIN towns t ON t.id = "
                               "e.town_id LEFT JOIN cadres c ON c.id = e.assigned_cadre_id ORDER BY e.name ASC, e.id "
                               "ASC LIMIT 200 OFFSET 0"),
                {});
        }));

    // Filters and sorts on a visit list that is already open (staff: all 1.3 million).
    VisitListView visits(*db, staff.meta.id);
    visits.resize(1200, 700);
    visits.show();
    paint(visits.tableView());
    VisitTableModel* model = visits.model();
    struct FilterCase
    {
        const char* name;
        VisitFilter filter;
    };
    QList<FilterCase> filters;
    VisitFilter f;
    f.kind = VisitKind::Mediation;
    filters.append({"filter: kind = mediation", f});
    f = {};
    f.from = QDate(2024, 7, 1);
    f.to = QDate(2024, 9, 30);
    filters.append({"filter: period 2024-Q3", f});
    f = {};
    f.townId = 5;
    filters.append({"filter: one town", f});
    f = {};
    f.cadreId = cadre.meta.id;
    filters.append({"filter: one cadre", f});
    f = {};
    f.enterpriseText = QStringLiteral("稽山");
    filters.append({"filter: enterprise name contains 稽山", f});
    f = {};
    f.townId = 5;
    f.from = QDate(2024, 7, 1);
    f.to = QDate(2024, 9, 30);
    f.kind = VisitKind::OnSite;
    filters.append({"filter: town + 2024-Q3 + on site", f});
    for (const FilterCase& c : filters) {
        row(QStringLiteral("visit list %1").arg(QString::fromUtf8(c.name)),
            medianTiming(runs,
                         [&] {
                             model->setFilter(c.filter);
                             paint(visits.tableView());
                         }),
            medianTiming(runs, [&] { bareVisits(c.filter, VisitSort::Date, true); }));
    }
    model->setFilter({});
    struct SortCase
    {
        const char* name;
        int column;
        VisitSort sort;
    };
    const SortCase sorts[] = {{"enterprise", VisitTableModel::Enterprise, VisitSort::Enterprise},
                              {"town", VisitTableModel::Town, VisitSort::Town},
                              {"cadre", VisitTableModel::Cadres, VisitSort::Author},
                              {"kind", VisitTableModel::Kind, VisitSort::Kind},
                              {"date", VisitTableModel::Date, VisitSort::Date}};
    // A model ignores a sort it already has, so each run sorts both ways: the time is for two sorts.
    for (const SortCase& s : sorts) {
        row(QStringLiteral("visit list sort by %1, ascending then descending (2 sorts)").arg(QString::fromUtf8(s.name)),
            medianTiming(runs,
                         [&] {
                             for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                                 model->sort(s.column, order);
                                 paint(visits.tableView());
                             }
                         }),
            medianTiming(runs, [&] {
                bareVisits({}, s.sort, false);
                bareVisits({}, s.sort, true);
            }));
    }
    model->sort(VisitTableModel::Date, Qt::DescendingOrder);

    // The registry's filters.
    EnterpriseRegistryView registry(*db, staff.meta.id);
    registry.resize(1200, 700);
    registry.show();
    paint(registry.tableView());
    EnterpriseFilter ef;
    ef.keyOnly = true;
    ef.notVisitedSince = QDate(2024, 12, 1);
    row(QStringLiteral("registry filter: key, not visited since 2024-12-01"),
        medianTiming(runs,
                     [&] {
                         registry.model()->setFilter(ef);
                         paint(registry.tableView());
                     }),
        Timing{-1, -1});
    ef = {};
    ef.smallMicroOnly = true;
    ef.unionStatus = UnionStatus::None;
    row(QStringLiteral("registry filter: small/micro without a union"),
        medianTiming(runs,
                     [&] {
                         registry.model()->setFilter(ef);
                         paint(registry.tableView());
                     }),
        Timing{-1, -1});

    // Search: every group, as staff (walks the index) and as a cadre (starts from what they may see).
    const QStringList queries{QStringLiteral("工资拖欠"), QStringLiteral("经费返还"),   QStringLiteral("稽山印染"),
                              QStringLiteral("工资"),     QStringLiteral("稽山"),       QStringLiteral("驿"),
                              QStringLiteral("薪"),       QStringLiteral("工资 两个月")};
    for (const Cadre* who : {&staff, &cadre}) {
        const QString as = who == &staff ? QStringLiteral("staff") : QStringLiteral("a cadre");
        const std::optional<RowId> scope = IssueService(*db).visibilityFor(*who);
        for (const QString& query : queries) {
            const QStringList terms = SearchText::terms(query);
            int found = 0;
            const Timing ours = medianTiming(runs, [&] {
                found = 0;
                for (const auto& g : SearchService(*db).searchAll(*who, query))
                    found += static_cast<int>(g.hits.size());
            });
            const Timing limit = medianTiming(runs, [&] {
                for (SearchKind kind : {SearchKind::Enterprise, SearchKind::Visit, SearchKind::Issue}) {
                    QVariantList values;
                    const QString s = SqliteSearch::matchStatement(kind, terms, scope, &values);
                    values << SearchService::kGroupSize + 1 << 0;
                    bench::bareRows(raw, s, values);
                }
            });
            row(QStringLiteral("search “%1” (%2, %3 shown)").arg(query, as).arg(found), ours, limit);
        }
    }
    (void)cadreScope;

    printf("\nPeak memory (VmHWM): %.0f MB\n\n", peakRssKb() / 1024.0);
    printf("Query plans:\n");
    for (const SortCase& s : sorts) {
        QVariantList p;
        const QString page = VisitQueries::pageStatement({}, s.sort, true, &p);
        p << 200 << 0;
        printf("- sort by %s: %s\n", s.name, plan(raw, page, p).toUtf8().constData());
    }
    for (const FilterCase& c : filters) {
        QVariantList p;
        const QString page = VisitQueries::pageStatement(c.filter, VisitSort::Date, true, &p);
        p << 200 << 0;
        printf("- %s: %s\n", c.name, plan(raw, page, p).toUtf8().constData());
    }
    {
        VisitFilter scoped;
        scoped.visibleTo = cadreScope;
        QVariantList p;
        const QString page = VisitQueries::pageStatement(scoped, VisitSort::Date, true, &p);
        p << 200 << 0;
        printf("- cadre01's visits: %s\n", plan(raw, page, p).toUtf8().constData());
    }
    sqlite3_close(raw);
    return 0;
}
