#pragma once

#include <QString>

#include <cstdint>
#include <functional>

namespace yg {

class Database;

/**
 * Creates a believable demo district, deterministically: the same seed and scale give
 * the same database content (ids, uuids, timestamps and text), byte for byte in every
 * table. Scale 1 is Yuecheng as the union describes it: 17 towns, 23 cadres in 4 groups
 * under supervisors, 87 key enterprises among about 390, weekly visits from April 2023
 * to the end of 2024 and their issues in every category and stage. Scale K repeats the
 * people, enterprises and visits K times (K = 500 gives about a million visits).
 */
class DemoGenerator
{
public:
    struct Options
    {
        std::uint64_t seed = 20230401;
        int scale = 1;
    };

    struct Summary
    {
        qint64 cadres = 0;
        qint64 enterprises = 0;
        qint64 visits = 0;
        qint64 issues = 0;
        qint64 events = 0;
    };

    /** Every demo account signs in with this password (documented in the README). */
    static constexpr const char* kDemoPassword = "yuegong2024";

    /** progress(done, total) is called after each copy of the district. */
    using Progress = std::function<void(int done, int total)>;

    /** Fills an empty (freshly created) database; throws yg::Error if it holds data. */
    static Summary generate(Database& db, const Options& options, const Progress& progress = {});

    /**
     * Writes a new demo database to `path` through a temporary file renamed at the end,
     * so an interrupted run leaves no half-made database. Refuses an existing path.
     */
    static Summary generateFile(const QString& path, const Options& options, const Progress& progress = {});
};

} // namespace yg
