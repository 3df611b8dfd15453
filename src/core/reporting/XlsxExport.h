#pragma once

#include "reporting/ReportDocument.h"

namespace yg {

/**
 * Writes the report as an XLSX workbook with libxlsxwriter: one sheet per table, in
 * order, then a sheet with the report's header, texts and definitions. Numbers are
 * stored as numbers, rates as fractions in percent format (the value is the published
 * rate, rounded half up to 0.01%, so the cell shows exactly the report's text), dates as
 * dates; the header row is bold and frozen; column widths fit Chinese text. The workbook
 * is written to a temporary file and committed through QSaveFile: a crash or a full disk
 * leaves the previous file or none. Throws yg::Error naming the file on failure.
 */
void writeDocumentXlsx(const ReportDocument& doc, const QString& path);

/** The sheet names writeDocumentXlsx uses (≤ 31 characters, unique, no []:*?/\). */
QStringList xlsxSheetNames(const ReportDocument& doc);

} // namespace yg
