// The bulk path of the spreadsheet import (ImportWritePath, SqliteBulkLoad): the same
// records as the row path, found by the search, and all-or-nothing with its indexes.
#include "TestSupport.h"
#include "exchange/CsvImport.h"
#include "services/IssueService.h"
#include "storage/AuditLog.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/ImportQueries.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteBulkLoad.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/VisitRepository.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>

#include <gtest/gtest.h>

using namespace yg;
using namespace yg::test;

namespace {

QString writeText(const QString& dir, const QString& name, const QString& text)
{
    const QString path = QDir(dir).filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
    return path;
}

/** Everything an import can touch, with the search indexes' own tables: equal means the same database. */
QByteArray everything(Database& db)
{
    return contentHash(db.connection());
}

/**
 * The tables in which the two paths differ by design, and how they are compared instead:
 * - the FTS5 segments (search_*_data, search_*_idx) hold the same entries in a different
 *   segment layout (one by one through the triggers or in one statement): compared by
 *   FTS5's integrity-check and by the results of searches;
 * - new cadres and lifecycle events get random (v4) uuids, so two row-path imports differ
 *   there too: compared without the uuid column.
 */
const QStringList kSegmentTables{QStringLiteral("search_enterprises_data"),
                                 QStringLiteral("search_enterprises_idx"),
                                 QStringLiteral("search_enterprises_grams_data"),
                                 QStringLiteral("search_enterprises_grams_idx"),
                                 QStringLiteral("search_visits_data"),
                                 QStringLiteral("search_visits_idx"),
                                 QStringLiteral("search_visits_grams_data"),
                                 QStringLiteral("search_visits_grams_idx"),
                                 QStringLiteral("search_issues_data"),
                                 QStringLiteral("search_issues_idx"),
                                 QStringLiteral("search_issues_grams_data"),
                                 QStringLiteral("search_issues_grams_idx")};
const QStringList kRandomUuidTables{QStringLiteral("cadres"), QStringLiteral("issue_events")};

/** Every row of every table (by primary key) as text, except what kSegmentTables/kRandomUuidTables explain. */
QMap<QString, QStringList> tableRows(Database& db)
{
    QStringList tables;
    QSqlQuery q = sql::execDirect(db.connection(), QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                                                  "'table' AND name NOT LIKE 'sqlite_%' AND sql NOT "
                                                                  "LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"));
    while (q.next())
        tables << q.value(0).toString();
    q.finish();
    QMap<QString, QStringList> out;
    for (const QString& table : std::as_const(tables)) {
        if (kSegmentTables.contains(table))
            continue;
        const QString order = db.connection().record(table).count() > 1 ? QStringLiteral("1, 2") : QStringLiteral("1");
        QSqlQuery rows =
            sql::execDirect(db.connection(), QStringLiteral("SELECT * FROM \"%1\" ORDER BY %2").arg(table, order));
        QStringList lines;
        while (rows.next()) {
            const QSqlRecord r = rows.record();
            QStringList cells;
            for (int i = 0; i < r.count(); ++i) {
                if (kRandomUuidTables.contains(table) && r.fieldName(i) == QLatin1String("uuid"))
                    continue;
                // The seal of the imported steps hashes their (random) uuids, and the chain hashes the seal.
                if (table == QLatin1String("audit_log") &&
                    (r.fieldName(i) == QLatin1String("prev_hash") || r.fieldName(i) == QLatin1String("hash")))
                    continue;
                QString cell = r.value(i).toString();
                if (table == QLatin1String("audit_log"))
                    cell.replace(QRegularExpression(QStringLiteral("\"sealed_steps_sha256\":\"[0-9a-f ]*\"")),
                                 QStringLiteral("\"sealed_steps_sha256\":\"…\""));
                cells << cell;
            }
            lines << cells.join(QLatin1Char('|'));
        }
        out.insert(table, lines);
    }
    return out;
}

/** Name and statement of every index of visits and visit_cadres. */
QStringList visitIndexes(Database& db)
{
    QSqlQuery q = sql::execDirect(db.connection(), QStringLiteral("SELECT name || ': ' || coalesce(sql, '') FROM "
                                                                  "sqlite_master WHERE type = 'index' AND tbl_name "
                                                                  "IN ('visits', 'visit_cadres') ORDER BY name"));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

bool searchDeferred(Database& db)
{
    return sql::scalar(db.connection(), QStringLiteral("SELECT 1 FROM settings WHERE key = 'search.deferred'"))
        .isValid();
}

QList<RowId> found(Database& db, const QString& term)
{
    return SqliteSearch(db).matchingIds(SearchKind::Visit, {term}, std::nullopt, 0, 1000);
}

RowId visitId(Database& db, const QString& ref)
{
    return ImportQueries(db).visitIdByUuid(CsvImport::uuidOfReference(ImportKind::Visits, ref)).value_or(0);
}

class ImportBulkTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Clock::setFixedNow(QDateTime(QDate(2025, 1, 10), QTime(2, 0), Qt::UTC));
        f = makeFixture(a.db());
        WriteTransaction tx(a.db().connection());
        staff.name = QStringLiteral("周文");
        staff.role = Role::Staff;
        staff.activeFrom = QDate(2023, 1, 1);
        CadreRepository(a.db()).insert(staff);
        tx.commit();
        // A cadre and some visits stored before (row path), so that the files below both add and update.
        ImportFiles first;
        first[ImportKind::Cadres] = writeText(a.dir(), QStringLiteral("first-cadres.csv"),
                                              QStringLiteral("name,role,towns,quota,active_from\n"
                                                             "李明,干部,稽山街道,4,2023-04-01\n"));
        first[ImportKind::Visits] = visitsFile(QStringLiteral("first.csv"), 0, 40, QStringLiteral("旧的记录"));
        first.writePath = ImportWritePath::Rows;
        const ImportResult r = CsvImport::run(a.db(), staff, first, false);
        EXPECT_TRUE(r.ok()) << (r.problems.isEmpty() ? "" : r.problems[0].toString().toStdString());
        EXPECT_EQ(r.counts[2].added, 40);
    }
    void TearDown() override { Clock::setFixedNow({}); }

    /**
     * Visit rows from..to-1 (V<n>): every fifth by 李明 (imported), every third with a companion,
     * from V40 every seventh with the new cadre of files().
     */
    QString visitsFile(const QString& name, int from, int to, const QString& words)
    {
        QString text = QStringLiteral("visit_ref,date,cadre,companions,enterprise,kind,summary\n");
        for (int i = from; i < to; ++i) {
            const QString author = i % 5 == 4 ? QStringLiteral("李明") : QStringLiteral("王建国");
            text += QStringLiteral("V%1,2024-%2-%3,%4,%5,%6,%7,\"%8 第%1次, 企业反映社保缴费\"\n")
                        .arg(i)
                        .arg(1 + i % 12)
                        .arg(1 + i % 28)
                        .arg(author,
                             i % 3 == 0              ? QStringLiteral("沈国平")
                             : i >= 40 && i % 7 == 6 ? QStringLiteral("陈红")
                                                     : QString(),
                             f.enterprise.creditCode,
                             i % 2 ? QStringLiteral("phone_follow_up") : QStringLiteral("实地走访"), words);
        }
        return writeText(a.dir(), name, text);
    }

    /** Cadres (one new, one stored), visits 20..299 (20..39 changed, the rest new) and issues on some of them. */
    ImportFiles files()
    {
        ImportFiles fs;
        fs[ImportKind::Cadres] = writeText(a.dir(), QStringLiteral("cadres.csv"),
                                           QStringLiteral("name,role,towns,quota,active_from\n"
                                                          "李明,干部,稽山街道,4,2023-04-01\n"
                                                          "陈红,干部,稽山街道,1,2024-01-01\n"));
        fs[ImportKind::Visits] = visitsFile(QStringLiteral("visits.csv"), 20, 300, QStringLiteral("新台账"));
        QString issues = QStringLiteral("issue_ref,visit_ref,enterprise,category,title,description,owner,received,"
                                        "submitted,department,feedback,closed,outcome,satisfaction\n");
        for (int i = 25; i < 300; i += 25)
            issues += QStringLiteral("I%1,V%1,%2,wage_dispute,拖欠工资%1,职工反映工资拖欠,王建国,2024-03-05,2024-03-06,"
                                     "区人力资源和社会保障局,2024-03-08,2024-03-12,已化解,满意\n")
                          .arg(i)
                          .arg(f.enterprise.creditCode);
        fs[ImportKind::Issues] = writeText(a.dir(), QStringLiteral("issues.csv"), issues);
        return fs;
    }

    /** A second database with exactly a's content (a copy of its file). */
    void copyAToB()
    {
        a.close();
        b.close();
        QFile::remove(b.path());
        QFile::remove(b.path() + QStringLiteral("-wal"));
        QFile::remove(b.path() + QStringLiteral("-shm"));
        ASSERT_TRUE(QFile::copy(a.path(), b.path()));
        a.open();
        b.open();
        ASSERT_EQ(everything(a.db()), everything(b.db()));
    }

    /** What `yuegong-cli check` checks, plus the search indexes against the records. */
    static void expectHealthy(Database& db)
    {
        EXPECT_EQ(SqliteDialect::integrityProblems(db.connection()), QStringList());
        EXPECT_TRUE(IssueService(db).checkConsistency().isEmpty());
        EXPECT_EQ(AuditLog(db).firstBrokenEntry(), 0);
        EXPECT_EQ(AuditedSteps(db.connection()).problems(), QStringList()) << "every imported step is sealed";
        EXPECT_EQ(SqliteSearch(db).checkIndexes(), QStringList());
        EXPECT_FALSE(searchDeferred(db));
        EXPECT_EQ(ReportAggregates::problems(db.connection()), QStringList()) << "report counts equal the records";
    }

    TempDatabase a;
    TempDatabase b;
    Fixture f;
    Cadre staff;
};

} // namespace

TEST_F(ImportBulkTest, BulkAndRowPathsWriteTheSameTables)
{
    copyAToB();
    const QStringList indexesBefore = visitIndexes(a.db());
    ImportFiles rowFiles = files();
    rowFiles.writePath = ImportWritePath::Rows;
    ImportFiles bulkFiles = files();
    bulkFiles.writePath = ImportWritePath::Bulk;
    const ImportResult rows = CsvImport::run(a.db(), staff, rowFiles, false);
    const ImportResult bulk = CsvImport::run(b.db(), staff, bulkFiles, false);
    ASSERT_TRUE(rows.ok());
    ASSERT_TRUE(bulk.ok());
    EXPECT_FALSE(rows.bulk[2]);
    EXPECT_TRUE(bulk.bulk[2]);
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(rows.counts[k].added, bulk.counts[k].added) << k;
        EXPECT_EQ(rows.counts[k].updated, bulk.counts[k].updated) << k;
        EXPECT_EQ(rows.counts[k].unchanged, bulk.counts[k].unchanged) << k;
    }
    EXPECT_EQ(bulk.counts[2].added, 260);
    EXPECT_EQ(bulk.counts[2].updated, 20);
    // Every table row for row (see kSegmentTables); the same indexes; the same search results.
    const QMap<QString, QStringList> rowTables = tableRows(a.db());
    const QMap<QString, QStringList> bulkTables = tableRows(b.db());
    ASSERT_EQ(rowTables.keys(), bulkTables.keys());
    EXPECT_GT(rowTables.size(), 30);
    for (auto it = rowTables.constBegin(); it != rowTables.constEnd(); ++it)
        EXPECT_EQ(it.value(), bulkTables.value(it.key())) << it.key().toStdString();
    EXPECT_EQ(rowTables.value(QStringLiteral("visits")).size(), 300);
    EXPECT_EQ(visitIndexes(b.db()), indexesBefore);
    for (const QString& term : {QStringLiteral("新台账"), QStringLiteral("台账"), QStringLiteral("旧的记录"),
                                QStringLiteral("第29"), QStringLiteral("社保缴费"), QStringLiteral("第123次")})
        EXPECT_EQ(found(a.db(), term), found(b.db(), term)) << term.toStdString();
    expectHealthy(a.db());
    expectHealthy(b.db());
}

TEST_F(ImportBulkTest, SearchFindsVisitsOfTheBulkPathAndTheirNewWords)
{
    ImportFiles fs = files();
    fs.writePath = ImportWritePath::Bulk;
    ASSERT_EQ(found(a.db(), QStringLiteral("旧的记录")).size(), 40);
    const ImportResult r = CsvImport::run(a.db(), staff, fs, false);
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r.bulk[2]);
    expectHealthy(a.db());
    // New visits (20 updated + 260 added) by a trigram term and by a two-character term.
    const QList<RowId> byTrigram = found(a.db(), QStringLiteral("新台账"));
    EXPECT_EQ(byTrigram.size(), 280);
    EXPECT_TRUE(byTrigram.contains(visitId(a.db(), QStringLiteral("V299"))));
    EXPECT_TRUE(byTrigram.contains(visitId(a.db(), QStringLiteral("V20"))));
    EXPECT_EQ(found(a.db(), QStringLiteral("台账")).size(), 280);
    EXPECT_EQ(found(a.db(), QStringLiteral("社保缴费")).size(), 300);
    // The updated visits lost their old words; the ones the file left alone kept them.
    const QList<RowId> old = found(a.db(), QStringLiteral("旧的记录"));
    EXPECT_EQ(old.size(), 20);
    EXPECT_TRUE(old.contains(visitId(a.db(), QStringLiteral("V0"))));
    EXPECT_FALSE(old.contains(visitId(a.db(), QStringLiteral("V20"))));
}

TEST_F(ImportBulkTest, AFailureAfterTheIndexesWereDroppedLeavesTheDatabaseAsItWas)
{
    // A write that fails half-way through the visits: SQLite refuses the 150th new visit's cadres.
    sql::execDirect(a.db().connection(),
                    QStringLiteral("CREATE TRIGGER test_fail BEFORE INSERT ON visit_cadres WHEN new.visit_id = "
                                   "(SELECT max(id) FROM visits) AND (SELECT count(*) FROM visits) = 40 + 150 "
                                   "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
    const QByteArray before = everything(a.db());
    const QStringList indexesBefore = visitIndexes(a.db());
    ASSERT_EQ(indexesBefore.size(), 7); // 6 on visits (uuid's constraint included), 1 on visit_cadres
    ImportFiles fs = files();
    fs.writePath = ImportWritePath::Bulk;
    const QString error = errorOf([&] { CsvImport::run(a.db(), staff, fs, false); });
    EXPECT_TRUE(error.contains(QStringLiteral("injected failure"))) << error.toStdString();
    EXPECT_EQ(everything(a.db()), before);
    EXPECT_EQ(visitIndexes(a.db()), indexesBefore);
    expectHealthy(a.db());

    // Cancelled while writing the visits (after the drop): the same.
    sql::execDirect(a.db().connection(), QStringLiteral("DROP TRIGGER test_fail"));
    const QByteArray beforeCancel = everything(a.db());
    // Progress is reported at the end of each file: this stops at the end of the visits, after
    // their rows went in and before their indexes are created again.
    const qint64 issueRows = 11;
    qint64 lastDone = 0;
    const ImportResult r = CsvImport::run(a.db(), staff, fs, false, [&](qint64 done, qint64 total) {
        lastDone = done;
        return done < total - issueRows;
    });
    EXPECT_EQ(lastDone, 2 * (2 + 280 + issueRows) - issueRows);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(everything(a.db()), beforeCancel);
    EXPECT_EQ(visitIndexes(a.db()), indexesBefore);
    expectHealthy(a.db());

    // Cancelled while the indexes are created again (the first index is back, the others not yet).
    int callsAtEndOfVisits = 0;
    const ImportResult r2 = CsvImport::run(a.db(), staff, fs, false, [&](qint64 done, qint64 total) {
        if (done == total - issueRows)
            ++callsAtEndOfVisits;
        return callsAtEndOfVisits < 2; // 1: the last visit row; 2: after the first CREATE INDEX
    });
    EXPECT_TRUE(r2.cancelled);
    EXPECT_EQ(callsAtEndOfVisits, 2);
    EXPECT_EQ(everything(a.db()), beforeCancel);
    EXPECT_EQ(visitIndexes(a.db()), indexesBefore);
    expectHealthy(a.db());

    // And then the same files import normally.
    ASSERT_TRUE(CsvImport::run(a.db(), staff, fs, false).ok());
    EXPECT_EQ(VisitRepository(a.db()).count(), 300);
    EXPECT_EQ(visitIndexes(a.db()), indexesBefore);
}

TEST_F(ImportBulkTest, ReimportAfterABulkImportChangesNothing)
{
    ImportFiles fs = files();
    fs.writePath = ImportWritePath::Bulk;
    ASSERT_TRUE(CsvImport::run(a.db(), staff, fs, false).ok());
    const QByteArray after = everything(a.db());
    for (ImportWritePath how : {ImportWritePath::Automatic, ImportWritePath::Rows, ImportWritePath::Bulk}) {
        fs.writePath = how;
        const ImportResult again = CsvImport::run(a.db(), staff, fs, false);
        ASSERT_TRUE(again.ok());
        for (const ImportCounts& c : again.counts) {
            EXPECT_EQ(c.added, 0);
            EXPECT_EQ(c.updated, 0);
        }
        EXPECT_EQ(again.counts[2].unchanged, 280);
        EXPECT_EQ(everything(a.db()), after);
    }
    expectHealthy(a.db());
}

TEST_F(ImportBulkTest, TheRuleKeepsSmallImportsOnTheRowPath)
{
    // A few hundred rows: the row path, whatever the table holds.
    const ImportResult small = CsvImport::run(a.db(), staff, files(), false);
    ASSERT_TRUE(small.ok());
    EXPECT_FALSE(small.bulk[2]);
    // Many new rows, many more than stored: the bulk path.
    ImportFiles big;
    big[ImportKind::Visits] =
        visitsFile(QStringLiteral("big.csv"), 1000, 1000 + int(CsvImport::kBulkMinNewVisits), QStringLiteral("大批"));
    const ImportResult bulk = CsvImport::run(a.db(), staff, big, false);
    ASSERT_TRUE(bulk.ok());
    EXPECT_TRUE(bulk.bulk[2]);
    EXPECT_EQ(bulk.counts[2].added, CsvImport::kBulkMinNewVisits);
    // The same file again adds nothing: the row path (the sample finds every visit stored).
    const ImportResult again = CsvImport::run(a.db(), staff, big, false);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again.bulk[2]);
    EXPECT_EQ(again.counts[2].unchanged, CsvImport::kBulkMinNewVisits);
    expectHealthy(a.db());
}

TEST_F(ImportBulkTest, GramsCutInCppAreTheTriggersGrams)
{
    // What the insert triggers of migration 7 compute in SQL, for one text.
    auto sqlGrams = [&](const QString& x, int positions) {
        QSqlQuery q = sql::prepare(
            a.db().connection(), QStringLiteral("WITH t(x, p) AS (SELECT ?, ?) SELECT group_concat(substr(x, n, 1) || "
                                                "' ' || substr(x, n, 2), ' ') FROM t JOIN search_positions ON n <= "
                                                "length(x) AND n <= p"));
        q.addBindValue(x);
        q.addBindValue(positions);
        sql::exec(q);
        EXPECT_TRUE(q.next());
        return q.value(0).toString();
    };
    const QString texts[] = {QStringLiteral("企业反映工资拖欠"),
                             QStringLiteral("a"),
                             QStringLiteral("  "),
                             QStringLiteral("𠀀字与emoji😀在中间 和末尾😀"),
                             QStringLiteral("第一行\n第二行, 有逗号"),
                             QStringLiteral("ABC def 123")};
    for (const QString& x : texts) {
        EXPECT_EQ(SqliteSearch::gramsOf(x), sqlGrams(x, 20000)) << x.toStdString();
        EXPECT_EQ(SqliteSearch::gramsOf(x, 3), sqlGrams(x, 3)) << x.toStdString(); // past the last position
    }
}
