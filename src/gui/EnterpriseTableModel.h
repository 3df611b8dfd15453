#pragma once

#include "PagedTableModel.h"
#include "storage/EnterpriseRepository.h"

namespace yg {

/** The enterprise list, fetched in windows through EnterpriseRepository, sorted and filtered in SQL. */
class EnterpriseTableModel : public PagedTableModel<EnterpriseListRow>
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
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit EnterpriseTableModel(Database& db, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const EnterpriseFilter& filter);
    const EnterpriseFilter& filter() const { return m_filter; }

protected:
    qint64 queryCount() override;
    QList<EnterpriseListRow> queryWindow(int offset, int limit) override;

private:
    EnterpriseRepository m_repo;
    EnterpriseFilter m_filter;
    EnterpriseSort m_sort = EnterpriseSort::Name;
    bool m_descending = false;
};

} // namespace yg
