#pragma once

#include "storage/RepositoryBase.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace yg {

enum class SearchKind
{
    Enterprise,
    Visit,
    Issue
};

/** One search result, ready to show: a title and a snippet with the matches marked (SearchText). */
struct SearchHit
{
    SearchKind kind = SearchKind::Enterprise;
    RowId id = 0;
    QString title;   ///< marked like the snippet
    QString snippet; ///< marked text around the first match
    QString context; ///< town, enterprise, date: where the record belongs
};

/**
 * Full-text search over the FTS5 indexes of migration 7 — SQLite only (FTS5 MATCH syntax
 * and tables; a PostgreSQL backend would use its own text search here).
 *
 * Terms of 3+ characters match the trigram index (search_<kind>), terms of 1–2 characters
 * the index of single characters and character pairs (search_<kind>_grams); every term
 * must match. Results come newest record first (highest id), in windows.
 *
 * For a viewer limited to their groups, the search starts from the records they may see
 * and checks each against the index by rowid; otherwise it walks the index itself. Either
 * way it stops after `limit` results.
 */
class SqliteSearch : public RepositoryBase
{
public:
    explicit SqliteSearch(Database& db) : RepositoryBase(db) {}

    /** Ids of the matching records (highest first), `limit` from `offset`. */
    QList<RowId> matchingIds(SearchKind kind, const QStringList& terms, std::optional<RowId> visibleTo, int offset,
                             int limit);
    /** The statement matchingIds() runs and its values before LIMIT and OFFSET (for benchmarks and plans). */
    static QString matchStatement(SearchKind kind, const QStringList& terms, std::optional<RowId> visibleTo,
                                  QVariantList* values);
    /** Title, snippet and context for those ids, in the same order. */
    QList<SearchHit> hits(SearchKind kind, const QList<RowId>& ids, const QStringList& terms);

    /**
     * While deferred, inserted records are not indexed (bulk generation); call
     * rebuildIndexes() before turning it off. Inside the caller's write transaction.
     */
    void setIndexingDeferred(bool deferred);
    /** Empties and refills every search index from the records (one pass per index). */
    void rebuildIndexes();
    /**
     * Adds the records of one kind with ids above `afterId` to its search indexes, set-based
     * (a bulk load that inserted them while deferred; SqliteBulkLoad). They must not be in
     * the indexes yet. Inside the caller's write transaction. `tick` is called every few
     * thousand records (a caller's progress; it may throw to stop).
     */
    void indexRecordsAfter(SearchKind kind, RowId afterId, const std::function<void()>& tick = {});
    /**
     * The document of the grams index for a record's text (its indexed columns joined by
     * spaces): every character and every pair of adjacent characters up to `positions`
     * characters — exactly what the triggers of migration 7 compute in SQL.
     */
    static QString gramsOf(const QString& text, int positions = 20000);
    /** The number of records the search indexes cover (enterprises, visits, issues). */
    qint64 indexedRecordCount();

    /** FTS5's own consistency check of every search index (empty when they agree with the records). */
    QStringList checkIndexes();
};

} // namespace yg
