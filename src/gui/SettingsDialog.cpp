#include "SettingsDialog.h"

#include "services/AdminService.h"
#include "services/Permissions.h"
#include "util/Error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace yg {

SettingsDialog::SettingsDialog(Database& db, const Cadre& user, QWidget* parent)
    : QDialog(parent), m_db(db), m_user(user)
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    auto* computer = new QGroupBox(tr("On this computer"), this);
    auto* computerForm = new QFormLayout(computer);
    m_language = new QComboBox(computer);
    m_language->setObjectName(QStringLiteral("languageComboBox"));
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    computerForm->addRow(tr("&Language"), m_language);
    layout->addWidget(computer);

    AdminService admin(db);
    auto* shared = new QGroupBox(tr("For everyone using this database"), this);
    auto* sharedForm = new QFormLayout(shared);
    m_idleLock = new QSpinBox(shared);
    m_idleLock->setObjectName(QStringLiteral("idleLockSpinBox"));
    m_idleLock->setRange(1, 240);
    m_idleLock->setSuffix(tr(" min"));
    m_idleLock->setValue(admin.idleLockMinutes());
    sharedForm->addRow(tr("Lock after &idle time"), m_idleLock);
    m_keyWeeks = new QSpinBox(shared);
    m_keyWeeks->setObjectName(QStringLiteral("keyVisitWeeksSpinBox"));
    m_keyWeeks->setRange(1, 52);
    m_keyWeeks->setSuffix(tr(" weeks"));
    m_keyWeeks->setValue(admin.keyVisitWeeks());
    sharedForm->addRow(tr("Key enterprise due a visit after"), m_keyWeeks);
    if (!Permissions::can(user.role, Capability::ManageSettings)) {
        m_idleLock->setEnabled(false);
        m_keyWeeks->setEnabled(false);
        auto* why = new QLabel(Permissions::refusal(user, Capability::ManageSettings), shared);
        why->setWordWrap(true);
        why->setStyleSheet(QStringLiteral("color: palette(dark);"));
        sharedForm->addRow(why);
    }
    layout->addWidget(shared);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguage(const QString& language)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
}

bool SettingsDialog::apply()
{
    if (!Permissions::can(m_user.role, Capability::ManageSettings))
        return true;
    try {
        AdminService admin(m_db);
        if (m_idleLock->value() != admin.idleLockMinutes())
            admin.setIdleLockMinutes(m_user, m_idleLock->value());
        if (m_keyWeeks->value() != admin.keyVisitWeeks())
            admin.setKeyVisitWeeks(m_user, m_keyWeeks->value());
        return true;
    } catch (const Error& e) {
        m_error->setText(e.message());
        return false;
    }
}

} // namespace yg
