#pragma once

#include "domain/Entities.h"

namespace yg {

class Database;

/**
 * The enterprise registry as a guarded service: staff and administrators add and edit
 * enterprises (Capability::EditEnterprises); everyone reads the registry. The repository
 * validates (credit code check character included) and refuses a duplicate code.
 */
class EnterpriseService
{
public:
    explicit EnterpriseService(Database& db);

    static bool canEdit(const Cadre& actor);
    /** Adds (id 0) or updates the enterprise in one transaction; returns it as stored. */
    Enterprise save(const Cadre& actor, Enterprise enterprise);

private:
    Database& m_db;
};

} // namespace yg
