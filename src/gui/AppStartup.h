#pragma once

#include <QString>

#include <memory>

class QApplication;
class QDir;

namespace yg {

class Database;

/**
 * The database the app opens at start: the one named on the command line, else the one
 * used last, else the embedded default in the user's data folder, which is created and
 * filled with the demo district on first start so a newcomer sees a living system.
 * Throws yg::Error with the reason if it cannot be opened. *note receives what was done.
 */
std::unique_ptr<Database> openStartupDatabase(const QString& explicitPath, QString* note);

class MainWindow;

/** Renders the main window, the issue list and an issue window into PNG files (user guide). */
bool saveScreenshots(MainWindow& window, const QDir& dir);

/** The whole app: options, logging, language, database, main window, event loop. */
int runApplication(QApplication& app);

} // namespace yg
