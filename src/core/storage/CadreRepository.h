#pragma once

#include "storage/RepositoryBase.h"

#include <QList>

namespace yg {

/** Cadres (the app's users) and their groups. */
class CadreRepository : public RepositoryBase
{
public:
    explicit CadreRepository(Database& db) : RepositoryBase(db) {}

    void insert(CadreGroup& group);
    void update(CadreGroup& group, std::optional<RowId> actor = std::nullopt);
    std::optional<CadreGroup> group(RowId id);
    QList<CadreGroup> groups();

    /** Inserts the cadre and their town assignments. */
    void insert(Cadre& cadre);
    /** Updates the cadre and replaces their town assignments. */
    void update(Cadre& cadre, std::optional<RowId> actor = std::nullopt);
    std::optional<Cadre> cadre(RowId id);
    std::optional<Cadre> cadreByName(const QString& name);
    QList<Cadre> cadres();
    /** At most `limit` cadres and supervisors whose name contains `text` (the companion picker). */
    QList<Cadre> search(const QString& text, int limit);
    qint64 count();

private:
    void writeTowns(const Cadre& cadre);
    QList<RowId> townsOf(RowId cadreId);
    QList<Cadre> select(const QString& where, const QVariantList& values);
};

} // namespace yg
