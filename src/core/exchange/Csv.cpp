#include "Csv.h"

#include "util/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <optional>

namespace yg {

std::optional<CsvEncoding> csvEncodingFromName(const QString& name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
    if (n.isEmpty() || n == QLatin1String("auto"))
        return CsvEncoding::Auto;
    if (n == QLatin1String("utf8") || n == QLatin1String("utf8bom"))
        return CsvEncoding::Utf8;
    if (n == QLatin1String("gb18030") || n == QLatin1String("gbk") || n == QLatin1String("gb2312") ||
        n == QLatin1String("cp936"))
        return CsvEncoding::Gb18030;
    return std::nullopt;
}

CsvText decodeCsv(const QByteArray& bytes, CsvEncoding encoding, const QString& fileName)
{
    static const QByteArray bom("\xEF\xBB\xBF");
    const bool hasBom = bytes.startsWith(bom);
    if (encoding != CsvEncoding::Gb18030) {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = utf8.decode(QByteArrayView(bytes).sliced(hasBom ? 3 : 0));
        if (!utf8.hasError())
            return {std::move(text), hasBom ? QStringLiteral("UTF-8 (BOM)") : QStringLiteral("UTF-8")};
        if (encoding == CsvEncoding::Utf8 || hasBom)
            throw Error(QCoreApplication::translate("yg::Import",
                                                    "%1 is not valid UTF-8; if it was saved by Excel or WPS as "
                                                    "\"CSV (comma delimited)\", choose the GB18030 encoding.")
                            .arg(fileName));
    }
    QStringDecoder gb("GB18030", QStringDecoder::Flag::Stateless);
    if (!gb.isValid())
        throw Error(QCoreApplication::translate("yg::Import", "This system cannot decode GB18030 text."));
    QString text = gb.decode(bytes);
    if (gb.hasError())
        throw Error(QCoreApplication::translate("yg::Import", "%1 is neither valid UTF-8 nor valid GB18030 text.")
                        .arg(fileName));
    return {std::move(text), QStringLiteral("GB18030")};
}

CsvText readCsvFile(const QString& path, CsvEncoding encoding)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("yg::Import", "%1 cannot be read: %2").arg(path, f.errorString()));
    return decodeCsv(f.readAll(), encoding, QFileInfo(path).fileName());
}

bool CsvReader::next(QStringList* fields, int* line)
{
    const qsizetype n = m_text.size();
    while (m_pos < n) {
        fields->clear();
        *line = m_line;
        QString field;
        bool quoted = false;    // inside quotes
        bool wasQuoted = false; // this field had quotes (keep its inner spaces)
        bool endOfRecord = false;
        auto flush = [&] {
            fields->append(field.trimmed());
            field.clear();
            wasQuoted = false;
        };
        while (m_pos < n && !endOfRecord) {
            const QChar c = m_text.at(m_pos++);
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (m_pos < n && m_text.at(m_pos) == QLatin1Char('"')) {
                        field.append(c);
                        ++m_pos;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == QLatin1Char('\n'))
                        ++m_line;
                    if (c != QLatin1Char('\r'))
                        field.append(c);
                }
                continue;
            }
            if (c == QLatin1Char(',')) {
                flush();
            } else if (c == QLatin1Char('\n')) {
                ++m_line;
                endOfRecord = true;
            } else if (c == QLatin1Char('\r')) {
                // CR of CRLF (or a lone CR): the record ends at the LF or here.
                if (m_pos < n && m_text.at(m_pos) == QLatin1Char('\n'))
                    continue;
                ++m_line;
                endOfRecord = true;
            } else if (c == QLatin1Char('"') && field.trimmed().isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.clear();
            } else {
                field.append(c);
            }
        }
        flush();
        bool blank = true;
        for (const QString& f : std::as_const(*fields)) {
            if (!f.trimmed().isEmpty()) {
                blank = false;
                break;
            }
        }
        if (!blank)
            return true;
    }
    fields->clear();
    return false;
}

QString csvField(const QString& value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')) &&
        !value.contains(QLatin1Char('\r')))
        return value;
    QString v = value;
    v.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + v + QLatin1Char('"');
}

} // namespace yg
