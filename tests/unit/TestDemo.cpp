#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "domain/CreditCode.h"
#include "reporting/HeadlineFigures.h"
#include "services/IssueService.h"
#include "storage/Sql.h"
#include "util/Error.h"

#include <QFile>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace yg;

namespace {

class Demo : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_summary = DemoGenerator::generateFile(s_dir->filePath(QStringLiteral("demo.yuegong")), {7, 1});
        s_db = Database::open(s_dir->filePath(QStringLiteral("demo.yuegong"))).release();
    }
    static void TearDownTestSuite()
    {
        delete s_db;
        delete s_dir;
    }
    static qint64 count(const char* statement)
    {
        return sql::scalar(s_db->connection(), QString::fromUtf8(statement)).toLongLong();
    }

    static QTemporaryDir* s_dir;
    static Database* s_db;
    static DemoGenerator::Summary s_summary;
};

QTemporaryDir* Demo::s_dir = nullptr;
Database* Demo::s_db = nullptr;
DemoGenerator::Summary Demo::s_summary;

} // namespace

TEST_F(Demo, IsTheDistrictTheUnionDescribes)
{
    EXPECT_EQ(count("SELECT count(*) FROM towns"), 17);
    EXPECT_EQ(count("SELECT count(*) FROM enterprises WHERE is_key = 1"), 87);
    EXPECT_EQ(count("SELECT count(*) FROM cadres WHERE role = 'cadre'"), 23);
    EXPECT_EQ(count("SELECT count(*) FROM cadres WHERE role = 'supervisor'"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM cadre_groups WHERE supervisor_id IS NOT NULL"), 4);
    EXPECT_GT(count("SELECT count(*) FROM enterprises"), 350);
    EXPECT_EQ(count("SELECT min(visit_date) >= '2023-04-01' AND max(visit_date) <= '2024-12-31' FROM visits"), 1);
    EXPECT_EQ(count("SELECT count(DISTINCT category_id) FROM issues"), count("SELECT count(*) FROM categories"));
    EXPECT_EQ(count("SELECT count(DISTINCT stage) FROM issues"), 4) << "issues in every stage";
    EXPECT_EQ(count("SELECT count(DISTINCT outcome) FROM issues"), 4) << "open, resolved, unresolved, withdrawn";
    EXPECT_EQ(s_summary.visits, count("SELECT count(*) FROM visits"));
    EXPECT_EQ(s_summary.issues, count("SELECT count(*) FROM issues"));
}

TEST_F(Demo, HeadlineFiguresAreBelievable)
{
    const HeadlineFigures f = HeadlineFigures::compute(*s_db);
    EXPECT_GT(f.counts.visits, 1800);
    EXPECT_LT(f.counts.visits, 3200);
    EXPECT_EQ(f.counts.keyEnterprisesVisited, 87) << "full coverage of key enterprises";
    const auto rate = f.resolution.hundredthsOfPercent();
    ASSERT_TRUE(rate);
    EXPECT_GT(*rate, 9000);
    EXPECT_LT(*rate, 9800);
}

TEST_F(Demo, EveryCreditCodeIsValidAndUnique)
{
    QSqlQuery q = sql::execDirect(s_db->connection(), QStringLiteral("SELECT credit_code FROM enterprises"));
    int n = 0;
    while (q.next()) {
        const auto check = CreditCode::validate(q.value(0).toString());
        EXPECT_TRUE(check.ok) << q.value(0).toString().toStdString() << check.message.toStdString();
        ++n;
    }
    EXPECT_EQ(n, count("SELECT count(DISTINCT credit_code) FROM enterprises"));
}

TEST_F(Demo, StoredStageIsWhatTheLastEventSays)
{
    EXPECT_EQ(count("SELECT count(*) FROM issues i WHERE NOT EXISTS (SELECT 1 FROM issue_events e "
                    "WHERE e.issue_id = i.id)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM issues i JOIN issue_events e ON e.issue_id = i.id AND e.seq = "
                    "(SELECT max(seq) FROM issue_events WHERE issue_id = i.id) "
                    "WHERE e.to_stage <> i.stage OR e.outcome <> i.outcome"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM issue_events WHERE event_date > '2024-12-31'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM issues WHERE closed_on < received_on"), 0);
}

TEST_F(Demo, EveryIssueHistoryPassesTheLifecycleCheck)
{
    const auto problems = IssueService(*s_db).checkConsistency();
    EXPECT_TRUE(problems.isEmpty())
        << (problems.isEmpty() ? std::string()
                               : (problems[0].number + QLatin1Char(' ') + problems[0].problem).toStdString());
}

TEST_F(Demo, SameSeedGivesTheSameDatabase)
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.yuegong"));
    const QString b = dir.filePath(QStringLiteral("b.yuegong"));
    const QString c = dir.filePath(QStringLiteral("c.yuegong"));
    DemoGenerator::generateFile(a, {7, 1});
    DemoGenerator::generateFile(b, {7, 1});
    DemoGenerator::generateFile(c, {8, 1});
    QByteArray ha, hb, hc;
    {
        auto da = Database::open(a, {false, true});
        ha = test::contentHash(da->connection());
    }
    {
        auto db = Database::open(b, {false, true});
        hb = test::contentHash(db->connection());
    }
    {
        auto dc = Database::open(c, {false, true});
        hc = test::contentHash(dc->connection());
    }
    EXPECT_EQ(ha, hb);
    EXPECT_NE(ha, hc);
    EXPECT_EQ(ha, test::contentHash(s_db->connection())) << "seed 7 again, and opening for writing changes nothing";
}

TEST_F(Demo, ScaleMultipliesTheDistrict)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x3.yuegong"));
    int calls = 0;
    const auto summary = DemoGenerator::generateFile(path, {7, 3}, [&](int done, int total) {
        ++calls;
        EXPECT_EQ(total, 3);
        EXPECT_EQ(done, calls);
    });
    EXPECT_EQ(calls, 3);
    EXPECT_GT(summary.visits, 3 * s_summary.visits * 9 / 10);
    EXPECT_LT(summary.visits, 3 * s_summary.visits * 11 / 10);
    auto db = Database::open(path, {false, true});
    EXPECT_EQ(
        sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM enterprises WHERE is_key = 1")).toInt(),
        3 * 87);
}

TEST_F(Demo, RefusesToOverwriteAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("taken.yuegong"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("keep me");
    f.close();
    EXPECT_THROW(DemoGenerator::generateFile(path, {7, 1}), Error);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), QByteArray("keep me"));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".part")));
}
