#pragma once

#include "domain/Entities.h"
#include "storage/ExchangeStore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace yg {

class Database;

/** What to export: to which database (empty: the one peer this database knows, if only one), and what. */
struct ExchangeExportOptions
{
    QString to;             ///< the receiving database's id
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
 * The laptop ↔ office exchange (docs/exchange.md): one checksummed file of the records
 * changed since the last exchange, keyed by uuid, merged on the other side in one
 * transaction. Records changed on both sides since they last met become conflicts that a
 * person decides; nothing is ever overwritten silently.
 */
class Exchange
{
public:
    static constexpr int kFormatVersion = 1;
    static inline const char* const kFormatName = "yuegong-exchange";

    /**
     * Writes an exchange file (QSaveFile). Records: any enabled account (the laptop's
     * owner); reference data: the import capability (staff, admin). Throws yg::Error.
     */
    static ExchangeExportResult exportFile(Database& db, const Cadre& actor, const QString& path,
                                           const ExchangeExportOptions& options);

    /**
     * Checks and merges a file in one transaction. A file that is not an exchange file, of
     * another format or schema version, damaged or cut off, or meant for another database
     * throws yg::Error with one sentence and writes nothing. Records need the import
     * capability; a reference file any enabled account.
     */
    static ExchangeImportResult importFile(Database& db, const Cadre& actor, const QString& path, bool dryRun);

    /**
     * Open conflicts (all when openOnly is false). Without the import capability only
     * those found by a reference file (the ones this person may decide).
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
