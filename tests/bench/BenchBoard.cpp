// yuegong_bench_board DB [RUNS]: the monthly issue board (看板) on a large database (e.g. a
// migrated copy of a `yuegong-cli demo --scale 500` file), offscreen: time to build the board
// page (cards of the four columns, column counts, the six filter facets' counts, the widgets),
// and to refilter it, each next to the same statements run to completion through the bare
// SQLite C API. Prints Markdown for docs/performance.md ("Issue board").
#include "BenchSupport.h"
#include "BoardColumnModel.h"
#include "BoardView.h"
#include "services/BoardService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>

#include <sqlite3.h>

#include <cstdio>

using namespace yg;
using yg::bench::medianTiming;
using yg::bench::Timing;

namespace {

/** Every statement one board load runs: the cards of all four columns, then the facets' GROUP BY. */
long long bareBoard(sqlite3* db, const BoardScope& scope, const BoardFilter& filter)
{
    QVariantList cardValues;
    const QString cards = BoardQueries::allCardsStatement(scope, filter, &cardValues);
    QVariantList facetValues;
    const QString facets = BoardQueries::allFacetsStatement(scope, &facetValues);
    return bench::bareRows(db, cards, cardValues) + bench::bareRows(db, facets, facetValues);
}

int openCards(BoardView& board)
{
    int n = 0;
    for (BoardColumn c : {BoardColumn::Intake, BoardColumn::Consultation, BoardColumn::FollowUp})
        n += board.columnModel(c)->rowCount();
    return n;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        fprintf(stderr, "usage: yuegong_bench_board DATABASE [RUNS]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    auto db = Database::open(path, {false, false});
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(argv[1], &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    const Cadre staff = yg::bench::firstWithRole(raw, *db, "staff");
    const Cadre supervisor = yg::bench::firstWithRole(raw, *db, "supervisor");

    printf("| work | open cards | YueGong wall (ms) | YueGong CPU (ms) | bare SQLite, same statements (ms) |\n"
           "|---|---:|---:|---:|---:|\n");
    for (const Cadre& who : {staff, supervisor}) {
        const QString role =
            who.role == Role::Staff ? QStringLiteral("staff (all groups)") : QStringLiteral("a supervisor");
        int cards = 0;
        BoardFilter none;
        const Timing build = medianTiming(runs, [&] {
            BoardView board(*db, who.meta.id);
            board.resize(1400, 800);
            board.waitForBoard(600000); // the reload runs on the board's worker thread
            cards = openCards(board);
        });
        const BoardScope scope = BoardService(*db).scope(who.meta.id, none);
        const Timing bareBuild = medianTiming(runs, [&] { bareBoard(raw, scope, none); });
        printf("| build the board, %s | %d | %.0f | %.0f | %.1f |\n", role.toUtf8().constData(), cards, build.wallMs,
               build.cpuMs, bareBuild.wallMs);

        // Refilter: choose the first town in the filter bar, then back to all towns.
        BoardView board(*db, who.meta.id);
        board.waitForBoard(600000);
        auto* towns = board.findChild<QComboBox*>(QStringLiteral("townComboBox"));
        BoardFilter town;
        town.townId = towns->itemData(1).toLongLong();
        int townCards = 0;
        const Timing refilter = medianTiming(runs, [&] {
            towns->setCurrentIndex(1);
            board.waitForBoard(600000);
            townCards = openCards(board);
            towns->setCurrentIndex(0);
            board.waitForBoard(600000);
        });
        const BoardScope townScope = BoardService(*db).scope(who.meta.id, town);
        const Timing bareRefilter = medianTiming(runs, [&] {
            bareBoard(raw, townScope, town);
            bareBoard(raw, scope, none);
        });
        printf("| refilter by a town and back (two reloads), %s | %d → %d | %.0f | %.0f | %.1f |\n",
               role.toUtf8().constData(), townCards, cards, refilter.wallMs, refilter.cpuMs, bareRefilter.wallMs);

        BoardFilter talk;
        talk.escalation = Escalation::Talk;
        int talkCards = 0;
        const Timing level = medianTiming(runs, [&] {
            board.setFilter(talk);
            board.waitForBoard(600000);
            talkCards = openCards(board);
        });
        const BoardScope talkScope = BoardService(*db).scope(who.meta.id, talk);
        const Timing bareLevel = medianTiming(runs, [&] { bareBoard(raw, talkScope, talk); });
        printf("| filter by escalation level 约谈, %s | %d | %.0f | %.0f | %.1f |\n", role.toUtf8().constData(),
               talkCards, level.wallMs, level.cpuMs, bareLevel.wallMs);
    }
    sqlite3_close(raw);
    return 0;
}
