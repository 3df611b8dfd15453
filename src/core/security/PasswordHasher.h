#pragma once

#include <QByteArray>
#include <QString>

namespace yg {

/**
 * Argon2id password hashes through libsodium (crypto_pwhash_str) at libsodium's
 * "interactive" cost: 64 MiB, 2 passes — above OWASP's minimum (19 MiB, 2 passes).
 * Hashes are self-describing ($argon2id$v=19$m=...,t=...,p=1$salt$hash), so raising the
 * cost later makes needsRehash() true and the next sign-in stores a new hash.
 */
class PasswordHasher
{
public:
    static constexpr int kMinLength = 8;

    static QString hash(const QString& password);
    /** A hash at another cost (tests of rehashing; never used for real accounts). */
    static QString hashAtCost(const QString& password, unsigned long long opsLimit, size_t memLimitBytes);
    static bool verify(const QString& hash, const QString& password);
    static bool needsRehash(const QString& hash);
    /** The same encoding with a given 16-byte salt (deterministic demo accounts only). */
    static QString hashWithSalt(const QString& password, const QByteArray& salt);
    /** Why a new password is not acceptable; empty when it is. */
    static QString weakness(const QString& password);
};

} // namespace yg
