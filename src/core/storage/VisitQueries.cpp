#include "VisitQueries.h"

#include "storage/IssueRepository.h"
#include "storage/Sql.h"

namespace yg {

namespace {

QString likePattern(const QString& text)
{
    QString like = text.trimmed();
    like.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + like + QLatin1Char('%');
}

/** Whether the filter leaves few rows (a cadre, an enterprise, what a cadre may see). */
bool isNarrow(const VisitFilter& f)
{
    return f.cadreId || f.enterpriseId || !f.enterpriseText.trimmed().isEmpty() || f.visibleTo;
}

/**
 * Conditions on `v` only (no joins), so the count reads visits and their indexes alone.
 * A unary + keeps the planner off an index where another serves better (measured at 1.3
 * million visits): with a town or an enterprise, the kind is checked on the rows of
 * visits_enterprise_date, not read through visits_kind_date (45 ms instead of 650 ms); a
 * window in date or kind order over a whole town walks that order's index and keeps the
 * town's visits, instead of sorting all 80,000 of them first (`scanInOrder`).
 */
QString whereOf(const VisitFilter& f, QVariantList* values, bool scanInOrder = false)
{
    QStringList parts;
    if (f.from.isValid()) {
        parts << QStringLiteral("v.visit_date >= ?");
        *values << f.from.toString(Qt::ISODate);
    }
    if (f.to.isValid()) {
        parts << QStringLiteral("v.visit_date <= ?");
        *values << f.to.toString(Qt::ISODate);
    }
    if (f.cadreId) {
        parts << QStringLiteral("v.id IN (SELECT visit_id FROM visit_cadres WHERE cadre_id = ?)");
        *values << *f.cadreId;
    }
    if (f.townId) {
        parts << (scanInOrder ? QStringLiteral("+") : QString()) +
                     QStringLiteral("v.enterprise_id IN (SELECT id FROM enterprises WHERE town_id = ?)");
        *values << *f.townId;
    }
    if (f.enterpriseId) {
        parts << QStringLiteral("v.enterprise_id = ?");
        *values << *f.enterpriseId;
    }
    if (!f.enterpriseText.trimmed().isEmpty()) {
        const QString like = likePattern(f.enterpriseText);
        parts << QStringLiteral("v.enterprise_id IN (SELECT id FROM enterprises WHERE name LIKE ? ESCAPE '\\' "
                                "OR credit_code LIKE ? ESCAPE '\\')");
        *values << like << like.toUpper();
    }
    if (f.kind) {
        const bool byEnterprise = f.townId || f.enterpriseId || !f.enterpriseText.trimmed().isEmpty();
        parts << (byEnterprise && !scanInOrder ? QStringLiteral("+v.kind = ?") : QStringLiteral("v.kind = ?"));
        *values << toKey(*f.kind);
    }
    if (f.visibleTo) {
        parts << VisitQueries::visibleToCondition();
        for (int n = 0; n < VisitQueries::kVisibleToBindings; ++n)
            *values << *f.visibleTo;
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindAll(QSqlQuery& q, const QVariantList& values)
{
    for (const QVariant& v : values)
        q.addBindValue(v);
}

} // namespace

namespace {

/** The people whose visits someone (`me`) may see: themselves, their group, the groups they supervise. */
QString visibleCadres(const QString& me)
{
    return QStringLiteral("SELECT m.id FROM cadres m WHERE m.id = %1 OR m.group_id IN (SELECT group_id FROM cadres "
                          "WHERE id = %1 UNION ALL SELECT id FROM cadre_groups WHERE supervisor_id = %1)")
        .arg(me);
}

const QString kVisibleCadres = visibleCadres(QStringLiteral("?")); // 3 bindings

QString visibleVisits(const QString& alias, const QString& me)
{
    return QStringLiteral("%1.id IN (SELECT vc.visit_id FROM visit_cadres vc WHERE vc.cadre_id IN (%2))")
        .arg(alias, visibleCadres(me));
}

} // namespace

QString VisitQueries::visibleToCondition(const QString& alias, RowId person)
{
    return visibleVisits(alias, QString::number(person));
}

QString VisitQueries::visibleToCondition()
{
    return visibleVisits(QStringLiteral("v"), QStringLiteral("?"));
}

QList<QPair<RowId, QString>> VisitQueries::cadreChoices(std::optional<RowId> visibleTo)
{
    QString statement = QStringLiteral("SELECT id, name FROM cadres WHERE role IN ('cadre', 'supervisor')");
    if (visibleTo)
        statement += QStringLiteral(" AND id IN (") + kVisibleCadres + QStringLiteral(")");
    QSqlQuery q = sql::prepare(connection(), statement + QStringLiteral(" ORDER BY name, id"));
    for (int n = 0; visibleTo && n < kVisibleToBindings; ++n)
        q.addBindValue(*visibleTo);
    return readAll<QPair<RowId, QString>>(
        q, [](const QSqlQuery& r) { return qMakePair(r.value(0).toLongLong(), r.value(1).toString()); });
}

QString VisitQueries::countStatement(const VisitFilter& filter, QVariantList* values)
{
    return QStringLiteral("SELECT count(*) FROM visits v") + whereOf(filter, values);
}

qint64 VisitQueries::count(const VisitFilter& filter)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), countStatement(filter, &values));
    bindAll(q, values);
    const auto n = readAll<qint64>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    return n.isEmpty() ? 0 : n.first();
}

QString VisitQueries::pageStatement(const VisitFilter& filter, VisitSort sort, bool descending, QVariantList* values)
{
    const QString dir = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QStringList order;
    switch (sort) {
    case VisitSort::Date:
        break;
    case VisitSort::Enterprise: // enterprises_name, then visits_enterprise_date
        order << QStringLiteral("e.name") << QStringLiteral("e.id");
        break;
    case VisitSort::Town: // towns_sort, enterprises_town, visits_enterprise_date
        order << QStringLiteral("t.sort_order") << QStringLiteral("t.id") << QStringLiteral("e.id");
        break;
    case VisitSort::Author: // cadres_name, then visits_author_date
        order << QStringLiteral("c.name") << QStringLiteral("c.id");
        break;
    case VisitSort::Kind: // visits_kind_date
        order << QStringLiteral("v.kind");
        break;
    }
    order << QStringLiteral("v.visit_date") << QStringLiteral("v.id");
    // Over the whole list (or a wide filter) the planner prefers scanning visits and sorting
    // all of them (10 s at 1.3 million); CROSS JOIN makes it walk the sorted table's index
    // and each one's visits in date order instead, so the first window comes at once. A
    // narrow filter (a cadre, an enterprise, what a cadre may see) leaves few rows: the
    // planner starts from those and sorts them.
    const bool narrow = isNarrow(filter);
    QString from = QStringLiteral("visits v JOIN enterprises e ON e.id = v.enterprise_id "
                                  "JOIN towns t ON t.id = e.town_id JOIN cadres c ON c.id = v.author_id");
    if (!narrow && sort == VisitSort::Enterprise)
        from = QStringLiteral("enterprises e CROSS JOIN visits v ON v.enterprise_id = e.id "
                              "JOIN towns t ON t.id = e.town_id JOIN cadres c ON c.id = v.author_id");
    else if (!narrow && sort == VisitSort::Town)
        from = QStringLiteral("towns t CROSS JOIN enterprises e ON e.town_id = t.id CROSS JOIN visits v ON "
                              "v.enterprise_id = e.id JOIN cadres c ON c.id = v.author_id");
    else if (!narrow && sort == VisitSort::Author)
        from = QStringLiteral("cadres c CROSS JOIN visits v ON v.author_id = c.id "
                              "JOIN enterprises e ON e.id = v.enterprise_id JOIN towns t ON t.id = e.town_id");
    return QStringLiteral("SELECT v.id, v.visit_date, v.enterprise_id, e.name, t.name, c.name, "
                          "(SELECT count(*) - 1 FROM visit_cadres x WHERE x.visit_id = v.id), v.kind, v.summary "
                          "FROM ") +
           from + whereOf(filter, values, !narrow && (sort == VisitSort::Date || sort == VisitSort::Kind)) +
           QStringLiteral(" ORDER BY ") + order.join(dir + QStringLiteral(", ")) + dir +
           QStringLiteral(" LIMIT ? OFFSET ?");
}

QList<VisitListRow> VisitQueries::page(const VisitFilter& filter, VisitSort sort, bool descending, int offset,
                                       int limit)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), pageStatement(filter, sort, descending, &values));
    bindAll(q, values);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return readAll<VisitListRow>(q, [](const QSqlQuery& r) {
        VisitListRow row;
        row.id = r.value(0).toLongLong();
        row.date = sql::toDate(r.value(1));
        row.enterpriseId = r.value(2).toLongLong();
        row.enterprise = r.value(3).toString();
        row.town = r.value(4).toString();
        row.author = r.value(5).toString();
        row.companions = r.value(6).toInt();
        row.kind = fromKey<VisitKind>(r.value(7).toString()).value_or(VisitKind::OnSite);
        row.summary = r.value(8).toString();
        return row;
    });
}

namespace {

/** The two halves of the timeline with their conditions; values in the order of the text. */
QString timelineSource(RowId enterpriseId, std::optional<RowId> visibleTo, QVariantList* values)
{
    QString visits = QStringLiteral("SELECT 0 AS kind, v.id AS id, v.visit_date AS day, c.name AS who, v.kind AS a, "
                                    "v.summary AS b, '' AS c FROM visits v JOIN cadres c ON c.id = v.author_id "
                                    "WHERE v.enterprise_id = ?");
    *values << enterpriseId;
    if (visibleTo) {
        visits += QStringLiteral(" AND ") + VisitQueries::visibleToCondition();
        for (int n = 0; n < VisitQueries::kVisibleToBindings; ++n)
            *values << *visibleTo;
    }
    QString issues = QStringLiteral("SELECT 1, i.id, i.received_on, c.name, i.number || '  ' || i.title, i.stage, "
                                    "i.outcome FROM issues i JOIN cadres c ON c.id = i.owner_id "
                                    "WHERE i.enterprise_id = ?");
    *values << enterpriseId;
    if (visibleTo) {
        issues += QStringLiteral(" AND ") + IssueRepository::visibleToCondition();
        for (int n = 0; n < IssueRepository::kVisibleToBindings; ++n)
            *values << *visibleTo;
    }
    return visits + QStringLiteral(" UNION ALL ") + issues;
}

} // namespace

qint64 VisitQueries::timelineCount(RowId enterpriseId, std::optional<RowId> visibleTo)
{
    QVariantList values;
    QSqlQuery q =
        sql::prepare(connection(), QStringLiteral("SELECT count(*) FROM (") +
                                       timelineSource(enterpriseId, visibleTo, &values) + QStringLiteral(")"));
    bindAll(q, values);
    const auto n = readAll<qint64>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
    return n.isEmpty() ? 0 : n.first();
}

QList<TimelineRow> VisitQueries::timeline(RowId enterpriseId, std::optional<RowId> visibleTo, int offset, int limit)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), timelineSource(enterpriseId, visibleTo, &values) +
                                                 QStringLiteral(" ORDER BY day DESC, kind DESC, id DESC LIMIT ? "
                                                                "OFFSET ?"));
    bindAll(q, values);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return readAll<TimelineRow>(q, [](const QSqlQuery& r) {
        TimelineRow row;
        row.kind = r.value(0).toInt() == 0 ? TimelineRow::Kind::Visit : TimelineRow::Kind::Issue;
        row.id = r.value(1).toLongLong();
        row.date = sql::toDate(r.value(2));
        row.who = r.value(3).toString();
        if (row.kind == TimelineRow::Kind::Visit) {
            row.visitKind = fromKey<VisitKind>(r.value(4).toString()).value_or(VisitKind::OnSite);
            row.title = displayName(row.visitKind);
            row.text = r.value(5).toString();
        } else {
            row.title = r.value(4).toString();
            row.stage = fromKey<Stage>(r.value(5).toString()).value_or(Stage::Intake);
            row.outcome = fromKey<Outcome>(r.value(6).toString()).value_or(Outcome::None);
            row.text = stageText(row.stage, row.outcome);
        }
        return row;
    });
}

QDate VisitQueries::latestVisitDate()
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT max(visit_date) FROM visits"));
    const auto rows = readAll<QDate>(q, [](const QSqlQuery& r) { return sql::toDate(r.value(0)); });
    return rows.isEmpty() ? QDate() : rows.first();
}

VisitCount VisitQueries::visitsBetween(RowId enterpriseId, QDate from, QDate to)
{
    QSqlQuery q = sql::prepare(connection(), QStringLiteral("SELECT count(*), max(visit_date) FROM visits "
                                                            "WHERE enterprise_id = ? AND visit_date BETWEEN ? AND ?"));
    q.addBindValue(enterpriseId);
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    const auto rows = readAll<VisitCount>(q, [](const QSqlQuery& r) {
        return VisitCount{r.value(0).toLongLong(), sql::toDate(r.value(1))};
    });
    return rows.isEmpty() ? VisitCount{} : rows.first();
}

} // namespace yg
