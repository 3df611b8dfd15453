#pragma once

#include "domain/Entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace yg {

class Database;

/**
 * Sign-in at start (user name remembered, never the password), and the same form to
 * create the first administrator of an empty database. Every check is the core's
 * (AccountService); this dialog only shows its messages.
 */
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        SignIn,
        FirstAdmin
    };

    SignInDialog(Database& db, Mode mode, QWidget* parent = nullptr);
    ~SignInDialog() override;

    /** The signed-in (or newly created) user, valid after accept(). */
    const Cadre& user() const { return m_user; }
    /** Tries the entered credentials; on success accepts the dialog. */
    bool submit();
    QString message() const;

    void setUsername(const QString& username);
    void setPassword(const QString& password);
    void setNewAccount(const QString& name, const QString& username, const QString& password, const QString& repeat);

private:
    std::unique_ptr<Ui::SignInDialog> m_ui;
    Database& m_db;
    Mode m_mode;
    Cadre m_user;
};

} // namespace yg
