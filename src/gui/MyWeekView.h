#pragma once

#include "domain/Entities.h"
#include "domain/Period.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QTextDocument;

namespace Ui {
class MyWeekView;
}

namespace yg {

class Database;
class IssueTableModel;

/**
 * 本周: one cadre's ISO week at a glance — the week's visits against the quota, the key
 * enterprises assigned to them that are due a visit, their open issues by due date with
 * the escalation colours, and the week's journal (周记) composed from the visits and
 * issue steps, which the cadre edits, prints or exports as PDF. Reads through
 * WeekQueries and IssueTableModel; nothing is held open between refreshes.
 */
class MyWeekView : public QWidget
{
    Q_OBJECT

public:
    MyWeekView(Database& db, RowId actorId, QWidget* parent = nullptr);
    ~MyWeekView() override;

    IsoWeek week() const { return m_week; }
    void setWeek(IsoWeek week);
    IssueTableModel* issueModel() const { return m_issueModel; }

    /** The journal as shown (composed, or as the cadre edited it). */
    QString journalText() const;
    /** The printable journal: a title and the text, A4-ready. */
    std::unique_ptr<QTextDocument> journalDocument() const;
    /**
     * The file that keeps the cadre's edited journal of a week (data folder, per database
     * and cadre); written with QSaveFile a couple of seconds after an edit and when the
     * view goes away, removed by "Compose again".
     */
    QString editedJournalPath(IsoWeek week) const;
    /** Writes a pending edit of the journal now. */
    void saveEditedJournal();
    /** Writes the journal as an A4 PDF; false and a message box on failure. */
    bool exportPdf(const QString& path);

public slots:
    void refresh();
    void composeJournal();
    void printJournal();
    void exportPdfInteractively();

signals:
    void openVisitRequested(RowId visitId);
    void openIssueRequested(RowId issueId);
    void openEnterpriseRequested(RowId enterpriseId);
    /** "Record a visit" on a key enterprise due one. */
    void newVisitRequested(RowId enterpriseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void journalEdited();

    std::unique_ptr<Ui::MyWeekView> m_ui;
    Database& m_db;
    RowId m_actorId;
    IsoWeek m_week;
    IssueTableModel* m_issueModel = nullptr;
    QTimer m_journalTimer;
    bool m_journalDirty = false;
    bool m_composing = false;
};

} // namespace yg
