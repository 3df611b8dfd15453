#pragma once

#include "domain/Entities.h"

#include <optional>

namespace yg {

/** 年终评议 nominations: 优秀调研成果 (research) and 合理化建议 (suggestion). */
enum class NominationKind
{
    Research,
    Suggestion
};

QString toKey(NominationKind kind);
std::optional<NominationKind>
nominationKindFromKey(const QString& key); ///< "research", "suggestion", 调研成果, 合理化建议
QString displayName(NominationKind kind);

/** A nominated piece of work of one cadre for a year's evaluation; staff score it (0–100) and select it. */
struct Nomination
{
    RecordMeta meta;
    int year = 0;
    NominationKind kind = NominationKind::Research;
    RowId cadreId = 0;
    QString title;
    QString summary;
    std::optional<double> score;
    bool selected = false;
};

/** 季分析: a cadre's reflections (心得) or staff's assessment of a town, for one quarter. */
enum class QuarterlyNoteKind
{
    Reflection,
    TownAssessment
};

struct QuarterlyNote
{
    RecordMeta meta;
    QString quarter; ///< "2024-Q3"
    QuarterlyNoteKind kind = QuarterlyNoteKind::Reflection;
    RowId authorId = 0;
    std::optional<RowId> townId; ///< TownAssessment only
    QString body;
};

/** Plain-words problems of a nomination (empty: valid). */
QStringList validate(const Nomination& n);
QStringList validate(const QuarterlyNote& n);

} // namespace yg
