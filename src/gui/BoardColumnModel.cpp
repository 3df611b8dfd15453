#include "BoardColumnModel.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace yg {

const QString BoardColumnModel::kMimeType = QStringLiteral("application/x-yuegong-board-card");

namespace {

/** The issue id and the column it was dragged from, or nothing if the data is not a card. */
std::optional<std::pair<RowId, int>> decode(const QMimeData* data)
{
    if (!data || !data->hasFormat(BoardColumnModel::kMimeType))
        return std::nullopt;
    QByteArray bytes = data->data(BoardColumnModel::kMimeType);
    QDataStream in(&bytes, QIODevice::ReadOnly);
    qint64 id = 0;
    qint32 column = -1;
    in >> id >> column;
    if (in.status() != QDataStream::Ok || id <= 0)
        return std::nullopt;
    return std::pair<RowId, int>{id, column};
}

} // namespace

BoardColumnModel::BoardColumnModel(BoardColumn column, QObject* parent) : QAbstractListModel(parent), m_column(column)
{}

void BoardColumnModel::setCards(QList<BoardCard> cards)
{
    beginResetModel();
    m_cards = std::move(cards);
    endResetModel();
}

int BoardColumnModel::rowOf(RowId issueId) const
{
    for (int row = 0; row < m_cards.size(); ++row) {
        if (m_cards[row].id == issueId)
            return row;
    }
    return -1;
}

int BoardColumnModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cards.size());
}

QString BoardColumnModel::describe(const BoardCard& c)
{
    QStringList parts{c.number, c.enterprise, c.category, c.owner};
    if (c.stage == Stage::Closed) {
        parts << stageText(c.stage, c.outcome)
              << QCoreApplication::translate("yg::BoardView", "closed %1").arg(c.closedOn.toString(Qt::ISODate));
    } else {
        parts << QCoreApplication::translate("yg::BoardView", "%1 working days").arg(c.ageDays);
        if (c.dueDate.isValid())
            parts << QCoreApplication::translate("yg::BoardView", "due %1").arg(c.dueDate.toString(Qt::ISODate));
        if (c.pausedSince.isValid())
            parts << QCoreApplication::translate("yg::BoardView", "clock paused");
        if (c.escalation != Escalation::None)
            parts << displayName(c.escalation);
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant BoardColumnModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_cards.size())
        return {};
    const BoardCard& c = m_cards[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 %2").arg(c.number, c.enterprise);
    case Qt::ToolTipRole:
        return c.title + QLatin1Char('\n') + describe(c);
    case Qt::AccessibleTextRole:
        return describe(c);
    case IdRole:
        return c.id;
    case VersionRole:
        return c.version;
    case EscalationRole:
        return static_cast<int>(c.escalation);
    case ColumnRole:
        return static_cast<int>(m_column);
    default:
        return {};
    }
}

Qt::ItemFlags BoardColumnModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

Qt::DropActions BoardColumnModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions BoardColumnModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList BoardColumnModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData* BoardColumnModel::mimeData(const QModelIndexList& indexes) const
{
    if (indexes.isEmpty() || !indexes.first().isValid())
        return nullptr;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << static_cast<qint64>(m_cards.at(indexes.first().row()).id) << static_cast<qint32>(m_column);
    auto* data = new QMimeData;
    data->setData(kMimeType, bytes);
    return data;
}

bool BoardColumnModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int, const QModelIndex&) const
{
    const auto card = decode(data);
    return card && card->second != static_cast<int>(m_column);
}

bool BoardColumnModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                    const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    emit moveRequested(decode(data)->first, m_column);
    return false; // the card moves when the action is done and the board reloads
}

} // namespace yg
