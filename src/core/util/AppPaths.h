#pragma once

#include <QString>

namespace yg {

/** Where the app keeps its files (the user's data folder from QStandardPaths). */
class AppPaths
{
public:
    static QString dataDirectory();
    /** The embedded default database: <data folder>/yuegong.sqlite. */
    static QString defaultDatabase();
    static QString logDirectory();
};

} // namespace yg
