#include "reporting/Rate.h"

#include <gtest/gtest.h>

struct RateCase
{
    qint64 numerator;
    qint64 denominator;
    const char* text;
};

void PrintTo(const RateCase& c, std::ostream* os)
{
    *os << c.numerator << "/" << c.denominator;
}

class RateText : public ::testing::TestWithParam<RateCase>
{};

TEST_P(RateText, TwoDecimalsRoundedHalfUp)
{
    const RateCase c = GetParam();
    EXPECT_EQ(yg::Rate({c.numerator, c.denominator}).percentText(), QString::fromUtf8(c.text));
}

INSTANTIATE_TEST_SUITE_P(Cases, RateText,
                         ::testing::Values(RateCase{876, 925, "94.70%"}, // the union's published figure
                                           RateCase{87, 87, "100.00%"}, RateCase{0, 5, "0.00%"},
                                           RateCase{1, 3, "33.33%"}, RateCase{2, 3, "66.67%"},
                                           RateCase{1, 8, "12.50%"},    // exact
                                           RateCase{1, 80000, "0.00%"}, // 0.00125% rounds down
                                           RateCase{1, 40000, "0.00%"}, // 0.0025%
                                           RateCase{1, 20000, "0.01%"}, // 0.005% rounds half up
                                           RateCase{0, 0, "—"}));       // empty: no rate, never 0% or NaN

TEST(Rate, HundredthsOfPercent)
{
    EXPECT_EQ(yg::Rate({876, 925}).hundredthsOfPercent(), 9470);
    EXPECT_FALSE(yg::Rate({0, 0}).hundredthsOfPercent().has_value());
}
