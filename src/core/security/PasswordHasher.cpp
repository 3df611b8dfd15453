#include "PasswordHasher.h"

#include "util/Error.h"

#include <QCoreApplication>

#include <sodium.h>

namespace yg {

namespace {

void ensureSodium()
{
    static const int ready = sodium_init();
    if (ready < 0)
        throw Error(QStringLiteral("libsodium could not be initialised"));
}

const unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
const size_t kMem = crypto_pwhash_MEMLIMIT_INTERACTIVE;

} // namespace

QString PasswordHasher::hash(const QString& password)
{
    return hashAtCost(password, kOps, kMem);
}

QString PasswordHasher::hashAtCost(const QString& password, unsigned long long opsLimit, size_t memLimitBytes)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), opsLimit,
                          memLimitBytes) != 0)
        throw Error(QCoreApplication::translate("yg::PasswordHasher", "Not enough memory to hash the password."));
    sodium_memzero(const_cast<char*>(utf8.constData()), static_cast<size_t>(utf8.size()));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& hash, const QString& password)
{
    ensureSodium();
    if (hash.isEmpty())
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString& hash)
{
    ensureSodium();
    return crypto_pwhash_str_needs_rehash(hash.toLatin1().constData(), kOps, kMem) != 0;
}

QString PasswordHasher::hashWithSalt(const QString& password, const QByteArray& salt)
{
    ensureSodium();
    if (salt.size() != crypto_pwhash_SALTBYTES)
        throw Error(QStringLiteral("a password salt has %1 bytes").arg(crypto_pwhash_SALTBYTES));
    const QByteArray utf8 = password.toUtf8();
    unsigned char out[32];
    if (crypto_pwhash(out, sizeof out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                      reinterpret_cast<const unsigned char*>(salt.constData()), kOps, kMem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(QCoreApplication::translate("yg::PasswordHasher", "Not enough memory to hash the password."));
    auto b64 = [](const unsigned char* data, size_t n) {
        QByteArray text(static_cast<qsizetype>(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)),
                        Qt::Uninitialized);
        sodium_bin2base64(text.data(), static_cast<size_t>(text.size()), data, n,
                          sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
        return QString::fromLatin1(text.constData());
    };
    return QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=1$%3$%4")
        .arg(kMem / 1024)
        .arg(kOps)
        .arg(b64(reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<size_t>(salt.size())),
             b64(out, sizeof out));
}

QString PasswordHasher::weakness(const QString& password)
{
    if (password.size() < kMinLength) {
        return QCoreApplication::translate("yg::PasswordHasher", "A password needs at least %1 characters.")
            .arg(kMinLength);
    }
    if (password.trimmed() != password)
        return QCoreApplication::translate("yg::PasswordHasher", "A password must not start or end with a space.");
    return {};
}

} // namespace yg
