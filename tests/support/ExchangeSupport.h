#pragma once

#include "domain/Entities.h"
#include "storage/ExchangeStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace yg {
class Database;
}

namespace yg::test {

/**
 * Pairs a laptop with its office as the people would: staff at the office pair the laptop,
 * naming the accounts that work on it (user names at the office), and the laptop's
 * administrator pairs the office.
 */
void pairLaptop(Database& office, const Cadre& officeStaff, Database& laptop, const Cadre& laptopAdmin,
                const QStringList& accounts);

/** A key pair of nobody's database (what a forger has of their own). */
ExchangeStore::Identity strangerKey();

/**
 * An exchange file taken apart as someone editing it by hand would: the header and each
 * record as JSON. save() writes it back with the payload's size and SHA-256 recomputed (as a
 * forger would) and either the old signature left as it was, or a new one made with a key:
 * the key of a database (what someone holding that database's file can do) or a stranger's.
 */
class ExchangeFileEditor
{
public:
    explicit ExchangeFileEditor(const QString& path);

    QJsonObject header;
    QList<QJsonObject> records;

    /** The records of one table. */
    QList<QJsonObject*> recordsOf(const QString& table);

    /** Writes the file (to `path`, or where it came from) keeping its old signature. */
    void saveKeepingSignature(const QString& path = {}) const;
    /** Writes the file signed with `key`; `recompute` false leaves payload_bytes and payload_sha256 as edited. */
    void saveSignedWith(const ExchangeStore::Identity& key, const QString& path = {}, bool recompute = true) const;

private:
    QByteArray payload() const;
    void write(const QString& path, const QByteArray& headerLine, const QByteArray& payload,
               const QByteArray& signature) const;
    QString m_path;
    QByteArray m_signatureLine;
};

/** The signing keys of a database (as someone who copied its file holds them). */
ExchangeStore::Identity keysOf(Database& db);

} // namespace yg::test
