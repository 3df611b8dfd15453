// yuegong_bench_shared_needs DB [RUNS]: shared-need detection on a large database (e.g. a
// migrated copy of the scale-500 demo), as of the demo's last day (a 90-day window full of
// issues) and as of today (open issues only), next to the bare SQL of the same statements
// through the SQLite C API. Opens DB writable (upgrades it first). Prints Markdown.
#include "BenchSupport.h"
#include "services/SharedNeedService.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QSet>

#include <sqlite3.h>

#include <cstdio>

using namespace yg;

namespace {} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: yuegong_bench_shared_needs DB [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? atoi(argv[2]) : 5;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]), {false, false});
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        return 1;
    SharedNeedService service(*db);
    const SharedNeedSettings s;
    printf("| as of | candidate issues | alerts | detect (wall / cpu ms) | bare SQL, same statements (ms) |\n");
    printf("|---|---:|---:|---:|---:|\n");
    for (const QDate today : {QDate(2024, 12, 31), Clock::today()}) {
        QList<SharedNeedAlert> alerts;
        const auto t = bench::medianTiming(runs, [&] { alerts = service.detect(s, today); });
        const QString since = today.addDays(-(s.periodDays - 1)).toString(Qt::ISODate);
        const QString to = today.toString(Qt::ISODate);
        const long long candidates = bench::bareRows(
            raw,
            QStringLiteral("SELECT id FROM issues WHERE stage IN ('intake', 'consultation', 'follow_up') UNION "
                           "SELECT id FROM issues WHERE received_on BETWEEN ? AND ?"),
            {since, to});
        // The same SQL work: the terms aggregate, then one members query per distinct (category, wording).
        QSet<QString> seen;
        QList<QVariantList> memberCalls;
        for (const auto& a : alerts) {
            const QString k = QString::number(a.categoryId) + a.wording;
            if (seen.contains(k))
                continue;
            seen.insert(k);
            memberCalls.append({a.categoryId, a.categoryId, since, to, SharedNeedQueries::matchExpression(a.wording)});
        }
        const double bareMs = bench::medianMs(runs, [&] {
            bench::bareRows(raw, SharedNeedQueries::termsStatement(),
                            {since, to, std::max(2, (s.minIssues + 1) / 2), std::max(1, (s.minEnterprises + 1) / 2)});
            for (const auto& v : memberCalls)
                bench::bareRows(raw, SharedNeedQueries::membersStatement(), v);
        });
        printf("| %s | %lld | %lld | %.0f / %.0f | %.0f |\n", qPrintable(to), candidates,
               static_cast<long long>(alerts.size()), t.wallMs, t.cpuMs, bareMs);
        for (const auto& a : alerts.mid(0, 3))
            printf("|   e.g. | %s %s %s | %d issues | %d enterprises | |\n", qPrintable(a.categoryName),
                   qPrintable(a.townName.isEmpty() ? QStringLiteral("(district)") : a.townName), qPrintable(a.wording),
                   a.issueCount(), a.enterpriseCount());
    }
    sqlite3_close(raw);
    return 0;
}
