#include "Period.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace yg {

IsoWeek IsoWeek::of(QDate date)
{
    int year = 0;
    const int week = date.weekNumber(&year);
    return {year, week};
}

int IsoWeek::weeksInYear(int isoYear)
{
    // 28 December is always in the last ISO week of its year.
    return QDate(isoYear, 12, 28).weekNumber();
}

QDate IsoWeek::monday() const
{
    // 4 January is always in week 1.
    const QDate jan4(year, 1, 4);
    const QDate week1Monday = jan4.addDays(1 - jan4.dayOfWeek());
    return week1Monday.addDays(7 * (week - 1));
}

QString IsoWeek::toString() const
{
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

Period Period::week(IsoWeek w)
{
    return {Kind::Week, w.monday(), w.sunday()};
}

Period Period::month(int year, int month)
{
    const QDate first(year, month, 1);
    return {Kind::Month, first, first.addMonths(1).addDays(-1)};
}

Period Period::quarter(int year, int quarter)
{
    const QDate first(year, 3 * (quarter - 1) + 1, 1);
    return {Kind::Quarter, first, first.addMonths(3).addDays(-1)};
}

Period Period::year(int year)
{
    return {Kind::Year, QDate(year, 1, 1), QDate(year, 12, 31)};
}

Period Period::range(QDate first, QDate last)
{
    return {Kind::Range, first, last};
}

Period Period::containing(Kind kind, QDate d)
{
    switch (kind) {
    case Kind::Week:
        return week(IsoWeek::of(d));
    case Kind::Month:
        return month(d.year(), d.month());
    case Kind::Quarter:
        return quarter(d.year(), (d.month() - 1) / 3 + 1);
    case Kind::Year:
        return year(d.year());
    case Kind::Range:
        break;
    }
    return range(d, d);
}

Period Period::previous() const
{
    switch (m_kind) {
    case Kind::Week:
        return containing(Kind::Week, m_first.addDays(-7));
    case Kind::Month:
    case Kind::Quarter:
    case Kind::Year:
        return containing(m_kind, m_first.addDays(-1));
    case Kind::Range:
        break;
    }
    const qint64 days = dayCount();
    return range(m_first.addDays(-days), m_first.addDays(-1));
}

QString Period::toString() const
{
    switch (m_kind) {
    case Kind::Week:
        return IsoWeek::of(m_first).toString();
    case Kind::Month:
        return m_first.toString(QStringLiteral("yyyy-MM"));
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(m_first.year()).arg((m_first.month() - 1) / 3 + 1);
    case Kind::Year:
        return QString::number(m_first.year());
    case Kind::Range:
        break;
    }
    return m_first.toString(Qt::ISODate) + QStringLiteral("..") + m_last.toString(Qt::ISODate);
}

std::optional<Period> Period::parse(const QString& input, QString* error)
{
    const QString text = input.trimmed();
    auto fail = [&](const QString& why) -> std::optional<Period> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto accepted = QCoreApplication::translate(
        "yg::Period", "accepted: 2024-W32 (ISO week), 2024-07 (month), 2024-Q3 (quarter), 2024 (year), "
                      "2023-04-01..2024-11-30 (date range)");

    static const QRegularExpression weekRe(QStringLiteral("^(\\d{4})-W(\\d{1,2})$"));
    static const QRegularExpression monthRe(QStringLiteral("^(\\d{4})-(\\d{1,2})$"));
    static const QRegularExpression quarterRe(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression yearRe(QStringLiteral("^(\\d{4})$"));
    static const QRegularExpression rangeRe(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));

    if (auto m = weekRe.match(text); m.hasMatch()) {
        const int y = m.captured(1).toInt();
        const int w = m.captured(2).toInt();
        if (w < 1 || w > IsoWeek::weeksInYear(y)) {
            return fail(QCoreApplication::translate("yg::Period", "'%1': ISO year %2 has weeks 1 to %3.")
                            .arg(text)
                            .arg(y)
                            .arg(IsoWeek::weeksInYear(y)));
        }
        return week({y, w});
    }
    if (auto m = quarterRe.match(text); m.hasMatch())
        return quarter(m.captured(1).toInt(), m.captured(2).toInt());
    if (auto m = monthRe.match(text); m.hasMatch()) {
        const int mo = m.captured(2).toInt();
        if (mo < 1 || mo > 12)
            return fail(QCoreApplication::translate("yg::Period", "'%1': the month must be 1 to 12.").arg(text));
        return month(m.captured(1).toInt(), mo);
    }
    if (auto m = yearRe.match(text); m.hasMatch())
        return year(m.captured(1).toInt());
    if (auto m = rangeRe.match(text); m.hasMatch()) {
        const QDate a = QDate::fromString(m.captured(1), Qt::ISODate);
        const QDate b = QDate::fromString(m.captured(2), Qt::ISODate);
        if (!a.isValid() || !b.isValid())
            return fail(QCoreApplication::translate("yg::Period", "'%1': not a real calendar date.").arg(text));
        if (b < a)
            return fail(QCoreApplication::translate("yg::Period", "'%1': the range ends before it starts.").arg(text));
        return range(a, b);
    }
    return fail(QCoreApplication::translate("yg::Period", "'%1' is not a period; %2.").arg(text, accepted));
}

} // namespace yg
