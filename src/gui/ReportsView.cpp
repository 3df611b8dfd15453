#include "ReportsView.h"

#include "ui_ReportsView.h"

#include "NominationsDialog.h"
#include "render/ReportCharts.h"
#include "render/ReportPdf.h"
#include "services/Permissions.h"
#include "services/ReportService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

enum ScopeKind
{
    ScopeDistrict,
    ScopeGroup,
    ScopeTown,
    ScopeCadre,
    ScopeCategory,
    ScopeDepartment
};

const char* const kScopeKeys[] = {"district", "group", "town", "cadre", "category", "department"};

} // namespace

ReportsView::ReportsView(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ReportsView>()), m_db(db)
{
    m_ui->setupUi(this);
    // One long-lived worker thread: its read-only connection is made once and reused.
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    if (const auto actor = CadreRepository(db).cadre(actorId))
        m_actor = *actor;
    for (const ReportKind k :
         {ReportKind::Summary, ReportKind::Weekly, ReportKind::Monthly, ReportKind::Quarterly, ReportKind::Annual})
        m_ui->kindComboBox->addItem(displayName(k), static_cast<int>(k));
    for (int i = 0; i < 6; ++i)
        m_ui->scopeKindComboBox->addItem(QString(), i);
    m_ui->countingComboBox->addItem(QString(), static_cast<int>(CountingMode::CollectedInPeriod));
    m_ui->countingComboBox->addItem(QString(), static_cast<int>(CountingMode::CumulativeAsOf));
    m_ui->sinceDateEdit->setDate(QDate(2023, 4, 1));
    m_ui->sinceDateEdit->setVisible(false);
    m_ui->periodLineEdit->setText(QString::number(Clock::today().year()));
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({640, 560});
    retranslate();

    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, &ReportsView::validate);
    connect(m_ui->periodLineEdit, &QLineEdit::textChanged, this, &ReportsView::validate);
    connect(m_ui->scopeKindComboBox, &QComboBox::currentIndexChanged, this, [this] {
        populateScopes();
        validate();
    });
    connect(m_ui->scopeComboBox, &QComboBox::currentIndexChanged, this, &ReportsView::validate);
    connect(m_ui->countingComboBox, &QComboBox::currentIndexChanged, this, [this] {
        m_ui->sinceDateEdit->setVisible(m_ui->countingComboBox->currentData().toInt() ==
                                        static_cast<int>(CountingMode::CumulativeAsOf));
    });
    connect(m_ui->showButton, &QPushButton::clicked, this, &ReportsView::showReport);
    connect(&m_watcher, &QFutureWatcher<Built>::finished, this, &ReportsView::present);
    connect(m_ui->periodLineEdit, &QLineEdit::returnPressed, this, &ReportsView::showReport);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ReportsView::chooseExportFile);
    connect(m_ui->printButton, &QPushButton::clicked, this, &ReportsView::print);
    connect(m_ui->nominationsButton, &QPushButton::clicked, this, &ReportsView::openNominations);

    const bool allowed = Permissions::can(m_actor.role, Capability::ExportReports);
    m_ui->nominationsButton->setVisible(Permissions::can(m_actor.role, Capability::Nominations));
    for (QWidget* w : {static_cast<QWidget*>(m_ui->kindComboBox), static_cast<QWidget*>(m_ui->periodLineEdit),
                       static_cast<QWidget*>(m_ui->scopeKindComboBox), static_cast<QWidget*>(m_ui->scopeComboBox),
                       static_cast<QWidget*>(m_ui->countingComboBox)})
        w->setEnabled(allowed);
    populateScopes();
    validate();
    if (!allowed) {
        m_problem = Permissions::refusal(m_actor, Capability::ExportReports);
        m_ui->problemLabel->setText(m_problem);
        m_ui->showButton->setEnabled(false);
    }
    m_ui->exportButton->setEnabled(false);
    m_ui->printButton->setEnabled(false);
}

ReportsView::~ReportsView()
{
    // The worker reads through this view's database: let it finish before the window goes.
    m_watcher.waitForFinished();
}

void ReportsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        for (int i = 0; i < m_ui->kindComboBox->count(); ++i)
            m_ui->kindComboBox->setItemText(
                i, displayName(static_cast<ReportKind>(m_ui->kindComboBox->itemData(i).toInt())));
        validate();
    }
    QWidget::changeEvent(event);
}

void ReportsView::retranslate()
{
    const QStringList scopes{tr("District"), tr("Group"), tr("Town"), tr("Cadre"), tr("Category"), tr("Department")};
    for (int i = 0; i < scopes.size(); ++i)
        m_ui->scopeKindComboBox->setItemText(i, scopes[i]);
    m_ui->countingComboBox->setItemText(0, tr("Collected in the period, state now"));
    m_ui->countingComboBox->setItemText(1, tr("Cumulative since a date"));
}

void ReportsView::populateScopes()
{
    const int kind = m_ui->scopeKindComboBox->currentData().toInt();
    QSignalBlocker block(m_ui->scopeComboBox);
    m_ui->scopeComboBox->clear();
    ReferenceRepository refs(m_db);
    switch (kind) {
    case ScopeGroup:
        for (const CadreGroup& g : CadreRepository(m_db).groups())
            m_ui->scopeComboBox->addItem(g.name);
        break;
    case ScopeTown:
        for (const Town& t : refs.towns())
            m_ui->scopeComboBox->addItem(t.name);
        break;
    case ScopeCadre:
        for (const Cadre& c : CadreRepository(m_db).cadres()) {
            if (c.role == Role::Cadre)
                m_ui->scopeComboBox->addItem(c.name);
        }
        break;
    case ScopeCategory:
        for (const Category& c : refs.categories())
            m_ui->scopeComboBox->addItem(c.name);
        break;
    case ScopeDepartment:
        for (const Department& d : refs.departments())
            m_ui->scopeComboBox->addItem(d.name);
        break;
    default:
        break;
    }
    m_ui->scopeComboBox->setEnabled(kind != ScopeDistrict && m_ui->scopeKindComboBox->isEnabled());
}

std::optional<ReportRequest> ReportsView::request(QString* why) const
{
    ReportRequest r;
    const auto period = Period::parse(m_ui->periodLineEdit->text().trimmed(), why);
    if (!period)
        return std::nullopt;
    r.period = *period;
    r.mode = static_cast<CountingMode>(m_ui->countingComboBox->currentData().toInt());
    r.cumulativeStart = m_ui->sinceDateEdit->date();
    const int kind = m_ui->scopeKindComboBox->currentData().toInt();
    const QString scope = kind == ScopeDistrict
                              ? QStringLiteral("district")
                              : QLatin1String(kScopeKeys[kind]) + QLatin1Char('=') + m_ui->scopeComboBox->currentText();
    try {
        r.scope = ReportEngine::parseScope(m_db, scope, &r.scopeLabel);
    } catch (const Error& e) {
        *why = e.message();
        return std::nullopt;
    }
    const auto reportKind = static_cast<ReportKind>(m_ui->kindComboBox->currentData().toInt());
    *why = ReportService(m_db).refusal(m_actor, reportKind, r);
    if (!why->isEmpty())
        return std::nullopt;
    return r;
}

void ReportsView::validate()
{
    if (!Permissions::can(m_actor.role, Capability::ExportReports))
        return;
    QString why;
    request(&why);
    m_problem = why;
    m_ui->problemLabel->setText(why);
    m_ui->showButton->setEnabled(why.isEmpty());
}

QString ReportsView::problem() const
{
    return m_problem;
}

void ReportsView::setRequest(ReportKind kind, const QString& period, const QString& scope)
{
    m_ui->kindComboBox->setCurrentIndex(m_ui->kindComboBox->findData(static_cast<int>(kind)));
    m_ui->periodLineEdit->setText(period);
    const qsizetype eq = scope.indexOf(QLatin1Char('='));
    const QString key = eq < 0 ? scope : scope.left(eq);
    for (int i = 0; i < 6; ++i) {
        if (key == QLatin1String(kScopeKeys[i]))
            m_ui->scopeKindComboBox->setCurrentIndex(i);
    }
    if (eq >= 0)
        m_ui->scopeComboBox->setCurrentIndex(m_ui->scopeComboBox->findText(scope.mid(eq + 1)));
    validate();
}

bool ReportsView::showReport()
{
    validate();
    QString why;
    const auto r = request(&why);
    if (!r || !Permissions::can(m_actor.role, Capability::ExportReports) || m_watcher.isRunning())
        return false;
    const auto kind = static_cast<ReportKind>(m_ui->kindComboBox->currentData().toInt());
    m_ui->showButton->setEnabled(false);
    m_ui->problemLabel->setText(tr("Building the report…"));
    Database* db = &m_db;
    const ReportRequest request = *r;
    const Cadre actor = m_actor;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [db, actor, kind, request] {
        Built built;
        try {
            built.document = ReportService(*db).build(actor, kind, request);
        } catch (const Error& e) {
            built.error = e.message();
        } catch (const std::exception& e) {
            spdlog::error("report failed: {}", e.what());
            built.error =
                QCoreApplication::translate("yg::ReportsView", "The report could not be built; the log file says why.");
        }
        return built;
    }));
    return true;
}

bool ReportsView::waitForReport(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_watcher.isRunning() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCoreApplication::processEvents();
    return !m_watcher.isRunning();
}

void ReportsView::present()
{
    const Built built = m_watcher.result();
    validate();
    if (!built.document) {
        m_ui->problemLabel->setText(built.error);
        return;
    }
    m_document = built.document;
    spdlog::info("report {} shown ({} tables)", m_document->kind.toStdString(), m_document->tables.size());
    m_ui->problemLabel->clear();
    m_ui->reportBrowser->setHtml(ReportPaper(*m_document).html());
    showCharts();
    m_ui->exportButton->setEnabled(true);
    m_ui->printButton->setEnabled(true);
}

void ReportsView::showCharts()
{
    while (QLayoutItem* item = m_ui->chartLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const ReportChart& c : m_document->charts) {
        if (c.categories.isEmpty())
            continue;
        auto* view = new QChartView(makeChart(c), m_ui->chartContainer);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(chartHeightFor(c, 300));
        m_ui->chartLayout->addWidget(view);
    }
    m_ui->chartLayout->addStretch();
}

bool ReportsView::exportTo(const QString& path)
{
    if (!m_document)
        return false;
    const QString ext = QFileInfo(path).suffix().toLower();
    try {
        writeDocumentFile(*m_document, path);
    } catch (const Error& e) {
        m_ui->problemLabel->setText(e.message());
        return false;
    }
    spdlog::info("report exported as {}", ext.toStdString());
    m_ui->problemLabel->setText(tr("Written: %1").arg(path));
    return true;
}

void ReportsView::chooseExportFile()
{
    if (!m_document)
        return;
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), m_document->kind + QStringLiteral(".pdf"),
        tr("PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, one file per table (*.csv);;JSON (*.json)"), &selected);
    if (!path.isEmpty() && !exportTo(path))
        QMessageBox::warning(this, tr("Export report"), m_ui->problemLabel->text());
}

int ReportsView::printOn(QPagedPaintDevice& device)
{
    if (!m_document)
        return 0;
    return ReportPaper(*m_document).paint(device);
}

void ReportsView::print()
{
    if (!m_document)
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print report"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    try {
        printOn(printer);
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Print report"), e.message());
    }
}

void ReportsView::openNominations()
{
    bool ok = false;
    int year = m_ui->periodLineEdit->text().left(4).toInt(&ok);
    if (!ok)
        year = Clock::today().year();
    NominationsDialog dialog(m_db, m_actor, year, this);
    dialog.exec();
    if (m_document && m_document->kind == QLatin1String("annual"))
        showReport();
}

void ReportsView::refresh()
{
    populateScopes();
    validate();
    if (m_document)
        showReport();
}

} // namespace yg
