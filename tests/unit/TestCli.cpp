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
