#include "ActionDialog.h"
#include "ui_ActionDialog.h"

#include "util/Clock.h"

#include <QPushButton>

namespace yg {

ActionDialog::ActionDialog(LifecycleAction action, const IssueState& state, const ActorContext& actor,
                           const QList<Department>& departments, const WorkCalendar& calendar, int defaultDueDays,
                           QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ActionDialog>()), m_action(action), m_state(state), m_actor(actor),
      m_calendar(calendar), m_defaultDueDays(defaultDueDays)
{
    m_ui->setupUi(this);
    using A = LifecycleAction;
    setWindowTitle(displayName(action));
    const QDate today = Clock::today();
    m_ui->dateEdit->setDate(today);
    m_ui->dateEdit->setMaximumDate(today);
    m_ui->dueDateEdit->setDate(calendar.addWorkingDays(today, defaultDueDays));
    m_ui->dueDateEdit->setEnabled(false);

    for (const Department& d : departments)
        m_ui->departmentComboBox->addItem(d.name, d.meta.id);
    m_ui->departmentComboBox->setCurrentIndex(-1);
    m_ui->satisfactionComboBox->addItem(satisfactionName(kSatisfied), kSatisfied);
    m_ui->satisfactionComboBox->addItem(satisfactionName(kBasicallySatisfied), kBasicallySatisfied);

    const bool department = action == A::Transfer;
    const bool due = action == A::Submit || action == A::Transfer || action == A::Reopen || action == A::Reschedule;
    const bool satisfaction = action == A::Confirm;
    const bool note = action != A::Submit && action != A::Confirm && action != A::Resume;
    m_ui->departmentLabel->setVisible(department);
    m_ui->departmentComboBox->setVisible(department);
    m_ui->dueCheckBox->setVisible(due);
    m_ui->dueDateEdit->setVisible(due);
    m_ui->satisfactionLabel->setVisible(satisfaction);
    m_ui->satisfactionComboBox->setVisible(satisfaction);
    m_ui->noteLabel->setVisible(note);
    m_ui->notePlainTextEdit->setVisible(note);

    switch (action) {
    case A::Explain:
        m_ui->noteLabel->setText(tr("What was explained"));
        break;
    case A::Transfer:
        m_ui->noteLabel->setText(tr("Note for the department"));
        m_ui->dueCheckBox->setText(tr("New due date"));
        break;
    case A::Return:
        m_ui->noteLabel->setText(tr("The department's reason"));
        break;
    case A::Feedback:
        m_ui->noteLabel->setText(tr("What was done, by whom"));
        break;
    case A::Reject:
        m_ui->noteLabel->setText(tr("What is still unsolved"));
        break;
    case A::Note:
        m_ui->noteLabel->setText(tr("Note"));
        break;
    default:
        m_ui->noteLabel->setText(tr("Reason"));
        break;
    }
    QString prompt;
    if (action == A::Submit || action == A::Reopen) {
        prompt = tr("Without a due date of your own it is due %n working day(s) later, by the category's default.",
                    nullptr, defaultDueDays);
    } else if (action == A::Resume && state.dueDate.isValid()) {
        prompt = tr("The due date moves by the working days the clock was paused (since %1).")
                     .arg(state.pausedSince.toString(Qt::ISODate));
    } else if (action == A::Reject) {
        prompt = tr("The issue goes back to consultation; the follow-up is recorded as dissatisfied.");
    }
    m_ui->promptLabel->setText(prompt);
    m_ui->promptLabel->setVisible(!prompt.isEmpty());

    connect(m_ui->dateEdit, &QDateEdit::dateChanged, this, [this, calendar, defaultDueDays](QDate d) {
        if (!m_ui->dueCheckBox->isChecked())
            m_ui->dueDateEdit->setDate(calendar.addWorkingDays(d, defaultDueDays));
        revalidate();
    });
    connect(m_ui->dueCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->dueDateEdit->setEnabled(on);
        revalidate();
    });
    connect(m_ui->dueDateEdit, &QDateEdit::dateChanged, this, &ActionDialog::revalidate);
    connect(m_ui->departmentComboBox, &QComboBox::currentIndexChanged, this, &ActionDialog::revalidate);
    connect(m_ui->satisfactionComboBox, &QComboBox::currentIndexChanged, this, &ActionDialog::revalidate);
    connect(m_ui->notePlainTextEdit, &QPlainTextEdit::textChanged, this, &ActionDialog::revalidate);
    if (action == A::Reschedule) { // the new due date is the point of the action
        m_ui->dueCheckBox->setText(tr("New due date"));
        m_ui->dueCheckBox->setChecked(true);
    }
    revalidate();
}

ActionDialog::~ActionDialog() = default;

ActionInput ActionDialog::input() const
{
    ActionInput in;
    in.action = m_action;
    in.date = m_ui->dateEdit->date();
    // isVisibleTo(): the fields of this action, whether or not the dialog is on screen yet
    in.note = m_ui->notePlainTextEdit->isVisibleTo(this) ? m_ui->notePlainTextEdit->toPlainText() : QString();
    if (m_ui->departmentComboBox->isVisibleTo(this) && m_ui->departmentComboBox->currentIndex() >= 0)
        in.departmentId = m_ui->departmentComboBox->currentData().toLongLong();
    if (m_ui->dueCheckBox->isVisibleTo(this) && m_ui->dueCheckBox->isChecked())
        in.dueDate = m_ui->dueDateEdit->date();
    if (m_ui->satisfactionComboBox->isVisibleTo(this))
        in.satisfaction = m_ui->satisfactionComboBox->currentData().toString();
    return in;
}

QString ActionDialog::problem() const
{
    return Lifecycle::refusal(m_state, m_actor, input(), Clock::today());
}

void ActionDialog::revalidate()
{
    const QString why = problem();
    m_ui->problemLabel->setText(why);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void ActionDialog::setNote(const QString& note)
{
    m_ui->notePlainTextEdit->setPlainText(note);
}

void ActionDialog::setDepartment(RowId departmentId)
{
    m_ui->departmentComboBox->setCurrentIndex(m_ui->departmentComboBox->findData(departmentId));
}

void ActionDialog::setDate(QDate date)
{
    m_ui->dateEdit->setDate(date);
}

} // namespace yg
