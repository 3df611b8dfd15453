#include "SettingsDialog.h"

#include "services/AdminService.h"
#include "services/Permissions.h"
#include "services/SharedNeedService.h"
#include "util/Error.h"

#include <QCheckBox>
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
    // 共性需求提醒: N issues from M enterprises, open or received in the last D days.
    const SharedNeedSettings needs = SharedNeedService(db).settings();
    auto spin = [&](const char* name, int min, int max, int value, const QString& suffix) {
        auto* b = new QSpinBox(shared);
        b->setObjectName(QLatin1String(name));
        b->setRange(min, max);
        b->setValue(value);
        b->setSuffix(suffix);
        return b;
    };
    m_needIssues = spin("sharedNeedIssuesSpinBox", 2, 1000, needs.minIssues, tr(" issues"));
    sharedForm->addRow(tr("Shared-need alert from"), m_needIssues);
    m_needEnterprises = spin("sharedNeedEnterprisesSpinBox", 1, 1000, needs.minEnterprises, tr(" enterprises"));
    sharedForm->addRow(tr("raised by at least"), m_needEnterprises);
    m_needDays = spin("sharedNeedDaysSpinBox", 1, 3660, needs.periodDays, tr(" days"));
    sharedForm->addRow(tr("open, or received in the last"), m_needDays);
    m_needByTown = new QCheckBox(tr("also within each town"), shared);
    m_needByTown->setObjectName(QStringLiteral("sharedNeedByTownCheckBox"));
    m_needByTown->setChecked(needs.byTown);
    sharedForm->addRow(QString(), m_needByTown);
    if (!Permissions::can(user.role, Capability::ManageSettings)) {
        m_idleLock->setEnabled(false);
        m_keyWeeks->setEnabled(false);
        for (QWidget* w : {static_cast<QWidget*>(m_needIssues), static_cast<QWidget*>(m_needEnterprises),
                           static_cast<QWidget*>(m_needDays), static_cast<QWidget*>(m_needByTown)})
            w->setEnabled(false);
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
        SharedNeedService needs(m_db);
        SharedNeedSettings s = needs.settings();
        const SharedNeedSettings before = s;
        s.minIssues = m_needIssues->value();
        s.minEnterprises = m_needEnterprises->value();
        s.periodDays = m_needDays->value();
        s.byTown = m_needByTown->isChecked();
        if (s.minIssues != before.minIssues || s.minEnterprises != before.minEnterprises ||
            s.periodDays != before.periodDays || s.byTown != before.byTown)
            needs.saveSettings(m_user, s);
        return true;
    } catch (const Error& e) {
        m_error->setText(e.message());
        return false;
    }
}

} // namespace yg
