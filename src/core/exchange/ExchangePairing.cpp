#include "exchange/ExchangePairing.h"

#include "exchange/ExchangeFile.h"
#include "security/Signing.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLog.h"
#include "storage/CadreRepository.h"
#include "storage/Database.h"
#include "storage/ExchangeStore.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

const QString kPrefix = QStringLiteral("yuegong-peer:");

QString relationKey(PeerRelation r)
{
    return r == PeerRelation::Laptop ? QStringLiteral("laptop") : QStringLiteral("office");
}

QString nameOf(Database& db, std::optional<RowId> id)
{
    if (!id)
        return {};
    const auto c = CadreRepository(db).cadre(*id);
    return c ? c->name : QString::number(*id);
}

/** "name (user)" of each account a laptop's files act as. */
QStringList accountsOf(Database& db, const QList<RowId>& ids)
{
    QStringList out;
    AccountRepository accounts(db);
    for (const RowId id : ids) {
        const auto account = accounts.byCadre(id);
        const QString name = nameOf(db, id);
        out.append(account && !account->username.isEmpty() ? QStringLiteral("%1 (%2)").arg(name, account->username)
                                                           : name);
    }
    return out;
}

PairedPeer readable(Database& db, const ExchangeStore::Pairing& p)
{
    PairedPeer out;
    out.databaseId = p.peerUuid;
    out.relation = p.relation == QLatin1String("office") ? PeerRelation::Office : PeerRelation::Laptop;
    out.fingerprint = Signing::fingerprint(p.publicKey);
    out.pairedAt = Clock::fromStorage(p.pairedAt);
    out.pairedBy = nameOf(db, p.pairedBy);
    if (!p.revokedAt.isEmpty())
        out.revokedAt = Clock::fromStorage(p.revokedAt);
    out.revokedBy = nameOf(db, p.revokedBy);
    if (out.relation == PeerRelation::Laptop)
        out.accounts = accountsOf(db, ExchangeStore(db).peerCadres(p.peerId));
    return out;
}

void requirePairing(Database& db, const Cadre& actor)
{
    AccountService::requireEnabled(db, actor.meta.id);
    Permissions::require(actor, Capability::PairDatabases);
}

} // namespace

QString PeerIdentity::fingerprint() const
{
    return Signing::fingerprint(publicKey);
}

QString PeerIdentity::text() const
{
    return kPrefix + databaseId + QLatin1Char(':') +
           QString::fromLatin1(publicKey.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

PeerIdentity PeerIdentity::parse(const QString& text)
{
    const QString t = text.trimmed();
    const QStringList parts = t.mid(kPrefix.size()).split(QLatin1Char(':'));
    PeerIdentity p;
    if (t.startsWith(kPrefix) && parts.size() == 2) {
        p.databaseId = parts[0];
        const auto key = QByteArray::fromBase64Encoding(parts[1].toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (key)
            p.publicKey = *key;
    }
    if (!isExchangeUuid(p.databaseId) || p.publicKey.size() != Signing::kPublicKeyBytes) {
        throw Error(QCoreApplication::translate(
                        "yg::ExchangePairing",
                        "“%1” is not the identity of a YueGong database: copy the whole line the other computer shows "
                        "(it begins with %2).")
                        .arg(t.left(60), kPrefix));
    }
    return p;
}

PeerIdentity ExchangePairing::own(Database& db)
{
    const ExchangeStore::Identity id = ExchangeStore(db).identity();
    return {id.databaseId, id.publicKey};
}

PairedPeer ExchangePairing::pair(Database& db, const Cadre& actor, const PeerIdentity& peer, PeerRelation relation,
                                 const QStringList& usernames)
{
    requirePairing(db, actor);
    ExchangeStore store(db);
    const ExchangeStore::Identity me = store.identity();
    if (peer.databaseId == me.databaseId || peer.publicKey == me.publicKey)
        throw Error(QCoreApplication::translate(
            "yg::ExchangePairing",
            "That is this database's own identity; pair it with the other computer's. Nothing was changed."));

    // The accounts a laptop's files act as: named, existing, enabled, and able to record case work.
    QList<RowId> accounts;
    if (relation == PeerRelation::Laptop) {
        if (usernames.isEmpty()) {
            throw Error(QCoreApplication::translate(
                "yg::ExchangePairing",
                "Name the accounts that work on that laptop (user names): a file from it may do what they "
                "may. Nothing was changed."));
        }
        AccountRepository repo(db);
        CadreRepository cadres(db);
        for (const QString& user : usernames) {
            const auto account = repo.byUsername(user);
            const auto cadre = account ? cadres.cadre(account->cadreId) : std::nullopt;
            if (!cadre)
                throw Error(
                    QCoreApplication::translate("yg::ExchangePairing", "There is no account %1; nothing was changed.")
                        .arg(user));
            if (account->disabled)
                throw Error(QCoreApplication::translate("yg::ExchangePairing",
                                                        "The account %1 is disabled; nothing was changed.")
                                .arg(user));
            if (cadre->role == Role::Admin) {
                throw Error(QCoreApplication::translate(
                                "yg::ExchangePairing",
                                "%1 is an administrator, who does not record case work; name the accounts of the "
                                "people who use that laptop. Nothing was changed.")
                                .arg(user));
            }
            if (!accounts.contains(cadre->meta.id))
                accounts.append(cadre->meta.id);
        }
        std::sort(accounts.begin(), accounts.end());
    } else if (!usernames.isEmpty()) {
        throw Error(QCoreApplication::translate(
            "yg::ExchangePairing", "Accounts are named for a laptop, not for the office; nothing was changed."));
    }

    const QList<ExchangeStore::Pairing> all = store.pairings();
    for (const ExchangeStore::Pairing& p : all) {
        if (!p.active() || p.peerUuid == peer.databaseId)
            continue;
        if (relation == PeerRelation::Office && p.relation == QLatin1String("office")) {
            throw Error(QCoreApplication::translate(
                            "yg::ExchangePairing",
                            "This database is already paired with an office (%1); revoke that pairing first. Nothing "
                            "was changed.")
                            .arg(p.peerUuid));
        }
        if (relation == PeerRelation::Office && p.relation == QLatin1String("laptop")) {
            throw Error(QCoreApplication::translate(
                "yg::ExchangePairing",
                "This database is the office of paired laptops: it takes no reference data or accounts from "
                "another database. Nothing was changed."));
        }
        if (relation == PeerRelation::Laptop && p.relation == QLatin1String("office")) {
            throw Error(QCoreApplication::translate(
                            "yg::ExchangePairing",
                            "This database is a laptop paired with an office (%1): laptops are paired with the office, "
                            "not with each other. Nothing was changed.")
                            .arg(p.peerUuid));
        }
    }

    const auto existing = store.pairing(peer.databaseId);
    if (existing && !existing->revokedAt.isEmpty()) {
        throw Error(QCoreApplication::translate(
                        "yg::ExchangePairing",
                        "Database %1 was revoked on %2 and is never paired again: a computer set up anew has a new "
                        "database and a new id. Nothing was changed.")
                        .arg(peer.databaseId, Clock::fromStorage(existing->revokedAt)
                                                  .toTimeZone(Clock::districtZone())
                                                  .date()
                                                  .toString(Qt::ISODate)));
    }
    if (existing && existing->paired() && existing->publicKey != peer.publicKey) {
        throw Error(QCoreApplication::translate(
                        "yg::ExchangePairing",
                        "Database %1 is paired with another key (fingerprint %2), not %3: if that computer was set up "
                        "again, revoke it and pair the new database. Nothing was changed.")
                        .arg(peer.databaseId, Signing::fingerprint(existing->publicKey), peer.fingerprint()));
    }
    if (existing && existing->paired() && existing->relation != relationKey(relation)) {
        throw Error(QCoreApplication::translate(
                        "yg::ExchangePairing",
                        "Database %1 is paired as %2 already; revoke it first to pair it the other way. Nothing was "
                        "changed.")
                        .arg(peer.databaseId, existing->relation));
    }

    WriteTransaction tx(db.connection());
    const RowId peerId = store.peerId(peer.databaseId);
    const QList<RowId> before = store.peerCadres(peerId);
    store.setPairing(peerId, relationKey(relation), peer.publicKey, actor.meta.id);
    if (relation == PeerRelation::Laptop)
        store.setPeerCadres(peerId, accounts);
    QJsonObject changes{
        {QStringLiteral("relation"),
         QJsonArray{existing && existing->paired() ? QJsonValue(existing->relation) : QJsonValue(),
                    relationKey(relation)}},
        {QStringLiteral("fingerprint"),
         QJsonArray{existing && existing->paired() ? QJsonValue(Signing::fingerprint(existing->publicKey))
                                                   : QJsonValue(),
                    peer.fingerprint()}}};
    if (relation == PeerRelation::Laptop) {
        changes.insert(
            QStringLiteral("accounts"),
            QJsonArray{before.isEmpty() ? QJsonValue() : QJsonValue(accountsOf(db, before).join(QStringLiteral("、"))),
                       accountsOf(db, accounts).join(QStringLiteral("、"))});
    }
    AuditLog(db).append(actor.meta.id, QStringLiteral("exchange_peers"), peerId, peer.databaseId,
                        existing && existing->paired() ? QStringLiteral("update") : QStringLiteral("create"), changes);
    tx.commit();
    spdlog::info("exchange: database paired as {} by user {}", relationKey(relation).toStdString(), actor.meta.id);
    return readable(db, *store.pairing(peer.databaseId));
}

PairedPeer ExchangePairing::revoke(Database& db, const Cadre& actor, const QString& databaseId)
{
    requirePairing(db, actor);
    ExchangeStore store(db);
    const auto p = store.pairing(databaseId.trimmed());
    if (!p || !p->paired())
        throw Error(QCoreApplication::translate("yg::ExchangePairing",
                                                "This database is not paired with %1; nothing was changed.")
                        .arg(databaseId));
    if (!p->revokedAt.isEmpty())
        throw Error(
            QCoreApplication::translate("yg::ExchangePairing", "Database %1 was revoked already; nothing was changed.")
                .arg(databaseId));
    WriteTransaction tx(db.connection());
    store.revoke(p->peerId, actor.meta.id);
    AuditLog(db).append(
        actor.meta.id, QStringLiteral("exchange_peers"), p->peerId, p->peerUuid, QStringLiteral("update"),
        QJsonObject{{QStringLiteral("revoked_at"), QJsonArray{QJsonValue(), Clock::toStorage(Clock::nowUtc())}}});
    tx.commit();
    spdlog::info("exchange: pairing revoked by user {}", actor.meta.id);
    return readable(db, *store.pairing(p->peerUuid));
}

QList<PairedPeer> ExchangePairing::list(Database& db, const Cadre& actor)
{
    requirePairing(db, actor);
    QList<PairedPeer> out;
    for (const ExchangeStore::Pairing& p : ExchangeStore(db).pairings()) {
        if (p.paired())
            out.append(readable(db, p));
    }
    return out;
}

QList<PairableAccount> ExchangePairing::pairableAccounts(Database& db, const Cadre& actor)
{
    requirePairing(db, actor);
    QList<PairableAccount> out;
    for (const auto& [username, name, role] : ExchangeStore(db).accountsForLaptops())
        out.append({username, name, fromKey<Role>(role).value_or(Role::Cadre)});
    return out;
}

} // namespace yg
