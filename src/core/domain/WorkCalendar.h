#pragma once

#include <QDate>
#include <QHash>
#include <QString>

namespace yg {

/**
 * Working days in the district: Monday to Friday, minus public holidays, plus the
 * weekend days declared make-up working days (调休). The exceptions come from the
 * database (table `calendar_days`, seeded for 2023–2026 from the State Council notices,
 * editable and importable); this class only answers questions about them.
 */
class WorkCalendar
{
public:
    enum class DayKind
    {
        Holiday,
        MakeUpWorkday
    };

    WorkCalendar() = default;
    void setException(QDate date, DayKind kind, const QString& name = {});
    void clearException(QDate date);

    bool isWorkingDay(QDate date) const;
    /** The n-th working day after `from` (n >= 0; n = 0 gives `from` itself). */
    QDate addWorkingDays(QDate from, int n) const;
    /** Working days in (from, to]: 0 when to <= from. */
    int workingDaysBetween(QDate from, QDate to) const;
    bool hasException(QDate date) const { return m_exceptions.contains(date); }
    /** The holiday's name, if the date is an exception. */
    QString nameOf(QDate date) const;
    qsizetype exceptionCount() const { return m_exceptions.size(); }

private:
    struct Exception
    {
        DayKind kind;
        QString name;
    };
    QHash<QDate, Exception> m_exceptions;
};

} // namespace yg
