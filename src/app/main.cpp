#include "AppStartup.h"

#include <QApplication>

#include <sys/stat.h>

int main(int argc, char* argv[])
{
    // Everything this program creates (database, WAL, backups, exports, logs) is owner-only.
    umask(077);
    QApplication app(argc, argv);
    return yg::runApplication(app);
}
