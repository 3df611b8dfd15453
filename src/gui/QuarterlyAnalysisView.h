#pragma once

#include "domain/Entities.h"
#include "reporting/ReportDocument.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class QuarterlyAnalysisView;
}

namespace yg {

class Database;

/**
 * 季分析: a town's quarter — its figures beside the previous quarter's (visits, key-enterprise
 * coverage, issues by category, resolution rate, the change) — with the texts written about
 * it: the signed-in cadre's or supervisor's own reflections (心得), staff's assessment of the
 * town, and colleagues' texts. The same texts go out with the quarterly report (Export).
 * Figures are built on a worker thread with its own read-only connection.
 */
class QuarterlyAnalysisView : public QWidget
{
    Q_OBJECT

public:
    QuarterlyAnalysisView(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~QuarterlyAnalysisView() override;

    /** Chooses the quarter ("2024-Q3") and town shown; false if either is not in the lists. */
    bool setSubject(const QString& quarter, RowId townId);
    QString quarter() const;
    RowId townId() const;
    /** Waits (processing events) until the figures being built are shown; false on timeout. */
    bool waitForFigures(int timeoutMs = 60000);
    /** The quarterly report on screen (figures and texts as last built), if any. */
    const std::optional<ReportDocument>& document() const { return m_document; }

    /** Saves what is in the editor; false (and the reason on the page) if refused. */
    bool saveReflection();
    bool saveAssessment();
    /** Writes the quarterly report with its texts; the format follows the extension. */
    bool exportTo(const QString& path);

public slots:
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void populate();
    void loadTexts();
    void updateButtons();
    bool confirmLeavingEdits();
    void present();
    void chooseExportFile();
    void showProblem(const QString& text);

    std::unique_ptr<Ui::QuarterlyAnalysisView> m_ui;
    Database& m_db;
    Cadre m_actor;
    QString m_shownQuarter;
    RowId m_shownTown = 0;
    QString m_savedReflection;
    QString m_savedAssessment;
    std::optional<ReportDocument> m_document;
    struct Built
    {
        std::optional<ReportDocument> document;
        QString error;
        QString quarter; ///< what it was built for
        RowId town = 0;
    };
    QThreadPool m_pool;
    QFutureWatcher<Built> m_watcher; // after the pool: destroyed first
};

} // namespace yg
