#include "ReportPdf.h"

#include "render/ReportCharts.h"
#include "reporting/XlsxExport.h"
#include "util/Error.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QUrl>

namespace yg {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

bool numeric(const ReportCell& c)
{
    return c.type == ReportCell::Type::Integer || c.type == ReportCell::Type::Decimal ||
           c.type == ReportCell::Type::Percent;
}

QUrl chartUrl(const ReportChart& c)
{
    return QUrl(QStringLiteral("chart://") + c.key);
}

// Logical size; at the PDF's 300 dpi it is about 170 mm wide, inside the 180 mm text width.
const QSize kChartSize(640, 300);

} // namespace

QString reportFontFamily()
{
    for (const char* family : {"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC"}) {
        if (QFontDatabase::hasFamily(QLatin1String(family)))
            return QLatin1String(family);
    }
    return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
}

ReportPaper::ReportPaper(const ReportDocument& doc) : m_doc(doc) {}

ReportPaper::~ReportPaper() = default;

QString ReportPaper::html() const
{
    QString h;
    h += QStringLiteral("<h2 align=\"center\">%1</h2>").arg(esc(m_doc.title));
    h += QStringLiteral("<p align=\"center\" style=\"color:#444\">%1<br/>%2 · %3</p>")
             .arg(esc(m_doc.organisation),
                  esc(QCoreApplication::translate("yg::ReportDocument", "Period: %1").arg(m_doc.periodText)),
                  esc(QCoreApplication::translate("yg::ReportDocument", "Scope: %1").arg(m_doc.scopeText)));
    if (!m_doc.countingText.isEmpty()) // a meeting record counts nothing
        h += QStringLiteral("<p style=\"color:#444\">%1</p>")
                 .arg(esc(QCoreApplication::translate("yg::ReportDocument", "Counting: %1").arg(m_doc.countingText)));
    for (const ReportTable& t : m_doc.tables) {
        h += QStringLiteral("<h3>%1</h3>").arg(esc(t.title));
        if (t.rows.isEmpty()) {
            h += QStringLiteral("<p>%1</p>").arg(esc(QCoreApplication::translate("yg::ReportPaper", "None.")));
        } else {
            h += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "style=\"border-color:#999; border-style:solid\"><thead><tr>");
            for (const QString& c : t.columns)
                h += QStringLiteral("<th bgcolor=\"#E8EEF7\">%1</th>").arg(esc(c));
            h += QStringLiteral("</tr></thead>");
            for (const QList<ReportCell>& row : t.rows) {
                h += QStringLiteral("<tr>");
                for (const ReportCell& c : row) {
                    h += QStringLiteral("<td%1>%2</td>")
                             .arg(numeric(c) ? QStringLiteral(" align=\"right\"") : QString(), esc(c.display()));
                }
                h += QStringLiteral("</tr>");
            }
            h += QStringLiteral("</table>");
        }
        if (!t.note.isEmpty())
            h += QStringLiteral("<p style=\"font-size:small; color:#555\">%1</p>").arg(esc(t.note));
    }
    for (const ReportChart& c : m_doc.charts) {
        if (c.categories.isEmpty())
            continue;
        h += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\"/></p>")
                 .arg(chartUrl(c).toString())
                 .arg(kChartSize.width())
                 .arg(chartHeightFor(c, kChartSize.height()));
    }
    if (!m_doc.texts.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3>")
                 .arg(esc(m_doc.textsTitle.isEmpty()
                              ? QCoreApplication::translate("yg::ReportPaper", "Quarterly analysis")
                              : m_doc.textsTitle));
        for (const ReportText& t : m_doc.texts) {
            if (t.title.isEmpty() && t.author.isEmpty()) {
                h += QStringLiteral("<p>%1</p>").arg(esc(t.body));
                continue;
            }
            h += QStringLiteral("<p><b>%1</b>%2</p><p>%3</p>")
                     .arg(esc(t.title), t.author.isEmpty() ? QString() : QStringLiteral(" — ") + esc(t.author),
                          esc(t.body));
        }
    }
    if (!m_doc.notes.isEmpty()) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(esc(QCoreApplication::translate("yg::ReportPaper", "Definitions")));
        for (const QString& n : m_doc.notes)
            h += QStringLiteral("<li>%1</li>").arg(esc(n));
        h += QStringLiteral("</ul>");
    }
    return h;
}

int ReportPaper::paint(QPagedPaintDevice& device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&device))
        throw Error(QCoreApplication::translate("yg::ReportPaper", "The page device cannot be painted on."));
    const QRect page = painter.viewport(); // device pixels inside the margins
    const qreal dpi = device.logicalDpiY();
    const qreal mm = dpi / 25.4;

    QFont font(reportFontFamily());
    font.setPointSizeF(9.5);
    QFont headerFont = font;
    headerFont.setPointSizeF(8);

    const qreal headerHeight = 12 * mm;
    const qreal footerHeight = 10 * mm;
    const QRectF body(0, 0, page.width(), page.height() - headerHeight - footerHeight);

    QTextDocument text;
    text.setDefaultFont(font);
    text.setDocumentMargin(0);
    // Lay out in device pixels: point sizes scale with the device's resolution.
    text.documentLayout()->setPaintDevice(&device);
    for (const ReportChart& c : m_doc.charts) {
        if (!c.categories.isEmpty())
            text.addResource(QTextDocument::ImageResource, chartUrl(c),
                             renderChart(c, QSize(kChartSize.width(), chartHeightFor(c, kChartSize.height()))));
    }
    text.setHtml(html());
    text.setPageSize(body.size());
    const int pages = text.pageCount();

    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        painter.save();
        painter.setFont(headerFont);
        painter.setPen(QColor(0x44, 0x44, 0x44));
        const QRectF head(0, 0, page.width(), headerHeight - 2 * mm);
        painter.drawText(head, Qt::AlignLeft | Qt::AlignBottom, m_doc.organisation);
        painter.drawText(head, Qt::AlignRight | Qt::AlignBottom,
                         QStringLiteral("%1 · %2 · %3").arg(m_doc.title, m_doc.periodText, m_doc.scopeText));
        painter.drawLine(QPointF(0, headerHeight - 1 * mm), QPointF(page.width(), headerHeight - 1 * mm));
        const QRectF foot(0, page.height() - footerHeight + 2 * mm, page.width(), footerHeight - 2 * mm);
        painter.drawText(foot, Qt::AlignLeft | Qt::AlignTop,
                         QCoreApplication::translate("yg::ReportDocument", "Generated: %1")
                             .arg(m_doc.generatedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        painter.drawText(foot, Qt::AlignRight | Qt::AlignTop,
                         QCoreApplication::translate("yg::ReportPaper", "Page %1 of %2").arg(i + 1).arg(pages));
        painter.restore();

        painter.save();
        painter.translate(0, headerHeight - i * body.height());
        const QRectF clip(0, i * body.height(), body.width(), body.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = clip;
        painter.setClipRect(clip);
        text.documentLayout()->draw(&painter, ctx);
        painter.restore();
    }
    painter.end();
    return pages;
}

void writeDocumentPdf(const ReportDocument& doc, const QString& path)
{
    QSaveFile file(path);
    auto fail = [&](const QString& why) {
        throw Error(QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, why));
    };
    if (!file.open(QIODevice::WriteOnly))
        fail(file.errorString());
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(300);
        pdf.setTitle(doc.title);
        pdf.setCreator(QStringLiteral("YueGong Journal"));
        ReportPaper(doc).paint(pdf);
    }
    if (!file.commit())
        fail(file.errorString());
}

void writeDocumentFile(const ReportDocument& doc, const QString& path)
{
    const QString ext = QFileInfo(path).suffix().toLower();
    if (ext == QLatin1String("pdf")) {
        writeDocumentPdf(doc, path);
    } else if (ext == QLatin1String("xlsx")) {
        writeDocumentXlsx(doc, path);
    } else if (ext == QLatin1String("csv")) {
        writeDocumentCsv(doc, path);
    } else if (ext == QLatin1String("json")) {
        const QByteArray bytes = QJsonDocument(doc.toJson()).toJson(QJsonDocument::Indented);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            throw Error(
                QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, f.errorString()));
    } else {
        throw Error(
            QCoreApplication::translate("yg::ReportExport", "Choose a file ending in .pdf, .xlsx, .csv or .json."));
    }
}

} // namespace yg
