#pragma once

#include <QString>

#include <optional>

namespace yg {

/**
 * A rate as the union publishes it: numerator / denominator as a percentage with two
 * decimals, rounded half up (876 / 925 → 94.70%). Computed in integers, so the same
 * counts always give the same text. An empty denominator has no rate ("—"), never 0%.
 */
struct Rate
{
    qint64 numerator = 0;
    qint64 denominator = 0;

    /** The rate in hundredths of a percent (9470 for 94.70%), or nullopt if denominator is 0. */
    std::optional<qint64> hundredthsOfPercent() const;
    /** "94.70%", or "—" when there is nothing to divide by. */
    QString percentText() const;
};

} // namespace yg
