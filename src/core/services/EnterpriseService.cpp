#include "EnterpriseService.h"

#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/EnterpriseRepository.h"
#include "storage/WriteTransaction.h"

#include <spdlog/spdlog.h>

namespace yg {

EnterpriseService::EnterpriseService(Database& db) : m_db(db) {}

bool EnterpriseService::canEdit(const Cadre& actor)
{
    return Permissions::can(actor.role, Capability::EditEnterprises);
}

Enterprise EnterpriseService::save(const Cadre& actor, Enterprise enterprise)
{
    AccountService::requireEnabled(m_db, actor.meta.id);
    Permissions::require(actor, Capability::EditEnterprises);
    EnterpriseRepository repo(m_db);
    WriteTransaction tx(m_db.connection());
    const bool adding = enterprise.meta.id == 0;
    if (adding)
        repo.insert(enterprise);
    else
        repo.update(enterprise, actor.meta.id);
    tx.commit();
    spdlog::info("enterprise {} {} by user {}", enterprise.meta.id, adding ? "added" : "updated", actor.meta.id);
    return enterprise;
}

} // namespace yg
