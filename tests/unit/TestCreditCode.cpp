#include "TestSupport.h"
#include "domain/CreditCode.h"

#include <gtest/gtest.h>

using yg::CreditCode;

TEST(CreditCode, AcceptsRealValidCodes)
{
    for (int i = 0; i < yg::test::kValidCreditCodeCount; ++i) {
        const QString code = QString::fromLatin1(yg::test::kValidCreditCodes[i]);
        const auto check = CreditCode::validate(code);
        EXPECT_TRUE(check.ok) << code.toStdString() << ": " << check.message.toStdString();
    }
}

TEST(CreditCode, AcceptsLowerCaseAndSurroundingSpaces)
{
    EXPECT_TRUE(CreditCode::validate(QStringLiteral("  9144030071526726xg ")).ok);
    EXPECT_EQ(CreditCode::normalized(QStringLiteral(" 9144030071526726xg")), QStringLiteral("9144030071526726XG"));
}

// Every single-character substitution of every valid code, at every position and with
// every other allowed character, is refused (the weights are all non-zero mod 31).
TEST(CreditCode, RefusesEverySingleCharacterCorruption)
{
    const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    int refused = 0;
    for (int i = 0; i < yg::test::kValidCreditCodeCount; ++i) {
        const QString code = QString::fromLatin1(yg::test::kValidCreditCodes[i]);
        for (int pos = 0; pos < 18; ++pos) {
            for (QChar c : alphabet) {
                if (c == code.at(pos))
                    continue;
                QString bad = code;
                bad[pos] = c;
                const auto check = CreditCode::validate(bad);
                ASSERT_FALSE(check.ok) << bad.toStdString();
                EXPECT_EQ(check.position, 18) << bad.toStdString();
                ++refused;
            }
        }
    }
    EXPECT_EQ(refused, yg::test::kValidCreditCodeCount * 18 * 30);
}

struct BadCode
{
    const char* code;
    int position;
    const char* mentions;
};

void PrintTo(const BadCode& c, std::ostream* os)
{
    *os << '"' << c.code << '"';
}

class CreditCodeBad : public ::testing::TestWithParam<BadCode>
{};

TEST_P(CreditCodeBad, NamesTheWrongCharacter)
{
    const BadCode p = GetParam();
    const auto check = CreditCode::validate(QString::fromUtf8(p.code));
    EXPECT_FALSE(check.ok);
    EXPECT_EQ(check.position, p.position);
    EXPECT_TRUE(check.message.contains(QString::fromUtf8(p.mentions))) << check.message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Cases, CreditCodeBad,
                         ::testing::Values(BadCode{"", 0, "empty"}, BadCode{"9144030071526726X", 0, "17 characters"},
                                           BadCode{"9144030071526726XGG", 0, "19 characters"},
                                           BadCode{"9144030O71526726XG", 8, "Character 8 'O'"},   // letter O for zero
                                           BadCode{"914403007152672IXG", 16, "Character 16 'I'"}, // letter I for one
                                           BadCode{"91440300715267-6XG", 15, "Character 15 '-'"},
                                           BadCode{"9144030071526726XZ", 18, "Character 18 'Z'"},
                                           BadCode{"9144030071526726XH", 18, "they give 'G'"}));

TEST(CreditCode, CheckCharacterNeedsSeventeenValidCharacters)
{
    EXPECT_EQ(CreditCode::checkCharacter(u"9144030071526726X"), QLatin1Char('G'));
    EXPECT_TRUE(CreditCode::checkCharacter(u"914403007152672").isNull());
    EXPECT_TRUE(CreditCode::checkCharacter(u"91440300715267I6X").isNull());
}
