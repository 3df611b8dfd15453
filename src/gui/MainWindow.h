#pragma once

#include "domain/Entities.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;
class QActionGroup;

namespace Ui {
class MainWindow;
}

namespace yg {

class Database;
class EnterpriseTableModel;
class IssueWindow;
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
    explicit MainWindow(std::unique_ptr<Database> db, QWidget* parent = nullptr);
    ~MainWindow() override;

    Database& database() { return *m_db; }
    EnterpriseTableModel* enterpriseModel() const { return m_model; }
    IssueTableModel* issueModel() const { return m_issueModel; }
    /** The person acting (a stand-in for sign-in, which comes with its own issue). */
    RowId actorId() const { return m_actorId; }
    void setActor(RowId cadreId);
    /** Opens the issue window for an issue (modeless). */
    IssueWindow* openIssue(RowId issueId);

    /** Re-reads the figures and the list from the database. */
    void refresh();
    /** Switches the language ("zh_CN", "en", or empty for the system's) and remembers it. */
    void setLanguage(const QString& language);

protected:
    void changeEvent(QEvent* event) override;
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
    void chooseActor();
    void openDatabase();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Database> m_db;
    EnterpriseTableModel* m_model = nullptr;
    IssueTableModel* m_issueModel = nullptr;
    RowId m_actorId = 0;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QTimer m_filterTimer;
};

} // namespace yg
