#include "EnterpriseDialog.h"
#include "ui_EnterpriseDialog.h"

#include "ListWidgets.h"
#include "domain/CreditCode.h"
#include "services/EnterpriseService.h"
#include "storage/CadreRepository.h"
#include "storage/EnterpriseRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/VisitQueries.h"
#include "util/Error.h"

#include <QPushButton>

namespace yg {

EnterpriseDialog::EnterpriseDialog(Database& db, RowId actorId, RowId enterpriseId, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::EnterpriseDialog>()), m_db(db), m_actorId(actorId)
{
    m_ui->setupUi(this);
    makeSearchable(m_ui->cadreComboBox);
    populateChoices();
    if (enterpriseId > 0) {
        if (const auto e = EnterpriseRepository(db).enterprise(enterpriseId))
            m_enterprise = *e;
    }
    setWindowTitle(m_enterprise.meta.id > 0 ? tr("Enterprise: %1").arg(m_enterprise.name) : tr("New enterprise"));
    showEnterprise();
    for (QLineEdit* edit : {m_ui->nameLineEdit, m_ui->creditCodeLineEdit})
        connect(edit, &QLineEdit::textChanged, this, &EnterpriseDialog::validateForm);
    connect(m_ui->townComboBox, &QComboBox::currentIndexChanged, this, &EnterpriseDialog::validateForm);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &EnterpriseDialog::accept);
    validateForm();
}

EnterpriseDialog::~EnterpriseDialog() = default;

void EnterpriseDialog::populateChoices()
{
    m_ui->townComboBox->addItem(tr("(choose a town)"));
    for (const Town& t : ReferenceRepository(m_db).towns())
        m_ui->townComboBox->addItem(t.name, t.meta.id);
    for (UnionStatus s : kAllUnionStatuses)
        m_ui->unionComboBox->addItem(displayName(s), toKey(s));
    fillNames(m_ui->cadreComboBox, tr("(none)"), VisitQueries(m_db).cadreChoices(std::nullopt));
}

void EnterpriseDialog::showEnterprise()
{
    const Enterprise& e = m_enterprise;
    m_ui->nameLineEdit->setText(e.name);
    m_ui->creditCodeLineEdit->setText(e.creditCode);
    m_ui->townComboBox->setCurrentIndex(std::max(0, m_ui->townComboBox->findData(e.townId)));
    m_ui->addressLineEdit->setText(e.address);
    m_ui->industryLineEdit->setText(e.industry);
    m_ui->employeesSpinBox->setValue(e.employees);
    m_ui->keyCheckBox->setChecked(e.isKey);
    m_ui->smallMicroCheckBox->setChecked(e.isSmallMicro);
    m_ui->newFormCheckBox->setChecked(e.isNewForm);
    m_ui->unionComboBox->setCurrentIndex(std::max(0, m_ui->unionComboBox->findData(toKey(e.unionStatus))));
    m_ui->unionMembersSpinBox->setValue(e.unionMembers);
    m_ui->contactPersonLineEdit->setText(e.contactPerson);
    m_ui->contactPhoneLineEdit->setText(e.contactPhone);
    m_ui->cadreComboBox->setCurrentIndex(
        e.assignedCadreId ? std::max(0, m_ui->cadreComboBox->findData(*e.assignedCadreId)) : 0);
    m_ui->notesPlainTextEdit->setPlainText(e.notes);
}

Enterprise EnterpriseDialog::fromForm() const
{
    Enterprise e = m_enterprise;
    e.name = m_ui->nameLineEdit->text().trimmed();
    e.creditCode = CreditCode::normalized(m_ui->creditCodeLineEdit->text());
    e.townId = m_ui->townComboBox->currentData().toLongLong();
    e.address = m_ui->addressLineEdit->text().trimmed();
    e.industry = m_ui->industryLineEdit->text().trimmed();
    e.employees = m_ui->employeesSpinBox->value();
    e.isKey = m_ui->keyCheckBox->isChecked();
    e.isSmallMicro = m_ui->smallMicroCheckBox->isChecked();
    e.isNewForm = m_ui->newFormCheckBox->isChecked();
    e.unionStatus = fromKey<UnionStatus>(m_ui->unionComboBox->currentData().toString()).value_or(UnionStatus::None);
    e.unionMembers = m_ui->unionMembersSpinBox->value();
    e.contactPerson = m_ui->contactPersonLineEdit->text().trimmed();
    e.contactPhone = m_ui->contactPhoneLineEdit->text().trimmed();
    const QVariant cadre = m_ui->cadreComboBox->currentData();
    e.assignedCadreId = m_ui->cadreComboBox->currentIndex() > 0 && cadre.isValid()
                            ? std::optional<RowId>(cadre.toLongLong())
                            : std::nullopt;
    e.notes = m_ui->notesPlainTextEdit->toPlainText();
    return e;
}

void EnterpriseDialog::validateForm()
{
    const QString code = m_ui->creditCodeLineEdit->text();
    const CreditCode::Check check = CreditCode::validate(code);
    // Nothing to say about an empty field until the person starts typing in it.
    m_ui->creditCodeMessageLabel->setText(check.ok || code.isEmpty() ? QString() : check.message);
    m_ui->creditCodeMessageLabel->setVisible(!m_ui->creditCodeMessageLabel->text().isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(canSave());
}

bool EnterpriseDialog::canSave() const
{
    return !m_ui->nameLineEdit->text().trimmed().isEmpty() &&
           CreditCode::validate(m_ui->creditCodeLineEdit->text()).ok && m_ui->townComboBox->currentIndex() > 0;
}

QString EnterpriseDialog::creditCodeMessage() const
{
    return m_ui->creditCodeMessageLabel->text();
}

QString EnterpriseDialog::errorText() const
{
    return m_ui->errorLabel->text();
}

bool EnterpriseDialog::save()
{
    try {
        const auto actor = CadreRepository(m_db).cadre(m_actorId);
        if (!actor)
            throw Error(tr("The signed-in person is not in this database."));
        m_enterprise = EnterpriseService(m_db).save(*actor, fromForm());
        m_ui->errorLabel->clear();
        return true;
    } catch (const Error& e) {
        m_ui->errorLabel->setText(e.message());
        return false;
    }
}

void EnterpriseDialog::accept()
{
    if (canSave() && save())
        QDialog::accept();
}

} // namespace yg
