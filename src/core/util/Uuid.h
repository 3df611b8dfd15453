#pragma once

#include <QString>

#include <cstdint>

namespace yg {

/** A new random UUID (version 4) as 36 lower-case characters, the stable id of a record. */
QString newUuid();

/** A version-4-shaped UUID made from two 64-bit values (deterministic demo data). */
QString uuidFromBits(std::uint64_t high, std::uint64_t low);

} // namespace yg
