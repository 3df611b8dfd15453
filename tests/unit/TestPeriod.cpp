#include "domain/Period.h"

#include <gtest/gtest.h>

using yg::IsoWeek;
using yg::Period;

struct WeekCase
{
    QDate date;
    int year;
    int week;
};

void PrintTo(const WeekCase& c, std::ostream* os)
{
    *os << c.date.toString(Qt::ISODate).toStdString();
}

class IsoWeekOf : public ::testing::TestWithParam<WeekCase>
{};

TEST_P(IsoWeekOf, GivesYearAndWeek)
{
    const WeekCase c = GetParam();
    const IsoWeek w = IsoWeek::of(c.date);
    EXPECT_EQ(w.year, c.year) << c.date.toString(Qt::ISODate).toStdString();
    EXPECT_EQ(w.week, c.week) << c.date.toString(Qt::ISODate).toStdString();
    EXPECT_LE(w.monday(), c.date);
    EXPECT_GE(w.sunday(), c.date);
    EXPECT_EQ(w.monday().dayOfWeek(), 1);
}

INSTANTIATE_TEST_SUITE_P(
    YearBoundaries, IsoWeekOf,
    ::testing::Values(WeekCase{QDate(2020, 12, 31), 2020, 53}, // a 53-week year
                      WeekCase{QDate(2021, 1, 3), 2020, 53},   // January days in last year's week 53
                      WeekCase{QDate(2021, 1, 4), 2021, 1},
                      WeekCase{QDate(2024, 12, 30), 2025, 1}, // December days in next year's week 1
                      WeekCase{QDate(2024, 12, 29), 2024, 52}, WeekCase{QDate(2026, 12, 31), 2026, 53},
                      WeekCase{QDate(2027, 1, 1), 2026, 53}, WeekCase{QDate(2023, 4, 1), 2023, 13},
                      WeekCase{QDate(2024, 2, 29), 2024, 9}));

TEST(IsoWeek, WeeksInYear)
{
    EXPECT_EQ(IsoWeek::weeksInYear(2020), 53);
    EXPECT_EQ(IsoWeek::weeksInYear(2023), 52);
    EXPECT_EQ(IsoWeek::weeksInYear(2024), 52);
    EXPECT_EQ(IsoWeek::weeksInYear(2026), 53);
    EXPECT_EQ((IsoWeek{2025, 1}.monday()), QDate(2024, 12, 30));
    EXPECT_EQ(IsoWeek({2020, 53}).toString(), QStringLiteral("2020-W53"));
}

struct ParseCase
{
    const char* text;
    Period::Kind kind;
    QDate first;
    QDate last;
};

void PrintTo(const ParseCase& c, std::ostream* os)
{
    *os << c.text;
}

class PeriodParse : public ::testing::TestWithParam<ParseCase>
{};

TEST_P(PeriodParse, ParsesAndRoundTrips)
{
    const ParseCase c = GetParam();
    QString error;
    const auto p = Period::parse(QString::fromLatin1(c.text), &error);
    ASSERT_TRUE(p.has_value()) << error.toStdString();
    EXPECT_EQ(p->kind(), c.kind);
    EXPECT_EQ(p->first(), c.first);
    EXPECT_EQ(p->last(), c.last);
    EXPECT_EQ(Period::parse(p->toString()), p);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, PeriodParse,
    ::testing::Values(ParseCase{"2024-W32", Period::Kind::Week, QDate(2024, 8, 5), QDate(2024, 8, 11)},
                      ParseCase{"2020-W53", Period::Kind::Week, QDate(2020, 12, 28), QDate(2021, 1, 3)},
                      ParseCase{"2025-W01", Period::Kind::Week, QDate(2024, 12, 30), QDate(2025, 1, 5)},
                      ParseCase{"2024-02", Period::Kind::Month, QDate(2024, 2, 1), QDate(2024, 2, 29)},
                      ParseCase{"2023-02", Period::Kind::Month, QDate(2023, 2, 1), QDate(2023, 2, 28)},
                      ParseCase{"2024-Q3", Period::Kind::Quarter, QDate(2024, 7, 1), QDate(2024, 9, 30)},
                      ParseCase{"2024-Q4", Period::Kind::Quarter, QDate(2024, 10, 1), QDate(2024, 12, 31)},
                      ParseCase{"2024", Period::Kind::Year, QDate(2024, 1, 1), QDate(2024, 12, 31)},
                      ParseCase{"2023-04-01..2024-11-30", Period::Kind::Range, QDate(2023, 4, 1),
                                QDate(2024, 11, 30)}));

TEST(Period, RefusesWithReason)
{
    QString error;
    EXPECT_FALSE(Period::parse(QStringLiteral("2024-W53"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("1 to 52"))) << error.toStdString();
    EXPECT_FALSE(Period::parse(QStringLiteral("2024-13"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("1 to 12"))) << error.toStdString();
    EXPECT_FALSE(Period::parse(QStringLiteral("2024-02-30..2024-03-01"), &error));
    EXPECT_FALSE(Period::parse(QStringLiteral("2024-03-02..2024-03-01"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("ends before"))) << error.toStdString();
    EXPECT_FALSE(Period::parse(QStringLiteral("last year"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("2024-W32"))) << "lists the accepted forms";
}

TEST(Period, PreviousAcrossYearBoundaries)
{
    EXPECT_EQ(Period::parse(QStringLiteral("2021-W01"))->previous(), Period::parse(QStringLiteral("2020-W53")));
    EXPECT_EQ(Period::parse(QStringLiteral("2024-01"))->previous(), Period::parse(QStringLiteral("2023-12")));
    EXPECT_EQ(Period::parse(QStringLiteral("2024-Q1"))->previous(), Period::parse(QStringLiteral("2023-Q4")));
    EXPECT_EQ(Period::parse(QStringLiteral("2024"))->previous(), Period::parse(QStringLiteral("2023")));
    EXPECT_EQ(Period::parse(QStringLiteral("2024-03-01..2024-03-10"))->previous(),
              Period::parse(QStringLiteral("2024-02-20..2024-02-29")));
}

TEST(Period, ContainingADate)
{
    const QDate d(2024, 12, 31);
    EXPECT_EQ(Period::containing(Period::Kind::Week, d).toString(), QStringLiteral("2025-W01"));
    EXPECT_EQ(Period::containing(Period::Kind::Month, d).toString(), QStringLiteral("2024-12"));
    EXPECT_EQ(Period::containing(Period::Kind::Quarter, d).toString(), QStringLiteral("2024-Q4"));
    EXPECT_EQ(Period::containing(Period::Kind::Year, d).toString(), QStringLiteral("2024"));
}
