#pragma once

#include "reporting/Rate.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace yg {

/**
 * One cell of a report table, typed so every format can show it properly: a spreadsheet
 * stores numbers as numbers, rates as percentages and dates as dates; a missing value
 * ("—", e.g. a rate with nothing to divide by) stays missing in every format.
 */
struct ReportCell
{
    enum class Type
    {
        Empty, ///< "—"
        Text,
        Integer,
        Decimal, ///< one decimal (working days)
        Percent, ///< a Rate: exact text, fraction for spreadsheets
        Date
    };
    Type type = Type::Empty;
    QString text;
    qint64 integer = 0;
    double decimal = 0;
    Rate rate;
    QDate date;

    static ReportCell empty() { return {}; }
    static ReportCell of(const QString& s);
    static ReportCell of(qint64 n);
    static ReportCell of(const std::optional<qint64>& n);
    static ReportCell days(const std::optional<double>& d);
    static ReportCell of(const Rate& r);
    static ReportCell of(const QDate& d);

    /** What a person reads: "94.70%", "—", "2024-03-05", "12.5". */
    QString display() const;
};

/** A table: one CSV file, one spreadsheet sheet, one table in the PDF. */
struct ReportTable
{
    QString key;   ///< stable, e.g. "figures", "by_town"; file and sheet names derive from it
    QString title; ///< translated
    QStringList columns;
    QList<QList<ReportCell>> rows;
    QString note; ///< a footnote under the table (definitions), may be empty
};

/** A chart: categories along the axis, one or more series of values (bars, or a rate line). */
struct ReportChart
{
    enum class Kind
    {
        Bars,
        BarsWithRateLine ///< the first series as bars, the last as a percentage line on a second axis
    };
    struct Series
    {
        QString name;
        QList<std::optional<double>> values;
    };
    QString key;
    QString title;
    Kind kind = Kind::Bars;
    QStringList categories;
    QList<Series> series;
};

/** Prose in a report: the quarterly analysis texts, notes, the composed week. */
struct ReportText
{
    QString title;
    QString author;
    QString body;
};

/**
 * A report as every format shows it (app view, PDF, print, XLSX, CSV, JSON): a title,
 * header lines (union, period, scope, counting, generation date), tables, charts and texts.
 * Built by ReportLayouts from the engine's SQL aggregates.
 */
struct ReportDocument
{
    QString kind; ///< summary, weekly, monthly, quarterly, annual
    QString title;
    QString organisation; ///< the union's name, for page headers
    QString periodText;   ///< "2024-Q3 (2024-07-01 – 2024-09-30)"
    QString scopeText;    ///< "稽山街道" or "全区"
    QString countingText;
    QDateTime generatedAt;
    QList<ReportTable> tables;
    QList<ReportChart> charts;
    QList<ReportText> texts;
    QString textsTitle; ///< the heading over the texts; empty: "Quarterly analysis"
    QStringList notes;  ///< definitions, shown at the end

    const ReportTable* table(const QString& key) const;
    /** The header lines in order: organisation, period, scope, counting, generated at. */
    QStringList headerLines() const;
    /** Stable keys, documented in docs/reports.md (format "yuegong-report-document", version 1). */
    QJsonObject toJson() const;
};

/**
 * Writes one UTF-8-with-BOM CSV file per table through QSaveFile: `path` for the first,
 * "<base>-<table key>.<ext>" for the others. Returns the files written.
 */
QStringList writeDocumentCsv(const ReportDocument& doc, const QString& path);

} // namespace yg
