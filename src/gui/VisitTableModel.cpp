#include "VisitTableModel.h"

#include "services/IssueService.h"

namespace yg {

VisitTableModel::VisitTableModel(Database& db, const Cadre& viewer, QObject* parent)
    : PagedTableModel<VisitListRow>(parent), m_queries(db), m_visibleTo(IssueService(db).visibilityFor(viewer))
{
    m_filter.visibleTo = m_visibleTo;
    reload();
}

qint64 VisitTableModel::queryCount()
{
    return m_queries.count(m_filter);
}

QList<VisitListRow> VisitTableModel::queryWindow(int offset, int limit)
{
    return m_queries.page(m_filter, m_sort, m_descending, offset, limit);
}

void VisitTableModel::setFilter(const VisitFilter& filter)
{
    m_filter = filter;
    m_filter.visibleTo = m_visibleTo;
    reload();
}

int VisitTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VisitTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VisitListRow& r = rowAt(index.row());
    if (role == IdRole)
        return r.id;
    if (role == EnterpriseIdRole)
        return r.enterpriseId;
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return r.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Date:
        return r.date.toString(Qt::ISODate);
    case Enterprise:
        return r.enterprise;
    case Town:
        return r.town;
    case Cadres:
        return r.companions > 0 ? tr("%1 +%2").arg(r.author).arg(r.companions) : r.author;
    case Kind:
        return displayName(r.kind);
    case Summary:
        return r.summary.simplified();
    default:
        return {};
    }
}

QVariant VisitTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case Enterprise:
        return tr("Enterprise");
    case Town:
        return tr("Town");
    case Cadres:
        return tr("Cadres");
    case Kind:
        return tr("Kind");
    case Summary:
        return tr("Summary");
    default:
        return {};
    }
}

void VisitTableModel::sort(int column, Qt::SortOrder order)
{
    static const VisitSort bySection[] = {VisitSort::Date, VisitSort::Enterprise, VisitSort::Town, VisitSort::Author,
                                          VisitSort::Kind};
    if (!isSortable(column))
        return;
    if (m_sort == bySection[column] && m_descending == (order == Qt::DescendingOrder))
        return; // already in this order (a view announcing its initial sort costs no query)
    m_sort = bySection[column];
    m_descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace yg
