#pragma once

#include "domain/Evaluation.h"

#include <QList>

#include <functional>

namespace yg {

class Database;

/**
 * The annual evaluation's nominations (staff record, score and select them) and the
 * quarterly analysis texts (each cadre writes their own reflections; staff assess towns).
 * Every call checks the acting user; a refusal throws yg::Error and changes nothing.
 */
class EvaluationService
{
public:
    explicit EvaluationService(Database& db) : m_db(db) {}

    Nomination addNomination(const Cadre& actor, Nomination n);
    /** Sets the score (0–100), or clears it (which also unselects). */
    Nomination scoreNomination(const Cadre& actor, RowId id, std::optional<double> score);
    /** Marks a scored nomination selected (or not). */
    Nomination selectNomination(const Cadre& actor, RowId id, bool selected);
    QList<Nomination> nominations(int year);

    /** Saves the actor's reflections for a quarter (cadres and supervisors). */
    QuarterlyNote saveReflection(const Cadre& actor, const QString& quarter, const QString& text);
    /** Saves staff's assessment of a town for a quarter. */
    QuarterlyNote saveTownAssessment(const Cadre& actor, const QString& quarter, RowId townId, const QString& text);

private:
    Nomination change(const Cadre& actor, RowId id, const std::function<void(Nomination&)>& edit);

    Database& m_db;
};

} // namespace yg
