#include "ListWidgets.h"

#include "storage/CadreRepository.h"

#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QStandardItemModel>
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

void fillNames(QComboBox* combo, const QString& first, const QList<QPair<RowId, QString>>& names)
{
    auto* model = new QStandardItemModel(static_cast<int>(names.size()) + 1, 1, combo);
    model->setItem(0, new QStandardItem(first));
    for (qsizetype i = 0; i < names.size(); ++i) {
        auto* item = new QStandardItem(names[i].second);
        item->setData(names[i].first, Qt::UserRole);
        model->setItem(static_cast<int>(i) + 1, item);
    }
    combo->setModel(model); // deletes the combo box's previous model if it owned it
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
