#pragma once

#include "storage/RepositoryBase.h"

namespace yg {

/** The sign-in columns of a cadre and the record of sign-in attempts. */
struct Account
{
    RowId cadreId = 0;
    QString username;
    QString passwordHash;
    bool disabled = false;
    int failedSignIns = 0;
    QDateTime lastFailedSignIn;
};

class AccountRepository : public RepositoryBase
{
public:
    explicit AccountRepository(Database& db) : RepositoryBase(db) {}

    std::optional<Account> byUsername(const QString& username);
    std::optional<Account> byCadre(RowId cadreId);
    /** Accounts that have a password, enabled or not (zero only in a new database). */
    qint64 usableCount();

    /** Sets user name and password hash; audited as an account change (never the hash itself). */
    void setCredentials(RowId cadreId, const QString& username, const QString& passwordHash);
    /** Replaces the hash only (rehash on sign-in): audited without the hash. */
    void replaceHash(RowId cadreId, const QString& passwordHash);
    void setDisabled(RowId cadreId, bool disabled);
    void recordFailure(RowId cadreId, const QDateTime& at);
    void clearFailures(RowId cadreId);
    void recordAttempt(const QString& username, std::optional<RowId> cadreId, bool succeeded, const QString& reason);
};

} // namespace yg
