#include "Signing.h"

#include "util/Error.h"

#include <QCryptographicHash>
#include <QStringList>

#include <sodium.h>

namespace yg {

namespace {

void ensureSodium()
{
    static const int ready = sodium_init();
    if (ready < 0)
        throw Error(QStringLiteral("libsodium could not be initialised"));
}

} // namespace

static_assert(Signing::kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(Signing::kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(Signing::kSignatureBytes == crypto_sign_BYTES);

SigningKeyPair Signing::generate()
{
    ensureSodium();
    SigningKeyPair k;
    k.publicKey.resize(kPublicKeyBytes);
    k.secretKey.resize(kSecretKeyBytes);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(k.publicKey.data()),
                        reinterpret_cast<unsigned char*>(k.secretKey.data()));
    return k;
}

QByteArray Signing::sign(QByteArrayView message, const QByteArray& secretKey)
{
    ensureSodium();
    if (secretKey.size() != kSecretKeyBytes)
        throw Error(QStringLiteral("signing key of the wrong size"));
    QByteArray signature(kSignatureBytes, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.data()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char*>(secretKey.constData()));
    return signature;
}

bool Signing::verify(QByteArrayView message, const QByteArray& signature, const QByteArray& publicKey)
{
    ensureSodium();
    if (signature.size() != kSignatureBytes || publicKey.size() != kPublicKeyBytes)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.data()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData())) == 0;
}

QString Signing::fingerprint(const QByteArray& publicKey)
{
    const QByteArray h = QCryptographicHash::hash(publicKey, QCryptographicHash::Sha256);
    QStringList groups;
    for (int g = 0; g < 6; ++g) {
        quint64 v = 0;
        for (int i = 0; i < 5; ++i)
            v = (v << 8) | static_cast<quint8>(h.at(g * 5 + i));
        groups.append(QStringLiteral("%1").arg(v % 100000, 5, 10, QLatin1Char('0')));
    }
    return groups.join(QLatin1Char(' '));
}

} // namespace yg
