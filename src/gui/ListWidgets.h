#pragma once

#include "domain/Entities.h"

class QComboBox;
class QTableView;

namespace yg {

class Database;

/** The shared look and behaviour of the lazy lists: whole-row single selection, read-only, striped. */
void setUpListTable(QTableView* table);

/** A combo box of many names (cadres) that finds an entry by any part of what is typed. */
void makeSearchable(QComboBox* combo);

/** The signed-in person as stored, or an unknown person with only the id (who then sees nothing extra). */
Cadre actorFor(Database& db, RowId actorId);

} // namespace yg
