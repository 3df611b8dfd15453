#pragma once

#include <QString>

#include <functional>
#include <memory>

class QApplication;
class QDir;

namespace yg {

class Database;

/** What the first start creates in the default place. */
enum class FirstStartChoice
{
    Demo,  ///< the demo district, to look around
    Empty, ///< a new empty database with the district's reference data (then the first administrator)
    Quit
};

/**
 * The database the app opens at start: the one named on the command line, else the one
 * used last, else the embedded default in the user's data folder, which is created on
 * first start: the demo district so a newcomer sees a living system, or a new empty
 * database for real work, as `choose` answers (no chooser: the demo). Throws yg::Error
 * with the reason if it cannot be opened; returns null if the person chose to quit.
 * *note receives what was done.
 */
std::unique_ptr<Database> openStartupDatabase(const QString& explicitPath, QString* note,
                                              const std::function<FirstStartChoice()>& choose = {});

/** Asks on first start: demo district, new empty database, or quit. */
FirstStartChoice askFirstStart();

class MainWindow;

/** Renders the main window, the issue list and an issue window into PNG files (user guide). */
bool saveScreenshots(MainWindow& window, const QDir& dir);

/** The whole app: options, logging, language, database, main window, event loop. */
int runApplication(QApplication& app);

} // namespace yg
