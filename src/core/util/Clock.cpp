#include "Clock.h"

namespace yg {

namespace {
QDateTime g_fixedNow;
}

QTimeZone Clock::districtZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    // A machine without tz data still gets the district's offset (China has no DST).
    static const QTimeZone fallback(8 * 3600);
    return zone.isValid() ? zone : fallback;
}

QDateTime Clock::nowUtc()
{
    return g_fixedNow.isValid() ? g_fixedNow : QDateTime::currentDateTimeUtc();
}

QDate Clock::today()
{
    return nowUtc().toTimeZone(districtZone()).date();
}

void Clock::setFixedNow(const QDateTime& utc)
{
    g_fixedNow = utc.isValid() ? utc.toUTC() : QDateTime();
}

QString Clock::toStorage(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime Clock::fromStorage(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

} // namespace yg
