#include "ExchangeSupport.h"

#include "exchange/ExchangeFile.h"
#include "exchange/ExchangePairing.h"
#include "security/Signing.h"
#include "storage/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

#include <stdexcept>

namespace yg::test {

void pairLaptop(Database& office, const Cadre& officeStaff, Database& laptop, const Cadre& laptopAdmin,
                const QStringList& accounts)
{
    ExchangePairing::pair(office, officeStaff, ExchangePairing::own(laptop), PeerRelation::Laptop, accounts);
    ExchangePairing::pair(laptop, laptopAdmin, ExchangePairing::own(office), PeerRelation::Office);
}

ExchangeStore::Identity strangerKey()
{
    const SigningKeyPair k = Signing::generate();
    return {QStringLiteral("00000000-0000-4000-8000-000000000000"), k.publicKey, k.secretKey};
}

ExchangeStore::Identity keysOf(Database& db)
{
    return ExchangeStore(db).identity();
}

ExchangeFileEditor::ExchangeFileEditor(const QString& path) : m_path(path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the exchange file");
    const QByteArray bytes = f.readAll();
    const qsizetype nl = bytes.indexOf('\n');
    header = QJsonDocument::fromJson(bytes.left(nl)).object();
    const qsizetype last = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
    m_signatureLine = bytes.mid(last);
    for (const QByteArray& line : bytes.mid(nl + 1, last - nl - 1).split('\n')) {
        if (!line.isEmpty())
            records.append(QJsonDocument::fromJson(line).object());
    }
}

QList<QJsonObject*> ExchangeFileEditor::recordsOf(const QString& table)
{
    QList<QJsonObject*> out;
    for (QJsonObject& r : records) {
        if (r.value(QStringLiteral("t")).toString() == table)
            out.append(&r);
    }
    return out;
}

QByteArray ExchangeFileEditor::payload() const
{
    QByteArray out;
    for (const QJsonObject& r : records)
        out += QJsonDocument(r).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

void ExchangeFileEditor::write(const QString& path, const QByteArray& headerLine, const QByteArray& payload,
                               const QByteArray& signatureLine) const
{
    QFile f(path.isEmpty() ? m_path : path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write the exchange file");
    f.write(headerLine + '\n' + payload + signatureLine);
}

void ExchangeFileEditor::saveKeepingSignature(const QString& path) const
{
    const QByteArray body = payload();
    QJsonObject h = header;
    h.insert(QStringLiteral("payload_bytes"), body.size());
    h.insert(QStringLiteral("payload_sha256"),
             QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex()));
    write(path, QJsonDocument(h).toJson(QJsonDocument::Compact), body, m_signatureLine);
}

void ExchangeFileEditor::saveSignedWith(const ExchangeStore::Identity& key, const QString& path, bool recompute) const
{
    const QByteArray body = payload();
    const QByteArray sha = QCryptographicHash::hash(body, QCryptographicHash::Sha256);
    QJsonObject h = header;
    if (recompute) {
        h.insert(QStringLiteral("payload_bytes"), body.size());
        h.insert(QStringLiteral("payload_sha256"), QString::fromLatin1(sha.toHex()));
        h.insert(QStringLiteral("key"), QString::fromLatin1(key.publicKey.toBase64()));
    }
    const QByteArray headerLine = QJsonDocument(h).toJson(QJsonDocument::Compact);
    const QByteArray signature = Signing::sign(exchangeSignedMessage(headerLine, sha), key.secretKey);
    const QByteArray trailer =
        QJsonDocument(QJsonObject{{QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}})
            .toJson(QJsonDocument::Compact) +
        '\n';
    write(path, headerLine, body, trailer);
}

} // namespace yg::test
