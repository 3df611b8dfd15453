#pragma once

#include "domain/Entities.h"
#include "reporting/ReportLayouts.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ReportsView;
}

class QPagedPaintDevice;

namespace yg {

class Database;

/**
 * 报表: choose the report, period, scope and way of counting; see the figures with their
 * definitions and the charts (Qt Charts); print; export as PDF, XLSX, CSV or JSON. For
 * staff, supervisors and administrators (Permissions: ExportReports); staff also record
 * and score the annual evaluation's nominations from here.
 */
class ReportsView : public QWidget
{
    Q_OBJECT

public:
    ReportsView(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~ReportsView() override;

    /** Sets the request's fields (used by tests and by the main window's shortcuts). */
    void setRequest(ReportKind kind, const QString& period, const QString& scope = QStringLiteral("district"));
    /** Why the request cannot be shown, in plain words; empty when Show is enabled. */
    QString problem() const;
    /**
     * Starts building the report on a worker thread (its own read-only connection), so the
     * window stays responsive on a province-scale database; the figures appear when done.
     * False (and the reason under the fields) if the request does not fit or one is running.
     */
    bool showReport();
    bool isBuilding() const { return m_watcher.isRunning(); }
    /** Waits (processing events) until the report being built is shown; false on timeout. */
    bool waitForReport(int timeoutMs = 60000);
    /** The document on screen, if any. */
    const std::optional<ReportDocument>& document() const { return m_document; }
    /** Writes the shown report; the format follows the file's extension (.pdf .xlsx .csv .json). */
    bool exportTo(const QString& path);
    /** Prints the shown report on a printer or PDF writer (the same pages as the PDF export). */
    int printOn(QPagedPaintDevice& device);

public slots:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void populateScopes();
    void validate();
    std::optional<ReportRequest> request(QString* why) const;
    void showCharts();
    void chooseExportFile();
    void print();
    void openNominations();

    std::unique_ptr<Ui::ReportsView> m_ui;
    Database& m_db;
    Cadre m_actor;
    struct Built
    {
        std::optional<ReportDocument> document;
        QString error;
    };
    void present();

    std::optional<ReportDocument> m_document;
    QString m_problem;
    QThreadPool m_pool;
    QFutureWatcher<Built> m_watcher; // after the pool: destroyed first
};

} // namespace yg
