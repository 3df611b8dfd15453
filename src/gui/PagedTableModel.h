#pragma once

#include "util/Error.h"

#include <QAbstractTableModel>
#include <spdlog/spdlog.h>

namespace yg {

/**
 * A table over a query that may match millions of rows: the total comes from a COUNT,
 * rows arrive in windows of kBatch as the view scrolls (fetchMore), and every filter or
 * sort change re-queries. Subclasses say how to count and how to read a window (through
 * a repository, in SQL); no statement stays open between fetches, so an idle list never
 * holds a read transaction that would stall WAL checkpoints.
 */
template<typename Row> class PagedTableModel : public QAbstractTableModel
{
public:
    static constexpr int kBatch = 200;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    /** False while rows are being inserted: a rowsInserted handler must not start a nested fetch. */
    bool canFetchMore(const QModelIndex& parent) const override
    {
        return !parent.isValid() && !m_inserting && m_rows.size() < m_total;
    }

    void fetchMore(const QModelIndex& parent) override
    {
        if (!canFetchMore(parent))
            return;
        QList<Row> more;
        try {
            more = queryWindow(static_cast<int>(m_rows.size()), kBatch);
        } catch (const Error& e) {
            spdlog::error("list: fetching rows failed: {}", e.what());
        }
        if (more.isEmpty()) {
            m_total = m_rows.size(); // rows went away since the count, or the read failed
            return;
        }
        m_inserting = true;
        beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + more.size() - 1));
        m_rows.append(more);
        endInsertRows();
        m_inserting = false;
    }

    /** All rows matching the current filter (not only those fetched so far). */
    qint64 totalCount() const { return m_total; }

    /** Re-reads the count and the first window, inside one reset. */
    void reload()
    {
        beginResetModel();
        m_rows.clear();
        try {
            prepareQuery();
            m_total = queryCount();
            m_rows = queryWindow(0, kBatch);
        } catch (const Error& e) {
            spdlog::error("list: reading failed: {}", e.what());
            m_total = m_rows.size();
        }
        endResetModel();
    }

protected:
    virtual qint64 queryCount() = 0;
    virtual QList<Row> queryWindow(int offset, int limit) = 0;
    /** Called before each reload (e.g. to read settings the rows depend on). */
    virtual void prepareQuery() {}

    const Row& rowAt(int row) const { return m_rows.at(row); }

private:
    QList<Row> m_rows;
    qint64 m_total = 0;
    bool m_inserting = false;
};

} // namespace yg
