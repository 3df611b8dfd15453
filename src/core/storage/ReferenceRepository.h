#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

/** Towns, issue categories and departments: the editable reference lists. */
class ReferenceRepository : public RepositoryBase
{
public:
    explicit ReferenceRepository(Database& db) : RepositoryBase(db) {}

    void insert(Town& town);
    void update(Town& town, std::optional<RowId> actor = std::nullopt);
    std::optional<Town> town(RowId id);
    std::optional<Town> townByName(const QString& name);
    QList<Town> towns();

    void insert(Category& category);
    void update(Category& category, std::optional<RowId> actor = std::nullopt);
    std::optional<Category> category(RowId id);
    QList<Category> categories();

    void insert(Department& department);
    void update(Department& department, std::optional<RowId> actor = std::nullopt);
    std::optional<Department> department(RowId id);
    QList<Department> departments();
};

} // namespace yg
