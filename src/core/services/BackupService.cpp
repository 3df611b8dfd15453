#include "BackupService.h"

#include "services/AccountService.h"
#include "services/IssueService.h"
#include "services/Permissions.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"
#include "storage/SqliteDialect.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <spdlog/spdlog.h>

#include <cstdio>

namespace yg {

namespace {

const QString kPrefix = QStringLiteral("yuegong-");

QString stamp()
{
    return Clock::nowUtc().toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace

BackupService::BackupService(Database& db) : m_db(db) {}

QString BackupService::defaultDirectory(const QString& databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

QString BackupService::writeBackup(const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw Error(QCoreApplication::translate("yg::BackupService", "The backup folder %1 cannot be created.")
                        .arg(QDir::toNativeSeparators(dir)));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QString path = QDir(dir).filePath(kPrefix + stamp() + QStringLiteral(".sqlite"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(dir).filePath(kPrefix + stamp() + QStringLiteral("-%1.sqlite").arg(n));
    SqliteDialect::backupTo(m_db.connection(), path);
    spdlog::info("backup written ({} bytes)", QFileInfo(path).size());
    return path;
}

QString BackupService::backupNow(const Cadre& actor, const QString& dir)
{
    Permissions::require(actor, Capability::BackupRestore);
    AccountService::requireEnabled(m_db, actor.meta.id);
    return writeBackup(dir);
}

QString BackupService::dailyBackup(const QString& dir, int keep)
{
    const QString today =
        kPrefix + Clock::nowUtc().toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyyMMdd"));
    QDir folder(dir);
    const QStringList existing =
        folder.entryList({kPrefix + QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name | QDir::Reversed);
    QString made;
    if (!std::any_of(existing.begin(), existing.end(), [&](const QString& f) { return f.startsWith(today); }))
        made = writeBackup(dir);
    // Names sort by time: keep the newest `keep`.
    const QStringList all =
        QDir(dir).entryList({kPrefix + QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (qsizetype i = keep; i < all.size(); ++i)
        QFile::remove(QDir(dir).filePath(all[i]));
    return made;
}

QStringList BackupService::verify(const QString& backupPath)
{
    QStringList problems;
    try {
        auto db = Database::open(backupPath, {false, true});
        for (const QString& p : SqliteDialect::integrityProblems(db->connection()))
            problems << QCoreApplication::translate("yg::BackupService", "file: %1").arg(p);
        if (!problems.isEmpty())
            return problems; // the rest would read damaged pages
        for (const auto& i : IssueService(*db).checkConsistency())
            problems << QCoreApplication::translate("yg::BackupService", "issue %1: %2").arg(i.number, i.problem);
        if (const RowId broken = AuditLog(*db).firstBrokenEntry())
            problems << QCoreApplication::translate("yg::BackupService",
                                                    "audit trail: entry %1 does not match the chain")
                            .arg(broken);
    } catch (const Error& e) {
        problems << e.message();
    }
    return problems;
}

QString BackupService::restore(const QString& backupPath, const QString& target)
{
    const QStringList problems = verify(backupPath);
    if (!problems.isEmpty()) {
        throw Error(QCoreApplication::translate("yg::BackupService", "%1 was not restored; nothing was replaced:")
                        .arg(QDir::toNativeSeparators(backupPath)) +
                    QStringLiteral("\n  ") + problems.join(QStringLiteral("\n  ")));
    }
    const QString replaced = target + QStringLiteral(".replaced-") + stamp();
    if (QFileInfo::exists(target)) {
        // Open the current database (this takes its lock, so no app has it open) and save a
        // consistent copy of it, WAL included, before anything is replaced.
        auto current = Database::open(target, {false, false});
        SqliteDialect::backupTo(current->connection(), replaced);
        current->checkpoint();
    }
    QLockFile lock(QFileInfo(target).absoluteFilePath() + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0))
        throw Error(
            QCoreApplication::translate("yg::BackupService",
                                        "%1 was opened by another YueGong program meanwhile; nothing was replaced.")
                .arg(target));
    const QString part = target + QStringLiteral(".part");
    QFile::remove(part);
    if (!QFile::copy(backupPath, part))
        throw Error(QCoreApplication::translate("yg::BackupService", "%1 cannot be copied; nothing was replaced.")
                        .arg(backupPath));
    QFile::setPermissions(part, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
    // rename(2) replaces the old file in one step: a crash leaves the old or the new one.
    if (std::rename(QFile::encodeName(part).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(part);
        throw Error(QCoreApplication::translate("yg::BackupService", "%1 could not be replaced.").arg(target));
    }
    spdlog::info("database restored from a backup");
    return QFileInfo::exists(replaced) ? replaced : QString();
}

} // namespace yg
