#include "ImportWizard.h"

#include "util/Error.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace yg {

ImportWizard::ImportWizard(Database& db, const Cadre& actor, QWidget* parent)
    : QDialog(parent), m_db(db), m_actor(actor)
{
    setWindowTitle(tr("Import from spreadsheets"));
    setObjectName(QStringLiteral("ImportWizard"));
    resize(900, 680);
    auto* layout = new QVBoxLayout(this);

    auto* filesBox = new QGroupBox(tr("1. Files (CSV saved from Excel or WPS; leave empty what you do not import)"));
    auto* form = new QFormLayout(filesBox);
    for (ImportKind k : kAllImportKinds) {
        auto* row = new QHBoxLayout;
        auto* edit = new QLineEdit;
        edit->setObjectName(importKindKey(k) + QStringLiteral("LineEdit"));
        auto* browse = new QPushButton(tr("Choose…"));
        browse->setObjectName(importKindKey(k) + QStringLiteral("ChooseButton"));
        connect(browse, &QPushButton::clicked, this, [this, k] { chooseFile(k); });
        connect(edit, &QLineEdit::editingFinished, this, [this, k] { showPreview(k); });
        row->addWidget(edit);
        row->addWidget(browse);
        form->addRow(importKindName(k), row);
        m_fileEdits[static_cast<std::size_t>(k)] = edit;
    }
    m_encodingComboBox = new QComboBox;
    m_encodingComboBox->setObjectName(QStringLiteral("encodingComboBox"));
    m_encodingComboBox->addItem(tr("Detect (UTF-8 or GB18030)"), static_cast<int>(CsvEncoding::Auto));
    m_encodingComboBox->addItem(QStringLiteral("UTF-8"), static_cast<int>(CsvEncoding::Utf8));
    m_encodingComboBox->addItem(QStringLiteral("GB18030 / GBK"), static_cast<int>(CsvEncoding::Gb18030));
    auto* templatesButton = new QPushButton(tr("Save template files…"));
    templatesButton->setObjectName(QStringLiteral("templatesButton"));
    connect(templatesButton, &QPushButton::clicked, this, &ImportWizard::chooseTemplateFolder);
    auto* encodingRow = new QHBoxLayout;
    encodingRow->addWidget(m_encodingComboBox, 1);
    encodingRow->addWidget(templatesButton);
    form->addRow(tr("Encoding"), encodingRow);
    layout->addWidget(filesBox);

    auto* previewBox = new QGroupBox(tr("2. Preview: how the file is read"));
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_previewComboBox = new QComboBox;
    m_previewComboBox->setObjectName(QStringLiteral("previewComboBox"));
    for (ImportKind k : kAllImportKinds)
        m_previewComboBox->addItem(importKindName(k), static_cast<int>(k));
    connect(m_previewComboBox, &QComboBox::activated, this,
            [this](int index) { showPreview(static_cast<ImportKind>(m_previewComboBox->itemData(index).toInt())); });
    connect(m_encodingComboBox, &QComboBox::activated, this,
            [this] { showPreview(static_cast<ImportKind>(m_previewComboBox->currentData().toInt())); });
    m_previewLabel = new QLabel;
    m_previewLabel->setObjectName(QStringLiteral("previewLabel"));
    m_previewLabel->setWordWrap(true);
    m_previewTable = new QTableWidget;
    m_previewTable->setObjectName(QStringLiteral("previewTableWidget"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->horizontalHeader()->setDefaultSectionSize(120);
    previewLayout->addWidget(m_previewComboBox);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_previewTable, 1);
    layout->addWidget(previewBox, 2);

    auto* resultBox = new QGroupBox(tr("3. Check and import (all or nothing)"));
    auto* resultLayout = new QVBoxLayout(resultBox);
    m_problemList = new QListWidget;
    m_problemList->setObjectName(QStringLiteral("problemListWidget"));
    m_progressBar = new QProgressBar;
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setValue(0);
    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    resultLayout->addWidget(m_problemList, 1);
    resultLayout->addWidget(m_progressBar);
    resultLayout->addWidget(m_statusLabel);
    layout->addWidget(resultBox, 1);

    auto* buttons = new QDialogButtonBox;
    m_checkButton = buttons->addButton(tr("Check only"), QDialogButtonBox::ActionRole);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_cancelButton = buttons->addButton(tr("Cancel import"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    connect(m_checkButton, &QPushButton::clicked, this, [this] { runImport(true); });
    connect(m_importButton, &QPushButton::clicked, this, [this] { runImport(false); });
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportWizard::requestCancel);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void ImportWizard::setFile(ImportKind kind, const QString& path)
{
    m_fileEdits[static_cast<std::size_t>(kind)]->setText(path);
    showPreview(kind);
}

QString ImportWizard::file(ImportKind kind) const
{
    return m_fileEdits[static_cast<std::size_t>(kind)]->text().trimmed();
}

CsvEncoding ImportWizard::encoding() const
{
    return static_cast<CsvEncoding>(m_encodingComboBox->currentData().toInt());
}

void ImportWizard::chooseFile(ImportKind kind)
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose the %1 file").arg(importKindName(kind)),
        file(kind).isEmpty() ? QDir::homePath() : QFileInfo(file(kind)).path(), tr("CSV files (*.csv *.txt)"));
    if (!path.isEmpty())
        setFile(kind, path);
}

void ImportWizard::showPreview(ImportKind kind)
{
    m_previewComboBox->setCurrentIndex(m_previewComboBox->findData(static_cast<int>(kind)));
    m_previewTable->clear();
    m_previewTable->setRowCount(0);
    m_previewTable->setColumnCount(0);
    const QString path = file(kind);
    if (path.isEmpty()) {
        m_previewLabel->setText(tr("No %1 file chosen.").arg(importKindName(kind)));
        return;
    }
    try {
        const ImportPreview p = CsvImport::preview(kind, path, encoding());
        QStringList ignored;
        QStringList headers;
        for (qsizetype i = 0; i < p.header.size(); ++i) {
            const QString key = p.mappedKeys.value(i);
            if (key.isEmpty())
                ignored << p.header[i];
            headers << (key.isEmpty() ? tr("%1 → (ignored)").arg(p.header[i])
                                      : QStringLiteral("%1 → %2").arg(p.header[i], key));
        }
        QString text =
            tr("Read as %1. %n column(s) recognised.", nullptr, static_cast<int>(p.header.size() - ignored.size()))
                .arg(p.encodingName);
        if (!ignored.isEmpty())
            text += QLatin1Char(' ') + tr("Ignored: %1.").arg(ignored.join(QStringLiteral(", ")));
        if (!p.missingColumns.isEmpty())
            text +=
                QLatin1Char(' ') + tr("Missing required columns: %1.").arg(p.missingColumns.join(QStringLiteral(", ")));
        m_previewLabel->setText(text);
        m_previewTable->setColumnCount(static_cast<int>(headers.size()));
        m_previewTable->setHorizontalHeaderLabels(headers);
        m_previewTable->setRowCount(static_cast<int>(p.rows.size()));
        for (qsizetype r = 0; r < p.rows.size(); ++r) {
            for (qsizetype c = 0; c < p.rows[r].size() && c < headers.size(); ++c)
                m_previewTable->setItem(static_cast<int>(r), static_cast<int>(c), new QTableWidgetItem(p.rows[r][c]));
        }
    } catch (const Error& e) {
        m_previewLabel->setText(e.message());
    }
}

void ImportWizard::setRunning(bool running)
{
    m_running = running;
    m_checkButton->setEnabled(!running);
    m_importButton->setEnabled(!running);
    m_closeButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    for (QLineEdit* e : m_fileEdits)
        e->setEnabled(!running);
}

ImportResult ImportWizard::runImport(bool dryRun)
{
    ImportFiles files;
    files.encoding = encoding();
    for (ImportKind k : kAllImportKinds)
        files[k] = file(k);
    m_problemList->clear();
    m_progressBar->setValue(0);
    m_cancelRequested = false;
    setRunning(true);
    m_statusLabel->setText(tr("Checking every row…"));
    ImportResult result;
    try {
        result = CsvImport::run(m_db, m_actor, files, dryRun, [this](qint64 done, qint64 total) {
            m_progressBar->setValue(total > 0 ? static_cast<int>(100 * done / total) : 100);
            if (2 * done > total)
                m_statusLabel->setText(tr("Writing…"));
            QApplication::processEvents();
            return !m_cancelRequested;
        });
    } catch (const Error& e) {
        setRunning(false);
        m_statusLabel->setText(e.message());
        result.problems.append({QString(), 0, QString(), QString(), e.message()});
        return result;
    }
    setRunning(false);
    if (result.cancelled) {
        m_progressBar->setValue(0);
        m_statusLabel->setText(tr("Cancelled. Nothing was imported; the database is as it was."));
    } else if (!result.problems.isEmpty()) {
        for (const ImportProblem& p : result.problems)
            m_problemList->addItem(p.toString());
        m_statusLabel->setText(tr("Nothing was imported: %n problem(s) found. Correct the files and try again.",
                                  nullptr, static_cast<int>(result.problems.size())));
    } else {
        m_progressBar->setValue(100);
        for (const QString& n : result.notices)
            m_problemList->addItem(n);
        m_statusLabel->setText(result.summary());
        if (result.written)
            emit imported();
    }
    return result;
}

QStringList ImportWizard::saveTemplates(const QString& dir)
{
    const QStringList paths = CsvImport::writeTemplates(dir);
    m_statusLabel->setText(tr("Template files saved in %1.").arg(QDir::toNativeSeparators(dir)));
    return paths;
}

void ImportWizard::chooseTemplateFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Save the template files in"), QDir::homePath());
    if (dir.isEmpty())
        return;
    try {
        saveTemplates(dir);
    } catch (const Error& e) {
        m_statusLabel->setText(e.message());
    }
}

} // namespace yg
