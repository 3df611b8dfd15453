#include "CliCommands.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "storage/Database.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteSearch.h"

#include <QFile>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

CliRun cli(const QStringList& args)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = yg::cli::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

/** Left out of "nothing changed": each CLI run's sign-in, and the exchange marks. */
const QStringList kSignInAndMarks{QStringLiteral("sign_in_attempts"), QStringLiteral("exchange_peers")};

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

/** A demo office and a new laptop (init + its own administrator) in one folder. */
class ExchangeCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        office = dir.filePath(QStringLiteral("office.yuegong"));
        laptop = dir.filePath(QStringLiteral("laptop.yuegong"));
        yg::DemoGenerator::generateFile(office, {7, 1});
        ASSERT_EQ(cli({QStringLiteral("init"), QStringLiteral("--db"), laptop}).code, 0);
        qputenv("YUEGONG_NEW_PASSWORD", "laptop-admin-1");
        ASSERT_EQ(cli({QStringLiteral("account"), QStringLiteral("create-admin"), QStringLiteral("--db"), laptop,
                       QStringLiteral("--name"), QStringLiteral("本机管理员"), QStringLiteral("--new-username"),
                       QStringLiteral("ladmin")})
                      .code,
                  0);
        qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    }
    void TearDown() override
    {
        qunsetenv("YUEGONG_PASSWORD");
        qunsetenv("YUEGONG_NEW_PASSWORD");
    }
    CliRun run(const char* args, const QString& db, const QStringList& more = {})
    {
        return cli(words(args) + QStringList{QStringLiteral("--db"), db} + more);
    }

    QTemporaryDir dir;
    QString office, laptop;
};

TEST_F(ExchangeCli, ReferenceToTheLaptopAndRecordsBack)
{
    const CliRun id = run("exchange id", laptop);
    ASSERT_EQ(id.code, 0) << id.err.toStdString();
    const QString laptopId = id.out.trimmed();
    EXPECT_EQ(laptopId.size(), 36);

    const QString ref = dir.filePath(QStringLiteral("ref.yxf"));
    QByteArray officeBefore;
    {
        auto db = yg::Database::open(office);
        officeBefore = yg::test::contentHash(db->connection(), kSignInAndMarks);
    }
    const CliRun unknown =
        run("exchange export --reference --user staff1 --cadre nobody", office, {QStringLiteral("--out"), ref});
    EXPECT_EQ(unknown.code, 1) << "no account nobody";
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("nobody")))
        << "names the unknown user: " << unknown.err.toStdString();
    EXPECT_FALSE(QFile::exists(ref));
    {
        auto db = yg::Database::open(office);
        EXPECT_EQ(yg::test::contentHash(db->connection(), kSignInAndMarks), officeBefore) << "nothing changed";
    }
    // cadre01 works on this laptop: their open issues (assignments) travel with the file.
    const CliRun exported = run("exchange export --reference --user staff1 --cadre cadre01", office,
                                {QStringLiteral("--out"), ref, QStringLiteral("--to"), laptopId});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.contains(laptopId));

    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    const CliRun imported = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(QStringLiteral("cadres: ")));
    EXPECT_TRUE(imported.out.contains(QStringLiteral("issues: ")) &&
                !imported.out.contains(QStringLiteral("issues: 0 new")))
        << imported.out.toStdString();

    // The cadre signs in on the laptop with the office's account and sends the records back.
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    const CliRun note =
        run("analysis reflection --user cadre01 --quarter 2026-Q3", laptop,
            {QStringLiteral("--text"), QStringLiteral("走访中发现小微企业普遍不了解工会经费返还政策。")});
    ASSERT_EQ(note.code, 0) << note.err.toStdString();
    const QString back = dir.filePath(QStringLiteral("back.yxf"));
    const CliRun records = run("exchange export --user cadre01", laptop, {QStringLiteral("--out"), back});
    ASSERT_EQ(records.code, 0) << records.err.toStdString();

    const CliRun byCadre = run("exchange import --user cadre01", office, {QStringLiteral("--in"), back});
    EXPECT_EQ(byCadre.code, 1) << "a cadre may not import into the office";
    const CliRun dry = run("exchange import --dry-run --user staff1", office, {QStringLiteral("--in"), back});
    EXPECT_EQ(dry.code, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("Dry run")));
    const CliRun merged = run("exchange import --user staff1", office, {QStringLiteral("--in"), back});
    EXPECT_EQ(merged.code, 0) << merged.err.toStdString();
    EXPECT_TRUE(merged.out.contains(QStringLiteral("quarterly_notes: 1 new, 0 updated, 0 unchanged, 0 conflicts")))
        << merged.out.toStdString();

    const CliRun none = run("exchange conflicts --user staff1", office);
    EXPECT_EQ(none.code, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("No open exchange conflicts")));
    const CliRun missing = run("exchange resolve 99 --keep mine --user staff1", office);
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("no exchange conflict 99")));
}

TEST_F(ExchangeCli, UsageDamageAndALockedDatabase)
{
    EXPECT_EQ(run("exchange import --user staff1", office).code, 2) << "no --in";
    EXPECT_EQ(run("exchange export --user staff1", office).code, 2) << "no --out";
    EXPECT_EQ(run("exchange resolve 1 --keep both --user staff1", office).code, 2);
    EXPECT_EQ(cli({QStringLiteral("exchange"), QStringLiteral("frobnicate")}).code, 2);

    const QString ref = dir.filePath(QStringLiteral("ref.yxf"));
    ASSERT_EQ(run("exchange export --reference --user staff1", office, {QStringLiteral("--out"), ref}).code, 0);
    QFile f(ref);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.resize(f.size() - 100);
    f.close();
    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    const CliRun cut = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref});
    EXPECT_EQ(cut.code, 1);
    EXPECT_EQ(cut.err.trimmed().count(QLatin1Char('\n')), 0) << "one line: " << cut.err.toStdString();
    EXPECT_TRUE(cut.err.contains(QStringLiteral("nothing was imported")));

    // The laptop open in the app: a clear message, nothing written.
    auto held = yg::Database::open(laptop);
    const QByteArray held0 = yg::test::fileHash(laptop);
    const CliRun locked = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref});
    EXPECT_EQ(locked.code, 1);
    EXPECT_TRUE(locked.err.contains(QStringLiteral("already open"))) << locked.err.toStdString();
    EXPECT_EQ(yg::test::fileHash(laptop), held0);
}

// A whole district's records into a new laptop: the search indexes are built once at the end
// (not record by record) and agree with the records; the same file again changes nothing.
TEST_F(ExchangeCli, AFullFileIsIndexedOnceAndSearchable)
{
    // Each command signs in (recorded) and an import notes the file it received.
    const QString laptopId = run("exchange id", laptop).out.trimmed();
    const QString ref = dir.filePath(QStringLiteral("ref.yxf"));
    ASSERT_EQ(run("exchange export --reference --user staff1", office,
                  {QStringLiteral("--out"), ref, QStringLiteral("--to"), laptopId})
                  .code,
              0);
    const QString all = dir.filePath(QStringLiteral("all.yxf"));
    ASSERT_EQ(run("exchange export --all --user staff1", office,
                  {QStringLiteral("--out"), all, QStringLiteral("--to"), laptopId})
                  .code,
              0);
    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    ASSERT_EQ(run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref}).code, 0);
    const CliRun imported = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), all});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    QByteArray before;
    {
        auto db = yg::Database::open(laptop);
        yg::SqliteSearch search(*db);
        EXPECT_GE(search.indexedRecordCount(), 2000) << "large enough to be indexed at the end";
        EXPECT_TRUE(search.checkIndexes().isEmpty()) << search.checkIndexes().join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(yg::sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM settings WHERE key = "
                                                                   "'search.deferred'"))
                      .toInt(),
                  0);
        EXPECT_EQ(yg::ReportAggregates::problems(db->connection()), QStringList{})
            << "the report counts, paused with the indexes, counted once at the end";
        EXPECT_GT(
            yg::sql::scalar(db->connection(), QStringLiteral("SELECT total(n) FROM report_visit_cube")).toLongLong(),
            0);
        const QString summary =
            yg::sql::scalar(db->connection(), QStringLiteral("SELECT summary FROM visits WHERE length(summary) > 10 "
                                                             "ORDER BY id DESC LIMIT 1"))
                .toString();
        const QList<yg::RowId> found =
            search.matchingIds(yg::SearchKind::Visit, {summary.left(6)}, std::nullopt, 0, 50);
        EXPECT_FALSE(found.isEmpty()) << summary.toStdString();
        before = yg::test::contentHash(db->connection(), kSignInAndMarks);
    }
    const CliRun again = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), all});
    ASSERT_EQ(again.code, 0) << again.err.toStdString();
    auto db = yg::Database::open(laptop);
    EXPECT_EQ(yg::test::contentHash(db->connection(), kSignInAndMarks), before)
        << "nothing new: the indexes are not rebuilt";
}

} // namespace
