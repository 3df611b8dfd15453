#include "QuarterlyAnalysisView.h"

#include "ui_QuarterlyAnalysisView.h"

#include "domain/Period.h"
#include "render/ReportPdf.h"
#include "services/EvaluationService.h"
#include "services/Permissions.h"
#include "services/ReportService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/EvaluationRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitQueries.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

QString quarterOf(QDate d)
{
    return Period::quarter(d.year(), (d.month() - 1) / 3 + 1).toString();
}

QString paragraphs(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

} // namespace

QuarterlyAnalysisView::QuarterlyAnalysisView(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::QuarterlyAnalysisView>()), m_db(db)
{
    m_ui->setupUi(this);
    if (auto actor = CadreRepository(m_db).cadre(actorId))
        m_actor = *actor;
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one worker thread, one read-only connection for the page's life
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->problemLabel->setStyleSheet(QStringLiteral("color: #b03a2e;"));

    // Who writes what: cadres and supervisors their own reflections, staff the town assessments.
    const bool reflects = m_actor.role == Role::Cadre || m_actor.role == Role::Supervisor;
    m_ui->reflectionGroupBox->setVisible(reflects);
    m_ui->assessmentGroupBox->setVisible(Permissions::can(m_actor.role, Capability::QuarterlyAnalysis));
    m_ui->exportButton->setVisible(Permissions::can(m_actor.role, Capability::ExportReports));
    m_ui->exportButton->setEnabled(false);

    populate();
    connect(&m_watcher, &QFutureWatcher<Built>::finished, this, &QuarterlyAnalysisView::present);
    auto subjectChanged = [this] {
        if (quarter() == m_shownQuarter && townId() == m_shownTown)
            return;
        if (!confirmLeavingEdits()) {
            setSubject(m_shownQuarter, m_shownTown);
            return;
        }
        refresh();
    };
    connect(m_ui->quarterComboBox, &QComboBox::currentIndexChanged, this, subjectChanged);
    connect(m_ui->townComboBox, &QComboBox::currentIndexChanged, this, subjectChanged);
    connect(m_ui->reflectionEdit, &QPlainTextEdit::textChanged, this, &QuarterlyAnalysisView::updateButtons);
    connect(m_ui->assessmentEdit, &QPlainTextEdit::textChanged, this, &QuarterlyAnalysisView::updateButtons);
    connect(m_ui->saveReflectionButton, &QPushButton::clicked, this, &QuarterlyAnalysisView::saveReflection);
    connect(m_ui->saveAssessmentButton, &QPushButton::clicked, this, &QuarterlyAnalysisView::saveAssessment);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &QuarterlyAnalysisView::chooseExportFile);
    retranslate();
    refresh();
}

QuarterlyAnalysisView::~QuarterlyAnalysisView()
{
    m_watcher.waitForFinished();
}

void QuarterlyAnalysisView::populate()
{
    // Quarters from the first of the union's method (2023) to today's, newest first; the one
    // shown first is the quarter of the latest visit (a demo or archive database ends earlier).
    const QDate today = Clock::today();
    const QDate latest = VisitQueries(m_db).latestVisitDate();
    const int firstYear = std::min(2023, latest.isValid() ? latest.year() : 2023);
    QSignalBlocker blockQuarters(m_ui->quarterComboBox);
    for (int year = today.year(); year >= firstYear; --year) {
        for (int n = 4; n >= 1; --n) {
            const Period p = Period::quarter(year, n);
            if (p.first() <= today)
                m_ui->quarterComboBox->addItem(p.toString());
        }
    }
    m_ui->quarterComboBox->setCurrentText(quarterOf(latest.isValid() ? latest : today));

    // Every town; the person's own towns (挂联镇街) first.
    QSignalBlocker blockTowns(m_ui->townComboBox);
    const QList<RowId> own = m_actor.townIds;
    QList<Town> towns = ReferenceRepository(m_db).towns();
    std::stable_sort(towns.begin(), towns.end(),
                     [&](const Town& a, const Town& b) { return own.contains(a.meta.id) > own.contains(b.meta.id); });
    for (const Town& t : towns)
        m_ui->townComboBox->addItem(t.name, t.meta.id);
}

bool QuarterlyAnalysisView::setSubject(const QString& quarterText, RowId town)
{
    const int q = m_ui->quarterComboBox->findText(quarterText);
    const int t = m_ui->townComboBox->findData(town);
    if (q < 0 || t < 0)
        return false;
    {
        QSignalBlocker a(m_ui->quarterComboBox);
        QSignalBlocker b(m_ui->townComboBox);
        m_ui->quarterComboBox->setCurrentIndex(q);
        m_ui->townComboBox->setCurrentIndex(t);
    }
    if (quarterText != m_shownQuarter || town != m_shownTown)
        refresh();
    return true;
}

QString QuarterlyAnalysisView::quarter() const
{
    return m_ui->quarterComboBox->currentText();
}

RowId QuarterlyAnalysisView::townId() const
{
    return m_ui->townComboBox->currentData().toLongLong();
}

void QuarterlyAnalysisView::refresh()
{
    m_shownQuarter = quarter();
    m_shownTown = townId();
    retranslate();
    loadTexts();
    const auto period = Period::parse(m_shownQuarter);
    if (!period || m_shownTown == 0) {
        showProblem(tr("There is no town to analyse yet: add towns to the reference lists first."));
        return;
    }
    if (m_watcher.isRunning()) {
        // The running build finishes first; present() starts the one asked for now.
        return;
    }
    m_document.reset();
    m_ui->exportButton->setEnabled(false);
    m_ui->problemLabel->setStyleSheet(QString());
    m_ui->problemLabel->setText(tr("Counting the quarter…"));
    Database* db = &m_db;
    const Cadre actor = m_actor;
    const RowId town = m_shownTown;
    const Period quarterPeriod = *period;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, [db, actor, quarterPeriod, town] {
        Built built;
        built.quarter = quarterPeriod.toString();
        built.town = town;
        try {
            built.document = ReportService(*db).quarterlyAnalysis(actor, quarterPeriod, town);
        } catch (const Error& e) {
            built.error = e.message();
        } catch (const std::exception& e) {
            spdlog::error("quarterly analysis failed: {}", e.what());
            built.error = QCoreApplication::translate("yg::QuarterlyAnalysisView",
                                                      "The figures could not be counted; the log file says why.");
        }
        return built;
    }));
}

bool QuarterlyAnalysisView::waitForFigures(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_watcher.isRunning() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QCoreApplication::processEvents();
    return !m_watcher.isRunning();
}

void QuarterlyAnalysisView::present()
{
    const Built built = m_watcher.result();
    if (built.quarter != m_shownQuarter || built.town != m_shownTown) {
        refresh(); // the subject changed while counting
        return;
    }
    if (!built.document) {
        showProblem(built.error);
        return;
    }
    m_document = built.document;
    spdlog::info("quarterly analysis shown: quarter {} town {}", m_shownQuarter.toStdString(), m_shownTown);
    m_ui->problemLabel->clear();
    ReportDocument figures = *m_document;
    figures.texts.clear(); // the texts are beside the figures, in their editors
    m_ui->figuresBrowser->setHtml(ReportPaper(figures).html());
    m_ui->exportButton->setEnabled(true);
}

void QuarterlyAnalysisView::loadTexts()
{
    EvaluationRepository notes(m_db);
    const auto reflection = m_actor.meta.id
                                ? notes.quarterlyNote(m_shownQuarter, QuarterlyNoteKind::Reflection, m_actor.meta.id)
                                : std::nullopt;
    const auto assessment = m_actor.meta.id ? notes.quarterlyNote(m_shownQuarter, QuarterlyNoteKind::TownAssessment,
                                                                  m_actor.meta.id, m_shownTown)
                                            : std::nullopt;
    m_savedReflection = reflection ? reflection->body : QString();
    m_savedAssessment = assessment ? assessment->body : QString();
    {
        QSignalBlocker a(m_ui->reflectionEdit);
        QSignalBlocker b(m_ui->assessmentEdit);
        m_ui->reflectionEdit->setPlainText(m_savedReflection);
        m_ui->assessmentEdit->setPlainText(m_savedAssessment);
    }
    auto state = [](const std::optional<QuarterlyNote>& n) {
        return n ? tr("Saved %1").arg(QLocale().toString(n->meta.updatedAt.toLocalTime(), QLocale::ShortFormat))
                 : tr("Not written yet.");
    };
    m_ui->reflectionStateLabel->setText(state(reflection));
    m_ui->assessmentStateLabel->setText(state(assessment));

    // Colleagues' texts: the town's assessments and the reflections of cadres linked to the town.
    CadreRepository cadres(m_db);
    QString html;
    int shown = 0;
    for (const QuarterlyNote& n : notes.quarterlyNotes(m_shownQuarter, m_shownTown)) {
        if (n.authorId == m_actor.meta.id)
            continue;
        const auto author = cadres.cadre(n.authorId);
        const QString who = author ? author->name.toHtmlEscaped() : QString();
        const QString what =
            n.kind == QuarterlyNoteKind::TownAssessment ? tr("Assessment of the town") : tr("Reflections");
        html += QStringLiteral("<p><b>%1</b> — %2<br/>%3</p>").arg(what.toHtmlEscaped(), who, paragraphs(n.body));
        ++shown;
    }
    if (shown == 0)
        html = QStringLiteral("<p style=\"color:#666\">%1</p>")
                   .arg(tr("No one else has written about this town for this quarter yet.").toHtmlEscaped());
    m_ui->othersBrowser->setHtml(html);
    updateButtons();
}

void QuarterlyAnalysisView::updateButtons()
{
    const QString reflection = m_ui->reflectionEdit->toPlainText();
    const QString assessment = m_ui->assessmentEdit->toPlainText();
    m_ui->saveReflectionButton->setEnabled(reflection.trimmed() != m_savedReflection.trimmed() &&
                                           !reflection.trimmed().isEmpty());
    m_ui->saveAssessmentButton->setEnabled(assessment.trimmed() != m_savedAssessment.trimmed() &&
                                           !assessment.trimmed().isEmpty());
}

bool QuarterlyAnalysisView::confirmLeavingEdits()
{
    const bool reflectionDirty = m_ui->reflectionGroupBox->isVisibleTo(this) &&
                                 m_ui->reflectionEdit->toPlainText().trimmed() != m_savedReflection.trimmed();
    const bool assessmentDirty = m_ui->assessmentGroupBox->isVisibleTo(this) &&
                                 m_ui->assessmentEdit->toPlainText().trimmed() != m_savedAssessment.trimmed();
    if (!reflectionDirty && !assessmentDirty)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved text"),
        tr("What you wrote for %1 is not saved. Save it before showing another quarter or town?").arg(m_shownQuarter),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Discard)
        return true;
    bool ok = true;
    if (reflectionDirty && !m_ui->reflectionEdit->toPlainText().trimmed().isEmpty())
        ok = saveReflection() && ok;
    if (assessmentDirty && !m_ui->assessmentEdit->toPlainText().trimmed().isEmpty())
        ok = saveAssessment() && ok;
    return ok;
}

bool QuarterlyAnalysisView::saveReflection()
{
    const QString text = m_ui->reflectionEdit->toPlainText();
    if (text.trimmed().isEmpty()) {
        showProblem(tr("Write your reflections before saving."));
        return false;
    }
    try {
        EvaluationService(m_db).saveReflection(m_actor, m_shownQuarter, text);
    } catch (const Error& e) {
        showProblem(e.message());
        return false;
    }
    spdlog::info("quarterly reflection saved: quarter {}", m_shownQuarter.toStdString());
    refresh(); // the quarterly report carries the texts
    return true;
}

bool QuarterlyAnalysisView::saveAssessment()
{
    const QString text = m_ui->assessmentEdit->toPlainText();
    if (text.trimmed().isEmpty()) {
        showProblem(tr("Write the assessment before saving."));
        return false;
    }
    try {
        EvaluationService(m_db).saveTownAssessment(m_actor, m_shownQuarter, m_shownTown, text);
    } catch (const Error& e) {
        showProblem(e.message());
        return false;
    }
    spdlog::info("town assessment saved: quarter {} town {}", m_shownQuarter.toStdString(), m_shownTown);
    refresh();
    return true;
}

bool QuarterlyAnalysisView::exportTo(const QString& path)
{
    if (const QString why = Permissions::refusal(m_actor, Capability::ExportReports); !why.isEmpty()) {
        showProblem(why);
        return false;
    }
    if (!m_document)
        return false;
    try {
        writeDocumentFile(*m_document, path);
    } catch (const Error& e) {
        showProblem(e.message());
        return false;
    }
    spdlog::info("quarterly report exported");
    m_ui->problemLabel->setStyleSheet(QString());
    m_ui->problemLabel->setText(tr("Written: %1").arg(path));
    return true;
}

void QuarterlyAnalysisView::chooseExportFile()
{
    if (!m_document)
        return;
    const QString name = QStringLiteral("%1-%2.pdf").arg(m_shownQuarter, m_ui->townComboBox->currentText());
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export quarterly report"), name,
        tr("PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, one file per table (*.csv);;JSON (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

void QuarterlyAnalysisView::showProblem(const QString& text)
{
    m_ui->problemLabel->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    m_ui->problemLabel->setText(text);
}

void QuarterlyAnalysisView::retranslate()
{
    m_ui->assessmentGroupBox->setTitle(tr("My assessment of %1").arg(m_ui->townComboBox->currentText()));
    m_ui->reflectionGroupBox->setTitle(tr("My reflections for %1 (心得)").arg(quarter()));
}

void QuarterlyAnalysisView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        if (!m_watcher.isRunning() && !m_shownQuarter.isEmpty())
            refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace yg
