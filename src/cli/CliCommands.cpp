#include "CliCommands.h"

#include "demo/DemoGenerator.h"
#include "district/CalendarImport.h"
#include "district/DistrictProfile.h"
#include "domain/Lifecycle.h"
#include "domain/Period.h"
#include "exchange/CsvImport.h"
#include "exchange/Exchange.h"
#include "exchange/ExchangePairing.h"
#include "render/ReportPdf.h"
#include "reporting/HeadlineFigures.h"
#include "reporting/ReportEngine.h"
#include "reporting/ReportLayouts.h"
#include "reporting/XlsxExport.h"
#include "services/AccountService.h"
#include "services/AdminService.h"
#include "services/BackupService.h"
#include "services/EvaluationService.h"
#include "services/IssueService.h"
#include "services/MeetingService.h"
#include "services/Permissions.h"
#include "services/ReportService.h"
#include "services/SharedNeedService.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLog.h"
#include "storage/AuditedSteps.h"
#include "storage/CadreRepository.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/Migrator.h"
#include "storage/ReferenceRepository.h"
#include "storage/ReportAggregates.h"
#include "storage/SqliteDialect.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Logging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>

#include <csignal>
#include <termios.h>
#include <unistd.h>

namespace yg::cli {

namespace {

const QString kUsage = QStringLiteral(
    "usage: yuegong-cli COMMAND [options]\n"
    "commands:\n"
    "  demo     --out FILE [--seed N] [--scale K]   create a demo district database\n"
    "  init     --db FILE [--district PROFILE]      a new empty database with a district's reference data\n"
    "  import   --db FILE --user U [--cadres F] [--enterprises F] [--visits F] [--issues F]\n"
    "           [--encoding auto|utf-8|gb18030] [--dry-run]   spreadsheet (CSV) import, all or nothing\n"
    "  import   --templates DIR                      write the four template CSV files\n"
    "  exchange id --db FILE                         this database's id, fingerprint and identity line\n"
    "  exchange pair --db FILE --user U --laptop IDENTITY --cadre USER [--cadre USER]... [--fingerprint N]\n"
    "  exchange pair --db FILE --user U --office IDENTITY [--fingerprint N]\n"
    "           pair with the computer whose `exchange id` line IDENTITY is; compare both fingerprints\n"
    "  exchange peers --db FILE --user U             the paired computers\n"
    "  exchange revoke --db FILE --user U DATABASE-ID   a lost laptop: its files are refused from now on\n"
    "  exchange export --db FILE --user U --out FILE [--to DATABASE-ID] [--all]\n"
    "           [--reference [--cadre USER]...]\n"
    "           laptop → office: what changed since the last exchange; --reference: office → laptop\n"
    "  exchange import --db FILE --user U --in FILE [--dry-run]   merge an exchange file, all or nothing\n"
    "  exchange conflicts --db FILE --user U         records changed on both sides, to decide\n"
    "  exchange resolve --db FILE --user U N --keep mine|theirs\n"
    "  summary  --db FILE [--period P] [--json]     the headline figures (visits, issues, rate, coverage)\n"
    "  issue list --db FILE [--stage S] [--owner NAME] [--town NAME] [--overdue-on DATE] [--limit N]\n"
    "  issue show --db FILE NUMBER                   one issue with its timeline\n"
    "  issue act  --db FILE NUMBER ACTION [--note T] [--department NAME] [--due DATE]\n"
    "             [--satisfaction satisfied|basically_satisfied] [--date DATE] [--version N]\n"
    "           ACTION: explain submit transfer return feedback confirm reject close withdraw reopen pause resume\n"
    "  issue departments --db FILE [--period P]      per department: received, returned, days to feedback\n"
    "  meeting agenda --db FILE --user U --group NAME --month 2024-07 [--format text|json]\n"
    "           the monthly exchange meeting's agenda the data gives (read only)\n"
    "  meeting create --db FILE --user SUPERVISOR --group NAME --month 2024-07 [--held-on DATE]\n"
    "             [--minutes T] [--pdf FILE]   prepare the meeting (and write its record as PDF)\n"
    "  escalation set --db FILE [--reminder-days N] [--talk-after-days N]\n"
    "  calendar import --db FILE CSV                 holidays and make-up working days (date,kind,name)\n"
    "  category set-due-days --db FILE --code CODE --days N   default working days to the due date\n"
    "  account create-admin --db FILE --name NAME --new-username U   first administrator of an empty database\n"
    "  account set-password --db FILE --user ADMIN --for NAME|USERNAME [--new-username U]\n"
    "  account disable|enable --db FILE --user ADMIN --for NAME|USERNAME\n"
    "           (new passwords come from YUEGONG_NEW_PASSWORD or a prompt)\n"
    "  setting idle-lock --db FILE --user U --minutes N\n"
    "  setting exchange-passwords --db FILE --user ADMIN on|off   reference files carry password hashes\n"
    "  report   --db FILE --user U --kind summary|weekly|monthly|quarterly|annual --period P\n"
    "           [--scope town=NAME|group=NAME|cadre=NAME|category=CODE|department=NAME]\n"
    "           [--counting collected|cumulative [--since DATE]] --format pdf|xlsx|csv|json [--out FILE]\n"
    "           P: 2024-W32 | 2024-07 | 2024-Q3 | 2024 | 2023-04-01..2024-11-30\n"
    "  nomination add --db FILE --user STAFF --year Y --kind research|suggestion --cadre NAME --title T\n"
    "             [--summary S]\n"
    "  nomination score|select|unselect --db FILE --user STAFF ID [--score 0-100]\n"
    "  nomination list --db FILE --user U --year Y\n"
    "  analysis reflection --db FILE --user CADRE --quarter 2024-Q3 --text T\n"
    "  analysis town --db FILE --user STAFF --quarter 2024-Q3 --town NAME --text T\n"
    "  backup   --db FILE --user ADMIN [--dir DIR]   online backup (default folder: backups/ beside the file)\n"
    "  restore  --db FILE --from BACKUP --user ADMIN  checks the backup, keeps the replaced database\n"
    "  shared-needs --db FILE --user U               shared-need alerts (共性需求提醒) as the app shows them\n"
    "  check    --db FILE                            SQLite integrity, foreign keys, lifecycle consistency\n"
    "  upgrade  --db FILE                            open for writing and upgrade to this version's format\n"
    "  version                                       program and database format versions\n"
    "common options: --user NAME (password from YUEGONG_PASSWORD or a prompt; needed by every command that\n"
    "                reads or changes records), --log-level trace|debug|info|warn|error|off (default warn)\n");

QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), QCoreApplication::translate("yg::cli", "Database file."), QStringLiteral("file")};
}

struct Parsed
{
    QCommandLineParser parser;
    QString command;
};

/** Parses options common to all commands plus the command's own; false on a usage error. */
bool parse(Parsed& p, const QStringList& arguments, const QList<QCommandLineOption>& options, QTextStream& err,
           int positionalAllowed = 0)
{
    p.parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.parser.addOptions(options);
    p.parser.addOption(
        {QStringLiteral("user"), QCoreApplication::translate("yg::cli", "Your user name."), QStringLiteral("name")});
    p.parser.addOption({QStringLiteral("log-level"), QCoreApplication::translate("yg::cli", "Log level."),
                        QStringLiteral("level"), QStringLiteral("warn")});
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("yuegong-cli"));
    if (!p.parser.parse(argv)) {
        err << p.parser.errorText() << Qt::endl << kUsage;
        return false;
    }
    const QStringList positional = p.parser.positionalArguments();
    if (positional.size() > positionalAllowed) {
        err << QCoreApplication::translate("yg::cli", "Unexpected argument '%1'.").arg(positional.at(positionalAllowed))
            << Qt::endl
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

/**
 * Opens for a reading command: for writing when no other YueGong process holds the file,
 * so that sign-in attempts are recorded and counted; read-only next to a running app.
 */
std::unique_ptr<Database> openForReading(const QString& path)
{
    QLockFile probe(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
    probe.setStaleLockTime(0);
    if (QFileInfo::exists(path) && probe.tryLock(0)) {
        probe.unlock();
        return Database::open(path, {false, false});
    }
    return Database::open(path, {false, true});
}

/**
 * A password without putting it on the command line: the environment variable, else a
 * prompt on the terminal with echo off. Empty when neither is possible.
 */
QString readPassword(const char* variable, const QString& prompt, QTextStream& err)
{
    if (qEnvironmentVariableIsSet(variable))
        return qEnvironmentVariable(variable);
    if (!isatty(STDIN_FILENO))
        return {};
    err << prompt << Qt::flush;
    static termios saved{};
    if (tcgetattr(STDIN_FILENO, &saved) != 0)
        return {};
    // Echo comes back on every way out: normal return, exception, or a signal at the prompt.
    struct Restore
    {
        ~Restore() { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved); }
    } restore;
    auto onSignal = [](int sig) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        signal(sig, SIG_DFL);
        raise(sig);
    };
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        signal(sig, onSignal);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
        return {};
    QTextStream in(stdin);
    const QString line = in.readLine();
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT})
        signal(sig, SIG_DFL);
    err << Qt::endl;
    return line;
}

/** Signs the --user in; prints why not and returns nullopt on failure. */
std::optional<Cadre> signIn(const Parsed& p, Database& db, QTextStream& err)
{
    const QString user = p.parser.value(QStringLiteral("user"));
    if (user.isEmpty()) {
        err << QCoreApplication::translate("yg::cli", "This command reads or changes records: give --user NAME "
                                                      "(the password comes from YUEGONG_PASSWORD or a prompt).")
            << Qt::endl;
        return std::nullopt;
    }
    const QString password =
        readPassword("YUEGONG_PASSWORD", QCoreApplication::translate("yg::cli", "Password for %1: ").arg(user), err);
    if (password.isEmpty()) {
        err << QCoreApplication::translate("yg::cli", "No password: set YUEGONG_PASSWORD or run in a terminal.")
            << Qt::endl;
        return std::nullopt;
    }
    try {
        return AccountService(db).signIn(user, password);
    } catch (const Error& e) {
        err << e.message() << Qt::endl;
        return std::nullopt;
    }
}

bool positiveInt(const QString& text, int* value)
{
    bool ok = false;
    *value = text.toInt(&ok);
    return ok && *value > 0;
}

/** The --db option every database command takes; false (with the message) when missing. */
bool requireDb(const Parsed& p, const QCommandLineOption& dbOpt, const char* command, QTextStream& err)
{
    if (p.parser.isSet(dbOpt))
        return true;
    err << QCoreApplication::translate("yg::cli", "%1 needs --db FILE.").arg(QLatin1String(command)) << Qt::endl;
    return false;
}

/** An optional --period: its first and last day, or open ends when absent; false with the reason. */
bool optionalPeriod(const Parsed& p, const QCommandLineOption& option, QDate* from, QDate* to, QTextStream& err)
{
    if (!p.parser.isSet(option))
        return true;
    QString why;
    const auto period = Period::parse(p.parser.value(option), &why);
    if (!period) {
        err << why << Qt::endl;
        return false;
    }
    *from = period->first();
    *to = period->last();
    return true;
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

int init(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption districtOpt(QStringLiteral("district"),
                                         QCoreApplication::translate("yg::cli", "District profile (JSON)."),
                                         QStringLiteral("file"));
    if (!parse(p, args, {dbOpt, districtOpt}, err) || !requireDb(p, dbOpt, "init", err))
        return Usage;
    const DistrictProfile profile =
        p.parser.isSet(districtOpt) ? DistrictProfile::load(p.parser.value(districtOpt)) : DistrictProfile::yuecheng();
    profile.createDatabase(p.parser.value(dbOpt));
    out << QCoreApplication::translate("yg::cli",
                                       "New database %1 for %2: %3 towns, %4 issue categories, %5 departments. "
                                       "Next: yuegong-cli account create-admin --db %1 --name NAME --new-username U")
               .arg(p.parser.value(dbOpt), profile.district)
               .arg(profile.towns.size())
               .arg(profile.categories.size())
               .arg(profile.departments.size())
        << Qt::endl;
    return Ok;
}

int importFiles(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    QList<QCommandLineOption> fileOpts;
    for (ImportKind k : kAllImportKinds)
        fileOpts.append(QCommandLineOption(importKindKey(k), importKindName(k), QStringLiteral("file")));
    const QCommandLineOption encodingOpt(QStringLiteral("encoding"),
                                         QCoreApplication::translate("yg::cli", "auto, utf-8 or gb18030."),
                                         QStringLiteral("name"), QStringLiteral("auto"));
    const QCommandLineOption dryOpt(QStringLiteral("dry-run"),
                                    QCoreApplication::translate("yg::cli", "Check and count, write nothing."));
    const QCommandLineOption templatesOpt(QStringLiteral("templates"),
                                          QCoreApplication::translate("yg::cli", "Write the template files here."),
                                          QStringLiteral("dir"));
    QList<QCommandLineOption> all = fileOpts;
    all << dbOpt << encodingOpt << dryOpt << templatesOpt;
    if (!parse(p, args, all, err))
        return Usage;
    if (p.parser.isSet(templatesOpt)) {
        for (const QString& path : CsvImport::writeTemplates(p.parser.value(templatesOpt)))
            out << path << Qt::endl;
        return Ok;
    }
    if (!requireDb(p, dbOpt, "import", err))
        return Usage;
    const auto encoding = csvEncodingFromName(p.parser.value(encodingOpt));
    if (!encoding) {
        err << QCoreApplication::translate("yg::cli", "Unknown encoding '%1'; accepted: auto, utf-8, gb18030.")
                   .arg(p.parser.value(encodingOpt))
            << Qt::endl;
        return Usage;
    }
    ImportFiles files;
    files.encoding = *encoding;
    bool any = false;
    for (qsizetype i = 0; i < fileOpts.size(); ++i) {
        if (p.parser.isSet(fileOpts[i])) {
            files.paths[static_cast<std::size_t>(i)] = p.parser.value(fileOpts[i]);
            any = true;
        }
    }
    if (!any) {
        err << QCoreApplication::translate("yg::cli",
                                           "import needs at least one of --cadres, --enterprises, --visits, --issues.")
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    int lastShown = -1;
    const ImportResult r = CsvImport::run(*db, *actor, files, p.parser.isSet(dryOpt), [&](qint64 done, qint64 total) {
        const int percent = total > 0 ? static_cast<int>(100 * done / total) : 100;
        if (percent / 5 != lastShown / 5) {
            lastShown = percent;
            err << (2 * done <= total ? QCoreApplication::translate("yg::cli", "checking: %1%").arg(percent)
                                      : QCoreApplication::translate("yg::cli", "writing: %1%").arg(percent))
                << Qt::endl;
        }
        return true;
    });
    for (const QString& n : r.notices)
        err << n << Qt::endl;
    if (!r.problems.isEmpty()) {
        for (const ImportProblem& problem : r.problems)
            err << problem.toString() << Qt::endl;
        err << QCoreApplication::translate("yg::cli", "Nothing was imported: problems found: %1.")
                   .arg(r.problems.size())
            << Qt::endl;
        return Failed;
    }
    out << r.summary() << Qt::endl;
    return Ok;
}

int summary(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption periodOpt(QStringLiteral("period"), QCoreApplication::translate("yg::cli", "Period."),
                                       QStringLiteral("period"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QCoreApplication::translate("yg::cli", "Print JSON."));
    if (!parse(p, args, {dbOpt, periodOpt, jsonOpt}, err) || !requireDb(p, dbOpt, "summary", err))
        return Usage;
    QDate from, to;
    if (!optionalPeriod(p, periodOpt, &from, &to, err))
        return Usage;
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
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
    const QCommandLineOption dbOpt = dbOption();
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

bool parseDate(const QString& text, const char* option, QDate* date, QTextStream& err)
{
    *date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date->isValid())
        return true;
    err << QCoreApplication::translate("yg::cli", "%1 '%2' is not a date of the form 2024-08-05.")
               .arg(QLatin1String(option), text)
        << Qt::endl;
    return false;
}

QString dateText(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QStringLiteral("—");
}

int issueList(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption stageOpt(QStringLiteral("stage"), QCoreApplication::translate("yg::cli", "Stage."),
                                      QStringLiteral("stage"));
    const QCommandLineOption ownerOpt(QStringLiteral("owner"), QCoreApplication::translate("yg::cli", "Owning cadre."),
                                      QStringLiteral("name"));
    const QCommandLineOption townOpt(QStringLiteral("town"), QCoreApplication::translate("yg::cli", "Town."),
                                     QStringLiteral("name"));
    const QCommandLineOption overdueOpt(
        QStringLiteral("overdue-on"), QCoreApplication::translate("yg::cli", "Overdue as of."), QStringLiteral("date"));
    const QCommandLineOption limitOpt(QStringLiteral("limit"), QCoreApplication::translate("yg::cli", "Rows."),
                                      QStringLiteral("n"), QStringLiteral("50"));
    if (!parse(p, args, {dbOpt, stageOpt, ownerOpt, townOpt, overdueOpt, limitOpt}, err) ||
        !requireDb(p, dbOpt, "issue list", err))
        return Usage;
    IssueFilter filter;
    if (p.parser.isSet(stageOpt)) {
        filter.stage = fromKey<Stage>(p.parser.value(stageOpt));
        if (!filter.stage) {
            err << QCoreApplication::translate("yg::cli",
                                               "Unknown stage '%1'; accepted: intake, consultation, follow_up, closed.")
                       .arg(p.parser.value(stageOpt))
                << Qt::endl;
            return Usage;
        }
    }
    int limit = 0;
    if (!positiveInt(p.parser.value(limitOpt), &limit)) {
        err << QCoreApplication::translate("yg::cli", "--limit '%1' must be a whole number above 0.")
                   .arg(p.parser.value(limitOpt))
            << Qt::endl;
        return Usage;
    }
    if (p.parser.isSet(overdueOpt) && !parseDate(p.parser.value(overdueOpt), "--overdue-on", &filter.overdueOn, err))
        return Usage;
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    if (p.parser.isSet(ownerOpt)) {
        const auto owner = CadreRepository(*db).cadreByName(p.parser.value(ownerOpt));
        if (!owner) {
            err << QCoreApplication::translate("yg::cli", "There is no cadre named '%1'.").arg(p.parser.value(ownerOpt))
                << Qt::endl;
            return Failed;
        }
        filter.ownerId = owner->meta.id;
    }
    if (p.parser.isSet(townOpt)) {
        const auto town = ReferenceRepository(*db).townByName(p.parser.value(townOpt));
        if (!town) {
            err << QCoreApplication::translate("yg::cli", "There is no town named '%1'.").arg(p.parser.value(townOpt))
                << Qt::endl;
            return Failed;
        }
        filter.townId = town->meta.id;
    }
    IssueRepository issues(*db);
    IssueService service(*db);
    filter.visibleTo = service.visibilityFor(*actor);
    const WorkCalendar calendar = service.calendar();
    const EscalationThresholds thresholds = service.thresholds();
    const QDate asOf = filter.overdueOn.isValid() ? filter.overdueOn : Clock::today();
    const qint64 total = issues.count(filter);
    for (const IssueListRow& r : issues.list(filter, 0, limit)) {
        const Escalation level =
            escalationOf(IssueState::ofStored(r.stage, r.dueDate, r.pausedSince), asOf, calendar, thresholds);
        const QString stage = stageText(r.stage, r.outcome);
        out << r.number << '\t' << stage << '\t' << dateText(r.dueDate) << '\t'
            << (level == Escalation::None ? QStringLiteral("-") : displayName(level)) << '\t' << r.owner << '\t'
            << r.town << '\t' << r.enterprise << '\t' << r.title << Qt::endl;
    }
    out << QCoreApplication::translate("yg::cli", "%1 of %2 issue(s) shown.")
               .arg(std::min<qint64>(limit, total))
               .arg(total)
        << Qt::endl;
    return Ok;
}

int issueShow(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    if (!parse(p, args, {dbOpt}, err, 1) || !requireDb(p, dbOpt, "issue show", err))
        return Usage;
    if (p.parser.positionalArguments().size() != 1) {
        err << QCoreApplication::translate("yg::cli", "issue show needs the issue number, e.g. 2024-0123.") << Qt::endl;
        return Usage;
    }
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    IssueRepository issues(*db);
    const auto issue = issues.byNumber(p.parser.positionalArguments().first());
    if (!issue) {
        err << QCoreApplication::translate("yg::cli", "There is no issue %1.")
                   .arg(p.parser.positionalArguments().first())
            << Qt::endl;
        return Failed;
    }
    if (!IssueService(*db).canSee(*actor, *issue)) {
        err << QCoreApplication::translate("yg::cli", "Issue %1 belongs to another group; %2 may not see it.")
                   .arg(issue->number, actor->name)
            << Qt::endl;
        return Failed;
    }
    CadreRepository cadres(*db);
    ReferenceRepository refs(*db);
    auto cadreName = [&](RowId id) {
        const auto c = cadres.cadre(id);
        return c ? c->name : QStringLiteral("#%1").arg(id);
    };
    auto departmentName = [&](std::optional<RowId> id) {
        const auto d = id ? refs.department(*id) : std::nullopt;
        return d ? d->name : QString();
    };
    IssueService service(*db);
    const Escalation level = escalationOf(Lifecycle::replay(issues.events(issue->meta.id)), Clock::today(),
                                          service.calendar(), service.thresholds());
    const auto category = refs.category(issue->categoryId);
    out << issue->number << "  " << issue->title << Qt::endl
        << QCoreApplication::translate("yg::cli", "Stage: %1").arg(stageText(issue->stage, issue->outcome))
        << (issue->pausedSince.isValid()
                ? QCoreApplication::translate("yg::cli", " (clock paused since %1)").arg(dateText(issue->pausedSince))
                : QString())
        << Qt::endl
        << QCoreApplication::translate("yg::cli", "Due: %1  Escalation: %2")
               .arg(dateText(issue->dueDate), displayName(level))
        << Qt::endl
        << QCoreApplication::translate("yg::cli", "Owner: %1  Category: %2  Department: %3")
               .arg(cadreName(issue->ownerId), category ? category->name : QString(),
                    departmentName(issue->departmentId))
        << Qt::endl
        << QCoreApplication::translate("yg::cli", "Received: %1  Version: %2")
               .arg(dateText(issue->receivedOn))
               .arg(issue->meta.version)
        << Qt::endl
        << issue->description << Qt::endl
        << QCoreApplication::translate("yg::cli", "Timeline (newest first):") << Qt::endl;
    const QList<IssueEvent> events = issues.events(issue->meta.id);
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        const auto action = fromKey<LifecycleAction>(it->action);
        out << "  " << dateText(it->eventDate) << "  " << (action ? displayName(*action) : it->action) << "  "
            << cadreName(it->actorId);
        if (it->departmentId)
            out << "  → " << departmentName(it->departmentId);
        if (it->dueDate.isValid())
            out << "  " << QCoreApplication::translate("yg::cli", "due %1").arg(dateText(it->dueDate));
        if (!it->satisfaction.isEmpty())
            out << "  " << satisfactionName(it->satisfaction);
        if (!it->note.isEmpty())
            out << "  " << it->note;
        out << Qt::endl;
    }
    return Ok;
}

int issueAct(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption noteOpt(QStringLiteral("note"), QCoreApplication::translate("yg::cli", "Note or reason."),
                                     QStringLiteral("text"));
    const QCommandLineOption deptOpt(QStringLiteral("department"),
                                     QCoreApplication::translate("yg::cli", "Department."), QStringLiteral("name"));
    const QCommandLineOption dueOpt(QStringLiteral("due"), QCoreApplication::translate("yg::cli", "Due date."),
                                    QStringLiteral("date"));
    const QCommandLineOption satOpt(QStringLiteral("satisfaction"),
                                    QCoreApplication::translate("yg::cli", "Satisfaction."), QStringLiteral("key"));
    const QCommandLineOption dateOpt(
        QStringLiteral("date"), QCoreApplication::translate("yg::cli", "Date it happened."), QStringLiteral("date"));
    const QCommandLineOption versionOpt(
        QStringLiteral("version"), QCoreApplication::translate("yg::cli", "Version you saw."), QStringLiteral("n"));
    if (!parse(p, args, {dbOpt, noteOpt, deptOpt, dueOpt, satOpt, dateOpt, versionOpt}, err, 2) ||
        !requireDb(p, dbOpt, "issue act", err))
        return Usage;
    const QStringList pos = p.parser.positionalArguments();
    if (pos.size() != 2) {
        err << QCoreApplication::translate(
                   "yg::cli", "issue act needs the issue number and the action, e.g. issue act 2024-0123 submit.")
            << Qt::endl;
        return Usage;
    }
    const auto action = fromKey<LifecycleAction>(pos.at(1));
    if (!action || *action == LifecycleAction::Record) {
        err << QCoreApplication::translate("yg::cli", "Unknown action '%1'; accepted: explain, submit, transfer, "
                                                      "return, feedback, confirm, reject, close, "
                                                      "withdraw, reopen, pause, resume, reschedule, note.")
                   .arg(pos.at(1))
            << Qt::endl;
        return Usage;
    }
    ActionInput input;
    input.action = *action;
    input.note = p.parser.value(noteOpt);
    input.satisfaction = p.parser.value(satOpt);
    if (p.parser.isSet(dueOpt) && !parseDate(p.parser.value(dueOpt), "--due", &input.dueDate, err))
        return Usage;
    if (p.parser.isSet(dateOpt) && !parseDate(p.parser.value(dateOpt), "--date", &input.date, err))
        return Usage;
    int version = 0;
    if (p.parser.isSet(versionOpt) && !positiveInt(p.parser.value(versionOpt), &version)) {
        err << QCoreApplication::translate("yg::cli", "--version '%1' must be a whole number above 0.")
                   .arg(p.parser.value(versionOpt))
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    if (p.parser.isSet(deptOpt)) {
        for (const Department& d : ReferenceRepository(*db).departments()) {
            if (d.name == p.parser.value(deptOpt).trimmed())
                input.departmentId = d.meta.id;
        }
        if (!input.departmentId) {
            err << QCoreApplication::translate("yg::cli", "There is no department named '%1'.")
                       .arg(p.parser.value(deptOpt))
                << Qt::endl;
            return Failed;
        }
    }
    const auto issue = IssueRepository(*db).byNumber(pos.at(0));
    if (!issue) {
        err << QCoreApplication::translate("yg::cli", "There is no issue %1.").arg(pos.at(0)) << Qt::endl;
        return Failed;
    }
    const Issue after =
        IssueService(*db).act(issue->meta.id, version > 0 ? version : issue->meta.version, actor->meta.id, input);
    out << QCoreApplication::translate("yg::cli", "Issue %1: %2 done; now %3, due %4.")
               .arg(after.number, displayName(*action), stageText(after.stage, after.outcome), dateText(after.dueDate))
        << Qt::endl;
    return Ok;
}

int issueDepartments(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption periodOpt(QStringLiteral("period"), QCoreApplication::translate("yg::cli", "Period."),
                                       QStringLiteral("period"));
    if (!parse(p, args, {dbOpt, periodOpt}, err) || !requireDb(p, dbOpt, "issue departments", err))
        return Usage;
    QDate from, to;
    if (!optionalPeriod(p, periodOpt, &from, &to, err))
        return Usage;
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    Permissions::require(*actor, Capability::ExportReports);
    out << QCoreApplication::translate("yg::cli", "Department\tReceived\tReturned\tFeedbacks\tAverage working days "
                                                  "to feedback")
        << Qt::endl;
    for (const auto& d : IssueService(*db).departmentFigures(from, to)) {
        out << d.name << '\t' << d.received << '\t' << d.returned << '\t' << d.feedbacks << '\t'
            << (d.feedbacks > 0 ? QString::number(d.averageDaysToFeedback, 'f', 1) : QStringLiteral("—")) << Qt::endl;
    }
    return Ok;
}

int sharedNeeds(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    if (!parse(p, args, {dbOpt}, err) || !requireDb(p, dbOpt, "shared-needs", err))
        return Usage;
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    SharedNeedService service(*db);
    const auto alerts = service.alerts(*actor);
    out << QCoreApplication::translate("yg::cli", "Category\tTown\tShared wording\tIssues\tEnterprises\tIssue numbers")
        << Qt::endl;
    for (const auto& a : alerts) {
        QStringList numbers;
        for (const auto& row : service.issuesOf(*actor, a))
            numbers << row.number;
        out << a.categoryName << '\t' << (a.townId ? a.townName : QCoreApplication::translate("yg::cli", "district"))
            << '\t' << a.wording << '\t' << a.issueCount() << '\t' << a.enterpriseCount() << '\t'
            << numbers.join(QLatin1Char(' ')) << Qt::endl;
    }
    return Ok;
}

int escalationSet(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption reminderOpt(QStringLiteral("reminder-days"),
                                         QCoreApplication::translate("yg::cli", "Working days before the due date."),
                                         QStringLiteral("n"));
    const QCommandLineOption talkOpt(QStringLiteral("talk-after-days"),
                                     QCoreApplication::translate("yg::cli", "Working days overdue before a talk."),
                                     QStringLiteral("n"));
    if (!parse(p, args, {dbOpt, reminderOpt, talkOpt}, err) || !requireDb(p, dbOpt, "escalation set", err))
        return Usage;
    QList<std::pair<QString, int>> changes;
    for (const auto& [opt, key] :
         {std::pair{&reminderOpt, "escalation.reminder_days"}, std::pair{&talkOpt, "escalation.talk_after_days"}}) {
        if (!p.parser.isSet(*opt))
            continue;
        int n = 0;
        if (!positiveInt(p.parser.value(*opt), &n) || n > 60) {
            err << QCoreApplication::translate("yg::cli", "--%1 '%2' must be a whole number from 1 to 60.")
                       .arg(opt->names().first(), p.parser.value(*opt))
                << Qt::endl;
            return Usage;
        }
        changes.append({QLatin1String(key), n});
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    std::optional<int> reminder, talk;
    for (const auto& [key, n] : changes)
        (key == QLatin1String("escalation.reminder_days") ? reminder : talk) = n;
    AdminService(*db).setEscalationThresholds(*actor, reminder, talk);
    const EscalationThresholds t = IssueService(*db).thresholds();
    out << QCoreApplication::translate("yg::cli", "Reminder %1 working days before the due date; talk when overdue by "
                                                  "more than %2 working days.")
               .arg(t.reminderDays)
               .arg(t.talkAfterDays)
        << Qt::endl;
    return Ok;
}

int calendarImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    if (!parse(p, args, {dbOpt}, err, 1) || !requireDb(p, dbOpt, "calendar import", err))
        return Usage;
    if (p.parser.positionalArguments().size() != 1) {
        err << QCoreApplication::translate("yg::cli", "calendar import needs the CSV file (date,kind,name).")
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    const CalendarImportResult r = AdminService(*db).importCalendar(*actor, p.parser.positionalArguments().first());
    out << QCoreApplication::translate("yg::cli", "Calendar imported: %1 new, %2 changed, %3 already so.")
               .arg(r.added)
               .arg(r.changed)
               .arg(r.unchanged)
        << Qt::endl;
    return Ok;
}

int categorySetDueDays(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption codeOpt(QStringLiteral("code"), QCoreApplication::translate("yg::cli", "Category code."),
                                     QStringLiteral("code"));
    const QCommandLineOption daysOpt(QStringLiteral("days"), QCoreApplication::translate("yg::cli", "Working days."),
                                     QStringLiteral("n"));
    if (!parse(p, args, {dbOpt, codeOpt, daysOpt}, err) || !requireDb(p, dbOpt, "category set-due-days", err))
        return Usage;
    int days = 0;
    if (!positiveInt(p.parser.value(daysOpt), &days) || days > 365) {
        err << QCoreApplication::translate("yg::cli", "--days '%1' must be a whole number from 1 to 365.")
                   .arg(p.parser.value(daysOpt))
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    const QString code = p.parser.value(codeOpt);
    int before = 0;
    QString name;
    for (const Category& c : ReferenceRepository(*db).categories()) {
        if (c.code == code) {
            before = c.defaultDueDays;
            name = c.name;
        }
    }
    AdminService(*db).setCategoryDueDays(*actor, code, days);
    out << QCoreApplication::translate("yg::cli", "%1 (%2): due after %3 working days (was %4).")
               .arg(name, code)
               .arg(days)
               .arg(before)
        << Qt::endl;
    return Ok;
}

/** The cadre named by --for: a user name first, else a full name. */
std::optional<Cadre> personFor(Database& db, const QString& who)
{
    if (const auto account = AccountRepository(db).byUsername(who))
        return CadreRepository(db).cadre(account->cadreId);
    return CadreRepository(db).cadreByName(who);
}

QString newPassword(QTextStream& err)
{
    const QString first =
        readPassword("YUEGONG_NEW_PASSWORD", QCoreApplication::translate("yg::cli", "New password: "), err);
    if (first.isEmpty() || qEnvironmentVariableIsSet("YUEGONG_NEW_PASSWORD"))
        return first;
    const QString again = readPassword("YUEGONG_NEW_PASSWORD", QCoreApplication::translate("yg::cli", "Again: "), err);
    return again == first ? first : QString();
}

int account(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption forOpt(QStringLiteral("for"), QCoreApplication::translate("yg::cli", "The person."),
                                    QStringLiteral("name"));
    const QCommandLineOption nameOpt(QStringLiteral("name"), QCoreApplication::translate("yg::cli", "Full name."),
                                     QStringLiteral("name"));
    const QCommandLineOption usernameOpt(QStringLiteral("new-username"),
                                         QCoreApplication::translate("yg::cli", "User name to set."),
                                         QStringLiteral("username"));
    if (!parse(p, args.mid(1), {dbOpt, forOpt, nameOpt, usernameOpt}, err) || !requireDb(p, dbOpt, "account", err))
        return Usage;
    if (sub != QLatin1String("create-admin") && sub != QLatin1String("set-password") &&
        sub != QLatin1String("disable") && sub != QLatin1String("enable")) {
        err << QCoreApplication::translate("yg::cli", "account needs create-admin, set-password, disable or enable.")
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    AccountService accounts(*db);
    if (sub == QLatin1String("create-admin")) {
        const QString password = newPassword(err);
        if (password.isEmpty()) {
            err << QCoreApplication::translate("yg::cli", "No new password (or the two differ): set "
                                                          "YUEGONG_NEW_PASSWORD or run in a terminal.")
                << Qt::endl;
            return Failed;
        }
        const Cadre admin = accounts.createFirstAdmin(p.parser.value(nameOpt), p.parser.value(usernameOpt), password);
        out << QCoreApplication::translate("yg::cli", "Administrator %1 created.").arg(admin.name) << Qt::endl;
        return Ok;
    }
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    const auto person = personFor(*db, p.parser.value(forOpt));
    if (!person) {
        err << QCoreApplication::translate("yg::cli", "There is no user named '%1'.").arg(p.parser.value(forOpt))
            << Qt::endl;
        return Failed;
    }
    if (sub == QLatin1String("set-password")) {
        QString username = p.parser.value(usernameOpt);
        if (username.isEmpty()) {
            const auto existing = AccountRepository(*db).byCadre(person->meta.id);
            username = existing ? existing->username : QString();
        }
        const QString password = newPassword(err);
        if (password.isEmpty()) {
            err << QCoreApplication::translate("yg::cli", "No new password (or the two differ): set "
                                                          "YUEGONG_NEW_PASSWORD or run in a terminal.")
                << Qt::endl;
            return Failed;
        }
        accounts.setCredentials(*actor, person->meta.id, username, password);
        out << QCoreApplication::translate("yg::cli", "Password of %1 (%2) set.").arg(person->name, username)
            << Qt::endl;
        return Ok;
    }
    const bool disable = sub == QLatin1String("disable");
    accounts.setDisabled(*actor, person->meta.id, disable);
    out << (disable ? QCoreApplication::translate("yg::cli", "%1 can no longer sign in.").arg(person->name)
                    : QCoreApplication::translate("yg::cli", "%1 can sign in again.").arg(person->name))
        << Qt::endl;
    return Ok;
}

int setting(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption minutesOpt(QStringLiteral("minutes"), QCoreApplication::translate("yg::cli", "Minutes."),
                                        QStringLiteral("n"));
    if (args.value(0) == QLatin1String("exchange-passwords")) {
        if (!parse(p, args.mid(1), {dbOpt}, err, 1) || !requireDb(p, dbOpt, "setting exchange-passwords", err))
            return Usage;
        const QString value = p.parser.positionalArguments().value(0);
        if (value != QLatin1String("on") && value != QLatin1String("off")) {
            err << QCoreApplication::translate("yg::cli", "setting exchange-passwords needs on or off.") << Qt::endl;
            return Usage;
        }
        auto db = Database::open(p.parser.value(dbOpt), {false, false});
        const auto actor = signIn(p, *db, err);
        if (!actor)
            return Failed;
        AdminService(*db).setExchangePasswordHashes(*actor, value == QLatin1String("on"));
        out << (value == QLatin1String("on")
                    ? QCoreApplication::translate("yg::cli", "Reference files now carry the accounts' password hashes.")
                    : QCoreApplication::translate("yg::cli", "Reference files carry no password hashes: a laptop's "
                                                             "administrator sets each person's laptop password."))
            << Qt::endl;
        return Ok;
    }
    if (args.value(0) != QLatin1String("idle-lock")) {
        err << QCoreApplication::translate("yg::cli", "setting needs idle-lock or exchange-passwords.") << Qt::endl;
        return Usage;
    }
    if (!parse(p, args.mid(1), {dbOpt, minutesOpt}, err) || !requireDb(p, dbOpt, "setting idle-lock", err))
        return Usage;
    int minutes = 0;
    if (!positiveInt(p.parser.value(minutesOpt), &minutes)) {
        err << QCoreApplication::translate("yg::cli", "--minutes '%1' must be a whole number above 0.")
                   .arg(p.parser.value(minutesOpt))
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    AdminService(*db).setIdleLockMinutes(*actor, minutes);
    out << QCoreApplication::translate("yg::cli", "The window locks after %1 idle minutes.").arg(minutes) << Qt::endl;
    return Ok;
}

int report(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption kindOpt(QStringLiteral("kind"), QCoreApplication::translate("yg::cli", "Report."),
                                     QStringLiteral("kind"), QStringLiteral("summary"));
    const QCommandLineOption periodOpt(QStringLiteral("period"), QCoreApplication::translate("yg::cli", "Period."),
                                       QStringLiteral("period"));
    const QCommandLineOption scopeOpt(QStringLiteral("scope"), QCoreApplication::translate("yg::cli", "Scope."),
                                      QStringLiteral("scope"), QStringLiteral("district"));
    const QCommandLineOption countingOpt(QStringLiteral("counting"),
                                         QCoreApplication::translate("yg::cli", "Way of counting."),
                                         QStringLiteral("mode"), QStringLiteral("collected"));
    const QCommandLineOption sinceOpt(QStringLiteral("since"), QCoreApplication::translate("yg::cli", "Start date."),
                                      QStringLiteral("date"), QStringLiteral("2023-04-01"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QCoreApplication::translate("yg::cli", "Format."),
                                       QStringLiteral("format"), QStringLiteral("json"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QCoreApplication::translate("yg::cli", "Output file."),
                                    QStringLiteral("file"));
    if (!parse(p, args, {dbOpt, kindOpt, periodOpt, scopeOpt, countingOpt, sinceOpt, formatOpt, outOpt}, err) ||
        !requireDb(p, dbOpt, "report", err))
        return Usage;
    // Every usage problem is found before anything is opened or written.
    const auto kind = reportKindFromKey(p.parser.value(kindOpt));
    if (!kind) {
        err << QCoreApplication::translate("yg::cli", "Unknown report '%1'; accepted: %2.")
                   .arg(p.parser.value(kindOpt), reportKindKeys().join(QStringLiteral(", ")))
            << Qt::endl;
        return Usage;
    }
    QString why;
    const auto period = Period::parse(p.parser.value(periodOpt), &why);
    if (!p.parser.isSet(periodOpt) || !period) {
        err << (p.parser.isSet(periodOpt)
                    ? why
                    : QCoreApplication::translate("yg::cli", "report needs --period, e.g. 2024-Q3."))
            << Qt::endl;
        return Usage;
    }
    const QString format = p.parser.value(formatOpt);
    static const QStringList formats{QStringLiteral("pdf"), QStringLiteral("xlsx"), QStringLiteral("csv"),
                                     QStringLiteral("json")};
    if (!formats.contains(format)) {
        err << QCoreApplication::translate("yg::cli", "Unknown format '%1'; accepted: pdf, xlsx, csv, json.")
                   .arg(format)
            << Qt::endl;
        return Usage;
    }
    if (format != QLatin1String("json") && !p.parser.isSet(outOpt)) {
        err << QCoreApplication::translate("yg::cli", "The %1 format writes a file: give --out FILE.%1.").arg(format)
            << Qt::endl;
        return Usage;
    }
    if (format == QLatin1String("pdf") && !qobject_cast<QApplication*>(QCoreApplication::instance())) {
        err << QCoreApplication::translate("yg::cli", "PDF needs the graphical libraries; run yuegong-cli itself.")
            << Qt::endl;
        return Usage;
    }
    ReportRequest request;
    request.period = *period;
    const QString counting = p.parser.value(countingOpt);
    if (counting == QLatin1String("cumulative")) {
        request.mode = CountingMode::CumulativeAsOf;
        if (!parseDate(p.parser.value(sinceOpt), "--since", &request.cumulativeStart, err))
            return Usage;
    } else if (counting != QLatin1String("collected")) {
        err << QCoreApplication::translate("yg::cli", "Unknown counting '%1'; accepted: collected, cumulative.")
                   .arg(counting)
            << Qt::endl;
        return Usage;
    }
    auto db = openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    Permissions::require(*actor, Capability::ExportReports);
    try {
        request.scope = ReportEngine::parseScope(*db, p.parser.value(scopeOpt), &request.scopeLabel);
    } catch (const Error& e) {
        err << e.message() << Qt::endl;
        return Usage;
    }
    if (const QString problem = ReportLayouts::requestProblem(*kind, request); !problem.isEmpty()) {
        err << problem << Qt::endl;
        return Usage;
    }
    Report figures;
    const ReportDocument doc = ReportService(*db).build(*actor, *kind, request, &figures);
    const QString outPath = p.parser.value(outOpt);
    if (format == QLatin1String("csv")) {
        const QStringList files = writeDocumentCsv(doc, outPath);
        out << QCoreApplication::translate("yg::cli", "Written: %1").arg(files.join(QStringLiteral(", "))) << Qt::endl;
        return Ok;
    }
    if (format == QLatin1String("xlsx")) {
        writeDocumentXlsx(doc, outPath);
        out << QCoreApplication::translate("yg::cli", "Written: %1").arg(outPath) << Qt::endl;
        return Ok;
    }
    if (format == QLatin1String("pdf")) {
        writeDocumentPdf(doc, outPath);
        out << QCoreApplication::translate("yg::cli", "Written: %1").arg(outPath) << Qt::endl;
        return Ok;
    }
    QJsonObject json = figures.toJson();
    json.insert(QStringLiteral("kind"), doc.kind);
    json.insert(QStringLiteral("document"), doc.toJson());
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    if (!p.parser.isSet(outOpt)) {
        out << QString::fromUtf8(bytes);
        return Ok;
    }
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << QCoreApplication::translate("yg::cli", "%1 cannot be written: %2").arg(outPath, file.errorString())
            << Qt::endl;
        return Failed;
    }
    out << QCoreApplication::translate("yg::cli", "Written: %1").arg(outPath) << Qt::endl;
    return Ok;
}

int nomination(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    static const QStringList subs{QStringLiteral("add"), QStringLiteral("score"), QStringLiteral("select"),
                                  QStringLiteral("unselect"), QStringLiteral("list")};
    if (!subs.contains(sub)) {
        err << QCoreApplication::translate("yg::cli", "nomination needs add, score, select, unselect or list.")
            << Qt::endl;
        return Usage;
    }
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption yearOpt(QStringLiteral("year"), QCoreApplication::translate("yg::cli", "Year."),
                                     QStringLiteral("year"));
    const QCommandLineOption kindOpt(QStringLiteral("kind"), QCoreApplication::translate("yg::cli", "Kind."),
                                     QStringLiteral("kind"));
    const QCommandLineOption cadreOpt(QStringLiteral("cadre"), QCoreApplication::translate("yg::cli", "Cadre."),
                                      QStringLiteral("name"));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QCoreApplication::translate("yg::cli", "Title."),
                                      QStringLiteral("text"));
    const QCommandLineOption summaryOpt(QStringLiteral("summary"), QCoreApplication::translate("yg::cli", "Summary."),
                                        QStringLiteral("text"));
    const QCommandLineOption scoreOpt(QStringLiteral("score"), QCoreApplication::translate("yg::cli", "Score."),
                                      QStringLiteral("0-100"));
    const bool byNumber =
        sub == QLatin1String("score") || sub == QLatin1String("select") || sub == QLatin1String("unselect");
    if (!parse(p, args.mid(1), {dbOpt, yearOpt, kindOpt, cadreOpt, titleOpt, summaryOpt, scoreOpt}, err,
               byNumber ? 1 : 0) ||
        !requireDb(p, dbOpt, "nomination", err))
        return Usage;
    int year = 0;
    if ((sub == QLatin1String("add") || sub == QLatin1String("list")) &&
        (!positiveInt(p.parser.value(yearOpt), &year) || year < 2000 || year > 2100)) {
        err << QCoreApplication::translate("yg::cli", "--year '%1' must be a year like 2024.")
                   .arg(p.parser.value(yearOpt))
            << Qt::endl;
        return Usage;
    }
    RowId id = 0;
    if (sub == QLatin1String("score") || sub == QLatin1String("select") || sub == QLatin1String("unselect")) {
        bool ok = false;
        id = p.parser.positionalArguments().value(0).toLongLong(&ok);
        if (!ok || id <= 0) {
            err << QCoreApplication::translate("yg::cli", "nomination %1 needs the nomination's number (see "
                                                          "nomination list).")
                       .arg(sub)
                << Qt::endl;
            return Usage;
        }
    }
    std::optional<double> score;
    if (sub == QLatin1String("score") && p.parser.isSet(scoreOpt)) {
        bool ok = false;
        score = p.parser.value(scoreOpt).toDouble(&ok);
        if (!ok || *score < 0 || *score > 100) {
            err << QCoreApplication::translate("yg::cli", "--score '%1' must be a number from 0 to 100.")
                       .arg(p.parser.value(scoreOpt))
                << Qt::endl;
            return Usage;
        }
    }
    std::optional<NominationKind> kind;
    if (sub == QLatin1String("add")) {
        kind = nominationKindFromKey(p.parser.value(kindOpt));
        if (!kind) {
            err << QCoreApplication::translate("yg::cli", "--kind '%1' is not known; accepted: research, suggestion.")
                       .arg(p.parser.value(kindOpt))
                << Qt::endl;
            return Usage;
        }
    }
    auto db = sub == QLatin1String("list") ? openForReading(p.parser.value(dbOpt))
                                           : Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    EvaluationService service(*db);
    CadreRepository cadres(*db);
    auto describe = [&](const Nomination& n) {
        const auto c = cadres.cadre(n.cadreId);
        return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
            .arg(n.meta.id)
            .arg(displayName(n.kind), n.title, c ? c->name : QString(),
                 n.score ? QString::number(*n.score) : QStringLiteral("—"),
                 n.selected ? QCoreApplication::translate("yg::cli", "selected") : QString());
    };
    if (sub == QLatin1String("list")) {
        Permissions::require(*actor, Capability::ExportReports);
        for (const Nomination& n : service.nominations(year))
            out << describe(n) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("add")) {
        const auto cadre = cadres.cadreByName(p.parser.value(cadreOpt));
        if (!cadre) {
            err << QCoreApplication::translate("yg::cli", "There is no cadre named '%1'.").arg(p.parser.value(cadreOpt))
                << Qt::endl;
            return Failed;
        }
        Nomination n;
        n.year = year;
        n.kind = *kind;
        n.cadreId = cadre->meta.id;
        n.title = p.parser.value(titleOpt);
        n.summary = p.parser.value(summaryOpt);
        out << describe(service.addNomination(*actor, n)) << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("score")) {
        out << describe(service.scoreNomination(*actor, id, score)) << Qt::endl;
        return Ok;
    }
    out << describe(service.selectNomination(*actor, id, sub == QLatin1String("select"))) << Qt::endl;
    return Ok;
}

int analysis(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("reflection") && sub != QLatin1String("town")) {
        err << QCoreApplication::translate("yg::cli", "analysis needs reflection or town.") << Qt::endl;
        return Usage;
    }
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption quarterOpt(QStringLiteral("quarter"), QCoreApplication::translate("yg::cli", "Quarter."),
                                        QStringLiteral("quarter"));
    const QCommandLineOption townOpt(QStringLiteral("town"), QCoreApplication::translate("yg::cli", "Town."),
                                     QStringLiteral("name"));
    const QCommandLineOption textOpt(QStringLiteral("text"), QCoreApplication::translate("yg::cli", "Text."),
                                     QStringLiteral("text"));
    if (!parse(p, args.mid(1), {dbOpt, quarterOpt, townOpt, textOpt}, err) || !requireDb(p, dbOpt, "analysis", err))
        return Usage;
    const auto quarter = Period::parse(p.parser.value(quarterOpt));
    if (!quarter || quarter->kind() != Period::Kind::Quarter) {
        err << QCoreApplication::translate("yg::cli", "--quarter '%1' must be a quarter like 2024-Q3.")
                   .arg(p.parser.value(quarterOpt))
            << Qt::endl;
        return Usage;
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    EvaluationService service(*db);
    if (sub == QLatin1String("reflection")) {
        service.saveReflection(*actor, quarter->toString(), p.parser.value(textOpt));
    } else {
        const auto town = ReferenceRepository(*db).townByName(p.parser.value(townOpt));
        if (!town) {
            err << QCoreApplication::translate("yg::cli", "There is no town named '%1'.").arg(p.parser.value(townOpt))
                << Qt::endl;
            return Failed;
        }
        service.saveTownAssessment(*actor, quarter->toString(), town->meta.id, p.parser.value(textOpt));
    }
    out << QCoreApplication::translate("yg::cli", "Saved the quarterly analysis text for %1.").arg(quarter->toString())
        << Qt::endl;
    return Ok;
}

int backup(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QCoreApplication::translate("yg::cli", "Folder."),
                                    QStringLiteral("dir"));
    if (!parse(p, args, {dbOpt, dirOpt}, err) || !requireDb(p, dbOpt, "backup", err))
        return Usage;
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    const QString dir =
        p.parser.isSet(dirOpt) ? p.parser.value(dirOpt) : BackupService::defaultDirectory(p.parser.value(dbOpt));
    const QString file = BackupService(*db).backupNow(*actor, dir);
    out << QCoreApplication::translate("yg::cli", "Backup written: %1").arg(file) << Qt::endl;
    return Ok;
}

int restore(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption fromOpt(QStringLiteral("from"), QCoreApplication::translate("yg::cli", "Backup file."),
                                     QStringLiteral("file"));
    if (!parse(p, args, {dbOpt, fromOpt}, err) || !requireDb(p, dbOpt, "restore", err))
        return Usage;
    if (!p.parser.isSet(fromOpt)) {
        err << QCoreApplication::translate("yg::cli", "restore needs --from BACKUP.") << Qt::endl;
        return Usage;
    }
    {
        // The administrator of the database being replaced says so.
        auto db = Database::open(p.parser.value(dbOpt), {false, false});
        const auto actor = signIn(p, *db, err);
        if (!actor)
            return Failed;
        Permissions::require(*actor, Capability::BackupRestore);
    }
    const QString replaced = BackupService::restore(p.parser.value(fromOpt), p.parser.value(dbOpt));
    out << QCoreApplication::translate("yg::cli", "Restored from %1; the replaced database is kept as %2.")
               .arg(p.parser.value(fromOpt), replaced)
        << Qt::endl;
    return Ok;
}

int check(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption repairOpt(
        QStringLiteral("repair"),
        QCoreApplication::translate("yg::cli", "Recompute the report counts from the records before checking."));
    if (!parse(p, args, {dbOpt, repairOpt}, err) || !requireDb(p, dbOpt, "check", err))
        return Usage;
    const bool repair = p.parser.isSet(repairOpt);
    auto db = repair ? Database::open(p.parser.value(dbOpt), {false, false}) : openForReading(p.parser.value(dbOpt));
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    if (repair || !Permissions::can(actor->role, Capability::ManageSettings))
        Permissions::require(*actor, repair ? Capability::ManageSettings : Capability::ReadAudit);
    if (repair) {
        QSqlDatabase connection = db->connection();
        WriteTransaction tx(connection);
        ReportAggregates::rebuild(connection);
        AuditLog(*db).append(actor->meta.id, QStringLiteral("*"), std::nullopt, QString(), QStringLiteral("bulk"),
                             QJsonObject{{QStringLiteral("repair"), QStringLiteral("report counts recomputed")}});
        tx.commit();
        out << QCoreApplication::translate("yg::cli", "Report counts recomputed from the records.") << Qt::endl;
    }
    const QStringList sqlite = SqliteDialect::integrityProblems(db->connection());
    for (const QString& problem : sqlite)
        out << QCoreApplication::translate("yg::cli", "Database file: %1").arg(problem) << Qt::endl;
    const auto lifecycle = IssueService(*db).checkConsistency();
    AuditLog audit(*db);
    const RowId broken = audit.firstBrokenEntry();
    // Removing the newest entries leaves a valid but shorter chain: compare this line with
    // the one printed by the previous check.
    const auto head = audit.head();
    out << QCoreApplication::translate("yg::cli", "Audit trail: %1 entries, newest hash %2.")
               .arg(head.first)
               .arg(head.second.left(16))
        << Qt::endl;
    if (broken > 0) {
        out << QCoreApplication::translate("yg::cli",
                                           "Audit trail: entry %1 does not match the chain; it or the one before was "
                                           "changed or removed outside the app.")
                   .arg(broken)
            << Qt::endl;
    }
    // Every step against the audit entry that recorded it (or its seal): an edit made with the
    // triggers dropped shows here.
    const QStringList steps = AuditedSteps(db->connection()).problems();
    for (const QString& problem : steps)
        out << QCoreApplication::translate("yg::cli", "Audit trail: %1").arg(problem) << Qt::endl;
    for (const auto& i : lifecycle)
        out << QCoreApplication::translate("yg::cli", "Issue %1: %2").arg(i.number, i.problem) << Qt::endl;
    const QStringList aggregates = sqlite.isEmpty() ? ReportAggregates::problems(db->connection()) : QStringList();
    for (const QString& problem : aggregates)
        out << QCoreApplication::translate("yg::cli", "Reports: %1").arg(problem) << Qt::endl;
    if (sqlite.isEmpty() && lifecycle.isEmpty() && broken == 0 && aggregates.isEmpty() && steps.isEmpty()) {
        out << QCoreApplication::translate("yg::cli", "The database is healthy: file integrity, references, every "
                                                      "issue's history, the report counts, the audit chain and every "
                                                      "step's audit entry agree.")
            << Qt::endl;
        return Ok;
    }
    out << QCoreApplication::translate("yg::cli", "Problems found: %1.")
               .arg(sqlite.size() + lifecycle.size() + (broken > 0 ? 1 : 0) + aggregates.size() + steps.size())
        << Qt::endl;
    return Failed;
}

QString relationName(PeerRelation r)
{
    return r == PeerRelation::Laptop ? QCoreApplication::translate("yg::cli", "laptop")
                                     : QCoreApplication::translate("yg::cli", "office");
}

/** exchange id / pair / peers / revoke: who this database exchanges files with. */
int exchangePairing(const QString& sub, const QStringList& rest, QTextStream& out, QTextStream& err)
{
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption laptopOpt(
        QStringLiteral("laptop"),
        QCoreApplication::translate("yg::cli", "Pair a laptop: the identity line its `exchange id` shows."),
        QStringLiteral("identity"));
    const QCommandLineOption officeOpt(
        QStringLiteral("office"),
        QCoreApplication::translate("yg::cli", "Pair this laptop's office: the identity line its `exchange id` shows."),
        QStringLiteral("identity"));
    const QCommandLineOption cadreOpt(
        QStringLiteral("cadre"),
        QCoreApplication::translate("yg::cli", "An account that works on the laptop; may be repeated."),
        QStringLiteral("user"));
    const QCommandLineOption fingerprintOpt(
        QStringLiteral("fingerprint"),
        QCoreApplication::translate("yg::cli",
                                    "The fingerprint the other computer shows (checked against the identity)."),
        QStringLiteral("digits"));
    const std::string command = "exchange " + sub.toStdString();
    if (sub == QLatin1String("id") || sub == QLatin1String("peers")) {
        if (!parse(p, rest, {dbOpt}, err) || !requireDb(p, dbOpt, command.c_str(), err))
            return Usage;
    } else if (sub == QLatin1String("revoke")) {
        if (!parse(p, rest, {dbOpt}, err, 1) || !requireDb(p, dbOpt, command.c_str(), err))
            return Usage;
        if (p.parser.positionalArguments().isEmpty()) {
            err << QCoreApplication::translate("yg::cli", "exchange revoke needs the database id of the computer.")
                << Qt::endl;
            return Usage;
        }
    } else {
        if (!parse(p, rest, {dbOpt, laptopOpt, officeOpt, cadreOpt, fingerprintOpt}, err) ||
            !requireDb(p, dbOpt, command.c_str(), err))
            return Usage;
        if (p.parser.isSet(laptopOpt) == p.parser.isSet(officeOpt)) {
            err << QCoreApplication::translate("yg::cli", "exchange pair needs either --laptop IDENTITY (with --cadre "
                                                          "for each account on it) or --office IDENTITY.")
                << Qt::endl;
            return Usage;
        }
    }
    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    if (sub == QLatin1String("id")) {
        // Public: what another computer needs to pair with this one.
        const PeerIdentity me = ExchangePairing::own(*db);
        out << me.databaseId << Qt::endl;
        out << QCoreApplication::translate("yg::cli", "Fingerprint: %1").arg(me.fingerprint()) << Qt::endl;
        out << QCoreApplication::translate("yg::cli", "Identity (give this line to the other computer to pair):")
            << Qt::endl
            << me.text() << Qt::endl;
        return Ok;
    }
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    const auto describe = [&](const PairedPeer& peer) {
        out << QCoreApplication::translate("yg::cli", "%1  %2  fingerprint %3  paired %4 by %5")
                   .arg(peer.databaseId, relationName(peer.relation), peer.fingerprint,
                        peer.pairedAt.toTimeZone(Clock::districtZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                        peer.pairedBy)
            << Qt::endl;
        if (!peer.accounts.isEmpty())
            out << QCoreApplication::translate("yg::cli", "    accounts: %1")
                       .arg(peer.accounts.join(QStringLiteral(", ")))
                << Qt::endl;
        if (!peer.active()) {
            out << QCoreApplication::translate("yg::cli", "    revoked %1 by %2")
                       .arg(peer.revokedAt.toTimeZone(Clock::districtZone())
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            peer.revokedBy)
                << Qt::endl;
        }
    };
    if (sub == QLatin1String("peers")) {
        const QList<PairedPeer> peers = ExchangePairing::list(*db, *actor);
        if (peers.isEmpty())
            out << QCoreApplication::translate("yg::cli", "This database is paired with no other.") << Qt::endl;
        for (const PairedPeer& peer : peers)
            describe(peer);
        return Ok;
    }
    if (sub == QLatin1String("revoke")) {
        const PairedPeer peer = ExchangePairing::revoke(*db, *actor, p.parser.positionalArguments().first());
        out << QCoreApplication::translate("yg::cli", "Revoked: files from %1 are refused from now on.")
                   .arg(peer.databaseId)
            << Qt::endl;
        return Ok;
    }
    const bool laptop = p.parser.isSet(laptopOpt);
    const PeerIdentity peer = PeerIdentity::parse(p.parser.value(laptop ? laptopOpt : officeOpt));
    if (p.parser.isSet(fingerprintOpt)) {
        QString given = p.parser.value(fingerprintOpt);
        given.remove(QLatin1Char(' '));
        if (given != QString(peer.fingerprint()).remove(QLatin1Char(' '))) {
            err << QCoreApplication::translate("yg::cli", "The fingerprint %1 is not that of the identity given (%2): "
                                                          "the identity line was changed on its way; nothing was "
                                                          "changed.")
                       .arg(p.parser.value(fingerprintOpt), peer.fingerprint())
                << Qt::endl;
            return Failed;
        }
    }
    const PairedPeer paired = ExchangePairing::pair(
        *db, *actor, peer, laptop ? PeerRelation::Laptop : PeerRelation::Office, p.parser.values(cadreOpt));
    out << QCoreApplication::translate("yg::cli", "Paired with %1 (%2).")
               .arg(paired.databaseId, relationName(paired.relation))
        << Qt::endl;
    out << QCoreApplication::translate("yg::cli", "This database's fingerprint: %1")
               .arg(ExchangePairing::own(*db).fingerprint())
        << Qt::endl;
    out << QCoreApplication::translate("yg::cli", "The other computer's fingerprint: %1").arg(paired.fingerprint)
        << Qt::endl;
    out << QCoreApplication::translate("yg::cli",
                                       "Both screens must show these same two numbers; if they differ, revoke "
                                       "the pairing at once.")
        << Qt::endl;
    if (!paired.accounts.isEmpty())
        out << QCoreApplication::translate("yg::cli", "Files from that laptop may do what these accounts may: %1.")
                   .arg(paired.accounts.join(QStringLiteral(", ")))
            << Qt::endl;
    return Ok;
}

int exchangeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("id") || sub == QLatin1String("pair") || sub == QLatin1String("peers") ||
        sub == QLatin1String("revoke"))
        return exchangePairing(sub, rest, out, err);
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QCoreApplication::translate("yg::cli", "Exchange file to write."),
                                    QStringLiteral("file"));
    const QCommandLineOption inOpt(
        QStringLiteral("in"), QCoreApplication::translate("yg::cli", "Exchange file to read."), QStringLiteral("file"));
    const QCommandLineOption toOpt(QStringLiteral("to"),
                                   QCoreApplication::translate("yg::cli", "The receiving database's exchange id."),
                                   QStringLiteral("id"));
    const QCommandLineOption allOpt(QStringLiteral("all"),
                                    QCoreApplication::translate("yg::cli", "Everything, not only what changed."));
    const QCommandLineOption refOpt(QStringLiteral("reference"),
                                    QCoreApplication::translate("yg::cli", "Reference data and assignments."));
    const QCommandLineOption cadreOpt(
        QStringLiteral("cadre"),
        QCoreApplication::translate("yg::cli", "With --reference: a cadre who works on that laptop (their issues "
                                               "travel with the file); may be repeated."),
        QStringLiteral("user"));
    const QCommandLineOption dryOpt(QStringLiteral("dry-run"),
                                    QCoreApplication::translate("yg::cli", "Check and count, write nothing."));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QCoreApplication::translate("yg::cli", "mine or theirs."),
                                     QStringLiteral("side"));
    const char* command = "exchange";
    if (sub == QLatin1String("export")) {
        command = "exchange export";
        if (!parse(p, rest, {dbOpt, outOpt, toOpt, allOpt, refOpt, cadreOpt}, err) ||
            !requireDb(p, dbOpt, command, err))
            return Usage;
        if (!p.parser.isSet(outOpt)) {
            err << QCoreApplication::translate("yg::cli", "exchange export needs --out FILE.") << Qt::endl;
            return Usage;
        }
    } else if (sub == QLatin1String("import")) {
        command = "exchange import";
        if (!parse(p, rest, {dbOpt, inOpt, dryOpt}, err) || !requireDb(p, dbOpt, command, err))
            return Usage;
        if (!p.parser.isSet(inOpt)) {
            err << QCoreApplication::translate("yg::cli", "exchange import needs --in FILE.") << Qt::endl;
            return Usage;
        }
    } else if (sub == QLatin1String("conflicts")) {
        if (!parse(p, rest, {dbOpt}, err) || !requireDb(p, dbOpt, "exchange", err))
            return Usage;
    } else if (sub == QLatin1String("resolve")) {
        if (!parse(p, rest, {dbOpt, keepOpt}, err, 1) || !requireDb(p, dbOpt, "exchange resolve", err))
            return Usage;
        const QString keep = p.parser.value(keepOpt);
        int n = 0;
        if (p.parser.positionalArguments().isEmpty() || !positiveInt(p.parser.positionalArguments().first(), &n) ||
            (keep != QLatin1String("mine") && keep != QLatin1String("theirs"))) {
            err << QCoreApplication::translate("yg::cli",
                                               "exchange resolve needs the conflict's number and --keep mine|theirs.")
                << Qt::endl;
            return Usage;
        }
    } else {
        err << QCoreApplication::translate(
                   "yg::cli", "exchange needs id, pair, peers, revoke, export, import, conflicts or resolve.")
            << Qt::endl
            << kUsage;
        return Usage;
    }

    auto db = Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    if (sub == QLatin1String("export")) {
        ExchangeExportOptions o;
        o.to = p.parser.value(toOpt);
        o.all = p.parser.isSet(allOpt);
        o.reference = p.parser.isSet(refOpt);
        o.cadres = p.parser.values(cadreOpt);
        const ExchangeExportResult r = Exchange::exportFile(*db, *actor, p.parser.value(outOpt), o);
        out << QCoreApplication::translate("yg::cli", "Exchange file %1 written: %2.")
                   .arg(p.parser.value(outOpt), r.summary())
            << Qt::endl;
        out << QCoreApplication::translate("yg::cli", "From database %1 to %2, signed.")
                   .arg(r.sourceId, r.destinationId)
            << Qt::endl;
        if (r.leftOut > 0) {
            out << QCoreApplication::translate("yg::cli", "%1 changed records of other people were left out (you may "
                                                          "not read them); they go with an export by someone who may.")
                       .arg(r.leftOut)
                << Qt::endl;
        }
        return Ok;
    }
    if (sub == QLatin1String("import")) {
        const ExchangeImportResult r = Exchange::importFile(*db, *actor, p.parser.value(inOpt), p.parser.isSet(dryOpt));
        if (!r.ok()) {
            for (const QString& problem : r.problems)
                err << problem << Qt::endl;
            err << QCoreApplication::translate("yg::cli", "Nothing was imported: problems found: %1.")
                       .arg(r.problems.size())
                << Qt::endl;
            return Failed;
        }
        for (const QString& line : r.summary())
            out << line << Qt::endl;
        if (r.dryRun)
            out << QCoreApplication::translate("yg::cli", "Dry run: nothing was written.") << Qt::endl;
        else if (r.conflicts() > 0)
            out << QCoreApplication::translate("yg::cli", "Conflicts to decide: %1 (yuegong-cli exchange conflicts).")
                       .arg(r.conflicts())
                << Qt::endl;
        return Ok;
    }
    if (sub == QLatin1String("conflicts")) {
        const auto list = Exchange::conflicts(*db, *actor);
        if (list.isEmpty()) {
            out << QCoreApplication::translate("yg::cli", "No open exchange conflicts.") << Qt::endl;
            return Ok;
        }
        for (const ExchangeConflict& c : list) {
            out << QCoreApplication::translate("yg::cli", "%1  %2 %3  found %4")
                       .arg(c.id)
                       .arg(c.table, c.key, c.foundAt)
                << Qt::endl;
            QStringList fields = c.mine.keys();
            for (const QString& f : c.theirs.keys()) {
                if (!fields.contains(f))
                    fields.append(f);
            }
            for (const QString& f : fields) {
                if (c.mine.value(f) == c.theirs.value(f))
                    continue;
                auto shown = [](const QJsonValue& v) {
                    if (v.isNull() || v.isUndefined())
                        return QStringLiteral("—");
                    if (v.isArray())
                        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
                    return v.isString() ? v.toString() : v.toVariant().toString();
                };
                out << QCoreApplication::translate("yg::cli", "    %1: mine %2 | theirs %3")
                           .arg(f, shown(c.mine.value(f)), shown(c.theirs.value(f)))
                    << Qt::endl;
            }
        }
        return Ok;
    }
    const RowId id = p.parser.positionalArguments().first().toLongLong();
    const bool theirs = p.parser.value(keepOpt) == QLatin1String("theirs");
    Exchange::resolve(*db, *actor, id, theirs);
    out << (theirs ? QCoreApplication::translate("yg::cli", "Conflict %1 decided: the incoming version was applied.")
                   : QCoreApplication::translate("yg::cli", "Conflict %1 decided: this database's version was kept."))
               .arg(id)
        << Qt::endl;
    return Ok;
}
} // namespace

int meeting(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("agenda") && sub != QLatin1String("create")) {
        err << QCoreApplication::translate("yg::cli", "meeting needs agenda or create.") << Qt::endl << kUsage;
        return Usage;
    }
    Parsed p;
    const QCommandLineOption dbOpt = dbOption();
    const QCommandLineOption groupOpt(QStringLiteral("group"), QCoreApplication::translate("yg::cli", "Group."),
                                      QStringLiteral("name"));
    const QCommandLineOption monthOpt(QStringLiteral("month"), QCoreApplication::translate("yg::cli", "Month."),
                                      QStringLiteral("month"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QCoreApplication::translate("yg::cli", "Format."),
                                       QStringLiteral("format"), QStringLiteral("text"));
    const QCommandLineOption heldOpt(QStringLiteral("held-on"),
                                     QCoreApplication::translate("yg::cli", "Date the meeting was held."),
                                     QStringLiteral("date"));
    const QCommandLineOption minutesOpt(QStringLiteral("minutes"), QCoreApplication::translate("yg::cli", "Minutes."),
                                        QStringLiteral("text"));
    const QCommandLineOption pdfOpt(QStringLiteral("pdf"), QCoreApplication::translate("yg::cli", "PDF file."),
                                    QStringLiteral("file"));
    if (!parse(p, args.mid(1), {dbOpt, groupOpt, monthOpt, formatOpt, heldOpt, minutesOpt, pdfOpt}, err) ||
        !requireDb(p, dbOpt, "meeting", err))
        return Usage;
    if (!p.parser.isSet(groupOpt) || !p.parser.isSet(monthOpt)) {
        err << QCoreApplication::translate("yg::cli", "meeting %1 needs --group and --month.").arg(sub) << Qt::endl;
        return Usage;
    }
    const QString format = p.parser.value(formatOpt);
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err << QCoreApplication::translate("yg::cli", "Unknown format '%1'; accepted: text, json.").arg(format)
            << Qt::endl;
        return Usage;
    }
    QDate heldOn;
    if (p.parser.isSet(heldOpt) && !parseDate(p.parser.value(heldOpt), "--held-on", &heldOn, err))
        return Usage;
    if (p.parser.isSet(pdfOpt) && !qobject_cast<QApplication*>(QCoreApplication::instance())) {
        err << QCoreApplication::translate("yg::cli", "PDF needs the graphical libraries; run yuegong-cli itself.")
            << Qt::endl;
        return Usage;
    }
    const QString month = p.parser.value(monthOpt);
    MeetingService::monthRange(month);
    auto db = sub == QLatin1String("agenda") ? openForReading(p.parser.value(dbOpt))
                                             : Database::open(p.parser.value(dbOpt), {false, false});
    const auto actor = signIn(p, *db, err);
    if (!actor)
        return Failed;
    std::optional<CadreGroup> group;
    for (const CadreGroup& g : CadreRepository(*db).groups()) {
        if (g.name == p.parser.value(groupOpt).trimmed())
            group = g;
    }
    if (!group) {
        err << QCoreApplication::translate("yg::cli", "There is no group named '%1'.").arg(p.parser.value(groupOpt))
            << Qt::endl;
        return Failed;
    }
    MeetingService service(*db);
    if (sub == QLatin1String("agenda")) {
        const QList<AgendaProposal> agenda = service.proposeAgenda(group->meta.id, month, actor->meta.id);
        if (format == QLatin1String("json")) {
            QJsonArray items;
            for (const AgendaProposal& a : agenda) {
                QJsonArray reasons;
                for (AgendaReason r : a.reasons)
                    reasons.append(toKey(r));
                items.append(QJsonObject{{QStringLiteral("issue"), a.number}, {QStringLiteral("reasons"), reasons}});
            }
            out << QJsonDocument(QJsonObject{{QStringLiteral("group"), group->name},
                                             {QStringLiteral("month"), month.trimmed()},
                                             {QStringLiteral("items"), items}})
                       .toJson(QJsonDocument::Indented);
            return Ok;
        }
        for (const AgendaProposal& a : agenda)
            out << a.number << QStringLiteral("  ") << reasonsText(a.reasons) << Qt::endl;
        out << QCoreApplication::translate("yg::cli", "%1 issues on the agenda.").arg(agenda.size()) << Qt::endl;
        return Ok;
    }
    Meeting m = service.create(group->meta.id, month, actor->meta.id);
    if (heldOn.isValid() || p.parser.isSet(minutesOpt)) {
        m.heldOn = heldOn;
        m.minutes = p.parser.value(minutesOpt);
        m = service.save(m, actor->meta.id);
    }
    const qsizetype items = service.agenda(m.meta.id, actor->meta.id).size();
    if (p.parser.isSet(pdfOpt))
        writeDocumentPdf(service.recordDocument(m.meta.id, actor->meta.id), p.parser.value(pdfOpt));
    out << QCoreApplication::translate("yg::cli", "Meeting of %1 for %2 prepared with %3 issues on the agenda.")
               .arg(group->name, m.month)
               .arg(items)
        << Qt::endl;
    return Ok;
}

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
        if (command == QLatin1String("init"))
            return init(rest, out, err);
        if (command == QLatin1String("import"))
            return importFiles(rest, out, err);
        if (command == QLatin1String("exchange"))
            return exchangeCommand(rest, out, err);
        if (command == QLatin1String("issue")) {
            const QString sub = rest.value(0);
            if (sub == QLatin1String("list"))
                return issueList(rest.mid(1), out, err);
            if (sub == QLatin1String("show"))
                return issueShow(rest.mid(1), out, err);
            if (sub == QLatin1String("act"))
                return issueAct(rest.mid(1), out, err);
            if (sub == QLatin1String("departments"))
                return issueDepartments(rest.mid(1), out, err);
            err << QCoreApplication::translate("yg::cli", "issue needs list, show, act or departments.") << Qt::endl
                << kUsage;
            return Usage;
        }
        if (command == QLatin1String("meeting"))
            return meeting(rest, out, err);
        if (command == QLatin1String("escalation") && rest.value(0) == QLatin1String("set"))
            return escalationSet(rest.mid(1), out, err);
        if (command == QLatin1String("calendar") && rest.value(0) == QLatin1String("import"))
            return calendarImport(rest.mid(1), out, err);
        if (command == QLatin1String("category") && rest.value(0) == QLatin1String("set-due-days"))
            return categorySetDueDays(rest.mid(1), out, err);
        if (command == QLatin1String("account"))
            return account(rest, out, err);
        if (command == QLatin1String("setting"))
            return setting(rest, out, err);
        if (command == QLatin1String("report"))
            return report(rest, out, err);
        if (command == QLatin1String("nomination"))
            return nomination(rest, out, err);
        if (command == QLatin1String("analysis"))
            return analysis(rest, out, err);
        if (command == QLatin1String("backup"))
            return backup(rest, out, err);
        if (command == QLatin1String("restore"))
            return restore(rest, out, err);
        if (command == QLatin1String("shared-needs"))
            return sharedNeeds(rest, out, err);
        if (command == QLatin1String("check"))
            return check(rest, out, err);
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
