#include "ReportCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsScene>
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
    return s.size() > 8 ? s.left(7) + QStringLiteral("…") : s;
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

    auto* bars = new QBarSeries;
    double maxValue = 0;
    for (qsizetype i = 0; i < barCount; ++i) {
        auto* set = new QBarSet(spec.series[i].name);
        set->setColor(kPalette[i % kPalette.size()]);
        set->setBorderColor(kPalette[i % kPalette.size()]);
        for (const auto& v : spec.series[i].values) {
            *set << v.value_or(0);
            maxValue = std::max(maxValue, v.value_or(0));
        }
        bars->append(set);
    }
    chart->addSeries(bars);

    QStringList labels;
    qsizetype longest = 0;
    for (const QString& c : spec.categories) {
        labels << shortLabel(c);
        longest = std::max(longest, labels.last().size());
    }
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    // Slanted labels when many long ones would not fit side by side (Chinese category names).
    if (labels.size() > 12 || (labels.size() > 6 && longest > 3))
        x->setLabelsAngle(-40);
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    x->setLabelsFont(small);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);

    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setRange(0, maxValue <= 0 ? 1 : std::ceil(maxValue * 1.1));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
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
