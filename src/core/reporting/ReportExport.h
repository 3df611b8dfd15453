#pragma once

#include "reporting/ReportEngine.h"

#include <QStringList>

namespace yg {

/**
 * Writes a report as CSV, one file per table (figures, by town, by category, by cadre,
 * by month), UTF-8 with BOM so Excel and WPS in China open it correctly. Each file is
 * written through QSaveFile: a crash or a full disk leaves the previous file or none.
 * `path` names the figures file; the others get "-by-town" etc. before the extension.
 * Returns the files written.
 */
QStringList writeReportCsv(const Report& report, const QString& path);

/** The figure rows (label, current, previous) as shown in every format. */
QList<QStringList> reportFigureRows(const Report& report);

} // namespace yg
