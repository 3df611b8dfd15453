#pragma once

#include "PagedTableModel.h"
#include "storage/VisitQueries.h"

namespace yg {

/** An enterprise's visits and issues, newest first, in windows (what the viewer may see). */
class TimelineModel : public PagedTableModel<TimelineRow>
{
    Q_OBJECT

public:
    enum Column
    {
        Date,
        What,
        Who,
        Details,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int KindRole = Qt::UserRole + 2; ///< int(TimelineRow::Kind)

    TimelineModel(Database& db, RowId enterpriseId, std::optional<RowId> visibleTo, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    qint64 queryCount() override;
    QList<TimelineRow> queryWindow(int offset, int limit) override;

private:
    VisitQueries m_queries;
    RowId m_enterpriseId;
    std::optional<RowId> m_visibleTo;
};

} // namespace yg
