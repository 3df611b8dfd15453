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

const QString kRecords = QStringLiteral("records");
const QString kReference = QStringLiteral("reference");

QString fileName(const QString& path)
{
    return QFileInfo(path).fileName();
}

/**
 * Room for the header at the start of a file: the payload is streamed after it, and the
 * header (which carries the payload's size and checksum) is written into it at the end,
 * padded with spaces (JSON allows them after the object).
 */
constexpr qsizetype kHeaderRoom = 4096;

/** Files with at least this many indexed records (and as many as the database has) are indexed at the end. */
constexpr qint64 kDeferIndexingFrom = 2000;

/** The header and payload of a checked file. */
struct ParsedFile
{
    std::unique_ptr<QFile> file; ///< open while `bytes` maps it
    QJsonObject header;
    QByteArray bytes; ///< the whole file, mapped into memory where possible (not copied)
    qsizetype payloadStart = 0;
    QString sha256;
};

/** Reads and checks a file; throws yg::Error with one sentence if it cannot be imported. */
ParsedFile readFile(Database& db, const QString& path, const QString& myId)
{
    const QString name = fileName(path);
    ParsedFile p;
    p.file = std::make_unique<QFile>(path);
    QFile& f = *p.file;
    if (!f.open(QIODevice::ReadOnly)) {
        throw Error(QCoreApplication::translate("yg::Exchange", "The exchange file %1 cannot be read (%2); nothing was "
                                                                "imported.")
                        .arg(name, f.errorString()));
    }
    // Mapped, not read: a district's full history is a few hundred megabytes.
    if (uchar* mapped = f.size() > 0 ? f.map(0, f.size()) : nullptr)
        p.bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), f.size());
    else
        p.bytes = f.readAll();
    const qsizetype newline = p.bytes.indexOf('\n');
    QJsonParseError error{};
    const QJsonDocument doc = newline > 0 ? QJsonDocument::fromJson(p.bytes.left(newline), &error) : QJsonDocument();
    p.header = doc.object();
    if (newline <= 0 || error.error != QJsonParseError::NoError || !doc.isObject() ||
        p.header.value(QStringLiteral("format")).toString() != QLatin1String(Exchange::kFormatName)) {
        throw Error(QCoreApplication::translate(
                        "yg::Exchange", "%1 is not a YueGong exchange file (or its beginning is damaged); nothing was "
                                        "imported.")
                        .arg(name));
    }
    const int format = p.header.value(QStringLiteral("format_version")).toInt();
    if (format != Exchange::kFormatVersion) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 is in exchange format %2, but this program reads "
                                                                "format %3; nothing was imported.")
                        .arg(name)
                        .arg(format)
                        .arg(Exchange::kFormatVersion));
    }
    const int schema = p.header.value(QStringLiteral("schema_version")).toInt();
    if (schema != db.schemaVersion()) {
        throw Error(QCoreApplication::translate("yg::Exchange",
                                                "%1 comes from a database of version %2 but this database is version "
                                                "%3: bring both to the same program version first; nothing was "
                                                "imported.")
                        .arg(name)
                        .arg(schema)
                        .arg(db.schemaVersion()));
    }
    p.payloadStart = newline + 1;
    const qint64 expected = p.header.value(QStringLiteral("payload_bytes")).toInteger(-1);
    const qint64 actual = p.bytes.size() - p.payloadStart;
    if (expected != actual) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 is incomplete or has extra bytes (%2 bytes of "
                                                                "records instead of %3), probably cut off while being "
                                                                "copied; nothing was imported.")
                        .arg(name)
                        .arg(actual)
                        .arg(expected));
    }
    const QByteArray hash =
        QCryptographicHash::hash(QByteArrayView(p.bytes).sliced(p.payloadStart), QCryptographicHash::Sha256).toHex();
    if (QString::fromLatin1(hash) != p.header.value(QStringLiteral("payload_sha256")).toString()) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 is damaged: its checksum does not match its "
                                                                "content; nothing was imported.")
                        .arg(name));
    }
    p.sha256 = QString::fromLatin1(QCryptographicHash::hash(p.bytes, QCryptographicHash::Sha256).toHex());
    const QString source = p.header.value(QStringLiteral("source")).toString();
    const QString destination = p.header.value(QStringLiteral("destination")).toString();
    const QString kind = p.header.value(QStringLiteral("kind")).toString();
    if (source.isEmpty() || (kind != kRecords && kind != kReference)) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 does not say where it comes from or what it holds; "
                                                                "nothing was imported.")
                        .arg(name));
    }
    if (source == myId) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 was written by this database itself; nothing was "
                                                                "imported.")
                        .arg(name));
    }
    if (!destination.isEmpty() && destination != myId) {
        throw Error(QCoreApplication::translate("yg::Exchange", "%1 is meant for another database (%2), not this one "
                                                                "(%3); nothing was imported.")
                        .arg(name, destination, myId));
    }
    return p;
}

void requireEnabled(Database& db, const Cadre& actor)
{
    AccountService::requireEnabled(db, actor.meta.id);
}

/**
 * One order of an issue's steps from this side's and the other side's (each kept in its own
 * order), the same whichever side computes it: at each point the next step of either side
 * that continues from the stage reached so far, the earlier recorded one (the uuid breaking a
 * tie) if both do. So an office's close followed by its reopen goes before a laptop's step
 * taken while the issue was still open; a step that fits nowhere stays where its time puts it
 * and the stage check after the merge refuses the file.
 */
QList<RowId> mergeSteps(const QList<ExchangeStore::EventOrder>& mine, const QList<ExchangeStore::EventOrder>& theirs)
{
    const QString note = toKey(LifecycleAction::Note);
    QString stage;
    const auto fits = [&](const ExchangeStore::EventOrder& e) {
        return stage.isEmpty() || e.action == note || e.fromStage.isEmpty() || e.fromStage == stage;
    };
    QList<RowId> out;
    qsizetype a = 0, b = 0;
    while (a < mine.size() || b < theirs.size()) {
        bool takeMine = b >= theirs.size();
        if (a < mine.size() && b < theirs.size()) {
            const bool mineFits = fits(mine[a]), theirsFits = fits(theirs[b]);
            takeMine = mineFits != theirsFits ? mineFits
                                              : std::make_pair(mine[a].occurredAt, mine[a].uuid) <
                                                    std::make_pair(theirs[b].occurredAt, theirs[b].uuid);
        }
        const ExchangeStore::EventOrder& e = takeMine ? mine[a++] : theirs[b++];
        if (e.action != note || stage.isEmpty())
            stage = e.toStage;
        out.append(e.id);
    }
    return out;
}

QVariant dateOrNull(const QDate& d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
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
    // Names checked before anything is touched (the database's own id is made on first need).
    QList<RowId> namedCadres;
    if (options.reference) {
        AccountRepository accounts(db);
        for (const QString& user : options.cadres) {
            const auto account = accounts.byUsername(user);
            if (!account) {
                throw Error(QCoreApplication::translate("yg::Exchange", "There is no account %1; nothing was written.")
                                .arg(user));
            }
            namedCadres.append(account->cadreId);
        }
    }
    ExchangeStore store(db);
    ExchangeExportResult r;
    r.sourceId = store.databaseId();
    r.kind = options.reference ? kReference : kRecords;
    r.destinationId = options.to;
    if (r.destinationId.isEmpty()) {
        const QStringList peers = store.peers();
        if (peers.size() == 1)
            r.destinationId = peers.first();
    }
    if (r.destinationId == r.sourceId)
        throw Error(QCoreApplication::translate("yg::Exchange", "An exchange file cannot be meant for the database "
                                                                "that writes it; nothing was written."));
    std::optional<RowId> peer;
    if (!r.destinationId.isEmpty())
        peer = store.existingPeerId(r.destinationId);
    if (peer && !options.all)
        r.since = store.lastSentAt(*peer);
    const QString asOf = Clock::toStorage(Clock::nowUtc());

    const int set = options.reference ? ExchangeReference : ExchangeRecords;
    const auto cannotWrite = [&](const QString& why) {
        return Error(
            QCoreApplication::translate("yg::Exchange", "The exchange file %1 cannot be written (%2).").arg(path, why));
    };
    // The payload is streamed to the file (never held whole); the header goes into the room
    // left for it at the start once its size and checksum are known. Until commit() the
    // file is not there at all.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        throw cannotWrite(out.errorString());
    if (out.write(QByteArray(kHeaderRoom, ' ') + '\n') != kHeaderRoom + 1)
        throw cannotWrite(out.errorString());
    QCryptographicHash sha(QCryptographicHash::Sha256);
    qint64 payloadBytes = 0;
    QByteArray payload; // one buffer's worth
    const auto flush = [&] {
        sha.addData(payload);
        if (out.write(payload) != payload.size())
            throw cannotWrite(out.errorString());
        payloadBytes += payload.size();
        payload.clear();
    };
    QJsonObject counts;
    {
        ReadSnapshot snapshot(db.connection());
        for (const ExchangeTable& t : exchangeTables()) {
            if (!(t.sets & set))
                continue;
            qint64 n = 0;
            // A reference file carries only the issues (with their steps and visits) that the
            // receiving laptop should hold.
            const QString scope =
                options.reference ? ExchangeStore::referenceScope(t, r.since, namedCadres) : QString();
            store.forEachRecord(t, r.since, scope, peer, [&](const ExchangeRecord& rec) {
                QJsonObject line{
                    {QStringLiteral("t"), t.name}, {QStringLiteral("k"), rec.key}, {QStringLiteral("f"), rec.fields}};
                // What this database last agreed with the receiver: lets the receiver tell a change
                // made on top of its own content from a change made on both sides.
                if (peer) {
                    if (const auto base = store.agreedHash(*peer, t.name, rec.key)) {
                        // The receiver has this very content already (it came from there, or was
                        // agreed on): nothing to send, unless everything was asked for.
                        if (!options.all && *base == exchangeContentHash(t, rec.fields))
                            return;
                        line.insert(QStringLiteral("b"), *base);
                    }
                }
                payload += QJsonDocument(line).toJson(QJsonDocument::Compact);
                payload += '\n';
                if (payload.size() >= (1 << 20))
                    flush();
                ++n;
            });
            counts.insert(t.name, n);
            r.counts.append({t.name, n});
            r.total += n;
        }
    }

    flush();

    QJsonObject header{
        {QStringLiteral("format"), QLatin1String(kFormatName)},
        {QStringLiteral("format_version"), kFormatVersion},
        {QStringLiteral("schema_version"), db.schemaVersion()},
        {QStringLiteral("source"), r.sourceId},
        {QStringLiteral("destination"), r.destinationId.isEmpty() ? QJsonValue() : QJsonValue(r.destinationId)},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("created"), asOf},
        {QStringLiteral("since"), r.since.isEmpty() ? QJsonValue() : QJsonValue(r.since)},
        {QStringLiteral("counts"), counts},
        {QStringLiteral("payload_bytes"), payloadBytes},
        {QStringLiteral("payload_sha256"), QString::fromLatin1(sha.result().toHex())},
    };
    const QByteArray headerLine = QJsonDocument(header).toJson(QJsonDocument::Compact);
    if (headerLine.size() > kHeaderRoom)
        throw cannotWrite(
            QCoreApplication::translate("yg::Exchange", "its header of %1 bytes does not fit").arg(headerLine.size()));
    if (!out.seek(0) || out.write(headerLine.leftJustified(kHeaderRoom, ' ')) != kHeaderRoom)
        throw cannotWrite(out.errorString());
    if (!out.commit())
        throw cannotWrite(out.errorString());
    r.bytes = QFileInfo(path).size();

    // Only a file that exists moves the mark: the next export to that database starts here.
    if (!r.destinationId.isEmpty()) {
        WriteTransaction tx(db.connection());
        const RowId to = store.peerId(r.destinationId);
        store.setLastSent(to, asOf);
        store.addPeerCadres(to, namedCadres); // their issues go to that laptop from now on
        tx.commit();
    }
    spdlog::info("exchange export: {} records, {} bytes, kind {}", r.total, r.bytes, r.kind.toStdString());
    return r;
}

ExchangeImportResult Exchange::importFile(Database& db, const Cadre& actor, const QString& path, bool dryRun)
{
    requireEnabled(db, actor);
    ExchangeStore store(db);
    ExchangeImportResult result;
    result.dryRun = dryRun;
    const QString myId = store.existingDatabaseId();
    const ParsedFile file = readFile(db, path, myId);
    result.sourceId = file.header.value(QStringLiteral("source")).toString();
    result.kind = file.header.value(QStringLiteral("kind")).toString();
    if (result.kind == kRecords)
        Permissions::require(actor, Capability::ImportData);
    const int allowed = result.kind == kReference ? ExchangeReference : ExchangeRecords;

    QHash<QString, ExchangeTableCounts> counts;
    QSet<RowId> touchedIssues;
    bool calendarChanged = false;
    struct Deferred
    {
        const ExchangeTable* table;
        RowId localId;
        QString column;
        QString refTable;
        QString uuid;
        QString key;
    };
    QList<Deferred> deferred;
    QJsonObject headerCounts = file.header.value(QStringLiteral("counts")).toObject();
    QHash<QString, qint64> seen;
    qint64 newConflicts = 0;
    QHash<RowId, QSet<RowId>> newEvents; ///< issue → events this file added to it
    QSet<RowId> insertedIssues;          ///< new here: their events are all the file's, in its order
    QSet<QString> senderCadres;          ///< authors and owners of the records a laptop sent

    // Index pages of a large file stay in memory (up to 256 MiB, as for the spreadsheet import)
    // instead of being spilled to the WAL and read back; restored after the transaction.
    QSqlDatabase connection = db.connection();
    const SqliteDialect::ScopedCacheSize cache(connection, 256 * 1024);
    WriteTransaction tx(db.connection());
    // A file as large as what the search indexes already cover (a first full exchange) is
    // indexed once at the end instead of record by record: the triggers flush an FTS segment
    // per statement, which cost most of such an import. Rebuilt only if a record changed.
    qint64 indexedIncoming = 0;
    for (const char* t : {"enterprises", "visits", "issues"})
        indexedIncoming += headerCounts.value(QLatin1String(t)).toInteger();
    SqliteSearch search(db);
    const bool deferIndexing =
        indexedIncoming >= kDeferIndexingFrom && indexedIncoming * 2 >= search.indexedRecordCount();
    bool countsPausedHere = false;
    if (deferIndexing) {
        search.setIndexingDeferred(true);
        countsPausedHere = ReportAggregates::pause(connection); // the report counts too: counted once at the end
    }
    store.databaseId();
    const RowId peer = store.peerId(result.sourceId);
    const QString name = fileName(path);

    qsizetype pos = file.payloadStart;
    qint64 lineNo = 1;
    while (pos < file.bytes.size()) {
        qsizetype end = file.bytes.indexOf('\n', pos);
        if (end < 0)
            end = file.bytes.size();
        const QByteArrayView lineBytes = QByteArrayView(file.bytes).sliced(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (lineBytes.isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(lineBytes.toByteArray()).object();
        const QString tableName = line.value(QStringLiteral("t")).toString();
        const ExchangeTable* table = exchangeTable(tableName);
        ExchangeRecord rec{tableName, line.value(QStringLiteral("k")).toString(),
                           line.value(QStringLiteral("f")).toObject()};
        if (!table || rec.key.isEmpty() || !(table->sets & allowed)) {
            result.problems.append(QCoreApplication::translate("yg::Exchange", "%1 line %2: a record of table \"%3\" "
                                                                               "that this kind of file cannot carry.")
                                       .arg(name)
                                       .arg(lineNo)
                                       .arg(tableName));
            continue;
        }
        ++seen[tableName];
        ExchangeTableCounts& c = counts[tableName];
        try {
            // Another database's uuid of a record that is the same here names the local one.
            store.normalize(*table, rec);
            if (result.kind == kRecords) {
                for (const char* field : {"author_id", "owner_id"}) {
                    if (rec.fields.value(QLatin1String(field)).isString())
                        senderCadres.insert(rec.fields.value(QLatin1String(field)).toString());
                }
            }
            if (table->appendOnly) {
                // Append-only history: the union of both sides' events, never a conflict.
                if (store.idOf(table->name, rec.key)) {
                    ++c.unchanged;
                    continue;
                }
                const auto parentId = store.idOf(table->parentTable, rec.fields.value(table->parentColumn).toString());
                if (parentId) {
                    rec.fields.insert(QStringLiteral("seq"), store.nextEventSeq(*parentId));
                    touchedIssues.insert(*parentId);
                }
                const RowId eventId = store.write(*table, rec, true, actor.meta.id, {});
                if (parentId)
                    newEvents[*parentId].insert(eventId);
                ++c.inserted;
                continue;
            }
            auto deferLater = [&](RowId localId, const ExchangeColumn& column, const QString& uuid) {
                deferred.append({table, localId, column.name, column.refTable, uuid, rec.key});
            };
            const QString theirs = exchangeContentHash(*table, rec.fields);
            auto local = store.record(*table, rec.key);
            if (!local) {
                // The same enterprise registered on the other side too (same credit code, its
                // own uuid): one record here, their uuid remembered as an alias of ours. Fields
                // that differ are a conflict like any other, never overwritten.
                if ((local = store.recordByNaturalKey(*table, rec.fields))) {
                    store.addAlias(table->name, rec.key, local->key, peer);
                    rec.key = local->key;
                    ++result.merged;
                }
            }
            if (!local) {
                if (table->name == QLatin1String("issues") &&
                    store.issueNumberTaken(rec.fields.value(QStringLiteral("number")).toString())) {
                    const auto [number, seq] =
                        store.nextIssueNumber(rec.fields.value(QStringLiteral("number_year")).toInt());
                    rec.fields.insert(QStringLiteral("number"), number);
                    rec.fields.insert(QStringLiteral("number_seq"), seq);
                    ++result.renumbered;
                }
                const RowId id = store.write(*table, rec, true, actor.meta.id, deferLater);
                if (table->name == QLatin1String("issues")) {
                    touchedIssues.insert(id);
                    insertedIssues.insert(id);
                }
                store.setAgreedHash(peer, table->name, rec.key, theirs);
                calendarChanged = calendarChanged || table->name == QLatin1String("calendar_days");
                ++c.inserted;
                continue;
            }
            const QString mine = exchangeContentHash(*table, local->fields);
            const auto agreed = store.agreedHash(peer, table->name, rec.key);
            const QString senderBase = line.value(QStringLiteral("b")).toString();
            auto isBase = [&](const QString& h) {
                return (agreed && *agreed == h) || (!senderBase.isEmpty() && senderBase == h);
            };
            if (mine == theirs) {
                store.setAgreedHash(peer, table->name, rec.key, theirs);
                ++c.unchanged;
            } else if (isBase(mine)) {
                // Changed only on the sender's side since the two last agreed.
                store.write(*table, rec, false, actor.meta.id, deferLater);
                store.setAgreedHash(peer, table->name, rec.key, theirs);
                calendarChanged = calendarChanged || table->name == QLatin1String("calendar_days");
                ++c.updated;
            } else if (isBase(theirs)) {
                ++c.unchanged; // changed only here: ours is newer and goes out with the next export
            } else {
                if (store.recordConflict(peer, result.kind, table->name, rec.key, local->fields, mine, rec.fields,
                                         theirs))
                    ++newConflicts;
                ++c.conflicts;
            }
        } catch (const Error& e) {
            result.problems.append(
                QCoreApplication::translate("yg::Exchange", "%1 line %2: %3").arg(name).arg(lineNo).arg(e.message()));
        }
    }
    for (auto it = headerCounts.begin(); it != headerCounts.end(); ++it) {
        if (seen.value(it.key()) != it.value().toInteger()) {
            result.problems.append(QCoreApplication::translate("yg::Exchange", "%1: the header announces %2 records of "
                                                                               "%3 but the file holds %4.")
                                       .arg(name)
                                       .arg(it.value().toInteger())
                                       .arg(it.key())
                                       .arg(seen.value(it.key())));
        }
    }

    for (const ExchangeStore::PendingLink& l : store.takePendingLinks()) {
        const auto id = store.idOf(l.list->refTable, l.memberUuid);
        if (!id) {
            result.problems.append(QCoreApplication::translate("yg::Exchange",
                                                               "%1 %2: %3 refers to %4 %5, which is neither in this "
                                                               "database nor in the file.")
                                       .arg(l.table->name, l.key, l.list->field, l.list->refTable, l.memberUuid));
            continue;
        }
        store.insertLink(*l.list, l.parentId, *id, l.position);
    }
    result.meetingsNotHere = store.takeUnresolvedOptional();
    if (!senderCadres.isEmpty()) {
        QList<RowId> ids;
        for (const QString& uuid : std::as_const(senderCadres)) {
            if (const auto id = store.idOf(QStringLiteral("cadres"), uuid))
                ids.append(*id);
        }
        store.addPeerCadres(peer, ids); // their issues go back to that laptop with the office's steps
    }

    for (const Deferred& d : deferred) {
        const auto id = store.idOf(d.refTable, d.uuid);
        if (!id) {
            result.problems.append(QCoreApplication::translate("yg::Exchange",
                                                               "%1 %2: %3 refers to %4 %5, which is neither in this "
                                                               "database nor in the file.")
                                       .arg(d.table->name, d.key, d.column, d.refTable, d.uuid));
            continue;
        }
        store.setDeferred(*d.table, d.localId, d.column, *id);
    }

    // Both sides' steps in one order, the same on both sides (mergeSteps).
    for (auto it = newEvents.cbegin(); it != newEvents.cend(); ++it) {
        if (insertedIssues.contains(it.key()))
            continue;
        const QList<ExchangeStore::EventOrder> order = store.eventOrder(it.key());
        QList<ExchangeStore::EventOrder> mine, theirs;
        for (const auto& e : order)
            (it.value().contains(e.id) ? theirs : mine).append(e);
        if (mine.isEmpty())
            continue;
        const QList<RowId> merged = mergeSteps(mine, theirs);
        QList<RowId> current;
        for (const auto& e : order)
            current.append(e.id);
        if (merged != current) {
            store.reorderEvents(it.key(), merged);
            ++result.issuesReordered;
        }
    }

    // The issue rows' stage, outcome and dates are what their (merged) events say.
    if (result.problems.isEmpty()) {
        IssueRepository issues(db);
        for (const RowId issueId : touchedIssues) {
            const QList<IssueEvent> events = issues.events(issueId);
            // Each step must continue from the stage the steps before it left. A laptop's step
            // on an issue this database has moved on meanwhile (e.g. closed) does not: merging
            // it would change the issue behind the backs of both sides, so the file is refused.
            std::optional<Stage> stage;
            for (const IssueEvent& e : events) {
                const auto action = fromKey<LifecycleAction>(e.action);
                if (stage && action != LifecycleAction::Note && e.fromStage && *e.fromStage != *stage) {
                    const auto issue = issues.issue(issueId);
                    result.problems.append(
                        QCoreApplication::translate("yg::Exchange",
                                                    "Issue %1: the step “%2” of %3 was taken while the issue was in "
                                                    "%4, but here it is in %5 by then (both databases acted on it "
                                                    "since they last met). To take the file, reopen the issue here "
                                                    "(the laptop's step then follows on), import it again, and close "
                                                    "the issue again if it is still settled.")
                            .arg(issue ? issue->number : QString::number(issueId),
                                 action ? displayName(*action) : e.action, e.eventDate.toString(Qt::ISODate),
                                 displayName(*e.fromStage), displayName(*stage)));
                    break;
                }
                if (action != LifecycleAction::Note || !stage)
                    stage = e.toStage;
            }
            const IssueState s = Lifecycle::replay(events);
            if (!s.exists)
                continue;
            if (store.setIssueDerivedState(issueId, toKey(s.stage), toKey(s.outcome), dateOrNull(s.dueDate),
                                           sql::idValue(s.departmentId), dateOrNull(s.closedOn),
                                           dateOrNull(s.pausedSince)))
                ++result.issuesReplayed;
        }
        if (calendarChanged)
            CalendarRepository(db).rebuildIndex(); // the days were written by the exchange, not the repository
        if (deferIndexing) {
            bool indexedChanged = false;
            for (const char* t : {"enterprises", "visits", "issues"}) {
                const ExchangeTableCounts c = counts.value(QLatin1String(t));
                indexedChanged = indexedChanged || c.inserted > 0 || c.updated > 0;
            }
            if (indexedChanged)
                search.rebuildIndexes();
            search.setIndexingDeferred(false);
            bool anyChanged = result.issuesReplayed > 0;
            for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
                anyChanged = anyChanged || it.value().inserted > 0 || it.value().updated > 0;
            if (anyChanged)
                ReportAggregates::rebuild(connection);
            else if (countsPausedHere)
                ReportAggregates::resume(connection); // nothing written: the same file again changes nothing
        }
    }

    for (const ExchangeTable& t : exchangeTables()) {
        if (counts.contains(t.name))
            result.counts.append({t.name, counts.value(t.name)});
    }
    if (!result.problems.isEmpty()) {
        spdlog::info("exchange import refused: {} problems; nothing written", result.problems.size());
        return result; // rolled back
    }

    store.setLastReceived(peer, file.header.value(QStringLiteral("created")).toString(), file.sha256);
    bool changed = newConflicts > 0;
    QJsonObject summary{{QStringLiteral("import"), QStringLiteral("exchange file")},
                        {QStringLiteral("source"), result.sourceId}};
    for (const auto& [table, c] : result.counts) {
        changed = changed || c.inserted > 0 || c.updated > 0;
        summary.insert(table, QJsonObject{{QStringLiteral("inserted"), c.inserted},
                                          {QStringLiteral("updated"), c.updated},
                                          {QStringLiteral("unchanged"), c.unchanged},
                                          {QStringLiteral("conflicts"), c.conflicts}});
    }
    // Importing the same file again changes nothing, not even the audit trail.
    if (changed)
        AuditLog(db).append(actor.meta.id, QStringLiteral("*"), std::nullopt, QString(), QStringLiteral("bulk"),
                            summary);
    if (dryRun)
        return result;
    tx.commit();
    result.written = true;
    spdlog::info(
        "exchange import: {} conflicts, {} issues replayed, {} reordered, {} merged by credit code, {} meeting "
        "links not here",
        result.conflicts(), result.issuesReplayed, result.issuesReordered, result.merged, result.meetingsNotHere);
    return result;
}

QList<ExchangeConflict> Exchange::conflicts(Database& db, const Cadre& actor, bool openOnly)
{
    requireEnabled(db, actor);
    // Conflicts over cadres' records are the office's to decide (and may be outside what
    // this person may read); those of a reference file belong to whoever keeps the laptop.
    ExchangeStore store(db);
    QList<ExchangeConflict> list = store.conflicts(openOnly);
    if (!Permissions::can(actor.role, Capability::ImportData))
        list.removeIf([](const ExchangeConflict& c) { return c.fileKind != kReference; });
    for (ExchangeConflict& c : list) {
        const ExchangeTable* t = exchangeTable(c.table);
        c.registeredTwice = t && !t->naturalKey.isEmpty() && store.hasAlias(c.table, c.key);
    }
    return list;
}

void Exchange::resolve(Database& db, const Cadre& actor, RowId conflictId, bool keepTheirs)
{
    requireEnabled(db, actor);
    ExchangeStore store(db);
    WriteTransaction tx(db.connection());
    const auto c = store.conflict(conflictId);
    if (!c)
        throw Error(QCoreApplication::translate("yg::Exchange", "There is no exchange conflict %1.").arg(conflictId));
    if (c->fileKind == kRecords)
        Permissions::require(actor, Capability::ImportData);
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
