#include "CliCommands.h"
#include "TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

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

    const CliRun json = cli({QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    ASSERT_EQ(json.code, 0) << json.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_GT(o.value(QStringLiteral("visits")).toInt(), 1000);
    EXPECT_EQ(o.value(QStringLiteral("keyEnterprises")).toInt(), 87);
    EXPECT_TRUE(o.value(QStringLiteral("resolutionRate")).toString().endsWith(QLatin1Char('%')));

    const CliRun period = cli({QStringLiteral("summary"), QStringLiteral("--db"), path, QStringLiteral("--period"),
                               QStringLiteral("2022"), QStringLiteral("--json")});
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
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.yuegong"));
    ASSERT_EQ(cli({QStringLiteral("demo"), QStringLiteral("--out"), path}).code, 0);
    const CliRun list =
        cli({QStringLiteral("issue"), QStringLiteral("list"), QStringLiteral("--db"), path, QStringLiteral("--stage"),
             QStringLiteral("intake"), QStringLiteral("--limit"), QStringLiteral("1")});
    ASSERT_EQ(list.code, 0) << list.err.toStdString();
    const QStringList row = list.out.section(QLatin1Char('\n'), 0, 0).split(QLatin1Char('\t'));
    const QString number = row.value(0);
    const QString owner = row.value(4);
    ASSERT_FALSE(number.isEmpty());

    const CliRun refused = cli({QStringLiteral("issue"), QStringLiteral("act"), QStringLiteral("--db"), path, number,
                                QStringLiteral("confirm"), QStringLiteral("--as"), owner});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("Nothing was changed"))) << refused.err.toStdString();
    const CliRun submit = cli({QStringLiteral("issue"), QStringLiteral("act"), QStringLiteral("--db"), path, number,
                               QStringLiteral("submit"), QStringLiteral("--as"), owner});
    EXPECT_EQ(submit.code, 0) << submit.err.toStdString();
    const CliRun show = cli({QStringLiteral("issue"), QStringLiteral("show"), QStringLiteral("--db"), path, number});
    EXPECT_TRUE(show.out.contains(QStringLiteral("Stage: Consultation"))) << show.out.toStdString();
    EXPECT_EQ(cli({QStringLiteral("issue"), QStringLiteral("act"), QStringLiteral("--db"), path, number,
                   QStringLiteral("frobnicate"), QStringLiteral("--as"), owner})
                  .code,
              2);
    EXPECT_EQ(cli({QStringLiteral("check"), QStringLiteral("--db"), path}).code, 0);

    const CliRun days =
        cli({QStringLiteral("category"), QStringLiteral("set-due-days"), QStringLiteral("--db"), path,
             QStringLiteral("--code"), QStringLiteral("nope"), QStringLiteral("--days"), QStringLiteral("3")});
    EXPECT_EQ(days.code, 1);
    EXPECT_TRUE(days.err.contains(QStringLiteral("wage_dispute"))) << "lists the codes";
}
