#pragma once

#include "reporting/ReportDocument.h"

class QPagedPaintDevice;
class QTextDocument;

namespace yg {

/**
 * The report laid out for paper: A4, Chinese text in Noto Sans CJK (embedded by the PDF
 * writer), on every page a header with the union's name, the report's title, period and
 * scope, and a footer with the generation date and "page n of N"; tables repeat their
 * header row on each page; charts as images.
 */
class ReportPaper
{
public:
    explicit ReportPaper(const ReportDocument& doc);
    ~ReportPaper();

    /** The body as HTML (tables, charts, texts, definitions), for the app's preview too. */
    QString html() const;
    /** Paints every page onto a PDF writer or a printer; returns the number of pages. */
    int paint(QPagedPaintDevice& device);

private:
    const ReportDocument& m_doc;
};

/** Writes the PDF through QSaveFile (the previous file or none after a crash); throws yg::Error naming the file. */
void writeDocumentPdf(const ReportDocument& doc, const QString& path);

/**
 * Writes the document in the format its file name ends in (.pdf .xlsx .csv .json), each
 * through QSaveFile; throws yg::Error naming the file, or listing the endings accepted.
 * CSV writes one file per table beside `path` (see writeDocumentCsv).
 */
void writeDocumentFile(const ReportDocument& doc, const QString& path);

/** The font family reports use for Chinese text. */
QString reportFontFamily();

} // namespace yg
