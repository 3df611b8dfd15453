#pragma once

#include "domain/Entities.h"

#include <QList>
#include <QPair>
#include <QString>

class QComboBox;
class QTableView;

namespace yg {

class Database;

/** The shared look and behaviour of the lazy lists: whole-row single selection, read-only, striped. */
void setUpListTable(QTableView* table);

/** A combo box of many names (cadres) that finds an entry by any part of what is typed. */
void makeSearchable(QComboBox* combo);

/**
 * Replaces a combo box's entries with `first` (no data) and the names (id as data) in one
 * model: thousands of cadres fill it in a few milliseconds, where addItem one by one
 * costs tens.
 */
void fillNames(QComboBox* combo, const QString& first, const QList<QPair<RowId, QString>>& names);

/** The signed-in person as stored, or an unknown person with only the id (who then sees nothing extra). */
Cadre actorFor(Database& db, RowId actorId);

} // namespace yg
