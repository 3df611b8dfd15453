#pragma once

#include "domain/Entities.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace yg {

class Database;

/**
 * Settings: the language (this computer, QSettings) for everyone; the idle lock and the
 * weeks after which a key enterprise is due a visit and the shared-need thresholds (the
 * database's settings) for those
 * who may manage settings — others see them read-only with the reason.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Database& db, const Cadre& user, QWidget* parent = nullptr);

    /** "", "zh_CN" or "en". */
    QString language() const;
    void setLanguage(const QString& language);
    QSpinBox* idleLockSpinBox() const { return m_idleLock; }
    QSpinBox* keyVisitWeeksSpinBox() const { return m_keyWeeks; }
    QSpinBox* sharedNeedIssuesSpinBox() const { return m_needIssues; }
    QSpinBox* sharedNeedEnterprisesSpinBox() const { return m_needEnterprises; }
    QSpinBox* sharedNeedDaysSpinBox() const { return m_needDays; }
    QCheckBox* sharedNeedByTownCheckBox() const { return m_needByTown; }
    /** Stores the database settings that changed; false (message shown) if refused. */
    bool apply();

private:
    Database& m_db;
    Cadre m_user;
    QComboBox* m_language = nullptr;
    QSpinBox* m_idleLock = nullptr;
    QSpinBox* m_keyWeeks = nullptr;
    QSpinBox* m_needIssues = nullptr;
    QSpinBox* m_needEnterprises = nullptr;
    QSpinBox* m_needDays = nullptr;
    QCheckBox* m_needByTown = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace yg
