#pragma once

#include "PagedTableModel.h"
#include "domain/Lifecycle.h"
#include "storage/IssueRepository.h"

namespace yg {

class Database;

/**
 * The issue list (newest first), fetched in windows through IssueRepository, with each
 * open issue's escalation level as of today (colour plus a text marker, so it reads
 * without colour too).
 */
class IssueTableModel : public PagedTableModel<IssueListRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Number,
        Title,
        Enterprise,
        Town,
        Owner,
        Category,
        StageColumn,
        Due,
        Level,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int EscalationRole = Qt::UserRole + 2;

    /**
     * The list of the issues `viewer` may see (their group for cadres and supervisors),
     * narrowed by `filter` from the first read.
     */
    IssueTableModel(Database& db, const Cadre& viewer, QObject* parent = nullptr, const IssueFilter& filter = {});

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const IssueFilter& filter);
    const IssueFilter& filter() const { return m_filter; }
    Escalation escalationAt(int row) const;

protected:
    qint64 queryCount() override;
    QList<IssueListRow> queryWindow(int offset, int limit) override;
    void prepareQuery() override;

private:
    Database& m_db;
    IssueRepository m_repo;
    std::optional<RowId> m_visibleTo;
    IssueFilter m_filter;
    WorkCalendar m_calendar;
    EscalationThresholds m_thresholds;
    QDate m_today;
};

/** The colour of an escalation level (none: invalid). */
QColor escalationColor(Escalation level);

} // namespace yg
