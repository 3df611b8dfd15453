#pragma once

#include "domain/Entities.h"
#include "exchange/CsvImport.h"

#include <QDialog>

#include <array>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

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

    void setFile(ImportKind kind, const QString& path);
    QString file(ImportKind kind) const;
    /** Shows the preview of one chosen file (encoding, column mapping, first rows). */
    void showPreview(ImportKind kind);
    /** Runs the import (or a check only) with the chosen files; returns what happened. */
    ImportResult runImport(bool dryRun = false);
    /** Asks a running import to stop; it rolls back. */
    void requestCancel() { m_cancelRequested = true; }
    /** Writes the four template files into a folder; returns their paths. */
    QStringList saveTemplates(const QString& dir);

    QTableWidget* previewTable() const { return m_previewTable; }
    QLabel* previewLabel() const { return m_previewLabel; }
    QListWidget* problemList() const { return m_problemList; }
    QProgressBar* progressBar() const { return m_progressBar; }
    QLabel* statusLabel() const { return m_statusLabel; }

signals:
    /** Records were written (the main window reloads its lists). */
    void imported();

private:
    void chooseFile(ImportKind kind);
    void chooseTemplateFolder();
    CsvEncoding encoding() const;
    void setRunning(bool running);

    Database& m_db;
    Cadre m_actor;
    std::array<QLineEdit*, 4> m_fileEdits{};
    QComboBox* m_encodingComboBox = nullptr;
    QComboBox* m_previewComboBox = nullptr;
    QLabel* m_previewLabel = nullptr;
    QTableWidget* m_previewTable = nullptr;
    QListWidget* m_problemList = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_checkButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace yg
