#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace yg {

/** An ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
struct IsoWeek
{
    int year = 0;
    int week = 0;

    static IsoWeek of(QDate date);
    static int weeksInYear(int isoYear); ///< 52 or 53
    QDate monday() const;
    QDate sunday() const { return monday().addDays(6); }
    QString toString() const; ///< 2024-W07
    friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

/**
 * A reporting period: ISO week, month, quarter, year, or any inclusive date range.
 * Every period calculation (labels, previous period, parsing "2024-W32", "2024-07",
 * "2024-Q3", "2024", "2023-04-01..2024-11-30") goes through this one helper.
 */
class Period
{
public:
    enum class Kind
    {
        Week,
        Month,
        Quarter,
        Year,
        Range
    };

    Period() = default;
    static Period week(IsoWeek w);
    static Period month(int year, int month);
    static Period quarter(int year, int quarter);
    static Period year(int year);
    static Period range(QDate first, QDate last);
    /** The period of the given kind that contains the date (Range: the single day). */
    static Period containing(Kind kind, QDate date);

    /** Parses the text forms above; on failure returns nullopt and sets *error. */
    static std::optional<Period> parse(const QString& text, QString* error = nullptr);

    Kind kind() const { return m_kind; }
    QDate first() const { return m_first; }
    QDate last() const { return m_last; }
    bool isValid() const { return m_first.isValid() && m_last.isValid() && m_first <= m_last; }
    bool contains(QDate d) const { return d >= m_first && d <= m_last; }
    qint64 dayCount() const { return m_first.daysTo(m_last) + 1; }

    /** The period of the same kind just before (a range: the same length, ending the day before). */
    Period previous() const;
    /** The canonical text form, parseable by parse(). */
    QString toString() const;

    friend bool operator==(const Period&, const Period&) = default;

private:
    Period(Kind kind, QDate first, QDate last) : m_kind(kind), m_first(first), m_last(last) {}

    Kind m_kind = Kind::Range;
    QDate m_first;
    QDate m_last;
};

} // namespace yg
