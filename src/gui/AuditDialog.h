#pragma once

#include "PagedTableModel.h"
#include "storage/AuditLog.h"

#include <QDialog>

#include <memory>

namespace Ui {
class AuditDialog;
}

namespace yg {

class Database;

/** The audit trail, newest first, read in windows through the permission-checked AdminService. */
class AuditTableModel : public PagedTableModel<AuditEntry>
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        User,
        Record,
        Action,
        Changes,
        ColumnCount
    };

    AuditTableModel(Database& db, const Cadre& actor, QObject* parent = nullptr);
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void setFilter(const AuditFilter& filter);
    const AuditFilter& filter() const { return m_filter; }

protected:
    qint64 queryCount() override;
    QList<AuditEntry> queryWindow(int offset, int limit) override;

private:
    Database& m_db;
    Cadre m_actor;
    AuditFilter m_filter;
};

/** Browse, filter (record kind, user, period) and export the audit trail; supervisors and admins. */
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(Database& db, const Cadre& actor, QWidget* parent = nullptr);
    ~AuditDialog() override;
    AuditTableModel* model() const { return m_model; }
    /** Exports the current filter to a file; returns the number of entries. */
    qint64 exportTo(const QString& path);
    /** Narrows to one record kind (table name, empty for all), one record and one user. */
    void setFilterControls(const QString& table, std::optional<RowId> record, std::optional<RowId> user);

private:
    void applyFilter();

    std::unique_ptr<Ui::AuditDialog> m_ui;
    Database& m_db;
    Cadre m_actor;
    AuditTableModel* m_model = nullptr;
};

} // namespace yg
