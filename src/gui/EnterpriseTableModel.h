#pragma once

#include "storage/EnterpriseRepository.h"

#include <QAbstractTableModel>

namespace yg {

/**
 * The enterprise list, lazily: the total comes from COUNT(*), rows are fetched in
 * windows of kBatch through EnterpriseRepository as the view scrolls (fetchMore), and
 * sorting and filtering re-query in SQL. No statement stays open between fetches, so an
 * idle list never holds a read transaction (which would stall WAL checkpoints).
 */
class EnterpriseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        CreditCode,
        Town,
        Employees,
        Key,
        UnionStatus,
        Cadre,
        LastVisit,
        ColumnCount
    };
    static constexpr int kBatch = 200;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit EnterpriseTableModel(Database& db, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const EnterpriseFilter& filter);
    const EnterpriseFilter& filter() const { return m_filter; }
    /** All rows matching the filter (not only those fetched so far). */
    qint64 totalCount() const { return m_total; }
    /** Re-reads everything (after the data changed elsewhere). */
    void reload();

private:
    EnterpriseRepository m_repo;
    EnterpriseFilter m_filter;
    EnterpriseSort m_sort = EnterpriseSort::Name;
    bool m_descending = false;
    qint64 m_total = 0;
    QList<EnterpriseListRow> m_rows;
};

} // namespace yg
