#pragma once

#include <QSqlDatabase>

namespace yg {

/**
 * One read transaction over several statements, so a report's totals, breakdowns and
 * listings all see the same state of the file even while the app's writer saves in
 * between (WAL readers keep their snapshot until the transaction ends). Does nothing
 * inside a transaction already open on the connection. Ends with a rollback: it never writes.
 */
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase db) : m_db(std::move(db)), m_open(m_db.transaction()) {}
    ~ReadSnapshot()
    {
        if (m_open)
            m_db.rollback();
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace yg
