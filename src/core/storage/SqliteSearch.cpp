#include "SqliteSearch.h"

#include "domain/SearchText.h"
#include "storage/IssueRepository.h"
#include "storage/Sql.h"
#include "storage/VisitQueries.h"
#include "util/Clock.h"
#include "util/Error.h"

#include <QCoreApplication>
#include <QHash>

namespace yg {

namespace {

struct KindTables
{
    QString base;     ///< the records
    QString index;    ///< trigram index (3+ characters)
    QString grams;    ///< single characters and pairs (1–2 characters)
    QString alias;    ///< the base table's alias in visibility conditions
    QStringList text; ///< the indexed columns (as in migration 7)
};

KindTables tablesOf(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Enterprise:
        return {QStringLiteral("enterprises"),
                QStringLiteral("search_enterprises"),
                QStringLiteral("search_enterprises_grams"),
                QStringLiteral("e"),
                {QStringLiteral("name"), QStringLiteral("credit_code"), QStringLiteral("contact_person"),
                 QStringLiteral("contact_phone")}};
    case SearchKind::Visit:
        return {QStringLiteral("visits"),
                QStringLiteral("search_visits"),
                QStringLiteral("search_visits_grams"),
                QStringLiteral("v"),
                {QStringLiteral("summary"), QStringLiteral("chk_worker_spirit_note"),
                 QStringLiteral("chk_union_vitality_note"), QStringLiteral("chk_lawful_employment_note"),
                 QStringLiteral("chk_support_measures_note"), QStringLiteral("chk_rights_protection_note")}};
    case SearchKind::Issue:
        break;
    }
    return {QStringLiteral("issues"),
            QStringLiteral("search_issues"),
            QStringLiteral("search_issues_grams"),
            QStringLiteral("i"),
            {QStringLiteral("number"), QStringLiteral("title"), QStringLiteral("description")}};
}

QString inList(const QList<RowId>& ids)
{
    QStringList marks;
    for (qsizetype n = 0; n < ids.size(); ++n)
        marks << QStringLiteral("?");
    return QStringLiteral("(") + marks.join(QStringLiteral(", ")) + QStringLiteral(")");
}

/** The first non-empty text that contains a term, else the first non-empty one. */
QString bestText(const QStringList& texts, const QStringList& terms)
{
    for (const QString& t : texts) {
        if (SearchText::containsAny(t, terms))
            return t;
    }
    for (const QString& t : texts) {
        if (!t.trimmed().isEmpty())
            return t;
    }
    return {};
}

} // namespace

QString SqliteSearch::matchStatement(SearchKind kind, const QStringList& terms, std::optional<RowId> visibleTo,
                                     QVariantList* out)
{
    QStringList longTerms, shortTerms;
    for (const QString& t : terms)
        (SearchText::isShort(t) ? shortTerms : longTerms) << t;
    if (longTerms.isEmpty() && shortTerms.isEmpty())
        return {};
    QVariantList& values = *out;
    const KindTables k = tablesOf(kind);
    const bool limited = visibleTo && kind != SearchKind::Enterprise; // the registry is district-wide
    QString statement;
    auto indexCheck = [&](const QString& table, const QString& rowid, const QStringList& group) {
        values << SearchText::matchExpression(group);
        return QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %1.rowid = %2 AND %1 MATCH ?)").arg(table, rowid);
    };
    if (limited) {
        QStringList conditions;
        if (kind == SearchKind::Visit) {
            conditions << VisitQueries::visibleToCondition();
            for (int n = 0; n < VisitQueries::kVisibleToBindings; ++n)
                values << *visibleTo;
        } else {
            conditions << IssueRepository::visibleToCondition();
            for (int n = 0; n < IssueRepository::kVisibleToBindings; ++n)
                values << *visibleTo;
        }
        const QString rowid = k.alias + QStringLiteral(".id");
        if (!longTerms.isEmpty())
            conditions << indexCheck(k.index, rowid, longTerms);
        if (!shortTerms.isEmpty())
            conditions << indexCheck(k.grams, rowid, shortTerms);
        statement = QStringLiteral("SELECT %1.id FROM %2 %1 WHERE ").arg(k.alias, k.base) +
                    conditions.join(QStringLiteral(" AND ")) +
                    QStringLiteral(" ORDER BY %1.id DESC LIMIT ? OFFSET ?").arg(k.alias);
    } else {
        // Walk one index in rowid order (streaming, stops at the limit); check the other by rowid.
        const bool byTrigrams = !longTerms.isEmpty();
        const QString driver = byTrigrams ? k.index : k.grams;
        values << SearchText::matchExpression(byTrigrams ? longTerms : shortTerms);
        statement = QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ?").arg(driver);
        if (byTrigrams && !shortTerms.isEmpty())
            statement += QStringLiteral(" AND ") + indexCheck(k.grams, driver + QStringLiteral(".rowid"), shortTerms);
        statement += QStringLiteral(" ORDER BY rowid DESC LIMIT ? OFFSET ?");
    }
    return statement;
}

QList<RowId> SqliteSearch::matchingIds(SearchKind kind, const QStringList& terms, std::optional<RowId> visibleTo,
                                       int offset, int limit)
{
    QVariantList values;
    const QString statement = matchStatement(kind, terms, visibleTo, &values);
    if (statement.isEmpty())
        return {};
    QSqlQuery q = sql::prepare(connection(), statement);
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    return readAll<RowId>(q, [](const QSqlQuery& r) { return r.value(0).toLongLong(); });
}

QList<SearchHit> SqliteSearch::hits(SearchKind kind, const QList<RowId>& ids, const QStringList& terms)
{
    if (ids.isEmpty())
        return {};
    QString statement;
    switch (kind) {
    case SearchKind::Enterprise:
        statement = QStringLiteral("SELECT e.id, e.name, e.credit_code, e.contact_person, e.contact_phone, t.name "
                                   "FROM enterprises e JOIN towns t ON t.id = e.town_id WHERE e.id IN ");
        break;
    case SearchKind::Visit:
        statement = QStringLiteral("SELECT v.id, v.visit_date, e.name, c.name, v.summary, v.chk_worker_spirit_note, "
                                   "v.chk_union_vitality_note, v.chk_lawful_employment_note, "
                                   "v.chk_support_measures_note, v.chk_rights_protection_note FROM visits v "
                                   "JOIN enterprises e ON e.id = v.enterprise_id JOIN cadres c ON c.id = v.author_id "
                                   "WHERE v.id IN ");
        break;
    case SearchKind::Issue:
        statement = QStringLiteral("SELECT i.id, i.number, i.title, i.description, e.name, i.received_on "
                                   "FROM issues i JOIN enterprises e ON e.id = i.enterprise_id WHERE i.id IN ");
        break;
    }
    QSqlQuery q = sql::prepare(connection(), statement + inList(ids));
    for (RowId id : ids)
        q.addBindValue(id);
    const auto found = readAll<SearchHit>(q, [&](const QSqlQuery& r) {
        SearchHit h;
        h.kind = kind;
        h.id = r.value(0).toLongLong();
        switch (kind) {
        case SearchKind::Enterprise: {
            h.title = SearchText::snippet(r.value(1).toString(), terms, 200);
            const QString code = r.value(2).toString();
            const QString contact = (r.value(3).toString() + QLatin1Char(' ') + r.value(4).toString()).trimmed();
            h.snippet = SearchText::snippet(code + QStringLiteral("  ") + contact, terms, 80);
            h.context = r.value(5).toString();
            break;
        }
        case SearchKind::Visit: {
            h.title = r.value(1).toString() + QStringLiteral("  ") + r.value(2).toString();
            QStringList texts;
            for (int c = 4; c <= 9; ++c)
                texts << r.value(c).toString();
            h.snippet = SearchText::snippet(bestText(texts, terms), terms);
            h.context = r.value(3).toString();
            break;
        }
        case SearchKind::Issue:
            h.title =
                SearchText::snippet(r.value(1).toString() + QStringLiteral("  ") + r.value(2).toString(), terms, 200);
            h.snippet = SearchText::snippet(bestText({r.value(3).toString(), r.value(2).toString()}, terms), terms);
            h.context = r.value(4).toString() + QStringLiteral("  ") + r.value(5).toString();
            break;
        }
        return h;
    });
    QHash<RowId, SearchHit> byId;
    for (const SearchHit& h : found)
        byId.insert(h.id, h);
    QList<SearchHit> ordered;
    for (RowId id : ids) {
        if (byId.contains(id))
            ordered << byId.value(id);
    }
    return ordered;
}

void SqliteSearch::setIndexingDeferred(bool deferred)
{
    QSqlQuery q = sql::prepare(connection(), deferred ? QStringLiteral("INSERT OR REPLACE INTO settings (key, value, "
                                                                       "updated_at) VALUES ('search.deferred', '1', ?)")
                                                      : QStringLiteral("DELETE FROM settings WHERE key = "
                                                                       "'search.deferred'"));
    if (deferred)
        q.addBindValue(Clock::toStorage(Clock::nowUtc()));
    sql::exec(q);
}

void SqliteSearch::rebuildIndexes()
{
    for (SearchKind kind : {SearchKind::Enterprise, SearchKind::Visit, SearchKind::Issue}) {
        const KindTables k = tablesOf(kind);
        sql::execDirect(connection(), QStringLiteral("INSERT INTO %1 (%1) VALUES ('rebuild')").arg(k.index));
        sql::execDirect(connection(), QStringLiteral("INSERT INTO %1 (%1) VALUES ('delete-all')").arg(k.grams));
        // The same text and grams as the triggers of migration 7.
        QStringList parts;
        for (const QString& column : k.text)
            parts << QStringLiteral("coalesce(%1, '')").arg(column);
        sql::execDirect(connection(),
                        QStringLiteral("INSERT INTO %1 (rowid, grams) SELECT r.id, (SELECT group_concat(substr(r.x, n, "
                                       "1) || ' ' || substr(r.x, n, 2), ' ') FROM search_positions WHERE n <= "
                                       "length(r.x)) FROM (SELECT id, %2 AS x FROM %3) AS r")
                            .arg(k.grams, parts.join(QStringLiteral(" || ' ' || ")), k.base));
    }
}

QString SqliteSearch::gramsOf(const QString& text, int positions)
{
    // SQLite's length() and substr() count code points, not UTF-16 units.
    const QList<uint> c = text.toUcs4();
    const qsizetype n = std::min<qsizetype>(c.size(), positions);
    QString grams;
    grams.reserve(n * 6);
    auto append = [&](uint codePoint) {
        if (QChar::requiresSurrogates(codePoint)) {
            grams += QChar(QChar::highSurrogate(codePoint));
            grams += QChar(QChar::lowSurrogate(codePoint));
        } else {
            grams += QChar(static_cast<char16_t>(codePoint));
        }
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0)
            grams += QLatin1Char(' ');
        append(c[i]); // substr(x, n, 1)
        grams += QLatin1Char(' ');
        append(c[i]); // substr(x, n, 2): the pair, or the last character alone
        if (i + 1 < c.size())
            append(c[i + 1]);
    }
    return grams;
}

void SqliteSearch::indexRecordsAfter(SearchKind kind, RowId afterId, const std::function<void()>& tick)
{
    const KindTables k = tablesOf(kind);
    // The trigram index: one statement (FTS5 tokenizes in C).
    QSqlQuery index = sql::prepare(connection(), QStringLiteral("INSERT INTO %1 (rowid, %2) SELECT id, %2 FROM %3 "
                                                                "WHERE id > ? ORDER BY id")
                                                     .arg(k.index, k.text.join(QStringLiteral(", ")), k.base));
    index.addBindValue(afterId);
    sql::exec(index);
    index.finish();
    if (tick)
        tick();
    // The grams index: the same text as the triggers of migration 7, cut in C++ (gramsOf), because
    // cutting it in SQL (substr per position, joined with search_positions) costs about 60 µs a
    // record, five times what FTS5 then needs to index it.
    const int positions = sql::scalar(connection(), QStringLiteral("SELECT max(n) FROM search_positions")).toInt();
    QSqlQuery rows = sql::prepare(connection(), QStringLiteral("SELECT id, %1 FROM %2 WHERE id > ? ORDER BY id")
                                                    .arg(k.text.join(QStringLiteral(", ")), k.base));
    rows.setForwardOnly(true);
    rows.addBindValue(afterId);
    sql::exec(rows);
    QSqlQuery insert =
        sql::prepare(connection(), QStringLiteral("INSERT INTO %1 (rowid, grams) VALUES (?, ?)").arg(k.grams));
    QStringList parts;
    qint64 count = 0;
    while (rows.next()) {
        parts.clear();
        for (int i = 0; i < k.text.size(); ++i)
            parts << rows.value(i + 1).toString(); // NULL reads as "" like coalesce(x, '')
        insert.addBindValue(rows.value(0).toLongLong());
        insert.addBindValue(gramsOf(parts.join(QLatin1Char(' ')), positions));
        sql::exec(insert);
        if (tick && (++count & 4095) == 0)
            tick();
    }
    rows.finish();
}

qint64 SqliteSearch::indexedRecordCount()
{
    return sql::scalar(connection(), QStringLiteral("SELECT (SELECT count(*) FROM enterprises) + (SELECT count(*) FROM "
                                                    "visits) + (SELECT count(*) FROM issues)"))
        .toLongLong();
}

QStringList SqliteSearch::checkIndexes()
{
    QStringList problems;
    for (SearchKind kind : {SearchKind::Enterprise, SearchKind::Visit, SearchKind::Issue}) {
        const KindTables k = tablesOf(kind);
        // The trigram index against the records themselves (external content).
        try {
            sql::execDirect(connection(),
                            QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('integrity-check', 1)").arg(k.index));
        } catch (const Error& e) {
            problems << QCoreApplication::translate("yg::Storage", "Search index of %1: %2").arg(k.base, e.message());
        }
        try {
            sql::execDirect(connection(),
                            QStringLiteral("INSERT INTO %1 (%1) VALUES ('integrity-check')").arg(k.grams));
        } catch (const Error& e) {
            problems << QCoreApplication::translate("yg::Storage", "Search index of %1: %2").arg(k.base, e.message());
        }
    }
    return problems;
}

} // namespace yg
