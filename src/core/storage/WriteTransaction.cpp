#include "WriteTransaction.h"

#include "storage/Sql.h"
#include "storage/SqliteDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <spdlog/spdlog.h>

namespace yg {

WriteTransaction::WriteTransaction(QSqlDatabase db) : m_db(std::move(db))
{
    sql::execDirect(m_db, SqliteDialect::beginWriteStatement());
    m_open = true;
}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("ROLLBACK")))
            spdlog::error("rollback failed: {}", q.lastError().text().toStdString());
    }
}

void WriteTransaction::commit()
{
    sql::execDirect(m_db, QStringLiteral("COMMIT"));
    m_open = false;
}

} // namespace yg
