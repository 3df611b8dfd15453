#include "ListWidgets.h"

#include "storage/CadreRepository.h"

#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QTableView>

namespace yg {

void setUpListTable(QTableView* table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

void makeSearchable(QComboBox* combo)
{
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    combo->completer()->setFilterMode(Qt::MatchContains);
    combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    combo->setMinimumContentsLength(8);
}

Cadre actorFor(Database& db, RowId actorId)
{
    if (auto actor = CadreRepository(db).cadre(actorId))
        return *actor;
    Cadre nobody;
    nobody.meta.id = actorId;
    return nobody;
}

} // namespace yg
