#pragma once
// Shared by the benchmarks: the median of warm runs, and statements run on a bare SQLite connection.

#include "storage/CadreRepository.h"
#include "storage/Database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

namespace yg::bench {

/** The median time in ms of `runs` runs of `work`, after one run that warms the page cache. */
inline double medianMs(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    work();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/** Wall and CPU time (ms, this process) of one piece of work: medians of `runs` warm runs. */
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

inline Timing medianTiming(int runs, const std::function<void()>& work)
{
    auto cpuNow = [] {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    };
    std::vector<double> wall, cpu;
    work();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double c0 = cpuNow();
        t.start();
        work();
        wall.push_back(t.nsecsElapsed() / 1e6);
        cpu.push_back(cpuNow() - c0);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

/**
 * Runs a statement to completion on a bare SQLite connection (the C API, no Qt SQL) with
 * positional values (text or integer); returns the rows stepped. Exits on an SQL error.
 */
inline long long bareRows(sqlite3* db, const QString& statement, const QVariantList& values)
{
    sqlite3_stmt* stmt = nullptr;
    const QByteArray sql = statement.toUtf8();
    if (sqlite3_prepare_v2(db, sql.constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        fprintf(stderr, "bare prepare failed: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant& v = values[i];
        if (v.typeId() == QMetaType::QString) {
            const QByteArray text = v.toString().toUtf8();
            sqlite3_bind_text(stmt, i + 1, text.constData(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(stmt, i + 1, v.toLongLong());
        }
    }
    long long rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        ++rows;
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "bare step failed: %s\n", sqlite3_errmsg(db));
        exit(1);
    }
    sqlite3_finalize(stmt);
    return rows;
}

/**
 * The first person of a role (by id) in a database, read through the bare connection (large
 * demo files may have no accounts to sign in with). Exits when there is none.
 */
inline Cadre firstWithRole(sqlite3* raw, Database& db, const char* role)
{
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "SELECT id FROM cadres WHERE role = ? ORDER BY id LIMIT 1", -1, &st, nullptr);
    sqlite3_bind_text(st, 1, role, -1, SQLITE_STATIC);
    const RowId id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    const auto c = CadreRepository(db).cadre(id);
    if (!c) {
        fprintf(stderr, "no %s in this database\n", role);
        exit(1);
    }
    return *c;
}

} // namespace yg::bench
