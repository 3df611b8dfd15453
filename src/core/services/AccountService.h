#pragma once

#include "domain/Entities.h"

#include <QDateTime>

namespace yg {

class Database;

/**
 * Accounts and sign-in. Passwords are Argon2id hashes (PasswordHasher); the clear text
 * is never stored or logged. Failed sign-ins are recorded and slow down: after the third
 * failure in a row the next attempt must wait 2, 4, 8 … seconds (at most 5 minutes);
 * messages never say whether the user name or the password was wrong.
 */
class AccountService
{
public:
    explicit AccountService(Database& db);

    /** True when no account has ever had a password (a new empty database). */
    bool needsFirstAdmin();
    /** Creates the first administrator of an empty database; refused once one exists. */
    Cadre createFirstAdmin(const QString& name, const QString& username, const QString& password);

    /** Signs in; throws yg::Error with a plain message (wrong credentials, disabled, wait N s). */
    Cadre signIn(const QString& username, const QString& password);
    /** Checks a signed-in user's password again (idle lock); records failures like sign-in. */
    bool confirmPassword(RowId cadreId, const QString& password);

    /** Sets a user name and password for a cadre (admin only; also resets a forgotten password). */
    void setCredentials(const Cadre& admin, RowId cadreId, const QString& username, const QString& password);
    void setDisabled(const Cadre& admin, RowId cadreId, bool disabled);

    /**
     * Throws unless the account is still enabled. Services call it on every change, so a
     * session that stays open loses its rights as soon as an administrator disables it.
     */
    static void requireEnabled(Database& db, RowId cadreId);

    /** Seconds to wait after `failures` consecutive failures. */
    static int delayAfter(int failures);

private:
    Cadre load(RowId cadreId);
    Database& m_db;
};

} // namespace yg
