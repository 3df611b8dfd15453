#include "CliCommands.h"
#include "TestSupport.h"
#include "demo/DemoGenerator.h"
#include "storage/AccountRepository.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/IssueRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/Sql.h"
#include "storage/WriteTransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

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

} // namespace

TEST(Cli, UsageErrorsExitWithTwoAndSayWhatIsAccepted)
{
    EXPECT_EQ(cli({}).code, 2);
    const CliRun unknown = cli({QStringLiteral("frobnicate")});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("Unknown command 'frobnicate'")));
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("usage:")));
    EXPECT_EQ(cli({QStringLiteral("demo")}).code, 2);
    const CliRun scale = cli({QStringLiteral("demo"), QStringLiteral("--out"), QStringLiteral("/nonexistent/x"),
                              QStringLiteral("--scale"), QStringLiteral("zero")});
    EXPECT_EQ(scale.code, 2);
    EXPECT_TRUE(scale.err.contains(QStringLiteral("--scale 'zero'"))) << scale.err.toStdString();
    const CliRun level = cli({QStringLiteral("summary"), QStringLiteral("--db"), QStringLiteral("x"),
                              QStringLiteral("--log-level"), QStringLiteral("loud")});
    EXPECT_EQ(level.code, 2);
    EXPECT_TRUE(level.err.contains(QStringLiteral("Unknown log level 'loud'")));
}

TEST(Cli, DemoThenSummary)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    const CliRun demo =
        cli({QStringLiteral("demo"), QStringLiteral("--out"), path, QStringLiteral("--seed"), QStringLiteral("3")});
    ASSERT_EQ(demo.code, 0) << demo.err.toStdString();
    EXPECT_TRUE(demo.out.contains(QStringLiteral("Demo district written")));

    const CliRun again = cli({QStringLiteral("demo"), QStringLiteral("--out"), path});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already exists"))) << again.err.toStdString();

    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    const CliRun json = cli({QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--json"),
                             QStringLiteral("--user"), QStringLiteral("staff1")});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_GT(o.value(QStringLiteral("visits")).toInt(), 1000);
    EXPECT_EQ(o.value(QStringLiteral("keyEnterprises")).toInt(), 87);
    EXPECT_TRUE(o.value(QStringLiteral("resolutionRate")).toString().endsWith(QLatin1Char('%')));

    const CliRun period =
        cli({QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--period"),
             QStringLiteral("2022"), QStringLiteral("--json"), QStringLiteral("--user"), QStringLiteral("staff1")});
    ASSERT_EQ(period.code, 0);
    const QJsonObject empty = QJsonDocument::fromJson(period.out.toUtf8()).object();
    EXPECT_EQ(empty.value(QStringLiteral("visits")).toInt(), 0);
    EXPECT_EQ(empty.value(QStringLiteral("resolutionRate")).toString(), QStringLiteral("—"));

    const CliRun badPeriod = cli({QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--period"),
                                  QStringLiteral("2024-Q5")});
    EXPECT_EQ(badPeriod.code, 2);
    EXPECT_TRUE(badPeriod.err.contains(QStringLiteral("2024-W32"))) << badPeriod.err.toStdString();
}

TEST(Cli, ForeignFileIsRefusedWithExitOne)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(200, 'x'));
    f.close();
    const CliRun r = cli({QStringLiteral("summary"), QStringLiteral("--db"), path});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("not an SQLite database"))) << r.err.toStdString();
}

TEST(Cli, IssueCommandsFollowTheRulesAndSayWhy)
{
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    QString number, owner;
    {
        auto db = yg::Database::open(path, {false, true});
        yg::IssueFilter intake;
        intake.stage = yg::Stage::Intake;
        const auto rows = yg::IssueRepository(*db).list(intake, 0, 1);
        ASSERT_FALSE(rows.isEmpty());
        number = rows.first().number;
        owner = yg::AccountRepository(*db).byCadre(yg::IssueRepository(*db).issue(rows.first().id)->ownerId)->username;
    }
    const QStringList db{QStringLiteral("--db"), path};
    EXPECT_EQ(cli(QStringList{QStringLiteral("issue"), QStringLiteral("list")} + db).code, 1) << "no --user";
    const CliRun refused = cli(QStringList{QStringLiteral("issue"), QStringLiteral("act")} + db +
                               QStringList{number, QStringLiteral("confirm"), QStringLiteral("--user"), owner});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("Nothing was changed"))) << refused.err.toStdString();
    const CliRun submit = cli(QStringList{QStringLiteral("issue"), QStringLiteral("act")} + db +
                              QStringList{number, QStringLiteral("submit"), QStringLiteral("--user"), owner});
    EXPECT_EQ(submit.code, 0) << submit.err.toStdString();
    const CliRun show = cli(QStringList{QStringLiteral("issue"), QStringLiteral("show")} + db +
                            QStringList{number, QStringLiteral("--user"), owner});
    EXPECT_TRUE(show.out.contains(QStringLiteral("Stage: Consultation"))) << show.out.toStdString();
    EXPECT_EQ(cli(QStringList{QStringLiteral("issue"), QStringLiteral("act")} + db +
                  QStringList{number, QStringLiteral("frobnicate"), QStringLiteral("--user"), owner})
                  .code,
              2);
    EXPECT_EQ(cli(QStringList{QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("admin")} + db).code,
              0);
    const CliRun cadreCheck = cli(QStringList{QStringLiteral("check"), QStringLiteral("--user"), owner} + db);
    EXPECT_EQ(cadreCheck.code, 1) << "check is for staff and administrators";

    const CliRun days = cli(QStringList{QStringLiteral("category"), QStringLiteral("set-due-days"),
                                        QStringLiteral("--user"), QStringLiteral("staff1"), QStringLiteral("--code"),
                                        QStringLiteral("nope"), QStringLiteral("--days"), QStringLiteral("3")} +
                            db);
    EXPECT_EQ(days.code, 1);
    EXPECT_TRUE(days.err.contains(QStringLiteral("wage_dispute"))) << "lists the codes";
    const CliRun cadreDays = cli(QStringList{QStringLiteral("category"), QStringLiteral("set-due-days"),
                                             QStringLiteral("--user"), owner, QStringLiteral("--code"),
                                             QStringLiteral("other"), QStringLiteral("--days"), QStringLiteral("3")} +
                                 db);
    EXPECT_EQ(cadreDays.code, 1);
    EXPECT_TRUE(cadreDays.err.contains(QStringLiteral("may not do this"))) << cadreDays.err.toStdString();

    qputenv("YUEGONG_PASSWORD", "not-the-password");
    const CliRun wrong = cli(QStringList{QStringLiteral("summary"), QStringLiteral("--user"), owner} + db);
    EXPECT_EQ(wrong.code, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("user name or the password is wrong")));
    qunsetenv("YUEGONG_PASSWORD");
}

TEST(Cli, AdministratorsResetPasswordsAndDisableAccounts)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    const QStringList db{QStringLiteral("--db"), path};
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    qputenv("YUEGONG_NEW_PASSWORD", "new-password-1");
    const CliRun bystaff =
        cli(QStringList{QStringLiteral("account"), QStringLiteral("set-password"), QStringLiteral("--user"),
                        QStringLiteral("staff1"), QStringLiteral("--for"), QStringLiteral("cadre01")} +
            db);
    EXPECT_EQ(bystaff.code, 1);
    EXPECT_TRUE(bystaff.err.contains(QStringLiteral("managing accounts"))) << bystaff.err.toStdString();
    const CliRun reset =
        cli(QStringList{QStringLiteral("account"), QStringLiteral("set-password"), QStringLiteral("--user"),
                        QStringLiteral("admin"), QStringLiteral("--for"), QStringLiteral("cadre01")} +
            db);
    ASSERT_EQ(reset.code, 0) << reset.err.toStdString();
    qputenv("YUEGONG_PASSWORD", "new-password-1");
    EXPECT_EQ(
        cli(QStringList{QStringLiteral("summary"), QStringLiteral("--user"), QStringLiteral("cadre01")} + db).code, 0);
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    ASSERT_EQ(cli(QStringList{QStringLiteral("account"), QStringLiteral("disable"), QStringLiteral("--user"),
                              QStringLiteral("admin"), QStringLiteral("--for"), QStringLiteral("cadre02")} +
                  db)
                  .code,
              0);
    const CliRun disabled =
        cli(QStringList{QStringLiteral("summary"), QStringLiteral("--user"), QStringLiteral("cadre02")} + db);
    EXPECT_EQ(disabled.code, 1);
    EXPECT_TRUE(disabled.err.contains(QStringLiteral("disabled"))) << disabled.err.toStdString();
    EXPECT_EQ(cli(QStringList{QStringLiteral("setting"), QStringLiteral("idle-lock"), QStringLiteral("--user"),
                              QStringLiteral("admin"), QStringLiteral("--minutes"), QStringLiteral("5")} +
                  db)
                  .code,
              0);
    EXPECT_EQ(cli(QStringList{QStringLiteral("account"), QStringLiteral("create-admin"), QStringLiteral("--name"),
                              QStringLiteral("x"), QStringLiteral("--new-username"), QStringLiteral("x")} +
                  db)
                  .code,
              1)
        << "only on an empty database";
    qunsetenv("YUEGONG_PASSWORD");
    qunsetenv("YUEGONG_NEW_PASSWORD");
}

TEST(Cli, ReportAsJsonAndCsvAndRefusalsWriteNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    const QStringList base{QStringLiteral("report"), QStringLiteral("--db"), path, QStringLiteral("--user"),
                           QStringLiteral("staff1")};
    const CliRun json = cli(base + QStringList{QStringLiteral("--period"), QStringLiteral("2024")});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_EQ(o[QStringLiteral("format")].toString(), QStringLiteral("yuegong-report"));
    EXPECT_EQ(o[QStringLiteral("period")].toString(), QStringLiteral("2024"));
    EXPECT_EQ(o[QStringLiteral("previous")][QStringLiteral("from")].toString(), QStringLiteral("2023-01-01"));
    EXPECT_GT(o[QStringLiteral("current")][QStringLiteral("collected")].toInt(), 0);
    EXPECT_EQ(o[QStringLiteral("byTown")].toArray().size(), 17);

    const QString csv = dir.filePath(QStringLiteral("out/r.csv"));
    QDir().mkpath(dir.filePath(QStringLiteral("out")));
    const CliRun files =
        cli(base + QStringList{QStringLiteral("--period"), QStringLiteral("2024-Q3"), QStringLiteral("--format"),
                               QStringLiteral("csv"), QStringLiteral("--out"), csv});
    ASSERT_EQ(files.code, 0) << files.err.toStdString();
    EXPECT_EQ(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files).size(), 5) << "one file per table";
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().startsWith("\xEF\xBB\xBF")) << "UTF-8 with BOM for Excel and WPS";

    for (const QStringList& bad : {QStringList{QStringLiteral("--period"), QStringLiteral("2024-Q5")},
                                   QStringList{QStringLiteral("--period"), QStringLiteral("2024"),
                                               QStringLiteral("--format"), QStringLiteral("docx")},
                                   QStringList{QStringLiteral("--period"), QStringLiteral("2024"),
                                               QStringLiteral("--scope"), QStringLiteral("street=x")},
                                   QStringList{QStringLiteral("--period"), QStringLiteral("2024"),
                                               QStringLiteral("--kind"), QStringLiteral("yearly")}}) {
        const QString out = dir.filePath(QStringLiteral("bad.json"));
        const CliRun r = cli(base + bad + QStringList{QStringLiteral("--out"), out});
        EXPECT_EQ(r.code, 2) << bad.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("accepted"))) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(out)) << "no file";
    }
    const CliRun cadre = cli({QStringLiteral("report"), QStringLiteral("--db"), path, QStringLiteral("--user"),
                              QStringLiteral("cadre01"), QStringLiteral("--period"), QStringLiteral("2024")});
    EXPECT_EQ(cadre.code, 1) << "reports are for staff, supervisors and administrators";
    qunsetenv("YUEGONG_PASSWORD");
}

// Every layout as PDF and XLSX through the real program (which draws on the offscreen platform).
TEST(Cli, ReportEveryKindAsPdfAndXlsx)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    const QStringList base{QStringLiteral("report"), QStringLiteral("--db"), path, QStringLiteral("--user"),
                           QStringLiteral("staff1")};
    const CliRun inProcess =
        cli(base + QStringList{QStringLiteral("--period"), QStringLiteral("2024"), QStringLiteral("--format"),
                               QStringLiteral("pdf"), QStringLiteral("--out"), dir.filePath(QStringLiteral("x.pdf"))});
    EXPECT_EQ(inProcess.code, 2) << "PDF needs the program's GUI application";

    const QString cadre = [&] {
        const auto db = yg::Database::open(path, {false, true});
        return yg::test::cadreWithUsername(*db, QStringLiteral("cadre01")).name;
    }();
    const QList<QStringList> requests{
        {QStringLiteral("--kind"), QStringLiteral("summary"), QStringLiteral("--period"), QStringLiteral("2024-Q3")},
        {QStringLiteral("--kind"), QStringLiteral("weekly"), QStringLiteral("--period"), QStringLiteral("2024-W32"),
         QStringLiteral("--scope"), QStringLiteral("cadre=") + cadre},
        {QStringLiteral("--kind"), QStringLiteral("monthly"), QStringLiteral("--period"), QStringLiteral("2024-07")},
        {QStringLiteral("--kind"), QStringLiteral("quarterly"), QStringLiteral("--period"), QStringLiteral("2024-Q3"),
         QStringLiteral("--scope"), QStringLiteral("town=稽山街道")},
        {QStringLiteral("--kind"), QStringLiteral("annual"), QStringLiteral("--period"), QStringLiteral("2024")},
    };
    for (const QStringList& request : requests) {
        for (const QString& format : {QStringLiteral("pdf"), QStringLiteral("xlsx")}) {
            const QString out = dir.filePath(request[1] + QLatin1Char('.') + format);
            QProcess p;
            p.start(QStringLiteral(YG_CLI_PATH),
                    base + request + QStringList{QStringLiteral("--format"), format, QStringLiteral("--out"), out});
            ASSERT_TRUE(p.waitForFinished(60000));
            EXPECT_EQ(p.exitCode(), 0) << request.join(QLatin1Char(' ')).toStdString() << " " << format.toStdString()
                                       << ": " << p.readAllStandardError().toStdString();
            QFile f(out);
            ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << out.toStdString();
            const QByteArray bytes = f.readAll();
            if (format == QLatin1String("pdf")) {
                EXPECT_TRUE(bytes.startsWith("%PDF-"));
                EXPECT_TRUE(bytes.contains("NotoSansCJK")) << "a CJK font for the Chinese text";
                EXPECT_TRUE(bytes.contains("/FontFile")) << "embedded";
            } else {
                EXPECT_TRUE(bytes.startsWith("PK")) << "a zip (xlsx) file";
                EXPECT_FALSE(yg::test::zipEntry(out, QStringLiteral("xl/worksheets/sheet1.xml")).isEmpty());
            }
        }
    }
    qunsetenv("YUEGONG_PASSWORD");
}

TEST(Cli, InitCreatesAnEmptyDistrictDatabaseThenTheFirstAdministratorImports)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("office.yuegong"));
    const QStringList db{QStringLiteral("--db"), path};
    const CliRun init = cli(QStringList{QStringLiteral("init")} + db);
    ASSERT_EQ(init.code, 0) << init.err.toStdString();
    EXPECT_TRUE(init.out.contains(QStringLiteral("17 towns"))) << init.out.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral(".part")));
    const QByteArray made = yg::test::fileHash(path);
    const CliRun again = cli(QStringList{QStringLiteral("init")} + db);
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already exists"))) << again.err.toStdString();
    EXPECT_EQ(yg::test::fileHash(path), made);
    {
        auto opened = yg::Database::open(path, {false, true});
        EXPECT_EQ(yg::ReferenceRepository(*opened).towns().size(), 17);
        EXPECT_EQ(yg::ReferenceRepository(*opened).categories().size(), 10);
        EXPECT_FALSE(yg::ReferenceRepository(*opened).departments().isEmpty());
        EXPECT_EQ(yg::CadreRepository(*opened).count(), 0);
    }
    // A profile of another district, with its own holidays.
    const QString profile = dir.filePath(QStringLiteral("other.json"));
    QFile p(profile);
    ASSERT_TRUE(p.open(QIODevice::WriteOnly));
    p.write(R"({"format": "yuegong-district-profile", "formatVersion": 1, "district": "柯桥区",
               "towns": [{"code": "keqiao", "name": "柯桥街道"}],
               "categories": [{"code": "other", "name": "其他诉求", "defaultDueDays": 15}],
               "departments": ["区总工会办公室"],
               "calendar": [{"date": "2027-02-08", "kind": "holiday", "name": "春节"}]})");
    p.close();
    const QString other = dir.filePath(QStringLiteral("other.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("init"), QStringLiteral("--db"), other, QStringLiteral("--district"), profile}).code,
              0);
    {
        auto opened = yg::Database::open(other, {false, true});
        EXPECT_EQ(yg::ReferenceRepository(*opened).towns().size(), 1);
        EXPECT_FALSE(yg::CalendarRepository(*opened).load().isWorkingDay(QDate(2027, 2, 8)));
    }

    qputenv("YUEGONG_NEW_PASSWORD", "office-pass-1");
    ASSERT_EQ(cli(QStringList{QStringLiteral("account"), QStringLiteral("create-admin"), QStringLiteral("--name"),
                              QStringLiteral("管理员"), QStringLiteral("--new-username"), QStringLiteral("admin")} +
                  db)
                  .code,
              0);
    qputenv("YUEGONG_PASSWORD", "office-pass-1");
    const QStringList user{QStringLiteral("--user"), QStringLiteral("admin")};
    // Usage errors: exit 2 before anything is opened.
    EXPECT_EQ(cli(QStringList{QStringLiteral("import")} + db + user).code, 2);
    EXPECT_EQ(cli(QStringList{QStringLiteral("import"), QStringLiteral("--cadres"), QStringLiteral("x.csv"),
                              QStringLiteral("--encoding"), QStringLiteral("latin1")} +
                  db + user)
                  .code,
              2);
    // Templates, then the cadres file filled in.
    const QString templates = dir.filePath(QStringLiteral("templates"));
    const CliRun t = cli({QStringLiteral("import"), QStringLiteral("--templates"), templates});
    ASSERT_EQ(t.code, 0) << t.err.toStdString();
    EXPECT_EQ(t.out.count(QStringLiteral(".csv")), 4);
    QFile cadres(QDir(templates).filePath(QStringLiteral("cadres.csv")));
    ASSERT_TRUE(cadres.open(QIODevice::Append));
    cadres.write("王芳,干部,第一组,,稽山街道;塔山街道,4,2024-01-02,\r\n"
                 "陈刚,分管领导,第一组,陈刚,,1,2024-01-02,\r\n"
                 "李四,janitor,第一组,,火星,1,2024-13-01,\r\n");
    cadres.close();
    const QStringList importCadres =
        QStringList{QStringLiteral("import"), QStringLiteral("--cadres"), cadres.fileName()} + db + user;
    const CliRun bad = cli(importCadres);
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("cadres.csv:4: column “role” value “janitor”")))
        << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("cadres.csv:4: column “towns” value “火星”")));
    EXPECT_TRUE(bad.err.contains(QStringLiteral("cadres.csv:4: column “active_from” value “2024-13-01”")));
    EXPECT_TRUE(bad.err.contains(QStringLiteral("problems found: 3")));

    // Without the bad row: the dry run counts, the import writes, a second import changes nothing.
    ASSERT_TRUE(cadres.open(QIODevice::ReadOnly));
    QByteArray content = cadres.readAll();
    cadres.close();
    content.truncate(content.lastIndexOf("李四"));
    ASSERT_TRUE(cadres.open(QIODevice::WriteOnly | QIODevice::Truncate));
    cadres.write(content);
    cadres.close();
    const CliRun dry = cli(importCadres + QStringList{QStringLiteral("--dry-run")});
    EXPECT_EQ(dry.code, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral("Dry run"))) << dry.out.toStdString();
    const CliRun ok = cli(importCadres);
    EXPECT_EQ(ok.code, 0) << ok.err.toStdString();
    EXPECT_EQ(ok.out.count(QLatin1Char('\n')), 1) << "one summary line";
    EXPECT_TRUE(ok.out.contains(QStringLiteral("Cadres 2 added, 0 updated, 0 unchanged"))) << ok.out.toStdString();
    const CliRun twice = cli(importCadres);
    EXPECT_TRUE(twice.out.contains(QStringLiteral("Cadres 0 added, 0 updated, 2 unchanged")))
        << twice.out.toStdString();
    qunsetenv("YUEGONG_PASSWORD");
    qunsetenv("YUEGONG_NEW_PASSWORD");
}

// Nominations and quarterly texts from the command line: wrong flags say what is accepted
// (exit 2) and leave the database as it was; a good call is saved and listed.
TEST(Cli, NominationsAndQuarterlyTextsRefuseBadFlagsAndChangeNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    const QStringList staff{QStringLiteral("--db"), path, QStringLiteral("--user"), QStringLiteral("staff1")};
    const QByteArray before = [&] {
        const auto db = yg::Database::open(path, {false, true});
        return yg::test::contentHash(db->connection());
    }();
    struct Bad
    {
        QStringList args;
        const char* says;
    } bad[] = {
        {{QStringLiteral("nomination"), QStringLiteral("add"), QStringLiteral("--year"), QStringLiteral("24"),
          QStringLiteral("--kind"), QStringLiteral("research")},
         "--year"},
        {{QStringLiteral("nomination"), QStringLiteral("add"), QStringLiteral("--year"), QStringLiteral("2024"),
          QStringLiteral("--kind"), QStringLiteral("poem")},
         "research, suggestion"},
        {{QStringLiteral("nomination"), QStringLiteral("score"), QStringLiteral("x"), QStringLiteral("--score"),
          QStringLiteral("50")},
         "nomination list"},
        {{QStringLiteral("nomination"), QStringLiteral("score"), QStringLiteral("1"), QStringLiteral("--score"),
          QStringLiteral("101")},
         "0 to 100"},
        {{QStringLiteral("analysis"), QStringLiteral("town"), QStringLiteral("--quarter"), QStringLiteral("2024-Q5")},
         "2024-Q3"},
    };
    for (const Bad& b : bad) {
        const CliRun r = cli(b.args.mid(0, 2) + staff + b.args.mid(2));
        EXPECT_EQ(r.code, 2) << b.args.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(r.err.contains(QString::fromUtf8(b.says))) << r.err.toStdString();
    }
    {
        const auto db = yg::Database::open(path, {false, true});
        EXPECT_EQ(yg::test::contentHash(db->connection()), before) << "nothing changed";
    }
    const QString cadre = [&] {
        const auto db = yg::Database::open(path, {false, true});
        return yg::test::cadreWithUsername(*db, QStringLiteral("cadre01")).name;
    }();
    const CliRun added = cli(QStringList{QStringLiteral("nomination"), QStringLiteral("add")} + staff +
                             QStringList{QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--kind"),
                                         QStringLiteral("suggestion"), QStringLiteral("--cadre"), cadre,
                                         QStringLiteral("--title"), QStringLiteral("开设经费返还政策专场解读会")});
    EXPECT_EQ(added.code, 0) << added.err.toStdString();
    const CliRun listed = cli(QStringList{QStringLiteral("nomination"), QStringLiteral("list")} + staff +
                              QStringList{QStringLiteral("--year"), QStringLiteral("2024")});
    EXPECT_TRUE(listed.out.contains(QStringLiteral("开设经费返还政策专场解读会"))) << listed.out.toStdString();
    const QString number = listed.out.section(QLatin1Char('\t'), 0, 0).trimmed();
    const CliRun scored = cli(QStringList{QStringLiteral("nomination"), QStringLiteral("score")} + staff +
                              QStringList{number, QStringLiteral("--score"), QStringLiteral("88")});
    EXPECT_EQ(scored.code, 0) << scored.err.toStdString();
    const CliRun selected =
        cli(QStringList{QStringLiteral("nomination"), QStringLiteral("select")} + staff + QStringList{number});
    EXPECT_EQ(selected.code, 0) << selected.err.toStdString();
    EXPECT_TRUE(selected.out.contains(QStringLiteral("88"))) << selected.out.toStdString();
    qunsetenv("YUEGONG_PASSWORD");
}

TEST(Cli, SharedNeedsListsTheDemoAlertForSupervisorsAndStaffOnly)
{
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    const QStringList db{QStringLiteral("--db"), path};
    const CliRun staff = cli(QStringList{QStringLiteral("shared-needs")} + db +
                             QStringList{QStringLiteral("--user"), QStringLiteral("staff1")});
    EXPECT_EQ(staff.code, 0) << staff.err.toStdString();
    EXPECT_TRUE(staff.out.contains(QStringLiteral("不了解工会经费返还政策\t6\t6\t"))) << staff.out.toStdString();
    const CliRun cadre = cli(QStringList{QStringLiteral("shared-needs")} + db +
                             QStringList{QStringLiteral("--user"), QStringLiteral("cadre01")});
    EXPECT_EQ(cadre.code, 1);
    EXPECT_FALSE(cadre.err.isEmpty());
    EXPECT_EQ(cli(QStringList{QStringLiteral("shared-needs")}).code, 2) << "no --db";
}

TEST(Cli, MeetingAgendaAndCreateFollowThePermissionsAndChangeNothingWhenRefused)
{
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    QString group;
    {
        auto db = yg::Database::open(path, {false, true});
        const yg::Cadre supervisor = yg::test::cadreWithUsername(*db, QStringLiteral("supervisor1"));
        for (const yg::CadreGroup& g : yg::CadreRepository(*db).groups()) {
            if (g.supervisorId == supervisor.meta.id)
                group = g.name;
        }
    }
    ASSERT_FALSE(group.isEmpty());
    const QStringList base{QStringLiteral("--db"),   path, QStringLiteral("--group"), group, QStringLiteral("--month"),
                           QStringLiteral("2024-12")};
    const CliRun agenda = cli(QStringList{QStringLiteral("meeting"), QStringLiteral("agenda")} + base +
                              QStringList{QStringLiteral("--user"), QStringLiteral("supervisor1"),
                                          QStringLiteral("--format"), QStringLiteral("json")});
    ASSERT_EQ(agenda.code, 0) << agenda.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(agenda.out.toUtf8()).object();
    EXPECT_EQ(json.value(QStringLiteral("group")).toString(), group);
    EXPECT_FALSE(json.value(QStringLiteral("items")).toArray().isEmpty());
    EXPECT_EQ(cli(QStringList{QStringLiteral("meeting"), QStringLiteral("agenda")} + base +
                  QStringList{QStringLiteral("--user"), QStringLiteral("supervisor1"), QStringLiteral("--format"),
                              QStringLiteral("xml")})
                  .code,
              2);
    EXPECT_EQ(cli({QStringLiteral("meeting"), QStringLiteral("minutes")}).code, 2);

    // Signing in is recorded, so the file changes; what must not change is the meetings.
    auto meetings = [&] {
        auto db = yg::Database::open(path, {false, true});
        return yg::sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM meetings")).toInt();
    };
    const CliRun byStaff = cli(QStringList{QStringLiteral("meeting"), QStringLiteral("create")} + base +
                               QStringList{QStringLiteral("--user"), QStringLiteral("staff1")});
    EXPECT_EQ(byStaff.code, 1);
    EXPECT_TRUE(byStaff.err.contains(QStringLiteral("Nothing was changed"))) << byStaff.err.toStdString();
    const QStringList create =
        QStringList{QStringLiteral("meeting"), QStringLiteral("create")} + base +
        QStringList{QStringLiteral("--user"),     QStringLiteral("supervisor1"), QStringLiteral("--held-on"),
                    QStringLiteral("2024-12-27"), QStringLiteral("--pdf"),       dir.filePath(QStringLiteral("m.pdf"))};
    EXPECT_EQ(meetings(), 0);
    EXPECT_EQ(cli(create).code, 2) << "PDF needs the program's GUI application";
    EXPECT_EQ(meetings(), 0);
    QProcess p;
    p.start(QStringLiteral(YG_CLI_PATH), create);
    ASSERT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
    QFile pdf(dir.filePath(QStringLiteral("m.pdf")));
    ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdf.readAll().startsWith("%PDF-"));
    EXPECT_EQ(meetings(), 1);
    const CliRun twice = cli(QStringList{QStringLiteral("meeting"), QStringLiteral("create")} + base +
                             QStringList{QStringLiteral("--user"), QStringLiteral("supervisor1")});
    EXPECT_EQ(twice.code, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("already has"))) << twice.err.toStdString();
}

TEST(Cli, CheckNamesDamagedReportCountsAndRepairRecomputesThem)
{
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    const QStringList check{QStringLiteral("check"), QStringLiteral("--db"), path, QStringLiteral("--user"),
                            QStringLiteral("staff1")};
    {
        // Damage as a tool outside the app could: one month's visit count off by one.
        auto db = yg::Database::open(path, {false, false});
        yg::WriteTransaction tx(db->connection());
        yg::sql::execDirect(db->connection(),
                            QStringLiteral("UPDATE report_visit_cube SET n = n + 1 WHERE month = (SELECT max(month) "
                                           "FROM report_visit_cube)"));
        tx.commit();
    }
    const CliRun damaged = cli(check);
    EXPECT_EQ(damaged.code, 1);
    EXPECT_TRUE(damaged.out.contains(QStringLiteral("report_visit_cube"))) << damaged.out.toStdString();
    EXPECT_FALSE(damaged.out.contains(QStringLiteral("report_issue_cube"))) << "only the damaged table is named";
    const QStringList cadreRepair{QStringLiteral("check"),  QStringLiteral("--db"),    path,
                                  QStringLiteral("--user"), QStringLiteral("cadre01"), QStringLiteral("--repair")};
    EXPECT_EQ(cli(cadreRepair).code, 1) << "repair is for staff and administrators";
    EXPECT_EQ(cli(check).code, 1) << "a refused repair changed nothing";
    const CliRun repaired = cli(check + QStringList{QStringLiteral("--repair")});
    EXPECT_EQ(repaired.code, 0) << repaired.out.toStdString() << repaired.err.toStdString();
    EXPECT_EQ(cli(check).code, 0);
}

// The report's tampering (rel_tamper.sh): with the append-only trigger dropped by the sqlite3
// tool, a step's note, actor, satisfaction or date is changed in the demo district, whose
// steps were generated without audit entries of their own but sealed: check finds each.
TEST(Cli, CheckFindsAStepOfTheDemoEditedBehindTheAppsBack)
{
    qputenv("YUEGONG_PASSWORD", yg::DemoGenerator::kDemoPassword);
    QTemporaryDir dir;
    const QString clean = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), clean}).code, 0);
    const auto checkOf = [](const QString& path) {
        return cli(
            {QStringLiteral("check"), QStringLiteral("--db"), path, QStringLiteral("--user"), QStringLiteral("admin")});
    };
    ASSERT_EQ(checkOf(clean).code, 0) << checkOf(clean).out.toStdString();
    for (const char* edit : {"note = '已全部解决'", "actor_id = actor_id + 1", "satisfaction = 'satisfied'",
                             "event_date = '2024-01-01'"}) {
        const QString path = dir.filePath(QStringLiteral("edited.yuegong"));
        QFile::remove(path);
        ASSERT_TRUE(QFile::copy(clean, path));
        {
            auto db = yg::Database::open(path, {false, false});
            yg::sql::execDirect(db->connection(), QStringLiteral("DROP TRIGGER issue_events_no_update"));
            yg::sql::execDirect(db->connection(),
                                QStringLiteral("UPDATE issue_events SET %1 WHERE id = 700").arg(QLatin1String(edit)));
        }
        const CliRun r = checkOf(path);
        EXPECT_EQ(r.code, 1) << edit;
        EXPECT_TRUE(r.out.contains(QStringLiteral("Audit trail: Steps sealed by audit entry")))
            << edit << ": " << r.out.toStdString();
    }
}
