#include "BoardQueries.h"

#include "storage/IssueRepository.h"

namespace yg {

namespace {

const QString kFrom =
    QStringLiteral(" FROM issues i JOIN enterprises e ON e.id = i.enterprise_id JOIN cadres c ON c.id = i.owner_id");

QString iso(QDate d)
{
    return d.toString(Qt::ISODate);
}

QString columnCondition(BoardColumn column)
{
    switch (column) {
    case BoardColumn::Intake:
        return QStringLiteral("i.stage = 'intake'");
    case BoardColumn::Consultation:
        return QStringLiteral("i.stage = 'consultation'");
    case BoardColumn::FollowUp:
        return QStringLiteral("i.stage = 'follow_up'");
    case BoardColumn::ClosedThisMonth:
        return QStringLiteral("+i.stage = 'closed'");
    }
    return {};
}

void bindAll(QSqlQuery& q, const QVariantList& values)
{
    for (const QVariant& v : values)
        q.addBindValue(v);
}

} // namespace

QString BoardQueries::escalationExpression(const BoardScope& s, QVariantList* values)
{
    *values << iso(s.talkOnOrBefore) << iso(s.today) << iso(s.today) << iso(s.reminderUntil);
    return QStringLiteral("(CASE WHEN i.stage = 'closed' OR i.paused_since IS NOT NULL OR i.due_date IS NULL THEN 0 "
                          "WHEN i.due_date <= ? THEN 4 WHEN i.due_date < ? THEN 3 WHEN i.due_date = ? THEN 2 "
                          "WHEN i.due_date <= ? THEN 1 ELSE 0 END)");
}

QString BoardQueries::where(const BoardScope& s, const BoardFilter& f, std::optional<BoardFacet> except,
                            QVariantList* values)
{
    // The board: every open issue, and the issues closed within the month. The unary + keeps
    // SQLite from reading the closed issues through (stage, due_date) — all of them, years of
    // them — instead of the month's range of issues(closed_on).
    QStringList parts{QStringLiteral("(i.stage IN ('intake', 'consultation', 'follow_up') OR "
                                     "(i.closed_on BETWEEN ? AND ? AND +i.stage = 'closed'))")};
    *values << iso(s.monthFirst) << iso(s.monthLast);
    if (s.visibleTo) {
        parts << IssueRepository::visibleToCondition();
        for (int n = 0; n < IssueRepository::kVisibleToBindings; ++n)
            *values << *s.visibleTo;
    }
    auto add = [&](BoardFacet facet, const std::optional<RowId>& value, const char* condition) {
        if (value && except != facet) {
            parts << QString::fromLatin1(condition);
            *values << *value;
        }
    };
    add(BoardFacet::Group, f.groupId, "c.group_id = ?");
    add(BoardFacet::Town, f.townId, "e.town_id = ?");
    add(BoardFacet::Owner, f.ownerId, "i.owner_id = ?");
    add(BoardFacet::Category, f.categoryId, "i.category_id = ?");
    add(BoardFacet::Department, f.departmentId, "i.department_id = ?");
    if (f.escalation && except != BoardFacet::Escalation) {
        // The level as due-date bounds (see BoardScope), so SQLite can use the (stage, due_date) index.
        const QString open = QStringLiteral("i.stage IN ('intake', 'consultation', 'follow_up') AND "
                                            "i.paused_since IS NULL AND ");
        switch (*f.escalation) {
        case Escalation::Talk:
            parts << open + QStringLiteral("i.due_date <= ?");
            *values << iso(s.talkOnOrBefore);
            break;
        case Escalation::Supervision:
            parts << open + QStringLiteral("i.due_date > ? AND i.due_date < ?");
            *values << iso(s.talkOnOrBefore) << iso(s.today);
            break;
        case Escalation::Warning:
            parts << open + QStringLiteral("i.due_date = ?");
            *values << iso(s.today);
            break;
        case Escalation::Reminder:
            parts << open + QStringLiteral("i.due_date > ? AND i.due_date <= ?");
            *values << iso(s.today) << iso(s.reminderUntil);
            break;
        case Escalation::None:
            parts << QStringLiteral("NOT (") + escalationExpression(s, values) + QStringLiteral(" > 0)");
            break;
        }
    }
    return QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

QString BoardQueries::allCardsStatement(const BoardScope& s, const BoardFilter& f, QVariantList* values)
{
    QString statement = cardsSelect(s, values); // values in the order of the statement's placeholders
    return statement + where(s, f, std::nullopt, values) +
           QStringLiteral(" ORDER BY i.stage = 'closed', i.stage = 'follow_up', i.stage = 'consultation', "
                          "i.closed_on DESC, level DESC, i.due_date IS NULL, i.due_date, i.received_on, "
                          "i.number_year, i.number_seq");
}

QString BoardQueries::cardsSelect(const BoardScope& s, QVariantList* values)
{
    QString statement = QStringLiteral("SELECT i.id, i.version, i.number, i.title, e.name, t.name, k.name, c.name, "
                                       "i.stage, i.outcome, i.received_on, i.due_date, i.paused_since, i.closed_on, "
                                       "we.ordinal - wr.ordinal, ") +
                        escalationExpression(s, values) + QStringLiteral(" AS level") + kFrom +
                        QStringLiteral(" JOIN towns t ON t.id = e.town_id JOIN categories k ON k.id = i.category_id "
                                       "LEFT JOIN work_days wr ON wr.day = i.received_on "
                                       "LEFT JOIN work_days we ON we.day = coalesce(i.closed_on, ?)");
    *values << iso(s.today);
    return statement;
}

QString BoardQueries::cardsStatement(const BoardScope& s, const BoardFilter& f, BoardColumn column,
                                     QVariantList* values)
{
    QString statement = cardsSelect(s, values);
    statement += where(s, f, std::nullopt, values) + QStringLiteral(" AND ") + columnCondition(column);
    statement += column == BoardColumn::ClosedThisMonth
                     ? QStringLiteral(" ORDER BY i.closed_on DESC, i.number_year DESC, i.number_seq DESC")
                     : QStringLiteral(" ORDER BY level DESC, i.due_date IS NULL, i.due_date, i.received_on, "
                                      "i.number_year, i.number_seq");
    return statement;
}

QString BoardQueries::columnCountsStatement(const BoardScope& s, const BoardFilter& f, QVariantList* values)
{
    return QStringLiteral("SELECT i.stage, count(*)") + kFrom + where(s, f, std::nullopt, values) +
           QStringLiteral(" GROUP BY i.stage");
}

QString BoardQueries::facetStatement(const BoardScope& s, const BoardFilter& f, BoardFacet facet, QVariantList* values)
{
    QString key;
    QString label;
    switch (facet) {
    case BoardFacet::Group:
        key = QStringLiteral("c.group_id");
        label = QStringLiteral("(SELECT name FROM cadre_groups WHERE id = f.k)");
        break;
    case BoardFacet::Town:
        key = QStringLiteral("e.town_id");
        label = QStringLiteral("(SELECT name FROM towns WHERE id = f.k)");
        break;
    case BoardFacet::Owner:
        key = QStringLiteral("i.owner_id");
        label = QStringLiteral("(SELECT name FROM cadres WHERE id = f.k)");
        break;
    case BoardFacet::Category:
        key = QStringLiteral("i.category_id");
        label = QStringLiteral("(SELECT name FROM categories WHERE id = f.k)");
        break;
    case BoardFacet::Department:
        key = QStringLiteral("i.department_id");
        label = QStringLiteral("(SELECT name FROM departments WHERE id = f.k)");
        break;
    case BoardFacet::Escalation:
        key = escalationExpression(s, values);
        label = QStringLiteral("''");
        break;
    }
    QString inner = QStringLiteral("SELECT ") + key + QStringLiteral(" AS k, count(*) AS n") + kFrom +
                    where(s, f, facet, values) + QStringLiteral(" GROUP BY k");
    return QStringLiteral("SELECT f.k, ") + label + QStringLiteral(" AS label, f.n FROM (") + inner +
           QStringLiteral(") f ORDER BY ") +
           (facet == BoardFacet::Escalation ? QStringLiteral("f.k DESC") : QStringLiteral("label IS NULL, label"));
}

QList<BoardCard> BoardQueries::cards(const BoardScope& scope, const BoardFilter& filter, BoardColumn column)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), cardsStatement(scope, filter, column, &values));
    bindAll(q, values);
    q.setForwardOnly(true);
    return readAll<BoardCard>(q, readCard);
}

BoardCard BoardQueries::readCard(const QSqlQuery& r)
{
    {
        BoardCard c;
        c.id = r.value(0).toLongLong();
        c.version = r.value(1).toInt();
        c.number = r.value(2).toString();
        c.title = r.value(3).toString();
        c.enterprise = r.value(4).toString();
        c.town = r.value(5).toString();
        c.category = r.value(6).toString();
        c.owner = r.value(7).toString();
        c.stage = fromKey<Stage>(r.value(8).toString()).value_or(Stage::Intake);
        c.outcome = fromKey<Outcome>(r.value(9).toString()).value_or(Outcome::None);
        c.receivedOn = sql::toDate(r.value(10));
        c.dueDate = sql::toDate(r.value(11));
        c.pausedSince = sql::toDate(r.value(12));
        c.closedOn = sql::toDate(r.value(13));
        c.ageDays = r.value(14).toInt();
        c.escalation = static_cast<Escalation>(std::clamp(r.value(15).toInt(), 0, 4));
        return c;
    }
}

std::array<int, 4> BoardQueries::columnCounts(const BoardScope& scope, const BoardFilter& filter)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), columnCountsStatement(scope, filter, &values));
    bindAll(q, values);
    std::array<int, 4> counts{};
    const auto rows = readAll<std::pair<QString, int>>(q, [](const QSqlQuery& r) {
        return std::pair{r.value(0).toString(), r.value(1).toInt()};
    });
    for (const auto& [stage, n] : rows) {
        if (const auto s = fromKey<Stage>(stage))
            counts[static_cast<int>(boardColumnOf(*s))] += n;
    }
    return counts;
}

QList<FacetCount> BoardQueries::facetCounts(const BoardScope& scope, const BoardFilter& filter, BoardFacet facet)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), facetStatement(scope, filter, facet, &values));
    bindAll(q, values);
    return readAll<FacetCount>(q, [](const QSqlQuery& r) {
        FacetCount c;
        if (!r.value(0).isNull())
            c.key = r.value(0).toLongLong();
        c.label = r.value(1).toString();
        c.count = r.value(2).toInt();
        return c;
    });
}

QString BoardQueries::allFacetsStatement(const BoardScope& s, QVariantList* values)
{
    const QString level = escalationExpression(s, values);
    return QStringLiteral("SELECT f.g, f.t, f.o, f.k, f.d, f.l, f.n, (SELECT name FROM cadre_groups WHERE id = f.g), "
                          "(SELECT name FROM towns WHERE id = f.t), (SELECT name FROM cadres WHERE id = f.o), "
                          "(SELECT name FROM categories WHERE id = f.k), (SELECT name FROM departments WHERE id = f.d) "
                          "FROM (SELECT c.group_id AS g, e.town_id AS t, i.owner_id AS o, i.category_id AS k, "
                          "i.department_id AS d, ") +
           level + QStringLiteral(" AS l, count(*) AS n") + kFrom + where(s, BoardFilter(), std::nullopt, values) +
           QStringLiteral(" GROUP BY g, t, o, k, d, l) f");
}

std::array<QList<BoardCard>, 4> BoardQueries::allCards(const BoardScope& scope, const BoardFilter& filter)
{
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), allCardsStatement(scope, filter, &values));
    bindAll(q, values);
    q.setForwardOnly(true);
    std::array<QList<BoardCard>, 4> columns;
    for (BoardCard& c : readAll<BoardCard>(q, readCard))
        columns[static_cast<int>(boardColumnOf(c.stage))].append(std::move(c));
    return columns;
}

std::map<BoardFacet, QList<FacetCount>> BoardQueries::allFacetCounts(const BoardScope& scope, const BoardFilter& filter)
{
    struct Row
    {
        std::array<std::optional<RowId>, 6> keys; // group, town, owner, category, department, level
        std::array<QString, 6> labels;
        int n = 0;
    };
    QVariantList values;
    QSqlQuery q = sql::prepare(connection(), allFacetsStatement(scope, &values));
    bindAll(q, values);
    q.setForwardOnly(true);
    const QList<Row> rows = readAll<Row>(q, [](const QSqlQuery& r) {
        Row row;
        for (int k = 0; k < 6; ++k) {
            if (!r.value(k).isNull())
                row.keys[k] = r.value(k).toLongLong();
        }
        if (!row.keys[5])
            row.keys[5] = 0;
        row.n = r.value(6).toInt();
        for (int k = 0; k < 5; ++k)
            row.labels[k] = r.value(7 + k).toString();
        return row;
    });
    constexpr std::array kFacets{BoardFacet::Group,    BoardFacet::Town,       BoardFacet::Owner,
                                 BoardFacet::Category, BoardFacet::Department, BoardFacet::Escalation};
    const std::array<std::optional<RowId>, 6> wanted{
        filter.groupId,
        filter.townId,
        filter.ownerId,
        filter.categoryId,
        filter.departmentId,
        filter.escalation ? std::optional<RowId>(static_cast<RowId>(*filter.escalation)) : std::nullopt};
    std::map<BoardFacet, QList<FacetCount>> out;
    for (int f = 0; f < 6; ++f) {
        QMap<std::optional<RowId>, FacetCount> counts;
        for (const Row& row : rows) {
            bool passes = true;
            for (int other = 0; other < 6 && passes; ++other)
                passes = other == f || !wanted[other] || row.keys[other] == wanted[other];
            if (!passes)
                continue;
            FacetCount& c = counts[row.keys[f]];
            c.key = row.keys[f];
            c.label = f < 5 ? row.labels[f] : QString();
            c.count += row.n;
        }
        QList<FacetCount> list = counts.values();
        if (kFacets[f] == BoardFacet::Escalation) {
            std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) { return a.key > b.key; });
        } else {
            // As facetCounts(): by name, values without one (no department) last.
            std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
                if (a.key.has_value() != b.key.has_value())
                    return a.key.has_value();
                return a.label < b.label;
            });
        }
        out[kFacets[f]] = list;
    }
    return out;
}

} // namespace yg
