#pragma once

#include <QString>

namespace yg {

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
 * "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V); character 18 is a check
 * character over the first 17 with weights 3^(i) mod 31.
 */
class CreditCode
{
public:
    struct Check
    {
        bool ok = false;
        int position = 0; ///< 1-based character at fault; 0 when the length is wrong
        QString message;  ///< translated, names the character and why
    };

    /** Validates a code as typed (surrounding spaces ignored, lower case accepted). */
    static Check validate(const QString& code);

    /** Upper-cases and trims; does not validate. */
    static QString normalized(const QString& code);

    /** The check character for 17 valid characters, or QChar() if one is invalid. */
    static QChar checkCharacter(QStringView first17);

    static bool isAllowedCharacter(QChar c);
};

} // namespace yg
