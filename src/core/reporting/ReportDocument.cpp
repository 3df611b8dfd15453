#include "ReportDocument.h"

#include "util/Error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace yg {

ReportCell ReportCell::of(const QString& s)
{
    ReportCell c;
    c.type = Type::Text;
    c.text = s;
    return c;
}

ReportCell ReportCell::of(qint64 n)
{
    ReportCell c;
    c.type = Type::Integer;
    c.integer = n;
    return c;
}

ReportCell ReportCell::of(const std::optional<qint64>& n)
{
    return n ? of(*n) : empty();
}

ReportCell ReportCell::days(const std::optional<double>& d)
{
    if (!d)
        return empty();
    ReportCell c;
    c.type = Type::Decimal;
    c.decimal = qRound(*d * 10) / 10.0;
    return c;
}

ReportCell ReportCell::of(const Rate& r)
{
    if (!r.hundredthsOfPercent())
        return empty();
    ReportCell c;
    c.type = Type::Percent;
    c.rate = r;
    return c;
}

ReportCell ReportCell::of(const QDate& d)
{
    if (!d.isValid())
        return empty();
    ReportCell c;
    c.type = Type::Date;
    c.date = d;
    return c;
}

QString ReportCell::display() const
{
    switch (type) {
    case Type::Empty:
        return QStringLiteral("—");
    case Type::Text:
        return text;
    case Type::Integer:
        return QString::number(integer);
    case Type::Decimal:
        return QString::number(decimal, 'f', 1);
    case Type::Percent:
        return rate.percentText();
    case Type::Date:
        return date.toString(Qt::ISODate);
    }
    return {};
}

const ReportTable* ReportDocument::table(const QString& key) const
{
    for (const ReportTable& t : tables) {
        if (t.key == key)
            return &t;
    }
    return nullptr;
}

QStringList ReportDocument::headerLines() const
{
    return {organisation, QCoreApplication::translate("yg::ReportDocument", "Period: %1").arg(periodText),
            QCoreApplication::translate("yg::ReportDocument", "Scope: %1").arg(scopeText),
            QCoreApplication::translate("yg::ReportDocument", "Counting: %1").arg(countingText),
            QCoreApplication::translate("yg::ReportDocument", "Generated: %1")
                .arg(generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")))};
}

namespace {

QJsonValue cellJson(const ReportCell& c)
{
    switch (c.type) {
    case ReportCell::Type::Empty:
        return QJsonValue();
    case ReportCell::Type::Text:
        return c.text;
    case ReportCell::Type::Integer:
        return c.integer;
    case ReportCell::Type::Decimal:
        return c.decimal;
    case ReportCell::Type::Percent:
        return QJsonObject{{QStringLiteral("numerator"), c.rate.numerator},
                           {QStringLiteral("denominator"), c.rate.denominator},
                           {QStringLiteral("percent"), *c.rate.hundredthsOfPercent() / 100.0},
                           {QStringLiteral("text"), c.rate.percentText()}};
    case ReportCell::Type::Date:
        return c.date.toString(Qt::ISODate);
    }
    return QJsonValue();
}

QString csvCell(QString v)
{
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r')))
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

void writeCsvTable(const QString& path, const ReportTable& table)
{
    QSaveFile f(path);
    auto fail = [&] {
        throw Error(
            QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, f.errorString()));
    };
    if (!f.open(QIODevice::WriteOnly))
        fail();
    f.write("\xEF\xBB\xBF");
    QStringList header;
    for (const QString& c : table.columns)
        header << csvCell(c);
    f.write(header.join(QLatin1Char(',')).toUtf8() + "\r\n");
    for (const QList<ReportCell>& row : table.rows) {
        QStringList cells;
        for (const ReportCell& c : row) {
            // A typed-in text starting like a formula is kept as text in Excel and WPS.
            const QString shown = c.display();
            const bool formulaLike =
                c.type == ReportCell::Type::Text && !shown.isEmpty() && QStringLiteral("=+-@").contains(shown.front());
            cells << csvCell(formulaLike ? QLatin1Char('\'') + shown : shown);
        }
        f.write(cells.join(QLatin1Char(',')).toUtf8() + "\r\n");
    }
    if (!f.commit())
        fail();
}

} // namespace

QJsonObject ReportDocument::toJson() const
{
    QJsonArray tablesJson;
    for (const ReportTable& t : tables) {
        QJsonArray rowsJson;
        for (const QList<ReportCell>& row : t.rows) {
            QJsonArray cells;
            for (const ReportCell& c : row)
                cells.append(cellJson(c));
            rowsJson.append(cells);
        }
        tablesJson.append(QJsonObject{{QStringLiteral("key"), t.key},
                                      {QStringLiteral("title"), t.title},
                                      {QStringLiteral("columns"), QJsonArray::fromStringList(t.columns)},
                                      {QStringLiteral("rows"), rowsJson},
                                      {QStringLiteral("note"), t.note}});
    }
    QJsonArray textsJson;
    for (const ReportText& t : texts) {
        textsJson.append(QJsonObject{{QStringLiteral("title"), t.title},
                                     {QStringLiteral("author"), t.author},
                                     {QStringLiteral("body"), t.body}});
    }
    return {{QStringLiteral("format"), QStringLiteral("yuegong-report-document")},
            {QStringLiteral("formatVersion"), 1},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("title"), title},
            {QStringLiteral("organisation"), organisation},
            {QStringLiteral("period"), periodText},
            {QStringLiteral("scope"), scopeText},
            {QStringLiteral("counting"), countingText},
            {QStringLiteral("generatedAt"), generatedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("tables"), tablesJson},
            {QStringLiteral("texts"), textsJson},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

QStringList writeDocumentCsv(const ReportDocument& doc, const QString& path)
{
    const QFileInfo info(path);
    const QString base = info.path() + QLatin1Char('/') + info.completeBaseName();
    const QString ext = info.suffix().isEmpty() ? QStringLiteral("csv") : info.suffix();
    QStringList files;
    for (qsizetype i = 0; i < doc.tables.size(); ++i) {
        const QString file = i == 0 ? path : base + QLatin1Char('-') + doc.tables[i].key + QLatin1Char('.') + ext;
        writeCsvTable(file, doc.tables[i]);
        files << file;
    }
    return files;
}

} // namespace yg
