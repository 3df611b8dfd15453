#include "exchange/ExchangeFile.h"

#include "security/Signing.h"
#include "storage/Database.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace yg {

namespace {

/**
 * Room for the header at the start of a file: the payload is streamed after it, and the
 * header (which carries the payload's size and checksum) is written into it at the end,
 * padded with spaces (JSON allows them after the object).
 */
constexpr qsizetype kHeaderRoom = 4096;

const char kSignatureLabel[] = "yuegong-exchange-signature-v2\n";

/** A refusal of the file: one sentence naming it, ending "nothing was imported". */
[[noreturn]] void refuse(const QString& sentence)
{
    throw Error(sentence);
}

/** An integral JSON number, or nullopt (a string "13" is not a version). */
std::optional<qint64> integerOf(const QJsonValue& v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<qint64>(d)))
        return std::nullopt;
    return static_cast<qint64>(d);
}

/** A timestamp as YueGong writes them (ISO 8601 UTC with milliseconds), or an invalid one. */
QDateTime timeOf(const QJsonValue& v)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    if (!v.isString() || !shape.match(v.toString()).hasMatch())
        return {};
    return Clock::fromStorage(v.toString());
}

} // namespace

bool isExchangeUuid(const QString& text)
{
    static const QRegularExpression shape(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return shape.match(text).hasMatch();
}

QByteArray exchangeSignedMessage(QByteArrayView headerLine, QByteArrayView payloadSha256)
{
    QByteArray m(kSignatureLabel);
    m += headerLine;
    m += '\n';
    m += payloadSha256;
    return m;
}

ExchangeFile readExchangeFile(Database& db, const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    ExchangeFile p;
    p.file = std::make_unique<QFile>(path);
    QFile& f = *p.file;
    if (!f.open(QIODevice::ReadOnly)) {
        refuse(QCoreApplication::translate("yg::Exchange",
                                           "The exchange file %1 cannot be read (%2); nothing was imported.")
                   .arg(name, f.errorString()));
    }
    // Mapped, not read: a district's full history is a few hundred megabytes.
    if (uchar* mapped = f.size() > 0 ? f.map(0, f.size()) : nullptr)
        p.bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), f.size());
    else
        p.bytes = f.readAll();

    // 1. An exchange file at all, and in this format.
    const qsizetype newline = p.bytes.indexOf('\n');
    const QByteArrayView headerLine = newline > 0 ? QByteArrayView(p.bytes).first(newline) : QByteArrayView();
    QJsonParseError error{};
    const QJsonDocument doc = newline > 0 ? QJsonDocument::fromJson(headerLine.toByteArray(), &error) : QJsonDocument();
    p.header = doc.object();
    if (newline <= 0 || error.error != QJsonParseError::NoError || !doc.isObject() ||
        p.header.value(QStringLiteral("format")).toString() != QLatin1String(ExchangeFile::kFormatName)) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 is not a YueGong exchange file (or its beginning is damaged); nothing was imported.")
                   .arg(name));
    }
    const auto format = integerOf(p.header.value(QStringLiteral("format_version")));
    if (!format) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1: its header's format version is not a whole number; nothing was imported.")
                   .arg(name));
    }
    if (*format == 1) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 was written by an earlier version of YueGong, without a signature. Pair the two databases "
                   "and export the file again with this version; nothing was imported.")
                   .arg(name));
    }
    if (*format != ExchangeFile::kFormatVersion) {
        refuse(
            QCoreApplication::translate(
                "yg::Exchange", "%1 is in exchange format %2, but this program reads format %3; nothing was imported.")
                .arg(name)
                .arg(*format)
                .arg(ExchangeFile::kFormatVersion));
    }

    // 2. What it holds, from which database, for which.
    p.kind = p.header.value(QStringLiteral("kind")).toString();
    p.source = p.header.value(QStringLiteral("source")).toString();
    const QString destination = p.header.value(QStringLiteral("destination")).toString();
    if ((p.kind != kExchangeRecords && p.kind != kExchangeReference) || !isExchangeUuid(p.source) ||
        !isExchangeUuid(destination)) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 does not say correctly what it holds, which database wrote it and for which one; nothing was "
                   "imported.")
                   .arg(name));
    }
    ExchangeStore store(db);
    const QString myId = store.existingDatabaseId();
    if (p.source == myId)
        refuse(
            QCoreApplication::translate("yg::Exchange", "%1 was written by this database itself; nothing was imported.")
                .arg(name));
    if (destination != myId) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1 is meant for another database (%2), not this one (%3); nothing was imported.")
                   .arg(name, destination,
                        myId.isEmpty() ? QCoreApplication::translate("yg::Exchange", "no id yet") : myId));
    }

    // 3. From a database this one is paired with, in that direction.
    const auto peer = store.pairing(p.source);
    if (!peer || !peer->paired()) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 comes from database %2, which this database is not paired with. Staff or an administrator "
                   "pairs the two first (File → Exchange → Pair a computer…, or yuegong-cli exchange pair), comparing "
                   "the numbers both screens show; nothing was imported.")
                   .arg(name, p.source));
    }
    if (!peer->revokedAt.isEmpty()) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 comes from database %2, whose pairing was revoked on %3: files from it are no longer "
                   "accepted; nothing was imported.")
                   .arg(name, p.source,
                        Clock::fromStorage(peer->revokedAt)
                            .toTimeZone(Clock::districtZone())
                            .date()
                            .toString(Qt::ISODate)));
    }
    if (p.kind == kExchangeRecords && peer->relation != QLatin1String("laptop")) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 is a records file from database %2, which is paired as this laptop's office: records files "
                   "come only from the laptops paired with an office; nothing was imported.")
                   .arg(name, p.source));
    }
    if (p.kind == kExchangeReference && peer->relation != QLatin1String("office")) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 is a reference file from database %2, which is paired as a laptop of this database: reference "
                   "data and accounts come only from the office a laptop is paired with; nothing was imported.")
                   .arg(name, p.source));
    }
    p.peer = *peer;

    // 4. Complete: the signature line at the end, the payload of the announced size.
    const qsizetype lastNewline = p.bytes.endsWith('\n') ? p.bytes.size() - 1 : -1;
    const qsizetype trailerStart = lastNewline > newline ? p.bytes.lastIndexOf('\n', lastNewline - 1) + 1 : -1;
    QByteArray signature;
    if (trailerStart > newline) {
        const QJsonObject trailer =
            QJsonDocument::fromJson(
                QByteArrayView(p.bytes).sliced(trailerStart, lastNewline - trailerStart).toByteArray())
                .object();
        const QByteArray encoded = trailer.value(QStringLiteral("signature")).toString().toLatin1();
        const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && trailer.size() == 1)
            signature = *decoded;
    }
    if (signature.size() != Signing::kSignatureBytes) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 is incomplete: its signature at the end is missing, probably cut off while being copied; "
                   "nothing was imported.")
                   .arg(name));
    }
    p.payloadStart = newline + 1;
    p.payloadEnd = trailerStart;
    const auto expected = integerOf(p.header.value(QStringLiteral("payload_bytes")));
    const qint64 actual = p.payloadEnd - p.payloadStart;
    if (!expected || *expected != actual) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 is incomplete or has extra bytes (%2 bytes of records instead of %3), probably cut off while "
                   "being copied; nothing was imported.")
                   .arg(name)
                   .arg(actual)
                   .arg(expected.value_or(-1)));
    }

    // 5. Undamaged, and signed by the paired database: every byte of the header and the payload.
    const QByteArray payloadSha =
        QCryptographicHash::hash(QByteArrayView(p.bytes).sliced(p.payloadStart, actual), QCryptographicHash::Sha256);
    if (QString::fromLatin1(payloadSha.toHex()) != p.header.value(QStringLiteral("payload_sha256")).toString())
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1 is damaged: its checksum does not match its content; nothing was imported.")
                   .arg(name));
    if (!Signing::verify(exchangeSignedMessage(headerLine, payloadSha), signature, p.peer.publicKey)) {
        const QByteArray claimed = QByteArray::fromBase64(p.header.value(QStringLiteral("key")).toString().toLatin1());
        if (!claimed.isEmpty() && claimed != p.peer.publicKey) {
            refuse(QCoreApplication::translate(
                       "yg::Exchange",
                       "%1 is signed with another key (fingerprint %2) than the one paired for database %3 "
                       "(fingerprint %4): it was not written by that database, or the database was replaced. If that "
                       "computer was set up again, revoke it and pair it anew; nothing was imported.")
                       .arg(name, Signing::fingerprint(claimed), p.source, Signing::fingerprint(p.peer.publicKey)));
        }
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 does not carry a valid signature of database %2: it was changed after it was written, or not "
                   "written by that database; nothing was imported.")
                   .arg(name, p.source));
    }
    p.sha256 = QString::fromLatin1(QCryptographicHash::hash(p.bytes, QCryptographicHash::Sha256).toHex());

    // 6. The header's fields, now that they are known to come from the paired database.
    const auto schema = integerOf(p.header.value(QStringLiteral("schema_version")));
    if (!schema)
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1: its header's schema version is not a whole number; nothing was imported.")
                   .arg(name));
    if (*schema != db.schemaVersion()) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1 comes from a database of version %2 but this database is version %3: bring both to the same "
                   "program version first; nothing was imported.")
                   .arg(name)
                   .arg(*schema)
                   .arg(db.schemaVersion()));
    }
    const QDateTime created = timeOf(p.header.value(QStringLiteral("created")));
    const QDateTime latest = Clock::nowUtc().addDays(ExchangeFile::kClockSkewDays);
    if (!created.isValid() || created > latest) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1: the time it was written (%2) is not a valid time, or later than this computer's clock allows; "
                   "check both computers' clocks; nothing was imported.")
                   .arg(name, p.header.value(QStringLiteral("created")).toVariant().toString()));
    }
    p.created = Clock::toStorage(created);
    const QJsonValue since = p.header.value(QStringLiteral("since"));
    if (!since.isNull() && (!timeOf(since).isValid() || timeOf(since) > created)) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange",
                   "%1: the time its changes start from (%2) is not a valid time before the file was written; "
                   "nothing was imported.")
                   .arg(name, since.toVariant().toString()));
    }
    const QJsonValue counts = p.header.value(QStringLiteral("counts"));
    if (!counts.isObject())
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1: its header does not announce how many records it holds; nothing was imported.")
                   .arg(name));
    const QJsonObject countsObject = counts.toObject();
    for (auto it = countsObject.begin(); it != countsObject.end(); ++it) {
        const auto n = integerOf(it.value());
        if (!exchangeTable(it.key()) || !n || *n < 0) {
            refuse(QCoreApplication::translate(
                       "yg::Exchange",
                       "%1: its header announces records of \"%2\" in a way this program does not understand; "
                       "nothing was imported.")
                       .arg(name, it.key()));
        }
        p.counts.insert(it.key(), *n);
    }
    const QJsonValue hashes = p.header.value(QStringLiteral("password_hashes"));
    if (!hashes.isUndefined() && !hashes.isBool()) {
        refuse(QCoreApplication::translate(
                   "yg::Exchange", "%1: its header's password_hashes is neither true nor false; nothing was imported.")
                   .arg(name));
    }
    p.passwordHashes = hashes.toBool(false);
    return p;
}

ExchangeFileWriter::ExchangeFileWriter(const QString& path) : m_path(path), m_out(path)
{
    const auto cannotWrite = [&] {
        return Error(QCoreApplication::translate("yg::Exchange", "The exchange file %1 cannot be written (%2).")
                         .arg(m_path, m_out.errorString()));
    };
    if (!m_out.open(QIODevice::WriteOnly))
        throw cannotWrite();
    if (m_out.write(QByteArray(kHeaderRoom, ' ') + '\n') != kHeaderRoom + 1)
        throw cannotWrite();
}

void ExchangeFileWriter::add(const QJsonObject& line)
{
    m_buffer += QJsonDocument(line).toJson(QJsonDocument::Compact);
    m_buffer += '\n';
    if (m_buffer.size() >= (1 << 20))
        flush();
}

void ExchangeFileWriter::flush()
{
    m_sha.addData(m_buffer);
    if (m_out.write(m_buffer) != m_buffer.size())
        throw Error(QCoreApplication::translate("yg::Exchange", "The exchange file %1 cannot be written (%2).")
                        .arg(m_path, m_out.errorString()));
    m_payloadBytes += m_buffer.size();
    m_buffer.clear();
}

qint64 ExchangeFileWriter::finish(QJsonObject header, const ExchangeStore::Identity& signer)
{
    flush();
    const QByteArray payloadSha = m_sha.result();
    header.insert(QStringLiteral("format"), QLatin1String(ExchangeFile::kFormatName));
    header.insert(QStringLiteral("format_version"), ExchangeFile::kFormatVersion);
    header.insert(QStringLiteral("payload_bytes"), m_payloadBytes);
    header.insert(QStringLiteral("payload_sha256"), QString::fromLatin1(payloadSha.toHex()));
    header.insert(QStringLiteral("key"), QString::fromLatin1(signer.publicKey.toBase64()));
    const QByteArray compact = QJsonDocument(header).toJson(QJsonDocument::Compact);
    const auto cannotWrite = [&](const QString& why) {
        return Error(QCoreApplication::translate("yg::Exchange", "The exchange file %1 cannot be written (%2).")
                         .arg(m_path, why));
    };
    if (compact.size() > kHeaderRoom)
        throw cannotWrite(
            QCoreApplication::translate("yg::Exchange", "its header of %1 bytes does not fit").arg(compact.size()));
    const QByteArray headerLine = compact.leftJustified(kHeaderRoom, ' ');
    const QByteArray signature = Signing::sign(exchangeSignedMessage(headerLine, payloadSha), signer.secretKey);
    const QByteArray trailer =
        QJsonDocument(QJsonObject{{QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}})
            .toJson(QJsonDocument::Compact) +
        '\n';
    if (m_out.write(trailer) != trailer.size())
        throw cannotWrite(m_out.errorString());
    if (!m_out.seek(0) || m_out.write(headerLine) != kHeaderRoom)
        throw cannotWrite(m_out.errorString());
    if (!m_out.commit())
        throw cannotWrite(m_out.errorString());
    return QFileInfo(m_path).size();
}

} // namespace yg
