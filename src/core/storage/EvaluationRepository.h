#pragma once

#include "domain/Evaluation.h"
#include "storage/RepositoryBase.h"

namespace yg {

/** Nominations for the annual evaluation and the quarterly analysis texts. */
class EvaluationRepository : public RepositoryBase
{
public:
    explicit EvaluationRepository(Database& db) : RepositoryBase(db) {}

    void insert(Nomination& n);
    /** Optimistic: a stale copy is refused with "changed by X at T". */
    void update(Nomination& n, std::optional<RowId> actor);
    std::optional<Nomination> nomination(RowId id);
    /** A year's nominations: kind, then score (highest first, unscored last), then title. */
    QList<Nomination> nominations(int year);

    /** Adds the text, or replaces the author's text for the same quarter and subject. */
    void save(QuarterlyNote& note, std::optional<RowId> actor);
    /** One author's text on a subject (a reflection: townId unset), if written. */
    std::optional<QuarterlyNote> quarterlyNote(const QString& quarter, QuarterlyNoteKind kind, RowId authorId,
                                               std::optional<RowId> townId = std::nullopt);
    /** A quarter's texts; a town's assessments and the reflections of cadres linked to the town if townId is set. */
    QList<QuarterlyNote> quarterlyNotes(const QString& quarter, std::optional<RowId> townId = std::nullopt);
};

} // namespace yg
