#include "exchange/Exchange.h"

#include "domain/Lifecycle.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLog.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/ReadSnapshot.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include <memory>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

void requireEnabled(Database& db, const Cadre& actor)
{
    AccountService::requireEnabled(db, actor.meta.id);
}

/** The accounts named for a reference file, checked before anything is touched. */
QList<RowId> namedAccounts(Database& db, const QStringList& usernames)
{
    QList<RowId> out;
    AccountRepository accounts(db);
    for (const QString& user : usernames) {
        const auto account = accounts.byUsername(user);
        if (!account)
            throw Error(
                QCoreApplication::translate("yg::Exchange", "There is no account %1; nothing was written.").arg(user));
        out.append(account->cadreId);
    }
    return out;
}

/**
 * The paired database a file goes to: records to this laptop's office, reference data to a
 * laptop of this office; the one named, or the one there is.
 */
ExchangeStore::Pairing destinationOf(ExchangeStore& store, const ExchangeExportOptions& o)
{
    const QString relation = o.reference ? QStringLiteral("laptop") : QStringLiteral("office");
    if (!o.to.isEmpty()) {
        const auto p = store.pairing(o.to.trimmed());
        if (!p || !p->paired() || p->relation != relation) {
            throw Error(
                (o.reference
                     ? QCoreApplication::translate(
                           "yg::Exchange", "Database %1 is not a laptop paired with this database: pair it first (File "
                                           "→ Exchange → Pair a computer…, or yuegong-cli exchange pair); nothing was "
                                           "written.")
                     : QCoreApplication::translate(
                           "yg::Exchange", "Records go only to the office this database is paired with, and %1 is not "
                                           "it; nothing was written."))
                    .arg(o.to));
        }
        if (!p->revokedAt.isEmpty())
            throw Error(QCoreApplication::translate("yg::Exchange",
                                                    "The pairing with database %1 was revoked; nothing was written.")
                            .arg(o.to));
        return *p;
    }
    QList<ExchangeStore::Pairing> candidates;
    for (const ExchangeStore::Pairing& p : store.pairings()) {
        if (p.active() && p.relation == relation)
            candidates.append(p);
    }
    if (candidates.size() == 1)
        return candidates.first();
    if (!candidates.isEmpty()) {
        throw Error(QCoreApplication::translate(
                        "yg::Exchange",
                        "This database is paired with %1 laptops: name the one the file is for (its id); nothing was "
                        "written.")
                        .arg(candidates.size()));
    }
    throw Error(o.reference
                    ? QCoreApplication::translate(
                          "yg::Exchange",
                          "This database has no paired laptop to write reference data for: pair the laptop "
                          "first (File → Exchange → Pair a computer…, or yuegong-cli exchange pair); nothing was "
                          "written.")
                    : QCoreApplication::translate(
                          "yg::Exchange",
                          "This database is not paired with an office: staff or an administrator pairs it "
                          "first (File → Exchange → Pair a computer…, or yuegong-cli exchange pair); nothing "
                          "was written."));
}

} // namespace

QString ExchangeExportResult::summary() const
{
    QStringList parts;
    for (const auto& [table, n] : counts) {
        if (n > 0)
            parts.append(QStringLiteral("%1 %2").arg(table).arg(n));
    }
    if (parts.isEmpty())
        parts.append(QCoreApplication::translate("yg::Exchange", "no changes"));
    return QCoreApplication::translate("yg::Exchange", "%1 records (%2), %3 bytes")
        .arg(total)
        .arg(parts.join(QStringLiteral(", ")))
        .arg(bytes);
}

qint64 ExchangeImportResult::conflicts() const
{
    qint64 n = 0;
    for (const auto& c : counts)
        n += c.second.conflicts;
    return n;
}

QStringList ExchangeImportResult::summary() const
{
    QStringList lines;
    for (const auto& [table, c] : counts) {
        lines.append(QCoreApplication::translate("yg::Exchange", "%1: %2 new, %3 updated, %4 unchanged, %5 conflicts")
                         .arg(table)
                         .arg(c.inserted)
                         .arg(c.updated)
                         .arg(c.unchanged)
                         .arg(c.conflicts));
    }
    if (lines.isEmpty())
        lines.append(QCoreApplication::translate("yg::Exchange", "The file holds no records."));
    if (merged > 0) {
        lines.append(QCoreApplication::translate("yg::Exchange", "enterprises registered on both sides, merged into "
                                                                 "the one here (by credit code): %1")
                         .arg(merged));
    }
    if (meetingsNotHere > 0) {
        lines.append(QCoreApplication::translate("yg::Exchange", "steps attributed to a monthly meeting that is not in "
                                                                 "this database (kept without the meeting): %1")
                         .arg(meetingsNotHere));
    }
    if (renumbered > 0) {
        lines.append(
            QCoreApplication::translate("yg::Exchange", "issues given a new number (theirs was taken here): %1")
                .arg(renumbered));
    }
    return lines;
}

QJsonObject Exchange::readableFields(Database& db, const QString& table, const QJsonObject& fields)
{
    const ExchangeTable* t = exchangeTable(table);
    if (!t)
        return fields;
    ExchangeStore store(db);
    QJsonObject out = fields;
    for (const ExchangeColumn& c : t->columns) {
        if (c.refTable.isEmpty() || !fields.value(c.name).isString())
            continue;
        const QString label = store.labelOf(c.refTable, fields.value(c.name).toString());
        if (!label.isEmpty())
            out.insert(c.name, label);
    }
    for (const ExchangeChildList& ch : t->children) {
        QStringList names;
        for (const QJsonValue& v : fields.value(ch.field).toArray()) {
            const QString label = store.labelOf(ch.refTable, v.toString());
            names.append(label.isEmpty() ? v.toString() : label);
        }
        out.insert(ch.field, names.join(QStringLiteral("、")));
    }
    // A password hash is never shown; a short fingerprint tells whether the two sides differ.
    if (out.value(QStringLiteral("password_hash")).isString()) {
        const QByteArray print =
            QCryptographicHash::hash(out.value(QStringLiteral("password_hash")).toString().toUtf8(),
                                     QCryptographicHash::Sha256)
                .toHex()
                .left(6);
        out.insert(QStringLiteral("password_hash"), QStringLiteral("•••••• %1").arg(QString::fromLatin1(print)));
    }
    return out;
}

QString Exchange::databaseId(Database& db)
{
    return ExchangeStore(db).databaseId();
}

ExchangeExportResult Exchange::exportFile(Database& db, const Cadre& actor, const QString& path,
                                          const ExchangeExportOptions& options)
{
    requireEnabled(db, actor);
    if (options.reference)
        Permissions::require(actor, Capability::ImportData);
    const QList<RowId> namedCadres = options.reference ? namedAccounts(db, options.cadres) : QList<RowId>();
    ExchangeStore store(db);
    const ExchangeStore::Pairing to = destinationOf(store, options);
    const ExchangeStore::Identity me = store.identity();
    ExchangeExportResult r;
    r.sourceId = me.databaseId;
    r.kind = options.reference ? kExchangeReference : kExchangeRecords;
    r.destinationId = to.peerUuid;
    if (!options.all)
        r.since = store.lastSentAt(to.peerId);
    r.passwordHashes = options.reference &&
                       CalendarRepository(db).textSetting(QLatin1String(kPasswordHashesSetting)) == QLatin1String("1");
    // A records file holds what its writer may read; staff and administrators read everything.
    const bool scoped = !options.reference && !Permissions::can(actor.role, Capability::ReadAllRecords);
    const QString asOf = Clock::toStorage(Clock::nowUtc());
    const int set = options.reference ? ExchangeReference : ExchangeRecords;

    ExchangeFileWriter writer(path);
    QJsonObject counts;
    {
        ReadSnapshot snapshot(db.connection());
        for (const ExchangeTable& t : exchangeTables()) {
            if (!(t.sets & set))
                continue;
            // A reference file carries only the issues (with their steps and visits) that the
            // receiving laptop should hold.
            QString scope;
            if (options.reference) {
                scope = ExchangeStore::referenceScope(t, r.since, namedCadres);
            } else if (scoped) {
                scope = ExchangeStore::recordsScope(t, r.since, actor.meta.id);
                const QString outside = ExchangeStore::recordsScope(t, r.since, actor.meta.id, true);
                if (outside != QLatin1String("0"))
                    r.leftOut += store.countWhere(t, outside, r.since);
            }
            qint64 n = 0;
            store.forEachRecord(t, r.since, scope, to.peerId, [&](const ExchangeRecord& rec) {
                QJsonObject fields = rec.fields;
                if (t.name == QLatin1String("cadres") && !r.passwordHashes)
                    fields.insert(QStringLiteral("password_hash"), QJsonValue(QJsonValue::Null));
                QJsonObject line{
                    {QStringLiteral("t"), t.name}, {QStringLiteral("k"), rec.key}, {QStringLiteral("f"), fields}};
                // What this database last agreed with the receiver: lets the receiver tell a change
                // made on top of its own content from a change made on both sides.
                if (const auto base = store.agreedHash(to.peerId, t.name, rec.key)) {
                    // The receiver has this very content already (it came from there, or was
                    // agreed on): nothing to send, unless everything was asked for.
                    if (!options.all && *base == exchangeContentHash(t, fields))
                        return;
                    line.insert(QStringLiteral("b"), *base);
                }
                writer.add(line);
                ++n;
            });
            counts.insert(t.name, n);
            r.counts.append({t.name, n});
            r.total += n;
        }
    }
    QJsonObject header{
        {QStringLiteral("schema_version"), db.schemaVersion()},
        {QStringLiteral("source"), r.sourceId},
        {QStringLiteral("destination"), r.destinationId},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("created"), asOf},
        {QStringLiteral("since"), r.since.isEmpty() ? QJsonValue() : QJsonValue(r.since)},
        {QStringLiteral("counts"), counts},
    };
    if (options.reference)
        header.insert(QStringLiteral("password_hashes"), r.passwordHashes);
    r.bytes = writer.finish(header, me);

    // Only a file that exists moves the mark: the next export to that database starts here —
    // unless records its writer may not read were left out (whoever may read them sends them).
    WriteTransaction tx(db.connection());
    if (r.leftOut == 0)
        store.setLastSent(to.peerId, asOf);
    store.addPeerCadres(to.peerId, namedCadres); // their issues go to that laptop from now on
    tx.commit();
    spdlog::info("exchange export: {} records, {} bytes, kind {}, {} left out", r.total, r.bytes, r.kind.toStdString(),
                 r.leftOut);
    return r;
}

QList<ExchangeConflict> Exchange::conflicts(Database& db, const Cadre& actor, bool openOnly)
{
    requireEnabled(db, actor);
    // Conflicts over cadres' records are the office's to decide (and may be outside what
    // this person may read); those of a reference file (accounts, settings) an administrator's.
    ExchangeStore store(db);
    QList<ExchangeConflict> list = store.conflicts(openOnly);
    list.removeIf([&](const ExchangeConflict& c) {
        return !Permissions::can(actor.role, c.fileKind == kExchangeReference ? Capability::DecideReference
                                                                              : Capability::ImportData);
    });
    for (ExchangeConflict& c : list) {
        const ExchangeTable* t = exchangeTable(c.table);
        c.registeredTwice = t && !t->naturalKey.isEmpty() && store.hasAlias(c.table, c.key);
    }
    return list;
}

void Exchange::resolve(Database& db, const Cadre& actor, RowId conflictId, bool keepTheirs)
{
    requireEnabled(db, actor);
    if (!Permissions::can(actor.role, Capability::DecideReference))
        Permissions::require(actor, Capability::ImportData); // no conflict at all is this person's
    ExchangeStore store(db);
    WriteTransaction tx(db.connection());
    const auto c = store.conflict(conflictId);
    if (!c)
        throw Error(QCoreApplication::translate("yg::Exchange", "There is no exchange conflict %1.").arg(conflictId));
    Permissions::require(actor,
                         c->fileKind == kExchangeReference ? Capability::DecideReference : Capability::ImportData);
    if (!c->decision.isEmpty()) {
        throw Error(QCoreApplication::translate("yg::Exchange", "Conflict %1 was already decided (%2); nothing was "
                                                                "changed.")
                        .arg(conflictId)
                        .arg(c->decision));
    }
    const ExchangeTable* table = exchangeTable(c->table);
    if (!table)
        throw Error(QCoreApplication::translate("yg::Exchange", "Conflict %1 is about an unknown table %2.")
                        .arg(conflictId)
                        .arg(c->table));
    const auto local = store.record(*table, c->key);
    if (!local || exchangeContentHash(*table, local->fields) != c->mineHash) {
        throw Error(QCoreApplication::translate("yg::Exchange", "Conflict %1: the record was changed here after the "
                                                                "conflict was found; import the file again to compare "
                                                                "anew. Nothing was changed.")
                        .arg(conflictId));
    }
    const ExchangeRecord theirs{c->table, c->key, c->theirs};
    if (keepTheirs) {
        store.write(
            *table, theirs, false, actor.meta.id, [&](RowId, const ExchangeColumn& column, const QString& uuid) {
                throw Error(QCoreApplication::translate("yg::Exchange",
                                                        "%1 %2: %3 refers to %4 %5, which is neither in this database "
                                                        "nor in the file.")
                                .arg(table->name, c->key, column.name, column.refTable, uuid));
            });
        if (table->name == QLatin1String("calendar_days"))
            CalendarRepository(db).rebuildIndex(); // the days were written by the exchange, not the repository
    } else {
        store.touch(*table, c->key); // so that the next export sends our version back
    }
    const auto peer = store.existingPeerId(c->peerUuid);
    if (peer)
        store.setAgreedHash(*peer, c->table, c->key, c->theirsHash);
    const QString decision = keepTheirs ? QStringLiteral("theirs") : QStringLiteral("mine");
    store.decideConflict(conflictId, decision, actor.meta.id);
    AuditLog(db).append(
        actor.meta.id, c->table, table->hasIntegerId ? store.idOf(c->table, c->key) : std::nullopt,
        table->key == QLatin1String("uuid") ? c->key : QString(), QStringLiteral("update"),
        QJsonObject{{QStringLiteral("exchange_conflict"),
                     QJsonArray{QJsonValue(), QStringLiteral("%1: %2").arg(conflictId).arg(decision)}}});
    tx.commit();
    spdlog::info("exchange conflict {} decided ({}) by user {}", conflictId, decision.toStdString(), actor.meta.id);
}

} // namespace yg
