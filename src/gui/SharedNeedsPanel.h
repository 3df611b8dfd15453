#pragma once

#include "services/SharedNeedService.h"

#include <QFutureWatcher>
#include <QLabel>
#include <QThreadPool>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace yg {

class BriefingDialog;
class Database;

/**
 * 共性需求: the shared-need alerts (category, shared wording, town, N issues / M
 * enterprises), the enterprises and issues behind the selected one, "Plan briefing…" and
 * "Dismiss…", and the briefings planned so far with "Apply outcome…". For supervisors,
 * staff and administrators (the service checks; buttons follow the person's rights).
 */
class SharedNeedsPanel : public QWidget
{
    Q_OBJECT

public:
    /** Detects on a worker thread (also on refresh()); waitForAlerts() (tests, screenshots) waits for it. */
    SharedNeedsPanel(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~SharedNeedsPanel() override;
    bool waitForAlerts(int timeoutMs = 60000);

    const QList<SharedNeedAlert>& alerts() const { return m_alerts; }
    QTableWidget* alertsTable() const { return m_alertsTable; }
    QTableWidget* enterprisesTable() const { return m_enterprisesTable; }
    QTableWidget* issuesTable() const { return m_issuesTable; }
    QTableWidget* briefingsTable() const { return m_briefingsTable; }
    QPushButton* planButton() const { return m_planButton; }
    QPushButton* dismissButton() const { return m_dismissButton; }

    void selectAlert(int row);
    /** Dismisses the selected alert with this reason; false (message shown) if refused. */
    bool dismissSelected(const QString& reason);
    /** Opens the briefing dialog for the selected alert (non-modal; deleted on close). */
    BriefingDialog* planBriefing();
    /** Opens the outcome page of a planned briefing. */
    BriefingDialog* applyOutcome(RowId visitId);

public slots:
    void refresh();

signals:
    void openIssueRequested(RowId issueId);
    void openEnterpriseRequested(RowId enterpriseId);
    /** After every refresh: how many alerts the person sees. */
    void alertCountChanged(int count);

private:
    struct Detected
    {
        QList<SharedNeedAlert> alerts;
        QString error;
    };
    void startDetection();
    void showSummary();
    void present(const QList<SharedNeedAlert>& alerts, const QString& error);
    void showDetails();
    void askDismiss();

    Database& m_db;
    Cadre m_actor;
    QList<SharedNeedAlert> m_alerts;
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QTableWidget* m_alertsTable = nullptr;
    QTableWidget* m_enterprisesTable = nullptr;
    QTableWidget* m_issuesTable = nullptr;
    QLabel* m_hiddenLabel = nullptr;
    QTableWidget* m_briefingsTable = nullptr;
    QPushButton* m_planButton = nullptr;
    QPushButton* m_dismissButton = nullptr;
    QPushButton* m_applyButton = nullptr;
    bool m_busy = false;  ///< a detection is running or its result not yet shown
    bool m_again = false; ///< refresh() asked while one was running
    QThreadPool m_pool;
    QFutureWatcher<Detected> m_watcher; // after the pool: destroyed first
};

/**
 * A one-line banner for the top of the issue board: "3 shared-need alerts — View". Hidden
 * when there are none or the person may not see alerts; emits showRequested() on "View".
 */
class SharedNeedBanner : public QLabel
{
    Q_OBJECT

public:
    /** Counts the alerts now unless `detectNow` is false (then it waits for setCount()). */
    SharedNeedBanner(Database& db, RowId actorId, QWidget* parent = nullptr, bool detectNow = true);
    int count() const { return m_count; }

public slots:
    void refresh();
    /** Shows a count already known (e.g. from SharedNeedsPanel::alertCountChanged) without detecting again. */
    void setCount(int count);

signals:
    void showRequested();

private:
    Database& m_db;
    Cadre m_actor;
    int m_count = 0;
};

} // namespace yg
