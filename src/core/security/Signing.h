#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace yg {

/** An Ed25519 key pair (libsodium crypto_sign): 32 bytes public, 64 bytes secret. */
struct SigningKeyPair
{
    QByteArray publicKey;
    QByteArray secretKey;
};

/**
 * Ed25519 signatures through libsodium, for exchange files: a signature proves which key
 * wrote the bytes and that not one of them changed since. The fingerprint is what two
 * people compare on two screens when they pair two databases.
 */
class Signing
{
public:
    static constexpr int kPublicKeyBytes = 32;
    static constexpr int kSecretKeyBytes = 64;
    static constexpr int kSignatureBytes = 64;

    static SigningKeyPair generate();
    /** The detached signature of `message`; throws yg::Error for a secret key of the wrong size. */
    static QByteArray sign(QByteArrayView message, const QByteArray& secretKey);
    /** Whether `signature` is the signature of `message` by the holder of `publicKey` (false for wrong sizes). */
    static bool verify(QByteArrayView message, const QByteArray& signature, const QByteArray& publicKey);
    /**
     * Six groups of five digits from the SHA-256 of the public key (as Signal shows its
     * safety numbers): easy to read aloud and compare, 99 bits of the key's hash.
     */
    static QString fingerprint(const QByteArray& publicKey);
};

} // namespace yg
