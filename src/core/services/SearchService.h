#pragma once

#include "storage/SqliteSearch.h"

namespace yg {

class Database;

/**
 * One search box across enterprises, visits and issues for a signed-in person: the
 * query's terms (SearchText) matched in the search indexes, each kind in its own group,
 * limited to the visits and issues the person may see (as the lists are).
 */
class SearchService
{
public:
    static constexpr int kGroupSize = 50;

    struct Group
    {
        SearchKind kind = SearchKind::Enterprise;
        QList<SearchHit> hits;
        bool more = false; ///< more results after these
    };

    explicit SearchService(Database& db);

    /** One group's results, `limit` from `offset` (newest record first). */
    Group search(const Cadre& actor, SearchKind kind, const QString& query, int offset = 0, int limit = kGroupSize);
    /** The first results of every kind: enterprises, visits, issues. */
    QList<Group> searchAll(const Cadre& actor, const QString& query, int limit = kGroupSize);

private:
    Database& m_db;
};

} // namespace yg
