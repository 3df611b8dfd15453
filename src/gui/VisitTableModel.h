#pragma once

#include "PagedTableModel.h"
#include "storage/VisitQueries.h"

namespace yg {

/**
 * The visit list (newest first by default), fetched in windows through VisitQueries,
 * sorted and filtered in SQL, limited to the visits the viewer may see.
 */
class VisitTableModel : public PagedTableModel<VisitListRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Date,
        Enterprise,
        Town,
        Cadres,
        Kind,
        Summary,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int EnterpriseIdRole = Qt::UserRole + 2;

    VisitTableModel(Database& db, const Cadre& viewer, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /** Every column but the summary sorts (each along an index); the summary keeps the order. */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool isSortable(int column) { return column >= 0 && column < Summary; }

    /** Applies a filter; never wider than what the viewer may see. */
    void setFilter(const VisitFilter& filter);
    const VisitFilter& filter() const { return m_filter; }

protected:
    qint64 queryCount() override;
    QList<VisitListRow> queryWindow(int offset, int limit) override;

private:
    VisitQueries m_queries;
    std::optional<RowId> m_visibleTo;
    VisitFilter m_filter;
    VisitSort m_sort = VisitSort::Date;
    bool m_descending = true;
};

} // namespace yg
