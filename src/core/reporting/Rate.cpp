#include "Rate.h"

namespace yg {

std::optional<qint64> Rate::hundredthsOfPercent() const
{
    if (denominator <= 0 || numerator < 0)
        return std::nullopt;
    // round half up of numerator * 10000 / denominator
    return (numerator * 20000 + denominator) / (2 * denominator);
}

QString Rate::percentText() const
{
    const auto h = hundredthsOfPercent();
    if (!h)
        return QStringLiteral("—");
    return QStringLiteral("%1.%2%").arg(*h / 100).arg(*h % 100, 2, 10, QLatin1Char('0'));
}

} // namespace yg
