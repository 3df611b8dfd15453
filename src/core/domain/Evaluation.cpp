#include "Evaluation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace yg {

QString toKey(NominationKind kind)
{
    return kind == NominationKind::Research ? QStringLiteral("research") : QStringLiteral("suggestion");
}

std::optional<NominationKind> nominationKindFromKey(const QString& key)
{
    const QString k = key.trimmed();
    if (k == QLatin1String("research") || k == QStringLiteral("调研成果") || k == QStringLiteral("优秀调研成果"))
        return NominationKind::Research;
    if (k == QLatin1String("suggestion") || k == QStringLiteral("合理化建议"))
        return NominationKind::Suggestion;
    return std::nullopt;
}

QString displayName(NominationKind kind)
{
    return kind == NominationKind::Research ? QCoreApplication::translate("yg::Evaluation", "Excellent research result")
                                            : QCoreApplication::translate("yg::Evaluation", "Reasonable suggestion");
}

QStringList validate(const Nomination& n)
{
    QStringList problems;
    if (n.year < 2000 || n.year > 2100)
        problems << QCoreApplication::translate("yg::Evaluation", "the year %1 is not a year between 2000 and 2100")
                        .arg(n.year);
    if (n.cadreId <= 0)
        problems << QCoreApplication::translate("yg::Evaluation", "no cadre is named");
    if (n.title.trimmed().isEmpty())
        problems << QCoreApplication::translate("yg::Evaluation", "the title is empty");
    if (n.score && (*n.score < 0 || *n.score > 100))
        problems
            << QCoreApplication::translate("yg::Evaluation", "the score %1 is not between 0 and 100").arg(*n.score);
    if (n.selected && !n.score)
        problems << QCoreApplication::translate("yg::Evaluation", "only a scored nomination can be selected");
    return problems;
}

QStringList validate(const QuarterlyNote& n)
{
    QStringList problems;
    static const QRegularExpression quarterRe(QStringLiteral("^\\d{4}-Q[1-4]$"));
    if (!quarterRe.match(n.quarter).hasMatch())
        problems << QCoreApplication::translate("yg::Evaluation", "'%1' is not a quarter like 2024-Q3").arg(n.quarter);
    if (n.authorId <= 0)
        problems << QCoreApplication::translate("yg::Evaluation", "no author is named");
    if ((n.kind == QuarterlyNoteKind::TownAssessment) != n.townId.has_value())
        problems << (n.townId ? QCoreApplication::translate("yg::Evaluation", "a reflection is not about a town")
                              : QCoreApplication::translate("yg::Evaluation", "a town assessment needs its town"));
    if (n.body.trimmed().isEmpty())
        problems << QCoreApplication::translate("yg::Evaluation", "the text is empty");
    return problems;
}

} // namespace yg
