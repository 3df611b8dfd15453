#include "BriefingDialog.h"

#include "services/IssueService.h"
#include "storage/EnterpriseRepository.h"
#include "storage/VisitQueries.h"
#include "storage/VisitRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace yg {

BriefingDialog::BriefingDialog(Database& db, const Cadre& actor, const SharedNeedAlert& alert, QWidget* parent)
    : QDialog(parent), m_db(db), m_actor(actor), m_alert(alert)
{
    build();
    const auto enterprises = SharedNeedService(db).enterprisesOf(alert);
    for (const auto& e : enterprises)
        m_host->addItem(e.name, e.id);
    // Only the issues the person may see are linked (SharedNeedService::planBriefing).
    m_invited->setText(tr("Invited: %1 enterprises; linked: %2 issues (%3).")
                           .arg(alert.enterpriseCount())
                           .arg(SharedNeedService(db).issuesOf(actor, alert).size())
                           .arg(alert.wording));
    m_summary->setPlainText(tr("Policy briefing on \"%1\" for the enterprises that raised it.").arg(alert.wording));
    m_pages->setCurrentIndex(0);
}

BriefingDialog::BriefingDialog(Database& db, const Cadre& actor, RowId visitId, QWidget* parent)
    : QDialog(parent), m_db(db), m_actor(actor), m_visitId(visitId)
{
    build();
    showOutcomePage();
}

void BriefingDialog::build()
{
    setObjectName(QStringLiteral("BriefingDialog"));
    setWindowTitle(tr("Policy briefing"));
    auto* layout = new QVBoxLayout(this);
    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages);

    // Page 1: plan.
    auto* planPage = new QWidget(m_pages);
    auto* planLayout = new QVBoxLayout(planPage);
    auto* planForm = new QFormLayout;
    planLayout->addLayout(planForm);
    planLayout->addStretch(1);
    m_date = new QDateEdit(Clock::today(), planPage);
    m_date->setObjectName(QStringLiteral("briefingDateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    planForm->addRow(tr("&Date"), m_date);
    m_host = new QComboBox(planPage);
    m_host->setObjectName(QStringLiteral("hostComboBox"));
    planForm->addRow(tr("&Host enterprise (place)"), m_host);
    auto* cadres = new QLabel(tr("%1, and the colleagues ticked below").arg(m_actor.name), planPage);
    planForm->addRow(tr("Cadres"), cadres);
    m_companions = new QListWidget(planPage);
    m_companions->setObjectName(QStringLiteral("companionsListWidget"));
    m_companions->setMaximumHeight(110);
    for (const auto& [id, name] : VisitQueries(m_db).cadreChoices(IssueService(m_db).visibilityFor(m_actor))) {
        if (id == m_actor.meta.id)
            continue;
        auto* item = new QListWidgetItem(name, m_companions);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    planForm->addRow(QString(), m_companions);
    m_summary = new QPlainTextEdit(planPage);
    m_summary->setObjectName(QStringLiteral("briefingSummaryEdit"));
    m_summary->setMaximumHeight(80);
    planForm->addRow(tr("&Summary"), m_summary);
    m_invited = new QLabel(planPage);
    m_invited->setWordWrap(true);
    planForm->addRow(m_invited);
    m_planButton = new QPushButton(tr("&Plan briefing"), planPage);
    m_planButton->setObjectName(QStringLiteral("planBriefingButton"));
    connect(m_planButton, &QPushButton::clicked, this, &BriefingDialog::plan);
    planForm->addRow(QString(), m_planButton);
    m_pages->addWidget(planPage);

    // Page 2: apply the outcome.
    auto* outcomePage = new QWidget(m_pages);
    auto* outcomeLayout = new QVBoxLayout(outcomePage);
    m_briefingLabel = new QLabel(outcomePage);
    m_briefingLabel->setWordWrap(true);
    outcomeLayout->addWidget(m_briefingLabel);
    auto* outcomeForm = new QFormLayout;
    m_note = new QPlainTextEdit(outcomePage);
    m_note->setObjectName(QStringLiteral("outcomeNoteEdit"));
    m_note->setMaximumHeight(70);
    m_note->setPlaceholderText(tr("What was explained at the briefing, and what was done"));
    outcomeForm->addRow(tr("&Outcome"), m_note);
    m_satisfaction = new QComboBox(outcomePage);
    m_satisfaction->setObjectName(QStringLiteral("satisfactionComboBox"));
    m_satisfaction->addItem(satisfactionName(kSatisfied), kSatisfied);
    m_satisfaction->addItem(satisfactionName(kBasicallySatisfied), kBasicallySatisfied);
    outcomeForm->addRow(tr("Satisfaction (follow-up issues)"), m_satisfaction);
    outcomeLayout->addLayout(outcomeForm);
    m_outcome = new QTableWidget(0, 5, outcomePage);
    m_outcome->setObjectName(QStringLiteral("outcomeTableWidget"));
    m_outcome->setHorizontalHeaderLabels({tr("Issue"), tr("Title"), tr("Stage"), tr("Step"), tr("Refused because")});
    m_outcome->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_outcome->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_outcome->verticalHeader()->hide();
    m_outcome->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outcome->setWordWrap(true);
    outcomeLayout->addWidget(m_outcome);
    auto* hint = new QLabel(tr("Intake issues are closed as explained; issues in consultation get the feedback and "
                               "then need their own follow-up visit; follow-up issues are confirmed. Untick an issue "
                               "to leave it out."),
                            outcomePage);
    hint->setWordWrap(true);
    outcomeLayout->addWidget(hint);
    m_applyButton = new QPushButton(tr("&Apply outcome"), outcomePage);
    m_applyButton->setObjectName(QStringLiteral("applyOutcomeButton"));
    connect(m_applyButton, &QPushButton::clicked, this, &BriefingDialog::applyOutcome);
    outcomeLayout->addWidget(m_applyButton, 0, Qt::AlignRight);
    m_pages->addWidget(outcomePage);
    connect(m_note, &QPlainTextEdit::textChanged, this, &BriefingDialog::preview);
    connect(m_satisfaction, &QComboBox::currentIndexChanged, this, &BriefingDialog::preview);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("briefingErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 560);
}

bool BriefingDialog::plan()
{
    SharedNeedService::BriefingPlan p;
    p.date = m_date->date();
    p.cadreIds = {m_actor.meta.id};
    for (int row = 0; row < m_companions->count(); ++row) {
        if (m_companions->item(row)->checkState() == Qt::Checked)
            p.cadreIds.append(m_companions->item(row)->data(Qt::UserRole).toLongLong());
    }
    p.hostEnterpriseId = m_host->currentData().toLongLong();
    p.summary = m_summary->toPlainText();
    p.enterpriseIds = m_alert.enterpriseIds;
    p.issueIds = m_alert.issueIds;
    try {
        m_visitId = SharedNeedService(m_db).planBriefing(m_actor, p).meta.id;
    } catch (const Error& e) {
        m_error->setText(e.message());
        return false;
    }
    m_error->clear();
    emit changed();
    showOutcomePage();
    return true;
}

void BriefingDialog::showOutcomePage()
{
    m_pages->setCurrentIndex(1);
    const auto visit = VisitRepository(m_db).visit(m_visitId);
    if (visit) {
        const auto host = EnterpriseRepository(m_db).enterprise(visit->enterpriseId);
        m_briefingLabel->setText(tr("Briefing on %1 at %2 for %3 enterprises. Once it has taken place, apply its "
                                    "outcome to the linked issues.")
                                     .arg(visit->date.toString(Qt::ISODate), host ? host->name : QString())
                                     .arg(SharedNeedService(m_db).linkedEnterprises(m_visitId).size()));
    }
    preview();
}

void BriefingDialog::preview()
{
    if (!m_visitId)
        return;
    QSet<RowId> leftOut;
    for (int row = 0; row < m_outcome->rowCount(); ++row) {
        if (m_outcome->item(row, 0)->checkState() == Qt::Unchecked)
            leftOut.insert(m_outcome->item(row, 0)->data(Qt::UserRole).toLongLong());
    }
    const bool first = m_outcome->rowCount() == 0;
    try {
        m_lines = SharedNeedService(m_db).previewOutcome(m_actor, m_visitId, m_note->toPlainText(),
                                                         m_satisfaction->currentData().toString());
    } catch (const Error& e) {
        m_error->setText(e.message());
        return;
    }
    m_outcome->setRowCount(static_cast<int>(m_lines.size()));
    for (int row = 0; row < m_lines.size(); ++row) {
        const BriefingOutcomeLine& l = m_lines[row];
        auto* number = new QTableWidgetItem(l.number);
        number->setData(Qt::UserRole, l.issueId);
        number->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        // Closed issues are left out from the start; others as the person ticked them.
        const bool out = first ? l.stage == Stage::Closed : leftOut.contains(l.issueId);
        number->setCheckState(out ? Qt::Unchecked : Qt::Checked);
        m_outcome->setItem(row, 0, number);
        m_outcome->setItem(row, 1, new QTableWidgetItem(l.title));
        m_outcome->setItem(row, 2, new QTableWidgetItem(displayName(l.stage)));
        m_outcome->setItem(row, 3, new QTableWidgetItem(l.action ? displayName(*l.action) : QStringLiteral("—")));
        auto* why = new QTableWidgetItem(l.refusal);
        why->setForeground(QColor(0xb3, 0x26, 0x1e));
        m_outcome->setItem(row, 4, why);
    }
    m_outcome->resizeColumnToContents(0);
    m_outcome->resizeColumnToContents(2);
    m_outcome->resizeColumnToContents(3);
    m_outcome->resizeRowsToContents();
}

bool BriefingDialog::applyOutcome()
{
    QList<RowId> leaveOut;
    for (int row = 0; row < m_outcome->rowCount(); ++row) {
        if (m_outcome->item(row, 0)->checkState() == Qt::Unchecked)
            leaveOut.append(m_outcome->item(row, 0)->data(Qt::UserRole).toLongLong());
    }
    try {
        const auto done = SharedNeedService(m_db).applyOutcome(m_actor, m_visitId, m_note->toPlainText(),
                                                               m_satisfaction->currentData().toString(), leaveOut);
        m_error->setStyleSheet(QString());
        m_error->setText(tr("The outcome was applied to %1 issues.").arg(done.size()));
    } catch (const Error& e) {
        m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_error->setText(e.message());
        return false;
    }
    emit changed();
    preview();
    return true;
}

} // namespace yg
