#pragma once

#include "domain/Entities.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace yg {

class Database;
class VisitTableModel;

/**
 * 走访: the visit list with filters by period (any form domain/Period reads: 2024-W32,
 * 2024-07, 2024-Q3, 2024, a range), cadre, town, enterprise and kind; every column but
 * the summary sorts. Shows the visits the signed-in person may see. Opening a row asks
 * the main window to open the visit.
 */
class VisitListView : public QWidget
{
    Q_OBJECT

public:
    VisitListView(Database& db, RowId actorId, QWidget* parent = nullptr);

    VisitTableModel* model() const { return m_model; }
    QTableView* tableView() const { return m_table; }
    /** Why the period text is not a period (empty when it is, or when no period is given). */
    QString periodError() const { return m_periodError; }
    /** Narrows the list to one enterprise's visits (0: all). */
    void setEnterprise(RowId enterpriseId);

public slots:
    /** Re-reads the lists of cadres and towns, and the visits. */
    void refresh();

signals:
    void openVisitRequested(RowId visitId);

private:
    void populateChoices();
    void applyFilter();
    void updateCount();
    void openRow(const QModelIndex& index);

    Database& m_db;
    Cadre m_actor;
    VisitTableModel* m_model = nullptr;
    QLineEdit* m_periodEdit = nullptr;
    QLabel* m_periodMessage = nullptr;
    QComboBox* m_cadreCombo = nullptr;
    QComboBox* m_townCombo = nullptr;
    QLineEdit* m_enterpriseEdit = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QLabel* m_countLabel = nullptr;
    QTableView* m_table = nullptr;
    QTimer m_filterTimer;
    QString m_periodError;
    RowId m_enterpriseId = 0;
};

} // namespace yg
