#pragma once

#include "domain/Entities.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <memory>

class QLabel;
class QLineEdit;
class QActionGroup;

namespace Ui {
class MainWindow;
}

namespace yg {

class Database;
class EnterpriseTableModel;
class IssueWindow;
class AuditDialog;
class IssueTableModel;

/**
 * The first window: the union's headline figures over the whole history and the
 * enterprise list. Owns the open Database; everything it shows comes from core services
 * (it runs no SQL itself).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** Opens the window on a database for a signed-in user. */
    MainWindow(std::unique_ptr<Database> db, const Cadre& user, QWidget* parent = nullptr);
    ~MainWindow() override;

    Database& database() { return *m_db; }
    EnterpriseTableModel* enterpriseModel() const { return m_model; }
    IssueTableModel* issueModel() const { return m_issueModel; }
    /** The signed-in person; every change is made and audited as them. */
    RowId actorId() const { return m_user.meta.id; }
    const Cadre& user() const { return m_user; }

    /** Hides everything until the password is given again (also after the idle time). */
    void lockNow();
    bool isLocked() const { return m_locked; }
    /** Unlocks with the signed-in user's password; false (and a message) if wrong. */
    bool unlock(const QString& password);
    /** Backs the open database up now into its backups folder (administrators); returns the file. */
    QString backupNow();
    /** Opens the audit trail (supervisors and administrators). */
    AuditDialog* openAudit();
    /** Opens the issue window for an issue (modeless). */
    IssueWindow* openIssue(RowId issueId);

    /** Re-reads the figures and the list from the database. */
    void refresh();
    /** Switches the language ("zh_CN", "en", or empty for the system's) and remembers it. */
    void setLanguage(const QString& language);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void attachDatabase(std::unique_ptr<Database> db);
    void detachDatabase();
    void showFigures();
    void populateTowns();
    void applyFilter();
    void updateCount();
    void updateStatusBar();
    void applyIssueFilter();
    void updateIssueCount();
    void populateStages();
    void buildLockPanel();
    void openDatabase();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Database> m_db;
    EnterpriseTableModel* m_model = nullptr;
    IssueTableModel* m_issueModel = nullptr;
    Cadre m_user;
    bool m_locked = false;
    QTimer m_idleTimer;
    QWidget* m_lockPanel = nullptr;
    QLineEdit* m_lockPasswordEdit = nullptr;
    QLabel* m_lockMessageLabel = nullptr;
    QList<QPointer<QWidget>> m_hiddenWhileLocked;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QTimer m_filterTimer;
};

} // namespace yg
