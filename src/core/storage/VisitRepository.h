#pragma once

#include "storage/RepositoryBase.h"

namespace yg {

class VisitRepository : public RepositoryBase
{
public:
    explicit VisitRepository(Database& db) : RepositoryBase(db) {}

    /** Inserts the visit and its cadres (the first one is the author). */
    void insert(Visit& visit);
    void update(Visit& visit, std::optional<RowId> actor = std::nullopt);
    std::optional<Visit> visit(RowId id);
    qint64 count();

private:
    void writeCadres(const Visit& visit);
};

} // namespace yg
