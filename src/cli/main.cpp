#include "CliCommands.h"
#include "util/Translations.h"

#include <QApplication>

#include <sys/stat.h>

int main(int argc, char* argv[])
{
    // Everything this program creates (database, WAL, backups, exports, logs) is owner-only.
    umask(077);
    // Reports are drawn (PDF, charts) with Qt's painting, which needs a GUI application; the
    // command line never shows a window, so it runs on the offscreen platform unless told otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("yuegong"));
    QCoreApplication::setOrganizationName(QStringLiteral("YueGong"));
    QCoreApplication::setApplicationVersion(QStringLiteral(YUEGONG_VERSION));
    yg::installTranslations(qEnvironmentVariable("YUEGONG_LANG"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return yg::cli::run(args, out, err);
}
