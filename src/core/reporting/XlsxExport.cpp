#include "XlsxExport.h"

#include "util/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>

namespace yg {

namespace {

QString failure(const QString& path, const QString& why)
{
    return QCoreApplication::translate("yg::ReportExport", "%1 cannot be written: %2").arg(path, why);
}

/** Display width in Excel's character units: CJK and full-width characters count twice. */
double textWidth(const QString& s)
{
    double w = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        w += (u >= 0x1100 && (u <= 0x115F || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3) ||
                              (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) ||
                              (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6)))
                 ? 2.1
                 : 1.1;
    }
    return w;
}

struct Formats
{
    lxw_format* header = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* decimal = nullptr;
    lxw_format* date = nullptr;
    lxw_format* text = nullptr;
    lxw_format* title = nullptr;
};

void writeCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ReportCell& c, const Formats& f)
{
    switch (c.type) {
    case ReportCell::Type::Empty:
        worksheet_write_string(ws, row, col, "—", f.text);
        break;
    case ReportCell::Type::Text:
        worksheet_write_string(ws, row, col, c.text.toUtf8().constData(), f.text);
        break;
    case ReportCell::Type::Integer:
        worksheet_write_number(ws, row, col, double(c.integer), nullptr);
        break;
    case ReportCell::Type::Decimal:
        worksheet_write_number(ws, row, col, c.decimal, f.decimal);
        break;
    case ReportCell::Type::Percent:
        worksheet_write_number(ws, row, col, double(*c.rate.hundredthsOfPercent()) / 10000.0, f.percent);
        break;
    case ReportCell::Type::Date: {
        lxw_datetime dt{};
        dt.year = c.date.year();
        dt.month = c.date.month();
        dt.day = c.date.day();
        worksheet_write_datetime(ws, row, col, &dt, f.date);
        break;
    }
    }
}

} // namespace

QStringList xlsxSheetNames(const ReportDocument& doc)
{
    QStringList names;
    QStringList titles;
    for (const ReportTable& t : doc.tables)
        titles << t.title;
    titles << QCoreApplication::translate("yg::ReportExport", "About this report");
    for (QString name : titles) {
        for (const QChar bad : QStringLiteral("[]:*?/\\"))
            name.replace(bad, QLatin1Char(' '));
        name = name.trimmed().left(28);
        if (name.isEmpty())
            name = QStringLiteral("Sheet");
        QString unique = name;
        for (int n = 2; names.contains(unique, Qt::CaseInsensitive); ++n)
            unique = name + QString::number(n);
        names << unique;
    }
    return names;
}

void writeDocumentXlsx(const ReportDocument& doc, const QString& path)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        throw Error(failure(path, dir.errorString()));
    const QString temp = dir.filePath(QStringLiteral("report.xlsx"));
    const QByteArray tempName = QFile::encodeName(temp);

    lxw_workbook* wb = workbook_new(tempName.constData());
    if (!wb)
        throw Error(failure(path, QStringLiteral("workbook_new")));
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xE8EEF7);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.00%");
    f.decimal = workbook_add_format(wb);
    format_set_num_format(f.decimal, "0.0");
    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    f.text = workbook_add_format(wb);
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);

    const QStringList names = xlsxSheetNames(doc);
    for (qsizetype i = 0; i < doc.tables.size(); ++i) {
        const ReportTable& table = doc.tables[i];
        lxw_worksheet* ws = workbook_add_worksheet(wb, names[i].toUtf8().constData());
        QList<double> widths;
        for (qsizetype c = 0; c < table.columns.size(); ++c) {
            worksheet_write_string(ws, 0, lxw_col_t(c), table.columns[c].toUtf8().constData(), f.header);
            widths << std::min(textWidth(table.columns[c]), 24.0);
        }
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            const QList<ReportCell>& row = table.rows[r];
            for (qsizetype c = 0; c < row.size(); ++c) {
                writeCell(ws, lxw_row_t(r + 1), lxw_col_t(c), row[c], f);
                if (c < widths.size())
                    widths[c] = std::max(widths[c], textWidth(row[c].display()));
            }
        }
        for (qsizetype c = 0; c < widths.size(); ++c)
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), std::clamp(widths[c] + 2, 8.0, 60.0), nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        if (!table.note.isEmpty())
            worksheet_write_string(ws, lxw_row_t(table.rows.size() + 2), 0, table.note.toUtf8().constData(), nullptr);
    }
    lxw_worksheet* about = workbook_add_worksheet(wb, names.last().toUtf8().constData());
    lxw_row_t row = 0;
    worksheet_write_string(about, row++, 0, doc.title.toUtf8().constData(), f.title);
    for (const QString& line : doc.headerLines())
        worksheet_write_string(about, row++, 0, line.toUtf8().constData(), nullptr);
    for (const ReportText& text : doc.texts) {
        ++row;
        const QString head = text.author.isEmpty() ? text.title : text.title + QStringLiteral(" — ") + text.author;
        worksheet_write_string(about, row++, 0, head.toUtf8().constData(), f.header);
        worksheet_write_string(about, row++, 0, text.body.toUtf8().constData(), nullptr);
    }
    ++row;
    for (const QString& note : doc.notes)
        worksheet_write_string(about, row++, 0, note.toUtf8().constData(), nullptr);
    worksheet_set_column(about, 0, 0, 100, nullptr);

    const lxw_error closed = workbook_close(wb);
    if (closed != LXW_NO_ERROR)
        throw Error(failure(path, QString::fromUtf8(lxw_strerror(closed))));

    QFile in(temp);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(failure(path, in.errorString()));
    const QByteArray bytes = in.readAll();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        throw Error(failure(path, out.errorString()));
}

} // namespace yg
