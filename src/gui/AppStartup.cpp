#include "AppStartup.h"

#include "AuditDialog.h"
#include "BoardColumnModel.h"
#include "BoardView.h"
#include "BriefingDialog.h"
#include "ExchangeConflictsDialog.h"
#include "IssueTableModel.h"
#include "IssueWindow.h"
#include "MainWindow.h"
#include "MeetingsView.h"
#include "MyWeekView.h"
#include "QuarterlyAnalysisView.h"
#include "ReportsView.h"
#include "SettingsDialog.h"
#include "SharedNeedsPanel.h"
#include "SignInDialog.h"
#include "VisitEditor.h"
#include "demo/DemoGenerator.h"
#include "district/DistrictProfile.h"
#include "services/AccountService.h"
#include "services/BackupService.h"
#include "services/Permissions.h"
#include "storage/Database.h"
#include "storage/WeekQueries.h"
#include "util/AppPaths.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Logging.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace yg {

std::unique_ptr<Database> openStartupDatabase(const QString& explicitPath, QString* note,
                                              const std::function<FirstStartChoice()>& choose)
{
    QString path = explicitPath;
    if (path.isEmpty()) {
        const QString last = QSettings().value(QStringLiteral("database/path")).toString();
        path = !last.isEmpty() && QFileInfo::exists(last) ? last : AppPaths::defaultDatabase();
    }
    if (path == AppPaths::defaultDatabase() && !QFileInfo::exists(path)) {
        const FirstStartChoice choice = choose ? choose() : FirstStartChoice::Demo;
        if (choice == FirstStartChoice::Quit)
            return nullptr;
        if (choice == FirstStartChoice::Empty) {
            spdlog::info("first start: creating an empty database with the district's reference data");
            DistrictProfile::yuecheng().createDatabase(path);
            if (note)
                *note = QCoreApplication::translate("yg::AppStartup",
                                                    "First start: a new empty database was created. Import your "
                                                    "registers with File → Import….");
        } else {
            spdlog::info("first start: creating the demo district in the default database");
            DemoGenerator::generateFile(path, {});
            if (note)
                *note = QCoreApplication::translate("yg::AppStartup",
                                                    "First start: a demo district was created so you can look around.");
        }
    }
    return Database::open(path, {!explicitPath.isEmpty() || path == AppPaths::defaultDatabase(), false});
}

FirstStartChoice askFirstStart()
{
    QMessageBox box;
    box.setWindowTitle(QCoreApplication::translate("yg::AppStartup", "YueGong Journal"));
    box.setIcon(QMessageBox::Question);
    box.setText(QCoreApplication::translate("yg::AppStartup", "Welcome. What should the first database hold?"));
    box.setInformativeText(QCoreApplication::translate(
        "yg::AppStartup", "The demo district is a made-up Yuecheng district to look around in. A new empty database "
                          "holds only the district's towns, issue categories, departments and holidays; you create "
                          "the first administrator next and import your registers."));
    QPushButton* demo =
        box.addButton(QCoreApplication::translate("yg::AppStartup", "Demo district"), QMessageBox::AcceptRole);
    QPushButton* empty =
        box.addButton(QCoreApplication::translate("yg::AppStartup", "New empty database"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(demo);
    box.exec();
    if (box.clickedButton() == demo)
        return FirstStartChoice::Demo;
    if (box.clickedButton() == empty)
        return FirstStartChoice::Empty;
    return FirstStartChoice::Quit;
}

bool saveScreenshots(MainWindow& window, const QDir& dir)
{
    const QString suffix = QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
    auto shot = [&](QWidget* w, const QString& name) {
        QCoreApplication::processEvents();
        return w->grab().save(dir.filePath(QStringLiteral("%1-%2.png").arg(name, suffix)));
    };
    // My week on the signed-in cadre's latest week with visits (the demo district ends in 2024).
    MyWeekView* week = window.weekView();
    const QDate last = WeekQueries(window.database()).lastVisitDate(window.actorId());
    if (last.isValid())
        week->setWeek(IsoWeek::of(last));
    window.showPage(QStringLiteral("week"));
    bool ok = shot(&window, QStringLiteral("main-window"));
    ok = week->exportPdf(dir.filePath(QStringLiteral("journal-%1.pdf").arg(suffix))) && ok;
    window.showPage(QStringLiteral("issues"));
    ok = shot(&window, QStringLiteral("issues")) && ok;
    window.showPage(QStringLiteral("enterprises"));
    ok = shot(&window, QStringLiteral("enterprises")) && ok;
    // The issue board on the latest month with closed issues (the demo district ends in 2024).
    if (window.showPage(QStringLiteral("board"))) {
        if (auto* board = window.findChild<BoardView*>()) {
            BoardFilter filter;
            for (int back = 0; back < 48; ++back) {
                filter.month = Clock::today().addMonths(-back);
                board->setFilter(filter);
                board->waitForBoard();
                if (board->columnModel(BoardColumn::ClosedThisMonth)->rowCount() > 0)
                    break;
            }
            ok = shot(&window, QStringLiteral("board")) && ok;
        }
    }
    // Reports: the annual evaluation of the demo district's last full year, with its charts.
    if (window.showPage(QStringLiteral("reports"))) {
        if (auto* reports = window.findChild<ReportsView*>()) {
            reports->setRequest(ReportKind::Annual, QStringLiteral("2024"));
            reports->showReport();
            reports->waitForReport();
            ok = shot(&window, QStringLiteral("reports")) && ok;
        }
    }
    // 季分析 of the signed-in person's first town in the demo's last quarter.
    if (window.showPage(QStringLiteral("quarterly"))) {
        if (auto* quarterly = window.findChild<QuarterlyAnalysisView*>()) {
            quarterly->waitForFigures();
            ok = shot(&window, QStringLiteral("quarterly-analysis")) && ok;
        }
    }
    // Shared-need alerts (supervisors, staff, administrators) and the briefing planned from the first one.
    if (window.showPage(QStringLiteral("sharedNeeds"))) {
        if (auto* needs = window.findChild<SharedNeedsPanel*>()) {
            needs->waitForAlerts();
            needs->selectAlert(0);
            ok = shot(&window, QStringLiteral("shared-needs")) && ok;
            if (BriefingDialog* briefing = needs->planBriefing()) {
                briefing->resize(760, 560);
                briefing->show();
                ok = shot(briefing, QStringLiteral("briefing")) && ok;
                briefing->close();
            }
        }
    }
    // Monthly exchange meetings: the newest meeting the person may read, and its record as PDF.
    if (window.showPage(QStringLiteral("meetings"))) {
        if (auto* meetings = window.findChild<MeetingsView*>(); meetings && meetings->currentMeetingId()) {
            ok = shot(&window, QStringLiteral("meetings")) && ok;
            ok = meetings->exportPdf(dir.filePath(QStringLiteral("meeting-record-%1.pdf").arg(suffix))) && ok;
        }
    }
    window.showPage(QStringLiteral("week"));

    // The issue window on the newest issue still in consultation with a department.
    IssueTableModel* issues = window.issueModel();
    for (int row = 0; row < issues->rowCount(); ++row) {
        const QModelIndex stage = issues->index(row, IssueTableModel::StageColumn);
        if (issues->escalationAt(row) == Escalation::None || stage.data().toString().isEmpty())
            continue;
        IssueWindow* issue = window.openIssue(issues->index(row, 0).data(IssueTableModel::IdRole).toLongLong());
        issue->resize(900, 620);
        ok = shot(issue, QStringLiteral("issue-window")) && ok;
        issue->close();
        break;
    }

    // The journal form: a stored visit of that week, and a new one with an issue row.
    auto* visits = week->findChild<QTableWidget*>(QStringLiteral("visitsTableWidget"));
    if (visits && visits->rowCount() > 0) {
        if (VisitEditor* editor = window.openVisit(visits->item(0, 0)->data(Qt::UserRole + 1).toLongLong())) {
            editor->resize(880, 900);
            ok = shot(editor, QStringLiteral("visit-form")) && ok;
            editor->close();
        }
    }
    if (VisitEditor* editor = window.newVisit()) {
        editor->resize(880, 900);
        editor->addIssueRow();
        ok = shot(editor, QStringLiteral("visit-form-new")) && ok;
        editor->discardDraft();
        delete editor;
    }
    {
        SettingsDialog settings(window.database(), window.user(), &window);
        settings.resize(520, 300);
        settings.show();
        ok = shot(&settings, QStringLiteral("settings")) && ok;
    }

    // The exchange conflicts, when the database has any (docs/exchange.md).
    if (ExchangeConflictsDialog* conflicts = window.openExchangeConflicts()) {
        if (conflicts->conflictCount() > 0) {
            conflicts->resize(960, 520);
            conflicts->show();
            ok = shot(conflicts, QStringLiteral("exchange-conflicts")) && ok;
        }
        conflicts->close();
    }

    SignInDialog signIn(window.database(), SignInDialog::Mode::SignIn);
    signIn.setUsername(QStringLiteral("cadre01"));
    ok = signIn.grab().save(dir.filePath(QStringLiteral("sign-in-%1.png").arg(suffix))) && ok;
    window.lockNow();
    ok = window.grab().save(dir.filePath(QStringLiteral("locked-%1.png").arg(suffix))) && ok;
    if (!Permissions::can(window.user().role, Capability::ReadAudit)) {
        window.unlock(qEnvironmentVariable("YUEGONG_PASSWORD"));
        return ok;
    }
    if (AuditDialog* audit = window.openAudit()) {
        audit->resize(1000, 560);
        window.unlock(qEnvironmentVariable("YUEGONG_PASSWORD"));
        QCoreApplication::processEvents();
        ok = audit->grab().save(dir.filePath(QStringLiteral("audit-%1.png").arg(suffix))) && ok;
    }
    return ok;
}

int runApplication(QApplication& app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("YueGong"));
    QCoreApplication::setApplicationName(QStringLiteral("yuegong"));
    QCoreApplication::setApplicationVersion(QStringLiteral(YUEGONG_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("YueGong Journal"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("YueGong Journal"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("Database file to open."),
                                   QStringLiteral("file"));
    const QCommandLineOption langOpt(QStringLiteral("language"), QStringLiteral("zh_CN or en."),
                                     QStringLiteral("language"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QStringLiteral("Render the main window to a PNG file and quit."),
                                     QStringLiteral("file"));
    const QCommandLineOption shotsOpt(QStringLiteral("screenshots"),
                                      QStringLiteral("Render the main screens to PNG files in a folder and quit."),
                                      QStringLiteral("folder"));
    const QCommandLineOption logOpt(QStringLiteral("log-level"), QStringLiteral("trace|debug|info|warn|error|off."),
                                    QStringLiteral("level"), QStringLiteral("info"));
    parser.addOptions({dbOpt, langOpt, shotOpt, shotsOpt, logOpt});
    parser.process(app);

    spdlog::level::level_enum level = spdlog::level::info;
    if (!parseLogLevel(parser.value(logOpt), &level)) {
        fprintf(stderr, "Unknown log level '%s'; accepted: trace, debug, info, warn, error, off.\n",
                qPrintable(parser.value(logOpt)));
        return 2;
    }
    initLogging({AppPaths::logDirectory(), false, level});
    spdlog::info("YueGong Journal {} starting", YUEGONG_VERSION);

    const QString language =
        parser.isSet(langOpt) ? parser.value(langOpt) : QSettings().value(QStringLiteral("ui/language")).toString();
    installTranslations(language);

    QString note;
    std::unique_ptr<Database> db;
    try {
        const bool interactive = !parser.isSet(shotOpt) && !parser.isSet(shotsOpt);
        db = openStartupDatabase(parser.value(dbOpt), &note,
                                 interactive ? std::function<FirstStartChoice()>(askFirstStart)
                                             : std::function<FirstStartChoice()>());
        if (!db)
            return 0;
    } catch (const Error& e) {
        spdlog::error("start-up failed: the database could not be opened");
        if (parser.isSet(shotOpt) || parser.isSet(shotsOpt)) {
            fprintf(stderr, "%s\n", e.what());
            return 1;
        }
        QMessageBox::critical(nullptr, QCoreApplication::translate("yg::AppStartup", "YueGong Journal"), e.message());
        return 1;
    }

    // The first start of each day leaves a backup beside the database (the newest 14 kept).
    try {
        BackupService(*db).dailyBackup(BackupService::defaultDirectory(db->path()), 14);
    } catch (const Error& e) {
        spdlog::error("the daily backup failed: {}", e.what());
    }

    // Sign in (or, on an empty database, create the first administrator). The screenshot
    // modes sign in from YUEGONG_USER / YUEGONG_PASSWORD instead of asking.
    Cadre user;
    if (parser.isSet(shotOpt) || parser.isSet(shotsOpt)) {
        try {
            user = AccountService(*db).signIn(qEnvironmentVariable("YUEGONG_USER"),
                                              qEnvironmentVariable("YUEGONG_PASSWORD"));
        } catch (const Error& e) {
            fprintf(stderr, "%s\n", e.what());
            return 1;
        }
    } else {
        const bool first = AccountService(*db).needsFirstAdmin();
        SignInDialog dialog(*db, first ? SignInDialog::Mode::FirstAdmin : SignInDialog::Mode::SignIn);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        user = dialog.user();
    }

    MainWindow window(std::move(db), user);
    window.show();
    if (!note.isEmpty())
        window.statusBar()->showMessage(note, 15000);
    // Forms left with a draft (closed, crashed, power cut) open again, restored.
    if (!parser.isSet(shotOpt) && !parser.isSet(shotsOpt))
        QTimer::singleShot(0, &window, [&window] { window.offerDrafts(); });
    if (parser.isSet(shotOpt)) {
        const QString file = parser.value(shotOpt);
        QTimer::singleShot(300, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    if (parser.isSet(shotsOpt)) {
        const QDir dir(parser.value(shotsOpt));
        QTimer::singleShot(300, &window,
                           [&window, dir] { QCoreApplication::exit(saveScreenshots(window, dir) ? 0 : 1); });
    }
    const int code = QApplication::exec();
    spdlog::info("YueGong Journal exiting with code {}", code);
    return code;
}

} // namespace yg
