#include "IssueTableModel.h"

#include "services/IssueService.h"
#include "util/Clock.h"

#include <QColor>

namespace yg {

QColor escalationColor(Escalation level)
{
    switch (level) {
    case Escalation::Reminder:
        return QColor(0xF2, 0xC1, 0x4E); // 提醒: amber
    case Escalation::Warning:
        return QColor(0xF0, 0x8A, 0x24); // 预警: orange
    case Escalation::Supervision:
        return QColor(0xD9, 0x3F, 0x2B); // 督办: red
    case Escalation::Talk:
        return QColor(0x8E, 0x1B, 0x3F); // 约谈: deep crimson
    case Escalation::None:
        break;
    }
    return {};
}

IssueTableModel::IssueTableModel(Database& db, const Cadre& viewer, QObject* parent, const IssueFilter& filter)
    : PagedTableModel<IssueListRow>(parent), m_db(db), m_repo(db), m_visibleTo(IssueService(db).visibilityFor(viewer)),
      m_filter(filter)
{
    m_filter.visibleTo = m_visibleTo;
    reload();
}

void IssueTableModel::prepareQuery()
{
    IssueService service(m_db);
    m_calendar = service.calendar();
    m_thresholds = service.thresholds();
    m_today = Clock::today();
}

qint64 IssueTableModel::queryCount()
{
    return m_repo.count(m_filter);
}

QList<IssueListRow> IssueTableModel::queryWindow(int offset, int limit)
{
    return m_repo.list(m_filter, offset, limit);
}

void IssueTableModel::setFilter(const IssueFilter& filter)
{
    m_filter = filter;
    m_filter.visibleTo = m_visibleTo; // never wider than what the viewer may see
    reload();
}

int IssueTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Escalation IssueTableModel::escalationAt(int row) const
{
    const IssueListRow& r = rowAt(row);
    return escalationOf(IssueState::ofStored(r.stage, r.dueDate, r.pausedSince), m_today, m_calendar, m_thresholds);
}

QVariant IssueTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IssueListRow& r = rowAt(index.row());
    if (role == IdRole)
        return r.id;
    if (role == EscalationRole)
        return static_cast<int>(escalationAt(index.row()));
    if (index.column() == Level && (role == Qt::BackgroundRole || role == Qt::ForegroundRole)) {
        const QColor c = escalationColor(escalationAt(index.row()));
        if (!c.isValid())
            return {};
        return role == Qt::BackgroundRole ? QVariant(c) : QVariant(QColor(c.lightness() > 140 ? Qt::black : Qt::white));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Number:
        return r.number;
    case Title:
        return r.title;
    case Enterprise:
        return r.enterprise;
    case Town:
        return r.town;
    case Owner:
        return r.owner;
    case Category:
        return r.category;
    case StageColumn:
        if (r.stage == Stage::Closed)
            return displayName(r.outcome);
        return r.pausedSince.isValid() ? displayName(r.stage) + tr(" (paused)") : displayName(r.stage);
    case Due:
        return r.dueDate.isValid() ? r.dueDate.toString(Qt::ISODate) : QString();
    case Level: {
        const Escalation e = escalationAt(index.row());
        return e == Escalation::None ? QString() : QStringLiteral("● ") + displayName(e);
    }
    default:
        return {};
    }
}

QVariant IssueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Title:
        return tr("Title");
    case Enterprise:
        return tr("Enterprise");
    case Town:
        return tr("Town");
    case Owner:
        return tr("Owner");
    case Category:
        return tr("Category");
    case StageColumn:
        return tr("Stage");
    case Due:
        return tr("Due");
    case Level:
        return tr("Escalation");
    default:
        return {};
    }
}

} // namespace yg
