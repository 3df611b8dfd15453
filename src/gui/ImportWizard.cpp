#include "ImportWizard.h"

#include "ui_ImportWizard.h"
#include "util/Error.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <spdlog/spdlog.h>

namespace yg {

ImportWizard::ImportWizard(Database& db, const Cadre& actor, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ImportWizard>()), m_db(db), m_actor(actor)
{
    m_ui->setupUi(this);
    m_fileEdits = {m_ui->cadresLineEdit, m_ui->enterprisesLineEdit, m_ui->visitsLineEdit, m_ui->issuesLineEdit};
    const std::array<QLabel*, 4> labels{m_ui->cadresLabel, m_ui->enterprisesLabel, m_ui->visitsLabel,
                                        m_ui->issuesLabel};
    const std::array<QPushButton*, 4> choose{m_ui->cadresChooseButton, m_ui->enterprisesChooseButton,
                                             m_ui->visitsChooseButton, m_ui->issuesChooseButton};
    for (ImportKind k : kAllImportKinds) {
        const auto i = static_cast<std::size_t>(k);
        labels[i]->setText(importKindName(k));
        connect(choose[i], &QPushButton::clicked, this, [this, k] { chooseFile(k); });
        connect(m_fileEdits[i], &QLineEdit::editingFinished, this, [this, k] { showPreview(k); });
        m_ui->previewComboBox->addItem(importKindName(k), static_cast<int>(k));
    }
    m_ui->encodingComboBox->addItem(tr("Detect (UTF-8 or GB18030)"), static_cast<int>(CsvEncoding::Auto));
    m_ui->encodingComboBox->addItem(QStringLiteral("UTF-8"), static_cast<int>(CsvEncoding::Utf8));
    m_ui->encodingComboBox->addItem(QStringLiteral("GB18030 / GBK"), static_cast<int>(CsvEncoding::Gb18030));
    connect(m_ui->templatesButton, &QPushButton::clicked, this, &ImportWizard::chooseTemplateFolder);
    connect(m_ui->previewComboBox, &QComboBox::activated, this, [this](int index) {
        showPreview(static_cast<ImportKind>(m_ui->previewComboBox->itemData(index).toInt()));
    });
    connect(m_ui->encodingComboBox, &QComboBox::activated, this,
            [this] { showPreview(static_cast<ImportKind>(m_ui->previewComboBox->currentData().toInt())); });
    connect(m_ui->checkButton, &QPushButton::clicked, this, [this] { runImport(true); });
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { runImport(false); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ImportWizard::requestCancel);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::reject);
}

ImportWizard::~ImportWizard() = default;

QTableWidget* ImportWizard::previewTable() const
{
    return m_ui->previewTableWidget;
}

QLabel* ImportWizard::previewLabel() const
{
    return m_ui->previewLabel;
}

QListWidget* ImportWizard::problemList() const
{
    return m_ui->problemListWidget;
}

QProgressBar* ImportWizard::progressBar() const
{
    return m_ui->progressBar;
}

QLabel* ImportWizard::statusLabel() const
{
    return m_ui->statusLabel;
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
    return static_cast<CsvEncoding>(m_ui->encodingComboBox->currentData().toInt());
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
    m_ui->previewComboBox->setCurrentIndex(m_ui->previewComboBox->findData(static_cast<int>(kind)));
    m_ui->previewTableWidget->clear();
    m_ui->previewTableWidget->setRowCount(0);
    m_ui->previewTableWidget->setColumnCount(0);
    const QString path = file(kind);
    if (path.isEmpty()) {
        m_ui->previewLabel->setText(tr("No %1 file chosen.").arg(importKindName(kind)));
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
        m_ui->previewLabel->setText(text);
        m_ui->previewTableWidget->setColumnCount(static_cast<int>(headers.size()));
        m_ui->previewTableWidget->setHorizontalHeaderLabels(headers);
        m_ui->previewTableWidget->setRowCount(static_cast<int>(p.rows.size()));
        for (qsizetype r = 0; r < p.rows.size(); ++r) {
            for (qsizetype c = 0; c < p.rows[r].size() && c < headers.size(); ++c)
                m_ui->previewTableWidget->setItem(static_cast<int>(r), static_cast<int>(c),
                                                  new QTableWidgetItem(p.rows[r][c]));
        }
    } catch (const Error& e) {
        m_ui->previewLabel->setText(e.message());
    }
}

void ImportWizard::reject()
{
    if (m_running) {
        requestCancel();
        return;
    }
    QDialog::reject();
}

void ImportWizard::setRunning(bool running)
{
    m_running = running;
    m_ui->checkButton->setEnabled(!running);
    m_ui->importButton->setEnabled(!running);
    m_ui->closeButton->setEnabled(!running);
    m_ui->cancelButton->setEnabled(running);
    for (QLineEdit* e : m_fileEdits)
        e->setEnabled(!running);
}

ImportResult ImportWizard::runImport(bool dryRun)
{
    ImportFiles files;
    files.encoding = encoding();
    for (ImportKind k : kAllImportKinds)
        files[k] = file(k);
    m_ui->problemListWidget->clear();
    m_ui->progressBar->setValue(0);
    m_cancelRequested = false;
    setRunning(true);
    m_ui->statusLabel->setText(tr("Checking every row…"));
    ImportResult result;
    try {
        result = CsvImport::run(m_db, m_actor, files, dryRun, [this](qint64 done, qint64 total) {
            if (total > 0 && done >= total) {
                // Every row is written; a large file's indexes and search are being rebuilt
                // (tens of seconds at province scale): a moving bar, not a stuck 100 %.
                m_ui->progressBar->setRange(0, 0);
                m_ui->statusLabel->setText(tr("Every row is written; rebuilding the indexes and the search…"));
            } else {
                m_ui->progressBar->setValue(total > 0 ? static_cast<int>(100 * done / total) : 100);
                if (2 * done > total)
                    m_ui->statusLabel->setText(tr("Writing…"));
            }
            QApplication::processEvents();
            return !m_cancelRequested;
        });
    } catch (const Error& e) {
        m_ui->progressBar->setRange(0, 100);
        setRunning(false);
        m_ui->statusLabel->setText(e.message());
        result.problems.append({QString(), 0, QString(), QString(), e.message()});
        return result;
    }
    m_ui->progressBar->setRange(0, 100);
    setRunning(false);
    if (result.cancelled) {
        m_ui->progressBar->setValue(0);
        m_ui->statusLabel->setText(tr("Cancelled. Nothing was imported; the database is as it was."));
    } else if (!result.problems.isEmpty()) {
        m_ui->progressBar->setValue(0);
        for (const ImportProblem& p : result.problems)
            m_ui->problemListWidget->addItem(p.toString());
        m_ui->statusLabel->setText(tr("Nothing was imported: %n problem(s) found. Correct the files and try again.",
                                      nullptr, static_cast<int>(result.problems.size())));
    } else {
        m_ui->progressBar->setValue(100);
        for (const QString& n : result.notices)
            m_ui->problemListWidget->addItem(n);
        m_ui->statusLabel->setText(result.summary());
        if (result.written)
            emit imported();
    }
    return result;
}

QStringList ImportWizard::saveTemplates(const QString& dir)
{
    const QStringList paths = CsvImport::writeTemplates(dir);
    m_ui->statusLabel->setText(tr("Template files saved in %1.").arg(QDir::toNativeSeparators(dir)));
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
        m_ui->statusLabel->setText(e.message());
    }
}

} // namespace yg
