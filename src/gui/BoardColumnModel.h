#pragma once

#include "storage/BoardQueries.h"

#include <QAbstractListModel>

namespace yg {

/**
 * The cards of one board column. A drag carries the issue id and the column it left; a drop
 * never changes a model by itself: it asks for the move (moveRequested) and returns false,
 * so a refused or cancelled move leaves the card where it was, and an accepted one shows up
 * when the board reloads.
 */
class BoardColumnModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int VersionRole = Qt::UserRole + 2;
    static constexpr int EscalationRole = Qt::UserRole + 3; ///< int (Escalation)
    static constexpr int ColumnRole = Qt::UserRole + 4;     ///< int (BoardColumn) the card stands in
    static const QString kMimeType;

    explicit BoardColumnModel(BoardColumn column, QObject* parent = nullptr);

    BoardColumn column() const { return m_column; }
    void setCards(QList<BoardCard> cards);
    const BoardCard& card(int row) const { return m_cards.at(row); }
    /** The row of an issue, or -1. */
    int rowOf(RowId issueId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    /** The one-line text of a card (screen readers, tooltips, tests). */
    static QString describe(const BoardCard& card);

signals:
    /** A card was dropped here: the board asks for the action the move means. */
    void moveRequested(RowId issueId, yg::BoardColumn to);

private:
    BoardColumn m_column;
    QList<BoardCard> m_cards;
};

} // namespace yg
