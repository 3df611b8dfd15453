// Exchange::importFile: one run of merging a checked exchange file (docs/exchange.md "Merge rules").

#include "exchange/Exchange.h"
#include "exchange/ExchangeRules.h"

#include "domain/Lifecycle.h"
#include "services/AccountService.h"
#include "services/Permissions.h"
#include "storage/AuditLog.h"
#include "storage/CalendarRepository.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/ReportAggregates.h"
#include "storage/Sql.h"
#include "storage/SqliteDialect.h"
#include "storage/SqliteSearch.h"
#include "storage/WriteTransaction.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <memory>

#include <spdlog/spdlog.h>

namespace yg {

namespace {

/** Files with at least this many indexed records (and as many as the database has) are indexed at the end. */
constexpr qint64 kDeferIndexingFrom = 2000;

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

/** A foreign key left NULL until its record is written (a cadre's group). */
struct Deferred
{
    const ExchangeTable* table;
    RowId localId;
    QString column;
    QString refTable;
    QString uuid;
    QString key;
};

/** The merge of one checked file, in the caller's transaction. */
class MergeRun
{
public:
    MergeRun(Database& db, const Cadre& actor, const ExchangeFile& file, ExchangeImportResult& result)
        : m_db(db), m_actor(actor), m_file(file), m_result(result), m_store(db),
          m_name(QFileInfo(file.file->fileName()).fileName())
    {
        m_peer = m_file.peer.peerId;
        if (m_file.kind == kExchangeRecords)
            m_authority = std::make_unique<ExchangeAuthority>(db, m_store, m_store.peerCadres(m_peer));
    }

    /** Everything up to (not including) the commit; problems are in the result. */
    void run()
    {
        refuseWhatNobodyHere();
        if (!m_result.problems.isEmpty())
            return;
        startIndexing();
        readRecords();
        checkCounts();
        linkLater();
        orderSteps();
        if (m_result.problems.isEmpty())
            checkSteps();
        if (m_result.problems.isEmpty())
            replayIssues();
        if (m_result.problems.isEmpty())
            finishIndexing();
        for (const ExchangeTable& t : exchangeTables()) {
            if (m_counts.contains(t.name))
                m_result.counts.append({t.name, m_counts.value(t.name)});
        }
    }

    /** The bookkeeping and the summary entry of an import that is kept. */
    void finish()
    {
        m_store.setLastReceived(m_peer, m_file.created, m_file.sha256);
        bool changed = m_newConflicts > 0;
        QJsonObject summary{{QStringLiteral("import"), QStringLiteral("exchange file")},
                            {QStringLiteral("source"), m_result.sourceId},
                            {QStringLiteral("file_sha256"), m_file.sha256}};
        for (const auto& [table, c] : m_result.counts) {
            changed = changed || c.inserted > 0 || c.updated > 0;
            summary.insert(table, QJsonObject{{QStringLiteral("inserted"), c.inserted},
                                              {QStringLiteral("updated"), c.updated},
                                              {QStringLiteral("unchanged"), c.unchanged},
                                              {QStringLiteral("conflicts"), c.conflicts}});
        }
        // Importing the same file again changes nothing, not even the audit trail.
        if (changed)
            AuditLog(m_db).append(m_actor.meta.id, QStringLiteral("*"), std::nullopt, QString(), QStringLiteral("bulk"),
                                  summary);
    }

private:
    void problem(qint64 lineNo, const QString& why)
    {
        m_result.problems.append(
            QCoreApplication::translate("yg::Exchange", "%1 line %2: %3").arg(m_name).arg(lineNo).arg(why));
    }

    /** What no file may do here, whoever signed it. */
    void refuseWhatNobodyHere()
    {
        if (m_file.kind == kExchangeRecords) {
            if (m_authority->empty()) {
                m_result.problems.append(QCoreApplication::translate(
                                             "yg::Exchange",
                                             "%1: no enabled account is named for the laptop that wrote it, so it may "
                                             "change nothing; pair it again naming the accounts that work on it.")
                                             .arg(m_name));
            }
            return;
        }
        // Accounts and settings are never applied on a database that is the office of others.
        for (const ExchangeStore::Pairing& p : m_store.pairings()) {
            if (p.active() && p.relation == QLatin1String("laptop")) {
                m_result.problems.append(QCoreApplication::translate(
                                             "yg::Exchange",
                                             "%1 is a reference file, but this database is the office of paired "
                                             "laptops: it takes no reference data or accounts from another database.")
                                             .arg(m_name));
                return;
            }
        }
    }

    void startIndexing()
    {
        // A file as large as what the search indexes already cover (a first full exchange) is
        // indexed once at the end instead of record by record: the triggers flush an FTS segment
        // per statement, which cost most of such an import. Rebuilt only if a record changed.
        qint64 indexedIncoming = 0;
        for (const char* t : {"enterprises", "visits", "issues"})
            indexedIncoming += m_file.counts.value(QLatin1String(t));
        m_search = std::make_unique<SqliteSearch>(m_db);
        m_deferIndexing =
            indexedIncoming >= kDeferIndexingFrom && indexedIncoming * 2 >= m_search->indexedRecordCount();
        if (m_deferIndexing) {
            m_search->setIndexingDeferred(true);
            QSqlDatabase connection = m_db.connection();
            m_countsPausedHere = ReportAggregates::pause(connection); // the report counts too: once at the end
        }
    }

    void readRecords()
    {
        const int allowed = m_file.kind == kExchangeReference ? ExchangeReference : ExchangeRecords;
        const QByteArray& bytes = m_file.bytes;
        qsizetype pos = m_file.payloadStart;
        qint64 lineNo = 1;
        while (pos < m_file.payloadEnd) {
            qsizetype end = bytes.indexOf('\n', pos);
            if (end < 0 || end > m_file.payloadEnd)
                end = m_file.payloadEnd;
            const QByteArrayView lineBytes = QByteArrayView(bytes).sliced(pos, end - pos);
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
                problem(lineNo, QCoreApplication::translate(
                                    "yg::Exchange", "a record of table \"%1\" that this kind of file cannot carry.")
                                    .arg(tableName));
                continue;
            }
            ++m_seen[tableName];
            try {
                // Another database's uuid of a record that is the same here names the local one.
                m_store.normalize(*table, rec);
                if (table->appendOnly)
                    mergeStep(*table, rec);
                else
                    mergeRecord(*table, rec, line.value(QStringLiteral("b")).toString(), lineNo);
            } catch (const Error& e) {
                problem(lineNo, e.message());
            }
        }
    }

    /** Append-only history: the union of both sides' events, never a conflict. */
    void mergeStep(const ExchangeTable& table, ExchangeRecord& rec)
    {
        ExchangeTableCounts& c = m_counts[table.name];
        const auto parentId = m_store.idOf(table.parentTable, rec.fields.value(table.parentColumn).toString());
        if (parentId)
            m_fileSteps[*parentId].append({rec.fields.value(QStringLiteral("seq")).toInt(), rec.key});
        if (m_store.idOf(table.name, rec.key)) {
            ++c.unchanged;
            return;
        }
        if (parentId) {
            rec.fields.insert(QStringLiteral("seq"), m_store.nextEventSeq(*parentId));
            m_touchedIssues.insert(*parentId);
        }
        const RowId eventId = m_store.write(table, rec, true, m_actor.meta.id, {});
        audit(table, rec.key, eventId, {}, {}, rec.fields, true);
        if (parentId) {
            m_newEvents[*parentId].insert(eventId);
            m_newStepUuids[*parentId].insert(rec.key);
        }
        ++c.inserted;
    }

    void mergeRecord(const ExchangeTable& table, ExchangeRecord& rec, const QString& senderBase, qint64 lineNo)
    {
        ExchangeTableCounts& c = m_counts[table.name];
        auto local = m_store.record(table, rec.key);
        if (!local) {
            // The same enterprise registered on the other side too (same credit code, its
            // own uuid): one record here, their uuid remembered as an alias of ours. Fields
            // that differ are a conflict like any other, never overwritten.
            if ((local = m_store.recordByNaturalKey(table, rec.fields))) {
                m_store.addAlias(table.name, rec.key, local->key, m_peer);
                rec.key = local->key;
                ++m_result.merged;
            }
        }
        if (m_file.kind == kExchangeReference && table.name == QLatin1String("cadres"))
            takeAccount(rec, local, lineNo);
        const QString theirs = contentHash(table, rec.fields);
        if (!local) {
            if (!allowedChange(table, local, rec, lineNo))
                return;
            insert(table, rec, theirs);
            ++c.inserted;
            return;
        }
        const QString mine = contentHash(table, local->fields);
        const auto agreed = m_store.agreedHash(m_peer, table.name, rec.key);
        auto isBase = [&](const QString& h) {
            return (agreed && *agreed == h) || (!senderBase.isEmpty() && senderBase == h);
        };
        if (mine == theirs) {
            m_store.setAgreedHash(m_peer, table.name, rec.key, theirs);
            ++c.unchanged;
        } else if (isBase(mine)) {
            // Changed only on the sender's side since the two last agreed.
            if (!allowedChange(table, local, rec, lineNo))
                return;
            const RowId id = table.hasIntegerId ? m_store.idOf(table.name, rec.key).value_or(0) : 0;
            const QVariantMap before = id ? AuditLog::snapshot(m_db.connection(), table.name, id) : QVariantMap();
            m_store.write(table, rec, false, m_actor.meta.id, deferLater(table, rec.key));
            audit(table, rec.key, id, before, local->fields, rec.fields, false);
            m_store.setAgreedHash(m_peer, table.name, rec.key, theirs);
            m_calendarChanged = m_calendarChanged || table.name == QLatin1String("calendar_days");
            ++c.updated;
        } else if (isBase(theirs)) {
            ++c.unchanged; // changed only here: ours is newer and goes out with the next export
        } else {
            // Changed on both sides: listed for a person to decide, who may apply the incoming
            // version; so it must be a version the laptop's accounts could have made.
            if (!allowedChange(table, local, rec, lineNo))
                return;
            if (m_store.recordConflict(m_peer, m_result.kind, table.name, rec.key, local->fields, mine, rec.fields,
                                       theirs))
                ++m_newConflicts;
            ++c.conflicts;
        }
    }

    void insert(const ExchangeTable& table, ExchangeRecord& rec, const QString& theirs)
    {
        if (table.name == QLatin1String("issues") &&
            m_store.issueNumberTaken(rec.fields.value(QStringLiteral("number")).toString())) {
            const auto [number, seq] = m_store.nextIssueNumber(rec.fields.value(QStringLiteral("number_year")).toInt());
            rec.fields.insert(QStringLiteral("number"), number);
            rec.fields.insert(QStringLiteral("number_seq"), seq);
            ++m_result.renumbered;
        }
        const RowId id = m_store.write(table, rec, true, m_actor.meta.id, deferLater(table, rec.key));
        audit(table, rec.key, id, {}, {}, rec.fields, true);
        if (table.name == QLatin1String("issues")) {
            m_touchedIssues.insert(id);
            m_insertedIssues.insert(id);
        }
        m_store.setAgreedHash(m_peer, table.name, rec.key, theirs);
        m_calendarChanged = m_calendarChanged || table.name == QLatin1String("calendar_days");
    }

    /**
     * A records file changes here only what the laptop's accounts could (ExchangeAuthority);
     * a reference file is the paired office's word.
     */
    bool allowedChange(const ExchangeTable& table, const std::optional<ExchangeRecord>& local,
                       const ExchangeRecord& rec, qint64 lineNo)
    {
        if (!m_authority)
            return true;
        const QString why = m_authority->recordRefusal(table, local, rec);
        if (why.isEmpty())
            return true;
        problem(lineNo, why);
        return false;
    }

    /**
     * A record's content hash; an account's password hash counts only if the file carries the
     * office's (otherwise each side keeps its own, and a laptop's own password is no change).
     */
    QString contentHash(const ExchangeTable& table, const QJsonObject& fields) const
    {
        if (m_file.passwordHashes || table.name != QLatin1String("cadres"))
            return exchangeContentHash(table, fields);
        QJsonObject without = fields;
        without.insert(QStringLiteral("password_hash"), QJsonValue(QJsonValue::Null));
        return exchangeContentHash(table, without);
    }

    /**
     * An account from the office: its password hash travels only if the district chose so
     * (otherwise this database's own stays, and a new account has none until the laptop's
     * administrator sets one); it may not change the role of the person importing.
     */
    void takeAccount(ExchangeRecord& rec, const std::optional<ExchangeRecord>& local, qint64 lineNo)
    {
        if (!m_file.passwordHashes) {
            rec.fields.insert(QStringLiteral("password_hash"),
                              local ? local->fields.value(QStringLiteral("password_hash"))
                                    : QJsonValue(QJsonValue::Null));
        }
        if (rec.key == m_actor.meta.uuid && local &&
            local->fields.value(QStringLiteral("role")) != rec.fields.value(QStringLiteral("role"))) {
            problem(lineNo,
                    QCoreApplication::translate(
                        "yg::Exchange", "the file changes the role of the account importing it (%1: %2 → %3); this "
                                        "computer's administrator imports it instead.")
                        .arg(m_actor.name, local->fields.value(QStringLiteral("role")).toString(),
                             rec.fields.value(QStringLiteral("role")).toString()));
        }
    }

    std::function<void(RowId, const ExchangeColumn&, const QString&)> deferLater(const ExchangeTable& table,
                                                                                 const QString& key)
    {
        return [this, &table, key](RowId localId, const ExchangeColumn& column, const QString& uuid) {
            m_deferred.append({&table, localId, column.name, column.refTable, uuid, key});
        };
    }

    /** One audit entry for one record written: old → new, with the peer and the file it came in. */
    void audit(const ExchangeTable& table, const QString& key, RowId id, const QVariantMap& before,
               const QJsonObject& beforeFields, const QJsonObject& afterFields, bool created)
    {
        QJsonObject changes;
        if (table.hasIntegerId && id > 0) {
            changes = AuditLog::changesBetween(before, AuditLog::snapshot(m_db.connection(), table.name, id), created);
        } else {
            for (auto it = afterFields.begin(); it != afterFields.end(); ++it) {
                const QJsonValue old = beforeFields.value(it.key());
                if ((created && it.value().isNull()) || (!created && old == it.value()))
                    continue;
                changes.insert(it.key(), QJsonArray{created ? QJsonValue() : old, it.value()});
            }
        }
        if (changes.isEmpty() && !created)
            return;
        changes.insert(QStringLiteral("exchange_peer"), QJsonArray{QJsonValue(), m_result.sourceId});
        changes.insert(QStringLiteral("exchange_file"), QJsonArray{QJsonValue(), m_file.sha256});
        AuditLog(m_db).append(m_actor.meta.id, table.name, id > 0 ? std::optional<RowId>(id) : std::nullopt, key,
                              created ? QStringLiteral("create") : QStringLiteral("update"), changes);
    }

    /** Every table the file holds is announced in its header, with the number it holds. */
    void checkCounts()
    {
        QSet<QString> tables(m_seen.keyBegin(), m_seen.keyEnd());
        for (auto it = m_file.counts.begin(); it != m_file.counts.end(); ++it)
            tables.insert(it.key());
        for (const QString& t : std::as_const(tables)) {
            if (m_seen.value(t) != m_file.counts.value(t)) {
                m_result.problems.append(
                    QCoreApplication::translate("yg::Exchange",
                                                "%1: the header announces %2 records of %3 but the file holds %4.")
                        .arg(m_name)
                        .arg(m_file.counts.value(t))
                        .arg(t)
                        .arg(m_seen.value(t)));
            }
        }
    }

    /** Links and keys to records later in the file, once every table is written. */
    void linkLater()
    {
        for (const ExchangeStore::PendingLink& l : m_store.takePendingLinks()) {
            const auto id = m_store.idOf(l.list->refTable, l.memberUuid);
            if (!id) {
                m_result.problems.append(
                    QCoreApplication::translate(
                        "yg::Exchange", "%1 %2: %3 refers to %4 %5, which is neither in this database nor in the file.")
                        .arg(l.table->name, l.key, l.list->field, l.list->refTable, l.memberUuid));
                continue;
            }
            m_store.insertLink(*l.list, l.parentId, *id, l.position);
        }
        m_result.meetingsNotHere = m_store.takeUnresolvedOptional();
        for (const Deferred& d : std::as_const(m_deferred)) {
            const auto id = m_store.idOf(d.refTable, d.uuid);
            if (!id) {
                m_result.problems.append(
                    QCoreApplication::translate(
                        "yg::Exchange", "%1 %2: %3 refers to %4 %5, which is neither in this database nor in the file.")
                        .arg(d.table->name, d.key, d.column, d.refTable, d.uuid));
                continue;
            }
            const QVariantMap before = AuditLog::snapshot(m_db.connection(), d.table->name, d.localId);
            m_store.setDeferred(*d.table, d.localId, d.column, *id);
            audit(*d.table, d.key, d.localId, before, {}, {}, false);
        }
    }

    /** Both sides' steps in one order, the same on both sides (mergeSteps). */
    void orderSteps()
    {
        for (auto it = m_newEvents.cbegin(); it != m_newEvents.cend(); ++it) {
            if (m_insertedIssues.contains(it.key()))
                continue;
            const QList<ExchangeStore::EventOrder> order = m_store.eventOrder(it.key());
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
                m_store.reorderEvents(it.key(), merged);
                ++m_result.issuesReordered;
            }
        }
    }

    /**
     * Each step must continue from the stage the steps before it left. A laptop's step on an
     * issue this database has moved on meanwhile (e.g. closed) does not: merging it would
     * change the issue behind the backs of both sides, so the file is refused. And a records
     * file's new steps must be ones the laptop's accounts could take (ExchangeAuthority).
     */
    void checkSteps()
    {
        IssueRepository issues(m_db);
        for (const RowId issueId : std::as_const(m_touchedIssues)) {
            const QList<IssueEvent> events = issues.events(issueId);
            std::optional<Stage> stage;
            for (const IssueEvent& e : events) {
                const auto action = fromKey<LifecycleAction>(e.action);
                if (stage && action != LifecycleAction::Note && e.fromStage && *e.fromStage != *stage) {
                    const auto issue = issues.issue(issueId);
                    m_result.problems.append(
                        QCoreApplication::translate(
                            "yg::Exchange",
                            "Issue %1: the step “%2” of %3 was taken while the issue was in %4, but here it is in %5 "
                            "by then (both databases acted on it since they last met). To take the file, reopen the "
                            "issue here (the laptop's step then follows on), import it again, and close the issue "
                            "again if it is still settled.")
                            .arg(issue ? issue->number : QString::number(issueId),
                                 action ? displayName(*action) : e.action, e.eventDate.toString(Qt::ISODate),
                                 displayName(*e.fromStage), displayName(*stage)));
                    break;
                }
                if (action != LifecycleAction::Note || !stage)
                    stage = e.toStage;
            }
            if (m_authority && m_newStepUuids.contains(issueId))
                checkLaptopSteps(issueId, events);
        }
    }

    /** The laptop's own history of the issue: the steps the file carries, in the laptop's order. */
    void checkLaptopSteps(RowId issueId, const QList<IssueEvent>& events)
    {
        QList<std::pair<int, QString>> order = m_fileSteps.value(issueId);
        std::sort(order.begin(), order.end());
        QHash<QString, const IssueEvent*> byUuid;
        for (const IssueEvent& e : events)
            byUuid.insert(e.uuid, &e);
        QList<IssueEvent> history;
        for (const auto& [seq, uuid] : order) {
            if (const IssueEvent* e = byUuid.value(uuid))
                history.append(*e);
        }
        const auto issue = IssueRepository(m_db).issue(issueId);
        const QString why = m_authority->stepsRefusal(*issue, history, m_newStepUuids.value(issueId));
        if (!why.isEmpty())
            m_result.problems.append(QCoreApplication::translate("yg::Exchange", "%1: %2").arg(m_name, why));
    }

    /** The issue rows' stage, outcome and dates are what their (merged) events say. */
    void replayIssues()
    {
        IssueRepository issues(m_db);
        const QSqlDatabase connection = m_db.connection();
        for (const RowId issueId : std::as_const(m_touchedIssues)) {
            const IssueState s = Lifecycle::replay(issues.events(issueId));
            if (!s.exists)
                continue;
            const QVariantMap before = AuditLog::snapshot(connection, QStringLiteral("issues"), issueId);
            const QString uuid =
                sql::scalar(connection, QStringLiteral("SELECT uuid FROM issues WHERE id = %1").arg(issueId))
                    .toString();
            if (m_store.setIssueDerivedState(issueId, toKey(s.stage), toKey(s.outcome), dateOrNull(s.dueDate),
                                             sql::idValue(s.departmentId), dateOrNull(s.closedOn),
                                             dateOrNull(s.pausedSince))) {
                ++m_result.issuesReplayed;
                audit(*exchangeTable(QStringLiteral("issues")), uuid, issueId, before, {}, {}, false);
            }
        }
        if (m_calendarChanged)
            CalendarRepository(m_db).rebuildIndex(); // the days were written by the exchange, not the repository
    }

    void finishIndexing()
    {
        if (!m_deferIndexing)
            return;
        bool indexedChanged = false;
        for (const char* t : {"enterprises", "visits", "issues"}) {
            const ExchangeTableCounts c = m_counts.value(QLatin1String(t));
            indexedChanged = indexedChanged || c.inserted > 0 || c.updated > 0;
        }
        if (indexedChanged)
            m_search->rebuildIndexes();
        m_search->setIndexingDeferred(false);
        bool anyChanged = m_result.issuesReplayed > 0;
        for (auto it = m_counts.constBegin(); it != m_counts.constEnd(); ++it)
            anyChanged = anyChanged || it.value().inserted > 0 || it.value().updated > 0;
        QSqlDatabase connection = m_db.connection();
        if (anyChanged)
            ReportAggregates::rebuild(connection);
        else if (m_countsPausedHere)
            ReportAggregates::resume(connection); // nothing written: the same file again changes nothing
    }

    Database& m_db;
    const Cadre& m_actor;
    const ExchangeFile& m_file;
    ExchangeImportResult& m_result;
    ExchangeStore m_store;
    QString m_name;
    RowId m_peer = 0;
    std::unique_ptr<ExchangeAuthority> m_authority; ///< records files only
    std::unique_ptr<SqliteSearch> m_search;
    bool m_deferIndexing = false;
    bool m_countsPausedHere = false;
    bool m_calendarChanged = false;
    qint64 m_newConflicts = 0;
    QHash<QString, ExchangeTableCounts> m_counts;
    QHash<QString, qint64> m_seen;
    QList<Deferred> m_deferred;
    QSet<RowId> m_touchedIssues;
    QSet<RowId> m_insertedIssues;               ///< new here: their events are all the file's, in its order
    QHash<RowId, QSet<RowId>> m_newEvents;      ///< issue → events this file added to it
    QHash<RowId, QSet<QString>> m_newStepUuids; ///< the same by uuid
    QHash<RowId, QList<std::pair<int, QString>>> m_fileSteps; ///< issue → the file's steps (its seq, uuid)
};

} // namespace

ExchangeImportResult Exchange::importFile(Database& db, const Cadre& actor, const QString& path, bool dryRun)
{
    AccountService::requireEnabled(db, actor.meta.id);
    const ExchangeFile file = readExchangeFile(db, path);
    ExchangeImportResult result;
    result.dryRun = dryRun;
    result.sourceId = file.source;
    result.kind = file.kind;
    if (file.kind == kExchangeRecords)
        Permissions::require(actor, Capability::ImportData);

    // Index pages of a large file stay in memory (up to 256 MiB, as for the spreadsheet import)
    // instead of being spilled to the WAL and read back; restored after the transaction.
    QSqlDatabase connection = db.connection();
    const SqliteDialect::ScopedCacheSize cache(connection, 256 * 1024);
    WriteTransaction tx(db.connection());
    MergeRun run(db, actor, file, result);
    run.run();
    if (!result.problems.isEmpty()) {
        spdlog::info("exchange import refused: {} problems; nothing written", result.problems.size());
        return result; // rolled back
    }
    run.finish();
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

} // namespace yg
