// yuegong_bench_import SOURCE_DB WORKDIR: exports the cadres, enterprises and visits of a
// database (e.g. a copy of `yuegong-cli demo --scale 500`) to CSV files, imports them into a
// new database made by `init` (cadres and enterprises first, then the timed visits file)
// and imports the same visits CSV into a bare table with the sqlite3 shell's `.import`
// (or, without the shell, with the C API: one transaction, one prepared statement).
// The source is opened read-only. Prints a Markdown table for docs/performance.md.
// `--increment TARGET VISITS_CSV WORKDIR` times one file by both paths into copies of a
// database that already holds visits (for the rule of ImportWritePath::Automatic).
//
// Demo cadres share names across the district copies; the export makes them unique
// ("name#id"), because the import identifies cadres by name.
#include "district/DistrictProfile.h"
#include "exchange/Csv.h"
#include "exchange/CsvImport.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/SqliteBulkLoad.h"
#include "storage/SqliteSearch.h"
#include "storage/WriteTransaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>

#include <sqlite3.h>
#include <sys/resource.h>

#include <cstdio>
#include <ctime>

using namespace yg;

namespace {

[[noreturn]] void fail(const char* what, sqlite3* db)
{
    fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "");
    exit(1);
}

/** Writes the rows of a SELECT as CSV (UTF-8, header first); returns the number of rows. */
qint64 exportCsv(sqlite3* db, const char* sql, const QString& header, const QString& path)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        fail("cannot write the export", nullptr);
    out.write(header.toUtf8() + "\n");
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        fail("export prepare", db);
    qint64 rows = 0;
    QByteArray line;
    const int columns = sqlite3_column_count(stmt);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        line.clear();
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                line += ',';
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            line += csvField(QString::fromUtf8(text ? text : "")).toUtf8();
        }
        line += '\n';
        out.write(line);
        ++rows;
    }
    sqlite3_finalize(stmt);
    return rows;
}

double seconds(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e9;
}

/** Wall and CPU seconds of one step (the machine is shared: CPU time varies less than wall time). */
struct Clocks
{
    QElapsedTimer wall;
    std::clock_t cpu = 0;
    void start()
    {
        wall.start();
        cpu = std::clock();
    }
    double wallS() const { return seconds(wall); }
    double cpuS() const { return double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

void exec(sqlite3* db, const QString& statement)
{
    char* error = nullptr;
    if (sqlite3_exec(db, statement.toUtf8().constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", qPrintable(statement.left(80)), error ? error : "");
        exit(1);
    }
}

/** The bare SQLite baseline without the shell: one transaction, one prepared INSERT. */
double bareCApi(const QString& csvPath, const QString& dbPath)
{
    sqlite3* db = nullptr;
    QElapsedTimer t;
    t.start();
    if (sqlite3_open(dbPath.toUtf8().constData(), &db) != SQLITE_OK)
        fail("bare open", db);
    sqlite3_exec(db,
                 "CREATE TABLE bare_visits (visit_ref, date, cadre, companions, enterprise, kind, summary);"
                 "BEGIN",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO bare_visits VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &stmt, nullptr);
    const CsvText csv = readCsvFile(csvPath, CsvEncoding::Utf8);
    CsvReader reader(csv.text);
    QStringList fields;
    int line = 0;
    bool header = true;
    while (reader.next(&fields, &line)) {
        if (header) {
            header = false;
            continue;
        }
        for (int i = 0; i < 7; ++i) {
            const QByteArray v = fields.value(i).toUtf8();
            sqlite3_bind_text(stmt, i + 1, v.constData(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        }
        if (sqlite3_step(stmt) != SQLITE_DONE)
            fail("bare insert", db);
        sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return seconds(t);
}

/**
 * The physical limit of our schema: the same visits inserted with the C API into a copy of
 * the target database as it was before the visits import (same tables, the same six indexes
 * on visits and two on visit_cadres, the same v5 uuids), keys resolved by hash maps, one
 * transaction, prepared statements, a 256 MiB page cache like the import's. No validation.
 */
double schemaCApi(const QString& csvPath, const QString& dbPath, bool indexesAfter, double* cpuS)
{
    sqlite3* db = nullptr;
    Clocks t;
    t.start();
    if (sqlite3_open(dbPath.toUtf8().constData(), &db) != SQLITE_OK)
        fail("schema open", db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; "
                 "PRAGMA cache_size = -262144",
                 nullptr, nullptr, nullptr);
    QHash<QString, qint64> cadres, enterprises;
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT name, id FROM cadres", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
        cadres.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))),
                      sqlite3_column_int64(q, 1));
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "SELECT credit_code, id FROM enterprises", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
        enterprises.insert(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))),
                           sqlite3_column_int64(q, 1));
    sqlite3_finalize(q);
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    QStringList indexes;
    if (indexesAfter) {
        // What SqliteBulkLoad does, in bare SQL: no search trigger, no secondary index while loading.
        exec(db, QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES ('search.deferred', '1', '')"));
        sqlite3_prepare_v2(db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('visits', "
                           "'visit_cadres') AND sql IS NOT NULL ORDER BY rowid",
                           -1, &q, nullptr);
        QStringList names;
        while (sqlite3_step(q) == SQLITE_ROW) {
            names << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
            indexes << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
        }
        sqlite3_finalize(q);
        for (const QString& name : names)
            exec(db, QStringLiteral("DROP INDEX %1").arg(name));
    }
    sqlite3_stmt* visit = nullptr;
    sqlite3_stmt* link = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO visits (uuid, visit_date, author_id, enterprise_id, kind, summary, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z')",
                       -1, &visit, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO visit_cadres (visit_id, cadre_id, position) VALUES (?, ?, ?)", -1, &link,
                       nullptr);
    const CsvText csv = readCsvFile(csvPath, CsvEncoding::Utf8);
    CsvReader reader(csv.text);
    QStringList fields;
    int line = 0;
    bool header = true;
    auto text = [](sqlite3_stmt* s, int i, const QString& v) {
        const QByteArray b = v.toUtf8();
        sqlite3_bind_text(s, i, b.constData(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
    };
    while (reader.next(&fields, &line)) {
        if (header) {
            header = false;
            continue;
        }
        text(visit, 1, CsvImport::uuidOfReference(ImportKind::Visits, fields[0]));
        text(visit, 2, fields[1]);
        const qint64 author = cadres.value(fields[2]);
        sqlite3_bind_int64(visit, 3, author);
        sqlite3_bind_int64(visit, 4, enterprises.value(fields[4]));
        text(visit, 5, fields[5]);
        text(visit, 6, fields[6]);
        if (sqlite3_step(visit) != SQLITE_DONE)
            fail("schema insert", db);
        sqlite3_reset(visit);
        const qint64 id = sqlite3_last_insert_rowid(db);
        QList<qint64> people{author};
        for (const QString& c : fields[3].split(QLatin1Char(';'), Qt::SkipEmptyParts))
            people.append(cadres.value(c));
        for (int i = 0; i < people.size(); ++i) {
            sqlite3_bind_int64(link, 1, id);
            sqlite3_bind_int64(link, 2, people[i]);
            sqlite3_bind_int(link, 3, i);
            if (sqlite3_step(link) != SQLITE_DONE)
                fail("schema link", db);
            sqlite3_reset(link);
        }
    }
    sqlite3_finalize(visit);
    sqlite3_finalize(link);
    if (indexesAfter) {
        for (const QString& index : indexes)
            exec(db, index);
        const QString text = QStringLiteral("summary, chk_worker_spirit_note, chk_union_vitality_note, "
                                            "chk_lawful_employment_note, chk_support_measures_note, "
                                            "chk_rights_protection_note");
        exec(db, QStringLiteral("INSERT INTO search_visits (rowid, %1) SELECT id, %1 FROM visits").arg(text));
        // The grams cut in C++ as the import's bulk path does (SqliteSearch::gramsOf).
        sqlite3_stmt* read = nullptr;
        sqlite3_stmt* grams = nullptr;
        sqlite3_prepare_v2(db, QStringLiteral("SELECT id, %1 FROM visits").arg(text).toUtf8().constData(), -1, &read,
                           nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO search_visits_grams (rowid, grams) VALUES (?, ?)", -1, &grams, nullptr);
        QStringList parts;
        while (sqlite3_step(read) == SQLITE_ROW) {
            parts.clear();
            for (int c = 1; c <= 6; ++c)
                parts << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(read, c)));
            const QByteArray g = SqliteSearch::gramsOf(parts.join(QLatin1Char(' '))).toUtf8();
            sqlite3_bind_int64(grams, 1, sqlite3_column_int64(read, 0));
            sqlite3_bind_text(grams, 2, g.constData(), static_cast<int>(g.size()), SQLITE_TRANSIENT);
            if (sqlite3_step(grams) != SQLITE_DONE)
                fail("schema grams", db);
            sqlite3_reset(grams);
        }
        sqlite3_finalize(read);
        sqlite3_finalize(grams);
        exec(db, QStringLiteral("DELETE FROM settings WHERE key = 'search.deferred'"));
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        fail("schema commit", db);
    sqlite3_close(db);
    *cpuS = t.cpuS();
    return t.wallS();
}

} // namespace

/**
 * `--increment TARGET VISITS_CSV WORKDIR`: the same visits file imported into two copies of a
 * database that already holds visits (e.g. the bench's target.yuegong), once by the row path
 * and once by the bulk path: where the rule of ImportWritePath::Automatic should switch.
 */
int increment(const QString& target, const QString& csv, const QDir& work)
{
    double wall[2] = {}, cpu[2] = {};
    qint64 stored = 0, added = 0;
    for (int bulk = 0; bulk < 2; ++bulk) {
        const QString copy =
            work.filePath(bulk ? QStringLiteral("increment-bulk.yuegong") : QStringLiteral("increment-rows.yuegong"));
        QFile::remove(copy);
        QFile::copy(target, copy);
        auto db = Database::open(copy);
        const auto actor = CadreRepository(*db).cadreByName(QStringLiteral("bench admin"));
        if (!actor) {
            fprintf(stderr, "no \"bench admin\" in %s\n", qPrintable(target));
            return 1;
        }
        stored = SqliteBulkLoad::rowCount(*db, QStringLiteral("visits"));
        ImportFiles files;
        files[ImportKind::Visits] = csv;
        files.writePath = bulk ? ImportWritePath::Bulk : ImportWritePath::Rows;
        Clocks c;
        c.start();
        const ImportResult r = CsvImport::run(*db, *actor, files, false);
        wall[bulk] = c.wallS();
        cpu[bulk] = c.cpuS();
        if (!r.ok()) {
            fprintf(stderr, "refused: %s\n", qPrintable(r.problems.value(0).toString()));
            return 1;
        }
        added = r.counts[2].added;
        db.reset();
        QFile::remove(copy);
    }
    printf("| %lld new visits into %lld stored: row path | %.1f | %.1f |\n", added, stored, wall[0], cpu[0]);
    printf("| %lld new visits into %lld stored: bulk path | %.1f | %.1f |\n", added, stored, wall[1], cpu[1]);
    return 0;
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 5 && QByteArray(argv[1]) == "--increment")
        return increment(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                         QDir(QString::fromLocal8Bit(argv[4])));
    if (argc < 3) {
        fprintf(stderr, "usage: yuegong_bench_import SOURCE_DB WORKDIR\n"
                        "       yuegong_bench_import --increment TARGET_DB VISITS_CSV WORKDIR\n");
        return 2;
    }
    const QString source = QString::fromLocal8Bit(argv[1]);
    QDir work(QString::fromLocal8Bit(argv[2]));
    QDir().mkpath(work.path());
    for (const QString& f : work.entryList(QDir::Files))
        work.remove(f);

    sqlite3* src = nullptr;
    if (sqlite3_open_v2(source.toUtf8().constData(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        fail("open source", src);
    QElapsedTimer exportTimer;
    exportTimer.start();
    const qint64 cadres =
        exportCsv(src,
                  "SELECT name || '#' || id, role, active_from, active_to, weekly_quota FROM cadres "
                  "ORDER BY id",
                  QStringLiteral("name,role,active_from,active_to,quota"), work.filePath(QStringLiteral("cadres.csv")));
    const qint64 enterprises = exportCsv(
        src,
        "SELECT e.credit_code, e.name, t.name, e.industry, e.employees, e.is_key, e.is_small_micro, e.is_new_form, "
        "e.union_status, e.union_members, e.contact_person, e.contact_phone, c.name || '#' || c.id "
        "FROM enterprises e JOIN towns t ON t.id = e.town_id LEFT JOIN cadres c ON c.id = e.assigned_cadre_id "
        "ORDER BY e.id",
        QStringLiteral("credit_code,name,town,industry,employees,key,small_micro,new_form,union_status,union_members,"
                       "contact,phone,cadre"),
        work.filePath(QStringLiteral("enterprises.csv")));
    const qint64 visits = exportCsv(
        src,
        "SELECT 'V' || v.id, v.visit_date, a.name || '#' || a.id, "
        "(SELECT group_concat(c.name || '#' || c.id, ';') FROM visit_cadres vc JOIN cadres c ON c.id = vc.cadre_id "
        " WHERE vc.visit_id = v.id AND vc.position > 0), e.credit_code, v.kind, v.summary "
        "FROM visits v JOIN cadres a ON a.id = v.author_id JOIN enterprises e ON e.id = v.enterprise_id ORDER BY v.id",
        QStringLiteral("visit_ref,date,cadre,companions,enterprise,kind,summary"),
        work.filePath(QStringLiteral("visits.csv")));
    sqlite3_close(src);
    const double exportS = seconds(exportTimer);
    const qint64 visitBytes = QFileInfo(work.filePath(QStringLiteral("visits.csv"))).size();
    fprintf(stderr, "exported %lld cadres, %lld enterprises, %lld visits (%.0f MB) in %.1f s\n", cadres, enterprises,
            visits, visitBytes / 1e6, exportS);

    const QString target = work.filePath(QStringLiteral("target.yuegong"));
    DistrictProfile::yuecheng().createDatabase(target);
    auto db = Database::open(target);
    // An administrator imports: the demo's cadres file lists its administrators, whom only an
    // administrator may create (docs/import.md).
    Cadre staff;
    staff.name = QStringLiteral("bench admin");
    staff.role = Role::Admin;
    staff.activeFrom = QDate(2023, 1, 1);
    {
        WriteTransaction tx(db->connection());
        CadreRepository(*db).insert(staff);
        tx.commit();
    }
    ImportFiles people;
    people[ImportKind::Cadres] = work.filePath(QStringLiteral("cadres.csv"));
    people[ImportKind::Enterprises] = work.filePath(QStringLiteral("enterprises.csv"));
    Clocks t;
    t.start();
    ImportResult r = CsvImport::run(*db, staff, people, false);
    const double peopleS = t.wallS(), peopleCpu = t.cpuS();
    if (!r.ok()) {
        fprintf(stderr, "cadres/enterprises import refused: %s\n", qPrintable(r.problems.value(0).toString()));
        return 1;
    }
    db.reset(); // copies of the file as it is before the visits: the row path and the schema baselines
    const QString rowsCopy = work.filePath(QStringLiteral("rows.yuegong"));
    const QString schemaCopy = work.filePath(QStringLiteral("schema-baseline.yuegong"));
    const QString schemaAfterCopy = work.filePath(QStringLiteral("schema-indexes-after.yuegong"));
    for (const QString& copy : {rowsCopy, schemaCopy, schemaAfterCopy})
        QFile::copy(target, copy);

    struct VisitImport
    {
        double checkS = 0, wallS = 0, cpuS = 0;
        ImportResult result;
    };
    auto importVisits = [&](const QString& path, ImportWritePath how) {
        auto into = Database::open(path);
        ImportFiles visitFiles;
        visitFiles[ImportKind::Visits] = work.filePath(QStringLiteral("visits.csv"));
        visitFiles.writePath = how;
        VisitImport v;
        Clocks c;
        c.start();
        v.result = CsvImport::run(*into, staff, visitFiles, false, [&](qint64 done, qint64 total) {
            if (v.checkS == 0 && 2 * done > total)
                v.checkS = c.wallS();
            return true;
        });
        v.wallS = c.wallS();
        v.cpuS = c.cpuS();
        if (!v.result.ok()) {
            fprintf(stderr, "visits import refused (%lld problems): %s\n",
                    static_cast<long long>(v.result.problems.size()),
                    qPrintable(v.result.problems.value(0).toString()));
            exit(1);
        }
        fprintf(stderr, "visits import (%s): %.1f s wall, %.1f s CPU\n", v.result.bulk[2] ? "bulk path" : "row path",
                v.wallS, v.cpuS);
        return v;
    };
    const VisitImport automatic = importVisits(target, ImportWritePath::Automatic);
    const VisitImport again = importVisits(target, ImportWritePath::Automatic);
    const VisitImport rows = importVisits(rowsCopy, ImportWritePath::Rows);
    const qint64 unchanged = again.result.counts[2].unchanged;

    // Bare SQLite: the shell's .import when installed, else the C API.
    const QString bareDb = work.filePath(QStringLiteral("bare.sqlite"));
    const QString shell = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    double bareS = 0, bareCpu = 0;
    QString bareHow;
    if (!shell.isEmpty()) {
        QProcess p;
        struct rusage before
        {
        }, after{};
        getrusage(RUSAGE_CHILDREN, &before);
        t.start();
        p.start(
            shell,
            {bareDb, QStringLiteral(".import --csv %1 bare_visits").arg(work.filePath(QStringLiteral("visits.csv")))});
        p.waitForFinished(-1);
        bareS = t.wallS();
        getrusage(RUSAGE_CHILDREN, &after);
        auto cpu = [](const struct rusage& u) {
            return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
        };
        bareCpu = cpu(after) - cpu(before);
        bareHow = QStringLiteral("sqlite3 shell `.import --csv` into a bare table");
    }
    t.start();
    const double bareApiS =
        bareCApi(work.filePath(QStringLiteral("visits.csv")), work.filePath(QStringLiteral("bare-api.sqlite")));
    const double bareApiCpu = t.cpuS();
    double schemaCpu = 0, schemaAfterCpu = 0;
    const double schemaS = schemaCApi(work.filePath(QStringLiteral("visits.csv")), schemaCopy, false, &schemaCpu);
    const double schemaAfterS =
        schemaCApi(work.filePath(QStringLiteral("visits.csv")), schemaAfterCopy, true, &schemaAfterCpu);

    printf("| step | rows | wall s | CPU s |\n|---|---:|---:|---:|\n");
    printf("| export of the source (bench only) | %lld | %.1f | |\n", cadres + enterprises + visits, exportS);
    printf("| import cadres + enterprises into an `init` database | %lld | %.1f | %.1f |\n", cadres + enterprises,
           peopleS, peopleCpu);
    auto row = [&](const char* what, const VisitImport& v) {
        printf("| %s (check %.1f s + write %.1f s) | %lld | **%.1f** | %.1f |\n", what, v.checkS, v.wallS - v.checkS,
               visits, v.wallS, v.cpuS);
    };
    row(automatic.result.bulk[2] ? "**import visits**, bulk path (chosen automatically)"
                                 : "**import visits**, row path (chosen automatically)",
        automatic);
    row("import visits, row path (forced)", rows);
    printf("| import the same visits again (%lld unchanged; %s) | %lld | %.1f | %.1f |\n", unchanged,
           again.result.bulk[2] ? "bulk path" : "row path", visits, again.wallS, again.cpuS);
    if (!bareHow.isEmpty())
        printf("| %s | %lld | %.1f | %.1f |\n", qPrintable(bareHow), visits, bareS, bareCpu);
    printf("| bare C API: one transaction, one prepared INSERT (CSV parsed by our reader) | %lld | %.1f | %.1f |\n",
           visits, bareApiS, bareApiCpu);
    printf("| bare C API into our schema (same tables, indexes, search triggers and uuids; no checks) | %lld | %.1f | "
           "%.1f |\n",
           visits, schemaS, schemaCpu);
    printf("| bare C API into our schema, indexes created and search fed after the load | %lld | %.1f | %.1f |\n",
           visits, schemaAfterS, schemaAfterCpu);
    const double best = automatic.wallS;
    printf("\nvisits file: %.0f MB; ratio import/shell: %.1f× (CPU %.1f×), import/C API: %.1f×, import/our schema: "
           "%.1f×, import/our schema with indexes after: %.1f×\n",
           visitBytes / 1e6, bareS > 0 ? best / bareS : 0.0, bareCpu > 0 ? automatic.cpuS / bareCpu : 0.0,
           best / bareApiS, best / schemaS, best / schemaAfterS);
    return 0;
}
