#include "WorkCalendar.h"

namespace yg {

void WorkCalendar::setException(QDate date, DayKind kind, const QString& name)
{
    m_exceptions.insert(date, {kind, name});
}

void WorkCalendar::clearException(QDate date)
{
    m_exceptions.remove(date);
}

bool WorkCalendar::isWorkingDay(QDate date) const
{
    const auto it = m_exceptions.constFind(date);
    if (it != m_exceptions.constEnd())
        return it->kind == DayKind::MakeUpWorkday;
    return date.dayOfWeek() <= 5;
}

QDate WorkCalendar::addWorkingDays(QDate from, int n) const
{
    QDate d = from;
    while (n > 0) {
        d = d.addDays(1);
        if (isWorkingDay(d))
            --n;
    }
    return d;
}

int WorkCalendar::workingDaysBetween(QDate from, QDate to) const
{
    int n = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1)) {
        if (isWorkingDay(d))
            ++n;
    }
    return n;
}

QString WorkCalendar::nameOf(QDate date) const
{
    return m_exceptions.value(date).name;
}

} // namespace yg
