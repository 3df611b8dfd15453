#include "CreditCode.h"

#include <QCoreApplication>

namespace yg {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kRadix = 31;
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int valueOf(QChar c)
{
    for (int i = 0; i < kRadix; ++i) {
        if (c == QLatin1Char(kAlphabet[i]))
            return i;
    }
    return -1;
}

} // namespace

QString CreditCode::normalized(const QString& code)
{
    return code.trimmed().toUpper();
}

bool CreditCode::isAllowedCharacter(QChar c)
{
    return valueOf(c) >= 0;
}

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = valueOf(first17[i]);
        if (v < 0)
            return {};
        sum += v * kWeights[i];
    }
    const int check = (kRadix - sum % kRadix) % kRadix;
    return QLatin1Char(kAlphabet[check]);
}

CreditCode::Check CreditCode::validate(const QString& input)
{
    const QString code = normalized(input);
    if (code.isEmpty())
        return {false, 0,
                QCoreApplication::translate("yg::CreditCode", "The credit code is empty; it has 18 characters.")};
    if (code.size() != 18) {
        return {
            false, 0,
            QCoreApplication::translate("yg::CreditCode", "The credit code has %1 characters; it must have exactly 18.")
                .arg(code.size())};
    }
    for (int i = 0; i < 18; ++i) {
        const QChar c = code.at(i);
        if (valueOf(c) < 0) {
            QString why;
            if (c == QLatin1Char('I') || c == QLatin1Char('O') || c == QLatin1Char('Z') || c == QLatin1Char('S') ||
                c == QLatin1Char('V'))
                why = QCoreApplication::translate(
                    "yg::CreditCode", "the letters I, O, Z, S and V are never used (did you mean 1, 0, 2, 5 or U?)");
            else
                why = QCoreApplication::translate(
                    "yg::CreditCode", "only digits and the capital letters A–Y without I, O, S, V are used");
            return {false, i + 1,
                    QCoreApplication::translate("yg::CreditCode",
                                                "Character %1 '%2' of the credit code is not allowed: %3.")
                        .arg(i + 1)
                        .arg(c)
                        .arg(why)};
        }
    }
    const QChar expected = checkCharacter(QStringView(code).left(17));
    if (code.at(17) != expected) {
        return {false, 18,
                QCoreApplication::translate(
                    "yg::CreditCode",
                    "Character 18 '%1' of the credit code is its check character and does not match the first 17 "
                    "characters (they give '%2'): one character was mistyped.")
                    .arg(code.at(17))
                    .arg(expected)};
    }
    return {true, 0, QString()};
}

} // namespace yg
