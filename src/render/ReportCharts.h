#pragma once

#include "reporting/ReportDocument.h"

#include <QImage>

class QChart;

namespace yg {

/**
 * Qt Charts for a report's charts: bars per category, or bars with the resolution rate
 * as a line on a second (percent) axis. The same chart objects are shown in the app and
 * rendered to images for PDF and print. Needs a QApplication (the CLI runs one on the
 * offscreen platform).
 */
QChart* makeChart(const ReportChart& chart);

/** The height a chart needs: horizontal bars get a line per category. */
int chartHeightFor(const ReportChart& chart, int minimum);

/** The chart painted into an image of the given logical size (device pixel ratio 2, white background). */
QImage renderChart(const ReportChart& chart, const QSize& size);

} // namespace yg
