#include "TimelineModel.h"

namespace yg {

TimelineModel::TimelineModel(Database& db, RowId enterpriseId, std::optional<RowId> visibleTo, QObject* parent)
    : PagedTableModel<TimelineRow>(parent), m_queries(db), m_enterpriseId(enterpriseId), m_visibleTo(visibleTo)
{
    reload();
}

qint64 TimelineModel::queryCount()
{
    return m_queries.timelineCount(m_enterpriseId, m_visibleTo);
}

QList<TimelineRow> TimelineModel::queryWindow(int offset, int limit)
{
    return m_queries.timeline(m_enterpriseId, m_visibleTo, offset, limit);
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineRow& r = rowAt(index.row());
    if (role == IdRole)
        return r.id;
    if (role == KindRole)
        return static_cast<int>(r.kind);
    if (role == Qt::ToolTipRole && index.column() == Details)
        return r.text;
    if (role != Qt::DisplayRole)
        return {};
    const bool visit = r.kind == TimelineRow::Kind::Visit;
    switch (index.column()) {
    case Date:
        return r.date.toString(Qt::ISODate);
    case What:
        return visit ? tr("Visit: %1").arg(r.title) : tr("Issue %1").arg(r.title);
    case Who:
        return r.who;
    case Details:
        return r.text.simplified();
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Date:
        return tr("Date");
    case What:
        return tr("Visit or issue");
    case Who:
        return tr("Cadre");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace yg
