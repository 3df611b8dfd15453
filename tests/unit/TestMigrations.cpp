#include "TestSupport.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "util/Error.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>

#include <gtest/gtest.h>

using namespace yg;
using test::errorOf;

namespace {

/** A raw connection outside Database, to build files the way older versions left them. */
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-test"));
        m_db.setDatabaseName(path);
        EXPECT_TRUE(m_db.open());
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw-test"));
    }
    QSqlDatabase& db() { return m_db; }
    void exec(const char* statement) { sql::execDirect(m_db, QString::fromUtf8(statement)); }

private:
    QSqlDatabase m_db;
};

} // namespace

TEST(Migrations, FreshDatabaseIsAtLatestVersionWithSafePragmas)
{
    test::TempDatabase t;
    QSqlDatabase c = t.db().connection();
    EXPECT_EQ(t.db().schemaVersion(), Migrator::latestVersion());
    EXPECT_GE(Migrator::latestVersion(), 2);
    EXPECT_EQ(SqliteDialect::applicationId(c), SqliteDialect::kApplicationId);
    EXPECT_EQ(SqliteDialect::journalMode(c), QStringLiteral("wal"));
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(sql::scalar(c, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    EXPECT_GT(sql::scalar(c, QStringLiteral("PRAGMA busy_timeout")).toInt(), 0);
    for (const QString& file : {t.path(), t.path() + QStringLiteral("-wal"), t.path() + QStringLiteral("-shm")}) {
        ASSERT_TRUE(QFileInfo::exists(file)) << file.toStdString();
        const QFile::Permissions p = QFileInfo(file).permissions();
        EXPECT_TRUE(p & QFileDevice::ReadOwner) << file.toStdString();
        EXPECT_FALSE(p & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) << file.toStdString() << " is owner-only";
    }
}

// Builds a database at every earlier version, fills it with data of that version, and
// opens it with this program: it is upgraded and the data is all there.
TEST(Migrations, UpgradeFromEveryEarlierVersionKeepsData)
{
    for (int from = 1; from < Migrator::latestVersion(); ++from) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.yuegong"));
        {
            RawConnection raw(path);
            Migrator::migrate(raw.db(), Migrator::builtInSteps(), from);
            ASSERT_EQ(SqliteDialect::schemaVersion(raw.db()), from);
            // Data valid since version 1.
            raw.exec("INSERT INTO towns (uuid, code, name, created_at, updated_at) VALUES "
                     "('t1', 'jishan', '稽山街道', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')");
            raw.exec("INSERT INTO cadres (uuid, name, role, active_from, created_at, updated_at) VALUES "
                     "('c1', '王建国', 'cadre', '2023-04-01', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')");
            raw.exec("INSERT INTO categories (uuid, code, name, created_at, updated_at) VALUES "
                     "('k1', 'other', '其他诉求', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')");
            raw.exec("INSERT INTO enterprises (uuid, name, credit_code, town_id, created_at, updated_at) VALUES "
                     "('e1', '绍兴越州纺织有限公司', '91330100799655058B', 1, '2023-04-01T00:00:00Z', "
                     "'2023-04-01T00:00:00Z')");
            raw.exec("INSERT INTO visits (uuid, visit_date, author_id, enterprise_id, kind, created_at, updated_at) "
                     "VALUES ('v1', '2023-04-03', 1, 1, 'on_site', '2023-04-03T01:00:00Z', '2023-04-03T01:00:00Z')");
            raw.exec("INSERT INTO issues (uuid, number, number_year, number_seq, visit_id, enterprise_id, "
                     "category_id, title, owner_id, stage, received_on, created_at, updated_at) VALUES "
                     "('i1', '2023-0001', 2023, 1, 1, 1, 1, '职工反映工资拖欠', 1, 'intake', '2023-04-03', "
                     "'2023-04-03T01:00:00Z', '2023-04-03T01:00:00Z')");
            raw.exec("INSERT INTO issue_events (uuid, issue_id, seq, action, to_stage, actor_id, occurred_at, "
                     "event_date) VALUES ('ev1', 1, 1, 'record', 'intake', 1, '2023-04-03T01:00:00Z', '2023-04-03')");
        }
        auto db = Database::open(path);
        EXPECT_EQ(db->schemaVersion(), Migrator::latestVersion()) << "from version " << from;
        CadreRepository cadres(*db);
        IssueRepository issues(*db);
        ASSERT_TRUE(cadres.cadreByName(QStringLiteral("王建国")).has_value());
        const auto issue = issues.byNumber(QStringLiteral("2023-0001"));
        ASSERT_TRUE(issue.has_value());
        EXPECT_EQ(issue->title, QStringLiteral("职工反映工资拖欠"));
        EXPECT_EQ(issues.events(issue->meta.id).size(), 1);
        // The step written before version 14 without an audit entry of its own is sealed by
        // the upgrade: check agrees now, and finds an edit made afterwards.
        EXPECT_EQ(AuditedSteps(db->connection()).problems(), QStringList()) << "from version " << from;
        sql::execDirect(db->connection(), QStringLiteral("DROP TRIGGER issue_events_no_update"));
        sql::execDirect(db->connection(), QStringLiteral("UPDATE issue_events SET note = '后改的' WHERE uuid = 'ev1'"));
        EXPECT_EQ(AuditedSteps(db->connection()).problems().size(), 1) << "from version " << from;
    }
}

TEST(Migrations, FailingUpgradeRollsBackCompletely)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.yuegong"));
    RawConnection raw(path);
    Migrator::migrate(raw.db(), Migrator::builtInSteps(), 1);
    raw.exec("INSERT INTO towns (uuid, code, name, created_at, updated_at) VALUES "
             "('t1', 'jishan', '稽山街道', '2023-04-01T00:00:00Z', '2023-04-01T00:00:00Z')");
    const QByteArray before = test::contentHash(raw.db());

    QList<MigrationStep> steps = Migrator::builtInSteps();
    steps.append({static_cast<int>(steps.size()) + 1, QStringLiteral("broken"),
                  QStringLiteral("CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);")});
    const QString message = errorOf([&] { Migrator::migrate(raw.db(), steps, static_cast<int>(steps.size())); });
    EXPECT_TRUE(message.contains(QStringLiteral("broken"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("nothing was changed"))) << message.toStdString();
    EXPECT_EQ(SqliteDialect::schemaVersion(raw.db()), 1);
    EXPECT_EQ(test::contentHash(raw.db()), before) << "version 2's tables and the half-done step are gone";
}

TEST(Migrations, RefusesDatabaseOfANewerVersionAndLeavesItUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.yuegong"));
    {
        auto db = Database::open(path);
    }
    {
        RawConnection raw(path);
        SqliteDialect::setSchemaVersion(raw.db(), Migrator::latestVersion() + 1);
        raw.exec("PRAGMA journal_mode = DELETE");
    }
    const QByteArray before = test::fileHash(path);
    const QString message = errorOf([&] { Database::open(path); });
    EXPECT_TRUE(message.contains(QStringLiteral("newer version"))) << message.toStdString();
    EXPECT_EQ(test::fileHash(path), before);
}

TEST(Migrations, RefusesAnotherProgramsSqliteFileAndLeavesItUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    {
        RawConnection raw(path);
        raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT)");
        raw.exec("INSERT INTO contacts VALUES ('x', '1')");
    }
    const QByteArray before = test::fileHash(path);
    const QString message = errorOf([&] { Database::open(path); });
    EXPECT_TRUE(message.contains(QStringLiteral("another program"))) << message.toStdString();
    EXPECT_EQ(test::fileHash(path), before);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".lock"))) << "the lock is released on refusal";
}

TEST(Migrations, RefusesFilesThatAreNotSqlite)
{
    QTemporaryDir dir;
    struct Case
    {
        const char* name;
        QByteArray bytes;
        const char* says;
    } cases[] = {{"notes.txt",
                  QByteArrayLiteral("走访记录\nnot a database at all, just some text that is long enough "
                                    "to fill a header of one hundred bytes or so........."),
                  "not an SQLite database"},
                 {"empty.yuegong", QByteArray(), "empty file"},
                 {"short.yuegong", QByteArrayLiteral("SQLite format 3"), "not an SQLite database"}};
    for (const Case& c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(c.bytes);
        f.close();
        const QByteArray before = test::fileHash(path);
        const QString message = errorOf([&] { Database::open(path); });
        EXPECT_TRUE(message.contains(QString::fromLatin1(c.says))) << c.name << ": " << message.toStdString();
        EXPECT_EQ(test::fileHash(path), before) << c.name;
        EXPECT_EQ(QFileInfo(path).size(), c.bytes.size()) << c.name;
    }
}

TEST(Migrations, MissingFileIsNotCreatedWhenAskedNotTo)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.yuegong"));
    EXPECT_TRUE(errorOf([&] { Database::open(path, {false, false}); }).contains(QStringLiteral("does not exist")));
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Migrations, SecondWriterInThisProcessIsRefused)
{
    test::TempDatabase t;
    const QString message = errorOf([&] { Database::open(t.path()); });
    EXPECT_TRUE(message.contains(QStringLiteral("already open"))) << message.toStdString();
    // Readers are welcome while the writer holds the lock.
    auto reader = Database::open(t.path(), {false, true});
    EXPECT_EQ(reader->schemaVersion(), Migrator::latestVersion());
}

TEST(Migrations, SecondWriterProcessGetsAClearMessage)
{
    test::TempDatabase t;
    QProcess cli;
    cli.start(QStringLiteral(YG_CLI_PATH), {QStringLiteral("upgrade"), QStringLiteral("--db"), t.path()});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    EXPECT_TRUE(err.contains(QStringLiteral("already open in another YueGong program"))) << err.toStdString();

    t.close();
    cli.start(QStringLiteral(YG_CLI_PATH), {QStringLiteral("upgrade"), QStringLiteral("--db"), t.path()});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
}

TEST(Migrations, SplitScriptHandlesQuotesCommentsAndTriggers)
{
    const QStringList parts =
        Migrator::splitScript(QStringLiteral("-- a comment; with a semicolon\n"
                                             "CREATE TABLE a (x TEXT DEFAULT 'a;b', \"odd;name\" INT);\n"
                                             "/* block; comment */ INSERT INTO a VALUES ('it''s; fine', 1);\n"
                                             "CREATE TRIGGER t BEFORE DELETE ON a BEGIN\n"
                                             "  SELECT CASE WHEN 1 THEN RAISE(ABORT, 'no; never') END;\n"
                                             "  SELECT 1;\n"
                                             "END;\n"
                                             "CREATE INDEX i ON a(x)"));
    ASSERT_EQ(parts.size(), 4) << parts.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(parts[0].startsWith(QStringLiteral("CREATE TABLE a")));
    EXPECT_TRUE(parts[1].contains(QStringLiteral("'it''s; fine'")));
    EXPECT_TRUE(parts[2].startsWith(QStringLiteral("CREATE TRIGGER")));
    EXPECT_TRUE(parts[2].endsWith(QStringLiteral("END")));
    EXPECT_EQ(parts[3], QStringLiteral("CREATE INDEX i ON a(x)"));
}
