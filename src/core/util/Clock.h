#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace yg {

/**
 * Time as the district sees it. Calendar dates (visit dates, due dates) are dates in the
 * district's time zone (Asia/Shanghai); timestamps are stored in UTC. Tests pin the
 * clock with setFixedNow(); nothing else in the code reads the system clock directly.
 */
class Clock
{
public:
    static QTimeZone districtZone();
    static QDateTime nowUtc();
    static QDate today();

    /** Pins the clock (tests); an invalid value releases it. Not thread-safe by design. */
    static void setFixedNow(const QDateTime& utc);

    /** ISO 8601 UTC with milliseconds, the one format timestamps are stored in. */
    static QString toStorage(const QDateTime& utc);
    static QDateTime fromStorage(const QString& text);
};

} // namespace yg
