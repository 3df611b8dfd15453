#include "CliCommands.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "storage/Database.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteSearch.h"

#include <QFile>
#include <QSqlQuery>

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
    /** The identity line `exchange id` prints (its last line). */
    QString identityOf(const QString& db)
    {
        const CliRun id = run("exchange id", db);
        EXPECT_EQ(id.code, 0) << id.err.toStdString();
        return id.out.trimmed().split(QLatin1Char('\n')).last();
    }
    /** Staff pair the laptop at the office (cadre01 works on it), the laptop's administrator the office. */
    void pair()
    {
        const CliRun atOffice = run("exchange pair --user staff1 --cadre cadre01", office,
                                    {QStringLiteral("--laptop"), identityOf(laptop)});
        ASSERT_EQ(atOffice.code, 0) << atOffice.err.toStdString();
        qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
        const CliRun atLaptop =
            run("exchange pair --user ladmin", laptop, {QStringLiteral("--office"), identityOf(office)});
        qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
        ASSERT_EQ(atLaptop.code, 0) << atLaptop.err.toStdString();
    }

    QTemporaryDir dir;
    QString office, laptop;
};

TEST_F(ExchangeCli, ReferenceToTheLaptopAndRecordsBack)
{
    const CliRun id = run("exchange id", laptop);
    ASSERT_EQ(id.code, 0) << id.err.toStdString();
    const QString laptopId = id.out.trimmed().split(QLatin1Char('\n')).first();
    EXPECT_EQ(laptopId.size(), 36);
    EXPECT_TRUE(id.out.contains(QStringLiteral("Fingerprint: "))) << id.out.toStdString();
    const QString laptopIdentity = identityOf(laptop);
    EXPECT_TRUE(laptopIdentity.startsWith(QStringLiteral("yuegong-peer:") + laptopId)) << laptopIdentity.toStdString();

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
    const CliRun unpaired = run("exchange export --reference --user staff1 --cadre cadre01", office,
                                {QStringLiteral("--out"), ref, QStringLiteral("--to"), laptopId});
    EXPECT_EQ(unpaired.code, 1);
    EXPECT_TRUE(unpaired.err.contains(QStringLiteral("pair it first"))) << unpaired.err.toStdString();

    // Pairing: the fingerprint read off the laptop's screen must be that of the identity given.
    const CliRun wrongPrint = run("exchange pair --user staff1 --cadre cadre01", office,
                                  {QStringLiteral("--laptop"), laptopIdentity, QStringLiteral("--fingerprint"),
                                   QStringLiteral("00000 00000 00000 00000 00000 00000")});
    EXPECT_EQ(wrongPrint.code, 1);
    EXPECT_TRUE(wrongPrint.err.contains(QStringLiteral("changed on its way"))) << wrongPrint.err.toStdString();
    const QString print = id.out.section(QStringLiteral("Fingerprint: "), 1).section(QLatin1Char('\n'), 0, 0);
    const CliRun paired = run("exchange pair --user staff1 --cadre cadre01", office,
                              {QStringLiteral("--laptop"), laptopIdentity, QStringLiteral("--fingerprint"), print});
    ASSERT_EQ(paired.code, 0) << paired.err.toStdString();
    EXPECT_TRUE(paired.out.contains(print)) << "both fingerprints are shown: " << paired.out.toStdString();
    EXPECT_TRUE(run("exchange peers --user staff1", office).out.contains(laptopId));
    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    ASSERT_EQ(run("exchange pair --user ladmin", laptop, {QStringLiteral("--office"), identityOf(office)}).code, 0);
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);

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

    // Password hashes stay at the office (the district's default): the laptop's administrator
    // gives the cadre a laptop password, and the cadre sends the records back.
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    EXPECT_EQ(run("summary --user cadre01", laptop).code, 1) << "no password on the laptop yet";
    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    qputenv("YUEGONG_NEW_PASSWORD", "cadre01-laptop");
    ASSERT_EQ(run("account set-password --user ladmin --for cadre01", laptop).code, 0);
    qputenv("YUEGONG_PASSWORD", "cadre01-laptop");
    const CliRun note =
        run("analysis reflection --user cadre01 --quarter 2026-Q3", laptop,
            {QStringLiteral("--text"), QStringLiteral("走访中发现小微企业普遍不了解工会经费返还政策。")});
    ASSERT_EQ(note.code, 0) << note.err.toStdString();
    const QString back = dir.filePath(QStringLiteral("back.yxf"));
    const CliRun records = run("exchange export --user cadre01", laptop, {QStringLiteral("--out"), back});
    ASSERT_EQ(records.code, 0) << records.err.toStdString();

    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
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

    pair();
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

// A new laptop's first reference file, every cadre of the district named: the search indexes
// and the report counts agree with the records; the same file again changes nothing.
TEST_F(ExchangeCli, AFirstReferenceFileIsSearchableAndTheSameFileAgainChangesNothing)
{
    pair();
    QStringList everyone;
    {
        auto db = yg::Database::open(office);
        QSqlQuery q =
            yg::sql::execDirect(db->connection(), QStringLiteral("SELECT username FROM cadres WHERE role IN "
                                                                 "('cadre', 'supervisor') AND username IS NOT NULL"));
        while (q.next())
            everyone << QStringLiteral("--cadre") << q.value(0).toString();
    }
    const QString ref = dir.filePath(QStringLiteral("ref.yxf"));
    const CliRun exported = run("exchange export --reference --all --user staff1", office,
                                QStringList{QStringLiteral("--out"), ref} + everyone);
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    qputenv("YUEGONG_PASSWORD", "laptop-admin-1");
    const CliRun imported = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    QByteArray before;
    {
        auto db = yg::Database::open(laptop);
        yg::SqliteSearch search(*db);
        EXPECT_GT(search.indexedRecordCount(), 300);
        EXPECT_TRUE(search.checkIndexes().isEmpty()) << search.checkIndexes().join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(yg::ReportAggregates::problems(db->connection()), QStringList{});
        const QString summary =
            yg::sql::scalar(db->connection(), QStringLiteral("SELECT summary FROM visits WHERE length(summary) > 10 "
                                                             "ORDER BY id DESC LIMIT 1"))
                .toString();
        const QList<yg::RowId> found =
            search.matchingIds(yg::SearchKind::Visit, {summary.left(6)}, std::nullopt, 0, 50);
        EXPECT_FALSE(found.isEmpty()) << summary.toStdString();
        before = yg::test::contentHash(db->connection(), kSignInAndMarks);
    }
    const CliRun again = run("exchange import --user ladmin", laptop, {QStringLiteral("--in"), ref});
    ASSERT_EQ(again.code, 0) << again.err.toStdString();
    auto db = yg::Database::open(laptop);
    EXPECT_EQ(yg::test::contentHash(db->connection(), kSignInAndMarks), before);
    const CliRun check = run("check --user ladmin", laptop);
    EXPECT_EQ(check.code, 0) << check.out.toStdString();
}

} // namespace
