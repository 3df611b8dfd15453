#include "AccountService.h"

#include "security/PasswordHasher.h"
#include "services/Permissions.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QThread>
#include <spdlog/spdlog.h>

namespace yg {

namespace {

QString wrongCredentials()
{
    return QCoreApplication::translate("yg::AccountService", "The user name or the password is wrong.");
}

} // namespace

AccountService::AccountService(Database& db) : m_db(db) {}

int AccountService::delayAfter(int failures)
{
    if (failures < 3)
        return 0;
    return std::min(300, 1 << std::min(failures - 2, 9));
}

Cadre AccountService::load(RowId cadreId)
{
    const auto c = CadreRepository(m_db).cadre(cadreId);
    if (!c)
        throw Error(QCoreApplication::translate("yg::AccountService", "There is no user with id %1.").arg(cadreId));
    return *c;
}

void AccountService::requireEnabled(Database& db, RowId cadreId)
{
    const auto account = AccountRepository(db).byCadre(cadreId);
    if (account && account->disabled)
        throw Error(
            QCoreApplication::translate("yg::AccountService", "This account has been disabled; nothing was changed."));
}

bool AccountService::needsFirstAdmin()
{
    return AccountRepository(m_db).usableCount() == 0;
}

Cadre AccountService::createFirstAdmin(const QString& name, const QString& username, const QString& password)
{
    if (!needsFirstAdmin())
        throw Error(QCoreApplication::translate("yg::AccountService",
                                                "This database already has accounts; an administrator creates new "
                                                "ones."));
    if (username.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("yg::AccountService", "The user name is empty."));
    const QString weak = PasswordHasher::weakness(password);
    if (!weak.isEmpty())
        throw Error(weak);
    const QString hash = PasswordHasher::hash(password);
    WriteTransaction tx(m_db.connection());
    if (!needsFirstAdmin()) // again inside the write lock: another process may have been first
        throw Error(QCoreApplication::translate("yg::AccountService",
                                                "This database already has accounts; an administrator creates new "
                                                "ones."));
    Cadre admin;
    admin.name = name.trimmed();
    admin.role = Role::Admin;
    admin.activeFrom = Clock::today();
    admin.weeklyQuota = 0;
    CadreRepository(m_db).insert(admin);
    m_db.setActor(admin.meta.id);
    AccountRepository(m_db).setCredentials(admin.meta.id, username, hash);
    tx.commit();
    spdlog::info("first administrator created (user {})", admin.meta.id);
    return admin;
}

Cadre AccountService::signIn(const QString& username, const QString& password)
{
    AccountRepository accounts(m_db);
    const bool canWrite = !m_db.isReadOnly();
    const auto account = accounts.byUsername(username);
    const QDateTime now = Clock::nowUtc();
    // Unknown names are stored as such, never as typed (people type passwords there).
    const QString shownName = account ? account->username : QStringLiteral("(unknown)");
    // Only a wrong password counts towards the delay; an attempt refused for waiting does not
    // extend it (its password was not even checked).
    auto record = [&](std::optional<RowId> cadre, bool ok, const QString& reason) {
        if (!canWrite)
            return;
        WriteTransaction tx(m_db.connection());
        if (cadre && !ok && reason == QLatin1String("wrong password"))
            accounts.recordFailure(*cadre, now);
        accounts.recordAttempt(shownName, cadre, ok, reason);
        tx.commit();
    };
    auto refuse = [&](std::optional<RowId> cadre, const QString& reason, const QString& message) -> Cadre {
        record(cadre, false, reason);
        spdlog::warn("sign-in refused ({})", reason.toStdString());
        if (!canWrite) {
            // A read-only connection cannot count failures: every failure costs the
            // longest step of the ladder's start instead, so guessing stays slow.
            QThread::sleep(2);
        }
        throw Error(message);
    };
    if (!account || account->passwordHash.isEmpty()) {
        // The same single Argon2id check as for a real account, so timing does not tell.
        static const QString dummy = PasswordHasher::hashWithSalt(QStringLiteral("no such user"), QByteArray(16, 'y'));
        PasswordHasher::verify(dummy, password);
        return refuse(std::nullopt, QStringLiteral("unknown user"), wrongCredentials());
    }
    const int wait = delayAfter(account->failedSignIns);
    if (wait > 0 && account->lastFailedSignIn.isValid()) {
        const qint64 leftMs = std::clamp<qint64>(now.msecsTo(account->lastFailedSignIn.addSecs(wait)), 0, wait * 1000);
        if (leftMs > 0) {
            const int left = static_cast<int>((leftMs + 999) / 1000);
            return refuse(account->cadreId, QStringLiteral("too soon"),
                          QCoreApplication::translate("yg::AccountService",
                                                      "Too many wrong passwords; try again in %n second(s).", nullptr,
                                                      left));
        }
    }
    if (!PasswordHasher::verify(account->passwordHash, password))
        return refuse(account->cadreId, QStringLiteral("wrong password"), wrongCredentials());
    // Only someone who knows the password learns that the account is disabled.
    if (account->disabled)
        return refuse(
            std::nullopt, QStringLiteral("disabled"),
            QCoreApplication::translate("yg::AccountService", "This account is disabled; ask an administrator."));
    if (canWrite) {
        WriteTransaction tx(m_db.connection());
        accounts.clearFailures(account->cadreId);
        accounts.recordAttempt(shownName, account->cadreId, true, {});
        if (PasswordHasher::needsRehash(account->passwordHash))
            accounts.replaceHash(account->cadreId, PasswordHasher::hash(password));
        tx.commit();
    }
    m_db.setActor(account->cadreId);
    spdlog::info("user {} signed in", account->cadreId);
    return load(account->cadreId);
}

bool AccountService::confirmPassword(RowId cadreId, const QString& password)
{
    const auto account = AccountRepository(m_db).byCadre(cadreId);
    if (!account)
        return false;
    try {
        signIn(account->username, password);
        return true;
    } catch (const Error&) {
        return false;
    }
}

void AccountService::setCredentials(const Cadre& admin, RowId cadreId, const QString& username, const QString& password)
{
    Permissions::require(admin, Capability::ManageAccounts);
    requireEnabled(m_db, admin.meta.id);
    if (username.trimmed().isEmpty())
        throw Error(QCoreApplication::translate("yg::AccountService", "The user name is empty."));
    const QString weak = PasswordHasher::weakness(password);
    if (!weak.isEmpty())
        throw Error(weak);
    const auto other = AccountRepository(m_db).byUsername(username);
    if (other && other->cadreId != cadreId)
        throw Error(QCoreApplication::translate("yg::AccountService", "The user name %1 is taken.").arg(username));
    load(cadreId);
    const QString hash = PasswordHasher::hash(password);
    WriteTransaction tx(m_db.connection());
    AccountRepository(m_db).setCredentials(cadreId, username, hash);
    tx.commit();
}

void AccountService::setDisabled(const Cadre& admin, RowId cadreId, bool disabled)
{
    Permissions::require(admin, Capability::ManageAccounts);
    requireEnabled(m_db, admin.meta.id);
    if (admin.meta.id == cadreId && disabled)
        throw Error(QCoreApplication::translate("yg::AccountService", "You cannot disable your own account."));
    load(cadreId);
    WriteTransaction tx(m_db.connection());
    AccountRepository(m_db).setDisabled(cadreId, disabled);
    tx.commit();
}

} // namespace yg
