#include "EnterpriseTableModel.h"

#include "util/Error.h"

#include <QLocale>
#include <spdlog/spdlog.h>

namespace yg {

EnterpriseTableModel::EnterpriseTableModel(Database& db, QObject* parent) : QAbstractTableModel(parent), m_repo(db)
{
    reload();
}

int EnterpriseTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EnterpriseTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnterpriseTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EnterpriseListRow& r = m_rows.at(index.row());
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

bool EnterpriseTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void EnterpriseTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    QList<EnterpriseListRow> more;
    try {
        more = m_repo.page(m_filter, m_sort, m_descending, static_cast<int>(m_rows.size()), kBatch);
    } catch (const Error& e) {
        spdlog::error("enterprise list: fetching rows failed: {}", e.what());
        m_total = m_rows.size();
        return;
    }
    if (more.isEmpty()) {
        m_total = m_rows.size(); // rows were removed since the count
        return;
    }
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + more.size() - 1));
    m_rows.append(more);
    endInsertRows();
}

void EnterpriseTableModel::sort(int column, Qt::SortOrder order)
{
    static const EnterpriseSort bySection[] = {
        EnterpriseSort::Name, EnterpriseSort::CreditCode,  EnterpriseSort::Town,  EnterpriseSort::Employees,
        EnterpriseSort::Key,  EnterpriseSort::UnionStatus, EnterpriseSort::Cadre, EnterpriseSort::LastVisit};
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort = bySection[column];
    m_descending = order == Qt::DescendingOrder;
    reload();
}

void EnterpriseTableModel::setFilter(const EnterpriseFilter& filter)
{
    m_filter = filter;
    reload();
}

void EnterpriseTableModel::reload()
{
    // The first window is read inside the reset: one signal, and no insert while a view
    // (or the model tester) is still handling the reset.
    beginResetModel();
    m_rows.clear();
    try {
        m_total = m_repo.count(m_filter);
        m_rows = m_repo.page(m_filter, m_sort, m_descending, 0, kBatch);
    } catch (const Error& e) {
        spdlog::error("enterprise list: reading failed: {}", e.what());
        m_total = m_rows.size();
    }
    endResetModel();
}

} // namespace yg
