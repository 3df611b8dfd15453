#pragma once

#include "domain/Entities.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace yg {

class Database;
class EnterpriseTableModel;
class EnterpriseDialog;

/**
 * 企业: the enterprise registry with its filters (search box on name and credit code,
 * town, key, small/micro, new form of employment, union status, assigned cadre, not
 * visited since a date), sorted and filtered in SQL. Staff and administrators add and
 * edit enterprises here (EnterpriseDialog); opening a row asks for the enterprise page.
 */
class EnterpriseRegistryView : public QWidget
{
    Q_OBJECT

public:
    EnterpriseRegistryView(Database& db, RowId actorId, QWidget* parent = nullptr);

    EnterpriseTableModel* model() const { return m_model; }
    QTableView* tableView() const { return m_table; }
    QLineEdit* searchEdit() const { return m_searchEdit; }
    /** The dialog for a new enterprise (0) or the given one; the caller shows it. */
    EnterpriseDialog* createDialog(RowId enterpriseId);

public slots:
    void refresh();

signals:
    void openEnterpriseRequested(RowId enterpriseId);

private:
    void populateChoices();
    void applyFilter();
    void updateCount();
    void editSelected();
    void addEnterprise();
    void runDialog(EnterpriseDialog* dialog);

    Database& m_db;
    RowId m_actorId;
    bool m_canEdit = false;
    EnterpriseTableModel* m_model = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QComboBox* m_townCombo = nullptr;
    QCheckBox* m_keyCheck = nullptr;
    QCheckBox* m_smallMicroCheck = nullptr;
    QCheckBox* m_newFormCheck = nullptr;
    QComboBox* m_unionCombo = nullptr;
    QComboBox* m_cadreCombo = nullptr;
    QCheckBox* m_notVisitedCheck = nullptr;
    QDateEdit* m_notVisitedDate = nullptr;
    QLabel* m_countLabel = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QTableView* m_table = nullptr;
    QTimer m_filterTimer;
};

} // namespace yg
