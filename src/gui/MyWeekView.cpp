#include "MyWeekView.h"
#include "ui_MyWeekView.h"

#include "IssueTableModel.h"
#include "reporting/WeeklyJournal.h"
#include "services/AdminService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/WeekQueries.h"
#include "util/AppPaths.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <spdlog/spdlog.h>

namespace yg {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

MyWeekView::MyWeekView(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::MyWeekView>()), m_db(db), m_actorId(actorId),
      m_week(IsoWeek::of(Clock::today()))
{
    m_ui->setupUi(this);
    const auto me = CadreRepository(db).cadre(actorId);
    m_issueModel = new IssueTableModel(db, me.value_or(Cadre{}), this);
    IssueFilter filter;
    filter.ownerId = actorId;
    filter.openOnly = true;
    filter.byDueDate = true;
    m_issueModel->setFilter(filter);
    m_ui->issueTableView->setModel(m_issueModel);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Number, 90);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Title, 200);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Enterprise, 200);
    for (int c : {IssueTableModel::Town, IssueTableModel::Owner, IssueTableModel::Category})
        m_ui->issueTableView->setColumnHidden(c, true);
    // Due date and escalation right after the number: they are what this list is for.
    QHeaderView* header = m_ui->issueTableView->horizontalHeader();
    header->moveSection(header->visualIndex(IssueTableModel::Due), 1);
    header->moveSection(header->visualIndex(IssueTableModel::Level), 2);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Due, 95);
    m_ui->issueTableView->setColumnWidth(IssueTableModel::Level, 80);
    m_ui->weekSplitter->setStretchFactor(0, 3);
    m_ui->weekSplitter->setStretchFactor(1, 2);
    for (QTableWidget* t : {m_ui->visitsTableWidget, m_ui->dueTableWidget})
        t->setColumnCount(3);

    connect(m_ui->previousWeekButton, &QToolButton::clicked, this,
            [this] { setWeek(IsoWeek::of(m_week.monday().addDays(-7))); });
    connect(m_ui->nextWeekButton, &QToolButton::clicked, this,
            [this] { setWeek(IsoWeek::of(m_week.monday().addDays(7))); });
    connect(m_ui->thisWeekButton, &QPushButton::clicked, this, [this] { setWeek(IsoWeek::of(Clock::today())); });
    connect(m_ui->weekDateEdit, &QDateEdit::userDateChanged, this, [this](QDate date) { setWeek(IsoWeek::of(date)); });
    connect(m_ui->regenerateButton, &QPushButton::clicked, this, [this] {
        m_journalTimer.stop();
        m_journalDirty = false;
        QFile::remove(editedJournalPath(m_week));
        composeJournal();
    });
    m_journalTimer.setSingleShot(true);
    m_journalTimer.setInterval(2000);
    connect(&m_journalTimer, &QTimer::timeout, this, &MyWeekView::saveEditedJournal);
    connect(m_ui->printButton, &QPushButton::clicked, this, &MyWeekView::printJournal);
    connect(m_ui->exportPdfButton, &QPushButton::clicked, this, &MyWeekView::exportPdfInteractively);
    connect(m_ui->journalTextEdit, &QPlainTextEdit::textChanged, this, &MyWeekView::journalEdited);
    connect(m_ui->issueTableView, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        emit openIssueRequested(index.data(IssueTableModel::IdRole).toLongLong());
    });
    connect(m_ui->visitsTableWidget, &QTableWidget::cellActivated, this, [this](int row, int) {
        emit openVisitRequested(m_ui->visitsTableWidget->item(row, 0)->data(kIdRole).toLongLong());
    });
    connect(m_ui->dueTableWidget, &QTableWidget::cellActivated, this, [this](int row, int) {
        emit openEnterpriseRequested(m_ui->dueTableWidget->item(row, 0)->data(kIdRole).toLongLong());
    });
    connect(m_ui->visitDueButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->dueTableWidget->currentRow();
        emit newVisitRequested(row < 0 ? 0 : m_ui->dueTableWidget->item(row, 0)->data(kIdRole).toLongLong());
    });
    retranslate();
    refresh();
}

MyWeekView::~MyWeekView()
{
    saveEditedJournal();
}

void MyWeekView::setWeek(IsoWeek week)
{
    saveEditedJournal();
    m_week = week;
    refresh();
}

void MyWeekView::retranslate()
{
    m_ui->visitsTableWidget->setHorizontalHeaderLabels({tr("Date"), tr("Enterprise"), tr("Town")});
    m_ui->dueTableWidget->setHorizontalHeaderLabels({tr("Enterprise"), tr("Town"), tr("Last visit")});
}

void MyWeekView::refresh()
{
    const QLocale locale;
    m_ui->weekLabel->setText(tr("Week %1 of %2 · %3 – %4")
                                 .arg(m_week.week)
                                 .arg(m_week.year)
                                 .arg(locale.toString(m_week.monday(), QLocale::ShortFormat),
                                      locale.toString(m_week.sunday(), QLocale::ShortFormat)));
    m_ui->nextWeekButton->setEnabled(m_week.monday() <= Clock::today());
    {
        const QSignalBlocker block(m_ui->weekDateEdit);
        m_ui->weekDateEdit->setMaximumDate(Clock::today());
        m_ui->weekDateEdit->setDate(qMin(m_week.sunday(), Clock::today()));
    }
    m_ui->thisWeekButton->setEnabled(!(m_week == IsoWeek::of(Clock::today())));
    try {
        WeekQueries q(m_db);
        const auto me = CadreRepository(m_db).cadre(m_actorId);
        const int quota = me ? me->weeklyQuota : 0;
        const QList<WeekVisit> visits = q.visits(m_actorId, m_week.monday(), m_week.sunday());
        // The quota counts the visits the cadre recorded (the reports' definition); visits as a
        // companion are listed and told apart in the label.
        const int recorded = static_cast<int>(std::count_if(visits.begin(), visits.end(), [this](const WeekVisit& v) {
            return v.visit.cadreIds.value(0) == m_actorId;
        }));
        m_ui->quotaLabel->setText(tr("Visits: %1 recorded by you (the quota counts these), %2 in all; weekly quota %3")
                                      .arg(recorded)
                                      .arg(visits.size())
                                      .arg(quota));
        m_ui->quotaProgressBar->setRange(0, qMax(quota, 1));
        m_ui->quotaProgressBar->setValue(qMin(recorded, qMax(quota, 1)));
        m_ui->quotaProgressBar->setFormat(QStringLiteral("%1 / %2").arg(recorded).arg(quota));
        // Green once the quota is met; the figure stays readable on both colours.
        m_ui->quotaProgressBar->setStyleSheet(
            QStringLiteral("QProgressBar { text-align: center; font-weight: 600; border: 1px solid palette(mid); "
                           "border-radius: 4px; } QProgressBar::chunk { background: %1; border-radius: 3px; }")
                .arg(quota > 0 && recorded >= quota ? QStringLiteral("#7cc47f") : QStringLiteral("#f0a29c")));

        m_ui->visitsTableWidget->setRowCount(static_cast<int>(visits.size()));
        for (int row = 0; row < visits.size(); ++row) {
            const WeekVisit& v = visits[row];
            auto* date = new QTableWidgetItem(locale.toString(v.visit.date, QLocale::ShortFormat));
            date->setData(kIdRole, v.visit.meta.id);
            m_ui->visitsTableWidget->setItem(row, 0, date);
            m_ui->visitsTableWidget->setItem(row, 1, new QTableWidgetItem(v.enterprise));
            m_ui->visitsTableWidget->setItem(row, 2, new QTableWidgetItem(v.town));
        }
        m_ui->visitsTableWidget->resizeColumnToContents(0);
        m_ui->visitsTableWidget->setColumnWidth(1, 260);

        const int weeks = AdminService(m_db).keyVisitWeeks();
        const QDate since = m_week.sunday().addDays(-7 * weeks);
        const QList<DueKeyEnterprise> due = q.keyEnterprisesDue(m_actorId, since);
        m_ui->dueNoteLabel->setText(tr("Not visited for %1 weeks or more").arg(weeks));
        m_ui->dueTableWidget->setRowCount(static_cast<int>(due.size()));
        for (int row = 0; row < due.size(); ++row) {
            auto* name = new QTableWidgetItem(due[row].name);
            name->setData(kIdRole, due[row].id);
            m_ui->dueTableWidget->setItem(row, 0, name);
            m_ui->dueTableWidget->setItem(row, 1, new QTableWidgetItem(due[row].town));
            m_ui->dueTableWidget->setItem(row, 2,
                                          new QTableWidgetItem(due[row].lastVisit.isValid()
                                                                   ? due[row].lastVisit.toString(Qt::ISODate)
                                                                   : tr("never")));
        }
        m_ui->dueTableWidget->setColumnWidth(0, 260);
        m_ui->visitDueButton->setEnabled(!due.isEmpty());
    } catch (const Error& e) {
        spdlog::error("my week: reading failed: {}", e.what());
    }
    m_issueModel->reload();
    m_ui->issuesGroupBox->setTitle(
        tr("My open issues by due date (%1)").arg(QLocale().toString(m_issueModel->totalCount())));
    composeJournal();
}

void MyWeekView::composeJournal()
{
    saveEditedJournal(); // a refresh must not drop what the cadre just typed
    QString text;
    QFile edited(editedJournalPath(m_week));
    if (edited.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(edited.readAll());
    if (text.isEmpty()) {
        try {
            text = WeeklyJournal::compose(WeeklyJournal::load(m_db, m_actorId, m_week));
        } catch (const Error& e) {
            spdlog::error("my week: composing the journal failed: {}", e.what());
        }
    }
    m_composing = true;
    m_ui->journalTextEdit->setPlainText(text);
    m_composing = false;
}

void MyWeekView::journalEdited()
{
    if (m_composing)
        return;
    m_journalDirty = true;
    if (!m_journalTimer.isActive())
        m_journalTimer.start();
}

QString MyWeekView::editedJournalPath(IsoWeek week) const
{
    const QByteArray key = QFileInfo(m_db.path()).absoluteFilePath().toUtf8();
    const QString db = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
    return QDir(AppPaths::dataDirectory())
        .filePath(QStringLiteral("journals/journal-%1-u%2-%3.txt").arg(db).arg(m_actorId).arg(week.toString()));
}

void MyWeekView::saveEditedJournal()
{
    m_journalTimer.stop();
    if (!m_journalDirty)
        return;
    m_journalDirty = false;
    const QString path = editedJournalPath(m_week);
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(journalText().toUtf8()) < 0 || !file.commit())
        spdlog::error("my week: the edited journal of {} could not be kept", m_week.toString().toStdString());
}

QString MyWeekView::journalText() const
{
    return m_ui->journalTextEdit->toPlainText();
}

std::unique_ptr<QTextDocument> MyWeekView::journalDocument() const
{
    auto doc = std::make_unique<QTextDocument>();
    QFont font(QStringLiteral("Noto Serif CJK SC"));
    font.setStyleHint(QFont::Serif);
    font.setPointSizeF(11.5);
    doc->setDefaultFont(font);
    QTextCursor cursor(doc.get());
    const QStringList paragraphs = journalText().split(QStringLiteral("\n\n"));
    QTextBlockFormat title;
    title.setAlignment(Qt::AlignHCenter);
    title.setBottomMargin(12);
    QTextCharFormat titleChars;
    titleChars.setFontPointSize(16);
    titleChars.setFontWeight(QFont::Bold);
    QTextBlockFormat body;
    body.setLineHeight(150, QTextBlockFormat::ProportionalHeight);
    body.setBottomMargin(8);
    body.setTextIndent(2 * font.pointSizeF() * 1.3);
    QTextCharFormat bodyChars;
    bodyChars.setFontPointSize(11.5);
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            cursor.insertBlock();
        cursor.setBlockFormat(i == 0 ? title : body);
        cursor.setCharFormat(i == 0 ? titleChars : bodyChars);
        cursor.insertText(paragraphs[i]);
    }
    return doc;
}

bool MyWeekView::exportPdf(const QString& path)
{
    // Written to a temporary file and renamed when complete: a crash or a full disk leaves
    // the previous file or none.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("Weekly journal %1").arg(m_week.toString()));
        writer.setCreator(QStringLiteral("YueGong Journal"));
        journalDocument()->print(&writer);
    }
    const bool ok = file.commit();
    spdlog::info("weekly journal {} exported as PDF: {}", m_week.toString().toStdString(), ok ? "ok" : "failed");
    return ok;
}

void MyWeekView::exportPdfInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export weekly journal"), tr("journal-%1.pdf").arg(m_week.toString()), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!exportPdf(path))
        QMessageBox::warning(this, tr("Export weekly journal"), tr("The PDF could not be written to %1.").arg(path));
}

void MyWeekView::printJournal()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print weekly journal"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    journalDocument()->print(&printer);
}

void MyWeekView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace yg
