#include "CliCommands.h"

#include "demo/DemoGenerator.h"
#include "domain/Period.h"
#include "reporting/HeadlineFigures.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "util/Error.h"
#include "util/Logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

namespace yg::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: yuegong-cli COMMAND [options]\n"
    "commands:\n"
    "  demo     --out FILE [--seed N] [--scale K]   create a demo district database\n"
    "  summary  --db FILE [--period P] [--json]     the headline figures (visits, issues, rate, coverage)\n"
    "  upgrade  --db FILE                            open for writing and upgrade to this version's format\n"
    "  version                                       program and database format versions\n"
    "common options: --log-level trace|debug|info|warn|error|off (default warn)\n");

struct Parsed
{
    QCommandLineParser parser;
    QString command;
};

/** Parses options common to all commands plus the command's own; false on a usage error. */
bool parse(Parsed& p, const QStringList& arguments, const QList<QCommandLineOption>& options, QTextStream& err)
{
    p.parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.parser.addOptions(options);
    p.parser.addOption({QStringLiteral("log-level"), QCoreApplication::translate("yg::cli", "Log level."),
                        QStringLiteral("level"), QStringLiteral("warn")});
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("yuegong-cli"));
    if (!p.parser.parse(argv)) {
        err << p.parser.errorText() << Qt::endl << kUsage;
        return false;
    }
    const QStringList positional = p.parser.positionalArguments();
    if (positional.size() > 1) {
        err << QCoreApplication::translate("yg::cli", "Unexpected argument '%1'.").arg(positional.at(1)) << Qt::endl
            << kUsage;
        return false;
    }
    spdlog::level::level_enum level = spdlog::level::warn;
    if (!parseLogLevel(p.parser.value(QStringLiteral("log-level")), &level)) {
        err << QCoreApplication::translate("yg::cli",
                                           "Unknown log level '%1'; accepted: trace, debug, info, warn, error, off.")
                   .arg(p.parser.value(QStringLiteral("log-level")))
            << Qt::endl;
        return false;
    }
    initLogging({QString(), true, level});
    return true;
}

bool positiveInt(const QString& text, int* value)
{
    bool ok = false;
    *value = text.toInt(&ok);
    return ok && *value > 0;
}

int demo(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption outOpt(QStringLiteral("out"), QCoreApplication::translate("yg::cli", "New database file."),
                                    QStringLiteral("file"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QCoreApplication::translate("yg::cli", "Random seed."),
                                     QStringLiteral("n"), QStringLiteral("20230401"));
    const QCommandLineOption scaleOpt(QStringLiteral("scale"),
                                      QCoreApplication::translate("yg::cli", "District copies."), QStringLiteral("k"),
                                      QStringLiteral("1"));
    if (!parse(p, args, {outOpt, seedOpt, scaleOpt}, err))
        return Usage;
    if (!p.parser.isSet(outOpt)) {
        err << QCoreApplication::translate("yg::cli", "demo needs --out FILE (a new database file).") << Qt::endl;
        return Usage;
    }
    bool seedOk = false;
    const qulonglong seed = p.parser.value(seedOpt).toULongLong(&seedOk);
    int scale = 0;
    if (!seedOk) {
        err << QCoreApplication::translate("yg::cli", "--seed '%1' is not a whole number.").arg(p.parser.value(seedOpt))
            << Qt::endl;
        return Usage;
    }
    if (!positiveInt(p.parser.value(scaleOpt), &scale) || scale > 5000) {
        err << QCoreApplication::translate("yg::cli", "--scale '%1' must be a whole number from 1 to 5000.")
                   .arg(p.parser.value(scaleOpt))
            << Qt::endl;
        return Usage;
    }
    QElapsedTimer timer;
    timer.start();
    const auto summary = DemoGenerator::generateFile(p.parser.value(outOpt), {seed, scale}, [&](int done, int total) {
        if (total >= 10 && done % std::max(1, total / 10) == 0)
            err << QCoreApplication::translate("yg::cli", "%1 of %2 district copies written").arg(done).arg(total)
                << Qt::endl;
    });
    out << QCoreApplication::translate(
               "yg::cli",
               "Demo district written to %1: %2 cadres, %3 enterprises, %4 visits, %5 issues, %6 events (%7 s).")
               .arg(p.parser.value(outOpt))
               .arg(summary.cadres)
               .arg(summary.enterprises)
               .arg(summary.visits)
               .arg(summary.issues)
               .arg(summary.events)
               .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
        << Qt::endl;
    return Ok;
}

int summary(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt(QStringLiteral("db"), QCoreApplication::translate("yg::cli", "Database file."),
                                   QStringLiteral("file"));
    const QCommandLineOption periodOpt(QStringLiteral("period"), QCoreApplication::translate("yg::cli", "Period."),
                                       QStringLiteral("period"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QCoreApplication::translate("yg::cli", "Print JSON."));
    if (!parse(p, args, {dbOpt, periodOpt, jsonOpt}, err))
        return Usage;
    if (!p.parser.isSet(dbOpt)) {
        err << QCoreApplication::translate("yg::cli", "summary needs --db FILE.") << Qt::endl;
        return Usage;
    }
    QDate from, to;
    if (p.parser.isSet(periodOpt)) {
        QString why;
        const auto period = Period::parse(p.parser.value(periodOpt), &why);
        if (!period) {
            err << why << Qt::endl;
            return Usage;
        }
        from = period->first();
        to = period->last();
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, true});
    const HeadlineFigures f = HeadlineFigures::compute(*db, from, to);
    if (p.parser.isSet(jsonOpt)) {
        QJsonObject o;
        o[QStringLiteral("visits")] = f.counts.visits;
        o[QStringLiteral("enterprisesVisited")] = f.counts.enterprisesVisited;
        o[QStringLiteral("issuesCollected")] = f.counts.issuesCollected;
        o[QStringLiteral("issuesResolved")] = f.counts.issuesResolved;
        o[QStringLiteral("resolutionRate")] = f.resolution.percentText();
        o[QStringLiteral("keyEnterprises")] = f.counts.keyEnterprises;
        o[QStringLiteral("keyEnterprisesVisited")] = f.counts.keyEnterprisesVisited;
        o[QStringLiteral("keyCoverage")] = f.keyCoverage.percentText();
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    out << QCoreApplication::translate("yg::cli", "Visits (家次): %1").arg(f.counts.visits) << Qt::endl
        << QCoreApplication::translate("yg::cli", "Enterprises visited: %1").arg(f.counts.enterprisesVisited)
        << Qt::endl
        << QCoreApplication::translate("yg::cli", "Issues collected: %1").arg(f.counts.issuesCollected) << Qt::endl
        << QCoreApplication::translate("yg::cli", "Issues resolved: %1").arg(f.counts.issuesResolved) << Qt::endl
        << QCoreApplication::translate("yg::cli", "Resolution rate (化解率): %1").arg(f.resolution.percentText())
        << Qt::endl
        << QCoreApplication::translate("yg::cli", "Key enterprises covered: %1 of %2 (%3)")
               .arg(f.counts.keyEnterprisesVisited)
               .arg(f.counts.keyEnterprises)
               .arg(f.keyCoverage.percentText())
        << Qt::endl;
    return Ok;
}

int upgrade(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt(QStringLiteral("db"), QCoreApplication::translate("yg::cli", "Database file."),
                                   QStringLiteral("file"));
    if (!parse(p, args, {dbOpt}, err))
        return Usage;
    if (!p.parser.isSet(dbOpt)) {
        err << QCoreApplication::translate("yg::cli", "upgrade needs --db FILE.") << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    out << QCoreApplication::translate("yg::cli", "%1 is at database version %2.")
               .arg(p.parser.value(dbOpt))
               .arg(db->schemaVersion())
        << Qt::endl;
    return Ok;
}

} // namespace

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") ||
        arguments.first() == QLatin1String("help")) {
        (arguments.isEmpty() ? err : out) << kUsage;
        return arguments.isEmpty() ? Usage : Ok;
    }
    const QString command = arguments.first();
    const QStringList rest = arguments.mid(1);
    try {
        if (command == QLatin1String("demo"))
            return demo(rest, out, err);
        if (command == QLatin1String("summary"))
            return summary(rest, out, err);
        if (command == QLatin1String("upgrade"))
            return upgrade(rest, out, err);
        if (command == QLatin1String("version")) {
            out << QStringLiteral("yuegong-cli %1, database version %2")
                       .arg(QCoreApplication::applicationVersion())
                       .arg(Migrator::latestVersion())
                << Qt::endl;
            return Ok;
        }
    } catch (const Error& e) {
        err << e.message() << Qt::endl;
        return Failed;
    }
    err << QCoreApplication::translate("yg::cli", "Unknown command '%1'.").arg(command) << Qt::endl << kUsage;
    return Usage;
}

} // namespace yg::cli
