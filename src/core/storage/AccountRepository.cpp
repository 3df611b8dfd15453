#include "AccountRepository.h"

#include "storage/AuditLog.h"
#include "storage/Sql.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QJsonObject>

namespace yg {

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, username, password_hash, disabled, failed_sign_ins, last_failed_sign_in FROM cadres");

Account readAccount(const QSqlQuery& r)
{
    Account a;
    a.cadreId = r.value(0).toLongLong();
    a.username = r.value(1).toString();
    a.passwordHash = r.value(2).toString();
    a.disabled = r.value(3).toInt() != 0;
    a.failedSignIns = r.value(4).toInt();
    if (!r.value(5).isNull())
        a.lastFailedSignIn = Clock::fromStorage(r.value(5).toString());
    return a;
}

} // namespace

std::optional<Account> AccountRepository::byUsername(const QString& username)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE username = ?"));
    q.addBindValue(username.trimmed());
    return firstOf(readAll<Account>(q, readAccount));
}

std::optional<Account> AccountRepository::byCadre(RowId cadreId)
{
    QSqlQuery q = sql::prepare(connection(), kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(cadreId);
    return firstOf(readAll<Account>(q, readAccount));
}

qint64 AccountRepository::usableCount()
{
    return sql::scalar(connection(), QStringLiteral("SELECT count(*) FROM cadres WHERE password_hash IS NOT NULL"))
        .toLongLong();
}

void AccountRepository::setCredentials(RowId cadreId, const QString& username, const QString& passwordHash)
{
    const auto before = byCadre(cadreId);
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadres SET username = ?, password_hash = ?, "
                                                            "failed_sign_ins = 0, last_failed_sign_in = NULL, "
                                                            "updated_at = ?, updated_by = ?, version = version + 1 "
                                                            "WHERE id = ?"));
    q.addBindValue(username.trimmed());
    q.addBindValue(passwordHash);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(sql::idValue(m_db.actor()));
    q.addBindValue(cadreId);
    sql::exec(q);
    if (!m_db.auditing())
        return;
    QJsonObject changes{{QStringLiteral("password"), QStringLiteral("set")}};
    if (!before || before->username != username.trimmed())
        changes.insert(QStringLiteral("username"),
                       QJsonArray{before ? QJsonValue(before->username) : QJsonValue(), username.trimmed()});
    AuditLog(m_db).append(m_db.actor(), QStringLiteral("cadres"), cadreId, QString(), QStringLiteral("account"),
                          changes);
}

void AccountRepository::replaceHash(RowId cadreId, const QString& passwordHash)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadres SET password_hash = ? WHERE id = ?"));
    q.addBindValue(passwordHash);
    q.addBindValue(cadreId);
    sql::exec(q);
    AuditLog(m_db).append(cadreId, QStringLiteral("cadres"), cadreId, QString(), QStringLiteral("account"),
                          {{QStringLiteral("password"), QStringLiteral("rehashed at a higher cost")}});
}

void AccountRepository::setDisabled(RowId cadreId, bool disabled)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadres SET disabled = ?, updated_at = ?, "
                                                            "updated_by = ?, version = version + 1 WHERE id = ?"));
    q.addBindValue(disabled ? 1 : 0);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(sql::idValue(m_db.actor()));
    q.addBindValue(cadreId);
    sql::exec(q);
    AuditLog(m_db).append(m_db.actor(), QStringLiteral("cadres"), cadreId, QString(), QStringLiteral("account"),
                          {{QStringLiteral("disabled"), QJsonArray{!disabled, disabled}}});
}

void AccountRepository::recordFailure(RowId cadreId, const QDateTime& at)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadres SET failed_sign_ins = failed_sign_ins + 1, "
                                                            "last_failed_sign_in = ? WHERE id = ?"));
    q.addBindValue(Clock::toStorage(at));
    q.addBindValue(cadreId);
    sql::exec(q);
}

void AccountRepository::clearFailures(RowId cadreId)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("UPDATE cadres SET failed_sign_ins = 0, "
                                                            "last_failed_sign_in = NULL WHERE id = ?"));
    q.addBindValue(cadreId);
    sql::exec(q);
}

void AccountRepository::recordAttempt(const QString& username, std::optional<RowId> cadreId, bool succeeded,
                                      const QString& reason)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("INSERT INTO sign_in_attempts (username, cadre_id, at, "
                                                            "succeeded, reason) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(username.trimmed().left(64));
    q.addBindValue(sql::idValue(cadreId));
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(succeeded ? 1 : 0);
    q.addBindValue(sql::textOrNull(reason));
    sql::exec(q);
}

} // namespace yg
