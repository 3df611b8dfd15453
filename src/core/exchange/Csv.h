#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace yg {

/** The text encodings a spreadsheet export comes in. */
enum class CsvEncoding
{
    Auto,   ///< a UTF-8 BOM, else valid UTF-8, else GB18030 (what Chinese Excel/WPS write by default)
    Utf8,   ///< with or without BOM
    Gb18030 ///< GB18030, a superset of GBK and GB2312
};

/** "utf-8", "gb18030" (also "gbk", "gb2312") or "auto"; nullopt for anything else. */
std::optional<CsvEncoding> csvEncodingFromName(const QString& name);

/** A decoded file and the encoding it was read in ("UTF-8 with BOM", "UTF-8", "GB18030"). */
struct CsvText
{
    QString text;
    QString encodingName;
};

/**
 * Decodes a CSV file's bytes. With Auto, a UTF-8 BOM or bytes that are valid UTF-8 mean
 * UTF-8, anything else GB18030. Throws yg::Error naming the file when the bytes are not
 * valid in the requested encoding.
 */
CsvText decodeCsv(const QByteArray& bytes, CsvEncoding encoding, const QString& fileName);

/** Reads and decodes a file (see decodeCsv); throws yg::Error when it cannot be read. */
CsvText readCsvFile(const QString& path, CsvEncoding encoding);

/**
 * Splits CSV text into records the way Excel and WPS write them: comma separated, fields
 * in double quotes may hold commas, newlines and doubled quotes (""), CRLF or LF line
 * ends, surrounding spaces of a field dropped, blank lines skipped. Works on a view of
 * the text, so a large file is walked without copying it.
 */
class CsvReader
{
public:
    explicit CsvReader(QStringView text) : m_text(text) {}

    /**
     * The next non-blank record; false at the end. *line receives the 1-based line on
     * which the record starts (the row number a spreadsheet shows for files without
     * embedded newlines).
     */
    bool next(QStringList* fields, int* line);

private:
    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

/** One field written for CSV: quoted when it holds a comma, quote or newline. */
QString csvField(const QString& value);

} // namespace yg
