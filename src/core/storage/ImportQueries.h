#pragma once

#include "storage/RepositoryBase.h"

#include <functional>
#include <optional>

namespace yg {

/**
 * The key look-ups of a spreadsheet import (exchange/CsvImport): keys only, never whole
 * tables of records, so a district with a million visits is checked with a hash map of
 * enterprise codes and indexed single-row look-ups by uuid.
 */
class ImportQueries : public RepositoryBase
{
public:
    explicit ImportQueries(Database& db) : RepositoryBase(db) {}

    /** Calls fn(id, credit code, name) for every enterprise (one streaming SELECT). */
    void forEachEnterpriseKey(const std::function<void(RowId, const QString&, const QString&)>& fn);
    /** The visit or issue with this stable id. */
    std::optional<RowId> visitIdByUuid(const QString& uuid);
    std::optional<RowId> issueIdByUuid(const QString& uuid);

    /** What a re-import compares of a stored visit (one cached statement per row). */
    struct StoredVisit
    {
        RowId id = 0;
        QDate date;
        RowId enterpriseId = 0;
        QString kind;
        QString summary;
        RowId authorId = 0;
        QList<RowId> cadreIds; ///< every cadre on the visit, sorted by id
    };
    std::optional<StoredVisit> visitByUuid(const QString& uuid);
};

} // namespace yg
