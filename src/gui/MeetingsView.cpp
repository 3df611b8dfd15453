#include "MeetingsView.h"
#include "ui_MeetingsView.h"

#include "render/ReportPdf.h"
#include "services/MeetingService.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrinter>

namespace yg {

namespace {

enum AgendaColumn
{
    PositionColumn,
    NumberColumn,
    TitleColumn,
    StageColumn,
    ReasonsColumn,
    DecisionColumn,
    EnterpriseColumn,
    CategoryColumn,
    OwnerColumn,
    AgendaColumnCount
};

constexpr int kIdRole = Qt::UserRole + 1;

/** The decision on one agenda item: kind, department, due date, note. */
class DecisionDialog : public QDialog
{
public:
    DecisionDialog(const AgendaItem& item, const QList<Department>& departments, QWidget* parent) : QDialog(parent)
    {
        setWindowTitle(MeetingsView::tr("Decision on issue %1").arg(item.issueNumber));
        auto* form = new QFormLayout(this);
        m_kind = new QComboBox(this);
        for (MeetingDecision d :
             {MeetingDecision::None, MeetingDecision::Transfer, MeetingDecision::Reschedule, MeetingDecision::Note})
            m_kind->addItem(displayName(d), static_cast<int>(d));
        m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(item.decision)));
        m_department = new QComboBox(this);
        for (const Department& d : departments)
            m_department->addItem(d.name, d.meta.id);
        if (item.departmentId)
            m_department->setCurrentIndex(m_department->findData(*item.departmentId));
        m_hasDue = new QCheckBox(MeetingsView::tr("Due date"), this);
        m_due = new QDateEdit(this);
        m_due->setCalendarPopup(true);
        m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        m_due->setDate(item.dueDate.isValid() ? item.dueDate : Clock::today().addDays(14));
        m_hasDue->setChecked(item.dueDate.isValid());
        m_note = new QPlainTextEdit(item.note, this);
        m_note->setMinimumHeight(80);
        form->addRow(MeetingsView::tr("Decision"), m_kind);
        form->addRow(MeetingsView::tr("Department"), m_department);
        form->addRow(m_hasDue, m_due);
        form->addRow(MeetingsView::tr("Note or reason"), m_note);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { update(); });
        connect(m_hasDue, &QCheckBox::toggled, this, [this] { update(); });
        update();
    }
    MeetingDecision decision() const { return static_cast<MeetingDecision>(m_kind->currentData().toInt()); }
    std::optional<RowId> department() const
    {
        if (decision() != MeetingDecision::Transfer || m_department->currentIndex() < 0)
            return std::nullopt;
        return m_department->currentData().toLongLong();
    }
    QDate dueDate() const { return m_due->isEnabled() ? m_due->date() : QDate(); }
    QString note() const { return m_note->toPlainText(); }

private:
    void update()
    {
        const MeetingDecision d = decision();
        m_department->setEnabled(d == MeetingDecision::Transfer);
        if (d == MeetingDecision::Reschedule)
            m_hasDue->setChecked(true);
        // A transfer may set a due date; a new due date must.
        m_hasDue->setEnabled(d == MeetingDecision::Transfer);
        m_due->setEnabled(d == MeetingDecision::Reschedule ||
                          (d == MeetingDecision::Transfer && m_hasDue->isChecked()));
        m_note->setEnabled(d != MeetingDecision::None);
    }
    QComboBox* m_kind;
    QComboBox* m_department;
    QCheckBox* m_hasDue;
    QDateEdit* m_due;
    QPlainTextEdit* m_note;
};

} // namespace

MeetingsView::MeetingsView(Database& db, RowId actorId, QWidget* parent)
    : QWidget(parent), m_db(db), m_actorId(actorId), m_ui(std::make_unique<Ui::MeetingsView>()),
      m_service(std::make_unique<MeetingService>(db))
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 4);
    m_ui->splitter->setSizes({260, 940});
    m_ui->monthDateEdit->setDate(Clock::today().addMonths(-1));
    // The groups this person leads: only they prepare meetings.
    for (const CadreGroup& g : CadreRepository(db).groups()) {
        if (g.supervisorId == actorId)
            m_ui->groupComboBox->addItem(g.name, g.meta.id);
    }
    const bool leads = m_ui->groupComboBox->count() > 0;
    for (QWidget* w : {static_cast<QWidget*>(m_ui->monthLabel), static_cast<QWidget*>(m_ui->monthDateEdit),
                       static_cast<QWidget*>(m_ui->groupLabel), static_cast<QWidget*>(m_ui->groupComboBox),
                       static_cast<QWidget*>(m_ui->createButton)})
        w->setVisible(leads);

    m_ui->meetingsTableWidget->setColumnCount(4);
    m_ui->meetingsTableWidget->setHorizontalHeaderLabels({tr("Month"), tr("Group"), tr("Held on"), tr("Decided")});
    m_ui->meetingsTableWidget->verticalHeader()->hide();
    m_ui->meetingsTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->agendaTableWidget->setColumnCount(AgendaColumnCount);
    m_ui->agendaTableWidget->setHorizontalHeaderLabels({tr("No."), tr("Issue"), tr("Title"), tr("Stage"),
                                                        tr("Why on the agenda"), tr("Decision"), tr("Enterprise"),
                                                        tr("Category"), tr("Owner")});
    m_ui->agendaTableWidget->verticalHeader()->hide();
    m_ui->agendaTableWidget->horizontalHeader()->setStretchLastSection(true);

    connect(m_ui->createButton, &QPushButton::clicked, this, [this] {
        createMeeting(m_ui->groupComboBox->currentData().toLongLong(),
                      m_ui->monthDateEdit->date().toString(QStringLiteral("yyyy-MM")));
    });
    connect(m_ui->meetingsTableWidget, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_ui->meetingsTableWidget->selectionModel()->selectedRows();
        m_meetingId = rows.isEmpty() ? 0 : rows.first().data(kIdRole).toLongLong();
        loadMeeting();
    });
    connect(m_ui->saveButton, &QPushButton::clicked, this, [this] { saveRecord(); });
    connect(m_ui->addIssueButton, &QPushButton::clicked, this, [this] {
        const QString number = m_ui->addIssueLineEdit->text().trimmed();
        if (attempt([&] { m_service->addIssue(m_meetingId, number, m_actorId); })) {
            m_ui->addIssueLineEdit->clear();
            loadMeeting();
        }
    });
    connect(m_ui->addIssueLineEdit, &QLineEdit::returnPressed, m_ui->addIssueButton, &QPushButton::click);
    connect(m_ui->removeButton, &QPushButton::clicked, this, [this] {
        if (attempt([&] { m_service->removeItem(selectedItemId(), m_actorId); }))
            loadMeeting();
    });
    auto move = [this](int delta) {
        const RowId id = selectedItemId();
        if (!attempt([&] { m_service->moveItem(id, delta, m_actorId); }))
            return;
        loadMeeting();
        for (int row = 0; row < m_items.size(); ++row) {
            if (m_items[row].meta.id == id)
                m_ui->agendaTableWidget->selectRow(row);
        }
    };
    connect(m_ui->upButton, &QPushButton::clicked, this, [move] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [move] { move(1); });
    connect(m_ui->decisionButton, &QPushButton::clicked, this, &MeetingsView::editDecision);
    connect(m_ui->agendaTableWidget, &QTableWidget::itemSelectionChanged, this, &MeetingsView::updateButtons);
    connect(m_ui->agendaTableWidget, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_items.size())
            emit openIssueRequested(m_items[row].issueId);
    });
    connect(m_ui->recordDecisionsButton, &QPushButton::clicked, this, [this] { recordDecisions(); });
    connect(m_ui->exportButton, &QPushButton::clicked, this, &MeetingsView::exportInteractive);
    connect(m_ui->printButton, &QPushButton::clicked, this, &MeetingsView::print);
    refresh();
}

MeetingsView::~MeetingsView() = default;

bool MeetingsView::attempt(const std::function<void()>& fn)
{
    try {
        fn();
        m_ui->problemLabel->clear();
        return true;
    } catch (const Error& e) {
        m_ui->problemLabel->setText(e.message());
        return false;
    }
}

QString MeetingsView::problem() const
{
    return m_ui->problemLabel->text();
}

int MeetingsView::agendaRowCount() const
{
    return m_ui->agendaTableWidget->rowCount();
}

void MeetingsView::refresh()
{
    const RowId keep = m_meetingId;
    loadList();
    if (!keep || !selectMeeting(keep)) {
        if (m_ui->meetingsTableWidget->rowCount() > 0)
            m_ui->meetingsTableWidget->selectRow(0);
        else
            loadMeeting();
    }
}

void MeetingsView::loadList()
{
    QList<MeetingListRow> rows;
    attempt([&] { rows = m_service->meetings(m_actorId); });
    QSignalBlocker block(m_ui->meetingsTableWidget);
    m_ui->meetingsTableWidget->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const MeetingListRow& m = rows[r];
        const QStringList cells{m.month, m.group, m.heldOn.toString(Qt::ISODate),
                                QStringLiteral("%1/%2").arg(m.decided).arg(m.items)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(kIdRole, m.id);
            m_ui->meetingsTableWidget->setItem(r, c, item);
        }
    }
    m_ui->meetingsTableWidget->resizeColumnsToContents();
}

bool MeetingsView::selectMeeting(RowId meetingId)
{
    for (int r = 0; r < m_ui->meetingsTableWidget->rowCount(); ++r) {
        if (m_ui->meetingsTableWidget->item(r, 0)->data(kIdRole).toLongLong() == meetingId) {
            m_ui->meetingsTableWidget->selectRow(r);
            if (m_meetingId != meetingId) { // selection unchanged: no signal
                m_meetingId = meetingId;
                loadMeeting();
            } else {
                loadMeeting();
            }
            return true;
        }
    }
    return false;
}

void MeetingsView::loadMeeting()
{
    m_items.clear();
    m_canEdit = false;
    const bool ok = m_meetingId && attempt([&] {
                        m_meeting = m_service->meeting(m_meetingId, m_actorId);
                        m_items = m_service->agenda(m_meetingId, m_actorId);
                    });
    m_ui->editorWidget->setEnabled(ok);
    if (!ok) {
        m_meeting = Meeting();
        m_ui->titleLabel->clear();
        m_ui->agendaTableWidget->setRowCount(0);
        updateButtons();
        return;
    }
    m_canEdit = m_service->canEdit(m_meetingId, m_actorId);
    const auto group = CadreRepository(m_db).group(m_meeting.groupId);
    m_ui->titleLabel->setText(tr("Exchange meeting of %1, %2").arg(group ? group->name : QString(), m_meeting.month));

    // Record: the chair and attendees are chosen among the group's people and its supervisor.
    QList<Cadre> people;
    for (const Cadre& c : CadreRepository(m_db).cadres()) {
        if (c.groupId == m_meeting.groupId || (group && group->supervisorId == c.meta.id) ||
            m_meeting.attendeeIds.contains(c.meta.id) || m_meeting.chairId == c.meta.id)
            people.append(c);
    }
    m_ui->heldOnDateEdit->setDate(m_meeting.heldOn.isValid() ? m_meeting.heldOn : Clock::today());
    m_ui->chairComboBox->clear();
    m_ui->attendeesListWidget->clear();
    for (const Cadre& c : people) {
        m_ui->chairComboBox->addItem(c.name, c.meta.id);
        auto* item = new QListWidgetItem(c.name, m_ui->attendeesListWidget);
        item->setData(kIdRole, c.meta.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_meeting.attendeeIds.contains(c.meta.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_ui->chairComboBox->setCurrentIndex(m_meeting.chairId ? m_ui->chairComboBox->findData(*m_meeting.chairId) : -1);
    m_ui->otherAttendeesLineEdit->setText(m_meeting.otherAttendees);
    m_ui->minutesPlainTextEdit->setPlainText(m_meeting.minutes);
    for (QWidget* w :
         {static_cast<QWidget*>(m_ui->heldOnDateEdit), static_cast<QWidget*>(m_ui->chairComboBox),
          static_cast<QWidget*>(m_ui->attendeesListWidget), static_cast<QWidget*>(m_ui->otherAttendeesLineEdit)})
        w->setEnabled(m_canEdit);
    m_ui->minutesPlainTextEdit->setReadOnly(!m_canEdit);

    m_ui->agendaTableWidget->setRowCount(static_cast<int>(m_items.size()));
    for (int r = 0; r < m_items.size(); ++r) {
        const AgendaItem& i = m_items[r];
        QString stage = displayName(i.stage);
        if (i.stage == Stage::Closed)
            stage += QStringLiteral("（") + displayName(i.outcome) + QStringLiteral("）");
        QString decision = decisionText(i);
        if (!decision.isEmpty())
            decision = (i.decided() ? tr("✓ recorded: ") : tr("pending: ")) + decision;
        const QStringList cells{QString::number(i.position),
                                i.issueNumber,
                                i.issueTitle,
                                stage,
                                reasonsText(i.reasons),
                                decision,
                                i.enterprise,
                                i.category,
                                i.owner};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setData(kIdRole, i.meta.id);
            if (c == DecisionColumn || c == TitleColumn || c == ReasonsColumn)
                item->setToolTip(cells[c]);
            m_ui->agendaTableWidget->setItem(r, c, item);
        }
    }
    m_ui->agendaTableWidget->resizeColumnsToContents();
    for (int c : {TitleColumn, ReasonsColumn, DecisionColumn}) { // long texts: the tooltip has them whole
        if (m_ui->agendaTableWidget->columnWidth(c) > 240)
            m_ui->agendaTableWidget->setColumnWidth(c, 240);
    }
    updateButtons();
}

void MeetingsView::updateButtons()
{
    const bool open = m_meetingId && m_ui->editorWidget->isEnabled();
    const RowId selected = selectedItemId();
    bool decided = false;
    for (const AgendaItem& i : m_items) {
        if (i.meta.id == selected)
            decided = i.decided();
    }
    bool pending = false;
    for (const AgendaItem& i : m_items)
        pending = pending || (i.decision != MeetingDecision::None && !i.decided());
    m_ui->saveButton->setEnabled(m_canEdit);
    m_ui->addIssueLineEdit->setEnabled(m_canEdit);
    m_ui->addIssueButton->setEnabled(m_canEdit);
    m_ui->removeButton->setEnabled(m_canEdit && selected && !decided);
    m_ui->upButton->setEnabled(m_canEdit && selected);
    m_ui->downButton->setEnabled(m_canEdit && selected);
    m_ui->decisionButton->setEnabled(m_canEdit && selected && !decided);
    m_ui->recordDecisionsButton->setEnabled(m_canEdit && pending);
    m_ui->exportButton->setEnabled(open);
    m_ui->printButton->setEnabled(open);
    const QString why = m_canEdit || !open ? QString() : tr("Only the supervisor of the group changes its meetings.");
    for (QWidget* w : {static_cast<QWidget*>(m_ui->saveButton), static_cast<QWidget*>(m_ui->decisionButton),
                       static_cast<QWidget*>(m_ui->recordDecisionsButton)})
        w->setToolTip(why.isEmpty() ? w->toolTip() : why);
}

RowId MeetingsView::selectedItemId() const
{
    const auto rows = m_ui->agendaTableWidget->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(kIdRole).toLongLong();
}

bool MeetingsView::createMeeting(RowId groupId, const QString& month)
{
    Meeting created;
    if (!attempt([&] { created = m_service->create(groupId, month, m_actorId); }))
        return false;
    loadList();
    return selectMeeting(created.meta.id);
}

bool MeetingsView::saveRecord()
{
    Meeting m = m_meeting;
    m.heldOn = m_ui->heldOnDateEdit->date();
    m.chairId = m_ui->chairComboBox->currentIndex() >= 0
                    ? std::optional<RowId>(m_ui->chairComboBox->currentData().toLongLong())
                    : std::nullopt;
    m.attendeeIds.clear();
    for (int r = 0; r < m_ui->attendeesListWidget->count(); ++r) {
        const QListWidgetItem* item = m_ui->attendeesListWidget->item(r);
        if (item->checkState() == Qt::Checked)
            m.attendeeIds.append(item->data(kIdRole).toLongLong());
    }
    m.otherAttendees = m_ui->otherAttendeesLineEdit->text();
    m.minutes = m_ui->minutesPlainTextEdit->toPlainText();
    if (!attempt([&] { m_service->save(m, m_actorId); }))
        return false;
    refresh();
    return true;
}

bool MeetingsView::setDecision(int row, MeetingDecision decision, std::optional<RowId> departmentId, QDate dueDate,
                               const QString& note)
{
    if (row < 0 || row >= m_items.size())
        return false;
    const RowId id = m_items[row].meta.id;
    if (!attempt([&] { m_service->setDecision(id, decision, departmentId, dueDate, note, m_actorId); }))
        return false;
    loadMeeting();
    m_ui->agendaTableWidget->selectRow(row);
    return true;
}

void MeetingsView::editDecision()
{
    const RowId id = selectedItemId();
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].meta.id != id)
            continue;
        DecisionDialog dialog(m_items[row], ReferenceRepository(m_db).departments(), this);
        if (dialog.exec() == QDialog::Accepted)
            setDecision(row, dialog.decision(), dialog.department(), dialog.dueDate(), dialog.note());
        return;
    }
}

bool MeetingsView::recordDecisions()
{
    if (m_confirm && m_ui->heldOnDateEdit->date() != m_meeting.heldOn && m_canEdit && !saveRecord())
        return false;
    if (m_confirm &&
        QMessageBox::question(this, tr("Record decisions"),
                              tr("Each pending decision becomes a step of its issue, dated %1 and attributed to this "
                                 "meeting. Steps cannot be undone. Record them?")
                                  .arg(m_meeting.heldOn.toString(Qt::ISODate))) != QMessageBox::Yes)
        return false;
    int written = 0;
    if (!attempt([&] { written = m_service->recordDecisions(m_meetingId, m_actorId); }))
        return false;
    m_ui->problemLabel->setText(tr("%1 decision(s) recorded as issue steps.").arg(written));
    loadList();
    selectMeeting(m_meetingId);
    m_ui->problemLabel->setText(tr("%1 decision(s) recorded as issue steps.").arg(written));
    return true;
}

bool MeetingsView::exportPdf(const QString& path)
{
    return attempt([&] { writeDocumentPdf(m_service->recordDocument(m_meetingId, m_actorId), path); });
}

void MeetingsView::exportInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export meeting record"), tr("exchange-meeting-%1.pdf").arg(m_meeting.month), tr("PDF (*.pdf)"));
    if (!path.isEmpty() && !exportPdf(path))
        QMessageBox::warning(this, tr("Export meeting record"), problem());
}

void MeetingsView::print()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print meeting record"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    attempt([&] {
        const ReportDocument doc = m_service->recordDocument(m_meetingId, m_actorId);
        ReportPaper(doc).paint(printer);
    });
}

} // namespace yg
