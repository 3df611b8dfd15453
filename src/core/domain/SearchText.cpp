#include "SearchText.h"

#include <QRegularExpression>

#include <algorithm>

namespace yg::SearchText {

QStringList terms(const QString& query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList out;
    for (QString t : query.split(space, Qt::SkipEmptyParts)) {
        t.remove(QLatin1Char('"'));
        t.remove(kMatchStart);
        t.remove(kMatchEnd);
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}

bool isShort(const QString& term)
{
    // Characters, not UTF-16 units: a rare character outside the BMP is one character.
    return term.toUcs4().size() < 3;
}

QString matchExpression(const QStringList& terms)
{
    QStringList phrases;
    for (const QString& t : terms)
        phrases << QLatin1Char('"') + QString(t).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return phrases.join(QStringLiteral(" AND "));
}

bool containsAny(const QString& text, const QStringList& terms)
{
    return std::any_of(terms.begin(), terms.end(),
                       [&](const QString& t) { return text.contains(t, Qt::CaseInsensitive); });
}

QString snippet(const QString& text, const QStringList& terms, int width)
{
    const QString flat = text.simplified();
    // Where each character is covered by a match (longest terms first win overlaps).
    QList<bool> covered(flat.size(), false);
    qsizetype first = -1;
    for (const QString& t : terms) {
        if (t.isEmpty())
            continue;
        for (qsizetype at = flat.indexOf(t, 0, Qt::CaseInsensitive); at >= 0;
             at = flat.indexOf(t, at + t.size(), Qt::CaseInsensitive)) {
            for (qsizetype i = at; i < at + t.size(); ++i)
                covered[i] = true;
            if (first < 0 || at < first)
                first = at;
        }
    }
    qsizetype start = 0;
    if (first > width / 3)
        start = first - width / 3;
    qsizetype end = std::min(flat.size(), start + width);
    if (end - start < width)
        start = std::max<qsizetype>(0, end - width);
    QString out;
    if (start > 0)
        out += QStringLiteral("…");
    bool inMatch = false;
    for (qsizetype i = start; i < end; ++i) {
        if (covered[i] != inMatch) {
            out += covered[i] ? kMatchStart : kMatchEnd;
            inMatch = covered[i];
        }
        out += flat.at(i);
    }
    if (inMatch)
        out += kMatchEnd;
    if (end < flat.size())
        out += QStringLiteral("…");
    return out;
}

} // namespace yg::SearchText
