#pragma once

#include "domain/Entities.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <tuple>
#include <optional>

namespace yg {

class Database;

/** Which side of the exchange a table travels in (a table may be in both). */
enum ExchangeSet
{
    ExchangeRecords = 1,   ///< laptop → office: what cadres record
    ExchangeReference = 2, ///< office → laptop: reference data and assignments
};

/** One exchanged column. Foreign keys travel as the referenced record's uuid. */
struct ExchangeColumn
{
    QString name;
    QString refTable;      ///< non-empty: a foreign key to this table (written as its uuid)
    bool content = true;   ///< hashed and applied on update; false: written only when the record is inserted
    bool deferred = false; ///< nullable key to a table later in the order: set after every table is written
    /** A key to a record that does not travel (meetings): written as NULL where unknown, and counted. */
    bool optional = false;
};

/** A list of links kept with its parent record (visit_cadres with the visit, cadre_towns with the cadre). */
struct ExchangeChildList
{
    QString field;        ///< the field name in the record
    QString table;        ///< the link table
    QString parentColumn; ///< its column holding the parent's id
    QString memberColumn; ///< its column holding the member's id
    QString refTable;     ///< the member's table (members travel as uuids)
    QString orderColumn;  ///< written 0, 1, ... in list order; empty: the list is sorted by uuid
    /** Members may come later in the file (a briefing's issues): linked after every table is written. */
    bool deferred = false;
};

/**
 * One exchanged table. Records are keyed by `key` (the uuid, or a natural key such as the
 * calendar day); local integer ids never leave the database.
 */
struct ExchangeTable
{
    QString name;
    QString key = QStringLiteral("uuid");
    int sets = 0;             ///< ExchangeSet bits
    bool appendOnly = false;  ///< issue_events: union by key, never updated, never a conflict
    bool hasIntegerId = true; ///< an `id` column that foreign keys point at
    bool hasVersion = true;   ///< `version` (incremented on update) and `updated_by`
    QString parentTable;      ///< exported together with the changed records of this table (events with issues)
    QString parentColumn;
    QString filter; ///< an SQL condition on the rows that are exchanged at all (settings)
    /**
     * In a reference file (office → laptop) only the rows the receiving laptop should hold
     * travel: ExchangeStore::referenceScope() (issues, their events and visits).
     */
    bool scopedInReference = false;
    /** A record of another database with the same value here is the same record (enterprises: credit_code). */
    QString naturalKey;
    QList<ExchangeColumn> columns;
    QList<ExchangeChildList> children;
};

/**
 * The exchanged tables in the order they are written and read: a table comes after the
 * tables its foreign keys point at (except `deferred` keys). THE place to add a table to
 * the exchange (e.g. meetings, shared-need alerts): one entry here, nothing else.
 */
const QList<ExchangeTable>& exchangeTables();
const ExchangeTable* exchangeTable(const QString& name);

/** A record as it travels: its key and its fields (foreign keys and child lists as uuids). */
struct ExchangeRecord
{
    QString table;
    QString key;
    QJsonObject fields;
};

/** SHA-256 (hex) of a record's content fields, the same for the same content in any database. */
QString exchangeContentHash(const ExchangeTable& table, const QJsonObject& fields);

/** An open or decided conflict. */
struct ExchangeConflict
{
    RowId id = 0;
    QString peerUuid;
    QString fileKind;
    QString table;
    QString key;
    QJsonObject mine;
    QString mineHash;
    QJsonObject theirs;
    QString theirsHash;
    QString foundAt;
    QString decision; ///< empty while open, else mine / theirs
    QString decidedAt;
    std::optional<RowId> decidedBy;
    /** The record was registered on both sides (same credit code) and merged into this database's. */
    bool registeredTwice = false;
};

/**
 * The SQL of the laptop ↔ office exchange (core/exchange/Exchange holds the rules): reads
 * records of the exchanged tables as uuid-keyed fields, writes them back resolving uuids to
 * local ids, and keeps the bookkeeping of migration 11 (identity, peers, agreed hashes,
 * conflicts). Writes happen in the caller's transaction.
 */
class ExchangeStore
{
public:
    explicit ExchangeStore(Database& db);

    /** This database's id, created (in its own write) on first need. */
    QString databaseId();
    /** The existing id, or empty (never writes). */
    QString existingDatabaseId();

    /** This database's id and Ed25519 key pair (raw bytes), made (in its own write) on first need. */
    struct Identity
    {
        QString databaseId;
        QByteArray publicKey;
        QByteArray secretKey;
    };
    Identity identity();

    /** A peer as paired (docs/exchange.md "Pairing and signatures"). */
    struct Pairing
    {
        RowId peerId = 0;
        QString peerUuid;
        QString relation; ///< laptop / office; empty: known from before pairing (version 13), not paired
        QByteArray publicKey;
        QString pairedAt;
        std::optional<RowId> pairedBy;
        QString revokedAt;
        std::optional<RowId> revokedBy;
        bool paired() const { return !relation.isEmpty() && !publicKey.isEmpty(); }
        bool active() const { return paired() && revokedAt.isEmpty(); }
    };
    std::optional<Pairing> pairing(const QString& peerUuid);
    /** Every peer, paired or not, in the order they became known. */
    QList<Pairing> pairings();
    /** Pairs a peer (caller's transaction): relation, key, who and when; clears nothing else. */
    void setPairing(RowId peer, const QString& relation, const QByteArray& publicKey, RowId by);
    void revoke(RowId peer, RowId by);
    /** Enabled accounts that may work on a laptop (cadres, supervisors, staff): user name, name, role key. */
    QList<std::tuple<QString, QString, QString>> accountsForLaptops();
    /** The supervisor of the group whose monthly meeting this is. */
    std::optional<RowId> meetingSupervisor(RowId meetingId);
    /** The accounts a laptop's files act as (exchange_peer_cadres). */
    QList<RowId> peerCadres(RowId peer);
    /** Replaces them (caller's transaction). */
    void setPeerCadres(RowId peer, const QList<RowId>& cadres);

    /** The local id of a peer, created if new (caller's transaction). */
    RowId peerId(const QString& peerUuid);
    std::optional<RowId> existingPeerId(const QString& peerUuid);
    /** Every known peer's uuid. */
    QStringList peers();
    QString lastSentAt(RowId peer);
    void setLastSent(RowId peer, const QString& at);
    void setLastReceived(RowId peer, const QString& createdAt, const QString& sha256);

    /**
     * Streams the rows of a table changed after `since` (empty: all rows), in id
     * order, without holding them.
     */
    void forEachRecord(const ExchangeTable& table, const QString& since,
                       const std::function<void(const ExchangeRecord&)>& fn);
    /**
     * The same with `condition` (SQL on alias t, parameters :peer and :since) instead of
     * the "changed since" condition; see referenceScope().
     */
    void forEachRecord(const ExchangeTable& table, const QString& since, const QString& condition,
                       std::optional<RowId> peer, const std::function<void(const ExchangeRecord&)>& fn);

    /**
     * Which rows of a scoped table a reference file for `peer` carries (docs/exchange.md
     * "Which records"): the issues the peer knows, and those of its cadres (open ones in a
     * first file, any changed since otherwise), plus those of `namedCadres`; their events;
     * the visits the peer knows and the visits of the issues sent to it that it does not know.
     */
    static QString referenceScope(const ExchangeTable& table, const QString& since, const QList<RowId>& namedCadres);

    /**
     * The rows of a table a records file written by `person` carries (someone who may not
     * read every group's records): those changed after `since` (parameter :since; every row
     * when empty) that the person may see under docs/permissions.md (visits, issues and their
     * events); `outside`: the changed rows they may not see. Empty for tables everyone reads.
     */
    static QString recordsScope(const ExchangeTable& table, const QString& since, RowId person, bool outside = false);
    /** The number of rows of a table matching `condition` (alias t, parameter :since). */
    qint64 countWhere(const ExchangeTable& table, const QString& condition, const QString& since);

    /** Remembers cadres as the peer's own (their issues go back to it); caller's transaction. */
    void addPeerCadres(RowId peer, const QList<RowId>& cadres);

    /**
     * The local record another database calls `uuid`: the uuid itself if it is here or
     * unknown, else the local uuid it is an alias of.
     */
    QString localUuid(const QString& table, const QString& uuid);
    /** Rewrites a record's key, foreign keys and link lists from aliases to local uuids. */
    void normalize(const ExchangeTable& table, ExchangeRecord& rec);
    /** The local record with the same natural key (credit code), if any. */
    std::optional<ExchangeRecord> recordByNaturalKey(const ExchangeTable& table, const QJsonObject& fields);
    /** Records `aliasUuid` as the peer's name of the local record `localUuid`. */
    void addAlias(const QString& table, const QString& aliasUuid, const QString& localUuid, RowId peer);
    /** Whether a local record is known under another database's uuid too. */
    bool hasAlias(const QString& table, const QString& localUuid);

    /** A deferred link list member that was not known when its record was written. */
    struct PendingLink
    {
        const ExchangeTable* table = nullptr;
        const ExchangeChildList* list = nullptr;
        RowId parentId = 0;
        QString key;
        QString memberUuid;
        int position = 0;
    };
    /** The links left for after every table is written (and forgets them). */
    QList<PendingLink> takePendingLinks();
    void insertLink(const ExchangeChildList& list, RowId parentId, RowId memberId, int position);
    /** Keys to records that do not travel (meetings) written as NULL since the last call. */
    qint64 takeUnresolvedOptional();

    /** An issue's event as far as its order goes. */
    struct EventOrder
    {
        RowId id = 0;
        QString uuid;
        QString occurredAt;
        QString action;
        QString fromStage; ///< empty for the first step
        QString toStage;
    };
    QList<EventOrder> eventOrder(RowId issueId);
    /** Gives an issue's events the positions 1, 2, ... in this order (only seq changes). */
    void reorderEvents(RowId issueId, const QList<RowId>& eventIds);

    /** The local record with this key, or nullopt. */
    std::optional<ExchangeRecord> record(const ExchangeTable& table, const QString& key);
    /** A readable name of a record by uuid (name, number or date), or empty if it is not here. */
    QString labelOf(const QString& table, const QString& uuid);
    /** The local integer id of a record by uuid, or nullopt. */
    std::optional<RowId> idOf(const QString& table, const QString& uuid);

    /**
     * Inserts or updates a record (content fields on update; every field on insert).
     * Foreign keys are resolved through `resolve` (uuid → local id; nullopt: unknown; a
     * deferred key that is not yet known is written as NULL and reported through
     * `deferLater`). Throws yg::Error if SQLite refuses the row. Returns the local id (0 for
     * keyed rows without one).
     */
    RowId
    write(const ExchangeTable& table, const ExchangeRecord& rec, bool insert, std::optional<RowId> actor,
          const std::function<void(RowId localId, const ExchangeColumn& column, const QString& uuid)>& deferLater);
    void setDeferred(const ExchangeTable& table, RowId localId, const QString& column, RowId value);
    /** Only the updated_at of a record (marks it changed so the next export sends it). */
    void touch(const ExchangeTable& table, const QString& key);

    /** The next free issue number of a year (when an incoming number is taken locally). */
    std::pair<QString, int> nextIssueNumber(int year);
    bool issueNumberTaken(const QString& number);
    /** Next sequence number of an issue's events. */
    int nextEventSeq(RowId issueId);
    /** Writes the state the lifecycle replay derived onto the issue row (if it differs). */
    bool setIssueDerivedState(RowId issueId, const QString& stage, const QString& outcome, const QVariant& dueDate,
                              const QVariant& departmentId, const QVariant& closedOn, const QVariant& pausedSince);

    std::optional<QString> agreedHash(RowId peer, const QString& table, const QString& key);
    void setAgreedHash(RowId peer, const QString& table, const QString& key, const QString& hash);

    /** The open conflict of this record, if any. */
    std::optional<ExchangeConflict> openConflict(const QString& table, const QString& key);
    /** Lists a new conflict, or refreshes the open one; false if it was listed exactly so already. */
    bool recordConflict(RowId peer, const QString& fileKind, const QString& table, const QString& key,
                        const QJsonObject& mine, const QString& mineHash, const QJsonObject& theirs,
                        const QString& theirsHash);
    std::optional<ExchangeConflict> conflict(RowId id);
    QList<ExchangeConflict> conflicts(bool openOnly);
    void decideConflict(RowId id, const QString& decision, RowId actor);

private:
    enum SqlKind
    {
        SqlSelectByKey,
        SqlSelectByNaturalKey,
        SqlInsert,
        SqlUpdate,
        SqlDelete,
    };
    /** A statement built once per table (or link list) and kind: an import runs each for every record. */
    template<typename Build> const QString& sqlFor(const void* owner, SqlKind kind, Build build)
    {
        const std::pair<const void*, int> key{owner, kind};
        auto it = m_sql.find(key);
        if (it == m_sql.end())
            it = m_sql.insert(key, build());
        return *it;
    }

    Database& m_db;
    QHash<std::pair<const void*, int>, QString> m_sql;
    QHash<QString, QString> m_idSql;      ///< table → SELECT id BY uuid
    QHash<QString, RowId> m_idCache;      ///< "table\nuuid" → id
    QHash<QString, QString> m_aliasCache; ///< "table\nalias" → local uuid
    std::optional<bool> m_anyAliases;
    QList<PendingLink> m_pendingLinks;
    qint64 m_unresolvedOptional = 0;
};

} // namespace yg
