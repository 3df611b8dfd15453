#include "VisitEditor.h"
#include "ui_VisitForm.h"

#include "services/IssueService.h"
#include "services/Permissions.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitRepository.h"
#include "storage/WeekQueries.h"
#include "util/AppPaths.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QToolButton>
#include <QUndoStack>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;
constexpr int kDraftFormat = 1;
constexpr int kDraftDelayMs = 2000;
constexpr int kSuggestions = 15;

void showProblem(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString dispositionKey(IssueDisposition d)
{
    switch (d) {
    case IssueDisposition::Explain:
        return QStringLiteral("explain");
    case IssueDisposition::Submit:
        return QStringLiteral("submit");
    case IssueDisposition::Intake:
        break;
    }
    return QStringLiteral("intake");
}

IssueDisposition dispositionOf(const QString& key)
{
    if (key == QLatin1String("explain"))
        return IssueDisposition::Explain;
    if (key == QLatin1String("submit"))
        return IssueDisposition::Submit;
    return IssueDisposition::Intake;
}

} // namespace

// ---------------------------------------------------------------------------------------
// IssueRowWidget

IssueRowWidget::IssueRowWidget(const QList<Category>& categories, QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("issueRow"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("QFrame#issueRow { border: 1px solid palette(mid); border-radius: 6px; }"));
    auto* grid = new QGridLayout(this);
    categoryComboBox = new QComboBox(this);
    categoryComboBox->setObjectName(QStringLiteral("issueCategoryComboBox"));
    categoryComboBox->addItem(tr("Category…"));
    for (const Category& c : categories)
        categoryComboBox->addItem(c.name, c.meta.id);
    titleLineEdit = new QLineEdit(this);
    titleLineEdit->setObjectName(QStringLiteral("issueTitleLineEdit"));
    titleLineEdit->setPlaceholderText(tr("Title, e.g. overtime pay miscalculated"));
    raisedByLineEdit = new QLineEdit(this);
    raisedByLineEdit->setObjectName(QStringLiteral("issueRaisedByLineEdit"));
    raisedByLineEdit->setPlaceholderText(tr("Raised by (optional)"));
    raisedByLineEdit->setToolTip(tr("The worker who raised it; leave empty when the enterprise itself raised it."));
    descriptionEdit = new QPlainTextEdit(this);
    descriptionEdit->setObjectName(QStringLiteral("issueDescriptionEdit"));
    descriptionEdit->setPlaceholderText(tr("What exactly was raised"));
    descriptionEdit->setMaximumHeight(54);
    dispositionComboBox = new QComboBox(this);
    dispositionComboBox->setObjectName(QStringLiteral("issueDispositionComboBox"));
    dispositionComboBox->addItem(tr("Explained on the spot (resolved)"), QStringLiteral("explain"));
    dispositionComboBox->addItem(tr("Submit for consultation"), QStringLiteral("submit"));
    dispositionComboBox->addItem(tr("Record only (stays at intake)"), QStringLiteral("intake"));
    explanationLineEdit = new QLineEdit(this);
    explanationLineEdit->setObjectName(QStringLiteral("issueExplanationLineEdit"));
    explanationLineEdit->setPlaceholderText(tr("What was explained"));
    dueDateEdit = new QDateEdit(this);
    dueDateEdit->setObjectName(QStringLiteral("issueDueDateEdit"));
    dueDateEdit->setCalendarPopup(true);
    dueDateEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    dueDateEdit->setToolTip(tr("Due date (by default the category's working days from the visit)"));
    auto* remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("issueRemoveButton"));
    remove->setText(tr("Remove"));
    errorLabel = new QLabel(this);
    errorLabel->setObjectName(QStringLiteral("issueErrorLabel"));
    errorLabel->setProperty("error", true);
    errorLabel->setWordWrap(true);

    grid->addWidget(categoryComboBox, 0, 0);
    grid->addWidget(titleLineEdit, 0, 1, 1, 2);
    grid->addWidget(remove, 0, 3);
    grid->addWidget(descriptionEdit, 1, 0, 1, 4);
    grid->addWidget(raisedByLineEdit, 2, 0);
    grid->addWidget(dispositionComboBox, 2, 1);
    grid->addWidget(explanationLineEdit, 2, 2, 1, 2);
    grid->addWidget(dueDateEdit, 2, 2);
    grid->addWidget(errorLabel, 3, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);

    for (QLineEdit* e : {titleLineEdit, raisedByLineEdit, explanationLineEdit})
        connect(e, &QLineEdit::textChanged, this, &IssueRowWidget::changed);
    connect(descriptionEdit, &QPlainTextEdit::textChanged, this, &IssueRowWidget::changed);
    connect(categoryComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateDefaultDue();
        emit changed();
    });
    connect(dispositionComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateDispositionFields();
        emit changed();
    });
    connect(dueDateEdit, &QDateEdit::userDateChanged, this, [this] {
        m_dueTouched = true;
        emit changed();
    });
    connect(remove, &QToolButton::clicked, this, [this] { emit removeRequested(this); });
    updateDispositionFields();
}

void IssueRowWidget::updateDispositionFields()
{
    const auto d = dispositionOf(dispositionComboBox->currentData().toString());
    explanationLineEdit->setVisible(d == IssueDisposition::Explain);
    dueDateEdit->setVisible(d == IssueDisposition::Submit);
    updateDefaultDue();
}

void IssueRowWidget::updateDefaultDue()
{
    if (m_dueTouched || !m_defaultDue)
        return;
    const QDate due = m_defaultDue(categoryComboBox->currentData().toLongLong());
    if (due.isValid()) {
        const QSignalBlocker block(dueDateEdit);
        dueDateEdit->setDate(due);
    }
}

RaisedIssue IssueRowWidget::value() const
{
    RaisedIssue r;
    r.categoryId = categoryComboBox->currentData().toLongLong();
    r.title = titleLineEdit->text().trimmed();
    r.description = descriptionEdit->toPlainText().trimmed();
    r.raisedBy = raisedByLineEdit->text().trimmed();
    r.disposition = dispositionOf(dispositionComboBox->currentData().toString());
    if (r.disposition == IssueDisposition::Explain)
        r.explanation = explanationLineEdit->text().trimmed();
    if (r.disposition == IssueDisposition::Submit)
        r.dueDate = dueDateEdit->date();
    return r;
}

void IssueRowWidget::setValue(const RaisedIssue& r)
{
    const int category = categoryComboBox->findData(r.categoryId);
    categoryComboBox->setCurrentIndex(category < 0 ? 0 : category);
    titleLineEdit->setText(r.title);
    descriptionEdit->setPlainText(r.description);
    raisedByLineEdit->setText(r.raisedBy);
    dispositionComboBox->setCurrentIndex(dispositionComboBox->findData(dispositionKey(r.disposition)));
    explanationLineEdit->setText(r.explanation);
    if (r.dueDate.isValid()) {
        dueDateEdit->setDate(r.dueDate);
        m_dueTouched = true;
    }
}

QStringList IssueRowWidget::validate(QDate visitDate)
{
    const RaisedIssue r = value();
    QStringList p;
    if (r.categoryId <= 0)
        p << tr("Choose a category.");
    if (r.title.isEmpty())
        p << tr("Give the issue a short title.");
    if (r.description.isEmpty())
        p << tr("Describe what was raised.");
    if (r.disposition == IssueDisposition::Explain && r.explanation.isEmpty())
        p << tr("Say what was explained on the spot.");
    if (r.disposition == IssueDisposition::Submit && visitDate.isValid() && r.dueDate < visitDate)
        p << tr("The due date cannot be before the visit.");
    showProblem(errorLabel, p.join(QLatin1Char('\n')));
    return p;
}

// ---------------------------------------------------------------------------------------
// VisitEditor

VisitEditor::VisitEditor(Database& db, RowId actorId, RowId visitId, QWidget* parent, RowId enterpriseId)
    : QDialog(parent), m_ui(std::make_unique<Ui::VisitForm>()), m_db(db), m_visitId(visitId)
{
    m_ui->setupUi(this);
    setWindowFlag(Qt::Window);
    m_loading = true;
    m_actor = CadreRepository(db).cadre(actorId).value_or(Cadre{});
    try {
        m_categories = ReferenceRepository(db).categories();
    } catch (const Error& e) {
        spdlog::error("visit form: categories could not be read: {}", e.what());
    }
    m_ui->draftFrame->hide();
    m_ui->readOnlyLabel->hide();
    // An action, not the button's own shortcut (that one clicks with a delay).
    auto* saveAction = new QAction(this);
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, &VisitEditor::save);
    addAction(saveAction);
    m_ui->saveButton->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_ui->dateEdit->setMaximumDate(QDate(2100, 12, 31));
    m_ui->nextVisitDateEdit->setEnabled(false);
    populateKinds();
    buildChecklist();

    // Type-ahead: each pause in typing asks the database for a few matches (LIMIT).
    m_enterpriseMatches = new QStandardItemModel(this);
    m_enterpriseCompleter = new QCompleter(m_enterpriseMatches, this);
    m_enterpriseCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_enterpriseCompleter->setCompletionRole(kNameRole);
    m_enterpriseCompleter->setMaxVisibleItems(kSuggestions);
    m_ui->enterpriseLineEdit->setCompleter(m_enterpriseCompleter);
    m_enterpriseSearchTimer.setSingleShot(true);
    m_enterpriseSearchTimer.setInterval(150);
    connect(&m_enterpriseSearchTimer, &QTimer::timeout, this, &VisitEditor::searchEnterprises);
    connect(m_ui->enterpriseLineEdit, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (text != m_enterpriseName) {
            m_enterpriseId = 0;
            showProblem(m_ui->enterpriseInfoLabel, QString());
        }
        m_enterpriseSearchTimer.start();
        markChanged();
    });
    connect(m_enterpriseCompleter, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { chooseEnterprise(index.data(kIdRole).toLongLong()); });

    m_cadreMatches = new QStandardItemModel(this);
    m_companionCompleter = new QCompleter(m_cadreMatches, this);
    m_companionCompleter->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_companionCompleter->setCompletionRole(kNameRole);
    m_ui->companionLineEdit->setCompleter(m_companionCompleter);
    m_cadreSearchTimer.setSingleShot(true);
    m_cadreSearchTimer.setInterval(150);
    connect(&m_cadreSearchTimer, &QTimer::timeout, this, &VisitEditor::searchCadres);
    connect(m_ui->companionLineEdit, &QLineEdit::textEdited, this, [this] { m_cadreSearchTimer.start(); });
    connect(m_companionCompleter, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) {
                addCompanion(index.data(kIdRole).toLongLong());
                QTimer::singleShot(0, m_ui->companionLineEdit, &QLineEdit::clear);
            });
    connect(m_ui->removeCompanionButton, &QToolButton::clicked, this, [this] {
        const int row = m_ui->companionsListWidget->currentRow();
        if (row >= 0 && row < m_companions.size()) {
            m_companions.removeAt(row);
            refreshCompanions();
            markChanged();
        }
    });

    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, [this] {
        for (IssueRowWidget* row : issueRows())
            row->updateDefaultDue();
        markChanged();
    });
    connect(m_ui->kindComboBox, &QComboBox::currentIndexChanged, this, &VisitEditor::markChanged);
    connect(m_ui->summaryPlainTextEdit, &QPlainTextEdit::textChanged, this, &VisitEditor::markChanged);
    connect(m_ui->nextVisitCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->nextVisitDateEdit->setEnabled(on && !m_readOnly);
        markChanged();
    });
    connect(m_ui->nextVisitDateEdit, &QDateEdit::dateChanged, this, &VisitEditor::markChanged);
    connect(m_ui->addIssueButton, &QPushButton::clicked, this, [this] {
        IssueRowWidget* row = addIssueRow();
        row->titleLineEdit->setFocus();
    });
    connect(m_ui->saveButton, &QPushButton::clicked, this, &VisitEditor::save);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_ui->discardDraftButton, &QPushButton::clicked, this, [this] {
        discardDraft();
        // Back to the form as it was before the draft: fresh, or the stored visit.
        for (IssueRowWidget* row : issueRows())
            removeIssueRow(row);
        m_loading = true;
        if (m_visitId > 0)
            fillFrom(m_stored);
        else {
            m_enterpriseId = 0;
            m_enterpriseName.clear();
            m_ui->enterpriseLineEdit->clear();
            showProblem(m_ui->enterpriseInfoLabel, QString());
            m_companions.clear();
            refreshCompanions();
            m_ui->summaryPlainTextEdit->clear();
            m_ui->nextVisitCheckBox->setChecked(false);
            for (std::size_t i = 0; i < m_checkStates.size(); ++i) {
                m_checkStates[i]->setCurrentIndex(0);
                m_checkNotes[i]->clear();
            }
            m_ui->dateEdit->setDate(Clock::today());
        }
        m_loading = false;
        m_dirty = false;
        validate();
    });

    // Drafts: a change starts the timer, which is not restarted by further typing, so
    // at most kDraftDelayMs of typing is ever only in memory.
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &VisitEditor::writeDraft);

    if (m_visitId > 0) {
        loadVisit();
    } else {
        setWindowTitle(tr("New visit"));
        m_ui->dateEdit->setDate(Clock::today());
        m_ui->nextVisitDateEdit->setDate(Clock::today().addDays(28));
        m_ui->existingIssuesLabel->hide();
        if (enterpriseId > 0)
            chooseEnterprise(enterpriseId);
        if (!Permissions::can(m_actor.role, Capability::CreateVisit))
            setReadOnly(Permissions::refusal(m_actor, Capability::CreateVisit));
    }
    m_loading = false;
    if (!m_readOnly)
        restoreDraftIfAny();
    validate();
    resize(880, 820);
}

VisitEditor::~VisitEditor() = default;

void VisitEditor::populateKinds()
{
    const QVariant current = m_ui->kindComboBox->currentData();
    const QSignalBlocker block(m_ui->kindComboBox);
    m_ui->kindComboBox->clear();
    for (VisitKind k : kAllVisitKinds)
        m_ui->kindComboBox->addItem(displayName(k), toKey(k));
    const int index = m_ui->kindComboBox->findData(current);
    m_ui->kindComboBox->setCurrentIndex(index < 0 ? 0 : index);
}

void VisitEditor::buildChecklist()
{
    auto* grid = m_ui->checklistLayout;
    for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
        const int row = static_cast<int>(i);
        auto* label = new QLabel(displayName(kAllCheckItems[i]), m_ui->checklistGroupBox);
        label->setObjectName(QStringLiteral("checkLabel%1").arg(row));
        auto* state = new QComboBox(m_ui->checklistGroupBox);
        state->setObjectName(QStringLiteral("checkState%1ComboBox").arg(row));
        for (CheckState s : {CheckState::NotChecked, CheckState::Fine, CheckState::Concern})
            state->addItem(displayName(s), toKey(s));
        auto* note = new QLineEdit(m_ui->checklistGroupBox);
        note->setObjectName(QStringLiteral("checkNote%1LineEdit").arg(row));
        note->setPlaceholderText(tr("Note"));
        grid->addWidget(label, row, 0);
        grid->addWidget(state, row, 1);
        grid->addWidget(note, row, 2);
        connect(state, &QComboBox::currentIndexChanged, this, &VisitEditor::markChanged);
        connect(note, &QLineEdit::textChanged, this, &VisitEditor::markChanged);
        m_checkStates[i] = state;
        m_checkNotes[i] = note;
    }
    auto* error = new QLabel(m_ui->checklistGroupBox);
    error->setObjectName(QStringLiteral("checklistErrorLabel"));
    error->setProperty("error", true);
    error->setWordWrap(true);
    grid->addWidget(error, static_cast<int>(kAllCheckItems.size()), 0, 1, 3);
    grid->setColumnStretch(2, 1);
}

void VisitEditor::loadVisit()
{
    const auto stored = VisitRepository(m_db).visit(m_visitId);
    if (!stored) {
        setReadOnly(tr("There is no visit with id %1.").arg(m_visitId));
        return;
    }
    m_stored = *stored;
    fillFrom(m_stored);
    QStringList existing;
    for (const WeekIssue& i : WeekQueries(m_db).issuesOfVisits({m_visitId}))
        existing << QStringLiteral("%1 %2").arg(i.number, i.title);
    m_ui->existingIssuesLabel->setText(
        existing.isEmpty() ? tr("No issues were recorded in this visit yet.")
                           : tr("Already recorded in this visit: %1").arg(existing.join(QStringLiteral("; "))));
    const QString why = VisitService(m_db).refusal(m_actor, m_stored);
    if (!why.isEmpty())
        setReadOnly(why);
}

void VisitEditor::fillFrom(const Visit& v)
{
    setWindowTitle(tr("Visit of %1").arg(v.date.toString(Qt::ISODate)));
    m_ui->dateEdit->setDate(v.date);
    m_ui->kindComboBox->setCurrentIndex(qMax(0, m_ui->kindComboBox->findData(toKey(v.kind))));
    chooseEnterprise(v.enterpriseId);
    m_companions = v.cadreIds.mid(1);
    refreshCompanions();
    for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
        m_checkStates[i]->setCurrentIndex(qMax(0, m_checkStates[i]->findData(toKey(v.checklist[i].state))));
        m_checkNotes[i]->setText(v.checklist[i].note);
    }
    m_ui->summaryPlainTextEdit->setPlainText(v.summary);
    m_ui->nextVisitCheckBox->setChecked(v.nextVisitDate.isValid());
    m_ui->nextVisitDateEdit->setDate(v.nextVisitDate.isValid() ? v.nextVisitDate : v.date.addDays(28));
}

void VisitEditor::setReadOnly(const QString& why)
{
    m_readOnly = true;
    m_ui->readOnlyLabel->setText(tr("Read only: %1").arg(why));
    m_ui->readOnlyLabel->show();
    m_ui->scrollContents->setEnabled(false);
    m_ui->saveButton->hide();
}

Visit VisitEditor::currentVisit() const
{
    Visit v = m_stored;
    v.date = m_ui->dateEdit->date();
    v.enterpriseId = m_enterpriseId;
    v.kind = fromKey<VisitKind>(m_ui->kindComboBox->currentData().toString()).value_or(VisitKind::OnSite);
    const RowId author = m_visitId > 0 && !m_stored.cadreIds.isEmpty() ? m_stored.cadreIds.first() : m_actor.meta.id;
    v.cadreIds = {author};
    for (RowId c : m_companions) {
        if (!v.cadreIds.contains(c))
            v.cadreIds << c;
    }
    for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
        v.checklist[i].state =
            fromKey<CheckState>(m_checkStates[i]->currentData().toString()).value_or(CheckState::NotChecked);
        v.checklist[i].note = m_checkNotes[i]->text().trimmed();
    }
    v.summary = m_ui->summaryPlainTextEdit->toPlainText().trimmed();
    v.nextVisitDate = m_ui->nextVisitCheckBox->isChecked() ? m_ui->nextVisitDateEdit->date() : QDate();
    return v;
}

void VisitEditor::markChanged()
{
    if (m_loading)
        return;
    m_dirty = true;
    if (!m_draftTimer.isActive())
        m_draftTimer.start();
    validate();
}

void VisitEditor::validate()
{
    if (m_loading)
        return;
    QStringList all;
    const QDate date = m_ui->dateEdit->date();
    QString dateProblem;
    if (date > Clock::today())
        dateProblem = tr("The visit date cannot be later than today.");
    showProblem(m_ui->dateErrorLabel, dateProblem);
    all << dateProblem;

    QString enterpriseProblem;
    if (m_enterpriseId <= 0)
        enterpriseProblem = m_ui->enterpriseLineEdit->text().trimmed().isEmpty()
                                ? tr("Choose the enterprise you visited.")
                                : tr("Pick the enterprise from the suggestions that appear as you type.");
    showProblem(m_ui->enterpriseErrorLabel, enterpriseProblem);
    all << enterpriseProblem;

    QStringList missingNotes;
    for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
        const bool concern = m_checkStates[i]->currentData().toString() == toKey(CheckState::Concern);
        if (concern && m_checkNotes[i]->text().trimmed().isEmpty())
            missingNotes << displayName(kAllCheckItems[i]);
    }
    const QString checklistProblem =
        missingNotes.isEmpty()
            ? QString()
            : tr("Write a note for each point marked as a concern: %1.").arg(missingNotes.join(QStringLiteral(", ")));
    showProblem(findChild<QLabel*>(QStringLiteral("checklistErrorLabel")), checklistProblem);
    all << checklistProblem;

    QString nextProblem;
    if (m_ui->nextVisitCheckBox->isChecked() && m_ui->nextVisitDateEdit->date() < date)
        nextProblem = tr("The next visit cannot be before this visit.");
    showProblem(m_ui->nextVisitErrorLabel, nextProblem);
    all << nextProblem;

    for (IssueRowWidget* row : issueRows())
        all << row->validate(date);
    all.removeAll(QString());
    m_problems = all;
    m_ui->saveButton->setEnabled(m_problems.isEmpty() && !m_readOnly);
    m_ui->saveButton->setToolTip(m_problems.isEmpty() ? QString() : m_problems.join(QLatin1Char('\n')));
}

void VisitEditor::searchEnterprises()
{
    const QString text = m_ui->enterpriseLineEdit->text();
    m_enterpriseMatches->clear();
    try {
        for (const EnterpriseMatch& m : EnterpriseRepository(m_db).search(text, kSuggestions)) {
            auto* item = new QStandardItem(QStringLiteral("%1   %2 · %3").arg(m.name, m.town, m.creditCode));
            item->setData(m.id, kIdRole);
            item->setData(m.name, kNameRole);
            m_enterpriseMatches->appendRow(item);
        }
    } catch (const Error& e) {
        spdlog::error("visit form: enterprise search failed: {}", e.what());
    }
    if (m_enterpriseMatches->rowCount() > 0 && m_ui->enterpriseLineEdit->hasFocus())
        m_enterpriseCompleter->complete();
}

void VisitEditor::searchCadres()
{
    const QString text = m_ui->companionLineEdit->text();
    m_cadreMatches->clear();
    try {
        for (const Cadre& c : CadreRepository(m_db).search(text, kSuggestions)) {
            if (c.meta.id == m_actor.meta.id || m_companions.contains(c.meta.id))
                continue;
            auto* item = new QStandardItem(QStringLiteral("%1 (%2)").arg(c.name, displayName(c.role)));
            item->setData(c.meta.id, kIdRole);
            item->setData(c.name, kNameRole);
            m_cadreMatches->appendRow(item);
        }
    } catch (const Error& e) {
        spdlog::error("visit form: cadre search failed: {}", e.what());
    }
    if (m_cadreMatches->rowCount() > 0 && m_ui->companionLineEdit->hasFocus())
        m_companionCompleter->complete();
}

void VisitEditor::chooseEnterprise(RowId enterpriseId)
{
    m_enterpriseId = 0;
    m_enterpriseName.clear();
    showProblem(m_ui->enterpriseInfoLabel, QString());
    if (enterpriseId > 0) {
        if (const auto e = EnterpriseRepository(m_db).enterprise(enterpriseId)) {
            m_enterpriseId = e->meta.id;
            m_enterpriseName = e->name;
            const auto town = ReferenceRepository(m_db).town(e->townId);
            showProblem(m_ui->enterpriseInfoLabel, tr("%1 · credit code %2%3")
                                                       .arg(town ? town->name : QString(), e->creditCode,
                                                            e->isKey ? tr(" · key enterprise") : QString()));
        }
    }
    {
        const QSignalBlocker block(m_ui->enterpriseLineEdit);
        m_ui->enterpriseLineEdit->setText(m_enterpriseName);
    }
    markChanged();
}

void VisitEditor::addCompanion(RowId cadreId)
{
    if (cadreId <= 0 || m_companions.contains(cadreId))
        return;
    const RowId author = m_visitId > 0 && !m_stored.cadreIds.isEmpty() ? m_stored.cadreIds.first() : m_actor.meta.id;
    if (cadreId == author)
        return;
    m_companions << cadreId;
    refreshCompanions();
    markChanged();
}

void VisitEditor::refreshCompanions()
{
    m_ui->companionsListWidget->clear();
    CadreRepository cadres(m_db);
    for (RowId id : std::as_const(m_companions)) {
        const auto c = cadres.cadre(id);
        m_ui->companionsListWidget->addItem(c ? c->name : QString::number(id));
    }
}

IssueRowWidget* VisitEditor::addIssueRow()
{
    auto* row = new IssueRowWidget(m_categories, m_ui->issuesGroupBox);
    row->setDefaultDue([this](RowId categoryId) -> QDate {
        for (const Category& c : std::as_const(m_categories)) {
            if (c.meta.id == categoryId) {
                try {
                    return IssueService(m_db).calendar().addWorkingDays(m_ui->dateEdit->date(), c.defaultDueDays);
                } catch (const Error&) {
                    break;
                }
            }
        }
        return m_ui->dateEdit->date().addDays(14);
    });
    row->updateDefaultDue();
    m_ui->issueRowsLayout->addWidget(row);
    connect(row, &IssueRowWidget::changed, this, &VisitEditor::markChanged);
    connect(row, &IssueRowWidget::removeRequested, this, [this](IssueRowWidget* r) {
        removeIssueRow(r);
        markChanged();
    });
    markChanged();
    return row;
}

void VisitEditor::removeIssueRow(IssueRowWidget* row)
{
    m_ui->issueRowsLayout->removeWidget(row);
    row->hide();
    row->deleteLater();
    row->setParent(nullptr);
}

QList<IssueRowWidget*> VisitEditor::issueRows() const
{
    QList<IssueRowWidget*> rows;
    for (int i = 0; i < m_ui->issueRowsLayout->count(); ++i) {
        if (auto* row = qobject_cast<IssueRowWidget*>(m_ui->issueRowsLayout->itemAt(i)->widget()))
            rows << row;
    }
    return rows;
}

bool VisitEditor::save()
{
    validate();
    if (!m_problems.isEmpty() || m_readOnly)
        return false;
    JournalEntry entry;
    entry.visit = currentVisit();
    // A draft of an edit is saved against the version it was typed on: if someone changed
    // the visit since, the service refuses it ("changed by X at T") instead of overwriting.
    if (m_visitId > 0 && m_draftBaseVersion > 0)
        entry.visit.meta.version = m_draftBaseVersion;
    for (IssueRowWidget* row : issueRows())
        entry.issues << row->value();
    try {
        const VisitService::Saved result = VisitService(m_db).save(m_actor, entry);
        const bool wasEdit = m_visitId > 0;
        if (wasEdit && m_undoStack)
            m_undoStack->push(new VisitEditCommand(m_db, m_actor.meta.id, m_stored, result.visit, m_onUndoError));
        discardDraft();
        m_visitId = result.visit.meta.id;
        m_stored = result.visit;
        m_dirty = false;
        m_ui->saveErrorLabel->clear();
        emit saved(m_visitId);
        close();
        return true;
    } catch (const Error& e) {
        showProblem(m_ui->saveErrorLabel, e.message());
        return false;
    }
}

QString VisitEditor::lastError() const
{
    return m_ui->saveErrorLabel->text();
}

// ---------------------------------------------------------------------------------------
// Drafts

QString VisitEditor::draftPathFor(const QString& databasePath, RowId actorId, RowId visitId)
{
    const QByteArray key = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    const QString db = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(12));
    return QDir(AppPaths::dataDirectory())
        .filePath(QStringLiteral("drafts/visit-%1-u%2-v%3.json").arg(db).arg(actorId).arg(visitId));
}

QString VisitEditor::draftPath() const
{
    return draftPathFor(m_db.path(), m_actor.meta.id, m_visitId);
}

QList<RowId> VisitEditor::pendingDrafts(const QString& databasePath, RowId actorId)
{
    const QFileInfo probe(draftPathFor(databasePath, actorId, 0));
    const QString prefix = probe.fileName().section(QStringLiteral("-v"), 0, 0) + QStringLiteral("-v");
    QList<RowId> out;
    const QStringList files = probe.dir().entryList({prefix + QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& f : files) {
        bool ok = false;
        const RowId visit = f.mid(prefix.size()).chopped(5).toLongLong(&ok);
        if (ok)
            out << visit;
    }
    return out;
}

QJsonObject VisitEditor::toJson() const
{
    const Visit v = currentVisit();
    QJsonObject o;
    o[QStringLiteral("format")] = kDraftFormat;
    o[QStringLiteral("database")] = QFileInfo(m_db.path()).absoluteFilePath();
    o[QStringLiteral("actor")] = m_actor.meta.id;
    o[QStringLiteral("visitId")] = m_visitId;
    o[QStringLiteral("baseVersion")] = m_draftBaseVersion > 0 ? m_draftBaseVersion : m_stored.meta.version;
    o[QStringLiteral("savedAt")] = Clock::toStorage(Clock::nowUtc());
    o[QStringLiteral("date")] = v.date.toString(Qt::ISODate);
    o[QStringLiteral("enterpriseId")] = m_enterpriseId;
    o[QStringLiteral("enterpriseText")] = m_ui->enterpriseLineEdit->text();
    QJsonArray companions;
    for (RowId c : m_companions)
        companions.append(c);
    o[QStringLiteral("companions")] = companions;
    o[QStringLiteral("kind")] = toKey(v.kind);
    QJsonArray checklist;
    for (const CheckEntry& c : v.checklist)
        checklist.append(QJsonObject{{QStringLiteral("state"), toKey(c.state)}, {QStringLiteral("note"), c.note}});
    o[QStringLiteral("checklist")] = checklist;
    o[QStringLiteral("summary")] = m_ui->summaryPlainTextEdit->toPlainText();
    o[QStringLiteral("nextVisit")] = v.nextVisitDate.toString(Qt::ISODate);
    QJsonArray issues;
    for (IssueRowWidget* row : issueRows()) {
        const RaisedIssue r = row->value();
        issues.append(QJsonObject{{QStringLiteral("category"), r.categoryId},
                                  {QStringLiteral("title"), row->titleLineEdit->text()},
                                  {QStringLiteral("description"), row->descriptionEdit->toPlainText()},
                                  {QStringLiteral("raisedBy"), row->raisedByLineEdit->text()},
                                  {QStringLiteral("disposition"), dispositionKey(r.disposition)},
                                  {QStringLiteral("explanation"), row->explanationLineEdit->text()},
                                  {QStringLiteral("due"), row->dueDateEdit->date().toString(Qt::ISODate)}});
    }
    o[QStringLiteral("issues")] = issues;
    return o;
}

void VisitEditor::fromJson(const QJsonObject& o)
{
    m_ui->dateEdit->setDate(QDate::fromString(o[QStringLiteral("date")].toString(), Qt::ISODate));
    const RowId enterprise = o[QStringLiteral("enterpriseId")].toInteger();
    if (enterprise > 0)
        chooseEnterprise(enterprise);
    else
        m_ui->enterpriseLineEdit->setText(o[QStringLiteral("enterpriseText")].toString());
    m_companions.clear();
    for (const QJsonValue& c : o[QStringLiteral("companions")].toArray())
        m_companions << c.toInteger();
    refreshCompanions();
    m_ui->kindComboBox->setCurrentIndex(qMax(0, m_ui->kindComboBox->findData(o[QStringLiteral("kind")].toString())));
    const QJsonArray checklist = o[QStringLiteral("checklist")].toArray();
    for (std::size_t i = 0; i < kAllCheckItems.size() && i < std::size_t(checklist.size()); ++i) {
        const QJsonObject c = checklist[static_cast<qsizetype>(i)].toObject();
        m_checkStates[i]->setCurrentIndex(qMax(0, m_checkStates[i]->findData(c[QStringLiteral("state")].toString())));
        m_checkNotes[i]->setText(c[QStringLiteral("note")].toString());
    }
    m_ui->summaryPlainTextEdit->setPlainText(o[QStringLiteral("summary")].toString());
    const QDate next = QDate::fromString(o[QStringLiteral("nextVisit")].toString(), Qt::ISODate);
    m_ui->nextVisitCheckBox->setChecked(next.isValid());
    if (next.isValid())
        m_ui->nextVisitDateEdit->setDate(next);
    for (const QJsonValue& value : o[QStringLiteral("issues")].toArray()) {
        const QJsonObject i = value.toObject();
        RaisedIssue r;
        r.categoryId = i[QStringLiteral("category")].toInteger();
        r.title = i[QStringLiteral("title")].toString();
        r.description = i[QStringLiteral("description")].toString();
        r.raisedBy = i[QStringLiteral("raisedBy")].toString();
        r.disposition = dispositionOf(i[QStringLiteral("disposition")].toString());
        r.explanation = i[QStringLiteral("explanation")].toString();
        r.dueDate = QDate::fromString(i[QStringLiteral("due")].toString(), Qt::ISODate);
        addIssueRow()->setValue(r);
    }
}

bool VisitEditor::restoreDraftIfAny()
{
    QFile file(draftPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (o[QStringLiteral("format")].toInt() != kDraftFormat ||
        o[QStringLiteral("actor")].toInteger() != m_actor.meta.id) {
        spdlog::warn("visit form: an unreadable draft was set aside");
        QFile::rename(draftPath(), draftPath() + QStringLiteral(".unreadable"));
        return false;
    }
    m_loading = true;
    fromJson(o);
    m_loading = false;
    m_dirty = true; // the restored content is not saved yet
    m_restoredFromDraft = true;
    m_draftBaseVersion = o[QStringLiteral("baseVersion")].toInt();
    const QDateTime at = Clock::fromStorage(o[QStringLiteral("savedAt")].toString()).toTimeZone(Clock::districtZone());
    QString text = tr("Restored your unsaved draft from %1. Save it, or discard it to start again.")
                       .arg(QLocale().toString(at, QLocale::ShortFormat));
    if (m_visitId > 0 && o[QStringLiteral("baseVersion")].toInt() != m_stored.meta.version)
        text += QLatin1Char(' ') + tr("The visit was changed by someone since: saving the draft will be refused; "
                                      "copy what you need and discard it.");
    m_ui->draftLabel->setText(text);
    m_ui->draftFrame->show();
    spdlog::info("visit form: draft restored for visit {}", m_visitId);
    return true;
}

void VisitEditor::writeDraft()
{
    m_draftTimer.stop();
    if (!m_dirty || m_readOnly)
        return;
    const QString path = draftPath();
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        spdlog::error("visit form: the draft could not be opened for writing");
        return;
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        spdlog::error("visit form: the draft could not be written");
        return;
    }
    m_ui->draftStatusLabel->setText(
        tr("Draft kept at %1")
            .arg(QLocale().toString(Clock::nowUtc().toTimeZone(Clock::districtZone()).time(), QLocale::ShortFormat)));
}

void VisitEditor::discardDraft()
{
    m_draftTimer.stop();
    QFile::remove(draftPath());
    m_restoredFromDraft = false;
    m_draftBaseVersion = 0;
    m_ui->draftFrame->hide();
    m_ui->draftStatusLabel->clear();
}

void VisitEditor::closeEvent(QCloseEvent* event)
{
    writeDraft(); // closing never loses typing: the draft is offered back next time
    QDialog::closeEvent(event);
}

void VisitEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        const bool loading = m_loading;
        m_loading = true;
        m_ui->retranslateUi(this);
        populateKinds();
        for (std::size_t i = 0; i < kAllCheckItems.size(); ++i) {
            if (auto* label = findChild<QLabel*>(QStringLiteral("checkLabel%1").arg(i)))
                label->setText(displayName(kAllCheckItems[i]));
            for (int s = 0; s < m_checkStates[i]->count(); ++s)
                m_checkStates[i]->setItemText(s,
                                              displayName(fromKey<CheckState>(m_checkStates[i]->itemData(s).toString())
                                                              .value_or(CheckState::NotChecked)));
        }
        m_loading = loading;
        validate();
    }
    QDialog::changeEvent(event);
}

// ---------------------------------------------------------------------------------------
// VisitEditCommand

VisitEditCommand::VisitEditCommand(Database& db, RowId actorId, Visit before, Visit after,
                                   std::function<void(const QString&)> onError)
    : m_db(db), m_actorId(actorId), m_before(std::move(before)), m_after(std::move(after)),
      m_version(m_after.meta.version), m_onError(std::move(onError))
{
    setText(QCoreApplication::translate("yg::VisitEditor", "edit of the visit of %1")
                .arg(m_after.date.toString(Qt::ISODate)));
}

void VisitEditCommand::undo()
{
    write(m_before);
}

void VisitEditCommand::redo()
{
    if (m_firstRedo) { // the editor has saved it already
        m_firstRedo = false;
        return;
    }
    write(m_after);
}

void VisitEditCommand::write(const Visit& content)
{
    Visit v = content;
    v.meta = m_after.meta;
    v.meta.version = m_version;
    try {
        const auto actor = CadreRepository(m_db).cadre(m_actorId);
        if (!actor)
            throw Error(QCoreApplication::translate("yg::IssueService", "There is no user with id %1.").arg(m_actorId));
        m_version = VisitService(m_db).save(*actor, JournalEntry{v, {}}).visit.meta.version;
        m_error.clear();
    } catch (const Error& e) {
        m_error = e.message();
        setObsolete(true); // the stack drops a command that can no longer be applied
        spdlog::warn("undo/redo of a visit edit refused for visit {}", v.meta.id);
        if (m_onError)
            m_onError(m_error);
    }
}

} // namespace yg
