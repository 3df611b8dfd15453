#include "AppPaths.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace yg {

QString AppPaths::dataDirectory()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return dir;
}

QString AppPaths::defaultDatabase()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("yuegong.sqlite"));
}

QString AppPaths::logDirectory()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("logs"));
}

} // namespace yg
