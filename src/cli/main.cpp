#include "CliCommands.h"
#include "util/Translations.h"

#include <QCoreApplication>

#include <sys/stat.h>

int main(int argc, char* argv[])
{
    // Everything this program creates (database, WAL, backups, exports, logs) is owner-only.
    umask(077);
    QCoreApplication app(argc, argv);
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
