#pragma once

#include "storage/ExchangeStore.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QSaveFile>
#include <QString>

#include <memory>

namespace yg {

class Database;

/** Kinds of exchange file. */
inline const QString kExchangeRecords = QStringLiteral("records");     ///< laptop → office
inline const QString kExchangeReference = QStringLiteral("reference"); ///< office → laptop

/**
 * An exchange file that passed every check of readExchangeFile(): signed by the paired
 * database it names, every byte as signed, its header well-formed. Only then is anything in
 * it believed.
 */
struct ExchangeFile
{
    static constexpr int kFormatVersion = 2;
    static inline const char* const kFormatName = "yuegong-exchange";
    /** How far a laptop's clock may run ahead of this one's (file times, visit and step dates). */
    static constexpr int kClockSkewDays = 1;

    std::unique_ptr<QFile> file; ///< open while `bytes` maps it
    QByteArray bytes;            ///< the whole file, mapped into memory where possible (not copied)
    QJsonObject header;
    qsizetype payloadStart = 0;
    qsizetype payloadEnd = 0;
    QString sha256; ///< of the whole file (named in the audit trail)
    QString kind;
    QString source;
    QString created; ///< as written (UTC, storage format)
    QHash<QString, qint64> counts;
    bool passwordHashes = false; ///< a reference file carries the accounts' password hashes
    ExchangeStore::Pairing peer; ///< the paired database that signed it
};

/**
 * Reads and checks a file; throws yg::Error with one sentence ending "nothing was imported"
 * if it cannot be imported. In this order: an exchange file at all; its format version; what
 * it holds, from which database to which (ids as UUIDs); from a database this one is paired
 * with, in that direction, not revoked; complete (the signature line at the end, the payload's
 * size); undamaged (the payload's SHA-256); signed with the paired key over the header and the
 * payload; then the header's fields (schema version, times, counts) are checked, and believed.
 */
ExchangeFile readExchangeFile(Database& db, const QString& path);

/**
 * Writes a file as a stream: room for the header at the start, one record per line, the
 * signature at the end; the header (with the payload's size and SHA-256) goes into its room
 * once the payload is written. Nothing is at `path` until finish() commits (QSaveFile).
 */
class ExchangeFileWriter
{
public:
    explicit ExchangeFileWriter(const QString& path);
    void add(const QJsonObject& line);
    /** Completes `header` (format, payload size and checksum, the signing key), signs, commits; returns the size. */
    qint64 finish(QJsonObject header, const ExchangeStore::Identity& signer);

private:
    void flush();
    QString m_path;
    QSaveFile m_out;
    QCryptographicHash m_sha{QCryptographicHash::Sha256};
    QByteArray m_buffer;
    qint64 m_payloadBytes = 0;
};

/** The bytes a file's signature covers: a label, the header line as written, the payload's SHA-256. */
QByteArray exchangeSignedMessage(QByteArrayView headerLine, QByteArrayView payloadSha256);

/** Whether `text` is a UUID as YueGong writes them (36 characters, lower-case hex and dashes). */
bool isExchangeUuid(const QString& text);

} // namespace yg
