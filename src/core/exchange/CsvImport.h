#pragma once

#include "domain/Entities.h"
#include "exchange/Csv.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>

namespace yg {

class Database;

/** The four spreadsheet files of an import (docs/import.md), in the order they are read. */
enum class ImportKind
{
    Cadres,
    Enterprises,
    Visits,
    Issues
};
inline constexpr std::array kAllImportKinds{ImportKind::Cadres, ImportKind::Enterprises, ImportKind::Visits,
                                            ImportKind::Issues};

/** One documented column: its English key, its Chinese header and whether a file must have it. */
struct ImportColumn
{
    QString key;
    QString chinese;
    bool required = false;
};

const QList<ImportColumn>& importColumns(ImportKind kind);
/** "cadres", "enterprises", "visits", "issues" (file names of the templates, CLI options). */
QString importKindKey(ImportKind kind);
/** The translated name of the file kind. */
QString importKindName(ImportKind kind);

/** One thing wrong in a file: where (file, row, column), the cell as written and why. */
struct ImportProblem
{
    QString file;   ///< the file's name
    int row = 0;    ///< 1-based line where the record starts (the header is row 1); 0 for the whole file
    QString column; ///< the column's key; empty for the row as a whole
    QString value;
    QString reason;
    /** file:row: column "x" value "y": reason */
    QString toString() const;
};

struct ImportCounts
{
    qint64 added = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 total() const { return added + updated + unchanged; }
};

/**
 * How the visits file is written. The bulk path (SqliteBulkLoad) drops the secondary indexes
 * of visits and visit_cadres and creates them again at the end, and feeds the search index
 * once for the new visits, all inside the import's one transaction; the rows themselves go
 * through the same repositories either way, so both give the same records.
 */
enum class ImportWritePath
{
    Automatic, ///< bulk when the file adds many visits relative to those stored (CsvImport::kBulkMinNewVisits)
    Rows,      ///< always row by row into the indexes (small imports)
    Bulk       ///< always the bulk path (tests and benchmarks)
};

/** The files to import (empty path: that kind is not imported) and their encoding. */
struct ImportFiles
{
    std::array<QString, 4> paths; ///< indexed by ImportKind
    CsvEncoding encoding = CsvEncoding::Auto;
    ImportWritePath writePath = ImportWritePath::Automatic;

    QString& operator[](ImportKind k) { return paths[static_cast<std::size_t>(k)]; }
    const QString& operator[](ImportKind k) const { return paths[static_cast<std::size_t>(k)]; }
};

struct ImportResult
{
    bool written = false; ///< committed (false on problems, dry run or cancel)
    bool dryRun = false;
    bool cancelled = false;
    QList<ImportProblem> problems; ///< every problem found; nothing was written if not empty
    QStringList notices;           ///< what was ignored (extra columns) and the encodings read
    std::array<ImportCounts, 4> counts{};
    std::array<bool, 4> present{};
    std::array<bool, 4> bulk{}; ///< written by the bulk path (ImportWritePath)

    bool ok() const { return problems.isEmpty() && !cancelled; }
    /** One line: per file added / updated / unchanged. */
    QString summary() const;
};

/** What the wizard shows before importing: the encoding, the column mapping and the first rows. */
struct ImportPreview
{
    QString encodingName;
    QStringList header;         ///< as written in the file
    QStringList mappedKeys;     ///< per header column: the column key it maps to, or empty if ignored
    QStringList missingColumns; ///< required keys the header lacks
    QList<QStringList> rows;    ///< the first data rows
};

/**
 * Progress of a running import: done and total steps (every row is read once to check it
 * and once to write it). Returning false cancels: the transaction is rolled back and the
 * database is exactly as before.
 */
using ImportProgress = std::function<bool(qint64 done, qint64 total)>;

/**
 * The spreadsheet import: cadres, enterprises, visits and issues from CSV files as Excel
 * and WPS write them, all or nothing.
 *
 * First every row of every file is checked (header mapping, dates, yes/no cells, towns,
 * credit codes, references between the files and to the database, duplicates, each
 * issue's history through the lifecycle rules) and every problem is collected. If there
 * is any, nothing is written. Otherwise all files are written in ONE write transaction
 * through the repositories (which validate every record again) with one summary entry in
 * the audit trail. Visit and issue references become name-based uuids and credit codes
 * are keys, so importing the same files again changes nothing and a changed row updates
 * its record. An issue's history becomes lifecycle events on the given dates, produced by
 * Lifecycle::apply exactly as IssueService would.
 *
 * Keys only are held in memory (enterprise codes and names, cadre names, the file's
 * references); rows are parsed twice from the decoded text instead of being kept.
 */
class CsvImport
{
public:
    /**
     * The rule of ImportWritePath::Automatic: the visits file takes the bulk path when it adds
     * at least kBulkMinNewVisits visits AND at least one for every kBulkStoredPerNew visits
     * already stored. Measured (docs/performance.md): 26,000 new visits into 1.3 million
     * stored took half the CPU time by the bulk path (rebuilding the indexes costs about as
     * much as the stored rows; the row path pays the search triggers per new visit). New
     * visits are estimated in the check pass from about a thousand rows spread over the
     * file, looked up by their reference.
     */
    static constexpr qint64 kBulkMinNewVisits = 20000;
    static constexpr qint64 kBulkStoredPerNew = 50;

    /** Needs the import capability (staff, admin); throws yg::Error otherwise or if a file cannot be read. */
    static ImportResult run(Database& db, const Cadre& actor, const ImportFiles& files, bool dryRun,
                            const ImportProgress& progress = {});

    /** The detected encoding, the header mapping and the first rows of one file. */
    static ImportPreview preview(ImportKind kind, const QString& path, CsvEncoding encoding, int rows = 10);

    /** Maps a header cell ("visit_ref", "走访编号", "visit_ref(走访编号)") to a column key; empty if unknown. */
    static QString columnKeyOf(ImportKind kind, const QString& header);

    /**
     * Writes the four template files (UTF-8 with BOM, Chinese headers) into dir through
     * QSaveFile; returns their paths. Throws yg::Error if one cannot be written.
     */
    static QStringList writeTemplates(const QString& dir);

    /** The stable id a visit or issue reference becomes (name-based uuid v5). */
    static QString uuidOfReference(ImportKind kind, const QString& reference);
};

} // namespace yg
