#pragma once

#include <QSqlDatabase>

namespace yg {

/**
 * A write transaction (BEGIN IMMEDIATE, so it takes the write lock up front instead of
 * failing as busy half-way). Rolls back when destroyed without commit(), so an exception
 * anywhere inside leaves the database exactly as it was.
 */
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace yg
