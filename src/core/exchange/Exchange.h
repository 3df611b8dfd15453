#pragma once

#include "domain/Entities.h"
#include "exchange/ExchangeFile.h"
#include "storage/ExchangeStore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace yg {

class Database;

/** What to export: to which database (empty: the one peer this database knows, if only one), and what. */
struct ExchangeExportOptions
{
    QString to;             ///< the receiving database's id (empty: the one paired database it can be for)
    bool all = false;       ///< everything, not only what changed since the last export to that database
    bool reference = false; ///< office → laptop: reference data and assignments instead of records
    /**
     * Reference files: user names of the cadres who work on the receiving laptop; their open
     * issues travel with the file (a new laptop's assignments) and every later reference
     * file to that database carries their issues.
     */
    QStringList cadres;
};

struct ExchangeExportResult
{
    QString sourceId;
    QString destinationId; ///< empty when the file is for any database
    QString kind;          ///< records / reference
    QString since;         ///< changes from this time on (empty: everything)
    QList<std::pair<QString, qint64>> counts;
    qint64 total = 0;
    qint64 bytes = 0;
    /**
     * Changed records the writer may not read (another group's), left out of a records file:
     * the next file starts from the same point so that whoever may read them sends them.
     */
    qint64 leftOut = 0;
    bool passwordHashes = false; ///< a reference file carrying the accounts' password hashes
    /** One line: the number of records per table. */
    QString summary() const;
};

struct ExchangeTableCounts
{
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 conflicts = 0;
};

struct ExchangeImportResult
{
    bool written = false; ///< committed (false on problems or a dry run)
    bool dryRun = false;
    QString sourceId;
    QString kind;
    QStringList problems;                                  ///< every problem found; nothing was written if not empty
    QList<std::pair<QString, ExchangeTableCounts>> counts; ///< per table, in exchange order
    int renumbered = 0;                                    ///< issues given a new number because theirs was taken here
    int issuesReplayed = 0;
    int issuesReordered = 0;    ///< issues whose merged steps were put in one order with the sender's
    int merged = 0;             ///< records registered on both sides (same credit code) merged into ours
    qint64 meetingsNotHere = 0; ///< steps attributed to a meeting this database does not have

    bool ok() const { return problems.isEmpty(); }
    qint64 conflicts() const;
    /** Lines: per table inserted / updated / unchanged / conflicts. */
    QStringList summary() const;
};

/**
 * The laptop ↔ office exchange (docs/exchange.md): one signed file of the records changed
 * since the last exchange, keyed by uuid, merged on the other side in one transaction.
 * Files travel only between paired databases (ExchangePairing); a records file can do no
 * more than the laptop's accounts could do here through the services (ExchangeAuthority),
 * and a reference file cannot raise anyone's rights. Records changed on both sides since
 * they last met become conflicts that a person decides; nothing is ever overwritten silently.
 */
class Exchange
{
public:
    static constexpr int kFormatVersion = ExchangeFile::kFormatVersion;
    static inline const char* const kFormatName = ExchangeFile::kFormatName;
    /** District setting: whether reference files carry the accounts' password hashes ("1"; off by default). */
    static inline const char* const kPasswordHashesSetting = "exchange.password_hashes";

    /**
     * Writes a signed exchange file (QSaveFile) for a paired database. Records (laptop →
     * its office): any enabled account, holding only what that person may read (all of it
     * for staff and administrators); reference data (office → a paired laptop): staff,
     * administrators. Throws yg::Error, nothing written.
     */
    static ExchangeExportResult exportFile(Database& db, const Cadre& actor, const QString& path,
                                           const ExchangeExportOptions& options);

    /**
     * Checks and merges a file in one transaction (readExchangeFile() says what is refused
     * before anything is read, with yg::Error). Records need the import capability; every
     * change they bring is checked against the laptop's accounts (ExchangeAuthority), and a
     * change none of them could make is a problem: nothing is written. A reference file from
     * the paired office: any enabled account, but it may not change the importer's own role.
     * Every record changed gets its own audit entry (old → new, the peer, the file's hash).
     */
    static ExchangeImportResult importFile(Database& db, const Cadre& actor, const QString& path, bool dryRun);

    /**
     * Open conflicts (all when openOnly is false) that this person may decide: those found
     * by a records file with the import capability, those of a reference file (accounts,
     * settings from the office) only administrators.
     */
    static QList<ExchangeConflict> conflicts(Database& db, const Cadre& actor, bool openOnly = true);

    /**
     * Decides a conflict: keep this database's version (it is sent back at the next
     * export) or apply the incoming one. Throws yg::Error (nothing changed) if refused.
     */
    static void resolve(Database& db, const Cadre& actor, RowId conflictId, bool keepTheirs);

    /**
     * The fields of a conflict's version for a person: references shown as the name (or
     * number, or date) of the record they point at, where it is in this database.
     */
    static QJsonObject readableFields(Database& db, const QString& table, const QJsonObject& fields);

    /** This database's exchange id (created on first need). */
    static QString databaseId(Database& db);
};

} // namespace yg
