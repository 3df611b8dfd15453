#pragma once

#include "domain/Entities.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QActionGroup;
class QUndoStack;

namespace Ui {
class MainWindow;
}

namespace yg {

class Database;
class IssueWindow;
class AuditDialog;
class ExchangeConflictsDialog;
class IssueTableModel;
class MyWeekView;
class VisitEditor;

/**
 * The main window: a navigation list on the left (本周 my week with the union's headline
 * figures, 问题 issues, 企业 enterprises, and pages other screens add with addPage()), the
 * page on the right, menus and shortcuts for every main action, and the status bar with
 * the database and the signed-in cadre. Owns the open Database and the session's undo
 * stack; everything it shows comes from core services (it runs no SQL itself). The
 * window's geometry and the last page shown are remembered (QSettings).
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /** Opens the window on a database for a signed-in user. */
    MainWindow(std::unique_ptr<Database> db, const Cadre& user, QWidget* parent = nullptr);
    ~MainWindow() override;

    Database& database() { return *m_db; }
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
    /** Works on another database as the person signed in to it (File → Open database, after sign-in). */
    void switchDatabase(std::unique_ptr<Database> db, const Cadre& user);
    /** Opens the audit trail (supervisors and administrators). */
    AuditDialog* openAudit();
    MyWeekView* weekView() const { return m_weekView; }
    QUndoStack* undoStack() const { return m_undoStack; }
    /** The message of the last undo or redo that was refused (empty if none). */
    QString lastUndoError() const { return m_lastUndoError; }

    /**
     * Adds a page to the navigation (a QWidget built as View(Database&, RowId actorId,
     * QWidget*)); its openVisitRequested / openIssueRequested / openEnterpriseRequested
     * signals, if it has them, are connected to this window. Ctrl+1… switch pages in order.
     */
    void addPage(const QString& id, const QString& title, const QIcon& icon, QWidget* page);
    /** Makes a page's view for the open database (again after File → Open database). */
    using PageFactory = std::function<QWidget*(Database& db, RowId actorId, QWidget* parent)>;
    /**
     * Adds a page whose view reads the database: the view is made by `factory` now and
     * whenever another database is opened, and goes before the database does.
     */
    void addDatabasePage(const QString& id, const QString& title, const QIcon& icon, PageFactory factory);
    /** Shows a page by id ("week", "issues", "enterprises", or one added); false if unknown. */
    bool showPage(const QString& id);
    QString currentPageId() const;

public slots:
    /** Opens the issue window for an issue (modeless). */
    IssueWindow* openIssue(RowId issueId);
    /** Opens the journal form on a stored visit (editable if the user may edit it). */
    VisitEditor* openVisit(RowId visitId);
    /** Opens the journal form for a new visit (at most one at a time), optionally for an enterprise. */
    VisitEditor* newVisit(RowId enterpriseId = 0);
    /** Shows an enterprise (for now: the enterprise list narrowed to it). */
    void openEnterprise(RowId enterpriseId);
    /** Opens the forms that have a draft left from an earlier session, restored. */
    int offerDrafts();
    void showSettings();
    /** File → Exchange: write an exchange file (records; staff choose records or reference data). */
    void exportExchange();
    /** File → Exchange: check a file (dry run), show what it holds, merge it on confirmation. */
    void importExchange();
    /** File → Exchange: the open conflicts, to decide field by field. */
    ExchangeConflictsDialog* openExchangeConflicts();

    /** Re-reads the figures and the lists from the database. */
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
    void updateStatusBar();
    void applyIssueFilter();
    void updateIssueCount();
    void populateStages();
    void buildLockPanel();
    void openDatabase();
    void showAbout();
    void addPageAction(const QString& id, const QString& title);
    void applyRole();
    void mountSharedNeedBanner();
    struct DatabasePage
    {
        QString id;
        QWidget* container = nullptr;
        PageFactory factory;
        QWidget* view = nullptr;
    };
    void createDatabasePageView(DatabasePage& page);
    void wireContract(const QString& id, QWidget* page);
    void retitlePages();
    void wireEditor(VisitEditor* editor);
    void closeEditors();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Database> m_db;
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
    MyWeekView* m_weekView = nullptr;
    QUndoStack* m_undoStack = nullptr;
    QString m_lastUndoError;
    QString m_wantedPage; ///< the page remembered from the last session
    QHash<QString, QWidget*> m_pages;
    QList<DatabasePage> m_databasePages;
    QHash<QString, QAction*> m_pageActions;
    QPointer<VisitEditor> m_newVisitEditor;
};

} // namespace yg
