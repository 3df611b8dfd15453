#pragma once

#include "domain/Entities.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace yg {

class Database;

/**
 * What a database tells another so that they can be paired: its exchange id and the
 * public key its files are signed with, as one line of text ("yuegong-peer:<id>:<key>") to
 * copy, and the fingerprint two people compare on the two screens.
 */
struct PeerIdentity
{
    QString databaseId;
    QByteArray publicKey;

    QString fingerprint() const;
    QString text() const;
    /** Reads the line another database shows; throws yg::Error saying what is wrong with it. */
    static PeerIdentity parse(const QString& text);
};

/** Which way files travel between this database and a paired one. */
enum class PeerRelation
{
    Laptop, ///< the peer is a laptop: it sends records here, this office sends it reference data
    Office, ///< the peer is this laptop's office: it sends reference data here, this laptop sends it records
};

/** A paired database as a person reads it. */
struct PairedPeer
{
    QString databaseId;
    PeerRelation relation = PeerRelation::Laptop;
    QString fingerprint;
    QDateTime pairedAt;
    QString pairedBy; ///< name
    QDateTime revokedAt;
    QString revokedBy;
    QStringList accounts; ///< a laptop's accounts: user names (name) its files act as
    bool active() const { return !revokedAt.isValid(); }
};

/** An account that may be named for a laptop: its user name, name and role. */
struct PairableAccount
{
    QString username;
    QString name;
    Role role = Role::Cadre;
};

/**
 * Pairing databases for the exchange (docs/exchange.md "Pairing and signatures"): staff or
 * an administrator pairs each laptop at the office, naming the accounts that work on it,
 * and each laptop with its office, after comparing both fingerprints; files from any other
 * database, or signed with any other key, are refused before anything in them is read.
 * Revoking a lost laptop is one audited action; a revoked database is never paired again.
 */
class ExchangePairing
{
public:
    /** This database's identity (its id and keys are made on first need). */
    static PeerIdentity own(Database& db);

    /**
     * Pairs `peer` (staff, administrators; audited). A laptop needs the user names of the
     * accounts that work on it (cadres, supervisors, staff), which is what its records files
     * may act as; pairing it again with the same key replaces them. Throws yg::Error with
     * the reason (nothing changed) for this database's own identity, a key other than the
     * one paired for that database, a revoked database, a second office, an office for a
     * database that has laptops, or a laptop for a database that has an office.
     */
    static PairedPeer pair(Database& db, const Cadre& actor, const PeerIdentity& peer, PeerRelation relation,
                           const QStringList& usernames = {});

    /** Revokes a paired database (staff, administrators; audited): its files are refused from now on. */
    static PairedPeer revoke(Database& db, const Cadre& actor, const QString& databaseId);

    /** Every paired database, revoked ones too (staff, administrators). */
    static QList<PairedPeer> list(Database& db, const Cadre& actor);

    /** The enabled accounts that may be named for a laptop (cadres, supervisors, staff), by name (staff, administrators). */
    static QList<PairableAccount> pairableAccounts(Database& db, const Cadre& actor);
};

} // namespace yg
