#include "SignInDialog.h"
#include "ui_SignInDialog.h"

#include "security/PasswordHasher.h"
#include "services/AccountService.h"
#include "storage/Database.h"
#include "util/Error.h"

#include <QPushButton>
#include <QSettings>

namespace yg {

namespace {
const QString kLastUserKey = QStringLiteral("session/lastUser");
}

SignInDialog::SignInDialog(Database& db, Mode mode, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>()), m_db(db), m_mode(mode)
{
    m_ui->setupUi(this);
    const bool first = mode == Mode::FirstAdmin;
    m_ui->nameLabel->setVisible(first);
    m_ui->nameLineEdit->setVisible(first);
    m_ui->repeatLabel->setVisible(first);
    m_ui->repeatLineEdit->setVisible(first);
    if (first) {
        setWindowTitle(tr("Create the first administrator"));
        m_ui->promptLabel->setText(tr("This database has no accounts yet. Create the administrator who will set up the "
                                      "others (at least %1 characters for the password).")
                                       .arg(PasswordHasher::kMinLength));
    } else {
        m_ui->promptLabel->setText(tr("Sign in with your user name and password."));
        m_ui->usernameLineEdit->setText(QSettings().value(kLastUserKey).toString());
        if (!m_ui->usernameLineEdit->text().isEmpty())
            m_ui->passwordLineEdit->setFocus();
    }
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
}

SignInDialog::~SignInDialog() = default;

bool SignInDialog::submit()
{
    try {
        if (m_mode == Mode::FirstAdmin) {
            if (m_ui->passwordLineEdit->text() != m_ui->repeatLineEdit->text())
                throw Error(tr("The two passwords differ."));
            if (m_ui->nameLineEdit->text().trimmed().isEmpty())
                throw Error(tr("The full name is empty."));
            m_user = AccountService(m_db).createFirstAdmin(m_ui->nameLineEdit->text(), m_ui->usernameLineEdit->text(),
                                                           m_ui->passwordLineEdit->text());
        } else {
            m_user = AccountService(m_db).signIn(m_ui->usernameLineEdit->text(), m_ui->passwordLineEdit->text());
        }
    } catch (const Error& e) {
        m_ui->messageLabel->setText(e.message());
        m_ui->passwordLineEdit->clear();
        m_ui->repeatLineEdit->clear();
        m_ui->passwordLineEdit->setFocus();
        return false;
    }
    QSettings().setValue(kLastUserKey, m_ui->usernameLineEdit->text().trimmed());
    m_ui->passwordLineEdit->clear();
    m_ui->repeatLineEdit->clear();
    accept();
    return true;
}

QString SignInDialog::message() const
{
    return m_ui->messageLabel->text();
}

void SignInDialog::setUsername(const QString& username)
{
    m_ui->usernameLineEdit->setText(username);
}

void SignInDialog::setPassword(const QString& password)
{
    m_ui->passwordLineEdit->setText(password);
}

void SignInDialog::setNewAccount(const QString& name, const QString& username, const QString& password,
                                 const QString& repeat)
{
    m_ui->nameLineEdit->setText(name);
    m_ui->usernameLineEdit->setText(username);
    m_ui->passwordLineEdit->setText(password);
    m_ui->repeatLineEdit->setText(repeat);
}

} // namespace yg
