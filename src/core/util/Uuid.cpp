#include "Uuid.h"

#include <QUuid>

namespace yg {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString uuidFromBits(std::uint64_t high, std::uint64_t low)
{
    // Set the version (4) and variant (10xx) bits so the value is a well-formed UUID.
    high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
    low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<char>(high >> (56 - 8 * i));
        bytes[8 + i] = static_cast<char>(low >> (56 - 8 * i));
    }
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

} // namespace yg
