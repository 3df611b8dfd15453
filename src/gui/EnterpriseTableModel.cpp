#include "EnterpriseTableModel.h"

#include <QLocale>

namespace yg {

EnterpriseTableModel::EnterpriseTableModel(Database& db, QObject* parent)
    : PagedTableModel<EnterpriseListRow>(parent), m_repo(db)
{
    reload();
}

qint64 EnterpriseTableModel::queryCount()
{
    return m_repo.count(m_filter);
}

QList<EnterpriseListRow> EnterpriseTableModel::queryWindow(int offset, int limit)
{
    return m_repo.page(m_filter, m_sort, m_descending, offset, limit);
}

int EnterpriseTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnterpriseTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EnterpriseListRow& r = rowAt(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Employees)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == Key || index.column() == LastVisit)
            return QVariant::fromValue(Qt::AlignCenter);
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == Name) {
        QStringList flags;
        if (r.isKey)
            flags << tr("key enterprise");
        if (r.isSmallMicro)
            flags << tr("small or micro enterprise");
        if (r.isNewForm)
            flags << tr("new form of employment");
        return flags.isEmpty()
                   ? r.name
                   : r.name + QStringLiteral("（") + flags.join(QStringLiteral("、")) + QStringLiteral("）");
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return r.name;
    case CreditCode:
        return r.creditCode;
    case Town:
        return r.town;
    case Employees:
        return QLocale().toString(r.employees);
    case Key:
        return r.isKey ? tr("Key") : QString();
    case UnionStatus:
        return displayName(r.unionStatus);
    case Cadre:
        return r.cadre;
    case LastVisit:
        return r.lastVisit.isValid() ? r.lastVisit.toString(Qt::ISODate) : tr("never");
    default:
        return {};
    }
}

QVariant EnterpriseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Enterprise");
    case CreditCode:
        return tr("Credit code");
    case Town:
        return tr("Town");
    case Employees:
        return tr("Employees");
    case Key:
        return tr("Key");
    case UnionStatus:
        return tr("Union");
    case Cadre:
        return tr("Cadre");
    case LastVisit:
        return tr("Last visit");
    default:
        return {};
    }
}

void EnterpriseTableModel::sort(int column, Qt::SortOrder order)
{
    static const EnterpriseSort bySection[] = {
        EnterpriseSort::Name, EnterpriseSort::CreditCode,  EnterpriseSort::Town,  EnterpriseSort::Employees,
        EnterpriseSort::Key,  EnterpriseSort::UnionStatus, EnterpriseSort::Cadre, EnterpriseSort::LastVisit};
    if (column < 0 || column >= ColumnCount)
        return;
    if (m_sort == bySection[column] && m_descending == (order == Qt::DescendingOrder))
        return; // already in this order (a view announcing its initial sort costs no query)
    m_sort = bySection[column];
    m_descending = order == Qt::DescendingOrder;
    reload();
}

void EnterpriseTableModel::setFilter(const EnterpriseFilter& filter)
{
    m_filter = filter;
    reload();
}

} // namespace yg
