#include "ReportCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace yg {

namespace {

const QList<QColor> kPalette{QColor(0x2F, 0x6D, 0xB5), QColor(0xE0, 0x8A, 0x1E), QColor(0x3A, 0x9D, 0x5D),
                             QColor(0x9B, 0x59, 0xB6)};

QString shortLabel(const QString& s)
{
    return s.size() > 12 ? s.left(11) + QStringLiteral("…") : s;
}

} // namespace

QChart* makeChart(const ReportChart& spec)
{
    auto* chart = new QChart;
    chart->setTitle(spec.title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundBrush(Qt::white);

    const bool withLine = spec.kind == ReportChart::Kind::BarsWithRateLine && spec.series.size() >= 2;
    const qsizetype barCount = withLine ? spec.series.size() - 1 : spec.series.size();

    // Plain bars run horizontally: Chinese names of towns and categories read in full on
    // the vertical axis. The monthly trend keeps upright bars under its rate line.
    QAbstractBarSeries* bars = withLine ? static_cast<QAbstractBarSeries*>(new QBarSeries)
                                        : static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries);
    double maxValue = 0;
    for (qsizetype i = 0; i < barCount; ++i) {
        auto* set = new QBarSet(spec.series[i].name);
        set->setColor(kPalette[i % kPalette.size()]);
        set->setBorderColor(kPalette[i % kPalette.size()]);
        QList<std::optional<double>> values = spec.series[i].values;
        if (!withLine)
            std::reverse(values.begin(), values.end());
        for (const auto& v : values) {
            *set << v.value_or(0);
            maxValue = std::max(maxValue, v.value_or(0));
        }
        bars->append(set);
    }
    chart->addSeries(bars);

    QStringList labels;
    for (const QString& c : spec.categories)
        labels << shortLabel(c);
    auto* x = new QBarCategoryAxis;
    // Horizontal bars list the first category at the top.
    if (!withLine)
        std::reverse(labels.begin(), labels.end());
    x->append(labels);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    x->setLabelsFont(small);
    x->setTruncateLabels(false); // whole Chinese names; shortLabel() already bounds their length
    chart->addAxis(x, withLine ? Qt::AlignBottom : Qt::AlignLeft);
    bars->attachAxis(x);

    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, maxValue <= 0 ? 1 : std::ceil(maxValue * 1.1));
    y->applyNiceNumbers();
    chart->addAxis(y, withLine ? Qt::AlignLeft : Qt::AlignBottom);
    bars->attachAxis(y);

    if (withLine) {
        const ReportChart::Series& rate = spec.series.last();
        auto* line = new QLineSeries;
        line->setName(rate.name);
        QPen pen(QColor(0xC0, 0x39, 0x2B));
        pen.setWidthF(2.5);
        line->setPen(pen);
        line->setPointsVisible(true);
        // Category axes place bar groups at 0, 1, 2, …: the line's points sit on them.
        for (qsizetype i = 0; i < rate.values.size(); ++i) {
            if (rate.values[i])
                line->append(double(i), *rate.values[i]);
        }
        chart->addSeries(line);
        auto* percent = new QValueAxis;
        percent->setRange(0, 100);
        percent->setLabelFormat(QStringLiteral("%.0f"));
        percent->setTitleText(QStringLiteral("%"));
        percent->setLinePenColor(pen.color());
        percent->setLabelsColor(pen.color());
        chart->addAxis(percent, Qt::AlignRight);
        line->attachAxis(x);
        line->attachAxis(percent);
    }
    return chart;
}

int chartHeightFor(const ReportChart& chart, int minimum)
{
    if (chart.kind == ReportChart::Kind::BarsWithRateLine)
        return minimum;
    return std::max(minimum, 90 + 24 * int(chart.categories.size()));
}

QImage renderChart(const ReportChart& spec, const QSize& size)
{
    QGraphicsScene scene;
    QChart* chart = makeChart(spec);
    scene.addItem(chart); // the scene owns it from here
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(size)));
    // Drawn at twice the logical size, so the chart stays sharp in print.
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

} // namespace yg
