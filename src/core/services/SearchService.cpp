#include "SearchService.h"

#include "domain/SearchText.h"
#include "services/IssueService.h"

namespace yg {

SearchService::SearchService(Database& db) : m_db(db) {}

SearchService::Group SearchService::search(const Cadre& actor, SearchKind kind, const QString& query, int offset,
                                           int limit)
{
    Group group;
    group.kind = kind;
    const QStringList terms = SearchText::terms(query);
    if (terms.isEmpty())
        return group;
    SqliteSearch search(m_db);
    QList<RowId> ids = search.matchingIds(kind, terms, IssueService(m_db).visibilityFor(actor), offset, limit + 1);
    group.more = ids.size() > limit;
    if (group.more)
        ids.removeLast();
    group.hits = search.hits(kind, ids, terms);
    return group;
}

QList<SearchService::Group> SearchService::searchAll(const Cadre& actor, const QString& query, int limit)
{
    QList<Group> groups;
    for (SearchKind kind : {SearchKind::Enterprise, SearchKind::Visit, SearchKind::Issue})
        groups << search(actor, kind, query, 0, limit);
    return groups;
}

} // namespace yg
