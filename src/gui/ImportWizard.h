#pragma once

#include "domain/Entities.h"
#include "exchange/CsvImport.h"

#include <QDialog>

#include <array>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QTableWidget;

namespace Ui {
class ImportWizard;
}

namespace yg {

class Database;

/**
 * File → Import…: choose the spreadsheet files, see how each is read (encoding, which
 * header maps to which column, the first rows), then import all or nothing through
 * CsvImport. Problems are listed one per line and nothing is written; a progress bar
 * follows the import and Cancel rolls it back, leaving the database exactly as before.
 * The template files can be saved from here. Staff and administrators only (the core
 * refuses anyone else anyway).
 *
 * The import runs on the GUI thread (the database's one writing connection belongs to
 * it); the progress callback keeps the window responsive and reads the Cancel button.
 */
class ImportWizard : public QDialog
{
    Q_OBJECT

public:
    ImportWizard(Database& db, const Cadre& actor, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFile(ImportKind kind, const QString& path);
    QString file(ImportKind kind) const;
    /** Shows the preview of one chosen file (encoding, column mapping, first rows). */
    void showPreview(ImportKind kind);
    /** Runs the import (or a check only) with the chosen files; returns what happened. */
    ImportResult runImport(bool dryRun = false);
    /** Asks a running import to stop; it rolls back. */
    void requestCancel() { m_cancelRequested = true; }
    /** Esc or the window's close button during an import cancel it (it rolls back) instead of hiding the wizard. */
    void reject() override;
    /** Writes the four template files into a folder; returns their paths. */
    QStringList saveTemplates(const QString& dir);

    QTableWidget* previewTable() const;
    QLabel* previewLabel() const;
    QListWidget* problemList() const;
    QProgressBar* progressBar() const;
    QLabel* statusLabel() const;

signals:
    /** Records were written (the main window reloads its lists). */
    void imported();

private:
    void chooseFile(ImportKind kind);
    void chooseTemplateFolder();
    CsvEncoding encoding() const;
    void setRunning(bool running);

    std::unique_ptr<Ui::ImportWizard> m_ui;
    Database& m_db;
    Cadre m_actor;
    std::array<QLineEdit*, 4> m_fileEdits{};
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace yg
