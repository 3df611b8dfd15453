#include "AuditedSteps.h"

#include "storage/AuditLog.h"
#include "storage/Sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

namespace yg {

namespace {

/** The columns of a step as recorded (its position, seq, may change when both sides' steps merge). */
const QStringList kColumns{
    QStringLiteral("issue_id"),      QStringLiteral("action"),     QStringLiteral("from_stage"),
    QStringLiteral("to_stage"),      QStringLiteral("outcome"),    QStringLiteral("actor_id"),
    QStringLiteral("occurred_at"),   QStringLiteral("event_date"), QStringLiteral("note"),
    QStringLiteral("department_id"), QStringLiteral("due_date"),   QStringLiteral("satisfaction"),
    QStringLiteral("meeting_id")};

/** id, uuid, the recorded columns, then (problems only) seq and the number. */
QString selectSteps(const QString& where)
{
    QStringList cols{QStringLiteral("e.id"), QStringLiteral("e.uuid")};
    for (const QString& c : kColumns)
        cols.append(QStringLiteral("e.") + c);
    cols << QStringLiteral("e.seq") << QStringLiteral("i.number")
         << QStringLiteral("(SELECT a.id FROM audit_log a WHERE a.table_name = 'issue_events' AND a.record_id = e.id "
                           "AND a.action = 'create' ORDER BY a.id LIMIT 1)");
    return QStringLiteral("SELECT %1 FROM issue_events e LEFT JOIN issues i ON i.id = e.issue_id %2 ORDER BY e.id")
        .arg(cols.join(QStringLiteral(", ")), where);
}

constexpr int kFirstColumn = 2;
const int kSeqColumn = kFirstColumn + static_cast<int>(kColumns.size());
const int kNumberColumn = kSeqColumn + 1;
const int kEntryColumn = kSeqColumn + 2;

/** The bytes one step adds to its seal. */
QByteArray sealBytesOf(const QSqlQuery& q)
{
    QByteArray out = q.value(1).toString().toUtf8();
    for (int i = 0; i < kColumns.size(); ++i) {
        out += '\x1f';
        const QVariant v = q.value(kFirstColumn + i);
        out += v.isNull() ? QByteArray("\x01") : v.toString().toUtf8();
    }
    out += '\x1e';
    return out;
}

QString chunkHash(QCryptographicHash& h)
{
    const QString out = QString::fromLatin1(h.result().toHex().left(32));
    h.reset();
    return out;
}

bool same(const QJsonValue& recorded, const QVariant& now)
{
    if (recorded.isNull() || recorded.isUndefined())
        return now.isNull();
    if (now.isNull())
        return false;
    if (recorded.isDouble())
        return now.toDouble() == recorded.toDouble();
    return recorded.toVariant().toString() == now.toString();
}

struct Seal
{
    RowId entry = 0;
    RowId after = 0;
    RowId to = 0;
    qint64 count = 0;
    QStringList hashes;
    // While checking:
    qint64 seen = 0;
    QStringList found;
    QString firstNumber, lastNumber;
};

} // namespace

void AuditedSteps::sealUnaudited(std::optional<RowId> actor, const QString& what)
{
    const RowId after =
        sql::scalar(m_connection, QStringLiteral("SELECT coalesce(max(CAST(json_extract(changes, "
                                                 "'$.sealed_steps_to_id') AS INTEGER)), 0) FROM audit_log WHERE "
                                                 "table_name = 'issue_events' AND action = 'bulk'"))
            .toLongLong();
    const RowId to =
        sql::scalar(m_connection, QStringLiteral("SELECT coalesce(max(id), 0) FROM issue_events")).toLongLong();
    if (to <= after)
        return;
    QSqlQuery q = sql::prepare(m_connection, selectSteps(QStringLiteral("WHERE e.id > ? AND e.id <= ?")));
    q.setForwardOnly(true);
    q.addBindValue(after);
    q.addBindValue(to);
    sql::exec(q);
    QCryptographicHash h(QCryptographicHash::Sha256);
    QStringList hashes;
    qint64 count = 0, inChunk = 0;
    while (q.next()) {
        if (!q.value(kEntryColumn).isNull())
            continue;
        h.addData(sealBytesOf(q));
        ++count;
        if (++inChunk == kChunk) {
            hashes.append(chunkHash(h));
            inChunk = 0;
        }
    }
    q.finish();
    if (inChunk > 0)
        hashes.append(chunkHash(h));
    if (count == 0)
        return;
    AuditLog::append(m_connection, actor, QStringLiteral("issue_events"), std::nullopt, QString(),
                     QStringLiteral("bulk"),
                     QJsonObject{{QStringLiteral("sealed_steps"), what},
                                 {QStringLiteral("sealed_steps_after_id"), after},
                                 {QStringLiteral("sealed_steps_to_id"), to},
                                 {QStringLiteral("sealed_steps_count"), count},
                                 {QStringLiteral("sealed_steps_sha256"), hashes.join(QLatin1Char(' '))}});
}

QStringList AuditedSteps::problems()
{
    QStringList out;
    QList<Seal> seals;
    {
        QSqlQuery s = sql::execDirect(m_connection, QStringLiteral("SELECT id, changes FROM audit_log WHERE table_name "
                                                                   "= 'issue_events' AND action = 'bulk' ORDER BY id"));
        while (s.next()) {
            const QJsonObject c = QJsonDocument::fromJson(s.value(1).toString().toUtf8()).object();
            if (!c.contains(QStringLiteral("sealed_steps_to_id")))
                continue;
            Seal seal;
            seal.entry = s.value(0).toLongLong();
            seal.after = c.value(QStringLiteral("sealed_steps_after_id")).toInteger();
            seal.to = c.value(QStringLiteral("sealed_steps_to_id")).toInteger();
            seal.count = c.value(QStringLiteral("sealed_steps_count")).toInteger();
            seal.hashes =
                c.value(QStringLiteral("sealed_steps_sha256")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            seals.append(seal);
        }
    }

    QSqlQuery entry =
        sql::prepare(m_connection, QStringLiteral("SELECT record_uuid, changes FROM audit_log WHERE id = ?"));
    QSqlQuery q = sql::prepare(m_connection, selectSteps(QString()));
    q.setForwardOnly(true);
    sql::exec(q);
    QCryptographicHash h(QCryptographicHash::Sha256);
    qsizetype current = -1; // the seal whose steps are being hashed
    qint64 inChunk = 0;
    const auto closeChunk = [&] {
        if (current >= 0 && inChunk > 0) {
            seals[current].found.append(chunkHash(h));
            inChunk = 0;
        }
    };
    while (q.next()) {
        const RowId id = q.value(0).toLongLong();
        const QString number = q.value(kNumberColumn).toString();
        const QString step =
            QCoreApplication::translate("yg::AuditedSteps", "Issue %1, step %2 (%3)")
                .arg(number.isEmpty() ? QCoreApplication::translate("yg::AuditedSteps", "(none)") : number)
                .arg(q.value(kSeqColumn).toInt())
                .arg(q.value(kFirstColumn + 1).toString());
        if (!q.value(kEntryColumn).isNull()) {
            const RowId entryId = q.value(kEntryColumn).toLongLong();
            entry.addBindValue(entryId);
            sql::exec(entry);
            entry.next();
            const QString uuid = entry.value(0).toString();
            const QJsonObject changes = QJsonDocument::fromJson(entry.value(1).toString().toUtf8()).object();
            entry.finish();
            QStringList changed;
            if (uuid != q.value(1).toString())
                changed.append(QStringLiteral("uuid"));
            for (int i = 0; i < kColumns.size(); ++i) {
                const QJsonValue recorded = changes.value(kColumns[i]).toArray().at(1);
                if (!same(recorded, q.value(kFirstColumn + i)))
                    changed.append(kColumns[i]);
            }
            if (!changed.isEmpty()) {
                out.append(QCoreApplication::translate(
                               "yg::AuditedSteps",
                               "%1: %2 changed outside the app (audit entry %3 holds the step as it was recorded).")
                               .arg(step, changed.join(QStringLiteral(", ")))
                               .arg(entryId));
            }
            continue;
        }
        // A step without an entry of its own must lie in a sealed run.
        if (current < 0 || id > seals[current].to) {
            closeChunk();
            current = -1;
            for (qsizetype s = 0; s < seals.size(); ++s) {
                if (id > seals[s].after && id <= seals[s].to) {
                    current = s;
                    break;
                }
            }
        }
        if (current < 0) {
            out.append(QCoreApplication::translate("yg::AuditedSteps",
                                                   "%1 has no audit entry: it was written outside the app.")
                           .arg(step));
            continue;
        }
        Seal& seal = seals[current];
        if (seal.seen == 0)
            seal.firstNumber = number;
        seal.lastNumber = number;
        ++seal.seen;
        h.addData(sealBytesOf(q));
        if (++inChunk == kChunk) {
            seal.found.append(chunkHash(h));
            inChunk = 0;
        }
    }
    closeChunk();
    q.finish();

    for (const Seal& s : std::as_const(seals)) {
        qsizetype firstBad = -1;
        for (qsizetype i = 0; i < std::max(s.hashes.size(), s.found.size()); ++i) {
            if (s.hashes.value(i) != s.found.value(i)) {
                firstBad = i;
                break;
            }
        }
        if (s.seen != s.count || firstBad >= 0) {
            const qint64 from = (firstBad < 0 ? s.found.size() : firstBad) * kChunk + 1;
            out.append(QCoreApplication::translate(
                           "yg::AuditedSteps",
                           "Steps sealed by audit entry %1 (issues %2 to %3) were changed, added or removed outside "
                           "the app: %4 were sealed, %5 are there; the first difference is among the sealed steps %6 "
                           "to %7.")
                           .arg(s.entry)
                           .arg(s.firstNumber, s.lastNumber)
                           .arg(s.count)
                           .arg(s.seen)
                           .arg(from)
                           .arg(from + kChunk - 1));
        }
    }

    // A step recorded in the trail must still be there.
    QSqlQuery gone = sql::execDirect(
        m_connection, QStringLiteral("SELECT a.id, a.record_uuid FROM audit_log a WHERE a.table_name = 'issue_events' "
                                     "AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM issue_events e WHERE "
                                     "e.id = a.record_id) ORDER BY a.id"));
    while (gone.next()) {
        out.append(QCoreApplication::translate(
                       "yg::AuditedSteps",
                       "The step %1 recorded by audit entry %2 is no longer there: it was removed outside the app.")
                       .arg(gone.value(1).toString())
                       .arg(gone.value(0).toLongLong()));
    }
    return out;
}

} // namespace yg
