#include "storage/ExchangeStore.h"

#include "security/Signing.h"
#include "storage/Database.h"
#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/VisitQueries.h"
#include "storage/WriteTransaction.h"
#include "util/Clock.h"
#include "util/Error.h"
#include "util/Uuid.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlRecord>

namespace yg {

namespace {

ExchangeColumn col(const char* name, const char* ref = nullptr)
{
    return {QLatin1String(name), ref ? QLatin1String(ref) : QString(), true, false};
}
ExchangeColumn insertOnly(const char* name, const char* ref = nullptr)
{
    return {QLatin1String(name), ref ? QLatin1String(ref) : QString(), false, false};
}

ExchangeTable named(const char* name)
{
    ExchangeTable t;
    t.name = QLatin1String(name);
    return t;
}

QList<ExchangeTable> buildTables()
{
    QList<ExchangeTable> t;
    const auto created = insertOnly("created_at");

    ExchangeTable towns = named("towns");
    towns.sets = ExchangeReference;
    towns.columns = {col("code"), col("name"), col("sort_order"), created};
    t.append(towns);

    ExchangeTable categories = named("categories");
    categories.sets = ExchangeReference;
    categories.columns = {col("code"), col("name"), col("default_due_days"), col("sort_order"), created};
    t.append(categories);

    ExchangeTable departments = named("departments");
    departments.sets = ExchangeReference;
    departments.columns = {col("name"), col("sort_order"), created};
    t.append(departments);

    // Accounts travel with their password hashes so that a cadre can sign in on the laptop;
    // sign-in counters stay local.
    ExchangeTable cadres = named("cadres");
    cadres.sets = ExchangeReference;
    ExchangeColumn group = col("group_id", "cadre_groups");
    group.deferred = true; // groups name their supervisor, a cadre: cadres are written first
    cadres.columns = {col("name"),          col("role"),         group,           col("active_from"),
                      col("active_to"),     col("weekly_quota"), col("resident"), col("username"),
                      col("password_hash"), col("disabled"),     created};
    cadres.children = {{QStringLiteral("towns"), QStringLiteral("cadre_towns"), QStringLiteral("cadre_id"),
                        QStringLiteral("town_id"), QStringLiteral("towns"), QString()}};
    t.append(cadres);

    ExchangeTable groups = named("cadre_groups");
    groups.sets = ExchangeReference;
    groups.columns = {col("name"), col("supervisor_id", "cadres"), created};
    t.append(groups);

    ExchangeTable calendar = named("calendar_days");
    calendar.key = QStringLiteral("day");
    calendar.sets = ExchangeReference;
    calendar.hasIntegerId = false;
    calendar.hasVersion = false;
    calendar.columns = {col("kind"), col("name")};
    t.append(calendar);

    // Only settings that are the district's rules, not a database's own state (search.deferred).
    ExchangeTable settings = named("settings");
    settings.key = QStringLiteral("key");
    settings.sets = ExchangeReference;
    settings.hasIntegerId = false;
    settings.hasVersion = false;
    settings.filter = QStringLiteral("(t.key LIKE 'escalation.%' OR t.key IN ('week.key_visit_weeks', "
                                     "'session.idle_lock_minutes'))");
    settings.columns = {col("value")};
    t.append(settings);

    ExchangeTable enterprises = named("enterprises");
    enterprises.sets = ExchangeRecords | ExchangeReference;
    enterprises.columns = {col("name"),
                           col("credit_code"),
                           col("town_id", "towns"),
                           col("address"),
                           col("industry"),
                           col("employees"),
                           col("is_key"),
                           col("is_small_micro"),
                           col("is_new_form"),
                           col("union_status"),
                           col("union_members"),
                           col("contact_person"),
                           col("contact_phone"),
                           col("assigned_cadre_id", "cadres"),
                           col("notes"),
                           created};
    // The same enterprise registered on two sides (two uuids) is merged by its credit code.
    enterprises.naturalKey = QStringLiteral("credit_code");
    t.append(enterprises);

    // Visits go back to a laptop only where it needs them: the visits it sent (the office may
    // have kept its own version of a conflict) and those of the issues sent to it.
    ExchangeTable visits = named("visits");
    visits.sets = ExchangeRecords | ExchangeReference;
    visits.scopedInReference = true;
    visits.columns = {col("visit_date"),
                      col("author_id", "cadres"),
                      col("enterprise_id", "enterprises"),
                      col("kind"),
                      col("chk_worker_spirit"),
                      col("chk_worker_spirit_note"),
                      col("chk_union_vitality"),
                      col("chk_union_vitality_note"),
                      col("chk_lawful_employment"),
                      col("chk_lawful_employment_note"),
                      col("chk_support_measures"),
                      col("chk_support_measures_note"),
                      col("chk_rights_protection"),
                      col("chk_rights_protection_note"),
                      col("summary"),
                      col("next_visit_date"),
                      created};
    // A policy briefing (migration 10) lists the enterprises invited (they precede visits in the
    // file) and the issues it answers (visit_issues): a new issue comes after the visit in the
    // file, so those links are made after every table is written.
    visits.children = {{QStringLiteral("cadres"), QStringLiteral("visit_cadres"), QStringLiteral("visit_id"),
                        QStringLiteral("cadre_id"), QStringLiteral("cadres"), QStringLiteral("position")},
                       {QStringLiteral("enterprises"), QStringLiteral("visit_enterprises"), QStringLiteral("visit_id"),
                        QStringLiteral("enterprise_id"), QStringLiteral("enterprises"), QString()},
                       {QStringLiteral("issues"), QStringLiteral("visit_issues"), QStringLiteral("visit_id"),
                        QStringLiteral("issue_id"), QStringLiteral("issues"), QString(), true}};
    t.append(visits);

    // The number is each database's own (the office renumbers one that is taken there); the
    // stage, outcome, dates and department are what the events say, replayed after a merge.
    // Issues and their events travel both ways: the office sends a laptop the issues of its
    // cadres (referenceScope), so that the office's steps reach the cadre.
    ExchangeTable issues = named("issues");
    issues.sets = ExchangeRecords | ExchangeReference;
    issues.scopedInReference = true;
    issues.columns = {insertOnly("number"),
                      insertOnly("number_year"),
                      insertOnly("number_seq"),
                      col("visit_id", "visits"),
                      col("enterprise_id", "enterprises"),
                      col("category_id", "categories"),
                      col("title"),
                      col("description"),
                      col("raised_by"),
                      col("owner_id", "cadres"),
                      insertOnly("department_id", "departments"),
                      insertOnly("stage"),
                      insertOnly("outcome"),
                      col("received_on"),
                      insertOnly("due_date"),
                      insertOnly("closed_on"),
                      insertOnly("paused_since"),
                      created};
    t.append(issues);

    // Meetings do not travel (held at the office): the meeting a step is attributed to is
    // kept where that meeting is known, and counted where it is not.
    ExchangeColumn meeting = col("meeting_id", "meetings");
    meeting.optional = true;
    ExchangeTable events = named("issue_events");
    events.sets = ExchangeRecords | ExchangeReference;
    events.scopedInReference = true;
    events.appendOnly = true;
    events.hasVersion = false;
    events.parentTable = QStringLiteral("issues");
    events.parentColumn = QStringLiteral("issue_id");
    events.columns = {col("issue_id", "issues"),
                      insertOnly("seq"),
                      col("action"),
                      col("from_stage"),
                      col("to_stage"),
                      col("outcome"),
                      col("actor_id", "cadres"),
                      col("occurred_at"),
                      col("event_date"),
                      col("note"),
                      col("department_id", "departments"),
                      col("due_date"),
                      col("satisfaction"),
                      meeting};
    t.append(events);

    ExchangeTable notes = named("quarterly_notes");
    notes.sets = ExchangeRecords;
    notes.columns = {col("quarter"),          col("kind"), col("author_id", "cadres"),
                     col("town_id", "towns"), col("body"), created};
    t.append(notes);
    return t;
}

/** The canonical text of a value: JSON numbers and SQLite integers print alike. */
QString canonical(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("\x01");
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    if (v.isArray()) {
        QStringList items;
        for (const QJsonValue& i : v.toArray())
            items.append(i.toString());
        return items.join(QLatin1Char(','));
    }
    return v.toVariant().toString();
}

QJsonValue jsonOf(const QVariant& v)
{
    if (v.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QJsonValue(v.toLongLong());
    case QMetaType::Double:
        return QJsonValue(v.toDouble());
    default:
        return QJsonValue(v.toString());
    }
}

/** The SELECT of a table's exchanged fields, foreign keys as uuids, child lists as comma lists. */
QString selectOf(const ExchangeTable& t)
{
    QStringList cols{QStringLiteral("t.%1 AS k").arg(t.key)};
    for (const ExchangeColumn& c : t.columns) {
        if (c.refTable.isEmpty())
            cols.append(QStringLiteral("t.%1").arg(c.name));
        else
            cols.append(QStringLiteral("(SELECT r.uuid FROM %1 r WHERE r.id = t.%2)").arg(c.refTable, c.name));
    }
    for (const ExchangeChildList& ch : t.children) {
        const QString order =
            ch.orderColumn.isEmpty() ? QStringLiteral("m.uuid") : QStringLiteral("x.%1").arg(ch.orderColumn);
        cols.append(
            QStringLiteral("(SELECT group_concat(u, ',') FROM (SELECT m.uuid AS u FROM %1 x JOIN %2 m ON m.id = "
                           "x.%3 WHERE x.%4 = t.id ORDER BY %5))")
                .arg(ch.table, ch.refTable, ch.memberColumn, ch.parentColumn, order));
    }
    return QStringLiteral("SELECT %1 FROM %2 t").arg(cols.join(QStringLiteral(", ")), t.name);
}

ExchangeRecord recordOf(const ExchangeTable& t, const QSqlQuery& q)
{
    ExchangeRecord r;
    r.table = t.name;
    r.key = q.value(0).toString();
    int i = 1;
    for (const ExchangeColumn& c : t.columns)
        r.fields.insert(c.name, jsonOf(q.value(i++)));
    for (const ExchangeChildList& ch : t.children) {
        const QString list = q.value(i++).toString();
        QJsonArray members;
        if (!list.isEmpty()) {
            for (const QString& u : list.split(QLatin1Char(',')))
                members.append(u);
        }
        r.fields.insert(ch.field, members);
    }
    return r;
}

QVariant bindValueOf(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    if (v.isString())
        return v.toString();
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    const double d = v.toDouble();
    if (d == static_cast<double>(static_cast<qint64>(d)))
        return static_cast<qint64>(d);
    return d;
}

ExchangeConflict conflictOf(const QSqlQuery& q)
{
    ExchangeConflict c;
    c.id = q.value(0).toLongLong();
    c.peerUuid = q.value(1).toString();
    c.fileKind = q.value(2).toString();
    c.table = q.value(3).toString();
    c.key = q.value(4).toString();
    c.mine = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
    c.mineHash = q.value(6).toString();
    c.theirs = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
    c.theirsHash = q.value(8).toString();
    c.foundAt = q.value(9).toString();
    c.decision = q.value(10).toString();
    c.decidedAt = q.value(11).toString();
    c.decidedBy = sql::toOptionalId(q.value(12));
    return c;
}

const QString kConflictSelect =
    QStringLiteral("SELECT c.id, p.peer_uuid, c.file_kind, c.table_name, c.record_key, c.mine, c.mine_hash, c.theirs, "
                   "c.theirs_hash, c.found_at, c.decision, c.decided_at, c.decided_by FROM exchange_conflicts c "
                   "JOIN exchange_peers p ON p.id = c.peer_id");

} // namespace

const QList<ExchangeTable>& exchangeTables()
{
    static const QList<ExchangeTable> tables = buildTables();
    return tables;
}

const ExchangeTable* exchangeTable(const QString& name)
{
    for (const ExchangeTable& t : exchangeTables()) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

QString exchangeContentHash(const ExchangeTable& table, const QJsonObject& fields)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    auto add = [&](const QString& name, const QJsonValue& v) {
        h.addData(name.toUtf8());
        h.addData(QByteArrayView("\x1e", 1));
        h.addData(canonical(v).toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    };
    for (const ExchangeColumn& c : table.columns) {
        if (c.content)
            add(c.name, fields.value(c.name));
    }
    for (const ExchangeChildList& ch : table.children) {
        // A list added in version 13 counts only when it holds links, so that the hashes
        // agreed before stay valid for the records without any.
        if (ch.deferred && fields.value(ch.field).toArray().isEmpty())
            continue;
        add(ch.field, fields.value(ch.field));
    }
    return QString::fromLatin1(h.result().toHex());
}

ExchangeStore::ExchangeStore(Database& db) : m_db(db) {}

QString ExchangeStore::existingDatabaseId()
{
    return sql::scalar(m_db.connection(), QStringLiteral("SELECT database_id FROM exchange_identity")).toString();
}

QString ExchangeStore::databaseId()
{
    QString id = existingDatabaseId();
    if (!id.isEmpty())
        return id;
    const QSqlDatabase c = m_db.connection();
    id = newUuid();
    QSqlQuery q = sql::prepare(c, QStringLiteral("INSERT INTO exchange_identity (singleton, database_id, created_at) "
                                                 "VALUES (1, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    return id;
}

ExchangeStore::Identity ExchangeStore::identity()
{
    const QString id = databaseId();
    QSqlQuery q =
        sql::execDirect(m_db.connection(), QStringLiteral("SELECT public_key, secret_key FROM exchange_identity"));
    Identity out;
    out.databaseId = id;
    if (q.next() && !q.value(0).isNull() && !q.value(1).isNull()) {
        out.publicKey = QByteArray::fromBase64(q.value(0).toString().toLatin1());
        out.secretKey = QByteArray::fromBase64(q.value(1).toString().toLatin1());
        q.finish();
        return out;
    }
    q.finish();
    // A database identified before version 14 gets its keys on first need, like its id.
    const SigningKeyPair keys = Signing::generate();
    QSqlQuery set = sql::prepare(m_db.connection(),
                                 QStringLiteral("UPDATE exchange_identity SET public_key = ?, secret_key = ? WHERE "
                                                "public_key IS NULL OR secret_key IS NULL"));
    set.addBindValue(QString::fromLatin1(keys.publicKey.toBase64()));
    set.addBindValue(QString::fromLatin1(keys.secretKey.toBase64()));
    sql::exec(set);
    out.publicKey = keys.publicKey;
    out.secretKey = keys.secretKey;
    return out;
}

namespace {

const QString kPairingSelect =
    QStringLiteral("SELECT id, peer_uuid, relation, public_key, paired_at, paired_by, revoked_at, revoked_by FROM "
                   "exchange_peers");

ExchangeStore::Pairing pairingOf(const QSqlQuery& q)
{
    ExchangeStore::Pairing p;
    p.peerId = q.value(0).toLongLong();
    p.peerUuid = q.value(1).toString();
    p.relation = q.value(2).toString();
    p.publicKey = QByteArray::fromBase64(q.value(3).toString().toLatin1());
    p.pairedAt = q.value(4).toString();
    p.pairedBy = sql::toOptionalId(q.value(5));
    p.revokedAt = q.value(6).toString();
    p.revokedBy = sql::toOptionalId(q.value(7));
    return p;
}

} // namespace

std::optional<ExchangeStore::Pairing> ExchangeStore::pairing(const QString& peerUuid)
{
    QSqlQuery q = sql::prepare(m_db.connection(), kPairingSelect + QStringLiteral(" WHERE peer_uuid = ?"));
    q.addBindValue(peerUuid);
    sql::exec(q);
    if (q.next())
        return pairingOf(q);
    return std::nullopt;
}

QList<ExchangeStore::Pairing> ExchangeStore::pairings()
{
    QSqlQuery q = sql::execDirect(m_db.connection(), kPairingSelect + QStringLiteral(" ORDER BY id"));
    QList<Pairing> out;
    while (q.next())
        out.append(pairingOf(q));
    return out;
}

void ExchangeStore::setPairing(RowId peer, const QString& relation, const QByteArray& publicKey, RowId by)
{
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("UPDATE exchange_peers SET relation = ?, public_key = ?, paired_at = ?, "
                                              "paired_by = ? WHERE id = ?"));
    q.addBindValue(relation);
    q.addBindValue(QString::fromLatin1(publicKey.toBase64()));
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(by);
    q.addBindValue(peer);
    sql::exec(q);
}

void ExchangeStore::revoke(RowId peer, RowId by)
{
    QSqlQuery q = sql::prepare(
        m_db.connection(),
        QStringLiteral("UPDATE exchange_peers SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(by);
    q.addBindValue(peer);
    sql::exec(q);
}

QList<std::tuple<QString, QString, QString>> ExchangeStore::accountsForLaptops()
{
    QSqlQuery q = sql::execDirect(m_db.connection(),
                                  QStringLiteral("SELECT username, name, role FROM cadres WHERE username IS NOT NULL AND "
                                                 "disabled = 0 AND role IN ('cadre', 'supervisor', 'staff') ORDER BY "
                                                 "role, name, username"));
    QList<std::tuple<QString, QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

std::optional<RowId> ExchangeStore::meetingSupervisor(RowId meetingId)
{
    QSqlQuery q = sql::prepare(m_db.connection(), QStringLiteral("SELECT g.supervisor_id FROM meetings m JOIN "
                                                                 "cadre_groups g ON g.id = m.group_id WHERE m.id = ?"));
    q.addBindValue(meetingId);
    sql::exec(q);
    if (q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QList<RowId> ExchangeStore::peerCadres(RowId peer)
{
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("SELECT cadre_id FROM exchange_peer_cadres WHERE peer_id = ? ORDER BY "
                                              "cadre_id"));
    q.addBindValue(peer);
    sql::exec(q);
    QList<RowId> out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

void ExchangeStore::setPeerCadres(RowId peer, const QList<RowId>& cadres)
{
    QSqlQuery del =
        sql::prepare(m_db.connection(), QStringLiteral("DELETE FROM exchange_peer_cadres WHERE peer_id = ?"));
    del.addBindValue(peer);
    sql::exec(del);
    addPeerCadres(peer, cadres);
}

std::optional<RowId> ExchangeStore::existingPeerId(const QString& peerUuid)
{
    QSqlQuery q = sql::prepare(m_db.connection(), QStringLiteral("SELECT id FROM exchange_peers WHERE peer_uuid = ?"));
    q.addBindValue(peerUuid);
    sql::exec(q);
    if (q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

RowId ExchangeStore::peerId(const QString& peerUuid)
{
    if (const auto id = existingPeerId(peerUuid))
        return *id;
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("INSERT INTO exchange_peers (peer_uuid, created_at) VALUES (?, ?)"));
    q.addBindValue(peerUuid);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    return q.lastInsertId().toLongLong();
}

QStringList ExchangeStore::peers()
{
    QSqlQuery q =
        sql::execDirect(m_db.connection(), QStringLiteral("SELECT peer_uuid FROM exchange_peers ORDER BY id"));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QString ExchangeStore::lastSentAt(RowId peer)
{
    QSqlQuery q =
        sql::prepare(m_db.connection(), QStringLiteral("SELECT last_sent_at FROM exchange_peers WHERE id = ?"));
    q.addBindValue(peer);
    sql::exec(q);
    return q.next() ? q.value(0).toString() : QString();
}

void ExchangeStore::setLastSent(RowId peer, const QString& at)
{
    QSqlQuery q =
        sql::prepare(m_db.connection(), QStringLiteral("UPDATE exchange_peers SET last_sent_at = ? WHERE id = ? "
                                                       "AND (last_sent_at IS NULL OR last_sent_at < ?)"));
    q.addBindValue(at);
    q.addBindValue(peer);
    q.addBindValue(at);
    sql::exec(q);
}

void ExchangeStore::setLastReceived(RowId peer, const QString& createdAt, const QString& sha256)
{
    // Only a newer file moves the mark, so importing the same file again writes nothing.
    QSqlQuery q = sql::prepare(
        m_db.connection(), QStringLiteral("UPDATE exchange_peers SET last_received_at = ?, last_received_sha256 = ? "
                                          "WHERE id = ? AND (last_received_at IS NULL OR last_received_at < ?)"));
    q.addBindValue(createdAt);
    q.addBindValue(sha256);
    q.addBindValue(peer);
    q.addBindValue(createdAt);
    sql::exec(q);
}

namespace {

/** Rows changed after :since (events: those of the issues changed since). */
QString changedSince(const ExchangeTable& table)
{
    if (!table.parentTable.isEmpty())
        return QStringLiteral("t.%1 IN (SELECT id FROM %2 WHERE updated_at > :since)")
            .arg(table.parentColumn, table.parentTable);
    return QStringLiteral("t.updated_at > :since");
}

} // namespace

QString ExchangeStore::recordsScope(const ExchangeTable& table, const QString& since, RowId person, bool outside)
{
    QString visible;
    if (table.name == QLatin1String("visits"))
        visible = VisitQueries::visibleToCondition(QStringLiteral("t"), person);
    else if (table.name == QLatin1String("issues"))
        visible = IssueRepository::visibleToCondition(QStringLiteral("t"), person);
    else if (table.name == QLatin1String("issue_events"))
        visible = QStringLiteral("t.issue_id IN (SELECT i.id FROM issues i WHERE %1)")
                      .arg(IssueRepository::visibleToCondition(QStringLiteral("i"), person));
    if (visible.isEmpty())
        return outside ? QStringLiteral("0") : (since.isEmpty() ? QString() : changedSince(table));
    if (outside)
        visible = QStringLiteral("NOT (%1)").arg(visible);
    return since.isEmpty() ? visible : QStringLiteral("(%1) AND %2").arg(changedSince(table), visible);
}

qint64 ExchangeStore::countWhere(const ExchangeTable& table, const QString& condition, const QString& since)
{
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("SELECT count(*) FROM %1 t WHERE %2").arg(table.name, condition));
    if (condition.contains(QLatin1String(":since")))
        q.bindValue(QStringLiteral(":since"), since);
    sql::exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

void ExchangeStore::forEachRecord(const ExchangeTable& table, const QString& since,
                                  const std::function<void(const ExchangeRecord&)>& fn)
{
    forEachRecord(table, since, QString(), std::nullopt, fn);
}

void ExchangeStore::forEachRecord(const ExchangeTable& table, const QString& since, const QString& condition,
                                  std::optional<RowId> peer, const std::function<void(const ExchangeRecord&)>& fn)
{
    QStringList where;
    if (!table.filter.isEmpty())
        where.append(table.filter);
    if (!condition.isEmpty())
        where.append(QStringLiteral("(%1)").arg(condition));
    else if (!since.isEmpty())
        where.append(changedSince(table));
    QString statement = selectOf(table);
    if (!where.isEmpty())
        statement += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    // Events in their issue's order, so that the receiver appends them in the same order.
    if (!table.parentTable.isEmpty())
        statement += QStringLiteral(" ORDER BY t.%1, t.seq").arg(table.parentColumn);
    else
        statement += QStringLiteral(" ORDER BY t.%1").arg(table.hasIntegerId ? QStringLiteral("id") : table.key);
    QSqlQuery q = sql::prepare(m_db.connection(), statement);
    q.setForwardOnly(true);
    if (!since.isEmpty() && statement.contains(QLatin1String(":since")))
        q.bindValue(QStringLiteral(":since"), since);
    if (statement.contains(QLatin1String(":peer")))
        q.bindValue(QStringLiteral(":peer"), peer.value_or(-1));
    sql::exec(q);
    while (q.next())
        fn(recordOf(table, q));
    q.finish();
}

std::optional<ExchangeRecord> ExchangeStore::record(const ExchangeTable& table, const QString& key)
{
    QSqlQuery& q = m_db.cachedQuery(sqlFor(
        &table, SqlSelectByKey, [&] { return selectOf(table) + QStringLiteral(" WHERE t.%1 = ?").arg(table.key); }));
    q.addBindValue(key);
    sql::exec(q);
    std::optional<ExchangeRecord> out;
    if (q.next())
        out = recordOf(table, q);
    q.finish();
    return out;
}

QString ExchangeStore::labelOf(const QString& table, const QString& uuid)
{
    const QString label = table == QLatin1String("issues")   ? QStringLiteral("number")
                          : table == QLatin1String("visits") ? QStringLiteral("visit_date")
                                                             : QStringLiteral("name");
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral("SELECT %1 FROM %2 WHERE uuid = ?").arg(label, table));
    q.addBindValue(uuid);
    sql::exec(q);
    const QString out = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return out;
}

std::optional<RowId> ExchangeStore::idOf(const QString& table, const QString& uuid)
{
    const QString cacheKey = table + QLatin1Char('\n') + uuid;
    if (const auto it = m_idCache.constFind(cacheKey); it != m_idCache.constEnd())
        return *it;
    auto sql = m_idSql.constFind(table);
    if (sql == m_idSql.constEnd())
        sql = m_idSql.insert(table, QStringLiteral("SELECT id FROM %1 WHERE uuid = ?").arg(table));
    QSqlQuery& q = m_db.cachedQuery(*sql);
    q.addBindValue(uuid);
    sql::exec(q);
    std::optional<RowId> id;
    if (q.next())
        id = q.value(0).toLongLong();
    q.finish();
    if (!id) {
        const QString local = localUuid(table, uuid);
        if (local != uuid)
            id = idOf(table, local);
    }
    if (id)
        m_idCache.insert(cacheKey, *id);
    return id;
}

RowId ExchangeStore::write(const ExchangeTable& table, const ExchangeRecord& rec, bool insert,
                           std::optional<RowId> actor,
                           const std::function<void(RowId, const ExchangeColumn&, const QString&)>& deferLater)
{
    const QString now = Clock::toStorage(Clock::nowUtc());
    QStringList names;
    QVariantList values;
    QList<std::pair<const ExchangeColumn*, QString>> deferred;
    for (const ExchangeColumn& c : table.columns) {
        if (!insert && !c.content)
            continue;
        const QJsonValue v = rec.fields.value(c.name);
        names.append(c.name);
        if (c.refTable.isEmpty() || v.isNull() || v.isUndefined()) {
            values.append(bindValueOf(v));
            continue;
        }
        const auto id = idOf(c.refTable, v.toString());
        if (!id && c.optional) {
            ++m_unresolvedOptional;
            values.append(QVariant());
            continue;
        }
        if (!id && c.deferred) {
            deferred.append({&c, v.toString()});
            values.append(QVariant());
            continue;
        }
        if (!id) {
            throw Error(QCoreApplication::translate("yg::Exchange",
                                                    "%1 %2: %3 refers to %4 %5, which is neither in this database nor "
                                                    "in the file.")
                            .arg(table.name, rec.key, c.name, c.refTable, v.toString()));
        }
        values.append(*id);
    }
    if (!table.appendOnly) {
        names.append(QStringLiteral("updated_at"));
        values.append(now);
    }
    if (table.hasVersion) {
        names.append(QStringLiteral("updated_by"));
        values.append(sql::idValue(actor));
    }

    // The same columns every time for a table and kind of write: the statement is built once.
    const QString* statement = nullptr;
    if (insert) {
        names.prepend(table.key);
        values.prepend(rec.key);
        if (!table.appendOnly && table.hasIntegerId && !names.contains(QStringLiteral("created_at"))) {
            names.append(QStringLiteral("created_at"));
            values.append(now);
        }
        statement = &sqlFor(&table, SqlInsert, [&] {
            QStringList marks;
            for (qsizetype i = 0; i < names.size(); ++i)
                marks.append(QStringLiteral("?"));
            return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table.name, names.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
        });
    } else {
        statement = &sqlFor(&table, SqlUpdate, [&] {
            QStringList sets;
            for (const QString& n : names)
                sets.append(n + QStringLiteral(" = ?"));
            if (table.hasVersion)
                sets.append(QStringLiteral("version = version + 1"));
            return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                .arg(table.name, sets.join(QStringLiteral(", ")), table.key);
        });
        values.append(rec.key);
    }
    QSqlQuery& q = m_db.cachedQuery(*statement);
    for (const QVariant& v : values)
        q.addBindValue(v);
    sql::exec(q);

    RowId localId = 0;
    if (table.hasIntegerId) {
        if (insert) {
            localId = q.lastInsertId().toLongLong();
            m_idCache.insert(table.name + QLatin1Char('\n') + rec.key, localId);
        } else {
            localId = idOf(table.name, rec.key).value_or(0);
        }
    }
    for (const auto& [column, uuid] : deferred)
        deferLater(localId, *column, uuid);

    for (const ExchangeChildList& ch : table.children) {
        QSqlQuery& del = m_db.cachedQuery(sqlFor(&ch, SqlDelete, [&] {
            return QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(ch.table, ch.parentColumn);
        }));
        del.addBindValue(localId);
        sql::exec(del);
        const QJsonArray members = rec.fields.value(ch.field).toArray();
        int position = 0;
        for (const QJsonValue& m : members) {
            const auto memberId = idOf(ch.refTable, m.toString());
            if (!memberId && ch.deferred) {
                m_pendingLinks.append({&table, &ch, localId, rec.key, m.toString(), position++});
                continue;
            }
            if (!memberId) {
                throw Error(QCoreApplication::translate("yg::Exchange",
                                                        "%1 %2: %3 refers to %4 %5, which is neither in this database "
                                                        "nor in the file.")
                                .arg(table.name, rec.key, ch.field, ch.refTable, m.toString()));
            }
            QSqlQuery& iq = m_db.cachedQuery(sqlFor(&ch, SqlInsert, [&] {
                return ch.orderColumn.isEmpty() ? QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?)")
                                                      .arg(ch.table, ch.parentColumn, ch.memberColumn)
                                                : QStringLiteral("INSERT INTO %1 (%2, %3, %4) VALUES (?, ?, ?)")
                                                      .arg(ch.table, ch.parentColumn, ch.memberColumn, ch.orderColumn);
            }));
            iq.addBindValue(localId);
            iq.addBindValue(*memberId);
            if (!ch.orderColumn.isEmpty())
                iq.addBindValue(position++);
            sql::exec(iq);
        }
    }
    return localId;
}

void ExchangeStore::setDeferred(const ExchangeTable& table, RowId localId, const QString& column, RowId value)
{
    QSqlQuery q =
        sql::prepare(m_db.connection(), QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table.name, column));
    q.addBindValue(value);
    q.addBindValue(localId);
    sql::exec(q);
}

void ExchangeStore::touch(const ExchangeTable& table, const QString& key)
{
    if (table.appendOnly)
        return;
    QSqlQuery q = sql::prepare(m_db.connection(),
                               QStringLiteral("UPDATE %1 SET updated_at = ? WHERE %2 = ?").arg(table.name, table.key));
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(key);
    sql::exec(q);
}

std::pair<QString, int> ExchangeStore::nextIssueNumber(int year)
{
    QSqlQuery q = sql::prepare(
        m_db.connection(), QStringLiteral("SELECT coalesce(max(number_seq), 0) + 1 FROM issues WHERE number_year = ?"));
    q.addBindValue(year);
    sql::exec(q);
    q.next();
    const int seq = q.value(0).toInt();
    return {QStringLiteral("%1-%2").arg(year).arg(seq, 4, 10, QLatin1Char('0')), seq};
}

bool ExchangeStore::issueNumberTaken(const QString& number)
{
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral("SELECT 1 FROM issues WHERE number = ?"));
    q.addBindValue(number);
    sql::exec(q);
    const bool taken = q.next();
    q.finish();
    return taken;
}

int ExchangeStore::nextEventSeq(RowId issueId)
{
    QSqlQuery& q =
        m_db.cachedQuery(QStringLiteral("SELECT coalesce(max(seq), 0) + 1 FROM issue_events WHERE issue_id = ?"));
    q.addBindValue(issueId);
    sql::exec(q);
    q.next();
    const int seq = q.value(0).toInt();
    q.finish();
    return seq;
}

bool ExchangeStore::setIssueDerivedState(RowId issueId, const QString& stage, const QString& outcome,
                                         const QVariant& dueDate, const QVariant& departmentId,
                                         const QVariant& closedOn, const QVariant& pausedSince)
{
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral(
        "UPDATE issues SET stage = ?, outcome = ?, due_date = ?, department_id = ?, closed_on = ?, paused_since = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND NOT (stage IS ? AND outcome IS ? AND due_date IS ? "
        "AND department_id IS ? AND closed_on IS ? AND paused_since IS ?)"));
    const QVariantList state{stage, outcome, dueDate, departmentId, closedOn, pausedSince};
    for (const QVariant& v : state)
        q.addBindValue(v);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(issueId);
    for (const QVariant& v : state)
        q.addBindValue(v);
    sql::exec(q);
    return q.numRowsAffected() > 0;
}

std::optional<QString> ExchangeStore::agreedHash(RowId peer, const QString& table, const QString& key)
{
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral(
        "SELECT agreed_hash FROM exchange_records WHERE peer_id = ? AND table_name = ? AND record_key = ?"));
    q.addBindValue(peer);
    q.addBindValue(table);
    q.addBindValue(key);
    sql::exec(q);
    std::optional<QString> out;
    if (q.next())
        out = q.value(0).toString();
    q.finish();
    return out;
}

void ExchangeStore::setAgreedHash(RowId peer, const QString& table, const QString& key, const QString& hash)
{
    if (agreedHash(peer, table, key) == hash)
        return;
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral(
        "INSERT INTO exchange_records (peer_id, table_name, record_key, agreed_hash) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (peer_id, table_name, record_key) DO UPDATE SET agreed_hash = excluded.agreed_hash"));
    q.addBindValue(peer);
    q.addBindValue(table);
    q.addBindValue(key);
    q.addBindValue(hash);
    sql::exec(q);
}

std::optional<ExchangeConflict> ExchangeStore::openConflict(const QString& table, const QString& key)
{
    QSqlQuery q =
        sql::prepare(m_db.connection(), kConflictSelect + QStringLiteral(" WHERE c.table_name = ? AND "
                                                                         "c.record_key = ? AND c.decision IS NULL"));
    q.addBindValue(table);
    q.addBindValue(key);
    sql::exec(q);
    if (q.next())
        return conflictOf(q);
    return std::nullopt;
}

bool ExchangeStore::recordConflict(RowId peer, const QString& fileKind, const QString& table, const QString& key,
                                   const QJsonObject& mine, const QString& mineHash, const QJsonObject& theirs,
                                   const QString& theirsHash)
{
    const auto open = openConflict(table, key);
    if (open && open->theirsHash == theirsHash && open->mineHash == mineHash)
        return false; // already listed: importing the same file again changes nothing
    const QString now = Clock::toStorage(Clock::nowUtc());
    const QString mineJson = QString::fromUtf8(QJsonDocument(mine).toJson(QJsonDocument::Compact));
    const QString theirsJson = QString::fromUtf8(QJsonDocument(theirs).toJson(QJsonDocument::Compact));
    QSqlQuery q;
    if (open) {
        q = sql::prepare(
            m_db.connection(),
            QStringLiteral("UPDATE exchange_conflicts SET peer_id = ?, file_kind = ?, mine = ?, mine_hash = ?, "
                           "theirs = ?, theirs_hash = ?, found_at = ? WHERE id = ?"));
    } else {
        q = sql::prepare(
            m_db.connection(),
            QStringLiteral("INSERT INTO exchange_conflicts (peer_id, file_kind, mine, mine_hash, theirs, "
                           "theirs_hash, found_at, table_name, record_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    q.addBindValue(peer);
    q.addBindValue(fileKind);
    q.addBindValue(mineJson);
    q.addBindValue(mineHash);
    q.addBindValue(theirsJson);
    q.addBindValue(theirsHash);
    q.addBindValue(now);
    if (open) {
        q.addBindValue(open->id);
    } else {
        q.addBindValue(table);
        q.addBindValue(key);
    }
    sql::exec(q);
    return true;
}

std::optional<ExchangeConflict> ExchangeStore::conflict(RowId id)
{
    QSqlQuery q = sql::prepare(m_db.connection(), kConflictSelect + QStringLiteral(" WHERE c.id = ?"));
    q.addBindValue(id);
    sql::exec(q);
    if (q.next())
        return conflictOf(q);
    return std::nullopt;
}

QList<ExchangeConflict> ExchangeStore::conflicts(bool openOnly)
{
    QSqlQuery q = sql::execDirect(
        m_db.connection(), kConflictSelect + (openOnly ? QStringLiteral(" WHERE c.decision IS NULL") : QString()) +
                               QStringLiteral(" ORDER BY c.id"));
    QList<ExchangeConflict> out;
    while (q.next())
        out.append(conflictOf(q));
    return out;
}

void ExchangeStore::decideConflict(RowId id, const QString& decision, RowId actor)
{
    QSqlQuery q =
        sql::prepare(m_db.connection(), QStringLiteral("UPDATE exchange_conflicts SET decision = ?, decided_at = ?, "
                                                       "decided_by = ? WHERE id = ? AND decision IS NULL"));
    q.addBindValue(decision);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    q.addBindValue(actor);
    q.addBindValue(id);
    sql::exec(q);
}

QString ExchangeStore::referenceScope(const ExchangeTable& table, const QString& since, const QList<RowId>& namedCadres)
{
    if (!table.scopedInReference)
        return QString();
    const auto known = [](const QString& alias, const char* name) {
        return QStringLiteral("%1.uuid IN (SELECT record_key FROM exchange_records WHERE peer_id = :peer AND "
                              "table_name = '%2')")
            .arg(alias, QLatin1String(name));
    };
    QString named;
    if (!namedCadres.isEmpty()) {
        QStringList ids;
        for (const RowId id : namedCadres)
            ids.append(QString::number(id));
        named = ids.join(QLatin1Char(','));
    }
    // The issues a laptop should hold: those it knows, and its cadres' — open ones in a first
    // file (their assignments), any that changed since the last file otherwise.
    const auto base = [&](const QString& x) {
        QString own =
            QStringLiteral("%1.owner_id IN (SELECT cadre_id FROM exchange_peer_cadres WHERE peer_id = :peer)").arg(x);
        if (!named.isEmpty())
            own = QStringLiteral("(%1 OR %2.owner_id IN (%3))").arg(own, x, named);
        return since.isEmpty()
                   ? QStringLiteral("(%1 OR (%2 AND %3.stage <> 'closed'))").arg(known(x, "issues"), own, x)
                   : QStringLiteral("(%1.updated_at > :since AND (%2 OR %3))").arg(x, known(x, "issues"), own);
    };
    // Plus the issues a briefing sent with them answers (the briefing's links must resolve on
    // the laptop): a briefing is the visit of an issue raised there.
    const QString y = QStringLiteral("y");
    const QString issueScope =
        QStringLiteral("(%1 OR (NOT %2 AND x.id IN (SELECT vi.issue_id FROM visit_issues vi WHERE vi.visit_id IN "
                       "(SELECT y.visit_id FROM issues y WHERE %3 AND NOT %4))))")
            .arg(base(QStringLiteral("x")), known(QStringLiteral("x"), "issues"), base(y), known(y, "issues"));
    if (table.name == QLatin1String("issues"))
        return QStringLiteral("t.id IN (SELECT x.id FROM issues x WHERE %1)").arg(issueScope);
    if (table.name == QLatin1String("issue_events"))
        return QStringLiteral("t.issue_id IN (SELECT x.id FROM issues x WHERE %1)").arg(issueScope);
    // Visits: those the laptop knows (changed since), and the visit of every issue sent to it
    // that it does not know yet (whenever that visit changed).
    const QString ofNewIssues = QStringLiteral("t.id IN (SELECT x.visit_id FROM issues x WHERE %1 AND NOT %2)")
                                    .arg(issueScope, known(QStringLiteral("x"), "issues"));
    const QString knownVisits =
        since.isEmpty() ? known(QStringLiteral("t"), "visits")
                        : QStringLiteral("(t.updated_at > :since AND %1)").arg(known(QStringLiteral("t"), "visits"));
    return QStringLiteral("%1 OR %2").arg(knownVisits, ofNewIssues);
}

void ExchangeStore::addPeerCadres(RowId peer, const QList<RowId>& cadres)
{
    QSqlQuery& q = m_db.cachedQuery(
        QStringLiteral("INSERT OR IGNORE INTO exchange_peer_cadres (peer_id, cadre_id) VALUES (?, ?)"));
    for (const RowId c : cadres) {
        q.addBindValue(peer);
        q.addBindValue(c);
        sql::exec(q);
    }
}

QString ExchangeStore::localUuid(const QString& table, const QString& uuid)
{
    if (!m_anyAliases) {
        m_anyAliases =
            sql::scalar(m_db.connection(), QStringLiteral("SELECT EXISTS (SELECT 1 FROM exchange_aliases)")).toBool();
    }
    if (!*m_anyAliases || uuid.isEmpty())
        return uuid;
    // Only records with a natural key (enterprises) are ever merged under two uuids.
    const ExchangeTable* t = exchangeTable(table);
    if (!t || t->naturalKey.isEmpty())
        return uuid;
    const QString cacheKey = table + QLatin1Char('\n') + uuid;
    if (const auto it = m_aliasCache.constFind(cacheKey); it != m_aliasCache.constEnd())
        return *it;
    QSqlQuery& q = m_db.cachedQuery(
        QStringLiteral("SELECT r.uuid FROM exchange_aliases a JOIN %1 r ON r.id = a.local_id WHERE a.table_name = ? "
                       "AND a.alias_uuid = ?")
            .arg(table));
    q.addBindValue(table);
    q.addBindValue(uuid);
    sql::exec(q);
    const QString local = q.next() ? q.value(0).toString() : uuid;
    q.finish();
    m_aliasCache.insert(cacheKey, local);
    return local;
}

void ExchangeStore::normalize(const ExchangeTable& table, ExchangeRecord& rec)
{
    if (!m_anyAliases)
        localUuid(table.name, QString());
    if (!*m_anyAliases)
        return;
    if (table.key == QLatin1String("uuid"))
        rec.key = localUuid(table.name, rec.key);
    for (const ExchangeColumn& c : table.columns) {
        if (c.refTable.isEmpty() || !rec.fields.value(c.name).isString())
            continue;
        rec.fields.insert(c.name, localUuid(c.refTable, rec.fields.value(c.name).toString()));
    }
    for (const ExchangeChildList& ch : table.children) {
        QJsonArray members;
        for (const QJsonValue& m : rec.fields.value(ch.field).toArray())
            members.append(localUuid(ch.refTable, m.toString()));
        // Sorted lists stay sorted by the local uuids, so that both sides hash alike.
        if (ch.orderColumn.isEmpty()) {
            QStringList sorted;
            for (const QJsonValue& m : std::as_const(members))
                sorted.append(m.toString());
            sorted.sort();
            members = QJsonArray::fromStringList(sorted);
        }
        rec.fields.insert(ch.field, members);
    }
}

std::optional<ExchangeRecord> ExchangeStore::recordByNaturalKey(const ExchangeTable& table, const QJsonObject& fields)
{
    if (table.naturalKey.isEmpty())
        return std::nullopt;
    const QString value = fields.value(table.naturalKey).toString().trimmed();
    if (value.isEmpty())
        return std::nullopt;
    QSqlQuery& q = m_db.cachedQuery(sqlFor(&table, SqlSelectByNaturalKey, [&] {
        return selectOf(table) + QStringLiteral(" WHERE t.%1 = ?").arg(table.naturalKey);
    }));
    q.addBindValue(value);
    sql::exec(q);
    std::optional<ExchangeRecord> out;
    if (q.next())
        out = recordOf(table, q);
    q.finish();
    return out;
}

void ExchangeStore::addAlias(const QString& table, const QString& aliasUuid, const QString& localUuid, RowId peer)
{
    const auto id = idOf(table, localUuid);
    if (!id)
        return;
    QSqlQuery& q = m_db.cachedQuery(
        QStringLiteral("INSERT OR IGNORE INTO exchange_aliases (table_name, alias_uuid, local_id, peer_id, created_at) "
                       "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(table);
    q.addBindValue(aliasUuid);
    q.addBindValue(*id);
    q.addBindValue(peer);
    q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
    m_anyAliases = true;
    m_aliasCache.insert(table + QLatin1Char('\n') + aliasUuid, localUuid);
}

bool ExchangeStore::hasAlias(const QString& table, const QString& localUuid)
{
    const auto id = idOf(table, localUuid);
    if (!id)
        return false;
    QSqlQuery& q =
        m_db.cachedQuery(QStringLiteral("SELECT 1 FROM exchange_aliases WHERE table_name = ? AND local_id = ?"));
    q.addBindValue(table);
    q.addBindValue(*id);
    sql::exec(q);
    const bool found = q.next();
    q.finish();
    return found;
}

QList<ExchangeStore::PendingLink> ExchangeStore::takePendingLinks()
{
    return std::exchange(m_pendingLinks, {});
}

void ExchangeStore::insertLink(const ExchangeChildList& list, RowId parentId, RowId memberId, int position)
{
    const QString ins = list.orderColumn.isEmpty()
                            ? QStringLiteral("INSERT OR IGNORE INTO %1 (%2, %3) VALUES (?, ?)")
                                  .arg(list.table, list.parentColumn, list.memberColumn)
                            : QStringLiteral("INSERT OR IGNORE INTO %1 (%2, %3, %4) VALUES (?, ?, ?)")
                                  .arg(list.table, list.parentColumn, list.memberColumn, list.orderColumn);
    QSqlQuery& q = m_db.cachedQuery(ins);
    q.addBindValue(parentId);
    q.addBindValue(memberId);
    if (!list.orderColumn.isEmpty())
        q.addBindValue(position);
    sql::exec(q);
}

qint64 ExchangeStore::takeUnresolvedOptional()
{
    return std::exchange(m_unresolvedOptional, 0);
}

QList<ExchangeStore::EventOrder> ExchangeStore::eventOrder(RowId issueId)
{
    QSqlQuery& q = m_db.cachedQuery(
        QStringLiteral("SELECT id, uuid, occurred_at, action, from_stage, to_stage FROM issue_events WHERE issue_id = "
                       "? ORDER BY seq"));
    q.addBindValue(issueId);
    sql::exec(q);
    QList<EventOrder> out;
    while (q.next()) {
        out.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()});
    }
    q.finish();
    return out;
}

void ExchangeStore::reorderEvents(RowId issueId, const QList<RowId>& eventIds)
{
    // Out of the way first: (issue_id, seq) is unique at every step.
    QSqlQuery& away = m_db.cachedQuery(
        QStringLiteral("UPDATE issue_events SET seq = seq + (SELECT max(seq) FROM issue_events WHERE issue_id = ?) "
                       "WHERE issue_id = ?"));
    away.addBindValue(issueId);
    away.addBindValue(issueId);
    sql::exec(away);
    QSqlQuery& q = m_db.cachedQuery(QStringLiteral("UPDATE issue_events SET seq = ? WHERE id = ?"));
    int seq = 0;
    for (const RowId id : eventIds) {
        q.addBindValue(++seq);
        q.addBindValue(id);
        sql::exec(q);
    }
}

} // namespace yg
